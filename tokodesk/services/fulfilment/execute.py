"""Sending outbox actions to the marketplace, and deciding lost ones by reading the order first.

Every send follows one rule: if the answer may have been lost, never send again before reading the order on the
marketplace. The read decides: already applied (done), still needed (send again), or no longer possible
(failed, with the marketplace's state followed locally). That is what keeps "exactly once" true across lost
responses, crashes and restarts.
"""

from __future__ import annotations

import contextlib
import enum
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, stored_words
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services.fulfilment.common import ActionOutcome, outcome, record_event, reload, to_marketplace_order
from tokodesk.store import models as m

log = logging.getLogger(__name__)

ACK, NACK, SHIP = "ack", "nack", "ship"
KINDS = (ACK, NACK, SHIP)
# How an action was settled without the marketplace's answer to it: its event says so after its words.
CONFIRMED_BY_READING = said(QT_TRANSLATE_NOOP("History", "confirmed by reading the order"))
ALREADY_DONE = said(QT_TRANSLATE_NOOP("History", "already done on the marketplace"))
CONFIRMED_BY_READING_ALL = said(QT_TRANSLATE_NOOP("History", "confirmed by reading the orders"))
CONFIRMED_ON_MARKETPLACE = said(QT_TRANSLATE_NOOP("History", "confirmed by reading the marketplace"))
NOTES = {str(n): n for n in (CONFIRMED_BY_READING, ALREADY_DONE, CONFIRMED_BY_READING_ALL, CONFIRMED_ON_MARKETPLACE)}
# Sends of one action in one go (first send + re-sends after reads showed it was not applied).
MAX_SENDS = 3

S = base.OrderState
# How far along an order is; a result never moves an order backwards.
RANK = {
    S.AWAITING_PAYMENT: 0,
    S.ON_HOLD: 0,
    S.NEW: 1,
    S.ACKNOWLEDGED: 2,
    S.PACKED: 3,
    S.READY_TO_SHIP: 4,
    S.PARTLY_SHIPPED: 5,  # some packages handed over, the others still to ship
    S.AWAITING_PICKUP: 6,
    S.SHIPPED: 7,
    S.DELIVERED: 8,
    S.COMPLETED: 9,
    S.RETURNED: 10,
    S.CANCELLED: 11,
}
AFTER_ACK = {s for s, r in RANK.items() if RANK[S.ACKNOWLEDGED] <= r <= RANK[S.RETURNED]}
CANCELLABLE = {S.NEW, S.ACKNOWLEDGED, S.PACKED, S.READY_TO_SHIP}
HANDED_OVER = {S.AWAITING_PICKUP, S.SHIPPED, S.DELIVERED, S.COMPLETED, S.RETURNED}
LEFT_THE_SHOP = {S.SHIPPED, S.DELIVERED, S.COMPLETED, S.RETURNED}

# The buyer-request answers (services/cancellations.py) share the outbox: named here so a queue action that meets
# one in flight on its order can say what it is waiting for. Verbs, as a packer reads them in "Could not …".
# Marked: a refusal names the action waiting ("{station} is sending the request to {what}…").
WHAT = {ACK: QT_TRANSLATE_NOOP("Refusals", "accept"), NACK: QT_TRANSLATE_NOOP("Refusals", "cancel"),
        SHIP: QT_TRANSLATE_NOOP("Refusals", "ship"),
        "cancel_request_approve": QT_TRANSLATE_NOOP("Refusals", "approve the buyer's cancellation request"),
        "cancel_request_reject": QT_TRANSLATE_NOOP("Refusals", "reject the buyer's cancellation request"),
        "combine": QT_TRANSLATE_NOOP("Refusals", "combine the packages"),
        "uncombine": QT_TRANSLATE_NOOP("Refusals", "uncombine the package")}


@dataclass
class Decision:
    """How the marketplace decided one action, before anything is stored. `reason`: why it failed or is unknown;
    for a done one, a note for the audit trail ("confirmed by reading the order")."""

    status: str  # outbox.DONE | outbox.FAILED | outbox.UNKNOWN
    reason: str = ""
    result: base.ShipmentInfo | None = None
    remote: base.Order | None = None  # the order as read on the marketplace, when it was read
    # The marketplace answered the action's own request (done or refused), so the transport's rate gate has read that
    # endpoint's quota off the answer; not so when only a read of the order decided it (its answer was lost).
    answered: bool = False


