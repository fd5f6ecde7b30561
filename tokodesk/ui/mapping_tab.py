"""The SKU mapping tab: every marketplace product/variant with its seller SKU and buffer, editable in place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.store import models as m
from tokodesk.ui.context import AppContext
from tokodesk.ui.i18n import is_language_change, translate
from tokodesk.ui.messages import describe, in_words
from tokodesk.ui.table_model import RowsModel
from tokodesk.ui.widgets import ErrorBanner

COL_PRODUCT_ID, COL_SKU, COL_NAME, COL_SELLER_SKU, COL_BUFFER, COL_STOCK, COL_STATUS = range(7)
# The product states the adapters report, in words (an unknown one shows as the marketplace sent it).
PRODUCT_STATUS_WORDS = {
    "active": QT_TRANSLATE_NOOP("MappingModel", "active"),
    "inactive": QT_TRANSLATE_NOOP("MappingModel", "inactive"),
    "pending": QT_TRANSLATE_NOOP("MappingModel", "pending review"),
    "banned": QT_TRANSLATE_NOOP("MappingModel", "banned"),
    "deleted": QT_TRANSLATE_NOOP("MappingModel", "deleted"),
    "draft": QT_TRANSLATE_NOOP("MappingModel", "draft"),
}
# row: (product_id, marketplace_sku, name, seller_sku or None, buffer, marketplace_stock, product status)


def mapping_rows(channel_id: int) -> list[tuple]:
    names = dict(
        m.Product.select(m.Product.product_id, m.Product.name).where(m.Product.channel == channel_id).tuples()
    )
    status = dict(
        m.Product.select(m.Product.product_id, m.Product.status).where(m.Product.channel == channel_id).tuples()
    )
    query = (
        m.SkuMapping.select(m.SkuMapping.product_id, m.SkuMapping.marketplace_sku, m.SkuMapping.seller_sku,
                            m.SkuMapping.buffer, m.SkuMapping.marketplace_stock)
        .where(m.SkuMapping.channel == channel_id)
        .order_by(m.SkuMapping.marketplace_sku, m.SkuMapping.product_id)
        .tuples()
    )
    return [(pid, sku, names.get(pid, ""), seller, buf or 0, stock, status.get(pid, ""))
            for pid, sku, seller, buf, stock in query]


class MappingModel(RowsModel):
    HEADERS = (QT_TRANSLATE_NOOP("MappingModel", "Product ID"), QT_TRANSLATE_NOOP("MappingModel", "Marketplace SKU"),
               QT_TRANSLATE_NOOP("MappingModel", "Product"), QT_TRANSLATE_NOOP("MappingModel", "Seller SKU"),
               QT_TRANSLATE_NOOP("MappingModel", "Buffer"), QT_TRANSLATE_NOOP("MappingModel", "Marketplace stock"),
               QT_TRANSLATE_NOOP("MappingModel", "Status"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.edit_requested = None  # callable(product_id, seller_sku or None, buffer or None): the tab saves it

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in (COL_SELLER_SKU, COL_BUFFER):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_SELLER_SKU:
                if row[3]:
                    return row[3]
                return "" if role == Qt.ItemDataRole.EditRole else translate("MappingModel", "— unmapped —")
            if col == COL_STOCK:
                return "" if row[5] is None else row[5]
            if col == COL_STATUS and row[6] in PRODUCT_STATUS_WORDS:
                return translate("MappingModel", PRODUCT_STATUS_WORDS[row[6]])
            return row[col] if col != COL_BUFFER else int(row[4])
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_SELLER_SKU and not row[3]:
            return QBrush(QColor("#b00020"))
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_SELLER_SKU, COL_BUFFER):
            return translate("MappingModel", "Double-click to edit")
        return None

    def setData(  # noqa: N802
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() not in (COL_SELLER_SKU,
                                                                                           COL_BUFFER):
            return False
        row = list(self.rows[index.row()])
        if index.column() == COL_SELLER_SKU:
            text = str(value or "").strip()
            if text == (row[3] or ""):
                return False
            row[3] = text or None
            change = (row[0], row[3], None)
        else:
            try:
                buffer = int(value)
            except (TypeError, ValueError):
                return False
            if buffer < 0 or buffer == row[4]:
                return False
            row[4] = buffer
            change = (row[0], row[3], buffer)
        self.rows[index.row()] = tuple(row)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        if self.edit_requested is not None:
            self.edit_requested(*change)
        return True


class MappingFilter(QSortFilterProxyModel):
    """A few thousand SKUs at most: a per-row filter is fine here (unlike the order queue)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.unmapped_only = False
        self.needle = ""

    def set_filter(self, unmapped_only: bool | None = None, needle: str | None = None) -> None:
        self.beginFilterChange()
        if unmapped_only is not None:
            self.unmapped_only = unmapped_only
        if needle is not None:
            self.needle = needle.strip().lower()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        row = self.sourceModel().rows[source_row]
        if self.unmapped_only and row[3]:
            return False
        if self.needle:
            return any(self.needle in str(v or "").lower() for v in row[:4])
        return True


class MappingTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = MappingModel(self)
        self.model.edit_requested = self.save_edit
        self.proxy = MappingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.DisplayRole)
        self.loaded = False
        layout = QVBoxLayout(self)
        self.banner = ErrorBanner()
        layout.addWidget(self.banner)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search product ID, SKU, name or seller SKU"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda t: self.proxy.set_filter(needle=t))
        bar.addWidget(self.search, 2)
        self.unmapped = QCheckBox(self.tr("Unmapped only"))
        self.unmapped.toggled.connect(lambda on: self.proxy.set_filter(unmapped_only=on))
        bar.addWidget(self.unmapped)
        self.create_skus = QCheckBox(self.tr("Create seller SKUs that do not exist yet"))
        self.create_skus.setChecked(True)
        bar.addWidget(self.create_skus)
        bar.addStretch(1)
        for text, slot in ((self.tr("Auto-map"), self.auto_map), (self.tr("Import CSV…"), self.import_csv),
                           (self.tr("Export CSV…"), self.export_csv)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        from tokodesk.ui.catalog_edits import CatalogActions

        layout.addLayout(bar)
        # Prices and listing on/off, pushed on purpose: a row of their own (the bar above is full on a laptop).
        self.catalog = CatalogActions(ctx, self)
        catalog_bar = QHBoxLayout()
        for button in self.catalog.buttons:
            catalog_bar.addWidget(button)
        catalog_bar.addStretch(1)
        layout.addLayout(catalog_bar)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        for col, width in ((COL_PRODUCT_ID, 130), (COL_SKU, 160), (COL_SELLER_SKU, 170), (COL_BUFFER, 70),
                           (COL_STOCK, 130), (COL_STATUS, 90)):
            self.view.setColumnWidth(col, width)
        layout.addWidget(self.view, 1)
        self.summary = QLabel()
        self.summary.setStyleSheet("color:#555")
        layout.addWidget(self.summary)
        ctx.channel_selected.connect(lambda _cid: self.reload())
        ctx.catalog_changed.connect(self.reload)
        self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_language_change(event, self) and self.loaded and not self.ctx.jobs.closed:
            self.reload()  # the summary is a sentence with counts

    @Slot()
    def reload(self) -> None:
        channel_id = self.ctx.channel_id
        if channel_id is None:
            self.model.set_rows([])
            self.summary.setText(self.tr("No channel yet: add one, then its products appear here after the SKU pull."))
            return

        def done(rows: list[tuple]) -> None:
            self.model.set_rows(rows)
            self.loaded = True
            unmapped = sum(1 for r in rows if not r[3])
            if rows:
                self.summary.setText(self.tr("{0} marketplace SKUs, {1} unmapped").format(len(rows), unmapped))
            else:
                self.summary.setText(self.tr("No products pulled yet: Channel tab → Products (SKU pull) → Sync now."))

        self.ctx.jobs.submit(lambda _jc: mapping_rows(channel_id), title=self.tr("Loading the mappings"),
                             on_result=done, on_error=self._error)

    def selected_seller_sku(self) -> tuple[str | None, str | None]:
        """(seller SKU, product id) of the selected row; (None, None) when nothing mapped is selected."""
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None, None
        row = self.model.rows[self.proxy.mapToSource(rows[0]).row()]
        return (row[3] or None), row[0]

    def save_edit(self, product_id: str, seller_sku: str | None, buffer: int | None) -> None:
        from tokodesk.services import mapping

        channel_id = self.ctx.channel_id
        create = self.create_skus.isChecked()

        def work(_jc: Any) -> None:
            channel = m.Channel.get_by_id(channel_id)
            mapping.set_mapping(channel, product_id, seller_sku, buffer=buffer, create_seller_sku=create)

        def done(_r: Any) -> None:
            self.banner.clear()
            self.ctx.announce("orders", "stock")

        def failed(exc: BaseException, detail: str) -> None:
            self._error(exc, detail)
            self.reload()  # put the stored value back

        self.ctx.jobs.submit(work, title=self.tr("Saving the mapping"), on_result=done, on_error=failed)

    @Slot()
    def auto_map(self) -> None:
        from tokodesk.services import mapping

        channel_id = self.ctx.channel_id
        if channel_id is None:
            return

        def work(jc: Any) -> int:
            channel = m.Channel.get_by_id(channel_id)
            known = mapping.seller_sku_set()
            queue = mapping.unmapped_queue(channel)
            done = 0
            for i, row in enumerate(queue):
                jc.check()
                jc.progress(i, len(queue), row.marketplace_sku)
                seller_sku, new = mapping.auto_map_seller_sku(channel, row.marketplace_sku, known)
                if seller_sku:
                    mapping.set_mapping(channel, row.product_id, seller_sku, create_seller_sku=new)
                    done += 1
            return done

        def finished(count: int) -> None:
            self.ctx.status_message(self.tr("Auto-map: {0} SKUs mapped").format(count))
            self.ctx.announce("catalog", "orders", "stock")

        self.ctx.jobs.submit(work, title=self.tr("Auto-mapping SKUs"), on_result=finished, on_error=self._error)

    @Slot()
    def import_csv(self, path: str | None = None) -> None:
        from tokodesk.services import mapping

        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import mappings"), "", self.tr("CSV files (*.csv)"))
        if not path or self.ctx.channel_id is None:
            return
        channel_id = self.ctx.channel_id
        create = self.create_skus.isChecked()

        def work(_jc: Any) -> Any:
            return mapping.import_csv(path, m.Channel.get_by_id(channel_id), create_seller_skus=create)

        def done(result: Any) -> None:
            text = self.tr("Imported {0} rows: {1} mapped, {2} unmapped, {3} unchanged.").format(
                result.rows, result.mapped, result.unmapped, result.unchanged)
            if result.errors:
                self.banner.show_error(text + " " + self.tr("{0} rows skipped.").format(len(result.errors)),
                                       "\n".join(in_words(str(e)) for e in result.errors))
            else:
                self.banner.clear()
                self.ctx.status_message(text)
            self.ctx.announce("catalog", "orders", "stock")

        self.ctx.jobs.submit(work, title=self.tr("Importing mappings"), on_result=done, on_error=self._error)

    @Slot()
    def export_csv(self, path: str | None = None) -> None:
        from tokodesk.services import mapping

        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export mappings"), "mappings.csv",
                                                  self.tr("CSV files (*.csv)"))
        if not path or self.ctx.channel_id is None:
            return
        channel_id = self.ctx.channel_id
        self.ctx.jobs.submit(
            lambda _jc: mapping.export_csv(path, m.Channel.get_by_id(channel_id)),
            title=self.tr("Exporting mappings"),
            on_result=lambda n: self.ctx.status_message(self.tr("{0} mappings written to {1}").format(n, path)),
            on_error=self._error,
        )

    def _error(self, exc: BaseException, detail: str) -> None:
        self.banner.show_error(describe(exc), detail)
