"""`tokodesk sync recon`: read the marketplace's stock back, compare it with what TokoDesk computes, report.

Once a day (the scheduler, at the channel's `recon_hour` WIB) and on demand. Every mapped, stocked product is read
with `adapter.read_stock` in chunks; so are the products the last SKU pull found that have no seller SKU (unmapped).
A `ReconReport` gets one `ReconLine` per mismatch, with the likely cause, judged in this order:

* `push_failed` — the last stock push of that product failed (its message is in the push log);
* `sale_not_pulled` — the marketplace shows less than the last value it accepted and orders have not been pulled
  for a while (`last_order_pull_to` older than `SALE_WINDOW`, or never): a sale TokoDesk has not seen yet;
* `edited_on_marketplace` — the marketplace shows something else than the last value it accepted (someone changed it
  in Seller Center, or the marketplace restocked a cancelled order);
* `not_pushed_yet` — the marketplace still shows the last accepted value (or was never pushed): TokoDesk's number
  changed since and the next push sends it;
* `not_found` — the product was not returned by the marketplace (deleted or banned): fix the mapping;
* `unmapped` — a marketplace product with stock but no seller SKU: it sells without TokoDesk reserving anything;
* `not_counted` — mapped, but nobody counted its seller SKU yet: TokoDesk pushes nothing for it, so there is no
  expected figure; the line shows what the marketplace holds (adopt it, or count). Not a mismatch, never fixed.
* `price_differs` — the marketplace's price is not the last one TokoDesk set (services/catalog_recon.py; the figures
  are rupiah): never fixed automatically, the seller takes the marketplace's or pushes TokoDesk's.

With several warehouses per SKU (Tokopedia & Shop), the figure compared is the warehouse a push writes
(`StockLevel.managed`): the others are kept as they are by a push, so comparing their total would be a false alarm.

Auto-fix (the channel's `recon_autofix`, or `--fix`) pushes TokoDesk's current value for the mapped mismatches the
marketplace still lists; a line is `fixed` only when the marketplace accepted that row.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import peewee as pw

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, listed, said, stored_words
from tokodesk.marketplace import base
from tokodesk.services import inventory, stock_push
from tokodesk.store import models as m

log = logging.getLogger(__name__)

READ_CHUNK = 50  # products per read_stock call: progress and cancel between chunks
SALE_WINDOW = timedelta(minutes=30)  # orders pulled less recently than this may hide a sale

CAUSES = {
    "push_failed": "last push failed",
    "sale_not_pulled": "sale not pulled yet",
    "edited_on_marketplace": "changed on the marketplace",
    "not_pushed_yet": "not pushed yet",
    "not_found": "not found on the marketplace",
    "unmapped": "no seller SKU (unmapped)",
    "not_counted": "not counted yet",
    "price_differs": "price differs (figures in Rp)",
}
NOT_MISMATCHES = ("not_counted",)  # reported so the seller sees them, but nothing is wrong to fix
# A price difference waits for the seller's choice (take the marketplace's / push mine): never fixed automatically.
UNFIXABLE = ("unmapped", "not_found", "not_counted", "price_differs")


@dataclass
class ReconOutcome:
    report: m.ReconReport
    lines: list[m.ReconLine] = field(default_factory=list)
    untracked: int = 0
    errors: list[str] = field(default_factory=list)
    push: stock_push.PushOutcome | None = None

    def to_json(self) -> dict:
        r = self.report
        causes: dict[str, int] = {}
        for line in self.lines:
            causes[line.cause] = causes.get(line.cause, 0) + 1
        return {
            "report_id": r.id,
            "status": r.status,
            "checked": r.checked,
            "mismatches": r.mismatches,
            "fixed": r.fixed,
            "untracked": self.untracked,
            "not_counted": causes.get("not_counted", 0),
            "causes": causes,
            "lines": [line_json(x) for x in self.lines[:500]],
        }


def line_json(line: m.ReconLine) -> dict:
    return {
        "product_id": line.product_id,
        "sku": line.marketplace_sku,
        "seller_sku": line.seller_sku,
        "marketplace_qty": line.marketplace_qty,
        "expected_qty": line.expected_qty,
        "difference": line.difference,
        "cause": line.cause,
        "fixed": bool(line.fixed),
    }


def _unmapped_products(channel: m.Channel) -> dict[str, str]:
    """product_id → marketplace SKU of the channel's sellable products without a seller SKU."""
    found: dict[str, str] = {}
    queue = m.SkuMapping.select(m.SkuMapping.product_id, m.SkuMapping.marketplace_sku).where(
        (m.SkuMapping.channel == channel.id) & m.SkuMapping.seller_sku.is_null(True)
    )
    found.update(queue.tuples())
    mapped = m.SkuMapping.select(m.SkuMapping.product_id).where(m.SkuMapping.channel == channel.id)
    never_mapped = m.Product.select(m.Product.product_id, m.Product.sku).where(
        (m.Product.channel == channel.id)
        & (m.Product.is_parent == False)  # noqa: E712 - a variant parent has no stock of its own
        & m.Product.product_id.not_in(mapped)
    )
    found.update(never_mapped.tuples())
    return found


