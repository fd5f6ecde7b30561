"""Payouts on a Tokopedia & Shop channel against the sandbox's finance endpoints, over loopback: statements and their
transactions synced idempotently (paging, overlap), an order settled across two statements (a refund after the
settlement), an adjustment after the settlement, unsettled estimates that leave once settled, withdrawals, an amount
with a fraction of a rupiah refused in words, and the legacy Tokopedia channel that has no finance reads."""

from __future__ import annotations

import pytest

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import channel, client, sb, shop_now  # noqa: F401 - fixtures
from tokodesk.marketplace.tiktokshop import finance as finance_api
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.sandbox import tiktokshop_returns as sr
from tokodesk.services import payout_sync
from tokodesk.store import models as m

DAY = 86400


def sync(sb, channel, client):  # noqa: ANN001, ANN201, F811
    return payout_sync.sync_payouts(m.Channel.get_by_id(channel.id), client, now=shop_now(sb))


def settled_in_sandbox(sb) -> list:  # noqa: ANN001, F811
    with sb.shop.lock:
        now = sb.dialect._finance_now()
        return [t for txns in sb.dialect.finance.settled(now).values() for t in txns]


@pytest.fixture
def shop(sb, channel, client):  # noqa: F811
    sb.dialect.returns_book.rate = 0.0  # only the returns a test asks for
    sb.dialect.finance.late_rate = 0.3  # some settle late: still unsettled after the advance below
    ch = pulled(sb, channel, client)
    sb.advance(4 * DAY)  # the week's deliveries get settled, the late ones not yet
    return ch


def test_a_sync_stores_every_statement_and_settlement_line_once(sb, shop, client):  # noqa: F811
    expected = settled_in_sandbox(sb)
    assert len({t.statement_day for t in expected}) >= 3, "the sandbox shop should have several statements"
    first = sync(sb, shop, client)
    assert first.status == "ok", first.errors
    assert m.Statement.select().count() == len({t.statement_day for t in expected})
    assert m.SettlementLine.select().count() == len(expected)
    # Integer rupiah, and what the marketplace settled per statement adds up from its lines.
    for statement in m.Statement.select():
        lines = m.SettlementLine.select().where(m.SettlementLine.statement == statement.id)
        assert sum(line.settlement_amount for line in lines) == statement.settlement_amount
    one = m.SettlementLine.select().where(m.SettlementLine.kind == "ORDER").first()
    names = {name for _group, name, _amount in one.amounts}
    assert {"platform_commission_amount", "dynamic_commission_amount", "transaction_fee_amount",
            "subtotal_before_discount_amount"} <= names
    assert all(isinstance(amount, int) for _g, _n, amount in one.amounts)
    assert m.Withdrawal.select().count() >= 1
    # Again: nothing new, nothing doubled.
    again = sync(sb, shop, client)
    assert again.status == "ok" and again.created == 0
    assert m.SettlementLine.select().count() == len(expected)


def test_statements_and_transactions_are_read_page_by_page(sb, shop, client, monkeypatch):  # noqa: F811
    monkeypatch.setattr(finance_api, "PAGE", 2)
    expected = settled_in_sandbox(sb)
    summary = sync(sb, shop, client)
    assert summary.status == "ok", summary.errors
    assert m.SettlementLine.select().count() == len(expected) > 2
    assert m.Statement.select().count() == len({t.statement_day for t in expected}) > 2


def test_the_next_sync_starts_an_overlap_before_the_last_end(sb, shop, client):  # noqa: F811
    first = sync(sb, shop, client)
    sb.advance(3 * DAY)
    second = sync(sb, shop, client)
    assert second.window_from == first.window_to - payout_sync.OVERLAP
    # The statements made in between are there, those read twice once.
    assert m.Statement.select().count() == len({t.statement_day for t in settled_in_sandbox(sb)})
    ids = [s.statement_id for s in m.Statement.select()]
    assert len(ids) == len(set(ids))


def _settled_order(sb, shop) -> m.Order:  # noqa: ANN001, F811
    order_txn = next(t for t in settled_in_sandbox(sb) if t.kind == "ORDER"
                     and not any(x.kind != "ORDER" for x in sb.dialect.finance.transactions(t.order)))
    return order_txn.order


