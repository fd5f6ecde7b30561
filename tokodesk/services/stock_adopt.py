"""Adopt the marketplace's current stock as the seller's first count (`tokodesk stock adopt`, the wizard's default).

A new channel's SKUs are never counted (on hand None) and so never pushed. A seller whose listings already hold the
right stock says "use the marketplace's stock as my count": each uncounted seller SKU of the channel gets

    on hand = what the marketplace shows for its listings + the units open orders hold (reserved)

The marketplace already took the open orders' units off what it shows, while TokoDesk's available is on hand minus
reserved: adding them back makes the first push send exactly what the marketplace shows, so adopting changes
nothing on the marketplace. Orders awaiting payment are not added back, because TokoDesk does not reserve them
(adding them would make the first push raise the listing by their units).

Decisions:
* only uncounted SKUs, unless `include_counted`: a count the seller typed is never overwritten by surprise;
* where the marketplace keeps several warehouses for a SKU, the figure is the warehouse a push writes
  (`StockLevel.managed`): the others are left as they are by every push;
* a seller SKU listed several times on this channel adopts the sum of its listings only when the push's even split
  of that sum gives each listing back its own figure (6 + 5: yes; 12 + 5 would become 9 + 8: skipped, with the
  reason); one also listed on another channel is skipped too, since one channel's figure says nothing about the
  other's share;
* a SKU whose listing the marketplace did not return, or could not be read, is skipped and stays uncounted;
* refused while the channel's orders were not pulled in the last half hour: the marketplace's figure already lacks
  the units of orders TokoDesk has not seen, so the count would come out low and a later push would lower listings;
* the mapping's `last_pushed_qty` becomes the figure read: the marketplace holds it, so a delta push sends nothing
  until the stock really changes (and never resends a figure a sale made stale in between).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

import peewee as pw

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, words_of
from tokodesk.marketplace import base
from tokodesk.services import inventory
from tokodesk.store import models as m

log = logging.getLogger(__name__)

READ_CHUNK = 50  # listings per read: progress and cancel between reads
ADOPTED = "adopted"  # SkuMapping.last_push_status after an adoption: the figure came from the marketplace


@dataclass
class AdoptedSku:
    seller_sku: str
    marketplace: int  # what its listings show (summed when listed several times)
    held: int  # units open orders hold, added back
    on_hand: int
    listings: int = 1


@dataclass
class SkippedSku:
    seller_sku: str
    reason: str


@dataclass
class AdoptResult:
    channel: str
    adopted: list[AdoptedSku] = field(default_factory=list)
    skipped: list[SkippedSku] = field(default_factory=list)
    already_counted: int = 0  # counted SKUs left as they are (include_counted adopts them too)
    errors: list[str] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors and not self.cancelled

    def to_json(self) -> dict:
        return {
            "channel": self.channel,
            "adopted": len(self.adopted),
            "units_on_marketplace": sum(a.marketplace for a in self.adopted),
            "units_held_by_open_orders": sum(a.held for a in self.adopted),
            "already_counted": self.already_counted,
            "skipped": [{"seller_sku": s.seller_sku, "reason": s.reason} for s in self.skipped],
            "errors": list(self.errors),
            "cancelled": self.cancelled,
            "skus": [{"seller_sku": a.seller_sku, "marketplace": a.marketplace, "held": a.held,
                      "on_hand": a.on_hand, "listings": a.listings} for a in self.adopted],
        }


def uncounted_skus(channel: m.Channel | int) -> list[str]:
    """The channel's mapped seller SKUs nobody counted yet (what "adopt" would take)."""
    query = inventory.uncounted_mappings_query(channel).select(m.SkuMapping.seller_sku).distinct()
    return sorted(s for (s,) in query.tuples())


def _candidates(channel: m.Channel, include_counted: bool) -> tuple[dict[str, list[m.SkuMapping]], int]:
    rows = (
        m.SkuMapping.select(m.SkuMapping, m.StockItem.on_hand.alias("counted_on_hand"))
        .join(m.StockItem, pw.JOIN.LEFT_OUTER, on=(m.StockItem.seller_sku == m.SkuMapping.seller_sku))
        .where((m.SkuMapping.channel == channel.id) & m.SkuMapping.seller_sku.is_null(False))
        .order_by(m.SkuMapping.id)
        .objects()
    )
    by_sku: dict[str, list[m.SkuMapping]] = {}
    counted: set[str] = set()
    for row in rows:
        if row.counted_on_hand is not None and not include_counted:
            counted.add(row.seller_sku)
            continue
        by_sku.setdefault(row.seller_sku, []).append(row)
    return by_sku, len(counted)


