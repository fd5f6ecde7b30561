"""Shipping a Tokopedia & Shop order: ship package (single, batch), slots, label PDF, lost answers, rate limits."""

from __future__ import annotations

import pytest
import requests
import responses

from tests.unit.test_tiktokshop_support import (
    API,
    assert_signed,
    body_of,
    fail,
    make_client,
    mock_http,
    ok,
    query_of,
    raw_order,
)
from tokodesk.marketplace.base import MarketplaceError, OutcomeUnknown, ShipMethod
from tokodesk.marketplace.tiktokshop.orders import parse_order

DETAIL = f"{API}/order/202309/orders"
OID = "576000000000000001"
PKG = f"pkg-{OID}"
SHIP = f"{API}/fulfillment/202309/packages/{PKG}/ship"
PACKAGE = f"{API}/fulfillment/202309/packages/{PKG}"
DOCS = f"{API}/fulfillment/202309/packages/{PKG}/shipping_documents"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def rsps():
    yield from mock_http()


def order(status="AWAITING_SHIPMENT", **extra):
    return parse_order(raw_order(OID, status, **extra))


def test_ship_sends_a_plain_ship_package_and_reads_the_order_back(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID)]}))
    rsps.add(responses.POST, SHIP, json=ok({}))
    # The order read right after the ship: its status and tracking number are stored at once (issue 16 §5).
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID, "AWAITING_COLLECTION", tracking_number="JX0001",
                                                                   shipping_provider="J&T")]}))
    info = client.ship(order(), ShipMethod.PICKUP)
    assert (info.order_id, info.awb, info.courier, info.marketplace_status) == (
        OID, "JX0001", "J&T", "AWAITING_COLLECTION")
    assert info.order is not None and info.order.marketplace_status == "AWAITING_COLLECTION"
    ship_call = rsps.calls[1]
    assert body_of(ship_call) == {}  # the warehouse's collection method decides pick-up vs drop-off
    assert_signed(ship_call)


def test_on_hold_is_never_shipped(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID, "ON_HOLD")]}))
    with pytest.raises(MarketplaceError, match="on hold"):
        client.ship(order("AWAITING_SHIPMENT"), ShipMethod.PICKUP)  # stale local copy; the fresh read says ON_HOLD
    with pytest.raises(MarketplaceError, match="on hold"):
        client.ship(order("ON_HOLD"), ShipMethod.PICKUP)
    assert not [c for c in rsps.calls if c.request.method == "POST"]


@pytest.mark.parametrize(("status", "words"), [("UNPAID", "not paid"), ("CANCELLED", "cancelled")])
def test_unshippable_states_are_refused(rsps, status, words):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID, status)]}))
    with pytest.raises(MarketplaceError, match=words):
        client.ship(order(status), ShipMethod.PICKUP)


def test_platform_fulfilled_orders_are_refused(rsps):
    client, _ = make_client()
    raw = raw_order(OID, fulfillment_type="FULFILLMENT_BY_DILAYANI_TOKOPEDIA")
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw]}))
    with pytest.raises(MarketplaceError, match="platform's warehouse"):
        client.ship(order(), ShipMethod.PICKUP)


def test_own_courier_ships_with_self_shipment(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID, shipping_type="SELLER")]}))
    rsps.add(responses.POST, SHIP, json=ok({}))
    rsps.add(responses.GET, PACKAGE, json=ok({"package_id": PKG, "package_status": "PROCESSING"}))
    info = client.ship(order(), ShipMethod.OWN_COURIER, awb="SICEPAT123")
    assert body_of(rsps.calls[1]) == {"self_shipment": {"tracking_number": "SICEPAT123",
                                                        "shipping_provider_id": "prov-9"}}
    assert info.awb == "SICEPAT123"


def test_own_courier_on_a_platform_shipped_order_is_refused(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID)]}))
    with pytest.raises(MarketplaceError, match="AWB is not accepted"):
        client.ship(order(), ShipMethod.OWN_COURIER, awb="X1")


