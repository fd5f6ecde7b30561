"""The outbox between PCs (issue 15 item 4): a station is its installation, not its hostname.

Two PCs made from one disk image share a hostname. Station A's process is sending an accept that the marketplace
answers slowly; station B (same hostname, another installation) must not take it over, even though on B's PC A's
process id names no process. A really abandoned action (a dead station's, older than any request can take) is taken
over and resolved by reading the order, never by sending again.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from tokodesk import credentials
from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.sandbox import Sandbox
from tokodesk.services import outbox
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database

ROOT = Path(__file__).resolve().parents[2]

STATION_A = r"""
import json, os, sys, keyring
from tests.doubles import MemoryKeyring
keyring.set_keyring(MemoryKeyring())
from tokodesk import credentials
credentials.set_client_secret("sandbox", os.environ.pop("SANDBOX_CLIENT_SECRET"))
from tokodesk.cli import main
sys.exit(main(["orders", "ack", os.environ["ORDER_ID"], "--json"]))
"""


@pytest.fixture
def shop(tmp_path):
    with Sandbox(seed=5, orders=60, freeze_clock=True) as sb:
        db_url = f"sqlite:///{tmp_path / 'shared.db'}"
        open_database(db_url)
        cr = sb.credentials
        channel = m.Channel.create(
            name="sandbox", marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
            shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url, business_model="pickup",
        )
        credentials.set_client_secret(channel.name, cr["client_secret"])
        client = TokopediaClient.from_channel(channel, timeout=10)
        pull_orders(channel, client)
        m.OrderLine.update(seller_sku=m.OrderLine.sku).execute()
        yield sb, channel, client, db_url
        client.close()
        close_database()


def test_a_live_action_of_a_pc_with_the_same_hostname_is_not_taken_over(shop, tmp_path, monkeypatch):
    sb, channel, client, db_url = shop
    [remote] = [o for o in sb.orders_in_status(220) if not o.courier.own][:1]
    order = m.Order.get(m.Order.order_id == str(remote.order_id))
    sb.faults.force("ack", "slow", 1)
    sb.faults.slow_seconds = 6  # the marketplace takes its time (retries, rate-limit waits: minutes in real life)
    a = subprocess.Popen(
        [sys.executable, "-c", STATION_A], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "TOKODESK_DB": db_url, "TOKODESK_HOME": str(tmp_path / "pc-a"), "PYTHONPATH": str(ROOT),
             "TOKODESK_STATION": "kasir@desk", "SANDBOX_CLIENT_SECRET": sb.credentials["client_secret"],
             "ORDER_ID": order.order_id},
    )
    try:
        action = None
        for _ in range(600):  # until A's request is on its way
            action = outbox.active_for(order.id)
            if action is not None and action.status == outbox.SENT:
                break
            time.sleep(0.02)
        assert action is not None and action.status == outbox.SENT, a.stderr.read() if a.poll() is not None else ""
        claim = action.payload["_claim"]
        assert claim["host"] == socket.gethostname() and claim["station"] != outbox.installation_id()
        # On PC B, A's process id names no process (it lives on the other PC).
        monkeypatch.setattr(outbox, "_pid_alive", lambda pid: pid == os.getpid())

        service = Fulfilment(adapters=lambda c: client)
        [b_ack] = service.acknowledge([order])
        assert not b_ack.ok and "is sending the request to accept" in b_ack.error
        assert service.resume_pending(channel) == []  # a sync on B leaves it alone too
        out, err = a.communicate(timeout=120)
    finally:
        if a.poll() is None:
            a.kill()
    assert a.returncode == 0, err[-2000:]
    assert [r["ok"] for r in json.loads(out)] == [True]
    assert sb.order(remote.order_id).requests["ack"] == 1  # one accept request reached the marketplace
    assert sb.order(remote.order_id).acks == 1
    assert m.Order.get_by_id(order.id).state == "acknowledged"


def test_an_abandoned_action_of_a_dead_station_is_resolved_by_reading_the_order(shop):
    sb, channel, client, _db_url = shop
    [remote] = [o for o in sb.orders_in_status(220) if not o.courier.own][:1]
    order = m.Order.get(m.Order.order_id == str(remote.order_id))
    # A station sent the accept, the marketplace applied it, and the station died before it heard the answer.
    action = outbox.enqueue(order, "ack", {}, "kasir@desk")
    dead = {"station": "0" * 32, "host": socket.gethostname(), "pid": 2**22 + 5}
    client.acknowledge(order.order_id)
    assert sb.order(remote.order_id).requests["ack"] == 1
    long_ago = m.utcnow() - outbox.lease() - timedelta(seconds=1)
    m.Action.update(status="sent", payload={"_claim": dead}, updated_at=long_ago).where(
        m.Action.id == action.id).execute()

    young = m.utcnow() - outbox.lease() + timedelta(minutes=1)  # within the longest a request can take: left alone
    m.Action.update(updated_at=young).where(m.Action.id == action.id).execute()
    assert Fulfilment(adapters=lambda c: client).resume_pending(channel) == []
    m.Action.update(updated_at=long_ago).where(m.Action.id == action.id).execute()

    [result] = Fulfilment(adapters=lambda c: client).resume_pending(channel)
    assert result.ok and result.state == "acknowledged"
    assert sb.order(remote.order_id).requests["ack"] == 1  # taken over by reading, not by sending again
    assert m.Action.get_by_id(action.id).status == "done"
