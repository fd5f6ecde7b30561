"""Finance reads in the sandbox's TikTok Shop dialect (Finance reference: Get Statements, Get Transactions by
Statement / by Order, Get Unsettled Transactions, Get Withdrawals).

Pages modelled (the official reference, lazykern/ecommerce-api-docs data/raw/tiktok/api-reference/finance/):
get-statements, get-transactions-by-statement, get-transactions-by-order, get-unsettled-transactions and
get-withdrawals (.doc.json for the behaviour, .spec.json for the fields), checked against the OpenAPI description
(tests/oas/). What those pages leave open (when a statement is made, the fee rates) is said below as a choice.

Everything is derived from the shop's orders and returns when asked, so it follows the shop clock (`Sandbox.advance`):
- an order is settled when it is completed: the buyer confirms receipt (seeded) within `settle_after` (2 days) of
  the delivery, else the platform completes it then; a seeded share (`late_rate`) settles `late_extra` (5 days)
  later still ("late settlements"). Statements are made daily at 00:00 UTC for the day before;
- the fees follow the rates below (Indonesia, a non-Mall seller; the same figures as services/payouts.FEE_RULES, with
  their sources there). A seeded share of orders came through an affiliate (`affiliate_commission_amount`, outside
  the rules, so TokoDesk shows it as a cause);
- a refund approved before the settlement is netted in it (`refund_subtotal_before_discount_amount`); one approved
  after it comes as a second ORDER transaction of the same order in a later statement: the money clawed back, less
  the commissions given back (the order processing fee is not given back);
- a seeded share of settled orders gets a SHIPPING_FEE_ADJUSTMENT three days later (`adjust()` adds one at will);
- withdrawals: each paid statement is settled to the balance (SETTLE) and withdrawn the next day (WITHDRAW).

Amounts are signed strings as the API sends them (fees negative). `fractional` (order numbers) makes an order's
settlement carry a fraction of a rupiah, which a client must refuse rather than round. The usual faults (5xx, slow,
lost, 429) come from the server's fault plan like every other endpoint.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.sandbox.shop import CANCELLED, Order

DAY = 86400
STATEMENT_BASE = 7_238_000_000_000_000_000
TRANSACTION_BASE = 1_636_000_000_000_000_000
ADJUSTMENT_BASE = 7_239_000_000_000_000_000
PAYMENT_BASE = 3_459_000_000_000_000_000
WITHDRAWAL_BASE = 6_120_000_000_000_000_000

# The fee rules of the sandbox shop (rates in hundredths of a percent; amounts in rupiah).
COMMISSION_RATE = 697  # platform_commission_amount: 6.97% of (price - seller discount), per line
DYNAMIC_RATE = 400  # dynamic_commission_amount: 4.00% per item, capped per item
DYNAMIC_CAP = 40_000
ORDER_FEE = 1_250  # transaction_fee_amount: the order processing fee, per delivered order
AFFILIATE_RATE = 500  # affiliate_commission_amount on affiliate orders


def share(base: int, rate: int) -> int:
    """base × rate / 10,000, rounded half up, in integers (no float ever touches money)."""
    return (base * rate + 5_000) // 10_000


def _roll(seed: int, label: str) -> float:
    digest = hashlib.sha256(f"tokodesk-sandbox-finance:{seed}:{label}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


@dataclass
class Txn:
    """One finance transaction as the sandbox derives it."""

    number: int
    at: float  # when it is settled (its statement is the next 00:00 UTC)
    kind: str  # ORDER | SHIPPING_FEE_ADJUSTMENT | …
    order: Order
    revenue: dict[str, int] = field(default_factory=dict)
    shipping: dict[str, int] = field(default_factory=dict)
    fees: dict[str, int] = field(default_factory=dict)
    adjustment: int = 0
    fraction: bool = False

    @property
    def statement_day(self) -> int:
        return int(self.at // DAY) + 1  # the statement made at 00:00 UTC of the next day

    def total(self, part: dict[str, int]) -> int:
        return sum(part.values())

    @property
    def settlement(self) -> int:
        return self.total(self.revenue) + self.total(self.shipping) + self.total(self.fees) + self.adjustment


class FinanceBook:
    """The shop's money. Callers hold the shop lock and have ticked the shop and its returns."""

    def __init__(self, shop: Any, seed: int, returns: Any) -> None:
        self.shop = shop
        self.seed = seed
        self.returns = returns
        # Settled when the order is completed: the buyer confirms receipt some time after delivery, or the platform
        # completes it by itself `settle_after` after delivery.
        self.settle_after = 2 * DAY
        self.late_rate = 0.15
        self.late_extra = 5 * DAY
        self.affiliate_rate = 0.2
        self.adjust_rate = 0.1
        self.adjustments: list[tuple[int, str, int, float]] = []  # (order number, type, amount, at)
        self.fractional: set[int] = set()

    # ---- the rules ---------------------------------------------------------------------------------------
    def settle_at(self, o: Order) -> float | None:
        if o.delivered_time is None or o.status in CANCELLED:
            return None
        late = _roll(self.seed, f"{o.order_id}:late") < self.late_rate
        confirmed = self.settle_after * (0.25 + 0.75 * _roll(self.seed, f"{o.order_id}:confirm"))
        return o.delivered_time + confirmed + (self.late_extra if late else 0)

    def _fees(self, o: Order, kept: dict[int, int]) -> dict[str, int]:
        """The fees of the lines kept (`kept`: detail id -> quantity), negative."""
        commission = sum(share(line.price * kept.get(line.detail_id, 0), COMMISSION_RATE) for line in o.lines)
        dynamic = sum(min(share(line.price, DYNAMIC_RATE), DYNAMIC_CAP) * kept.get(line.detail_id, 0)
                      for line in o.lines)
        fees = {"platform_commission_amount": -commission, "dynamic_commission_amount": -dynamic}
        if _roll(self.seed, f"{o.order_id}:affiliate") < self.affiliate_rate:
            base = sum(line.price * kept.get(line.detail_id, 0) for line in o.lines)
            fees["affiliate_commission_amount"] = -share(base, AFFILIATE_RATE)
        return fees

    def _refund(self, o: Order) -> tuple[float, dict[int, int], int] | None:
        """(when, refunded detail id -> quantity, amount) of an approved refund of the order, if any."""
        number = self.returns.by_order.get(o.order_id)
        ret = self.returns.returns.get(number) if number is not None else None
        if ret is None or ret.status != "RETURN_OR_REFUND_REQUEST_SUCCESS":
            return None
        if ret.partial_amount is not None:
            return ret.update_time, {}, int(ret.partial_amount)
        refunded = {line.detail_id: line.quantity for line in ret.lines}
        return ret.update_time, refunded, sum(line.price * line.quantity for line in ret.lines)

    def transactions(self, o: Order) -> list[Txn]:
        """Every transaction of the order, settled or not yet."""
        at = self.settle_at(o)
        if at is None:
            return []
        everything = {line.detail_id: line.quantity for line in o.lines}
        refund = self._refund(o)
        clawed_before = refund is not None and refund[0] <= at
        kept = dict(everything)
        if clawed_before:
            for detail, qty in refund[1].items():
                kept[detail] = max(0, kept.get(detail, 0) - qty)
        revenue = {"subtotal_before_discount_amount": o.items_total, "seller_discount_amount": 0}
        if clawed_before:
            revenue["refund_subtotal_before_discount_amount"] = -refund[2]
        shipping = {"customer_paid_shipping_fee_amount": o.shipping_cost + o.insurance_cost,
                    "actual_shipping_fee_amount": -o.shipping_cost,
                    "shipping_insurance_fee_amount": -o.insurance_cost}
        fees = self._fees(o, kept)
        fees["transaction_fee_amount"] = -ORDER_FEE
        out = [Txn(o.order_id * 10, at, "ORDER", o, revenue, shipping, fees,
                   fraction=o.order_id in self.fractional)]
        if refund is not None and not clawed_before:
            # Settled already: the refund comes back out in a statement of its own, commissions given back.
            full = self._fees(o, everything)
            after = self._fees(o, {d: q - refund[1].get(d, 0) for d, q in everything.items()})
            given_back = {name: after.get(name, 0) - full[name] for name in full} if refund[1] else {}
            out.append(Txn(o.order_id * 10 + 1, refund[0], "ORDER", o,
                           {"refund_subtotal_before_discount_amount": -refund[2]}, {}, given_back))
        if _roll(self.seed, f"{o.order_id}:adjust") < self.adjust_rate:
            out.append(Txn(o.order_id * 10 + 2, at + 3 * DAY, "SHIPPING_FEE_ADJUSTMENT", o, adjustment=-2_000))
        for i, (number, kind, amount, when) in enumerate(self.adjustments):
            if number == o.order_id:
                out.append(Txn(o.order_id * 10 + 3 + i, when, kind, o, adjustment=amount))
        return out

    def adjust(self, o: Order, kind: str, amount: int, at: float | None = None) -> None:
        """An adjustment of `amount` rupiah (negative: taken from the seller) for the order, at `at` (default now)."""
        self.adjustments.append((o.order_id, kind, amount, self.shop.clock.now() if at is None else at))

    # ---- what the endpoints list ---------------------------------------------------------------------------
    def all_transactions(self) -> list[Txn]:
        return [t for n in self.shop.order_ids for t in self.transactions(self.shop.orders[n])]

    def settled(self, now: float) -> dict[int, list[Txn]]:
        """Statement day -> its transactions, for the statements made by `now`."""
        days: dict[int, list[Txn]] = {}
        for txn in self.all_transactions():
            if txn.statement_day * DAY <= now:
                days.setdefault(txn.statement_day, []).append(txn)
        return dict(sorted(days.items()))

    def unsettled(self, now: float) -> list[tuple[Order, Txn | None]]:
        """Orders on their way or delivered whose settlement is not in a statement yet (with it, when known)."""
        out = []
        for number in self.shop.order_ids:
            o = self.shop.orders[number]
            if o.status in CANCELLED or o.status < 400:
                continue
            main = next((t for t in self.transactions(o) if t.kind == "ORDER"), None)
            if main is None or main.statement_day * DAY > now:
                out.append((o, main))
        return out


