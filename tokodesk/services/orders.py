"""The order pull (`pull_orders`, `tokodesk sync orders`) and finding an order by what a packer types.

Storing what the pull reads is order_store.py's job (the one writer of marketplace orders); its public names are
importable from here too, where the rest of TokoDesk has always found them.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

import peewee as pw

from tokodesk import config
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import base
from tokodesk.services.mapping import MappingIndex
from tokodesk.services.order_store import (  # noqa: F401 - re-exported
    LOCAL_STATES,
    MalformedOrder,
    StoreResult,
    _utc,
    apply_remote_order,
    store_orders,
)
from tokodesk.services.prefetch import Prefetch
from tokodesk.services.runs import RunSummary, sync_run
from tokodesk.store import models as m
from tokodesk.store.tx import write_transaction

log = logging.getLogger(__name__)

# A pull that stopped on a marketplace error: the sync health shows the error itself (since when is said there).
PULL_STOPPED = QT_TRANSLATE_NOOP("Refusals", "the order pull stopped at {when}: {error}")

OVERLAP = timedelta(minutes=30)  # re-read the tail of the last window: orders can appear late in a list
DEFAULT_WINDOW = timedelta(days=1)  # resume granularity when the API has no window limit of its own


# --- display key --------------------------------------------------------------------------------------------------


def display_key(order: m.Order, channel: m.Channel | None = None) -> str:
    """What the queue shows and staff type: the invoice number on "orders on invoice number" channels."""
    channel = channel or order.channel
    if channel.orders_on_invoice and order.invoice:
        return order.invoice
    return order.order_id


def find_order(channel: m.Channel, key: str) -> m.Order | None:
    """An order by what a user typed: the invoice number first on invoice channels, else the order id."""
    key = key.strip()
    by_invoice = m.Order.select().where((m.Order.channel == channel.id) & (m.Order.invoice == key)).first()
    by_id = m.Order.get_or_none((m.Order.channel == channel.id) & (m.Order.order_id == key))
    if channel.orders_on_invoice:
        return by_invoice or by_id
    return by_id or by_invoice


# --- the pull -----------------------------------------------------------------------------------------------------


def pull_start(channel: m.Channel, capabilities: base.Capabilities, now: datetime, overlap: timedelta = OVERLAP):
    """max(last successful pull − overlap, the channel's "order sync from"), or the earliest the API serves."""
    from tokodesk.services.channels import default_order_sync_from

    floor = channel.order_sync_from or default_order_sync_from(capabilities, now=now)
    if channel.last_order_pull_to is None:
        return floor
    return max(channel.last_order_pull_to - overlap, floor)


def pull_orders(
    channel: m.Channel,
    adapter: base.Marketplace | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
    *,
    now: datetime | None = None,
    overlap: timedelta = OVERLAP,
    since: datetime | None = None,
) -> RunSummary:
    """`tokodesk sync orders`: pull every order created since the last pull (with an overlap) and store it.

    Each page is stored in its own transaction; `channel.last_order_pull_to` moves only past a window whose every
    page was stored, so an interrupted run (killed, network lost, cancelled) is picked up by the next one.

    `since` is the seller's "fetch again since…" (`sync orders --since`): one run over [since, now], for orders a
    marketplace outage or a wrong setting made the regular pulls miss. It never moves the regular cursor back, and
    it is clamped to what the marketplace still serves (with a note in the run's log).
    """
    from tokodesk.services.channels import history_limit

    # The pull reaches `now` itself, its fraction of a second too (the adapters round a window's end up to cover it).
    now = _utc(now, "now").replace(microsecond=now.microsecond) if now else m.utcnow()
    if since is not None:
        since = _utc(since, "since")
        if since > now + timedelta(minutes=5):
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "--since: {wib} is in the future; give the date the missed "
                                                          "orders were placed, today or earlier"),
                            wib=config.wib(since))
    own_adapter = adapter is None
    if adapter is None:
        from tokodesk.services.channels import adapter_for

        adapter = adapter_for(channel)
    caps = adapter.capabilities
    limit_now = history_limit(caps)
    if since is not None:
        start = max(since, now - limit_now) if limit_now is not None else since
    else:
        start = pull_start(channel, caps, now, overlap)
    asked = since if since is not None else start
    database = m.Order._meta.database
    try:
        with sync_run(channel, "orders", window_from=start, window_to=now) as run:
            summary = run.summary
            limit = history_limit(caps)
            # A minute of grace (as at setup): a channel added with the default "3 days back" and pulled at once
            # lost nothing, and a warning on its first run would be a false alarm in the sync log.
            if limit is not None and asked < now - limit - timedelta(minutes=1):
                summary.add_error(
                    said(QT_TRANSLATE_NOOP(
                            "Refusals", "orders created before {when} are older than {marketplace} serves and "
                                        "were not pulled"), when=config.wib(now - limit),
                         marketplace=caps.display_name),
                    failed=False,
                )
            step = caps.order_window_max or DEFAULT_WINDOW
            index = MappingIndex(channel)
            windows = _windows(start, now, step)
            readers = _WindowReaders(adapter, windows, cancel)
            cursor = start
            held = False  # a window had an order that could not be stored: the next run reads it again
            try:
                if since is None and channel.last_order_pull_to is None and caps.open_orders_by_status:
                    # The first pull: the window reads orders updated since `start`, but an order paid before it and
                    # still to ship (a pre-order, a late one) needs the seller too, and its units are held.
                    opened = adapter.list_open_orders(start, cancel=cancel)  # type: ignore[attr-defined]
                    if not _pull_window(channel, opened, run, index, progress, cancel, database):
                        windows = []
                for number, (cursor, end) in enumerate(windows):  # noqa: B007 - the error names `cursor`
                    if summary.status != "running":
                        break
                    pages = readers.open(number)
                    if getattr(adapter, "concurrent_reads", False):
                        readers.open(number + 1)  # the next window's pages arrive while this one is stored
                    failed_before = summary.failed
                    complete = _pull_window(channel, pages, run, index, progress, cancel, database)
                    readers.close(number)
                    if not complete:
                        break
                    held = held or summary.failed > failed_before
                    behind = channel.last_order_pull_to is None or end > channel.last_order_pull_to
                    if not held and behind:  # a --since run over old windows leaves the cursor where it is
                        m.Channel.update(last_order_pull_to=end).where(m.Channel.id == channel.id).execute()
                        channel.last_order_pull_to = end
            except base.MarketplaceError as exc:
                summary.status = "failed"
                summary.errors.append(said(PULL_STOPPED, when=config.wib(cursor), error=str(exc)))
            finally:
                readers.close_all()
            if summary.status == "running" and caps.packages:
                from tokodesk.services.packages import refresh_combinable

                summary.details["combinable"] = refresh_combinable(channel, adapter)  # one buyer's orders: one parcel?
        _refresh_statistics(database, summary.created)
        return summary
    finally:
        if own_adapter:
            adapter.close()


