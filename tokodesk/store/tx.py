"""Write transactions that several writers on one database never crash with "database is locked".

SQLite: a transaction that begins with a read (BEGIN DEFERRED, SQLite's default) takes a snapshot; when it later
writes while another connection has committed in between, SQLite cannot upgrade it and answers SQLITE_BUSY at once —
the busy timeout cannot help, because waiting would not make the snapshot current. Every read-then-write path (the
sync lease, a page of orders with its lease renewal, `stock set`) hit it with a few processes on one file. So every
transaction on our SQLite databases begins as a writer (BEGIN IMMEDIATE): it waits for the write lock up front (busy
timeout), then reads and writes under it. `WriterSqliteDatabase` makes that the default for `atomic()`, and retries
the BEGIN itself (nothing has run yet, so that is always safe) while another writer holds the lock longer than the
busy timeout. Plain reads outside a transaction stay concurrent (WAL).

PostgreSQL never fails a read-then-write this way, but two of them can interleave (two `stock set` both see a SKU
missing and both insert it). `write_transaction(Model, ...)` serialises the transactions that name the same models
with a transaction-scoped advisory lock taken before anything else: they run one after another, like under SQLite's
write lock, while every other reader and writer goes on (a table lock would also stop the order pull's own writes
and could deadlock with them). The locks use the two-key form, whose key space is apart from one-key advisory locks.
"""

from __future__ import annotations

import logging
import random
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import peewee as pw

from tokodesk.store import models as m

log = logging.getLogger(__name__)

# How long a BEGIN IMMEDIATE keeps trying, beyond the busy timeout, before the error reaches the user. A page of
# orders is one transaction of well under a second; a minute of waiting means something else is wrong.
BEGIN_RETRY_S = 60.0
ADVISORY_CLASS = 0x546B4478  # "TkDx": the first key of TokoDesk's two-key advisory locks


def _locked(exc: Exception) -> bool:
    text = str(exc).lower()
    return "database is locked" in text or "database is busy" in text


class WriterSqliteDatabase(pw.SqliteDatabase):
    """SQLite whose transactions begin as writers (BEGIN IMMEDIATE) unless told otherwise."""

    def __init__(self, database: str, *args, lock_type: str = "IMMEDIATE", **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(database, *args, lock_type=lock_type, **kwargs)

    def begin(self, lock_type: str | None = None) -> None:
        deadline = time.monotonic() + BEGIN_RETRY_S
        waited = 0
        while True:
            try:
                super().begin(lock_type)
                break
            except pw.OperationalError as exc:
                if not _locked(exc) or time.monotonic() >= deadline:
                    raise
                waited += 1
                time.sleep(0.05 + random.random() * 0.2)
        if waited:
            log.info("waited for another writer of %s (%d tries)", self.database, waited + 1)


def _bound(database: pw.Database | None) -> pw.Database:
    database = database if database is not None else m.db
    return getattr(database, "obj", None) or database  # the models' DatabaseProxy -> the bound database


@contextmanager
def write_transaction(*models: type[pw.Model], database: pw.Database | None = None) -> Iterator[None]:
    """A transaction for work where a read decides a write. Nested inside another one, a savepoint.

    SQLite: BEGIN IMMEDIATE (the outermost one holds the write lock from its first statement). PostgreSQL: the
    transactions naming any of the same `models` wait for each other (an advisory lock held until this one ends).
    """
    db = _bound(database)
    if isinstance(db, pw.SqliteDatabase):
        with db.atomic(lock_type="IMMEDIATE"):  # nested: a savepoint, the outer transaction holds the lock
            yield
        return
    with db.atomic():
        if isinstance(db, pw.PostgresqlDatabase):
            # Sorted, so two transactions naming the same models in another order never wait on each other.
            for key in sorted({zlib.crc32(model._meta.table_name.encode()) & 0x7FFFFFFF for model in models}):
                db.execute_sql("SELECT pg_advisory_xact_lock(%s, %s)", (ADVISORY_CLASS, key))
        yield
