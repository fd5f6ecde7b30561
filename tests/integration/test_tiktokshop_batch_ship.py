"""Shipping many Tokopedia & Shop orders through the batch Ship Package call: chunks of the adapter's limit, each
package's answer on its own order, lost or failed batch answers settled by reading the orders, and the requests
a batch of 100 costs with and without the batch call."""

from __future__ import annotations

import dataclasses
import json
import sys

import pytest

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import channel, client, fresh, shop_order, to_ship  # noqa: F401 - fixtures
from tokodesk.cli import main
from tokodesk.sandbox import Sandbox, Status
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.store import models as m


@pytest.fixture
def sb():
    # Two days of a busier shop: well over 100 orders waiting to be shipped.
    with Sandbox(seed=5, products=16, orders=200, days=2, dialect="tiktokshop", freeze_clock=True) as box:
        yield box


def packed(sb, channel, client, n: int) -> list[m.Order]:  # noqa: ANN001, F811
    pulled(sb, channel, client)
    orders = to_ship(sb, n)
    assert all(r.ok for r in Fulfilment(adapters=lambda c: client).pack(orders))
    return orders


def ship_and_count(sb, client, orders) -> tuple[list, int]:  # noqa: ANN001, F811
    before = sum(sb.calls.values())
    results = Fulfilment(adapters=lambda c: client).ship(orders)
    return results, sum(sb.calls.values()) - before


def assert_shipped_once(sb, orders, results) -> None:  # noqa: ANN001
    assert all(r.ok and r.state == "awaiting_pickup" for r in results), [r.error for r in results if not r.ok]
    for order in orders:
        remote = shop_order(sb, order)
        assert remote.status == Status.AWAITING_PICKUP and remote.pickups == 1
        assert fresh(order).awb == remote.awb and fresh(order).handed_over_at is not None
    assert {a.status for a in m.Action.select()} == {"done"}


def test_a_batch_of_100_uses_the_batch_call_in_chunks(sb, channel, client):  # noqa: F811
    orders = packed(sb, channel, client, 100)
    results, requests = ship_and_count(sb, client, orders)
    assert_shipped_once(sb, orders, results)
    assert sb.calls["ship_batch"] == 2 and "ship" not in sb.calls  # 50 packages a call
    # 2 detail reads before, 2 batch calls, 2 detail reads after (tracking numbers).
    assert requests == 6
    print(f"\nship 100 orders, batch call: {requests} requests", file=sys.stderr)


def test_a_batch_of_100_one_by_one_without_the_batch_call(sb, channel, client):  # noqa: F811
    orders = packed(sb, channel, client, 100)
    client.capabilities = dataclasses.replace(client.capabilities, ship_batch_max=0)  # as before the batch path
    results, requests = ship_and_count(sb, client, orders)
    assert_shipped_once(sb, orders, results)
    assert "ship_batch" not in sb.calls and sb.calls["ship"] == 100
    assert requests == 300  # a detail read, the ship call and a package read per order
    print(f"\nship 100 orders, one by one: {requests} requests", file=sys.stderr)


def test_each_packages_answer_lands_on_its_order_from_the_cli(sb, channel, client, capsys):  # noqa: F811
    orders = packed(sb, channel, client, 5)
    asked = orders[2]
    with sb.shop.lock:  # the buyer asked to cancel after the order was packed
        shop_order(sb, asked).cancel_request = {"reason": "Berubah pikiran", "time": sb.clock.now()}
    assert main(["orders", "ship", *[o.order_id for o in orders], "--json"]) == 1
    out = {r["order_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert sb.calls["ship_batch"] == 1 and "ship" not in sb.calls
    assert not out[asked.order_id]["ok"] and "after-sales request" in out[asked.order_id]["error"]
    assert not out[asked.order_id]["refused"] and fresh(asked).action_failed and fresh(asked).state == "ready_to_ship"
    assert shop_order(sb, asked).pickups == 0
    others = [o for o in orders if o.id != asked.id]
    assert all(out[o.order_id]["ok"] and out[o.order_id]["state"] == "awaiting_pickup" for o in others)
    assert all(shop_order(sb, o).pickups == 1 and fresh(o).awb == shop_order(sb, o).awb for o in others)


def test_a_lost_batch_answer_is_settled_by_reading_the_orders(sb, channel, client):  # noqa: F811
    orders = packed(sb, channel, client, 6)
    sb.faults.force("ship_batch", "lost", 1)  # shipped on the marketplace, the answer never came
    results, _ = ship_and_count(sb, client, orders)
    assert_shipped_once(sb, orders, results)
    assert sb.calls["ship_batch"] == 1 and "ship" not in sb.calls  # nothing was sent twice
    assert ("ship_batch", "lost") in sb.faults.log


def test_a_failed_batch_call_is_resolved_order_by_order(sb, channel, client):  # noqa: F811
    orders = packed(sb, channel, client, 4)
    sb.faults.force("ship_batch", "error", 10)  # the batch endpoint answers 5xx: nothing shipped
    results, _ = ship_and_count(sb, client, orders)
    assert_shipped_once(sb, orders, results)  # each order read, found not shipped, and shipped on its own
    assert sb.calls["ship"] == 4
