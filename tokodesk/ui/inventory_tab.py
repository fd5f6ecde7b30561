"""The Inventory tab: on hand (editable), reserved, buffer, available, what was pushed, the reconciliation report.

A SKU nobody counted shows "not counted" (never 0): nothing is pushed for it until the seller types a count, imports a
CSV of counts, or takes the marketplace's current stock as the count ("Use marketplace stock").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.store import models as m
from tokodesk.ui.context import AppContext
from tokodesk.ui.formatting import wib_text
from tokodesk.ui.i18n import is_language_change, translate
from tokodesk.ui.messages import describe, in_words, stored_said, stored_text
from tokodesk.ui.sync import available_kinds, start_sync
from tokodesk.ui.table_model import RowsModel
from tokodesk.ui.widgets import ErrorBanner

(COL_SELLER_SKU, COL_NAME, COL_MP_SKU, COL_ON_HAND, COL_RESERVED, COL_BUFFER, COL_AVAILABLE, COL_PUSHED,
 COL_PUSHED_AT, COL_MP_STOCK, COL_STATUS, COL_BARCODE) = range(12)
NUMBER_COLUMNS = (COL_ON_HAND, COL_RESERVED, COL_BUFFER, COL_AVAILABLE, COL_PUSHED, COL_MP_STOCK)
SORT_ROLE = Qt.ItemDataRole.UserRole  # numbers sort as numbers; "not counted" sorts before 0
CAUSES = {
    "push_failed": QT_TRANSLATE_NOOP("InventoryTab", "A stock push failed"),
    "sale_not_pulled": QT_TRANSLATE_NOOP("InventoryTab", "A sale not pulled yet"),
    "edited_on_marketplace": QT_TRANSLATE_NOOP("InventoryTab", "Stock edited in Seller Center"),
    "unmapped": QT_TRANSLATE_NOOP("InventoryTab", "SKU not mapped"),
    "not_found": QT_TRANSLATE_NOOP("InventoryTab", "Not found on the marketplace"),
    "not_pushed_yet": QT_TRANSLATE_NOOP("InventoryTab", "Not pushed yet"),
    "not_counted": QT_TRANSLATE_NOOP("InventoryTab", "Not counted yet"),
    "price_differs": QT_TRANSLATE_NOOP("InventoryTab", "Price differs (figures in Rp)"),
}
# The service's stock push skips these (services.reconciliation.UNFIXABLE).
UNFIXABLE = ("unmapped", "not_found", "not_counted", "price_differs")
NOT_COUNTED = "not counted"  # the status of a mapped SKU nobody counted


@dataclass
class InventoryState:
    rows: list[tuple] = field(default_factory=list)
    report: dict | None = None
    report_lines: list[dict] = field(default_factory=list)
    uncounted: int = 0  # seller SKUs of the channel nobody counted yet (what "Use marketplace stock" adopts)


def load_inventory(channel_id: int | None) -> InventoryState:
    from tokodesk.services import inventory
    from tokodesk.ui.services import optional

    state = InventoryState()
    mapped_skus = set()
    if channel_id is not None:
        uncounted = set()
        # A failed push's message keeps its words beside it (read here, not in the push's own query).
        words = dict(m.SkuMapping.select(m.SkuMapping.id, m.SkuMapping.last_push_words).where(
            (m.SkuMapping.channel == channel_id) & m.SkuMapping.last_push_words.is_null(False)).tuples())
        for a in inventory.compute_availability(channel_id, include_uncounted=True):
            mapped_skus.add(a.seller_sku)
            status = _with_words(a.last_push_status, words.get(a.mapping_id)) if a.counted else NOT_COUNTED
            if not a.counted:
                uncounted.add(a.seller_sku)
            state.rows.append((a.seller_sku, a.name, a.marketplace_sku, a.on_hand, a.reserved, a.buffer, a.available,
                               a.last_pushed_qty, a.last_pushed_at, a.marketplace_stock, status))
        state.uncounted = len(uncounted)
    for line in inventory.stock_overview():
        if line.seller_sku not in mapped_skus:
            state.rows.append((line.seller_sku, line.name, "", line.on_hand, line.reserved, 0, None, None, None, None,
                               "not mapped" if not line.listings else ""))
    recon = optional("services.reconciliation")
    if recon is not None and channel_id is not None:
        report = recon.latest_report(m.Channel.get_by_id(channel_id))
        if report is not None:
            state.report = m.ReconReport.select().where(m.ReconReport.id == report.id).dicts().get()
            state.report_lines = list(m.ReconLine.select().where(m.ReconLine.report == report.id).dicts())
    # The code on each item's own label, for the pack check (issue 21.6); typed in the Barcode column.
    barcodes = dict(m.StockItem.select(m.StockItem.seller_sku, m.StockItem.barcode)
                    .where(m.StockItem.barcode.is_null(False)).tuples())
    state.rows = [(*row, barcodes.get(row[COL_SELLER_SKU]) or "") for row in state.rows]
    return state


# The store's push statuses -> the words in the column; "failed: <marketplace text>" keeps the marketplace's words.
PUSH_STATUS_WORDS = {
    "accepted": QT_TRANSLATE_NOOP("InventoryModel", "Accepted"),
    "failed": QT_TRANSLATE_NOOP("InventoryModel", "Failed"),
    "pending": QT_TRANSLATE_NOOP("InventoryModel", "Waiting to push"),
    "sent": QT_TRANSLATE_NOOP("InventoryModel", "Sent"),
    "not mapped": QT_TRANSLATE_NOOP("InventoryModel", "Not mapped"),
    NOT_COUNTED: QT_TRANSLATE_NOOP("InventoryModel", "Not counted: nothing is pushed"),
    "adopted": QT_TRANSLATE_NOOP("InventoryModel", "Taken from the marketplace"),
}


class _Status(str):
    """A push status ("failed: <message>") with the words its message was made from (`said`: None when plain)."""

    said: Any = None


def _with_words(status: str, words: object) -> str:
    said_ = stored_said(str(status).partition(": ")[2], words) if words else None
    if said_ is None:
        return status
    value = _Status(status)
    value.said = said_
    return value


def _status_words(value: str | None) -> str:
    if not value:
        return ""
    head, sep, rest = str(value).partition(": ")
    message = in_words(value.said if isinstance(value, _Status) and value.said is not None else rest)
    return translate("InventoryModel", PUSH_STATUS_WORDS.get(head, head)) + (sep + message if sep else "")


class InventoryModel(RowsModel):
    HEADERS = (QT_TRANSLATE_NOOP("InventoryModel", "Seller SKU"), QT_TRANSLATE_NOOP("InventoryModel", "Product"),
               QT_TRANSLATE_NOOP("InventoryModel", "Marketplace SKU"), QT_TRANSLATE_NOOP("InventoryModel", "On hand"),
               QT_TRANSLATE_NOOP("InventoryModel", "Reserved"), QT_TRANSLATE_NOOP("InventoryModel", "Buffer"),
               QT_TRANSLATE_NOOP("InventoryModel", "Available"),
               QT_TRANSLATE_NOOP("InventoryModel", "Last pushed"), QT_TRANSLATE_NOOP("InventoryModel",
                                 "Pushed at"), QT_TRANSLATE_NOOP("InventoryModel",
                                 "Marketplace stock"), QT_TRANSLATE_NOOP("InventoryModel",
                                 "Push status"), QT_TRANSLATE_NOOP("InventoryModel", "Barcode"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.on_hand_edited = None  # callable(seller_sku, quantity)
        self.barcode_edited = None  # callable(seller_sku, code or "")

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (COL_ON_HAND, COL_BARCODE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, col = self.rows[index.row()], index.column()
        uncounted = row[COL_ON_HAND] is None
        if role == SORT_ROLE:
            value = row[col]
            if col in NUMBER_COLUMNS:
                return -1 if value is None else int(value)
            if col == COL_PUSHED_AT:
                return value.isoformat() if value else ""
            return str(value or "").lower()
        if role == Qt.ItemDataRole.EditRole and col == COL_ON_HAND:
            return "" if uncounted else row[col]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = row[col]
            if col == COL_ON_HAND and uncounted:
                return translate("InventoryModel", "not counted")
            if col == COL_AVAILABLE and uncounted:
                return "—"
            if col == COL_PUSHED_AT:
                return wib_text(value) if value else ""
            if col == COL_STATUS:
                return _status_words(value)
            return "" if value is None else value
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_NAME and row[COL_NAME]:
            return str(row[COL_NAME])  # the whole name: the column elides it
        if role == Qt.ItemDataRole.ToolTipRole and uncounted and col in (COL_ON_HAND, COL_AVAILABLE, COL_STATUS):
            return translate("InventoryModel",
                             "Nobody counted this SKU yet, so TokoDesk pushes nothing for it. Type the "
                                        "count (double-click), import a CSV of counts, or use the marketplace's "
                                        "current stock as the count.")
        if role == Qt.ItemDataRole.ForegroundRole and uncounted and col == COL_ON_HAND:
            return QBrush(QColor("#8a3b00"))
        negative = col == COL_ON_HAND and isinstance(row[COL_ON_HAND], int) and row[COL_ON_HAND] < 0
        if role == Qt.ItemDataRole.ToolTipRole and negative:
            return translate("InventoryModel",
                             "More was shipped than was counted on the shelf: count this SKU and enter "
                                        "the number (double-click or F2).")
        if role == Qt.ItemDataRole.BackgroundRole:
            if negative:
                return QBrush(QColor("#f4a6a6"))
            status = str(row[COL_STATUS] or "")
            if col == COL_STATUS and (status.startswith("failed") or status in ("not mapped", NOT_COUNTED)):
                return QBrush(QColor("#fdecea"))
            if col == COL_MP_STOCK and row[COL_MP_STOCK] is not None and row[COL_AVAILABLE] is not None \
                    and row[COL_MP_STOCK] != row[COL_AVAILABLE]:
                return QBrush(QColor("#fbeaa5"))  # marketplace shows something else than we would push
        if role == Qt.ItemDataRole.TextAlignmentRole and col in NUMBER_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(  # noqa: N802
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() == COL_BARCODE:
            return self._set_barcode(index, str(value or "").strip())
        if index.column() != COL_ON_HAND:
            return False
        try:
            quantity = int(str(value).strip())
        except ValueError:
            return False
        if quantity < 0:
            return False
        row = list(self.rows[index.row()])
        if row[COL_ON_HAND] == quantity:
            return False
        row[COL_ON_HAND] = quantity
        self.rows[index.row()] = tuple(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        if self.on_hand_edited is not None:
            self.on_hand_edited(row[COL_SELLER_SKU], quantity)
        return True

    def _set_barcode(self, index: QModelIndex | QPersistentModelIndex, code: str) -> bool:
        row = list(self.rows[index.row()])
        if row[COL_BARCODE] == code:
            return False
        row[COL_BARCODE] = code
        self.rows[index.row()] = tuple(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        if self.barcode_edited is not None:
            self.barcode_edited(row[COL_SELLER_SKU], code)  # the store refuses a code of another item: reload
        return True


class InventoryTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = InventoryModel(self)
        self.model.on_hand_edited = self.save_on_hand
        self.model.barcode_edited = self.save_barcode
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # every column: the seller SKU, the product name, the marketplace SKU
        self.proxy.setSortRole(SORT_ROLE)
        self.loaded = False
        self.state: InventoryState | None = None
        layout = QVBoxLayout(self)
        self.banner = ErrorBanner()
        layout.addWidget(self.banner)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search SKU or product name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        bar.addWidget(self.search, 1)
        bar.addStretch(1)
        self.adopt_button = QPushButton(self.tr("Use marketplace stock"))
        self.adopt_button.setToolTip(self.tr("Take what the marketplace shows now (plus what open orders hold) as the "
                                             "count of every SKU nobody counted yet; the next push then changes "
                                             "nothing on the marketplace."))
        self.adopt_button.setEnabled(False)
        self.adopt_button.clicked.connect(self.adopt)
        bar.addWidget(self.adopt_button)
        self.import_button = QPushButton(self.tr("Import counts…"))
        self.import_button.setToolTip(self.tr("A CSV file with seller_sku,on_hand on each line. A file with a bad "
                                              "line is not imported at all; every bad line is listed."))
        self.import_button.clicked.connect(self.choose_import)
        bar.addWidget(self.import_button)
        self.push_button = QPushButton(self.tr("Push stock now"))
        self.push_button.clicked.connect(self.push_now)
        bar.addWidget(self.push_button)
        self.recon_button = QPushButton(self.tr("Reconcile now"))
        self.recon_button.clicked.connect(lambda: self.reconcile(fix=False))
        bar.addWidget(self.recon_button)
        layout.addLayout(bar)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(COL_SELLER_SKU, Qt.SortOrder.AscendingOrder)  # A→Z, not Qt's default Z→A
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Product names are long; sized to their contents they pushed Marketplace stock (the column a seller compares)
        # off a 1366 px screen. The name gets room for about 26 characters and is elided; the seller can widen it.
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COL_NAME, self.fontMetrics().averageCharWidth() * 26)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setWordWrap(False)  # one line a SKU: a long name is elided (its tooltip and the column show it all)
        header.setStretchLastSection(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self._build_recon())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.summary = QLabel()
        self.summary.setStyleSheet("color:#555")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        ctx.channel_selected.connect(lambda _cid: self.reload())
        ctx.stock_changed.connect(self.reload)
        self.reload()

    def _build_recon(self) -> QWidget:
        box = QGroupBox(self.tr("Latest reconciliation"))
        layout = QVBoxLayout(box)
        row = QHBoxLayout()
        self.recon_label = QLabel(self.tr("No reconciliation yet."))
        self.recon_label.setWordWrap(True)
        row.addWidget(self.recon_label, 1)
        self.fix_button = QPushButton(self.tr("Fix mismatches"))
        self.fix_button.setToolTip(self.tr("Push the expected stock for every mismatch that can be fixed"))
        self.fix_button.clicked.connect(lambda: self.reconcile(fix=True))
        self.fix_button.setEnabled(False)
        row.addWidget(self.fix_button)
        layout.addLayout(row)
        self.recon_table = QTableWidget(0, 6)
        self.recon_table.setHorizontalHeaderLabels([self.tr("Marketplace SKU"), self.tr("Seller SKU"),
                                                    self.tr("Marketplace"), self.tr("Expected"),
                                                    self.tr("Likely cause"), self.tr("Fixed")])
        self.recon_table.horizontalHeader().setStretchLastSection(True)
        self.recon_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.recon_table.verticalHeader().hide()
        self.recon_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recon_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recon_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.recon_table)
        # A price changed on the marketplace (Seller Center) is the seller's call: take it, or keep TokoDesk's.
        prices = QHBoxLayout()
        self.take_price_button = QPushButton(self.tr("Take the marketplace's price"))
        self.take_price_button.setToolTip(self.tr("The selected SKU's price in TokoDesk becomes the marketplace's; "
                                                  "nothing is sent"))
        self.take_price_button.clicked.connect(lambda: self.resolve_price(take=True))
        self.push_mine_button = QPushButton(self.tr("Push mine"))
        self.push_mine_button.setToolTip(self.tr("Keep TokoDesk's price for the selected SKU: it is kept as a change "
                                                 "and sent with the next catalogue push (SKU mapping tab)"))
        self.push_mine_button.clicked.connect(lambda: self.resolve_price(take=False))
        for button in (self.take_price_button, self.push_mine_button):
            button.setEnabled(False)
            prices.addWidget(button)
        prices.addStretch(1)
        layout.addLayout(prices)
        self.recon_table.itemSelectionChanged.connect(self._enable_price_buttons)
        return box

    def _selected_price_line(self) -> dict | None:
        rows = {i.row() for i in self.recon_table.selectedItems()}
        lines = self.state.report_lines if getattr(self, "state", None) is not None else []
        if len(rows) != 1 or next(iter(rows)) >= len(lines):
            return None
        line = lines[next(iter(rows))]
        return line if line["cause"] == "price_differs" and not line["fixed"] and line["seller_sku"] else None

    @Slot()
    def _enable_price_buttons(self) -> None:
        chosen = self._selected_price_line() is not None
        self.take_price_button.setEnabled(chosen)
        self.push_mine_button.setEnabled(chosen)

    def resolve_price(self, take: bool) -> None:
        from tokodesk.services import catalog_recon

        line = self._selected_price_line()
        channel_id = self.ctx.channel_id
        if line is None or channel_id is None:
            return
        seller_sku = line["seller_sku"]

        def work(_jc: Any) -> Any:
            channel = m.Channel.get_by_id(channel_id)
            if take:
                return catalog_recon.take_marketplace(channel, seller_sku)
            return catalog_recon.push_mine(channel, seller_sku)

        def done(_r: Any) -> None:
            self.ctx.status_message(
                self.tr("{0}: TokoDesk's price is now the marketplace's; nothing was sent").format(seller_sku) if take
                else self.tr("{0}: TokoDesk's price is kept; Push changes… in the SKU mapping tab sends it")
                .format(seller_sku))
            self.ctx.announce("catalog")
            self.reload()

        self.ctx.jobs.submit(work, title=self.tr("Settling a price difference"), on_result=done,
                             on_error=self._error)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_language_change(event, self) and self.loaded and not self.ctx.jobs.closed:
            self.reload()  # the summary and the reconciliation lines are sentences with counts

    @Slot()
    def reload(self) -> None:
        channel_id = self.ctx.channel_id
        kinds = available_kinds()
        self.push_button.setEnabled(channel_id is not None and "inventory" in kinds)
        self.recon_button.setEnabled(channel_id is not None and "recon" in kinds)

        def done(state: InventoryState) -> None:
            self.state = state
            self.model.set_rows(state.rows)
            self.loaded = True
            self._show_report(state)
            self.adopt_button.setEnabled(bool(state.uncounted) and channel_id is not None)
            self.adopt_button.setText(self.tr("Use marketplace stock ({0} not counted)").format(state.uncounted)
                                      if state.uncounted else self.tr("Use marketplace stock"))
            if not state.rows:
                self.summary.setText(self.tr("No stock yet: map SKUs in the SKU mapping tab (or pull products), then "
                                             "type the counts in the On hand column."))
            else:
                text = self.tr("Available = on hand − reserved − buffer; double-click On hand to change the count. "
                               "{0} rows.").format(len(state.rows))
                if state.uncounted:
                    text += " " + self.tr("{0} SKUs are not counted yet: nothing is pushed for them.").format(
                        state.uncounted)
                self.summary.setText(text)

        self.ctx.jobs.submit(lambda _jc: load_inventory(channel_id), title=self.tr("Loading stock"),
                             on_result=done, on_error=self._error)

    def _show_report(self, state: InventoryState) -> None:
        report = state.report
        if report is None:
            self.recon_label.setText(self.tr("No reconciliation yet."))
            self.recon_table.setRowCount(0)
            self.fix_button.setEnabled(False)
            self.fix_button.setToolTip(self.tr("Run “Reconcile now” first; its mismatches can then be fixed here."))
            return
        not_counted = sum(1 for line in state.report_lines if line["cause"] == "not_counted")
        self.recon_label.setText(self.tr("{0}: {1} SKUs checked, {2} mismatches, {3} fixed.").format(
            wib_text(report["created_at"]), report["checked"], report["mismatches"], report["fixed"])
            + (" " + self.tr("{0} not counted yet.").format(not_counted) if not_counted else "")
            + (" " + stored_text(report["error"], report.get("error_words")) if report["error"] else ""))
        lines = state.report_lines
        self.recon_table.setRowCount(len(lines))
        for r, line in enumerate(lines):
            # A product without a marketplace SKU is still named: by its product ID, so the seller can find it.
            product = line["marketplace_sku"] or self.tr("product {0}").format(line["product_id"])
            seller = line["seller_sku"] or (self.tr("(not mapped)") if line["cause"] == "unmapped" else "")
            fixed = self.tr("Yes") if line["fixed"] else (
                self.tr("Map it first") if line["cause"] == "unmapped" else
                self.tr("Not on the marketplace") if line["cause"] == "not_found" else
                self.tr("Count it first") if line["cause"] == "not_counted" else "")
            values = (product, seller, line["marketplace_qty"], line["expected_qty"],
                      self.tr(CAUSES.get(line["cause"], line["cause"])), fixed)
            for c, value in enumerate(values):
                self.recon_table.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self._enable_price_buttons()
        # A "not counted yet" line is not a mismatch: nothing is pushed for it, so nothing is there to fix.
        open_lines = [line for line in lines if not line["fixed"] and line["cause"] != "not_counted"]
        fixable = [line for line in open_lines if line["cause"] not in UNFIXABLE]
        self.fix_button.setEnabled(bool(fixable))
        if fixable:
            self.fix_button.setToolTip(self.tr("Push the expected stock for every mismatch that can be fixed"))
        elif open_lines:
            self.fix_button.setToolTip(self.tr("The mismatches left are products without a seller SKU (map them in "
                                               "the SKU mapping tab) or not found on the marketplace: a stock push "
                                               "cannot fix them."))
        else:
            self.fix_button.setToolTip(self.tr("Nothing to fix: every mismatch of this report is fixed."))

    def save_on_hand(self, seller_sku: str, quantity: int) -> None:
        from tokodesk.services import inventory

        def done(_r: Any) -> None:
            self.banner.clear()
            self.ctx.status_message(self.tr("{0}: on hand set to {1}").format(seller_sku, quantity))
            self.ctx.announce("stock")

        def failed(exc: BaseException, detail: str) -> None:
            self._error(exc, detail)
            self.reload()

        self.ctx.jobs.submit(lambda _jc: inventory.set_stock([(seller_sku, quantity)]),
                             title=self.tr("Saving the stock count"), on_result=done, on_error=failed)

    def save_barcode(self, seller_sku: str, code: str) -> None:
        from tokodesk.services.pack_check import set_barcode

        def done(_r: Any) -> None:
            self.banner.clear()
            self.ctx.status_message(self.tr("{0}: barcode {1}").format(seller_sku, code) if code
                                    else self.tr("{0}: barcode removed").format(seller_sku))

        def failed(exc: BaseException, detail: str) -> None:
            self._error(exc, detail)
            self.reload()  # the refused code leaves the row as the store has it

        self.ctx.jobs.submit(lambda _jc: set_barcode(seller_sku, code), title=self.tr("Saving the barcode"),
                             on_result=done, on_error=failed)

    @Slot()
    def adopt(self) -> None:
        """Use the marketplace's current stock as the count of the uncounted SKUs, in the channel's lane."""
        from tokodesk.services import stock_adopt

        channel_id = self.ctx.channel_id
        if channel_id is None:
            return
        self.adopt_button.setEnabled(False)

        def work(jc: Any) -> Any:
            channel = m.Channel.get_by_id(channel_id)
            adapter = self.ctx.adapter(channel) if self.ctx.adapter_factory is not None else None
            return stock_adopt.adopt_marketplace_stock(channel, adapter, progress=jc.progress, cancel=jc.cancelled)

        def done(result: Any) -> None:
            from tokodesk.ui.wizard_stock import adopt_summary

            text = adopt_summary(result)
            if result.ok and not result.skipped:
                self.banner.show_info(text.splitlines()[0])
            else:
                self.banner.show_error(self.tr("{0} SKUs taken from the marketplace; {1} could not be and stay not "
                                               "counted.").format(len(result.adopted), len(result.skipped)), text)
            self.ctx.announce("stock")

        def failed(exc: BaseException, detail: str) -> None:
            self._error(exc, detail)
            self.reload()

        self.ctx.jobs.submit(work, title=self.tr("Reading the marketplace's stock"), lane=self.ctx.lane(channel_id),
                             on_result=done, on_error=failed)

    @Slot()
    def choose_import(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import stock counts"), "",
                                                    self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        """Import a CSV of counts: all of it, or nothing when a line is bad (each bad line is listed)."""
        from tokodesk.services import stock_csv

        def done(result: Any) -> None:
            if result.parsed.bad:
                self.banner.show_error(
                    self.tr("{0} bad lines in the file: nothing was imported. Fix them and import again.").format(
                        len(result.parsed.bad)),
                    "\n".join(in_words(line) for line in stock_csv.bad_row_lines(path, result.parsed)))
                return
            applied = result.applied
            self.banner.show_info(self.tr("{0} counts imported: {1} updated, {2} new SKUs, {3} unchanged.").format(
                len(result.parsed.rows), len(applied.updated), len(applied.created), len(applied.unchanged)))
            self.ctx.announce("stock")

        self.ctx.jobs.submit(lambda _jc: stock_csv.import_stock(path, strict=True, require_rows=True),
                             title=self.tr("Importing stock counts"), on_result=done, on_error=self._error)

    @Slot()
    def push_now(self) -> None:
        job = start_sync(self.ctx, "inventory")
        if job is not None:
            job.result.connect(self._after_run)
            job.error.connect(self._error)

    def reconcile(self, fix: bool) -> None:
        job = start_sync(self.ctx, "recon", fix=fix)
        if job is not None:
            job.result.connect(self._after_run)
            job.error.connect(self._error)

    def _after_run(self, summary: Any) -> None:
        details = getattr(summary, "details", {}) if summary is not None else {}
        message = details.get("message")
        if not message and details.get("uncounted"):
            message = self.tr("{0} SKUs left out: never counted, so nothing is pushed for them. Count them, or use "
                              "the marketplace's stock.").format(details["uncounted"])
        # A note (SKUs left out because nobody counted them) is not a problem: it is said, not shown in red.
        troubled = getattr(summary, "failed", 0) or getattr(summary, "status", "ok") != "ok"
        if getattr(summary, "errors", None) and (troubled or not message):
            self.banner.show_error(self.tr("Finished with {0} problem(s).").format(len(summary.errors)),
                                   "\n".join(in_words(e) for e in summary.errors))  # each said, then joined
        elif message:
            self.banner.show_info(message)
        else:
            self.banner.clear()

    def _error(self, exc: BaseException, detail: str) -> None:
        self.banner.show_error(describe(exc), detail)
