"""Every endpoint of the Tokopedia client: the request it sends and what it makes of the answer."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from tokodesk import config
from tokodesk.marketplace.base import (
    AuthError,
    CancelRequest,
    InvalidOrder,
    Marketplace,
    MarketplaceError,
    Order,
    OrderState,
    ShipMethod,
)
from tokodesk.marketplace.tokopedia import TokopediaClient, reasons
from tokodesk.marketplace.tokopedia.reasons import InvalidCancelRequest

from .test_tokopedia_support import (  # noqa: F401 - fixtures
    API,
    FS_ID,
    SHOP_ID,
    SINGLE_ORDER,
    api_calls,
    body_of,
    envelope,
    error_envelope,
    fixture_client,
    fixture_clock,
    fixture_rsps,
    list_order,
    product,
)

UTC = timezone.utc
ORDERS_URL = f"{API}/v2/order/list"
ORDER_URL = f"{API}/v2/fs/{FS_ID}/order"
PRODUCTS_URL = f"{API}/inventory/v1/fs/{FS_ID}/product/info"
BOOKING_URL = f"{API}/v1/fs/{FS_ID}/fulfillment_order"


def query(call) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(call.request.url).query).items()}


def order(order_id: str = "42", state: OrderState = OrderState.ACKNOWLEDGED, **kw) -> Order:
    return Order(order_id, "INV/1", "400", state, datetime(2024, 5, 1, tzinfo=UTC), courier="JNE", **kw)


def test_satisfies_the_marketplace_protocol_and_capabilities(client):
    assert isinstance(client, Marketplace)
    caps = client.capabilities
    assert (caps.marketplace, caps.display_name, caps.has_acknowledge, caps.has_booking_code) == (
        "tokopedia", "Tokopedia", True, True)
    assert caps.label_format.value == "html" and caps.handover.value == "per_order"
    assert not caps.cancel_by_reason_name and caps.stock_batch_max == 100
    assert caps.order_window_max < timedelta(days=3)


def test_from_channel_takes_the_store_row(database):
    from tokodesk.store.models import Channel

    row = Channel.create(name="toko1", marketplace="tokopedia", fs_id="13004", client_id="cid", shop_id="479573")
    c = TokopediaClient.from_channel(row, client_secret="x-secret")
    assert (c.channel_name, c.fs_id, c.shop_id, c.http.client_id) == ("toko1", "13004", "479573", "cid")
    assert c.http.api_base == config.TOKOPEDIA_API_BASE


def test_from_channel_defaults_to_production_hosts():
    row = SimpleNamespace(name="toko1", fs_id="13004", client_id="cid", shop_id="479573", api_base="", auth_url="")
    c = TokopediaClient.from_channel(row, client_secret="x-secret")
    assert c.http.api_base == config.TOKOPEDIA_API_BASE and c.http.auth_url == config.TOKOPEDIA_AUTH_URL
    assert (c.fs_id, c.shop_id) == ("13004", "479573")
    row.api_base, row.auth_url = "http://127.0.0.1:9/", "http://127.0.0.1:9"
    c = TokopediaClient.from_channel(row, client_secret="x-secret")
    assert c.http.api_base == "http://127.0.0.1:9"


# -- orders ----------------------------------------------------------------------------------------------------

def test_list_orders_request_and_pagination_until_empty(client, rsps):
    rsps.add(responses.GET, ORDERS_URL, json=envelope([list_order(1), list_order(2)]))
    rsps.add(responses.GET, ORDERS_URL, json=envelope([list_order(3)]))
    rsps.add(responses.GET, ORDERS_URL, json=envelope([]))
    start = datetime(2024, 5, 1, tzinfo=UTC)
    pages = list(client.list_orders(start, start + timedelta(hours=6)))
    assert [[o.order_id for o in p] for p in pages] == [["1", "2"], ["3"]]
    calls = api_calls(rsps)
    assert [query(c)["page"] for c in calls] == ["1", "2", "3"]
    q = query(calls[0])
    assert q == {"fs_id": FS_ID, "from_date": str(int(start.timestamp())),
                 "to_date": str(int(start.timestamp()) + 6 * 3600), "page": "1", "per_page": "100",
                 "shop_id": SHOP_ID}
    assert calls[0].request.method == "GET"


def test_list_orders_stops_on_null_data(client, rsps):
    rsps.add(responses.GET, ORDERS_URL, json=envelope([list_order(1)]))
    rsps.add(responses.GET, ORDERS_URL, json=envelope(None))
    start = datetime(2024, 5, 1, tzinfo=UTC)
    assert [len(p) for p in client.list_orders(start, start + timedelta(days=1))] == [1]
    assert len(api_calls(rsps)) == 2


def test_long_range_is_split_into_windows_under_three_days(client, rsps):
    rsps.add(responses.GET, ORDERS_URL, json=envelope([]))
    start = datetime(2024, 5, 1, tzinfo=UTC)
    list(client.list_orders(start, start + timedelta(days=7)))
    spans = [(int(query(c)["from_date"]), int(query(c)["to_date"])) for c in api_calls(rsps)]
    assert len(spans) == 3
    assert spans[0][0] == int(start.timestamp()) and spans[-1][1] == int(start.timestamp()) + 7 * 86400
    assert all(b - a < 259200 for a, b in spans)
    assert all(spans[i][1] == spans[i + 1][0] for i in range(2))


def test_malformed_order_stays_in_the_page_and_duplicates_are_dropped(client, rsps):
    bad = list_order(2, create_time="yesterday")
    rsps.add(responses.GET, ORDERS_URL, json=envelope([list_order(1), bad, "junk"]))
    rsps.add(responses.GET, ORDERS_URL, json=envelope([list_order(1), list_order(3)]))  # 1 again at the boundary
    rsps.add(responses.GET, ORDERS_URL, json=envelope([]))
    start = datetime(2024, 5, 1, tzinfo=UTC)
    pages = list(client.list_orders(start, start + timedelta(hours=1)))
    first, second = pages
    assert first[0].order_id == "1" and isinstance(first[0], Order)
    assert isinstance(first[1], InvalidOrder) and first[1].order_id == "2" and "not a time" in first[1].reason
    assert isinstance(first[2], InvalidOrder)
    assert [o.order_id for o in second] == ["3"]


def test_order_list_keys_and_fs_id_as_int(client, rsps):
    raw = list_order(5, fs_id=13004)
    raw["buyer"] = {"name": "Lower Case"}
    rsps.add(responses.GET, ORDERS_URL, json=envelope([raw]))
    rsps.add(responses.GET, ORDERS_URL, json=envelope([]))
    start = datetime(2024, 5, 1, tzinfo=UTC)
    (page,) = list(client.list_orders(start, start + timedelta(hours=1)))
    assert page[0].buyer_name == "Lower Case"


def test_progress_and_cancel_between_requests(client, rsps):
    rsps.add(responses.GET, ORDERS_URL, json=envelope([list_order(1)]))
    seen = []
    start = datetime(2024, 5, 1, tzinfo=UTC)
    stop = {"now": False}
    gen = client.list_orders(start, start + timedelta(days=5), progress=lambda d, t, m: seen.append((d, t, m)),
                             cancel=lambda: stop["now"])
    next(gen)
    stop["now"] = True
    assert list(gen) == []
    assert len(api_calls(rsps)) == 1
    assert seen and seen[0][1] == 2 and "1 read" in seen[0][2]


def test_too_big_window_is_halved(client, rsps):
    rsps.add(responses.GET, ORDERS_URL, status=400,
             json=error_envelope("Error Data Order Too Big, Must Reduce Time Interval", "ORD_API_009"))
    rsps.add(responses.GET, ORDERS_URL, json=envelope([list_order(1)]))
    rsps.add(responses.GET, ORDERS_URL, json=envelope([]))
    start = datetime(2024, 5, 1, tzinfo=UTC)
    pages = list(client.list_orders(start, start + timedelta(days=2)))
    assert [o.order_id for p in pages for o in p] == ["1"]
    spans = [(int(query(c)["from_date"]), int(query(c)["to_date"])) for c in api_calls(rsps)]
    t0 = int(start.timestamp())
    assert spans[0] == (t0, t0 + 2 * 86400)
    assert spans[1][0] == t0 and spans[1][1] == t0 + 86400 and spans[-1][1] == t0 + 2 * 86400


def test_range_error_surfaces(client, rsps):
    rsps.add(responses.GET, ORDERS_URL, status=400,
             json=error_envelope("Date Range must be less than 3 days", "ORD_DLV_013"))
    start = datetime(2024, 5, 1, tzinfo=UTC)
    with pytest.raises(MarketplaceError, match="less than 3 days"):
        list(client.list_orders(start, start + timedelta(days=1)))


def test_get_order_by_id_and_by_invoice(client, rsps):
    rsps.add(responses.GET, ORDER_URL, json=envelope(SINGLE_ORDER))
    o = client.get_order(order_id="12345678")
    assert o.order_id == "12345678" and o.state is OrderState.ACKNOWLEDGED and o.awb == "SCP000111222"
    o2 = client.get_order(invoice="INV/20170720/XVII/VII/12472252")
    assert o2.invoice == "INV/20170720/XVII/VII/12472252"
    q1, q2 = (query(c) for c in api_calls(rsps))
    assert q1 == {"order_id": "12345678"} and q2 == {"invoice_num": "INV/20170720/XVII/VII/12472252"}
    assert "INV%2F20170720" in api_calls(rsps)[1].request.url
    with pytest.raises(ValueError, match="either an order ID or an invoice"):
        client.get_order()


def test_get_order_not_found(client, rsps):
    rsps.add(responses.GET, ORDER_URL, status=400, json=error_envelope("Data Not Found", "ORD_API_008"))
    with pytest.raises(MarketplaceError) as info:
        client.get_order(order_id="9")
    assert info.value.error_code == "ORD_API_008"


def _orders_by_id(rsps, answers: dict) -> None:
    """The order endpoint answering by the `order_id` asked for (the reads go out side by side, in any order)."""
    import json

    def answer(request):
        wanted = parse_qs(urlsplit(request.url).query)["order_id"][0]
        status, body = answers[wanted]
        return status, {}, json.dumps(body)

    rsps.add_callback(responses.GET, ORDER_URL, callback=answer)


def test_get_orders_reads_each_order_once_and_leaves_out_an_unknown_one(client, rsps, caplog):
    other = dict(SINGLE_ORDER, order_id=777, order_status=500)
    _orders_by_id(rsps, {"12345678": (200, envelope(SINGLE_ORDER)),
                         "1": (400, error_envelope("Data Not Found", "ORD_API_008")),
                         "777": (200, envelope(other))})
    got = client.get_orders(["12345678", "1", "777", "777"])
    # in the order asked for, whichever answer came first
    assert [(o.order_id, o.state) for o in got] == [("12345678", OrderState.ACKNOWLEDGED),
                                                    ("777", OrderState.SHIPPED)]
    assert sorted(query(c)["order_id"] for c in api_calls(rsps)) == ["1", "12345678", "777"]
    assert "Tokopedia has no order 1 any more" in caplog.text


@pytest.mark.parametrize("refusal", [(401, "Unauthorized"), (400, "ORD_API_001")])
def test_get_orders_raises_any_other_error_and_stops_reading(client, rsps, refusal):
    status, code = refusal
    ids = [str(1000 + n) for n in range(60)]
    answers = {oid: (200, envelope(dict(SINGLE_ORDER, order_id=int(oid)))) for oid in ids}
    answers[ids[0]] = (status, error_envelope("Refused", code))  # the first read goes alone: nothing else is sent
    _orders_by_id(rsps, answers)
    with pytest.raises(MarketplaceError) as info:
        client.get_orders(ids)
    assert not isinstance(info.value, InvalidOrder)
    assert {query(c)["order_id"] for c in api_calls(rsps)} == {ids[0]}
    if status == 401:
        assert isinstance(info.value, AuthError)


def test_get_orders_sends_the_first_read_alone_only_until_the_quota_is_known(client, rsps):
    """The first read of a call goes alone only while the gate knows no quota for order reads; once an answer has
    taught it, the next call's reads all go side by side (a round trip less per status refresh on a real network)."""
    import json
    import threading

    quota = {"X-Ratelimit-Limit": "100 req/s (burst 100)", "X-Ratelimit-Remaining": "99"}
    arrived: list[str] = []
    second_arrived = threading.Event()
    alone: list[bool] = []

    def answer(request):
        wanted = parse_qs(urlsplit(request.url).query)["order_id"][0]
        arrived.append(wanted)
        if len(arrived) > 1:
            second_arrived.set()
        if wanted in ("2001", "3001"):  # the first of each call: held until another read comes (or 2 s pass)
            alone.append(not second_arrived.wait(2.0))
        return 200, quota, json.dumps(envelope(dict(SINGLE_ORDER, order_id=int(wanted))))

    rsps.add_callback(responses.GET, ORDER_URL, callback=answer)
    first = client.get_orders([str(2001 + n) for n in range(6)])
    assert len(first) == 6 and alone == [True]  # nothing known yet: the first read went alone
    arrived.clear()
    second_arrived.clear()
    again = client.get_orders([str(3001 + n) for n in range(6)])
    assert [o.order_id for o in again] == [str(3001 + n) for n in range(6)]
    assert alone == [True, False]  # the quota was known: another read went out beside the first


