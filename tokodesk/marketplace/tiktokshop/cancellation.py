"""Cancellations: the seller's own (by reason name) and the buyer's requests (research file §5).

The seller reasons for Indonesia depend on the order status; a reason that does not fit is refused by the API
(25001021), so the list offered is exactly the one the status allows. The buyer's requests are searched, then
approved or rejected with one of the reasons the API offers for that very request. Approve and reject carry an
idempotency key, so a lost answer is repeated with the same key instead of being left unknown.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, term
from tokodesk.marketplace.base import CancelReason, MarketplaceError
from tokodesk.marketplace.clean import clean_text, scrub, short
from tokodesk.marketplace.tiktokshop.orders import utc_time
from tokodesk.marketplace.tiktokshop.transport import Transport

CANCEL = "/return_refund/202309/cancellations"
SEARCH = "/return_refund/202309/cancellations/search"
APPROVE = "/return_refund/202309/cancellations/{cancel_id}/approve"
REJECT = "/return_refund/202309/cancellations/{cancel_id}/reject"
REJECT_REASONS = "/return_refund/202309/reject_reasons"

_OUT_OF_STOCK = "Stok habis / Out of stock"
_WRONG_PRICE = "Harga salah / Wrong price"
# Reason names by order status (Indonesia; `seller_cancel_paid_reason_address_not_deliver` was removed Aug 2025).
SELLER_REASONS: dict[str, tuple[tuple[str, str], ...]] = {
    "UNPAID": (
        ("seller_cancel_unpaid_reason_out_of_stock", _OUT_OF_STOCK),
        ("seller_cancel_unpaid_reason_wrong_price", _WRONG_PRICE),
        (
            "seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed",
            "Pembeli belum membayar tepat waktu / Buyer has not paid in time",
        ),
    ),
    "ON_HOLD": (
        ("seller_cancel_reason_out_of_stock", _OUT_OF_STOCK),
        ("seller_cancel_reason_wrong_price", _WRONG_PRICE),
    ),
    "AWAITING_SHIPMENT": (
        ("seller_cancel_reason_out_of_stock", _OUT_OF_STOCK),
        ("seller_cancel_reason_wrong_price", _WRONG_PRICE),
    ),
}

PENDING = "CANCELLATION_REQUEST_PENDING"
# The docs spell the final state both ways; both mean the same.
_STATUS_ALIASES = {"CANCELLATION_REQUEST_CANCELLED": "CANCELLATION_REQUEST_CANCEL"}

log = logging.getLogger(__name__)


# What each call is named in its errors (an answer lost or too large): words the window says in its language.
_W_CANCELLATION_REQUESTS = said(QT_TRANSLATE_NOOP("Marketplace", "cancellation requests"))
_W_REJECT_REASONS = said(QT_TRANSLATE_NOOP("Marketplace", "reject reasons"))
_W_APPROVE_CANCELLATION = said(QT_TRANSLATE_NOOP("Marketplace", "approve cancellation"))
_W_REJECT_CANCELLATION = said(QT_TRANSLATE_NOOP("Marketplace", "reject cancellation"))


def seller_reasons(status: str) -> list[CancelReason]:
    return [CancelReason(code=name, label=label, needs_text=False) for name, label in SELLER_REASONS.get(status, ())]


@dataclass
class CancellationRequest:
    cancel_id: str
    order_id: str
    cancel_type: str
    role: str
    status: str
    reason: str
    reason_text: str
    line_item_ids: list[str] = field(default_factory=list)
    next_actions: list[tuple[str, datetime | None]] = field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def pending(self) -> bool:
        return self.status == PENDING


def seller_cancel(api: Transport, order_id: str, status: str, reason_name: str) -> dict:
    allowed = {name for name, _ in SELLER_REASONS.get(status, ())}
    if not allowed:
        raise MarketplaceError(said(QT_TRANSLATE_NOOP(
            "Marketplace", "Order {order} cannot be cancelled by the seller in status {status}. If the buyer asked to "
            "cancel, answer the buyer's request instead."),
            order=order_id, status=term("MarketplaceStatus", status) if status else QT_TRANSLATE_NOOP("Marketplace",
                                                                                                      "unknown")))
    if reason_name not in allowed:
        raise MarketplaceError(said(QT_TRANSLATE_NOOP(
            "Marketplace", "The reason '{reason}' is not allowed for an order in status {status}; choose one of: "
            "{allowed}."), reason=reason_name, status=term("MarketplaceStatus", status),
            allowed=", ".join(sorted(allowed))))
    return api.call(
        "POST", CANCEL, body={"order_id": order_id, "cancel_reason": reason_name}, idempotent=False,
        what=said(QT_TRANSLATE_NOOP("Marketplace", "cancel order {order}"), order=order_id),
    )


def _parse_request(raw: dict) -> CancellationRequest:
    status = str(raw.get("cancel_status") or "")
    return scrub(CancellationRequest(
        cancel_id=str(raw.get("cancel_id") or ""),
        order_id=str(raw.get("order_id") or ""),
        cancel_type=str(raw.get("cancel_type") or ""),
        role=str(raw.get("role") or ""),
        status=_STATUS_ALIASES.get(status, status),
        reason=str(raw.get("cancel_reason") or ""),
        reason_text=str(raw.get("cancel_reason_text") or ""),
        line_item_ids=[
            str(i.get("order_line_item_id")) for i in raw.get("cancel_line_items") or [] if isinstance(i, dict)
        ],
        next_actions=[
            (str(a.get("action") or ""), utc_time(a.get("deadline")))
            for a in raw.get("seller_next_action_response") or []
            if isinstance(a, dict)
        ],
        created_at=utc_time(raw.get("create_time")),
        updated_at=utc_time(raw.get("update_time")),
    ))


def search_requests(
    api: Transport,
    *,
    order_ids: Sequence[str] = (),
    statuses: Sequence[str] = (),
    cancel_types: Sequence[str] = ("BUYER_CANCEL",),
    page_size: int = 50,
) -> list[CancellationRequest]:
    """Buyer (or any) cancellation requests, every page."""
    body: dict = {"locale": "id-ID"}
    if order_ids:
        body["order_ids"] = list(order_ids)
    if statuses:
        body["cancel_status"] = list(statuses)
    if cancel_types:
        body["cancel_types"] = list(cancel_types)
    found: list[CancellationRequest] = []
    token = None
    tokens: set[str] = set()
    while True:
        query = {"page_size": page_size, "page_token": token, "sort_field": "create_time", "sort_order": "ASC"}
        data = api.call("POST", SEARCH, query=query, body=body, what=_W_CANCELLATION_REQUESTS)
        for raw in data.get("cancellations") or []:
            if not isinstance(raw, dict):
                continue
            try:
                found.append(_parse_request(raw))
            except (TypeError, ValueError, OverflowError) as exc:  # UnsafeId too: one bad request, not the list
                log.warning("skipping an unreadable cancellation request %s: %s", short(raw.get("cancel_id")), exc)
        token = data.get("next_page_token")
        if not token:
            return found
        if token in tokens:  # the same page again would go on forever
            log.warning("the marketplace handed out a cancellation page token again; the list stops there")
            return found
        tokens.add(str(token))


def reject_reasons(api: Transport, cancel_id: str) -> list[CancelReason]:
    data = api.call(
        "GET", REJECT_REASONS, query={"return_or_cancel_id": cancel_id, "locale": "id-ID"}, what=_W_REJECT_REASONS
    )
    reasons = []
    for r in data.get("reasons") or []:
        if not isinstance(r, dict) or not r.get("name"):
            continue
        name = str(r.get("name"))
        if clean_text(name) != name:
            continue  # a reason name is sent back as it is: one that cannot be shown faithfully is not offered
        reasons.append(scrub(CancelReason(code=name, label=str(r.get("text") or name), needs_text=False)))
    return reasons


def approve_request(api: Transport, cancel_id: str, idempotency_key: str | None = None) -> None:
    # The key makes a repeat harmless, so this call may be retried like a read.
    api.call(
        "POST", APPROVE.format(cancel_id=cancel_id), query={"idempotency_key": idempotency_key or str(uuid.uuid4())},
        body={}, what=_W_APPROVE_CANCELLATION,
    )


def reject_request(
    api: Transport,
    cancel_id: str,
    reason_name: str,
    comment: str = "",
    idempotency_key: str | None = None,
) -> None:
    allowed = reject_reasons(api, cancel_id)
    if allowed and reason_name not in {r.code for r in allowed}:
        raise MarketplaceError(said(QT_TRANSLATE_NOOP(
            "Marketplace", "The reason '{reason}' is not offered for this cancellation request; choose one of: "
            "{allowed}."), reason=reason_name, allowed=", ".join(r.code for r in allowed)))
    body: dict = {"reject_reason": reason_name}
    if comment:
        body["comment"] = comment
    api.call(
        "POST", REJECT.format(cancel_id=cancel_id), query={"idempotency_key": idempotency_key or str(uuid.uuid4())},
        body=body, what=_W_REJECT_CANCELLATION,
    )
