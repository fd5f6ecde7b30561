"""The platform's order of work (issue 16.4): the SLA fields read from an order, stored, and the queue's sort key."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.unit.test_tiktokshop_support import NOW, raw_order, utc
from tokodesk.marketplace.base import Order, OrderState
from tokodesk.marketplace.tiktokshop.orders import parse_order
from tokodesk.services import order_store, work_order
from tokodesk.store import migrations
from tokodesk.store import models as m

S = OrderState
NEW_FIELDS = ("tts_sla_time", "rts_sla_time", "pick_up_cut_off_time", "priority_level", "hold_until")


def test_the_sla_fields_are_read_and_the_ship_by_is_the_collection_deadline():
    order = parse_order(raw_order(rts_sla_time=int(NOW) + 3600, tts_sla_time=int(NOW) + 7200,
                                  pick_up_cut_off_time=int(NOW) + 7000, fulfillment_priority_level=100))
    assert order.rts_sla_time == utc(NOW + 3600) and order.tts_sla_time == utc(NOW + 7200)
    assert order.pick_up_cut_off_time == utc(NOW + 7000) and order.priority_level == 100
    assert order.ship_deadline == utc(NOW + 7200), "lateness is judged by tts_sla_time"
    # Without tts_sla_time the ready-to-ship deadline is the one there is.
    assert parse_order(raw_order()).ship_deadline == utc(NOW + 86400)
    assert parse_order(raw_order()).priority_level is None


def test_the_buyers_window_ends_where_the_order_says():
    held = parse_order(raw_order(status="ON_HOLD", paid_time=int(NOW) - 600))
    assert held.hold_until == utc(NOW - 600 + 3600)  # the documented one hour after payment
    pre = parse_order(raw_order(status="ON_HOLD", paid_time=int(NOW), order_type="PRE_ORDER",
                                release_date=int(NOW) + 5 * 86400))
    assert pre.hold_until == utc(NOW + 5 * 86400)
    assert parse_order(raw_order(status="ON_HOLD")).hold_until is None  # no paid_time: not guessed
    assert parse_order(raw_order(status="AWAITING_SHIPMENT", paid_time=int(NOW))).hold_until is None


def test_the_fields_are_stored_and_an_order_without_them_keeps_them(any_database):
    channel = m.Channel.create(name="Toko", marketplace="tiktokshop")
    full = parse_order(raw_order(tts_sla_time=int(NOW) + 7200, rts_sla_time=int(NOW) + 3600,
                                 pick_up_cut_off_time=int(NOW) + 7000, fulfillment_priority_level=300))
    order_store.store_orders(channel, [full])
    row = m.Order.get()
    assert row.priority_level == 300 and row.tts_sla_time == datetime(*utc(NOW + 7200).timetuple()[:6])
    assert row.rts_sla_time is not None and row.pick_up_cut_off_time is not None
    # A view of the order without them (the search list of an older version) does not erase them.
    bare = parse_order(raw_order())
    order_store.store_orders(channel, [bare])
    again = m.Order.get()
    assert again.priority_level == 300 and again.tts_sla_time == row.tts_sla_time


def test_an_older_database_gets_the_columns(any_database):
    channel = m.Channel.create(name="Toko")
    m.Order.create(channel=channel, order_id="1", state="new", created_at=datetime(2026, 11, 25))
    for column in NEW_FIELDS:
        any_database.execute_sql(f'ALTER TABLE "order" DROP COLUMN "{column}"')
    m.SchemaVersion.delete().where(m.SchemaVersion.version > 6).execute()
    assert migrations.migrate(any_database) == migrations.LATEST
    columns = {c.name for c in any_database.get_columns("order")}
    assert set(NEW_FIELDS) <= columns
    assert m.Order.get().priority_level is None
    assert migrations.migrate(any_database) == migrations.LATEST  # and again: nothing to do


def key(state: str, **kw) -> str:
    base = datetime(2026, 12, 1, 8)
    return work_order.work_key(state, kw.get("created", base - timedelta(hours=5)), kw.get("accept_by"),
                               kw.get("ship_by"), kw.get("tts"), kw.get("level"), kw.get("hold_until"))


def test_the_key_sorts_by_collection_deadline_then_priority_then_the_rest():
    t = datetime(2026, 12, 1, 12)
    rows = {
        "standard_early": key("acknowledged", tts=t, level=600),
        "instant_same_time": key("packed", tts=t, level=100),
        "later": key("acknowledged", tts=t + timedelta(hours=1), level=100),
        "legacy_ship_by": key("acknowledged", ship_by=(t + timedelta(minutes=30)).isoformat(sep=" ")),
        "legacy_new": key("new", accept_by=t - timedelta(hours=1)),
        "no_deadline": key("acknowledged"),
        "pickup": key("awaiting_pickup", tts=t - timedelta(days=1)),
        "unpaid": key("awaiting_payment"),
        "held": key("on_hold", hold_until=t),
        "old_done": key("completed", created=t - timedelta(days=3)),
        "new_done": key("shipped", created=t - timedelta(days=1)),
    }
    ordered = sorted(rows, key=rows.get)
    assert ordered == ["legacy_new", "instant_same_time", "standard_early", "legacy_ship_by", "later", "no_deadline",
                       "pickup", "held", "unpaid", "new_done", "old_done"]


def test_urgency_marks_instant_and_same_day_only():
    assert [work_order.urgency(level) for level in (100, 200, 300, 400, 600, None)] == \
        ["instant", "same_day", "same_day", "", "", ""]


def test_only_a_buyer_window_hold_is_waiting():
    assert work_order.in_buyer_window("on_hold", "tiktokshop")
    assert not work_order.in_buyer_window("on_hold", "tokopedia")  # FS holds (690-698) need the seller
    assert not work_order.in_buyer_window("acknowledged", "tiktokshop")
    assert not work_order.in_buyer_window("on_hold", "nonsense")


def test_to_marketplace_order_keeps_working_without_the_fields():
    assert Order(order_id="1", invoice="1", marketplace_status="220", state=S.NEW,
                 created_at=datetime(2026, 1, 1)).tts_sla_time is None