def _money(value: int, fraction: bool = False) -> str:
    return f"{value}.50" if fraction else str(value)


def _dict(part: dict[str, int]) -> dict[str, str]:
    return {k: str(v) for k, v in part.items()}


def txn_json(txn: Txn) -> dict:
    o = txn.order
    fees = _dict(txn.fees)
    if txn.fraction and "transaction_fee_amount" in fees:
        fees["transaction_fee_amount"] = _money(txn.fees["transaction_fee_amount"], True)
    fee_total = txn.total(txn.fees)
    out: dict[str, Any] = {
        "id": str(TRANSACTION_BASE + txn.number), "type": txn.kind, "order_create_time": int(o.create_time),
        "settlement_amount": _money(txn.settlement, txn.fraction), "revenue_amount": str(txn.total(txn.revenue)),
        "revenue_breakdown": _dict(txn.revenue), "shipping_cost_amount": str(txn.total(txn.shipping)),
        "shipping_cost_breakdown": _dict(txn.shipping), "fee_tax_amount": _money(fee_total, txn.fraction),
        "fee_tax_breakdown": {"fee": fees, "tax": {}}, "adjustment_amount": str(txn.adjustment),
        "supplementary_component": {"customer_payment_amount": str(o.total)},
    }
    if txn.kind == "ORDER":
        out["order_id"] = tj.order_id(o)
    else:
        out["adjustment_id"] = str(ADJUSTMENT_BASE + txn.number)
        out["adjustment_order_id"] = tj.order_id(o)
    return out


