"""The outbox (DESIGN.md §4): marketplace mutations as rows, so no intent is lost and none is sent twice.

Life of an `Action`:

    pending ──claim──▶ sent ──answer──▶ done | failed
                        │
                        └─ answer lost (OutcomeUnknown) ─▶ unknown ──resolve (read the order first)──▶ ...

`enqueue` must be called inside the transaction that makes the local change, so the intent and the change land
together or not at all. `claim` is a conditional UPDATE (status AND version), so two stations (or the GUI and the
CLI) never both send the same action. A process killed while an action is `sent` leaves an orphan; `is_orphan`
recognises it (its holder process is gone, or its lease ran out) so `resume` can read the marketplace and decide.

Plain storage only: what each kind sends and how it is resolved lives in `tokodesk.services.fulfilment.execute`.
"""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterable
from datetime import datetime, timedelta

import peewee as pw

from tokodesk.store import models as m

PENDING = "pending"
SENT = "sent"
DONE = "done"
FAILED = "failed"
UNKNOWN = "unknown"
ACTIVE_STATUSES = (PENDING, SENT, UNKNOWN)

# A sent action whose holder cannot be checked (another PC) is presumed dead after this long: every marketplace
# call times out well inside it, so an action still `sent` after the lease belongs to a process that died.
LEASE = timedelta(seconds=90)

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
    return {"host": socket.gethostname(), "pid": os.getpid()}


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


def is_orphan(action: m.Action, now: datetime | None = None) -> bool:
    """A `sent` action whose sender is gone: killed on this PC, or silent for longer than the lease."""
    if action.status != SENT:
        return False
    holder = (action.payload or {}).get(CLAIM_KEY) or {}
    if holder.get("host") == socket.gethostname() and isinstance(holder.get("pid"), int):
        if not _pid_alive(holder["pid"]):
            return True
        if holder["pid"] == os.getpid():
            return False  # this very process holds it (another thread is sending)
    return (now or m.utcnow()) - action.updated_at > LEASE


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
