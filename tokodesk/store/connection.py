"""Open the database: SQLite in the data folder by default, PostgreSQL for several stations.

SQLite runs in WAL mode with a busy timeout so a worker thread's short write does not fail a reader on the GUI
thread with "database is locked" (Vorta #1032/#1081 is the lesson).
"""

from __future__ import annotations

import errno
import logging
import shutil
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import peewee as pw

from tokodesk import config
from tokodesk.store import clock, driver
from tokodesk.store.migrations import SchemaTooNewError, migrate
from tokodesk.store.models import db
from tokodesk.store.tx import WriterSqliteDatabase

log = logging.getLogger(__name__)

CONNECT_LOCKED_WAIT_S = 120.0

SQLITE_PRAGMAS = {
    # First: the switch to WAL below takes a lock, and on a new file several stations starting at once wait for it
    # (in order of the dict) instead of failing with "database is locked".
    "busy_timeout": 10000,  # ms
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",  # safe with WAL; a power cut loses at most the last commits, never corrupts
    "cache_size": -16000,  # 16 MB
}


class DatabaseError(Exception):
    """The database cannot be opened or migrated; the message says why and what to do."""


def make_database(url: str) -> pw.Database:
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:///relative/path, sqlite:////absolute/path, sqlite:///C:/Windows/path, sqlite:///:memory:
        path = unquote(url.split("://", 1)[1][1:] if url.startswith("sqlite:///") else parsed.path)
        if path == ":memory:":
            pass
        else:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Transactions begin as writers: see store/tx.py for why the busy timeout alone is not enough.
        return WriterSqliteDatabase(path, pragmas=SQLITE_PRAGMAS, check_same_thread=False)
    if parsed.scheme in ("postgres", "postgresql"):
        driver.use_psycopg()
        query = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        return pw.PostgresqlDatabase(
            unquote(parsed.path.lstrip("/")),
            user=unquote(parsed.username) if parsed.username else None,
            password=unquote(parsed.password) if parsed.password else None,
            host=parsed.hostname or None,
            port=parsed.port or None,
            autoconnect=True,
            **query,
        )
    raise DatabaseError(
        f"TOKODESK_DB has an unknown scheme {parsed.scheme!r}: use sqlite:///PATH or postgresql://user@host/dbname"
    )


def database_path(database: pw.Database | None = None) -> str:
    database = database or db.obj
    if isinstance(database, pw.SqliteDatabase):
        return str(database.database)
    if database is None:
        return ""
    return f"postgresql://{database.connect_params.get('host') or 'localhost'}/{database.database}"


def open_database(url: str | None = None, *, run_migrations: bool = True) -> pw.Database:
    """Bind the models to the database at `url` (default: TOKODESK_DB or the data folder) and migrate it.

    Raises DatabaseError, in words, for a database that cannot be reached, is not a database (or is damaged), is
    newer than this TokoDesk, sits on a full disk, or cannot be migrated."""
    if url is None:
        config.ensure_data_dir()
        url = config.database_url()
    database = make_database(url)
    clock.forget()  # another database, maybe another server's clock
    deadline = time.monotonic() + CONNECT_LOCKED_WAIT_S
    while True:
        try:
            database.connect(reuse_if_open=True)
            break
        except pw.DatabaseError as exc:  # OperationalError, and sqlite's "file is not a database" at the first pragma
            _close_quietly(database)
            # Another station is creating or migrating the file (it holds the lock longer than the busy timeout on a
            # slow disk): wait for it, as the migration lock itself does, rather than refuse to start.
            if "database is locked" in str(exc) and time.monotonic() < deadline:
                time.sleep(0.5)
                continue
            raise DatabaseError(describe_error(exc, database) or _explain_connect_error(url, exc)) from exc
    db.initialize(database)
    if run_migrations:
        try:
            migrate(database)
        except SchemaTooNewError as exc:
            _close_quietly(database)
            raise DatabaseError(f"{database_path(database)}: {exc}") from exc
        except pw.ProgrammingError as exc:
            raise DatabaseError(
                f"TokoDesk could not create or update its tables: {exc}. "
                "The database user needs the right to CREATE tables in this database."
            ) from exc
        except pw.DatabaseError as exc:
            _close_quietly(database)
            text = describe_error(exc, database)
            if text is None:
                raise
            raise DatabaseError(text) from exc
    return database


