"""Packages: ship (single and batch), hand-over slots, package status, tracking, shipping label (research file §4).

In Indonesia pick-up vs drop-off is the warehouse's collection method in Seller Center, not a per-order choice: a
plain Ship Package is what TikTok Shipping needs. A pick-up slot is sent only when the marketplace asks for one.
The label exists only after Ship Package; its `doc_url` lives 24 hours, so the PDF is downloaded at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from tokodesk.marketplace.base import Label, MarketplaceError, OutcomeUnknown, ShipmentInfo, ShipMethod
from tokodesk.marketplace.tiktokshop import errors
from tokodesk.marketplace.tiktokshop.orders import utc_time
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
    data = api.call("GET", SLOTS.format(package_id=package_id), what="hand-over time slots")
    slots = []
    for s in data.get("pickup_slots") or []:
        # The API spells it "avaliable"; accept the right spelling too.
        available = s.get("avaliable", s.get("available", True))
        slots.append(Slot(utc_time(s.get("start_time")), utc_time(s.get("end_time")), bool(available)))
    return HandoverSlots(
        can_pickup=bool(data.get("can_pickup")),
        can_drop_off=bool(data.get("can_drop_off")),
        drop_off_point_url=str(data.get("drop_off_point_url") or ""),
        pickup_slots=slots,
    )


def package_info(api: Transport, package_id: str) -> PackageInfo:
    data = api.call("GET", PACKAGE.format(package_id=package_id), what="package status")
    return PackageInfo(
        package_id=str(data.get("package_id") or package_id),
        status=str(data.get("package_status") or ""),
        tracking_number=str(data["tracking_number"]) if data.get("tracking_number") else None,
        shipping_provider=str(data.get("shipping_provider_name") or ""),
        handover_method=str(data.get("handover_method") or ""),
        order_ids=[str(o.get("id")) for o in data.get("orders") or [] if isinstance(o, dict)],
    )


def tracking(api: Transport, order_id: str) -> list[TrackingEvent]:
    data = api.call("GET", TRACKING.format(order_id=order_id), what="tracking")
    events = []
    for e in data.get("tracking") or []:
        millis = e.get("update_time_millis")
        events.append(TrackingEvent(str(e.get("description") or ""), utc_time(int(millis) // 1000) if millis else None))
    return events


def check_shippable(raw: dict) -> None:
    """Refuse, in words, what must not be shipped (ON_HOLD above all)."""
    status = str(raw.get("status") or "")
    order_id = raw.get("id")
    if status == "ON_HOLD":
        raise MarketplaceError(
            f"Order {order_id} is on hold: the buyer may still cancel it (about an hour after payment). Do not ship "
            "it yet; it becomes shippable when its status turns to Awaiting shipment."
        )
    if status == "UNPAID":
        raise MarketplaceError(f"Order {order_id} is not paid yet; it cannot be shipped.")
    if status in ("CANCELLED", "CANCEL"):
        raise MarketplaceError(f"Order {order_id} has been cancelled; do not ship it.")
    if str(raw.get("fulfillment_type") or "") in PLATFORM_FULFILLED:
        raise MarketplaceError(
            f"Order {order_id} is fulfilled by the platform's warehouse; the seller does not ship it."
        )


def ship_body(raw: dict, method: ShipMethod, awb: str | None) -> dict:
    seller_shipping = str(raw.get("shipping_type") or "") == "SELLER"
    if method is ShipMethod.OWN_COURIER or seller_shipping:
        if not seller_shipping:
            raise MarketplaceError(
                f"Order {raw.get('id')} ships with the marketplace's courier; an own-courier AWB is not accepted. "
                "Ship it without an AWB."
            )
        if not awb:
            raise MarketplaceError(f"Order {raw.get('id')} is shipped by the seller's own courier: enter its AWB.")
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
        raise MarketplaceError(
            f"Order {raw.get('id')} has no package yet. Refresh the order in a minute and try again."
        )
    return str(packages[0]["id"])


def ship_package(api: Transport, raw: dict, method: ShipMethod, awb: str | None = None) -> ShipmentInfo:
    """Ship one order's package. `raw` is the order as just read (its status decides what is allowed)."""
    order_id = str(raw.get("id"))
    status = str(raw.get("status") or "")
    if status in ALREADY_HANDED_OVER:  # already shipped (Seller Center, or a lost answer): report, never repeat
        return ShipmentInfo(order_id, awb=raw.get("tracking_number") or None,
                            courier=str(raw.get("shipping_provider") or ""), marketplace_status=status)
    check_shippable(raw)
    package_id = package_of(raw)
    body = ship_body(raw, method, awb)
    path = SHIP.format(package_id=package_id)
    try:
        api.call("POST", path, body=body, idempotent=False, what=f"ship order {order_id}")
    except OutcomeUnknown:
        raise
    except MarketplaceError as exc:
        if exc.error_code not in SLOT_CODES or body:
            raise
        chosen = _slot_body(handover_slots(api, package_id), method)
        if chosen is None:
            raise
        api.call("POST", path, body=chosen, idempotent=False, what=f"ship order {order_id}")
    tracking_number = awb if body.get("self_shipment") else None
    courier = str(raw.get("shipping_provider") or "")
    try:
        info = package_info(api, package_id)
        tracking_number = info.tracking_number or tracking_number
        courier = info.shipping_provider or courier
    except MarketplaceError:
        pass  # the shipment stands; the tracking number arrives with the label or the next status refresh
    return ShipmentInfo(order_id, awb=tracking_number, courier=courier, marketplace_status="AWAITING_COLLECTION")


