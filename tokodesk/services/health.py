"""The shop's health from the orders TokoDesk holds: late dispatch rate and seller-fault cancellation rate.

Tokopedia & Shop (Seller University, Shop Health) judges a shop over 7 calendar days:
- Late Dispatch Rate (LDR): orders not updated to "Shipped" within the SLA, as a share of the orders. At 4 % or more
  the seller gets a warning; at 10 % or more the daily order volume is capped (90 / 70 / 50 % at 10 / 30 / 50 %) and
  violation points are given. Lateness is judged by `tts_sla_time` (the latest collection time); the legacy dialect
  has none, so its own ship deadline stands in.
- Seller-Fault Cancellation Rate (SFCR): orders cancelled by the seller, or auto-cancelled because the seller did not
  ship in time, as a share of the orders placed; it must stay under 2.5 %.

These figures are TokoDesk's estimate from its own records, never the platform's figure: the platform's own number
in Seller Center wins. The limits are listed in `METHOD` and printed next to every figure.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from tokodesk.config import WIB
from tokodesk.marketplace import base
from tokodesk.store import models as m

S = base.OrderState

WINDOW_DAYS = 7
LDR_WARNING = 0.04
LDR_CAP = 0.10
SFCR_LIMIT = 0.025

# States in which the parcel has left the seller's hands (arranged for collection or further).
DISPATCHED = frozenset({S.AWAITING_PICKUP.value, S.PARTLY_SHIPPED.value, S.SHIPPED.value, S.DELIVERED.value,
                        S.COMPLETED.value, S.RETURNED.value})
SELLER_CANCEL_KINDS = frozenset({"nack", "cancel"})  # TokoDesk sent the seller's cancellation
BUYER_CANCEL_KINDS = frozenset({"cancel_request_approve"})  # the seller granted the buyer's request
_STATE_CHANGE = re.compile(r"\((\w+) → (\w+)\)")

_METHOD = (
    "Estimated by TokoDesk from its own records over the last 7 calendar days (WIB), not the platform's figure. "
    "Late dispatch: orders whose ship-by (tts_sla_time; the ship deadline where the marketplace gives none) fell in "
    "the window, late when TokoDesk first saw them shipped after it, or not shipped at all; an order shipped in "
    "Seller Center counts from when TokoDesk next synced, so it may look later than it was. Orders cancelled before "
    "their ship-by are not judged. Seller-fault cancellations: orders placed in the window that TokoDesk cancelled "
    "for the seller, or that {who}. A cancellation whose cause is still unknown is counted apart, and the upper "
    "figure includes it. Non-working days and holidays, which the platform leaves out, are counted here."
)
# Who cancelled, as each marketplace tells it (base.Order.cancellation_initiator).
WHO = {
    "tiktokshop": "the marketplace says the seller cancelled (cancellation_initiator SELLER), or that the platform "
                  "cancelled (SYSTEM) unshipped after their ship-by; BUYER cancellations and the platform's other "
                  "ones (unpaid, before the ship-by) are not the seller's",
    "tokopedia": "the cancel status code gives to the seller (2, 3, 4, 6, 10: rejected), or that ran out on their "
                 "own (code 0) unaccepted after the accept deadline or unshipped after the ship deadline; code 15 is "
                 "the buyer's, 5 and 699 the platform's (the legacy API names no initiator)",
}
METHOD = _METHOD.format(who="were cancelled unshipped after their ship-by (the platform's auto-cancel)")


def method_for(marketplace: str) -> str:
    """How the figures are computed, with the way this marketplace tells who cancelled."""
    who = WHO.get(marketplace)
    return _METHOD.format(who=who) if who else METHOD


@dataclass
class Judged:
    """One order's part in a rate."""

    channel: str
    order_id: str
    invoice: str
    deadline: datetime | None  # naive UTC
    at: datetime | None  # dispatched / cancelled, naive UTC; None: not (seen) yet
    late: bool = False
    cause: str = ""  # cancellations: seller | auto | buyer | system | unknown

    def as_json(self) -> dict:
        return {"channel": self.channel, "order_id": self.order_id, "invoice": self.invoice,
                "deadline": _iso(self.deadline), "at": _iso(self.at), "late": self.late, "cause": self.cause}


@dataclass
class Rate:
    name: str
    count: int
    of: int
    threshold: float
    upper_count: int | None = None  # with the cancellations of unknown cause

    @property
    def value(self) -> float | None:
        return None if not self.of else self.count / self.of

    @property
    def upper(self) -> float | None:
        return None if not self.of or self.upper_count is None else self.upper_count / self.of

    def as_json(self) -> dict:
        return {"name": self.name, "count": self.count, "of": self.of, "rate": self.value,
                "upper_count": self.upper_count, "upper_rate": self.upper, "threshold": self.threshold}


