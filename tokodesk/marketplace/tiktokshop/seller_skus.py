"""Seller SKU codes on Tokopedia & Shop: Get Product, then Partial Edit Product carrying every SKU unchanged.

The reference (OAS PartialEditProduct 202309, `skus[].id`): "Any existing SKU IDs not listed here will result in the
deletion of those SKUs", and updates are per top-level property: "Any omitted nested properties will be overwritten
with blanks". So changing one code means sending the product's whole `skus` list, each SKU with every field it has.
For each row:

1. Get Product; refuse (nothing sent) when the product cannot be carried unchanged: a draft or a version in review
   (the edit would merge with it), a virtual bundle, backorder stock, a SKU field this module does not know, a SKU
   TokoDesk knows that the read did not return, a current code other than the one the seller saw, or a new code
   another SKU of the shop already uses (product search by `seller_skus`).
2. Build the request from that read: every SKU as read, only the target's `seller_sku` replaced.
3. Get Product again and compare: a product that changed between the read and the write is refused.
4. Partial Edit, sent once (non-idempotent): a lost answer comes back as `unknown`, and the caller settles it by
   reading the product back before anything is sent again.

Stock travels in the request as read a moment before; a sale between the compare and the write could be overwritten
by that figure, and TokoDesk's next stock push sets it again from its own count.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import (
    AuthError,
    CancelCheck,
    CatalogRow,
    CatalogRowResult,
    MarketplaceError,
    OutcomeUnknown,
)
from tokodesk.marketplace.tiktokshop.products import SEARCH
from tokodesk.marketplace.tiktokshop.transport import Transport

GET_PRODUCT = "/product/202309/products/{product_id}"
PARTIAL_EDIT = "/product/202309/products/{product_id}/partial_edit"
SKUS_MAX = 100
CODE_MAX = 50

# SKU fields of Get Product that Partial Edit takes back as they are.
_CARRIED = ("id", "seller_sku", "external_sku_id", "identifier_code", "external_urls", "extra_identifier_codes",
            "fees", "list_price", "external_list_prices", "pre_sale", "sku_unit_count")
# Read-only SKU fields of Get Product: not part of the edit, so leaving them out blanks nothing.
_READ_ONLY = ("status_info", "global_listing_policy")


# What each call is named in its errors (an answer lost or too large): words the window says in its language.
_W_PRODUCT = said(QT_TRANSLATE_NOOP("Marketplace", "product"))
_W_PRODUCTS = said(QT_TRANSLATE_NOOP("Marketplace", "products"))
_W_SELLER_SKU_EDIT = said(QT_TRANSLATE_NOOP("Marketplace", "seller SKU edit"))


class Refused(Exception):
    """This product cannot be edited safely; the message says why (nothing was sent)."""


def check_code(code: str) -> str:
    """The reference's rule for `seller_sku`: 1-50 characters, text without spaces. Returns why not ("" when fine)."""
    if not code or len(code) > CODE_MAX:
        return said(QT_TRANSLATE_NOOP("Marketplace", "a seller SKU code has 1 to {most} characters"), most=CODE_MAX)
    if any(c.isspace() for c in code):
        return said(QT_TRANSLATE_NOOP("Marketplace", "a seller SKU code has no spaces"))
    if not code.isprintable():
        return said(QT_TRANSLATE_NOOP("Marketplace", "a seller SKU code has only printable characters"))
    return ""


def _image(raw: Any) -> dict:
    return {"uri": str(raw["uri"])} if isinstance(raw, dict) and raw.get("uri") else {}


def _attribute(raw: dict) -> dict:
    out = {k: str(raw[k]) for k in ("id", "name", "value_id", "value_name") if raw.get(k) not in (None, "")}
    if _image(raw.get("sku_img")):
        out["sku_img"] = _image(raw["sku_img"])
    extra = [_image(i) for i in raw.get("supplementary_sku_images") or [] if _image(i)]
    if extra:
        out["supplementary_sku_images"] = extra
    return out


def carry(sku: dict) -> dict:
    """One SKU of Get Product as Partial Edit takes it, unchanged. Raises Refused for what cannot be carried."""
    sid = str(sku.get("id") or "")
    unknown = sorted(set(sku) - set(_CARRIED) - set(_READ_ONLY) - {"price", "inventory", "sales_attributes",
                                                                    "combined_skus"})
    if unknown:
        raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "SKU {sku} has fields TokoDesk cannot send back unchanged "
                                             "({fields})"), sku=sid, fields=", ".join(unknown)))
    if sku.get("combined_skus"):
        raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "SKU {sku} is a virtual bundle"), sku=sid))
    price = sku.get("price") or {}
    amount = str(price.get("sale_price") or price.get("amount") or "")
    if not amount or not price.get("currency"):
        raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "SKU {sku}: the marketplace did not say its price"),
                           sku=sid))
    out: dict[str, Any] = {k: sku[k] for k in _CARRIED if sku.get(k) not in (None, "", [], {})}
    out["price"] = {"amount": amount, "currency": str(price["currency"])}
    inventory = []
    for entry in sku.get("inventory") or []:
        if entry.get("backorder_quantity") or entry.get("handling_time"):
            raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "SKU {sku} has backorder stock"), sku=sid))
        inventory.append({"warehouse_id": str(entry.get("warehouse_id") or ""), "quantity": int(entry["quantity"])})
    if inventory:
        out["inventory"] = inventory
    attributes = [_attribute(a) for a in sku.get("sales_attributes") or [] if isinstance(a, dict)]
    if attributes:
        out["sales_attributes"] = attributes
    return out


