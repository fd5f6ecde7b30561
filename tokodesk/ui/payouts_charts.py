"""The Payouts tab's weekly chart: a stacked bar per statement week, the fees below zero.

Its own module because QtCharts drags in Qt's OpenGL libraries (megabytes of memory and some start time): the tab
imports this only when it is first shown, so a packer who never opens Payouts never loads them. The figures drawn
(`chart_sets`, `nice_step`) are payouts_views.py's, without Qt Charts.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QCategoryAxis, QChart, QChartView, QStackedBarSeries
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from tokodesk.services import payouts as po
from tokodesk.ui.formatting import rupiah
from tokodesk.ui.payouts_views import FEE_WORDS, chart_sets, nice_step, words


class WeeklyChart(QChartView):
    """A stacked bar per statement week: money in above zero, fees and costs below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.labels: list[str] = []  # the sets drawn, in the window's words (tests read them)
        self.weeks: list[date] = []
        self.show_weeks([], [])

    def show_weeks(self, weeks: Sequence[po.WeekTotal], fee_order: Sequence[str]) -> None:
        chart = QChart()
        chart.setTitle(self.tr("Settled per week (Monday, WIB): goods and shipping above zero, fees below"))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        series = QStackedBarSeries()
        series.setBarWidth(0.25 if len(weeks) < 3 else 0.6)  # one or two weeks: not a wall of colour
        self.labels = []
        self.weeks = [w.week for w in weeks]
        highs, lows = [0] * len(weeks), [0] * len(weeks)
        for label, values in chart_sets(weeks, fee_order):
            rule = next((r.label for r in po.FEE_RULES if r.name == label), "")
            shown = words(FEE_WORDS.get(label) or rule or label)
            bar = QBarSet(shown)
            for i, v in enumerate(values):
                bar.append(float(v))  # a bar's height only; every figure shown is the integer's rupiah text
                if v >= 0:
                    highs[i] += v
                else:
                    lows[i] += v
            series.append(bar)
            self.labels.append(shown)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([w.week.strftime("%d/%m") for w in weeks] or [""])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        top, bottom = max(highs, default=0), min(lows, default=0)
        step = nice_step(max(1, top - bottom))
        low = (bottom // step) * step  # floored to a step
        high = max(step, -(-top // step) * step)
        axis = QCategoryAxis()
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        value = low
        while value <= high:
            axis.append(rupiah(value), float(value))
            value += step
        axis.setRange(float(low), float(high))
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        if not weeks:
            chart.setTitle(self.tr("Nothing settled yet: sync payouts to see the weeks."))
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
