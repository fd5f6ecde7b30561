"""The Tokopedia client against the sandbox over loopback: an order's whole life, a throttled stock push, a lost
answer that must not double-accept. The sandbox clock is frozen and only the client's waits move it, so the
rate limit is exact and the tests are fast."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tokodesk.marketplace.base import (
    CancelRequest,
    MarketplaceError,
    OrderState,
    OutcomeUnknown,
    ShipMethod,
    StockRow,
)
from tokodesk.marketplace.tokopedia import TokopediaClient, reasons

sandbox_mod = pytest.importorskip("tokodesk.sandbox")
Sandbox = sandbox_mod.Sandbox


def client_for(sb) -> TokopediaClient:
    cr = sb.credentials
    return TokopediaClient("sandbox", cr["fs_id"], cr["client_id"], cr["shop_id"], sb.url, sb.url,
                           client_secret=cr["client_secret"], timeout=10, sleep=sb.clock.advance,
                           clock=sb.clock.monotonic)


def _now(sb) -> datetime:
    return datetime.fromtimestamp(sb.clock.now(), timezone.utc)


@pytest.fixture
def sb():
    with Sandbox(seed=11, orders=120, products=60, freeze_clock=True) as box:
        yield box


def _new_orders(sb, own: bool = False) -> list[int]:
    """Orders to accept, the latest deadline first (so moving the clock on does not cancel them)."""
    orders = [o for o in sb.orders_in_status(220) if o.courier.own == own]
    return [o.order_id for o in sorted(orders, key=lambda o: o.accept_deadline, reverse=True)]


def test_pull_sees_every_order_once(sb):
    client = client_for(sb)
    now = _now(sb)
    pulled = [o for page in client.list_orders(now - timedelta(days=8), now + timedelta(minutes=1)) for o in page]
    ids = [o.order_id for o in pulled]
    assert len(ids) == len(set(ids))
    assert set(ids) == {str(i) for i in sb.shop.orders}
    assert sb.calls["order_list"] >= 3  # eight days need three windows
    by_id = {o.order_id: o for o in pulled}
    for oid in _new_orders(sb):
        assert by_id[str(oid)].state is OrderState.NEW


def test_full_order_life(sb):
    client = client_for(sb)
    pickup_id, reject_id, dropoff_id, own_id = _new_orders(sb)[:4]

    # accept, read back, label without marking printed, booking code, pick-up, courier moves it on
    client.acknowledge(str(pickup_id))
    order = client.get_order(order_id=str(pickup_id))
    assert order.state is OrderState.ACKNOWLEDGED and order.marketplace_status == "400"
    label = client.shipping_label(order)
    assert label.content_type == "text/html" and b"<html" in label.content.lower()
    assert not sb.order(pickup_id).printed
    code = client.booking_code(str(pickup_id))
    assert code and code == sb.order(pickup_id).booking_code
    client.ship(order, ShipMethod.PICKUP)
    assert sb.order(pickup_id).status == 450 and sb.order(pickup_id).pickups == 1
    sb.advance(3 * 3600)
    (shipped,) = client.get_orders([str(pickup_id)])
    assert shipped.state is OrderState.SHIPPED and shipped.awb

    # accepting twice is refused by Tokopedia with its own code
    with pytest.raises(MarketplaceError) as info:
        client.acknowledge(str(pickup_id))
    assert info.value.error_code == "ORD_USC_001"

    # reject (NACK) with a reason
    target = client.get_order(order_id=str(reject_id))
    client.reject(target, CancelRequest(reasons.BY_CODE["1"], "Stok habis, mohon maaf"))
    rejected = client.get_order(order_id=str(reject_id))
    assert rejected.state is OrderState.CANCELLED and rejected.marketplace_status == "10"
    assert sb.order(reject_id).reject_reason == {"reason_code": 1, "reason": "Stok habis, mohon maaf"}

    # drop-off: no Tokopedia call, the booking code is what the counter scans
    client.acknowledge(str(dropoff_id))
    drop = client.ship(client.get_order(order_id=str(dropoff_id)), ShipMethod.DROPOFF)
    assert drop.booking_code == sb.order(dropoff_id).booking_code
    assert sb.order(dropoff_id).status == 400 and sb.order(dropoff_id).pickups == 0

    # own courier: confirm shipping with the AWB
    client.acknowledge(str(own_id))
    info_own = client.ship(client.get_order(order_id=str(own_id)), ShipMethod.OWN_COURIER, awb="JP0001112223")
    assert info_own.awb == "JP0001112223"
    assert sb.order(own_id).status == 500 and sb.order(own_id).awb == "JP0001112223"

    # an expired token is refreshed once, transparently
    sb.expire_tokens()
    assert client.get_order(order_id=str(own_id)).state is OrderState.SHIPPED
    assert sb.calls["token"] == 2


def test_stock_push_under_a_low_rate_limit_loses_nothing():
    with Sandbox(seed=5, orders=10, products=120, freeze_clock=True, rate_limit={"stock_update": 20},
                 rate_burst=20) as sb:
        client = client_for(sb)
        sellable = [p for p in client.list_products() if p.sellable][:250]
        assert len(sellable) == 250
        rows = [StockRow(p.product_id, p.sku, (i * 7) % 53) for i, p in enumerate(sellable)]
        result = client.update_stock(rows)
        assert [r.ok for r in result.rows] == [True] * 250, [r.message for r in result.failed][:3]
        assert result.requests == sb.calls["stock_update"] and result.requests > 3  # throttled, then resent
        stock = {int(p.product_id): sb.shop.products[int(p.product_id)].stock for p in sellable}
        assert stock == {int(r.product_id): r.quantity for r in rows}


def test_lost_ack_answer_is_not_acked_twice(sb):
    client = client_for(sb)
    oid = _new_orders(sb)[0]
    sb.faults.force("ack", "lost")
    with pytest.raises(OutcomeUnknown):
        client.acknowledge(str(oid))
    # What the outbox does next: read the order, and see the accept went through.
    assert client.get_order(order_id=str(oid)).state is OrderState.ACKNOWLEDGED
    assert sb.order(oid).acks == 1 and sb.calls["ack"] == 1


def test_lost_stock_answer_is_simply_sent_again(sb):
    client = client_for(sb)
    product = next(p for p in client.list_products() if p.sellable)
    sb.faults.force("stock_update", "lost")
    result = client.update_stock([StockRow(product.product_id, product.sku, 17)])
    assert result.rows[0].ok and result.requests == 1  # the lost answer is not counted as answered
    assert sb.calls["stock_update"] == 2
    assert sb.shop.products[int(product.product_id)].stock == 17
