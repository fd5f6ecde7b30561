"""The Orders tab: the queue a packer works through all day.

Widgets only: every read runs as a snapshot query in the local lane, every marketplace action through
`services.fulfilment.Fulfilment` in the channel's lane; the buttons are enabled from the selection's states and
the adapter's capabilities, and the service still refuses what is not allowed (the row then says why).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from operator import itemgetter

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tokodesk.marketplace.base import OrderState
from tokodesk.ui import i18n
from tokodesk.ui import queries as q
from tokodesk.ui.cancel_requests import BuyerRequestsButton
from tokodesk.ui.context import AppContext
from tokodesk.ui.messages import describe
from tokodesk.ui.order_detail import OrderDetailPane
from tokodesk.ui.order_dialogs import ResultsDialog
from tokodesk.ui.orders_actions import QueueActions
from tokodesk.ui.orders_columns import QueueColumns
from tokodesk.ui.orders_loading import QueueLoading
from tokodesk.ui.orders_model import (
    CHIPS,
    COL_DEADLINE,
    COL_STATE,
    DEFAULT_CHIP,
    OrdersModel,
    OrdersProxy,
)
from tokodesk.ui.orders_rules import ACTIONS, allowed, blocked_reason, offered, skipped_note
from tokodesk.ui.orders_selection import SelectionKeeper
from tokodesk.ui.pack_check import pack_check_toggle
from tokodesk.ui.pack_video_desk import DeskVideo
from tokodesk.ui.queue_notice import NoticeRow, QueueNotice
from tokodesk.ui.sync_health import SyncHealthLine, SyncHealthWatcher
from tokodesk.ui.widgets import FlowLayout, SearchField

log = logging.getLogger(__name__)
S = OrderState
LIVE_INTERVAL_MS = 3000
SEARCH_PAUSE_MS = 150  # a burst of typing (or a scanner's) filters once, after the last key
# Actions that run as one marketplace conversation (cancel reasons, arrange-and-wait, one buyer's package): one shop
# at a time in the "All shops" view. Ack, pack and ship run per shop, each in its own lane.
ONE_SHOP_ACTIONS = frozenset({"cancel", "arrange", "combine"})


class OrdersTab(QueueLoading, QueueActions, QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = OrdersModel(self)
        self.proxy = OrdersProxy(self)
        self.proxy.setSourceModel(self.model)
        self.last_outcomes: list = []
        self.results_dialog: ResultsDialog | None = None
        self._init_loading()
        self._detail_pk: int | None = None  # the order the detail pane shows

        layout = QVBoxLayout(self)
        # Messages (red errors, amber refusals, blue news) and the sync freshness share one row that is always
        # there: a message coming or going never moves the queue under the packer's mouse.
        self.banner = QueueNotice()
        # When the orders were last pulled, or a warning with Retry: the queue is only as true as its last pull.
        self.health = SyncHealthWatcher(ctx, self)
        self.health_line = SyncHealthLine(self.health, self.channels_in_view)
        # One row of a fixed height, its width shared by what each needs (NoticeRow): without a message the
        # freshness (a warning's advice, above all) has the whole width.
        self.notices = NoticeRow(self.banner, self.health_line)
        layout.addWidget(self.notices)
        layout.addWidget(self._build_chips())
        layout.addLayout(self._build_search_row())
        layout.addLayout(self._build_buttons())

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Opened in the platform's order of work (the Deadline column's sort), not by Qt's default first column.
        self.view.horizontalHeader().setSortIndicator(COL_DEADLINE, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.columns = QueueColumns(self.view, self.model)
        self.selection = SelectionKeeper(self.view, self.model, self.proxy)
        self.selection.changed.connect(self._selection_changed)
        self.detail = OrderDetailPane()
        self.detail.uncombine_requested.connect(self.uncombine)
        self.detail.pack_package_requested.connect(self.pack_parcel)
        self.video = DeskVideo(self)
        self.video_slot.addWidget(self.video.preview)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 290])  # the spare width of a large screen is shared 3:1 (stretch factors)
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

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if i18n.is_language_change(event, self) and hasattr(self, "columns"):
            self.retranslate()

    def retranslate(self) -> None:
        """The texts written from live data, again in the window's new language (the fixed ones follow i18n)."""
        for key, text, shortcut, _slot in self._action_specs():
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            self.buttons[key].setProperty("plain_tip", f"{text} ({keys})")
        self.columns.preferred[COL_STATE] = self.columns.state_width()  # state names are longer in Indonesian
        self.columns.fit()
        self._after_rows_changed()  # chips with their counts, "n of m orders shown", the buttons' reasons
        rows = self.selected_rows()
        if len(rows) == 1 and self._detail_pk is not None:
            self._load_detail()
        else:
            self.detail.show_empty(len(rows))

    # ------------------------------------------------------------------ layout
    def _build_chips(self) -> QWidget:
        holder = QWidget()
        row = FlowLayout(holder)
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
                "QToolButton { border: 1px solid #bbb; border-radius: 10px; padding: 3px 6px; }"
                "QToolButton:checked { background: #2d6cdf; color: white; border-color: #2d6cdf; }"
            )
            button.clicked.connect(lambda _=False, k=key: self.set_chip(k))
            self.chip_group.addButton(button)
            self.chips[key] = button
            row.addWidget(button)
        # Placed on the action row (see _build_buttons): on the chip row it pushed the Indonesian window past 1366 px.
        self.requests_button = BuyerRequestsButton(self.ctx)
        self.requests_button.answered.connect(self._request_answered)
        self.chips[DEFAULT_CHIP].setChecked(True)  # the work still to do; "All" is one click away
        self._update_chip_labels()
        return holder

    def _build_search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = SearchField()  # Esc empties it: the whole queue again without reaching for the mouse
        self.search.setPlaceholderText(self.tr("Search invoice, order ID, buyer, SKU, booking code… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        # Typed text filters once the keys pause, not on every key: at 100,000 orders each filter took ~30 ms of
        # the field's time, and an invoice number typed fast lagged. Enter applies the text at once.
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._flush_search)
        self.search.setToolTip(self.tr("Matches the invoice, order ID, buyer, booking code, AWB and every line's SKU "
                                       "and seller SKU"))
        row.addWidget(self.search, 3)
        # Narrowing a busy morning: one courier's parcels, the labels still to print, one shop or all of them.
        self.courier_filter = QComboBox()
        self.courier_filter.addItem(self.tr("All couriers"), "")
        self.courier_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.courier_filter.setMinimumContentsLength(12)
        self.courier_filter.currentIndexChanged.connect(
            lambda _i: self._apply_filter(courier=self.courier_filter.currentData() or ""))
        row.addWidget(self.courier_filter)
        self.printed_filter = QComboBox()
        for text, key in ((self.tr("Printed or not"), "any"), (self.tr("Not printed"), "no"),
                          (self.tr("Printed"), "yes")):
            self.printed_filter.addItem(text, key)
        self.printed_filter.currentIndexChanged.connect(
            lambda _i: self._apply_filter(printed={"yes": True, "no": False}.get(self.printed_filter.currentData())))
        row.addWidget(self.printed_filter)
        self.scope = QComboBox()
        self.scope.addItem(self.tr("This shop"), "one")
        self.scope.addItem(self.tr("All shops"), "all")
        self.scope.setToolTip(self.tr("Show the orders of the shop chosen above, or of every shop at once"))
        self.scope.currentIndexChanged.connect(self._scope_changed)
        row.addWidget(self.scope)
        scan_label = QLabel(self.tr("Scan to pack:"))
        row.addWidget(scan_label)
        self.scan = QLineEdit()
        # Short enough to read whole beside the filters on a laptop; the tooltip says what a scan may be.
        self.scan.setPlaceholderText(self.tr("Scan a code, press Enter (F6)"))
        self.scan.setToolTip(self.tr("Scan invoice / order ID / booking code / AWB and press Enter (F6)"))
        self.scan.returnPressed.connect(self.scan_to_pack)
        scan_label.setBuddy(self.scan)
        row.addWidget(self.scan, 2)
        self.video_slot = QHBoxLayout()  # the packing camera's preview (issue 21), once the detail pane exists
        self.video_slot.setContentsMargins(0, 0, 0, 0)
        row.addLayout(self.video_slot)
        self.pack_check_box = pack_check_toggle(self.ctx, self)
        row.addWidget(self.pack_check_box)
        return row

    def _set_tab_order(self) -> None:
        """Search, scan, the actions left to right, then the table and the detail: the order a packer works in
        (the widgets were created in another order, so Tab jumped from the scan field back to the top row)."""
        chain = [self.search, self.scan, self.pack_check_box, *self.buttons.values(), self.more, self.requests_button,
                 self.refresh_button, self.view, self.detail]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def all_shops(self) -> bool:
        scope = getattr(self, "scope", None)  # the freshness line asks while the tab is still being built
        return scope is not None and scope.currentData() == "all" and len(self.ctx.channels) > 1

    def _scope_changed(self, _index: int) -> None:
        self.reload()
        self.health.refresh()  # the freshness line follows the shops shown

    def view_channel_id(self) -> int | None:
        """The channel whose orders the queue shows; None: every channel (the "All shops" view)."""
        return None if self.all_shops() else self.ctx.channel_id

    def channels_in_view(self) -> list[int] | None:
        """The channels whose orders the queue shows (None: every channel)."""
        channel_id = self.view_channel_id()
        return None if channel_id is None else [channel_id]

    # --------------------------------------------------------------- loading (orders_loading.QueueLoading)
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
        elif self.model.chip_loading():
            # Nothing rather than a part: Select all and an action then take exactly what the seller sees.
            if self.rest_failed:
                text = self.tr("These orders could not be read (the message above says why). Press F5 to read them "
                               "again.")
            else:
                text = self.tr("Loading these orders… They appear here as soon as every order is read (the “To do” "
                               "orders are ready).")
            self.empty_label.setText(text)
        else:
            counts = self.model.counts()
            text = self.tr("{0} of {1} orders shown").format(self.model.rowCount(), counts.get("all", total))
            elsewhere = self.model.matches_elsewhere()
            if self.model.loading():
                text += " " + (self.tr("— the other orders are still loading; more may match the search under “All”")
                               if self.model.search_text() else self.tr("— the other orders are still loading"))
            elif elsewhere > 0:
                # The queue opens on "To do": a search for a shipped order must not look like "not found".
                text += " " + self.tr("— {0} more match the search under “All”").format(elsewhere)
            self.empty_label.setText(text)
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

    def _search_changed(self, text: str) -> None:
        # Typed text waits for the pause. An emptied field (the clear button, Esc, a chip or a scan that clears it,
        # the last character deleted) shows the full queue at once, and the stopped pause cannot re-filter it
        # later; clear() keeps the field's "modified" flag, so the flag alone would make it wait too.
        if self.search.isModified() and text:
            self._search_timer.start()
        else:  # set by the program (setText) or emptied: what was asked for, now
            self._apply_search()

    def _flush_search(self) -> None:
        if self._search_timer.isActive():
            self._apply_search()

    def _apply_search(self) -> None:
        self._apply_filter(search=self.search.text())

    def _apply_filter(self, chip: str | None = None, search: str | None = None, courier: str | None = None,
                      printed: bool | None | str = "keep") -> None:
        # Any filter change takes the search's text as the field shows it, even mid-pause: a chip clicked right
        # after typing must not show the rows of a search the seller has already changed.
        if search is None and self._search_timer.isActive():
            search = self.search.text()
        self._search_timer.stop()
        # The SelectionKeeper keeps the selected orders still shown (and only those).
        self.model.set_filter(chip=chip, search=search, courier=courier, printed=printed)
        self._after_rows_changed()

    def _fill_couriers(self) -> None:
        """The courier filter lists the loaded orders' couriers; the chosen one stays chosen while it has orders."""
        chosen = self.courier_filter.currentData() or ""
        couriers = self.model.couriers()
        self.courier_filter.blockSignals(True)
        self.courier_filter.clear()
        self.courier_filter.addItem(self.tr("All couriers"), "")
        for courier in couriers:
            self.courier_filter.addItem(courier, courier)
        index = self.courier_filter.findData(chosen) if chosen in couriers else 0
        self.courier_filter.setCurrentIndex(max(0, index))
        self.courier_filter.blockSignals(False)
        if chosen and chosen not in couriers:
            self._apply_filter(courier="")

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
        settings = self.ctx.channel_settings()
        # Each shop's orders by that shop's rules (the "All shops" view mixes them).
        channels = set(map(itemgetter(q.R_CHANNEL), rows))
        groups: dict[int | None, list[tuple]] = {}
        if len(channels) == 1:  # the usual case: the very list the rules saw last (they group it once, not per button)
            groups = {channels.pop(): rows}
        else:
            for row in rows:
                groups.setdefault(row[q.R_CHANNEL], []).append(row)
        for key, button in self.buttons.items():
            button.setVisible(offered(key, caps))
            why = "" if rows else blocked_reason(key, rows, caps, settings)
            for channel_id, group in groups.items():
                why = why or blocked_reason(key, group, self.ctx.capabilities(channel_id),
                                            self.ctx.channel_settings(channel_id))
            if not why and key in ONE_SHOP_ACTIONS and len(groups) > 1:
                why = self.tr("The selection holds orders of several shops: select the orders of one shop.")
            button.setEnabled(not why)
            # A disabled button says why, so the packer is never left guessing; an enabled one which orders it skips.
            note = why or skipped_note(key, rows, caps, settings)
            button.setToolTip(button.property("plain_tip") + (f"\n{note}" if note else ""))
        for key, action in self.doc_actions.items():
            action.setEnabled(bool(rows) and all(
                allowed(key, group, self.ctx.capabilities(cid), self.ctx.channel_settings(cid))
                for cid, group in groups.items()))
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

    def _show_error(self, exc: BaseException, detail: str) -> None:
        self.banner.show_error(describe(exc), detail)


__all__ = ["ACTIONS", "OrdersTab"]
