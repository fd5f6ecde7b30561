"""The seller's catalogue edits (price, listing on/off per mapped SKU), kept locally and pushed on purpose (issue 23).

An edit is a `CatalogEdit` row, and the row is also the edit's outbox entry (as `StockPush` is for stock):

    draft ──push confirmed──▶ pending ──▶ sent ──answer──▶ accepted | failed
                                            └─ answer lost ─▶ unknown ──read back──▶ accepted | pending (sent again)

* `set_edit` keeps a draft per (channel, SKU, field) with the value the marketplace held before (`old_value`, as
  last pulled), so *undo* can send it back. Nothing is sent until `push` — after the seller saw `summary` (how many
  prices, their lowest and highest change in %, how many listings off / on) and confirmed it.
* Guard rails: a price change beyond ±`max_change_pct` (app setting `price_change_confirm_pct`, 50) or to below
  `price_floor` (app setting, Rp 1.000) is pushed only with a second confirmation (`confirm_large`); rupiah are
  whole numbers.
* `push` holds the channel's "catalog" lease, so a row still `sent` or `unknown` when it starts was left by a
  process that died or lost its answer: it is read back first, and sent again only when the marketplace does not
  hold the new value. The adapters batch within the documented sizes and pace by the rate limit.
* Seller SKU codes are not pushed: neither marketplace offers an edit of just that code (see
  `base.Capabilities.catalog_fields`); `set_edit` says so instead of keeping an edit that could never be sent.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from tokodesk.errors import UserError
from tokodesk.marketplace import base
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
DEFAULT_MAX_CHANGE_PCT = 50
DEFAULT_PRICE_FLOOR = 1_000
PRICE_MAX = 500_000_000
MESSAGE_MAX = 500
# Statuses in which a listing is on, as each adapter reports them (Tokopedia "active", Tokopedia & Shop "ACTIVATE").
LISTED = {"active", "ACTIVATE", "LIVE"}


class NeedsConfirmation(UserError):
    """Large price changes wait for a second, explicit confirmation."""

    exit_code = 3


@dataclass(frozen=True)
class GuardRails:
    max_change_pct: int = DEFAULT_MAX_CHANGE_PCT
    price_floor: int = DEFAULT_PRICE_FLOOR

    @classmethod
    def load(cls) -> GuardRails:
        from tokodesk import config

        def read(key: str) -> int:
            return int(config.APP_SETTINGS[key].coerce(m.AppSetting.read(key)))

        return cls(read("price_change_confirm_pct"), read("price_floor"))

    def why_large(self, old: int | None, new: int) -> str:
        """Why this price change needs a second confirmation ("" when it does not)."""
        if new < self.price_floor:
            return f"below the floor of Rp{self.price_floor:,}".replace(",", ".")
        if old and abs(new - old) * 100 > self.max_change_pct * old:
            return f"{change_pct(old, new):+.0f}% (beyond ±{self.max_change_pct}%)"
        return ""


def change_pct(old: int | None, new: int) -> float:
    return (new - old) * 100.0 / old if old else 0.0


_RUPIAH = re.compile(r"^(?:rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)$", re.I)


def parse_price(text: str | int, what: str = "price") -> int:
    """Whole rupiah: 15000, 15.000 or Rp15.000 (the dot groups thousands, as in Indonesia); nothing else."""
    if isinstance(text, bool):
        raise UserError(f"{what}: give a whole number of rupiah, e.g. 15000")
    if isinstance(text, int):
        value = text
    else:
        raw = str(text).strip().replace(" ", "")
        match = _RUPIAH.match(raw)
        if not match:
            if re.match(r"^(rp\.?)?\d+[.,]\d{1,2}$", raw, re.I):
                raise UserError(f"{what} {text!r}: rupiah are whole numbers (no sen); e.g. 15000 or 15.000")
            raise UserError(f"{what} {text!r} is not a price: give whole rupiah, e.g. 15000 or 15.000")
        value = int(match.group(1).replace(".", ""))
    if value <= 0:
        raise UserError(f"{what} must be more than 0")
    if value > PRICE_MAX:
        raise UserError(f"{what} Rp{value} is above the marketplaces' highest price (Rp{PRICE_MAX})")
    return value


_YES = {"yes", "y", "on", "1", "true", "aktif", "ya"}
_NO = {"no", "n", "off", "0", "false", "nonaktif", "tidak"}


def parse_active(text: str) -> bool:
    word = str(text).strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise UserError(f"listing on/off {text!r}: say yes or no")


def capabilities_of(channel: m.Channel) -> base.Capabilities:
    from tokodesk.services.channels import adapter_factory

    owner = getattr(adapter_factory(channel.marketplace), "__self__", None)
    caps = getattr(owner, "capabilities", None) or getattr(owner, "CAPABILITIES", None)
    if not isinstance(caps, base.Capabilities):
        raise UserError(f"channel {channel.name!r}: its marketplace adapter says nothing about catalogue edits")
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
) -> SetResult:
    """Keep a draft of these changes for every marketplace SKU mapped to `seller_sku` (in `channel` only, if given).

    All or nothing: a SKU the edit cannot apply to raises UserError and nothing is written.
    """
    if price is None and active is None and new_seller_sku is None:
        raise UserError("nothing to change: give --price, --active or --seller-sku")
    targets = _targets(seller_sku, channel)
    if not targets:
        where = f" in channel {channel.name!r}" if channel else ""
        raise UserError(f"no marketplace SKU is mapped to seller SKU {seller_sku!r}{where}: map it first "
                        "('tokodesk mapping', or the SKU mapping tab), then pull the SKUs ('tokodesk sync skus')")
    rails = rails or GuardRails.load()
    wanted = {PRICE: price, ACTIVE: None if active is None else int(active)}
    result = SetResult()
    database = m.CatalogEdit._meta.database
    with database.atomic():
        for mapping, product in targets:
            ch = mapping.channel
            caps = capabilities_of(ch)
            if new_seller_sku is not None and "seller_sku" not in caps.catalog_fields:
                raise UserError(
                    f"{caps.display_name} cannot change only a seller SKU code: its API does it by re-sending the "
                    "whole product, which TokoDesk does not risk. Change it in Seller Center, then pull the SKUs "
                    "('tokodesk sync skus') and map it again.")
            if product is None:
                raise UserError(f"{seller_sku}: marketplace SKU {mapping.product_id} of channel {ch.name!r} was not "
                                "pulled yet, so its current price is unknown: run 'tokodesk sync skus' first")
            for name, value in wanted.items():
                if value is None:
                    continue
                if name not in caps.catalog_fields:
                    raise UserError(f"{caps.display_name} does not let TokoDesk change the {name} of a SKU")
                if name == ACTIVE and caps.listing_per_product:
                    _refuse_partial_listing(ch, product, seller_sku, caps)
                old = product.price if name == PRICE else _listed(product.status)
                if m.CatalogEdit.select().where(
                        (m.CatalogEdit.channel == ch.id) & (m.CatalogEdit.product_id == mapping.product_id)
                        & (m.CatalogEdit.field == name) & (m.CatalogEdit.status.in_(OPEN))).exists():
                    # Two values of one field in flight could land in either order: settle the first one first.
                    raise UserError(f"{seller_sku}: the last push of its {name} is not settled yet (its answer was "
                                    "lost or it waits to be sent): run 'tokodesk catalog push' to settle it first")
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
                why = rails.why_large(old, value) if name == PRICE else ""
                if why:
                    result.large.append(f"{label}: Rp{old} → Rp{value}: {why}")
    return result


def _refuse_partial_listing(ch: m.Channel, product: m.Product, seller_sku: str, caps: base.Capabilities) -> None:
    """The listing switches the whole product: refuse when it has SKUs besides this one (they would switch too)."""
    if not product.parent_id:
        return
    others = list(m.Product.select(m.Product.product_id, m.Product.sku).where(
        (m.Product.channel == ch.id) & (m.Product.parent_id == product.parent_id)
        & (m.Product.product_id != product.product_id) & (m.Product.is_parent == False)))  # noqa: E712
    if others:
        names = ", ".join(o.sku or o.product_id for o in others[:5])
        raise UserError(
            f"{seller_sku}: on {caps.display_name} a listing is switched on or off for the whole product, and this "
            f"product has {len(others)} other SKU(s) ({names}) that would switch too. Switch it in Seller Center, "
            "or set their stock to 0 instead.")


def describe_value(name: str, value: int | None) -> str:
    if value is None:
        return "unknown"
    if name == ACTIVE:
        return "on" if value else "off"
    return f"Rp{value:,}".replace(",", ".")


def drafts(channel: m.Channel) -> list[m.CatalogEdit]:
    return list(m.CatalogEdit.select().where((m.CatalogEdit.channel == channel.id) & (m.CatalogEdit.status == DRAFT))
                .order_by(m.CatalogEdit.id))


def discard_drafts(channel: m.Channel) -> int:
    return m.CatalogEdit.delete().where((m.CatalogEdit.channel == channel.id)
                                        & (m.CatalogEdit.status == DRAFT)).execute()


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
        if self.large:
            out.append(f"  {len(self.large)} large price changes need a second confirmation:")
            out.extend(f"    {line}" for line in self.large[:20])
        return out

    def to_json(self) -> dict:
        return {"channel": self.channel, "prices": self.prices, "lowest_change_pct": self.lowest_pct,
                "highest_change_pct": self.highest_pct, "listings_off": self.listings_off,
                "listings_on": self.listings_on, "large": self.large, "edits": len(self.edit_ids)}


def summarize(channel: m.Channel, edits: Sequence[m.CatalogEdit] | None = None,
              rails: GuardRails | None = None) -> Summary:
    rails = rails or GuardRails.load()
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
        elif e.new_value:
            s.listings_on += 1
        else:
            s.listings_off += 1
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

    @property
    def words(self) -> str:
        head = f"{self.seller_sku} ({self.marketplace_sku}) {self.field} {describe_value(self.field, self.value)}"
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
                "rows": [{"seller_sku": r.seller_sku, "sku": r.marketplace_sku, "field": r.field, "value": r.value,
                          "status": r.status, "message": r.message} for r in self.rows][:500]}


def _row(e: m.CatalogEdit) -> base.CatalogRow:
    return base.CatalogRow(product_id=e.product_id, sku=e.marketplace_sku, parent_id=e.parent_id,
                           price=e.new_value if e.field == PRICE else None,
                           active=bool(e.new_value) if e.field == ACTIVE else None)


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


def _held(product: base.Product, name: str) -> int | None:
    return product.price if name == PRICE else _listed(product.status)


def _remember(channel: m.Channel, e: m.CatalogEdit) -> None:
    """The marketplace holds the edit's value now: so does the local copy of the product."""
    where = (m.Product.channel == channel.id) & (m.Product.product_id == e.product_id)
    if e.field == PRICE:
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
        (applied if _held(product, e.field) == e.new_value else missing).append(e)
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
        raise NeedsConfirmation(
            f"{len(summary.large)} price changes are large ({summary.large[0]}{' …' if len(summary.large) > 1 else ''})"
            ": nothing was sent. Check them, then confirm them on purpose (--confirm-large)")
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
    for name, send in ((PRICE, "update_prices"), (ACTIVE, "set_listings")):
        group = [e for e in todo if e.field == name]
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
                                      fresh.field, fresh.new_value, fresh.status, fresh.message))


