"""Catalogue routes of the Tokopedia dialect (a mixin of `TokopediaDialect`): price update, set active / inactive.

research/tokopedia-api.md "Other product endpoints" and "Bulk weighting": price update takes ≤100 rows
`[{sku|product_id, new_price}]`, active / inactive ≤25 ids `{product_id: [int]}`; every row counts against the
rate limit, and rows that fail (over the limit too, "ERR_TOO_MANY_REQUEST") come back in `failed_rows_data` of a 200.
Choices the research leaves open: a failed price row is an object like a failed stock row (with `new_price`); a
failed active/inactive row is a string "<product id>: <reason>"; a product in a running promotion refuses a price
change with the promotion named ("Product is in an ongoing promotion: <name>").
"""

from __future__ import annotations

from typing import Any

from tokodesk.sandbox.faults import Quota
from tokodesk.sandbox.tokopedia_orders import Reject

PRICE_ROWS = 100
LISTING_IDS = 25
PRICE_MIN = 100  # Rp: Tokopedia's lowest product price
PRICE_MAX = 500_000_000


class CatalogRoutes:
    """Needs the plumbing of `TokopediaDialect`: ctx, _fs, _shop, _json, _take."""

    ctx: Any

    def _catalog_query(self, params: dict, query: dict) -> None:
        self._fs(params["fs"], "PRD")  # type: ignore[attr-defined]
        if not query.get("shop_id"):
            raise Reject(400, "PRD_DLV_016", "shop_id cannot be empty")
        self._shop(query["shop_id"], "PRD_DLV_003")  # type: ignore[attr-defined]

    def _price_update(self, params: dict, query: dict, body: bytes) -> tuple[dict, Quota]:
        self._catalog_query(params, query)
        rows = self._json(body, "PRD_DLV_036")  # type: ignore[attr-defined]
        if not isinstance(rows, list):
            raise Reject(400, "PRD_DLV_036", "wrong json format: the body is an array of rows")
        if not rows:
            raise Reject(400, "PRD_DLV_020", "Empty payload passed")
        if len(rows) > PRICE_ROWS:
            raise Reject(400, "PRD_DLV_018", f"Max allowed products per-update are {PRICE_ROWS} products")
        quota = self._take("price_update", len(rows))  # type: ignore[attr-defined]
        shop = self.ctx.shop
        failed: list[dict] = []
        succeeded: list[dict] = []
        with shop.lock:
            shop.tick()
            for index, row in enumerate(rows):
                message, product = self._price_row(row, index < quota.granted)
                if message:
                    row = row if isinstance(row, dict) else {}
                    failed.append({"product_id": row.get("product_id", 0), "sku": row.get("sku", ""),
                                   "new_price": row.get("new_price", 0), "message": message})
                    continue
                shop.set_price(product.product_id, row["new_price"])
                succeeded.append({"productID": product.product_id, "price": product.price})
        data = {"failed_rows": len(failed), "failed_rows_data": failed or None, "succeed_rows": len(succeeded),
                "total_data": len(rows), "succeed_rows_data": succeeded or None}
        return data, quota

    def _price_row(self, row: Any, within_limit: bool) -> tuple[str | None, Any]:
        shop = self.ctx.shop
        if not within_limit:
            return "ERR_TOO_MANY_REQUEST", None
        if not isinstance(row, dict):
            return "Invalid Product ID.", None
        sku = row.get("sku")
        if sku not in (None, ""):
            pid = shop.sku_index.get(sku) if isinstance(sku, str) else None
            if pid is None:
                return "Invalid SKU.", None
        else:
            pid = row.get("product_id")
            if isinstance(pid, bool) or not isinstance(pid, int) or pid not in shop.products:
                return "Invalid Product ID.", None
        product = shop.products[pid]
        if product.is_parent:
            return "Invalid Product ID.", None  # a variant parent has no price of its own
        price = row.get("new_price")
        if isinstance(price, bool) or not isinstance(price, int):
            return "Invalid Price.", None
        if not PRICE_MIN <= price <= PRICE_MAX:
            return f"Price must be between Rp{PRICE_MIN} and Rp{PRICE_MAX}.", None
        promotion = shop.promotions.get(pid) or shop.promotions.get(product.parent_id or 0)
        if promotion:
            return f"Product is in an ongoing promotion: {promotion}", None
        return None, product

    def _set_active(self, params: dict, query: dict, body: bytes) -> tuple[dict, Quota]:
        return self._listing(params, query, body, 1, "set_active")

    def _set_inactive(self, params: dict, query: dict, body: bytes) -> tuple[dict, Quota]:
        return self._listing(params, query, body, 3, "set_inactive")

    def _listing(self, params: dict, query: dict, body: bytes, status: int, name: str) -> tuple[dict, Quota]:
        self._catalog_query(params, query)
        doc = self._json(body, "PRD_DLV_036")  # type: ignore[attr-defined]
        ids = doc.get("product_id") if isinstance(doc, dict) else None
        if not isinstance(ids, list):
            raise Reject(400, "PRD_DLV_036", "wrong json format: the body is {\"product_id\": [ids]}")
        if not ids:
            raise Reject(400, "PRD_DLV_020", "Empty payload passed")
        if len(ids) > LISTING_IDS:
            raise Reject(400, "PRD_DLV_018", f"Max allowed products per-update are {LISTING_IDS} products")
        quota = self._take(name, len(ids))  # type: ignore[attr-defined]
        shop = self.ctx.shop
        failed: list[str] = []
        with shop.lock:
            shop.tick()
            for index, pid in enumerate(ids):
                if index >= quota.granted:
                    failed.append(f"{pid}: ERR_TOO_MANY_REQUEST")
                    continue
                product = shop.products.get(pid) if isinstance(pid, int) and not isinstance(pid, bool) else None
                if product is None or product.status not in (1, 3):
                    failed.append(f"{pid}: Invalid Product ID.")
                    continue
                if status == 1 and product.stock == 0 and not product.is_parent:
                    failed.append(f"{pid}: Product stock is empty; add stock before activating it.")
                    continue
                product.status = status
                product.updated = shop.clock.now()
                shop.counters[f"listing:{pid}"] += 1
        data = {"total_data": len(ids), "succeed_rows": len(ids) - len(failed), "failed_rows": len(failed),
                "failed_rows_data": failed or None}
        return data, quota
