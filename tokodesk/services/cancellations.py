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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from tokodesk import config
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services.fulfilment.common import (
    ActionOutcome,
    Refused,
    bump_version,
    outcome,
    record_event,
    reload,
)
from tokodesk.services.fulfilment.execute import Settles
from tokodesk.services.order_store import store_orders
from tokodesk.store import models as m
from tokodesk.store.tx import write_transaction

log = logging.getLogger(__name__)

APPROVE, REJECT = "cancel_request_approve", "cancel_request_reject"
KINDS = (APPROVE, REJECT)
MAX_SENDS = 3
S = base.OrderState


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

    def resume_pending(self) -> list[ActionOutcome]:
        """Finish the answers a crash or a lost response left open, reading the marketplace first."""
        return [self.resume(a) for a in outbox.resumable(self.channel.id, KINDS)]

    # ---- the loop (as fulfilment's Executor: never send again before reading) -----------------------------
    def _drive(self, action: m.Action, order: m.Order, *, read_first: bool) -> ActionOutcome:
        lost = ""
        sends = 0
        while True:
            if read_first:
                try:
                    verdict, why, remote = self._check(action, order)
                except base.MarketplaceError as exc:
                    return self._unknown(action, order, f"{lost or 'it could not be checked'}; reading failed: {exc}")
                if verdict is _Verdict.APPLIED:
                    return self._done(action, order, remote, "confirmed by reading the marketplace")
                if verdict is _Verdict.IMPOSSIBLE:
                    return self._failed(action, order, why, remote)
            if sends >= MAX_SENDS:
                return self._unknown(action, order, f"no answer after {sends} tries ({lost})")
            sends += 1
            try:
                self._send(action)
            except base.OutcomeUnknown as exc:
                lost = f"the answer was lost ({exc})"
                read_first = True
                continue
            except base.MarketplaceError as exc:
                try:
                    verdict, _why, remote = self._check(action, order)
                except base.MarketplaceError:
                    verdict, remote = _Verdict.NEEDED, None
                if verdict is _Verdict.APPLIED:
                    return self._done(action, order, remote, "already done on the marketplace")
                return self._failed(action, order, str(exc), remote)
            return self._done(action, order, None, "")

    def _send(self, action: m.Action) -> None:
        p = action.payload or {}
        if action.kind == APPROVE:
            self.api.approve_cancellation(p["cancel_id"], idempotency_key=p["idempotency_key"])
        else:
            self.api.reject_cancellation(p["cancel_id"], p["reason"], p.get("comment", ""),
                                         idempotency_key=p["idempotency_key"])

    def _check(self, action: m.Action, order: m.Order) -> tuple[_Verdict, str, base.Order | None]:
        cancel_id = (action.payload or {}).get("cancel_id")
        still = any(r.cancel_id == cancel_id and r.pending
                    for r in self.api.cancellation_requests(order_ids=[order.order_id], pending_only=False))
        if still:
            return _Verdict.NEEDED, "", None
        remote = self.adapter.get_order(order_id=order.order_id)
        cancelled = remote.state is S.CANCELLED
        if action.kind == APPROVE:
            if cancelled:
                return _Verdict.APPLIED, "", remote
            return _Verdict.IMPOSSIBLE, "the request is no longer waiting (the buyer withdrew it, or it was " \
                "answered in Seller Center) and the order is not cancelled", remote
        if not cancelled:
            return _Verdict.APPLIED, "", remote
        return _Verdict.IMPOSSIBLE, "the order was cancelled meanwhile", remote

    # ---- results -----------------------------------------------------------------------------------------
    def _done(self, action: m.Action, order: m.Order, remote: base.Order | None, note: str) -> ActionOutcome:
        if action.kind == APPROVE and remote is None:
            try:
                remote = self.adapter.get_order(order_id=order.order_id)
            except base.MarketplaceError as exc:
                log.warning("order %s after approving its cancellation: not read (%s)", order.order_id, exc)
        p = action.payload or {}
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
            if action.kind == APPROVE:
                detail = "buyer's cancellation request approved; the order is cancelled"
            else:
                comment = f": {p['comment']}" if p.get("comment") else ""
                detail = f"buyer's cancellation request rejected ({p.get('reason_label') or p.get('reason')}){comment}"
            record_event(order, action.kind, self.who, f"{detail}{f' ({note})' if note else ''}")
        if action.kind == APPROVE:
            from tokodesk.services import inventory

            inventory.take_stock_for_shipped_orders(self.channel.id)
            inventory.mark_inventory_dirty(self.channel.id)  # the order's stock is free again: push it
        return outcome(reload(order), True)



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
    """Resolve open answers of the channel; the adapter is made only when there is one (start, each sync)."""
    if not outbox.resumable(channel.id, KINDS):
        return []
    return BuyerRequests(channel, adapter()).resume_pending()
