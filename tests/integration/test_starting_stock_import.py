"""The wizard's "Import a CSV of my counts" on a shop that already has orders (Tokopedia & Shop sandbox).

Seen: the counts were saved, then the first order pull (three days of history) took the orders shipped in those days
off them again: on hand fell below the shelf the seller had just counted, and the next stock push sent the lower
figures to the marketplace, though the wizard promises that connecting a shop never changes its stock."""

from __future__ import annotations

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import channel, client, fresh, sb, shop_now  # noqa: F401 - fixtures
from tokodesk.services import catalog, scheduler, stock_adopt
from tokodesk.store import models as m


def test_imported_counts_are_not_reduced_by_orders_that_shipped_before_them(sb, channel, client):  # noqa: F811
    catalog.pull_skus(channel, client)
    skus = sorted({s for (s,) in m.SkuMapping.select(m.SkuMapping.seller_sku).tuples() if s})
    counts = [(sku, 500) for sku in skus]

    first = stock_adopt.first_count(fresh(channel), stock_adopt.IMPORT, counts, client)
    assert first.ok, first.lines
    # The app's scheduler: the first order pull, then the rest of the day's pulls.
    summary = scheduler.runner("orders")(fresh(channel), client, None, None)
    assert summary.status == "ok", summary.errors
    shipped_before = m.Order.select().where(m.Order.state.in_(("shipped", "delivered", "completed"))).count()
    assert shipped_before, "the shop had shipped orders in the first pull's window"
    on_hand = dict(m.StockItem.select(m.StockItem.seller_sku, m.StockItem.on_hand).tuples())
    assert {sku: on_hand[sku] for sku in skus} == dict(counts), "the shelf as counted: nothing taken off twice"

    # An order that ships after the count still comes off it.
    pulled(sb, fresh(channel), client)
    with sb.shop.lock:
        from tokodesk.sandbox import Status

        # One with a counted SKU: a line of a product without a SKU was mapped to an uncounted one (`pulled`), and
        # nothing comes off a shelf nobody counted. The shop has both kinds waiting; which comes first varies.
        later = next(o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED) if not o.courier.own
                     and sb.dialect.order_status(o) == "AWAITING_SHIPMENT" and o.cancel_request is None
                     and any(line.sku in skus for line in o.lines))
    sb.force_status(later.order_id, Status.SHIPPED)
    scheduler.runner("orders")(fresh(channel), client, None, None)
    moved = [line for line in later.lines if line.sku in skus]
    assert moved
    on_hand = dict(m.StockItem.select(m.StockItem.seller_sku, m.StockItem.on_hand).tuples())
    assert any(on_hand.get(line.sku, 500) < 500 for line in moved), on_hand
