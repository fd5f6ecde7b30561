"""Payouts: what each order really earned, and where the money went (issue 22). Pure functions over plain records;
`load()` (services/payout_book.py) builds them from the store for the CLI, the exports and the Payouts tab.

Per order:
- buyer paid: the order total as the marketplace gave it (`Order.total_amount`);
- pass-through: what of it was shipping and insurance, paid on to the courier (total − Σ line price × quantity);
- expected fees: `FEE_RULES` applied to the order's lines, and the expected net = order total − pass-through − those
  fees (what the seller can expect when nothing unusual happens);
- net: the sum of every settlement line of the order (its settlement, a later refund, adjustments), or the
  platform's estimate when none is settled yet (`estimated`);
- difference = net − expected net, taken apart into causes in words (`Cause`): a return or refund clawed back, an
  adjustment, a fee that differs from the rules (a fee change), a fee the rules do not cover (affiliate commission…),
  shipping the buyer's payment did not cover, taxes; what is left is "unexplained". The causes add up to the
  difference exactly: every figure is an integer number of rupiah, no float touches money.

Signs: as the marketplace sends them (marketplace/finance.py): fees and costs negative, money to the seller positive.
`expected_fees()` returns fees as positive amounts (what the rules take).

The fee rules (Indonesia, Tokopedia & Shop, a non-Mall "Marketplace" seller) are `FEE_RULES`, one row each with
where its figure comes from (the shared research notes are read-only; this is the table of record):
- platform_commission_amount: 6.97% of (price − seller discount) per line. Seller University "Biaya Komisi
  Platform" (knowledge_id 5411650459305729, 11 Feb 2026): 6.97% incl. tax for every category outside its table; a
  category in the table has its own rate (set `FeeRule.rate`).
- dynamic_commission_amount: 4.00% per item, at most Rp 40.000 per item. Seller University "Introduction to Seller
  Fees" (knowledge_id 7753828090824449, 30 Jul 2025) gives the cap and the start (10 Jun 2025); the cluster rate is
  in a picture on that page, not in its text, so 4.00% is TokoDesk's assumption (`assumed=True`).
- transaction_fee_amount: Rp 1.250 per delivered order, the Order Processing Fee of the same page (since 11 Aug
  2025, whatever the items). The API's field for it is not documented; "transaction_fee_amount" ("charged for
  processing successful orders") is TokoDesk's reading.

Rounding: each line's fee is rounded half up to the rupiah (the platform does not document its rounding), so a
difference within `tolerance` rupiah (one per order line by default) is not reported as unexpected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone

from tokodesk import config
from tokodesk.documents.fmt import rupiah
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace import finance as fin


@dataclass(frozen=True)
class FeeRule:
    name: str  # the platform's field name in fee_tax_breakdown.fee
    label: str
    per: str  # "line": rate × (price × quantity); "item": rate × price per unit, capped; "order": a fixed amount
    rate: int = 0  # hundredths of a percent (697 = 6.97%)
    fixed: int = 0  # rupiah per order (per == "order")
    cap_per_item: int | None = None
    assumed: bool = False  # the figure is TokoDesk's assumption, not a published one
    source: str = ""


FEE_RULES: tuple[FeeRule, ...] = (
    FeeRule("platform_commission_amount", QT_TRANSLATE_NOOP("Payouts", "Platform commission"), "line", rate=697,
            source="Seller University 'Biaya Komisi Platform' (5411650459305729): 6.97% outside the category table"),
    FeeRule("dynamic_commission_amount", QT_TRANSLATE_NOOP("Payouts", "Dynamic commission"), "item", rate=400,
            cap_per_item=40_000, assumed=True,
            source="Seller University 'Introduction to Seller Fees' (7753828090824449): capped at Rp 40.000 per item; "
                   "the rate is TokoDesk's assumption"),
    FeeRule("transaction_fee_amount", QT_TRANSLATE_NOOP("Payouts", "Order processing fee"), "order", fixed=1_250,
            source="Seller University 'Introduction to Seller Fees' (7753828090824449): Rp 1.250 per delivered order"),
)


def with_rates(rates: Mapping[str, int], rules: Sequence[FeeRule] = FEE_RULES) -> tuple[FeeRule, ...]:
    """The rules with the seller's own rates (`rates`: platform field name -> hundredths of a percent), e.g. the
    commission of their category from Seller Center's table; a rule without a rate (a fixed fee) is left as it is."""
    out = []
    for rule in rules:
        rate = rates.get(rule.name)
        if rate is None or rule.per == "order":
            out.append(rule)
        else:
            out.append(replace(rule, rate=int(rate), assumed=False, source="set by the seller (payouts rates)"))
    return tuple(out)


