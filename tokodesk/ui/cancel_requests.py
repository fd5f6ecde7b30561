"""The buyers' cancellation requests of a Tokopedia & Shop channel: see them, approve, or reject with a reason.

Widgets only. Every marketplace call (the list, the reasons offered for one request, the answer) goes through
`services.cancellations.BuyerRequests` in a job on the channel's lane; the dialog shows and asks. The store does not
know which orders have a pending buyer request (the status sync keeps no such flag), so this dialog, filled from
the marketplace, is the one place that lists them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk.ui.context import AppContext
from tokodesk.ui.formatting import wib_text
from tokodesk.ui.messages import describe, in_words
from tokodesk.ui.widgets import fit_to_screen

# Buyers' requests live only on the marketplace: count them now and then, not at every queue reload.
COUNT_INTERVAL_MS = 120_000
COUNT_MIN_GAP_MS = 60_000
COL_INVOICE, COL_BUYER, COL_ITEMS, COL_REASON, COL_RESPOND_BY, COL_RESULT = range(6)
MAX_COMMENT = 500  # the marketplace's note to the buyer is short; a longer one is refused there


@dataclass
class RequestRow:
    """One pending request as the dialog shows it; `pk` is None when the order is not in the store yet."""

    cancel_id: str
    order_id: str
    invoice: str
    pk: int | None
    buyer: str
    items: str
    reason: str
    respond_by: Any  # datetime | None
    result: str = ""
    ok: bool | None = None
    done: bool = False  # answered (or waiting for the marketplace's answer): no second answer from here


# ---- what runs in the channel's lane (no Qt) ----------------------------------------------------------------
def _service(channel_id: int, factory: Callable[[Any], Any] | None) -> Any:
    from tokodesk.services.cancellations import BuyerRequests
    from tokodesk.store import models as m

    channel = m.Channel.get_by_id(channel_id)
    return BuyerRequests(channel, factory(channel) if factory is not None else None)


def load_requests(channel_id: int, factory: Callable[[Any], Any] | None) -> list[RequestRow]:
    from tokodesk.store import models as m
    from tokodesk.ui import queries as q

    with _service(channel_id, factory) as service:
        found = service.pending()
    pks = dict(m.Order.select(m.Order.order_id, m.Order.id).where(
        (m.Order.channel == channel_id) & m.Order.order_id.in_([r.order_id for r in found] or [""])).tuples())
    local = {r[q.R_PK]: r for r in q.order_rows(channel_id, list(pks.values()))} if pks else {}
    rows = []
    for r in found:
        pk = pks.get(r.order_id)
        row = local.get(pk) if pk is not None else None
        rows.append(RequestRow(r.cancel_id, r.order_id, r.invoice, pk, row[q.R_BUYER] if row else "",
                               row[q.R_ITEMS] if row else "", r.reason, r.respond_by))
    return rows


def load_reasons(channel_id: int, pk: int, factory: Callable[[Any], Any] | None) -> list:
    from tokodesk.store import models as m

    with _service(channel_id, factory) as service:
        return service.reject_reasons(m.Order.get_by_id(pk))


def send_answer(channel_id: int, pk: int, decision: str, reason: str, comment: str,
                factory: Callable[[Any], Any] | None) -> Any:
    from tokodesk.store import models as m

    order = m.Order.get_by_id(pk)
    with _service(channel_id, factory) as service:
        if decision == "approve":
            return service.approve(order)
        return service.reject(order, reason, comment)


# ---- the dialog ------------------------------------------------------------------------------------------------
class BuyerRequestsDialog(QDialog):
    """The list of pending requests with Approve / Reject for the selected one; results in words on its row."""

    counted = Signal(int)  # requests still waiting for an answer, after a load or an answer
    answered = Signal(int, bool, str, str)  # order pk, ok, the words shown, "approve" | "reject"

    def __init__(self, ctx: AppContext, channel_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.channel_id = channel_id
        self.rows: list[RequestRow] = []
        self.reasons: dict[int, list] = {}  # order pk -> the reasons the marketplace offers for its request
        self.confirm_box: QMessageBox | None = None
        self.loading = False
        self.setWindowTitle(self.tr("Buyer cancellation requests"))
        fit_to_screen(self, 1180, 560)

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Buyers asked to cancel these orders. Approve: the marketplace cancels the order and refunds the buyer. "
            "Reject: the order stays to be shipped. Answer before the deadline, or the marketplace decides for you."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.table = QTableWidget(0, 6)
        # Tokopedia & Shop's buyers ask (the legacy API has no requests): an order has its ID there, no invoice.
        self.table.setHorizontalHeaderLabels([self.tr("Order ID"), self.tr("Buyer"), self.tr("Items"),
                                              self.tr("Buyer's reason"), self.tr("Answer by"), self.tr("Result")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)  # a result is a sentence: the row grows rather than cut it
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(26)
        self.table.setStyleSheet("QTableWidget::item { padding: 2px 4px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in ((COL_INVOICE, 200), (COL_BUYER, 120), (COL_ITEMS, 170), (COL_REASON, 170),
                           (COL_RESPOND_BY, 140)):
            self.table.setColumnWidth(col, width)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)

        answer = QGroupBox(self.tr("Answer the selected request"))
        form = QFormLayout(answer)
        self.approve_button = QPushButton(self.tr("Approve: cancel the order"))
        self.approve_button.clicked.connect(self.ask_approve)
        approve_row = QHBoxLayout()
        approve_row.addWidget(self.approve_button)
        approve_row.addStretch(1)
        form.addRow(approve_row)
        self.reason = QComboBox()
        self.reason.setMinimumContentsLength(40)
        self.reason.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.reason.currentIndexChanged.connect(lambda _i: self._update_buttons())
        form.addRow(self.tr("Reason to reject"), self.reason)
        self.comment = QLineEdit()
        self.comment.setMaxLength(MAX_COMMENT)
        self.comment.setPlaceholderText(self.tr("Optional: a note for the buyer, e.g. the parcel is already packed"))
        form.addRow(self.tr("Comment"), self.comment)
        reject_row = QHBoxLayout()
        self.reject_button = QPushButton(self.tr("Reject the request"))
        self.reject_button.clicked.connect(self.reject_selected)
        reject_row.addWidget(self.reject_button)
        reject_row.addStretch(1)
        form.addRow(reject_row)
        layout.addWidget(answer)

        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.load)
        bottom.addWidget(self.refresh_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self._update_buttons()

    # ---- loading ---------------------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the pending requests from the marketplace (a job on the channel's lane)."""
        if self.loading or self.ctx.jobs.closed:
            return
        self.loading = True
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Reading the buyers' requests from the marketplace…"))
        self._update_buttons()
        channel_id, factory = self.channel_id, self.ctx.adapter_factory
        self.ctx.jobs.submit(lambda _jc: load_requests(channel_id, factory),
                             title=self.tr("Reading buyer cancellation requests"), lane=self.ctx.lane(channel_id),
                             on_result=self._loaded, on_error=self._load_failed)

    def _loaded(self, rows: list[RequestRow]) -> None:
        self.loading = False
        selected = self.selected()
        self.rows = rows
        self.reasons.clear()
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            if row.pk is None:
                row.result = self.tr("Not in TokoDesk yet: pull the orders first (Channel tab → Sync now)")
            self._fill(index)
        self._fit_columns()
        self.table.resizeRowsToContents()
        self.status.setText(self.tr("{0} request(s) waiting for your answer.").format(len(rows)) if rows
                            else self.tr("No buyer is waiting for an answer."))
        self.counted.emit(len(rows))
        keep = next((i for i, r in enumerate(rows) if selected and r.cancel_id == selected.cancel_id),
                    0 if rows else -1)
        if keep >= 0:
            self.table.selectRow(keep)
        self._selection_changed()

    def _fit_columns(self) -> None:
        # Invoice, buyer and deadline fit whole; items and the buyer's words are capped (full text in the tooltip)
        # so the result column keeps room for a sentence.
        for col, cap in ((COL_INVOICE, 240), (COL_BUYER, 180), (COL_ITEMS, 240), (COL_REASON, 280),
                         (COL_RESPOND_BY, 200)):
            self.table.resizeColumnToContents(col)
            self.table.setColumnWidth(col, max(90, min(cap, self.table.columnWidth(col) + 8)))

    def _load_failed(self, exc: BaseException, _detail: str) -> None:
        self.loading = False
        self._error(self.tr("The requests could not be read: {0}").format(describe(exc)))
        self._update_buttons()

    def _fill(self, index: int) -> None:
        row = self.rows[index]
        respond = wib_text(row.respond_by) if row.respond_by else "—"
        texts = (row.invoice or row.order_id, row.buyer, row.items, row.reason, respond, row.result)
        for col, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if col == COL_RESULT and row.ok is not None:
                item.setForeground(QBrush(QColor("#1b5e20" if row.ok else "#b00020")))
            self.table.setItem(index, col, item)
        self.table.resizeRowToContents(index)

    # ---- selection and reasons -------------------------------------------------------------------------------
    def selected(self) -> RequestRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select_order(self, pk: int) -> None:
        index = next((i for i, r in enumerate(self.rows) if r.pk == pk), None)
        if index is not None:
            self.table.selectRow(index)

    def _selection_changed(self) -> None:
        row = self.selected()
        self.reason.clear()
        if row is not None and row.pk is not None and not row.done:
            if row.pk in self.reasons:
                self._show_reasons(row.pk, self.reasons[row.pk])
            else:
                self._fetch_reasons(row.pk)
        self._update_buttons()

    def _fetch_reasons(self, pk: int) -> None:
        self.reason.addItem(self.tr("Reading the reasons the marketplace offers…"), None)
        channel_id, factory = self.channel_id, self.ctx.adapter_factory

        def arrived(found: list) -> None:
            self.reasons[pk] = found
            current = self.selected()
            if current is not None and current.pk == pk:  # the user may have moved on meanwhile
                self._show_reasons(pk, found)

        def failed(exc: BaseException, _detail: str) -> None:
            current = self.selected()
            if current is not None and current.pk == pk:
                self.reason.clear()
                self._error(self.tr("The reasons to reject could not be read: {0}").format(describe(exc)))
                self._update_buttons()

        self.ctx.jobs.submit(lambda _jc: load_reasons(channel_id, pk, factory),
                             title=self.tr("Reading the reasons to reject"), lane=self.ctx.lane(channel_id),
                             on_result=arrived, on_error=failed)

    def _show_reasons(self, pk: int, found: list) -> None:
        self.reason.clear()
        if not found:
            self.reason.addItem(self.tr("The marketplace offers no reason to reject this request"), None)
        else:  # no reason preselected: a reject is a deliberate choice, never the first item by accident
            self.reason.addItem(self.tr("Choose a reason…"), None)
        for r in found:
            self.reason.addItem(r.label or r.code, r.code)
            self.reason.setItemData(self.reason.count() - 1, r.code, Qt.ItemDataRole.ToolTipRole)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        can = row is not None and row.pk is not None and not row.done and not self.loading
        self.approve_button.setEnabled(can)
        self.reject_button.setEnabled(can and self.reason.currentData() is not None)
        self.reason.setEnabled(can and row is not None and bool(self.reasons.get(row.pk)))
        self.comment.setEnabled(can)
        self.refresh_button.setEnabled(not self.loading)

    # ---- answering -------------------------------------------------------------------------------------------
    def ask_approve(self) -> None:
        row = self.selected()
        if row is None or row.pk is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Approve the cancellation"),
                          self.tr("Approve the buyer's request for {0}? The marketplace cancels the order and "
                                  "refunds the buyer; this cannot be undone.").format(row.invoice or row.order_id),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        pk = row.pk
        # `finished` carries the button chosen (a StandardButton), so the slot needs no reference to the box.
        box.finished.connect(lambda result: self._confirmed(result, pk))
        self.confirm_box = box
        box.open()

    def _confirmed(self, result: int, pk: int) -> None:
        if result == QMessageBox.StandardButton.Yes:
            self._answer(pk, "approve", "", "")

    def reject_selected(self) -> None:
        row = self.selected()
        code = self.reason.currentData()
        if row is None or row.pk is None or code is None:
            return
        self._answer(row.pk, "reject", str(code), self.comment.text().strip())

    def _answer(self, pk: int, decision: str, reason: str, comment: str) -> None:
        index = next((i for i, r in enumerate(self.rows) if r.pk == pk), None)
        if index is None:
            return
        row = self.rows[index]
        row.done, row.ok = True, None  # no second click while this one is on its way
        row.result = self.tr("Sending the approval…") if decision == "approve" else self.tr("Sending the rejection…")
        self._fill(index)
        self._update_buttons()
        label = self.reason.currentText() if decision == "reject" else ""
        channel_id, factory = self.channel_id, self.ctx.adapter_factory

        def done(result: Any) -> None:
            self._answered(pk, decision, label, ok=result.ok, error=in_words(result.error or ""),
                           refused=result.refused, pending=result.pending)

        def failed(exc: BaseException, _detail: str) -> None:
            self._answered(pk, decision, label, ok=False, error=describe(exc), refused=False, pending=False)

        title = self.tr("Approving a buyer's cancellation") if decision == "approve" else \
            self.tr("Rejecting a buyer's cancellation")
        self.ctx.jobs.submit(lambda _jc: send_answer(channel_id, pk, decision, reason, comment, factory),
                             title=title, lane=self.ctx.lane(channel_id), on_result=done, on_error=failed)

    def _answered(self, pk: int, decision: str, label: str, *, ok: bool, error: str, refused: bool,
                  pending: bool) -> None:
        if ok:
            words = self.tr("Approved: the order is cancelled") if decision == "approve" else \
                self.tr("Rejected ({0}): the order stays to be shipped").format(label)
        elif refused:
            words = self.tr("Not sent: {0}").format(error)
        elif pending:
            words = self.tr("Waiting for the marketplace's answer: {0}").format(error)
        else:
            words = self.tr("The marketplace refused: {0}").format(error)
        index = next((i for i, r in enumerate(self.rows) if r.pk == pk), None)
        if index is not None:
            row = self.rows[index]
            row.ok, row.result = ok, words
            row.done = ok or pending  # a refusal or a failure may be tried again (after a refresh, another reason)
            self._fill(index)
        if ok:
            self.status.setStyleSheet("")
            self.status.setText(words)
            self.comment.clear()  # it was for this buyer
        else:
            self._error(words)
        self.answered.emit(pk, ok, words, decision)
        self.counted.emit(sum(1 for r in self.rows if not r.done))
        self._selection_changed()

    def _error(self, text: str) -> None:
        self.status.setStyleSheet("color:#b00020")
        self.status.setText(text)


