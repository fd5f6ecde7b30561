"""A marketplace that serves the same page again never keeps a pull going forever (issue 15 §1).

The legacy order pull stopped only on an empty page, and the TikTok Shop pulls only on an empty next_page_token.
Each server below repeats itself; after 30 requests it raises, so a pull that would loop fails instead of hanging.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
import responses

from tests.unit import test_tiktokshop_support as tts
from tests.unit import test_tokopedia_support as tkp
from tests.unit.test_tokopedia_support import fixture_clock, fixture_rsps  # noqa: F401 - fixtures
from tokodesk.marketplace.tiktokshop import cancellation, products
from tokodesk.services import orders as order_service
from tokodesk.store import models as m

LIMIT = 30


class Repeating:
    def __init__(self, body: str) -> None:
        self.body = body
        self.calls = 0

    def __call__(self, request):
        self.calls += 1
        if self.calls > LIMIT:
            raise RuntimeError("the pull kept asking for the same page")
        return (200, {"Content-Type": "application/json"}, self.body)


@pytest.fixture
def channel(any_database):
    return m.Channel.create(name="toko", marketplace="tokopedia", order_sync_from=datetime(2024, 5, 1))


def test_tokopedia_order_pull_stops_on_a_repeated_page_and_says_so(channel, clock, rsps):
    tkp.add_token(rsps)
    server = Repeating(json.dumps(tkp.envelope([tkp.list_order(1), tkp.list_order(2)])))
    rsps.add_callback(responses.GET, f"{tkp.API}/v2/order/list", callback=server)
    summary = order_service.pull_orders(channel, tkp.make_client(clock), now=datetime(2024, 5, 1, 12))
    assert server.calls == 2  # the first page, then the same page again: stop
    assert summary.created == 2 and summary.status == "partial"
    assert any("with nothing new (a repeated page)" in e and "reads it again next time" in e for e in summary.errors)
    assert not any(e.startswith("order ?") for e in summary.errors)
    assert m.SyncRun.get().errors == summary.errors
    # The window was not fully read: the cursor stays, so the next run reads it again.
    assert m.Channel.get_by_id(channel.id).last_order_pull_to is None


def test_tokopedia_product_pull_stops_on_a_repeated_page(clock, rsps):
    tkp.add_token(rsps)
    product = {"basic": {"productID": 7, "Name": "Kaos", "status": 1}, "other": {"sku": "K-1"},
               "price": {"value": 1000}, "stock": {"value": 3}}
    server = Repeating(json.dumps(tkp.envelope([product])))
    rsps.add_callback(responses.GET, f"{tkp.API}/inventory/v1/fs/{tkp.FS_ID}/product/info", callback=server)
    assert [p.product_id for p in tkp.make_client(clock).list_products()] == ["7"]
    assert server.calls == 2


def test_tiktokshop_order_pull_stops_when_the_next_page_token_repeats(channel):
    now = tts.utc(tts.NOW).replace(tzinfo=None)
    # A later pull (the first also reads the open orders by status, four searches more).
    m.Channel.update(marketplace="tiktokshop", order_sync_from=now - timedelta(hours=2),
                     last_order_pull_to=now - timedelta(hours=2)).execute()
    body = json.dumps(tts.ok({"orders": [tts.raw_order()], "next_page_token": "same-token"}))
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        server = Repeating(body)
        rsps.add_callback(responses.POST, f"{tts.API}/order/202309/orders/search", callback=server)
        client, _ = tts.make_client()
        summary = order_service.pull_orders(m.Channel.get_by_id(channel.id), client, now=now)
    assert server.calls == 4  # two slices of an hour read side by side: each its first page, then the same again
    assert summary.created == 1
    assert any("handed out the same next page again" in e for e in summary.errors)


def test_tiktokshop_product_and_cancellation_lists_stop_when_the_token_repeats():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        product = {"id": "p1", "title": "Kaos", "skus": [{"id": "s1", "seller_sku": "K", "price": {"sale_price": "1"}}]}
        items = Repeating(json.dumps(tts.ok({"products": [product], "next_page_token": "again"})))
        rsps.add_callback(responses.POST, f"{tts.API}{products.SEARCH}", callback=items)
        requests_ = Repeating(json.dumps(tts.ok({"cancellations": [], "next_page_token": "again"})))
        rsps.add_callback(responses.POST, f"{tts.API}{cancellation.SEARCH}", callback=requests_)
        client, _ = tts.make_client()
        assert len(list(client.list_products())) == 2  # the page read twice; the SKU pull keys by product id
        assert client.cancellation_requests() == []
    assert items.calls == 2 and requests_.calls == 2
