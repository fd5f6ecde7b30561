"""The buyer's cancellation requests: list a channel's pending ones, approve, or reject with a reason the marketplace
offers for that very request (Tokopedia & Shop; `capabilities.buyer_cancel_requests`).

    requests = BuyerRequests(channel)       # the channel's adapter; who = this station
    requests.pending()                      # [PendingRequest]
    requests.reject_reasons(order)          # what `reject` accepts for this order's request
    requests.approve(order) / requests.reject(order, "seller_reject_apply_product_has_been_packed")

An answer is a marketplace mutation like any other: a pending outbox `Action` written with a version bump of the
order, then sent. The marketplace takes an idempotency key with approve/reject; the key is stored in the action, so
a repeat after a lost answer sends the same key and cannot act twice. An action left unknown (or orphaned by a
crash) is resolved by reading first: is the request still pending, and is the order cancelled?
"""

from __future__ import annotations

import enum
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from tokodesk import config
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, stored_words
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.fulfilment import pool
from tokodesk.services.fulfilment.common import (
    ActionOutcome,
    Refused,
    bump_version,
    fresh_orders,
    outcome,
    record_event,
    reload,
    to_marketplace_order,
)
from tokodesk.services.fulfilment.execute import Settles
from tokodesk.services.mapping import MappingIndex
from tokodesk.services.order_store import store_orders
from tokodesk.store import bulk
from tokodesk.store import models as m
from tokodesk.store.tx import write_transaction

if TYPE_CHECKING:
    from tokodesk.services.fulfilment.resume import Open

log = logging.getLogger(__name__)

APPROVE, REJECT = "cancel_request_approve", "cancel_request_reject"
KINDS = (APPROVE, REJECT)
MAX_SENDS = 3
S = base.OrderState
CONFIRMED = ex.CONFIRMED_ON_MARKETPLACE  # how a decision read back instead of answered is noted


@dataclass
class PendingRequest:
    cancel_id: str
    order_id: str
    reason: str  # the buyer's words
    requested_at: datetime | None
    respond_by: datetime | None
    invoice: str = ""  # "" when the order is not in the store yet (pull orders first)
    state: str = ""

    def as_json(self) -> dict:
        def iso(dt: datetime | None) -> str | None:
            return dt.astimezone(config.WIB).isoformat() if dt else None

        return {"cancel_id": self.cancel_id, "order_id": self.order_id, "invoice": self.invoice, "state": self.state,
                "reason": self.reason, "requested_at": iso(self.requested_at), "respond_by": iso(self.respond_by),
                "in_store": bool(self.state)}


class _Verdict(enum.Enum):
    APPLIED = "applied"
    NEEDED = "needed"
    IMPOSSIBLE = "impossible"


def _default_adapter(channel: m.Channel) -> base.Marketplace:
    from tokodesk.services.channels import adapter_for

    return adapter_for(channel)


def not_supported(channel: m.Channel, caps: base.Capabilities) -> UserError:
    return UserError(QT_TRANSLATE_NOOP("Refusals", "Channel {name} uses {display_name} ({marketplace}), whose API "
                                                   "has no buyer cancellation requests to answer: answer them in "
                                                   "Seller Center. A cancellation the buyer gets shows up on the next "
                                                   "status sync (tokodesk sync statuses)."),
                     name=channel.name, display_name=caps.display_name, marketplace=channel.marketplace)


