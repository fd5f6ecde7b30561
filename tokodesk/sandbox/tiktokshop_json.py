"""The sandbox shop's state in the TikTok Shop Partner API's JSON (202309+), and its A6 PDF shipping label.

Ids: the shop's ints become the API's 19-digit strings by fixed offsets, so they read back without a table:
a SKU is a sellable shop product (a variant or a product without variants), a TikTok product is its parent (or
itself), a package is one per order, a buyer cancellation request is one per order.
Statuses: the shop's Tokopedia-shaped lifecycle, seen the TikTok Shop way: a paid order is ON_HOLD for the buyer's
remorse window, then AWAITING_SHIPMENT (there is no acknowledge step); pick-up requested is AWAITING_COLLECTION.
The label says "Tokopedia & Shop", never "TikTok" (Indonesian branding rule).
"""

from __future__ import annotations

import io
from typing import Any

from tokodesk.sandbox import tiktokshop_sla as sla
from tokodesk.sandbox.shop import CANCELLED, Order, Product, Shop, Status

SKU_BASE = 1_731_000_000_000_000_000
PRODUCT_BASE = 1_729_000_000_000_000_000
PACKAGE_BASE = 1_152_000_000_000_000_000
CANCEL_BASE = 4_100_000_000_000_000_000
ORDER_BASE = 576_000_000_000_000_000


def sku_id(p: Product) -> str:
    return str(SKU_BASE + p.product_id)


def tts_product_id(p: Product) -> str:
    return str(PRODUCT_BASE + (p.parent_id or p.product_id))


def order_id(o: Order) -> str:
    return str(ORDER_BASE + o.order_id)


def package_id(o: Order) -> str:
    return str(PACKAGE_BASE + o.order_id)


def cancel_id(o: Order) -> str:
    return str(CANCEL_BASE + o.order_id)


def decode(value: str, base: int) -> int | None:
    """The shop int behind an API id, or None when it is not one of ours."""
    if not value or not value.isdigit():
        return None
    number = int(value) - base
    return number if 0 < number < 10**15 else None


def status_of(o: Order, now: float, on_hold_s: float, unpaid_s: float = 0.0, book: Any = None) -> str:
    """The order's status; `book` (tiktokshop_packages.PackageBook) knows the split and combined packages."""
    s = o.status
    if s in CANCELLED:
        return "CANCELLED"
    if book is not None and book.partly_shipped(o):
        return "PARTIALLY_SHIPPING"
    if s == Status.PAID:
        return sla.pre_payment_status(o, now, on_hold_s, unpaid_s) or "AWAITING_SHIPMENT"
    return {
        Status.ACCEPTED: "AWAITING_SHIPMENT",
        Status.AWAITING_PICKUP: "AWAITING_COLLECTION",
        Status.SHIPPED: "IN_TRANSIT",
        Status.DELIVERED: "DELIVERED",
        Status.COMPLETED: "COMPLETED",
    }[s]


def update_time(o: Order, now: float, on_hold_s: float, unpaid_s: float = 0.0) -> int:
    """The order's update time; leaving UNPAID or ON_HOLD counts as an update, so incremental pulls see it."""
    t = o.update_time or o.create_time
    if o.status == Status.PAID:
        for moved in (sla.paid_time(o, unpaid_s), sla.released_at(o, on_hold_s, unpaid_s)):
            if moved <= now:
                t = max(t, moved)
    return int(t)


def tracking_awb(o: Order) -> str:
    """The tracking number issued when the package is shipped (deterministic, so a re-read agrees)."""
    prefix = o.courier.awb_prefix or "TKP"
    return f"{prefix}{(o.order_id * 104_729 + 7) % 10**12:012d}"


def variant_name(parent: Product, child: Product) -> str:
    return child.name.removeprefix(f"{parent.name} - ")


def _masked(text: str, keep: int = 4) -> str:
    return text[:keep] + "*" * max(0, len(text) - keep - 2) + text[-2:] if len(text) > keep + 2 else text


