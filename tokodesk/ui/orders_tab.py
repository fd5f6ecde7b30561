"""The Orders tab: the queue a packer works through all day.

Widgets only: every read runs as a snapshot query in the local lane, every marketplace action through
`services.fulfilment.Fulfilment` in the channel's lane; the buttons are enabled from the selection's states and
the adapter's capabilities, and the service still refuses what is not allowed (the row then says why).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tokodesk.marketplace.base import OrderState
from tokodesk.services.changes import ChangeWatcher
from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.cancel_requests import BuyerRequestsButton
from tokodesk.ui.context import AppContext
from tokodesk.ui.messages import describe
from tokodesk.ui.order_detail import OrderDetailPane
from tokodesk.ui.order_dialogs import AwbDialog, CancelDialog, ResultsDialog
from tokodesk.ui.orders_model import (
    CHIPS,
    COL_DEADLINE,
    COL_INVOICE,
    COL_ITEMS,
    COL_STATE,
    OrdersModel,
    OrdersProxy,
    state_label,
)
from tokodesk.ui.orders_rules import ACTIONS, allowed, blocked_reason
from tokodesk.ui.orders_selection import SelectionKeeper
from tokodesk.ui.widgets import ErrorBanner

log = logging.getLogger(__name__)
S = OrderState
LIVE_INTERVAL_MS = 3000


class OrdersTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = OrdersModel(self)
        self.proxy = OrdersProxy(self)
        self.proxy.setSourceModel(self.model)
        self.last_outcomes: list = []
        self.results_dialog: ResultsDialog | None = None
        self.loaded = False
        self._watcher: ChangeWatcher | None = None  # used only inside local-lane jobs (one thread)
        self._polling = False
        self._detail_pk: int | None = None  # the order the detail pane shows

        layout = QVBoxLayout(self)
        self.banner = ErrorBanner()
        layout.addWidget(self.banner)
        layout.addLayout(self._build_chips())
        layout.addLayout(self._build_search_row())
        layout.addLayout(self._build_buttons())

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col, width in enumerate((28, 190, 175, 140, 260, 130, 150, 105, 145, 145)):
            self.view.setColumnWidth(col, width)
        self.view.setColumnWidth(COL_STATE, self._state_column_width())
        header.setSectionResizeMode(COL_ITEMS, QHeaderView.ResizeMode.Stretch)
        # The deadline decides what to do first: show it next to the state, not past the horizontal scroll.
        header.moveSection(header.visualIndex(COL_DEADLINE), header.visualIndex(COL_STATE) + 1)
        self.selection = SelectionKeeper(self.view, self.model, self.proxy)
        self.selection.changed.connect(self._selection_changed)
        self.detail = OrderDetailPane()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 340])
        layout.addWidget(splitter, 1)
        self.empty_label = QLabel()
        self.empty_label.setStyleSheet("color:#555")
        layout.addWidget(self.empty_label)

        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(120)
        self._detail_timer.timeout.connect(self._load_detail)
        self._deadline_timer = QTimer(self)  # deadline colours move with the clock
        self._deadline_timer.setInterval(60_000)
        self._deadline_timer.timeout.connect(self._repaint_deadlines)
        self._deadline_timer.start()
        # Other stations (and this one's syncs) change orders: look for those changes every few seconds.
        self.live_timer = QTimer(self)
        self.live_timer.setInterval(LIVE_INTERVAL_MS)
        self.live_timer.timeout.connect(self.poll_changes)
        self.live_timer.start()

        self._set_tab_order()
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence("F6"), self, self.scan.setFocus)
        QShortcut(QKeySequence.StandardKey.Refresh, self, self.reload)

        ctx.channel_selected.connect(lambda _cid: self.reload())
        ctx.orders_changed.connect(self.reload)
        self._update_buttons()
        self.reload()

    # ------------------------------------------------------------------ layout
    def _build_chips(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.chip_group = QButtonGroup(self)
        self.chip_group.setExclusive(True)
        self.chips: dict[str, QToolButton] = {}
        for key, label, _pred in CHIPS:
            button = QToolButton()
            button.setCheckable(True)
            button.setProperty("chip", key)
            button.setProperty("label", label)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setStyleSheet(
                "QToolButton { border: 1px solid #bbb; border-radius: 10px; padding: 3px 8px; }"
                "QToolButton:checked { background: #2d6cdf; color: white; border-color: #2d6cdf; }"
            )
            button.clicked.connect(lambda _=False, k=key: self.set_chip(k))
            self.chip_group.addButton(button)
            self.chips[key] = button
            row.addWidget(button)
        row.addStretch(1)
        # Placed on the action row (see _build_buttons): on the chip row it pushed the Indonesian window past 1366 px.
        self.requests_button = BuyerRequestsButton(self.ctx)
        self.requests_button.answered.connect(self._request_answered)
        self.chips["all"].setChecked(True)
        self._update_chip_labels()
        return row

    def _build_search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search invoice, order ID, buyer, SKU, booking code… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda text: self._apply_filter(search=text))
        row.addWidget(self.search, 3)
        scan_label = QLabel(self.tr("Scan to pack:"))
        row.addWidget(scan_label)
        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan invoice / order ID / booking code / AWB and press Enter (F6)"))
        self.scan.returnPressed.connect(self.scan_to_pack)
        scan_label.setBuddy(self.scan)
        row.addWidget(self.scan, 2)
        return row

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("ack", self.tr("Acknowledge"), "Ctrl+Shift+A", self.acknowledge),
            ("pack", self.tr("Pack"), "Ctrl+Shift+P", self.pack),
            ("label", self.tr("Print label"), "Ctrl+P", lambda: self.print_documents("label")),
            ("ship", self.tr("Ship"), "Ctrl+Shift+S", self.ship),
            ("cancel", self.tr("Cancel order"), "Ctrl+Shift+X", self.cancel_orders),
        ]
        for key, text, shortcut, slot in specs:
            button = QPushButton(text)
            button.setShortcut(QKeySequence(shortcut))
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            button.setProperty("plain_tip", f"{text} ({keys})")
            button.setToolTip(f"{text} ({keys})")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        self.more = QToolButton()
        self.more.setText(self.tr("Documents"))
        self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.more)
        self.doc_actions = {
            "picklist": menu.addAction(self.tr("Print picklist"), lambda: self.print_documents("picklist")),
            "packing_list": menu.addAction(self.tr("Print packing list"), lambda: self.print_documents("packing_list")),
            "manifest": menu.addAction(self.tr("Print manifest"), lambda: self.print_documents("manifest")),
        }
        self.more.setMenu(menu)
        row.addWidget(self.more)
        row.addSpacing(12)
        row.addWidget(self.requests_button)
        row.addStretch(1)
        self.selection_label = QLabel()
        row.addWidget(self.selection_label)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the queue again from the database (F5)"))
        self.refresh_button.clicked.connect(self.reload)
        row.addWidget(self.refresh_button)
        return row

    def _set_tab_order(self) -> None:
        """Search, scan, the actions left to right, then the table and the detail: the order a packer works in
        (the widgets were created in another order, so Tab jumped from the scan field back to the top row)."""
        chain = [self.search, self.scan, *self.buttons.values(), self.more, self.requests_button, self.refresh_button,
                 self.view, self.detail]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # --------------------------------------------------------------- loading
    @Slot()
    def reload(self) -> None:
        channel_id = self.ctx.channel_id

        def load(_jc: Any) -> tuple[list[tuple], bool, ChangeWatcher]:
            invoice_mode = True
            if channel_id is not None:
                row = m.Channel.select(m.Channel.orders_on_invoice).where(m.Channel.id == channel_id).tuples().first()
                invoice_mode = bool(row[0]) if row else True
            # The watcher starts before the read: a write in between is reported again, never missed.
            watcher = ChangeWatcher(channel_id=channel_id)
            watcher.start()
            return q.order_rows(channel_id), invoice_mode, watcher

        def done(result: tuple[list[tuple], bool, ChangeWatcher]) -> None:
            rows, invoice_mode, watcher = result
            self.model.show_order_id = not invoice_mode
            self.view.setColumnWidth(COL_INVOICE, self._key_column_width(rows))
            self.model.set_rows(rows)
            self._watcher = watcher
            self.loaded = True
            self._after_rows_changed()
            self.requests_button.refresh()

        self.ctx.jobs.submit(load, title=self.tr("Loading orders"), on_result=done, on_error=self._show_error)

    def _key_column_width(self, rows: list[tuple]) -> int:
        """Wide enough for the longest invoice / order ID: Tokopedia & Shop IDs have 18 digits, and a packer
        reading them off a parcel must see every digit."""
        key = q.R_ORDER_ID if self.model.show_order_id else q.R_INVOICE
        longest = max((str(r[key] or r[q.R_ORDER_ID] or "") for r in rows[:2000]), key=len, default="")
        metrics = self.view.fontMetrics()
        sample = longest or ("INV/20260101/MPL/1234567890" if not self.model.show_order_id else "1234567890")
        return min(260, max(110, metrics.horizontalAdvance(sample) + 18))

    def _state_column_width(self) -> int:
        """The longest state name in the window's language, with the "printed" mark, fits without "…"."""
        from tokodesk.ui.i18n import tr
        from tokodesk.ui.orders_model import STATE_LABELS

        metrics = self.view.fontMetrics()
        suffix = " · " + tr("OrdersModel", "printed")
        return max(metrics.horizontalAdvance(tr("OrderState", label) + suffix) for label in STATE_LABELS.values()) + 16

    def refresh_rows(self, pks: Sequence[int]) -> None:
        """Re-read these orders from the database into their rows (selection and scroll stay where they are)."""
        pks = list(pks)
        channel_id = self.ctx.channel_id
        self.ctx.jobs.submit(lambda _jc: q.order_rows(channel_id, pks), title=self.tr("Refreshing orders"),
                             on_result=self._rows_arrived, on_error=self._show_error)

    @Slot()
    def poll_changes(self) -> None:
        """Bring in what other stations changed: only those rows (and new orders), off the GUI thread."""
        watcher = self._watcher
        if watcher is None or self._polling or not self.loaded or self.ctx.jobs.closed:
            return
        channel_id = self.ctx.channel_id

        def look(_jc: Any) -> list[tuple]:
            changed = watcher.poll().changed
            return q.order_rows(channel_id, changed) if changed else []

        def done(rows: list[tuple]) -> None:
            self._polling = False
            if watcher is self._watcher:  # not a poll of a channel the user has since left
                self._rows_arrived(rows)

        def failed(exc: BaseException, detail: str) -> None:
            self._polling = False
            log.warning("looking for other stations' changes failed: %s", exc)

        self._polling = True
        self.ctx.jobs.submit(look, title=self.tr("Looking for changes"), background=True,
                             on_result=done, on_error=failed)

    def _rows_arrived(self, rows: list[tuple]) -> None:
        if not rows:
            return
        self.model.replace_rows(rows)
        self._after_rows_changed()
        if self._detail_pk is not None and any(r[q.R_PK] == self._detail_pk for r in rows):
            self._load_detail()

    def _after_rows_changed(self) -> None:
        self._update_chip_labels()
        total = len(self.model.all_rows())
        if total == 0:
            if self.ctx.channel_id is None:
                self.empty_label.setText(self.tr("No channel yet: add one with “Add channel…” and its orders appear "
                                                 "here."))
            else:
                self.empty_label.setText(self.tr("No orders pulled yet. They arrive with the next order sync "
                                                 "(Channel tab → Sync now)."))
        else:
            self.empty_label.setText(self.tr("{0} of {1} orders shown").format(self.model.rowCount(), total))
        self._update_buttons()

    def _request_answered(self, pk: int, ok: bool, words: str, decision: str) -> None:
        """A buyer's request was answered in the dialog: its result in words on the row, the row re-read."""
        self.model.set_notes({pk: (ok, words)})
        self.refresh_rows([pk])
        if ok and decision == "approve":
            self.ctx.announce("stock")  # the cancelled order's stock is free again

    def _update_chip_labels(self) -> None:
        counts = self.model.counts()
        for key, button in self.chips.items():
            label = self.tr(button.property("label"))
            button.setText(f"{label} ({counts.get(key, 0)})")
            button.setStyleSheet(button.styleSheet())

    def set_chip(self, key: str) -> None:
        self.chips[key].setChecked(True)
        self._apply_filter(chip=key)

    def _apply_filter(self, chip: str | None = None, search: str | None = None) -> None:
        self.model.set_filter(chip=chip, search=search)  # the SelectionKeeper keeps the selected orders still shown
        self._after_rows_changed()

    def _repaint_deadlines(self) -> None:
        if self.model.rowCount():
            top = self.model.index(0, COL_DEADLINE)
            bottom = self.model.index(self.model.rowCount() - 1, COL_DEADLINE)
            self.model.dataChanged.emit(top, bottom, [Qt.ItemDataRole.BackgroundRole])

    # -------------------------------------------------------------- selection
    def selected_rows(self) -> list[tuple]:
        """The rows of the selected orders as the queue shows them now."""
        return self.selection.rows() if self.loaded else []

    def selected_order_ids(self) -> list[int]:
        """The Order row ids of exactly the orders the seller sees selected, read at the moment of asking: every
        action takes its orders from here when its button is clicked, never from an older list."""
        return self.selection.pks() if self.loaded else []

    selected_pks = selected_order_ids

    def select_pks(self, pks: Sequence[int]) -> None:
        self.selection.select(pks)

    @Slot()
    def _selection_changed(self) -> None:
        self._update_buttons()
        self._show_selection_in_detail()

    def _show_selection_in_detail(self) -> None:
        """The detail pane never shows anything but the selection: a count, nothing, or the one order (its old
        content is replaced at once; the full read follows after a short pause while the packer moves on)."""
        rows = self.selected_rows()
        if len(rows) != 1:
            self._detail_timer.stop()
            self._detail_pk = None
            self.detail.show_empty(len(rows))
            return
        pk = rows[0][q.R_PK]
        if pk != self._detail_pk or self.detail.shown_pk != pk:
            self._detail_pk = pk
            self.detail.show_loading(rows[0][q.R_INVOICE] or rows[0][q.R_ORDER_ID])
            self._detail_timer.start()

    def _update_buttons(self) -> None:
        rows = self.selected_rows() if self.loaded else []
        caps = self.ctx.capabilities(self.ctx.channel_id)
        channel_busy = False
        settings = self.ctx.channel_settings()
        for key, button in self.buttons.items():
            why = blocked_reason(key, rows, caps, settings)
            button.setEnabled(not why and not channel_busy)
            # A disabled button says why, so the packer is never left guessing.
            button.setToolTip(button.property("plain_tip") + (f"\n{why}" if why else ""))
        for key, action in self.doc_actions.items():
            action.setEnabled(bool(rows) and allowed(key, rows, caps, settings))
        self.more.setEnabled(bool(rows))
        self.more.setToolTip(self.tr("Picklist, packing list and manifest for the selected orders")
                             + ("" if rows else "\n" + blocked_reason("picklist", rows, caps, settings)))
        self.selection_label.setText(self.tr("{0} selected").format(len(rows)) if rows else "")
        self.requests_button.update_look()

    def _load_detail(self) -> None:
        if self.ctx.jobs.closed:  # the debounce timer can fire while the window is closing
            return
        pk = self._detail_pk
        if pk is None:
            return

        def show(detail: q.OrderDetail | None) -> None:
            if pk == self._detail_pk:  # a slower, older read (of an order no longer selected) must not win
                self.detail.show_detail(detail, pk)

        self.ctx.jobs.submit(lambda _jc: q.order_detail(pk), title=self.tr("Loading the order"),
                             on_result=show, on_error=self._show_error)

    # ---------------------------------------------------------------- actions
    def _run_action(self, kind: str, pks: Sequence[int], call: Callable[[Any, list], list], title: str) -> None:
        """Run a Fulfilment batch on the channel's lane; show per-order results; refresh those rows."""
        from tokodesk.services.fulfilment import Fulfilment

        pks = list(pks)
        factory = self.ctx.adapter_factory
        shown = self._detail_pk if self._detail_pk in pks else None

        def work(jc: Any) -> list:
            orders = list(m.Order.select().where(m.Order.id.in_(pks)))
            with Fulfilment(adapters=factory, progress=jc.progress, cancel=jc.cancelled) as fulfilment:
                outcomes = call(fulfilment, orders)
                if shown is not None:
                    _follow_marketplace(fulfilment, shown)
                return outcomes

        def done(outcomes: list) -> None:
            self.last_outcomes = outcomes
            failed = [o for o in outcomes if not o.ok]
            if failed:
                self.results_dialog = ResultsDialog(title, outcomes, self)
                self.results_dialog.open()
                self.banner.show_error(
                    self.tr("{0}: {1} of {2} orders not done — {3}").format(
                        title, len(failed), len(outcomes), failed[0].error or ""
                    )
                )
            else:
                self.banner.clear()
                self.ctx.status_message(self.tr("{0}: 1 order done").format(title) if len(outcomes) == 1
                                        else self.tr("{0}: {1} orders done").format(title, len(outcomes)))
            self.refresh_rows(pks)
            self.ctx.announce("stock")
            if kind == "ack" and len(failed) < len(outcomes):
                # The marketplace sets the ship-by deadline and the booking code when it accepts: one status refresh
                # (a list read, not a read per order) brings them in, so To pack shows its deadlines at once.
                from tokodesk.ui.sync import start_sync

                start_sync(self.ctx, "statuses")

        self.ctx.jobs.submit(work, title=title, lane=self.ctx.lane(), on_result=done, on_error=self._show_error)

    @Slot()
    def acknowledge(self) -> None:
        self._run_action("ack", self.selected_pks(), lambda f, orders: f.acknowledge(orders), self.tr("Acknowledge"))

    @Slot()
    def pack(self) -> None:
        self._run_action("pack", self.selected_pks(), lambda f, orders: f.pack(orders), self.tr("Pack"))

    @Slot()
    def ship(self) -> None:
        rows = self.selected_rows()
        settings = self.ctx.channel_settings()
        pks = [r[q.R_PK] for r in rows]
        if settings.get("business_model") != "own_courier":
            self._run_action("ship", pks, lambda f, orders: f.ship(orders), self.tr("Ship"))
            return
        self.awb_dialog = AwbDialog([(r[q.R_ORDER_ID], r[q.R_INVOICE]) for r in rows], self)

        def go() -> None:
            awbs = self.awb_dialog.awbs()
            self._run_action("ship", pks, lambda f, orders: f.ship(orders, awbs), self.tr("Ship"))

        self.awb_dialog.accepted.connect(go)
        self.awb_dialog.open()

    @Slot()
    def cancel_orders(self) -> None:
        """Ask the marketplace which reasons it accepts (a worker), then ask the user, then cancel."""
        from tokodesk.services.fulfilment import CancelChoice, Fulfilment

        rows = self.selected_rows()
        pks = [r[q.R_PK] for r in rows]
        if not pks:
            return
        names = [r[q.R_INVOICE] or r[q.R_ORDER_ID] for r in rows]
        factory = self.ctx.adapter_factory

        def reasons(_jc: Any) -> list:
            orders = list(m.Order.select().where(m.Order.id.in_(pks)))
            with Fulfilment(adapters=factory) as fulfilment:
                return fulfilment.common_cancel_reasons(orders)  # a mixed selection: what all of them allow

        def ask(found: list) -> None:
            if not found:
                self.banner.show_error(self.tr("The marketplace does not allow cancelling this order now."))
                return
            self.cancel_dialog = CancelDialog(found, names, self)

            def go() -> None:
                choice = CancelChoice(**self.cancel_dialog.choice())
                self._run_action("cancel", pks, lambda f, orders: f.cancel_orders(orders, choice), self.tr("Cancel"))

            self.cancel_dialog.accepted.connect(go)
            self.cancel_dialog.open()

        self.ctx.jobs.submit(reasons, title=self.tr("Reading the cancel reasons"), lane=self.ctx.lane(),
                             on_result=ask, on_error=self._show_error)

    @Slot()
    def scan_to_pack(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code:
            return
        channel_id = self.ctx.channel_id

        def found(pk: int | None) -> None:
            if pk is None:
                # Nothing stays selected: the previous order must not look like the one just scanned.
                self.select_pks([])
                self.banner.show_error(self.tr("No order with invoice, order ID, booking code or AWB “{0}”. "
                                               "Nothing is selected.").format(code))
                return
            if self.model.row_of_pk(pk) is None:  # hidden by the chip or the search: show everything
                self.search.blockSignals(True)
                self.search.clear()
                self.search.blockSignals(False)
                self.chips["all"].setChecked(True)
                self.model.set_filter(chip="all", search="")
            self.select_pks([pk])
            row = self.model.row_at(self.model.row_of_pk(pk)) if self.model.row_of_pk(pk) is not None else None
            if row is None:
                return
            if row[q.R_STATE] == S.ACKNOWLEDGED.value:
                # The scanned order itself, not whatever the selection holds by the time this runs.
                self._run_action("pack", [pk], lambda f, orders: f.pack(orders), self.tr("Pack"))
            elif row[q.R_STATE] in (S.PACKED.value, S.READY_TO_SHIP.value):
                self.banner.show_info(self.tr("{0} is already packed.").format(row[q.R_INVOICE] or code))
            else:
                self.banner.show_error(self.tr("{0} cannot be packed: it is {1}.").format(
                    row[q.R_INVOICE] or code, state_label(row[q.R_STATE])))

        self.ctx.jobs.submit(lambda _jc: q.find_order_pk(channel_id, code), title=self.tr("Finding the order"),
                             on_result=found, on_error=self._show_error)

    def print_documents(self, kind: str) -> None:
        from tokodesk.ui.printing import open_print_dialog

        open_print_dialog(self, self.ctx, kind, self.selected_pks(), on_printed=self.refresh_rows,
                          on_marked=lambda result: self.model.set_notes(result.notes))

    def _show_error(self, exc: BaseException, detail: str) -> None:
        self.banner.show_error(describe(exc), detail)


def _follow_marketplace(fulfilment: Any, pk: int) -> None:
    """In the action's worker: read back the order the detail pane shows, so it says the marketplace's new status.

    The action itself only moves TokoDesk's state; the marketplace's status text would otherwise stay as the last
    sync read it. One read for the order on screen, not one per order of a 200-order batch (rate limits).
    """
    from tokodesk.marketplace.base import MarketplaceError
    from tokodesk.services.orders import MalformedOrder, apply_remote_order

    order = m.Order.get_or_none(m.Order.id == pk)
    if order is None:
        return
    channel = m.Channel.get_by_id(order.channel_id)
    try:
        remote = fulfilment.adapter(channel).get_order(order_id=order.order_id)
        apply_remote_order(channel, remote, who=fulfilment.who)  # our own action explains the change
    except (MarketplaceError, MalformedOrder) as exc:  # the action is done; the status catches up at the next sync
        log.info("reading back order %s after the action failed: %s", order.order_id, exc)


__all__ = ["ACTIONS", "OrdersTab"]
