"""Reject (NACK) reasons Tokopedia accepts, and the checks made before a rejection is sent (research §6)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from tokodesk.config import WIB
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import CancelReason, CancelRequest, OrderState

# Text limits from the FS docs. Code 0 is 512 in the docs but 200 in the SIRCLO spec (UNCONFIRMED): the docs are the
# primary source, and the server, not a guessed lower cap, is what a seller would then hear from.
CLOSE_NOTE_MAX = 100

REASONS: tuple[CancelReason, ...] = (
    CancelReason("1", QT_TRANSLATE_NOOP("CancelReason", "Product out of stock"), max_text=512),
    CancelReason("2", QT_TRANSLATE_NOOP("CancelReason", "Product variant unavailable"), max_text=512),
    CancelReason("3", QT_TRANSLATE_NOOP("CancelReason", "Wrong price or weight"), max_text=512),
    CancelReason("4", QT_TRANSLATE_NOOP("CancelReason", "Shop closed"), needs_close_date=True, max_text=512),
    CancelReason("5", QT_TRANSLATE_NOOP("CancelReason", "Other reason"), max_text=512),
    CancelReason("7", QT_TRANSLATE_NOOP("CancelReason", "Courier problem"), max_text=490),
    CancelReason("8", QT_TRANSLATE_NOOP("CancelReason", "Buyer's request"), max_text=490),
    CancelReason("0", QT_TRANSLATE_NOOP("CancelReason", "Problem with the shipment"), max_text=512),
)
BY_CODE = {r.code: r for r in REASONS}

# Where a rejection is possible. Which statuses Tokopedia allows NACK in is UNCONFIRMED beyond 220 (ORD_USC_008 says
# "not eligible" elsewhere); the tolerant reading offers it until the parcel has left, and the server decides.
_CANCELLABLE = {OrderState.NEW, OrderState.ACKNOWLEDGED, OrderState.PACKED, OrderState.READY_TO_SHIP}
# Code 0 is the "reject shipping case": it only makes sense once the order was accepted.
_SHIPPING_ONLY = {"0"}


class InvalidCancelRequest(ValueError):
    """The rejection would be refused by Tokopedia; the message names the field and the fix."""


def reasons_for(state: OrderState) -> list[CancelReason]:
    if state not in _CANCELLABLE:
        return []
    if state is OrderState.NEW:
        return [r for r in REASONS if r.code not in _SHIPPING_ONLY]
    return list(REASONS)


def _today_wib() -> date:
    return datetime.now(timezone.utc).astimezone(WIB).date()


def nack_body(request: CancelRequest, today: date | None = None) -> dict:
    """Validate a rejection and build the NACK body; raises InvalidCancelRequest before anything is sent."""
    reason = BY_CODE.get(str(request.reason.code).strip())
    if reason is None:
        codes = ", ".join(r.code for r in REASONS)
        raise InvalidCancelRequest(said(QT_TRANSLATE_NOOP(
            "Marketplace", "Reject reason code {code!r} is not one Tokopedia accepts ({codes})."),
            code=request.reason.code, codes=codes))
    text = (request.text or "").strip()
    if reason.needs_text and not text:
        raise InvalidCancelRequest(said(QT_TRANSLATE_NOOP("Marketplace", "Write a short explanation for the buyer "
                                                          "(reason: {reason})."), reason=reason.label))
    if len(text) > reason.max_text:
        raise InvalidCancelRequest(said(QT_TRANSLATE_NOOP(
            "Marketplace", "The explanation is {length} characters; Tokopedia accepts at most {most} for '{reason}'. "
            "Shorten it."), length=len(text), most=reason.max_text, reason=reason.label))
    body: dict = {"reason_code": int(reason.code), "reason": text}
    if reason.needs_close_date:
        if request.shop_close_end is None:
            raise InvalidCancelRequest(said(QT_TRANSLATE_NOOP("Marketplace", "'Shop closed' needs the date the shop "
                                                              "opens again (shop closed until).")))
        end = request.shop_close_end
        if isinstance(end, datetime):
            end_day = end.astimezone(WIB).date() if end.tzinfo else end.date()
        else:
            end_day = end
        if end_day < (today or _today_wib()):
            raise InvalidCancelRequest(said(QT_TRANSLATE_NOOP(
                "Marketplace", "The shop-closed-until date {day} is in the past; pick a later day."),
                day=f"{end_day:%d/%m/%Y}"))
        note = (request.shop_close_note or "").strip()
        if not note:
            raise InvalidCancelRequest(said(QT_TRANSLATE_NOOP("Marketplace", "'Shop closed' needs a note for buyers "
                                                              "(why the shop is closed).")))
        if len(note) > CLOSE_NOTE_MAX:
            raise InvalidCancelRequest(said(QT_TRANSLATE_NOOP(
                "Marketplace", "The shop-closed note is {length} characters; Tokopedia accepts at most {most}. Shorten "
                "it."), length=len(note), most=CLOSE_NOTE_MAX))
        body["shop_close_end_date"] = f"{end_day:%d/%m/%Y}"
        body["shop_close_note"] = note
    return body
