"""Reconciliation learns prices (issue 23): prices that differ between TokoDesk and the marketplace.

TokoDesk's price of a SKU is the last one it knows the marketplace accepted from it: the newest accepted price
`CatalogEdit` (a push, or a price taken from the marketplace). A SKU whose price TokoDesk never set has no price of
TokoDesk's to compare (the marketplace's is the only one). A difference means someone changed the price elsewhere
(Seller Center); the daily report lists it (`ReconLine` cause `price_differs`, marketplace price in
`marketplace_qty`, TokoDesk's in `expected_qty`) and it is never fixed automatically: the seller chooses
*take the marketplace's* (`take_marketplace`) or *push mine* (`push_mine`: a draft, sent by the next confirmed push).
"""

from __future__ import annotations

import logging

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, stored_words
from tokodesk.marketplace import base
from tokodesk.services import catalog_rules as cr
from tokodesk.store import models as m

log = logging.getLogger(__name__)

CAUSE = "price_differs"
READ_CHUNK = 100


def my_prices(channel: m.Channel) -> dict[str, m.CatalogEdit]:
    """The newest accepted price edit per SKU of the channel."""
    mine: dict[str, m.CatalogEdit] = {}
    for e in (m.CatalogEdit.select().where((m.CatalogEdit.channel == channel.id) & (m.CatalogEdit.field == cr.PRICE)
                                           & (m.CatalogEdit.status == cr.ACCEPTED)).order_by(m.CatalogEdit.id)):
        mine[e.product_id] = e
    return mine


def price_lines(channel: m.Channel, adapter: base.Marketplace, errors: list[str]) -> list[m.ReconLine]:
    """Unsaved report lines for the prices that differ (empty when the adapter cannot read prices)."""
    caps = getattr(adapter, "capabilities", None)
    if caps is None or "price" not in caps.catalog_fields or not hasattr(adapter, "read_catalog"):
        return []
    mine = my_prices(channel)
    edits = list(mine.values())
    held: dict[str, base.Product] = {}
    for start in range(0, len(edits), READ_CHUNK):
        chunk = edits[start : start + READ_CHUNK]
        try:
            for p in adapter.read_catalog([base.CatalogRow(e.product_id, e.marketplace_sku, e.parent_id)
                                           for e in chunk]):
                held[p.product_id] = p
        except base.AuthError:
            raise
        except base.MarketplaceError as exc:
            errors.append(said(QT_TRANSLATE_NOOP(
                    "Refusals", "could not read the prices of {count} SKUs: {error}"), count=len(chunk),
                               error=str(exc)))
    lines = []
    for pid, e in mine.items():
        product = held.get(pid)
        if product is None or product.price == e.new_value:
            continue
        lines.append(m.ReconLine(product_id=pid, marketplace_sku=e.marketplace_sku, seller_sku=e.seller_sku,
                                 marketplace_qty=product.price, expected_qty=e.new_value,
                                 difference=product.price - e.new_value, cause=CAUSE))
    return lines


def _line(channel: m.Channel, seller_sku: str) -> m.ReconLine:
    report = (m.ReconReport.select().where(m.ReconReport.channel == channel.id)
              .order_by(m.ReconReport.id.desc()).first())
    line = None if report is None else (
        m.ReconLine.select().where((m.ReconLine.report == report.id) & (m.ReconLine.cause == CAUSE)
                                   & (m.ReconLine.seller_sku == seller_sku)).first())
    if line is None:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "the last reconciliation of {name!r} lists no price difference "
                                                      "for {seller_sku!r}: run 'tokodesk recon run' to compare again"),
                        name=channel.name, seller_sku=seller_sku)
    return line


def take_marketplace(channel: m.Channel, seller_sku: str) -> m.ReconLine:
    """The marketplace's price becomes TokoDesk's (nothing is sent)."""
    line = _line(channel, seller_sku)
    mine = my_prices(channel).get(line.product_id)
    taken = said(QT_TRANSLATE_NOOP("Refusals", "taken from the marketplace (reconciliation)"))
    with m.CatalogEdit._meta.database.atomic():
        m.CatalogEdit.create(channel=channel.id, product_id=line.product_id, parent_id=mine.parent_id if mine else "",
                             marketplace_sku=line.marketplace_sku, seller_sku=seller_sku, field=cr.PRICE,
                             old_value=line.expected_qty, new_value=line.marketplace_qty, status=cr.ACCEPTED,
                             message=taken, message_words=stored_words(taken))
        m.Product.update(price=line.marketplace_qty).where((m.Product.channel == channel.id)
                                                           & (m.Product.product_id == line.product_id)).execute()
        line.fixed = True
        line.save()
    return line


def push_mine(channel: m.Channel, seller_sku: str) -> m.CatalogEdit:
    """Keep TokoDesk's price as a draft for this SKU: the next confirmed `catalog push` sends it."""
    line = _line(channel, seller_sku)
    mine = my_prices(channel).get(line.product_id)
    with m.CatalogEdit._meta.database.atomic():
        m.CatalogEdit.delete().where((m.CatalogEdit.channel == channel.id)
                                     & (m.CatalogEdit.product_id == line.product_id)
                                     & (m.CatalogEdit.field == cr.PRICE) & (m.CatalogEdit.status == cr.DRAFT)).execute()
        m.Product.update(price=line.marketplace_qty).where((m.Product.channel == channel.id)
                                                           & (m.Product.product_id == line.product_id)).execute()
        return m.CatalogEdit.create(channel=channel.id, product_id=line.product_id,
                                    parent_id=mine.parent_id if mine else "", marketplace_sku=line.marketplace_sku,
                                    seller_sku=seller_sku, field=cr.PRICE, old_value=line.marketplace_qty,
                                    new_value=line.expected_qty, status=cr.DRAFT)