def order(
    shop: Shop, o: Order, now: float, on_hold_s: float, unpaid_s: float = 0.0, book: Any = None
) -> dict[str, Any]:
    status = status_of(o, now, on_hold_s, unpaid_s, book)
    rec = o.recipient
    a = rec.address
    packages = book.packages_of(o) if book is not None else []
    by_unit = book.package_of_unit(o) if book is not None else {}
    items = []
    for line in o.lines:
        product = shop.products.get(line.product_id)
        parent = shop.products.get(product.parent_id) if product and product.parent_id else None
        for unit in range(line.quantity):  # the API has no quantity: one line item per unit
            items.append({
                "id": f"{ORDER_BASE + line.detail_id}{unit:03d}",
                "sku_id": sku_id(product) if product else str(SKU_BASE + line.product_id),
                "seller_sku": line.sku,
                "product_id": tts_product_id(product) if product else "",
                "product_name": parent.name if parent else line.name,
                "sku_name": variant_name(parent, product) if parent and product else "",
                "original_price": str(line.price),
                "sale_price": str(line.price),
                "currency": "IDR",
                "package_id": package_id(o),
                "display_status": status,
            })
            package = by_unit.get(items[-1]["id"])
            if package is not None:
                items[-1]["package_id"] = package.id
                items[-1]["package_status"] = book.status(package)
                if book.tracking(package):
                    items[-1]["tracking_number"] = book.tracking(package)
    own = o.courier.own
    data: dict[str, Any] = {
        "id": order_id(o),
        "status": status,
        "create_time": int(o.create_time),
        "update_time": update_time(o, now, on_hold_s, unpaid_s),
        **sla.sla_fields(o, status, unpaid_s),
        "shipping_type": "SELLER" if own else "TIKTOK",
        "fulfillment_type": "FULFILLMENT_BY_SELLER",
        "shipping_provider": o.courier.agency,
        "shipping_provider_id": str(o.courier.sp_id),
        "delivery_option_name": sla.delivery_option(o),
        "warehouse_id": str(shop.warehouse_id),
        "packages": [{"id": p.id} for p in packages] if packages else [{"id": package_id(o)}],
        "user_id": str(o.buyer.person_id),
        "buyer_message": "; ".join(line.notes for line in o.lines if line.notes),
        "is_cod": False,
        "is_buyer_request_cancel": o.cancel_request is not None,
        "commerce_platform": "TOKOPEDIA" if o.order_id % 3 else "TIKTOK_SHOP",
        "payment": {
            "currency": "IDR",
            "sub_total": str(o.items_total),
            "shipping_fee": str(o.shipping_cost),
            "item_insurance_fee": str(o.insurance_cost),
            "total_amount": str(o.total),
        },
        "line_items": items,
    }
    if status in ("AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED"):
        data["tracking_number"] = o.awb or tracking_awb(o)  # issued when the package was shipped
    tags = {p.tag for p in packages} - {"DEFAULT"}
    if tags:
        data["split_or_combine_tag"] = "COMBINED" if "COMBINE" in tags else "SPLIT"
    if status not in ("UNPAID", "ON_HOLD"):  # the address is withheld while the buyer may still cancel
        data["recipient_address"] = {
            "name": rec.name if own else _masked(rec.name, 3),  # masked when platform logistics is used
            "phone_number": rec.phone if own else _masked(rec.phone),
            "full_address": f"{a.street}, {a.district}, {a.city}, {a.province} {a.postal_code}",
            "address_detail": a.street,
            "postal_code": a.postal_code,
            "region_code": "ID",
            "district_info": [
                {"address_level": "L0", "address_level_name": "Country", "address_name": "Indonesia"},
                {"address_level": "L1", "address_level_name": "Province", "address_name": a.province},
                {"address_level": "L2", "address_level_name": "City", "address_name": a.city},
                {"address_level": "L3", "address_level_name": "District", "address_name": a.district},
            ],
        }
    if status == "CANCELLED":
        data["cancel_reason"] = (o.reject_reason or {}).get("reason") or (o.history[-1].message if o.history else "")
        data["cancellation_initiator"] = (o.cancelled_by or (o.history[-1].actor if o.history else "system")).upper()
        data["cancel_time"] = int(o.update_time)
    return data


def product_status(p: Product) -> str:
    return "ACTIVATE" if p.status == 1 else "SELLER_DEACTIVATED"


def skus_of(shop: Shop, p: Product) -> list[Product]:
    return [shop.products[c] for c in p.children] if p.children else [p]


