"""store/bulk.py's versioned UPDATE (a batch's claims and settlements): the rows it changes and the values it stores
are those of peewee's own `.where(Tuple(id, version).in_(pairs))` UPDATE, on both databases."""

from __future__ import annotations

from datetime import datetime

import peewee as pw

from tokodesk.store import bulk
from tokodesk.store import models as m


def _orders(channel, count, first=0):
    return [m.Order.create(channel=channel, order_id=str(1000 + i), invoice=f"INV/{i}", state="new",
                           created_at=datetime(2026, 12, 1, 9, 0))
            for i in range(first, first + count)]


def _stored(order_ids):
    return [(o.state, o.version, o.packed_at, o.packed_by, o.action_failed, o.problem)
            for o in m.Order.select().where(m.Order.id.in_(order_ids)).order_by(m.Order.id)]


def test_a_versioned_update_stores_what_peewees_does_and_skips_rows_changed_meanwhile(any_database):
    channel = m.Channel.create(name="toko", marketplace="tokopedia")
    mine, theirs = _orders(channel, 5), _orders(channel, 5, first=5)
    # One row of each set was changed by someone else since it was read: its version moved on.
    for order in (mine[2], theirs[2]):
        m.Order.update(version=m.Order.version + 1).where(m.Order.id == order.id).execute()
    at = datetime(2026, 12, 5, 16, 30, 1, 250000)
    values = {m.Order.state: "ready_to_ship", m.Order.packed_at: at, m.Order.packed_by: "tester@desk1",
              m.Order.action_failed: False, m.Order.problem: ""}
    changed = bulk.update_versioned(m.Order, values, [(o.id, o.version) for o in mine])
    peewees = (m.Order.update(version=m.Order.version + 1, **{f.name: v for f, v in values.items()})
               .where(pw.Tuple(m.Order.id, m.Order.version).in_([(o.id, o.version) for o in theirs])).execute())
    assert changed == peewees == 4
    assert _stored([o.id for o in mine]) == _stored([o.id for o in theirs])
    assert _stored([mine[0].id])[0] == ("ready_to_ship", 2, at, "tester@desk1", False, "")
    assert _stored([mine[2].id])[0][:2] == ("new", 2)  # the changed one: untouched by this update


def test_a_versioned_update_honours_its_extra_condition(any_database):
    channel = m.Channel.create(name="toko", marketplace="tokopedia")
    orders = _orders(channel, 3)
    m.Order.update(state="cancelled").where(m.Order.id == orders[1].id).execute()
    changed = bulk.update_versioned(m.Order, {m.Order.problem: "x"}, [(o.id, o.version) for o in orders],
                                    where={m.Order.state: "new"})
    assert changed == 2
    assert [o.problem for o in m.Order.select().order_by(m.Order.id)] == ["x", "", "x"]
