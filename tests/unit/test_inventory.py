"""Stock arithmetic: on hand, reserved and available through whole order lives, buffers, threshold, shared pools."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.test_inventory_fakes import avail, channel, mapping, order, set_state, stock
from tokodesk.errors import UserError
from tokodesk.services import inventory
from tokodesk.store import models as m


@pytest.fixture
def database(any_database):
    """Stock arithmetic is queries and conditional updates: run it on SQLite and on PostgreSQL."""
    return any_database


def on_hand(sku: str) -> int:
    return m.StockItem.get(m.StockItem.seller_sku == sku).on_hand


def test_pull_pack_ship_reserves_then_takes_stock_once(database):
    ch = channel()
    mapping(ch, "P1", "KAOS-M")
    stock("KAOS-M", 10)
    assert avail(ch) == {"P1": 10}

    o = order(ch, "new", [("KAOS-M", 3)])  # pulled
    assert inventory.reserved_by_sku() == {"KAOS-M": 3}
    assert avail(ch) == {"P1": 7}
    assert on_hand("KAOS-M") == 10

    for state in ("acknowledged", "packed", "ready_to_ship"):
        set_state(o, state)
        assert avail(ch) == {"P1": 7}, state
        assert on_hand("KAOS-M") == 10

    set_state(o, "awaiting_pickup")
    # Shipped but not yet taken off on hand: still held, so nothing can be offered twice in between.
    assert avail(ch) == {"P1": 7}
    assert inventory.take_stock_for_shipped_orders(ch) == 1
    assert on_hand("KAOS-M") == 7
    assert inventory.reserved_by_sku() == {}
    assert avail(ch) == {"P1": 7}
    assert m.Order.get_by_id(o.id).stock_taken is True

    # A second call (or a second station) takes nothing more; nor do later shipped states.
    assert inventory.take_stock_for_shipped_orders(ch) == 0
    set_state(o, "delivered")
    assert inventory.take_stock_for_shipped_orders(None) == 0
    assert on_hand("KAOS-M") == 7


def test_a_batch_shipped_together_takes_each_skus_total_once_and_leaves_uncounted_ones_unknown(database):
    """A batch ship settles all its orders' SKUs in one statement: each SKU loses exactly the sum of its lines over
    the shipped orders, an uncounted SKU stays uncounted, an order not shipped takes nothing."""
    ch = channel()
    stock("KAOS-M", 10)
    stock("KAOS-L", 4)
    m.StockItem.create(seller_sku="TOPI", on_hand=None)  # never counted
    shipped = [order(ch, "awaiting_pickup", [("KAOS-M", 2), ("KAOS-L", 1)]),
               order(ch, "awaiting_pickup", [("KAOS-M", 3), (None, 7)]),
               order(ch, "shipped", [("TOPI", 5), ("KAOS-M", 1), ("TOPI", 1)])]
    waiting = order(ch, "ready_to_ship", [("KAOS-L", 2)])
    assert inventory.take_stock_for_shipped_orders(ch) == 3
    assert (on_hand("KAOS-M"), on_hand("KAOS-L"), on_hand("TOPI")) == (4, 3, None)
    assert all(m.Order.get_by_id(o.id).stock_taken for o in shipped) and not m.Order.get_by_id(waiting.id).stock_taken
    assert inventory.take_stock_for_shipped_orders(ch) == 0
    assert (on_hand("KAOS-M"), on_hand("KAOS-L"), on_hand("TOPI")) == (4, 3, None)


def test_pull_then_cancel_releases_the_reservation_without_touching_on_hand(database):
    ch = channel()
    mapping(ch, "P1", "KAOS-M")
    stock("KAOS-M", 5)
    o = order(ch, "new", [("KAOS-M", 2)])
    assert avail(ch) == {"P1": 3}
    set_state(o, "cancelled")
    assert avail(ch) == {"P1": 5}
    assert inventory.take_stock_for_shipped_orders(None) == 0
    assert on_hand("KAOS-M") == 5
    with pytest.raises(UserError, match="never taken"):
        inventory.receive_return(o)


def test_cancel_after_shipping_is_a_return_received_by_hand(database):
    ch = channel()
    mapping(ch, "P1", "KAOS-M")
    stock("KAOS-M", 5)
    o = order(ch, "shipped", [("KAOS-M", 2), (None, 1)])
    inventory.take_stock_for_shipped_orders(ch)
    assert on_hand("KAOS-M") == 3
    with pytest.raises(UserError, match="only a cancelled or returned"):
        inventory.receive_return(o)
    o = set_state(o, "cancelled")
    assert on_hand("KAOS-M") == 3  # the parcel is still on its way back
    assert inventory.receive_return(o) == {"KAOS-M": 2}
    assert on_hand("KAOS-M") == 5
    assert m.OrderEvent.get(m.OrderEvent.order == o.id).kind == "return_received"
    with pytest.raises(UserError):
        inventory.receive_return(o)  # not twice
    assert on_hand("KAOS-M") == 5


def test_awaiting_payment_and_finished_orders_reserve_nothing(database):
    ch = channel()
    mapping(ch, "P1", "A")
    stock("A", 4)
    order(ch, "awaiting_payment", [("A", 1)])
    order(ch, "on_hold", [("A", 1)])
    done = order(ch, "completed", [("A", 1)])
    m.Order.update(stock_taken=True).where(m.Order.id == done.id).execute()
    assert inventory.reserved_by_sku() == {"A": 1}  # only the order on hold
    assert avail(ch) == {"P1": 3}


def test_buffer_and_zero_threshold(database):
    ch = channel(push_zero_below=3)
    mapping(ch, "P1", "A", buffer=2)
    mapping(ch, "P2", "B", buffer=10)
    mapping(ch, "P3", "C")
    stock("A", 6)
    stock("B", 4)
    stock("C", 2)
    assert avail(ch) == {"P1": 4, "P2": 0, "P3": 0}  # C: 2 is below the threshold of 3
    order(ch, "packed", [("A", 2)])
    assert avail(ch) == {"P1": 0, "P2": 0, "P3": 0}  # A: 6 - 2 - 2 = 2 < 3


def test_one_seller_sku_on_several_listings_splits_the_pool(database):
    a = channel("a")
    b = channel("b")
    mapping(a, "A1", "MUG")
    mapping(a, "A2", "MUG")
    mapping(b, "B1", "MUG", buffer=1)
    stock("MUG", 8)
    order(a, "new", [("MUG", 1)])
    levels = {x.product_id: x for x in inventory.compute_availability()}
    # pool 7 over three listings: 3 + 2 + 2, then B1's buffer of 1
    assert {p: lv.share for p, lv in levels.items()} == {"A1": 3, "A2": 2, "B1": 2}
    assert {p: lv.available for p, lv in levels.items()} == {"A1": 3, "A2": 2, "B1": 1}
    assert sum(lv.available for lv in levels.values()) <= 7
    assert avail(b) == {"B1": 1}

    m.StockItem.update(on_hand=2).execute()
    shares = [lv.share for lv in inventory.compute_availability()]
    assert shares == [1, 0, 0] and sum(shares) == 1  # 2 - 1 reserved: the last unit goes to one listing only


def test_unstocked_and_unmapped_skus_are_not_offered(database):
    ch = channel()
    mapping(ch, "P1", "HAS-STOCK")
    mapping(ch, "P2", "NO-COUNT-YET")
    mapping(ch, "P3", None)
    stock("HAS-STOCK", 1)
    assert avail(ch) == {"P1": 1}
    assert inventory.untracked_mappings(ch) == 1


def test_oversold_on_hand_goes_negative_but_pushes_zero(database):
    ch = channel()
    mapping(ch, "P1", "A")
    stock("A", 1)
    order(ch, "shipped", [("A", 3)])
    inventory.take_stock_for_shipped_orders(ch)
    assert on_hand("A") == -2
    assert avail(ch) == {"P1": 0}
    assert inventory.stock_overview()[0].available == 0


def test_set_stock_creates_updates_marks_dirty_and_settles_shipped_orders(database):
    ch = channel()
    mapping(ch, "P1", "A")
    stock("A", 10)
    shipped = order(ch, "shipped", [("A", 4)])  # left the shelf; stock not taken yet
    assert ch.inventory_dirty_at is None
    result = inventory.set_stock([("A", 6), ("NEW", "3")])
    assert result.created == ["NEW"] and result.updated == ["A"] and result.unmapped == ["NEW"]
    assert result.settled_orders == 1
    assert m.Order.get_by_id(shipped.id).stock_taken
    assert on_hand("A") == 6  # the count is what is on the shelf now: the shipped 4 are not taken again
    assert inventory.take_stock_for_shipped_orders() == 0
    assert on_hand("A") == 6
    assert m.Channel.get_by_id(ch.id).inventory_dirty_at is not None
    again = inventory.set_stock([("A", 6)])
    assert again.unchanged == ["A"] and again.changed == 0


@pytest.mark.parametrize(
    "qty, message",
    [("-1", "negative"), (-5, "negative"), ("2.5", "whole number"), ("abc", "not a number"), ("", "empty"),
     ("1.000", "whole number"), (10**12, "too large")],
)
def test_bad_quantities_are_refused_and_nothing_changes(database, qty, message):
    stock("A", 1)
    with pytest.raises(UserError, match=message):
        inventory.set_stock([("B", 2), ("A", qty)])
    assert on_hand("A") == 1
    assert m.StockItem.select().count() == 1


def test_same_sku_twice_with_different_counts_is_refused(database):
    with pytest.raises(UserError, match="twice"):
        inventory.set_stock([("A", 1), ("A", 2)])


def test_mark_dirty_only_for_channels_with_sync_on(database):
    on = channel("on")
    off = channel("off", inventory_sync=False)
    assert inventory.mark_inventory_dirty() == 1
    assert m.Channel.get_by_id(on.id).inventory_dirty_at is not None
    assert m.Channel.get_by_id(off.id).inventory_dirty_at is None


def test_order_life_marks_the_listing_channel_dirty(database):
    a = channel("a")
    b = channel("b")
    mapping(a, "P1", "A")
    stock("A", 3)
    o = order(b, "shipped", [("A", 1)])  # sold on b, listed on a: a's stock must be pushed
    inventory.take_stock_for_shipped_orders(b)
    assert m.Channel.get_by_id(a.id).inventory_dirty_at is not None
    assert m.Channel.get_by_id(b.id).inventory_dirty_at is None
    assert o.channel_id == b.id


def test_availability_of_5000_skus_is_one_query(database):
    ch = channel()
    m.StockItem.insert_many([{"seller_sku": f"S{i}", "on_hand": i % 7} for i in range(5000)]).execute()
    m.SkuMapping.insert_many(
        [{"channel": ch.id, "product_id": str(i), "seller_sku": f"S{i}", "buffer": 1} for i in range(5000)]
    ).execute()
    calls = []
    database.execute_sql, original = (lambda *a, **k: calls.append(a) or original(*a, **k)), database.execute_sql
    try:
        levels = inventory.compute_availability(ch)
    finally:
        del database.execute_sql
    assert len(levels) == 5000
    assert len(calls) == 1
    assert {lv.available for lv in levels} == {0, 1, 2, 3, 4, 5}


def test_push_settles_shipped_orders_before_computing(database):
    from tests.unit.test_inventory_fakes import FakeMarket
    from tokodesk.services import stock_push

    ch = channel()
    mapping(ch, "P1", "A")
    stock("A", 10)
    order(ch, "completed", [("A", 4)])
    stock_push.push_stock(ch, FakeMarket({"P1": 0}))
    assert on_hand("A") == 6
    assert inventory.reserved_by_sku() == {}


@settings(max_examples=200, deadline=None)
@given(
    pool=st.integers(min_value=-5, max_value=500),
    buffers=st.lists(st.integers(min_value=0, max_value=20), min_size=1, max_size=6),
)
def test_listings_of_one_pool_never_offer_more_than_the_pool(pool, buffers):
    shares = [inventory.split_pool(pool, len(buffers), rank) for rank in range(1, len(buffers) + 1)]
    offered = [max(0, s - b) for s, b in zip(shares, buffers, strict=True)]
    assert sum(shares) == max(0, pool)
    assert sum(offered) <= max(0, pool)
    assert max(shares) - min(shares) <= 1
