"""Orders of a Tokopedia & Shop channel: status mapping, unit-per-line aggregation, search windows, details."""

from __future__ import annotations

import json
import threading
import time
from datetime import timedelta

import pytest
import responses

from tests.unit.test_tiktokshop_support import (
    API,
    NOW,
    assert_signed,
    body_of,
    fail,
    line_item,
    make_client,
    mock_http,
    ok,
    query_of,
    raw_order,
    utc,
)
from tokodesk.marketplace.base import InvalidOrder, Marketplace, MarketplaceError, OrderState
from tokodesk.marketplace.tiktokshop import CAPABILITIES, TikTokShopClient, order_search
from tokodesk.marketplace.tiktokshop.orders import STATUS_MAP, aggregate_lines, parse_or_invalid, parse_order, rupiah

SEARCH = f"{API}/order/202309/orders/search"
DETAIL = f"{API}/order/202309/orders"


@pytest.fixture
def rsps():
    yield from mock_http()


@pytest.mark.parametrize(
    ("status", "state"),
    [
        ("UNPAID", OrderState.AWAITING_PAYMENT),
        ("ON_HOLD", OrderState.ON_HOLD),
        ("AWAITING_SHIPMENT", OrderState.ACKNOWLEDGED),
        ("PARTIALLY_SHIPPING", OrderState.PARTLY_SHIPPED),  # some packages wait: never "shipped" (issue 16)
        ("AWAITING_COLLECTION", OrderState.AWAITING_PICKUP),
        ("IN_TRANSIT", OrderState.SHIPPED),
        ("DELIVERED", OrderState.DELIVERED),
        ("COMPLETED", OrderState.COMPLETED),
        ("CANCELLED", OrderState.CANCELLED),
    ],
)
def test_every_status_maps_to_its_internal_state(status, state):
    assert parse_order(raw_order(status=status)).state is state
    assert STATUS_MAP[status] is state


def test_the_table_covers_every_documented_status():
    documented = {"UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "PARTIALLY_SHIPPING", "AWAITING_COLLECTION",
                  "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED"}
    assert documented <= set(STATUS_MAP)


def test_capabilities_say_what_differs_from_tokopedia():
    client, _ = make_client()
    assert isinstance(client, Marketplace)
    caps = client.capabilities
    assert caps is CAPABILITIES
    assert caps.marketplace == "tiktokshop" and caps.display_name == "Tokopedia & Shop"
    assert "tiktok" not in caps.display_name.lower()
    assert not caps.has_acknowledge and caps.label_format.value == "pdf" and caps.handover.value == "per_warehouse"
    assert caps.cancel_by_reason_name and caps.stock_per_product and not caps.has_booking_code
    assert caps.order_window_max is None


def test_an_order_is_read_with_units_folded_into_quantities():
    order = parse_order(raw_order())
    assert order.order_id == "576000000000000001" and order.invoice == order.order_id
    assert order.marketplace_status == "AWAITING_SHIPMENT"
    assert order.created_at == utc(NOW - 3600) and order.updated_at == utc(NOW - 600)
    assert order.total_amount == 109000 and order.shipping_fee == 9000 and order.cod_amount == 0
    assert order.commerce_platform == "TOKOPEDIA"
    assert order.package_id == "pkg-576000000000000001" and order.warehouse_id == "wh-1"
    assert order.awb is None and order.courier == "J&T Express" and order.service == "Reguler"
    assert order.ship_deadline == utc(NOW + 86400)
    assert order.buyer_note == "tolong bungkus rapi"
    rec = order.recipient
    assert (rec.name, rec.province, rec.city, rec.district, rec.postal_code) == (
        "Budi S***", "Jawa Barat", "Kota Bandung", "Coblong", "40111")
    lines = {(line.sku_id, line.sku): line for line in order.lines}
    assert lines[("sku-1", "KAOS-M")].quantity == 2
    assert lines[("sku-1", "KAOS-M")].line_ids == ["li-1", "li-2"]
    assert lines[("sku-1", "KAOS-M")].price == 50000
    assert lines[("sku-1", "KAOS-M")].product_id == "sku-1"
    assert lines[("sku-2", "KAOS-L")].quantity == 1 and lines[("sku-2", "KAOS-L")].price == 59000
    assert lines[("sku-1", "KAOS-M")].name == "Kaos Polos - M"


