"""Catalogue routes of the Tokopedia & Shop dialect (a mixin of `TikTokShopDialect`): Update Price, Activate
Product, Deactivate Products (the OAS operations UpdatePrice, ActivateProduct, DeactivateProducts).

From the reference: a price update carries SKUs of one product in `ACTIVATE` status and not in any ongoing
promotion, `price.amount` a string in the shop's currency (IDR); its `data` is always empty, so a refusal is the
whole call's error. Activate / deactivate take ≤20 product ids and answer per product in `data.errors[]`.
Choices the reference leaves open: a product in a promotion answers 12052230 naming the promotion; activation
passes its audit at once (the real one goes through `PENDING`).

Get Product and Partial Edit Product (GetProduct, PartialEditProduct 202309) are served for seller SKU codes, as the
reference describes the edit: updates are per top-level property, so `skus` replaces the product's SKU list —
an existing SKU id the request leaves out is DELETED (`deleted_skus`, counted per product), and an omitted nested
field of a SKU is blanked (no `inventory`: its stock becomes 0; no `seller_sku`: the code becomes empty). A SKU
without its price or its sales attributes is refused, as the API refuses a SKU it cannot list. Creating SKUs (no
id) is not simulated. The edit is approved at once (`audit.status` APPROVED); the real one may re-audit.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.sandbox.tiktokshop_routes import ApiError, active_product

LISTING_IDS = 20
PRICE_MIN = 100
PRICE_MAX = 500_000_000
E_PROMOTION = 12052230
E_NOT_FOUND = 12052004
E_INVALID = 12052011
SELLER_SKU = re.compile(r"^\S{1,50}$")


class CatalogRoutes:
    """Needs `ctx` of the dialect."""

    ctx: Any

    def _prices_update(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            product = active_product(shop, params["id"],
                                     "The product is not in ACTIVATE status: its price cannot be updated.")
            skus = body.get("skus") or []
            if not skus or len(skus) > 100:
                raise ApiError(12052050, "Give 1 to 100 SKUs of this product.")
            own = {tj.sku_id(s): s for s in tj.skus_of(shop, product)}
            plan = []
            for entry in skus:
                sid = str(entry.get("id") or "")
                if sid not in own:
                    raise ApiError(12052556, f"The SKU {sid} does not exist or does not belong to this product.")
                price = entry.get("price") or {}
                if price.get("currency") not in (None, "IDR"):
                    raise ApiError(12052011, "The currency must be IDR.")
                try:
                    amount = Decimal(str(price.get("amount")))
                except InvalidOperation:
                    raise ApiError(12052011, f"SKU {sid}: the price amount is not a number.") from None
                if amount != amount.to_integral_value() or not PRICE_MIN <= amount <= PRICE_MAX:
                    raise ApiError(12052011, f"SKU {sid}: the price must be a whole number of rupiah from "
                                             f"{PRICE_MIN} to {PRICE_MAX}.")
                promotion = shop.promotions.get(own[sid].product_id) or shop.promotions.get(product.product_id)
                if promotion:
                    raise ApiError(E_PROMOTION, f"The product is in an ongoing promotion ({promotion}): "
                                                "its price cannot be updated until the promotion ends.")
                plan.append((own[sid], int(amount)))
            for sku, amount in plan:  # all or nothing: the reference answers for the call, not per SKU
                shop.set_price(sku.product_id, amount)
            return {}

    def _activate(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        return self._listing(body, 1)

    def _deactivate(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        return self._listing(body, 3)

    def _listing(self, body: dict, status: int) -> dict:
        ids = body.get("product_ids")
        if not isinstance(ids, list) or not 1 <= len(ids) <= LISTING_IDS:
            raise ApiError(12052050, f"Give 1 to {LISTING_IDS} product_ids.")
        shop = self.ctx.shop
        errors = []
        with shop.lock:
            shop.tick()
            for raw in ids:
                number = tj.decode(str(raw), tj.PRODUCT_BASE)
                product = shop.products.get(number) if number is not None else None
                if product is None or product.parent_id is not None:
                    errors.append({"code": 12052004, "message": "The product does not exist.",
                                   "detail": {"product_id": str(raw)}})
                    continue
                for item in [product, *(shop.products[c] for c in product.children)]:
                    item.status = status
                    item.updated = shop.clock.now()
                shop.counters[f"listing:{product.product_id}"] += 1
        return {"errors": errors} if errors else {}

    # ---- Get Product, Partial Edit Product ------------------------------------------------------------------
    def _product_of(self, product_id: str) -> Any:
        shop = self.ctx.shop
        number = tj.decode(str(product_id), tj.PRODUCT_BASE)
        product = shop.products.get(number) if number is not None else None
        if product is None or product.parent_id is not None:
            raise ApiError(E_NOT_FOUND, f"Product {product_id} does not exist.")
        return product

    def _product_get(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            product = self._product_of(params["id"])
            return dict(tj.product(shop, product), audit={"status": "APPROVED"}, has_draft=False)

    def _partial_edit(self, params: dict, query: dict, body: dict, headers: Any) -> dict:
        shop = self.ctx.shop
        with shop.lock:
            shop.tick()
            product = self._product_of(params["id"])
            given = body.get("skus")
            if given is None:  # `skus` left out: the SKUs stay as they are
                return {"product_id": tj.tts_product_id(product), "skus": [], "audit": {"status": "APPROVED"}}
            own = {tj.sku_id(s): s for s in tj.skus_of(shop, product)}
            plan = []
            for entry in given if isinstance(given, list) else []:
                sid = str(entry.get("id") or "")
                if not sid:
                    raise ApiError(E_INVALID, "Creating SKUs is not simulated by the sandbox: give each SKU's id.")
                if sid not in own:
                    raise ApiError(12052556, f"The SKU {sid} does not exist or does not belong to this product.")
                plan.append((own[sid], entry))
            if not plan:
                raise ApiError(E_INVALID, "A product must keep at least one SKU.")
            codes = [str(e.get("seller_sku") or "") for _, e in plan]
            for code in codes:
                if code and not SELLER_SKU.match(code):
                    raise ApiError(E_INVALID, f"seller_sku {code!r}: 1-50 characters, no spaces.")
            if len([c for c in codes if c]) != len({c for c in codes if c}):
                raise ApiError(E_INVALID, "Two SKUs of this product have the same seller_sku.")
            for sku, entry in plan:
                price = entry.get("price") or {}
                if price.get("currency") != "IDR" or not str(price.get("amount") or "").isdigit():
                    raise ApiError(E_INVALID, f"SKU {tj.sku_id(sku)}: give its price (amount in IDR).")
                if product.children and not entry.get("sales_attributes"):
                    raise ApiError(E_INVALID, f"SKU {tj.sku_id(sku)}: each SKU must include the same number and "
                                              "type of sales attributes.")
            now = shop.clock.now()
            kept = {sku.product_id for sku, _ in plan}
            for sku in own.values():
                if sku.product_id not in kept:  # left out: deleted, as the reference says
                    product.children.remove(sku.product_id)
                    shop.counters[f"deleted_skus:{product.product_id}"] += 1
                    shop.counters[f"deleted_sku:{sku.product_id}"] += 1
            for sku, entry in plan:
                sku.sku = str(entry.get("seller_sku") or "")
                amount = int(str(entry["price"]["amount"]))
                if amount != sku.price:
                    shop.set_price(sku.product_id, amount)
                stock = {str(i.get("warehouse_id") or ""): int(i.get("quantity") or 0)
                         for i in entry.get("inventory") or [] if isinstance(i, dict)}
                sku.stock = stock.pop(str(shop.warehouse_id), 0)
                sku.other_warehouses = {w: q for w, q in stock.items() if w in sku.other_warehouses}
                sku.updated = now
            product.updated = now
            shop.counters[f"partial_edit:{product.product_id}"] += 1
            return {"product_id": tj.tts_product_id(product),
                    "skus": [{"id": tj.sku_id(sku)} for sku, _ in plan], "audit": {"status": "APPROVED"}}