class BuyerRequests(Settles):
    """Buyer cancellation requests of one channel. Tests hand in the adapter."""

    def __init__(
        self,
        channel: m.Channel,
        adapter: base.Marketplace | None = None,
        who: str | None = None,
        follow_remote: Callable[[m.Channel, base.Order, str], None] | None = None,
    ):
        self.channel = channel
        self._adapter = adapter
        self._owns_adapter = adapter is None
        self.who = who or config.station_id()
        self.follow_remote = follow_remote or _follow_remote
        self._stock_later: bool | None = None  # while a bulk resume runs: whether an approval freed stock
        self._unread: list[str] | None = None  # while a bulk resume runs: orders approved, to read back together

    @property
    def adapter(self) -> base.Marketplace:
        if self._adapter is None:
            self._adapter = _default_adapter(self.channel)
        return self._adapter

    @property
    def api(self) -> base.BuyerCancellations:
        caps = self.adapter.capabilities
        if not caps.buyer_cancel_requests:
            raise not_supported(self.channel, caps)
        return self.adapter  # type: ignore[return-value]

    def close(self) -> None:
        if self._owns_adapter and self._adapter is not None:
            self._adapter.close()
        self._adapter = None

    def __enter__(self) -> BuyerRequests:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- reading -----------------------------------------------------------------------------------------
    def pending(self) -> list[PendingRequest]:
        """The channel's buyer requests waiting for the seller's answer, oldest first."""
        found = [r for r in self.api.cancellation_requests(pending_only=True) if r.pending]
        local = self._local_orders([r.order_id for r in found])
        missing = [r.order_id for r in found if r.order_id not in local]
        if missing:
            # An order paid before the first pull's window and still open: no pull brings it (each reads orders
            # updated since then), so its request could never be answered here. Read it and store it, as a pull would.
            self._bring_in(missing)
            local = self._local_orders([r.order_id for r in found])
        out = []
        for r in found:
            order = local.get(r.order_id)
            deadline = next((d for action, d in r.next_actions if d is not None), None)
            out.append(PendingRequest(r.cancel_id, r.order_id, r.reason_text or r.reason, r.created_at, deadline,
                                      order.invoice if order else "", order.state if order else ""))
        return out

    def _local_orders(self, order_ids: list[str]) -> dict[str, m.Order]:
        return {o.order_id: o for o in m.Order.select().where(
            (m.Order.channel == self.channel.id) & m.Order.order_id.in_(order_ids or [""]))}

    def _bring_in(self, order_ids: list[str]) -> None:
        try:
            remotes = self.adapter.get_orders(order_ids)
        except base.MarketplaceError as exc:  # the requests still list; their orders stay "not in TokoDesk yet"
            log.warning("reading the orders of buyer requests %s failed: %s", order_ids, exc)
            return
        with write_transaction():
            result = store_orders(self.channel, remotes)
        for order_id, reason in result.failed:
            log.warning("order %s of a buyer request could not be stored: %s", order_id, reason)

    def _request_of(self, order: m.Order) -> base.BuyerCancelRequestInfo:
        for r in self.api.cancellation_requests(order_ids=[order.order_id], pending_only=True):
            if r.order_id == order.order_id and r.pending:
                return r
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Order {invoice} has no buyer cancellation request waiting for "
                                                    "an answer (see them with: tokodesk orders cancel-requests)."),
                      invoice=order.invoice or order.order_id)

    def reject_reasons(self, order: m.Order) -> list[base.CancelReason]:
        return self.api.cancellation_reject_reasons(self._request_of(order).cancel_id)

    # ---- answering ---------------------------------------------------------------------------------------
    def approve(self, order: m.Order) -> ActionOutcome:
        """Approve: the marketplace cancels the order (its stock is freed)."""
        return self._answer(order, APPROVE, None, "")

    def reject(self, order: m.Order, reason: str, comment: str = "") -> ActionOutcome:
        """Reject with one of `reject_reasons(order)` (by name or by its text); the order stays to be shipped."""
        return self._answer(order, REJECT, reason, comment)

    def _answer(self, order: m.Order, kind: str, reason: str | None, comment: str) -> ActionOutcome:
        order = reload(order)
        if order.channel_id != self.channel.id:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Order {order_id} belongs to another channel."),
                          order_id=order.order_id)
        api = self.api
        try:
            active = outbox.active_for(order.id)
            if active is not None:
                if active.kind in KINDS and (active.status != outbox.SENT or outbox.is_orphan(active)):
                    return self.resume(active)
                raise Refused(QT_TRANSLATE_NOOP("Refusals", "An earlier request for this order ({kind}, {status}) is "
                                                            "still waiting for the marketplace's answer; try again "
                                                            "after the next sync."),
                              kind=active.kind, status=active.status)
            request = self._request_of(order)
            payload: dict = {"cancel_id": request.cancel_id, "idempotency_key": str(uuid.uuid4())}
            if kind == REJECT:
                offered = api.cancellation_reject_reasons(request.cancel_id)
                chosen = _pick(offered, reason)
                payload.update(reason=chosen.code, reason_label=chosen.label, comment=(comment or "").strip())
            with m.db.atomic():
                if not bump_version(order, action_failed=False, problem=""):
                    raise Refused(QT_TRANSLATE_NOOP("Refusals", "The order was changed by another station or a sync "
                                                                "just now; refresh and try again."))
                action = outbox.enqueue(order, kind, payload, self.who)
        except Refused as exc:
            return outcome(reload(order), False, str(exc), refused=True)
        return self.run_new(action, order)

    def resume_pending(
        self, progress: base.Progress | None = None, cancel: base.CancelCheck | None = None
    ) -> list[ActionOutcome]:
        """Finish the answers a crash or a lost response left open, reading the marketplace first: their requests
        and orders read in bulk (`read_open`), the answers still needed sent side by side from the batch pool."""
        from tokodesk.services.fulfilment import resume

        actions = outbox.resumable(self.channel.id, KINDS)
        if not actions:
            return []
        self._stock_later, self._unread = False, []
        try:
            results = resume.resume_actions(self.channel, self.adapter, self, self.who, actions, progress=progress,
                                            cancel=cancel, read=read_open)
        finally:
            freed, unread = self._stock_later, self._unread
            self._stock_later, self._unread = None, None
            if freed:
                _stock_freed(self.channel)
        self._read_back(unread or [])
        return [results[action.id] for action in actions if action.id in results]

    # ---- the loop (as fulfilment's Executor: never send again before reading) -----------------------------
    def _drive(self, action: m.Action, order: m.Order, *, read_first: bool) -> ActionOutcome:
        decision = self.decide(action.kind, action.payload or {}, to_marketplace_order(order), read_first=read_first)
        return self.settle(action, order, decision)

    def decide(
        self, kind: str, payload: dict, order: base.Order, *, read_first: bool, busy: object = None
    ) -> ex.Decision:
        """Send the answer (reading first when an earlier answer may have been lost) until the marketplace has
        decided it. Network only, nothing stored: a sender thread of the pool runs this; `settle` stores it."""
        lost = ""
        sends = 0
        while True:
            if read_first:
                try:
                    verdict, why, remote = self._check(kind, payload, order.order_id)
                except base.MarketplaceError as exc:
                    return ex.Decision(outbox.UNKNOWN, said(QT_TRANSLATE_NOOP("Refusals", "{why}; reading failed: "
                                                                                          "{error}"),
                                                            why=lost or said(QT_TRANSLATE_NOOP(
                                                                "Refusals", "it could not be checked")),
                                                            error=str(exc)))
                if verdict is _Verdict.APPLIED:
                    return ex.Decision(outbox.DONE, CONFIRMED, remote=remote)
                if verdict is _Verdict.IMPOSSIBLE:
                    return ex.Decision(outbox.FAILED, why, remote=remote)
            if sends >= MAX_SENDS:
                return ex.Decision(outbox.UNKNOWN, said(QT_TRANSLATE_NOOP("Refusals", "no answer after {sends} "
                                                                                      "tries ({lost})"),
                                                        sends=sends, lost=lost))
            sends += 1
            try:
                self._send(kind, payload)
            except base.OutcomeUnknown as exc:
                lost = said(QT_TRANSLATE_NOOP("Refusals", "the answer was lost ({error})"), error=str(exc))
                read_first = True
                continue
            except base.MarketplaceError as exc:
                try:
                    verdict, _why, remote = self._check(kind, payload, order.order_id)
                except base.MarketplaceError:
                    verdict, remote = _Verdict.NEEDED, None
                # Refused by the marketplace itself (its HTTP status): the pool's lane knows the quota then too.
                answered = ex._an_answer(exc)
                if verdict is _Verdict.APPLIED:
                    return ex.Decision(outbox.DONE, ex.ALREADY_DONE, remote=remote, answered=answered)
                return ex.Decision(outbox.FAILED, str(exc), remote=remote, answered=answered)
            # Read back at once alone; in a bulk resume, with the others it approved (`_read_back`).
            remote = self._after_approval(kind, order.order_id) if self._unread is None else None
            return ex.Decision(outbox.DONE, "", remote=remote, answered=True)

    def settle(self, action: m.Action, order: m.Order, decision: ex.Decision) -> ActionOutcome:
        """Store what `decide` found: the outbox row, the order and its event, in one transaction."""
        if decision.status == outbox.DONE:
            return self._done(action, order, decision.remote, decision.reason)
        if decision.status == outbox.FAILED:
            return self._failed(action, order, decision.reason, decision.remote)
        return self._unknown(action, order, decision.reason)

    def _read_back(self, order_ids: list[str]) -> None:
        """The orders a bulk resume approved, read 50 a call and stored as the pull stores them (what one approval
        reads right after it); unread, the next status sync stores them."""
        if not order_ids:
            return
        try:
            remotes = self.adapter.get_orders(order_ids)
        except base.MarketplaceError as exc:
            log.warning("%d orders after approving their cancellations: not read (%s)", len(order_ids), exc)
            return
        with write_transaction():
            store_orders(self.channel, remotes, who=self.who)

    def _after_approval(self, kind: str, order_id: str) -> base.Order | None:
        """The order right after its cancellation was approved, to store at once (the sender's thread reads it)."""
        if kind != APPROVE:
            return None
        try:
            return self.adapter.get_order(order_id=order_id)
        except base.MarketplaceError as exc:
            log.warning("order %s after approving its cancellation: not read (%s)", order_id, exc)
            return None

    def _send(self, kind: str, p: dict) -> None:
        if kind == APPROVE:
            self.api.approve_cancellation(p["cancel_id"], idempotency_key=p["idempotency_key"])
        else:
            self.api.reject_cancellation(p["cancel_id"], p["reason"], p.get("comment", ""),
                                         idempotency_key=p["idempotency_key"])

    def _check(self, kind: str, payload: dict, order_id: str) -> tuple[_Verdict, str, base.Order | None]:
        cancel_id = payload.get("cancel_id")
        still = any(r.cancel_id == cancel_id and r.pending
                    for r in self.api.cancellation_requests(order_ids=[order_id], pending_only=False))
        if still:
            return _Verdict.NEEDED, "", None
        remote = self.adapter.get_order(order_id=order_id)
        return (*judge(kind, remote), remote)

    # ---- results -----------------------------------------------------------------------------------------
    def _done(self, action: m.Action, order: m.Order, remote: base.Order | None, note: str) -> ActionOutcome:
        with m.db.atomic():
            if not outbox.settle(action, outbox.DONE, note):
                return outcome(reload(order), False, "another station finished this meanwhile", pending=True)
            if remote is not None:
                self.follow_remote(self.channel, remote, self.who)
            order = reload(order)
            changes: dict = {"action_failed": False, "problem": ""}
            if action.kind == APPROVE and order.state != S.CANCELLED.value:
                changes["state"] = S.CANCELLED.value  # the marketplace cancels on approval; the read may lag
            m.Order.update(version=m.Order.version + 1, local_updated_at=m.utcnow(), **changes).where(
                m.Order.id == order.id).execute()
            record_event(order, action.kind, self.who, _detail(action, note))
        if action.kind == APPROVE and remote is None and self._unread is not None:
            self._unread.append(order.order_id)
        if action.kind == APPROVE:
            if self._stock_later is None:
                _stock_freed(self.channel)
            else:
                self._stock_later = True  # once, after the whole resume
        return outcome(reload(order), True)

    def settle_done_many(
        self, items: Sequence[tuple[m.Action, m.Order, ex.Decision]], note: str = "", index: MappingIndex | None = None
    ) -> dict[int, ActionOutcome]:
        """`_done` for many answers the marketplace took (answered, or found so by reading: `note`) in one
        transaction, a few statements: the orders as read stored by the pull's writer, the actions, the orders and
        their events. By order key; raises pool.Lost (nothing written) when a claim was lost meanwhile, or when a
        test's own `follow_remote` must see each order (the caller then settles them one by one)."""
        remotes = [decision.remote for _a, _o, decision in items if decision.remote is not None]
        if remotes and self.follow_remote is not _follow_remote:
            raise pool.Lost("each order goes through this service's own follow_remote")
        with write_transaction():
            if remotes:
                store_orders(self.channel, remotes, who=self.who, index=index)
            if not outbox.settle_many([action for action, _o, _d in items], outbox.DONE, note):
                raise pool.Lost("a claim was lost")
            now = m.utcnow()
            keys = [order.id for _a, order, _d in items]
            approved = [order.id for action, order, _d in items if action.kind == APPROVE]
            for start in range(0, len(keys), 500):
                m.Order.update(version=m.Order.version + 1, local_updated_at=now, action_failed=False, problem="") \
                    .where(m.Order.id.in_(keys[start:start + 500])).execute()
            for start in range(0, len(approved), 500):  # the marketplace cancels on approval; the read may lag
                m.Order.update(state=S.CANCELLED.value).where(
                    m.Order.id.in_(approved[start:start + 500]) & (m.Order.state != S.CANCELLED.value)).execute()
            details = [_detail(action, note) for action, _order, _d in items]
            bulk.insert(m.OrderEvent, pool.EVENT_FIELDS, [(order.id, now, self.who, action.kind, True, detail,
                                                           stored_words(detail))
                                                          for (action, order, _d), detail in zip(items, details,
                                                                                                  strict=True)])
        if self._unread is not None:
            self._unread += [order.order_id for action, order, decision in items
                             if action.kind == APPROVE and decision.remote is None]
        if approved:
            if self._stock_later is None:
                _stock_freed(self.channel)
            else:
                self._stock_later = True
        stored = fresh_orders([order for _a, order, _d in items])
        return {order.id: outcome(stored[order.id], True) for _a, order, _d in items}


