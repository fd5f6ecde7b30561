"""Several packing stations on one PostgreSQL database (the server ./scripts/test starts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from tokodesk.services import runs
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database

pytestmark = pytest.mark.system


def test_a_second_station_is_told_who_holds_the_sync(pg_url):
    open_database(pg_url)
    channel = m.Channel.create(name="Toko")
    runs.acquire_lease(channel, "orders", holder="anna@desk1 pid 11")
    with pytest.raises(runs.LeaseHeld, match="held by anna@desk1"):
        runs.acquire_lease(channel, "orders", holder="budi@desk2 pid 22")
    # another kind, or the same kind of another channel, is free
    runs.acquire_lease(channel, "statuses", holder="budi@desk2 pid 22")
    runs.acquire_lease(m.Channel.create(name="Toko 2"), "orders", holder="budi@desk2 pid 22")
    close_database()


def test_two_stations_acknowledging_the_same_orders_act_once_each(pg_url, tokodesk_home):
    """Two processes race to acknowledge the same 40-60 orders: each is accepted exactly once on the marketplace."""
    from tests.conftest import need_real_part
    from tokodesk import credentials
    from tokodesk.marketplace.tokopedia import TokopediaClient
    from tokodesk.sandbox import Sandbox
    from tokodesk.services.orders import pull_orders

    # Each station reads the client secret from the OS keyring, as on a real desk.
    need_real_part(bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS")), "a D-Bus session with gnome-keyring")
    with Sandbox(seed=21, orders=400, days=2.5) as sb:
        open_database(pg_url)
        cr = sb.credentials
        channel = m.Channel.create(
            name="shared", marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
            shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url,
            order_sync_from=datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(days=2, hours=23),
        )
        credentials.set_client_secret(channel.name, cr["client_secret"])
        client = TokopediaClient.from_channel(channel)
        pull_orders(channel, client)
        client.close()
        ids = [str(o.order_id) for o in sb.orders_in_status(220)][:60]
        assert len(ids) >= 40, len(ids)
        close_database()
        env = {**os.environ, "TOKODESK_DB": pg_url}
        procs = []
        for station, order in (("desk1", ids), ("desk2", list(reversed(ids)))):
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "tokodesk", "orders", "ack", *order, "--json"],
                env={**env, "TOKODESK_STATION": station}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            ))
        outputs = [p.communicate(timeout=300) for p in procs]
        results = [json.loads(out) for out, _err in outputs]
        for oid in ids:
            assert sb.order(int(oid)).acks == 1, oid  # acted on exactly once on the marketplace
            assert sb.order(int(oid)).status == 400
        ok_by = {r["order_id"] for res in results for r in res if r["ok"]}
        assert {int(i) for i in ids} <= {int(x) for x in ok_by}
        open_database(pg_url)
        states = {o.order_id: o.state for o in m.Order.select().where(m.Order.order_id.in_(ids))}
        assert set(states.values()) == {"acknowledged"}
        who = {e.who for e in m.OrderEvent.select().where(m.OrderEvent.kind == "ack")}
        assert who and who <= {"desk1", "desk2"}
        close_database()
        credentials.forget_channel("shared")


# A station process with the sandbox's client secret in an in-memory keyring (the OS keyring is not what this is
# about), running one real CLI command.
STATION = """
import os, sys, keyring
from tests.doubles import MemoryKeyring
keyring.set_keyring(MemoryKeyring())
from tokodesk import credentials
credentials.set_client_secret("shared", os.environ.pop("SANDBOX_CLIENT_SECRET"))
from tokodesk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _station(name: str, pg_url: str, secret: str, home, *args: str) -> subprocess.Popen:  # noqa: ANN001
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "TOKODESK_DB": pg_url, "TOKODESK_STATION": name, "TOKODESK_HOME": str(home),
           "SANDBOX_CLIENT_SECRET": secret, "PYTHONPATH": str(root)}
    return subprocess.Popen([sys.executable, "-c", STATION, *args], env=env, cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_stations_starting_sync_orders_one_runs_the_other_names_the_holder(pg_url, tmp_path):
    """Through the CLI: the second `sync orders` exits 1 and says which station (and process) is running it."""
    import time

    from tokodesk.sandbox import Sandbox

    with Sandbox(seed=5, orders=300, days=2.0, freeze_clock=True) as sb:
        open_database(pg_url)
        cr = sb.credentials
        channel = m.Channel.create(
            name="shared", marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
            shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url,
            order_sync_from=datetime.fromtimestamp(sb.clock.now() - 2 * 86400, timezone.utc).replace(tzinfo=None),
        )
        close_database()
        # desk1's order pages answer slowly, so its run is still holding the lease when desk2 starts.
        sb.faults.force("order_list", "slow", count=4)
        sb.faults.slow_seconds = 5.0  # pages are read 4 at a time: each slow answer must outlast desk2's start
        first = _station("desk1", pg_url, cr["client_secret"], tmp_path / "desk1", "sync", "orders", "--json")
        open_database(pg_url)
        deadline = time.monotonic() + 60
        while not m.SyncLease.select().where(m.SyncLease.channel == channel.id).exists():
            assert first.poll() is None, first.communicate()[1][-1000:]
            assert time.monotonic() < deadline, "desk1 never took the lease"
            time.sleep(0.05)
        lease = m.SyncLease.get(m.SyncLease.channel == channel.id)
        assert runs.shown(lease.holder) == f"desk1 pid {first.pid}"
        close_database()

        second = _station("desk2", pg_url, cr["client_secret"], tmp_path / "desk2", "sync", "orders", "--json")
        out2, err2 = second.communicate(timeout=120)
        out1, err1 = first.communicate(timeout=120)

    assert second.returncode == 1, err2[-1000:]
    assert out2 == ""  # no summary: it did not run
    assert f"a 'orders' sync of channel 'shared' is already running: held by desk1 pid {first.pid}" in err2
    assert "frees itself at" in err2
    assert first.returncode == 0, err1[-1000:]
    summary = json.loads(out1)
    assert summary["status"] == "ok" and summary["fetched"] > 0
    open_database(pg_url)
    run_rows = list(m.SyncRun.select().where((m.SyncRun.channel == channel.id) & (m.SyncRun.kind == "orders")))
    assert [(r.station, r.status) for r in run_rows] == [("desk1", "ok")]  # one run; desk2 left no trace
    assert not m.SyncLease.select().exists()  # released at the end
    close_database()


def test_a_big_first_pull_leaves_the_planner_knowing_the_order_tables(pg_url):
    """After the first pull into a new PostgreSQL database the queue must not be planned as if it were empty.

    Before autovacuum got to the new tables, the queue's first load after a 10,000-order pull chose a nested loop
    over every order line for every order and ran for minutes (found by bench/bench_queue.py --db).
    """
    from tokodesk.marketplace.tokopedia import TokopediaClient
    from tokodesk.sandbox import Sandbox
    from tokodesk.services.orders import pull_orders

    with Sandbox(seed=8, orders=800, days=2.0, freeze_clock=True) as sb:
        database = open_database(pg_url)
        cr = sb.credentials
        now = datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None)
        channel = m.Channel.create(
            name="shared", marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
            shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url, order_sync_from=now - timedelta(days=2),
        )
        client = TokopediaClient(channel.name, cr["fs_id"], cr["client_id"], cr["shop_id"], sb.url, sb.url,
                                 client_secret=cr["client_secret"], timeout=10)
        summary = pull_orders(channel, client, now=now)
        client.close()
    assert summary.created >= 500, summary
    lines = m.OrderLine.select().count()
    known = dict(database.execute_sql(
        "SELECT relname, reltuples FROM pg_class WHERE relname IN ('order', 'order_line')"
    ).fetchall())
    assert known["order"] >= 0.9 * summary.created, known
    assert known["order_line"] >= 0.9 * lines, known
    close_database()
