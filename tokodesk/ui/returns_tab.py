"""The Returns tab: the after-sales queue of the selected channel, the deadline that costs money first.

Widgets only. Rows come from the store (`services.returns.list_returns`, filled by the return sync); the sync and
every decision run in a job on the channel's lane through `services.returns` / `services.return_desk`. A channel
whose marketplace cannot list returns (the legacy Tokopedia API) gets a note and no buttons: the window never offers
what the marketplace cannot do. The countdown is redrawn every half minute from the loaded deadlines (no query).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.ui.context import AppContext
from tokodesk.ui.formatting import wib_text
from tokodesk.ui.i18n import is_language_change
from tokodesk.ui.messages import describe, in_words, stored_said
from tokodesk.ui.orders_model import short_wib_text
from tokodesk.ui.return_dialogs import LineToInspect, OfferDialog, ReceiveDialog, RejectDialog, ScanParcelDialog

COL_RETURN, COL_ORDER, COL_TYPE, COL_STATE, COL_LEFT, COL_REASON, COL_ITEMS, COL_TRACKING, COL_RESULT = range(9)
TICK_MS = 30_000
THUMB_PX = 72  # the buyer's photos under the queue
# On a 1366 px screen the ids, the state and the countdown keep their width and the other columns share what is left
# (their text wraps, the tooltip has it whole); a row shows at most this many lines of a long reason, then "…".
FIXED_COLUMNS = (COL_RETURN, COL_ORDER, COL_STATE, COL_LEFT)
MAX_LINES = 3


@dataclass
class ReturnLineView:
    pk: int
    return_id: str
    order: str
    return_type: str
    state: str
    deadline: datetime | None
    reason: str
    evidence: list[str]
    items: str
    tracking: str
    problem: str
    decision: str
    order_pk: int | None = None
    lines: list[LineToInspect] | None = None
    refund_total: int = 0


# ---- what runs in a worker (no Qt) --------------------------------------------------------------------------
def load_rows(channel_id: int, state: str | None) -> list[ReturnLineView]:
    from tokodesk.services import returns as rs
    from tokodesk.store import models as m

    out = []
    for row in rs.list_returns(state, m.Channel.get_by_id(channel_id)):
        r = row.ret
        out.append(ReturnLineView(
            r.id, r.return_id, row.invoice or r.order_id, r.return_type, r.state,
            r.next_deadline if r.state in rs.URGENT else None, r.reason_text or r.reason, list(r.evidence or []),
            ", ".join(f"{ln.seller_sku or ln.sku}\u00a0×\u00a0{ln.quantity}" for ln in r.lines),  # wraps between lines
            " ".join(x for x in (r.return_courier, r.return_tracking_number or "") if x),
            stored_said(r.problem, r.problem_words) or r.problem,  # said in the window's language when shown
            stored_said(r.decision_detail, r.decision_words) or r.decision_detail or r.decision, r.local_order_id,
            [LineToInspect(ln.seller_sku or ln.sku, ln.name, ln.quantity) for ln in r.lines], r.refund_total))
    return out


def _desk(channel_id: int, factory: Callable[[Any], Any] | None) -> Any:
    from tokodesk.services.return_desk import ReturnDesk
    from tokodesk.store import models as m

    channel = m.Channel.get_by_id(channel_id)
    return ReturnDesk(channel, factory(channel) if factory is not None else None)


def load_reasons(channel_id: int, pk: int, factory: Callable[[Any], Any] | None) -> list:
    from tokodesk.store import models as m

    with _desk(channel_id, factory) as desk:
        return desk.reject_reasons(m.Return.get_by_id(pk))


def decide(channel_id: int, pk: int, what: str, factory: Callable[[Any], Any] | None, *, reason: str = "",
           comment: str = "", photos: list | None = None, damaged: dict[str, int] | None = None,
           amount: int | None = None) -> Any:
    from tokodesk.store import models as m

    ret = m.Return.get_by_id(pk)
    with _desk(channel_id, factory) as desk:
        if what == "approve":
            return desk.approve(ret)
        if what == "reject":
            return desk.reject(ret, reason, comment, photos or [])
        if what == "offer":
            return desk.offer_partial_refund(ret, amount or 0)
        return desk.receive(ret, damaged or {})


def propose_refund(channel_id: int, pk: int, units: dict[str, int], factory: Callable[[Any], Any] | None) -> int:
    from tokodesk.store import models as m

    with _desk(channel_id, factory) as desk:
        return desk.proposed_refund(m.Return.get_by_id(pk), units)


def check_in_parcel(code: str) -> Any:
    """The desk's scan of a parcel back from the courier: a failed delivery's goods back on hand, or the return
    whose parcel this is (the seller inspects it with "Received and inspected…"); raises UserError otherwise."""
    from tokodesk import config
    from tokodesk.errors import UserError
    from tokodesk.services import returns as rs
    from tokodesk.store import models as m

    came_back = rs.receive_failed_delivery(code, config.station_id())
    if came_back is not None:
        order, back = came_back
        return ("order", order.invoice or order.order_id, back)
    ret = m.Return.get_or_none(m.Return.return_tracking_number == code.strip())
    if ret is not None:
        return ("return", ret.return_id, None)
    raise UserError(QT_TRANSLATE_NOOP("Refusals", "no parcel {code!r}: neither an order that came back undelivered "
                                                  "(status 550, or cancelled after it shipped) nor a buyer's return "
                                                  "has this AWB"), code=code.strip())


def buyer_photos(urls: list[str]) -> dict[str, bytes]:
    from tokodesk.services import returns as rs

    found = {}
    for url in urls:
        data = rs.buyer_photo(url)
        if data:
            found[url] = data
    return found


# ---- the tab ---------------------------------------------------------------------------------------------------
class ReturnsTab(QWidget):
    open_order = Signal(int)  # the Order row id: the main window shows it in the Orders tab

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.thumbs: dict[str, QPixmap] = {}  # the buyer's photos downloaded so far, by link
        self.dialog: Any = None  # the dialog open now (tests reach it here)
        self._want_return = ""  # a return to select once the rows are loaded (a scanned return parcel)
        self.rows: list[ReturnLineView] = []
        self.reasons: dict[int, list] = {}
        self.results: dict[int, tuple[bool, str]] = {}  # the last answer given here, in words, per return
        self.busy_pk: int | None = None  # a decision on this return is on its way
        self.loaded = False

        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        bar = QHBoxLayout()
        self.filter = QComboBox()
        for value, label in ((None, self.tr("All returns")), ("needs_answer", self.tr("Needs my answer")),
                             ("on_its_way", self.tr("On its way back")), ("to_inspect", self.tr("To inspect")),
                             ("closed", self.tr("Closed"))):
            self.filter.addItem(label, value)
        self.filter.currentIndexChanged.connect(lambda _i: self.load())
        bar.addWidget(self.filter)
        self.sync_button = QPushButton(self.tr("Sync returns"))
        self.sync_button.clicked.connect(self.sync)
        bar.addWidget(self.sync_button)
        self.scan_button = QPushButton(self.tr("Parcel back from the courier…"))
        self.scan_button.setToolTip(self.tr("A parcel the buyer never took (COD refused, delivery failed): scan its "
                                            "AWB and its goods go back on hand"))
        self.scan_button.clicked.connect(self.scan_parcel)
        bar.addWidget(self.scan_button)
        bar.addStretch(1)
        layout.addLayout(bar)

        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels([
            self.tr("Return"), self.tr("Order"), self.tr("Type"), self.tr("State"), self.tr("Time left"),
            self.tr("Buyer's reason"), self.tr("Items"), self.tr("Return AWB"), self.tr("Result")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(COL_RESULT, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)  # a cell cut at its last line ends in "…"
        self._content_widths: dict[int, int] = {}  # each column's width for its whole content, at the last fill
        self.table.viewport().installEventFilter(self)  # the window resized: the columns share the new width
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self.show_order())
        layout.addWidget(self.table, 1)

        photos = QHBoxLayout()
        self.evidence = QLabel()
        self.evidence.setOpenExternalLinks(True)
        self.evidence.setWordWrap(True)
        photos.addWidget(self.evidence)
        self.thumb_labels: list[QLabel] = []
        self.thumb_row = QHBoxLayout()
        photos.addLayout(self.thumb_row)
        photos.addStretch(1)
        layout.addLayout(photos)
        actions = QHBoxLayout()
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.clicked.connect(lambda: self._decide("approve"))
        self.reject_button = QPushButton(self.tr("Reject…"))
        self.reject_button.clicked.connect(self.ask_reject)
        self.offer_button = QPushButton(self.tr("Offer partial refund…"))
        self.offer_button.setToolTip(self.tr("Instead of the full refund: the buyer keeps the goods if they accept"))
        self.offer_button.clicked.connect(self.ask_offer)
        self.receive_button = QPushButton(self.tr("Received and inspected…"))
        self.receive_button.clicked.connect(self.ask_receive)
        self.order_button = QPushButton(self.tr("Open order"))
        self.order_button.setToolTip(self.tr("The order in the Orders tab, with its detail and packing record"))
        self.order_button.clicked.connect(self.show_order)
        self.label_button = QPushButton(self.tr("Label…"))
        self.label_button.setToolTip(self.tr("Open or reprint the order's shipping label"))
        self.label_button.clicked.connect(self.show_label)
        for w in (self.approve_button, self.reject_button, self.offer_button, self.receive_button):
            actions.addWidget(w)
        actions.addStretch(1)
        for w in (self.order_button, self.label_button):
            actions.addWidget(w)
        layout.addLayout(actions)

        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self._redraw_countdown)
        self.ticker.start()
        ctx.channel_selected.connect(lambda _c: self.load())
        ctx.sync_runs_changed.connect(self.load)
        self.load()

    # ---- loading ------------------------------------------------------------------------------------------
    def _capable(self) -> tuple[bool, bool]:
        caps = self.ctx.capabilities() if self.ctx.channel_id is not None else None
        return (bool(caps and caps.returns_read), bool(caps and caps.returns_decide))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_language_change(event, self) and self.loaded and not self.ctx.jobs.closed:
            self.load()  # the note, states, types and countdowns in words

    def load(self) -> None:
        read, _decide = self._capable()
        channel_id = self.ctx.channel_id
        self.sync_button.setEnabled(read)
        self.scan_button.setEnabled(channel_id is not None)  # a failed delivery is checked in on any marketplace
        if channel_id is None or not read:
            self.note.setText(self.tr("This marketplace's API has no returns: handle them in Seller Center.")
                              if channel_id is not None else self.tr("Add a channel first."))
            self.rows = []
            self._fill()
            self.loaded = True
            return
        if _decide:
            self.note.setText(self.tr("Answer before the deadline, or the marketplace approves for you. Goods go "
                                      "back into stock only when the parcel is received here."))
        else:
            self.note.setText(self.tr("This marketplace's API lists returns but cannot answer them: answer them in "
                                      "Seller Center before the deadline."))
        state = self.filter.currentData()
        self.ctx.jobs.submit(lambda _jc: load_rows(channel_id, state), title=self.tr("Loading returns"),
                             on_result=self._loaded, on_error=self._failed, background=True)

    def _loaded(self, rows: list[ReturnLineView]) -> None:
        selected = self.selected()
        self.rows = rows
        self._fill()
        if selected is not None:
            for i, r in enumerate(self.rows):
                if r.pk == selected.pk:
                    self.table.selectRow(i)
        if self._want_return:
            self.select_return(self._want_return)
            self._want_return = ""
        self.loaded = True

    def _failed(self, exc: BaseException, _detail: str) -> None:
        self.note.setText(describe(exc))
        self.loaded = True

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            ok, text = self.results.get(r.pk, (True, in_words(r.problem or r.decision)))
            values = {COL_RETURN: r.return_id, COL_ORDER: r.order, COL_TYPE: self._type_text(r.return_type),
                      COL_STATE: self._state_text(r.state), COL_LEFT: "", COL_REASON: r.reason, COL_ITEMS: r.items,
                      COL_TRACKING: r.tracking, COL_RESULT: text}
            for col, value in values.items():
                item = QTableWidgetItem(value)
                if col in (COL_TYPE, COL_REASON, COL_ITEMS, COL_TRACKING, COL_RESULT):
                    item.setToolTip(value)
                if col == COL_RESULT and (not ok if r.pk in self.results else bool(r.problem)):
                    item.setForeground(QBrush(QColor("#b00020")))
                self.table.setItem(i, col, item)
        self._redraw_countdown()
        table = self.table
        table.resizeColumnsToContents()
        self._content_widths = {c: max(table.columnWidth(c), table.sizeHintForColumn(c))
                                for c in range(table.columnCount())}
        self._fit_columns()
        self._selection_changed()

    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and self._content_widths and watched is self.table.viewport():
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Every column on screen at 1366 px, in either language (the Return AWB started past the right edge in
        Indonesian): the ids, the state and the countdown keep their content's width; the other columns share what
        is left, each taking no more than its content needs and no less than its header, the narrow ones first."""
        table = self.table
        header = table.horizontalHeader()
        wanted = self._content_widths
        left = table.viewport().width() - sum(wanted[c] for c in FIXED_COLUMNS)
        sharing = sorted((c for c in wanted if c not in FIXED_COLUMNS), key=lambda c: wanted[c])
        widths = {c: wanted[c] for c in FIXED_COLUMNS}
        for n, col in enumerate(sharing):  # water-filling: a column that needs less than its share leaves the rest
            share = left // (len(sharing) - n)
            widths[col] = max(min(wanted[col], share), header.sectionSizeHint(col))
            left -= widths[col]
        for col, width in widths.items():
            if col != COL_RESULT:  # the last column stretches over what remains
                table.setColumnWidth(col, width)
        # A wrapped cell needs its lines' height (at one line's height the courier's name and the return AWB under
        # it were both cut in half), up to a few lines: a long reason ends in "…" and its tooltip has it whole.
        rows = table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # a one-line row keeps its usual height
        rows.setMaximumSectionSize(MAX_LINES * table.fontMetrics().lineSpacing() + 8)
        table.resizeRowsToContents()

    def _redraw_countdown(self) -> None:
        from tokodesk.store.models import utcnow

        now = utcnow()
        for i, r in enumerate(self.rows):
            item = self.table.item(i, COL_LEFT)
            if item is None:
                continue
            if r.deadline is None:
                item.setText("")
                continue
            left = int((r.deadline - now).total_seconds())
            if left <= 0:
                item.setText(self.tr("Overdue"))
            else:
                item.setText(self.tr("{0} h {1} min (by {2})").format(left // 3600, left % 3600 // 60,
                                                                        short_wib_text(r.deadline)))
            item.setToolTip(wib_text(r.deadline))
            item.setForeground(QBrush(QColor("#b00020" if left < 6 * 3600 else "#000000")))

    def _state_text(self, state: str) -> str:
        return {"needs_answer": self.tr("Needs my answer"), "on_its_way": self.tr("On its way back"),
                "to_inspect": self.tr("To inspect"), "closed": self.tr("Closed")}.get(state, state)

    def _type_text(self, kind: str) -> str:
        return {"REFUND": self.tr("Refund only"), "RETURN_AND_REFUND": self.tr("Return and refund"),
                "REPLACEMENT": self.tr("Replacement"), "PARTIAL_REFUND": self.tr("Partial refund")}.get(kind, kind)

    # ---- selection and actions -------------------------------------------------------------------------------
    def selected(self) -> ReturnLineView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select_return(self, return_id: str) -> None:
        for i, r in enumerate(self.rows):
            if r.return_id == return_id:
                self.table.selectRow(i)

    def _selection_changed(self) -> None:
        r = self.selected()
        _read, decide_ok = self._capable()
        free = bool(r and decide_ok and r.pk != self.busy_pk)
        answer = free and r is not None and r.state == "needs_answer"
        inspect = free and r is not None and r.state == "to_inspect"
        self.approve_button.setEnabled(answer)
        self.offer_button.setEnabled(answer and r is not None and r.return_type != "PARTIAL_REFUND"
                                     and r.refund_total > 1)
        self.reject_button.setEnabled((answer or inspect) and r is not None and r.pk in self.reasons)
        goods = bool(r and r.return_type in ("RETURN_AND_REFUND", "REPLACEMENT"))
        self.receive_button.setEnabled(inspect and goods)
        self.order_button.setEnabled(bool(r and r.order_pk))
        self.label_button.setEnabled(bool(r and r.order_pk))
        photo = self.tr("Photo {0}")
        self.evidence.setText(" ".join(f'<a href="{link}">{photo.format(n + 1)}</a>'
                                       for n, link in enumerate(r.evidence)) if r and r.evidence else "")
        self._show_thumbs(r)
        if r is not None and (answer or inspect) and r.pk not in self.reasons:
            self._fetch_reasons(r.pk)

    # ---- the buyer's photos: downloaded off the GUI thread, shown small, each opening the full photo ---------
    def _show_thumbs(self, r: ReturnLineView | None) -> None:
        while self.thumb_labels:
            label = self.thumb_labels.pop()
            self.thumb_row.removeWidget(label)
            label.deleteLater()
        links = list(r.evidence) if r is not None else []
        for link in links:
            label = QLabel()
            label.setFixedSize(THUMB_PX, THUMB_PX)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("border:1px solid #ccc")
            label.setToolTip(link)
            label.setProperty("link", link)
            self.thumb_row.addWidget(label)
            self.thumb_labels.append(label)
        self._paint_thumbs()
        missing = [link for link in links if link not in self.thumbs]
        if missing:
            self.ctx.jobs.submit(lambda _jc: buyer_photos(missing), title=self.tr("Buyer's photos"),
                                 on_result=self._thumbs_arrived, on_error=lambda _e, _d: None, background=True)

    def _thumbs_arrived(self, found: dict[str, bytes]) -> None:
        for link, data in found.items():
            pixmap = QPixmap()
            if pixmap.loadFromData(data):
                self.thumbs[link] = pixmap.scaled(THUMB_PX, THUMB_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                                  Qt.TransformationMode.SmoothTransformation)
        self._paint_thumbs()

    def _paint_thumbs(self) -> None:
        for label in self.thumb_labels:
            pixmap = self.thumbs.get(label.property("link"))
            if pixmap is not None:
                label.setPixmap(pixmap)
            else:
                label.setText("…")

    def _fetch_reasons(self, pk: int) -> None:
        channel_id, factory = self.ctx.channel_id, self.ctx.adapter

        def arrived(found: list) -> None:
            self.reasons[pk] = found
            self._selection_changed()

        self.ctx.jobs.submit(lambda _jc: load_reasons(channel_id, pk, factory), title=self.tr("Reject reasons"),
                             lane=self.ctx.lane(channel_id), on_result=arrived,
                             on_error=lambda exc, _d: self.note.setText(describe(exc)), background=True)

    # ---- the order one click away ------------------------------------------------------------------------
    def show_order(self) -> None:
        r = self.selected()
        if r is not None and r.order_pk:
            self.open_order.emit(r.order_pk)

    def show_label(self) -> None:
        from tokodesk.ui.printing import open_print_dialog

        r = self.selected()
        if r is not None and r.order_pk:
            self.dialog = open_print_dialog(self, self.ctx, "label", [r.order_pk])

    # ---- decisions ------------------------------------------------------------------------------------------
    def ask_reject(self) -> None:
        r = self.selected()
        if r is None or r.pk not in self.reasons:
            return
        caps = self.ctx.capabilities()
        dialog = RejectDialog(r.return_id, self.reasons[r.pk], bool(caps and caps.return_reject_photos), self)
        dialog.accepted.connect(lambda: self._decide("reject", reason=dialog.reason_code(),
                                                     comment=dialog.comment_text(), photos=list(dialog.photos)))
        self.dialog = dialog
        dialog.open()

    def ask_offer(self) -> None:
        r = self.selected()
        if r is None:
            return
        dialog = OfferDialog(r.return_id, list(r.lines or []), r.refund_total, self)
        channel_id, factory, pk = self.ctx.channel_id, self.ctx.adapter, r.pk

        def calculate() -> None:
            units = dialog.units()
            dialog.calculate_button.setEnabled(False)

            def arrived(amount: int) -> None:
                dialog.calculate_button.setEnabled(True)
                if units == dialog.units():  # not a figure for units the seller has changed since
                    dialog.show_proposal(amount)

            def failed(exc: BaseException, _detail: str) -> None:
                dialog.calculate_button.setEnabled(True)
                dialog.show_proposal(None, describe(exc))

            self.ctx.jobs.submit(lambda _jc: propose_refund(channel_id, pk, units, factory),
                                 title=self.tr("Calculating the refund"), lane=self.ctx.lane(channel_id),
                                 on_result=arrived, on_error=failed)

        dialog.calculate_button.clicked.connect(calculate)
        dialog.accepted.connect(lambda: self._decide("offer", amount=dialog.offer_amount()))
        self.dialog = dialog
        dialog.open()

    def ask_receive(self) -> None:
        r = self.selected()
        if r is None:
            return
        dialog = ReceiveDialog(r.return_id, list(r.lines or []), self)
        dialog.accepted.connect(lambda: self._decide("receive", damaged=dialog.damaged()))
        self.dialog = dialog
        dialog.open()
        video = getattr(self, "video", None)  # the pack station's camera, when the window has one (issue 21)
        if video is not None and r.order_pk:
            video.film_unboxing(r.order_pk, dialog)

    def _decide(self, what: str, **choice: Any) -> None:
        r = self.selected()
        if r is None:
            return
        channel_id, factory = self.ctx.channel_id, self.ctx.adapter
        self.busy_pk = r.pk
        self._selection_changed()

        def done(result: Any) -> None:
            self.busy_pk = None
            text = self.tr("Done") if result.ok else in_words(result.error or "")
            self.results[r.pk] = (bool(result.ok), text)
            self.ctx.announce("stock")
            self.load()

        def failed(exc: BaseException, _detail: str) -> None:
            self.busy_pk = None
            self.results[r.pk] = (False, describe(exc))
            self.load()

        self.ctx.jobs.submit(lambda _jc: decide(channel_id, r.pk, what, factory, **choice),
                             title=self.tr("Answering return {0}").format(r.return_id),
                             lane=self.ctx.lane(channel_id), on_result=done, on_error=failed)

    # ---- a parcel the buyer never took, scanned at the desk ----------------------------------------------------
    def scan_parcel(self) -> None:
        dialog = ScanParcelDialog(self)
        dialog.check_button.clicked.connect(lambda: self._check_in(dialog))
        self.dialog = dialog
        dialog.open()

    def _check_in(self, dialog: ScanParcelDialog) -> None:
        code = dialog.code.text().strip()
        if not code:
            return

        def done(found: Any) -> None:
            kind, name, back = found
            if kind == "return":
                dialog.show_result(False, self.tr("{0} is the parcel of return {1}: inspect it with “Received and "
                                                  "inspected…”.").format(code, name))
                self._want_return = name
                if self.filter.currentIndex() != 0:
                    self.filter.setCurrentIndex(0)  # reloads; the return is selected when its row is there
                else:
                    self.select_return(name)
                return
            moved = ", ".join(f"{sku} +{qty}" for sku, qty in sorted(back.items())) or self.tr("no counted SKU")
            dialog.show_result(True, self.tr("Order {0} is back: {1}").format(name, moved))
            self.ctx.announce("stock")

        self.ctx.jobs.submit(lambda _jc: check_in_parcel(code), title=self.tr("Checking in parcel {0}").format(code),
                             on_result=done, on_error=lambda exc, _d: dialog.show_result(False, describe(exc)))

    def sync(self) -> None:
        """The return sync of the schedule, now (the same job: never two at once for a channel)."""
        from tokodesk.ui.sync import start_sync

        job = start_sync(self.ctx, "returns")
        if job is None:
            return
        self.sync_button.setEnabled(False)

        def done(summary: Any) -> None:
            self.sync_button.setEnabled(True)
            self.ctx.status_message(self.tr("Returns: {0} read, {1} new").format(summary.fetched, summary.created))
            if summary.errors:
                self.note.setText("; ".join(summary.errors[:3]))

        def failed(exc: BaseException, _detail: str) -> None:
            self.sync_button.setEnabled(True)
            self.note.setText(describe(exc))

        job.result.connect(done)
        job.error.connect(failed)
