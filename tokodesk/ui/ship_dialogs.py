"""Shipping from the queue: the AWB of each own-courier order, and "Arrange shipment and print".

- Ship (and Arrange) first look, off the GUI thread, for selected orders the seller's own courier delivers (the
  channel's model or the marketplace's mark on the order). Those ask for their AWB in one dialog, a row per order,
  typed or scanned (a scanner's Enter moves to the next row), checked as it is typed: only what a Code 128 barcode
  holds, the length couriers use, no AWB twice. Nothing is sent until every row is right.
- Arrange shipment and print (marketplaces whose tracking number comes with shipping, `tracking_at_ship`): one
  click for the selection ships it through the outbox, waits for the tracking numbers, then opens the labels of the
  orders that have one in the print dialog. It runs in the channel's lane with progress and Stop; what did not ship
  or has no code yet is listed with the reason.
"""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpacerItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk.services.fulfilment.awb import AWB_MAX, AWB_MIN, clean
from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.messages import describe, in_words

log = logging.getLogger(__name__)

SHIPPABLE = ("packed", "ready_to_ship")


def awb_orders(pks: Sequence[int]) -> list[tuple[str, str, str]]:
    """In a worker: (order id, invoice, courier) of the selected orders that ship with the seller's own courier."""
    from tokodesk.services.fulfilment.awb import delivered_by_seller

    found = []
    channels: dict[int, m.Channel] = {}
    for order in m.Order.select().where(m.Order.id.in_(list(pks))).order_by(m.Order.id):
        channel = channels.setdefault(order.channel_id, m.Channel.get_by_id(order.channel_id))
        if order.state in SHIPPABLE and delivered_by_seller(order, channel):
            found.append((order.order_id, order.invoice, order.courier))
    return found


