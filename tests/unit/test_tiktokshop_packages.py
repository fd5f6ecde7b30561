"""Packages of a Tokopedia & Shop order over HTTP (responses): which package ids a ship sends, a combined package
sent once in a batch, PARTIALLY_SHIPPING, combine / uncombine request shapes and their per-item errors."""

from __future__ import annotations

import pytest
import responses

from tests.unit.test_tiktokshop_support import API, body_of, fail, line_item, make_client, mock_http, ok, raw_order
from tokodesk.marketplace.base import CombinableGroup, MarketplaceError, OrderState, ShipMethod
from tokodesk.marketplace.tiktokshop.orders import parse_order

DETAIL = f"{API}/order/202309/orders"
OID = "576000000000000001"


@pytest.fixture
def rsps():
    yield from mock_http()


def split(status: str = "AWAITING_SHIPMENT", first: str = "TO_FULFILL", second: str = "TO_FULFILL",
          order_id: str = OID, **extra) -> dict:
    """An order in two packages A and B, each line item naming its package, status and tracking number."""
    items = [dict(line_item(1), package_id="A", package_status=first),
             dict(line_item(2, "sku-2", "KAOS-L"), package_id="B", package_status=second)]
    if first != "TO_FULFILL":
        items[0]["tracking_number"] = "TRK-A"
    if second != "TO_FULFILL":
        items[1]["tracking_number"] = "TRK-B"
    return raw_order(order_id, status, packages=[{"id": "A"}, {"id": "B"}], line_items=items, **extra)


def posts(rsps) -> list[str]:  # noqa: ANN001
    return [c.request.url.split("?")[0].removeprefix(API) for c in rsps.calls if c.request.method == "POST"]


def test_an_order_reads_as_its_packages_with_status_and_tracking_number():
    order = parse_order(split("PARTIALLY_SHIPPING", first="PROCESSING"))
    assert order.state is OrderState.PARTLY_SHIPPED
    assert [(p.package_id, p.status, p.tracking_number, p.line_ids) for p in order.packages] == [
        ("A", "PROCESSING", "TRK-A", ["li-1"]), ("B", "TO_FULFILL", None, ["li-2"])]
    assert order.awb == "TRK-A"


def test_ship_sends_every_waiting_package_by_the_ids_read_now_and_returns_the_order_read_back(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [split()]}))
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/A/ship", json=ok({}))
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/B/ship", json=ok({}))
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [split("AWAITING_COLLECTION", "PROCESSING", "PROCESSING")]}))
    stale = parse_order(raw_order(OID))  # the stored copy still has the package id before the split
    info = client.ship(stale, ShipMethod.PICKUP)
    assert posts(rsps) == ["/fulfillment/202309/packages/A/ship", "/fulfillment/202309/packages/B/ship"]
    assert info.marketplace_status == "AWAITING_COLLECTION" and info.order.state is OrderState.AWAITING_PICKUP
    assert {p.tracking_number for p in info.order.packages} == {"TRK-A", "TRK-B"}


def test_a_partly_shipped_order_ships_only_its_waiting_package(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [split("PARTIALLY_SHIPPING", first="PROCESSING")]}))
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/B/ship", json=ok({}))
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [split("AWAITING_COLLECTION", "PROCESSING", "PROCESSING")]}))
    client.ship(parse_order(split("PARTIALLY_SHIPPING", first="PROCESSING")), ShipMethod.PICKUP)
    assert posts(rsps) == ["/fulfillment/202309/packages/B/ship"]


def test_a_package_status_the_order_does_not_tell_is_asked_for(rsps):
    client, _ = make_client()
    bare = raw_order(OID, "PARTIALLY_SHIPPING", packages=[{"id": "A"}, {"id": "B"}])
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [bare]}))
    rsps.add(responses.GET, f"{API}/fulfillment/202309/packages/A", json=ok({"package_id": "A",
                                                                             "package_status": "PROCESSING"}))
    rsps.add(responses.GET, f"{API}/fulfillment/202309/packages/B", json=ok({"package_id": "B"}))
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/B/ship", json=ok({}))
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [split("AWAITING_COLLECTION", "PROCESSING", "PROCESSING")]}))
    client.ship(parse_order(bare), ShipMethod.PICKUP)
    assert posts(rsps) == ["/fulfillment/202309/packages/B/ship"]