class Verdict(enum.Enum):
    APPLIED = "applied"
    NEEDED = "needed"
    IMPOSSIBLE = "impossible"


def check(
    kind: str, remote: base.Order, payload: dict, cancellable: frozenset[S] | set[S] = CANCELLABLE
) -> tuple[Verdict, str]:
    """Has this action already taken effect on the marketplace, judging by the order's state there?

    `cancellable`: the states the marketplace lets a seller cancel in (`Capabilities.seller_cancel_states`).
    """
    state = remote.state
    if kind == ACK:
        if state in AFTER_ACK:
            return Verdict.APPLIED, ""
        if state is S.NEW:
            return Verdict.NEEDED, ""
        return Verdict.IMPOSSIBLE, f"the order is {state.value} on the marketplace, so it cannot be accepted"
    if kind == NACK:
        if state is S.CANCELLED:
            return Verdict.APPLIED, ""
        if state in cancellable:
            return Verdict.NEEDED, ""
        return Verdict.IMPOSSIBLE, f"the order is {state.value} on the marketplace, so it cannot be cancelled"
    if kind == SHIP:
        method = payload.get("method")
        if method == base.ShipMethod.OWN_COURIER.value:
            done = state in LEFT_THE_SHOP
        else:
            done = state in HANDED_OVER
        if done:
            return Verdict.APPLIED, ""
        if state is S.CANCELLED:
            return Verdict.IMPOSSIBLE, "the order was cancelled on the marketplace; do not send the parcel"
        if state is S.ON_HOLD:
            return Verdict.IMPOSSIBLE, "the order is on hold on the marketplace and must not be shipped yet"
        if state in (S.ACKNOWLEDGED, S.PACKED, S.READY_TO_SHIP, S.PARTLY_SHIPPED):
            return Verdict.NEEDED, ""  # partly shipped: the packages still waiting (the adapter re-reads them)
        return Verdict.IMPOSSIBLE, f"the order is {state.value} on the marketplace, so it cannot be shipped"
    raise ValueError(f"not a fulfilment action: {kind}")


def cancel_request(payload: dict) -> base.CancelRequest:
    reason = base.CancelReason(
        code=payload["reason_code"],
        label=payload.get("reason_label", ""),
        needs_close_date=bool(payload.get("needs_close_date")),
        max_text=int(payload.get("max_text", 512)),
        needs_text=bool(payload.get("needs_text", True)),
    )
    close = payload.get("close_until")
    return base.CancelRequest(
        reason=reason,
        text=payload.get("text", ""),
        shop_close_end=_as_datetime(date.fromisoformat(close)) if close else None,
        shop_close_note=payload.get("close_note", ""),
    )


def _as_datetime(day: date) -> datetime:
    # A naive midnight: the adapter formats DD/MM/YYYY from it.
    return datetime(day.year, day.month, day.day)


# (channel, the order as the marketplace has it, who caused the change) -> None. The order named, not evaluated:
# the records are made on first use (marketplace/base.py), and `orders pack` uses none.
FollowRemote = Callable[[m.Channel, "base.Order", str], None]


def default_follow_remote(channel: m.Channel, remote: base.Order, who: str) -> None:
    """Write what the marketplace says about an order into the store (the orders service owns that write)."""
    from tokodesk.services.orders import apply_remote_order

    apply_remote_order(channel, remote, who=who)


