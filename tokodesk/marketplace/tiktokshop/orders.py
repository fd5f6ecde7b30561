"""Orders of the TikTok Shop Partner API read into `base.Order` (research file §3, DESIGN.md §5).

Line items come one per unit (no quantity field): they are folded into one `OrderLine` per SKU with the unit count
as quantity and every line item id kept. Money is a decimal string in rupiah; ids are strings.

Ids: the sellable unit of TikTok Shop is the SKU, so `OrderLine.product_id` (like `Product.product_id` in
products.py) is the SKU id; the TikTok product id is the product's `parent_id`. This keeps one row per variant in
the store, as Tokopedia's per-variant product ids do.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from tokodesk.marketplace.base import InvalidOrder, Order, OrderLine, OrderState, PackageRef, Recipient
from tokodesk.marketplace.clean import scrub, short

# Every TikTok Shop order status and the internal state it feeds (DESIGN.md §5).
STATUS_MAP: dict[str, OrderState] = {
    "UNPAID": OrderState.AWAITING_PAYMENT,
    "ON_HOLD": OrderState.ON_HOLD,  # the buyer's remorse window: must not be shipped
    "AWAITING_SHIPMENT": OrderState.ACKNOWLEDGED,  # no acknowledge step: straight to "to pack"
    "PARTIALLY_SHIPPING": OrderState.PARTLY_SHIPPED,  # some packages wait: never "shipped"
    "AWAITING_COLLECTION": OrderState.AWAITING_PICKUP,
    "IN_TRANSIT": OrderState.SHIPPED,
    "DELIVERED": OrderState.DELIVERED,
    "COMPLETED": OrderState.COMPLETED,
    "CANCELLED": OrderState.CANCELLED,
    "CANCEL": OrderState.CANCELLED,  # the spelling of the order-status webhook
}

# The buyer's remorse window after payment ("On Hold" changelog: "a duration of 1 hour").
ON_HOLD_WINDOW = timedelta(hours=1)

# District levels of `recipient_address.district_info` (L0 country .. L4 village).
_LEVELS = {"L1": "province", "L2": "city", "L3": "district"}


def rupiah(value: Any, field: str = "amount") -> int:
    """'5000', '5000.00', 5000 -> 5000 (whole rupiah, half up). Empty -> 0. Garbage raises ValueError."""
    if value is None or value == "":
        return 0
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"{field} is not a number: {short(value)}") from None
    if not amount.is_finite():
        raise ValueError(f"{field} is not a number: {short(value)}")
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def utc_time(value: Any) -> datetime | None:
    """Unix seconds (int or digit string; milliseconds tolerated) -> aware UTC datetime."""
    if value in (None, "", 0, "0"):
        return None
    seconds = int(value)
    if seconds > 10**11:  # milliseconds
        seconds //= 1000
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def state_of(status: str) -> OrderState:
    try:
        return STATUS_MAP[status]
    except KeyError:
        raise ValueError(f"unknown order status {short(status)}") from None


def aggregate_lines(items: Iterable[dict]) -> list[OrderLine]:
    """One `OrderLine` per SKU, quantity = number of unit line items, line item ids kept (in order)."""
    lines: dict[tuple[str, str], OrderLine] = {}
    for item in items:
        if not isinstance(item, dict):
            raise ValueError("a line item is not an object")
        sku_id = str(item.get("sku_id") or "")
        seller_sku = str(item.get("seller_sku") or "")
        if not sku_id and not seller_sku:
            raise ValueError(f"line item {short(item.get('id'))} has neither sku_id nor seller_sku")
        key = (sku_id, seller_sku)
        line = lines.get(key)
        if line is None:
            name = str(item.get("product_name") or "")
            if item.get("sku_name"):
                name = f"{name} - {item['sku_name']}" if name else str(item["sku_name"])
            line = OrderLine(
                product_id=sku_id or seller_sku,
                sku=seller_sku,
                name=name,
                quantity=0,
                price=rupiah(item.get("sale_price", item.get("original_price")), "sale_price"),
                sku_id=sku_id,
            )
            lines[key] = line
        line.quantity += 1
        if item.get("id") is not None:
            line.line_ids.append(str(item["id"]))
    return list(lines.values())


def parse_packages(raw: dict, items: Iterable[dict]) -> list[PackageRef]:
    """The order's packages (`packages[].id`), each with the status and tracking number its line items carry."""
    packages: dict[str, PackageRef] = {}
    units: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for p in raw.get("packages") or []:
        if isinstance(p, dict) and p.get("id"):
            packages.setdefault(str(p["id"]), PackageRef(str(p["id"])))
    for item in items:
        if not isinstance(item, dict) or not item.get("package_id"):
            continue
        ref = packages.setdefault(str(item["package_id"]), PackageRef(str(item["package_id"])))
        if item.get("id") is not None:
            ref.line_ids.append(str(item["id"]))
        # keyed as aggregate_lines keys the lines
        units[ref.package_id][(str(item.get("sku_id") or ""), str(item.get("seller_sku") or ""))] += 1
        ref.status = ref.status or str(item.get("package_status") or "")
        ref.tracking_number = ref.tracking_number or (str(item["tracking_number"]) if item.get("tracking_number")
                                                      else None)
        ref.courier = ref.courier or str(item.get("shipping_provider_name") or "")
    for package_id, counted in units.items():
        packages[package_id].units = [(sku_id, sku, n) for (sku_id, sku), n in counted.items()]
    if len(packages) == 1:
        only = next(iter(packages.values()))
        if not only.tracking_number and raw.get("tracking_number"):
            only.tracking_number = str(raw["tracking_number"])
    return list(packages.values())