def share(base: int, rate: int) -> int:
    """base × rate / 10,000 rounded half up, in integers."""
    return (base * rate + 5_000) // 10_000 if base >= 0 else -((-base * rate + 5_000) // 10_000)


# ---- the records the functions take (built from the store by payout_book.load) ------------------------------------
@dataclass(frozen=True)
class LineFacts:
    """One order line as the seller sold it."""

    sku: str  # the marketplace's seller SKU
    seller_sku: str | None
    name: str
    quantity: int
    price: int  # per unit, after the seller's discount
    cost: int | None = None  # the seller's cost price per unit (None: not entered)

    @property
    def value(self) -> int:
        return self.price * self.quantity


@dataclass(frozen=True)
class OrderFacts:
    order_id: str
    invoice: str = ""
    channel: str = ""
    state: str = ""
    created_at: datetime | None = None
    delivered_at: datetime | None = None  # the platform's delivery time when known
    total_amount: int = 0  # what the buyer paid
    lines: tuple[LineFacts, ...] = ()
    refund_total: int = 0  # refunds of its returns as TokoDesk knows them (words only; the money is in the lines)


@dataclass(frozen=True)
class SettlementRecord:
    """One settlement line (store: SettlementLine) or an estimate (UnsettledEstimate, `estimated`)."""

    order_id: str
    kind: str  # ORDER, RESERVE or an adjustment type
    settlement_amount: int
    adjustment_amount: int = 0
    amounts: tuple[fin.Amount, ...] = ()
    statement_id: str = ""
    statement_time: datetime | None = None
    transaction_id: str = ""
    estimated: bool = False
    channel: str = ""


# ---- what they give ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cause:
    kind: str  # refund | adjustment | fee_change | fee_not_in_rules | shipping | tax | revenue | not_settled |
    # unexplained
    amount: int  # signed: its share of the difference
    text: str  # in words (English), with the amounts
    template: str = ""  # one of CAUSE_TEMPLATES: translate it, then .format(**params)
    params: Mapping[str, str] = field(default_factory=dict)

    def words(self, tr: Callable[[str], str]) -> str:
        """The cause in the language of `tr` (a window's or the documents' translator)."""
        if not self.template:
            return self.text
        params = {k: tr(v) if k == "label" else v for k, v in self.params.items()}
        if "kind" in params:
            params["kind"] = adjustment_kind(params["kind"], tr)
        return tr(self.template).format(**params)


@dataclass(frozen=True)
class FeeLine:
    name: str  # the platform's field name
    group: str  # fin.FEE, fin.TAX, fin.SHIPPING, fin.REVENUE
    charged: int  # signed, summed over the order's lines
    expected: int | None  # signed, by FEE_RULES (None: the rules have none for it)


@dataclass
class OrderPayout:
    order_id: str
    invoice: str = ""
    channel: str = ""
    state: str = ""
    known: bool = True  # the order is in TokoDesk (False: settled money for an order never pulled)
    buyer_paid: int = 0
    items_total: int = 0
    pass_through: int = 0
    expected_fees: dict[str, int] = field(default_factory=dict)  # positive, by FEE_RULES
    expected_net: int = 0
    status: str = "unsettled"  # settled | estimated | unsettled (neither a settlement nor an estimate)
    net: int | None = None
    difference: int | None = None
    causes: list[Cause] = field(default_factory=list)
    fees: list[FeeLine] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)  # statement ids, oldest first
    settled_at: datetime | None = None  # its first statement
    delivered_at: datetime | None = None
    created_at: datetime | None = None
    unexpected: bool = False
    cost: int | None = None  # Σ cost × quantity; None when a line has no cost price
    margin: int | None = None  # net (or the estimate) − cost
    missing_costs: list[str] = field(default_factory=list)  # seller SKUs without a cost price
    lines: tuple[LineFacts, ...] = ()

    @property
    def estimated(self) -> bool:
        return self.status == "estimated"

    def why(self, tr: Callable[[str], str] | None = None) -> str:
        """The causes in one line of words ("" when the payout is as expected), translated by `tr` when given."""
        return "; ".join(c.words(tr) if tr else c.text for c in self.causes)


