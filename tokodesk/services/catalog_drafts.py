"""The seller's catalogue edits kept as drafts before a push (issue 23): keeping, listing and discarding them.

Here belong `set_edit` (a draft per channel, SKU and field with the value the marketplace held before, all or
nothing, with its refusals: an unmapped or unpulled SKU, a field the marketplace does not offer, a value still in
flight, a listing switch that takes the whole product along) and the drafts' lists and words. Sending them is
catalog_push.py; the rules and words they share are catalog_rules.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.services import catalog_codes
from tokodesk.services.catalog_rules import (
    ACTIVE,
    DRAFT,
    OPEN,
    PRICE,
    SELLER_SKU,
    GuardRails,
    capabilities_of,
    describe_value,
    large_line,
    listing_of,
)
from tokodesk.store import models as m


@dataclass
class SetResult:
    kept: list[m.CatalogEdit] = field(default_factory=list)  # drafts written or replaced
    unchanged: list[str] = field(default_factory=list)  # "channel product: field already VALUE"
    large: list[str] = field(default_factory=list)  # price changes that will ask for a second confirmation
    with_product: list[str] = field(default_factory=list)  # other SKUs a whole-product listing switch takes along


def _targets(seller_sku: str, channel: m.Channel | None) -> list[tuple[m.SkuMapping, m.Product | None]]:
    query = m.SkuMapping.select().where(m.SkuMapping.seller_sku == seller_sku)
    if channel is not None:
        query = query.where(m.SkuMapping.channel == channel.id)
    found = []
    for mapping in query.order_by(m.SkuMapping.channel, m.SkuMapping.product_id):
        product = m.Product.get_or_none((m.Product.channel == mapping.channel_id)
                                        & (m.Product.product_id == mapping.product_id))
        found.append((mapping, product))
    return found


def set_edit(
    seller_sku: str,
    *,
    price: int | None = None,
    active: bool | None = None,
    new_seller_sku: str | None = None,
    channel: m.Channel | None = None,
    rails: GuardRails | None = None,
    whole_product: bool = False,
) -> SetResult:
    """Keep a draft of these changes for every marketplace SKU mapped to `seller_sku` (in `channel` only, if given).

    All or nothing: a SKU the edit cannot apply to raises UserError and nothing is written. Where a listing switches
    a whole product (Tokopedia & Shop) with other SKUs, WholeProduct is raised naming them unless `whole_product`
    says the seller saw them and wants them switched too.
    """
    if price is None and active is None and new_seller_sku is None:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "nothing to change: give --price, --active or --seller-sku"))
    targets = _targets(seller_sku, channel)
    if not targets:
        where = f" in channel {channel.name!r}" if channel else ""
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "no marketplace SKU is mapped to seller SKU "
                                                      "{seller_sku!r}{where}: map it first ('tokodesk mapping', or "
                                                      "the SKU mapping tab), then pull the SKUs ('tokodesk sync "
                                                      "skus')"), seller_sku=seller_sku, where=where)
    rails_of: dict[int, GuardRails] = {}
    wanted = {PRICE: price, ACTIVE: None if active is None else int(active)}
    if new_seller_sku is not None:
        new_seller_sku = new_seller_sku.strip()
        catalog_codes.check_new_code(seller_sku, new_seller_sku)
    result = SetResult()
    database = m.CatalogEdit._meta.database
    with database.atomic():
        for mapping, product in targets:
            ch = mapping.channel
            caps = capabilities_of(ch)
            if new_seller_sku is not None and SELLER_SKU not in caps.catalog_fields:
                others = "" if channel is not None else (
                    " (to change the code on another channel only, add --channel NAME)")
                raise UserError(QT_TRANSLATE_NOOP("Refusals", "{seller_sku} on channel {name!r}: seller SKU codes "
                                                              "cannot be changed from TokoDesk: "
                                                              "{seller_sku_refusal}{others}"),
                                seller_sku=seller_sku, name=ch.name,
                                seller_sku_refusal=caps.seller_sku_refusal or 'its marketplace does not offer it',
                                others=others)
            if product is None:
                raise UserError(QT_TRANSLATE_NOOP("Refusals", "{seller_sku}: marketplace SKU {product_id} of channel "
                                                              "{name!r} was not pulled yet, so its current price is "
                                                              "unknown: run 'tokodesk sync skus' first"),
                                seller_sku=seller_sku, product_id=mapping.product_id, name=ch.name)
            for name, value in wanted.items():
                if value is None:
                    continue
                if name not in caps.catalog_fields:
                    raise UserError(QT_TRANSLATE_NOOP("Refusals", "{display_name} does not let TokoDesk change the "
                                                                  "{name} of a SKU"),
                                    display_name=caps.display_name, name=name)
                if name == ACTIVE and caps.listing_per_product:
                    others = _other_skus(ch, product)
                    if others and not whole_product:
                        raise WholeProduct(seller_sku, caps.display_name, bool(value), others)
                    result.with_product.extend(others)
                _refuse_unsettled(ch, mapping.product_id, name, seller_sku)
                old = product.price if name == PRICE else listing_of(product.status)
                m.CatalogEdit.delete().where(
                    (m.CatalogEdit.channel == ch.id) & (m.CatalogEdit.product_id == mapping.product_id)
                    & (m.CatalogEdit.field == name) & (m.CatalogEdit.status == DRAFT)).execute()
                label = f"{ch.name} {mapping.marketplace_sku or mapping.product_id}"
                if old == value:
                    result.unchanged.append(f"{label}: {name} is already {describe_value(name, value)}")
                    continue
                edit = m.CatalogEdit.create(
                    channel=ch.id, product_id=mapping.product_id, parent_id=product.parent_id or "",
                    marketplace_sku=mapping.marketplace_sku, seller_sku=seller_sku, field=name, old_value=old,
                    new_value=value, status=DRAFT)
                result.kept.append(edit)
                if ch.id not in rails_of:
                    rails_of[ch.id] = rails or GuardRails.load(ch)
                why = rails_of[ch.id].why_large(old, value) if name == PRICE else ""
                if why:
                    result.large.append(large_line(label, old, value, why))
            if new_seller_sku is not None:
                _keep_code(ch, mapping, product, seller_sku, new_seller_sku, result)
    return result


def _refuse_unsettled(ch: m.Channel, product_id: str, name: str, seller_sku: str) -> None:
    if m.CatalogEdit.select().where(
            (m.CatalogEdit.channel == ch.id) & (m.CatalogEdit.product_id == product_id)
            & (m.CatalogEdit.field == name) & (m.CatalogEdit.status.in_(OPEN))).exists():
        # Two values of one field in flight could land in either order: settle the first one first.
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{seller_sku}: the last push of its {name} is not settled yet "
                                                      "(its answer was lost or it waits to be sent): run 'tokodesk "
                                                      "catalog push' to settle it first"),
                        seller_sku=seller_sku, name=name)


def _keep_code(ch: m.Channel, mapping: m.SkuMapping, product: m.Product, seller_sku: str, code: str,
               result: SetResult) -> None:
    _refuse_unsettled(ch, mapping.product_id, SELLER_SKU, seller_sku)
    m.CatalogEdit.delete().where(
        (m.CatalogEdit.channel == ch.id) & (m.CatalogEdit.product_id == mapping.product_id)
        & (m.CatalogEdit.field == SELLER_SKU) & (m.CatalogEdit.status == DRAFT)).execute()
    label = f"{ch.name} {mapping.marketplace_sku or mapping.product_id}"
    if product.sku == code:
        result.unchanged.append(f"{label}: seller SKU is already {code}")
        return
    result.kept.append(m.CatalogEdit.create(
        channel=ch.id, product_id=mapping.product_id, parent_id=product.parent_id or "",
        marketplace_sku=mapping.marketplace_sku, seller_sku=seller_sku, field=SELLER_SKU, old_value=None,
        new_value=0, old_text=product.sku or "", new_text=code, status=DRAFT))


def _other_skus(ch: m.Channel, product: m.Product) -> list[str]:
    """The product's other SKUs, in words ("code (seller SKU X)"): they switch with this one."""
    if not product.parent_id:
        return []
    rows = (m.Product.select(m.Product.product_id, m.Product.sku, m.Product.name)
            .where((m.Product.channel == ch.id) & (m.Product.parent_id == product.parent_id)
                   & (m.Product.product_id != product.product_id) & (m.Product.is_parent == False))  # noqa: E712
            .order_by(m.Product.id))
    out = []
    for other in rows:
        mapping = m.SkuMapping.get_or_none((m.SkuMapping.channel == ch.id)
                                           & (m.SkuMapping.product_id == other.product_id))
        mine = f", seller SKU {mapping.seller_sku}" if mapping and mapping.seller_sku else ""
        out.append(f"{other.sku or other.product_id} ({other.name}{mine})")
    return out


