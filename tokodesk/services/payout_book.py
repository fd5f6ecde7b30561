"""The payouts as the store holds them, ready for the CLI, the exports and the Payouts tab: `load()` reads the
statements, settlement lines, estimates, withdrawals, orders and cost prices once and hands back a `PayoutBook`
whose reports are the pure functions of services/payouts.py.

Which orders are in the book: every order with a settlement line or an estimate, and every delivered or completed
order created since the channel's first payouts sync began (so one that was never settled still shows, as
unsettled; one older than that was settled before TokoDesk looked, and is left out).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import peewee as pw

from tokodesk.marketplace import finance as fin
from tokodesk.services import payouts as po
from tokodesk.store import models as m

DELIVERED_STATES = ("delivered", "completed")


@dataclass(frozen=True)
class StatementRow:
    channel: str
    statement_id: str
    statement_time: datetime | None
    settlement_amount: int
    revenue_amount: int
    fee_amount: int
    adjustment_amount: int
    payment_status: str
    payment_time: datetime | None
    lines: int  # its settlement lines stored
    complete: bool  # every transaction of it was read


@dataclass(frozen=True)
class WithdrawalRow:
    channel: str
    withdrawal_id: str
    kind: str
    amount: int
    status: str
    created_at: datetime | None


@dataclass
class PayoutBook:
    orders: list[po.OrderPayout] = field(default_factory=list)  # newest first
    records: list[po.SettlementRecord] = field(default_factory=list)  # every settlement line
    statements: list[StatementRow] = field(default_factory=list)  # newest first
    withdrawals: list[WithdrawalRow] = field(default_factory=list)  # newest first
    now: datetime = field(default_factory=m.utcnow)

    def unexpected(self) -> list[po.OrderPayout]:
        return po.unexpected(self.orders)

    def overdue(self, days: int = 14) -> list[po.OrderPayout]:
        return po.overdue(self.orders, self.now, days)

    def weekly(self) -> list[po.WeekTotal]:
        return po.weekly_totals(self.records)

    def fee_totals(self) -> dict[str, int]:
        return po.fee_totals(self.records)

    def sku_margins(self) -> list[po.SkuMargin]:
        return po.sku_margins(self.orders)

    def order(self, order_id: str) -> po.OrderPayout | None:
        return next((p for p in self.orders if p.order_id == order_id), None)


def _amounts(raw: object) -> tuple[fin.Amount, ...]:
    out = []
    for item in raw or []:  # type: ignore[union-attr]
        if isinstance(item, (list, tuple)) and len(item) == 3:
            out.append(fin.Amount(str(item[0]), str(item[1]), int(item[2])))
    return tuple(out)


def _channels(channel: m.Channel | None) -> list[m.Channel]:
    from tokodesk.services.payout_sync import supported

    chosen = [channel] if channel is not None else list(m.Channel.select().order_by(m.Channel.name))
    return [c for c in chosen if supported(c)]


def _covered(ids: list[int]) -> object:
    """Delivered orders whose money the payout syncs have looked for: created since the start of a channel's first
    payouts sync. An older delivered order with no settlement line was settled before that, not "unsettled"."""
    runs = (m.SyncRun.select(m.SyncRun.channel, pw.fn.MIN(m.SyncRun.window_from))
            .where((m.SyncRun.kind == "payouts") & m.SyncRun.channel.in_(ids) & m.SyncRun.window_from.is_null(False)
                   & m.SyncRun.status.in_(("ok", "partial"))).group_by(m.SyncRun.channel).tuples())
    clauses = [(m.Order.channel == channel_id) & (m.Order.created_at >= since) for channel_id, since in runs]
    if not clauses:
        return m.Order.id < 0  # never synced: nothing is known to be unsettled
    found = clauses[0]
    for clause in clauses[1:]:
        found = found | clause
    return found


RATES_SETTING = "payout_fee_rates"  # AppSetting: {platform field name: hundredths of a percent}, the seller's own


def current_rules() -> tuple[po.FeeRule, ...]:
    """FEE_RULES with the rates the seller set (`tokodesk payouts rates`); a stored value that is not a rate is
    ignored (the published rule stands)."""
    stored = m.AppSetting.read(RATES_SETTING, {}) or {}
    rates = {str(k): int(v) for k, v in stored.items()
             if isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 10_000} if isinstance(stored, dict) else {}
    return po.with_rates(rates)


def set_rates(rates: dict[str, int | None]) -> tuple[po.FeeRule, ...]:
    """Store the seller's rates (None: back to the published rule); returns the rules in force."""
    known = {r.name for r in po.FEE_RULES if r.per != "order"}
    stored = dict(m.AppSetting.read(RATES_SETTING, {}) or {})
    for name, rate in rates.items():
        if name not in known:
            raise ValueError(f"{name} has no rate to set (rates: {', '.join(sorted(known))})")
        if rate is None:
            stored.pop(name, None)
        else:
            stored[name] = int(rate)
    m.AppSetting.write(RATES_SETTING, stored)
    return current_rules()


