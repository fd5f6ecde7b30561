"""Today's dispatch plan: what must leave today, grouped by courier and the platform's cut-off, in the order of work.

"Today" is the seller's calendar day in Jakarta (WIB): every order still to process or awaiting the courier whose
ship-by (`tts_sla_time`, else its own deadline: `work_order.due`) falls before tomorrow 00:00 WIB, late ones
included. A group is one courier and one pick-up cut-off (`pick_up_cut_off_time`); orders without one (the legacy
dialect, own-courier parcels) form one group per courier, counted down to their earliest ship-by. Inside a group the
orders keep the queue's order of work (`work_order.work_key`); groups come by their deadline.
Plain Python: the window's plan view and its tests use it alike.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone

from tokodesk.config import WIB
from tokodesk.marketplace import base
from tokodesk.services import work_order
from tokodesk.store import models as m

S = base.OrderState
SOON = timedelta(hours=2)
IN_PLAN = work_order.TO_PROCESS | {S.AWAITING_PICKUP.value}
LATE, DUE_SOON = "late", "due_soon"
_EPOCH = datetime(1970, 1, 1)


@dataclass
class PlanOrder:
    pk: int
    order_id: str
    invoice: str
    state: str
    courier: str
    ship_by: datetime | None  # naive UTC
    cut_off: datetime | None
    priority_level: int | None
    key: str
    mark: str = ""  # late | due_soon | ""


@dataclass
class PlanGroup:
    courier: str
    cut_off: datetime | None  # the platform's pick-up cut-off; None: no cut-off given
    deadline: datetime | None  # what the countdown counts to: the cut-off, else the earliest ship-by
    orders: list[PlanOrder] = field(default_factory=list)
    mark: str = ""

    def left(self, now: datetime) -> timedelta | None:
        return None if self.deadline is None else self.deadline - now


def _utc(value: object) -> datetime | None:
    seconds = work_order._seconds(value)
    return None if seconds is None else _EPOCH + timedelta(seconds=seconds)


def end_of_today(now: datetime) -> datetime:
    """Tomorrow 00:00 WIB as naive UTC: the end of the seller's day."""
    today = now.replace(tzinfo=timezone.utc).astimezone(WIB).date()
    return datetime.combine(today + timedelta(days=1), time(0), tzinfo=WIB).astimezone(timezone.utc).replace(
        tzinfo=None)


def mark_of(deadline: datetime | None, now: datetime) -> str:
    if deadline is None:
        return ""
    if deadline < now:
        return LATE
    return DUE_SOON if deadline - now <= SOON else ""


def plan(now: datetime | None = None, channel: m.Channel | None = None) -> list[PlanGroup]:
    """Today's groups, most urgent first (naive UTC `now`; default the clock)."""
    now = now or m.utcnow()
    end = end_of_today(now)
    query = m.Order.select(m.Order.id, m.Order.order_id, m.Order.invoice, m.Order.state, m.Order.courier,
                           m.Order.created_at, m.Order.accept_deadline, m.Order.ship_deadline, m.Order.tts_sla_time,
                           m.Order.pick_up_cut_off_time, m.Order.priority_level, m.Order.hold_until).where(
        m.Order.state.in_(sorted(IN_PLAN)))
    if channel is not None:
        query = query.where(m.Order.channel == channel.id)
    groups: dict[tuple[str, datetime | None], PlanGroup] = {}
    for o in query:
        due = work_order.due(o.state, o.accept_deadline, o.ship_deadline, o.tts_sla_time)
        if due is None:
            continue  # no deadline known: not on a plan of what must leave today
        ship_by = _EPOCH + timedelta(seconds=due)
        if ship_by >= end:
            continue
        cut_off = _utc(o.pick_up_cut_off_time)
        key = work_order.work_key(o.state, o.created_at, o.accept_deadline, o.ship_deadline, o.tts_sla_time,
                                  o.priority_level, o.hold_until, o.id)
        row = PlanOrder(o.id, o.order_id, o.invoice, o.state, o.courier or "", ship_by, cut_off, o.priority_level,
                        key, mark_of(ship_by, now))
        group_key = ((o.courier or "").strip().lower(), cut_off)
        group = groups.get(group_key)
        if group is None:
            group = groups[group_key] = PlanGroup(o.courier or "", cut_off, cut_off)
        group.orders.append(row)
    for group in groups.values():
        group.orders.sort(key=lambda r: r.key)
        if group.deadline is None:
            group.deadline = min((r.ship_by for r in group.orders if r.ship_by), default=None)
        group.mark = mark_of(group.deadline, now)
        if any(r.mark == LATE for r in group.orders):
            group.mark = LATE  # one order already past its ship-by makes the whole pick-up urgent
    return sorted(groups.values(), key=lambda g: (g.deadline or end, g.courier.lower()))


def countdown(left: timedelta | None) -> str:
    """"1 h 05 min", "-0 h 20 min" (past); plain digits the window words around."""
    if left is None:
        return ""
    minutes = int(left.total_seconds() // 60)
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    return f"{sign}{minutes // 60} h {minutes % 60:02d} min"
