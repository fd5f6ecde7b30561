"""The payout arithmetic (services/payouts.py) against orders computed by hand: integer rupiah, causes that add up to
the difference exactly, an order settled across two statements, an adjustment after the settlement, estimates,
overdue settlements, weekly and per-fee totals, margins per order and per SKU that add up."""

from __future__ import annotations

from datetime import date, datetime

from tokodesk.marketplace import finance as fin
from tokodesk.services import payouts as po

KAOS = po.LineFacts(sku="KAOS-1", seller_sku="KAOS-1", name="Kaos", quantity=2, price=45_000, cost=30_000)
TOPI = po.LineFacts(sku="TOPI-1", seller_sku="TOPI-1", name="Topi", quantity=1, price=35_000, cost=20_000)
# Items 125.000 + shipping 9.000 the buyer paid.
ORDER = po.OrderFacts(order_id="A", invoice="INV/A", channel="Toko", state="completed", total_amount=134_000,
                      lines=(KAOS, TOPI), delivered_at=datetime(2026, 11, 20, 3))
MON = datetime(2026, 11, 30, 0)  # a statement made at 00:00 UTC on Monday 30 Nov (07:00 WIB)


def amounts(**groups: dict[str, int]) -> tuple[fin.Amount, ...]:
    return tuple(fin.Amount(group, name, value) for group, part in groups.items() for name, value in part.items())


def settled(order_id: str = "A", *, fees: dict[str, int] | None = None, shipping_actual: int = -9_000,
            revenue: dict[str, int] | None = None, statement: str = "S1", when: datetime = MON,
            estimated: bool = False) -> po.SettlementRecord:
    fees = fees if fees is not None else {"platform_commission_amount": -8_713, "dynamic_commission_amount": -5_000,
                                          "transaction_fee_amount": -1_250}
    revenue = revenue if revenue is not None else {"subtotal_before_discount_amount": 125_000,
                                                   "seller_discount_amount": 0}
    shipping = {"customer_paid_shipping_fee_amount": 9_000, "actual_shipping_fee_amount": shipping_actual}
    total = sum(fees.values()) + sum(revenue.values()) + sum(shipping.values())
    return po.SettlementRecord(order_id, "ORDER", total, amounts=amounts(fee=fees, revenue=revenue, shipping=shipping),
                               statement_id=statement, statement_time=when, estimated=estimated)


def test_the_fee_rules_by_hand():
    # Commission 6.97% per line: 90.000 → 6.273; 35.000 → 2.439,5 → 2.440 (half up). Dynamic 4% per item: 2×1.800 +
    # 1.400. Order processing: 1.250.
    assert po.expected_fees([KAOS, TOPI]) == {"platform_commission_amount": 8_713,
                                              "dynamic_commission_amount": 5_000, "transaction_fee_amount": 1_250}
    big = po.LineFacts(sku="TV", seller_sku="TV", name="TV", quantity=3, price=2_500_000)
    assert po.expected_fees([big])["dynamic_commission_amount"] == 3 * 40_000  # 100.000 a unit, capped at 40.000
    assert po.expected_fees([]) == {"platform_commission_amount": 0, "dynamic_commission_amount": 0,
                                    "transaction_fee_amount": 0}


def test_a_payout_as_the_rules_say_has_no_difference():
    p = po.order_payout(ORDER, [settled()])
    assert (p.buyer_paid, p.items_total, p.pass_through) == (134_000, 125_000, 9_000)
    assert p.expected_net == 134_000 - 9_000 - 14_963 == 110_037
    assert p.status == "settled" and p.net == 110_037 and p.difference == 0
    assert p.causes == [] and not p.unexpected and p.why() == ""
    fees = {f.name: (f.charged, f.expected) for f in p.fees}
    assert fees["platform_commission_amount"] == (-8_713, -8_713)
    assert p.margin == 110_037 - 80_000 and p.cost == 80_000