# -- products, stock reads, shop ---------------------------------------------------------------------------------

def test_list_products_pages_and_variants(client, rsps):
    # The child 12 comes before its parent 10; 11 comes after.
    rsps.add(responses.GET, PRODUCTS_URL, json=envelope([product(12, "Kaos L", "K-L", variant_child=True),
                                                         product(1, "Topi", "TOPI")]))
    rsps.add(responses.GET, PRODUCTS_URL, json=envelope([product(10, "Kaos", "", parent=True, children=[11, 12]),
                                                         product(11, "Kaos M", "K-M", variant_child=True)]))
    rsps.add(responses.GET, PRODUCTS_URL, json=envelope(None))
    got = {p.product_id: p for p in client.list_products()}
    assert set(got) == {"1", "10", "11", "12"}
    assert got["10"].is_parent and not got["10"].sellable
    assert got["11"].parent_id == "10" and got["12"].parent_id == "10" and got["12"].sku == "K-L"
    assert got["1"].parent_id is None and got["1"].stock == 10 and got["1"].price == 45000
    qs = [query(c) for c in api_calls(rsps)]
    assert qs[0] == {"shop_id": SHOP_ID, "page": "1", "per_page": "50"}
    assert [q["page"] for q in qs] == ["1", "2", "3"]


