"""Catalogue routes of the Tokopedia & Shop dialect (a mixin of `TikTokShopDialect`): Update Price, Activate
Product, Deactivate Products (the OAS operations UpdatePrice, ActivateProduct, DeactivateProducts).

From the reference: a price update carries SKUs of one product in `ACTIVATE` status and not in any ongoing
promotion, `price.amount` a string in the shop's currency (IDR); its `data` is always empty, so a refusal is the
whole call's error. Activate / deactivate take ≤20 product ids and answer per product in `data.errors[]`.
Choices the reference leaves open: a product in a promotion answers 12052230 naming the promotion; activation
passes its audit at once (the real one goes through `PENDING`).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.sandbox.tiktokshop_routes import ApiError, active_product

LISTING_IDS = 20
PRICE_MIN = 100
PRICE_MAX = 500_000_000
E_PROMOTION = 12052230


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
