"""Property: any text in any field of an order, a product or a stock answer is stored, never stops the intake
(issue 15 §1).

Arbitrary unicode (lone surrogates sent as JSON "\\ud83d" escapes, NUL and other control characters, very long
strings) goes into every text field of the marketplace's JSON, for both dialects; the answer is served over HTTP
(`responses`) to the real client, read by the real parsing and stored by the real services, on SQLite and on
PostgreSQL. What must hold: the run is not failed, every order and product is stored (or, for a text the store
still cannot take, reported as failed by id while the others are stored), and what is stored reads back as valid
UTF-8 within its column.

EXAMPLES examples per database (the lead reports the count: see the `property examples` line the test prints).
"""

from __future__ import annotations

import itertools
import json
from datetime import datetime, timedelta

import pytest
import responses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.unit import test_tiktokshop_support as tts
from tests.unit import test_tokopedia_support as tkp
from tokodesk.services import catalog, reconciliation
from tokodesk.services import orders as order_service
from tokodesk.store import models as m

EXAMPLES = 100
_ids = itertools.count(1)
_ran: dict[str, int] = {}

ODD = ["\ud83d", "\udc00", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\r\n", "\n", "\t", "\u2028", "\ufeff", "\ufffd",
       "😀", "\u202e", "<b>", "&", "=cmd|", "'"]
# st.characters() never draws a surrogate: they come from their own range, and the odd pieces are mixed in whole.
pieces = st.one_of(st.characters(), st.integers(0xD800, 0xDFFF).map(chr), st.sampled_from(ODD))
short_texts = st.lists(pieces, max_size=30).map("".join)
texts = st.one_of(
    short_texts,
    st.builds(lambda head, n: head + "x" * n, short_texts, st.integers(250, 6000)),
)

TKP_FIELDS = ["invoice", "product_name", "notes", "sku", "buyer", "recipient", "phone", "address", "district",
              "city", "province", "postal", "courier", "service", "booking", "awb"]
TTS_FIELDS = ["buyer", "phone", "address", "postal", "district", "city", "province", "courier", "service",
              "product_name", "sku_name", "seller_sku", "note", "platform", "tracking"]


def _channel(marketplace: str) -> m.Channel:
    name = f"toko-{next(_ids)}"
    return m.Channel.create(name=name, marketplace=marketplace, order_sync_from=datetime(2024, 5, 1),
                            api_base=tkp.API if marketplace == "tokopedia" else tts.API)


def _check_stored(row_values: list[str]) -> None:
    for value in row_values:
        value.encode("utf-8")  # valid UTF-8: no lone surrogate made it into the store
        assert "\x00" not in value


def _count(key: str) -> None:
    _ran[key] = _ran.get(key, 0) + 1


@pytest.fixture(autouse=True, scope="module")
def _report_examples():
    yield
    for key, count in sorted(_ran.items()):
        print(f"\nproperty examples: {key}: {count}")


prop = settings(max_examples=EXAMPLES, deadline=None, derandomize=False,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])


@prop
@given(values=st.fixed_dictionaries({f: texts for f in TKP_FIELDS}))
def test_tokopedia_orders_and_products_with_any_text_are_stored(any_database, request, values):
    _count(f"tokopedia/{request.node.callspec.id}")
    channel = _channel("tokopedia")
    oid = 10_000_000 + next(_ids)
    v = values
    order = tkp.list_order(oid, invoice_ref_num=v["invoice"],
                           buyer={"Name": v["buyer"]},
                           recipient={"Name": v["recipient"], "phone": v["phone"],
                                      "address": {"address_full": v["address"], "district": v["district"],
                                                  "city": v["city"], "province": v["province"],
                                                  "postal_code": v["postal"]}},
                           logistics={"shipping_agency": v["courier"], "service_type": v["service"]},
                           booking_data={"booking_code": v["booking"]}, custom_fields={"awb": v["awb"]})
    for p in order["products"]:
        p.update(Name=v["product_name"], notes=v["notes"], sku=v["sku"])
    product = {"basic": {"productID": oid, "Name": v["product_name"], "status": 1}, "other": {"sku": v["sku"]},
               "price": {"value": 1000}, "stock": {"value": 3}}
    pages = {"orders": [json.dumps(tkp.envelope([order]))], "products": [json.dumps(tkp.envelope([product]))]}

    def serve(kind):
        def callback(request):
            queue = pages[kind]
            return (200, {"Content-Type": "application/json"}, queue.pop(0) if queue else json.dumps(tkp.envelope([])))
        return callback

    clock = tkp.FakeClock()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        tkp.add_token(rsps)
        rsps.add_callback(responses.GET, f"{tkp.API}/v2/order/list", callback=serve("orders"))
        rsps.add_callback(responses.GET, f"{tkp.API}/inventory/v1/fs/{tkp.FS_ID}/product/info",
                          callback=serve("products"))
        client = tkp.make_client(clock)
        summary = order_service.pull_orders(channel, client, now=datetime(2024, 5, 1, 12))
        skus = catalog.pull_skus(channel, client)
        # The stock answer: the same product read back for reconciliation.
        pages["products"] = [json.dumps(tkp.envelope([product]))] * 3
        levels = client.read_stock([str(oid)])
    assert summary.status == "ok", summary.errors
    assert (summary.created, summary.failed) == (1, 0)
    assert skus.status == "ok", skus.errors
    assert [lv.product_id for lv in levels] == [str(oid)]
    stored = m.Order.get((m.Order.channel == channel.id) & (m.Order.order_id == str(oid)))
    texts_back = [getattr(stored, f) for f in ("invoice", "buyer_name", "recipient_name", "recipient_phone",
                                               "recipient_address", "recipient_city", "courier", "service")]
    texts_back += [ln.name for ln in stored.lines] + [ln.sku for ln in stored.lines]
    texts_back += [p.name for p in m.Product.select().where(m.Product.channel == channel.id)]
    _check_stored(texts_back)
    assert all(len(t) <= 255 for t in texts_back if t is not stored.recipient_address)