def expected_fees(lines: Sequence[LineFacts], rules: Sequence[FeeRule] = FEE_RULES) -> dict[str, int]:
    """The fees the rules give for these lines, positive, by the platform's field name."""
    out: dict[str, int] = {}
    for rule in rules:
        if rule.per == "line":
            amount = sum(share(line.value, rule.rate) for line in lines)
        elif rule.per == "item":
            amount = 0
            for line in lines:
                unit = share(line.price, rule.rate)
                if rule.cap_per_item is not None:
                    unit = min(unit, rule.cap_per_item)
                amount += unit * line.quantity
        else:
            amount = rule.fixed if lines else 0
        out[rule.name] = amount
    return out


def _sum_amounts(records: Iterable[SettlementRecord]) -> dict[tuple[str, str], int]:
    total: dict[tuple[str, str], int] = {}
    for rec in records:
        for a in rec.amounts:
            total[(a.group, a.name)] = total.get((a.group, a.name), 0) + a.amount
    return total


def _label(name: str) -> str:
    return next((r.label for r in FEE_RULES if r.name == name), name)


# The causes' words: English templates a window translates (tr(template).format(**params)) and the documents'
# Indonesian dictionary carries (documents/fmt.py). Params are already formatted (rupiah, field names).
REFUND_TOOK = QT_TRANSLATE_NOOP("Payouts", "a return or refund took {amount} back")
REFUND_GAVE = QT_TRANSLATE_NOOP("Payouts", "a refund gave {amount} back")
NOT_SETTLED = QT_TRANSLATE_NOOP("Payouts", "the order itself is not in a statement yet (its lines, {amount})")
REVENUE = QT_TRANSLATE_NOOP("Payouts",
                            "revenue differs from the order lines by {amount} (seller discounts, a changed price)")
SHIPPING_COST = QT_TRANSLATE_NOOP("Payouts", "shipping cost the seller {amount} more than the buyer paid")
SHIPPING_SUBSIDY = QT_TRANSLATE_NOOP("Payouts", "shipping subsidies added {amount}")
FEE_NOT_IN_RULES = QT_TRANSLATE_NOOP("Payouts", "{name} {amount} (not in TokoDesk's fee rules)")
FEE_GIVEN_BACK = QT_TRANSLATE_NOOP("Payouts", "{name}: {amount} given back with the refund")
FEE_CHANGE = QT_TRANSLATE_NOOP("Payouts", "{label} ({name}) was {charged}, the fee rules give {expected}: a fee change "
                                           "or another rate for this category")
TAXES = QT_TRANSLATE_NOOP("Payouts", "taxes {amount}")
ADJUSTMENT = QT_TRANSLATE_NOOP("Payouts", "{kind}: {amount}")
ESTIMATED_ADJUSTMENT = QT_TRANSLATE_NOOP("Payouts", "{kind} (estimated): {amount}")
OTHER_ADJUSTMENT = QT_TRANSLATE_NOOP("Payouts", "an adjustment {code}")  # a type not in ADJUSTMENT_WORDS
UNEXPLAINED = QT_TRANSLATE_NOOP("Payouts", "{amount} that TokoDesk cannot explain from the marketplace's breakdown")
CAUSE_TEMPLATES = (REFUND_TOOK, REFUND_GAVE, NOT_SETTLED, REVENUE, SHIPPING_COST, SHIPPING_SUBSIDY, FEE_NOT_IN_RULES,
                   FEE_GIVEN_BACK, FEE_CHANGE, TAXES, ADJUSTMENT, ESTIMATED_ADJUSTMENT, UNEXPLAINED)