class WholeProduct(UserError):
    """The listing switches the whole product: the seller confirms the other SKUs named here switch too."""

    def __init__(self, seller_sku: str, marketplace: str, on: bool, others: list[str]) -> None:
        self.seller_sku, self.on, self.others = seller_sku, on, others
        template = QT_TRANSLATE_NOOP("Refusals", "{seller_sku}: on {marketplace} a listing is switched on for the "
                                                 "whole product, so these {n} other SKU(s) of it go on with it: "
                                                 "{others}. To switch the whole product, confirm it "
                                                 "(--whole-product); otherwise set their stock to 0 instead. Nothing "
                                                 "was kept") if on else \
            QT_TRANSLATE_NOOP("Refusals", "{seller_sku}: on {marketplace} a listing is switched off for the whole "
                                          "product, so these {n} other SKU(s) of it go off with it: {others}. To "
                                          "switch the whole product, confirm it (--whole-product); otherwise set "
                                          "their stock to 0 instead. Nothing was kept")
        super().__init__(template, seller_sku=seller_sku, marketplace=marketplace, n=len(others),
                         others="; ".join(others))


def drafts(channel: m.Channel) -> list[m.CatalogEdit]:
    return list(m.CatalogEdit.select().where((m.CatalogEdit.channel == channel.id) & (m.CatalogEdit.status == DRAFT))
                .order_by(m.CatalogEdit.id))


