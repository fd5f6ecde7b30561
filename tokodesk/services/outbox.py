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

import functools
import logging
import os
import socket
import sys
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta

import peewee as pw

from tokodesk.i18n_marks import stored_words
from tokodesk.station import installation_id
from tokodesk.store import bulk
from tokodesk.store import models as m
from tokodesk.store.clock import shared_now

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


@functools.cache
def lease() -> timedelta:
    """How long a sent action's lease lasts (see above): from both transports, read when first judged, so that a
    command that never judges an orphan does not load both marketplace clients."""
    from tokodesk.marketplace.tiktokshop.transport import longest_call_s as tiktokshop_longest
    from tokodesk.marketplace.tokopedia.transport import longest_call_s as tokopedia_longest

    return timedelta(seconds=max(tokopedia_longest(), tiktokshop_longest()) + 2 * RENEW_EVERY.total_seconds())

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


def active_for_many(order_ids: Sequence[int]) -> dict[int, m.Action]:
    """`active_for` of many orders, a query per 500: order primary key -> its action still in flight."""
    found: dict[int, m.Action] = {}
    ids = list(dict.fromkeys(order_ids))
    for start in range(0, len(ids), 500):
        query = (m.Action.select()
                 .where(m.Action.order.in_(ids[start:start + 500]) & m.Action.status.in_(ACTIVE_STATUSES))
                 .order_by(m.Action.id))
        for action in query:
            found.setdefault(action.order_id, action)
    return found


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
    now = shared_now()
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
    now = shared_now()
    rows = (
        m.Action.update(status=status, error=error, error_words=stored_words(error), version=m.Action.version + 1,
                        updated_at=now)
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


def release(action: m.Action, status: str) -> bool:
    """Give a claimed action back unsent, as `status` (pending, or unknown when an earlier send may have gone out):
    it is resumed, reading the order first, later. False when the claim was lost meanwhile (nothing written)."""
    if status not in (PENDING, UNKNOWN):
        raise ValueError(f"an action is released as pending or unknown, not {status}")
    return settle(action, status, action.error or "")


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
    has not renewed its lease for longer than `lease()`. `me`: the installation judging (default: this one)."""
    if action.status != SENT:
        return False
    holder = (action.payload or {}).get(CLAIM_KEY) or {}
    if holder.get("station") == (me or installation_id()) and isinstance(holder.get("pid"), int):
        if holder["pid"] == os.getpid():
            return False  # this very process holds it (another thread is sending)
        if not _pid_alive(holder["pid"]):
            return True
    return (now or shared_now()) - action.updated_at > lease()


def renew(action: m.Action) -> bool:
    """Move the lease of a claimed action forward. False when the claim was lost (settled or taken over)."""
    now = shared_now()
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
    now = shared_now()
    return [a for a in rows if a.status != SENT or is_orphan(a, now)]


def counts(channel_id: int | None = None) -> dict[str, int]:
    """How many actions are in each status (for the status bar and `self-test`)."""
    query = m.Action.select(m.Action.status, pw.fn.COUNT(m.Action.id).alias("n")).group_by(m.Action.status)
    if channel_id is not None:
        query = query.where(m.Action.channel == channel_id)
    return {row.status: row.n for row in query}


# ---- many at once (a batch sent from a pool of threads: services/fulfilment/pool.py) ------------------------------
def enqueue_claimed(orders: Sequence[m.Order], kind: str, payloads: Sequence[dict], station: str) -> list[m.Action]:
    """Write these orders' actions already claimed by this process (`sent`), in the caller's transaction.

    The same as `enqueue` then `claim`, in one statement: no other station can have claimed a row that did not exist
    before this transaction, and the caller's version bump of each order (same transaction) is what keeps a second
    station from writing an action for it too. Until the request goes out, the row is a `sent` action of a live
    process, which nobody takes over; should the process die first, it is an orphan, resolved by reading the order.
    """
    if not orders:
        return []
    holder = _holder()
    now = shared_now()
    rows = [
        {"channel": order.channel_id, "order": order.id, "kind": kind, "payload": {**payload, CLAIM_KEY: holder},
         "status": SENT, "attempts": 1, "station": station, "created_at": now, "updated_at": now, "version": 2}
        for order, payload in zip(orders, payloads, strict=True)
    ]
    # Written as store/bulk.py writes a pulled page (peewee builds an INSERT value by value: most of a claim's CPU).
    fields = [m.Action._meta.fields[name] for name in rows[0]]
    values = [tuple(row.values()) for row in rows]
    if bulk.is_sqlite(m.db):
        bulk.insert(m.Action, fields, values)
        # The ids back: each of these orders has exactly this one active action now (checked, and guarded by the
        # bump). PostgreSQL returns them with the INSERT (one round trip less per chunk claimed).
        ids = {order_id: action_id for action_id, order_id in
               m.Action.select(m.Action.id, m.Action.order)
               .where(m.Action.order.in_([o.id for o in orders]) & (m.Action.status == SENT)
                      & (m.Action.kind == kind) & (m.Action.station == station) & (m.Action.created_at == now))
               .tuples()}
    else:
        ids = dict(bulk.insert_returning(m.Action, fields, values, ("order_id", "id")))
    if len(ids) != len(orders):
        raise pw.IntegrityError(f"{len(ids)} of {len(orders)} claimed actions read back")  # the caller rolls back
    return [m.Action(id=ids[order.id], **row) for order, row in zip(orders, rows, strict=True)]


def settle_many(actions: Sequence[m.Action], status: str, error: str = "") -> bool:
    """`settle` for many claimed actions in one statement; all or nothing: False (nothing written, when the caller
    rolls back) when any one's claim was lost meanwhile, so the caller settles them one by one instead."""
    if not actions:
        return True
    now = shared_now()
    rows = bulk.update_versioned(
        m.Action, {m.Action.status: status, m.Action.error: error, m.Action.error_words: stored_words(error),
                   m.Action.updated_at: now},
        [(a.id, a.version) for a in actions], where={m.Action.status: SENT})
    if rows != len(actions):
        return False
    for action in actions:
        action.status = status
        action.error = error
        action.version += 1
        action.updated_at = now
    return True


class Leases:
    """`keep_alive` for a set of claimed actions that changes while it runs: a batch adds each chunk it claims and
    drops each action once settled. One thread renews them all, one statement a round."""

    def __init__(self, every: timedelta | None = None) -> None:
        self._actions: dict[int, m.Action] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._period = (every or RENEW_EVERY).total_seconds()
        self._thread: threading.Thread | None = None

    def add(self, actions: Iterable[m.Action]) -> None:
        with self._lock:
            self._actions.update((a.id, a) for a in actions)

    def drop(self, actions: Iterable[m.Action]) -> None:
        with self._lock:
            for action in actions:
                self._actions.pop(action.id, None)

    def renew_now(self) -> int:
        with self._lock:
            held = [(a.id, a.version) for a in self._actions.values()]
        if not held:
            return 0
        now = shared_now()
        renewed = 0
        for start in range(0, len(held), 500):
            renewed += (
                m.Action.update(updated_at=now)
                .where(pw.Tuple(m.Action.id, m.Action.version).in_(held[start:start + 500])
                       & (m.Action.status == SENT))
                .execute()
            )
        return renewed

    def _run(self) -> None:
        try:
            while not self._stop.wait(self._period):
                try:
                    self.renew_now()
                except pw.PeeweeException as exc:  # a busy database: the lease still outlasts the calls
                    log.warning("could not renew the leases of %d outbox actions: %s", len(self._actions), exc)
        finally:
            database = m.db.obj if isinstance(m.db, pw.DatabaseProxy) else m.db
            if database is not None and not database.is_closed():
                database.close()  # this thread's own connection

    def __enter__(self) -> Leases:
        self._thread = threading.Thread(target=self._run, name="tokodesk-outbox-leases", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=self._period + 30)