def test_list_products_ends_on_empty_list(client, rsps):
    rsps.add(responses.GET, PRODUCTS_URL, json=envelope([product(1, "Topi", "TOPI")]))
    rsps.add(responses.GET, PRODUCTS_URL, json=envelope([]))
    assert [p.sku for p in client.list_products()] == ["TOPI"]


def test_read_stock_in_chunks_of_comma_separated_ids(client, rsps):
    rsps.add(responses.GET, PRODUCTS_URL, json=envelope([product(1, sku="A", stock=4)]))
    rsps.add(responses.GET, PRODUCTS_URL, json=envelope([product(60, sku="B", stock=0)]))
    levels = client.read_stock([str(i) for i in range(1, 61)])
    assert [(s.product_id, s.sku, s.quantity) for s in levels] == [("1", "A", 4), ("60", "B", 0)]
    q1, q2 = (query(c) for c in api_calls(rsps))
    assert q1["product_id"] == ",".join(str(i) for i in range(1, 51))
    assert q2["product_id"] == ",".join(str(i) for i in range(51, 61))


def test_shop_info_with_warehouses(client, rsps):
    data = [{"shop_id": 1, "shop_name": "Other"},
            {"shop_id": int(SHOP_ID), "user_id": 5, "shop_name": "Toko Budi", "shop_url": "https://t/budi",
             "is_open": 0, "warehouses": [
                 {"warehouse_id": 1234, "warehouse_name": "Gudang Utama", "is_default": 1,
                  "partner_id": {"Int64": 0, "Valid": False}},
                 {"warehouse_id": 1235, "warehouse_name": "Cabang", "is_default": 0}]}]
    rsps.add(responses.GET, f"{API}/v1/shop/fs/{FS_ID}/shop-info", json=envelope(data))
    shop = client.shop_info()
    assert (shop.shop_id, shop.name, shop.is_open) == (SHOP_ID, "Toko Budi", False)
    assert [(w.warehouse_id, w.name, w.is_default) for w in shop.warehouses] == [
        ("1234", "Gudang Utama", True), ("1235", "Cabang", False)]
    assert query(api_calls(rsps)[0]) == {"shop_id": SHOP_ID}


