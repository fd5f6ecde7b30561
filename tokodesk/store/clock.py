"""The clock of what stations share: the database server's on PostgreSQL, this PC's on SQLite (one PC's file).

Leases (a sync, a token renewal) and outbox claims are written by one station and judged by another: "has this
expired?". Judged by each PC's own clock, a station whose clock is off (a PC set to UTC and then to the shop's time by
hand is seven hours off) takes over a sync, a token renewal or an order action that is still running elsewhere. So
they are written and judged on the database server's clock: this PC's clock plus the difference to the server's,
measured now and then (one query, not one per lease).
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

import peewee as pw

from tokodesk.store import models as m

REMEASURE_S = 600.0  # clocks drift slowly; a PC's clock set by hand is seen within ten minutes

_lock = threading.Lock()
_measured: tuple[int, float, timedelta] | None = None  # (id of the database, monotonic time measured, offset)


def server_now() -> datetime:
    """The database's clock as naive UTC: the one clock every station of a shared database agrees on."""
    database = m.db.obj
    if isinstance(database, pw.PostgresqlDatabase):
        return database.execute_sql("SELECT (clock_timestamp() AT TIME ZONE 'UTC')").fetchone()[0]
    # SQLite is one PC's file: its clock is this PC's clock.
    return m.utcnow()


def shared_now() -> datetime:
    """Now as naive UTC on the clock every station of this database agrees on."""
    database = m.db.obj
    if not isinstance(database, pw.PostgresqlDatabase):
        return m.utcnow()
    return m.utcnow() + _offset(database)


def _offset(database: pw.PostgresqlDatabase) -> timedelta:
    global _measured
    with _lock:
        known = _measured
        if known is not None and known[0] == id(database) and time.monotonic() - known[1] < REMEASURE_S:
            return known[2]
    before = m.utcnow()
    server = server_now()
    after = m.utcnow()
    offset = server - (before + (after - before) / 2)
    with _lock:
        _measured = (id(database), time.monotonic(), offset)
    return offset


def forget() -> None:
    """Measure again at the next call (a database opened anew, a test that moved this PC's clock)."""
    global _measured
    with _lock:
        _measured = None
