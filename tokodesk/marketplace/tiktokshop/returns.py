"""Returns and refunds (Return & Refund reference: Search Returns, Get Return Records, Approve Return, Reject Return,
Get Reject Reasons).

The API lists one return line item per unit returned; they are folded into one line per SKU with its quantity. The
seller's decision names depend on what the return waits for (a request: APPROVE_REFUND / APPROVE_RETURN; a parcel
sent back: APPROVE_RECEIVED_PACKAGE), so the caller passes the one that fits what the seller saw. A decision is
sent once (`idempotent=False`): a lost answer raises OutcomeUnknown and the caller reads the return before
anything else; the idempotency key travels too, so even a repeat could not decide twice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from datetime import datetime

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import CancelReason, MarketplaceError, ReturnInfo, ReturnLineInfo, ReturnState
from tokodesk.marketplace.clean import scrub, short
from tokodesk.marketplace.tiktokshop.orders import utc_time
from tokodesk.marketplace.tiktokshop.transport import Transport

log = logging.getLogger(__name__)

SEARCH = "/return_refund/202309/returns/search"
RECORDS = "/return_refund/202309/returns/{return_id}/records"
APPROVE = "/return_refund/202309/returns/{return_id}/approve"
REJECT = "/return_refund/202309/returns/{return_id}/reject"
REJECT_REASONS = "/return_refund/202309/reject_reasons"
# Reject Return's images are named by the uri Upload Product Image returns (the reference says so); the use case
# that fits a rejection's evidence is "supporting information": CERTIFICATION_IMAGE (no resizing, unlike MAIN_IMAGE).
IMAGE_UPLOAD = "/product/202309/images/upload"
CALCULATE = "/return_refund/202309/refunds/calculate"
IMAGE_USE_CASE = "CERTIFICATION_IMAGE"
PAGE = 50  # Search Returns: page_size 10..50

STATES: dict[str, ReturnState] = {
    "RETURN_OR_REFUND_REQUEST_PENDING": ReturnState.NEEDS_ANSWER,
    "REPLACEMENT_REQUEST_PENDING": ReturnState.NEEDS_ANSWER,
    "AWAITING_BUYER_SHIP": ReturnState.ON_ITS_WAY,
    "BUYER_SHIPPED_ITEM": ReturnState.TO_INSPECT,
    "AWAITING_BUYER_RESPONSE": ReturnState.ON_ITS_WAY,  # a partial refund offered: the buyer answers
}


# What each call is named in its errors (an answer lost or too large): words the window says in its language.
_W_RETURNS = said(QT_TRANSLATE_NOOP("Marketplace", "returns"))
_W_RETURN_RECORDS = said(QT_TRANSLATE_NOOP("Marketplace", "return records"))
_W_RETURN_REJECT_REASONS = said(QT_TRANSLATE_NOOP("Marketplace", "return reject reasons"))


def _rupiah(amount: object) -> int:
    try:
        return int(round(float(str(amount or 0))))
    except ValueError:
        return 0


def parse_return(raw: dict) -> ReturnInfo:
    status = str(raw.get("return_status") or "")
    lines: dict[str, ReturnLineInfo] = {}
    for item in raw.get("return_line_items") or []:
        if not isinstance(item, dict):
            continue
        key = str(item.get("sku_id") or item.get("seller_sku") or item.get("return_line_item_id"))
        if key in lines:
            lines[key].quantity += 1
            continue
        lines[key] = ReturnLineInfo(
            line_id=str(item.get("return_line_item_id") or ""), order_line_id=str(item.get("order_line_item_id") or ""),
            sku=str(item.get("seller_sku") or ""), sku_id=str(item.get("sku_id") or ""),
            name=str(item.get("product_name") or item.get("sku_name") or ""), quantity=1,
        )
    action, deadline = "", None
    for entry in raw.get("seller_next_action_response") or []:
        if isinstance(entry, dict) and entry.get("deadline"):
            action, deadline = str(entry.get("action") or ""), utc_time(entry.get("deadline"))
            break
    return_type = str(raw.get("return_type") or "")
    if raw.get("seller_proposed_return_type") == "PARTIAL_REFUND":
        return_type = "PARTIAL_REFUND"
    return scrub(ReturnInfo(
        return_id=str(raw.get("return_id") or ""), order_id=str(raw.get("order_id") or ""), return_type=return_type,
        status=status, state=STATES.get(status, ReturnState.CLOSED), next_action=action, next_deadline=deadline,
        reason=str(raw.get("return_reason") or ""), reason_text=str(raw.get("return_reason_text") or ""),
        refund_total=_rupiah((raw.get("refund_amount") or {}).get("refund_total")),
        tracking_number=str(raw.get("return_tracking_number") or "") or None,
        courier=str(raw.get("return_provider_name") or ""), return_method=str(raw.get("return_method") or ""),
        created_at=utc_time(raw.get("create_time")), updated_at=utc_time(raw.get("update_time")),
        lines=list(lines.values()),
    ))


def search(api: Transport, updated_from: datetime | None = None, updated_to: datetime | None = None,
           return_ids: Sequence[str] = ()) -> Iterator[list[ReturnInfo]]:
    body: dict = {"locale": "id-ID"}
    if return_ids:
        body["return_ids"] = [str(i) for i in return_ids]
    if updated_from is not None:
        body["update_time_ge"] = int(updated_from.timestamp())
    if updated_to is not None:
        body["update_time_lt"] = int(updated_to.timestamp())
    token = None
    while True:
        query = {"page_size": PAGE, "page_token": token, "sort_field": "update_time", "sort_order": "ASC"}
        data = api.call("POST", SEARCH, query=query, body=body, what=_W_RETURNS)
        page = []
        for raw in data.get("return_orders") or []:
            if not isinstance(raw, dict):
                continue
            try:
                page.append(parse_return(raw))
            except (TypeError, ValueError, OverflowError) as exc:  # UnsafeId too: one return, not the sync
                log.warning("skipping an unreadable return %s: %s", short(raw.get("return_id")), exc)
        yield page
        token = data.get("next_page_token")
        if not token:
            return


def evidence(api: Transport, return_id: str) -> list[str]:
    """The buyer's photos and videos (links), from the return's records."""
    data = api.call("GET", RECORDS.format(return_id=return_id), query={"locale": "id-ID"}, what=_W_RETURN_RECORDS)
    links: list[str] = []
    for record in data.get("records") or []:
        if not isinstance(record, dict) or record.get("role") != "BUYER":
            continue
        for media in (record.get("images") or []) + (record.get("videos") or []):
            if isinstance(media, dict) and media.get("url") and media["url"] not in links:
                links.append(str(media["url"]))
    return links


def reject_reasons(api: Transport, return_id: str) -> list[CancelReason]:
    data = api.call("GET", REJECT_REASONS, query={"return_or_cancel_id": return_id, "locale": "id-ID"},
                    what=_W_RETURN_REJECT_REASONS)
    return [CancelReason(code=str(r["name"]), label=str(r.get("text") or r["name"]), needs_text=False)
            for r in data.get("reasons") or [] if isinstance(r, dict) and r.get("name")]


def approve(api: Transport, return_id: str, decision: str, idempotency_key: str,
            partial_amount: int | None = None) -> None:
    body: dict = {"decision": decision}
    if partial_amount is not None:  # OFFER_PARTIAL_REFUND: the amount the seller typed, in whole rupiah
        body["partial_refund"] = {"amount": str(int(partial_amount)), "currency": "IDR"}
    api.call("POST", APPROVE.format(return_id=return_id), query={"idempotency_key": idempotency_key},
             body=body, idempotent=False,
             what=said(QT_TRANSLATE_NOOP("Marketplace", "approve return {return_id}"), return_id=return_id))


def upload_image(api: Transport, data: bytes, name: str, mime_type: str) -> str:
    """Upload one photo (checked beforehand: services/return_photos.py); its uri, for Reject Return's images."""
    answer = api.call("POST", IMAGE_UPLOAD, form={"data": (name, data, mime_type), "use_case": IMAGE_USE_CASE},
                      shop=False, what=said(QT_TRANSLATE_NOOP("Marketplace", "upload photo {name}"), name=name))
    uri = str(answer.get("uri") or "")
    if not uri:
        raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop accepted the photo {name} but "
                                                      "named no uri for it; try again"), name=name))
    return uri


