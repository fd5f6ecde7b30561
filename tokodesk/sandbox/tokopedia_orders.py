"""Order, logistics and stock routes of the Tokopedia dialect (a mixin of `TokopediaDialect`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import datetime, timedelta, timezone
from typing import Any

from tokodesk.sandbox import tokopedia_json as tj
from tokodesk.sandbox.faults import Quota
from tokodesk.sandbox.server import Response
from tokodesk.sandbox.shop import ShopError

OK = "Your request has been processed successfully"
MALFORMED = "We could not process your request due to malformed request, please check again"
SERVER = "Our server encounters an error, please try again later"
WINDOW = 3 * 86400  # the order list serves strictly less than three days a request
ORDERS_PER_PAGE = 100
PRODUCTS_PER_PAGE = 50
STOCK_ROWS = 100
NACK_CODES = {0, 1, 2, 3, 4, 5, 7, 8}
WIB = timezone(timedelta(hours=7))


class Reject(Exception):
    """An error answer, raised from deep in a handler."""

    def __init__(self, status: int, code: str | None, reason: str, server: bool = False) -> None:
        super().__init__(reason)
        self.status, self.code, self.reason, self.server = status, code, reason, server


class OrderRoutes:
    """Needs the plumbing of `TokopediaDialect`: ctx, _fs, _shop, _warehouse, _int, _json, _order_id, _order."""

    ctx: Any

    # ---- reads -----------------------------------------------------------------------------------------
    def _order_list(self, params: dict, query: dict, body: bytes) -> list | None:
        self._fs(query.get("fs_id"), "ORD")
        from_date = self._int(query.get("from_date"), ("ORD_DLV_009", "from_date cannot be empty"),
                              ("ORD_DLV_010", "invalid from_date format"), minimum=0)
        to_date = self._int(query.get("to_date"), ("ORD_DLV_011", "to_date cannot be empty"),
                            ("ORD_DLV_012", "invalid to_date format"), minimum=0)
        if to_date < from_date:
            raise Reject(400, "ORD_DLV_012", "invalid to_date format: to_date is before from_date")
        if to_date - from_date >= WINDOW:
            raise Reject(400, "ORD_DLV_013", "Date Range must be less than 3 days")
        page = self._int(query.get("page"), ("ORD_DLV_014", "page cannot be empty"),
                         ("ORD_DLV_015", "invalid page format"), minimum=1)
        per_page = self._int(query.get("per_page"), ("ORD_DLV_016", "per_page cannot be empty"),
                             ("ORD_DLV_017", "invalid per_page format"), minimum=1, maximum=ORDERS_PER_PAGE)
        if query.get("shop_id") and query.get("warehouse_id"):
            raise Reject(400, "ORD_DLV_008", "please choose one between shop id or warehouse id")
        self._shop(query.get("shop_id"), "ORD_DLV_006")
        self._warehouse(query.get("warehouse_id"), "ORD_DLV_007")
        status = self._int(query.get("status"), None, ("ORD_DLV_018", "invalid status format"))
        shop, fs_id = self.ctx.shop, self.fs_id
        with shop.lock:
            shop.tick()
            lo = bisect_left(shop.order_times, from_date)
            hi = bisect_left(shop.order_times, to_date + 1)  # create_time is matched by its whole second
            ids = shop.order_ids[lo:hi]
            if status is not None:
                ids = [i for i in ids if int(shop.orders[i].status) == status]
            page_ids = ids[(page - 1) * per_page: page * per_page]
            if not page_ids:
                return None
            return [tj.order_list_item(shop, shop.orders[i], fs_id) for i in page_ids]

    def _order_detail(self, params: dict, query: dict, body: bytes) -> dict:
        self._fs(params["fs"], "ORD")
        raw_id, invoice = query.get("order_id"), query.get("invoice_num")
        if raw_id and invoice:
            raise Reject(400, "ORD_DLV_004", "error must choose either order id or invoice no as parameter.")
        if not raw_id and not invoice:
            raise Reject(400, "ORD_DLV_003", "error order id and invoice no is empty.")
        shop = self.ctx.shop
        with shop.lock:
            if raw_id:
                order = self._order(self._order_id(raw_id))
            else:
                try:
                    order = shop.order_by_invoice(invoice)
                except ShopError:
                    raise Reject(400, "ORD_API_008", "Data Not Found", server=True) from None
            return tj.single_order(shop, order, self.fs_id)

    def _fulfillment_order(self, params: dict, query: dict, body: bytes) -> dict:
        self._fs(params["fs"], "ORD")
        shop = self.ctx.shop
        with shop.lock:
            if query.get("order_id"):
                order = self._order(self._order_id(query["order_id"]))
                return {"order_data": [tj.fulfillment_order(shop, order)], "next_order_id": 0,
                        "first_order_id": order.order_id}
            if query.get("shop_id") and query.get("warehouse_id"):
                raise Reject(400, "ORD_DLV_008", "please choose one between shop id or warehouse id")
            if not query.get("shop_id") and not query.get("warehouse_id"):
                raise Reject(400, "ORD_DLV_026", "order_id cannot be empty")
            self._shop(query.get("shop_id"), "ORD_DLV_006")
            self._warehouse(query.get("warehouse_id"), "ORD_DLV_007")
            # No maximum page size is documented for this list (research §"Booking code"): any positive size.
            per_page = self._int(query.get("per_page"), None, ("ORD_DLV_017", "invalid per_page format"),
                                 minimum=1) or 10
            after = self._int(query.get("next_order_id"), None, ("ORD_DLV_025", "invalid next_order_id format"))
            self._int(query.get("first_order_id"), None, ("ORD_DLV_024", "invalid first_order_id format"))
            shop.tick()
            start = bisect_right(shop.order_ids, after) if after else 0
            ids = shop.order_ids[start: start + per_page]
            more = start + per_page < len(shop.order_ids)
            return {"order_data": [tj.fulfillment_order(shop, shop.orders[i]) for i in ids] or None,
                    "next_order_id": ids[-1] if ids and more else 0, "first_order_id": ids[0] if ids else 0}

    def _shipping_label(self, params: dict, query: dict, body: bytes) -> Response:
        self._fs(params["fs"], "ORD")
        order_id = self._order_id(params["oid"])
        printed = query.get("printed", "1") != "0"  # the docs: optional, defaults to 1
        shop = self.ctx.shop
        with shop.lock:
            self._order(order_id)
            try:
                order = shop.mark_printed(order_id, printed)
            except ShopError:
                raise Reject(400, "ORD_API_008", "Data Not Found", server=True) from None
            page = tj.shipping_label_html(shop, order)
        return Response(200, page.encode(), "text/html; charset=utf-8")

    # ---- order actions ---------------------------------------------------------------------------------
    def _ack(self, params: dict, query: dict, body: bytes) -> str:
        self._fs(params["fs"], "ORD")
        order_id = self._order_id(params["oid"])
        self._warehouse(query.get("warehouse_id"), "ORD_DLV_007")
        shop = self.ctx.shop
        with shop.lock:
            self._order(order_id)
            try:
                shop.ack(order_id)
            except ShopError:
                raise Reject(400, "ORD_USC_001", "Order Status not eligible to accept") from None
        return "success"

    def _nack(self, params: dict, query: dict, body: bytes) -> str:
        self._fs(params["fs"], "ORD")
        order_id = self._order_id(params["oid"])
        if not body:
            raise Reject(400, "ORD_DLV_019", "failed read body request")
        payload = self._json(body, "ORD_DLV_020")
        if not isinstance(payload, dict) or not isinstance(payload.get("reason_code"), int):
            raise Reject(400, "ORD_DLV_020", "wrong json format: reason_code must be a number")
        code = payload["reason_code"]
        reason = payload.get("reason")
        if code not in NACK_CODES:
            raise Reject(400, "ORD_USC_020", f"reason_code {code} is not allowed to reject")
        if not isinstance(reason, str) or not reason.strip():
            raise Reject(400, "ORD_USC_009", "Mandatory To Fill Reason")
        limit = 490 if code in (7, 8) else 512
        if len(reason) > limit:
            raise Reject(400, "ORD_USC_009", f"reason must be at most {limit} characters")
        if code == 4:
            self._shop_close(payload)
        shop = self.ctx.shop
        with shop.lock:
            self._order(order_id)
            try:
                shop.nack(order_id, code, reason, buyer_request=code == 8)
            except ShopError as exc:
                if exc.kind == "no_cancel_request":
                    raise Reject(400, "ORD_USC_019", "the buyer has not requested cancellation") from None
                raise Reject(400, "ORD_USC_008", "Order Status not eligible to reject") from None
        return "success"

    def _shop_close(self, payload: dict) -> None:
        end, note = payload.get("shop_close_end_date"), payload.get("shop_close_note")
        if not isinstance(end, str) or not end.strip() or not isinstance(note, str) or not note.strip():
            raise Reject(400, "ORD_USC_012", "Mandatory To Fill Shop Close End Date and Note")
        if len(note) > 100:
            raise Reject(400, "ORD_USC_012", "shop_close_note must be at most 100 characters")
        try:
            day = datetime.strptime(end.strip(), "%d/%m/%Y").date()
        except ValueError:
            raise Reject(400, "ORD_USC_013", "Shop Close End Date Present But Invalid (DD/MM/YYYY)") from None
        if day < datetime.fromtimestamp(self.ctx.clock.now(), WIB).date():
            raise Reject(400, "ORD_USC_013", "Shop Close End Date Present But Invalid: it is in the past")

    def _confirm_shipping(self, params: dict, query: dict, body: bytes) -> str:
        self._fs(params["fs"], "ORD")
        order_id = self._order_id(params["oid"])
        if not body:
            raise Reject(400, "ORD_DLV_019", "failed read body request")
        payload = self._json(body, "ORD_DLV_020")
        if not isinstance(payload, dict):
            raise Reject(400, "ORD_DLV_020", "wrong json format")
        if payload.get("order_status") != 500:
            raise Reject(400, "ORD_DLV_023", "order status is not supported")
        awb = payload.get("shipping_ref_num")
        if not isinstance(awb, str) or not awb.strip():
            raise Reject(400, "ORD_DLV_021", "shipping ref number cannot be empty for confirm shipping")
        shop = self.ctx.shop
        with shop.lock:
            self._order(order_id)
            try:
                shop.confirm_shipping(order_id, awb)
            except ShopError:
                raise Reject(400, "LGS_USC_006", "Error When Request Confirm Shipping To Ext Service") from None
        return "Success"

    def _reject_cancel(self, params: dict, query: dict, body: bytes) -> dict:
        self._fs(params["fs"], "ORD")
        order_id = self._order_id(params["oid"])
        self._shop(query.get("shop_id"), "ORD_DLV_006")
        shop = self.ctx.shop
        with shop.lock:
            self._order(order_id)
            try:
                shop.reject_cancel_request(order_id)
            except ShopError:
                raise Reject(400, "ORD_USC_024", "the order has no pending buyer cancellation request") from None
        return {"success": True}

    def _pickup(self, params: dict, query: dict, body: bytes) -> dict:
        self._fs(params["fs"], "LGS")
        payload = self._json(body, "LGS_DLV_003")
        if not isinstance(payload, dict):
            raise Reject(400, "LGS_DLV_003", "wrong json format")
        if "order_id" not in payload:
            raise Reject(400, "LGS_DLV_004", "order_id is required in request body")
        raw = payload["order_id"]
        if isinstance(raw, bool) or not isinstance(raw, (int, str)) or not str(raw).isdigit():
            raise Reject(400, "LGS_DLV_006", "invalid order id format")
        if payload.get("shop_id") not in (None, ""):
            self._shop(str(payload["shop_id"]), "LGS_DLV_006")
        order_id = int(raw)
        shop = self.ctx.shop
        with shop.lock:
            self._order(order_id)
            try:
                shop.request_pickup(order_id)
            except ShopError as exc:
                if exc.kind == "no_permission":
                    raise Reject(400, "LGS_USC_012", "You have no permission to access this feature") from None
                raise Reject(400, "LGS_USC_007", "Error When Request Pickup To Ext Service") from None
            now = self.ctx.clock.now()
        return {"order_id": order_id, "shop_id": shop.shop_id, "request_time": tj.wib_text(now),
                "result": "Terima kasih telah melakukan pengiriman."}

    # ---- stock -----------------------------------------------------------------------------------------
    def _stock_update(self, params: dict, query: dict, body: bytes) -> tuple[dict, Quota]:
        self._fs(params["fs"], "PRD")
        if not query.get("shop_id"):
            raise Reject(400, "PRD_DLV_016", "shop_id cannot be empty")
        self._shop(query["shop_id"], "PRD_DLV_003")
        self._warehouse(query.get("warehouse_id"), "PRD_DLV_019")
        bypass = query.get("bypass_update_product_status", "").lower() == "true"
        rows = self._json(body, "PRD_DLV_036")
        if not isinstance(rows, list):
            raise Reject(400, "PRD_DLV_036", "wrong json format: the body is an array of rows")
        if not rows:
            raise Reject(400, "PRD_DLV_020", "Empty payload passed")
        if len(rows) > STOCK_ROWS:
            raise Reject(400, "PRD_DLV_018", f"Max allowed products per-update are {STOCK_ROWS} products")
        quota = self._take("stock_update", len(rows))  # each row is one request of the budget
        shop = self.ctx.shop
        failed: list[dict] = []
        succeeded: list[dict] = []
        with shop.lock:
            shop.tick()
            for index, row in enumerate(rows):
                message, product = self._stock_row(row, index < quota.granted)
                if message:
                    row = row if isinstance(row, dict) else {}
                    failed.append({"product_id": row.get("product_id", 0), "sku": row.get("sku", ""),
                                   "product_url": "", "new_stock": row.get("new_stock", 0), "message": message})
                    continue
                shop.set_stock(product.product_id, row["new_stock"])
                if not bypass:  # Tokopedia deactivates sold-out products and reactivates restocked ones
                    product.status = 3 if product.stock == 0 else (1 if product.status == 3 else product.status)
                succeeded.append({"productID": product.product_id, "warehouseID": shop.warehouse_id,
                                  "shopID": shop.shop_id, "stock": product.stock, "price": product.price})
        data = {"failed_rows": len(failed), "failed_rows_data": failed or None, "succeed_rows": len(succeeded),
                "total_data": len(rows), "succeed_rows_data": succeeded or None}
        return data, quota

    def _stock_row(self, row: Any, within_limit: bool) -> tuple[str | None, Any]:
        shop = self.ctx.shop
        if not within_limit:
            return "ERR_TOO_MANY_REQUEST", None
        if not isinstance(row, dict):
            return "Invalid Product ID.", None
        stock = row.get("new_stock")
        sku = row.get("sku")
        if sku not in (None, ""):
            pid = shop.sku_index.get(sku) if isinstance(sku, str) and len(sku) <= 50 else None
            if pid is None:
                return "Invalid SKU.", None
        else:
            pid = row.get("product_id")
            if isinstance(pid, bool) or not isinstance(pid, int) or pid not in shop.products:
                return "Invalid Product ID.", None
        product = shop.products[pid]
        if product.is_parent:
            return "Invalid Product ID.", None  # a variant parent has no stock of its own
        if isinstance(stock, bool) or not isinstance(stock, int) or stock < 0:
            return "Invalid Stock.", None
        return None, product