@dataclass
class Health:
    channel: str
    window_from: datetime  # naive UTC, 00:00 WIB of the first day
    window_to: datetime  # naive UTC, now
    late_dispatch: Rate
    seller_cancel: Rate
    level: str  # ok | warning | capped (late dispatch) — the seller's attention, in one word
    cancel_level: str  # ok | over
    daily: list[tuple[date, int, int]]  # WIB day of the ship-by, orders judged, late
    late_orders: list[Judged] = field(default_factory=list)
    cancelled: list[Judged] = field(default_factory=list)
    not_judged: int = 0  # shipped, but TokoDesk cannot tell when
    method: str = METHOD

    def as_json(self) -> dict:
        return {"channel": self.channel, "window_from": _iso(self.window_from), "window_to": _iso(self.window_to),
                "late_dispatch": self.late_dispatch.as_json(), "late_dispatch_level": self.level,
                "seller_cancel": self.seller_cancel.as_json(), "seller_cancel_level": self.cancel_level,
                "daily": [{"day": d.isoformat(), "judged": n, "late": late} for d, n, late in self.daily],
                "late_orders": [j.as_json() for j in self.late_orders],
                "cancelled": [j.as_json() for j in self.cancelled], "not_judged": self.not_judged,
                "method": self.method}


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.replace(tzinfo=timezone.utc).isoformat()


def _naive_utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is None else moment.astimezone(timezone.utc).replace(tzinfo=None)


def wib_day(moment: datetime) -> date:
    """The calendar day in Jakarta of a stored (naive UTC) time: 23:30 WIB is still that day, 00:30 the next."""
    return moment.replace(tzinfo=timezone.utc).astimezone(WIB).date()


def window_start(now: datetime, days: int = WINDOW_DAYS) -> datetime:
    """00:00 WIB of the first of the `days` calendar days ending today (WIB), as naive UTC."""
    first = wib_day(now) - timedelta(days=days - 1)
    return datetime.combine(first, time(0), tzinfo=WIB).astimezone(timezone.utc).replace(tzinfo=None)


def level_of(rate: float | None) -> str:
    if rate is None or rate < LDR_WARNING:
        return "ok"
    return "warning" if rate < LDR_CAP else "capped"


def _deadline(order: m.Order) -> datetime | None:
    return order.tts_sla_time or order.ship_deadline


def _moments(order_pks: list[int]) -> tuple[dict[int, datetime], dict[int, tuple[datetime, str]], dict[int, str]]:
    """From the audit trail: when each order was first seen dispatched, when and how it was cancelled, and the
    state it was cancelled from (where TokoDesk saw it change)."""
    dispatched: dict[int, datetime] = {}
    cancelled: dict[int, tuple[datetime, str]] = {}
    before: dict[int, str] = {}
    kinds: dict[int, set[str]] = defaultdict(set)
    for start in range(0, len(order_pks), 500):
        chunk = order_pks[start:start + 500]
        query = (m.OrderEvent.select(m.OrderEvent.order, m.OrderEvent.at, m.OrderEvent.kind, m.OrderEvent.detail,
                                     m.OrderEvent.ok)
                 .where(m.OrderEvent.order.in_(chunk)).order_by(m.OrderEvent.at, m.OrderEvent.id))
        for pk, at, kind, detail, ok in query.tuples():
            at = _as_datetime(at)
            if not ok:
                continue
            kinds[pk].add(kind)
            if kind == "ship" and pk not in dispatched:
                dispatched[pk] = at
            found = _STATE_CHANGE.search(detail or "") if kind in ("status_changed", "updated") else None
            if found:
                new = found.group(2)
                if new in DISPATCHED and pk not in dispatched:
                    dispatched[pk] = at
                if new == S.CANCELLED.value and pk not in cancelled:
                    cancelled[pk] = (at, "")
                    before[pk] = found.group(1)
            if kind in SELLER_CANCEL_KINDS | BUYER_CANCEL_KINDS and pk not in cancelled:
                cancelled[pk] = (at, "")
    for pk, (at, _) in list(cancelled.items()):
        if kinds[pk] & SELLER_CANCEL_KINDS:
            cancelled[pk] = (at, "seller")
        elif kinds[pk] & BUYER_CANCEL_KINDS:
            cancelled[pk] = (at, "buyer")
    return dispatched, cancelled, before


def _earliest(*moments: datetime | None) -> datetime | None:
    known = [_naive_utc(x) for x in moments if x is not None]
    return min(known) if known else None


