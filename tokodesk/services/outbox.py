"""The outbox (DESIGN.md §4): marketplace mutations as rows, so no intent is lost and none is sent twice.

Life of an `Action`:

    pending ──claim──▶ sent ──answer──▶ done | failed
                        │
                        └─ answer lost (OutcomeUnknown) ─▶ unknown ──resolve (read the order first)──▶ ...

`enqueue` must be called inside the transaction that makes the local change, so the intent and the change land
together or not at all. `claim` is a conditional UPDATE (status AND version), so two stations (or the GUI and the
CLI) never both send the same action. A process killed while an action is `sent` leaves an orphan; `is_orphan`
recognises it so `resume` can read the marketplace and decide:
- the sender was a process of this installation (`station.installation_id()`, never the hostname: cloned PCs share
  one) that has ended: at once;
- otherwise only when its lease ran out. The sender renews the lease while its request is in flight (`keep_alive`),
  and the lease is never shorter than the longest one marketplace call can take (the transports' timeouts, retries
  and waits), so a live sender on another PC is never taken over, however slow the marketplace.

Plain storage only: what each kind sends and how it is resolved lives in `tokodesk.services.fulfilment.execute`.
"""

from __future__ import annotations

import logging
import os
import socket
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

import peewee as pw

from tokodesk.marketplace.tiktokshop.transport import longest_call_s as _tiktokshop_longest
from tokodesk.marketplace.tokopedia.transport import longest_call_s as _tokopedia_longest
from tokodesk.station import installation_id
from tokodesk.store import models as m

log = logging.getLogger(__name__)

PENDING = "pending"
SENT = "sent"
DONE = "done"
FAILED = "failed"
UNKNOWN = "unknown"
ACTIVE_STATUSES = (PENDING, SENT, UNKNOWN)

# A sent action whose holder cannot be checked (another PC) is presumed dead when its lease was not renewed for this
# long. The sender renews it every RENEW_EVERY while its request is in flight; and should renewing stall (a database
# too busy to answer), one marketplace call still ends well inside it: every attempt timing out, with every wait.
RENEW_EVERY = timedelta(seconds=30)
LEASE = timedelta(seconds=max(_tokopedia_longest(), _tiktokshop_longest()) + 2 * RENEW_EVERY.total_seconds())

CLAIM_KEY = "_claim"


def enqueue(order: m.Order, kind: str, payload: dict, station: str) -> m.Action:
    """Write a pending action. Call inside the transaction of the local change it belongs to."""
    return m.Action.create(
        channel=order.channel_id,
        order=order.id,
        kind=kind,
        payload=dict(payload),
        status=PENDING,
        station=station,
    )


def active_for(order_id: int) -> m.Action | None:
    """The action still in flight for this order (pending, sent or unknown), if any."""
    return (
        m.Action.select()
        .where((m.Action.order == order_id) & (m.Action.status.in_(ACTIVE_STATUSES)))
        .order_by(m.Action.id)
        .first()
    )


def _holder() -> dict:
    # The host is only for people reading the row; `station` (this installation's id) is what decides.
    return {"station": installation_id(), "host": socket.gethostname(), "pid": os.getpid()}


def claim(action: m.Action, station: str, *, from_statuses: Iterable[str] = (PENDING, UNKNOWN, SENT)) -> bool:
    """Take the action for sending. False when someone else changed or took it since it was read.

    The WHERE on status and version is the guard: of two stations claiming the same row, exactly one UPDATE
    matches. On success `action` is refreshed in place.
    """
    payload = dict(action.payload or {})
    payload[CLAIM_KEY] = _holder()
    now = m.utcnow()
    rows = (
        m.Action.update(
            status=SENT,
            attempts=m.Action.attempts + 1,
            version=m.Action.version + 1,
            station=station,
            payload=payload,
            updated_at=now,
        )
        .where(
            (m.Action.id == action.id)
            & (m.Action.version == action.version)
            & (m.Action.status.in_(tuple(from_statuses)))
        )
        .execute()
    )
    if rows != 1:
        return False
    action.status = SENT
    action.attempts += 1
    action.version += 1
    action.station = station
    action.payload = payload
    action.updated_at = now
    return True