def _recipient(addr: Any) -> Recipient:
    if not isinstance(addr, dict):
        return Recipient()  # absent while UNPAID / ON_HOLD
    rec = Recipient(
        name=str(addr.get("name") or " ".join(p for p in (addr.get("first_name"), addr.get("last_name")) if p)),
        phone=str(addr.get("phone_number") or ""),
        address=str(addr.get("full_address") or addr.get("address_detail") or ""),
        postal_code=str(addr.get("postal_code") or ""),
    )
    for level in addr.get("district_info") or []:
        attr = _LEVELS.get(str(level.get("address_level") or "")) if isinstance(level, dict) else None
        if attr:
            setattr(rec, attr, str(level.get("address_name") or ""))
    return rec


def parse_order(raw: dict) -> Order:
    """One order object (search or detail shape). Raises ValueError/KeyError/TypeError when malformed."""
    if not isinstance(raw, dict):
        raise TypeError("the order is not an object")
    order_id = str(raw["id"]).strip()
    if not order_id:
        raise ValueError("the order has an empty id")
    status = str(raw.get("status") or raw.get("order_status") or "")
    state = state_of(status)
    created = utc_time(raw.get("create_time"))
    if created is None:
        raise ValueError("the order has no create_time")
    payment = raw.get("payment") or {}
    total = rupiah(payment.get("total_amount"), "payment.total_amount")
    items = raw.get("line_items")
    if not items:
        raise ValueError("the order has no line items")
    packages = parse_packages(raw, items)
    recipient = _recipient(raw.get("recipient_address"))
    tts_sla, rts_sla = utc_time(raw.get("tts_sla_time")), utc_time(raw.get("rts_sla_time"))
    # The ship-by shown is the one the platform judges lateness by: the collection deadline where the order has one.
    ship_deadline = tts_sla or rts_sla or utc_time(raw.get("shipping_due_time"))
    return scrub(Order(
        order_id=order_id,
        invoice=order_id,  # TikTok Shop has no separate invoice number: the order id is what sellers search by
        marketplace_status=status,
        state=state,
        created_at=created,
        updated_at=utc_time(raw.get("update_time")),
        buyer_name=recipient.name,
        recipient=recipient,
        courier=str(raw.get("shipping_provider") or ""),
        service=str(raw.get("delivery_option_name") or ""),
        awb=str(raw["tracking_number"]) if raw.get("tracking_number") else next(
            (p.tracking_number for p in packages if p.tracking_number), None),
        package_id=packages[0].package_id if packages else None,
        warehouse_id=str(raw["warehouse_id"]) if raw.get("warehouse_id") else None,
        ship_deadline=ship_deadline,
        total_amount=total,
        shipping_fee=rupiah(payment.get("shipping_fee"), "payment.shipping_fee"),
        cod_amount=total if raw.get("is_cod") else 0,
        commerce_platform=str(raw.get("commerce_platform") or ""),
        buyer_note=str(raw.get("buyer_message") or ""),
        lines=aggregate_lines(items),
        seller_ships=str(raw.get("shipping_type") or "").upper() == "SELLER",
        tts_sla_time=tts_sla,
        rts_sla_time=rts_sla,
        pick_up_cut_off_time=utc_time(raw.get("pick_up_cut_off_time")),
        priority_level=_priority(raw.get("fulfillment_priority_level")),
        hold_until=_hold_until(raw, status),
        packages=packages,
        cancellation_initiator=_initiator(raw.get("cancellation_initiator")),
    ))


def _initiator(value: Any) -> str:
    """`cancellation_initiator` (Get Order Detail / Search Orders 202309: SELLER, BUYER or SYSTEM), upper-cased; a
    value the documentation does not list is kept as sent (the health counts it as of unknown cause)."""
    if value in (None, ""):
        return ""
    if not isinstance(value, str):
        raise ValueError(f"cancellation_initiator is not text: {value!r}")
    return value.strip().upper()[:32]


def _priority(value: Any) -> int | None:
    if value in (None, "", 0, "0"):
        return None
    level = int(value)
    if level < 0:
        raise ValueError(f"fulfillment_priority_level is negative: {value!r}")
    return level


def _hold_until(raw: dict, status: str) -> datetime | None:
    """When an ON_HOLD order's buyer window ends, where the order says: a pre-order's release date, or the one
    hour after payment the docs give the window (the "On Hold" changelog); unknown without a paid_time."""
    if status != "ON_HOLD":
        return None
    release = utc_time(raw.get("release_date")) if raw.get("order_type") == "PRE_ORDER" else None
    if release is not None:
        return release
    paid = utc_time(raw.get("paid_time"))
    return paid + ON_HOLD_WINDOW if paid is not None else None


def parse_or_invalid(raw: Any) -> Order | InvalidOrder:
    """A malformed order becomes an `InvalidOrder` so the pull goes on."""
    try:
        return parse_order(raw)
    except (KeyError, ValueError, TypeError, OverflowError) as exc:
        order_id = str(raw.get("id") or "?") if isinstance(raw, dict) else "?"
        reason = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        return scrub(InvalidOrder(order_id=order_id, reason=reason, raw=raw if isinstance(raw, dict) else None))