def cancel_cause(order: m.Order, at: datetime, shipped: bool, before: str | None = None) -> str:
    """seller | auto | buyer | system | unknown, for an order cancelled at `at` that TokoDesk did not cancel itself.

    The marketplace's initiator decides where it names the seller or the buyer. The platform's own cancellation
    (SYSTEM) is the seller's fault when it ran out a deadline of the seller's: unshipped after the ship-by, or never
    accepted by the accept deadline (legacy); otherwise (unpaid, fraud, before any deadline) it is not. Without an
    initiator only a cancellation of an unshipped order after its ship-by is known to be the auto-cancel."""
    who = (order.cancellation_initiator or "").upper()
    if who == "SELLER":
        return "seller"
    if who == "BUYER":
        return "buyer"
    ship_by = _earliest(order.rts_sla_time, order.tts_sla_time, order.ship_deadline)
    if not shipped and ship_by is not None and at > ship_by:
        return "auto"
    if who != "SYSTEM":
        return "unknown"
    accept_by = _naive_utc(order.accept_deadline) if order.accept_deadline is not None else None
    if accept_by is not None and at >= accept_by and before in (None, S.NEW.value):
        # Ran out unaccepted: the seller's. Whether it was still unaccepted is known only from a change TokoDesk saw;
        # unseen, it may also be a buyer's request left unanswered after the seller accepted: unknown.
        return "auto" if before == S.NEW.value else "unknown"
    return "system"


def _as_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return _naive_utc(value)
    return _naive_utc(datetime.fromisoformat(str(value)))


def shop_health(channel: m.Channel, now: datetime | None = None, days: int = WINDOW_DAYS) -> Health:
    """The channel's two rates over the `days` calendar days (WIB) ending at `now` (naive or aware UTC)."""
    now = _naive_utc(now) if now is not None else m.utcnow()
    start = window_start(now, days)
    # Orders that can count: placed in the window (cancellations), or due in it (late dispatch).
    query = m.Order.select().where(
        (m.Order.channel == channel.id)
        & ((m.Order.created_at.between(start, now))
           | (m.Order.tts_sla_time.between(start, now))
           | (m.Order.tts_sla_time.is_null() & m.Order.ship_deadline.between(start, now)))
    )
    orders = list(query)
    dispatched, cancelled, before = _moments([o.id for o in orders])
    judged = late = not_judged = 0
    late_orders: list[Judged] = []
    daily: dict[date, list[int]] = {wib_day(start) + timedelta(days=i): [0, 0] for i in range(days)}
    placed = seller = unknown = 0
    cancel_rows: list[Judged] = []
    for order in orders:
        deadline = _deadline(order)
        sent = dispatched.get(order.id) or (order.handed_over_at and _naive_utc(order.handed_over_at))
        gone = cancelled.get(order.id)
        if order.state == S.CANCELLED.value and gone is None:
            gone = (_naive_utc(order.updated_at or order.local_updated_at), "")
        is_cancelled = order.state == S.CANCELLED.value
        if deadline is not None and start <= deadline <= now:
            verdict: bool | None
            if sent is not None:
                verdict = sent > deadline
            elif is_cancelled and gone is not None and gone[0] <= deadline:
                verdict = None  # cancelled before it was due: not judged
            elif order.state in DISPATCHED:
                verdict = None
                not_judged += 1
            else:
                verdict = True  # still not shipped after its ship-by, or auto-cancelled unshipped
            if verdict is not None:
                judged += 1
                day = daily.setdefault(wib_day(deadline), [0, 0])
                day[0] += 1
                if verdict:
                    late += 1
                    day[1] += 1
                    late_orders.append(Judged(channel.name, order.order_id, order.invoice, deadline, sent, True))
        created = _naive_utc(order.created_at)
        if start <= created <= now and order.state not in (S.AWAITING_PAYMENT.value,):
            placed += 1
            if is_cancelled and gone is not None:
                cause = gone[1] or cancel_cause(order, gone[0], sent is not None, before.get(order.id))
                if cause in ("seller", "auto"):
                    seller += 1
                elif cause == "unknown":
                    unknown += 1
                cancel_rows.append(Judged(channel.name, order.order_id, order.invoice, deadline, gone[0],
                                          cause in ("seller", "auto"), cause))
    ldr = Rate("late_dispatch", late, judged, LDR_WARNING)
    sfcr = Rate("seller_cancel", seller, placed, SFCR_LIMIT, upper_count=seller + unknown)
    cancel_level = "ok" if sfcr.value is None or sfcr.value < SFCR_LIMIT else "over"
    return Health(
        channel=channel.name, window_from=start, window_to=now, late_dispatch=ldr, seller_cancel=sfcr,
        level=level_of(ldr.value), cancel_level=cancel_level,
        daily=[(d, n, x) for d, (n, x) in sorted(daily.items())],
        late_orders=sorted(late_orders, key=lambda j: j.deadline or now),
        cancelled=sorted(cancel_rows, key=lambda j: j.at or now), not_judged=not_judged,
        method=method_for(channel.marketplace),
    )


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.1f} %"