def _listed_elsewhere(channel: m.Channel, seller_skus: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    skus = list(seller_skus)
    for start in range(0, len(skus), 500):
        query = (
            m.SkuMapping.select(m.SkuMapping.seller_sku, m.Channel.name)
            .join(m.Channel, on=(m.Channel.id == m.SkuMapping.channel))
            .where(m.SkuMapping.seller_sku.in_(skus[start : start + 500]) & (m.SkuMapping.channel != channel.id))
        )
        found.update(query.tuples())
    return found


def adopt_marketplace_stock(
    channel: m.Channel,
    adapter: base.Marketplace | None = None,
    *,
    include_counted: bool = False,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
) -> AdoptResult:
    """Read the channel's listings and store their stock (+ what open orders hold) as the first count."""
    from tokodesk.services.channels import channel_adapter
    from tokodesk.services.reconciliation import orders_are_stale

    channel = m.Channel.get_by_id(channel.id)  # afresh: an order pull may have run since the caller read it
    if orders_are_stale(channel, m.utcnow()):
        when = QT_TRANSLATE_NOOP("Refusals", "were never pulled") if channel.last_order_pull_to is None else \
            QT_TRANSLATE_NOOP("Refusals", "were not pulled in the last 30 minutes")
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "the orders of channel {name!r} {when}: pull them first "
                                                      "('tokodesk sync orders' or Sync now), so the count includes "
                                                      "what open orders hold; nothing was changed"),
                        name=channel.name, when=when)
    result = AdoptResult(channel=channel.name)
    # Shipped orders first: their units left the shelf and the marketplace's figure, so they are not held any more.
    inventory.take_stock_for_shipped_orders(None)
    by_sku, result.already_counted = _candidates(channel, include_counted)
    elsewhere = _listed_elsewhere(channel, list(by_sku))
    for sku, other in sorted(elsewhere.items()):
        result.skipped.append(SkippedSku(sku, said(QT_TRANSLATE_NOOP(
            "Refusals", "also listed on channel {other!r}: count it yourself (stock set), one channel's figure does "
                        "not give the other's share"), other=other)))
        by_sku.pop(sku)
    if not by_sku:
        return result

    product_ids = [mp.product_id for rows in by_sku.values() for mp in rows]
    read: dict[str, base.StockLevel] = {}
    unreadable: dict[str, str] = {}
    with channel_adapter(channel, adapter) as live:
        for start in range(0, len(product_ids), READ_CHUNK):
            chunk = product_ids[start : start + READ_CHUNK]
            if cancel is not None and cancel():
                result.cancelled = True
                unreadable.update({p: "cancelled before it was read" for p in product_ids[start:]})
                break
            if progress:
                progress(start, len(product_ids), said(
                    QT_TRANSLATE_NOOP("Progress", "reading marketplace stock {first}–{last}"),
                                                        first=start + 1, last=start + len(chunk)))
            try:
                for level in live.read_stock(chunk):
                    read[str(level.product_id)] = level
            except base.AuthError:
                raise
            except base.MarketplaceError as exc:
                unreadable.update({p: said(QT_TRANSLATE_NOOP("Refusals", "could not be read ({error})"), error=str(exc))
                                   for p in chunk})
                result.errors.append(said(QT_TRANSLATE_NOOP("Refusals", "could not read listings {first}…{last}: "
                                                                        "{error}"),
                                          first=chunk[0], last=chunk[-1], error=str(exc)))
    if progress:
        progress(len(product_ids), len(product_ids), said(
            QT_TRANSLATE_NOOP("Progress", "read {count} listings"), count=len(read)))

    held = inventory.reserved_by_sku(list(by_sku))
    chosen: dict[str, tuple[int, list[tuple[int, int]]]] = {}  # seller SKU -> (marketplace total, [(mapping, qty)])
    for sku, rows in by_sku.items():
        problem = next((said(QT_TRANSLATE_NOOP("Refusals", "listing {listing} {why}"),
                             listing=r.marketplace_sku or r.product_id, why=unreadable[r.product_id])
                        for r in rows if r.product_id in unreadable), None)
        if problem is None:
            problem = next((said(QT_TRANSLATE_NOOP("Refusals", "listing {listing} was not found on the marketplace "
                                                               "(deleted or deactivated?): pull the products again, "
                                                               "or count it yourself"),
                                 listing=r.marketplace_sku or r.product_id)
                            for r in rows if r.product_id not in read), None)
        if problem is not None:
            result.skipped.append(SkippedSku(sku, problem))
            continue
        per_listing = [(r.id, max(0, int(read[r.product_id].managed))) for r in rows]
        total = sum(q for _, q in per_listing)
        shares = [inventory.split_pool(total, len(per_listing), rank) for rank in range(1, len(per_listing) + 1)]
        if shares != [q for _, q in per_listing]:
            figures = " + ".join(str(q) for _, q in per_listing)
            result.skipped.append(SkippedSku(sku, said(QT_TRANSLATE_NOOP(
                "Refusals", "listed {times} times ({figures}): the push shares one count evenly ({shares}), which "
                            "would move their stock; count it yourself (stock set)"),
                times=len(rows), figures=figures, shares=" + ".join(map(str, shares)))))
            continue
        chosen[sku] = (total, per_listing)

    database = m.StockItem._meta.database
    now = m.utcnow()
    with database.atomic():
        for sku, (shown, per_listing) in chosen.items():
            on_hand = min(inventory.MAX_QUANTITY, shown + held.get(sku, 0))
            query = m.StockItem.update(on_hand=on_hand, updated_at=now).where(m.StockItem.seller_sku == sku)
            if not include_counted:
                # Another station (or the seller in the window) may have counted it since: that count stands.
                query = query.where(m.StockItem.on_hand.is_null(True))
            if not query.execute():
                if m.StockItem.get_or_none(m.StockItem.seller_sku == sku) is not None:
                    result.skipped.append(SkippedSku(sku, said(QT_TRANSLATE_NOOP("Refusals", "counted meanwhile: "
                                                                                             "that count is kept"))))
                    continue
                m.StockItem.insert(seller_sku=sku, on_hand=on_hand, updated_at=now).execute()
            for mapping_id, qty in per_listing:
                m.SkuMapping.update(marketplace_stock=qty, last_pushed_qty=qty, last_push_status=ADOPTED,
                                    last_push_words=None, updated_at=now).where(m.SkuMapping.id == mapping_id).execute()
            result.adopted.append(AdoptedSku(sku, shown, held.get(sku, 0), on_hand, len(per_listing)))
        if result.adopted:
            # A buffer or a "push 0 below" rule still applies to the adopted figure: let the next push see to it.
            inventory.mark_inventory_dirty(channel)
    log.info("stock adopted from %s: %d SKUs, %d skipped, %d already counted", channel.name, len(result.adopted),
             len(result.skipped), result.already_counted)
    return result