def load(channel: m.Channel | None = None, *, since: datetime | None = None, now: datetime | None = None,
         rules: Sequence[po.FeeRule] | None = None) -> PayoutBook:
    """Everything about payouts of `channel` (None: every channel with finance reads), for orders created since
    `since` (None: all), expected by `rules` (None: `current_rules()`). Read-only; a few queries whatever the
    number of orders."""
    book = PayoutBook(now=now or m.utcnow())
    if rules is None:
        rules = current_rules()
    channels = _channels(channel)
    if not channels:
        return book
    names = {c.id: c.name for c in channels}
    ids = list(names)
    statements = {s.id: s for s in m.Statement.select().where(m.Statement.channel.in_(ids))}
    per_order: dict[tuple[int, str], list[po.SettlementRecord]] = defaultdict(list)
    counts: dict[int, int] = defaultdict(int)
    # Plain tuples of the columns used: building a peewee model per row cost two thirds of the time at 20,000 orders.
    sl = m.SettlementLine
    for (statement_pk, channel_id, order_id, kind, settled, adjusted, raw, when, txn) in sl.select(
            sl.statement, sl.channel, sl.order_id, sl.kind, sl.settlement_amount, sl.adjustment_amount, sl.amounts,
            sl.statement_time, sl.transaction_id).where(sl.channel.in_(ids)).tuples():
        st = statements.get(statement_pk)
        rec = po.SettlementRecord(
            order_id=order_id, kind=kind, settlement_amount=settled, adjustment_amount=adjusted,
            amounts=_amounts(raw), statement_id=st.statement_id if st else "", statement_time=when,
            transaction_id=txn, channel=names[channel_id],
        )
        book.records.append(rec)
        counts[statement_pk] += 1
        if order_id:
            per_order[(channel_id, order_id)].append(rec)
    estimates: dict[tuple[int, str], list[po.SettlementRecord]] = defaultdict(list)
    delivered_at: dict[tuple[int, str], datetime] = {}
    ue = m.UnsettledEstimate
    for (channel_id, order_id, kind, settled, adjusted, raw, txn, delivered) in ue.select(
            ue.channel, ue.order_id, ue.kind, ue.est_settlement_amount, ue.est_adjustment_amount, ue.amounts,
            ue.transaction_id, ue.delivered_at).where(ue.channel.in_(ids)).tuples():
        if not order_id:
            continue
        key = (channel_id, order_id)
        estimates[key].append(po.SettlementRecord(
            order_id=order_id, kind=kind, settlement_amount=settled, adjustment_amount=adjusted,
            amounts=_amounts(raw), estimated=True, transaction_id=txn, channel=names[channel_id]))
        if delivered is not None:
            delivered_at[key] = delivered
    keys = set(per_order) | set(estimates)
    o = m.Order
    columns = (o.id, o.channel, o.order_id, o.invoice, o.state, o.created_at, o.updated_at, o.total_amount)
    orders: dict[tuple[int, str], tuple] = {}
    wanted_ids = sorted({order_id for _c, order_id in keys})
    queries = [o.select(*columns).where(o.channel.in_(ids) & o.state.in_(DELIVERED_STATES)
                                        & _covered(ids))] + [
        o.select(*columns).where(o.channel.in_(ids) & o.order_id.in_(wanted_ids[start:start + 500]))
        for start in range(0, len(wanted_ids), 500)]
    for query in queries:
        if since is not None:
            query = query.where(o.created_at >= since)
        for row in query.tuples():
            orders[(row[1], row[2])] = row
    costs = {sku: cost for sku, cost in m.StockItem.select(m.StockItem.seller_sku, m.StockItem.cost_price).tuples()}
    lines: dict[int, list[tuple]] = defaultdict(list)
    pks = [row[0] for row in orders.values()]
    ol = m.OrderLine
    for start in range(0, len(pks), 500):
        for line in ol.select(ol.order, ol.sku, ol.seller_sku, ol.name, ol.quantity, ol.price).where(
                ol.order.in_(pks[start:start + 500])).order_by(ol.order, ol.line_no).tuples():
            lines[line[0]].append(line)
    for key in sorted(set(orders) | (keys if since is None else set())):
        row = orders.get(key)
        facts = None
        if row is not None:
            pk, channel_id, order_id, invoice, state, created_at, updated_at, total = row
            facts = po.OrderFacts(
                order_id=order_id, invoice=invoice, channel=names[channel_id], state=state, created_at=created_at,
                delivered_at=delivered_at.get(key) or (updated_at if state in DELIVERED_STATES else None),
                total_amount=total,
                lines=tuple(po.LineFacts(sku=sku, seller_sku=seller_sku, name=name, quantity=qty, price=price,
                                         cost=costs.get(seller_sku) if seller_sku else None)
                            for _pk, sku, seller_sku, name, qty, price in lines.get(pk, [])),
            )
        book.orders.append(po.order_payout(facts, per_order.get(key, []), estimates.get(key, []), rules=rules))
    book.orders.sort(key=lambda p: (p.created_at or p.settled_at or datetime.min, p.order_id), reverse=True)
    book.statements = sorted(
        (StatementRow(names[s.channel_id], s.statement_id, s.statement_time, s.settlement_amount, s.revenue_amount,
                      s.fee_amount, s.adjustment_amount, s.payment_status, s.payment_time, counts.get(s.id, 0),
                      s.transactions_read_at is not None) for s in statements.values()),
        key=lambda r: (r.statement_time or datetime.min, r.statement_id), reverse=True)
    book.withdrawals = sorted(
        (WithdrawalRow(names[w.channel_id], w.withdrawal_id, w.kind, w.amount, w.status, w.created_at)
         for w in m.Withdrawal.select().where(m.Withdrawal.channel.in_(ids))),
        key=lambda r: (r.created_at or datetime.min, r.withdrawal_id), reverse=True)
    return book
