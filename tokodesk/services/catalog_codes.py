"""Seller SKU codes changed from TokoDesk (issue 23): the checks before a new code is kept or sent, and the local
copy following the marketplace once it accepted the code.

A new code is refused before anything is sent when it breaks the marketplace's rule (1-50 characters, no spaces),
when it is already a seller SKU in TokoDesk, or already the code of another listing TokoDesk pulled (any channel).
Only once the marketplace accepted it does the local copy follow: the listing's code, and TokoDesk's own seller SKU
everywhere it is used (the stock item, every mapping, order and return lines, stock movements, edits not sent yet).
"""

from __future__ import annotations

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.store import models as m

CODE_MAX = 50


def code_problem(code: str) -> str:
    """Why `code` cannot be a seller SKU code ("" when it can)."""
    if not code or len(code) > CODE_MAX:
        return said(QT_TRANSLATE_NOOP("Refusals", "a seller SKU code has 1 to {most} characters"), most=CODE_MAX)
    if any(c.isspace() for c in code):
        return said(QT_TRANSLATE_NOOP("Refusals", "a seller SKU code has no spaces"))
    if not code.isprintable():
        return said(QT_TRANSLATE_NOOP("Refusals", "a seller SKU code has only printable characters"))
    if code[0] in "=+-@":
        return said(QT_TRANSLATE_NOOP("Refusals", "a seller SKU code does not start with = + - or @ (a spreadsheet "
                                                  "would run it as a formula)"))
    return ""


def code_in_use(code: str, owner: str = "") -> str:
    """Where `code` is already used locally, in words ("" when it is free). `owner`: the seller SKU whose listings
    get the code (its own listings do not count)."""
    if code != owner and m.StockItem.select().where(m.StockItem.seller_sku == code).exists():
        return said(QT_TRANSLATE_NOOP("Refusals", "{code!r} is already a seller SKU in TokoDesk"), code=code)
    if code != owner and m.SkuMapping.select().where(m.SkuMapping.seller_sku == code).exists():
        return said(QT_TRANSLATE_NOOP("Refusals", "{code!r} is already a seller SKU mapped in TokoDesk"), code=code)
    query = m.Product.select(m.Product.channel, m.Product.product_id, m.Product.name).where(m.Product.sku == code)
    for product in query:
        mapping = m.SkuMapping.get_or_none((m.SkuMapping.channel == product.channel_id)
                                           & (m.SkuMapping.product_id == product.product_id))
        if owner and mapping is not None and mapping.seller_sku == owner:
            continue
        return said(QT_TRANSLATE_NOOP("Refusals", "{code!r} is already the code of another listing ({product_id} "
                                                  "{name})"), code=code, product_id=product.product_id,
                    name=product.name)
    return ""


def check_new_code(seller_sku: str, code: str) -> None:
    """Raise UserError when `code` cannot replace `seller_sku`: nothing is kept."""
    if code == seller_sku:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{seller_sku}: the new seller SKU code is the same as the old "
                                                      "one"), seller_sku=seller_sku)
    problem = code_problem(code)
    if problem:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "new seller SKU {code!r}: {problem}"),
                        code=code, problem=problem)
    used = code_in_use(code)
    if used:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "new seller SKU {used}: choose another code (nothing was kept)"),
                        used=used)


def follow_code(channel_id: int, product_id: str, old_seller_sku: str, new_code: str) -> None:
    """The marketplace accepted `new_code` for this listing: the local copy follows. Call inside a transaction."""
    m.Product.update(sku=new_code).where((m.Product.channel == channel_id)
                                         & (m.Product.product_id == product_id)).execute()
    m.SkuMapping.update(marketplace_sku=new_code, updated_at=m.utcnow()).where(
        (m.SkuMapping.channel == channel_id) & (m.SkuMapping.product_id == product_id)).execute()
    if not old_seller_sku or old_seller_sku == new_code:
        return
    if m.StockItem.select().where(m.StockItem.seller_sku == new_code).exists():
        # Another listing of this seller SKU got the code first and the seller SKU followed already.
        return
    m.StockItem.update(seller_sku=new_code, updated_at=m.utcnow()).where(
        m.StockItem.seller_sku == old_seller_sku).execute()
    m.SkuMapping.update(seller_sku=new_code, updated_at=m.utcnow()).where(
        m.SkuMapping.seller_sku == old_seller_sku).execute()
    m.OrderLine.update(seller_sku=new_code).where(m.OrderLine.seller_sku == old_seller_sku).execute()
    m.ReturnLine.update(seller_sku=new_code).where(m.ReturnLine.seller_sku == old_seller_sku).execute()
    m.StockMovement.update(seller_sku=new_code).where(m.StockMovement.seller_sku == old_seller_sku).execute()
    m.CatalogEdit.update(seller_sku=new_code).where(
        (m.CatalogEdit.seller_sku == old_seller_sku) & m.CatalogEdit.status.in_(("draft", "pending"))).execute()