def _last_push_failed(channel: m.Channel, product_ids: Sequence[str]) -> set[str]:
    latest = (
        m.StockPush.select(pw.fn.MAX(m.StockPush.id))
        .where(m.StockPush.channel == channel.id)
        .group_by(m.StockPush.product_id)
    )
    failed = (
        m.StockPush.select(m.StockPush.product_id)
        .where(m.StockPush.id.in_(latest) & (m.StockPush.status == stock_push.FAILED))
        .tuples()
    )
    wanted = set(product_ids)
    return {p for (p,) in failed if p in wanted}


def judge(
    level: inventory.Availability,
    marketplace_qty: int | None,
    *,
    push_failed: bool,
    orders_stale: bool,
) -> str | None:
    """The likely cause of a mismatch, or None when the marketplace shows what TokoDesk expects."""
    if marketplace_qty is None:
        return "not_found"
    if marketplace_qty == level.available:
        return None
    if push_failed or level.last_push_status.startswith(stock_push.FAILED):
        return "push_failed"
    last = level.last_pushed_qty
    if last is not None and marketplace_qty < last and orders_stale:
        return "sale_not_pulled"
    if last is not None and marketplace_qty != last:
        return "edited_on_marketplace"
    if last is None and marketplace_qty < level.available and orders_stale:
        return "sale_not_pulled"
    return "not_pushed_yet"


def orders_are_stale(channel: m.Channel, now: datetime) -> bool:
    pulled_to = channel.last_order_pull_to
    return pulled_to is None or pulled_to < now - SALE_WINDOW


def reconcile(
    channel: m.Channel,
    adapter: base.Marketplace,
    *,
    fix: bool | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
) -> ReconOutcome:
    """Compare, write the report, and fix when asked (`fix=None`: the channel's `recon_autofix`)."""
    fix = channel.recon_autofix if fix is None else fix
    inventory.take_stock_for_shipped_orders(None)
    now = m.utcnow()
    levels: dict[str, inventory.Availability] = {}
    uncounted: dict[str, inventory.Availability] = {}
    for lv in inventory.compute_availability(channel, include_uncounted=True):
        (levels if lv.counted else uncounted)[lv.product_id] = lv
    unmapped = _unmapped_products(channel)
    to_read = list(levels) + list(uncounted) + [p for p in unmapped if p not in levels and p not in uncounted]
    outcome = ReconOutcome(report=m.ReconReport(channel=channel.id, created_at=now))
    outcome.untracked = inventory.untracked_mappings(channel)

    read: dict[str, base.StockLevel] = {}
    unreadable: set[str] = set()
    cancelled = False
    for start in range(0, len(to_read), READ_CHUNK):
        if cancel is not None and cancel():
            cancelled = True
            unreadable.update(to_read[start:])
            break
        chunk = to_read[start : start + READ_CHUNK]
        if progress:
            progress(start, len(to_read), said(
                QT_TRANSLATE_NOOP("Progress", "reading marketplace stock {first}–{last}"),
                                                        first=start + 1, last=start + len(chunk)))
        try:
            for level in adapter.read_stock(chunk):
                read[str(level.product_id)] = level
        except base.AuthError:
            raise
        except base.MarketplaceError as exc:
            # One bad page must not hide the rest of the shop: the products of this chunk are reported unread.
            unreadable.update(chunk)
            outcome.errors.append(said(QT_TRANSLATE_NOOP("Refusals", "could not read products {first}…{last}: {error}"),
                                       first=chunk[0], last=chunk[-1], error=str(exc)))
    if progress:
        progress(len(to_read), len(to_read), said(
            QT_TRANSLATE_NOOP("Progress", "read {count} products"), count=len(read)))

    stale = orders_are_stale(channel, now)
    failed_pushes = _last_push_failed(channel, list(levels))
    lines: list[m.ReconLine] = []
    checked = 0
    for pid, lv in levels.items():
        if pid in unreadable:
            continue
        checked += 1
        level = read.get(pid)
        mqty = level.managed if level is not None else None
        cause = judge(lv, mqty, push_failed=pid in failed_pushes, orders_stale=stale)
        if cause is None:
            continue
        lines.append(
            m.ReconLine(
                product_id=pid,
                marketplace_sku=lv.marketplace_sku,
                seller_sku=lv.seller_sku,
                marketplace_qty=mqty,
                expected_qty=lv.available,
                difference=(mqty - lv.available) if mqty is not None else -lv.available,
                cause=cause,
            )
        )
    for pid, lv in uncounted.items():
        if pid in unreadable:
            continue
        checked += 1
        level = read.get(pid)
        lines.append(
            m.ReconLine(
                product_id=pid,
                marketplace_sku=lv.marketplace_sku,
                seller_sku=lv.seller_sku,
                marketplace_qty=level.managed if level is not None else None,
                expected_qty=None,
                difference=0,
                cause="not_counted",
            )
        )
    for pid, msku in unmapped.items():
        if pid in unreadable or pid in levels or pid in uncounted:
            continue
        checked += 1
        level = read.get(pid)
        if level is None or not level.quantity:
            continue  # unmapped without stock cannot be sold: not worth a line
        lines.append(
            m.ReconLine(
                product_id=pid,
                marketplace_sku=msku or level.sku,
                seller_sku="",
                marketplace_qty=level.quantity,
                expected_qty=None,
                difference=level.quantity,
                cause="unmapped",
            )
        )
    if not cancelled:
        from tokodesk.services import catalog_recon

        lines += catalog_recon.price_lines(channel, adapter, outcome.errors)

    report = outcome.report
    report.checked = checked
    mismatches = [x for x in lines if x.cause not in NOT_MISMATCHES]
    report.mismatches = len(mismatches)
    report.status = "cancelled" if cancelled else (
        "partial" if unreadable else ("mismatches" if mismatches else "ok"))
    _keep_errors(report, outcome.errors)
    database = m.ReconReport._meta.database
    with database.atomic():
        report.save()
        for line in lines:
            line.report = report.id
            line.save()
        _remember_marketplace_stock(channel, read, now)
    outcome.lines = lines

    if fix and not cancelled:
        _fix(channel, adapter, outcome, cancel)
    log.info(
        "reconciliation of %s: %d checked, %d mismatches, %d fixed (report %s)",
        channel.name, report.checked, report.mismatches, report.fixed, report.id,
    )
    return outcome