def test_an_order_settled_across_two_statements(sb, shop, client):  # noqa: F811
    o = _settled_order(sb, shop)
    sync(sb, shop, client)
    # The buyer gets a refund after the order was settled: the money comes back out in a later statement.
    with sb.shop.lock:
        ret = sb.dialect.returns_book.request(o, sr.REFUND)
        sb.dialect.returns_book.approve(ret.return_id, "APPROVE_REFUND")
    sb.advance(DAY + 60)
    summary = sync(sb, shop, client)
    assert summary.status == "ok", summary.errors
    lines = list(m.SettlementLine.select().where(m.SettlementLine.order_id == tj.order_id(o))
                 .order_by(m.SettlementLine.statement_time))
    assert len(lines) == 2
    assert lines[0].statement_id != lines[1].statement_id  # two statements
    refund = dict(((g, n), a) for g, n, a in lines[1].amounts)
    assert refund[("revenue", "refund_subtotal_before_discount_amount")] == -o.items_total
    assert lines[1].settlement_amount < 0


def test_an_adjustment_after_the_settlement(sb, shop, client):  # noqa: F811
    o = _settled_order(sb, shop)
    sync(sb, shop, client)
    with sb.shop.lock:
        sb.dialect.finance.adjust(o, "PLATFORM_PENALTY", -5_000)
    sb.advance(DAY + 60)
    summary = sync(sb, shop, client)
    assert summary.status == "ok", summary.errors
    penalty = m.SettlementLine.get((m.SettlementLine.order_id == tj.order_id(o))
                                   & (m.SettlementLine.kind == "PLATFORM_PENALTY"))
    assert penalty.settlement_amount == penalty.adjustment_amount == -5_000
    assert penalty.adjustment_id


def test_unsettled_estimates_leave_once_settled(sb, shop, client):  # noqa: F811
    sync(sb, shop, client)
    with sb.shop.lock:
        waiting = sb.dialect.finance.unsettled(sb.dialect._finance_now())
    assert m.UnsettledEstimate.select().count() == len(waiting) > 0
    delivered = [o for o, txn in waiting if txn is not None]
    assert delivered, "some delivered orders should wait for their settlement"
    est = m.UnsettledEstimate.get(m.UnsettledEstimate.order_id == tj.order_id(delivered[0]))
    assert est.estimated_at is not None and est.delivered_at is not None
    assert est.est_settlement_amount == est.est_revenue_amount + est.est_shipping_cost_amount + est.est_fee_tax_amount
    sb.advance(20 * DAY)
    sync(sb, shop, client)
    assert not m.UnsettledEstimate.select().where(m.UnsettledEstimate.order_id == tj.order_id(delivered[0])).exists()
    assert m.SettlementLine.select().where(m.SettlementLine.order_id == tj.order_id(delivered[0])).exists()


def test_an_amount_with_a_fraction_is_refused_in_words_and_the_rest_kept(sb, shop, client):  # noqa: F811
    o = _settled_order(sb, shop)
    sb.dialect.finance.fractional.add(o.order_id)
    summary = sync(sb, shop, client)
    assert summary.status == "partial"
    assert any(e.startswith("transaction ") and tj.order_id(o) in e and ".50'" in e
               and "rupiah have no fraction, so TokoDesk does not round it" in e for e in summary.errors)
    assert not m.SettlementLine.select().where(m.SettlementLine.order_id == tj.order_id(o)).exists()
    assert m.SettlementLine.select().count() == len(settled_in_sandbox(sb)) - 1
    # Its statement is read again next time (the platform may correct it).
    assert m.Statement.select().where(m.Statement.transactions_read_at.is_null()).count() == 1
    sb.dialect.finance.fractional.clear()
    assert sync(sb, shop, client).status == "ok"
    assert m.SettlementLine.select().where(m.SettlementLine.order_id == tj.order_id(o)).exists()


def test_a_lost_page_fails_the_run_and_the_next_run_completes(sb, shop, client):  # noqa: F811
    sb.faults.force("finance_statement_transactions", "error", 50)
    summary = sync(sb, shop, client)
    assert summary.status == "failed" and "payouts sync stopped" in summary.errors[-1]
    sb.faults.clear()
    assert sync(sb, shop, client).status == "ok"
    assert m.SettlementLine.select().count() == len(settled_in_sandbox(sb))


def test_the_order_settlement_per_sku(sb, shop, client):  # noqa: F811
    o = _settled_order(sb, shop)
    got = client.order_settlement(tj.order_id(o))
    assert got.order_id == tj.order_id(o)
    assert sum(s.quantity for s in got.skus) == sum(line.quantity for line in o.lines)
    assert got.revenue_amount == o.items_total