def describe(result: AdoptResult) -> list[str]:
    """The result in lines for a person (the CLI prints them; the window shows the first)."""
    lines = []
    if result.adopted:
        shown = sum(a.marketplace for a in result.adopted)
        held = sum(a.held for a in result.adopted)
        lines.append(f"{len(result.adopted)} SKUs counted from the marketplace's stock of {result.channel}: "
                     f"{shown} units on the marketplace + {held} held by open orders")
    else:
        lines.append(f"no SKU of {result.channel} was adopted")
    if result.already_counted:
        lines.append(f"{result.already_counted} SKUs already counted were kept as they are")
    several = [a for a in result.adopted if a.listings > 1]
    if several:
        lines.append(f"{len(several)} SKUs are listed several times: their count is the sum of their listings "
                     f"({', '.join(a.seller_sku for a in several[:10])}{' …' if len(several) > 10 else ''})")
    for s in result.skipped:
        lines.append(f"not adopted, still not counted: {s.seller_sku}: {s.reason}")
    if result.cancelled:
        lines.append("cancelled: the SKUs not read yet stay not counted")
    return lines


# ---------------------------------------------------------------------------------------------------------------
# The setup wizard's "Starting stock" choice

ADOPT, IMPORT, LATER = "adopt", "import", "later"