def test_every_cause_of_a_difference_is_named_and_they_add_up():
    # Commission at 7% instead of 6,97%, an affiliate's commission, a courier charging 1.000 more, and a shipping fee
    # adjustment three days after the settlement.
    fees = {"platform_commission_amount": -8_750, "dynamic_commission_amount": -5_000,
            "transaction_fee_amount": -1_250, "affiliate_commission_amount": -6_250}
    main = settled(fees=fees, shipping_actual=-10_000)
    adjustment = po.SettlementRecord("A", "SHIPPING_FEE_ADJUSTMENT", -2_000, adjustment_amount=-2_000,
                                     statement_id="S2", statement_time=datetime(2026, 12, 3))
    p = po.order_payout(ORDER, [main, adjustment])
    assert p.net == 125_000 - 1_000 - 21_250 - 2_000 == 100_750
    assert p.difference == 100_750 - 110_037 == -9_287
    by_kind = {c.kind: c.amount for c in p.causes}
    assert by_kind == {"shipping": -1_000, "fee_not_in_rules": -6_250, "fee_change": -37, "adjustment": -2_000}
    assert sum(c.amount for c in p.causes) == p.difference
    words = p.why()
    assert "affiliate_commission_amount -Rp 6.250" in words
    assert "Platform commission (platform_commission_amount) was Rp 8.750, the fee rules give Rp 8.713" in words
    assert "Shipping fee adjustment: -Rp 2.000" in words  # the platform's type in words, not its code
    assert "shipping cost the seller Rp 1.000 more" in words
    assert p.unexpected and p.statements == ["S1", "S2"]
    from tokodesk.documents.fmt import translator

    assert "Penyesuaian ongkos kirim: -Rp 2.000" in p.why(translator("id"))
    odd = po.SettlementRecord("A", "SOMETHING_NEW", -500, adjustment_amount=-500, statement_id="S3")
    assert "an adjustment SOMETHING_NEW: -Rp 500" in po.order_payout(ORDER, [main, odd]).why()


def test_an_order_settled_across_two_statements_with_a_refund():
    # Settled in full, then the hat refunded: 35.000 taken back, its commissions (2.440 + 1.400) given back, the
    # order processing fee kept.
    refund = po.SettlementRecord(
        "A", "ORDER", -31_160, statement_id="S2", statement_time=datetime(2026, 12, 7, 0),
        amounts=amounts(revenue={"refund_subtotal_before_discount_amount": -35_000},
                        fee={"platform_commission_amount": 2_440, "dynamic_commission_amount": 1_400}))
    p = po.order_payout(ORDER, [refund, settled()])
    assert p.net == 110_037 - 31_160 == 78_877
    assert p.difference == -31_160
    assert [c.kind for c in p.causes] == ["refund", "refund", "refund"]
    assert sum(c.amount for c in p.causes) == -31_160
    assert "a return or refund took Rp 35.000 back" in p.why()
    assert p.statements == ["S1", "S2"] and p.settled_at == MON  # the first statement, whatever the order of lines
    assert p.margin == 78_877 - 80_000  # a loss on this one


def test_an_estimate_is_marked_and_compared_the_same_way():
    p = po.order_payout(ORDER, [], [settled(estimated=True, statement="")])
    assert p.status == "estimated" and p.estimated and p.net == 110_037 and p.difference == 0
    nothing = po.order_payout(ORDER, [])
    assert nothing.status == "unsettled" and nothing.net is None and nothing.difference is None
    assert nothing.margin is None and nothing.cost == 80_000


def test_an_adjustment_before_the_settlement_counts_with_the_estimate():
    penalty = po.SettlementRecord("A", "PLATFORM_PENALTY", -5_000, statement_id="S0", statement_time=MON)
    p = po.order_payout(ORDER, [penalty], [settled(estimated=True, statement="")])
    assert p.status == "estimated" and p.net == 105_037 and p.difference == -5_000
    assert [c.kind for c in p.causes] == ["adjustment"] and "an estimated adjustment" not in p.why()
    alone = po.order_payout(ORDER, [penalty])
    assert sum(c.amount for c in alone.causes) == alone.difference
    assert "not in a statement yet" in alone.why()


def test_money_for_an_order_never_pulled_is_kept_without_an_expectation():
    p = po.order_payout(None, [settled(order_id="Z")])
    assert not p.known and p.net == 110_037 and p.difference is None and not p.unexpected


def test_a_rounding_rupiah_per_line_is_not_unexpected():
    fees = {"platform_commission_amount": -8_714, "dynamic_commission_amount": -5_000,
            "transaction_fee_amount": -1_250}
    assert not po.order_payout(ORDER, [settled(fees=fees)]).unexpected  # 1 rupiah, 2 lines
    assert po.order_payout(ORDER, [settled(fees=fees)], tolerance=0).unexpected