# Adjustment types (Get Statement Transactions' `type`) in words: a seller reads "Platform penalty", not
# PLATFORM_PENALTY; a type not listed is named by its code.
ADJUSTMENT_WORDS = {
    "SHIPPING_FEE_ADJUSTMENT": QT_TRANSLATE_NOOP("Payouts", "Shipping fee adjustment"),
    "SHIPPING_FEE_COMPENSATION": QT_TRANSLATE_NOOP("Payouts", "Shipping fee compensation"),
    "SHIPPING_FEE_REBATE": QT_TRANSLATE_NOOP("Payouts", "Shipping fee rebate"),
    "PLATFORM_PENALTY": QT_TRANSLATE_NOOP("Payouts", "Platform penalty"),
    "PLATFORM_COMPENSATION": QT_TRANSLATE_NOOP("Payouts", "Platform compensation"),
    "PLATFORM_REIMBURSEMENT": QT_TRANSLATE_NOOP("Payouts", "Platform reimbursement"),
    "LOGISTICS_REIMBURSEMENT": QT_TRANSLATE_NOOP("Payouts", "Logistics reimbursement"),
    "DEDUCTIONS_INCURRED_BY_SELLER": QT_TRANSLATE_NOOP("Payouts", "Deduction charged to the seller"),
    "CHARGE_BACK": QT_TRANSLATE_NOOP("Payouts", "Chargeback"),
    "PROMOTION_ADJUSTMENT": QT_TRANSLATE_NOOP("Payouts", "Promotion adjustment"),
    "REFUND": QT_TRANSLATE_NOOP("Payouts", "Refund"),
    "RESERVE": QT_TRANSLATE_NOOP("Payouts", "Reserve"),
}


def adjustment_kind(code: str, tr: Callable[[str], str] | None = None) -> str:
    """An adjustment's type in words (in the language of `tr`)."""
    tr = tr or (lambda text: text)
    word = ADJUSTMENT_WORDS.get(code)
    return tr(word) if word else tr(OTHER_ADJUSTMENT).format(code=code)


def _cause(cause_kind: str, share_: int, template: str, /, **params: object) -> Cause:
    shown = {k: rupiah(v) if isinstance(v, int) else str(v) for k, v in params.items()}
    english = {**shown, "kind": adjustment_kind(shown["kind"])} if "kind" in shown else shown
    return Cause(cause_kind, share_, template.format(**english), template, shown)


def explain(difference: int, records: Sequence[SettlementRecord], items_total: int, expected: Mapping[str, int]
            ) -> list[Cause]:
    """The difference (net − expected net) taken apart, in words; the causes add up to `difference` exactly."""
    causes: list[Cause] = []
    amounts = _sum_amounts(records)
    # Revenue: the order's lines are expected in full; refunds and other revenue items are causes.
    refund = sum(v for (g, n), v in amounts.items() if g == fin.REVENUE and "refund" in n)
    if refund:
        causes.append(_cause("refund", refund, REFUND_TOOK if refund < 0 else REFUND_GAVE, amount=abs(refund)))
    revenue = sum(v for (g, _n), v in amounts.items() if g == fin.REVENUE)
    other_revenue = revenue - refund - items_total
    if not any(g == fin.REVENUE for g, _n in amounts) and not any(r.kind == "ORDER" for r in records):
        if items_total:
            causes.append(_cause("not_settled", -items_total, NOT_SETTLED, amount=items_total))
    elif other_revenue:
        causes.append(_cause("revenue", other_revenue, REVENUE, amount=other_revenue))
    # Shipping: the buyer's payment covers it when nothing unusual happens.
    shipping = sum(v for (g, _n), v in amounts.items() if g == fin.SHIPPING)
    if shipping:
        causes.append(_cause("shipping", shipping, SHIPPING_COST if shipping < 0 else SHIPPING_SUBSIDY,
                             amount=abs(shipping)))
    # Fees: each rule's against what was charged; the others by name.
    charged = {n: v for (g, n), v in amounts.items() if g == fin.FEE}
    for name in sorted(set(charged) | set(expected)):
        got, want = charged.get(name, 0), expected.get(name)
        if want is None:
            if got:
                causes.append(_cause("fee_not_in_rules", got, FEE_NOT_IN_RULES, name=name, amount=got))
            continue
        delta = got + want  # got is negative, want positive
        if not delta:
            continue
        if refund and delta > 0:
            causes.append(_cause("refund", delta, FEE_GIVEN_BACK, name=name, amount=delta))
        else:
            causes.append(_cause("fee_change", delta, FEE_CHANGE, label=_label(name), name=name, charged=-got,
                                 expected=want))
    tax = sum(v for (g, _n), v in amounts.items() if g == fin.TAX)
    if tax:
        causes.append(_cause("tax", tax, TAXES, amount=tax))
    for rec in records:
        adjusted = rec.settlement_amount if rec.kind not in ("ORDER", "RESERVE") else rec.adjustment_amount
        if adjusted:
            causes.append(_cause("adjustment", adjusted, ESTIMATED_ADJUSTMENT if rec.estimated else ADJUSTMENT,
                                 kind=rec.kind, amount=adjusted))
    left = difference - sum(c.amount for c in causes)
    if left:
        causes.append(_cause("unexplained", left, UNEXPLAINED, amount=left))
    return causes