def _close_quietly(database: pw.Database) -> None:
    """Close a database we failed to open, so its file is not held (Windows cannot move a held file)."""
    try:
        if not database.is_closed():
            database.close()
    except Exception:  # closing a broken connection may fail too; the first error is the one to report
        log.debug("closing a failed database raised", exc_info=True)


def _causes(exc: BaseException) -> list[BaseException]:
    # "cannot rollback - no transaction is active" hides the real error: SQLite already rolled back after
    # SQLITE_FULL, then peewee's atomic() tried again. The cause is in the chain.
    seen: list[BaseException] = []
    while exc is not None and exc not in seen and len(seen) < 20:
        seen.append(exc)
        exc = exc.__cause__ or exc.__context__
    return seen


AFTER_DISK_FULL = ("Free some space on it and run the command again: nothing saved before was damaged, and an order "
                   "action that was under way is checked with the marketplace first.")
NEARLY_FULL = 1024 * 1024  # bytes: below this, SQLite's "disk I/O error" on opening is a full disk


def describe_error(exc: BaseException, database: pw.Database | None = None) -> str | None:
    """Words for a database or disk error anywhere in `exc`'s chain (disk full, not a database, damaged); None when
    it is none of those."""
    database = database if database is not None else db.obj
    where = database_path(database) if database is not None else "the database"
    is_postgres = isinstance(database, pw.PostgresqlDatabase)
    folder = where if is_postgres or database is None else str(Path(where).resolve().parent)
    disk = f"the disk on the PostgreSQL server ({where})" if is_postgres else f"the disk holding {folder}"
    for cause in _causes(exc):
        text = str(cause).lower()
        if isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            name = cause.filename or "a file"
            return f"The disk is full: cannot write {name}. {AFTER_DISK_FULL.replace('it and', 'that disk and')}"
        if "database or disk is full" in text or "no space left on device" in text or "disk full" in text:
            return f"The disk is full: {disk} has no room left. {AFTER_DISK_FULL}"
        if "disk i/o error" in text and not is_postgres and database is not None:
            # Opening in WAL mode creates the -wal/-shm files; on a full disk SQLite says only "disk I/O error".
            try:
                full = shutil.disk_usage(folder).free < NEARLY_FULL
            except OSError:
                full = False
            if full:
                return f"The disk is full: {disk} has no room left. {AFTER_DISK_FULL}"
            return (f"The disk holding {folder} failed to read or write {where} (disk I/O error). Check the disk "
                    "(and that it is still connected), then run the command again.")
        if "file is not a database" in text or "not a database" in text:
            return (f"{where} is not a TokoDesk database (the file is not an SQLite database, or it is damaged "
                    "beyond reading). Point TOKODESK_DB at the right file, or move this one away so TokoDesk starts "
                    "afresh; a backup (*.bak.db) next to it can be renamed back.")
        if "malformed" in text or "database disk image" in text or "truncated" in text:
            return (f"{where} is damaged (the file is cut short or corrupted: {cause}). Restore a backup (*.bak.db "
                    "next to it) or move the file away so TokoDesk starts afresh.")
    return None


def close_database() -> None:
    if db.obj is not None and not db.obj.is_closed():
        db.obj.close()


def _explain_connect_error(url: str, exc: Exception) -> str:
    parsed = urlparse(url)
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if parsed.scheme.startswith("postgres"):
        where = f"{parsed.hostname or 'localhost'}:{parsed.port or 5432}"
        if "password" in text or "authentication" in text:
            return f"PostgreSQL at {where} refused the user {parsed.username!r}: {text}. Check the user and password."
        if "does not exist" in text:
            return f"PostgreSQL at {where}: {text}. Create the database first (createdb) or fix its name."
        return f"Cannot reach PostgreSQL at {where}: {text}. Is the server running and reachable from this PC?"
    path = unquote(url.split("://", 1)[1][1:]) if url.startswith("sqlite:///") else unquote(parsed.path)
    return f"Cannot open the database {path}: {text}. Check that the folder exists and is writable."
