"""The tray (issue 18.2): closing the window hides it to the tray and the work goes on; Open shows it again; Quit
quits; the alert checks notify once per new urgent order and follow the seller's switches."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from tokodesk.services.alerts import AlertSettings
from tokodesk.store import models as m
from tokodesk.ui.tray import install_tray


@pytest.fixture
def tray(window, monkeypatch):
    quits: list[int] = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: quits.append(1)))
    controller = install_tray(window, available=True)
    controller.quits = quits
    yield controller
    controller.timer.stop()
    QApplication.instance().setQuitOnLastWindowClosed(True)


def test_closing_the_window_keeps_tokodesk_running_in_the_tray(qtbot, window, ctx, tray):
    assert [a.text() for a in tray.menu.actions() if a.text()] == ["Open TokoDesk", "Sync now", "Alerts…",
                                                                   "Quit TokoDesk"]
    window.close()
    assert not window.isVisible() and not ctx.jobs.closed, "hidden, with its jobs (the scheduler) still running"
    assert tray.shown == [("TokoDesk is still running",
                           "Orders keep syncing and alerts keep coming. Quit from the tray icon's menu.")]
    window.close()
    assert len(tray.shown) == 1, "said once"
    tray.open_action.trigger()
    assert window.isVisible()
    tray.quit_action.trigger()
    assert ctx.jobs.closed and not window.isVisible() and tray.quits == [1]


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
    ctx.new_orders.emit(3)
    assert tray.shown[-1] == ("New orders", "3 new order(s) arrived.")


def test_the_alert_switches_are_set_from_the_tray(qtbot, window, ctx, tray, wait_idle):
    channel = m.Channel.create(name="Toko")
    tray.settings_action.trigger()
    wait_idle(ctx)
    dialog = tray.settings_dialog
    assert dialog.isVisible()
    assert dialog.boxes["low_stock"].isChecked() is False, "low stock is off until the seller sets it"
    assert all(box.isChecked() for kind, box in dialog.boxes.items() if kind != "low_stock")
    dialog.boxes["urgent"].setChecked(False)
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