def test_aggregation_keeps_different_skus_apart_and_counts_every_unit():
    items = [line_item(i, "sku-a" if i % 3 else "sku-b", "A" if i % 3 else "B") for i in range(1, 8)]
    lines = aggregate_lines(items)
    assert sorted((line.sku, line.quantity) for line in lines) == [("A", 5), ("B", 2)]
    assert sum(len(line.line_ids) for line in lines) == 7


def test_cod_and_tiktok_app_orders():
    order = parse_order(raw_order(is_cod=True, commerce_platform="TIKTOK_SHOP", tracking_number="JX123"))
    assert order.cod_amount == 109000 and order.commerce_platform == "TIKTOK_SHOP" and order.awb == "JX123"


def test_unpaid_order_without_address_is_fine():
    raw = raw_order(status="UNPAID")
    del raw["recipient_address"]
    order = parse_order(raw)
    assert order.recipient.name == "" and order.state is OrderState.AWAITING_PAYMENT


@pytest.mark.parametrize(
    ("value", "expected"), [("5000", 5000), ("5000.00", 5000), ("1250000.5", 1250001), (7000, 7000), ("", 0)]
)
def test_amounts_are_whole_rupiah(value, expected):
    assert rupiah(value) == expected


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda o: o.pop("id"), "id"),
        (lambda o: o.update(status="SOMETHING_NEW"), "unknown order status"),
        (lambda o: o.update(line_items=[]), "no line items"),
        (lambda o: o["payment"].update(total_amount="lima ribu"), "not a number"),
        (lambda o: o.update(create_time=None), "create_time"),
        (lambda o: o.update(line_items=[{"id": "x"}]), "neither sku_id nor seller_sku"),
    ],
)
def test_a_malformed_order_becomes_an_invalid_order(mutate, reason):
    raw = raw_order()
    mutate(raw)
    parsed = parse_or_invalid(raw)
    assert isinstance(parsed, InvalidOrder)
    assert reason in parsed.reason


def test_list_orders_searches_update_windows_with_overlap_pages_and_dedups(rsps, monkeypatch):
    monkeypatch.setattr(order_search, "SLICE_READERS", 1)  # each window walked whole: the responses come in order
    client, _ = make_client()
    start, end = utc(NOW - 9 * 86400), utc(NOW)
    # window 1 (7 days): two pages; the second page repeats an order that moved during paging
    rsps.add(responses.POST, SEARCH, json=ok({"orders": [raw_order("1"), raw_order("2")], "next_page_token": "a+b/c=",
                                              "total_count": 3}))
    rsps.add(responses.POST, SEARCH, json=ok({"orders": [raw_order("2"), raw_order("3", status="BOGUS")]}))
    # window 2: overlaps window 1, repeats order 3 and brings order 4
    rsps.add(responses.POST, SEARCH, json=ok({"orders": [raw_order("3"), raw_order("4")]}))
    progress = []
    pages = list(client.list_orders(start, end, progress=lambda d, t, m: progress.append(d)))

    ids = [o.order_id for page in pages for o in page]
    # each order once across pages and overlapping windows; an unreadable copy does not hide a readable one
    assert ids == ["1", "2", "3", "3", "4"]
    assert isinstance(pages[1][0], InvalidOrder) and "BOGUS" in pages[1][0].reason
    assert pages[2][0].state is OrderState.ACKNOWLEDGED
    bodies = [body_of(c) for c in rsps.calls]
    assert bodies[0] == {"update_time_ge": int((start - timedelta(minutes=10)).timestamp()),
                         "update_time_lt": int((start + timedelta(days=7)).timestamp())}
    assert bodies[2]["update_time_ge"] == int((start + timedelta(days=7, minutes=-10)).timestamp())
    assert bodies[2]["update_time_lt"] == int(end.timestamp())
    assert query_of(rsps.calls[1])["page_token"] == "a+b/c="  # opaque token sent back intact
    assert query_of(rsps.calls[0])["sort_field"] == "update_time"
    for call in rsps.calls:
        assert_signed(call)
    assert progress[-1] == 5


