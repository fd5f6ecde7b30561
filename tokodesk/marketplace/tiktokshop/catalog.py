"""Prices and listing on/off on Tokopedia & Shop (OAS UpdatePrice, ActivateProduct, DeactivateProducts).

Update Price: one call per product, its SKUs (≤100) with `price{amount, currency}`; the product must be `ACTIVATE`
and in no ongoing promotion; `data` is always empty, so an error answers for every SKU of the call. Activate and
Deactivate take ≤20 product ids and name the failed ones in `data.errors[].detail.product_id`; they switch a whole
product (every SKU of it). Calls are sent as non-idempotent: a lost answer comes back per row as `unknown`, and the
caller reads the products back (product search by `sku_ids`, ≤10 a call) before anything is sent again.
"""

from __future__ import annotations

from collections.abc import Sequence

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import (
    AuthError,
    CancelCheck,
    CatalogRow,
    CatalogRowResult,
    MarketplaceError,
    OutcomeUnknown,
    Product,
)
from tokodesk.marketplace.tiktokshop import errors
from tokodesk.marketplace.tiktokshop.products import search_products
from tokodesk.marketplace.tiktokshop.transport import Transport

PRICE_UPDATE = "/product/202309/products/{product_id}/prices/update"
ACTIVATE = "/product/202309/products/activate"
DEACTIVATE = "/product/202309/products/deactivate"
PRICE_SKUS_MAX = 100
LISTING_MAX = 20
SEARCH_SKUS_MAX = 10


# What each call is named in its errors (an answer lost or too large): words the window says in its language.
_UNKNOWN_PRODUCT = said(QT_TRANSLATE_NOOP("Marketplace", "the product of this SKU is not known: pull the products "
                                                        "again"))
_CANCELLED = said(QT_TRANSLATE_NOOP("Marketplace", "not sent: the push was cancelled"))
_W_PRICE_UPDATE = said(QT_TRANSLATE_NOOP("Marketplace", "price update"))
_W_ACTIVATE_PRODUCTS = said(QT_TRANSLATE_NOOP("Marketplace", "activate products"))
_W_DEACTIVATE_PRODUCTS = said(QT_TRANSLATE_NOOP("Marketplace", "deactivate products"))


def _failure(row: CatalogRow, err: MarketplaceError) -> CatalogRowResult:
    return CatalogRowResult(row.product_id, False, str(err), unknown=isinstance(err, OutcomeUnknown))


def update_prices(api: Transport, rows: Sequence[CatalogRow], cancel: CancelCheck | None = None
                  ) -> list[CatalogRowResult]:
    results: dict[int, CatalogRowResult] = {}
    by_product: dict[str, list[int]] = {}
    for index, row in enumerate(rows):
        if not row.parent_id:
            results[index] = CatalogRowResult(row.product_id, False, _UNKNOWN_PRODUCT)
        else:
            by_product.setdefault(row.parent_id, []).append(index)
    for product_id, indexes in by_product.items():
        for start in range(0, len(indexes), PRICE_SKUS_MAX):
            chunk = indexes[start : start + PRICE_SKUS_MAX]
            if cancel is not None and cancel():
                for i in chunk:
                    results[i] = CatalogRowResult(rows[i].product_id, False, _CANCELLED)
                continue
            body = {"skus": [{"id": rows[i].product_id,
                              "price": {"amount": str(int(rows[i].price or 0)), "currency": "IDR"}} for i in chunk]}
            try:
                api.call("POST", PRICE_UPDATE.format(product_id=product_id), body=body, idempotent=False,
                         what=_W_PRICE_UPDATE)
            except AuthError:
                raise
            except MarketplaceError as err:
                for i in chunk:
                    results[i] = _failure(rows[i], err)
                continue
            for i in chunk:
                results[i] = CatalogRowResult(rows[i].product_id, True)
    return [results[i] for i in range(len(rows))]


def set_listings(api: Transport, rows: Sequence[CatalogRow], cancel: CancelCheck | None = None
                 ) -> list[CatalogRowResult]:
    results: dict[int, CatalogRowResult] = {}
    for active, path in ((True, ACTIVATE), (False, DEACTIVATE)):
        by_product: dict[str, list[int]] = {}
        for index, row in enumerate(rows):
            if row.active is active:
                if row.parent_id:
                    by_product.setdefault(row.parent_id, []).append(index)
                else:
                    results[index] = CatalogRowResult(row.product_id, False, _UNKNOWN_PRODUCT)
        products = list(by_product)
        for start in range(0, len(products), LISTING_MAX):
            chunk = products[start : start + LISTING_MAX]
            indexes = [i for p in chunk for i in by_product[p]]
            if cancel is not None and cancel():
                for i in indexes:
                    results[i] = CatalogRowResult(rows[i].product_id, False, _CANCELLED)
                continue
            try:
                data = api.call("POST", path, body={"product_ids": chunk}, idempotent=False,
                                what=_W_ACTIVATE_PRODUCTS if active else _W_DEACTIVATE_PRODUCTS)
            except AuthError:
                raise
            except MarketplaceError as err:
                for i in indexes:
                    results[i] = _failure(rows[i], err)
                continue
            failed: dict[str, str] = {}
            for err in data.get("errors") or []:
                if isinstance(err, dict):
                    pid = str((err.get("detail") or {}).get("product_id") or "")
                    failed[pid] = errors.words_for(str(err.get("code") or ""), str(err.get("message") or ""))
            for p in chunk:
                message = failed.get(p) or failed.get("")
                for i in by_product[p]:
                    results[i] = CatalogRowResult(rows[i].product_id, message is None, message or "")
    return [results.get(i) or CatalogRowResult(r.product_id, False, said(QT_TRANSLATE_NOOP(
        "Marketplace", "neither on nor off was asked")))
            for i, r in enumerate(rows)]


def read_catalog(api: Transport, rows: Sequence[CatalogRow]) -> list[Product]:
    ids = list(dict.fromkeys(r.product_id for r in rows if r.product_id))
    found: list[Product] = []
    for start in range(0, len(ids), SEARCH_SKUS_MAX):
        chunk = set(ids[start : start + SEARCH_SKUS_MAX])
        for product in search_products(api, body={"sku_ids": sorted(chunk)}):
            if product.product_id in chunk:
                found.append(product)
    return found