def ship_packages(
    api: Transport, entries: Sequence[tuple[str, str, dict]]
) -> dict[str, MarketplaceError | None]:
    """Batch Ship Package. `entries` = (order_id, package_id, body); result by order id (None = shipped)."""
    results: dict[str, MarketplaceError | None] = {}
    for start in range(0, len(entries), SHIP_BATCH_MAX):
        chunk = entries[start : start + SHIP_BATCH_MAX]
        by_package = {package_id: order_id for order_id, package_id, _ in chunk}
        packages = [{"id": package_id, **body} for _, package_id, body in chunk]
        try:
            data = api.call("POST", SHIP_BATCH, body={"packages": packages}, idempotent=False, what="ship packages")
        except MarketplaceError as exc:  # OutcomeUnknown included: every order of the chunk is unknown
            for order_id in by_package.values():
                results[order_id] = exc
            continue
        for order_id in by_package.values():
            results[order_id] = None
        for err in data.get("errors") or []:
            detail = err.get("detail") or {}
            order_id = by_package.get(str(detail.get("package_id") or ""))
            if order_id is None:
                continue
            code = str(err.get("code") or "")
            results[order_id] = MarketplaceError(errors.words_for(code, str(err.get("message") or "")), code)
    return results


def shipping_label(
    api: Transport, package_id: str, sleep: Callable[[float], None], *, size: str = "A6"
) -> Label:
    """The marketplace's A6 PDF label, downloaded at once (its link lives 24 h)."""
    query = {"document_type": "SHIPPING_LABEL", "document_size": size, "document_format": "PDF"}
    path = DOCUMENTS.format(package_id=package_id)
    for attempt in range(1, LABEL_ATTEMPTS + 1):
        try:
            data = api.call("GET", path, query=query, what="shipping label")
        except MarketplaceError as exc:
            if exc.error_code != errors.LABEL_GENERATING or attempt == LABEL_ATTEMPTS:
                raise
            sleep(min(2.0 * attempt, 10.0))
            continue
        url = data.get("doc_url")
        if not url:
            raise MarketplaceError("The marketplace gave no label link for this package. Try again in a minute.")
        resp = api.download(str(url), what="shipping label")
        content = resp.content
        if not content.startswith(b"%PDF"):
            raise MarketplaceError("The label the marketplace returned is not a PDF. Try again in a minute.")
        tracking_number = str(data["tracking_number"]) if data.get("tracking_number") else None
        return Label(content=content, content_type="application/pdf", tracking_number=tracking_number)
    raise AssertionError("unreachable")