def test_orders_delivered_long_ago_and_not_settled():
    old = po.order_payout(ORDER, [])
    recent = po.order_payout(po.OrderFacts(order_id="B", total_amount=1, delivered_at=datetime(2026, 12, 1)), [])
    paid = po.order_payout(ORDER, [settled()])
    now = datetime(2026, 12, 5)
    assert [p.order_id for p in po.overdue([recent, old, paid], now, days=14)] == ["A"]
    assert [p.order_id for p in po.overdue([recent, old, paid], now, days=3)] == ["A", "B"]


def test_weekly_and_fee_totals():
    refund = po.SettlementRecord(
        "A", "ORDER", -31_160, statement_id="S2", statement_time=datetime(2026, 12, 7, 0),
        amounts=amounts(revenue={"refund_subtotal_before_discount_amount": -35_000},
                        fee={"platform_commission_amount": 2_440, "dynamic_commission_amount": 1_400}))
    other = settled(order_id="B", statement="S1")
    weeks = po.weekly_totals([settled(), other, refund, settled(order_id="C", estimated=True)])
    assert [w.week for w in weeks] == [date(2026, 11, 30), date(2026, 12, 7)]
    first, second = weeks
    assert (first.settled, first.orders, first.revenue) == (2 * 110_037, 2, 250_000)
    assert first.fees == {"platform_commission_amount": -17_426, "dynamic_commission_amount": -10_000,
                          "transaction_fee_amount": -2_500}
    assert (second.settled, second.orders, second.fee_total) == (-31_160, 1, 3_840)
    totals = po.fee_totals([settled(), refund])
    assert totals == {"dynamic_commission_amount": -3_600, "platform_commission_amount": -6_273,
                      "transaction_fee_amount": -1_250}
    assert list(totals)[0] == "platform_commission_amount"  # the largest charge first


def test_margins_per_sku_share_each_net_exactly():
    # 110.037 shared 90.000 : 35.000 → 79.226,64 and 30.810,36: the spare rupiah goes to the larger remainder.
    assert po.split(110_037, [90_000, 35_000]) == [79_227, 30_810]
    assert sum(po.split(-31_161, [3, 3, 1])) == -31_161
    p = po.order_payout(ORDER, [settled()])
    kaos, topi = po.sku_margins([p])
    assert (kaos.seller_sku, kaos.quantity, kaos.net, kaos.cost, kaos.margin) == ("KAOS-1", 2, 79_227, 60_000, 19_227)
    assert (topi.net, topi.margin) == (30_810, 10_810)
    assert kaos.margin + topi.margin == p.margin


def test_a_missing_cost_price_shows_no_margin_and_names_the_sku():
    no_cost = po.LineFacts(sku="TOPI-1", seller_sku="TOPI-1", name="Topi", quantity=1, price=35_000)
    order = po.OrderFacts(order_id="A", total_amount=134_000, lines=(KAOS, no_cost))
    p = po.order_payout(order, [settled()])
    assert p.margin is None and p.cost is None and p.missing_costs == ["TOPI-1"]
    rows = {r.seller_sku: r for r in po.sku_margins([p])}
    assert rows["TOPI-1"].margin is None and rows["KAOS-1"].margin == 19_227


def test_every_cause_and_fee_label_has_its_indonesian_words():
    from tokodesk.documents.fmt import INDONESIAN, indonesian

    missing = [t for t in (*po.CAUSE_TEMPLATES, *(r.label for r in po.FEE_RULES)) if t not in INDONESIAN]
    assert missing == []
    fees = {"platform_commission_amount": -8_750, "dynamic_commission_amount": -5_000,
            "transaction_fee_amount": -1_250}
    p = po.order_payout(ORDER, [settled(fees=fees)])
    assert p.why(indonesian) == ("Komisi platform (platform_commission_amount) sebesar Rp 8.750, menurut aturan biaya "
                                 "Rp 8.713: biaya berubah atau tarif lain untuk kategori ini")
    assert p.causes[0].params == {"label": "Platform commission", "name": "platform_commission_amount",
                                  "charged": "Rp 8.750", "expected": "Rp 8.713"}


def test_the_sellers_own_category_rate_replaces_the_published_one():
    rules = po.with_rates({"platform_commission_amount": 800, "transaction_fee_amount": 1})
    assert po.expected_fees([KAOS, TOPI], rules)["platform_commission_amount"] == 7_200 + 2_800
    assert po.expected_fees([KAOS, TOPI], rules)["transaction_fee_amount"] == 1_250  # a fixed fee has no rate
    commission = next(r for r in rules if r.name == "platform_commission_amount")
    assert commission.rate == 800 and "seller" in commission.source and not commission.assumed