class Settles:
    """The outbox life of an action, shared by the order actions (Executor) and buyer requests (BuyerRequests):
    claimed before it is sent (a new one) or read before anything else (one left open), and settled as failed or
    unanswered with the outbox row, the order's problem and its event in one transaction. `_drive` is each one's."""

    channel: m.Channel
    who: str
    follow_remote: FollowRemote

    def _drive(self, action: m.Action, order: m.Order, *, read_first: bool) -> ActionOutcome:
        raise NotImplementedError

    def run_new(self, action: m.Action, order: m.Order) -> ActionOutcome:
        """A freshly enqueued action: claim it and send."""
        if not outbox.claim(action, self.who, from_statuses=(outbox.PENDING,)):
            return outcome(reload(order), False, "another station is already doing this", pending=True)
        with outbox.keep_alive(action):  # its lease outlives any wait on the marketplace
            return self._drive(action, order, read_first=False)

    def resume(self, action: m.Action) -> ActionOutcome:
        """A pending, unknown or orphaned action: claim it, read the marketplace, then decide."""
        order = m.Order.get_by_id(action.order_id)
        if not outbox.claim(action, self.who, from_statuses=(action.status,)):
            return outcome(order, False, said(QT_TRANSLATE_NOOP("Refusals", "another station is already resolving "
                                                                                "this")), pending=True)
        with outbox.keep_alive(action):
            return self._drive(action, order, read_first=True)

    def _failed(self, action: m.Action, order: m.Order, reason: str, remote: base.Order | None) -> ActionOutcome:
        with m.db.atomic():
            if not outbox.settle(action, outbox.FAILED, reason):
                return outcome(reload(order), False, "another station finished this meanwhile", pending=True)
            if remote is not None:
                self.follow_remote(self.channel, remote, "marketplace")  # e.g. cancelled by the buyer meanwhile
            problem = said(QT_TRANSLATE_NOOP("Refusals", "Could not {what}: {reason}"), what=WHAT[action.kind],
                           reason=reason)
            m.Order.update(
                version=m.Order.version + 1, local_updated_at=m.utcnow(), action_failed=True, problem=problem,
                problem_words=stored_words(problem),
            ).where(m.Order.id == order.id).execute()
            record_event(order, action.kind, self.who, problem, ok=False)
        return outcome(reload(order), False, reason)

    def _unknown(self, action: m.Action, order: m.Order, reason: str) -> ActionOutcome:
        with m.db.atomic():
            if not outbox.settle(action, outbox.UNKNOWN, reason):
                return outcome(reload(order), False, "another station finished this meanwhile", pending=True)
            problem = said(QT_TRANSLATE_NOOP("Refusals", "Waiting for the marketplace: {reason}. TokoDesk checks "
                                                         "again on the next start or sync."), reason=reason)
            m.Order.update(version=m.Order.version + 1, local_updated_at=m.utcnow(), problem=problem,
                           problem_words=stored_words(problem)).where(m.Order.id == order.id).execute()
            record_event(order, action.kind, self.who, problem, ok=False)
        return outcome(reload(order), False, problem, pending=True)


