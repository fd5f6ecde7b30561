"""Reading the marketplaces' returns: Tokopedia & Shop lists one return line item per unit (folded into one line per
SKU with its quantity), a seller-proposed partial refund, the seller's next deadline; a Tokopedia resolution ticket."""

from __future__ import annotations

from datetime import datetime, timezone

from tokodesk.marketplace.base import ReturnState
from tokodesk.marketplace.tiktokshop.returns import parse_return
from tokodesk.marketplace.tokopedia.returns import parse_ticket


def test_units_fold_into_lines_and_the_deadline_is_read():
    info = parse_return({
        "return_id": "42", "order_id": "576", "return_type": "RETURN_AND_REFUND", "return_status": "BUYER_SHIPPED_ITEM",
        "return_line_items": [{"return_line_item_id": "1", "sku_id": "9", "seller_sku": "KAOS-M"},
                              {"return_line_item_id": "2", "sku_id": "9", "seller_sku": "KAOS-M"},
                              {"return_line_item_id": "3", "sku_id": "8", "seller_sku": "TOPI"}],
        "seller_next_action_response": [{"action": "SELLER_RESPOND_RECEIVE_PACKAGE", "deadline": 1764900000}],
        "refund_amount": {"refund_total": "125000.00"}, "return_tracking_number": "RTN1",
        "return_provider_name": "J&T Express"})
    assert [(ln.sku, ln.quantity) for ln in info.lines] == [("KAOS-M", 2), ("TOPI", 1)]
    assert info.state is ReturnState.TO_INSPECT and info.refund_total == 125_000
    assert info.next_deadline == datetime.fromtimestamp(1764900000, timezone.utc)
    assert (info.tracking_number, info.courier) == ("RTN1", "J&T Express")


def test_a_partial_refund_offer_and_an_unknown_status_read_safely():
    info = parse_return({"return_id": "7", "return_type": "REFUND", "seller_proposed_return_type": "PARTIAL_REFUND",
                         "return_status": "SOMETHING_NEW"})
    assert info.return_type == "PARTIAL_REFUND" and info.state is ReturnState.CLOSED and info.lines == []


def test_a_tokopedia_ticket():
    info = parse_ticket({"id": 5, "status": "open", "open_date": "2026-12-01 10:00:00",
                         "sla_date": "2026-12-03 10:00:00",
                         "invoice_number": "INV/1", "solution": "return_and_refund", "problem_type": "Produk rusak",
                         "complaint_product": [{"id": 77, "Name": "Kaos", "qty": 2}]})
    assert (info.return_id, info.invoice, info.return_type, info.state) == (
        "5", "INV/1", "RETURN_AND_REFUND", ReturnState.NEEDS_ANSWER)
    assert info.next_deadline == datetime(2026, 12, 3, 3, 0, tzinfo=timezone.utc)  # 10:00 WIB
    assert [(ln.product_id, ln.quantity) for ln in info.lines] == [("77", 2)]
