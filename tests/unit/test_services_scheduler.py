"""The scheduler policy: what is due when."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.unit.fake_marketplace import FakeMarketplace
from tokodesk.services import scheduler
from tokodesk.store import models as m

NOW = datetime(2026, 11, 24, 5, 0, 0)  # 12:00 WIB


@pytest.fixture
def channel(database):
    return m.Channel.create(name="toko", marketplace="tokopedia", recon_hour=6, order_sync_from=NOW - timedelta(days=1))


def ran(channel, kind, minutes_ago):
    m.SyncRun.create(channel=channel, kind=kind, started_at=NOW - timedelta(minutes=minutes_ago), status="ok")


def kinds(now=NOW):
    return [d.kind for d in scheduler.due_runs(now)]


def test_a_new_channel_is_due_for_everything(channel):
    assert kinds() == ["orders", "statuses", "inventory", "recon"]


def test_a_kind_missing_from_the_build_is_never_due(channel, monkeypatch):
    monkeypatch.delitem(scheduler.SYNC_KINDS, "recon")
    assert "recon" not in kinds()
    assert scheduler.next_due(channel, "recon", NOW)[0] is None


def test_orders_every_5_statuses_every_15_minutes(channel):
    channel.inventory_sync = channel.recon_enabled = False
    channel.save()
    ran(channel, "orders", 4)
    ran(channel, "statuses", 14)
    assert kinds() == []
    assert kinds(NOW + timedelta(minutes=1)) == ["orders", "statuses"]
    channel.orders_every_min = 2
    channel.save()
    assert kinds() == ["orders"]
    assert scheduler.next_wakeup(NOW) == NOW  # something is due now


def test_inventory_on_change_and_every_30_minutes(channel):
    for kind in ("orders", "statuses", "recon"):
        ran(channel, kind, 1)
    ran(channel, "inventory", 10)
    assert kinds() == []
    channel.inventory_dirty_at = NOW - timedelta(minutes=2)
    channel.save()
    assert kinds() == ["inventory"]
    channel.inventory_dirty_at = None
    channel.save()
    assert kinds(NOW + timedelta(minutes=20)) == ["orders", "statuses", "inventory"]
    channel.inventory_sync = False
    channel.save()
    assert "inventory" not in kinds(NOW + timedelta(minutes=20))


def test_recon_once_a_day_at_the_hour_in_wib(channel):
    for kind in ("orders", "statuses", "inventory"):
        ran(channel, kind, 0)
    # 12:00 WIB, recon never ran: today's 06:00 slot is due
    assert kinds() == ["recon"]
    m.SyncRun.create(channel=channel, kind="recon", started_at=datetime(2026, 11, 23, 23, 5), status="ok")  # 06:05 WIB
    assert kinds() == []
    when, reason = scheduler.next_due(channel, "recon", NOW)
    assert when == datetime(2026, 11, 24, 23, 0) and "06:00 WIB" in reason  # tomorrow 06:00 WIB
    channel.recon_enabled = False
    channel.save()
    assert scheduler.next_due(channel, "recon", NOW)[0] is None


def test_a_running_kind_is_not_due_twice(channel):
    channel.inventory_sync = channel.recon_enabled = False
    channel.save()
    m.SyncLease.create(
        channel=channel, kind="orders", holder="kasir@desk2 pid 1", expires_at=m.utcnow() + timedelta(days=1)
    )
    assert kinds() == ["statuses"]


def test_run_due_runs_what_is_due_once(channel):
    channel.inventory_sync = channel.recon_enabled = False
    channel.save()
    shop = FakeMarketplace()
    shop.add_order("1", NOW - timedelta(hours=1), [("p", "A", 1)])
    summaries = scheduler.run_due(adapters={channel.id: shop})
    assert [(s.kind, s.status) for s in summaries] == [("orders", "ok"), ("statuses", "ok")]
    assert m.Order.select().count() == 1
    assert scheduler.run_due(adapters={channel.id: shop}) == []  # nothing due right after


def test_payouts_every_6_hours_only_where_the_marketplace_has_finance_reads(channel):
    live = m.Channel.create(name="live", marketplace="tiktokshop", recon_hour=6)
    assert scheduler.next_due(channel, "payouts", NOW) == (None, "the marketplace has no finance reads")
    assert scheduler.next_due(live, "payouts", NOW) == (NOW, "never run")
    ran(live, "payouts", 60)
    assert scheduler.next_due(live, "payouts", NOW) == (NOW + timedelta(hours=5), "every 6 hours")
    assert "payouts" not in [d.kind for d in scheduler.due_runs(NOW) if d.channel == "toko"]