# ---------------------------------------------------------------------------------------------------------------
# Undo


def last_push_id(channel: m.Channel) -> str:
    row = (m.CatalogEdit.select(m.CatalogEdit.push_id)
           .where((m.CatalogEdit.channel == channel.id) & (m.CatalogEdit.status == ACCEPTED)
                  & (m.CatalogEdit.push_id != ""))
           .order_by(m.CatalogEdit.push_id.desc()).first())
    return row.push_id if row else ""


def undo_plan(channel: m.Channel, adapter: base.Marketplace) -> tuple[str, list[m.CatalogEdit], list[str]]:
    """The accepted edits of the last push whose value the marketplace still holds, and why others are left alone.

    Reads the products first: a value changed since (in Seller Center) is not overwritten by an undo.
    """
    push_id = last_push_id(channel)
    if not push_id:
        raise UserError(f"{channel.name}: no catalogue push to undo")
    accepted = list(m.CatalogEdit.select().where((m.CatalogEdit.channel == channel.id)
                                                 & (m.CatalogEdit.push_id == push_id)
                                                 & (m.CatalogEdit.status == ACCEPTED)))
    undoable = [e for e in accepted if e.old_value is not None]
    skipped = [f"{e.seller_sku} {e.field}: the value before the push is not known" for e in accepted
               if e.old_value is None]
    held = {p.product_id: p for p in adapter.read_catalog([_row(e) for e in undoable])}  # type: ignore[attr-defined]
    plan = []
    for e in undoable:
        product = held.get(e.product_id)
        now = _held(product, e.field) if product else None
        if now != e.new_value:
            skipped.append(f"{e.seller_sku} {e.field}: the marketplace now holds {describe_value(e.field, now)}, "
                           f"not the pushed {describe_value(e.field, e.new_value)}; left as it is")
            continue
        plan.append(e)
    return push_id, plan, skipped


def undo_last(channel: m.Channel, adapter: base.Marketplace | None = None) -> tuple[PushOutcome, list[str]]:
    """Send the old values of the last push back (they are what the marketplace held: no guard rail applies)."""
    from tokodesk.services.channels import channel_adapter

    with channel_adapter(channel, adapter) as live:
        push_id, plan, skipped = undo_plan(channel, live)
        database = m.CatalogEdit._meta.database
        with database.atomic():
            undo_ids = [
                m.CatalogEdit.create(channel=channel.id, product_id=e.product_id, parent_id=e.parent_id,
                                     marketplace_sku=e.marketplace_sku, seller_sku=e.seller_sku, field=e.field,
                                     old_value=e.new_value, new_value=e.old_value, status=DRAFT, undo_of=push_id).id
                for e in plan
            ]
        if not undo_ids:
            return PushOutcome(channel=channel.name), skipped
        outcome = push(channel, live, edit_ids=undo_ids, confirm_large=True)
    return outcome, skipped
