"""The seller's catalogue edits (price, listing on/off per mapped SKU), kept locally and pushed on purpose (issue 23).

An edit is a `CatalogEdit` row, and the row is also the edit's outbox entry (as `StockPush` is for stock):

    draft ──push confirmed──▶ pending ──▶ sent ──answer──▶ accepted | failed
                                            └─ answer lost ─▶ unknown ──read back──▶ accepted | pending (sent again)

* `set_edit` keeps a draft per (channel, SKU, field) with the value the marketplace held before (`old_value`, as
  last pulled), so *undo* can send it back. Nothing is sent until `push` — after the seller saw `summary` (how many
  prices, their lowest and highest change in %, how many listings off / on) and confirmed it.
* Guard rails: a price change beyond ±`max_change_pct` (channel setting `price_change_confirm_pct`, 50) or to below
  `price_floor` (channel setting, Rp 1.000) is pushed only with a second confirmation (`confirm_large`); rupiah are
  whole numbers.
* `push` holds the channel's "catalog" lease, so a row still `sent` or `unknown` when it starts was left by a
  process that died or lost its answer: it is read back first, and sent again only when the marketplace does not
  hold the new value. The adapters batch within the documented sizes and pace by the rate limit.
* Seller SKU codes (`seller_sku`, the text in `new_text`) go where the marketplace offers them
  (`base.Capabilities.catalog_fields`; Tokopedia & Shop reads the whole product and sends every SKU back unchanged
  but the code). A code already used locally is refused before it is kept and again before it is sent; the local
  copy follows only once the marketplace accepted it (`catalog_codes.follow_code`). Elsewhere `set_edit` says why in
  words instead of keeping an edit that could never be sent.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace import base
from tokodesk.services import catalog_codes
from tokodesk.services.catalog_rules import (  # noqa: F401 - the callers use them from here
    DEFAULT_MAX_CHANGE_PCT,
    DEFAULT_PRICE_FLOOR,
    LISTED,
    MESSAGE_MAX,
    PRICE_MAX,
    GuardRails,
    NeedsConfirmation,
    change_pct,
    parse_active,
    parse_price,
)
from tokodesk.store import models as m

log = logging.getLogger(__name__)

DRAFT = "draft"
PENDING = "pending"
SENT = "sent"
UNKNOWN = "unknown"
ACCEPTED = "accepted"
FAILED = "failed"
OPEN = (PENDING, SENT, UNKNOWN)

PRICE = "price"
ACTIVE = "active"
SELLER_SKU = "seller_sku"


def capabilities_of(channel: m.Channel) -> base.Capabilities:
    from tokodesk.services.channels import adapter_factory

    owner = getattr(adapter_factory(channel.marketplace), "__self__", None)
    caps = getattr(owner, "capabilities", None) or getattr(owner, "CAPABILITIES", None)
    if not isinstance(caps, base.Capabilities):
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "channel {name!r}: its marketplace adapter says nothing about "
                                                      "catalogue edits"), name=channel.name)
    return caps


def _listed(status: str) -> int | None:
    if not status:
        return None
    return 1 if status in LISTED else 0


# ---------------------------------------------------------------------------------------------------------------
# Edits


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
                old = product.price if name == PRICE else _listed(product.status)
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
                    result.large.append(f"{label}: Rp{old} → Rp{value}: {why}")
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


def describe_value(name: str, value: int | str | None) -> str:
    if value is None:
        return "unknown"
    if name == SELLER_SKU:
        return f"code {value}" if value else "no code"
    if name == ACTIVE:
        return "on" if value else "off"
    return f"Rp{value:,}".replace(",", ".")


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
    """One draft as the seller reads it: "KAOS-01 (TK-KAOS-01) price Rp15.000 → Rp12.000"."""
    old = e.old_text if e.field == SELLER_SKU else e.old_value
    new = e.new_text if e.field == SELLER_SKU else e.new_value
    return (f"{e.seller_sku} ({e.marketplace_sku or e.product_id}) {e.field} {describe_value(e.field, old)} → "
            f"{describe_value(e.field, new)}")


# ---------------------------------------------------------------------------------------------------------------
# Summary


@dataclass
class Summary:
    channel: str
    prices: int = 0
    lowest_pct: float | None = None
    highest_pct: float | None = None
    listings_off: int = 0
    listings_on: int = 0
    codes: int = 0  # seller SKU codes
    with_product: int = 0  # other SKUs that switch with a listing that switches its whole product
    large: list[str] = field(default_factory=list)
    edit_ids: list[int] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.edit_ids

    def lines(self) -> list[str]:
        if self.empty:
            return [f"{self.channel}: no catalogue changes to push"]
        out = [f"{self.channel}: catalogue changes to push"]
        if self.prices:
            span = ""
            if self.lowest_pct is not None:
                span = f" (change from {self.lowest_pct:+.0f}% to {self.highest_pct:+.0f}%)"
            out.append(f"  {self.prices} prices{span}")
        if self.listings_off or self.listings_on:
            out.append(f"  {self.listings_off} listings off, {self.listings_on} listings on")
        if self.with_product:
            out.append(f"  (the whole product switches: {self.with_product} other SKUs of those products with them)")
        if self.codes:
            out.append(f"  {self.codes} seller SKU codes")
        if self.large:
            out.append(f"  {len(self.large)} large price changes need a second confirmation:")
            out.extend(f"    {line}" for line in self.large[:20])
        return out

    def to_json(self) -> dict:
        return {"channel": self.channel, "prices": self.prices, "lowest_change_pct": self.lowest_pct,
                "highest_change_pct": self.highest_pct, "listings_off": self.listings_off,
                "listings_on": self.listings_on, "seller_sku_codes": self.codes,
                "switch_with_product": self.with_product, "large": self.large,
                "edits": len(self.edit_ids)}


def summarize(channel: m.Channel, edits: Sequence[m.CatalogEdit] | None = None,
              rails: GuardRails | None = None) -> Summary:
    rails = rails or GuardRails.load(channel)
    edits = drafts(channel) if edits is None else list(edits)
    s = Summary(channel=channel.name, edit_ids=[e.id for e in edits])
    changes = []
    for e in edits:
        if e.field == PRICE:
            s.prices += 1
            if e.old_value:
                changes.append(change_pct(e.old_value, e.new_value))
            why = rails.why_large(e.old_value, e.new_value)
            if why:
                s.large.append(f"{e.seller_sku} ({e.marketplace_sku or e.product_id}): Rp{e.old_value} → "
                               f"Rp{e.new_value}: {why}")
        elif e.field == SELLER_SKU:
            s.codes += 1
        else:
            if e.new_value:
                s.listings_on += 1
            else:
                s.listings_off += 1
            if e.parent_id and capabilities_of(channel).listing_per_product:
                s.with_product += m.Product.select().where(
                    (m.Product.channel == channel.id) & (m.Product.parent_id == e.parent_id)
                    & (m.Product.product_id != e.product_id) & (m.Product.is_parent == False)).count()  # noqa: E712
    if changes:
        s.lowest_pct, s.highest_pct = min(changes), max(changes)
    return s


def _new_push_id() -> str:
    return f"{m.utcnow():%Y%m%d%H%M%S}-{uuid.uuid4().hex[:8]}"


# ---------------------------------------------------------------------------------------------------------------
# Push


@dataclass
class RowResult:
    edit_id: int
    seller_sku: str
    marketplace_sku: str
    field: str
    value: int
    status: str  # accepted | failed | unknown | pending (read back: not applied, sent at the next push)
    message: str = ""
    text: str = ""  # the new seller SKU code

    @property
    def words(self) -> str:
        value = self.text if self.field == SELLER_SKU else self.value
        head = f"{self.seller_sku} ({self.marketplace_sku}) {self.field} {describe_value(self.field, value)}"
        if self.status == ACCEPTED:
            return f"{head}: Accepted"
        if self.status == FAILED:
            return f"{head}: Failed: {self.message}"
        return f"{head}: {self.message or self.status}"


@dataclass
class PushOutcome:
    channel: str
    push_id: str = ""
    summary: Summary | None = None
    resolved: int = 0  # rows left sent/unknown by an earlier push, settled by reading the products back
    rows: list[RowResult] = field(default_factory=list)
    error: str = ""

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    def to_json(self) -> dict:
        return {"channel": self.channel, "push_id": self.push_id,
                "summary": self.summary.to_json() if self.summary else None, "resolved": self.resolved,
                "sent": len(self.rows), "accepted": self.count(ACCEPTED), "failed": self.count(FAILED),
                "unknown": self.count(UNKNOWN), "error": self.error,
                "rows": [{"seller_sku": r.seller_sku, "sku": r.marketplace_sku, "field": r.field,
                          "value": r.text if r.field == SELLER_SKU else r.value,
                          "status": r.status, "message": r.message} for r in self.rows][:500]}


def _row(e: m.CatalogEdit) -> base.CatalogRow:
    code = e.field == SELLER_SKU
    siblings: tuple[str, ...] = ()
    if code and e.parent_id:
        # Every SKU of the product TokoDesk knows: a read that misses one is refused (the edit would delete it).
        siblings = tuple(pid for (pid,) in m.Product.select(m.Product.product_id).where(
            (m.Product.channel == e.channel_id) & (m.Product.parent_id == e.parent_id)
            & (m.Product.is_parent == False)).tuples())  # noqa: E712
    return base.CatalogRow(product_id=e.product_id, sku=e.marketplace_sku, parent_id=e.parent_id,
                           price=e.new_value if e.field == PRICE else None,
                           active=bool(e.new_value) if e.field == ACTIVE else None,
                           seller_sku=e.new_text if code else None, old_seller_sku=e.old_text if code else "",
                           siblings=siblings)


def _set(edits: Sequence[m.CatalogEdit], status: str, message: str | None = None, **extra) -> None:  # noqa: ANN003
    if not edits:
        return
    values = {"status": status, "updated_at": m.utcnow(), **extra}
    if message is not None:
        values["message"] = message[:MESSAGE_MAX]
    ids = [e.id for e in edits]
    for start in range(0, len(ids), 300):
        m.CatalogEdit.update(**values).where(m.CatalogEdit.id.in_(ids[start : start + 300])).execute()
    for e in edits:
        e.status = status


def _held(product: base.Product, name: str) -> int | str | None:
    if name == SELLER_SKU:
        return product.sku
    return product.price if name == PRICE else _listed(product.status)


def _wanted(e: m.CatalogEdit) -> int | str:
    return e.new_text if e.field == SELLER_SKU else e.new_value


def _remember(channel: m.Channel, e: m.CatalogEdit) -> None:
    """The marketplace holds the edit's value now: so does the local copy of the product."""
    where = (m.Product.channel == channel.id) & (m.Product.product_id == e.product_id)
    if e.field == SELLER_SKU:
        catalog_codes.follow_code(channel.id, e.product_id, e.seller_sku, e.new_text)
    elif e.field == PRICE:
        m.Product.update(price=e.new_value).where(where).execute()
    elif capabilities_of(channel).listing_per_product:
        # The whole product switched: every SKU of it, and the product row itself.
        status = "ACTIVATE" if e.new_value else "SELLER_DEACTIVATED"
        if e.parent_id:
            where = (m.Product.channel == channel.id) & ((m.Product.parent_id == e.parent_id)
                                                         | (m.Product.product_id == e.parent_id))
        m.Product.update(status=status).where(where).execute()
    else:
        m.Product.update(status="active" if e.new_value else "inactive").where(where).execute()


