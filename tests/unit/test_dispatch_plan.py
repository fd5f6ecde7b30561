"""Today's dispatch plan (issue 18.1): what must leave today, grouped by courier and cut-off, in the order of work,
with late / due-within-2-h marks — across the WIB day boundary (23:30 / 00:30)."""

from __future__ import annotations

from datetime import datetime, timedelta

from tokodesk.services import dispatch_plan as dp
from tokodesk.store import models as m

# 7 Dec 2026 23:30 WIB = 16:30 UTC; the day ends at 17:00 UTC.
LATE_EVENING = datetime(2026, 12, 7, 16, 30)
AFTER_MIDNIGHT = datetime(2026, 12, 7, 17, 30)  # 00:30 WIB on 8 Dec


def _order(channel, oid, state="packed", courier="JNE", **kw):
    return m.Order.create(channel=channel, order_id=oid, invoice=f"INV/{oid}", state=state, courier=courier,
                          created_at=datetime(2026, 12, 6), **kw)


def _shop(any_database):
    tts = m.Channel.create(name="Baru")
    legacy = m.Channel.create(name="Lama", marketplace="tokopedia")
    cut = datetime(2026, 12, 7, 16, 0)  # 23:00 WIB: the JNE pick-up cut-off, already passed at 23:30
    _order(tts, "T1", tts_sla_time=datetime(2026, 12, 7, 16, 45), pick_up_cut_off_time=cut, priority_level=600)
    _order(tts, "T2", tts_sla_time=datetime(2026, 12, 7, 16, 45), pick_up_cut_off_time=cut, priority_level=100)
    _order(tts, "T3", courier="GoSend", state="new", tts_sla_time=datetime(2026, 12, 7, 16, 50), priority_level=100)
    _order(tts, "T4", tts_sla_time=datetime(2026, 12, 7, 17, 15))  # 00:15 WIB tomorrow: not today's
    _order(tts, "T5", state="shipped", tts_sla_time=datetime(2026, 12, 7, 10))  # gone: not on the plan
    _order(legacy, "L1", courier="SiCepat", state="acknowledged", ship_deadline=datetime(2026, 12, 7, 12))  # late
    _order(legacy, "L2", courier="SiCepat", state="awaiting_pickup", ship_deadline=datetime(2026, 12, 7, 16, 59))
    _order(legacy, "L3", courier="SiCepat", state="new", accept_deadline=datetime(2026, 12, 7, 13),
           ship_deadline=datetime(2026, 12, 9))  # a new order is judged by its accept deadline
    _order(legacy, "L4", courier="SiCepat", state="packed")  # no deadline at all: left out


def test_the_plan_at_23_30_wib(any_database):
    _shop(any_database)
    groups = dp.plan(LATE_EVENING)
    summary = [(g.courier, g.deadline, g.mark, [o.order_id for o in g.orders]) for g in groups]
    assert summary == [
        ("SiCepat", datetime(2026, 12, 7, 12), "late", ["L1", "L3", "L2"]),  # no cut-off: its earliest ship-by
        ("JNE", datetime(2026, 12, 7, 16), "late", ["T2", "T1"]),  # same ship-by: Instant (100) before 600
        ("GoSend", datetime(2026, 12, 7, 16, 50), "due_soon", ["T3"]),
    ]
    marks = {o.order_id: o.mark for g in groups for o in g.orders}
    assert marks == {"L1": "late", "L3": "late", "L2": "due_soon", "T2": "due_soon", "T1": "due_soon",
                     "T3": "due_soon"}
    assert dp.countdown(groups[2].left(LATE_EVENING)) == "0 h 20 min"
    assert dp.countdown(groups[1].left(LATE_EVENING)) == "-0 h 30 min"


def test_after_midnight_the_new_day_takes_tomorrows_orders_and_yesterdays_stay_late(any_database):
    _shop(any_database)
    groups = dp.plan(AFTER_MIDNIGHT)
    ids = {o.order_id: o.mark for g in groups for o in g.orders}
    assert ids["T4"] == "late" and ids["T1"] == "late" and ids["L2"] == "late"
    assert dp.end_of_today(AFTER_MIDNIGHT) == datetime(2026, 12, 8, 17, 0)
    assert dp.end_of_today(LATE_EVENING) == datetime(2026, 12, 7, 17, 0)


def test_marks_and_countdown_words():
    now = datetime(2026, 12, 7, 5)
    assert dp.mark_of(now - timedelta(seconds=1), now) == "late"
    assert dp.mark_of(now + timedelta(hours=2), now) == "due_soon"
    assert dp.mark_of(now + timedelta(hours=2, seconds=1), now) == ""
    assert dp.mark_of(None, now) == ""
    assert dp.countdown(timedelta(hours=3, minutes=5)) == "3 h 05 min" and dp.countdown(None) == ""