def discard_drafts(channel: m.Channel) -> int:
    return m.CatalogEdit.delete().where((m.CatalogEdit.channel == channel.id)
                                        & (m.CatalogEdit.status == DRAFT)).execute()


def waiting(channel: m.Channel | None = None) -> list[m.CatalogEdit]:
    """The drafts waiting to be pushed, of one channel or of all, oldest first."""
    query = m.CatalogEdit.select().where(m.CatalogEdit.status == DRAFT)
    if channel is not None:
        query = query.where(m.CatalogEdit.channel == channel.id)
    return list(query.order_by(m.CatalogEdit.channel, m.CatalogEdit.id))


def discard(seller_skus: Sequence[str] = (), *, everything: bool = False, channel: m.Channel | None = None,
            edit_ids: Sequence[int] | None = None) -> int:
    """Forget drafts (never an edit already pushed): of these seller SKUs, these edits, or all (`everything`).
    A seller SKU with no draft raises UserError and nothing is discarded."""
    if not (seller_skus or everything or edit_ids):
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "say which drafts to discard: seller SKUs, or --all"))
    query = m.CatalogEdit.delete().where(m.CatalogEdit.status == DRAFT)
    if channel is not None:
        query = query.where(m.CatalogEdit.channel == channel.id)
    if edit_ids is not None:
        query = query.where(m.CatalogEdit.id.in_(list(edit_ids)))
    if seller_skus and not everything:
        kept = {e.seller_sku for e in waiting(channel)}
        unknown = [s for s in seller_skus if s not in kept]
        if unknown:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "no draft to discard for seller SKU {unknown}: 'tokodesk "
                                                          "catalog drafts' lists what is waiting; nothing was "
                                                          "discarded"), unknown=', '.join(unknown))
        query = query.where(m.CatalogEdit.seller_sku.in_(list(seller_skus)))
    return query.execute()


def draft_words(e: m.CatalogEdit) -> str:
    """One draft as the seller reads it: "KAOS-01 (TK-KAOS-01) price Rp 15.000 → Rp 12.000"."""
    old = e.old_text if e.field == SELLER_SKU else e.old_value
    new = e.new_text if e.field == SELLER_SKU else e.new_value
    return (f"{e.seller_sku} ({e.marketplace_sku or e.product_id}) {e.field} {describe_value(e.field, old)} → "
            f"{describe_value(e.field, new)}")