def test_shop_not_among_linked_shops(client, rsps):
    rsps.add(responses.GET, f"{API}/v1/shop/fs/{FS_ID}/shop-info", json=envelope([{"shop_id": 1}]))
    with pytest.raises(AuthError, match="not linked to your FS ID / app"):
        client.shop_info()


# -- order actions -------------------------------------------------------------------------------------------------

def test_acknowledge_posts_to_ack(client, rsps):
    rsps.add(responses.POST, f"{API}/v1/order/42/fs/{FS_ID}/ack", json=envelope("success"))
    client.acknowledge("42")
    (call,) = api_calls(rsps)
    assert call.request.method == "POST" and call.request.url == f"{API}/v1/order/42/fs/{FS_ID}/ack"


def test_ack_refused_by_status(client, rsps):
    rsps.add(responses.POST, f"{API}/v1/order/42/fs/{FS_ID}/ack", status=400,
             json=error_envelope("Order status is not eligible to accept", "ORD_USC_001"))
    with pytest.raises(MarketplaceError, match="can no longer be accepted") as info:
        client.acknowledge("42")
    assert info.value.error_code == "ORD_USC_001"


def test_reject_sends_reason_body(client, rsps):
    rsps.add(responses.POST, f"{API}/v1/order/42/fs/{FS_ID}/nack", json=envelope("success"))
    client.reject(order(state=OrderState.NEW), CancelRequest(reasons.BY_CODE["1"], "Stok habis"))
    (call,) = api_calls(rsps)
    assert body_of(call) == {"reason_code": 1, "reason": "Stok habis"}
    assert call.request.headers["Content-Type"] == "application/json"