def plan(product: dict, row: CatalogRow) -> dict:
    """The Partial Edit body for `row` from one Get Product answer. Raises Refused (nothing to send) when unsafe."""
    status = str(product.get("status") or "")
    if status in ("FREEZE", "DELETED"):
        raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "the product is {status} on the marketplace"),
                           status=status))
    if product.get("has_draft"):
        raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "the product has an unfinished draft in Seller Center (an "
                                             "edit would merge with it): finish or delete the draft there first")))
    if str((product.get("audit") or {}).get("status") or "") in ("AUDITING", "PENDING"):
        raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "the product is being reviewed by the marketplace: try "
                                             "again once the review is done")))
    skus = [s for s in product.get("skus") or [] if isinstance(s, dict)]
    ids = [str(s.get("id") or "") for s in skus]
    if "" in ids:
        raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "the marketplace returned a SKU without its id")))
    if row.product_id not in ids:
        raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "SKU {sku} is no longer part of this product: pull the "
                                             "SKUs again"), sku=row.product_id))
    missing = [s for s in row.siblings if s not in ids]
    if missing:
        raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "the marketplace did not return {count} SKU(s) TokoDesk "
                                             "knows of this product ({skus}); an edit without them would delete them. "
                                             "Pull the SKUs again"), count=len(missing), skus=", ".join(missing[:5])))
    if len(skus) > SKUS_MAX:
        raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "the product has {count} SKUs, more than one edit takes "
                                             "({most})"), count=len(skus), most=SKUS_MAX))
    body = []
    for sku in skus:
        carried = carry(sku)
        if carried["id"] == row.product_id:
            now = str(sku.get("seller_sku") or "")
            if now != row.old_seller_sku:
                raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "its code on the marketplace is now {now!r}, not "
                                                     "{before!r}: pull the SKUs, then set the code again"),
                                   now=now, before=row.old_seller_sku))
            carried["seller_sku"] = row.seller_sku
        elif str(sku.get("seller_sku") or "") == row.seller_sku:
            raise Refused(said(QT_TRANSLATE_NOOP("Marketplace", "SKU {sku} of this product already has the code "
                                                 "{code!r}"), sku=carried["id"], code=row.seller_sku))
        body.append(carried)
    return {"skus": body}


def _get(api: Transport, product_id: str) -> dict:
    return api.call("GET", GET_PRODUCT.format(product_id=product_id), what=_W_PRODUCT)


def _code_in_use(api: Transport, row: CatalogRow) -> str:
    """Another SKU of the shop that has the new code already ("" when none)."""
    data = api.call("POST", SEARCH, query={"page_size": 10}, body={"seller_skus": [row.seller_sku]},
                    what=_W_PRODUCTS)
    for product in data.get("products") or []:
        for sku in product.get("skus") or []:
            if str(sku.get("seller_sku") or "") == row.seller_sku and str(sku.get("id")) != row.product_id:
                return said(QT_TRANSLATE_NOOP("Marketplace", "SKU {sku} of product {product} ({title})"),
                            sku=sku.get("id"), product=product.get("id"), title=product.get("title") or "")
    return ""


def _edit_one(api: Transport, row: CatalogRow) -> CatalogRowResult:
    why = check_code(row.seller_sku or "")
    if why:
        return CatalogRowResult(row.product_id, False, said(QT_TRANSLATE_NOOP("Marketplace", "{code!r}: {why}"),
                                                            code=row.seller_sku, why=why))
    if not row.parent_id:
        return CatalogRowResult(row.product_id, False, said(QT_TRANSLATE_NOOP(
            "Marketplace", "the product of this SKU is not known: pull the products again")))
    taken = _code_in_use(api, row)
    if taken:
        return CatalogRowResult(row.product_id, False, said(QT_TRANSLATE_NOOP(
            "Marketplace", "the code {code!r} is already used on the marketplace by {taken}: nothing was sent"),
            code=row.seller_sku, taken=taken))
    try:
        body = plan(_get(api, row.parent_id), row)
        again = plan(_get(api, row.parent_id), row)
    except Refused as why_not:
        return CatalogRowResult(row.product_id, False, said(QT_TRANSLATE_NOOP("Marketplace", "{why}; nothing was "
                                                                              "sent"), why=why_not.args[0]))
    if again != body:
        return CatalogRowResult(row.product_id, False, said(QT_TRANSLATE_NOOP(
            "Marketplace", "the product changed on the marketplace while TokoDesk read it (stock, price or SKUs); "
            "nothing was sent: push again")))
    data = api.call("POST", PARTIAL_EDIT.format(product_id=row.parent_id), body=body, idempotent=False,
                    what=_W_SELLER_SKU_EDIT)
    review = str((data.get("audit") or {}).get("status") or "")
    if review == "AUDITING":
        return CatalogRowResult(row.product_id, True, said(QT_TRANSLATE_NOOP(
            "Marketplace", "accepted; the marketplace reviews the product before the new code shows to everyone")))
    return CatalogRowResult(row.product_id, True)


def set_seller_skus(api: Transport, rows: Sequence[CatalogRow], cancel: CancelCheck | None = None
                    ) -> list[CatalogRowResult]:
    """One product edit a row, in order (each reads the product afresh, so two codes of one product both hold)."""
    results = []
    for row in rows:
        if cancel is not None and cancel():
            results.append(CatalogRowResult(row.product_id, False, "not sent: the push was cancelled"))
            continue
        try:
            results.append(_edit_one(api, row))
        except AuthError:
            raise
        except OutcomeUnknown as err:
            results.append(CatalogRowResult(row.product_id, False, str(err), unknown=True))
        except MarketplaceError as err:
            results.append(CatalogRowResult(row.product_id, False, str(err)))
    return results
