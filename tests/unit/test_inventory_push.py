"""The stock push: delta vs full, the per-row log, failures kept for the next push, sync off, pruning."""

from __future__ import annotations

from datetime import timedelta

from tests.unit.test_inventory_fakes import FakeMarket, channel, mapping, order, stock
from tokodesk.marketplace import base
from tokodesk.services import inventory, stock_push
from tokodesk.store import models as m


def setup_three(**settings):
    ch = channel(**settings)
    for i, (sku, qty) in enumerate([("A", 5), ("B", 7), ("C", 0)], start=1):
        mapping(ch, f"P{i}", sku)
        stock(sku, qty)
    return ch, FakeMarket({"P1": 0, "P2": 0, "P3": 9})


def test_delta_sends_only_what_differs_from_the_last_accepted_value(database):
    ch, market = setup_three()
    first = stock_push.push_stock(ch, market)
    assert (first.sent, first.accepted, first.requests) == (3, 3, 1)
    assert market.stock == {"P1": 5, "P2": 7, "P3": 0}
    assert {mp.product_id: mp.last_pushed_qty for mp in m.SkuMapping.select()} == {"P1": 5, "P2": 7, "P3": 0}

    again = stock_push.push_stock(ch, market)
    assert (again.sent, again.unchanged, again.requests) == (0, 3, 1 - 1)
    assert len(market.requests) == 1

    order(ch, "new", [("B", 2)])
    inventory.set_stock([("A", 5)])  # same count: nothing to send for A
    third = stock_push.push_stock(ch, market)
    assert [(r.product_id, r.quantity) for r in third.rows] == [("P2", 5)]
    assert market.stock["P2"] == 5


def test_full_sends_every_mapped_sku(database):
    ch, market = setup_three(inventory_method="full")
    stock_push.push_stock(ch, market)
    second = stock_push.push_stock(ch, market)
    assert second.sent == 3 and second.method == "full"
    assert [len(b) for b in market.requests] == [3, 3]
    assert stock_push.push_stock(ch, market, method="delta").sent == 0


def test_failed_rows_keep_their_message_and_are_sent_again(database):
    ch, market = setup_three()
    mapping(ch, "GONE", "A")  # deleted on the marketplace: the push fails for this row only
    market.fail["P2"] = "product is being moderated"
    out = stock_push.push_stock(ch, market)
    assert out.accepted == 2 and out.failed == 2
    failures = {r.product_id: r.message for r in out.rows if not r.ok}
    assert failures == {"P2": "product is being moderated", "GONE": "product not found"}
    logs = {p.product_id: (p.status, p.message) for p in m.StockPush.select()}
    assert logs["P1"] == ("accepted", "")
    assert logs["P2"] == ("failed", "product is being moderated")
    gone = m.SkuMapping.get(m.SkuMapping.product_id == "GONE")
    assert gone.last_pushed_qty is None and gone.last_push_status.startswith("failed: product not found")
    # A shared pool: A (5) is split over P1 and GONE, 3 + 2.
    assert market.stock["P1"] == 3

    del market.fail["P2"]
    retry = stock_push.push_stock(ch, market)
    assert sorted(r.product_id for r in retry.rows) == ["GONE", "P2"]
    assert market.stock["P2"] == 7


def test_a_failed_request_marks_every_row_failed_and_keeps_the_flag(database):
    ch, market = setup_three()
    inventory.mark_inventory_dirty(ch)
    market.raise_error = base.AuthError("the token was refused; reconnect the channel", "401")
    out = stock_push.push_stock(ch, market)
    assert out.accepted == 0 and out.failed == 3 and "token was refused" in out.error
    assert {p.status for p in m.StockPush.select()} == {"failed"}
    assert all(mp.last_pushed_qty is None for mp in m.SkuMapping.select())
    assert m.Channel.get_by_id(ch.id).inventory_dirty_at is not None

    market.raise_error = None
    assert stock_push.push_stock(ch, market).accepted == 3
    assert m.Channel.get_by_id(ch.id).inventory_dirty_at is None


def test_a_cancelled_push_leaves_unsent_rows_failed(database):
    ch = channel()
    rows = [{"channel": ch.id, "product_id": f"P{i}", "seller_sku": f"S{i}"} for i in range(250)]
    m.SkuMapping.insert_many(rows).execute()
    m.StockItem.insert_many([{"seller_sku": f"S{i}", "on_hand": 1} for i in range(250)]).execute()
    market = FakeMarket({f"P{i}": 0 for i in range(250)})
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1  # stop after the first request

    out = stock_push.push_stock(ch, market, cancel=cancel)
    assert out.cancelled and out.accepted == 100 and out.failed == 150
    assert m.StockPush.select().where(m.StockPush.status == "failed").count() == 150
    assert "cancelled" in m.StockPush.select().where(m.StockPush.status == "failed").first().message
    assert stock_push.push_stock(ch, market).sent == 150  # the next delta push finishes the job


def test_log_rows_older_than_30_days_are_pruned(database):
    ch, market = setup_three()
    old = m.utcnow() - timedelta(days=31)
    m.StockPush.create(channel=ch, product_id="P1", quantity=1, status="accepted", created_at=old)
    m.StockPush.create(channel=ch, product_id="P1", quantity=1, status="accepted",
                       created_at=m.utcnow() - timedelta(days=29))
    out = stock_push.push_stock(ch, market)
    assert out.pruned == 1
    assert m.StockPush.select().count() == 1 + 3


def test_push_statuses_walk_pending_sent_then_answered(database):
    ch, _ = setup_three()
    seen = []

    class Watching(FakeMarket):
        def update_stock(self, rows, cancel=None):
            seen.extend(p.status for p in m.StockPush.select())
            return super().update_stock(rows, cancel)

    stock_push.push_stock(ch, Watching({"P1": 0, "P2": 0, "P3": 0}))
    assert seen == ["sent"] * 3
    assert [p.status for p in m.StockPush.select()] == ["accepted"] * 3


def test_sync_inventory_off_does_nothing(database):
    ch, market = setup_three(inventory_sync=False)
    summary = stock_push.sync_inventory(ch, adapter=market)
    assert summary.status == "skipped" and "inventory sync is off" in summary.details["message"]
    assert market.requests == [] and m.StockPush.select().count() == 0 and m.SyncRun.select().count() == 0


def test_sync_inventory_records_a_run(database):
    ch, market = setup_three()
    market.fail["P3"] = "ERR_TOO_MANY_REQUEST"
    summary = stock_push.sync_inventory(ch, adapter=market)
    assert (summary.kind, summary.fetched, summary.updated, summary.failed) == ("inventory", 3, 2, 1)
    assert summary.status == "partial" and "ERR_TOO_MANY_REQUEST" in summary.errors[0]
    run = m.SyncRun.get()
    assert (run.kind, run.status, run.failed) == ("inventory", "partial", 1)
    assert summary.details["sent"] == 3 and summary.details["requests"] == 1