def _remember_marketplace_stock(channel: m.Channel, read: dict[str, base.StockLevel], now: datetime) -> None:
    by_qty: dict[int, list[str]] = {}
    for pid, level in read.items():
        by_qty.setdefault(level.managed, []).append(pid)
    for qty, pids in by_qty.items():
        for start in range(0, len(pids), 500):
            m.SkuMapping.update(marketplace_stock=qty).where(
                (m.SkuMapping.channel == channel.id) & m.SkuMapping.product_id.in_(pids[start : start + 500])
            ).execute()


def _fix(channel: m.Channel, adapter: base.Marketplace, outcome: ReconOutcome, cancel: base.CancelCheck | None) -> None:
    # An uncounted SKU is never pushed, not even to "fix" it: there is no count to push.
    fixable = [x for x in outcome.lines if x.cause not in UNFIXABLE]
    if not fixable:
        return
    push = stock_push.push_stock(channel, adapter, only=[x.product_id for x in fixable], cancel=cancel)
    outcome.push = push
    accepted = {r.product_id: r.quantity for r in push.rows if r.ok}
    failed = {r.product_id: r.message for r in push.rows if not r.ok}
    database = m.ReconLine._meta.database
    with database.atomic():
        for line in fixable:
            if line.product_id in accepted:
                line.fixed = True
                line.expected_qty = accepted[line.product_id]  # what was pushed (stock may have moved since)
                line.difference = (line.marketplace_qty or 0) - line.expected_qty
                line.save()
            elif line.product_id in failed:
                outcome.errors.append(said(QT_TRANSLATE_NOOP("Refusals", "fix of {sku} failed: {error}"),
                                           sku=line.marketplace_sku or line.product_id,
                                           error=failed[line.product_id]))
        outcome.report.fixed = len(accepted)
        _keep_errors(outcome.report, outcome.errors)
        outcome.report.save()


def _keep_errors(report: m.ReconReport, errors: Sequence[str]) -> None:
    """The report's errors as English (the CLI) and, beside them, their words (the window says them again); a text
    cut to fit keeps no words (they would say more than the text)."""
    text = listed(list(errors), "; ")
    report.error = str(text)[:2000]
    report.error_words = stored_words(text) if len(text) <= 2000 else None


def sync_recon(
    channel: m.Channel,
    adapter: base.Marketplace | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
    *,
    fix: bool | None = None,
):
    """One `recon` sync run (lease + SyncRun). Returns a `runs.RunSummary` whose details carry the report.

    The scheduler runs it only with reconciliation on for the channel; on demand it always runs (it only reads,
    unless fixing is asked for).
    """
    from tokodesk.services import runs

    with runs.sync_run(channel, "recon") as run:
        from tokodesk.services.channels import channel_adapter

        with channel_adapter(channel, adapter) as live:
            outcome = reconcile(channel, live, fix=fix, progress=progress, cancel=cancel)
        s = run.summary
        s.fetched = outcome.report.checked
        s.created = outcome.report.mismatches
        s.updated = outcome.report.fixed
        for error in outcome.errors:
            s.add_error(error)
        s.details.update(outcome.to_json())
        if outcome.report.status == "cancelled":
            s.status = "cancelled"
    return run.summary


def latest_report(channel: m.Channel | None = None) -> m.ReconReport | None:
    query = m.ReconReport.select()
    if channel is not None:
        query = query.where(m.ReconReport.channel == channel.id)
    return query.order_by(m.ReconReport.created_at.desc(), m.ReconReport.id.desc()).first()


def report_lines(report: m.ReconReport) -> list[m.ReconLine]:
    return list(m.ReconLine.select().where(m.ReconLine.report == report.id).order_by(m.ReconLine.id))