def test_a_pickup_slot_is_chosen_when_the_marketplace_asks_for_one(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID)]}))
    rsps.add(responses.POST, SHIP, json=fail(21011053, "pickup slot required"))
    rsps.add(responses.GET, f"{API}/fulfillment/202309/packages/{PKG}/handover_time_slots", json=ok({
        "can_pickup": True, "can_drop_off": False,
        "pickup_slots": [{"start_time": 1760090000, "end_time": 1760097200, "avaliable": False},
                         {"start_time": 1760176400, "end_time": 1760183600, "avaliable": True}]}))
    rsps.add(responses.POST, SHIP, json=ok({}))
    rsps.add(responses.GET, PACKAGE, json=ok({"package_id": PKG, "package_status": "PROCESSING"}))
    client.ship(order(), ShipMethod.PICKUP)
    ships = [c for c in rsps.calls if c.request.url.split("?")[0] == SHIP]
    assert body_of(ships[1]) == {"handover_method": "PICKUP",
                                 "pickup_slot": {"start_time": 1760176400, "end_time": 1760183600}}


def test_a_lost_ship_answer_is_resolved_by_reading_the_order_never_by_repeating(rsps):
    client, sleeps = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID)]}))
    rsps.add(responses.POST, SHIP, body=requests.ReadTimeout("read timed out"))
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID, "AWAITING_COLLECTION",
                                                                  tracking_number="JX9")]}))
    info = client.ship(order(), ShipMethod.PICKUP)
    assert info.awb == "JX9" and info.marketplace_status == "AWAITING_COLLECTION"
    assert len([c for c in rsps.calls if c.request.method == "POST"]) == 1


def test_a_lost_ship_answer_that_did_not_take_effect_stays_unknown(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID)]}))
    rsps.add(responses.POST, SHIP, status=502, body="bad gateway")
    with pytest.raises(OutcomeUnknown, match="re-read"):
        client.ship(order(), ShipMethod.PICKUP)
    assert len([c for c in rsps.calls if c.request.method == "POST"]) == 1


def test_an_already_shipped_order_is_reported_not_shipped_again(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID, "IN_TRANSIT", tracking_number="JX2")]}))
    info = client.ship(order(), ShipMethod.PICKUP)
    assert info.awb == "JX2" and info.marketplace_status == "IN_TRANSIT"
    assert not [c for c in rsps.calls if c.request.method == "POST"]


def test_rate_limits_are_backed_off_with_jitter_then_the_call_goes_through(rsps):
    client, sleeps = make_client()
    rsps.add(responses.GET, DETAIL, status=429, json=fail(36009002, "Too many requests"))
    rsps.add(responses.GET, DETAIL, json=fail(36009002, "Too many requests"))
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID)]}))
    rsps.add(responses.POST, SHIP, status=429, json=fail(36009002, "Too many requests"))  # not executed: safe to repeat
    rsps.add(responses.POST, SHIP, json=ok({}))
    rsps.add(responses.GET, PACKAGE, json=ok({"package_id": PKG}))
    client.ship(order(), ShipMethod.PICKUP)
    assert len(sleeps) == 3
    assert 0.5 <= sleeps[0] <= 1.0 * 2  # first backoff: base * 2^1 * jitter(0.5..1)
    assert 1.0 <= sleeps[1] <= 4.0


def test_endless_rate_limit_ends_in_a_retryable_error(rsps):
    client, sleeps = make_client()
    rsps.add(responses.GET, DETAIL, status=429, json=fail(36009002, "Too many requests"))
    with pytest.raises(MarketplaceError, match="limiting requests") as info:
        client.get_order(OID)
    assert info.value.retryable and len(sleeps) == 5


def test_batch_ship_reports_each_order(rsps):
    client, _ = make_client()
    ids = ["1", "2", "3", "4"]
    raws = [raw_order("1"), raw_order("2"), raw_order("3", "ON_HOLD"),
            raw_order("4", "IN_TRANSIT", tracking_number="T4")]
    rsps.add(responses.GET, DETAIL, json=ok({"orders": raws}))
    rsps.add(responses.POST, f"{API}/fulfillment/202309/packages/ship", json=ok({"errors": [
        {"code": 21008044, "message": "after-sale", "detail": {"package_id": "pkg-2"}}]}))
    # One read of what was sent brings the tracking numbers and statuses (not one package read per order).
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order("1", "AWAITING_COLLECTION", tracking_number="T1"),
                                                        raw_order("2")]}))
    results = client.ship_many([parse_order(r) for r in raws], ShipMethod.PICKUP)
    assert set(results) == set(ids)
    assert results["1"].awb == "T1"
    assert isinstance(results["2"], MarketplaceError) and "after-sales" in str(results["2"])
    assert isinstance(results["3"], MarketplaceError) and "on hold" in str(results["3"])
    assert results["4"].awb == "T4"
    batch = [c for c in rsps.calls if c.request.url.split("?")[0].endswith("/packages/ship")]
    assert body_of(batch[0]) == {"packages": [{"id": "pkg-1"}, {"id": "pkg-2"}]}
    assert not [c for c in rsps.calls if "/packages/pkg-" in c.request.url]
    assert sorted(query_of(c)["ids"] for c in rsps.calls if c.request.url.split("?")[0] == DETAIL) == [
        "1,2", "1,2,3,4"]