def order_payout(order: OrderFacts | None, records: Sequence[SettlementRecord],
                 estimate: Sequence[SettlementRecord] = (), *, rules: Sequence[FeeRule] = FEE_RULES,
                 tolerance: int | None = None) -> OrderPayout:
    """One order's payout from what the seller sold (`order`, None when never pulled), its settlement lines
    (`records`, any number: settled across statements, adjusted later) and the platform's estimate."""
    order_id = order.order_id if order else (records or estimate)[0].order_id
    out = OrderPayout(order_id=order_id)
    if order is not None:
        items = sum(line.value for line in order.lines)
        fees = expected_fees(order.lines, rules)
        out.invoice, out.channel, out.state = order.invoice, order.channel, order.state
        out.buyer_paid, out.items_total, out.pass_through = order.total_amount, items, order.total_amount - items
        out.expected_fees = fees
        out.expected_net = order.total_amount - out.pass_through - sum(fees.values())
        out.delivered_at, out.created_at, out.lines = order.delivered_at, order.created_at, order.lines
    else:
        out.known, out.channel = False, (records or estimate)[0].channel
    # Adjustments settled before the order itself: the estimate stands for the order's part.
    used: Sequence[SettlementRecord] = records or estimate
    if records and estimate and not any(r.kind == "ORDER" for r in records):
        used = [*records, *estimate]
    if records and used is records:
        out.status = "settled"
        dated = sorted(records, key=lambda r: (r.statement_time or datetime.min, r.statement_id))
        out.statements = list(dict.fromkeys(r.statement_id for r in dated if r.statement_id))
        out.settled_at = dated[0].statement_time
    elif estimate:
        out.status = "estimated"

    if used:
        out.net = sum(r.settlement_amount for r in used)
        totals = _sum_amounts(used)
        names = {n for g, n in totals if g in (fin.FEE, fin.TAX)} | set(out.expected_fees)
        out.fees = [FeeLine(n, fin.TAX if (fin.TAX, n) in totals else fin.FEE,
                            totals.get((fin.FEE, n), 0) + totals.get((fin.TAX, n), 0),
                            -out.expected_fees[n] if n in out.expected_fees else None) for n in sorted(names)]
        if order is not None:
            out.difference = out.net - out.expected_net
            out.causes = explain(out.difference, used, out.items_total, out.expected_fees)
            allowed = len(order.lines) if tolerance is None else tolerance
            out.unexpected = abs(out.difference) > allowed
    _costs(out)
    return out


def _costs(out: OrderPayout) -> None:
    if not out.lines:
        return
    missing = [line.seller_sku or line.sku for line in out.lines if line.cost is None]
    out.missing_costs = list(dict.fromkeys(missing))
    if missing:
        return
    out.cost = sum((line.cost or 0) * line.quantity for line in out.lines)
    if out.net is not None:
        out.margin = out.net - out.cost


# ---- reports -------------------------------------------------------------------------------------------------------
def unexpected(payouts: Iterable[OrderPayout]) -> list[OrderPayout]:
    """Orders whose payout (settled or estimated) differs from what the rules give, largest difference first."""
    return sorted((p for p in payouts if p.unexpected), key=lambda p: (-abs(p.difference or 0), p.order_id))


