"""The seller's catalogue edits (price, listing on/off per mapped SKU), kept locally and pushed on purpose (issue 23).

An edit is a `CatalogEdit` row, and the row is also the edit's outbox entry (as `StockPush` is for stock):

    draft ──push confirmed──▶ pending ──▶ sent ──answer──▶ accepted | failed
                                            └─ answer lost ─▶ unknown ──read back──▶ accepted | pending (sent again)

* `catalog_drafts.set_edit` keeps a draft per (channel, SKU, field) with the value the marketplace held before
  (`old_value`, as last pulled), so *undo* can send it back. Nothing is sent until `push` — after the seller saw
  `summary` (how many prices, their lowest and highest change in %, how many listings off / on) and confirmed it.
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

Here belong the summary the seller confirms and the push itself (claim, send, read back what was lost, follow the
local copy). Keeping and discarding drafts is catalog_drafts.py; the statuses, fields and rules catalog_rules.py.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, stored_words, words_from_store
from tokodesk.marketplace import base
from tokodesk.services import catalog_codes
from tokodesk.services.catalog_drafts import drafts
from tokodesk.services.catalog_rules import (
    ACCEPTED,
    ACTIVE,
    FAILED,
    FIELD_WORDS,
    MESSAGE_MAX,
    PENDING,
    PRICE,
    SELLER_SKU,
    SENT,
    UNKNOWN,
    GuardRails,
    NeedsConfirmation,
    capabilities_of,
    change_pct,
    describe_value,
    large_line,
    listing_of,
)
from tokodesk.store import models as m

log = logging.getLogger(__name__)


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
                s.large.append(large_line(f"{e.seller_sku} ({e.marketplace_sku or e.product_id})", e.old_value,
                                          e.new_value, why))
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
        """The row in marked words (English for the CLI and the run's log; the window says them in its language)."""
        value = self.text if self.field == SELLER_SKU else self.value
        head = said(QT_TRANSLATE_NOOP("Refusals", "{seller_sku} ({sku}) {field} {value}"), seller_sku=self.seller_sku,
                    sku=self.marketplace_sku, field=FIELD_WORDS.get(self.field, self.field),
                    value=describe_value(self.field, value))
        if self.status == ACCEPTED:
            return said(QT_TRANSLATE_NOOP("Refusals", "{row}: Accepted"), row=head)
        if self.status == FAILED:
            return said(QT_TRANSLATE_NOOP("Refusals", "{row}: Failed: {message}"), row=head, message=self.message)
        return said(QT_TRANSLATE_NOOP("Refusals", "{row}: {message}"), row=head, message=self.message or self.status)


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
        # Its words beside it (the window says them again); a message cut to fit keeps none.
        values["message_words"] = stored_words(message) if len(message) <= MESSAGE_MAX else None
    ids = [e.id for e in edits]
    for start in range(0, len(ids), 300):
        m.CatalogEdit.update(**values).where(m.CatalogEdit.id.in_(ids[start : start + 300])).execute()
    for e in edits:
        e.status = status


def _held(product: base.Product, name: str) -> int | str | None:
    if name == SELLER_SKU:
        return product.sku
    return product.price if name == PRICE else listing_of(product.status)


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
    _set(applied, ACCEPTED, said(QT_TRANSLATE_NOOP("Refusals", "confirmed by reading the product back")))
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
            answers[e.id] = base.CatalogRowResult(e.product_id, False, said(QT_TRANSLATE_NOOP(
                "Refusals", "not sent: {reason}"), reason=used))
    for name, send in ((PRICE, "update_prices"), (ACTIVE, "set_listings"), (SELLER_SKU, "set_seller_skus")):
        group = [e for e in todo if e.field == name and e.id not in answers]
        if not group:
            continue
        try:
            results = getattr(live, send)([_row(e) for e in group], cancel=cancel)
        except base.MarketplaceError as exc:
            outcome.error = str(exc)
            results = [base.CatalogRowResult(e.product_id, False, said(QT_TRANSLATE_NOOP(
                "Refusals", "not sent: {reason}"), reason=str(exc))) for e in group]
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
                _set([e], FAILED, answer.message or said(QT_TRANSLATE_NOOP("Refusals",
                                                                           "refused by the marketplace")))
        _set(lost, UNKNOWN, said(QT_TRANSLATE_NOOP("Refusals", "the answer was lost")))
    applied, missing = read_back(channel, live, lost)
    with database.atomic():
        for e in applied:
            _remember(channel, e)
        _set(applied, ACCEPTED, said(QT_TRANSLATE_NOOP("Refusals",
                                                       "answer lost; confirmed by reading the product back")))
        _set(missing, PENDING, said(QT_TRANSLATE_NOOP("Refusals",
                                                      "answer lost and not applied: sent again at the next push")))
    settled = {e.id: e for e in todo}
    for e in todo:
        fresh = m.CatalogEdit.get_by_id(settled[e.id].id)
        message = words_from_store(fresh.message, fresh.message_words) or fresh.message
        outcome.rows.append(RowResult(fresh.id, fresh.seller_sku, fresh.marketplace_sku or fresh.product_id,
                                      fresh.field, fresh.new_value, fresh.status, message, fresh.new_text))