def settle(action: m.Action, status: str, error: str = "") -> bool:
    """Store the result of a claimed action. False when the claim was lost meanwhile (nothing written)."""
    now = m.utcnow()
    rows = (
        m.Action.update(status=status, error=error, version=m.Action.version + 1, updated_at=now)
        .where((m.Action.id == action.id) & (m.Action.version == action.version) & (m.Action.status == SENT))
        .execute()
    )
    if rows != 1:
        return False
    action.status = status
    action.error = error
    action.version += 1
    action.updated_at = now
    return True


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        # os.kill(pid, 0) would send CTRL_C_EVENT on Windows; ask the kernel instead.
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def is_orphan(action: m.Action, now: datetime | None = None, *, me: str | None = None) -> bool:
    """A `sent` action whose sender is gone: a process of this installation that ended, or a sender anywhere that
    has not renewed its lease for longer than `LEASE`. `me`: the installation judging (default: this one)."""
    if action.status != SENT:
        return False
    holder = (action.payload or {}).get(CLAIM_KEY) or {}
    if holder.get("station") == (me or installation_id()) and isinstance(holder.get("pid"), int):
        if holder["pid"] == os.getpid():
            return False  # this very process holds it (another thread is sending)
        if not _pid_alive(holder["pid"]):
            return True
    return (now or m.utcnow()) - action.updated_at > LEASE


def renew(action: m.Action) -> bool:
    """Move the lease of a claimed action forward. False when the claim was lost (settled or taken over)."""
    now = m.utcnow()
    rows = (
        m.Action.update(updated_at=now)
        .where((m.Action.id == action.id) & (m.Action.version == action.version) & (m.Action.status == SENT))
        .execute()
    )
    if rows == 1:
        action.updated_at = now
    return rows == 1


@contextmanager
def keep_alive(*actions: m.Action, every: timedelta | None = None) -> Iterator[None]:
    """Renew the lease of these claimed actions while the body runs (their requests are in flight).

    A thread of its own, because the body is one blocking marketplace call that may wait on retries and rate
    limits for minutes. The renewal does not change the version, so the body still settles with the claim it holds.
    """
    stop = threading.Event()
    period = (every or RENEW_EVERY).total_seconds()

    def renewer() -> None:
        try:
            while not stop.wait(period):
                for action in actions:
                    try:
                        renew(action)
                    except pw.PeeweeException as exc:  # a busy database: the lease still outlasts the call
                        log.warning("could not renew the lease of outbox action %s: %s", action.id, exc)
        finally:
            database = m.db.obj if isinstance(m.db, pw.DatabaseProxy) else m.db
            if database is not None and not database.is_closed():
                database.close()  # this thread's own connection

    thread = threading.Thread(target=renewer, name="tokodesk-outbox-lease", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=period + 30)


def resumable(channel_id: int, kinds: Iterable[str]) -> list[m.Action]:
    """Actions of these kinds that wait for a send or a decision: pending, unknown, and orphaned sent ones."""
    rows = list(
        m.Action.select()
        .where(
            (m.Action.channel == channel_id)
            & (m.Action.kind.in_(tuple(kinds)))
            & (m.Action.status.in_(ACTIVE_STATUSES))
        )
        .order_by(m.Action.id)
    )
    now = m.utcnow()
    return [a for a in rows if a.status != SENT or is_orphan(a, now)]


def counts(channel_id: int | None = None) -> dict[str, int]:
    """How many actions are in each status (for the status bar and `self-test`)."""
    query = m.Action.select(m.Action.status, pw.fn.COUNT(m.Action.id).alias("n")).group_by(m.Action.status)
    if channel_id is not None:
        query = query.where(m.Action.channel == channel_id)
    return {row.status: row.n for row in query}
