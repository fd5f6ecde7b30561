"""The one-run-per-kind lease and the SyncRun bookkeeping."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest

from tests.unit.fake_marketplace import FakeMarketplace
from tokodesk.services import orders as order_service
from tokodesk.services import runs
from tokodesk.store import models as m


@pytest.fixture
def channel(any_database):
    return m.Channel.create(name="toko", marketplace="tokopedia")


def test_a_second_run_of_the_same_kind_is_refused_with_who_and_since(channel):
    with runs.sync_run(channel, "orders"):
        with pytest.raises(runs.LeaseHeld) as err:
            runs.acquire_lease(channel, "orders", holder="kasir@desk2 pid 4242")
        # the message names the holder and when it started, in WIB
        text = str(err.value)
        assert "already running" in text and "held by tester@desk1 pid" in text and "WIB" in text
        assert " since " in text
        # another kind, or the same kind of another channel, is free
        other = m.Channel.create(name="lapak")
        runs.release_lease(other, "orders", runs.acquire_lease(other, "orders"))
        runs.release_lease(channel, "statuses", runs.acquire_lease(channel, "statuses"))
    assert m.SyncLease.select().count() == 0


def test_the_lease_refuses_a_second_pull_while_one_is_running(channel):
    shop = FakeMarketplace()
    m.SyncLease.create(
        channel=channel, kind="orders", holder="kasir@desk2 pid 1", expires_at=m.utcnow() + timedelta(minutes=5)
    )
    with pytest.raises(runs.LeaseHeld, match="kasir@desk2"):
        order_service.pull_orders(channel, shop)
    assert shop.list_calls == []  # refused before any request
    assert m.SyncRun.select().count() == 0


def test_an_expired_lease_is_taken_over_and_its_run_closed(channel):
    m.SyncRun.create(channel=channel, kind="orders", status="running")
    m.SyncLease.create(
        channel=channel, kind="orders", holder="kasir@desk2 pid 1", expires_at=m.utcnow() - timedelta(seconds=1)
    )
    with runs.sync_run(channel, "orders") as run:
        run.summary.fetched = 3
    statuses = [r.status for r in m.SyncRun.select().order_by(m.SyncRun.id)]
    assert statuses == ["failed", "ok"]
    assert "interrupted" in m.SyncRun.get_by_id(1).errors[0]


def test_a_lease_of_a_dead_process_on_this_station_is_taken_at_once(channel):
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = f"{runs.config.station_id()} pid {proc.stdout.strip()} #{runs.installation_id()[:12]}"
    m.SyncLease.create(channel=channel, kind="orders", holder=dead, expires_at=m.utcnow() + timedelta(minutes=9))
    holder = runs.acquire_lease(channel, "orders")
    assert m.SyncLease.get().holder == holder != dead


def test_a_lease_of_a_cloned_pc_with_the_same_name_is_not_taken_before_it_expires(channel):
    """Cloned PCs share user and hostname; a process id that is dead here may be alive on the other PC."""
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    for clone in (f"{runs.config.station_id()} pid {proc.stdout.strip()} #{'0' * 12}",
                  f"{runs.config.station_id()} pid {proc.stdout.strip()}"):  # as an older TokoDesk wrote it
        m.SyncLease.delete().execute()
        m.SyncLease.create(channel=channel, kind="orders", holder=clone, expires_at=m.utcnow() + timedelta(minutes=9))
        with pytest.raises(runs.LeaseHeld) as held:
            runs.acquire_lease(channel, "orders")
        assert "#" not in str(held.value) and f"pid {proc.stdout.strip()}" in str(held.value)


def test_a_failed_run_is_recorded_and_frees_the_lease(channel):
    with pytest.raises(RuntimeError), runs.sync_run(channel, "skus") as run:
        run.summary.fetched = 2
        raise RuntimeError("database disk image is malformed")
    row = m.SyncRun.get()
    assert row.status == "failed" and row.finished_at is not None
    assert "malformed" in row.errors[0]
    assert m.SyncLease.select().count() == 0


def test_summary_json_has_the_documented_fields(channel):
    with runs.sync_run(channel, "orders") as run:
        run.summary.add_error("order 5: bad")
    data = run.summary.to_json()
    for key, kind in (("kind", str), ("fetched", int), ("created", int), ("updated", int), ("failed", int)):
        assert isinstance(data[key], kind)
    assert data["errors"] == ["order 5: bad"] and data["status"] == "partial"


def test_renewing_a_lease_someone_else_took_stops_the_run(channel):
    holder = runs.acquire_lease(channel, "orders")
    m.SyncLease.update(holder="kasir@desk2 pid 9").execute()
    with pytest.raises(runs.LeaseHeld):
        runs.renew_lease(channel, "orders", holder)
