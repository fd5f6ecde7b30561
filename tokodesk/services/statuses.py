"""Status refresh (`tokodesk sync statuses`): re-read the open orders and follow what changed on the marketplace.

An order pull only sees orders by their creation time, so an order created last week and cancelled by the buyer
today would never be seen again without this. Open means every state except completed, cancelled and returned
(delivered is re-read: it may still turn completed).

Fewest calls: Tokopedia reads one order a call, while its order list returns up to 100 orders a page with their
current status. So the open orders the list can still serve are re-read by listing their creation span when that
costs fewer calls than reading them one by one; the rest (older, or missing from the list) go through
`adapter.get_orders`, which batches where the API can (TikTok Shop: 50 a call). Every batch is stored in one
transaction through the same writer as the pull, so each change is an `OrderEvent` and flags the order when it
came from outside TokoDesk.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import base
from tokodesk.marketplace.base import OrderState as S
from tokodesk.services.mapping import MappingIndex
from tokodesk.services.orders import store_orders
from tokodesk.services.prefetch import Prefetch
from tokodesk.services.runs import RunHandle, RunSummary, sync_run
from tokodesk.store import models as m
from tokodesk.store.tx import write_transaction

CLOSED_STATES = (S.COMPLETED.value, S.CANCELLED.value, S.RETURNED.value)
# Orders per get_orders call from here: progress and cancel in between. The adapter splits a batch into its API's
# calls and sends them side by side within the rate limit (Tokopedia & Shop: 4 calls of 50 ids at once; the legacy
# API: single reads 16 at once), so a batch of one call's size would read one call at a time.
BATCH = 200
# Orders one call returns, by marketplace: (reading by id, listing). Used only to pick the cheaper way.
CALL_SIZES = {"tokopedia": (1, 100), "tiktokshop": (50, 50)}


def open_orders(channel: m.Channel) -> dict[str, datetime]:
    """Open order id -> created_at, oldest first."""
    query = (
        m.Order.select(m.Order.order_id, m.Order.created_at)
        .where((m.Order.channel == channel.id) & m.Order.state.not_in(CLOSED_STATES))
        .order_by(m.Order.created_at)
    )
    return dict(query.tuples())


def _listing_plan(
    channel: m.Channel, caps: base.Capabilities, wanted: dict[str, datetime], now: datetime
) -> tuple[datetime, list[str]] | None:
    """(start of the span to list, the ids it covers) when listing is cheaper than reading; else None."""
    from tokodesk.services.channels import history_limit

    limit = history_limit(caps)
    floor = now - limit + timedelta(minutes=5) if limit else None  # a margin: the clock moves while we list
    listable = [oid for oid, created in wanted.items() if floor is None or created >= floor]
    if len(listable) < 2:
        return None
    start = min(wanted[oid] for oid in listable)
    read_size, list_size = CALL_SIZES.get(caps.marketplace, (1, 50))
    in_span = m.Order.select().where((m.Order.channel == channel.id) & (m.Order.created_at >= start)).count()
    step = caps.order_window_max or timedelta(days=1)
    windows = math.ceil((now - start) / step)
    list_cost = math.ceil(in_span / list_size) + windows
    read_cost = math.ceil(len(listable) / read_size)
    return (start, listable) if list_cost < read_cost else None


def refresh_statuses(
    channel: m.Channel,
    adapter: base.Marketplace | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
    *,
    now: datetime | None = None,
) -> RunSummary:
    """Re-read the channel's open orders. `details["changes"]`: [{order_id, from, to, outside}]."""
    own_adapter = adapter is None
    if adapter is None:
        from tokodesk.services.channels import adapter_for

        adapter = adapter_for(channel)
    now = now or m.utcnow()
    try:
        with sync_run(channel, "statuses") as run:
            summary = run.summary
            wanted = open_orders(channel)
            summary.details["changes"] = []
            state = _Refresh(channel, run, MappingIndex(channel), progress, len(wanted))
            try:
                remaining = list(wanted)
                plan = _listing_plan(channel, adapter.capabilities, wanted, now)
                if plan is not None:
                    start, listable = plan
                    found = state.by_listing(adapter, set(listable), start, now, cancel)
                    remaining = [oid for oid in wanted if oid not in found]
                if summary.status == "running":
                    state.by_reading(adapter, remaining, cancel)
            except base.MarketplaceError as exc:
                summary.status = "failed"
                summary.errors.append(said(QT_TRANSLATE_NOOP(
                        "Refusals", "the status refresh stopped: {error}"), error=str(exc)))
            if summary.status == "running" and adapter.capabilities.has_booking_code:
                _fill_codes(channel, adapter, summary, cancel)
            if summary.status == "running" and adapter.capabilities.packages:
                from tokodesk.services.packages import refresh_combinable

                summary.details["combinable"] = refresh_combinable(channel, adapter)  # one buyer's orders: one parcel?
        return summary
    finally:
        if own_adapter:
            adapter.close()


