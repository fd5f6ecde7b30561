"""Stations whose clocks disagree share one PostgreSQL database: leases and outbox claims go by the server's clock.

Seen (the suite run with the clock moved): a lease or a sent action written by one station was judged by another
station's own clock. A PC set to UTC and then to the shop's time by hand is seven hours off: it took over a sync, a
token renewal or an order action that was still running on a PC with the right time (two requests for one order and
step; two renewals of one refresh token), and the others took over its leases at once."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tokodesk.services import changes, outbox, runs
from tokodesk.store import clock
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database

RIGHT = m.utcnow
OTHER_STATION = "f" * 32  # another PC's installation id
HOURS_OFF = timedelta(hours=7)


def _this_pc_clock(monkeypatch: pytest.MonkeyPatch, off: timedelta) -> None:
    monkeypatch.setattr(m, "utcnow", lambda: RIGHT() + off)
    clock.forget()


@pytest.fixture
def shared(pg_url):
    open_database(pg_url)
    channel = m.Channel.create(name="toko", marketplace="tokopedia")
    order = m.Order.create(channel=channel, order_id="1", state="new", created_at=datetime(2026, 11, 20))
    yield channel, order
    clock.forget()
    close_database()


@pytest.mark.parametrize("off", [HOURS_OFF, -HOURS_OFF], ids=["ahead", "behind"])
def test_a_station_whose_clock_is_hours_off_leaves_another_stations_sync_and_order_action_alone(
        shared, monkeypatch, off):
    channel, order = shared
    server = changes.server_now()
    # A PC with the right time: its sync holds the lease for 5 more minutes, its accept request is in flight.
    m.SyncLease.create(channel=channel, kind="orders", holder="kasir@desk2 pid 1",
                       expires_at=server + timedelta(minutes=5))
    action = outbox.enqueue(order, "ack", {}, "kasir@desk2")
    m.Action.update(status=outbox.SENT, payload={outbox.CLAIM_KEY: {"station": OTHER_STATION, "host": "desk2",
                                                                    "pid": 1}},
                    updated_at=server - timedelta(minutes=1)).where(m.Action.id == action.id).execute()

    _this_pc_clock(monkeypatch, off)
    with pytest.raises(runs.LeaseHeld, match="kasir@desk2"):
        runs.acquire_lease(channel, "orders")
    assert not outbox.is_orphan(m.Action.get_by_id(action.id))
    assert outbox.resumable(channel.id, ["ack"]) == [], "the order's accept would be sent a second time"


@pytest.mark.parametrize("off", [HOURS_OFF, -HOURS_OFF], ids=["ahead", "behind"])
def test_the_leases_and_claims_of_a_station_whose_clock_is_hours_off_hold_for_the_others(shared, monkeypatch, off):
    channel, order = shared
    _this_pc_clock(monkeypatch, off)
    holder = runs.acquire_lease(channel, "token")
    action = outbox.enqueue(order, "ack", {}, "kasir@desk1")
    assert outbox.claim(action, "kasir@desk1")

    _this_pc_clock(monkeypatch, timedelta(0))  # the other PCs, with the right time, judge them
    with pytest.raises(runs.LeaseHeld):
        runs.acquire_lease(channel, "token", holder="kasir@desk2 pid 1")
    assert not outbox.is_orphan(m.Action.get_by_id(action.id), me=OTHER_STATION)
    runs.release_lease(channel, "token", holder)
    # ... and a lease that really ran out is still taken over.
    m.SyncLease.create(channel=channel, kind="orders", holder="kasir@desk9 pid 1",
                       expires_at=changes.server_now() - timedelta(seconds=5))
    runs.release_lease(channel, "orders", runs.acquire_lease(channel, "orders", holder="kasir@desk2 pid 2"))