def read_back(channel: m.Channel, adapter: base.Marketplace, edits: Sequence[m.CatalogEdit]) -> tuple[list, list]:
    """Settle edits whose answer is not known by reading the products: (applied, not applied). An edit the read
    could not find stays as it is (neither list): when unsure, nothing is sent again."""
    if not edits:
        return [], []
    try:
        held = {p.product_id: p for p in adapter.read_catalog([_row(e) for e in edits])}  # type: ignore[attr-defined]
    except base.MarketplaceError as exc:
        log.warning("catalogue read-back of %s failed: %s", channel.name, exc)
        return [], []
    applied, missing = [], []
    for e in edits:
        product = held.get(e.product_id)
        if product is None:
            continue
        (applied if _held(product, e.field) == _wanted(e) else missing).append(e)
    return applied, missing


def push(
    channel: m.Channel,
    adapter: base.Marketplace | None = None,
    *,
    edit_ids: Sequence[int] | None = None,
    confirm_large: bool = False,
    cancel: base.CancelCheck | None = None,
    rails: GuardRails | None = None,
) -> PushOutcome:
    """Send the channel's drafts (exactly `edit_ids`, the ones the seller saw in the summary, when given).

    Raises NeedsConfirmation, sending nothing, when a large price change is among them and `confirm_large` is off.
    """
    from tokodesk.services import runs
    from tokodesk.services.channels import channel_adapter

    chosen = drafts(channel)
    if edit_ids is not None:
        wanted = set(edit_ids)
        chosen = [e for e in chosen if e.id in wanted]
    summary = summarize(channel, chosen, rails)
    if summary.large and not confirm_large:
        raise NeedsConfirmation(QT_TRANSLATE_NOOP("Refusals", "{n_large} price changes are large ({large}{more}): "
                                                              "nothing was sent. Check them, then confirm them on "
                                                              "purpose (--confirm-large)"),
                                n_large=len(summary.large), large=summary.large[0],
                                more=' …' if len(summary.large) > 1 else '')
    outcome = PushOutcome(channel=channel.name, summary=summary, push_id=_new_push_id())
    with runs.sync_run(channel, "catalog") as run:
        with channel_adapter(channel, adapter) as live:
            _send_all(channel, live, chosen, outcome, cancel)
        run.summary.fetched = len(outcome.rows)
        run.summary.updated = outcome.count(ACCEPTED)
        for r in outcome.rows:
            if r.status == FAILED:
                run.summary.add_error(r.words)
        if outcome.error:
            run.summary.errors.append(outcome.error)
    return outcome


