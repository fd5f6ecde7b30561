"""Cost prices per seller SKU in the Payouts tab: typed into the table (whole rupiah; refused in words when it is not
one) or imported from a CSV through the same import as `tokodesk payouts cost-import`; the margin per SKU beside them.

Cost prices are local: nothing here is sent to a marketplace.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk.errors import UserError
from tokodesk.services import payouts as po
from tokodesk.ui.formatting import rupiah
from tokodesk.ui.payouts_views import RED, money_item

COL_SKU, COL_NAME, COL_UNIT_COST, COL_UNITS, COL_ORDERS, COL_NET, COL_COST, COL_MARGIN = range(8)


class CostRefused(ValueError):
    """A typed cost price that is not one, in the window's words."""


class CostView(QWidget):
    cost_entered = Signal(str, object)  # seller SKU, whole rupiah or None (cleared)
    import_asked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.costs: dict[str, int | None] = {}
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        hint = QLabel(self.tr("Cost price of one unit, in whole rupiah: double-click a cell to type it (empty "
                              "clears it). Kept on this PC only; the margins use it."))
        hint.setWordWrap(True)
        bar.addWidget(hint, 1)
        self.import_button = QPushButton(self.tr("Import cost prices…"))
        self.import_button.setToolTip(self.tr("A CSV file with seller_sku,cost_price on each line"))
        self.import_button.clicked.connect(self.import_asked)
        bar.addWidget(self.import_button)
        layout.addLayout(bar)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Seller SKU"), self.tr("Name"), self.tr("Cost price (per unit)"), self.tr("Units sold"),
            self.tr("Orders"), self.tr("Net"), self.tr("Cost"), self.tr("Margin")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._edited)
        layout.addWidget(self.table, 1)

    def show_costs(self, skus: Sequence[tuple[str, str, int | None]], margins: Sequence[po.SkuMargin]) -> None:
        """Every seller SKU TokoDesk knows (with its cost price) and, for those sold, the margin."""
        by_sku = {r.seller_sku: r for r in margins}
        names = {sku: name for sku, name, _cost in skus}
        self.costs = {sku: cost for sku, _name, cost in skus}
        order = sorted(set(names) | set(by_sku))
        self._filling = True
        try:
            self.table.setRowCount(len(order))
            for i, sku in enumerate(order):
                row = by_sku.get(sku)
                known = sku in self.costs
                shown = sku or self.tr("(no seller SKU)")
                cells = [QTableWidgetItem(shown), QTableWidgetItem(names.get(sku) or (row.name if row else "")),
                         money_item(self.costs.get(sku)),
                         money_item(None), money_item(None), money_item(None), money_item(None), money_item(None)]
                if row is not None:
                    cells[COL_UNITS].setText(str(row.quantity))
                    cells[COL_ORDERS].setText(str(row.orders))
                    cells[COL_NET] = money_item(row.net)
                    cells[COL_COST] = money_item(row.cost)
                    cells[COL_MARGIN] = money_item(row.margin, red_below_zero=True)
                for col, cell in enumerate(cells):
                    if col != COL_UNIT_COST or not known:  # an SKU TokoDesk does not know takes no cost price
                        cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(i, col, cell)
                cells[COL_NAME].setToolTip(cells[COL_NAME].text())
            self.table.resizeColumnsToContents()
            self.table.horizontalHeader().setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        finally:
            self._filling = False

    def row_of(self, sku: str) -> int:
        return next(i for i in range(self.table.rowCount()) if self.table.item(i, COL_SKU).text() == sku)

    def cell(self, sku: str, col: int) -> str:
        return self.table.item(self.row_of(sku), col).text()

    def _edited(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != COL_UNIT_COST:
            return
        sku = self.table.item(item.row(), COL_SKU).text()
        try:
            value = self.parse(sku, item.text())
        except CostRefused as refused:
            self.say(str(refused), error=True)
            self._put(item, self.costs.get(sku))  # the cost price stays what it was
            return
        self._put(item, value)
        if value != self.costs.get(sku):
            self.costs[sku] = value
            self.say(self.tr("{0}: cost price cleared").format(sku) if value is None else
                     self.tr("{0}: cost price {1}").format(sku, rupiah(value)))
            self.cost_entered.emit(sku, value)

    def _put(self, item: QTableWidgetItem, value: int | None) -> None:
        self._filling = True
        try:
            item.setText(rupiah(value))
        finally:
            self._filling = False

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {RED.name()}" if error else "")

    def parse(self, sku: str, text: str) -> int | None:
        """The typed cost price as whole rupiah (None: cleared); CostRefused says what is wrong, in words."""
        from tokodesk.services.cost_prices import parse_cost

        raw = text.strip()
        try:
            return parse_cost(raw)
        except UserError:
            pass
        compact = raw.replace(" ", "")
        if compact.startswith("-") or compact.lower().startswith(("rp-", "rp.-")):
            raise CostRefused(self.tr("{0}: a cost price cannot be negative. Type whole rupiah, e.g. 15.000, or "
                                      "leave it empty.").format(sku))
        if re.fullmatch(r"(?i)(rp\.?)?(\d{1,3}(\.\d{3})+,\d{1,2}|\d+[.,]\d{1,2})", compact):
            raise CostRefused(self.tr("{0}: rupiah are whole numbers (no sen). Type e.g. 15.000.").format(sku))
        if re.fullmatch(r"(?i)(rp\.?)?0+([.]0+)*", compact):
            raise CostRefused(self.tr("{0}: a cost price must be more than Rp 0. Leave it empty if you do not "
                                      "know it.").format(sku))
        if re.fullmatch(r"(?i)(rp\.?)?\d{1,3}(\.\d{3})*|\d+", compact):
            raise CostRefused(self.tr("{0}: {1} is more than any price a marketplace takes.").format(sku, raw))
        raise CostRefused(self.tr("{0}: “{1}” is not a cost price. Type whole rupiah, e.g. 15000 or 15.000, "
                                  "or leave it empty.").format(sku, raw))