def test_a_package_shipped_meanwhile_is_not_an_error_and_a_refusal_ships_no_other(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [split()]}))
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/A/ship", json=fail(21011040, "already shipped"))
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/B/ship", json=ok({}))
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [split("AWAITING_COLLECTION", "PROCESSING", "PROCESSING")]}))
    assert client.ship(parse_order(split()), ShipMethod.PICKUP).marketplace_status == "AWAITING_COLLECTION"

    rsps.reset()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [split()]}))
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/A/ship", json=fail(21008044, "after-sale"))
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/B/ship", json=ok({}))
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [split()]}))
    with pytest.raises(MarketplaceError, match="after-sales"):
        client.ship(parse_order(split()), ShipMethod.PICKUP)
    # Half of a split order shipped could no longer be cancelled (Cancel Order: 25001045): B is not sent.
    assert posts(rsps) == ["/fulfillment/202309/packages/A/ship"]


def test_a_combined_package_of_two_orders_goes_once_in_the_batch(rsps):
    client, _ = make_client()
    item = {"package_id": "C", "package_status": "TO_FULFILL"}
    one = raw_order("1", packages=[{"id": "C"}], line_items=[dict(line_item(1), **item)])
    two = raw_order("2", packages=[{"id": "C"}], line_items=[dict(line_item(2), **item)])
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [one, two]}))
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/ship", json=ok({"errors": []}))
    done = {"package_id": "C", "package_status": "PROCESSING", "tracking_number": "TRK-C"}
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [
        raw_order("1", "AWAITING_COLLECTION", packages=[{"id": "C"}], line_items=[dict(line_item(1), **done)]),
        raw_order("2", "AWAITING_COLLECTION", packages=[{"id": "C"}], line_items=[dict(line_item(2), **done)])]}))
    results = client.ship_many([parse_order(one), parse_order(two)], ShipMethod.PICKUP)
    [batch] = [c for c in rsps.calls if c.request.url.split("?")[0].endswith("/packages/ship")]
    assert body_of(batch) == {"packages": [{"id": "C"}]}
    assert {oid: r.awb for oid, r in results.items()} == {"1": "TRK-C", "2": "TRK-C"}


def test_combinable_search_combine_and_uncombine_requests(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, f"{API}/fulfillment/202309/combinable_packages/search", json=ok({
        "combinable_packages": [{"id": "P1", "order_ids": ["1", "2"]}, {"id": "P2", "order_ids": ["3"]}],
        "next_page_token": "", "total_count": 2}))
    assert client.combinable_packages() == [CombinableGroup("P1", ["1", "2"])]  # a group of one is no group
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/combine", json=ok({
        "packages": [{"id": "NEW", "order_ids": ["1", "2"]}], "errors": []}))
    [made] = client.combine_packages(CombinableGroup("P1", ["1", "2"]))
    assert (made.package_id, made.order_ids) == ("NEW", ["1", "2"])
    assert body_of(rsps.calls[-1]) == {"combinable_packages": [{"id": "P1", "order_ids": ["1", "2"]}]}
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/combine", json=ok({
        "packages": [], "errors": [{"code": 21011031, "message": "order not in pre_pkg",
                                    "detail": {"package_id": "P1"}}]}))
    with pytest.raises(MarketplaceError) as err:
        client.combine_packages(CombinableGroup("P1", ["1", "9"]))
    assert err.value.error_code == "21011031" and "can no longer be combined" in str(err.value)
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/NEW/uncombine", json=ok({
        "packages": [{"id": "U1", "order_ids": ["1"]}, {"id": "U2", "order_ids": ["2"]}]}))
    assert [p.package_id for p in client.uncombine_package("NEW", ["1"])] == ["U1", "U2"]
    assert body_of(rsps.calls[-1]) == {"order_ids": ["1"]}
