"""The business endpoints of the sandbox's TikTok Shop dialect (orders, packages, cancellations, products).

Mixed into `TikTokShopDialect` (tiktokshop.py), which checks the signature, token and shop first. A handler takes
(params, query, body dict, headers) and returns the envelope's `data`, or raises `ApiError` (HTTP 200 with a code,
as the API answers business errors).
"""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone
from typing import Any

from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.sandbox.shop import CANCELLED, Order, ShopError, Status
from tokodesk.sandbox.tiktokshop_packages import SHIP_REFUSALS, Package, PackageBook, PackageError

SELLER_REASONS = {
    "UNPAID": {"seller_cancel_unpaid_reason_out_of_stock", "seller_cancel_unpaid_reason_wrong_price",
               "seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed"},
    "ON_HOLD": {"seller_cancel_reason_out_of_stock", "seller_cancel_reason_wrong_price"},
    "AWAITING_SHIPMENT": {"seller_cancel_reason_out_of_stock", "seller_cancel_reason_wrong_price"},
}
REJECT_REASONS = [
    ("order_manage_list_action_respond_popup_reject_reason_invalid_cancellation_reason",
     "Alasan pembatalan tidak valid"),
    ("order_manage_list_action_respond_popup_reject_reason_delivered", "Pesanan sudah dikirim"),
    ("order_manage_list_action_respond_popup_reject_reason_buyer_agree", "Pembeli setuju melanjutkan pesanan"),
    ("seller_reject_apply_product_has_been_packed", "Produk sudah dikemas"),
]
WIB = timezone(timedelta(hours=7))


class ApiError(Exception):
    def __init__(self, code: int, message: str, status: int = 200) -> None:
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def _page_size(query: dict[str, str], maximum: int) -> int:
    try:
        size = int(query.get("page_size") or "")
    except ValueError:
        raise ApiError(36009021, f"page_size is required and must be 1 to {maximum}.") from None
    if not 1 <= size <= maximum:
        raise ApiError(36009021, f"page_size is required and must be 1 to {maximum}.")
    return size


def _offset(query: dict[str, str]) -> int:
    token = query.get("page_token") or ""
    if not token:
        return 0
    try:
        return int(base64.b64decode(token.encode(), validate=True).decode().removeprefix("off:"))
    except (ValueError, UnicodeDecodeError):
        raise ApiError(36009021, "Invalid page_token.") from None


def _next_token(offset: int) -> str:
    # '+' and '/' can appear, as in the real tokens: clients must URL-encode them.
    return base64.b64encode(f"off:{offset}".encode()).decode()


def _page(items: list, query: dict[str, str], maximum: int) -> tuple[list, str]:
    size = _page_size(query, maximum)
    start = _offset(query)
    chunk = items[start : start + size]
    return chunk, _next_token(start + size) if start + size < len(items) else ""


