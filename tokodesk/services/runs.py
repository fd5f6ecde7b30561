"""Sync run bookkeeping: one `SyncRun` row per run, and the lease that keeps a kind to one run per channel.

The lease is a `SyncLease` row unique on (channel, kind). Whoever inserts it runs; everyone else gets a
`LeaseHeld` that says who holds it and since when. A holder renews it while it works (every page), so a crashed
process only blocks the kind until the lease expires — or at once, when the holder was a process on this same
station that is no longer alive (a killed `tokodesk sync` should not block the next one for ten minutes).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

import peewee as pw

from tokodesk import config
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, Said, said, stored_words
from tokodesk.marketplace import clean
from tokodesk.station import installation_id
from tokodesk.store import models as m
from tokodesk.store.clock import shared_now
from tokodesk.store.tx import write_transaction

log = logging.getLogger(__name__)

LEASE_TTL = timedelta(minutes=10)
MAX_STORED_ERRORS = 200  # a run with 10,000 bad rows must not make a 10 MB SyncRun row; the count stays exact


class LeaseHeld(UserError):
    """Another run of the same kind for the same channel is in progress."""

    exit_code = 1

    def __init__(self, channel: str, kind: str, holder: str, since: datetime | None, expires_at: datetime) -> None:
        self.channel = channel
        self.kind = kind
        self.holder = holder
        self.since = since
        self.expires_at = expires_at
        since_text = said(QT_TRANSLATE_NOOP("Refusals", " since {since}"),
                          since=config.wib(since, seconds=True)) if since else ""
        super().__init__(QT_TRANSLATE_NOOP("Refusals", "a '{kind}' sync of channel '{channel}' is already running: "
                                                       "held by {holder}{since}. Wait for it to finish; if that "
                                                       "process is gone, the lock frees itself at {expires}."),
                         kind=kind, channel=channel, holder=holder if isinstance(holder, Said) else shown(holder),
                         since=since_text,
                         expires=config.wib(expires_at, seconds=True))


@dataclass
class RunSummary:
    """What one sync did: the `sync … --json` object of DESIGN.md §6 (kind, fetched, created, updated, failed,
    errors), plus where and how it ended."""

    kind: str
    channel: str = ""
    fetched: int = 0
    created: int = 0
    updated: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    status: str = "running"  # running | ok | partial | failed | cancelled
    run_id: int | None = None
    window_from: datetime | None = None
    window_to: datetime | None = None
    details: dict[str, Any] = field(default_factory=dict)  # per-kind extras (unmapped SKUs, changed orders…)

    def add_error(self, text: str, *, failed: bool = True) -> None:
        if failed:
            self.failed += 1
        if len(self.errors) < MAX_STORED_ERRORS:
            self.errors.append(text)
        elif len(self.errors) == MAX_STORED_ERRORS:
            self.errors.append(said(QT_TRANSLATE_NOOP("Refusals", "… more errors left out; the counts above are "
                                                                  "complete")))

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("window_from", "window_to"):
            data[key] = data[key].isoformat() + "Z" if data[key] else None
        return data


INSTALLATION_MARK = " #"


def holder_id() -> str:
    # The name people read, and this installation's id: two cloned PCs share a name, never the id (station.py).
    return f"{config.station_id()} pid {os.getpid()}{INSTALLATION_MARK}{installation_id()[:12]}"


def shown(holder: str) -> str:
    """The holder as people read it: who and which process, without the installation id."""
    return holder.partition(INSTALLATION_MARK)[0]


def _holder_is_dead(holder: str) -> bool:
    """True when the holder was a process of this installation that has ended (its lease can be taken at once)."""
    who, _, installation = holder.partition(INSTALLATION_MARK)
    _station, _, pid_text = who.rpartition(" pid ")
    if installation != installation_id()[:12] or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OSError):
        return False
    return False


# (channel id, kind) of the runs this process holds. The lease row names the process, not the thread, so without
# this a "Sync now" while the scheduler's own pull runs in another thread of the same window would pass the lease,
# and two pulls would write the same orders at once (SQLite: "database is locked").
_HELD_HERE: set[tuple[int, str]] = set()
_HELD_HERE_LOCK = threading.Lock()


def acquire_lease(channel: m.Channel, kind: str, *, holder: str | None = None, ttl: timedelta = LEASE_TTL) -> str:
    """Take the (channel, kind) lease or raise LeaseHeld. Returns the holder id to renew and release with."""
    if holder is None:
        holder = holder_id()
        key = (channel.id, kind)
        # Held across the database part too: the next thread must see the lease row this one wrote.
        with _HELD_HERE_LOCK:
            if key in _HELD_HERE:
                mine = m.SyncLease.get_or_none((m.SyncLease.channel == channel.id) & (m.SyncLease.kind == kind))
                # A key whose lease row is gone or expired is stale (a run that died, another database).
                if mine is not None and mine.holder == holder and mine.expires_at > shared_now():
                    here = said(QT_TRANSLATE_NOOP("Refusals", "{holder} (another task of this TokoDesk)"),
                                holder=shown(holder))
                    raise LeaseHeld(channel.name, kind, here, _running_since(channel, kind), mine.expires_at)
            taken = _acquire(channel, kind, holder, ttl)
            _HELD_HERE.add(key)
            return taken
    return _acquire(channel, kind, holder, ttl)


def _acquire(channel: m.Channel, kind: str, holder: str, ttl: timedelta) -> str:
    now = shared_now()  # another station judges this lease: on the clock they all share
    database = m.SyncLease._meta.database
    # A writer from the start: the read below decides the write (SQLite would refuse the upgrade under load).
    with write_transaction(m.SyncLease):
        current = m.SyncLease.get_or_none((m.SyncLease.channel == channel.id) & (m.SyncLease.kind == kind))
        if current is not None:
            if current.expires_at > now and current.holder != holder and not _holder_is_dead(current.holder):
                raise LeaseHeld(channel.name, kind, current.holder, _running_since(channel, kind), current.expires_at)
            log.info("taking over the %s lease of %s from %s", kind, channel.name, current.holder)
            current.delete_instance()
            _close_abandoned_runs(channel, kind)
        try:
            # A savepoint: on PostgreSQL a failed INSERT aborts the whole transaction, and we still need to read
            # who won the race.
            with database.atomic():
                m.SyncLease.create(channel=channel.id, kind=kind, holder=holder, expires_at=now + ttl)
        except pw.IntegrityError:
            # Another process inserted between our read and our insert: it won.
            other = m.SyncLease.get((m.SyncLease.channel == channel.id) & (m.SyncLease.kind == kind))
            raise LeaseHeld(channel.name, kind, other.holder, _running_since(channel, kind), other.expires_at) from None
    return holder


def renew_lease(channel: m.Channel, kind: str, holder: str, *, ttl: timedelta = LEASE_TTL) -> None:
    updated = (
        m.SyncLease.update(expires_at=shared_now() + ttl)
        .where((m.SyncLease.channel == channel.id) & (m.SyncLease.kind == kind) & (m.SyncLease.holder == holder))
        .execute()
    )
    if not updated:
        # Our lease expired and someone else took over: stop rather than run two syncs side by side.
        raise LeaseHeld(channel.name, kind, "another run (this run's lock expired)", None, shared_now())


def release_lease(channel: m.Channel, kind: str, holder: str) -> None:
    try:
        m.SyncLease.delete().where(
            (m.SyncLease.channel == channel.id) & (m.SyncLease.kind == kind) & (m.SyncLease.holder == holder)
        ).execute()
    finally:
        if holder == holder_id():
            with _HELD_HERE_LOCK:
                _HELD_HERE.discard((channel.id, kind))


def _running_since(channel: m.Channel, kind: str) -> datetime | None:
    run = (
        m.SyncRun.select(m.SyncRun.started_at)
        .where((m.SyncRun.channel == channel.id) & (m.SyncRun.kind == kind) & (m.SyncRun.status == "running"))
        .order_by(m.SyncRun.started_at.desc())
        .first()
    )
    return run.started_at if run else None


def _close_abandoned_runs(channel: m.Channel, kind: str) -> None:
    errors = [said(QT_TRANSLATE_NOOP("Refusals", "interrupted: the process ended mid-run"))]
    m.SyncRun.update(status="failed", finished_at=m.utcnow(), errors=errors, error_words=errors_words(errors)).where(
        (m.SyncRun.channel == channel.id) & (m.SyncRun.kind == kind) & (m.SyncRun.status == "running")
    ).execute()


def errors_words(errors: list) -> list | None:
    """The words of each of a run's errors (SyncRun.error_words), None when every one is plain text."""
    words = [stored_words(error) for error in errors]
    return words if any(w is not None for w in words) else None