class Executor(Settles):
    """Runs claimed actions of one channel against its adapter."""

    def __init__(self, channel: m.Channel, adapter: base.Marketplace, who: str, follow_remote: FollowRemote | None):
        self.channel = channel
        self.adapter = adapter
        self.who = who
        self.follow_remote = follow_remote or default_follow_remote

    def _cancellable(self) -> frozenset[S]:
        return self.adapter.capabilities.seller_cancel_states

    # ---- the loop ----------------------------------------------------------------------------------------
    def _drive(self, action: m.Action, order: m.Order, *, read_first: bool) -> ActionOutcome:
        caps = self.adapter.capabilities
        busy = (lambda: parcel_in_flight(order, action, caps)) if action.kind == SHIP else None
        decision = self.decide(action.kind, action.payload or {}, to_marketplace_order(order), read_first=read_first,
                               busy=busy)
        return self.settle(action, order, decision)

    def decide(
        self, kind: str, payload: dict, order: base.Order, *, read_first: bool, busy: Callable[[], str] | None = None
    ) -> Decision:
        """Send the action (reading the order first when its earlier answer may have been lost) until the marketplace
        has decided it. Network only, nothing stored: a sender thread of a batch runs this (`pool.py`), the caller's
        thread stores the decision (`settle`). `busy`: asked before each send; a reason not to send yet ("" = send)."""
        lost: str | None = None
        sends = 0
        while True:
            if read_first:
                try:
                    remote = self.adapter.get_order(order_id=order.order_id)
                except base.MarketplaceError as exc:
                    why = said(QT_TRANSLATE_NOOP("Refusals", "the marketplace's answer was lost ({lost})"),
                               lost=lost) if lost else said(QT_TRANSLATE_NOOP("Refusals", "it could not be checked"))
                    return Decision(outbox.UNKNOWN, said(QT_TRANSLATE_NOOP("Refusals", "{why}; reading the order "
                                                                                       "failed too: {error}"),
                                                         why=why, error=str(exc)))
                verdict, reason = check(kind, remote, payload, self._cancellable())
                if verdict is Verdict.APPLIED:
                    return Decision(outbox.DONE, CONFIRMED_BY_READING, remote=remote)
                if verdict is Verdict.IMPOSSIBLE:
                    return Decision(outbox.FAILED, reason, remote=remote)
            if sends >= MAX_SENDS:
                return Decision(outbox.UNKNOWN, said(QT_TRANSLATE_NOOP("Refusals", "no answer after {sends} tries "
                                                                                   "({lost})"), sends=sends, lost=lost))
            why_not = busy() if busy is not None else ""
            if why_not:
                return Decision(outbox.UNKNOWN, why_not)
            sends += 1
            try:
                result = self._send(kind, payload, order)
            except base.OutcomeUnknown as exc:
                log.warning("%s of order %s: answer lost (%s); reading the order before anything else",
                            kind, order.order_id, exc)
                lost = str(exc)
                read_first = True
                continue
            except (base.MarketplaceError, ValueError) as exc:
                decision = self._refusal(kind, payload, order.order_id, exc)
                decision.answered = _an_answer(exc)
                return decision
            return Decision(outbox.DONE, "", result=result, answered=True)

    def settle(self, action: m.Action, order: m.Order, decision: Decision) -> ActionOutcome:
        """Store what `decide` found: the outbox row, the order and its event, in one transaction."""
        if decision.status == outbox.DONE:
            return self._done(action, order, decision.result, decision.remote, decision.reason)
        if decision.status == outbox.FAILED:
            return self._failed(action, order, decision.reason, decision.remote)
        return self._unknown(action, order, decision.reason)

    def _send(self, kind: str, payload: dict, order: base.Order) -> base.ShipmentInfo | None:
        if kind == ACK:
            self.adapter.acknowledge(order.order_id)
            return None
        if kind == NACK:
            self.adapter.reject(order, cancel_request(payload))
            return None
        if kind == SHIP:
            method = base.ShipMethod(payload["method"])
            return self.adapter.ship(order, method, payload.get("awb"))
        raise ValueError(f"not a fulfilment action: {kind}")

    def _refusal(self, kind: str, payload: dict, order_id: str, exc: Exception) -> Decision:
        # The marketplace said no. It may say no because the order was already handled elsewhere (Seller Center,
        # another tool): look before calling it a failure.
        remote = None
        with contextlib.suppress(base.MarketplaceError):
            remote = self.adapter.get_order(order_id=order_id)
        if remote is not None and check(kind, remote, payload, self._cancellable())[0] is Verdict.APPLIED:
            return Decision(outbox.DONE, ALREADY_DONE, remote=remote)
        return Decision(outbox.FAILED, str(exc), remote=remote)

    def _refused_by_marketplace(self, action: m.Action, order: m.Order, exc: Exception) -> ActionOutcome:
        return self.settle(action, order, self._refusal(action.kind, action.payload or {}, order.order_id, exc))

    # ---- results -----------------------------------------------------------------------------------------
    def _done(
        self, action: m.Action, order: m.Order, result: base.ShipmentInfo | None, remote: base.Order | None, note: str
    ) -> ActionOutcome:
        with m.db.atomic():
            if not outbox.settle(action, outbox.DONE, note):
                return outcome(reload(order), False, "another station finished this meanwhile", pending=True)
            if remote is not None:
                self.follow_remote(self.channel, remote, self.who)  # our own action explains the change
            if result is not None and result.order is not None:
                # What the marketplace said right after the action is stored now, not at the next pull.
                self.follow_remote(self.channel, result.order, self.who)
            order = reload(order)
            changes = self._changes_when_done(action, order, result)
            changes.update(action_failed=False, problem="")
            m.Order.update(version=m.Order.version + 1, local_updated_at=m.utcnow(), **changes).where(
                m.Order.id == order.id
            ).execute()
            record_event(order, action.kind, self.who, with_note(_describe(action, order, result), note), ok=True)
        return outcome(reload(order), True)

    def _changes_when_done(
        self, action: m.Action, order: m.Order, result: base.ShipmentInfo | None, now: datetime | None = None
    ) -> dict:
        payload = action.payload or {}
        current = S(order.state)
        changes: dict = {}
        if action.kind == ACK and RANK[current] < RANK[S.ACKNOWLEDGED]:
            changes["state"] = S.ACKNOWLEDGED.value
        elif action.kind == NACK:
            changes["state"] = S.CANCELLED.value
        elif action.kind == SHIP:
            expected = S(payload.get("expected") or current.value)
            read_back = result is not None and result.order is not None
            # An order read back says itself how far it got (partly shipped while a package waits).
            if not read_back and current is not S.CANCELLED and RANK[current] < RANK[expected]:
                changes["state"] = expected.value
            if not read_back and result is not None and result.marketplace_status:
                changes["marketplace_status"] = result.marketplace_status
            if payload.get("method") == base.ShipMethod.DROPOFF.value or expected in HANDED_OVER:
                changes["handed_over_at"] = order.handed_over_at or now or m.utcnow()
            if payload.get("awb"):
                changes["awb"] = payload["awb"]
            if result is not None:
                if result.booking_code:
                    changes["booking_code"] = result.booking_code
                if result.awb:
                    changes["awb"] = result.awb
        return changes



