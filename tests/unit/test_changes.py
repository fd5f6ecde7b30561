""""What changed since": the orders another station wrote are found, once each, despite clock skew."""

from __future__ import annotations

from datetime import datetime, timedelta

from tokodesk.services.changes import ChangeWatcher, changed_since, server_now
from tokodesk.services.fulfilment.common import bump_version
from tokodesk.store import models as m


def _order(channel: m.Channel, order_id: str, **kw: object) -> m.Order:
    return m.Order.create(channel=channel, order_id=order_id, state="new", created_at=datetime(2026, 11, 25), **kw)


def _write_as_station(order: m.Order, skew: timedelta = timedelta(0), **changes: object) -> None:
    """What another PC's writer does: bump the version and stamp with *its* clock."""
    m.Order.update(version=m.Order.version + 1, local_updated_at=m.utcnow() + skew, **changes).where(
        m.Order.id == order.id
    ).execute()


def test_a_baseline_reports_nothing_then_each_write_once(any_database):
    shop = m.Channel.create(name="A")
    a, b = _order(shop, "1"), _order(shop, "2")
    watcher = ChangeWatcher(channel_id=shop.id)
    watcher.start()
    assert watcher.poll().changed == [], "what was just loaded is not a change"

    assert bump_version(a, state="acknowledged")
    assert watcher.poll().changed == [a.id]
    assert watcher.poll().changed == [], "seen rows inside the overlap window are skipped by version"

    new = _order(shop, "3")
    _write_as_station(b, state="cancelled")
    assert sorted(watcher.poll().changed) == sorted([b.id, new.id])


def test_a_station_whose_clock_is_behind_is_still_seen(any_database):
    shop = m.Channel.create(name="A")
    order = _order(shop, "1", local_updated_at=m.utcnow() - timedelta(hours=1))
    watcher = ChangeWatcher(channel_id=shop.id, overlap=timedelta(minutes=2))
    watcher.start()
    watcher.poll()
    # Station B's clock is 90 s slow: its stamp is before our cursor, but inside the overlap.
    _write_as_station(order, skew=timedelta(seconds=-90), state="acknowledged")
    assert watcher.poll().changed == [order.id]


def test_other_channels_are_not_reported(any_database):
    mine, other = m.Channel.create(name="A"), m.Channel.create(name="B")
    watcher = ChangeWatcher(channel_id=mine.id)
    watcher.start()
    theirs = _order(other, "9")
    ours = _order(mine, "9")
    assert watcher.poll().changed == [ours.id]
    assert theirs.id not in changed_since(server_now() - timedelta(seconds=5), channel_id=mine.id)


def test_the_cursor_follows_the_database_clock_and_old_rows_are_forgotten(any_database):
    shop = m.Channel.create(name="A")
    watcher = ChangeWatcher(channel_id=shop.id, overlap=timedelta(seconds=30))
    watcher.start()
    first = watcher.cursor
    for n in range(20):
        _order(shop, str(n))
    result = watcher.poll()
    assert len(result.changed) == 20
    assert result.cursor >= first
    assert abs((result.cursor - m.utcnow()).total_seconds()) < 60  # naive UTC like every stored time
    # Pretend the window moved on: rows stamped before it are not kept in memory.
    watcher.cursor = result.cursor + timedelta(minutes=5)
    watcher.poll()
    assert watcher._seen == {}


def test_changed_since_gives_versions_to_compare(any_database):
    shop = m.Channel.create(name="A")
    order = _order(shop, "1")
    before = dict(changed_since(server_now(), channel_id=shop.id))
    assert before == {order.id: 1}
    bump_version(order, state="acknowledged")
    assert dict(changed_since(server_now(), channel_id=shop.id)) == {order.id: 2}
