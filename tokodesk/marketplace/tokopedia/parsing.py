"""Turning Tokopedia JSON into base dataclasses.

The API mixes `Name`/`name`, `fs_id` as string or int, UNIX seconds in lists and ISO strings in single orders
(research §3, §4, §9): every read here goes through `get()` (case-insensitive) and `to_time()` (both forms).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import datetime, timezone
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from tokodesk.config import WIB
from tokodesk.marketplace.base import (
    InvalidOrder,
    Order,
    OrderLine,
    Product,
    Recipient,
    Shop,
    StockLevel,
    Warehouse,
)
from tokodesk.marketplace.clean import scrub, short
from tokodesk.marketplace.tokopedia.statuses import initiator_for, state_for

log = logging.getLogger(__name__)

_MISSING = object()


class BadData(ValueError):
    """A field Tokopedia sent could not be read."""


def get(obj: Any, *path: str, default: Any = None) -> Any:
    """`obj[a][b]...` with each key matched case-insensitively; `default` when any step is absent or null."""
    cur = obj
    for key in path:
        if cur.__class__ is not dict and not isinstance(cur, Mapping):  # JSON's dicts first: ~35 reads an order
            return default
        value = cur.get(key, _MISSING)
        if value is _MISSING:
            lowered = key.lower()
            value = next((v for k, v in cur.items() if isinstance(k, str) and k.lower() == lowered), _MISSING)
        if value is _MISSING or value is None:
            return default
        cur = value
    return cur


def text(value: Any) -> str:
    if value.__class__ is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def ident(value: Any) -> str:
    """An id as text: 13004, "13004" and 13004.0 are the same id; 0 and "" mean none."""
    s = text(value)
    return "" if s in {"", "0"} else s


def to_int(value: Any, default: int = 0) -> int:
    """Whole rupiah / counts from int, float or numeric text ("12500", "12500.00"); rounds half up."""
    if value.__class__ is int:
        return value
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    try:
        return int(Decimal(str(value).strip()).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except (InvalidOperation, ValueError) as exc:
        raise BadData(f"not a number: {short(value)}") from exc


_NUMERIC = re.compile(r"^-?\d+(\.\d+)?$")
_FRACTION = re.compile(r"(\.\d+)")


def to_time(value: Any) -> datetime | None:
    """An aware UTC datetime from UNIX seconds (int, float, numeric text) or ISO-8601 text; None when empty.

    ISO text with `Z` or an offset is taken at its word. Text without a zone is read as WIB, Tokopedia's local time
    (the IZI connector reads all of them as WIB; UNCONFIRMED which is right, so only zone-less text gets that reading).
    """
    if value is None or value == "" or value == 0:
        return None
    if isinstance(value, bool):
        raise BadData(f"not a time: {short(value)}")
    if isinstance(value, (int, float)) or (isinstance(value, str) and _NUMERIC.match(value.strip())):
        try:
            return datetime.fromtimestamp(float(value), tz=timezone.utc)
        except (OverflowError, OSError, ValueError) as exc:
            raise BadData(f"not a time: {short(value)}") from exc
    if not isinstance(value, str):
        raise BadData(f"not a time: {short(value)}")
    raw = value.strip()
    if raw.startswith("0001-01-01"):  # Go's zero time: "not set"
        return None
    iso = raw.replace(" ", "T", 1) if "T" not in raw else raw
    if iso.endswith(("Z", "z")):
        iso = iso[:-1] + "+00:00"
    iso = _FRACTION.sub(lambda m: m.group(1)[:7].ljust(7, "0"), iso, count=1)  # at most microseconds
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError as exc:
        raise BadData(f"not a time: {short(value)}") from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=WIB)
    return parsed.astimezone(timezone.utc)


def _line(item: Mapping, id_key: str, name_key: str, price_key: str) -> OrderLine:
    quantity = to_int(get(item, "quantity"))
    price = get(item, price_key)
    if price is None and get(item, "total_price") is not None and quantity:
        price = to_int(get(item, "total_price")) / quantity
    return OrderLine(
        product_id=ident(get(item, id_key)) or ident(get(item, "product_id")),
        sku=text(get(item, "sku")),
        name=text(get(item, name_key)) or text(get(item, "product_name")),
        quantity=quantity,
        price=to_int(price),
    )


def _list_lines(raw: Mapping) -> list[OrderLine]:
    products = get(raw, "products") or []
    if products:
        return [_line(p, "id", "Name", "price") for p in products]
    # A bundle order may list its items only in bundle_detail (research §4).
    items: list = []
    for bundle in get(raw, "bundle_detail", "bundle") or []:
        items.extend(get(bundle, "order_detail") or [])
    items.extend(get(raw, "bundle_detail", "non_bundle") or [])
    return [_line(i, "product_id", "product_name", "product_price") for i in items]


def order_from_list(raw: Mapping) -> Order:
    """An order of `GET /v2/order/list` (UNIX timestamps, `fs_id` as text)."""
    order_id = ident(get(raw, "order_id"))
    if not order_id:
        raise BadData("order_id is missing")
    status = get(raw, "order_status")
    if status is None:
        raise BadData("order_status is missing")
    created = to_time(get(raw, "create_time"))
    if created is None:
        raise BadData("create_time is missing")
    lines = _list_lines(raw)
    notes = [text(get(p, "notes")) for p in get(raw, "products") or []]
    addr = get(raw, "recipient", "address") or {}
    return scrub(Order(
        order_id=order_id,
        invoice=text(get(raw, "invoice_ref_num")) or text(get(raw, "invoice_num")),
        marketplace_status=str(to_int(status)),
        state=state_for(to_int(status)),
        cancellation_initiator=initiator_for(to_int(status)),
        created_at=created,
        updated_at=to_time(get(raw, "update_time")),
        buyer_name=text(get(raw, "buyer", "Name")),
        recipient=Recipient(
            name=text(get(raw, "recipient", "Name")),
            phone=text(get(raw, "recipient", "phone")),
            address=text(get(addr, "address_full")),
            district=text(get(addr, "district")),
            city=text(get(addr, "city")),
            province=text(get(addr, "province")),
            postal_code=text(get(addr, "postal_code")),
        ),
        courier=text(get(raw, "logistics", "shipping_agency")),
        service=text(get(raw, "logistics", "service_type")),
        booking_code=text(get(raw, "booking_data", "booking_code")) or None,
        awb=text(get(raw, "custom_fields", "awb")) or None,
        warehouse_id=ident(get(raw, "warehouse_id")) or None,
        accept_deadline=to_time(get(raw, "shipment_fulfillment", "accept_deadline")),
        ship_deadline=to_time(get(raw, "shipment_fulfillment", "confirm_shipping_deadline")),
        total_amount=to_int(get(raw, "amt", "ttl_amount")),
        shipping_fee=to_int(get(raw, "amt", "shipping_cost")),
        buyer_note="; ".join(n for n in notes if n),
        lines=lines,
    ))


def order_from_single(raw: Mapping) -> Order:
    """The richer shape of `GET /v2/fs/{fs_id}/order` (ISO timestamps, order_info.order_detail)."""
    order_id = ident(get(raw, "order_id"))
    if not order_id:
        raise BadData("order_id is missing")
    status = get(raw, "order_status")
    if status is None:
        raise BadData("order_status is missing")
    created = to_time(get(raw, "create_time")) or to_time(get(raw, "payment_date"))
    if created is None:
        raise BadData("create_time is missing")
    info = get(raw, "order_info") or {}
    ship = get(info, "shipping_info") or {}
    dest = get(info, "destination") or {}
    fulfil = get(raw, "shipment_fulfillment") or {}
    lines = [_line(d, "product_id", "product_name", "product_price") for d in get(info, "order_detail") or []]
    return scrub(Order(
        order_id=order_id,
        invoice=text(get(raw, "invoice_number")) or text(get(raw, "invoice_ref_num")),
        marketplace_status=str(to_int(status)),
        state=state_for(to_int(status)),
        cancellation_initiator=initiator_for(to_int(status)),
        created_at=created,
        updated_at=to_time(get(raw, "update_time")),
        buyer_name=text(get(raw, "buyer_info", "buyer_fullname")),
        recipient=Recipient(
            name=text(get(dest, "receiver_name")),
            phone=text(get(dest, "receiver_phone")),
            address=text(get(dest, "address_street")),
            district=text(get(dest, "address_district")),
            city=text(get(dest, "address_city")),
            province=text(get(dest, "address_province")),
            postal_code=text(get(dest, "address_postal")),
        ),
        courier=text(get(ship, "logistic_name")),
        service=text(get(ship, "logistic_service")),
        booking_code=text(get(raw, "booking_data", "booking_code")) or None,
        awb=text(get(ship, "awb")) or text(get(ship, "autoresi_awb")) or text(get(raw, "custom_fields", "awb")) or None,
        warehouse_id=ident(get(raw, "order_warehouse", "warehouse_id")) or None,
        accept_deadline=to_time(get(fulfil, "accept_deadline")),
        ship_deadline=to_time(get(fulfil, "confirm_shipping_deadline")),
        total_amount=to_int(get(raw, "open_amt")),
        shipping_fee=to_int(get(ship, "shipping_price")),
        buyer_note=text(get(raw, "comment")),
        lines=lines,
    ))


def parse_or_invalid(raw: Any, parse=order_from_list) -> Order | InvalidOrder:  # noqa: ANN001 - a parser function
    """One order, or an InvalidOrder naming what was wrong, so one bad record never stops a pull."""
    if not isinstance(raw, Mapping):
        return scrub(InvalidOrder(order_id="", reason=f"not an order object: {type(raw).__name__}", raw=None))
    try:
        return parse(raw)
    except (BadData, TypeError, ValueError, AttributeError) as exc:
        order_id = ident(get(raw, "order_id"))
        log.warning("unreadable Tokopedia order %s: %s", short(order_id or "?"), exc)
        return scrub(InvalidOrder(order_id=order_id, reason=str(exc), raw=dict(raw)))


PRODUCT_STATUS = {-2: "banned", -1: "pending", 0: "deleted", 1: "active", 3: "inactive"}


def product_stock(raw: Mapping) -> int | None:
    """Marketplace stock, summed over warehouses when the product lists them (research §3)."""
    warehouses = get(raw, "warehouses") or []
    values = [get(w, "stock", "value") for w in warehouses]
    if values and any(v is not None for v in values):
        return sum(to_int(v) for v in values if v is not None)
    value = get(raw, "stock", "value")
    return None if value is None else to_int(value)


def product(raw: Mapping) -> Product:
    product_id = ident(get(raw, "basic", "productID")) or ident(get(raw, "basic", "product_id"))
    if not product_id:
        raise BadData("basic.productID is missing")
    children = get(raw, "variant", "childrenID") or []
    status = get(raw, "basic", "status")
    return scrub(Product(
        product_id=product_id,
        name=text(get(raw, "basic", "Name")),
        sku=text(get(raw, "other", "sku")),
        is_parent=bool(get(raw, "variant", "isParent")) or bool(children),
        price=to_int(get(raw, "price", "value")),
        stock=product_stock(raw),
        status=PRODUCT_STATUS.get(to_int(status), text(status)) if status is not None else "",
        warehouse_ids=[w for w in (ident(get(x, "warehouseID")) for x in get(raw, "warehouses") or []) if w],
    ))


def children_of(raw: Mapping) -> list[str]:
    return [ident(c) for c in get(raw, "variant", "childrenID") or [] if ident(c)]


def is_variant_child(raw: Mapping) -> bool:
    return bool(get(raw, "variant", "isVariant")) and not bool(get(raw, "variant", "isParent"))


def stock_level(raw: Mapping) -> StockLevel:
    p = product(raw)
    return StockLevel(product_id=p.product_id, sku=p.sku, quantity=p.stock or 0)


def shop(raw: Mapping) -> Shop:
    warehouses = [
        Warehouse(
            warehouse_id=ident(get(w, "warehouse_id")),
            name=text(get(w, "warehouse_name")),
            is_default=to_int(get(w, "is_default")) == 1,
        )
        for w in get(raw, "warehouses") or []
        if ident(get(w, "warehouse_id"))
    ]
    is_open = get(raw, "is_open")
    return scrub(Shop(
        shop_id=ident(get(raw, "shop_id")),
        name=text(get(raw, "shop_name")),
        url=text(get(raw, "shop_url")),
        is_open=True if is_open is None else to_int(is_open) == 1,
        warehouses=warehouses,
    ))