@prop
@given(values=st.fixed_dictionaries({f: texts for f in TTS_FIELDS}))
def test_tiktokshop_orders_products_and_stock_with_any_text_are_stored(any_database, request, values):
    _count(f"tiktokshop/{request.node.callspec.id}")
    channel = _channel("tiktokshop")
    n = next(_ids)
    oid, sku_id = f"5770{n:012d}", f"sku-{n}"
    v = values
    order = tts.raw_order(
        order_id=oid, shipping_provider=v["courier"], delivery_option_name=v["service"], buyer_message=v["note"],
        commerce_platform=v["platform"], tracking_number=v["tracking"],
        recipient_address={"name": v["buyer"], "phone_number": v["phone"], "full_address": v["address"],
                           "postal_code": v["postal"], "district_info": [
                               {"address_level": "L1", "address_name": v["province"]},
                               {"address_level": "L2", "address_name": v["city"]},
                               {"address_level": "L3", "address_name": v["district"]}]},
        line_items=[{**tts.line_item(1, sku_id, v["seller_sku"]), "product_name": v["product_name"],
                     "sku_name": v["sku_name"]}],
    )
    product = {"id": f"prod-{n}", "title": v["product_name"], "status": "ACTIVATE", "skus": [
        {"id": sku_id, "seller_sku": v["seller_sku"], "price": {"sale_price": "1000"},
         "inventory": [{"warehouse_id": "wh-1", "quantity": 3}],
         "sales_attributes": [{"value_name": v["sku_name"]}]}]}
    stock = {"inventory": [{"product_id": f"prod-{n}", "skus": [
        {"id": sku_id, "seller_sku": v["seller_sku"], "total_available_quantity": 3,
         "warehouse_inventory": [{"warehouse_id": "wh-1", "available_quantity": 3}]}]}]}
    now = tts.utc(tts.NOW).replace(tzinfo=None)
    m.Channel.update(order_sync_from=now - timedelta(hours=2)).where(m.Channel.id == channel.id).execute()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        # json.dumps writes a lone surrogate as the "\ud83d" escape, as a marketplace sends a cut emoji.
        rsps.add(responses.POST, f"{tts.API}/order/202309/orders/search", body=json.dumps(tts.ok({"orders": [order]})),
                 content_type="application/json")
        rsps.add(responses.POST, f"{tts.API}/product/202502/products/search",
                 body=json.dumps(tts.ok({"products": [product]})), content_type="application/json")
        rsps.add(responses.POST, f"{tts.API}/product/202309/inventory/search", body=json.dumps(tts.ok(stock)),
                 content_type="application/json")
        client, _ = tts.make_client()
        channel = m.Channel.get_by_id(channel.id)
        summary = order_service.pull_orders(channel, client, now=now)
        skus = catalog.pull_skus(channel, client)
        m.StockItem.insert(seller_sku=f"S-{n}", on_hand=3).execute()
        m.SkuMapping.update(seller_sku=f"S-{n}").where(m.SkuMapping.product_id == sku_id).execute()
        outcome = reconciliation.reconcile(channel, client, fix=False)
    assert summary.status == "ok", summary.errors
    assert (summary.created, summary.failed) == (1, 0)
    assert skus.status == "ok", skus.errors
    assert outcome.report.checked >= 1 and outcome.report.status != "failed", outcome.report.error
    stored = m.Order.get((m.Order.channel == channel.id) & (m.Order.order_id == oid))
    texts_back = [getattr(stored, f) for f in ("buyer_name", "recipient_phone", "recipient_address",
                                               "recipient_city", "courier", "service", "buyer_note",
                                               "commerce_platform", "awb")]
    texts_back += [ln.name for ln in stored.lines] + [ln.sku for ln in stored.lines]
    texts_back += [p.name for p in m.Product.select().where(m.Product.channel == channel.id)]
    texts_back += [p.sku for p in m.Product.select().where(m.Product.channel == channel.id)]
    _check_stored([t for t in texts_back if t])