class AwbDialog(QDialog):
    """Own courier: the AWB (resi) of each order, typed or scanned, checked before anything is sent."""

    def __init__(self, orders: Sequence[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("AWB (resi) numbers"))
        self.resize(640, min(560, 160 + 34 * len(orders)))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("These orders go with your own courier: type or scan the AWB (resi) of each. A "
                               "scanner's Enter moves to the next order."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        # An invoice on Tokopedia, the order ID on Tokopedia & Shop (which has no invoice numbers): "Order" names both.
        self.headers = [QLabel(f"<b>{title}</b>") for title in (self.tr("Order"), self.tr("Courier"),
                                                                self.tr("AWB (resi)"))]
        for col, header in enumerate(self.headers):
            grid.addWidget(header, 0, col)
        self._ids: list[str] = []
        self._names: list[str] = []
        self.fields: list[QLineEdit] = []
        self.errors: list[QLabel] = []
        for n, (order_id, invoice, courier) in enumerate(orders):
            row = 1 + 2 * n
            grid.addWidget(QLabel(invoice or order_id), row, 0)
            grid.addWidget(QLabel(courier or "—"), row, 1)
            field = QLineEdit()
            field.setPlaceholderText(self.tr("Type or scan the AWB"))
            field.setMaxLength(AWB_MAX + 20)  # a longer scan is shown and refused with its length, not cut silently
            field.textChanged.connect(self._check)
            field.returnPressed.connect(lambda n=n: self._next(n))
            grid.addWidget(field, row, 2)
            error = QLabel()
            error.setStyleSheet("color:#b00020")
            error.setWordWrap(True)
            error.hide()
            grid.addWidget(error, row + 1, 0, 1, 3)
            self._ids.append(order_id)
            self._names.append(invoice or order_id)
            self.fields.append(field)
            self.errors.append(error)
        grid.setColumnStretch(2, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        rule = QLabel(self.tr("An AWB has {0} to {1} letters, digits or plain symbols (no spaces), as the courier "
                              "printed it.").format(AWB_MIN, AWB_MAX))
        rule.setStyleSheet("color:#555")
        rule.setWordWrap(True)
        layout.addWidget(rule)
        box = QDialogButtonBox()
        self.ok_button = box.addButton(self.tr("Ship"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self._check()
        if self.fields:
            self.fields[0].setFocus()

    def _next(self, n: int) -> None:
        if n + 1 < len(self.fields):
            self.fields[n + 1].setFocus()
        elif not self.problems():
            self.accept()

    def problem(self, awb: str) -> str:
        """Why one AWB cannot be used, in the window's language ("" when it can); the service checks again."""
        if not awb:
            return ""
        for ch in awb:
            if not (33 <= ord(ch) <= 126):
                try:
                    name = unicodedata.name(ch)
                except ValueError:
                    name = self.tr("a control character")
                shown = f"'{ch}' " if ch.isprintable() and not ch.isspace() else ""
                hint = ""
                if unicodedata.category(ch) == "Pd" or ch == "\u2212":
                    hint = " " + self.tr("Type a plain hyphen '-' instead.")
                elif ch.isspace():
                    hint = " " + self.tr("Remove the space.")
                return self.tr("{0}(U+{1:04X} {2}) cannot be in a barcode: use letters, digits and plain symbols."
                               ).format(shown, ord(ch), name) + hint
        if len(awb) < AWB_MIN:
            return self.tr("{0} characters: an AWB has at least {1}.").format(len(awb), AWB_MIN)
        if len(awb) > AWB_MAX:
            return self.tr("{0} characters: an AWB has at most {1}.").format(len(awb), AWB_MAX)
        return ""

    def problems(self) -> dict[int, str]:
        """Row -> what is wrong, for every row (empty rows included: every order needs its AWB)."""
        found: dict[int, str] = {}
        seen: dict[str, int] = {}
        for n, field in enumerate(self.fields):
            awb = clean(field.text())
            if not awb:
                found[n] = ""  # not typed yet: no message, but Ship waits for it
                continue
            problem = self.problem(awb)
            if problem:
                found[n] = problem
                continue
            first = seen.setdefault(awb.casefold(), n)
            if first != n:
                found[n] = self.tr("The same AWB as {0}: each parcel has its own.").format(self._names[first])
        return found

    @Slot()
    def _check(self) -> None:
        problems = self.problems()
        for n, error in enumerate(self.errors):
            text = problems.get(n, "")
            error.setText(text)
            error.setVisible(bool(text))
            self.fields[n].setStyleSheet("border: 1px solid #b00020;" if text else "")
        self.ok_button.setEnabled(not problems)

    def awbs(self) -> dict[str, str]:
        return {order_id: clean(field.text()) for order_id, field in zip(self._ids, self.fields, strict=True)
                if clean(field.text())}

    def accept(self) -> None:
        if self.problems():
            return
        super().accept()


def _with_awbs(tab: Any, pks: list[int], go: Callable[[dict[str, str]], None]) -> None:
    """Ask for the AWBs of the own-courier orders among `pks` (if any), then `go(awbs)`."""

    def found(rows: list[tuple[str, str, str]]) -> None:
        if not rows:
            go({})
            return
        tab.awb_dialog = AwbDialog(rows, tab)
        tab.awb_dialog.accepted.connect(lambda: go(tab.awb_dialog.awbs()))
        tab.awb_dialog.open()

    title = QCoreApplication.translate("ShipFlow", "Reading the orders")
    tab.ctx.jobs.submit(lambda _jc: awb_orders(pks), title=title, on_result=found,
                        on_error=tab._show_error)


def ship_selection(tab: Any) -> None:
    """The queue's Ship: the selected orders at the click; own-courier ones first ask for their AWBs."""
    pks = tab.selected_order_ids()
    if not pks:
        return
    title = QCoreApplication.translate("ShipFlow", "Ship")
    _with_awbs(tab, pks, lambda awbs: tab._run_action("ship", pks, lambda f, orders: f.ship(orders, awbs), title))


def arrange_selection(tab: Any) -> None:
    """The queue's Arrange shipment and print: ship the selection at the click, wait for the codes, print."""
    rows = tab.selected_rows()
    pks = [row[q.R_PK] for row in rows]
    if not pks:
        return
    # The shop of the orders chosen (Arrange takes one shop at a time), not the view's: in "All shops" the view has
    # none, and its marketplace calls would hold up the local lane that loads the queue.
    channel_id = rows[0][q.R_CHANNEL]
    names = [row[q.R_INVOICE] or row[q.R_ORDER_ID] for row in rows]
    _with_awbs(tab, pks, lambda awbs: start_arrange(tab, pks, awbs, channel_id=channel_id, names=names))


def start_arrange(tab: Any, pks: list[int], awbs: dict[str, str], *, channel_id: int | None = None,
                  names: list[str] | None = None) -> ArrangeDialog:
    from tokodesk.services.fulfilment import Fulfilment
    from tokodesk.services.fulfilment.arrange import arrange

    ctx = tab.ctx
    factory = ctx.adapter_factory
    dialog = ArrangeDialog(names or [str(pk) for pk in pks], tab)
    tab.arrange_dialog = dialog

    def work(jc: Any) -> Any:
        orders = list(m.Order.select().where(m.Order.id.in_(pks)))
        with Fulfilment(adapters=factory, progress=jc.progress, cancel=jc.cancelled) as fulfilment:
            return arrange(fulfilment, orders, awbs)

    def done(result: Any) -> None:
        dialog.finished_with(result)
        tab.refresh_rows(pks)
        ctx.announce("stock")
        if result.ready:
            from tokodesk.ui.printing import open_print_dialog

            open_print_dialog(tab, ctx, "label", result.ready, on_printed=tab.refresh_rows,
                              on_marked=lambda marked: tab.model.set_notes(marked.notes))

    def failed(exc: BaseException, detail: str) -> None:
        from tokodesk.ui.workers import Cancelled

        if isinstance(exc, Cancelled):  # stopped before the job began: nothing was sent
            dialog.failed(QCoreApplication.translate("ShipFlow", "Stopped before anything was sent."), stopped=True)
        else:
            dialog.failed(describe(exc))
        tab.refresh_rows(pks)

    title = QCoreApplication.translate("ShipFlow", "Arrange shipment and print")
    dialog.job = ctx.jobs.submit(work, title=title, lane=ctx.lane(channel_id),
                                 on_result=done, on_error=failed, on_progress=dialog.progressed)
    dialog.open()
    return dialog


class ArrangeDialog(QDialog):
    """Progress and Stop while the selection ships and its tracking numbers arrive; then what did not print."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Arrange shipment and print"))
        self.resize(720, 320)
        self.job: Any = None
        self.result: Any = None
        layout = QVBoxLayout(self)
        shown = ", ".join(names[:5]) + (" " + self.tr("and {0} more").format(len(names) - 5) if len(names) > 5 else "")
        # Which orders are being shipped, not only how many, for as long as the dialog is open.
        self.orders_label = QLabel(self.tr("Orders: {0}").format(shown))
        self.orders_label.setWordWrap(True)
        layout.addWidget(self.orders_label)
        self.info = QLabel(self.tr("Arranging the shipment of {0} order(s)…").format(len(names)))
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        self.table = QTableWidget(0, 3)
        # An invoice on Tokopedia, the order ID on Tokopedia & Shop (which has no invoice numbers).
        self.table.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Result"), self.tr("Reason")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.hide()
        layout.addWidget(self.table, 1)
        # Without the table (everything printed) the lines stay together at the top; the filler takes the room the
        # table would, else the labels were spread down the whole dialog.
        self.filler = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
        layout.addItem(self.filler)
        box = QDialogButtonBox()
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop after the order being sent; what shipped stays shipped and its "
                                            "labels still print."))
        self.stop_button.clicked.connect(self.stop)
        box.addButton(self.stop_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = box.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setEnabled(False)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def reject(self) -> None:
        if self.job is not None and self.result is None:
            return  # still shipping: Stop first (closing must not leave a half-known batch behind)
        super().reject()

    @Slot()
    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()
        self.stop_button.setEnabled(False)
        self.info.setText(self.tr("Stopping after the order being sent…"))

    def progressed(self, done: int, total: Any, message: str) -> None:
        if total:
            self.progress.setRange(0, int(total))
            self.progress.setValue(min(done, int(total)))
        if message:
            self.info.setText(message)

    def finished_with(self, result: Any) -> None:
        self.result = result
        self.progress.hide()
        self.stop_button.hide()
        self.close_button.setEnabled(True)
        total = len(result.outcomes)
        text = self.tr("{0} of {1} order(s) shipped; {2} label(s) to print.").format(
            result.shipped, total, len(result.ready))
        if result.stopped:
            text = self.tr("Stopped.") + " " + text
        self.info.setText(text)
        rows = result.not_printed
        self.table.setRowCount(len(rows))
        for row, item in enumerate(rows):
            if item.shipped:
                what = self.tr("Shipped, no label yet")
            else:
                what = self.tr("Skipped") if item.refused else self.tr("Not shipped")
            for col, value in enumerate((item.invoice or item.order_id, what, in_words(item.reason))):
                cell = QTableWidgetItem(value)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, cell)
        self.table.resizeColumnsToContents()
        self.table.setVisible(bool(rows))
        self.filler.changeSize(0, 0, QSizePolicy.Policy.Minimum,
                               QSizePolicy.Policy.Minimum if rows else QSizePolicy.Policy.Expanding)
        self.layout().invalidate()

    def failed(self, text: str, stopped: bool = False) -> None:
        self.result = False
        self.progress.hide()
        self.stop_button.hide()
        self.close_button.setEnabled(True)
        self.info.setText(text if stopped else self.tr("Arranging the shipment failed: {0}").format(text))