def test_reject_is_validated_before_sending(client, rsps):
    with pytest.raises(InvalidCancelRequest, match="date the shop opens again"):
        client.reject(order(state=OrderState.NEW), CancelRequest(reasons.BY_CODE["4"], "Tutup", None, "Libur"))
    assert api_calls(rsps) == []


def test_cancel_reasons_follow_state(client):
    assert [r.code for r in client.cancel_reasons(order(state=OrderState.NEW))][:3] == ["1", "2", "3"]
    assert client.cancel_reasons(order(state=OrderState.SHIPPED)) == []


def test_pickup_waits_five_seconds_after_ack(client, rsps, clock):
    rsps.add(responses.POST, f"{API}/v1/order/42/fs/{FS_ID}/ack", json=envelope("success"))
    rsps.add(responses.POST, f"{API}/inventory/v1/fs/{FS_ID}/pick-up",
             json=envelope({"order_id": 42, "shop_id": int(SHOP_ID), "request_time": "2018-06-12 10:24:00",
                            "result": "Terima kasih telah melakukan pengiriman."}))
    client.acknowledge("42")
    clock.now += 2
    info = client.ship(order(), ShipMethod.PICKUP)
    assert clock.waits == [pytest.approx(3.0)]
    pickup = api_calls(rsps)[-1]
    assert pickup.request.method == "POST" and body_of(pickup) == {"order_id": 42, "shop_id": int(SHOP_ID)}
    assert info.order_id == "42" and info.courier == "JNE"


def test_own_courier_confirms_shipping_with_awb(client, rsps):
    rsps.add(responses.POST, f"{API}/v1/order/42/fs/{FS_ID}/status", json=envelope("Success"))
    info = client.ship(order(), ShipMethod.OWN_COURIER, awb="  JP1234567890 ")
    assert body_of(api_calls(rsps)[0]) == {"order_status": 500, "shipping_ref_num": "JP1234567890"}
    assert (info.awb, info.marketplace_status) == ("JP1234567890", "500")


def test_own_courier_without_awb_is_refused_locally(client, rsps):
    with pytest.raises(ValueError, match="Type the AWB"):
        client.ship(order(), ShipMethod.OWN_COURIER, awb="  ")
    assert api_calls(rsps) == []


def _booking(order_id: int, code: str) -> dict:
    return envelope({"order_data": [{"order": {"order_id": order_id, "order_status": 400,
                                                "invoice_number": "INV/1"},
                                      "order_history": [], "order_detail": [],
                                      "booking_data": {"order_id": order_id, "booking_code": code,
                                                       "booking_status": 200}}],
                     "next_order_id": 0, "first_order_id": order_id})


def test_dropoff_makes_no_call_but_fetches_the_booking_code(client, rsps):
    rsps.add(responses.GET, BOOKING_URL, json=_booking(42, "000213552920"))
    info = client.ship(order(), ShipMethod.DROPOFF)
    assert info.booking_code == "000213552920"
    (call,) = api_calls(rsps)
    assert call.request.method == "GET" and query(call) == {"order_id": "42"}


def test_dropoff_without_booking_code_says_so(client, rsps):
    rsps.add(responses.GET, BOOKING_URL, json=_booking(42, ""))
    with pytest.raises(MarketplaceError, match="not issued a booking code") as info:
        client.ship(order(), ShipMethod.DROPOFF)
    assert info.value.retryable
    assert client.booking_code("42") is None


def test_shipping_label_is_html_and_not_marked_printed_unless_asked(client, rsps):
    url = f"{API}/v1/order/42/fs/{FS_ID}/shipping-label"
    rsps.add(responses.GET, url, body=b"<html><body>000213552920</body></html>", content_type="text/html")
    label = client.shipping_label(order(awb="JNE1"))
    assert label.content.startswith(b"<html>") and label.content_type == "text/html"
    assert label.tracking_number == "JNE1"
    client.shipping_label(order(), mark_printed=True)
    assert [query(c)["printed"] for c in api_calls(rsps)] == ["0", "1"]


def test_shipping_label_error_comes_as_json(client, rsps):
    rsps.add(responses.GET, f"{API}/v1/order/42/fs/{FS_ID}/shipping-label", status=400,
             json=error_envelope("Data Not Found", "ORD_API_008"))
    with pytest.raises(MarketplaceError, match="Tokopedia found no data"):
        client.shipping_label(order())
