"""A cut emoji and a NUL in buyer names, served by the sandbox over loopback, never stop `sync orders`
(issue 15 §1: on SQLite the pull died with UnicodeEncodeError, on PostgreSQL 0 of 86 orders were stored)."""

from __future__ import annotations

import dataclasses
import socket
from datetime import datetime, timedelta, timezone

import pytest

from tokodesk import credentials
from tokodesk.sandbox import Sandbox
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def sb():
    with Sandbox(seed=11, orders=86, products=10, days=2.5, freeze_clock=True, port=_free_port()) as box:
        yield box


def test_broken_buyer_names_from_the_sandbox_are_stored_with_every_other_order(sb, any_database):
    now = datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None)
    orders = sorted(sb.shop.orders.values(), key=lambda o: o.order_id)
    broken = {orders[0].order_id: "Budi \ud83d", orders[1].order_id: "Siti\x00Aminah",
              orders[2].order_id: "\ud83d" * 300}
    for order in orders[:3]:
        order.buyer = dataclasses.replace(order.buyer, name=broken[order.order_id])
    cr = sb.credentials
    channel = m.Channel.create(
        name="sandbox", marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
        shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url,
        order_sync_from=now - timedelta(days=3) + timedelta(minutes=5),
    )  # fmt: skip
    credentials.set_client_secret(channel.name, cr["client_secret"])
    summary = pull_orders(channel, now=now)
    assert summary.status == "ok", summary.errors
    assert summary.failed == 0 and summary.created == m.Order.select().count() >= 80
    names = {o.order_id: o.buyer_name for o in m.Order.select()}
    assert names[str(orders[0].order_id)] == "Budi \ufffd"
    assert names[str(orders[1].order_id)] == "Siti\ufffdAminah"
    assert names[str(orders[2].order_id)] == "\ufffd" * 254 + "…"
    # Every later pull goes on too (it used to die on the same order each time).
    again = pull_orders(m.Channel.get_by_id(channel.id), now=now + timedelta(minutes=10))
    assert again.status == "ok" and again.failed == 0
