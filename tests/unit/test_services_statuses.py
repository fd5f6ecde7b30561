"""Status refresh: open orders re-read in batches; outside changes become events and flags."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.unit.fake_marketplace import FakeMarketplace
from tokodesk.services import orders as order_service
from tokodesk.services import statuses
from tokodesk.store import models as m

NOW = datetime(2026, 11, 24, 12, 0, 0)


@pytest.fixture
def channel(any_database):
    return m.Channel.create(name="toko", marketplace="tokopedia", order_sync_from=NOW - timedelta(days=2))


@pytest.fixture
def shop(channel):
    fake = FakeMarketplace(page_size=50)
    for i, status in enumerate(["220", "400", "400", "500", "700", "15", "450"]):
        fake.add_order(str(2000 + i), NOW - timedelta(hours=10 - i), [("p1", "SKU-A", 1)], status=status)
    order_service.pull_orders(channel, fake, now=NOW)
    return fake


def order(order_id: str) -> m.Order:
    return m.Order.get(m.Order.order_id == order_id)


@pytest.fixture
def by_id(monkeypatch):
    """Make reading by id the cheaper way (as on TikTok Shop, 50 orders a call)."""
    monkeypatch.setitem(statuses.CALL_SIZES, "tokopedia", (50, 100))
    monkeypatch.setattr(statuses, "BATCH", 2)


def refresh(channel, shop, **kw):
    return statuses.refresh_statuses(channel, shop, now=NOW + timedelta(hours=1), **kw)


def test_only_open_orders_are_reread_in_batches(channel, shop, by_id):
    summary = refresh(channel, shop)
    asked = [oid for call in shop.get_orders_calls for oid in call]
    assert sorted(asked) == ["2000", "2001", "2002", "2003", "2006"]  # not completed 2004, not cancelled 2005
    assert all(len(call) <= 2 for call in shop.get_orders_calls) and len(shop.get_orders_calls) == 3
    assert summary.status == "ok" and summary.fetched == 5 and summary.updated == 0
    assert summary.details["changes"] == []


def test_tokopedia_open_orders_are_reread_by_listing_their_span_in_fewer_calls(channel, shop):
    shop.list_calls.clear()
    shop.set_status("2002", "15")
    summary = refresh(channel, shop)
    assert shop.get_orders_calls == []  # 5 open orders would be 5 single-order calls; one list page does it
    assert len(shop.list_calls) == 1
    assert shop.list_calls[0][0].replace(tzinfo=None) == NOW - timedelta(hours=10)  # the oldest open order
    assert summary.fetched == 5  # only the open orders are stored, not the rest of the page
    assert summary.details["changes"] == [
        {"order_id": "2002", "from": "acknowledged", "to": "cancelled", "outside": True}
    ]


def test_open_orders_older_than_the_list_serves_are_read_one_by_one(channel, shop):
    m.Order.update(created_at=NOW - timedelta(days=10)).where(m.Order.order_id == "2000").execute()
    shop.set_status("2000", "15")
    refresh(channel, shop)
    assert shop.get_orders_calls == [["2000"]]
    assert order("2000").state == "cancelled"


def test_buyer_cancellation_is_followed_and_flagged(channel, shop):
    shop.set_status("2000", "15")
    summary = refresh(channel, shop)
    assert summary.details["changes"] == [{"order_id": "2000", "from": "new", "to": "cancelled", "outside": True}]
    o = order("2000")
    assert o.state == "cancelled" and o.changed_outside and o.version == 2
    event = o.events.order_by(m.OrderEvent.id.desc()).first()
    assert event.kind == "status_changed" and event.who == "marketplace"
    assert "220 → 15" in event.detail and "outside TokoDesk" in event.detail


def test_order_shipped_from_seller_center_is_flagged_with_its_awb(channel, shop):
    m.Order.update(state="packed").where(m.Order.order_id == "2001").execute()
    shop.set_status("2001", "500", awb="JX0001")
    refresh(channel, shop)
    o = order("2001")
    assert (o.state, o.awb, o.changed_outside) == ("shipped", "JX0001", True)


def test_delivered_after_shipping_is_followed_without_a_flag(channel, shop):
    shop.set_status("2003", "600")
    summary = refresh(channel, shop)
    o = order("2003")
    assert o.state == "delivered" and not o.changed_outside  # the courier's normal course, nothing to look at
    assert summary.details["changes"][0]["to"] == "delivered"
    assert [e.kind for e in o.events.order_by(m.OrderEvent.id)] == ["pulled", "status_changed"]


def test_return_to_seller_is_followed_and_flagged(channel, shop, by_id):
    shop.set_status("2006", "550")
    refresh(channel, shop)
    o = order("2006")
    assert o.state == "returned" and o.changed_outside
    # a returned order is closed: the next refresh leaves it alone
    shop.get_orders_calls.clear()
    refresh(channel, shop)
    assert "2006" not in [oid for call in shop.get_orders_calls for oid in call]


def test_an_order_the_marketplace_no_longer_returns_is_reported(channel, shop):
    del shop.orders["2002"]
    summary = refresh(channel, shop)
    assert any("2002" in e and "did not return" in e for e in summary.errors)
    assert order("2002").state == "acknowledged"


def test_cancel_stops_between_batches(channel, shop, by_id):
    calls = []
    summary = refresh(channel, shop, cancel=lambda: calls.append(1) or len(calls) > 1)
    assert summary.status == "cancelled" and len(shop.get_orders_calls) == 1