class RunHandle:
    """The live side of a run: its summary, its SyncRun row and its lease."""

    def __init__(self, channel: m.Channel, kind: str, holder: str, row: m.SyncRun, summary: RunSummary) -> None:
        self.channel = channel
        self.kind = kind
        self.holder = holder
        self.row = row
        self.summary = summary

    def heartbeat(self) -> None:
        """Keep the lease and let a watcher see the counts so far (called once a page, inside its transaction)."""
        renew_lease(self.channel, self.kind, self.holder)
        s = self.summary
        m.SyncRun.update(fetched=s.fetched, created=s.created, updated=s.updated, failed=s.failed).where(
            m.SyncRun.id == self.row.id
        ).execute()


@contextmanager
def sync_run(channel: m.Channel, kind: str, *, window_from: datetime | None = None, window_to: datetime | None = None):
    """Hold the lease and a SyncRun row for the body. The body sets summary.status to 'cancelled' when it stops
    early; otherwise the status is ok / partial (some rows failed) / failed (an exception ended the run)."""
    holder = acquire_lease(channel, kind)
    summary = RunSummary(kind=kind, channel=channel.name, window_from=window_from, window_to=window_to)
    try:
        row = m.SyncRun.create(
            channel=channel.id, kind=kind, window_from=window_from, window_to=window_to, station=config.station_id()
        )
    except Exception:
        release_lease(channel, kind, holder)
        raise
    summary.run_id = row.id
    clean.new_run()  # text cleaned at the adapter boundary is logged once per field kind per run
    handle = RunHandle(channel, kind, holder, row, summary)
    try:
        yield handle
    except BaseException as exc:
        summary.status = "failed"
        summary.errors.append(str(exc) or type(exc).__name__)
        _finish(handle)
        # The caller that reports the failure (the scheduler's `sync due`) says which log row holds it.
        with contextlib.suppress(AttributeError):
            exc.run_summary = summary  # type: ignore[attr-defined]
        raise
    else:
        if summary.status == "running":
            summary.status = "partial" if summary.failed else "ok"
        _finish(handle)


