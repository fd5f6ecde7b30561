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