def test_list_orders_reads_slices_of_a_window_side_by_side_and_hands_them_on_in_time_order(rsps):
    client, _ = make_client()
    start, end = utc(NOW - 2 * 86400), utc(NOW)
    in_flight, most = [0], [0]
    lock = threading.Lock()

    def search(request):
        body = json.loads(request.body)
        with lock:
            in_flight[0] += 1
            most[0] = max(most[0], in_flight[0])
        time.sleep(0.05)  # a network: the slices' requests overlap
        with lock:
            in_flight[0] -= 1
        # each slice holds two orders, over two pages; the orders are named after the slice's start
        name = str(body["update_time_ge"])
        token = query_of(type("C", (), {"request": request})()).get("page_token")
        if token is None:
            return 200, {}, json.dumps(ok({"orders": [raw_order(f"{name}-1")], "next_page_token": f"{name}-p2"}))
        return 200, {}, json.dumps(ok({"orders": [raw_order(f"{name}-2")]}))

    rsps.add_callback(responses.POST, SEARCH, callback=search)
    pages = list(client.list_orders(start, end))

    ids = [o.order_id for page in pages for o in page]
    lows = sorted({body_of(c)["update_time_ge"] for c in rsps.calls})
    assert len(lows) == order_search.SLICE_READERS and most[0] > 1  # the slices were read at the same time
    assert ids == [f"{low}-{n}" for low in lows for n in (1, 2)]  # in time order, each slice's pages in order
    spans = sorted((body_of(c)["update_time_ge"], body_of(c)["update_time_lt"]) for c in rsps.calls)
    assert spans[0][0] == int((start - timedelta(minutes=10)).timestamp()) and spans[-1][1] == int(end.timestamp())
    slices = spans[::2]  # two pages each
    for (_ge, lt), (next_ge, _lt) in zip(slices, slices[1:], strict=False):  # every slice reaches back
        assert next_ge == lt - 600  # into the one before it, and none is left out


def test_list_orders_stops_when_cancelled(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, SEARCH, json=ok({"orders": [raw_order("1")], "next_page_token": "t"}))
    pages = list(client.list_orders(utc(NOW - 3600), utc(NOW), cancel=lambda: len(rsps.calls) >= 1))
    assert len(pages) == 1 and len(rsps.calls) == 1


def test_get_orders_reads_details_in_batches_of_50(rsps):
    client, _ = make_client()
    ids = [str(1000 + i) for i in range(120)]

    def detail(request):
        wanted = query_of(type("C", (), {"request": request})())["ids"].split(",")
        return 200, {}, __import__("json").dumps(ok({"orders": [raw_order(i) for i in wanted]}))

    rsps.add_callback(responses.GET, DETAIL, callback=detail)
    orders = client.get_orders(ids)
    assert [o.order_id for o in orders] == ids
    sizes = [len(query_of(c)["ids"].split(",")) for c in rsps.calls]
    assert sizes == [50, 50, 20]


def _asked(request) -> list[str]:
    return query_of(type("C", (), {"request": request})())["ids"].split(",")


