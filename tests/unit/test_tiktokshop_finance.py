"""The Tokopedia & Shop finance reads (marketplace/tiktokshop/finance.py): decimal strings to integer rupiah, never
rounded; every fee under the platform's own name; paging by page_token with the time window; records that cannot be
read handed back in words while the rest of the page is kept."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
import responses

from tests.unit.test_tiktokshop_support import API, make_client, ok, query_of
from tokodesk.marketplace import finance as fin
from tokodesk.marketplace.tiktokshop import finance as fa
from tokodesk.marketplace.tiktokshop.client import CAPABILITIES
from tokodesk.marketplace.tokopedia.client import CAPABILITIES as LEGACY


def transaction(**over) -> dict:
    raw = {
        "id": "1636700041413599290", "type": "ORDER", "order_id": "576463220456522968",
        "order_create_time": 1764000000, "settlement_amount": "91516", "revenue_amount": "100000",
        "revenue_breakdown": {"subtotal_before_discount_amount": "100000", "seller_discount_amount": "0"},
        "shipping_cost_amount": "0",
        "shipping_cost_breakdown": {"customer_paid_shipping_fee_amount": "9000", "actual_shipping_fee_amount": "-9000",
                                    "supplementary_component": {"shipping_fee_subsidy_amount": "0"}},
        "fee_tax_amount": "-8484",
        "fee_tax_breakdown": {"fee": {"platform_commission_amount": "-6970", "dynamic_commission_amount": "-264",
                                      "transaction_fee_amount": "-1250"}, "tax": {"local_vat_amount": "0"}},
        "adjustment_amount": "0", "supplementary_component": {"customer_payment_amount": "109000"},
    }
    raw.update(over)
    return raw


@pytest.mark.parametrize("text,value", [("-1250", -1250), ("1250.00", 1250), ("0", 0), ("", 0), (None, 0),
                                        (" 37740 ", 37740), (125, 125)])
def test_whole_rupiah_are_read_as_integers(text, value):
    assert fin.rupiah(text, "x") == value


@pytest.mark.parametrize("text", ["1250.5", "1e-3", "abc", "NaN", "Infinity", True])
def test_a_fraction_or_a_non_number_is_refused_not_rounded(text):
    with pytest.raises(fin.NotWholeRupiah, match="x"):
        fin.rupiah(text, "x")


def test_every_fee_keeps_the_platforms_name_and_group():
    info = fa.parse_transaction(transaction(), "7238804564097517339", None)
    got = {(a.group, a.name): a.amount for a in info.amounts}
    assert got[(fin.FEE, "platform_commission_amount")] == -6970
    assert got[(fin.FEE, "dynamic_commission_amount")] == -264
    assert got[(fin.FEE, "transaction_fee_amount")] == -1250
    assert got[(fin.TAX, "local_vat_amount")] == 0
    assert got[(fin.SHIPPING, "customer_paid_shipping_fee_amount")] == 9000
    assert got[(fin.SHIPPING_INFO, "shipping_fee_subsidy_amount")] == 0
    assert got[(fin.INFO, "customer_payment_amount")] == 109000
    assert info.settlement_amount == 91516 and info.fee_tax_amount == -8484
    assert info.order_created_at == datetime.fromtimestamp(1764000000, timezone.utc)


def test_an_adjustment_names_the_order_it_concerns():
    raw = transaction(type="PLATFORM_PENALTY", adjustment_id="7238804564097517332",
                      adjustment_order_id="576463220456522968", adjustment_amount="-5000", settlement_amount="-5000")
    del raw["order_id"]
    info = fa.parse_transaction(raw, "s1", None)
    assert (info.kind, info.order_id, info.adjustment_id, info.adjustment_amount) == (
        "PLATFORM_PENALTY", "576463220456522968", "7238804564097517332", -5000)


@responses.activate
def test_statements_are_paged_by_token_within_the_window():
    client, _ = make_client()
    page1 = ok({"statements": [{"id": "1", "statement_time": 1764547200, "settlement_amount": "1000",
                                "revenue_amount": "1200", "fee_amount": "-200", "adjustment_amount": "0",
                                "currency": "IDR", "payment_status": "PAID"}],
                "next_page_token": "a+b/c="})
    page2 = ok({"statements": [{"id": "2", "statement_time": 1764633600, "settlement_amount": "12.5",
                                "currency": "IDR"},
                               {"id": "3", "statement_time": 1764720000, "settlement_amount": "7", "currency": "USD"},
                               {"id": "4", "statement_time": 1764806400, "settlement_amount": "9"}],
                "next_page_token": ""})
    responses.get(f"{API}{fa.STATEMENTS}", json=page1)
    responses.get(f"{API}{fa.STATEMENTS}", json=page2)
    since = datetime(2025, 12, 1, tzinfo=timezone.utc)
    pages = list(client.statements(since))
    first, second = (query_of(c) for c in responses.calls)
    assert first["statement_time_ge"] == str(int(since.timestamp())) and "page_token" not in first
    assert first["sort_field"] == "statement_time" and first["page_size"] == "100"
    assert second["page_token"] == "a+b/c="
    assert pages[0][0].settlement_amount == 1000 and pages[0][0].fee_amount == -200
    fraction, dollars, fine = pages[1]
    assert isinstance(fraction, fin.InvalidRecord) and "'12.5'" in fraction.reason
    assert "does not round" in fraction.reason and fraction.key == "statement '2'"
    assert isinstance(dollars, fin.InvalidRecord) and "not rupiah" in dollars.reason
    assert isinstance(fine, fin.StatementInfo) and fine.settlement_amount == 9


@responses.activate
def test_unsettled_and_withdrawals_send_their_own_parameters():
    client, _ = make_client()
    responses.get(f"{API}{fa.UNSETTLED}", json=ok({"transactions": [{
        "id": "9", "type": "ORDER", "order_id": "5", "currency": "IDR", "est_settlement_amount": "100",
        "estimated_settlement": "7 days after delivery", "unsettled_reason": "not delivered"}]}))
    responses.get(f"{API}{fa.WITHDRAWALS}", json=ok({"withdrawals": [{
        "id": "w1", "type": "WITHDRAW", "amount": "250000", "status": "SUCCESS", "currency": "IDR",
        "create_time": 1764547200}]}))
    (est,), = list(client.unsettled(datetime(2025, 9, 1, tzinfo=timezone.utc)))
    (wd,), = list(client.withdrawals())
    unsettled_q, withdrawal_q = (query_of(c) for c in responses.calls)
    assert unsettled_q["sort_field"] == "order_create_time" and "search_time_ge" in unsettled_q
    assert withdrawal_q["types"] == "WITHDRAW,SETTLE,TRANSFER,REVERSE"
    assert est.est_settlement_amount == 100 and est.estimated_at is None
    assert est.estimated_settlement == "7 days after delivery"
    assert (wd.kind, wd.amount, wd.status) == ("WITHDRAW", 250000, "SUCCESS")


def test_only_the_live_marketplace_offers_finance_reads():
    assert CAPABILITIES.finance_read is True
    assert LEGACY.finance_read is False