@dataclass
class FirstCount:
    """What the wizard's starting-stock step did, in words the page shows."""

    choice: str
    lines: list[str] = field(default_factory=list)
    ok: bool = True
    adopted: AdoptResult | None = None
    counts: list[tuple[str, int]] = field(default_factory=list)  # the counts imported


def reading(kind: str) -> str:
    """What the starting stock is waiting for ("skus" or "orders"), in words the window says in its language."""
    if kind == "skus":
        return said(QT_TRANSLATE_NOOP("Progress", "Reading your products"))
    return said(QT_TRANSLATE_NOOP("Progress", "Reading your open orders"))


def _pull_first(channel: m.Channel, adapter: base.Marketplace | None, progress: base.Progress | None,
                cancel: base.CancelCheck | None) -> str:
    """Pull the products and the orders before the starting stock is set; "" or what did not finish, in words."""
    from tokodesk.services import scheduler

    for kind in ("skus", "orders"):
        if progress:
            progress(0, None, reading(kind))
        summary = scheduler.runner(kind)(channel, adapter, progress, cancel)
        if summary.status != "ok":
            why = "; ".join(summary.errors[:3]) or summary.status
            if kind == "skus":
                return said(QT_TRANSLATE_NOOP("Refusals", "product pull did not finish ({why})"), why=why)
            return said(QT_TRANSLATE_NOOP("Refusals", "order pull did not finish ({why})"), why=why)
    return ""


def first_count(
    channel: m.Channel,
    choice: str,
    counts: Sequence[tuple[str, int]] = (),
    adapter: base.Marketplace | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
) -> FirstCount:
    """The starting stock of a channel just added: adopt the marketplace's stock (after pulling the products and the
    orders it needs), apply a file of counts, or leave every SKU uncounted ("later": nothing is pushed).

    A failure leaves the SKUs uncounted, which is safe: nothing is pushed for them until someone counts them.
    """

    done = FirstCount(choice, counts=list(counts))
    if choice == LATER:
        done.lines.append("Nothing is pushed until you count your SKUs (Inventory tab: type a count, import a CSV, "
                          "or use the marketplace's stock).")
        return done
    if choice == IMPORT:
        # The file is the shelf today: the orders that shipped before it already left it. Read them first, as
        # adopting does, and mark their stock taken, or the first pull would take them off the counts again (and
        # the next push would send the marketplace less than the seller counted).
        failed = _pull_first(channel, adapter, progress, cancel)
        if failed:
            done.ok = False
            done.lines.append(said(QT_TRANSLATE_NOOP("Refusals", "Not imported: the {failed}. Your SKUs stay not "
                                                     "counted and nothing is pushed; import the file again in the "
                                                     "Inventory tab."), failed=failed))
            return done
        inventory.settle_shipped_before_count(channel)
        applied = inventory.set_stock(list(counts))
        done.lines.append(f"{len(counts)} counts imported: {len(applied.updated)} updated, {len(applied.created)} "
                          f"new SKUs, {len(applied.unchanged)} unchanged.")
        return done
    if choice != ADOPT:
        raise ValueError(f"starting stock must be {ADOPT}, {IMPORT} or {LATER}, not {choice!r}")
    failed = _pull_first(channel, adapter, progress, cancel)
    if failed:
        done.ok = False
        done.lines.append(said(QT_TRANSLATE_NOOP("Refusals", "Not adopted: the {failed}. Your SKUs stay not counted "
                                                 "and nothing is pushed; use the marketplace's stock later in the "
                                                 "Inventory tab."), failed=failed))
        return done
    try:
        result = adopt_marketplace_stock(channel, adapter, progress=progress, cancel=cancel)
    except (base.MarketplaceError, UserError) as exc:
        done.ok = False
        done.lines.append(said(QT_TRANSLATE_NOOP("Refusals", "Not adopted: {reason}. Your SKUs stay not counted and "
                                                 "nothing is pushed; use the marketplace's stock later in the "
                                                 "Inventory tab."), reason=words_of(exc) or str(exc)))
        return done
    done.adopted = result
    done.ok = result.ok and not result.skipped
    done.lines.extend(describe(result))
    return done
