"""Status refresh (`tokodesk sync statuses`): re-read the open orders and follow what changed on the marketplace.

An order pull only sees orders by their creation time, so an order created last week and cancelled by the buyer
today would never be seen again without this. Open means every state except completed, cancelled and returned
(delivered is re-read: it may still turn completed or come back). The orders are read in batches through
`adapter.get_orders`, which uses the fewest calls the API allows; each batch is stored in one transaction through
the same writer as the pull, so every change is an `OrderEvent` and flags the order when it came from outside.
"""

from __future__ import annotations

from tokodesk.marketplace import base
from tokodesk.marketplace.base import OrderState as S
from tokodesk.services.mapping import MappingIndex
from tokodesk.services.orders import store_orders
from tokodesk.services.runs import RunSummary, sync_run
from tokodesk.store import models as m

CLOSED_STATES = (S.COMPLETED.value, S.CANCELLED.value, S.RETURNED.value)
BATCH = 50  # orders per get_orders call from here: progress and cancel in between; the adapter may split further


def open_order_ids(channel: m.Channel) -> list[str]:
    query = (
        m.Order.select(m.Order.order_id)
        .where((m.Order.channel == channel.id) & m.Order.state.not_in(CLOSED_STATES))
        .order_by(m.Order.created_at)
    )
    return [oid for (oid,) in query.tuples()]


def refresh_statuses(
    channel: m.Channel,
    adapter: base.Marketplace | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
) -> RunSummary:
    """Re-read the channel's open orders. `details["changes"]`: [{order_id, from, to, outside}]."""
    own_adapter = adapter is None
    if adapter is None:
        from tokodesk.services.channels import adapter_for

        adapter = adapter_for(channel)
    database = m.Order._meta.database
    try:
        with sync_run(channel, "statuses") as run:
            summary = run.summary
            ids = open_order_ids(channel)
            index = MappingIndex(channel)
            changes: list[dict] = []
            summary.details["changes"] = changes
            try:
                for start in range(0, len(ids), BATCH):
                    if cancel and cancel():
                        summary.status = "cancelled"
                        break
                    wanted = ids[start : start + BATCH]
                    remotes = adapter.get_orders(wanted)
                    with database.atomic():
                        result = store_orders(channel, remotes, index=index)
                        run.heartbeat()
                    summary.fetched += len(remotes)
                    summary.updated += result.updated
                    for order_id, reason in result.failed:
                        summary.add_error(f"order {order_id}: {reason}")
                    seen = {str(getattr(r, "order_id", "")) for r in remotes}
                    for order_id in wanted:
                        if order_id not in seen:
                            summary.add_error(f"order {order_id}: the marketplace did not return it", failed=False)
                    for order_id, old, new, outside in result.status_changes:
                        changes.append({"order_id": order_id, "from": old, "to": new, "outside": outside})
                    if progress:
                        progress(min(start + BATCH, len(ids)), len(ids), f"{summary.fetched} open orders re-read")
            except base.MarketplaceError as exc:
                summary.status = "failed"
                summary.errors.append(f"the status refresh stopped: {exc}")
        return summary
    finally:
        if own_adapter:
            adapter.close()