def _send_all(channel: m.Channel, live: base.Marketplace, chosen: Sequence[m.CatalogEdit], outcome: PushOutcome,
              cancel: base.CancelCheck | None) -> None:
    # We hold the lease: a row still sent or unknown belongs to no running push. Read it back before resending.
    leftovers = list(m.CatalogEdit.select().where((m.CatalogEdit.channel == channel.id)
                                                  & (m.CatalogEdit.status.in_((SENT, UNKNOWN)))))
    applied, missing = read_back(channel, live, leftovers)
    for e in applied:
        _remember(channel, e)
    _set(applied, ACCEPTED, "confirmed by reading the product back")
    _set(missing, PENDING, "")
    outcome.resolved = len(applied) + len(missing)
    _set(chosen, PENDING, "", push_id=outcome.push_id)
    todo = list(m.CatalogEdit.select().where((m.CatalogEdit.channel == channel.id)
                                             & (m.CatalogEdit.status == PENDING)).order_by(m.CatalogEdit.id))
    if not todo:
        return
    _set(todo, SENT)  # the intent is on disk before the request leaves
    answers: dict[int, base.CatalogRowResult] = {}
    for e in todo:
        used = catalog_codes.code_in_use(e.new_text, e.seller_sku) if e.field == SELLER_SKU else ""
        if used:  # the code was taken locally since it was kept: refused before it is sent
            answers[e.id] = base.CatalogRowResult(e.product_id, False, f"not sent: {used}")
    for name, send in ((PRICE, "update_prices"), (ACTIVE, "set_listings"), (SELLER_SKU, "set_seller_skus")):
        group = [e for e in todo if e.field == name and e.id not in answers]
        if not group:
            continue
        try:
            results = getattr(live, send)([_row(e) for e in group], cancel=cancel)
        except base.MarketplaceError as exc:
            outcome.error = str(exc)
            results = [base.CatalogRowResult(e.product_id, False, f"not sent: {exc}") for e in group]
        for e, result in zip(group, results, strict=True):
            answers[e.id] = result
    lost = [e for e in todo if answers[e.id].unknown]
    database = m.CatalogEdit._meta.database
    with database.atomic():
        for e in todo:
            answer = answers[e.id]
            if answer.ok:
                _set([e], ACCEPTED, "")
                _remember(channel, e)
            elif not answer.unknown:
                _set([e], FAILED, answer.message or "refused by the marketplace")
        _set(lost, UNKNOWN, "the answer was lost")
    applied, missing = read_back(channel, live, lost)
    with database.atomic():
        for e in applied:
            _remember(channel, e)
        _set(applied, ACCEPTED, "answer lost; confirmed by reading the product back")
        _set(missing, PENDING, "answer lost and not applied: sent again at the next push")
    settled = {e.id: e for e in todo}
    for e in todo:
        fresh = m.CatalogEdit.get_by_id(settled[e.id].id)
        outcome.rows.append(RowResult(fresh.id, fresh.seller_sku, fresh.marketplace_sku or fresh.product_id,
                                      fresh.field, fresh.new_value, fresh.status, fresh.message, fresh.new_text))
