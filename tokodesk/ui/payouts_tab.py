"""The Payouts tab: what each order of the selected channel really earned, and where the money went (issue 22).

Widgets only. Everything shown comes from `services.payout_book.load()` (the store, filled by `sync payouts`), read
in a worker; the arithmetic is services/payouts.py's. Views: the statements with the withdrawals; the orders whose
payout differs from the fee rules, with the cause in words; the orders delivered more than N days ago and still not
settled; every order; totals by week and by fee kind with a chart; cost prices and the margin per SKU. Selecting an
order takes its payout apart beside the list.

Shown only for a channel whose marketplace has finance reads (the main window adds the tab then); built on another
channel it says so in words and offers nothing. The tab reads the store only when it is on screen: a sync elsewhere
marks it stale and it reloads when the seller opens it.
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tokodesk.services import payouts as po
from tokodesk.ui.context import AppContext
from tokodesk.ui.formatting import rupiah, wib_text
from tokodesk.ui.i18n import is_language_change
from tokodesk.ui.messages import describe, in_words
from tokodesk.ui.payouts_costs import CostView
from tokodesk.ui.payouts_views import (
    COL_COST,
    COL_DELIVERED,
    COL_DIFF,
    COL_EXPECTED,
    COL_MARGIN,
    COL_PAID,
    COL_WHY,
    RIGHT,
    STATEMENT_STATUS_WORDS,
    WITHDRAWAL_KIND_WORDS,
    WITHDRAWAL_STATUS_WORDS,
    PayoutDetail,
    PayoutOrdersModel,
    fee_label,
    money_item,
    read_only_table,
    words,
)

DEFAULT_DAYS: int = inspect.signature(po.overdue).parameters["days"].default  # the service's own default
EXPORT_KINDS = {"csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)", "pdf": "PDF (*.pdf)"}
RESIZE_ROWS = 100  # columns sized to the first rows only: sizing to 20,000 rows would hold the window a second
WHY_COLUMN_PX = 360  # the causes wrap in their tooltip beyond this width


@dataclass
class PayoutData:
    book: Any  # services.payout_book.PayoutBook
    by_order: dict[str, list[po.SettlementRecord]] = field(default_factory=dict)  # what each order's net is made of
    statement_orders: dict[str, int] = field(default_factory=dict)  # statement id -> orders in it
    skus: list[tuple[str, str, int | None]] = field(default_factory=list)  # (seller SKU, name, cost price)
    # The book's reports, made in the worker: at 20,000 orders they would hold the GUI thread.
    unexpected: list[po.OrderPayout] = field(default_factory=list)
    weekly: list[po.WeekTotal] = field(default_factory=list)
    fees: dict[str, int] = field(default_factory=dict)
    margins: list[po.SkuMargin] = field(default_factory=list)


# ---- what runs in a worker (no Qt) --------------------------------------------------------------------------
def _amounts(raw: object) -> tuple:
    from tokodesk.marketplace import finance as fin

    return tuple(fin.Amount(str(g), str(n), int(a)) for g, n, a in (x for x in raw or [] if len(x) == 3))  # type: ignore[union-attr]


def load_payouts(channel_id: int) -> PayoutData:
    from tokodesk.services import payout_book
    from tokodesk.store import models as m

    book = payout_book.load(m.Channel.get_by_id(channel_id))
    settled: dict[str, list[po.SettlementRecord]] = defaultdict(list)
    in_statement: dict[str, set[str]] = defaultdict(set)
    for rec in book.records:
        if rec.order_id:
            settled[rec.order_id].append(rec)
            in_statement[rec.statement_id].add(rec.order_id)
    estimated: dict[str, list[po.SettlementRecord]] = defaultdict(list)
    ue = m.UnsettledEstimate
    for order_id, kind, amount, adjusted, raw in ue.select(
            ue.order_id, ue.kind, ue.est_settlement_amount, ue.est_adjustment_amount, ue.amounts).where(
            ue.channel == channel_id).tuples():
        if order_id:
            estimated[order_id].append(po.SettlementRecord(order_id, kind, amount, adjusted, _amounts(raw),
                                                           estimated=True))
    by_order = {}
    for order_id in set(settled) | set(estimated):
        recs, ests = settled.get(order_id, []), estimated.get(order_id, [])
        # As services/payouts.order_payout: adjustments settled before the order itself stand with its estimate.
        used = recs or ests
        if recs and ests and not any(r.kind == "ORDER" for r in recs):
            used = [*recs, *ests]
        by_order[order_id] = sorted(used, key=lambda r: (r.estimated, r.statement_time is None, r.statement_time
                                                         or 0, r.transaction_id))
    skus = list(m.StockItem.select(m.StockItem.seller_sku, m.StockItem.name, m.StockItem.cost_price)
                .order_by(m.StockItem.seller_sku).tuples())
    return PayoutData(book, by_order, {sid: len(ids) for sid, ids in in_statement.items()}, skus,
                      book.unexpected(), book.weekly(), book.fee_totals(), book.sku_margins())


def save_cost(seller_sku: str, cost: int | None) -> list[str]:
    from tokodesk.services.cost_prices import set_costs

    return set_costs([(seller_sku, cost)])


def import_costs(path: str) -> Any:
    from tokodesk.services.cost_prices import import_costs as run

    return run(path)


def export_book(book: Any, path: str, kind: str, days: int) -> Path:
    from tokodesk.services import payout_export

    if kind == "csv":
        return payout_export.export_csv(book, path)
    if kind == "xlsx":
        return payout_export.export_xlsx(book, path)
    return payout_export.export_pdf(book, path, overdue_days=days)


# ---- an order list with its payout taken apart beside it ----------------------------------------------------
class OrdersPane(QSplitter):
    """`hidden`: columns this list leaves to the detail beside it (a 1366 px screen shows the rest whole).
    `wrap_why`: the causes take the rest of the width and wrap, a row as tall as its causes (the list of orders that
    differ is short; sizing rows to contents would cost a second on 20,000)."""

    def __init__(self, tab: PayoutsTab, hidden: tuple[int, ...] = (), *, wrap_why: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.tab = tab
        self.model = PayoutOrdersModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.wrap_why = wrap_why
        self.view.setWordWrap(wrap_why)
        self.view.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
        if wrap_why:
            self.view.horizontalHeader().setStretchLastSection(True)
            self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.view.verticalHeader().setResizeContentsPrecision(RESIZE_ROWS)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        for col in hidden:
            self.view.setColumnHidden(col, True)
        self.detail = PayoutDetail()
        self.addWidget(self.view)
        self.addWidget(self.detail)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def show_orders(self, rows: list[po.OrderPayout]) -> None:
        chosen = self.selected()
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        if not self.wrap_why and self.view.columnWidth(COL_WHY) > WHY_COLUMN_PX:
            self.view.setColumnWidth(COL_WHY, WHY_COLUMN_PX)
        if not self.wrap_why:
            self.view.horizontalHeader().setSectionResizeMode(COL_WHY, QHeaderView.ResizeMode.Interactive)
        if chosen is not None:
            self.select(chosen.order_id)
        else:
            self._selected()

    def selected(self) -> po.OrderPayout | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows and rows[0].row() < len(self.model.rows) else None

    def select(self, order_id: str) -> bool:
        for i, p in enumerate(self.model.rows):
            if p.order_id == order_id or p.invoice == order_id:
                self.view.selectRow(i)
                return True
        self._selected()
        return False

    def _selected(self, *_args: QItemSelection) -> None:
        p = self.selected()
        data = self.tab.data
        self.detail.show_payout(p, data.by_order.get(p.order_id, []) if p is not None and data else [])


# ---- the tab ---------------------------------------------------------------------------------------------------
class PayoutsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data: PayoutData | None = None
        self.loaded = False
        self.stale = True
        self.dialog: Any = None

        layout = QVBoxLayout(self)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        bar = QHBoxLayout()
        self.sync_button = QPushButton(self.tr("Sync payouts now"))
        self.sync_button.setToolTip(self.tr("Read the statements, settlements, estimates and withdrawals from the "
                                            "marketplace (the schedule does it every 6 hours)"))
        self.sync_button.clicked.connect(self.sync)
        bar.addWidget(self.sync_button)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Every order's payout to a CSV or Excel file, or a PDF report"))
        self.export_button.clicked.connect(self.ask_export)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        self.summary = QLabel()
        bar.addWidget(self.summary)
        layout.addLayout(bar)

        self.views = QTabWidget()
        layout.addWidget(self.views, 1)
        # Statements, withdrawals below them.
        money = QSplitter(Qt.Orientation.Vertical)
        self.statements = read_only_table([
            self.tr("Statement date"), self.tr("Statement"), self.tr("Orders"), self.tr("Goods"), self.tr("Fees"),
            self.tr("Adjustments"), self.tr("Settled"), self.tr("Payment"), self.tr("Paid on")])
        self.withdrawals = read_only_table([self.tr("Date"), self.tr("What"), self.tr("Amount"), self.tr("Status"),
                                            self.tr("Withdrawal")])
        for title, table in ((self.tr("Statements"), self.statements), (self.tr("Withdrawals"), self.withdrawals)):
            box = QWidget()
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(QLabel(f"<b>{title}</b>"))
            inner.addWidget(table, 1)
            money.addWidget(box)
        money.setStretchFactor(0, 3)
        money.setStretchFactor(1, 2)
        self.views.addTab(money, self.tr("Statements"))
        self.unexpected = OrdersPane(self, (COL_DELIVERED, COL_PAID, COL_EXPECTED, COL_COST, COL_MARGIN),
                                     wrap_why=True)
        self.views.addTab(self.unexpected, self.tr("Differs from expected"))
        late = QWidget()
        late_layout = QVBoxLayout(late)
        late_layout.setContentsMargins(0, 0, 0, 0)
        days_row = QHBoxLayout()
        days_row.addWidget(QLabel(self.tr("Delivered more than")))
        self.days = QSpinBox()
        self.days.setRange(0, 3650)
        self.days.setValue(DEFAULT_DAYS)
        self.days.valueChanged.connect(lambda _v: self._fill_overdue())
        days_row.addWidget(self.days)
        days_row.addWidget(QLabel(self.tr("days ago and still not settled")))
        days_row.addStretch(1)
        late_layout.addLayout(days_row)
        self.overdue = OrdersPane(self, (COL_DIFF, COL_WHY, COL_COST, COL_MARGIN))
        late_layout.addWidget(self.overdue, 1)
        self.views.addTab(late, self.tr("Not settled"))
        self.orders = OrdersPane(self, (COL_DELIVERED, COL_WHY))
        self.views.addTab(self.orders, self.tr("Every order"))
        totals = QWidget()
        totals_layout = QVBoxLayout(totals)
        totals_layout.setContentsMargins(0, 0, 0, 0)
        # The chart is made when the tab is first shown (`_ensure_chart`): QtCharts and the OpenGL libraries it
        # loads cost memory and start time that a packer who never opens Payouts should not pay.
        self.chart: Any = None  # payouts_charts.WeeklyChart once made
        self.totals_layout = totals_layout
        tables = QHBoxLayout()
        self.weeks = read_only_table([self.tr("Week (Monday)"), self.tr("Orders"), self.tr("Goods"),
                                      self.tr("Shipping"), self.tr("Fees"), self.tr("Adjustments"),
                                      self.tr("Settled")])
        self.fees = read_only_table([self.tr("Fee"), self.tr("Amount")])
        self.fees.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        tables.addWidget(self.weeks, 3)
        tables.addWidget(self.fees, 2)
        totals_layout.addLayout(tables, 2)
        self.views.addTab(totals, self.tr("Weeks and fees"))
        self.costs = CostView()
        self.costs.cost_entered.connect(self.save_cost)
        self.costs.import_asked.connect(self.ask_import)
        self.views.addTab(self.costs, self.tr("Cost prices and margins"))

        # Not on every sync: an order pull each minute would read 20,000 payouts again each minute.
        ctx.channel_selected.connect(lambda _c: self.reload())
        ctx.payouts_changed.connect(self.reload)
        # New orders or seller SKUs: read again the next time the tab is opened.
        ctx.orders_changed.connect(self._mark_stale)
        ctx.stock_changed.connect(self._mark_stale)
        self._show_capability()

    # ---- loading ------------------------------------------------------------------------------------------
    def capable(self) -> bool:
        caps = self.ctx.capabilities() if self.ctx.channel_id is not None else None
        return bool(caps and caps.finance_read)

    def _show_capability(self) -> bool:
        capable = self.capable()
        for w in (self.sync_button, self.export_button, self.views):
            w.setEnabled(capable)
        self.views.setVisible(capable)
        if self.ctx.channel_id is None:
            self.note.setText(self.tr("Add a channel first."))
        elif not capable:
            self.note.setText(self.tr("This marketplace's API has no payouts (no finance reads): check the money "
                                      "of this shop in Seller Center."))
        else:
            self.note.setText(self.tr("What each order really earned: the buyer's payment less every fee, as the "
                                      "marketplace settled it (or estimates it), compared with what the fee rules "
                                      "give."))
        return capable

    def _ensure_chart(self) -> Any:
        if self.chart is None:
            from tokodesk.ui.payouts_charts import WeeklyChart

            self.chart = WeeklyChart()
            self.totals_layout.insertWidget(0, self.chart, 3)
        return self.chart

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._ensure_chart()
        if self.stale:
            self.load()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_language_change(event) and self.loaded and not self.ctx.jobs.closed:
            self._show_capability()
            self._fill()  # statuses, causes, the chart in words

    def _mark_stale(self) -> None:
        self.stale = True

    def reload(self) -> None:
        """Something changed: read again now when on screen, else when next shown."""
        self.stale = True
        if self.isVisible():
            self.load()

    def load(self) -> None:
        self.stale = False
        channel_id = self.ctx.channel_id
        if not self._show_capability() or channel_id is None:
            self.data = None
            self.loaded = True
            return
        self.ctx.jobs.submit(lambda _jc: load_payouts(channel_id), title=self.tr("Loading payouts"),
                             on_result=lambda data: self._loaded(channel_id, data), on_error=self._failed,
                             background=True)

    def _loaded(self, channel_id: int, data: PayoutData) -> None:
        if channel_id != self.ctx.channel_id:
            return  # another channel was chosen meanwhile; its own load follows
        self.data = data
        self._fill()
        self.loaded = True

    def _failed(self, exc: BaseException, _detail: str) -> None:
        self.note.setText(describe(exc))
        self.loaded = True

    def _fill(self) -> None:
        data = self.data
        if data is None:
            return
        book = data.book
        self._fill_statements(data)
        unexpected = data.unexpected
        self.unexpected.show_orders(unexpected)
        self._fill_overdue()
        self.orders.show_orders(book.orders)
        self._fill_totals(data)
        self.costs.show_costs(data.skus, data.margins)
        settled = [p for p in book.orders if p.status == "settled"]
        self.summary.setText(self.tr("{0} orders settled, {1} net; {2} differ from expected").format(
            len(settled), rupiah(sum(p.net or 0 for p in settled)), len(unexpected)))
        if not book.statements and not book.orders:
            self.note.setText(self.tr("No payouts yet: “Sync payouts now” reads them from the marketplace."))

    def _fill_statements(self, data: PayoutData) -> None:
        rows = data.book.statements
        self.statements.setRowCount(len(rows))
        for i, s in enumerate(rows):
            cells = [QTableWidgetItem(wib_text(s.statement_time)), QTableWidgetItem(s.statement_id),
                     QTableWidgetItem(str(data.statement_orders.get(s.statement_id, 0))),
                     money_item(s.revenue_amount), money_item(s.fee_amount), money_item(s.adjustment_amount),
                     money_item(s.settlement_amount, red_below_zero=True),
                     QTableWidgetItem(words(STATEMENT_STATUS_WORDS.get(s.payment_status, s.payment_status))),
                     QTableWidgetItem(wib_text(s.payment_time))]
            cells[2].setTextAlignment(RIGHT)
            if not s.complete:
                cells[1].setToolTip(self.tr("Not every settlement line of it is read yet: the next sync reads the "
                                            "rest"))
            for col, cell in enumerate(cells):
                self.statements.setItem(i, col, cell)
        self.statements.resizeColumnsToContents()
        ws = data.book.withdrawals
        self.withdrawals.setRowCount(len(ws))
        for i, w in enumerate(ws):
            cells = [QTableWidgetItem(wib_text(w.created_at)),
                     QTableWidgetItem(words(WITHDRAWAL_KIND_WORDS.get(w.kind, w.kind))), money_item(w.amount),
                     QTableWidgetItem(words(WITHDRAWAL_STATUS_WORDS.get(w.status, w.status))),
                     QTableWidgetItem(w.withdrawal_id)]
            for col, cell in enumerate(cells):
                self.withdrawals.setItem(i, col, cell)
        self.withdrawals.resizeColumnsToContents()

    def _fill_overdue(self) -> None:
        if self.data is not None:
            self.overdue.show_orders(self.data.book.overdue(self.days.value()))

    def _fill_totals(self, data: PayoutData) -> None:
        weeks, fees = data.weekly, data.fees
        self._ensure_chart().show_weeks(weeks, list(fees))
        self.weeks.setRowCount(len(weeks))
        for i, w in enumerate(reversed(weeks)):  # the latest week first, as the statements
            cells = [QTableWidgetItem(w.week.strftime("%d/%m/%Y")), QTableWidgetItem(str(w.orders)),
                     money_item(w.revenue), money_item(w.shipping), money_item(w.fee_total),
                     money_item(w.adjustments), money_item(w.settled, red_below_zero=True)]
            cells[1].setTextAlignment(RIGHT)
            for col, cell in enumerate(cells):
                self.weeks.setItem(i, col, cell)
        self.weeks.resizeColumnsToContents()
        self.fees.setRowCount(len(fees))
        for i, (name, amount) in enumerate(fees.items()):
            label = QTableWidgetItem(fee_label(name))
            label.setToolTip(label.text())
            self.fees.setItem(i, 0, label)
            self.fees.setItem(i, 1, money_item(amount))
        self.fees.resizeColumnToContents(1)

    # ---- actions ----------------------------------------------------------------------------------------------
    def sync(self) -> None:
        """The payouts sync of the schedule, now (the same job: never two at once for a channel)."""
        from tokodesk.ui.sync import start_sync

        job = start_sync(self.ctx, "payouts")
        if job is None:
            return
        self.sync_button.setEnabled(False)

        def done(summary: Any) -> None:
            self.sync_button.setEnabled(self.capable())
            read = summary.details.get("read", {}) if getattr(summary, "details", None) else {}
            self.ctx.status_message(self.tr("Payouts: {0} statements, {1} settlement lines read").format(
                read.get("statements", 0), read.get("transactions", 0)))
            if summary.errors:
                self.note.setText("; ".join(summary.errors[:3]))

        def failed(exc: BaseException, _detail: str) -> None:
            self.sync_button.setEnabled(self.capable())
            self.note.setText(describe(exc))

        job.result.connect(done)
        job.error.connect(failed)

    def ask_export(self) -> None:
        if self.data is None:
            return
        filters = ";;".join(EXPORT_KINDS.values())
        name = str(Path.home() / "payouts.csv")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export payouts"), name, filters)
        if not path:
            return
        kind = Path(path).suffix.lower().lstrip(".")
        if kind not in EXPORT_KINDS:
            kind = next((k for k, f in EXPORT_KINDS.items() if f == chosen), "csv")
            path += "." + kind
        self.export_to(path, kind)

    def export_to(self, path: str, kind: str) -> None:
        """Write what the tab shows (the book as loaded) to `path`; the PDF lists orders late by the days chosen."""
        if self.data is None:
            return
        book, days = self.data.book, self.days.value()
        self.export_button.setEnabled(False)

        def done(written: Path) -> None:
            self.export_button.setEnabled(True)
            self.summary.setText(self.tr("Written to {0}").format(written))
            self.ctx.status_message(self.tr("Payouts written to {0}").format(written))

        def failed(exc: BaseException, _detail: str) -> None:
            self.export_button.setEnabled(True)
            self.note.setText(self.tr("The export was not written: {0}").format(describe(exc)))

        self.ctx.jobs.submit(lambda _jc: export_book(book, path, kind, days),
                             title=self.tr("Exporting payouts"), on_result=done, on_error=failed)

    def save_cost(self, seller_sku: str, cost: int | None) -> None:
        def failed(exc: BaseException, _detail: str) -> None:
            self.costs.say(describe(exc), error=True)
            self.reload()

        self.ctx.jobs.submit(lambda _jc: save_cost(seller_sku, cost), title=self.tr("Saving the cost price"),
                             on_result=lambda _r: self.reload(), on_error=failed)

    def ask_import(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(self, self.tr("Import cost prices"), str(Path.home()),
                                                    self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.import_from(path)

    def import_from(self, path: str) -> None:
        def done(result: Any) -> None:
            bad = result.parsed.bad
            text = self.tr("{0} cost prices set").format(len(result.applied))
            if bad:
                text += "; " + self.tr("{0} lines skipped:").format(len(bad)) + " " + "; ".join(
                    self.tr("line {0}: {1}").format(b.line, in_words(b.reason)) for b in bad[:10])
            self.costs.say(text, error=bool(bad))
            self.reload()

        self.ctx.jobs.submit(lambda _jc: import_costs(path), title=self.tr("Importing cost prices"),
                             on_result=done, on_error=lambda exc, _d: self.costs.say(describe(exc), error=True))
