"""`tokodesk sync inventory`: push each mapped SKU's available quantity to the marketplace.

* **delta** (the default): only the SKUs whose available differs from `SkuMapping.last_pushed_qty`, the last value
  the marketplace *accepted*. A row that failed keeps its old `last_pushed_qty`, so the next delta push sends it
  again; a lost answer is the same (an overwrite is idempotent, so resending it is safe).
* **full**: every mapped, counted SKU.

A SKU nobody counted (on hand None) is never pushed, by any path (scheduled, manual, the reconciliation's fix):
the outcome says how many were left out and why (`uncounted`, `note`).

All rows go to the adapter in one call: it batches ≤100 rows a request, paces by the rate limit and resends rows
that came back `ERR_TOO_MANY_REQUEST` after the reset. Each row gets a `StockPush` log row that walks
pending → sent → accepted | failed (+ the marketplace's message); log rows older than 30 days are pruned.
`StockPush` is the outbox of stock updates: the intent is written before the request leaves.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import peewee as pw

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, stored_words
from tokodesk.marketplace import base
from tokodesk.services import inventory
from tokodesk.store import models as m

log = logging.getLogger(__name__)

KEEP_PUSH_LOG = timedelta(days=30)
MESSAGE_MAX = 500
_BULK = 300  # rows per bulk statement: under SQLite's oldest limit of 999 bound variables

PENDING = "pending"
SENT = "sent"
ACCEPTED = "accepted"
FAILED = "failed"


@dataclass
class PushRow:
    product_id: str
    marketplace_sku: str
    seller_sku: str
    quantity: int
    ok: bool = False
    message: str = ""


@dataclass
class PushOutcome:
    method: str
    considered: int = 0  # mapped, stocked SKUs of the channel
    unchanged: int = 0  # delta: already what the marketplace accepted last
    untracked: int = 0  # mapped to a seller SKU nobody counted yet: never pushed
    requests: int = 0
    rows: list[PushRow] = field(default_factory=list)
    error: str = ""  # the whole push failed (auth, unreachable): every row says so too
    cancelled: bool = False
    pruned: int = 0
    read_back: int = 0  # pushed SKUs whose marketplace stock was read again right after the push
    read_back_seconds: float = 0.0  # how long that read took (the benchmark reports it apart from the push)
    read_back_error: str = ""

    @property
    def sent(self) -> int:
        return len(self.rows)

    @property
    def note(self) -> str:
        """Why SKUs were left out, in words for the seller ("" when none was)."""
        if not self.untracked:
            return ""
        return (f"{self.untracked} SKUs left out: never counted, so nothing is pushed for them. Count them "
                "(stock set or import), or use the marketplace's current stock as the count (stock adopt, or "
                "the Inventory tab).")

    @property
    def accepted(self) -> int:
        return sum(1 for r in self.rows if r.ok)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.rows if not r.ok)

    def to_json(self) -> dict:
        return {
            "method": self.method,
            "considered": self.considered,
            "unchanged": self.unchanged,
            "untracked": self.untracked,
            "uncounted": self.untracked,
            "left_out": {"never_counted": self.untracked},
            "note": self.note,
            "sent": self.sent,
            "accepted": self.accepted,
            "failed": self.failed,
            "requests": self.requests,
            "error": self.error,
            "cancelled": self.cancelled,
            "read_back": self.read_back,
            "read_back_error": self.read_back_error,
            "failed_rows": [
                {"product_id": r.product_id, "sku": r.marketplace_sku, "seller_sku": r.seller_sku,
                 "quantity": r.quantity, "message": r.message}
                for r in self.rows if not r.ok
            ][:200],
        }


def prune_push_log(channel: m.Channel | None = None, *, now: datetime | None = None) -> int:
    query = m.StockPush.delete().where(m.StockPush.created_at < (now or m.utcnow()) - KEEP_PUSH_LOG)
    if channel is not None:
        query = query.where(m.StockPush.channel == channel.id)
    return query.execute()


def push_stock(
    channel: m.Channel,
    adapter: base.Marketplace,
    *,
    method: str | None = None,
    only: Sequence[str] | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
) -> PushOutcome:
    """Push the channel's stock; returns what was sent and what the marketplace said per row.

    `only` pushes the current available of exactly these products, changed or not (the reconciliation's
    auto-fix: the marketplace shows something else than the last value it accepted).
    """
    method = method or channel.inventory_method or "delta"
    if method not in ("delta", "full"):
        raise ValueError(f"inventory method must be delta or full, not {method!r}")
    # Settle shipments first (cheap when there are none): on hand stays right even if a caller forgot to.
    inventory.take_stock_for_shipped_orders(None)
    started = m.utcnow()
    outcome = PushOutcome(method=method)
    outcome.pruned = prune_push_log(channel, now=started)
    outcome.untracked = inventory.untracked_mappings(channel)

    levels = inventory.compute_availability(channel, product_ids=list(only) if only is not None else None)
    outcome.considered = len(levels)
    if only is not None or method == "full":
        chosen = [(lv, lv.available) for lv in levels]
    else:
        chosen = [(lv, lv.available) for lv in levels if lv.needs_push]
    outcome.unchanged = outcome.considered - len(chosen)
    if not chosen:
        if only is None:
            inventory.clear_inventory_dirty(channel, if_before=started)
        return outcome

    if progress:
        progress(0, len(chosen), said(QT_TRANSLATE_NOOP("Progress", "pushing {count} stock rows ({method})"),
                                         count=len(chosen), method=method))
    log_ids = _write_pending(channel, chosen, started)
    _set_status(log_ids, SENT)
    warehouses = [channel.warehouse_id] if channel.warehouse_id else []
    stock_rows = [
        base.StockRow(product_id=lv.product_id, sku=lv.marketplace_sku, quantity=qty, sku_id=lv.sku_id,
                      warehouse_ids=list(warehouses))
        for lv, qty in chosen
    ]
    answers: dict[str, base.StockRowResult] = {}
    try:
        result = adapter.update_stock(stock_rows, cancel=cancel)
        outcome.requests = result.requests
        for row in result.rows:
            answers[str(row.product_id)] = row
    except base.MarketplaceError as exc:
        outcome.error = str(exc)
        log.warning("stock push of %s failed: %s", channel.name, exc)
    if cancel is not None and cancel() and len(answers) < len(chosen):
        outcome.cancelled = True

    now = m.utcnow()
    for lv, qty in chosen:
        answer = answers.get(lv.product_id)
        if answer is not None:
            ok, message = bool(answer.ok), answer.message or ""
            if ok and answer.quantity != qty:
                # The adapter echoes what it sent; a different number would mean our bookkeeping is off.
                ok, message = False, said(QT_TRANSLATE_NOOP("Refusals", "marketplace confirmed {confirmed}, not "
                                                                        "{quantity}"),
                                          confirmed=answer.quantity, quantity=qty)
        elif outcome.error:
            ok, message = False, said(QT_TRANSLATE_NOOP("Refusals", "not sent: {error}"), error=outcome.error)
        elif outcome.cancelled:
            ok, message = False, said(QT_TRANSLATE_NOOP("Refusals", "not sent: the push was cancelled"))
        else:
            ok, message = False, said(QT_TRANSLATE_NOOP("Refusals", "no answer from the marketplace for this row"))
        # A message cut to fit is plain text: its words would say more than it.
        message = message if len(message) <= MESSAGE_MAX else message[:MESSAGE_MAX]
        outcome.rows.append(PushRow(lv.product_id, lv.marketplace_sku, lv.seller_sku, qty, ok, message))
    _record_answers(channel, chosen, log_ids, outcome.rows, now)
    if not outcome.cancelled:
        _read_back(channel, adapter, [r.product_id for r in outcome.rows if r.ok], outcome)

    if not outcome.error and not outcome.cancelled and only is None:
        inventory.clear_inventory_dirty(channel, if_before=started)
    if progress:
        progress(len(chosen), len(chosen), said(QT_TRANSLATE_NOOP("Progress", "{accepted} accepted, {failed} failed"),
                                                     accepted=outcome.accepted, failed=outcome.failed))
    log.info(
        "stock push %s (%s): %d sent, %d accepted, %d failed, %d requests",
        channel.name, method, outcome.sent, outcome.accepted, outcome.failed, outcome.requests,
    )
    return outcome


READ_BACK_CHUNK = 500  # the adapter splits further into what one request of its API takes


def _read_back(channel: m.Channel, adapter: base.Marketplace, product_ids: Sequence[str], outcome: PushOutcome) -> None:
    """Read the pushed SKUs' stock again, so "Marketplace stock" is what the marketplace holds now, not what the
    last reconciliation saw. A failed read changes nothing pushed: the column keeps its older figure and says so."""
    started = time.monotonic()
    read: dict[str, int] = {}
    for start in range(0, len(product_ids), READ_BACK_CHUNK):
        try:
            for level in adapter.read_stock(list(product_ids[start : start + READ_BACK_CHUNK])):
                read[str(level.product_id)] = level.managed
        except base.MarketplaceError as exc:
            outcome.read_back_error = f"the stock could not be read back after the push: {exc}"
            log.info("read-back after the push of %s failed: %s", channel.name, exc)
            break
    by_qty: dict[int, list[str]] = {}
    for pid, qty in read.items():
        by_qty.setdefault(qty, []).append(pid)
    database = m.SkuMapping._meta.database
    with database.atomic():
        for qty, pids in by_qty.items():
            for start in range(0, len(pids), _BULK):
                m.SkuMapping.update(marketplace_stock=qty).where(
                    (m.SkuMapping.channel == channel.id) & m.SkuMapping.product_id.in_(pids[start : start + _BULK])
                ).execute()
    outcome.read_back = len(read)
    outcome.read_back_seconds = time.monotonic() - started


def _write_pending(
    channel: m.Channel, chosen: Sequence[tuple[inventory.Availability, int]], now: datetime
) -> list[int]:
    """Insert the pending log rows in bulk; returns their ids in the order of `chosen`.

    The ids are read back inside the same transaction by (channel, this push's timestamp, product id): a product
    appears once per push, and another push's uncommitted rows are not visible (SQLite: the write lock is ours).
    """
    database = m.StockPush._meta.database
    fields = [m.StockPush.channel, m.StockPush.product_id, m.StockPush.marketplace_sku, m.StockPush.seller_sku,
              m.StockPush.quantity, m.StockPush.status, m.StockPush.message, m.StockPush.created_at,
              m.StockPush.updated_at]
    stamp = m.StockPush.created_at.db_value(now)
    rows = [(channel.id, lv.product_id, lv.marketplace_sku, lv.seller_sku, qty, PENDING, "", stamp, stamp)
            for lv, qty in chosen]
    # executemany with the driver's own placeholders: peewee building 5,000 rows of SQL costs more than the insert.
    sql = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
        m.StockPush._meta.table_name,
        ", ".join(f'"{f.column_name}"' for f in fields),
        ", ".join([database.param] * len(fields)),
    )
    with database.atomic():
        cursor = database.cursor()
        cursor.executemany(sql, rows)
        ids = dict(
            m.StockPush.select(m.StockPush.product_id, m.StockPush.id)
            .where((m.StockPush.channel == channel.id) & (m.StockPush.created_at == now)
                   & (m.StockPush.status == PENDING))
            .tuples()
        )
    return [ids[lv.product_id] for lv, _ in chosen]


def _set_status(ids: Sequence[int], status: str, message: str | None = None) -> None:
    values: dict = {"status": status, "updated_at": m.utcnow()}
    if message is not None:
        values["message"], values["message_words"] = message, stored_words(message)
    database = m.StockPush._meta.database
    with database.atomic():
        for start in range(0, len(ids), _BULK):
            m.StockPush.update(**values).where(m.StockPush.id.in_(list(ids[start : start + _BULK]))).execute()


def _record_answers(
    channel: m.Channel,
    chosen: Sequence[tuple[inventory.Availability, int]],
    log_ids: Sequence[int],
    rows: Sequence[PushRow],
    now: datetime,
) -> None:
    database = m.StockPush._meta.database
    accepted = [(lv.mapping_id, row.quantity) for (lv, _), row in zip(chosen, rows, strict=True) if row.ok]
    with database.atomic():
        _set_status([log_id for log_id, row in zip(log_ids, rows, strict=True) if row.ok], ACCEPTED, "")
        # One UPDATE per chunk with a CASE, not one per row: a full push of 5,000 SKUs stays a handful of statements.
        for start in range(0, len(accepted), _BULK):
            chunk = accepted[start : start + _BULK]
            m.SkuMapping.update(
                last_pushed_qty=pw.Case(m.SkuMapping.id, [(mid, qty) for mid, qty in chunk]),
                last_pushed_at=now,
                last_push_status=ACCEPTED,
                last_push_words=None,
                updated_at=now,
            ).where(m.SkuMapping.id.in_([mid for mid, _ in chunk])).execute()
        for (lv, _qty), log_id, row in zip(chosen, log_ids, rows, strict=True):
            if row.ok:
                continue
            words = stored_words(row.message)
            m.StockPush.update(status=FAILED, message=row.message, message_words=words, updated_at=now).where(
                m.StockPush.id == log_id
            ).execute()
            status = f"{FAILED}: {row.message}"
            # The status names the message; its words are the message's (tokodesk/ui/inventory_tab.py).
            m.SkuMapping.update(last_push_status=status[:255], last_push_words=words if len(status) <= 255 else None,
                                updated_at=now).where(
                m.SkuMapping.id == lv.mapping_id
            ).execute()


def last_push(channel: m.Channel, product_id: str) -> m.StockPush | None:
    return (
        m.StockPush.select()
        .where((m.StockPush.channel == channel.id) & (m.StockPush.product_id == product_id))
        .order_by(m.StockPush.id.desc())
        .first()
    )


def sync_inventory(
    channel: m.Channel,
    adapter: base.Marketplace | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
    *,
    method: str | None = None,
):
    """One `inventory` sync run: the lease, a SyncRun row, the push. Returns a `runs.RunSummary`.

    With inventory sync off for the channel nothing happens: the summary's status is "skipped" and its
    details say why (no SyncRun row, no lease).
    """
    from tokodesk.services import runs

    if not channel.inventory_sync:
        message = said(QT_TRANSLATE_NOOP("Refusals", "inventory sync is off for channel '{name}': nothing was pushed "
                                                     "(turn it on in the channel settings to keep the marketplace "
                                                     "stock in line)"), name=channel.name)
        # Said in `errors` too, as the scheduler does for a skipped run, so every printer shows it.
        summary = runs.RunSummary(kind="inventory", channel=channel.name, status="skipped", errors=[message])
        summary.details["message"] = message
        return summary
    with runs.sync_run(channel, "inventory") as run:
        from tokodesk.services.channels import channel_adapter

        with channel_adapter(channel, adapter) as live:
            outcome = push_stock(channel, live, method=method, progress=progress, cancel=cancel)
        s = run.summary
        s.fetched = outcome.considered
        s.updated = outcome.accepted
        for row in outcome.rows:
            if not row.ok:
                s.add_error(said(QT_TRANSLATE_NOOP(
                        "Refusals", "{sku} (seller SKU {seller_sku}) → {quantity}: {message}"),
                                 sku=row.marketplace_sku or row.product_id, seller_sku=row.seller_sku,
                                 quantity=row.quantity, message=row.message))
        if outcome.error and not outcome.rows:
            s.errors.append(outcome.error)
        if outcome.note:
            # Said in the run's log too (the Channel tab shows it under the run), without counting as a failure.
            s.add_error(outcome.note, failed=False)
        s.details.update(outcome.to_json())
        if outcome.cancelled:
            s.status = "cancelled"
        elif outcome.error and outcome.accepted == 0:
            s.status = "failed"
    return run.summary
