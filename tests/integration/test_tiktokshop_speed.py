"""Tokopedia & Shop at the speed of the network (issue 19 §3 and the first pull), against the sandbox over loopback:
the order search read as slices side by side within the documented 50 requests a second, the same orders as a
serial pull; and the labels kept after a batch ship fetched side by side, the orders' details read 50 ids a call."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.integration.network_checks import InFlight, busiest_second
from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import (  # noqa: F401 - fixtures
    channel,
    client,
    shop_now,
    to_ship,
)
from tokodesk.marketplace.tiktokshop import TikTokShopClient, order_search
from tokodesk.marketplace.tiktokshop import client as tts_client
from tokodesk.sandbox import Sandbox
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.services.fulfilment.kept_labels import label_path
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m

DOCUMENTED_QPS = 50


@pytest.fixture
def sb():
    # The clock runs: the sandbox's rate limit (the documented 50 a second per API) refills with it.
    with Sandbox(seed=9, products=16, orders=900, days=2.5, dialect="tiktokshop", rate_limit=DOCUMENTED_QPS,
                 latency_ms=5) as box:
        yield box






def test_a_first_pull_reads_the_search_side_by_side_within_the_rate_limit_and_stores_every_order_once(sb, channel):  # noqa: F811
    in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)
    reader = TikTokShopClient.from_channel(channel, timeout=10)
    summary = pull_orders(channel, reader, now=shop_now(sb))
    reader.close()
    log = sb.request_log
    expected = {tj.order_id(o) for o in sb.shop.orders.values()}

    assert summary.status == "ok" and summary.created == len(expected) > 500
    ids = [o.order_id for o in m.Order.select(m.Order.order_id).where(m.Order.channel == channel.id)]
    assert len(ids) == len(set(ids)) and set(ids) == expected  # each once, none missing
    assert in_flight.most > 2  # slices of a window, and the next window, read at the same time
    assert sum(1 for r in log if r.endpoint == "order_search") > order_search.SLICE_READERS
    assert [r for r in log if r.status == 429] == []  # never refused for the limit
    assert busiest_second(log, "order_search") <= DOCUMENTED_QPS


def test_labels_kept_after_a_batch_ship_come_side_by_side_with_details_read_in_batches(sb, channel, client):  # noqa: F811
    ch = pulled(sb, channel, client)
    m.Channel.update(use_marketplace_label=True).where(m.Channel.id == ch.id).execute()
    orders = to_ship(sb, 12)
    service = Fulfilment(adapters=lambda c: client)
    service.pack(orders)
    in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)
    before = Counter(sb.calls)
    results = service.ship(orders)
    calls = Counter(sb.calls) - before

    assert all(r.ok and r.state == "awaiting_pickup" for r in results), [r.error for r in results]
    assert calls["documents"] == 12 and in_flight.most > 1
    # one detail read before the batch ship, one after it, one for the labels: not one per order
    assert calls["order_detail"] == 3
    for order in orders:
        assert label_path(order).read_bytes().startswith(b"%PDF")
        assert m.OrderEvent.get((m.OrderEvent.order == order.id) & (m.OrderEvent.kind == "label_kept")).ok
    assert [r for r in sb.request_log if r.status == 429] == []


def test_order_details_are_read_as_many_ids_a_call_as_the_api_takes():
    # Get Order Detail: "ids ... Max count: 50" (the official OpenAPI description, tests/oas)
    assert tts_client.DETAIL_BATCH == 50 and tts_client.ORDER_PAGE_SIZE == 100


def test_orders_read_by_id_come_back_in_the_order_asked_their_detail_calls_side_by_side(sb, client):  # noqa: F811
    ids = sorted(tj.order_id(o) for o in sb.shop.orders.values())[:230]
    in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)
    orders = client.get_orders(list(reversed(ids)))
    details = [r for r in sb.request_log if r.endpoint == "order_detail"]

    assert [o.order_id for o in orders] == list(reversed(ids))
    assert len(details) == 5 and all(r.status == 200 for r in details)  # 50 ids a call (more are refused)
    assert in_flight.most > 1  # the calls were out at the same time, within the rate limit