def _detail(action: m.Action, note: str) -> str:
    """The event of an answer the marketplace took."""
    p = action.payload or {}
    if action.kind == APPROVE:
        detail = said(QT_TRANSLATE_NOOP("History", "buyer's cancellation request approved; the order is cancelled"))
    else:
        why = p.get("reason_label") or p.get("reason")
        detail = said(QT_TRANSLATE_NOOP("History", "buyer's cancellation request rejected ({reason}): {comment}"),
                      reason=why, comment=p["comment"]) if p.get("comment") else \
            said(QT_TRANSLATE_NOOP("History", "buyer's cancellation request rejected ({reason})"), reason=why)
    return ex.with_note(detail, note)


def _stock_freed(channel: m.Channel) -> None:
    from tokodesk.services import inventory

    inventory.take_stock_for_shipped_orders(channel.id)
    inventory.mark_inventory_dirty(channel.id)  # the orders' stock is free again: push it


def judge(kind: str, remote: base.Order) -> tuple[_Verdict, str]:
    """The request is no longer waiting: did this answer take effect, judging by the order's state now?"""
    cancelled = remote.state is S.CANCELLED
    if kind == APPROVE:
        if cancelled:
            return _Verdict.APPLIED, ""
        return _Verdict.IMPOSSIBLE, "the request is no longer waiting (the buyer withdrew it, or it was answered " \
            "in Seller Center) and the order is not cancelled"
    if not cancelled:
        return _Verdict.APPLIED, ""
    return _Verdict.IMPOSSIBLE, "the order was cancelled meanwhile"


