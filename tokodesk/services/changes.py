"""What changed since: the orders other stations (or this one's syncs) changed since the last look.

Every writer of an order bumps `Order.version` and stamps `Order.local_updated_at` (indexed) with its own clock,
so one indexed range query finds the recent writes. Two things make a plain "stamp > last time" wrong with
several stations, and the watcher handles both:

- Clocks differ between PCs, and a writer stamps before it commits. So the cursor is the database server's clock
  (not this PC's), and every look goes back `overlap` before the cursor: a station up to that much behind, or a
  transaction that took that long to commit, is still seen.
- Looking back means seeing the same rows again. The watcher remembers the version it last saw of each row in
  the window and reports only rows whose version moved; rows that fell out of the window are forgotten, so the
  memory stays the size of the last few minutes of writes, not of the queue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tokodesk.store import models as m
from tokodesk.store.clock import server_now

DEFAULT_OVERLAP = timedelta(minutes=2)


@dataclass
class Changes:
    changed: list[int]  # order pks whose version moved (new orders included), oldest write first
    cursor: datetime


@dataclass
class ChangeWatcher:
    """Remembers where it looked last; `poll()` returns the orders changed since (cheap, indexed)."""

    channel_id: int | None = None
    overlap: timedelta = DEFAULT_OVERLAP
    cursor: datetime | None = None
    _seen: dict[int, tuple[int, datetime]] = field(default_factory=dict)  # pk -> (version, stamp) in the window

    def start(self) -> None:
        """Begin from now: what the caller has just loaded is the baseline, later writes are changes."""
        self.cursor = server_now()
        self._seen.clear()
        self._remember(self._recent(self.cursor - self.overlap))

    def poll(self) -> Changes:
        if self.cursor is None:
            self.start()
            return Changes([], self.cursor)  # type: ignore[arg-type]
        now = server_now()
        since = self.cursor - self.overlap
        rows = self._recent(since)
        changed = [pk for pk, version, _stamp in rows if self._seen.get(pk, (None,))[0] != version]
        self._remember(rows)
        self.cursor = max(self.cursor, now)
        # Forget rows the next look will not reach; a later write to one of them is a new version anyway.
        horizon = self.cursor - self.overlap
        self._seen = {pk: seen for pk, seen in self._seen.items() if seen[1] >= horizon}
        return Changes(changed, self.cursor)

    def _recent(self, since: datetime) -> list[tuple[int, int, datetime]]:
        query = (
            m.Order.select(m.Order.id, m.Order.version, m.Order.local_updated_at)
            .where(m.Order.local_updated_at >= since)
            .order_by(m.Order.local_updated_at, m.Order.id)
        )
        if self.channel_id is not None:
            # "+ 0": the channel's index must not be used. SQLite took it (every order of a one-shop database) over
            # the stamp's index (the last minutes' writes): 27 ms a look at 100,000 orders, every 3 s, instead of 0.1.
            query = query.where((m.Order.channel + 0) == self.channel_id)
        return [(pk, version, _as_datetime(stamp)) for pk, version, stamp in query.tuples()]

    def _remember(self, rows: list[tuple[int, int, datetime]]) -> None:
        for pk, version, stamp in rows:
            self._seen[pk] = (version, stamp)


def _as_datetime(value: object) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def changed_since(cursor: datetime, channel_id: int | None = None,
                  overlap: timedelta = DEFAULT_OVERLAP) -> list[tuple[int, int]]:
    """(pk, version) of every order written at or after `cursor - overlap`: the raw query, for callers that
    keep their own versions (compare and skip the rows whose version they already have)."""
    watcher = ChangeWatcher(channel_id=channel_id, overlap=overlap)
    return [(pk, version) for pk, version, _stamp in watcher._recent(cursor - overlap)]


__all__ = ["DEFAULT_OVERLAP", "ChangeWatcher", "Changes", "changed_since", "server_now"]