class Routes:
    ctx: Any
    on_hold_seconds: float
    unpaid_seconds: float
    label_generating_calls: int
    shop_cipher: str
    document_calls: dict[str, int]
    idempotent_answers: dict[str, dict]
    seller_cancels: dict[str, dict]
    book: PackageBook

    def label_url(self, headers: Any, package: str) -> str:
        raise NotImplementedError

    def order_status(self, order: Order) -> str:
        raise NotImplementedError

    # ---- shop ----------------------------------------------------------------------------------------------
    def _shops(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        return {"shops": [{"id": str(shop.shop_id), "name": shop.shop_name, "region": "ID", "seller_type": "LOCAL",
                           "cipher": self.shop_cipher, "code": f"IDLC{shop.shop_id % 100000:05d}"},
                          *[dict(s) for s in getattr(self, "other_shops", [])]]}

    def _warehouses(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        a = shop.address
        main = {
            "id": str(shop.warehouse_id), "name": "Gudang Utama", "effect_status": "ENABLED",
            "type": "SALES_WAREHOUSE", "sub_type": "DOMESTIC_WAREHOUSE", "is_default": True,
            "collection_method": "PICKUP",
            "address": {"region": "Indonesia", "state": a.province, "city": a.city, "district": a.district,
                        "address_line1": a.street, "postal_code": a.postal_code},
            "geolocation": {"latitude": a.geo.split(",")[0], "longitude": a.geo.split(",")[1]},
        }
        # Other warehouses some SKUs are stocked in (tests give SKUs a second warehouse): listed after the main one.
        others = sorted({w for p in shop.products.values() for w in p.other_warehouses})
        return {"warehouses": [main] + [{**main, "id": w, "name": f"Gudang {n + 2}", "is_default": False}
                                        for n, w in enumerate(others)]}

    # ---- orders --------------------------------------------------------------------------------------------
    def _order_of(self, raw_id: str) -> Order:
        number = tj.decode(str(raw_id), tj.ORDER_BASE)
        order = self.ctx.shop.orders.get(number) if number is not None else None
        if order is None:
            raise ApiError(21001001, f"Order {raw_id} does not exist.")
        return order

    def _order_search(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            now = self.ctx.clock.now()
            hold, unpaid = self.on_hold_seconds, self.unpaid_seconds
            wanted_status = body.get("order_status")
            bounds = {k: body.get(k) for k in ("create_time_ge", "create_time_lt", "update_time_ge", "update_time_lt")}
            rows = []
            updated_before = bounds["update_time_lt"]
            for oid in shop.order_ids:
                o = shop.orders[oid]
                # The update time is never before this (payment and release only move it later): an order already
                # past the window is left without working its update time out (10,000 orders, searched by slices).
                if updated_before is not None and int(o.update_time or o.create_time) >= int(updated_before):
                    continue
                created, updated = int(o.create_time), tj.update_time(o, now, hold, unpaid)
                if bounds["create_time_ge"] is not None and created < int(bounds["create_time_ge"]):
                    continue
                if bounds["create_time_lt"] is not None and created >= int(bounds["create_time_lt"]):
                    continue
                if bounds["update_time_ge"] is not None and updated < int(bounds["update_time_ge"]):
                    continue
                if bounds["update_time_lt"] is not None and updated >= int(bounds["update_time_lt"]):
                    continue
                if wanted_status and tj.status_of(o, now, hold, unpaid, book=self.book) != wanted_status:
                    continue
                if body.get("is_buyer_request_cancel") and o.cancel_request is None:
                    continue
                rows.append((updated if query.get("sort_field") == "update_time" else created, oid))
            rows.sort(reverse=(query.get("sort_order") or "DESC").upper() == "DESC")
            chunk, token = _page(rows, query, 100)
            return {"orders": [tj.order(shop, shop.orders[oid], now, hold, unpaid, book=self.book)
                               for _, oid in chunk],
                    "next_page_token": token, "total_count": len(rows)}

    def _order_detail(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        ids = [i for i in (query.get("ids") or "").split(",") if i]
        if not ids or len(ids) > 50:
            raise ApiError(36009021, "ids is required: 1 to 50 order ids, comma-separated.")
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            now = self.ctx.clock.now()
            found = []
            for raw in ids:
                number = tj.decode(raw, tj.ORDER_BASE)
                if number is not None and number in shop.orders:
                    found.append(tj.order(shop, shop.orders[number], now, self.on_hold_seconds,
                                          self.unpaid_seconds, book=self.book))
            return {"orders": found}

    # ---- packages ------------------------------------------------------------------------------------------
    def _package_of(self, raw: str) -> Package:
        package = self.book.get(raw)
        if package is None:
            raise ApiError(21001003, f"Package {raw} does not exist.")
        return package

    def _ship_one(self, package_id: str, body: dict) -> None:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            self.book.ship_requests[package_id] += 1
            package = self._package_of(package_id)
            orders = [shop.orders[n] for n in package.orders]
            if self.book.is_shipped(package):
                raise ApiError(21011040, "The package has already been shipped.")
            if package.id in self.book.refusals:
                code = self.book.refusals[package.id]
                raise ApiError(code, SHIP_REFUSALS[code])
            for o in orders:
                status = self.order_status(o)
                if o.status in CANCELLED:
                    raise ApiError(21011041, "The order has been cancelled.")
                if status == "ON_HOLD":
                    raise ApiError(21008042, "The order is on hold (buyer remorse period) and cannot be shipped yet.")
                if status == "UNPAID":
                    raise ApiError(21008042, "The order is not paid yet and cannot be shipped.")
                if o.cancel_request is not None:
                    raise ApiError(21008044, "The order has a pending buyer cancellation request.")
            o = orders[0]
            own = (body.get("self_shipment") or {}).get("tracking_number")
            if o.courier.own and not own:
                raise ApiError(21011052, "self_shipment.tracking_number is required for a seller-shipping package.")
            if own and not o.courier.own:
                raise ApiError(36009021, "self_shipment is only for seller-shipping packages.")
            try:
                if not package.implicit:
                    self.book.ship(package, self.ctx.clock.now())
                    return
                if o.status == Status.PAID:
                    shop.ack(o.order_id)
                if o.courier.own:
                    shop.confirm_shipping(o.order_id, str(own))
                else:
                    shop.request_pickup(o.order_id)
                    o.awb = o.awb or tj.tracking_awb(o)
            except ShopError as exc:
                raise ApiError(21011040, exc.message) from None

    def _ship(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        self._ship_one(params["id"], body)
        return {}

    def _ship_batch(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        errors = []
        for entry in body.get("packages") or []:
            package = str(entry.get("id") or "")
            try:
                self._ship_one(package, entry)
            except ApiError as err:
                errors.append({"code": err.code, "message": err.message, "detail": {"package_id": package}})
        return {"errors": errors}

    def _package(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            package = self._package_of(params["id"])
            o = shop.orders[package.orders[0]]
            data = {"package_id": package.id, "package_status": self.book.status(package),
                    "orders": [{"id": tj.order_id(shop.orders[n])} for n in package.orders],
                    "order_line_item_ids": [u for units in package.units.values() for u in units],
                    "shipping_provider_id": str(o.courier.sp_id), "shipping_provider_name": o.courier.agency,
                    "shipping_type": "SELLER" if o.courier.own else "TIKTOK", "handover_method": "PICKUP",
                    "split_and_combine_tag": package.tag,
                    "update_time": int(max(shop.orders[n].update_time for n in package.orders))}
            if self.book.tracking(package):
                data["tracking_number"] = self.book.tracking(package)
            return data

    def _combinable_search(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            groups = [g for g in self.book.combinable()
                      if all(self.order_status(shop.orders[n]) == "AWAITING_SHIPMENT" for n in g[1])]
            chunk, token = _page(groups, query, 50)
            return {"combinable_packages": [{"id": pid, "order_ids": [tj.order_id(shop.orders[n]) for n in orders]}
                                            for pid, orders in chunk],
                    "next_page_token": token, "total_count": len(groups)}

    def _combine(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        entries = body.get("combinable_packages")
        if not isinstance(entries, list) or not entries:
            raise ApiError(21011005, "combinable_packages is required.")
        packages, errors = [], []
        with shop.lock:
            shop.tick()
            for entry in entries:
                pid = str((entry or {}).get("id") or "")
                preview = tj.decode(pid, tj.PACKAGE_BASE)
                known = self.book.previews.get(preview or -1)
                try:
                    if known is None:
                        raise PackageError(21011028, "The package does not belong to the current shop.")
                    wanted = [str(i) for i in entry.get("order_ids") or []] or [
                        tj.order_id(shop.orders[n]) for n in known]
                    numbers = [tj.decode(i, tj.ORDER_BASE) for i in wanted]
                    if any(n not in known for n in numbers):
                        raise PackageError(21011031, "Order does not belong to pre_pkg.")
                    new_id = self.book.combine([int(n) for n in numbers if n is not None], self.ctx.clock.now())
                    self.combine_requests += 1
                    packages.append({"id": new_id, "order_ids": wanted})
                except PackageError as err:
                    errors.append({"code": err.code, "message": err.message, "detail": {"package_id": pid}})
        return {"packages": packages, "errors": errors}

    def _uncombine(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            numbers = []
            for raw in body.get("order_ids") or []:
                number = tj.decode(str(raw), tj.ORDER_BASE)
                if number is None or number not in shop.orders:
                    raise ApiError(21011029, "order does not belong to fulfill unit")
                numbers.append(number)
            try:
                made = self.book.uncombine(params["id"], numbers or None, self.ctx.clock.now())
            except PackageError as err:
                raise ApiError(err.code, err.message) from None
            return {"packages": [{"id": pid, "order_ids": [tj.order_id(shop.orders[n]) for n in orders]}
                                 for pid, orders in made]}

    def _slots(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        self._package_of(params["id"])
        day = datetime.fromtimestamp(self.ctx.clock.now(), tz=WIB).replace(hour=9, minute=0, second=0, microsecond=0)
        slots = []
        for n in range(1, 4):
            start = day + timedelta(days=n)
            end = start + timedelta(hours=3)
            slots.append({"start_time": int(start.timestamp()), "end_time": int(end.timestamp()), "avaliable": True})
        return {"can_pickup": True, "can_drop_off": False, "pickup_slots": slots}

    def _documents(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        if query.get("document_type") not in ("SHIPPING_LABEL", "PACKING_SLIP", "SHIPPING_LABEL_AND_PACKING_SLIP"):
            raise ApiError(36009021, "document_type is required (SHIPPING_LABEL, PACKING_SLIP, ...).")
        if (query.get("document_format") or "PDF") != "PDF":
            raise ApiError(36009021, "document_format ZPL is only available in BR and MX.")
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            package = self._package_of(params["id"])
            o = shop.orders[package.orders[0]]
            if o.courier.own:
                raise ApiError(11034002, "The package is shipped by the seller; there is no platform label.")
            status = self.book.status(package)
            if status in ("FULFILLING", "COMPLETED"):
                raise ApiError(21042102, "The label cannot be printed after the parcel has been picked up.")
            if status != "PROCESSING":
                raise ApiError(21023035, "The shipping document is available only after the package is shipped.")
            counts = self.document_calls
            counts[params["id"]] = counts.get(params["id"], 0) + 1
            if counts[params["id"]] <= self.label_generating_calls:
                raise ApiError(11034037, "The document is being generated. Please retry later.")
            for n in package.orders:
                shop.mark_printed(n, True)
            return {"doc_url": self.label_url(headers, package.id), "tracking_number": self.book.tracking(package)}

    def _tracking(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            o = self._order_of(params["id"])
            events = [{"description": h.message, "update_time_millis": int(h.time * 1000)}
                      for h in o.history if h.status in (450, 500, 600, 700)]
            return {"tracking": list(reversed(events))}

    # ---- cancellations -------------------------------------------------------------------------------------
    def _cancel(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            o = self._order_of(str(body.get("order_id") or ""))
            status = self.order_status(o)
            allowed = SELLER_REASONS.get(status)
            if status in ("PARTIALLY_SHIPPING", "AWAITING_COLLECTION", "IN_TRANSIT"):
                raise ApiError(25001045, "The order has already been shipped and we are unable to cancel shipment "
                                         "with the courier.")
            if not allowed:
                raise ApiError(25001004, f"An order in status {status} cannot be cancelled by the seller.")
            reason = str(body.get("cancel_reason") or "")
            if reason not in allowed:
                raise ApiError(25001021, "The cancel reason does not match the order status.")
            shop.nack(o.order_id, 1 if "out_of_stock" in reason else 2, reason)
            record = {"cancel_id": tj.cancel_id(o), "order_id": tj.order_id(o), "cancel_type": "CANCEL",
                      "role": "SELLER", "cancel_status": "CANCELLATION_REQUEST_COMPLETE", "cancel_reason": reason,
                      "cancel_reason_text": reason, "create_time": int(self.ctx.clock.now()),
                      "update_time": int(self.ctx.clock.now())}
            self.seller_cancels[record["cancel_id"]] = record
            return {"cancel_id": record["cancel_id"], "cancel_status": record["cancel_status"]}

    def _buyer_request(self, o: Order) -> dict:
        request = o.cancel_request or {}
        return {
            "cancel_id": tj.cancel_id(o), "order_id": tj.order_id(o), "cancel_type": "BUYER_CANCEL", "role": "BUYER",
            "cancel_status": "CANCELLATION_REQUEST_PENDING", "cancel_reason": "buyer_cancel_request",
            "cancel_reason_text": str(request.get("reason") or ""),
            "cancel_line_items": [{"order_line_item_id": f"{tj.ORDER_BASE + line.detail_id}000",
                                   "sku_id": str(tj.SKU_BASE + line.product_id), "seller_sku": line.sku}
                                  for line in o.lines],
            "seller_next_action_response": [{
                "action": "RESPOND_CANCELLATION",
                "deadline": int(float(request.get("time") or 0) + self.ctx.shop.timing.scaled(
                    self.ctx.shop.timing.cancel_request_window)),
            }],
            "create_time": int(float(request.get("time") or 0)), "update_time": int(float(request.get("time") or 0)),
        }

    def _cancel_search(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            found = [self._buyer_request(shop.orders[i]) for i in shop.order_ids
                     if shop.orders[i].cancel_request is not None]
            found += list(self.seller_cancels.values())
            if body.get("order_ids"):
                wanted = {str(i) for i in body["order_ids"]}
                found = [c for c in found if c["order_id"] in wanted]
            if body.get("cancel_ids"):
                wanted = {str(i) for i in body["cancel_ids"]}
                found = [c for c in found if c["cancel_id"] in wanted]
            if body.get("cancel_status"):
                found = [c for c in found if c["cancel_status"] in set(body["cancel_status"])]
            if body.get("cancel_types"):
                found = [c for c in found if c["cancel_type"] in set(body["cancel_types"])]
            found.sort(key=lambda c: (c["create_time"], c["cancel_id"]))
            chunk, token = _page(found, query, 50)
            return {"cancellations": chunk, "next_page_token": token, "total_count": len(found)}

    def _pending(self, raw_cancel_id: str) -> Order:
        number = tj.decode(raw_cancel_id, tj.CANCEL_BASE)
        o = self.ctx.shop.orders.get(number) if number is not None else None
        if o is None or o.cancel_request is None:
            raise ApiError(25001012, "The cancellation request does not exist or has been handled.")
        return o

    def _remembered(self, name: str, query: dict) -> tuple[str, dict | None]:
        key = f"{name}:{query.get('idempotency_key') or ''}"
        return key, (self.idempotent_answers.get(key) if query.get("idempotency_key") else None)

    def _cancel_approve(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        key, answer = self._remembered(f"approve:{params['id']}", query)
        if answer is not None:
            return answer  # the same idempotency key: the same answer, nothing done twice
        shop = self.ctx.shop
        with shop.lock:
            o = self._pending(params["id"])
            shop.nack(o.order_id, 8, str((o.cancel_request or {}).get("reason") or "Buyer request"), buyer_request=True)
            self.idempotent_answers[key] = {}
            return {}

    def _cancel_reject(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        key, answer = self._remembered(f"reject:{params['id']}", query)
        if answer is not None:
            return answer
        if body.get("reject_reason") not in {name for name, _ in REJECT_REASONS}:
            raise ApiError(25001011, "The reject reason is not valid for this request.")
        shop = self.ctx.shop
        with shop.lock:
            o = self._pending(params["id"])
            shop.reject_cancel_request(o.order_id)
            self.idempotent_answers[key] = {}
            return {}

    def _reject_reasons(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        if not query.get("return_or_cancel_id"):
            raise ApiError(36009021, "return_or_cancel_id is required.")
        for_return = self.return_reject_reasons(query["return_or_cancel_id"])  # type: ignore[attr-defined]
        if for_return is not None:
            return {"reasons": for_return}
        return {"reasons": [{"name": name, "text": text} for name, text in REJECT_REASONS]}

    # ---- products and inventory ----------------------------------------------------------------------------
    def _tts_products(self) -> list:
        """The shop's products the TikTok way: parents with their variants, and products without variants."""
        shop = self.ctx.shop
        return [shop.products[i] for i in shop.product_ids if shop.products[i].parent_id is None]

    def _product_search(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            found = self._tts_products()
            status = body.get("status") or "ALL"
            if status != "ALL":
                found = [p for p in found if tj.product_status(p) == status]
            if body.get("seller_skus"):
                wanted = set(body["seller_skus"])
                found = [p for p in found if any(s.sku in wanted for s in tj.skus_of(shop, p))]
            if body.get("sku_ids"):
                wanted = {str(i) for i in body["sku_ids"]}
                found = [p for p in found if any(tj.sku_id(s) in wanted for s in tj.skus_of(shop, p))]
            chunk, token = _page(found, query, 100)
            return {"products": [tj.product(shop, p) for p in chunk], "next_page_token": token,
                    "total_count": len(found)}

    def _inventory_search(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        sku_ids = [str(i) for i in body.get("sku_ids") or []]
        product_ids = [str(i) for i in body.get("product_ids") or []]
        if len(sku_ids) > 600 or len(product_ids) > 100 or not (sku_ids or product_ids):
            raise ApiError(36009021, "Give 1 to 600 sku_ids or 1 to 100 product_ids.")
        with shop.lock:
            shop.tick()
            out = []
            if sku_ids:  # sku_ids win over product_ids
                by_parent: dict[int, set[int]] = {}
                for raw in sku_ids:
                    number = tj.decode(raw, tj.SKU_BASE)
                    p = shop.products.get(number) if number is not None else None
                    if p is not None and not p.is_parent:
                        by_parent.setdefault(p.parent_id or p.product_id, set()).add(p.product_id)
                for parent, only in by_parent.items():
                    out.append(tj.inventory(shop, shop.products[parent], only))
            else:
                for raw in product_ids:
                    number = tj.decode(raw, tj.PRODUCT_BASE)
                    p = shop.products.get(number) if number is not None else None
                    if p is not None and p.parent_id is None:
                        out.append(tj.inventory(shop, p))
            return {"inventory": out}

    def _inventory_update(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            product = active_product(shop, params["id"], "The product status does not allow inventory updates.")
            skus = body.get("skus") or []
            if not skus or len(skus) > 100:
                raise ApiError(12052050, "Give 1 to 100 SKUs of this product.")
            own = {tj.sku_id(s): s for s in tj.skus_of(shop, product)}
            warehouse = str(shop.warehouse_id)
            errors = []
            for entry in skus:
                sid = str(entry.get("id") or "")
                error = self._sku_update_error(own, sid, entry.get("inventory") or [], warehouse)
                if error:
                    errors.append({"code": error[0], "message": error[1], "detail": {"sku_id": sid, **error[2]}})
                    continue
                sku = own[sid]
                for given in entry.get("inventory") or []:
                    where = str(given.get("warehouse_id") or warehouse)
                    if where != warehouse:
                        sku.other_warehouses[where] = int(given["quantity"])
                main = next(int(g["quantity"]) for g in entry.get("inventory") or []
                            if str(g.get("warehouse_id") or warehouse) == warehouse)
                shop.set_stock(sku.product_id, main)
            return {"errors": errors} if errors else {}

    @staticmethod
    def _sku_update_error(own: dict, sid: str, inventory: list, warehouse: str) -> tuple[int, str, dict] | None:
        if sid not in own:
            return 12052556, "The SKU does not exist or does not belong to this product.", {}
        assigned = {warehouse, *own[sid].other_warehouses}
        given_ids = [str(entry.get("warehouse_id") or warehouse) for entry in inventory]
        if len(given_ids) != len(set(given_ids)) or (set(given_ids) <= assigned and set(given_ids) != assigned):
            return 12019028, "Send every warehouse assigned to the SKU, and no other.", {}
        for entry, given in zip(inventory, given_ids, strict=True):
            if given not in assigned:
                extra = [{"warehouse_id": given, "code": 12052097, "message": "The warehouse does not exist."}]
                return 12052097, "Invalid warehouse.", {"extra_errors": extra}
            quantity = entry.get("quantity")
            if not isinstance(quantity, int) or isinstance(quantity, bool):
                return 12019024, "The quantity must be an integer.", {}
            if not 0 <= quantity <= 99_999:
                extra = [{"warehouse_id": given, "code": 12052055, "message": "Quantity out of range [0, 99999]."}]
                return 12052055, "The quantity is out of limits.", {"extra_errors": extra}
        return None


def active_product(shop: Any, product_id: str, not_active: str) -> Any:
    """The parent product `product_id` names, refused as the API refuses it: 12052004 when there is no such product,
    12052901 (with `not_active`) when it is not ACTIVATE (Update Inventory, Update Price 202309). Under shop.lock."""
    number = tj.decode(product_id, tj.PRODUCT_BASE)
    product = shop.products.get(number) if number is not None else None
    if product is None or product.parent_id is not None:
        raise ApiError(12052004, f"Product {product_id} does not exist.")
    if tj.product_status(product) != "ACTIVATE":
        raise ApiError(12052901, not_active)
    return product