ANALYZE_AFTER = 500  # orders created by one pull


def _refresh_statistics(database: pw.Database, created: int) -> None:
    """After a big pull into PostgreSQL, let the planner know how large the order tables now are.

    A new database's tables are planned as empty until autovacuum analyzes them (a minute or more later). In that
    window the queue's first load after the first pull of 10,000 orders chose a nested loop over every order line
    for every order, and ran for minutes. ANALYZE of the two tables takes well under a second.
    """
    database = getattr(database, "obj", database)  # the models' DatabaseProxy -> the bound database
    if created < ANALYZE_AFTER or not isinstance(database, pw.PostgresqlDatabase):
        return
    database.execute_sql(f'ANALYZE "{m.Order._meta.table_name}", "{m.OrderLine._meta.table_name}"')


def _windows(start: datetime, now: datetime, step: timedelta) -> list[tuple[datetime, datetime]]:
    windows = []
    cursor = start
    while cursor < now:
        end = min(cursor + step, now)
        windows.append((cursor, end))
        cursor = end
    return windows


class _WindowReaders:
    """Each window's pages read by its own Prefetch thread. The windows are independent of each other, so with an
    adapter that allows it (`concurrent_reads`: its transport paces every thread to the one rate limit) the next
    window is read while this one is stored; the pages are still stored here, one window after the other, on the
    caller's thread: the store keeps one writer."""

    def __init__(self, adapter: base.Marketplace, windows: list[tuple[datetime, datetime]], cancel) -> None:  # noqa: ANN001
        self.adapter, self.windows, self.cancel = adapter, windows, cancel
        self.open_readers: dict[int, Prefetch] = {}

    def open(self, number: int) -> Prefetch | None:
        if number >= len(self.windows):
            return None
        if number not in self.open_readers:
            start, end = self.windows[number]
            pages = self.adapter.list_orders(start.replace(tzinfo=timezone.utc), end.replace(tzinfo=timezone.utc),
                                             cancel=self.cancel)
            self.open_readers[number] = Prefetch(pages)
        return self.open_readers[number]

    def close(self, number: int) -> None:
        reader = self.open_readers.pop(number, None)
        if reader is not None:
            reader.close()

    def close_all(self) -> None:
        for number in list(self.open_readers):
            self.close(number)


def pull_progress(fetched: int, created: int) -> str:
    """An order pull's progress: English for the CLI and the log, the window says it in its language."""
    return said(QT_TRANSLATE_NOOP("Progress", "{fetched} orders read, {created} new"), fetched=fetched, created=created)


def _pull_window(channel, prefetched, run, index, progress, cancel, database) -> bool:  # noqa: ANN001
    """Store every page of one window (its reader); False when cancelled before the window was complete."""
    summary = run.summary
    for page in prefetched:
        # Reads, writes and the lease renewal: a writer from its first statement (store/tx.py says why).
        with write_transaction(database=database):
            result = store_orders(channel, page, index=index)
            summary.fetched += len(page)
            summary.created += result.created
            summary.updated += result.updated
            for order_id, reason in result.failed:
                # No id: not an order but the page (a repeated page, say), and the reason says so.
                summary.add_error(said(QT_TRANSLATE_NOOP(
                        "Refusals", "order {order_id}: {reason}"), order_id=order_id, reason=reason)
                                  if order_id != "?" else reason)
            run.heartbeat()
        if progress:
            progress(summary.fetched, None, pull_progress(summary.fetched, summary.created))
        if cancel and cancel():
            summary.status = "cancelled"
            return False
    if cancel and cancel():
        summary.status = "cancelled"
        return False
    return True