def test_order_details_are_read_side_by_side_and_come_back_in_the_order_asked(rsps):
    client, _ = make_client()
    ids = [str(1000 + i) for i in range(120)]  # three calls: 50, 50, 20
    together = threading.Barrier(3, timeout=30)  # broken (the test fails) unless the three calls are out at once
    answered = {n: threading.Event() for n in range(3)}

    def detail(request):
        wanted = _asked(request)
        n = ids.index(wanted[0]) // 50
        together.wait()
        if n < 2:
            answered[n + 1].wait(30)  # the last call is answered first, the first call last
        answered[n].set()
        return 200, {}, json.dumps(ok({"orders": [raw_order(i) for i in wanted]}))

    rsps.add_callback(responses.GET, DETAIL, callback=detail)
    assert [o.order_id for o in client.get_orders(ids)] == ids
    assert sorted(len(_asked(c.request)) for c in rsps.calls) == [20, 50, 50]


def test_order_details_a_call_refused_for_the_rate_limit_is_waited_out_and_sent_again(rsps):
    client, sleeps = make_client()
    ids = [str(1000 + i) for i in range(120)]
    refused: list[str] = []

    def detail(request):
        wanted = _asked(request)
        if wanted[0] == ids[50] and not refused:
            refused.append(wanted[0])
            return 429, {}, json.dumps(fail(36009002, "Too many requests"))
        return 200, {}, json.dumps(ok({"orders": [raw_order(i) for i in wanted]}))

    rsps.add_callback(responses.GET, DETAIL, callback=detail)
    assert [o.order_id for o in client.get_orders(ids)] == ids
    assert refused and len(rsps.calls) == 4 and sleeps  # the refused call backed off and went again
    assert sorted(len(_asked(c.request)) for c in rsps.calls) == [20, 50, 50, 50]


def test_order_details_a_call_refused_ends_the_whole_read_with_the_first_refusal(rsps):
    # As when the calls went one after another: nothing half read is returned, and the error is the first call's
    # in the order asked, whichever answer came first.
    client, _ = make_client()
    ids = [str(1000 + i) for i in range(150)]
    last_refused = threading.Event()

    def detail(request):
        wanted = _asked(request)
        n = ids.index(wanted[0]) // 50
        if n == 1:
            last_refused.wait(30)
            return 200, {}, json.dumps(fail(21011001, "order 1050 is not valid"))
        if n == 2:
            last_refused.set()
            return 200, {}, json.dumps(fail(21011002, "order 1100 is not valid"))
        return 200, {}, json.dumps(ok({"orders": [raw_order(i) for i in wanted]}))

    rsps.add_callback(responses.GET, DETAIL, callback=detail)
    with pytest.raises(MarketplaceError) as refused:
        client.get_orders(ids)
    assert refused.value.error_code == "21011001"
    with pytest.raises(MarketplaceError) as refused:
        client.order_details(ids[:100])
    assert refused.value.error_code == "21011001"


def test_get_order_by_id_or_invoice_and_not_found(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order("77")]}))
    assert client.get_order(invoice="77").order_id == "77"
    rsps.replace(responses.GET, DETAIL, json=ok({"orders": []}))
    with pytest.raises(MarketplaceError, match="not found"):
        client.get_order("78")


def test_acknowledge_is_not_a_step_here():
    client, _ = make_client()
    with pytest.raises(MarketplaceError, match="no acknowledge step"):
        client.acknowledge("1")


def test_from_channel_uses_the_row_and_default_hosts(database):
    from tokodesk.store import models as m

    row = m.Channel.create(name="toko", marketplace="tiktokshop", app_key="6abc123", service_id="svc",
                           shop_cipher="GCP_1", warehouse_id="wh-2")
    client = TikTokShopClient.from_channel(row, app_secret="s")
    assert client.api.api_base == "https://open-api.tiktokglobalshop.com"
    assert client.tokens.auth_url == "https://auth.tiktok-shops.com"
    assert client.shop_cipher == "GCP_1" and client.preferred_warehouse == "wh-2"
