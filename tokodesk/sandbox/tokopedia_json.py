"""Shop state rendered the way the Tokopedia FS API shows it: key casing and type quirks kept on purpose.

Quirks (research/tokopedia-api.md §9): `fs_id` is a string in the order list and an int elsewhere; `create_time`
is UNIX seconds in the order list but an ISO string in the single order; `Name`/`Type` PascalCase keys next to
snake_case; prices are JSON numbers in orders. ISO timestamps are UTC with a `Z` (the sandbox's one choice where
the research is unsure; they agree with the UNIX times).
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta, timezone

from tokodesk.sandbox.shop import Order, OrderLine, Person, Product, Shop, Status

WIB = timezone(timedelta(hours=7))


def iso(ts: float | None) -> str | None:
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def iso_short(ts: float) -> str:
    return datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def wib_text(ts: float) -> str:
    return datetime.fromtimestamp(ts, WIB).strftime("%Y-%m-%d %H:%M:%S")


def masked(phone: str) -> str:
    return phone[:4] + "*" * (len(phone) - 8) + phone[-4:]


def product_url(shop: Shop, product: Product) -> str:
    slug = "-".join(product.name.lower().replace("#", "").split())
    return f"https://www.tokopedia.com/{shop.shop_domain}/{slug}"


def product(shop: Shop, p: Product, fs_warehouse: int) -> dict:
    stock = shop.product_stock(p.product_id)
    price = {"value": p.price, "currency": 1, "LastUpdateUnix": int(p.updated), "idr": p.price}
    picture = f"https://images.tokopedia.net/img/cache/700/product-1/{p.product_id}.jpg"
    url = product_url(shop, p)
    return {
        "basic": {
            "productID": p.product_id, "shopID": shop.shop_id, "status": p.status, "Name": p.name, "condition": 1,
            "childCategoryID": p.category_id, "shortDesc": f"{p.name}. Barang ready, kirim cepat.",
        },
        "price": price,
        "weight": {"value": p.weight_g, "unit": 1},
        "stock": {"useStock": True, "value": stock, "stockWording": "" if stock else "Stok habis"},
        "main_stock": stock,
        "reserve_stock": 0,
        "variant": {"isParent": p.is_parent, "isVariant": p.parent_id is not None, "childrenID": list(p.children)},
        "menu": {"id": p.menu_id, "Name": p.menu_name},
        "preorder": {},
        "extraAttribute": {"minOrder": 1, "lastUpdateCategory": 0, "isEligibleCOD": False, "isOnCampaign": False},
        "wholesale": None,
        "categoryTree": [{"id": p.category_id, "Name": p.category_name, "title": p.category_name,
                          "breadcrumbURL": f"https://www.tokopedia.com/p/{p.category_id}"}],
        "pictures": [{"picID": p.product_id % 10**7, "fileName": f"{p.product_id}.jpg", "filePath": "product-1",
                      "status": 2, "OriginalURL": picture, "ThumbnailURL": picture.replace("700", "200"),
                      "width": 700, "height": 700, "URL300": picture.replace("700", "300")}],
        "GMStats": {"transactionSuccess": p.sold, "transactionReject": p.sold // 40, "countSold": p.sold},
        "stats": {"countView": p.sold * 17 + 40},
        "other": {"sku": p.sku, "url": url, "mobileURL": url.replace("www.", "m.")},
        "campaign": {"StartDate": "", "EndDate": ""},
        "volume": {"length": 0, "width": 0, "height": 0},
        "warehouses": [{"productID": p.product_id, "warehouseID": fs_warehouse, "price": price,
                        "stock": {"useStock": True, "value": stock}}],
    }


def _address(person: Person) -> dict:
    a = person.address
    return {
        "address_full": f"{a.street}, {a.district}, {a.city}, {a.province} {a.postal_code}",
        "district": a.district, "city": a.city, "province": a.province, "country": "Indonesia",
        "postal_code": a.postal_code, "district_id": a.district_id, "city_id": a.city_id,
        "province_id": a.province_id, "geo": a.geo,
    }


def _list_product(line: OrderLine) -> dict:
    weight = line.weight_g / 1000
    return {
        "id": line.product_id, "Name": line.name, "quantity": line.quantity, "notes": line.notes,
        "weight": weight, "total_weight": round(weight * line.quantity, 3), "price": float(line.price),
        "total_price": float(line.price * line.quantity), "currency": "Rp", "sku": line.sku, "is_wholesale": False,
    }


def _detail_line(order: Order, line: OrderLine) -> dict:
    return {
        "order_dtl_id": line.detail_id, "order_id": order.order_id, "product_id": line.product_id,
        "product_name": line.name, "product_desc": "", "quantity": line.quantity, "product_price": float(line.price),
        "product_weight": line.weight_g / 1000, "total_weight": line.weight_g * line.quantity / 1000,
        "insurance_price": 0, "subtotal_price": float(line.price * line.quantity), "notes": line.notes,
        "sku": line.sku, "is_wholesale": False,
    }


def _fulfilled(order: Order) -> list[dict]:
    if order.status in (Status.PAID, Status.CANCELLED, Status.BUYER_CANCELLED):
        return []
    rejected = order.status == Status.REJECTED
    return [{"product_id": line.product_id, "quantity_deliver": 0 if rejected else line.quantity,
             "quantity_reject": line.quantity if rejected else 0} for line in order.lines]


def order_list_item(shop: Shop, order: Order, fs_id: int) -> dict:
    c, r = order.courier, order.recipient.address
    return {
        "fs_id": str(fs_id),
        "order_id": order.order_id,
        "is_cod_mitra": False,
        "accept_partial": False,
        "invoice_ref_num": order.invoice,
        "have_product_bundle": False,
        "products": [_list_product(line) for line in order.lines],
        "products_fulfilled": _fulfilled(order),
        "bundle_detail": {"bundle": None, "non_bundle": [_detail_line(order, line) for line in order.lines],
                          "total_product": len(order.lines)},
        "device_type": "android" if order.order_id % 3 else "web",
        "buyer": {"id": order.buyer.person_id, "Name": order.buyer.name, "phone": masked(order.buyer.phone),
                  "email": order.buyer.email},
        "shop_id": shop.shop_id,
        "payment_id": order.payment_id,
        "recipient": {"Name": order.recipient.name, "phone": order.recipient.phone,
                      "address": _address(order.recipient)},
        "logistics": {"shipping_id": c.shipping_id, "district_id": r.district_id, "city_id": r.city_id,
                      "province_id": r.province_id, "geo": r.geo, "shipping_agency": c.agency,
                      "service_type": c.service},
        "amt": {"ttl_product_price": float(order.items_total), "shipping_cost": float(order.shipping_cost),
                "insurance_cost": float(order.insurance_cost), "ttl_amount": float(order.total),
                "voucher_amount": 0, "toppoints_amount": 0},
        "dropshipper_info": {},
        "voucher_info": {"voucher_code": "", "voucher_type": 0},
        "order_status": int(order.status),
        "warehouse_id": shop.warehouse_id,
        "fulfill_by": 0,
        "create_time": int(order.create_time),
        "custom_fields": {"awb": order.awb},
        "promo_order_detail": {"order_id": order.order_id, "total_cashback": 0, "total_discount": 0,
                               "total_discount_product": 0, "total_discount_shipping": 0,
                               "total_discount_details": None, "summary_promo": None},
        "shipment_fulfillment": {
            "accept_deadline": iso_short(order.accept_deadline),
            "confirm_shipping_deadline": iso_short(order.confirm_deadline) if order.confirm_deadline else "",
        },
        "is_plus": False,
    }


def single_order(shop: Shop, order: Order, fs_id: int) -> dict:
    c, dest, origin = order.courier, order.recipient.address, shop.address
    accepted = any(h.status == 400 for h in order.history)
    return {
        "order_id": order.order_id, "buyer_id": order.buyer.person_id, "seller_id": shop.shop_id,
        "payment_id": order.payment_id, "is_affiliate": False, "is_fulfillment": False,
        "order_warehouse": {"warehouse_id": shop.warehouse_id, "fulfill_by": 0, "meta_data": {
            "warehouse_id": shop.warehouse_id, "partner_id": {}, "shop_id": {}, "warehouse_name": "Gudang Utama",
            "district_id": origin.district_id, "district_name": origin.district, "city_id": origin.city_id,
            "city_name": origin.city, "province_id": origin.province_id, "province_name": origin.province,
            "status": 1, "postal_code": origin.postal_code, "is_default": 1, "latlon": origin.geo,
            "latitude": origin.geo.split(",")[0], "longitude": origin.geo.split(",")[1], "email": "",
            "address_detail": origin.street, "country_name": "Indonesia", "is_fulfillment": False}},
        "order_status": int(order.status),
        "invoice_number": order.invoice,
        "invoice_pdf": f"Invoice-{order.buyer.person_id}-{shop.shop_id}-{int(order.create_time)}.pdf",
        "invoice_url": f"https://www.tokopedia.com/invoice.pl?id={order.order_id}&pdf=Invoice",
        "open_amt": float(order.total), "lp_amt": 0, "cashback_amt": 0, "info": "", "comment": "",
        "item_price": float(order.items_total),
        "buyer_info": {"buyer_id": order.buyer.person_id, "buyer_fullname": order.buyer.name,
                       "buyer_email": order.buyer.email, "buyer_phone": masked(order.buyer.phone)},
        "shop_info": {"shop_owner_id": shop.shop_id + 1, "shop_owner_email": "", "shop_owner_phone": "",
                      "shop_name": shop.shop_name, "shop_domain": shop.shop_domain, "shop_id": shop.shop_id},
        "shipment_fulfillment": {
            "id": order.order_id // 7, "order_id": order.order_id, "payment_date_time": iso(order.create_time),
            "is_same_day": False, "accept_deadline": iso(order.accept_deadline),
            "confirm_shipping_deadline": iso(order.confirm_deadline),
            "item_delivered_deadline": {"Time": iso(order.delivered_time) or "0001-01-01T00:00:00Z",
                                        "Valid": order.delivered_time is not None},
            "is_accepted": accepted, "is_confirm_shipping": order.shipped_time is not None,
            "is_item_delivered": order.delivered_time is not None, "fulfillment_status": 1 if accepted else 0,
        },
        "preorder": None,
        "order_info": {
            "order_detail": [{
                "order_detail_id": line.detail_id, "product_id": line.product_id, "product_name": line.name,
                "product_desc_pdp": "", "product_desc_atc": "", "product_price": float(line.price),
                "subtotal_price": float(line.price * line.quantity), "weight": line.weight_g / 1000,
                "total_weight": line.weight_g * line.quantity / 1000, "quantity": line.quantity,
                "quantity_deliver": line.quantity if accepted and order.status != Status.REJECTED else 0,
                "quantity_reject": line.quantity if order.status == Status.REJECTED else 0,
                "is_free_returns": False, "insurance_price": 0, "normal_price": float(line.price), "currency_id": 1,
                "currency_rate": 1, "min_order": 1, "child_cat_id": 0, "campaign_id": "", "product_picture":
                f"https://images.tokopedia.net/img/cache/100-square/product-1/{line.product_id}.jpg",
                "snapshot_url": "", "sku": line.sku} for line in order.lines],
            "order_history": [{"action_by": h.actor, "hist_status_code": h.status, "message": h.message,
                               "timestamp": iso(h.time), "comment": "", "create_by": 0, "update_by": h.actor}
                              for h in reversed(order.history)],
            "order_age_day": int((shop.clock.now() - order.create_time) // 86400),
            "shipping_age_day": 0, "delivered_age_day": 0, "partial_process": False,
            "shipping_info": {
                "sp_id": c.sp_id, "shipping_id": c.shipping_id, "logistic_name": c.agency,
                "logistic_service": c.service, "shipping_price": float(order.shipping_cost),
                "shipping_price_rate": float(order.shipping_cost), "shipping_fee": 0,
                "insurance_price": float(order.insurance_cost), "fee": 0, "is_change_courier": False,
                "second_sp_id": 0, "second_shipping_id": 0, "second_logistic_name": "",
                "second_logistic_service": "", "second_agency_fee": 0, "second_insurance": 0, "second_rate": 0,
                "awb": order.awb, "autoresi_cashless_status": 0 if c.own else 1,
                "autoresi_awb": "" if c.own else order.awb, "autoresi_shipping_price": 0,
                "count_awb": 1 if order.awb else 0, "isCashless": not c.own, "is_fake_delivery": False,
                "recommended_courier_info": None,
            },
            "destination": {
                "receiver_name": order.recipient.name, "receiver_phone": order.recipient.phone,
                "address_street": dest.street, "address_district": dest.district, "address_city": dest.city,
                "address_province": dest.province, "address_postal": dest.postal_code,
                "customer_address_id": order.recipient.person_id, "district_id": dest.district_id,
                "city_id": dest.city_id, "province_id": dest.province_id,
            },
            "is_replacement": False, "replacement_multiplier": 0,
        },
        "origin_info": {
            "sender_name": shop.shop_name, "origin_province": origin.province_id,
            "origin_province_name": origin.province, "origin_city": origin.city_id,
            "origin_city_name": origin.city, "origin_address": origin.street, "origin_district": origin.district_id,
            "origin_district_name": origin.district, "origin_postal_code": origin.postal_code,
            "origin_geo": origin.geo, "receiver_name": order.recipient.name,
            "destination_address": dest.street, "destination_province": dest.province_id,
            "destination_city": dest.city_id, "destination_district": dest.district_id,
            "destination_postal_code": dest.postal_code, "destination_geo": dest.geo,
            "destination_loc": {"lat": float(dest.geo.split(",")[0]), "lon": float(dest.geo.split(",")[1])},
        },
        "payment_info": {
            "payment_id": order.payment_id, "payment_ref_num": f"PYM/{order.invoice[4:12]}/{order.payment_id}",
            "payment_date": iso(order.create_time), "payment_method": 0, "payment_status": "Verified",
            "payment_status_id": 2, "create_time": iso(order.create_time), "pg_id": 0,
            "gateway_name": "BCA Virtual Account",
            "discount_amount": 0, "voucher_code": "", "voucher_id": 0,
        },
        "insurance_info": {"insurance_type": 1 if order.insurance_cost else 0},
        "hold_info": None,
        "cancel_request_info": None if order.cancel_request is None else {
            "create_time": iso(order.cancel_request["time"]), "reason": order.cancel_request["reason"], "status": 1},
        "create_time": iso(order.create_time),
        "shipping_date": iso(order.shipped_time),
        "update_time": iso(order.update_time),
        "payment_date": iso(order.create_time),
        "delivered_date": iso(order.delivered_time),
        "est_shipping_date": None,
        "est_delivery_date": None,
        "related_invoices": None,
        "custom_fields": {"awb": order.awb} if order.awb else None,
        "promo_order_detail": {"order_id": order.order_id, "total_cashback": 0, "total_discount": 0,
                               "total_discount_product": 0, "total_discount_shipping": 0,
                               "total_discount_details": None, "summary_promo": None},
    }


def fulfillment_order(shop: Shop, order: Order) -> dict:
    return {
        "order": {"order_id": order.order_id, "buyer_id": order.buyer.person_id, "seller_id": shop.shop_id,
                  "payment_id": order.payment_id, "order_status": int(order.status),
                  "invoice_number": order.invoice, "invoice_pdf_link": "", "open_amt": float(order.total),
                  "payment_amt_cod": 0},
        "order_history": [{"order_hist_id": order.order_id * 10 + n, "status": h.status,
                           "shipping_date": iso(h.time), "create_by": 0} for n, h in enumerate(order.history)],
        "order_detail": [{"order_detail_id": line.detail_id, "product_id": line.product_id,
                          "product_name": line.name, "quantity": line.quantity,
                          "product_price": float(line.price), "insurance_price": 0} for line in order.lines],
        "drop_shipper": {"order_id": order.order_id, "dropship_name": "", "dropship_telp": ""},
        "type_meta": {"kelontong": {}, "cod": {}, "sampai": {}, "now": {}, "ppp": {}, "trade_in": {},
                      "vehicle_leasing": {}},
        "order_shipment_fulfillment": None,
        "booking_data": {"order_id": order.order_id, "booking_code": order.booking_code,
                         "booking_status": 200 if order.booking_code else 0},
    }


def shipping_label_html(shop: Shop, order: Order) -> str:
    """A printable label: the booking code as a Code 128 barcode (SVG) couriers scan, recipient, items."""
    e = html.escape
    r = order.recipient
    a = r.address
    code = order.booking_code or order.awb
    barcode = _code128_svg(code) if code else ""
    rows = "".join(f"<tr><td>{e(line.name)}</td><td>{e(line.sku or '-')}</td><td>{line.quantity}</td></tr>"
                   for line in order.lines)
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8"><title>Label {e(order.invoice)}</title>
<style>body{{font-family:Arial,sans-serif;width:100mm}} td{{padding:2px 4px}}
.code{{font-size:18px;font-weight:bold}}</style>
</head><body>
<div class="courier">{e(order.courier.agency)} {e(order.courier.service)}</div>
<div class="booking"><span>Kode Booking</span><div class="barcode">{barcode}</div>
<div class="code" id="booking-code">{e(order.booking_code)}</div></div>
<div class="awb">No. Resi: <span id="awb">{e(order.awb)}</span></div>
<div class="invoice">{e(order.invoice)}</div>
<div class="to"><b>Kepada:</b> <span id="recipient">{e(r.name)}</span> ({e(r.phone)})<br>
{e(a.street)}, {e(a.district)}, {e(a.city)}, {e(a.province)} {e(a.postal_code)}</div>
<div class="from"><b>Dari:</b> {e(shop.shop_name)} &middot; {e(shop.address.city)}</div>
<div class="weight">Berat: {sum(x.weight_g * x.quantity for x in order.lines)} gr &middot;
Ongkir: Rp {order.shipping_cost:,}</div>
<table class="items"><tr><th>Produk</th><th>SKU</th><th>Jumlah</th></tr>{rows}</table>
</body></html>
""".replace("Rp " + f"{order.shipping_cost:,}", "Rp " + f"{order.shipping_cost:,}".replace(",", "."))


def _code128_svg(value: str) -> str:
    try:  # reportlab is a dependency of the app; a label without its barcode still carries the code as text
        from reportlab.graphics import renderSVG
        from reportlab.graphics.barcode import createBarcodeDrawing
    except ImportError:  # pragma: no cover
        return ""
    drawing = createBarcodeDrawing("Code128", value=value, barHeight=40, humanReadable=False)
    svg = renderSVG.drawToString(drawing)
    return svg[svg.find("<svg"):]
