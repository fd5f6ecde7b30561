"""The shop's health as TokoDesk estimates it: the two rates against the platform's thresholds, a chart of the last
four weeks (the 7-day late dispatch rate on each day), the orders that were late, and how it is computed.

Widgets only: `services.health` computes (a job on the local lane).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk.ui.context import AppContext
from tokodesk.ui.formatting import wib_text
from tokodesk.ui.i18n import current, is_language_change
from tokodesk.ui.widgets import fit_to_screen

CHART_DAYS = 28
GOOD, WARN, BAD = "#1b7f3b", "#e65100", "#c62828"


@dataclass
class HealthView:
    report: Any  # services.health.Health over the platform's 7 days
    rolling: list[tuple[Any, float | None]]  # (WIB day, 7-day late dispatch rate ending that day)
    late_all: list = field(default_factory=list)  # every late order of the chart's weeks (services.health.Judged)

    def late_to(self, day: date) -> list:
        """The late orders that make the bar of `day`: due in the 7 days (WIB) ending that day."""
        from tokodesk.services.health import WINDOW_DAYS, wib_day

        first = day - timedelta(days=WINDOW_DAYS - 1)
        return [j for j in self.late_all if j.deadline is not None and first <= wib_day(j.deadline) <= day]


def load_health(channel_id: int, now: datetime | None = None) -> HealthView:
    from tokodesk.services import health
    from tokodesk.store import models as m

    channel = m.Channel.get_by_id(channel_id)
    now = now or m.utcnow()
    report = health.shop_health(channel, now)
    long = health.shop_health(channel, now, days=CHART_DAYS + health.WINDOW_DAYS - 1)
    days = long.daily
    rolling = []
    for end in range(health.WINDOW_DAYS - 1, len(days)):
        window = days[end - health.WINDOW_DAYS + 1:end + 1]
        judged = sum(n for _d, n, _late in window)
        late = sum(x for _d, _n, x in window)
        rolling.append((days[end][0], late / judged if judged else None))
    return HealthView(report, rolling[-CHART_DAYS:], long.late_orders)


class HealthDialog(QDialog):
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: HealthView | None = None
        self.setWindowTitle(self.tr("Shop health (estimated by TokoDesk)"))
        fit_to_screen(self, 900, 720)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Shop:")))
        self.channel = QComboBox()
        for channel_id, row in sorted(ctx.channels.items(), key=lambda kv: kv[1].get("name", "")):
            self.channel.addItem(row.get("name", str(channel_id)), channel_id)
        if ctx.channel_id is not None and self.channel.findData(ctx.channel_id) >= 0:
            self.channel.setCurrentIndex(self.channel.findData(ctx.channel_id))
        self.channel.currentIndexChanged.connect(lambda _i: self.load())
        top.addWidget(self.channel)
        top.addStretch(1)
        layout.addLayout(top)
        big = QFont(self.font())
        big.setPointSize(max(big.pointSize(), 9) + 5)
        big.setBold(True)
        self.ldr = QLabel()
        self.ldr.setFont(big)
        self.ldr.setWordWrap(True)
        layout.addWidget(self.ldr)
        self.sfcr = QLabel()
        self.sfcr.setFont(big)
        self.sfcr.setWordWrap(True)
        layout.addWidget(self.sfcr)
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.chart_view.setToolTip(self.tr("Click a bar: the late orders of the 7 days ending that day"))
        layout.addWidget(self.chart_view, 1)
        self.late_title = QLabel(self.tr("Late orders in the last 7 days"))
        layout.addWidget(self.late_title)
        self.late = QTableWidget(0, 3)
        self.late.setHorizontalHeaderLabels([self.tr("Invoice"), self.tr("Ship by"), self.tr("Shipped")])
        self.late.horizontalHeader().setStretchLastSection(True)
        self.late.setColumnWidth(0, 260)
        self.late.setColumnWidth(1, 160)
        self.late.verticalHeader().hide()
        self.late.setMaximumHeight(170)
        layout.addWidget(self.late)
        self.method = QLabel()
        self.method.setWordWrap(True)
        self.method.setStyleSheet("color: #555;")
        layout.addWidget(self.method)
        bottom = QHBoxLayout()
        self.status = QLabel()
        bottom.addWidget(self.status, 1)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.load)
        bottom.addWidget(refresh)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        layout.addLayout(bottom)

    def method_text(self, marketplace: str) -> str:
        """How the figures are computed, with how this marketplace tells who cancelled (services.health.WHO)."""
        common = self.tr(
            "How: estimated from TokoDesk's own records over the last 7 calendar days (WIB); Seller Center's figure "
            "is the one that counts. Late dispatch: orders whose ship-by fell in those days, late when TokoDesk first "
            "saw them shipped after it, or not shipped at all; an order shipped in Seller Center counts from the next "
            "sync, so it may look later than it was. Seller-fault cancellations: orders TokoDesk cancelled for you, "
            "and those the marketplace gives to you; cancellations of unknown cause give the upper figure. Weekends "
            "and holidays, which the platform leaves out, are counted here.")
        if marketplace == "tokopedia":
            who = self.tr(
                "Who cancelled comes from the cancel status code (the legacy API names no initiator): rejections (2, "
                "3, 4, 6, 10) are yours, 15 the buyer's, 5 and 699 the platform's; code 0 counts when an order ran "
                "out unaccepted after its accept deadline or unshipped after its ship deadline.")
        else:
            who = self.tr(
                "Who cancelled comes from Tokopedia & Shop (cancellation_initiator): SELLER counts, BUYER does not, "
                "and SYSTEM counts only when the platform cancelled an order unshipped after its ship-by.")
        return f"{common} {who}"

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_language_change(event, self) and hasattr(self, 'status') and not self.ctx.jobs.closed:
            self.load()  # the rates are sentences

    def load(self) -> None:
        channel_id = self.channel.currentData()
        if channel_id is None:
            self.ldr.setText(self.tr("No channel yet."))
            return
        if self.ctx.jobs.closed:
            return
        self.status.setText(self.tr("Computing…"))
        self.ctx.jobs.submit(lambda _jc: load_health(channel_id), title=self.tr("Computing the shop's health"),
                             on_result=lambda view, c=channel_id: self._loaded(c, view), on_error=self._failed)

    def _failed(self, exc: BaseException, _trace: str) -> None:
        from tokodesk.ui.messages import describe

        self.status.setText(describe(exc))

    def _loaded(self, channel_id: int, view: HealthView) -> None:
        if channel_id != self.channel.currentData():
            return
        self.view = view
        self.status.setText("")
        self.method.setText(self.method_text(self.ctx.channels.get(channel_id, {}).get("marketplace", "")))
        r = view.report
        ldr, sfcr = r.late_dispatch, r.seller_cancel
        if ldr.value is None:
            self.ldr.setText(self.tr("Late dispatch: no order was due in the last 7 days"))
            colour = GOOD
        else:
            verdict = {"ok": self.tr("under 4 %: good"), "warning": self.tr("4 % or more: a warning"),
                       "capped": self.tr("10 % or more: daily orders are capped")}[r.level]
            self.ldr.setText(self.tr("Late dispatch {0} ({1} of {2} due) — {3}").format(
                _pct(ldr.value), ldr.count, ldr.of, verdict))
            colour = {"ok": GOOD, "warning": WARN, "capped": BAD}[r.level]
        self.ldr.setStyleSheet(f"color: {colour};")
        if sfcr.value is None:
            self.sfcr.setText(self.tr("Seller-fault cancellations: no order placed in the last 7 days"))
            self.sfcr.setStyleSheet(f"color: {GOOD};")
        else:
            over = r.cancel_level == "over"
            text = self.tr("Seller-fault cancellations {0} ({1} of {2}) — {3}").format(
                _pct(sfcr.value), sfcr.count, sfcr.of,
                self.tr("2.5 % or more: too many") if over else self.tr("under 2.5 %: good"))
            if sfcr.upper_count and sfcr.upper_count > sfcr.count:
                text += " " + self.tr("(up to {0} with {1} of unknown cause)").format(
                    _pct(sfcr.upper), sfcr.upper_count - sfcr.count)
            self.sfcr.setText(text)
            self.sfcr.setStyleSheet(f"color: {BAD if over else GOOD};")
        self._draw_chart(view.rolling)
        self.late_title.setText(self.tr("Late orders in the last 7 days"))
        self._fill_late(r.late_orders)
        self.loaded.emit()

    def _fill_late(self, orders: list) -> None:
        self.late.setRowCount(len(orders))
        for row, j in enumerate(orders):
            self.late.setItem(row, 0, QTableWidgetItem(j.invoice or j.order_id))
            self.late.setItem(row, 1, QTableWidgetItem(wib_text(j.deadline)))
            self.late.setItem(row, 2, QTableWidgetItem(wib_text(j.at) if j.at else self.tr("not shipped")))

    def show_day(self, index: int) -> None:
        """A bar was clicked: the orders that made that day's rate, below the chart."""
        if self.view is None or not 0 <= index < len(self.view.rolling):
            return
        day = self.view.rolling[index][0]
        self.late_title.setText(self.tr("Late orders in the 7 days to {0} (click another bar, or Refresh for the "
                                        "last 7 days)").format(day.strftime("%d/%m")))
        self._fill_late(self.view.late_to(day))

    def _draw_chart(self, rolling: list) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSet(self.tr("Late dispatch, 7 days"))
        bars.setColor(QColor(WARN))
        labels = []
        for day, rate in rolling:
            bars.append(0.0 if rate is None else round(rate * 100, 1))
            labels.append(day.strftime("%d/%m"))
        bars.clicked.connect(self.show_day)
        series = QBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        highest = max([0.0, *(bars.at(i) for i in range(bars.count()))])
        top = max(10.5, highest * 1.15)  # room above the tallest bar; the 10 % cap always in view
        limit = QLineSeries()
        limit.setName(self.tr("4 % warning"))
        limit.setColor(QColor(BAD))
        for i in range(len(labels)):
            limit.append(i, 4.0)
        self.chart.addSeries(limit)
        x_axis = QBarCategoryAxis()
        x_axis.append(labels)
        x_axis.setLabelsAngle(-90)
        y_axis = QValueAxis()
        y_axis.setRange(0, top)
        y_axis.applyNiceNumbers()  # ticks at 0, 5, 10 … rather than 0, 7, 14
        y_axis.setLabelFormat("%.0f %%")
        self.chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
        line_x = QValueAxis()
        line_x.setRange(-0.5, max(len(labels) - 0.5, 0.5))
        line_x.setVisible(False)
        self.chart.addAxis(line_x, Qt.AlignmentFlag.AlignBottom)
        limit.attachAxis(line_x)
        limit.attachAxis(y_axis)
        self.chart.setTitle(self.tr("Late dispatch rate over 7 days, day by day (line: the 4 % warning)"))


def _pct(rate: float | None) -> str:
    # The window's language's decimal comma: "2,5 %" in Indonesian, as the threshold beside it is written.
    if rate is None:
        return "–"
    text = f"{rate * 100:.1f}"
    return (text.replace(".", ",") if current() == "id" else text) + " %"


def open_health(window: Any) -> HealthDialog:
    dialog = getattr(window, "health_dialog", None)
    if dialog is None:
        dialog = HealthDialog(window.ctx, window)
        window.health_dialog = dialog
    dialog.show()
    dialog.raise_()
    dialog.load()
    return dialog