def parcel_in_flight(order: m.Order, action: m.Action, caps: base.Capabilities, exclude: Collection[int] = ()) -> str:
    """A combined package serves several orders: while another station (or process) is sending the ship of one of
    them, claimed before this one, this order's ship must not send the same package again. It waits instead, and is
    settled by reading the order (the other ship ships it). "" when nothing is in flight."""
    if not caps.packages:
        return ""
    from tokodesk.services.packages import sibling_orders

    for other in sibling_orders(order):
        active = outbox.active_for(other.id)
        if active is None or active.kind != SHIP or active.status != outbox.SENT or active.id >= action.id:
            continue
        if active.id in exclude or outbox.is_orphan(active):
            continue
        return (f"order {other.invoice or other.order_id} is in the same parcel and {active.station} is shipping it "
                "right now")
    return ""


def with_note(detail: str, note: str) -> str:
    """An event's words and the note of how it was settled after them in brackets ("… (already done on the
    marketplace)")."""
    if not note:
        return detail
    note = NOTES.get(str(note), note)  # the same note written as a plain constant elsewhere (resume.CONFIRMED)
    return said(QT_TRANSLATE_NOOP("History", "{detail} ({note})"), detail=detail, note=note)


def _describe(action: m.Action, order: m.Order, result: base.ShipmentInfo | None) -> str:
    payload = action.payload or {}
    if action.kind == ACK:
        return said(QT_TRANSLATE_NOOP("History", "accepted on the marketplace"))
    if action.kind == NACK:
        # The reason's code and label as the marketplace names them, the seller's own text as typed.
        reason = f"{payload.get('reason_code')} {payload.get('reason_label', '')}"
        if payload.get("text"):
            return said(QT_TRANSLATE_NOOP("History", "cancelled with reason {reason}: {text}"), reason=reason,
                        text=str(payload.get("text")).rstrip())
        return said(QT_TRANSLATE_NOOP("History", "cancelled with reason {reason}"), reason=reason.strip())
    method = payload.get("method")
    code = (result.awb or result.booking_code) if result else None
    code = code or payload.get("awb") or order.awb or order.booking_code
    what = {"pickup": QT_TRANSLATE_NOOP("History", "pick-up requested"),
            "dropoff": QT_TRANSLATE_NOOP("History", "handed over at the courier's counter"),
            "own_courier": QT_TRANSLATE_NOOP("History", "shipped with own courier")}.get(
                method or "", QT_TRANSLATE_NOOP("History", "shipped"))
    if code:
        return said(QT_TRANSLATE_NOOP("History", "{what}, code {code}"), what=what, code=code)
    return said(what)


def _an_answer(exc: Exception) -> bool:
    """A refusal the marketplace sent (with its HTTP status), not one made before sending (a bad value, an order
    the adapter would not send) nor a connection that never got an answer."""
    return (isinstance(exc, base.MarketplaceError) and not isinstance(exc, (base.OutcomeUnknown, base.NotReachable))
            and exc.http_status is not None)