def _fill_codes(channel: m.Channel, adapter: base.Marketplace, summary: RunSummary, cancel) -> None:  # noqa: ANN001
    """Accepted orders (here or in Seller Center) get their booking codes now, in bulk: labels never wait for them."""
    from tokodesk.services.booking_codes import fill_booking_codes, lacking_codes

    try:
        summary.details["booking_codes"] = fill_booking_codes(channel, adapter, lacking_codes(channel), cancel)
    except base.MarketplaceError as exc:  # the statuses are stored; the label run will try again
        summary.add_error(said(QT_TRANSLATE_NOOP(
                "Refusals", "booking codes not read: {error}"), error=str(exc)), failed=False)


class _Refresh:
    def __init__(
        self, channel: m.Channel, run: RunHandle, index: MappingIndex, progress: base.Progress | None, total: int
    ) -> None:
        self.channel = channel
        self.run = run
        self.summary = run.summary
        self.index = index
        self.progress = progress
        self.total = total
        self.done = 0

    def store(self, remotes: list) -> None:
        with write_transaction():  # reads, writes and the lease renewal: a writer from its first statement
            result = store_orders(self.channel, remotes, index=self.index)
            self.run.heartbeat()
        s = self.summary
        s.fetched += len(remotes)
        s.updated += result.updated
        for order_id, reason in result.failed:
            s.add_error(said(QT_TRANSLATE_NOOP(
                    "Refusals", "order {order_id}: {reason}"), order_id=order_id, reason=reason))
        for order_id, old, new, outside in result.status_changes:
            s.details["changes"].append({"order_id": order_id, "from": old, "to": new, "outside": outside})
        self.done += len(remotes)
        if self.progress:
            self.progress(min(self.done, self.total), self.total, said(
                QT_TRANSLATE_NOOP("Progress", "{count} open orders re-read"),
                                                                        count=self.done))

    def by_listing(
        self, adapter: base.Marketplace, listable: set[str], start: datetime, now: datetime, cancel
    ) -> set[str]:  # noqa: ANN001
        found: set[str] = set()
        pages = adapter.list_orders(start.replace(tzinfo=timezone.utc), now.replace(tzinfo=timezone.utc), cancel=cancel)
        for page in pages:
            mine = [o for o in page if str(getattr(o, "order_id", "")) in listable]
            found.update(str(o.order_id) for o in mine)
            if mine:
                self.store(mine)
            if cancel and cancel():
                self.summary.status = "cancelled"
                break
        return found

    def by_reading(self, adapter: base.Marketplace, ids: list[str], cancel) -> None:  # noqa: ANN001
        """Read the orders BATCH at a time (the adapter reads a batch in as few calls as its API allows: 50 ids a call,
        or single reads side by side), the next batch while this one is stored."""
        def batches() -> Iterator[tuple[list[str], list]]:
            for start in range(0, len(ids), BATCH):
                if cancel and cancel():
                    return
                wanted = ids[start : start + BATCH]
                yield wanted, adapter.get_orders(wanted)

        stored = 0
        with Prefetch(batches(), depth=1) as read:  # only the reader's thread uses the adapter until it is closed
            for wanted, remotes in read:
                self.store(remotes)
                stored += len(wanted)
                seen = {str(getattr(r, "order_id", "")) for r in remotes}
                for order_id in wanted:
                    if order_id not in seen:
                        self.summary.add_error(said(QT_TRANSLATE_NOOP(
                                "Refusals", "order {order_id}: the marketplace did not "
                                            "return it"), order_id=order_id),
                                               failed=False)
                if stored < len(ids) and cancel and cancel():
                    break
        if stored < len(ids):  # stopped before the last batch
            self.summary.status = "cancelled"
