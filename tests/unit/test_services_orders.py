"""Order pull and the order writer, against an in-memory marketplace."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.unit.fake_marketplace import FakeMarketplace
from tokodesk.errors import UserError
from tokodesk.marketplace import base
from tokodesk.services import channels as channel_service
from tokodesk.services import mapping as mapping_service
from tokodesk.services import orders as order_service
from tokodesk.store import models as m

NOW = datetime(2026, 11, 24, 12, 0, 0)


@pytest.fixture
def channel(any_database):
    return m.Channel.create(name="toko", marketplace="tokopedia", order_sync_from=NOW - timedelta(days=2))


@pytest.fixture
def shop():
    fake = FakeMarketplace(page_size=3)
    for i in range(7):
        fake.add_order(
            str(1000 + i), NOW - timedelta(hours=30 - i), [("p1", "SKU-A", 1), ("p2", "SKU-B", 2)], status="220"
        )
    return fake


def pull(channel, shop, now=NOW, **kw):
    channel = m.Channel.get_by_id(channel.id)  # as a fresh run sees it
    return order_service.pull_orders(channel, shop, now=now, **kw)


def test_first_pull_stores_every_order_with_its_lines_and_a_pulled_event(channel, shop):
    summary = pull(channel, shop)
    assert summary.status == "ok"
    assert (summary.fetched, summary.created, summary.updated, summary.failed) == (7, 7, 0, 0)
    assert m.Order.select().count() == 7
    assert m.OrderLine.select().count() == 14
    order = m.Order.get(m.Order.order_id == "1003")
    assert order.state == "new" and order.marketplace_status == "220" and order.courier == "JNE"
    assert [(ln.sku, ln.quantity) for ln in order.lines.order_by(m.OrderLine.line_no)] == [("SKU-A", 1), ("SKU-B", 2)]
    assert [e.kind for e in order.events] == ["pulled"]
    run = m.SyncRun.get()
    assert (run.kind, run.status, run.created, run.fetched) == ("orders", "ok", 7, 7)
    assert m.Channel.get_by_id(channel.id).last_order_pull_to == NOW


def test_window_starts_at_order_sync_from_then_at_last_pull_minus_overlap(channel, shop):
    pull(channel, shop)
    assert shop.list_calls[0][0].replace(tzinfo=None) == NOW - timedelta(days=2)
    shop.list_calls.clear()
    pull(channel, shop, now=NOW + timedelta(minutes=5))
    assert shop.list_calls[0][0].replace(tzinfo=None) == NOW - order_service.OVERLAP


def test_overlapping_pulls_and_repulls_never_duplicate(channel, shop):
    pull(channel, shop)
    m.Channel.update(last_order_pull_to=None).execute()  # force the whole range again
    again = pull(channel, shop, now=NOW + timedelta(minutes=1))
    assert (again.fetched, again.created, again.updated) == (7, 0, 0)
    assert m.Order.select().count() == 7 and m.OrderLine.select().count() == 14
    assert m.OrderEvent.select().count() == 7  # an unchanged order gets no new event


def test_changed_order_updates_status_lines_and_writes_an_event(channel, shop):
    pull(channel, shop)
    shop.set_status("1002", "400")
    shop.orders["1002"].lines[1].quantity = 5
    summary = pull(channel, shop, now=NOW + timedelta(minutes=1))
    assert m.Channel.get_by_id(channel.id).last_order_pull_to == NOW + timedelta(minutes=1)
    m.Channel.update(last_order_pull_to=None).execute()
    summary = pull(channel, shop, now=NOW + timedelta(minutes=2))
    order = m.Order.get(m.Order.order_id == "1002")
    assert summary.updated in (0, 1)  # updated by whichever pull first covered it
    assert order.state == "acknowledged"
    assert [ln.quantity for ln in order.lines.order_by(m.OrderLine.line_no)] == [1, 5]
    assert order.version == 2
    events = [e.kind for e in order.events.order_by(m.OrderEvent.id)]
    assert events == ["pulled", "status_changed"]
    assert order.changed_outside  # accepted in Seller Center, not by TokoDesk


def test_one_malformed_order_is_a_failed_row_and_the_rest_is_stored(channel, shop):
    shop.invalid.append((NOW - timedelta(hours=20), base.InvalidOrder("1999", "products is not a list")))
    shop.orders["1004"].total_amount = "Rp 10.000"  # a second kind of bad: a wrong type after parsing
    summary = pull(channel, shop)
    assert summary.status == "partial"
    assert summary.failed == 2
    assert any("1999" in e and "products is not a list" in e for e in summary.errors)
    assert any("1004" in e and "total_amount is not a whole number" in e for e in summary.errors)
    assert m.Order.select().count() == 6
    run = m.SyncRun.get()
    assert run.failed == 2 and run.status == "partial" and len(run.errors) == 2


def test_interrupted_pull_keeps_stored_pages_and_the_next_run_resumes(channel, shop):
    shop.fail_after_pages = 1  # the connection drops after the first page
    summary = pull(channel, shop)
    assert summary.status == "failed"
    assert "connection lost" in " ".join(summary.errors)
    assert m.Order.select().count() == 3  # the first page, whole
    assert m.OrderLine.select().count() == 6
    assert m.Channel.get_by_id(channel.id).last_order_pull_to is None  # the window was not finished
    assert m.SyncRun.get().status == "failed"
    assert m.SyncLease.select().count() == 0

    shop.fail_after_pages = None
    resumed = pull(channel, shop, now=NOW + timedelta(minutes=1))
    assert resumed.status == "ok" and resumed.created == 4
    assert m.Order.select().count() == 7 and m.OrderLine.select().count() == 14


def test_cancel_between_pages_stops_without_advancing(channel, shop):
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) >= 2

    summary = pull(channel, shop, cancel=cancel)
    assert summary.status == "cancelled"
    assert 0 < m.Order.select().count() < 7
    assert m.Channel.get_by_id(channel.id).last_order_pull_to is None


def test_unmapped_lines_flag_the_order_until_the_sku_is_mapped(channel, shop):
    m.StockItem.create(seller_sku="SKU-A")
    channel.sku_pull_mode = "map_only"
    channel.save()
    pull(channel, shop)
    order = m.Order.get(m.Order.order_id == "1000")
    assert order.has_unmapped
    lines = {ln.sku: ln.seller_sku for ln in order.lines}
    assert lines == {"SKU-A": "SKU-A", "SKU-B": None}
    queue = [q.marketplace_sku for q in mapping_service.unmapped_queue(channel)]
    assert queue == ["SKU-B"]  # the unknown product is in the queue, not forgotten

    m.StockItem.create(seller_sku="B-001")
    mapping_service.set_mapping(channel, "p2", "B-001")
    order = m.Order.get(m.Order.order_id == "1000")
    assert not order.has_unmapped
    assert {ln.sku: ln.seller_sku for ln in order.lines}["SKU-B"] == "B-001"


def test_remote_acknowledged_does_not_undo_a_local_packed_state(channel, shop):
    shop.set_status("1001", "400")
    pull(channel, shop)
    m.Order.update(state="packed").where(m.Order.order_id == "1001").execute()
    row, created, changed = order_service.apply_remote_order(channel, shop.get_order("1001"))
    assert (row.state, created, changed) == ("packed", False, False)
    shop.set_status("1001", "15")  # buyer cancelled
    row, created, changed = order_service.apply_remote_order(channel, shop.get_order("1001"))
    assert (row.state, changed, row.changed_outside) == ("cancelled", True, True)


def test_apply_remote_order_by_tokodesk_is_not_flagged_outside(channel, shop):
    pull(channel, shop)
    shop.set_status("1000", "400")
    row, created, changed = order_service.apply_remote_order(channel, shop.get_order("1000"), who="tester@desk1")
    assert (row.state, created, changed, row.changed_outside) == ("acknowledged", False, True, False)
    event = row.events.order_by(m.OrderEvent.id.desc()).first()
    assert event.who == "tester@desk1" and "220 → 400" in event.detail


def test_a_done_outbox_action_explains_the_change(channel, shop):
    pull(channel, shop)
    order = m.Order.get(m.Order.order_id == "1000")
    m.Action.create(channel=channel, order=order, kind="ack", status="done")
    shop.set_status("1000", "400")
    pull(channel, shop, now=NOW + timedelta(minutes=1))
    m.Channel.update(last_order_pull_to=None).execute()
    pull(channel, shop, now=NOW + timedelta(minutes=2))
    order = m.Order.get(m.Order.order_id == "1000")
    assert order.state == "acknowledged" and not order.changed_outside


def test_apply_remote_order_refuses_a_malformed_order(channel, shop):
    bad = shop.get_order("1000")
    bad.lines[0].quantity = "two"
    with pytest.raises(order_service.MalformedOrder, match="line 1 quantity"):
        order_service.apply_remote_order(channel, bad)
    assert m.Order.select().count() == 0


def test_invoice_number_mode_changes_the_display_key_and_search(channel, shop):
    pull(channel, shop)
    order = m.Order.get(m.Order.order_id == "1000")
    assert order_service.display_key(order, channel) == "1000"
    channel.orders_on_invoice = True
    channel.save()
    assert order_service.display_key(order, channel) == "INV/20261124/MPL/1000"
    assert order_service.find_order(channel, "INV/20261124/MPL/1000").order_id == "1000"
    assert order_service.find_order(channel, "1000").order_id == "1000"


def test_awb_known_locally_is_not_erased_by_a_list_without_it(channel, shop):
    shop.set_status("1000", "500", awb="JNE123")
    pull(channel, shop)
    shop.orders["1000"].awb = None
    row, _, changed = order_service.apply_remote_order(channel, shop.get_order("1000"))
    assert row.awb == "JNE123" and not changed


def test_sync_from_older_than_the_api_serves_is_refused_with_the_reason():
    caps = FakeMarketplace.capabilities
    ok = channel_service.validate_order_sync_from(NOW - timedelta(days=2), caps, now=NOW)
    assert ok == NOW - timedelta(days=2)
    with pytest.raises(UserError, match="only the last 3 days"):
        channel_service.validate_order_sync_from(NOW - timedelta(days=5), caps, now=NOW)
    with pytest.raises(UserError, match="in the future"):
        channel_service.validate_order_sync_from(NOW + timedelta(days=1), caps, now=NOW)


def test_pull_from_a_stale_channel_says_what_the_api_no_longer_serves(channel, shop):
    channel.order_sync_from = NOW - timedelta(days=10)
    channel.save()
    summary = pull(channel, shop)
    assert summary.status == "ok" and summary.created == 7
    assert any("older than Tokopedia serves" in e for e in summary.errors)
    # the seller reads the cut-off in WIB (UTC+7), not in the stored UTC
    cutoff = (NOW - timedelta(days=3) + timedelta(hours=7)).strftime("%Y-%m-%d %H:%M")
    assert any(f"orders created before {cutoff} WIB" in e for e in summary.errors), summary.errors


def test_the_bulk_writer_round_trips_on_every_backend(any_database, shop):
    """The page writer uses raw SQL for speed: the rows must read back exactly, and a re-pull must see no change,
    on SQLite and on PostgreSQL alike."""
    channel = m.Channel.create(name="toko", marketplace="tokopedia", order_sync_from=NOW - timedelta(days=2))
    shop.orders["1000"].accept_deadline = NOW + timedelta(days=1, microseconds=123456)
    first = pull(channel, shop)
    assert (first.created, first.failed) == (7, 0)
    order = m.Order.get(m.Order.order_id == "1000")
    assert order.accept_deadline == NOW + timedelta(days=1)  # whole seconds
    assert order.created_at == NOW - timedelta(hours=30) and order.version == 1 and not order.changed_outside
    assert order.packed_by == "" and order.stock_taken is False  # model defaults filled in
    m.Channel.update(last_order_pull_to=None).execute()
    again = pull(channel, shop, now=NOW + timedelta(minutes=1))
    assert (again.created, again.updated) == (0, 0)
    shop.set_status("1000", "15")
    row, created, changed = order_service.apply_remote_order(channel, shop.get_order("1000"))
    assert (row.state, created, changed, row.version) == ("cancelled", False, True, 2)
