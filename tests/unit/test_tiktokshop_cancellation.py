"""Cancelling Tokopedia & Shop orders: seller reasons by status, seller cancel, buyer cancellation requests."""

from __future__ import annotations

import pytest
import requests
import responses

from tests.unit.test_tiktokshop_support import API, assert_signed, body_of, fail, make_client, mock_http, ok, query_of
from tests.unit.test_tiktokshop_support import raw_order as raw
from tokodesk.marketplace.base import CancelReason, CancelRequest, MarketplaceError, OutcomeUnknown
from tokodesk.marketplace.tiktokshop.orders import parse_order

DETAIL = f"{API}/order/202309/orders"
CANCEL = f"{API}/return_refund/202309/cancellations"
SEARCH = f"{API}/return_refund/202309/cancellations/search"


@pytest.fixture
def rsps():
    yield from mock_http()


@pytest.mark.parametrize(
    ("status", "names"),
    [
        ("UNPAID", ["seller_cancel_unpaid_reason_out_of_stock", "seller_cancel_unpaid_reason_wrong_price",
                    "seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed"]),
        ("ON_HOLD", ["seller_cancel_reason_out_of_stock", "seller_cancel_reason_wrong_price"]),
        ("AWAITING_SHIPMENT", ["seller_cancel_reason_out_of_stock", "seller_cancel_reason_wrong_price"]),
        ("AWAITING_COLLECTION", []),
        ("IN_TRANSIT", []),
        ("CANCELLED", []),
    ],
)
def test_cancel_reasons_depend_on_the_status(status, names):
    client, _ = make_client()
    reasons = client.cancel_reasons(parse_order(raw("1", status)))
    assert [r.code for r in reasons] == names
    assert all("/" in r.label for r in reasons)  # Indonesian / English
    assert "seller_cancel_paid_reason_address_not_deliver" not in [r.code for r in reasons]  # removed Aug 2025


def test_seller_cancel_sends_the_reason_name(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw("1")]}))
    rsps.add(responses.POST, CANCEL, json=ok({"cancel_id": "c-1", "cancel_status": "CANCELLATION_REQUEST_COMPLETE"}))
    order = parse_order(raw("1"))
    client.reject(order, CancelRequest(client.cancel_reasons(order)[0]))
    assert body_of(rsps.calls[1]) == {"order_id": "1", "cancel_reason": "seller_cancel_reason_out_of_stock"}
    assert_signed(rsps.calls[1])


def test_a_reason_that_does_not_fit_the_fresh_status_is_refused_before_sending(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw("1", "AWAITING_SHIPMENT")]}))
    unpaid_reason = CancelReason("seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed", "x")
    with pytest.raises(MarketplaceError, match="not allowed for an order in status AWAITING_SHIPMENT"):
        client.reject(parse_order(raw("1", "UNPAID")), CancelRequest(unpaid_reason))
    assert not [c for c in rsps.calls if c.request.method == "POST"]


def test_a_shipped_order_cannot_be_cancelled_by_the_seller(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw("1", "IN_TRANSIT")]}))
    with pytest.raises(MarketplaceError, match="cannot be cancelled by the seller"):
        client.reject(parse_order(raw("1")), CancelRequest(CancelReason("seller_cancel_reason_out_of_stock", "x")))


def test_a_lost_cancel_answer_is_resolved_by_reading_the_order(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw("1")]}))
    rsps.add(responses.POST, CANCEL, body=requests.ReadTimeout("lost"))
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw("1", "CANCELLED")]}))
    client.reject(parse_order(raw("1")), CancelRequest(CancelReason("seller_cancel_reason_out_of_stock", "x")))
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw("2")]}))
    rsps.add(responses.POST, CANCEL, body=requests.ReadTimeout("lost"))
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw("2")]}))
    with pytest.raises(OutcomeUnknown):
        client.reject(parse_order(raw("2")), CancelRequest(CancelReason("seller_cancel_reason_out_of_stock", "x")))
    assert len([c for c in rsps.calls if c.request.method == "POST"]) == 2  # once per order, never repeated


