"""The tray (issue 18.2): closing the window hides it to the tray and the work goes on; Open shows it again; Quit
quits; the alert checks notify once per new urgent order and follow the seller's switches."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from PySide6.QtCore import SIGNAL
from PySide6.QtWidgets import QApplication

from tokodesk.services.alerts import AlertSettings
from tokodesk.store import models as m
from tokodesk.ui.scheduling import SchedulerDriver
from tokodesk.ui.tray import install_tray


@pytest.fixture
def tray(window, monkeypatch):
    quits: list[int] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(1)))
    window.scheduler = SchedulerDriver(window.ctx, window, interval_ms=3_600_000)  # as the app attaches it
    window.scheduler.timer.start()
    controller = install_tray(window, available=True)
    controller.quits = quits
    yield controller
    controller.timer.stop()
    window.scheduler.stop()
    QApplication.instance().setQuitOnLastWindowClosed(True)
    QApplication.instance().commitDataRequest.disconnect(controller.session_ending)
    QApplication.instance().aboutToQuit.disconnect(controller.session_ending)


def test_closing_the_window_keeps_tokodesk_running_in_the_tray(qtbot, window, ctx, tray):
    assert [a.text() for a in tray.menu.actions() if a.text()] == ["Open TokoDesk", "Sync now", "Alerts…",
                                                                   "Quit TokoDesk"]
    window.close()
    assert not window.isVisible() and not ctx.jobs.closed, "hidden, with its jobs (the scheduler) still running"
    assert window.scheduler.timer.isActive() and tray.timer.isActive()
    assert tray.shown == [("TokoDesk is still running",
                           "Orders keep syncing and alerts keep coming. Quit from the tray icon's menu.")]
    window.close()
    assert len(tray.shown) == 1, "said once"
    tray.open_action.trigger()
    assert window.isVisible()
    tray.quit_action.trigger()
    assert ctx.jobs.closed and not window.isVisible() and tray.quits == [1]
    assert not window.scheduler.timer.isActive() and not tray.timer.isActive()


def _work_in_flight(ctx, channel):  # noqa: ANN001, ANN202
    """An outbox action being executed in the channel's lane when the session ends."""
    action = m.Action.create(channel=channel, kind="ack", payload={}, status="sent")
    started = threading.Event()

    def execute(_jc):  # noqa: ANN001, ANN202
        started.set()
        time.sleep(0.5)  # the marketplace answers while the session is already ending
        m.Action.update(status="done").where(m.Action.id == action.id).execute()

    ctx.jobs.submit(execute, title="Acknowledging", lane=ctx.lane(channel.id))
    assert started.wait(10)
    return action


@pytest.mark.parametrize("how", ["commitDataRequest", "aboutToQuit"])
def test_the_session_ending_quits_instead_of_hiding_to_the_tray(qtbot, window, ctx, tray, how):
    """Logging out or shutting down: a window that turns its close into a hide holds the logout up; TokoDesk quits,
    its scheduler stopped, after the marketplace call in flight has finished (the outbox keeps a true state)."""
    app = QApplication.instance()
    assert app.receivers(SIGNAL("commitDataRequest(QSessionManager&)")) >= 1
    action = _work_in_flight(ctx, m.Channel.create(name="Toko"))
    if how == "aboutToQuit":
        app.aboutToQuit.emit()
    else:
        tray.session_ending(None)  # what the session manager's commitDataRequest calls (its manager cannot be made)
    assert tray.quits == [1] and not window.isVisible() and ctx.jobs.closed
    assert not window.scheduler.timer.isActive() and not tray.timer.isActive()
    assert m.Action.get_by_id(action.id).status == "done", "the call in flight was finished, not cut off"
    assert tray.shown == [], "no 'still running' note: it is not running on"
    window.close()
    assert tray.quits == [1], "once"


def test_new_urgent_orders_are_notified_once(qtbot, window, ctx, tray, wait_idle):
    channel = m.Channel.create(name="Toko")
    soon = m.utcnow() + timedelta(hours=6)
    for oid, level in (("1", 100), ("2", 300), ("3", 600)):
        m.Order.create(channel=channel, order_id=oid, invoice=f"INV/{oid}", state="new", created_at=m.utcnow(),
                       priority_level=level, tts_sla_time=soon)
    tray.check()
    wait_idle(ctx)
    assert tray.shown == [("2 new Instant / Same-day order(s)", "INV/1, INV/2")]
    tray.check()
    wait_idle(ctx)
    assert len(tray.shown) == 1
    ctx.new_orders.emit(3)  # a sync pulled three: told by a check of their own kind, not held by the urgent one
    wait_idle(ctx)
    assert tray.shown[-1] == ("New orders", "3 new order(s) arrived.")
    ctx.new_orders.emit(2)  # within the few minutes: held and grouped, not a storm of notifications
    wait_idle(ctx)
    assert len(tray.shown) == 2 and tray.engine.arrivals == 2


def test_the_alert_switches_are_set_from_the_tray(qtbot, window, ctx, tray, wait_idle):
    channel = m.Channel.create(name="Toko")
    tray.settings_action.trigger()
    wait_idle(ctx)
    dialog = tray.settings_dialog
    assert dialog.isVisible()
    assert dialog.boxes["low_stock"].isChecked() is False, "low stock is off until the seller sets it"
    assert all(box.isChecked() for kind, box in dialog.boxes.items() if kind != "low_stock")
    dialog.boxes["urgent"].setChecked(False)
    dialog.boxes["new_orders"].setChecked(False)  # the "tray_notifications" setting, switched here
    dialog.boxes["low_stock"].setChecked(True)
    dialog.due_within.setValue(30)
    dialog.low_below.setValue(3)
    dialog.accept()
    wait_idle(ctx)
    saved = AlertSettings.load()
    assert saved.urgent is False and saved.due_within_min == 30 and saved.due is True
    assert saved.low_stock is True and saved.low_stock_below == 3
    m.Order.create(channel=channel, order_id="9", invoice="INV/9", state="new", created_at=m.utcnow(),
                   priority_level=100, tts_sla_time=m.utcnow() + timedelta(hours=6))
    m.StockItem.create(seller_sku="KAOS", on_hand=2)
    m.SkuMapping.create(channel=channel, product_id="1", seller_sku="KAOS")
    tray.check()
    wait_idle(ctx)
    assert tray.shown == [("1 SKU(s) running low", "KAOS (2)")], "urgent switched off: no notification for it"
    assert m.AppSetting.read("tray_notifications") is False
    ctx.new_orders.emit(4)
    wait_idle(ctx)
    assert len(tray.shown) == 1, "new orders switched off: not told"