def test_a_legacy_tokopedia_channel_has_no_payouts(tokodesk_home):
    from tokodesk.store.connection import close_database, open_database

    open_database()
    try:
        ch = m.Channel.create(name="legacy", marketplace="tokopedia")
        summary = payout_sync.sync_payouts(ch)
        assert summary.status == "skipped"
        assert "no finance reads" in summary.errors[0] and "Seller Center" in summary.errors[0]
        assert payout_sync.next_due(ch, m.utcnow())[0] is None
    finally:
        close_database()


def test_the_payout_book_matches_the_shops_fee_rules(sb, shop, client):  # noqa: F811
    from tokodesk.services import payout_book

    sync(sb, shop, client)
    book = payout_book.load(now=shop_now(sb))
    settled = [p for p in book.orders if p.status == "settled" and p.known]
    assert settled
    finance = sb.dialect.finance
    for p in settled:
        o = sb.order(tj.decode(p.order_id, tj.ORDER_BASE))
        txns = [t for t in finance.transactions(o) if t.statement_day * DAY <= sb.clock.now()]
        plain = len(txns) == 1 and "affiliate_commission_amount" not in txns[0].fees
        # The sandbox charges what FEE_RULES say: an order with nothing unusual is exactly as expected.
        assert (p.difference == 0) == plain, (p.order_id, p.difference, p.why())
        assert sum(c.amount for c in p.causes) == p.difference
        if not plain:
            assert p.unexpected and "unexplained" not in {c.kind for c in p.causes}
    assert book.unexpected() and all(p.unexpected for p in book.unexpected())
    assert sum(w.settled for w in book.weekly()) == sum(s.settlement_amount for s in book.statements)
    assert {"platform_commission_amount", "dynamic_commission_amount", "transaction_fee_amount"} <= set(
        book.fee_totals())
    assert book.withdrawals and book.statements[0].complete


def test_a_late_settlement_waits_as_unsettled_then_settles(sb, channel, client):  # noqa: F811
    from tokodesk.services import payout_book

    sb.dialect.returns_book.rate = 0.0
    ch = pulled(sb, channel, client)
    finance = sb.dialect.finance
    finance.late_rate = 1.0  # every order of this shop settles late
    sb.advance(3 * DAY)
    with sb.shop.lock:
        now = sb.dialect._finance_now()
        delivered = [o for o in sb.shop.orders.values() if o.delivered_time is not None
                     and o.delivered_time + finance.settle_after + DAY < now < finance.settle_at(o)]
    assert delivered, "some orders should be past their usual settlement and still waiting"
    sync(sb, ch, client)
    book = payout_book.load(now=shop_now(sb))
    late = {p.order_id for p in book.overdue(days=int(finance.settle_after // DAY))}
    assert tj.order_id(delivered[0]) in late
    sb.advance(finance.late_extra + DAY)
    sync(sb, ch, client)
    again = payout_book.load(now=shop_now(sb)).order(tj.order_id(delivered[0]))
    assert again is not None and again.status == "settled"


def test_the_sync_and_the_book_on_postgresql(sb, pg_url, monkeypatch, capsys):  # noqa: F811
    """Several stations share PostgreSQL: the same sync, twice, and the same book."""
    from tests.integration.tiktokshop_setup import add_and_authorize
    from tokodesk.marketplace.tiktokshop import TikTokShopClient
    from tokodesk.services import payout_book
    from tokodesk.store.connection import close_database

    monkeypatch.setenv("TOKODESK_DB", pg_url)
    try:
        ch = add_and_authorize(sb, monkeypatch, capsys)
        assert "postgresql" in type(m.db.obj).__name__.lower()
        live = TikTokShopClient.from_channel(ch, timeout=10, sleep=sb.clock.advance)
        sb.advance(6 * DAY)
        first = payout_sync.sync_payouts(ch, live, now=shop_now(sb))
        assert first.status == "ok" and first.created > 0, first.errors
        assert payout_sync.sync_payouts(ch, live, now=shop_now(sb)).created == 0
        assert m.SettlementLine.select().count() == len(settled_in_sandbox(sb))
        book = payout_book.load(now=shop_now(sb))
        assert sum(w.settled for w in book.weekly()) == sum(s.settlement_amount for s in book.statements)
        live.close()
    finally:
        close_database()
