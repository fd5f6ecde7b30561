"""Today's dispatch plan: what must leave today, by courier and pick-up cut-off, with a countdown per group.

Widgets only: `services.dispatch_plan` decides what is in the plan and in which order (a job on the local lane).
The countdowns tick every 30 s from the loaded plan; the plan itself is read again every 2 minutes and on Refresh.
Late and due-within-2-hours are said in words and in colour (never colour alone).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk.ui.context import AppContext
from tokodesk.ui.i18n import is_language_change
from tokodesk.ui.orders_model import short_wib_text, state_label
from tokodesk.ui.widgets import fit_to_screen

LATE_COLOUR = QColor("#c62828")
SOON_COLOUR = QColor("#e65100")
TICK_MS = 30_000
RELOAD_MS = 120_000
COL_WHAT, COL_STATE, COL_DEADLINE, COL_LEFT, COL_MARK = range(5)


def load_plan(channel_id: int | None) -> list:
    from tokodesk.services import dispatch_plan
    from tokodesk.store import models as m

    channel = m.Channel.get_or_none(m.Channel.id == channel_id) if channel_id is not None else None
    return dispatch_plan.plan(channel=channel)


def _now() -> datetime:
    from tokodesk.store import models as m

    return m.utcnow()


class DispatchPlanDialog(QDialog):
    """The plan as a tree: one row per courier and cut-off (countdown, mark), its orders beneath in work order."""

    loaded = Signal(int)  # groups shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, clock=_now) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.ctx = ctx
        self.clock = clock
        self.groups: list = []
        self.loading = False
        self.setWindowTitle(self.tr("Today's dispatch plan"))
        fit_to_screen(self, 1000, 600)  # the bold group rows in Indonesian ("0 j 31 mnt yang lalu") whole
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "What must leave today (WIB), by courier and pick-up cut-off, in the platform's order of work. "
            "The time left counts down to the cut-off, or to the earliest ship-by where there is none."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.summary = QLabel()
        bold = QFont(self.summary.font())
        bold.setBold(True)
        self.summary.setFont(bold)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels([self.tr("Courier / invoice"), self.tr("Status"), self.tr("Cut-off / ship by"),
                                   self.tr("Time left"), self.tr("Mark")])
        # Indonesian fits, bold group rows too ("batas pickup 05/12 19:05 WIB", "0 j 31 mnt yang lalu").
        for col, width in ((COL_WHAT, 240), (COL_STATE, 140), (COL_DEADLINE, 235), (COL_LEFT, 160)):
            self.tree.setColumnWidth(col, width)
        layout.addWidget(self.tree, 1)
        bottom = QHBoxLayout()
        self.status = QLabel()
        bottom.addWidget(self.status, 1)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.load)
        bottom.addWidget(self.refresh_button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.show_plan)
        self.reload_timer = QTimer(self)
        self.reload_timer.setInterval(RELOAD_MS)
        self.reload_timer.timeout.connect(self.load)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_language_change(event, self):
            self.show_plan()  # couriers, states and countdowns in words

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().showEvent(event)
        self.tick_timer.start()
        self.reload_timer.start()

    def hideEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override: no ticking while nobody looks
        self.tick_timer.stop()
        self.reload_timer.stop()
        super().hideEvent(event)

    def load(self) -> None:
        if self.loading or self.ctx.jobs.closed:
            return
        self.loading = True
        self.status.setText(self.tr("Reading today's orders…"))
        channel_id = self.ctx.channel_id
        self.ctx.jobs.submit(lambda _jc: load_plan(channel_id), title=self.tr("Reading the dispatch plan"),
                             on_result=self._loaded, on_error=self._failed, background=True)

    def _loaded(self, groups: list) -> None:
        self.loading = False
        self.groups = groups
        self.status.setText("")
        self.show_plan()
        self.loaded.emit(len(groups))

    def _failed(self, exc: BaseException, _trace: str) -> None:
        from tokodesk.ui.messages import describe

        self.loading = False
        self.status.setText(self.tr("The plan could not be read: {0}").format(describe(exc)))

    def mark_words(self, mark: str) -> str:
        if mark == "late":
            return self.tr("LATE")
        if mark == "due_soon":
            return self.tr("due within 2 h")
        return ""

    def left_words(self, deadline: datetime | None, now: datetime) -> str:
        if deadline is None:
            return ""
        minutes = int((deadline - now).total_seconds() // 60)
        if minutes < 0:
            return self.tr("{0} h {1} min ago").format(-minutes // 60, f"{-minutes % 60:02d}")
        return self.tr("{0} h {1} min").format(minutes // 60, f"{minutes % 60:02d}")

    def show_plan(self) -> None:
        """Draw the loaded plan against the clock now: the countdowns and marks move without a reload."""
        from tokodesk.services.dispatch_plan import mark_of

        now = self.clock()
        self.tree.clear()
        orders = late = soon = 0
        for group in self.groups:
            mark = mark_of(group.deadline, now)
            if any(mark_of(o.ship_by, now) == "late" for o in group.orders):
                mark = "late"
            courier = group.courier or self.tr("(no courier)")
            when = (self.tr("cut-off {0}").format(short_wib_text(group.cut_off)) if group.cut_off
                    else self.tr("ship by {0}").format(short_wib_text(group.deadline)))
            top = QTreeWidgetItem([self.tr("{0} — {1} order(s)").format(courier, len(group.orders)), "", when,
                                   self.left_words(group.deadline, now), self.mark_words(mark)])
            font = QFont(top.font(0))
            font.setBold(True)
            for col in range(5):
                top.setFont(col, font)
            self._colour(top, mark)
            for order in group.orders:
                order_mark = mark_of(order.ship_by, now)
                late += order_mark == "late"
                soon += order_mark == "due_soon"
                child = QTreeWidgetItem([order.invoice or order.order_id, state_label(order.state),
                                         self.tr("ship by {0}").format(short_wib_text(order.ship_by)),
                                         self.left_words(order.ship_by, now), self.mark_words(order_mark)])
                child.setData(COL_WHAT, 256, order.pk)  # Qt.UserRole: the order's pk
                self._colour(child, order_mark)
                top.addChild(child)
            orders += len(group.orders)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if not self.groups:
            self.summary.setText(self.tr("Nothing left to ship today."))
        else:
            self.summary.setText(self.tr("{0} order(s) to ship today: {1} late, {2} due within 2 h").format(
                orders, late, soon))

    @staticmethod
    def _colour(item: QTreeWidgetItem, mark: str) -> None:
        colour = LATE_COLOUR if mark == "late" else SOON_COLOUR if mark == "due_soon" else None
        if colour is not None:
            for col in range(5):
                item.setForeground(col, QBrush(colour))


def open_plan(owner: QWidget, ctx: AppContext) -> DispatchPlanDialog:
    """Show the plan (one dialog per owner) and read it afresh."""
    dialog = getattr(owner, "dispatch_plan_dialog", None)
    if dialog is None:
        dialog = DispatchPlanDialog(ctx, owner)
        owner.dispatch_plan_dialog = dialog
    dialog.show()
    dialog.raise_()
    dialog.load()
    return dialog


def plan_button(tab: QWidget) -> QPushButton:
    """The Orders tab's button that opens the plan (`tab.ctx` is the AppContext)."""
    button = QPushButton(QCoreApplication.translate("DispatchPlan", "Today's plan"))
    button.setToolTip(QCoreApplication.translate("DispatchPlan",
                                                 "What must leave today, by courier and cut-off, with the time left"))
    button.clicked.connect(lambda: open_plan(tab, tab.ctx))
    tab.plan_button = button
    return button