def product(shop: Shop, p: Product) -> dict[str, Any]:
    """A TikTok product (a shop parent or a product without variants) with its SKUs."""
    skus = []
    for s in skus_of(shop, p):
        entry: dict[str, Any] = {
            "id": sku_id(s),
            "seller_sku": s.sku,
            "price": {"currency": "IDR", "sale_price": str(s.price), "tax_exclusive_price": str(s.price)},
            "inventory": [{"warehouse_id": str(shop.warehouse_id), "quantity": s.stock}]
            + [{"warehouse_id": w, "quantity": q} for w, q in s.other_warehouses.items()],
        }
        if p.children:
            entry["sales_attributes"] = [{"id": "100000", "name": "Varian", "value_name": variant_name(p, s)}]
        skus.append(entry)
    return {
        "id": tts_product_id(p),
        "title": p.name,
        "status": product_status(p),
        "skus": skus,
        "create_time": int(p.created),
        "update_time": int(p.updated or p.created),
        "integrated_platform_statuses": [{"platform": "TOKOPEDIA", "status": "LIVE" if p.status == 1 else "OFF"}],
    }


def inventory(shop: Shop, p: Product, only: set[int] | None = None) -> dict[str, Any]:
    skus = []
    for s in skus_of(shop, p):
        if only is not None and s.product_id not in only:
            continue
        skus.append({
            "id": sku_id(s),
            "seller_sku": s.sku,
            "total_available_quantity": s.stock + sum(s.other_warehouses.values()),
            "total_committed_quantity": 0,
            "warehouse_inventory": [
                {"warehouse_id": str(shop.warehouse_id), "available_quantity": s.stock, "committed_quantity": 0}
            ] + [{"warehouse_id": w, "available_quantity": q, "committed_quantity": 0}
                 for w, q in s.other_warehouses.items()],
        })
    return {"product_id": tts_product_id(p), "skus": skus}


def label_pdf(shop: Shop, o: Order, tracking: str | None = None, package: str | None = None,
              orders: list[Order] | None = None) -> bytes:
    """An A6 shipping label: courier, tracking number (with its Code 128 barcode), recipient, sender, items.

    A package of a split order carries its own tracking number; a combined package lists every order it serves."""
    from reportlab.graphics.barcode import code128
    from reportlab.lib.pagesizes import A6
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    width, height = A6
    c = canvas.Canvas(buf, pagesize=A6)
    c.setTitle(f"Label {order_id(o)}")
    c.setAuthor("Tokopedia & Shop (sandbox)")
    y = height - 10 * mm
    c.setFont("Helvetica-Bold", 12)
    c.drawString(6 * mm, y, "Tokopedia & Shop")
    c.setFont("Helvetica-Bold", 11)
    c.drawRightString(width - 6 * mm, y, f"{o.courier.agency} {o.courier.service}")
    y -= 8 * mm
    awb = tracking or o.awb or tracking_awb(o)
    barcode = code128.Code128(awb, barHeight=14 * mm, barWidth=0.3 * mm)
    barcode.drawOn(c, 6 * mm, y - 14 * mm)
    y -= 19 * mm
    c.setFont("Helvetica-Bold", 13)
    c.drawString(6 * mm, y, awb)
    y -= 7 * mm
    c.setFont("Helvetica", 8)
    served = ", ".join(order_id(x) for x in orders or [o])
    c.drawString(6 * mm, y, f"Order {served}   Package {package or package_id(o)}")
    y -= 7 * mm
    a = o.recipient.address
    c.setFont("Helvetica-Bold", 9)
    c.drawString(6 * mm, y, f"Penerima: {o.recipient.name}  {o.recipient.phone}")
    c.setFont("Helvetica", 8)
    for text in (a.street, f"{a.district}, {a.city}", f"{a.province} {a.postal_code}"):
        y -= 4 * mm
        c.drawString(6 * mm, y, text[:70])
    y -= 6 * mm
    c.setFont("Helvetica-Bold", 9)
    c.drawString(6 * mm, y, f"Pengirim: {shop.shop_name}")
    y -= 6 * mm
    c.setFont("Helvetica", 8)
    for line in o.lines[:6]:
        c.drawString(6 * mm, y, f"{line.quantity} x {line.sku or '-'}  {line.name[:48]}")
        y -= 4 * mm
    c.showPage()
    c.save()
    return buf.getvalue()
