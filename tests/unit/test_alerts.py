"""The alert rules (issue 18.2) with a fake clock: each kind fires once, grouped, at most once per gap, and respects
its switch; the store is read for urgent / due orders and failing syncs."""

from __future__ import annotations

from datetime import datetime, timedelta

from tokodesk.services.alerts import (
    AlertEngine,
    AlertSettings,
    Snapshot,
    failing_syncs,
    gather,
    memory_key,
    run_check,
)
from tokodesk.store import models as m

T0 = datetime(2026, 12, 7, 5, 0)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def test_each_thing_alerts_once_and_a_kind_at_most_once_per_gap_grouped():
    clock = Clock()
    engine = AlertEngine(AlertSettings(gap_min=5), clock)
    [first] = engine.check(Snapshot(urgent={1: "INV/1"}))
    assert (first.kind, first.names) == ("urgent", ["INV/1"])
    assert engine.check(Snapshot(urgent={1: "INV/1"})) == []  # still there: not again
    clock.advance(1)
    assert engine.check(Snapshot(urgent={1: "INV/1", 2: "INV/2", 3: "INV/3"})) == []  # within the gap: held
    clock.advance(1)
    assert engine.check(Snapshot(urgent={1: "INV/1", 2: "INV/2", 3: "INV/3", 4: "INV/4"})) == []
    clock.advance(3)  # five minutes after the first: one notification for everything that came up since
    [grouped] = engine.check(Snapshot(urgent={1: "INV/1", 2: "INV/2", 4: "INV/4", 5: "INV/5", 6: "INV/6"}))
    # INV/3 was handled before it could be shown: dropped.
    assert grouped.names == ["INV/2", "INV/4", "INV/5", "INV/6"] and grouped.summary() == "INV/2, INV/4, INV/5 +1"
    clock.advance(60)
    assert engine.check(Snapshot(urgent={1: "INV/1", 2: "INV/2"})) == []


def test_kinds_are_limited_separately():
    clock = Clock()
    engine = AlertEngine(AlertSettings(), clock)
    got = engine.check(Snapshot(urgent={1: "A"}, due={1: "A"}, sync={(1, "orders", T0): "Toko: orders"},
                                cancel_request={"c1": "INV/9"}))
    assert sorted(a.kind for a in got) == ["cancel_request", "due", "sync", "urgent"]


def test_a_switched_off_kind_never_fires_and_does_not_burst_when_switched_on():
    clock = Clock()
    settings = AlertSettings(due=False)
    engine = AlertEngine(settings, clock)
    assert [a.kind for a in engine.check(Snapshot(due={1: "A"}, urgent={2: "B"}))] == ["urgent"]
    clock.advance(10)
    settings.due = True
    assert engine.check(Snapshot(due={1: "A"})) == []  # seen while off
    assert [a.names for a in engine.check(Snapshot(due={1: "A", 3: "C"}))] == [["C"]]


def test_settings_are_kept_and_bad_values_bounded(database):
    AlertSettings(urgent=False, due_within_min=30, gap_min=0).save()
    loaded = AlertSettings.load()
    assert loaded.urgent is False and loaded.due_within_min == 30 and loaded.gap_min == 1
    m.AppSetting.write("alerts", {"due": False, "nonsense": 1})
    assert AlertSettings.load().due is False


def test_gather_reads_urgent_and_due_orders_and_failing_syncs(any_database):
    channel = m.Channel.create(name="Toko")

    def order(oid, state="packed", **kw):  # noqa: ANN001, ANN202
        return m.Order.create(channel=channel, order_id=oid, invoice=f"INV/{oid}", state=state, created_at=T0, **kw)

    instant = order("I", state="new", priority_level=100, tts_sla_time=T0 + timedelta(hours=5))
    same_day = order("S", priority_level=300, tts_sla_time=T0 + timedelta(minutes=50))
    order("X", priority_level=600, tts_sla_time=T0 + timedelta(hours=3))  # standard, not due soon
    legacy = order("L", ship_deadline=T0 + timedelta(minutes=10))
    order("G", state="shipped", priority_level=100, tts_sla_time=T0)  # handed over: nothing to alert
    snap = gather(AlertSettings(due_within_min=60), T0)
    assert snap.urgent == {instant.id: "INV/I", same_day.id: "INV/S"}
    assert snap.due == {same_day.id: "INV/S", legacy.id: "INV/L"}
    assert gather(AlertSettings(urgent=False, due=False), T0).urgent == {}

    def run(kind, minutes_ago, status):  # noqa: ANN001, ANN202
        m.SyncRun.create(channel=channel, kind=kind, started_at=T0 - timedelta(minutes=minutes_ago), status=status)

    run("orders", 60, "ok")
    run("orders", 40, "failed")
    run("orders", 10, "failed")  # failing for 40 minutes
    run("statuses", 50, "failed")
    run("statuses", 5, "ok")  # recovered
    run("inventory", 10, "failed")  # failing for 10 minutes only
    failing = failing_syncs(T0, timedelta(minutes=15))
    assert failing == {(channel.id, "orders", T0 - timedelta(minutes=40)): "Toko: orders"}