class BuyerRequestsButton(QPushButton):
    """The Orders tab's "Cancellation requests (N)": counts the channel's pending requests in a background job and
    opens the dialog. Disabled, with the reason as tooltip, on a channel whose API has no buyer requests."""

    answered = Signal(int, bool, str, str)  # forwarded from the dialog

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: BuyerRequestsDialog | None = None
        self.count: int | None = None
        self.counted_for: int | None = None  # the channel `count` belongs to
        self.counting = False
        self._clock = QElapsedTimer()
        self.timer = QTimer(self)
        self.timer.setInterval(COUNT_INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.refresh(force=True))
        self.timer.start()
        self.clicked.connect(self.open_dialog)
        self.update_look()

    def supported(self) -> bool:
        caps = self.ctx.capabilities(self.ctx.channel_id)
        return bool(caps and caps.buyer_cancel_requests)

    def update_look(self) -> None:
        caps = self.ctx.capabilities(self.ctx.channel_id)
        self.setVisible(self.ctx.channel_id is not None and caps is not None)
        if not self.supported():
            self.setEnabled(False)
            self.setText(self.tr("Cancellation requests"))
            self.setStyleSheet("")
            self.setToolTip(self.tr("This channel's marketplace API has no buyer cancellation requests to answer: "
                                    "answer them in Seller Center."))
            return
        self.setEnabled(True)
        count = self.count if self.counted_for == self.ctx.channel_id else None
        self.setText(self.tr("Cancellation requests ({0})").format("?" if count is None else count))
        # Waiting buyers have a deadline: the button stands out while any is waiting.
        self.setStyleSheet("QPushButton { background: #f8d7a8; color: #8a3b00; font-weight: bold; }" if count else "")
        self.setToolTip(self.tr("Buyers asking to cancel an order, read from the marketplace: approve or reject "
                                "each one. The queue itself does not mark these orders."))

    def refresh(self, force: bool = False) -> None:
        """Count the pending requests on the marketplace; at most once a minute unless `force`."""
        channel_id = self.ctx.channel_id
        self.update_look()
        if channel_id is None or not self.supported() or self.counting or self.ctx.jobs.closed:
            return
        recent = self.counted_for == channel_id and self._clock.isValid() and self._clock.elapsed() < COUNT_MIN_GAP_MS
        if recent and not force:
            return
        factory = self.ctx.adapter_factory

        def done(rows: list) -> None:
            self.counting = False
            self.set_count(channel_id, len(rows))

        def failed(exc: BaseException, _detail: str) -> None:
            self.counting = False
            if channel_id == self.ctx.channel_id:
                self.update_look()
                self.setToolTip(self.tr("The buyers' requests could not be read: {0}").format(describe(exc)))

        self.counting = True
        self._clock.start()
        self.ctx.jobs.submit(lambda _jc: load_requests(channel_id, factory),
                             title=self.tr("Counting buyer cancellation requests"), lane=self.ctx.lane(channel_id),
                             background=True, on_result=done, on_error=failed)

    def set_count(self, channel_id: int, count: int) -> None:
        self.count, self.counted_for = count, channel_id
        self._clock.start()
        self.update_look()

    def open_dialog(self) -> None:
        channel_id = self.ctx.channel_id
        if channel_id is None or not self.supported():
            return
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        dialog = BuyerRequestsDialog(self.ctx, channel_id, self.window())
        dialog.counted.connect(lambda n: self.set_count(channel_id, n))
        dialog.answered.connect(self.answered)
        self.dialog = dialog
        dialog.open()
        dialog.load()