def reject(api: Transport, return_id: str, decision: str, reason_name: str, comment: str,
           idempotency_key: str, images: Sequence[dict] = ()) -> None:
    body: dict = {"decision": decision, "reject_reason": reason_name}
    if comment:
        body["comment"] = comment
    if images:  # [{image_id, mime_type, width, height}], each image_id from upload_image
        body["images"] = [{"image_id": i["image_id"], "mime_type": i["mime_type"], "width": int(i["width"]),
                           "height": int(i["height"])} for i in images]
    api.call("POST", REJECT.format(return_id=return_id), query={"idempotency_key": idempotency_key}, body=body,
             idempotent=False,
             what=said(QT_TRANSLATE_NOOP("Marketplace", "reject return {return_id}"), return_id=return_id))


def calculate_refund(api: Transport, order_id: str, skus: Sequence[tuple[str, int]]) -> int:
    """Calculate Refund: what the platform would refund (rupiah) for these units of the order as a refund only;
    `skus`: (sku_id, quantity). The seller's partial refund offer starts from it (and stays below the full one)."""
    body = {"order_id": str(order_id), "request_type": "REFUND",
            "skus": [{"sku_id": str(sku_id), "quantity": int(qty)} for sku_id, qty in skus if qty > 0]}
    what = said(QT_TRANSLATE_NOOP("Marketplace", "calculate the refund of order {order}"), order=order_id)
    data = api.call("POST", CALCULATE, body=body, what=what)
    return _rupiah((data.get("order_refund_amount") or {}).get("refund_total"))