def overdue(payouts: Iterable[OrderPayout], now: datetime, days: int = 14) -> list[OrderPayout]:
    """Orders delivered more than `days` days before `now` (naive UTC) and still not settled, longest first."""
    limit = now - timedelta(days=days)
    late = [p for p in payouts if p.status != "settled" and p.delivered_at is not None and p.delivered_at < limit]
    return sorted(late, key=lambda p: (p.delivered_at, p.order_id))


def week_of(moment: datetime) -> date:
    """The Monday (WIB) of the week a naive-UTC time falls in."""
    local = moment.replace(tzinfo=timezone.utc).astimezone(config.WIB).date()
    return local - timedelta(days=local.weekday())


@dataclass
class WeekTotal:
    week: date  # its Monday (WIB)
    settled: int = 0  # Σ settlement of the lines in the week's statements
    revenue: int = 0
    fees: dict[str, int] = field(default_factory=dict)  # by the platform's field name, signed
    shipping: int = 0
    adjustments: int = 0
    orders: int = 0  # distinct orders with a line that week

    @property
    def fee_total(self) -> int:
        return sum(self.fees.values())


def weekly_totals(records: Iterable[SettlementRecord]) -> list[WeekTotal]:
    """Totals by statement week: an order settled across two statements counts in both of their weeks."""
    weeks: dict[date, WeekTotal] = {}
    orders: dict[date, set[str]] = {}
    for rec in records:
        if rec.estimated or rec.statement_time is None:
            continue
        week = week_of(rec.statement_time)
        total = weeks.setdefault(week, WeekTotal(week))
        total.settled += rec.settlement_amount
        for a in rec.amounts:
            if a.group == fin.REVENUE:
                total.revenue += a.amount
            elif a.group in (fin.FEE, fin.TAX):
                total.fees[a.name] = total.fees.get(a.name, 0) + a.amount
            elif a.group == fin.SHIPPING:
                total.shipping += a.amount
        if rec.kind not in ("ORDER", "RESERVE"):
            total.adjustments += rec.settlement_amount
        else:
            total.adjustments += rec.adjustment_amount
        if rec.order_id:
            orders.setdefault(week, set()).add(rec.order_id)
    for week, total in weeks.items():
        total.orders = len(orders.get(week, ()))
    return [weeks[w] for w in sorted(weeks)]


def fee_totals(records: Iterable[SettlementRecord]) -> dict[str, int]:
    """Every fee and tax settled, by the platform's field name (signed), largest charge first."""
    out: dict[str, int] = {}
    for rec in records:
        if rec.estimated:
            continue
        for a in rec.amounts:
            if a.group in (fin.FEE, fin.TAX) and a.amount:
                out[a.name] = out.get(a.name, 0) + a.amount
    return dict(sorted(out.items(), key=lambda kv: (kv[1], kv[0])))


@dataclass
class SkuMargin:
    seller_sku: str
    name: str = ""
    quantity: int = 0
    net: int = 0  # its share of its orders' nets (settled or estimated)
    cost: int | None = 0  # None: no cost price entered
    orders: int = 0

    @property
    def margin(self) -> int | None:
        return None if self.cost is None else self.net - self.cost


def split(amount: int, weights: Sequence[int]) -> list[int]:
    """`amount` shared by `weights` in whole rupiah, the shares adding up exactly (largest remainders get the
    leftover rupiah, ties to the first)."""
    total = sum(weights)
    if not weights:
        return []
    if total <= 0:
        return [amount] + [0] * (len(weights) - 1)
    floors = [amount * w // total for w in weights]
    left = amount - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-((amount * weights[i]) % total), i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def sku_margins(payouts: Iterable[OrderPayout]) -> list[SkuMargin]:
    """Per seller SKU: units, the share of each order's net by line value, cost and margin (orders with a net)."""
    out: dict[str, SkuMargin] = {}
    for p in payouts:
        if p.net is None or not p.lines:
            continue
        shares = split(p.net, [line.value for line in p.lines])
        for line, part in zip(p.lines, shares, strict=True):
            key = line.seller_sku or line.sku
            row = out.setdefault(key, SkuMargin(key, line.name))
            row.quantity += line.quantity
            row.net += part
            row.orders += 1
            if line.cost is None or row.cost is None:
                row.cost = None
            else:
                row.cost += line.cost * line.quantity
    return sorted(out.values(), key=lambda r: r.seller_sku)
