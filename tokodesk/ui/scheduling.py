"""While the window is open a QTimer asks the scheduler policy what is due and starts it in the channel's lane.

The policy (services/scheduler.py) is plain Python; this only turns its answer into jobs. The tick is cheap
(a few small queries) and runs in the local lane, never on the GUI thread.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot

from tokodesk.ui.context import AppContext
from tokodesk.ui.sync import start_sync

log = logging.getLogger(__name__)

TICK_MS = 30_000


class SchedulerDriver(QObject):
    def __init__(self, ctx: AppContext, parent: QObject | None = None, interval_ms: int = TICK_MS) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self.started: list[tuple[int, str]] = []
        self._ticking = False

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(2000, self.tick)

    def stop(self) -> None:
        self.timer.stop()

    @Slot()
    def tick(self) -> None:
        if self._ticking:
            return
        self._ticking = True

        def due(_jc: Any) -> list:
            from tokodesk.services import scheduler

            return scheduler.due_runs()

        def start(items: list) -> None:
            self._ticking = False
            for item in items:
                if start_sync(self.ctx, item.kind, item.channel_id) is not None:
                    self.started.append((item.channel_id, item.kind))

        def failed(exc: BaseException, _detail: str) -> None:
            self._ticking = False
            log.warning("scheduler tick failed: %s", exc)

        try:
            self.ctx.jobs.submit(due, title=self.tr("Checking the schedule"), on_result=start, on_error=failed)
        except RuntimeError:  # closing
            self._ticking = False


def attach_scheduler(window: Any) -> SchedulerDriver:
    """Start the timer and the tray notifier for this window (the window stops them on close)."""
    driver = SchedulerDriver(window.ctx, window)
    window.scheduler = driver
    driver.start()
    from tokodesk.ui.tray import install_tray

    install_tray(window)  # the icon, close-to-tray and the alerts
    return driver