def test_label_is_the_a6_pdf_downloaded_at_once_after_still_generating(rsps):
    client, sleeps = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID, "AWAITING_COLLECTION")]}))
    rsps.add(responses.GET, DOCS, json=fail(11034037, "document is generating"))
    rsps.add(responses.GET, DOCS, json=ok({"doc_url": "https://cdn.test/label/abc.pdf", "tracking_number": "JX77"}))
    rsps.add(responses.GET, "https://cdn.test/label/abc.pdf", body=PDF, content_type="application/pdf")
    label = client.shipping_label(order())
    assert label.content == PDF and label.content_type == "application/pdf" and label.tracking_number == "JX77"
    assert query_of(rsps.calls[1]) | {"sign": "", "timestamp": ""} == query_of(rsps.calls[1]) | {
        "document_type": "SHIPPING_LABEL", "document_size": "A6", "document_format": "PDF", "sign": "",
        "timestamp": ""}
    assert len(sleeps) == 1
    assert "x-tts-access-token" not in rsps.calls[3].request.headers  # the doc URL is not an API call


def test_label_still_generating_gives_up_after_a_few_tries(rsps):
    client, sleeps = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID, "AWAITING_COLLECTION")]}))
    rsps.add(responses.GET, DOCS, json=fail(11034037, "document is generating"))
    with pytest.raises(MarketplaceError, match="still being generated"):
        client.shipping_label(order())
    assert len(sleeps) == 5


def test_label_before_shipping_is_explained(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID)]}))
    rsps.add(responses.GET, DOCS, json=fail(21023035, "package not shipped"))
    with pytest.raises(MarketplaceError, match="only after the package"):
        client.shipping_label(order())


def test_a_label_that_is_not_a_pdf_is_refused(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID, "AWAITING_COLLECTION")]}))
    rsps.add(responses.GET, DOCS, json=ok({"doc_url": "https://cdn.test/x"}))
    rsps.add(responses.GET, "https://cdn.test/x", body=b"<html>expired</html>")
    with pytest.raises(MarketplaceError, match="not a PDF"):
        client.shipping_label(order())


def test_package_status_and_tracking(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, PACKAGE, json=ok({"package_id": PKG, "package_status": "FULFILLING",
                                              "tracking_number": "JX1", "orders": [{"id": OID}]}))
    rsps.add(responses.GET, f"{API}/fulfillment/202309/orders/{OID}/tracking", json=ok({"tracking": [
        {"description": "Paket diambil kurir", "update_time_millis": 1760000000000}]}))
    info = client.package_info(PKG)
    assert (info.status, info.tracking_number, info.order_ids) == ("FULFILLING", "JX1", [OID])
    events = client.tracking(OID)
    assert events[0].description == "Paket diambil kurir" and int(events[0].at.timestamp()) == 1760000000


def test_booking_code_is_none():
    client, _ = make_client()
    assert client.booking_code(OID) is None


def test_idempotent_reads_retry_server_errors(rsps):
    client, sleeps = make_client()
    rsps.add(responses.GET, DETAIL, status=503, body="busy")
    rsps.add(responses.GET, DETAIL, json=fail(36009003, "internal error"))
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw_order(OID)]}))
    assert client.get_order(OID).order_id == OID
    assert len(sleeps) == 2
    rsps.add(responses.GET, DETAIL, status=503, body="busy")
    with pytest.raises(MarketplaceError, match="HTTP 503") as info:
        client.get_order(OID)
    assert info.value.retryable


def test_unexpected_shop_cipher_is_explained(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=fail(
        36009004, "Unexpected identifier. The `shop_cipher` query parameter is not required for this request."))
    with pytest.raises(MarketplaceError, match="shop identifier"):
        client.get_order(OID)