def _finish(handle: RunHandle) -> None:
    s = handle.summary
    try:
        m.SyncRun.update(
            finished_at=m.utcnow(),
            status=s.status,
            window_from=s.window_from,
            window_to=s.window_to,
            fetched=s.fetched,
            created=s.created,
            updated=s.updated,
            failed=s.failed,
            errors=s.errors or None,
            error_words=errors_words(s.errors),
        ).where(m.SyncRun.id == handle.row.id).execute()
    finally:
        release_lease(handle.channel, handle.kind, handle.holder)


def last_run(channel: m.Channel, kind: str, *, statuses: tuple[str, ...] | None = None) -> m.SyncRun | None:
    query = m.SyncRun.select().where((m.SyncRun.channel == channel.id) & (m.SyncRun.kind == kind))
    if statuses:
        query = query.where(m.SyncRun.status.in_(statuses))
    return query.order_by(m.SyncRun.started_at.desc(), m.SyncRun.id.desc()).first()


def lease_holder(channel: m.Channel, kind: str) -> m.SyncLease | None:
    """The live lease of (channel, kind), if any (the scheduler skips a kind that is running)."""
    lease = m.SyncLease.get_or_none((m.SyncLease.channel == channel.id) & (m.SyncLease.kind == kind))
    if lease is None or lease.expires_at <= shared_now() or _holder_is_dead(lease.holder):
        return None
    return lease
