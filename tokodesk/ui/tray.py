"""The tray icon: TokoDesk keeps syncing and watching the clock while its window is closed, and says what matters.

Closing the window hides it to the tray (the scheduler and the alerts keep running); the tray's menu opens it again,
syncs now, sets the alerts, or quits. When the user logs out or the PC shuts down, TokoDesk quits instead. The alert
rules are `services.alerts` (plain Python); this only reads the store in a job now and then, asks the marketplace for
buyers' cancellation requests every few minutes (each channel's lane), and shows what the rules return as desktop
notifications.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMenu,
    QSpinBox,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

CHECK_MS = 60_000
REQUESTS_EVERY = 5  # checks: the buyers' requests are read from the marketplace every 5 minutes


# ---- what runs in jobs (no Qt) -----------------------------------------------------------------------------------
def load_settings() -> Any:
    from tokodesk.services.alerts import AlertSettings

    return AlertSettings.load()


def check_alerts(engine: Any, requests: dict | None, arrived: int = 0) -> tuple[Any, list]:
    from tokodesk.services import alerts

    return alerts.run_check(engine, requests, arrived)


def read_requests(channel_id: int, factory: Any) -> dict:
    from tokodesk.services.cancellations import BuyerRequests
    from tokodesk.store import models as m

    channel = m.Channel.get_by_id(channel_id)
    with BuyerRequests(channel, factory(channel) if factory is not None else None) as service:
        return {(channel_id, r.cancel_id): r.invoice or r.order_id for r in service.pending()}


class AlertSettingsDialog(QDialog):
    """Which alerts to show, and their times."""

    def __init__(self, settings: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Alerts"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.boxes = {
            "new_orders": QCheckBox(self.tr("New orders arrive")),
            "urgent": QCheckBox(self.tr("New Instant / Same-day orders")),
            "due": QCheckBox(self.tr("Orders close to their ship-by")),
            "sync": QCheckBox(self.tr("A sync that keeps failing")),
            "cancel_request": QCheckBox(self.tr("A buyer asks to cancel")),
            "low_stock": QCheckBox(self.tr("A SKU runs low")),
        }
        for kind, box in self.boxes.items():
            box.setChecked(settings.enabled(kind))
            form.addRow(box)
        self.due_within = self._minutes(settings.due_within_min, 1, 24 * 60)
        form.addRow(self.tr("Warn this long before the ship-by"), self.due_within)
        self.sync_failed = self._minutes(settings.sync_failed_min, 1, 24 * 60)
        form.addRow(self.tr("Warn when a sync has failed for"), self.sync_failed)
        self.low_below = QSpinBox()
        self.low_below.setRange(1, 100_000)
        self.low_below.setValue(int(settings.low_stock_below))
        form.addRow(self.tr("A SKU is low below (available)"), self.low_below)
        self.gap = self._minutes(settings.gap_min, 1, 120)
        form.addRow(self.tr("At most one alert of a kind every"), self.gap)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _minutes(self, value: int, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(" " + self.tr("min"))
        spin.setValue(int(value))
        return spin

    def settings(self) -> Any:
        from tokodesk.services.alerts import AlertSettings

        return AlertSettings(**{k: b.isChecked() for k, b in self.boxes.items()},
                             due_within_min=self.due_within.value(), sync_failed_min=self.sync_failed.value(),
                             gap_min=self.gap.value(), low_stock_below=self.low_below.value())


class TrayController(QObject):
    """The icon, its menu, close-to-tray and the alert checks for one main window."""

    def __init__(self, window: Any, *, available: bool | None = None) -> None:
        super().__init__(window)
        from tokodesk.services.alerts import AlertEngine

        self.window = window
        self.ctx = window.ctx
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self.quitting = False
        self.told_hidden = False
        self.engine = AlertEngine()
        self.requests: dict = {}
        self.requests_from: set[int] = set()  # channels whose buyers' requests have been read since the start
        self.arrivals = 0  # new orders pulled, for the next check
        self.checks = 0
        self.checking = False
        self.shown: list[tuple[str, str]] = []  # (title, text) of every notification, newest last
        icon = QApplication.windowIcon()
        if icon.isNull():
            icon = window.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
        self.icon = QSystemTrayIcon(QIcon(icon), window)
        self.icon.setToolTip("TokoDesk")
        self.menu = QMenu(window)
        self.open_action = self.menu.addAction(self.tr("Open TokoDesk"), self.open_window)
        self.sync_action = self.menu.addAction(self.tr("Sync now"), self.sync_now)
        self.settings_action = self.menu.addAction(self.tr("Alerts…"), self.edit_settings)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(self.tr("Quit TokoDesk"), self.quit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        # The user logs out or shuts the PC down: TokoDesk quits for real (a window that refuses to close would hold
        # the logout up), its scheduler stopped and its running work finished, so the outbox stays consistent.
        app.commitDataRequest.connect(self.session_ending)
        app.aboutToQuit.connect(self.session_ending)
        if self.available:
            self.icon.show()
            app.setQuitOnLastWindowClosed(False)
            window.installEventFilter(self)
            self.timer.start()
            QTimer.singleShot(5000, self.check)

    # ---- the window ----------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Close and not self.quitting:
            event.ignore()
            self.window.hide()
            if not self.told_hidden:
                self.told_hidden = True
                self.notify(self.tr("TokoDesk is still running"),
                            self.tr("Orders keep syncing and alerts keep coming. Quit from the tray icon's menu."))
            return True
        return super().eventFilter(watched, event)

    def open_window(self) -> None:
        self.window.show()
        self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
        self.window.raise_()
        self.window.activateWindow()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_window()

    def quit(self) -> None:
        self.quitting = True
        self.timer.stop()
        scheduler = getattr(self.window, "scheduler", None)
        if scheduler is not None:
            scheduler.stop()  # no new sync starts while the running work is finished
        self.window.close()  # its closeEvent waits for every lane: no marketplace call is cut off half-way
        self.icon.hide()
        QApplication.instance().quit()

    def session_ending(self, _manager: Any = None) -> None:
        """The session ends (commitDataRequest) or the app is quitting anyway (aboutToQuit): quit, never hide."""
        if not self.quitting:
            log.info("the session is ending: TokoDesk quits")
            self.quit()

    def sync_now(self) -> list:
        from tokodesk.ui.sync import start_sync

        started = []
        for channel_id in list(self.ctx.channels):
            for kind in ("orders", "statuses"):
                job = start_sync(self.ctx, kind, channel_id)
                if job is not None:
                    started.append(job)
        return started

    def edit_settings(self) -> None:
        if self.ctx.jobs.closed:
            return
        self.ctx.jobs.submit(lambda _jc: load_settings(), title=self.tr("Reading the alert settings"),
                             on_result=self._ask_settings)

    def _ask_settings(self, settings: Any) -> None:
        self.settings_dialog = AlertSettingsDialog(settings, self.window if self.window.isVisible() else None)
        self.settings_dialog.accepted.connect(lambda: self._save_settings(self.settings_dialog.settings()))
        self.settings_dialog.open()

    def _save_settings(self, settings: Any) -> None:
        self.ctx.jobs.submit(lambda _jc: settings.save(), title=self.tr("Saving the alert settings"))

    # ---- alerts --------------------------------------------------------------------------------------------------
    def check(self) -> None:
        if self.checking or self.ctx.jobs.closed:
            return
        self.checking = True
        if self.checks % REQUESTS_EVERY == 0:
            self._read_requests()
        self.checks += 1
        # Until every shop's requests have been read once, they are not known (not "none"): the memory of those
        # already told must not be forgotten, or they would be told again.
        requests = dict(self.requests) if self._request_channels() <= self.requests_from else None
        arrived, self.arrivals = self.arrivals, 0
        self.ctx.jobs.submit(lambda _jc: check_alerts(self.engine, requests, arrived),
                             title=self.tr("Checking alerts"), on_result=self._checked,
                             on_error=lambda exc, detail: self._check_failed(exc, detail, arrived), background=True)

    def _request_channels(self) -> set[int]:
        from tokodesk.services.work_order import capabilities_of

        wanted = set()
        for channel_id, row in list(self.ctx.channels.items()):
            caps = capabilities_of(row.get("marketplace", ""))
            if caps and caps.buyer_cancel_requests:
                wanted.add(channel_id)
        return wanted

    def _read_requests(self) -> None:
        if not self.engine.settings.enabled("cancel_request"):
            return
        factory = self.ctx.adapter_factory
        for channel_id in sorted(self._request_channels()):
            self.ctx.jobs.submit(lambda _jc, c=channel_id: read_requests(c, factory),
                                 title=self.tr("Checking buyers' cancellation requests"),
                                 lane=self.ctx.lane(channel_id),
                                 on_result=lambda found, c=channel_id: self._requests_read(c, found),
                                 on_error=lambda exc, _d: log.info("cancellation requests not read: %s", exc),
                                 background=True)

    def _requests_read(self, channel_id: int, found: dict) -> None:
        self.requests = {k: v for k, v in self.requests.items() if k[0] != channel_id}
        self.requests.update(found)
        self.requests_from.add(channel_id)

    def _check_failed(self, exc: BaseException, _detail: str, arrived: int = 0) -> None:
        self.checking = False
        self.arrivals += arrived  # told at the next check instead
        log.warning("alert check failed: %s", exc)

    def _checked(self, result: tuple[Any, list]) -> None:
        self.checking = False
        _settings, alerts = result
        for alert in alerts:
            self.notify(*self.words(alert))
        if self.arrivals:
            QTimer.singleShot(0, self.check)  # orders arrived while this check ran

    def words(self, alert: Any) -> tuple[str, str]:
        n, names = alert.count, alert.summary()
        if alert.kind == "new_orders":
            return self.tr("New orders"), self.tr("{0} new order(s) arrived.").format(n)
        if alert.kind == "urgent":
            return self.tr("{0} new Instant / Same-day order(s)").format(n), names
        if alert.kind == "due":
            return self.tr("{0} order(s) close to their ship-by").format(n), names
        if alert.kind == "sync":
            return self.tr("Sync keeps failing"), names
        if alert.kind == "low_stock":
            return self.tr("{0} SKU(s) running low").format(n), names
        return self.tr("{0} buyer cancellation request(s)").format(n), names

    def new_orders(self, count: int) -> None:
        """A sync pulled new orders: told by the next check, under the seller's switch and the gap (no storm)."""
        if count > 0:
            self.arrivals += count
            self.check()

    def notify(self, title: str, text: str) -> None:
        self.shown.append((title, text))
        if self.available:
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10_000)


def install_tray(window: Any, *, available: bool | None = None) -> TrayController:
    """The tray for this window; new-order counts from the sync are shown as before."""
    tray = TrayController(window, available=available)
    window.tray = tray.icon
    window.tray_controller = tray
    window.ctx.new_orders.connect(tray.new_orders)
    return tray