class FinanceRoutes:
    """Handlers mixed into the TikTok Shop dialect (see tiktokshop.py's ROUTES)."""

    ctx: Any
    returns_book: Any
    finance: FinanceBook

    def _finance_now(self) -> float:
        shop = self.ctx.shop
        shop.tick()
        self.returns_book.tick()
        return self.ctx.clock.now()

    @staticmethod
    def _sorted(query: dict, field_name: str, items: list, key: Any) -> list:
        from tokodesk.sandbox.tiktokshop_routes import ApiError

        if query.get("sort_field") != field_name:
            raise ApiError(36009021, f"sort_field is required and must be {field_name}.")
        return sorted(items, key=key, reverse=query.get("sort_order") == "DESC")

    @staticmethod
    def _between(query: dict, ge: str, lt: str, value: float) -> bool:
        low, high = query.get(ge), query.get(lt)
        return (not low or value >= int(low)) and (not high or value < int(high))

    def _statement_json(self, day: int, txns: list[Txn], now: float) -> dict:
        made = day * DAY
        paid = made + DAY <= now
        return {
            "id": str(STATEMENT_BASE + day), "statement_time": made, "currency": "IDR",
            "settlement_amount": str(sum(t.settlement for t in txns)),
            "revenue_amount": str(sum(t.total(t.revenue) for t in txns)),
            "fee_amount": str(sum(t.total(t.fees) + t.total(t.shipping) for t in txns)),
            "adjustment_amount": str(sum(t.adjustment for t in txns)),
            "payment_status": "PAID" if paid else "PROCESSING", "payment_id": str(PAYMENT_BASE + day),
            **({"payment_time": made + DAY} if paid else {}),
        }

    def _finance_statements(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        from tokodesk.sandbox.tiktokshop_routes import _page

        with self.ctx.shop.lock:
            now = self._finance_now()
            days = [(d, t) for d, t in self.finance.settled(now).items()
                    if self._between(query, "statement_time_ge", "statement_time_lt", d * DAY)]
            if query.get("payment_status"):
                days = [(d, t) for d, t in days if self._statement_json(d, t, now)["payment_status"]
                        == query["payment_status"]]
            days = self._sorted(query, "statement_time", days, lambda item: item[0])
            chunk, token = _page(days, query, 100)
            return {"statements": [self._statement_json(d, t, now) for d, t in chunk], "next_page_token": token}

    def _finance_statement_transactions(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        from tokodesk.sandbox.tiktokshop_routes import ApiError, _page

        with self.ctx.shop.lock:
            now = self._finance_now()
            day = tj.decode(params["id"], STATEMENT_BASE)
            txns = self.finance.settled(now).get(day or -1)
            if txns is None:
                raise ApiError(36009021, f"Statement {params['id'][:40]} does not exist.")
            txns = self._sorted(query, "order_create_time", txns, lambda t: (t.order.create_time, t.number))
            chunk, token = _page(txns, query, 100)
            head = self._statement_json(day, txns, now)
            return {
                "id": head["id"], "create_time": day * DAY, "status": "SETTLED", "currency": "IDR",
                "total_settlement_amount": head["settlement_amount"], "payable_amount": head["settlement_amount"],
                "total_reserve_amount": "0", "total_count": len(txns),
                "total_settlement_breakdown": {
                    "total_revenue_amount": head["revenue_amount"],
                    "total_shipping_cost_amount": str(sum(t.total(t.shipping) for t in txns)),
                    "total_fee_tax_amount": str(sum(t.total(t.fees) for t in txns)),
                    "total_adjustment_amount": head["adjustment_amount"]},
                "transactions": [txn_json(t) for t in chunk], "next_page_token": token,
            }

    def _finance_order_transactions(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        from tokodesk.sandbox.tiktokshop_routes import ApiError

        with self.ctx.shop.lock:
            now = self._finance_now()
            number = tj.decode(params["id"], tj.ORDER_BASE)
            o = self.ctx.shop.orders.get(number) if number is not None else None
            if o is None:
                raise ApiError(36009021, f"Order {params['id'][:40]} does not exist.")
            txns = [t for t in self.finance.transactions(o) if t.kind == "ORDER" and t.statement_day * DAY <= now]
            if not txns:
                raise ApiError(36009021, f"Order {params['id'][:40]} is not settled yet.")
            skus = []
            for line in o.lines:
                skus.append({"sku_id": str(tj.SKU_BASE + line.product_id), "sku_name": line.name,
                             "product_name": line.name, "quantity": str(line.quantity),
                             "statement_id": str(STATEMENT_BASE + txns[0].statement_day),
                             "revenue_amount": str(line.price * line.quantity)})
            return {
                "order_id": tj.order_id(o), "order_create_time": int(o.create_time), "currency": "IDR",
                "settlement_amount": str(sum(t.settlement for t in txns)),
                "revenue_amount": str(sum(t.total(t.revenue) for t in txns)),
                "shipping_cost_amount": str(sum(t.total(t.shipping) for t in txns)),
                "fee_and_tax_amount": str(sum(t.total(t.fees) for t in txns)), "sku_transactions": skus,
            }

    def _finance_unsettled(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        from tokodesk.sandbox.tiktokshop_routes import _page

        with self.ctx.shop.lock:
            now = self._finance_now()
            rows = [(o, t) for o, t in self.finance.unsettled(now)
                    if self._between(query, "search_time_ge", "search_time_lt", o.create_time)]
            rows = self._sorted(query, "order_create_time", rows, lambda r: (r[0].create_time, r[0].order_id))
            chunk, token = _page(rows, query, 100)
            out = []
            for o, txn in chunk:
                est = txn or Txn(o.order_id * 10, 0, "ORDER", o, {"subtotal_before_discount_amount": o.items_total},
                                 {}, {**self.finance._fees(o, {line.detail_id: line.quantity for line in o.lines}),
                                      "transaction_fee_amount": -ORDER_FEE})
                row = {
                    "id": str(TRANSACTION_BASE + est.number), "type": "ORDER", "order_id": tj.order_id(o),
                    "order_create_time": int(o.create_time), "currency": "IDR", "status": "UNSETTLED",
                    "est_settlement_amount": str(est.settlement), "est_revenue_amount": str(est.total(est.revenue)),
                    "est_shipping_cost_amount": str(est.total(est.shipping)),
                    "est_fee_tax_amount": str(est.total(est.fees)), "est_adjustment_amount": "0",
                    "revenue_breakdown": _dict(est.revenue), "shipping_cost_breakdown": _dict(est.shipping),
                    "fee_tax_breakdown": {"fee": _dict(est.fees), "tax": {}},
                    "estimated_settlement": (str(int(txn.at)) if txn is not None
                                             else f"{self.finance.settle_after // DAY} days after delivery"),
                    "unsettled_reason": "" if txn is not None else "The order has not been delivered yet.",
                }
                if o.delivered_time is not None:
                    row["order_delivery_time"] = int(o.delivered_time)
                out.append(row)
            return {"transactions": out, "next_page_token": token, "total_count": len(rows)}

    def _finance_withdrawals(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        from tokodesk.sandbox.tiktokshop_routes import ApiError, _page

        types = set((query.get("types") or "").split(",")) - {""}
        if not types:
            raise ApiError(36009021, "types is required.")
        with self.ctx.shop.lock:
            now = self._finance_now()
            rows = []
            for day, txns in self.finance.settled(now).items():
                amount = sum(t.settlement for t in txns)
                made = day * DAY
                rows.append((made + 3600, "SETTLE", amount, day * 2))
                rows.append((made + DAY + 3600, "WITHDRAW", amount, day * 2 + 1))
            rows = [r for r in rows if r[0] <= now and r[1] in types
                    and self._between(query, "create_time_ge", "create_time_lt", r[0])]
            rows.sort()
            chunk, token = _page(rows, query, 100)
            return {"withdrawals": [{"id": str(WITHDRAWAL_BASE + n), "type": kind, "amount": str(amount),
                                     "status": "SUCCESS", "currency": "IDR", "create_time": int(at)}
                                    for at, kind, amount, n in chunk],
                    "next_page_token": token, "total_count": len(rows)}