READ_IDS = 50  # orders a Search Cancellations names: its page size's maximum, so each chunk is about one page


def read_open(
    channel: m.Channel, adapter: base.Marketplace, requests: ex.Settles, mine: list[Open]
) -> tuple[list[tuple[Open, ex.Decision]], list[pool.Intent]]:
    """The resume's reader of answers left open (`resume.resume_actions`): their requests searched READ_IDS orders a
    call; an answer whose request still waits is sent (once; the same idempotency key), and those whose request no
    longer waits are judged by their orders, read 50 a call (`get_orders`), exactly as `BuyerRequests._check`
    judges one. An order neither read returned is read alone by its sender first."""
    from tokodesk.services.fulfilment import resume

    if not mine:
        return [], []
    api: base.BuyerCancellations = adapter  # type: ignore[assignment]
    order_ids = list(dict.fromkeys(item.order.order_id for item in mine))
    try:
        waiting = {r.cancel_id for start in range(0, len(order_ids), READ_IDS)
                   for r in api.cancellation_requests(order_ids=order_ids[start:start + READ_IDS], pending_only=False)
                   if r.pending}
    except (base.AuthError, base.NotReachable) as exc:
        log.warning("reading the requests of %d open answers failed: %s", len(mine), exc)
        why = said(QT_TRANSLATE_NOOP("Refusals", "it could not be checked; reading failed: {error}"), error=str(exc))
        return [(item, ex.Decision(outbox.UNKNOWN, why)) for item in mine], []
    except base.MarketplaceError as exc:  # refused as a whole: each is read alone by its sender
        log.warning("reading the requests of %d open answers at once failed (%s); reading each on its own", len(mine),
                    exc)
        return [], [resume.intent(channel, item, read_first=True) for item in mine]
    intents = [resume.intent(channel, item, read_first=False) for item in mine
               if (item.action.payload or {}).get("cancel_id") in waiting]
    answered = [item for item in mine if (item.action.payload or {}).get("cancel_id") not in waiting]
    if not answered:
        return [], intents
    try:
        remotes = {r.order_id: r for r in adapter.get_orders([item.order.order_id for item in answered])}
    except (base.AuthError, base.NotReachable) as exc:
        why = said(QT_TRANSLATE_NOOP("Refusals", "it could not be checked; reading failed: {error}"), error=str(exc))
        return [(item, ex.Decision(outbox.UNKNOWN, why)) for item in answered], intents
    except base.MarketplaceError as exc:
        log.warning("reading %d orders at once failed (%s); reading each on its own", len(answered), exc)
        remotes = {}
    decided: list[tuple[Open, ex.Decision]] = []
    for item in answered:
        remote = remotes.get(item.order.order_id)
        if remote is None:
            intents.append(resume.intent(channel, item, read_first=True))
            continue
        verdict, why = judge(item.action.kind, remote)
        if verdict is _Verdict.APPLIED:
            decided.append((item, ex.Decision(outbox.DONE, CONFIRMED, remote=remote)))
        else:
            decided.append((item, ex.Decision(outbox.FAILED, why, remote=remote)))
    return decided, intents


def _pick(offered: list[base.CancelReason], wanted: str | None) -> base.CancelReason:
    listed = "; ".join(f"{r.code} = {r.label}" for r in offered) or "(the marketplace offers none now)"
    wanted = (wanted or "").strip()
    if not wanted:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Choose a reason to reject the buyer's request (--reason NAME): "
                                                    "{listed}."), listed=listed)
    for reason in offered:
        if reason.code == wanted or reason.label.casefold() == wanted.casefold():
            return reason
    raise Refused(QT_TRANSLATE_NOOP("Refusals", "Reason {wanted!r} is not offered for this request; choose one of: "
                                                "{listed}."), wanted=wanted, listed=listed)


def _follow_remote(channel: m.Channel, remote: base.Order, who: str) -> None:
    from tokodesk.services.orders import apply_remote_order

    apply_remote_order(channel, remote, who=who)


def resume_pending(channel: m.Channel, adapter: Callable[[], base.Marketplace]) -> list[ActionOutcome]:
    """Resolve open answers of the channel, in bulk; the adapter is made only when there is one (start, each
    sync)."""
    if not outbox.resumable(channel.id, KINDS):
        return []
    return BuyerRequests(channel, adapter()).resume_pending()