def test_a_low_sku_alerts_once_and_again_after_a_restock(any_database):
    channel = m.Channel.create(name="Toko")
    m.StockItem.create(seller_sku="KAOS-M", on_hand=3)
    m.StockItem.create(seller_sku="KAOS-L", on_hand=40)
    m.StockItem.create(seller_sku="TOPI", on_hand=None)  # never counted: nothing is known, nothing is said
    m.StockItem.create(seller_sku="LAMA", on_hand=0)  # listed nowhere: not a shop's concern
    for pid, sku in (("1", "KAOS-M"), ("2", "KAOS-L"), ("3", "TOPI")):
        m.SkuMapping.create(channel=channel, product_id=pid, seller_sku=sku)
    assert gather(AlertSettings(), T0).low_stock == {}, "off unless the seller switches it on"
    settings = AlertSettings(low_stock=True, low_stock_below=5, urgent=False, due=False, sync=False)
    assert gather(settings, T0).low_stock == {"KAOS-M": "KAOS-M (3)"}
    clock = Clock()
    engine = AlertEngine(settings, clock)
    assert [a.names for a in engine.check(gather(settings, T0))] == [["KAOS-M (3)"]]
    clock.advance(30)
    assert engine.check(gather(settings, T0)) == []
    m.StockItem.update(on_hand=20).where(m.StockItem.seller_sku == "KAOS-M").execute()
    assert engine.check(gather(settings, T0)) == []
    m.StockItem.update(on_hand=1).where(m.StockItem.seller_sku == "KAOS-M").execute()
    clock.advance(30)
    assert [a.names for a in engine.check(gather(settings, T0))] == [["KAOS-M (1)"]]


def test_new_orders_are_counted_grouped_and_follow_their_switch():
    clock = Clock()
    settings = AlertSettings(gap_min=5)
    engine = AlertEngine(settings, clock)
    [first] = engine.check(Snapshot(), arrived=3)
    assert (first.kind, first.count) == ("new_orders", 3)
    clock.advance(1)
    assert engine.check(Snapshot(), arrived=2) == []  # within the gap: held
    assert engine.check(Snapshot(), arrived=4) == []
    clock.advance(4)
    [grouped] = engine.check(Snapshot())
    assert grouped.count == 6, "the six that came within the gap, told once"
    settings.new_orders = False
    clock.advance(10)
    assert engine.check(Snapshot(), arrived=5) == []
    settings.new_orders = True
    assert engine.check(Snapshot()) == [], "switched on again: no burst of what came while off"


def test_the_new_orders_switch_is_the_tray_notifications_setting(database):
    assert AlertSettings.load().new_orders is True  # the declared default
    m.AppSetting.write("tray_notifications", False)
    assert AlertSettings.load().new_orders is False
    engine = AlertEngine(clock=Clock())
    assert run_check(engine, {}, arrived=4, now=T0)[1] == []
    settings = AlertSettings.load()
    settings.new_orders = True
    settings.save()
    assert m.AppSetting.read("tray_notifications") is True and "new_orders" not in m.AppSetting.read("alerts")
    assert [(a.kind, a.count) for a in run_check(engine, {}, arrived=2, now=T0)[1]] == [("new_orders", 2)]


def test_a_restart_does_not_tell_again_what_was_told(any_database):
    """The memory of what was shown outlives the process: a restart (a new engine on the same store) is no storm."""
    channel = m.Channel.create(name="Toko")
    for oid in ("1", "2"):
        m.Order.create(channel=channel, order_id=oid, invoice=f"INV/{oid}", state="new", created_at=T0,
                       priority_level=100, tts_sla_time=T0 + timedelta(minutes=30))
    m.SyncRun.create(channel=channel, kind="orders", started_at=T0 - timedelta(minutes=40), status="failed")
    requests = {(channel.id, "c1"): "INV/9"}
    clock = Clock()
    before = AlertEngine(clock=clock)
    told = run_check(before, requests, now=T0)[1]
    assert sorted(a.kind for a in told) == ["cancel_request", "due", "sync", "urgent"]

    clock.advance(2)  # TokoDesk restarts two minutes later: everything is still true
    after = AlertEngine(clock=clock)
    assert run_check(after, requests, now=clock.now)[1] == []
    # A new urgent order: told, but not before the gap since the last one of its kind (kept across the restart).
    m.Order.create(channel=channel, order_id="3", invoice="INV/3", state="new", created_at=T0, priority_level=300,
                   tts_sla_time=T0 + timedelta(hours=5))
    assert run_check(after, requests, now=clock.now)[1] == []
    clock.advance(3)
    assert [(a.kind, a.names) for a in run_check(after, requests, now=clock.now)[1]] == [("urgent", ["INV/3"])]
    # Each station keeps its own memory (several PCs on one database each tell their own seller).
    assert m.AppSetting.read(memory_key()) and memory_key("kasir@toko") != memory_key()


def test_buyers_requests_not_read_yet_are_not_forgotten():
    clock = Clock()
    engine = AlertEngine(clock=clock)
    assert [a.kind for a in engine.check(Snapshot(cancel_request={"c1": "INV/1"}))] == ["cancel_request"]
    clock.advance(10)
    engine2 = AlertEngine(clock=clock)
    engine2.recall(engine.remember())
    assert engine2.check(Snapshot(cancel_request=None)) == []  # just started: the marketplace not asked yet
    assert engine2.check(Snapshot(cancel_request={"c1": "INV/1"})) == [], "already told before the restart"


def test_an_unreadable_memory_costs_at_most_one_alert_again():
    engine = AlertEngine(clock=Clock())
    engine.recall({"shown": {"urgent": "not a list"}, "last_fired": {"urgent": "yesterday"}})
    engine.recall(["nonsense"])
    assert [a.kind for a in engine.check(Snapshot(urgent={1: "A"}))] == ["urgent"]
