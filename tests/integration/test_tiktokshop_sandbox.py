"""The Tokopedia & Shop adapter against the sandbox's TikTok Shop dialect, over loopback.

Authorize through the consent page, pull orders and products, ship, print the PDF label, cancel, answer buyer
cancellation requests, push and reconcile stock, and live through a token that expires mid-run.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
import requests

from tokodesk import credentials
from tokodesk.marketplace.base import (
    AuthError,
    CancelRequest,
    InvalidOrder,
    MarketplaceError,
    OrderState,
    ShipMethod,
    StockRow,
)
from tokodesk.marketplace.tiktokshop import TikTokShopClient
from tokodesk.marketplace.tiktokshop.signing import sign_request
from tokodesk.sandbox import Sandbox, Status
from tokodesk.sandbox import tiktokshop_json as tj


@pytest.fixture
def sb():
    with Sandbox(seed=5, products=16, orders=80, dialect="tiktokshop", freeze_clock=True) as sandbox:
        yield sandbox


def new_client(sb: Sandbox, cipher: str = "", **kwargs) -> TikTokShopClient:
    c = sb.credentials
    kwargs.setdefault("app_secret", c["app_secret"])
    return TikTokShopClient("toko", c["app_key"], c["service_id"], cipher, sb.url, sb.url, timeout=10,
                            sleep=sb.clock.advance, **kwargs)


@pytest.fixture
def client(sb):
    cl = new_client(sb)
    consent = requests.get(cl.consent_url(state="csrf1"), allow_redirects=False, timeout=10)
    shops = cl.authorize(consent.headers["Location"])
    cl.use_shop(shops[0].cipher)
    yield cl
    cl.close()


def shop_now(sb: Sandbox) -> datetime:
    return datetime.fromtimestamp(sb.clock.now(), tz=timezone.utc)


def pull(client: TikTokShopClient, sb: Sandbox, days: float = 8) -> list:
    end = shop_now(sb) + timedelta(minutes=1)
    return [o for page in client.list_orders(end - timedelta(days=days), end) for o in page]


def to_ship(sb: Sandbox, client: TikTokShopClient):
    for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED):
        if not o.courier.own and o.cancel_request is None and sb.dialect.order_status(o) == "AWAITING_SHIPMENT":
            return client.get_order(tj.order_id(o))
    raise AssertionError("the generated shop has no order to ship")


def test_authorize_through_the_consent_page_and_read_the_shop(sb, client):
    location = requests.get(client.consent_url(state="csrf2"), allow_redirects=False, timeout=10).headers["Location"]
    assert "state=csrf2" in location and "code=" in location
    token = credentials.load_token("toko")
    assert token.refresh_token and token.expires_at > datetime.now(timezone.utc) + timedelta(days=1)
    assert token.extra["seller_name"] == sb.shop.shop_name
    shop = client.shop_info()
    assert shop.shop_id == str(sb.shop.shop_id) and shop.region == "ID"
    assert [w.warehouse_id for w in shop.warehouses] == [str(sb.shop.warehouse_id)]
    assert shop.warehouses[0].collection_method == "PICKUP"


def test_a_code_works_once(sb):
    cl = new_client(sb)
    code = sb.dialect.issue_auth_code()
    cl.authorize(code)
    with pytest.raises(AuthError, match="works once"):
        cl.authorize(code)


def test_pull_orders_with_units_folded_back_into_quantities(sb, client):
    orders = pull(client, sb)
    assert not [o for o in orders if isinstance(o, InvalidOrder)]
    assert len(orders) == len({o.order_id for o in orders}) == len(sb.shop.orders)
    for order in orders:
        shop_order = sb.order(tj.decode(order.order_id, tj.ORDER_BASE))
        assert Counter({line.sku_id: line.quantity for line in order.lines}) == Counter(
            {str(tj.SKU_BASE + line.product_id): line.quantity for line in shop_order.lines})
        assert order.total_amount == shop_order.total
        assert order.commerce_platform in ("TOKOPEDIA", "TIKTOK_SHOP")
    states = Counter(o.state for o in orders)
    assert states[OrderState.ACKNOWLEDGED] > 0 and states[OrderState.SHIPPED] > 0
    assert OrderState.NEW not in states  # no acknowledge step on this marketplace


def test_ship_label_and_the_parcel_moves_on(sb, client):
    sb.dialect.label_generating_calls = 1  # the first label request answers "still generating"
    order = to_ship(sb, client)
    info = client.ship(order, ShipMethod.PICKUP)
    assert info.marketplace_status == "AWAITING_COLLECTION" and info.awb
    fresh = client.get_order(order.order_id)
    assert fresh.state is OrderState.AWAITING_PICKUP and fresh.awb == info.awb

    label = client.shipping_label(fresh)
    assert label.content.startswith(b"%PDF") and label.content_type == "application/pdf"
    assert label.tracking_number == info.awb
    assert b"TikTok" not in label.content  # Indonesian branding: the label says "Tokopedia & Shop"

    sb.advance(3 * 3600)
    assert client.get_order(order.order_id).state is OrderState.SHIPPED  # IN_TRANSIT
    with pytest.raises(MarketplaceError, match="after the courier has picked"):
        client.shipping_label(fresh)
    sb.advance(3 * 86400)
    assert client.get_order(order.order_id).state in (OrderState.DELIVERED, OrderState.COMPLETED)


def test_shipping_twice_never_ships_twice(sb, client):
    order = to_ship(sb, client)
    client.ship(order, ShipMethod.PICKUP)
    again = client.ship(order, ShipMethod.PICKUP)  # the stale copy says AWAITING_SHIPMENT; the marketplace knows
    assert again.marketplace_status == "AWAITING_COLLECTION"
    assert sb.order(tj.decode(order.order_id, tj.ORDER_BASE)).pickups == 1


def test_a_lost_ship_answer_is_resolved_by_reading_the_order(sb, client):
    order = to_ship(sb, client)
    sb.faults.force("ship", "lost")
    info = client.ship(order, ShipMethod.PICKUP)
    assert info.marketplace_status == "AWAITING_COLLECTION"
    assert sb.order(tj.decode(order.order_id, tj.ORDER_BASE)).pickups == 1


def test_own_courier_ships_with_its_awb(sb, client):
    # The subject is made, not searched for: any open order, put on the shop's own courier and accepted now (so it
    # is AWAITING_SHIPMENT whatever its age, remorse window or courier). Whether the generated shop happens to hold
    # a platform-courier order waiting for shipping must not decide this test.
    own = next(c for c in sb.shop.couriers if c.own)
    subject = sb.orders_in_status(Status.PAID, Status.ACCEPTED)[0].order_id
    with sb.shop.lock:
        sb.order(subject).courier = own
        sb.order(subject).cancel_request = None
    sb.shop.force_status(subject, Status.ACCEPTED, actor="seller")
    order = client.get_order(tj.order_id(sb.order(subject)))
    assert order.marketplace_status == "AWAITING_SHIPMENT"
    with pytest.raises(MarketplaceError, match="enter its AWB"):
        client.ship(order, ShipMethod.PICKUP)
    client.ship(order, ShipMethod.OWN_COURIER, awb="KURIR-0001")
    fresh = client.get_order(order.order_id)
    assert fresh.state is OrderState.SHIPPED and fresh.awb == "KURIR-0001"


def test_on_hold_orders_are_not_shipped(sb, client):
    sb.dialect.on_hold_seconds = 10**9  # every paid order is still in the buyer's remorse window
    held = next(o for o in sb.orders_in_status(Status.PAID) if not o.courier.own)
    order = client.get_order(tj.order_id(held))
    assert order.state is OrderState.ON_HOLD and order.recipient.address == ""  # address withheld while on hold
    with pytest.raises(MarketplaceError, match="on hold"):
        client.ship(order, ShipMethod.PICKUP)
    assert sb.order(held.order_id).status == Status.PAID


def test_batch_ship(sb, client):
    ready = [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)
             if not o.courier.own and o.cancel_request is None and sb.dialect.order_status(o) == "AWAITING_SHIPMENT"]
    orders = client.get_orders([tj.order_id(o) for o in ready[:3]])
    results = client.ship_many(orders, ShipMethod.PICKUP)
    assert all(not isinstance(r, Exception) and r.awb for r in results.values()), results
    assert {sb.order(o.order_id).status for o in ready[:3]} == {Status.AWAITING_PICKUP}


def test_seller_cancel_with_a_reason_for_the_status(sb, client):
    order = to_ship(sb, client)
    shop_order = sb.order(tj.decode(order.order_id, tj.ORDER_BASE))
    stock_before = {line.product_id: sb.shop.products[line.product_id].stock for line in shop_order.lines}
    reasons = client.cancel_reasons(order)
    assert [r.code for r in reasons] == ["seller_cancel_reason_out_of_stock", "seller_cancel_reason_wrong_price"]
    client.reject(order, CancelRequest(reasons[0]))
    assert client.get_order(order.order_id).state is OrderState.CANCELLED
    for line in shop_order.lines:  # cancelled stock is back on the shelf
        assert sb.shop.products[line.product_id].stock == stock_before[line.product_id] + line.quantity


def test_buyer_cancellation_requests_approved_and_rejected(sb, client):
    accepted = [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED) if not o.courier.own][:2]
    with sb.shop.lock:
        for o in accepted:
            o.cancel_request = {"reason": "Berubah pikiran", "time": sb.clock.now()}
    requests_ = client.cancellation_requests()
    by_order = {r.order_id: r for r in requests_}
    first, second = (by_order[tj.order_id(o)] for o in accepted)
    assert first.pending and first.reason_text == "Berubah pikiran"
    assert client.get_order(first.order_id).state is OrderState.ACKNOWLEDGED

    client.approve_cancellation(first.cancel_id)
    assert client.get_order(first.order_id).state is OrderState.CANCELLED

    offered = client.cancellation_reject_reasons(second.cancel_id)
    assert "seller_reject_apply_product_has_been_packed" in [r.code for r in offered]
    client.reject_cancellation(second.cancel_id, "seller_reject_apply_product_has_been_packed", "Sudah dikemas")
    assert client.get_order(second.order_id).state is OrderState.ACKNOWLEDGED
    assert client.cancellation_requests() == []


def test_stock_push_and_reconciliation(sb, client):
    products = list(client.list_products())
    sellable = [p for p in products if p.status == "ACTIVATE"]
    assert sellable and all(p.sku_id and p.parent_id for p in products)
    rows = [StockRow(p.product_id, p.sku, 10 + n, sku_id=p.sku_id, warehouse_ids=p.warehouse_ids)
            for n, p in enumerate(sellable[:5])]
    rows.append(StockRow(sellable[5].product_id, sellable[5].sku, 100_000, sku_id=sellable[5].sku_id))
    result = client.update_stock(rows)
    assert [r.ok for r in result.rows] == [True] * 5 + [False]
    assert "out of the allowed range" in result.rows[5].message  # a per-SKU error inside a code-0 answer
    for n, p in enumerate(sellable[:5]):
        assert sb.shop.products[tj.decode(p.sku_id, tj.SKU_BASE)].stock == 10 + n

    levels = {lv.sku_id: lv.quantity for lv in client.read_stock([p.product_id for p in products])}
    truth = {tj.sku_id(p): p.stock for p in sb.shop.products.values() if not p.is_parent}
    assert levels == truth


def test_token_expiry_mid_run_refreshes_once_and_keeps_the_new_refresh_token(sb, client):
    before = credentials.load_token("toko")
    client.get_orders([tj.order_id(o) for o in list(sb.shop.orders.values())[:3]])
    sb.expire_tokens()
    orders = client.get_orders([tj.order_id(o) for o in list(sb.shop.orders.values())[:3]])
    assert len(orders) == 3
    after = credentials.load_token("toko")
    assert after.access_token != before.access_token and after.refresh_token != before.refresh_token
    assert sb.calls["token_refresh"] == 1
    # the old refresh token was used up by the rotation; a second client reading the keyring still works
    other = new_client(sb, client.shop_cipher)
    assert other.get_order(orders[0].order_id).order_id == orders[0].order_id


def test_a_wrong_app_secret_is_refused_with_clear_words(sb, client):
    wrong = new_client(sb, client.shop_cipher, app_secret="not-the-secret")
    with pytest.raises(AuthError, match="App secret"):
        wrong.shop_info()


def test_signature_and_timestamp_are_checked(sb, client):
    c = sb.credentials
    token = credentials.load_token("toko").access_token
    path = "/authorization/202309/shops"

    def call(ts: int, secret: str) -> dict:
        query = {"app_key": c["app_key"], "timestamp": str(ts)}
        query["sign"] = sign_request(secret, path, query)
        headers = {"x-tts-access-token": token, "content-type": "application/json"}
        return requests.get(sb.url + path, params=query, headers=headers, timeout=10).json()

    assert call(int(time.time()), c["app_secret"])["code"] == 0
    assert call(int(time.time()), "wrong")["code"] == 106001
    stale = call(int(time.time()) - 600, c["app_secret"])
    assert stale["code"] == 36009004 and "timestamp" in stale["message"]


def test_a_client_clock_off_by_minutes_corrects_itself(sb, client):
    skewed = new_client(sb, client.shop_cipher, clock=lambda: time.time() - 900)
    assert skewed.shop_info().shop_id == str(sb.shop.shop_id)
    assert 880 < skewed.api.skew_s < 920


def test_rate_limit_is_backed_off():
    with Sandbox(seed=5, products=8, orders=20, dialect="tiktokshop", freeze_clock=True,
                 rate_limit={"order_detail": 1.0}, rate_burst=1) as sb:
        cl = new_client(sb)
        cl.authorize(sb.dialect.issue_auth_code())
        cl.use_shop(sb.credentials["shop_cipher"])
        ids = [tj.order_id(o) for o in list(sb.shop.orders.values())[:2]]
        assert cl.get_order(ids[0]).order_id == ids[0]
        assert cl.get_order(ids[1]).order_id == ids[1]  # the second call meets 429, waits (shop clock), goes through
        statuses = [r.status for r in sb.request_log if r.endpoint == "order_detail"]
        assert 429 in statuses and statuses[-1] == 200


def test_server_faults_on_reads_are_retried(sb, client):
    sb.faults.force("order_detail", "error", 2)
    order = client.get_order(tj.order_id(next(iter(sb.shop.orders.values()))))
    assert order.order_id
