"""The shop's health in the window (issue 18.4): Dispatch > Shop health… shows the rates in words and colour, the
chart of the last four weeks, the late orders and how it is computed."""

from __future__ import annotations

import pytest

from tests.unit.test_health import NOW, _shop
from tokodesk.store import models as m
from tokodesk.ui import health_dialog
from tokodesk.ui.health_dialog import BAD


@pytest.fixture
def at_now(monkeypatch):
    monkeypatch.setattr(m, "utcnow", lambda: NOW)


def test_the_health_dialog(qtbot, window, ctx, wait_idle, at_now):
    channel = m.Channel.create(name="Toko")
    _shop(channel)
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    action = next(a for a in window.dispatch_menu.actions() if a.text() == "Shop health…")
    action.trigger()
    dialog = window.health_dialog
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    wait_idle(ctx)
    assert dialog.ldr.text() == "Late dispatch 50.0 % (3 of 6 due) — 10 % or more: daily orders are capped"
    assert BAD in dialog.ldr.styleSheet()
    assert dialog.sfcr.text() == ("Seller-fault cancellations 25.0 % (3 of 12) — 2.5 % or more: too many "
                                  "(up to 33.3 % with 1 of unknown cause)")
    assert [dialog.late.item(r, 0).text() for r in range(dialog.late.rowCount())] == ["INV/I", "INV/C", "INV/D"]
    assert dialog.late.item(2, 2).text() == "not shipped"
    assert "Seller Center's figure is the one that counts" in dialog.method.text()
    assert "cancellation_initiator" in dialog.method.text(), "how this marketplace tells who cancelled"
    # The chart: 28 days, the last of them today's 7-day rate (3 of 6 late = 50 %), with the 4 % line.
    assert len(dialog.view.rolling) == health_dialog.CHART_DAYS
    day, rate = dialog.view.rolling[-1]
    assert day.isoformat() == "2026-12-07" and rate == 0.5
    bars = dialog.chart.series()[0].barSets()[0]
    assert bars.count() == 28 and bars.at(27) == 50.0
    assert [p.y() for p in dialog.chart.series()[1].points()][:1] == [4.0]


def test_a_shop_without_orders(qtbot, window, ctx, wait_idle, at_now):
    channel = m.Channel.create(name="Kosong")
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    dialog = health_dialog.open_health(window)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    assert dialog.ldr.text() == "Late dispatch: no order was due in the last 7 days"
    assert dialog.late.rowCount() == 0


def test_a_legacy_shop_is_told_how_its_cancellations_are_judged(qtbot, window, ctx, wait_idle, at_now):
    channel = m.Channel.create(name="Lama", marketplace="tokopedia")
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    dialog = health_dialog.open_health(window)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    assert "cancel status code" in dialog.method.text() and "cancellation_initiator" not in dialog.method.text()


def test_clicking_a_bar_lists_the_orders_that_made_that_day_late(qtbot, window, ctx, wait_idle, at_now):
    from PySide6.QtCore import QPointF, Qt

    channel = m.Channel.create(name="Toko")
    _shop(channel)
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    dialog = health_dialog.open_health(window)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    dialog.resize(1000, 760)
    qtbot.waitExposed(dialog)
    index = [d.isoformat() for d, _rate in dialog.view.rolling].index("2026-11-30")
    series = dialog.chart.series()[0]
    # The bar of 30 Nov: the 7 days to it hold only B (due 23:30 WIB on 30 Nov, shipped late): 100 %.
    assert series.barSets()[0].at(index) == 100.0
    where = dialog.chart.mapToScene(dialog.chart.mapToPosition(QPointF(index, 50.0), series))
    qtbot.mouseClick(dialog.chart_view.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.chart_view.mapFromScene(where))
    assert [dialog.late.item(r, 0).text() for r in range(dialog.late.rowCount())] == ["INV/B"]
    assert dialog.late_title.text().startswith("Late orders in the 7 days to 30/11")
    dialog.load()  # Refresh: the last 7 days again
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        pass
    assert [dialog.late.item(r, 0).text() for r in range(dialog.late.rowCount())] == ["INV/I", "INV/C", "INV/D"]


def test_rates_read_in_the_windows_language(monkeypatch):
    assert health_dialog._pct(0.054) == "5.4 %" and health_dialog._pct(None) == "–"
    monkeypatch.setattr(health_dialog, "current", lambda: "id")
    assert health_dialog._pct(0.054) == "5,4 %", "as the Indonesian thresholds read (2,5 %)"