def test_a_reason_the_api_refuses_is_explained(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, DETAIL, json=ok({"orders": [raw("1")]}))
    rsps.add(responses.POST, CANCEL, json=fail(25001021, "reason not match order status"))
    with pytest.raises(MarketplaceError, match="not allowed for the order's current status"):
        client.reject(parse_order(raw("1")), CancelRequest(CancelReason("seller_cancel_reason_wrong_price", "x")))


def test_buyer_requests_are_searched_page_by_page(rsps):
    client, _ = make_client()
    first = {"cancel_id": "c-1", "order_id": "1", "cancel_type": "BUYER_CANCEL", "role": "BUYER",
             "cancel_status": "CANCELLATION_REQUEST_PENDING", "cancel_reason": "buyer_change_mind",
             "cancel_reason_text": "Berubah pikiran",
             "cancel_line_items": [{"order_line_item_id": "li-1", "sku_id": "sku-1"}],
             "seller_next_action_response": [{"action": "RESPOND_CANCELLATION", "deadline": 1760100000}],
             "create_time": 1760000000}
    second = dict(first, cancel_id="c-2", order_id="2", cancel_status="CANCELLATION_REQUEST_CANCELLED")
    rsps.add(responses.POST, SEARCH, json=ok({"cancellations": [first], "next_page_token": "n1"}))
    rsps.add(responses.POST, SEARCH, json=ok({"cancellations": [second]}))
    found = client.cancellation_requests(pending_only=False)
    assert [(r.cancel_id, r.order_id, r.pending) for r in found] == [("c-1", "1", True), ("c-2", "2", False)]
    assert found[1].status == "CANCELLATION_REQUEST_CANCEL"  # both spellings read as one
    assert found[0].line_item_ids == ["li-1"] and found[0].next_actions[0][0] == "RESPOND_CANCELLATION"
    assert body_of(rsps.calls[0])["cancel_types"] == ["BUYER_CANCEL"]
    assert query_of(rsps.calls[1])["page_token"] == "n1"


def test_approve_and_reject_with_an_offered_reason(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, f"{API}/return_refund/202309/cancellations/c-1/approve", json=ok({}))
    client.approve_cancellation("c-1", idempotency_key="k-1")
    assert query_of(rsps.calls[0])["idempotency_key"] == "k-1"
    assert_signed(rsps.calls[0])

    reasons = ok({"reasons": [
        {"name": "seller_reject_apply_product_has_been_packed", "text": "Produk sudah dikemas"},
        {"name": "order_manage_list_action_respond_popup_reject_reason_delivered", "text": "Sudah dikirim"}]})
    rsps.add(responses.GET, f"{API}/return_refund/202309/reject_reasons", json=reasons)
    rsps.add(responses.POST, f"{API}/return_refund/202309/cancellations/c-2/reject", json=ok({}))
    offered = client.cancellation_reject_reasons("c-2")
    assert [r.label for r in offered] == ["Produk sudah dikemas", "Sudah dikirim"]
    client.reject_cancellation("c-2", "seller_reject_apply_product_has_been_packed", "Sudah dikemas pagi ini")
    reject = rsps.calls[-1]
    assert body_of(reject) == {"reject_reason": "seller_reject_apply_product_has_been_packed",
                               "comment": "Sudah dikemas pagi ini"}
    assert query_of(rsps.calls[1])["return_or_cancel_id"] == "c-2"
    with pytest.raises(MarketplaceError, match="not offered"):
        client.reject_cancellation("c-2", "made_up_reason")


def test_approve_retries_a_lost_answer_with_the_same_key(rsps):
    client, sleeps = make_client()
    url = f"{API}/return_refund/202309/cancellations/c-1/approve"
    rsps.add(responses.POST, url, body=requests.ReadTimeout("lost"))
    rsps.add(responses.POST, url, json=ok({}))
    client.approve_cancellation("c-1")
    keys = {query_of(c)["idempotency_key"] for c in rsps.calls}
    assert len(rsps.calls) == 2 and len(keys) == 1
