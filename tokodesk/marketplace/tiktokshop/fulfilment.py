"""Packages: ship (single and batch), hand-over slots, package status, tracking, shipping label (research file §4).

In Indonesia pick-up vs drop-off is the warehouse's collection method in Seller Center, not a per-order choice: a
plain Ship Package is what TikTok Shipping needs. A pick-up slot is sent only when the marketplace asks for one.
The label exists only after Ship Package; its `doc_url` lives 24 hours, so the PDF is downloaded at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import InvalidOrder, Label, MarketplaceError, OutcomeUnknown, ShipmentInfo, ShipMethod
from tokodesk.marketplace.clean import scrub
from tokodesk.marketplace.tiktokshop import errors
from tokodesk.marketplace.tiktokshop.orders import parse_packages, utc_time
from tokodesk.marketplace.tiktokshop.transport import Transport

PACKAGE = "/fulfillment/202309/packages/{package_id}"
SHIP = "/fulfillment/202309/packages/{package_id}/ship"
SHIP_BATCH = "/fulfillment/202309/packages/ship"
SLOTS = "/fulfillment/202309/packages/{package_id}/handover_time_slots"
DOCUMENTS = "/fulfillment/202309/packages/{package_id}/shipping_documents"
TRACKING = "/fulfillment/202309/orders/{order_id}/tracking"

SHIP_BATCH_MAX = 50  # the documented maximum is unconfirmed; 50 matches the detail batch
LABEL_ATTEMPTS = 6
SLOT_CODES = frozenset({"21011053", "21011054"})
PLATFORM_FULFILLED = frozenset({"FULFILLMENT_BY_TIKTOK", "FULFILLMENT_BY_DILAYANI_TOKOPEDIA"})
ALREADY_HANDED_OVER = frozenset({"AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED"})
ALREADY_SHIPPED = frozenset({"11006021", "21008099", "21011040"})


# What each call is named in its errors (an answer lost or too large): words the window says in its language.
_W_HAND_OVER_TIME_SLOTS = said(QT_TRANSLATE_NOOP("Marketplace", "hand-over time slots"))
_W_PACKAGE_STATUS = said(QT_TRANSLATE_NOOP("Marketplace", "package status"))
_W_TRACKING = said(QT_TRANSLATE_NOOP("Marketplace", "tracking"))


@dataclass
class Slot:
    start: datetime | None
    end: datetime | None
    available: bool = True


@dataclass
class HandoverSlots:
    can_pickup: bool = False
    can_drop_off: bool = False
    drop_off_point_url: str = ""
    pickup_slots: list[Slot] = field(default_factory=list)


@dataclass
class PackageInfo:
    package_id: str
    status: str
    tracking_number: str | None = None
    shipping_provider: str = ""
    handover_method: str = ""
    order_ids: list[str] = field(default_factory=list)


@dataclass
class TrackingEvent:
    description: str
    at: datetime | None


def handover_slots(api: Transport, package_id: str) -> HandoverSlots:
    data = api.call("GET", SLOTS.format(package_id=package_id), what=_W_HAND_OVER_TIME_SLOTS)
    slots = []
    for s in data.get("pickup_slots") or []:
        # The API spells it "avaliable"; accept the right spelling too.
        available = s.get("avaliable", s.get("available", True))
        slots.append(Slot(utc_time(s.get("start_time")), utc_time(s.get("end_time")), bool(available)))
    return scrub(HandoverSlots(
        can_pickup=bool(data.get("can_pickup")),
        can_drop_off=bool(data.get("can_drop_off")),
        drop_off_point_url=str(data.get("drop_off_point_url") or ""),
        pickup_slots=slots,
    ))


def package_info(api: Transport, package_id: str) -> PackageInfo:
    data = api.call("GET", PACKAGE.format(package_id=package_id), what=_W_PACKAGE_STATUS)
    return scrub(PackageInfo(
        package_id=str(data.get("package_id") or package_id),
        status=str(data.get("package_status") or ""),
        tracking_number=str(data["tracking_number"]) if data.get("tracking_number") else None,
        shipping_provider=str(data.get("shipping_provider_name") or ""),
        handover_method=str(data.get("handover_method") or ""),
        order_ids=[str(o.get("id")) for o in data.get("orders") or [] if isinstance(o, dict)],
    ))


def tracking(api: Transport, order_id: str) -> list[TrackingEvent]:
    data = api.call("GET", TRACKING.format(order_id=order_id), what=_W_TRACKING)
    events = []
    for e in data.get("tracking") or []:
        millis = e.get("update_time_millis")
        events.append(scrub(TrackingEvent(str(e.get("description") or ""),
                                          utc_time(int(millis) // 1000) if millis else None)))
    return events


# What a call is named in its errors (a lost answer, a failed download): words the window can say in its language.
_SHIP_PACKAGES = said(QT_TRANSLATE_NOOP("Marketplace", "ship packages"))
_SHIPPING_LABEL = said(QT_TRANSLATE_NOOP("Marketplace", "shipping label"))


def _ship_order(order_id: str) -> str:
    return said(QT_TRANSLATE_NOOP("Marketplace", "ship order {order}"), order=order_id)


def check_shippable(raw: dict) -> None:
    """Refuse, in words, what must not be shipped (ON_HOLD above all)."""
    status = str(raw.get("status") or "")
    order_id = raw.get("id")
    if status == "ON_HOLD":
        raise MarketplaceError(said(QT_TRANSLATE_NOOP(
            "Marketplace", "Order {order} is on hold: the buyer may still cancel it (about an hour after payment). Do "
            "not ship it yet; it becomes shippable when its status turns to Awaiting shipment."), order=order_id))
    if status == "UNPAID":
        raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "Order {order} is not paid yet; it cannot be "
                                                      "shipped."), order=order_id))
    if status in ("CANCELLED", "CANCEL"):
        raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "Order {order} has been cancelled; do not ship "
                                                      "it."), order=order_id))
    if str(raw.get("fulfillment_type") or "") in PLATFORM_FULFILLED:
        raise MarketplaceError(said(QT_TRANSLATE_NOOP(
            "Marketplace", "Order {order} is fulfilled by the platform's warehouse; the seller does not ship it."),
            order=order_id))


def ship_body(raw: dict, method: ShipMethod, awb: str | None) -> dict:
    seller_shipping = str(raw.get("shipping_type") or "") == "SELLER"
    if method is ShipMethod.OWN_COURIER or seller_shipping:
        if not seller_shipping:
            raise MarketplaceError(said(QT_TRANSLATE_NOOP(
                "Marketplace", "Order {order} ships with the marketplace's courier; an own-courier AWB is not "
                "accepted. Ship it without an AWB."), order=raw.get("id")))
        if not awb:
            raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "Order {order} is shipped by the seller's "
                                                          "own courier: enter its AWB."), order=raw.get("id")))
        shipment = {"tracking_number": awb}
        if raw.get("shipping_provider_id"):
            shipment["shipping_provider_id"] = str(raw["shipping_provider_id"])
        return {"self_shipment": shipment}
    return {}


def _slot_body(slots: HandoverSlots, method: ShipMethod) -> dict | None:
    if method is ShipMethod.DROPOFF and slots.can_drop_off:
        return {"handover_method": "DROP_OFF"}
    free = [s for s in slots.pickup_slots if s.available and s.start and s.end]
    if slots.can_pickup and free:
        first = free[0]
        return {
            "handover_method": "PICKUP",
            "pickup_slot": {"start_time": int(first.start.timestamp()), "end_time": int(first.end.timestamp())},
        }
    if slots.can_drop_off:
        return {"handover_method": "DROP_OFF"}
    return None


def package_of(raw: dict) -> str:
    packages = [p for p in raw.get("packages") or [] if isinstance(p, dict) and p.get("id")]
    if not packages:
        raise MarketplaceError(said(QT_TRANSLATE_NOOP(
            "Marketplace", "Order {order} has no package yet. Refresh the order in a minute and try again."),
            order=raw.get("id")))
    return str(packages[0]["id"])


def packages_to_ship(api: Transport, raw: dict) -> list[str]:
    """Ids of the order's packages still waiting to be shipped, from the order just read (never an older copy: a
    package combined or split in Seller Center has a new id). A package whose status the order does not tell is
    asked for (Get Package Detail)."""
    package_of(raw)  # no package at all: say so
    status = str(raw.get("status") or "")
    waiting = []
    for ref in parse_packages(raw, raw.get("line_items") or []):
        state = ref.status
        if not state and status == "AWAITING_SHIPMENT":
            state = "TO_FULFILL"
        elif not state and status in ALREADY_HANDED_OVER:
            state = "PROCESSING"
        elif not state:
            state = package_info(api, ref.package_id).status or "TO_FULFILL"
        if state == "TO_FULFILL":
            waiting.append(ref.package_id)
    return waiting


def _send_ship(api: Transport, package_id: str, body: dict, method: ShipMethod, order_id: str) -> None:
    """Ship Package once; a warehouse that wants a hand-over slot gets the first free one."""
    path = SHIP.format(package_id=package_id)
    try:
        api.call("POST", path, body=body, idempotent=False, what=_ship_order(order_id))
    except OutcomeUnknown:
        raise
    except MarketplaceError as exc:
        if exc.error_code not in SLOT_CODES or body:
            raise
        chosen = _slot_body(handover_slots(api, package_id), method)
        if chosen is None:
            raise
        api.call("POST", path, body=chosen, idempotent=False, what=_ship_order(order_id))


def read_back(raw: dict, body: dict | None = None) -> ShipmentInfo:
    """What an order read after a ship says: its status, tracking number and packages (stored at once)."""
    from tokodesk.marketplace.tiktokshop.orders import parse_or_invalid

    own = ((body or {}).get("self_shipment") or {}).get("tracking_number")
    parsed = parse_or_invalid(raw)
    order = parsed if not isinstance(parsed, InvalidOrder) else None
    status = str(raw.get("status") or "")
    return scrub(ShipmentInfo(
        str(raw.get("id")),
        awb=(order.awb if order else None) or str(raw.get("tracking_number") or "") or own or None,
        courier=str(raw.get("shipping_provider") or ""),
        marketplace_status=status or None,
        order=order,
    ))


def send_in_turn(api: Transport, package_ids: Sequence[str], body: dict, method: ShipMethod,
                 order_id: str) -> dict[str, MarketplaceError | None]:
    """Ship one order's packages one after the other, stopping at the first the marketplace refuses or whose answer
    is lost: the rest are not sent (absent from the result). Ship Package answers per package, and a split order half
    shipped can no longer be cancelled (Cancel Order: 25001045), so a parcel it will not carry (overweight, "you may
    cancel the order without penalty") must not leave the others on their way. None = shipped."""
    sent: dict[str, MarketplaceError | None] = {}
    for package_id in package_ids:
        try:
            _send_ship(api, package_id, body, method, order_id)
            sent[package_id] = None
        except MarketplaceError as exc:  # OutcomeUnknown included: the caller reads the order before anything else
            if exc.error_code in ALREADY_SHIPPED and not isinstance(exc, OutcomeUnknown):
                sent[package_id] = None  # shipped meanwhile (Seller Center, another station): the intent holds
                continue
            sent[package_id] = exc
            break
    return sent


def ship_package(
    api: Transport, raw: dict, method: ShipMethod, awb: str | None = None, reread: Callable[[], dict] | None = None
) -> ShipmentInfo:
    """Ship every package of the order still waiting, or stop at the first one refused (`send_in_turn`). `raw` is
    the order as just read (its status and package ids decide what is allowed); `reread` reads it again afterwards,
    so what the marketplace then says is returned."""
    order_id = str(raw.get("id"))
    status = str(raw.get("status") or "")
    if status in ALREADY_HANDED_OVER:  # already shipped (Seller Center, or a lost answer): report, never repeat
        return read_back(raw)
    check_shippable(raw)
    body = ship_body(raw, method, awb)
    refused: MarketplaceError | None = None
    for exc in send_in_turn(api, packages_to_ship(api, raw), body, method, order_id).values():
        if isinstance(exc, OutcomeUnknown):
            raise exc  # the caller reads the order: the packages shipped since are never sent again
        refused = refused or exc
    after = raw
    if reread is not None:
        try:
            after = reread()
        except MarketplaceError:
            after = raw  # the shipment stands; the next status refresh brings the tracking numbers
    if refused is not None:
        raise refused
    info = read_back(after, body)
    if after is raw:
        info.marketplace_status = "AWAITING_COLLECTION"
        info.order = None
    return info


def ship_packages(
    api: Transport, entries: Sequence[tuple[str, str, dict]]
) -> dict[str, MarketplaceError | None]:
    """Batch Ship Package. `entries` = (order_id, package_id, body); result by package id (None = shipped)."""
    results: dict[str, MarketplaceError | None] = {}
    for start in range(0, len(entries), SHIP_BATCH_MAX):
        chunk = entries[start : start + SHIP_BATCH_MAX]
        packages = [{"id": package_id, **body} for _, package_id, body in chunk]
        try:
            data = api.call("POST", SHIP_BATCH, body={"packages": packages}, idempotent=False, what=_SHIP_PACKAGES)
        except MarketplaceError as exc:  # OutcomeUnknown included: every package of the chunk is unknown
            for _, package_id, _ in chunk:
                results[package_id] = exc
            continue
        for _, package_id, _ in chunk:
            results[package_id] = None
        for err in data.get("errors") or []:
            detail = err.get("detail") or {}
            package_id = str(detail.get("package_id") or "")
            if package_id not in results:
                continue
            code = str(err.get("code") or "")
            results[package_id] = MarketplaceError(str(err.get("message") or ""), code)
    return results


def shipping_label(
    api: Transport, package_id: str, sleep: Callable[[float], None], *, size: str = "A6"
) -> Label:
    """The marketplace's A6 PDF label, downloaded at once (its link lives 24 h)."""
    query = {"document_type": "SHIPPING_LABEL", "document_size": size, "document_format": "PDF"}
    path = DOCUMENTS.format(package_id=package_id)
    for attempt in range(1, LABEL_ATTEMPTS + 1):
        try:
            data = api.call("GET", path, query=query, what=_SHIPPING_LABEL)
        except MarketplaceError as exc:
            if exc.error_code != errors.LABEL_GENERATING or attempt == LABEL_ATTEMPTS:
                raise
            sleep(min(2.0 * attempt, 10.0))
            continue
        url = data.get("doc_url")
        if not url:
            raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "The marketplace gave no label link for this "
                                                          "package. Try again in a minute.")))
        resp = api.download(str(url), what=_SHIPPING_LABEL)
        content = resp.content
        if not content.startswith(b"%PDF"):
            raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "The label the marketplace returned is not a "
                                                          "PDF. Try again in a minute.")))
        tracking_number = str(data["tracking_number"]) if data.get("tracking_number") else None
        return Label(content=content, content_type="application/pdf", tracking_number=tracking_number)
    raise AssertionError("unreachable")


def order_label(api: Transport, raw: dict, sleep: Callable[[float], None], *, size: str = "A6") -> Label:
    """The labels of every package of the order awaiting collection, as one PDF (one page a package)."""
    status = str(raw.get("status") or "")
    refs = parse_packages(raw, raw.get("line_items") or [])
    ready = [r.package_id for r in refs if r.status == "PROCESSING" or (not r.status and status in ALREADY_HANDED_OVER)]
    labels = [shipping_label(api, package_id, sleep, size=size) for package_id in ready or [package_of(raw)]]
    if len(labels) == 1:
        return labels[0]
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for label in labels:
        writer.append(io.BytesIO(label.content))
    out = io.BytesIO()
    writer.write(out)
    numbers = ", ".join(lb.tracking_number for lb in labels if lb.tracking_number)
    return Label(out.getvalue(), "application/pdf", numbers or None)
