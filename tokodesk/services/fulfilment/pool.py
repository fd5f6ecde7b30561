"""Batch actions (accept, ship) sent from a bounded pool of threads per channel (issue 19 §4).

At 40 ms a request, a batch sent one request after another waits 40 s per 1,000 orders. Here up to SENDERS
requests of one channel are in flight at once, paced by the transport's rate gate to the quota the marketplace
announces (a channel's requests go one at a time until the marketplace answers one of them: that answer, not a
lost one settled by reading the order, teaches the gate the quota). The outbox's rules
are the same as for one order:

- claim before send: the caller's thread writes a chunk of orders' actions already claimed (`outbox.enqueue_claimed`)
  in the transaction that bumps those orders' versions; only then do the sender threads get them;
- one request per order and step: each action goes to exactly one sender, which never sends again after a lost
  answer before reading the order (`Executor.decide`);
- only the caller's thread writes the store: the senders do network work, and their answers are settled a group at
  a time in a few statements (`_settle`), each order still with its own outcome, event and problem.

A chunk in which another station (or a sync) changed an order meanwhile is claimed order by order instead, so the
loser of a race is told so on that order alone; an answer that is not a plain success (failed, unknown, confirmed
by reading) is settled by the executor on its own, exactly as for a single action.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

import peewee as pw

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, stored_words
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.fulfilment.common import (
    ActionOutcome,
    lines_of_orders,
    outcome,
    reload,
    to_marketplace_order,
)
from tokodesk.store import bulk
from tokodesk.store import models as m

log = logging.getLogger(__name__)

SENDERS = 16  # requests of one channel in flight at once (the rate gate still paces them to the announced quota)
CLAIM_CHUNK = 128  # orders claimed per transaction; a crash leaves at most a few chunks to resolve by reading
QUEUED = 4  # senders' worth of claimed requests kept unanswered: the senders work on through a claim and a settle
SETTLE_GROUP = 48  # answers settled together (or what came within GATHER_S): fewer, larger transactions
GATHER_S = 0.05  # longest an answer waits for others to be settled with it
CHANGED = "The order was changed by another station or a sync just now; refresh and try again."
STOPPED = "not done: stopped before this order"
EVENT_FIELDS = (m.OrderEvent.order, m.OrderEvent.at, m.OrderEvent.who, m.OrderEvent.kind, m.OrderEvent.ok,
                m.OrderEvent.detail, m.OrderEvent.words)


@dataclass
class Intent:
    """An order checked for `kind`, with what its action will carry; `action` once claimed.

    An action left open earlier and claimed again by `resume.py` comes in with `action` set and `before`: the status
    it had (pending or unknown), which it gets back if the batch stops before sending it; `read_first`: its order
    was not read yet, so the sender reads it before anything else (`Executor.decide`)."""

    order: m.Order
    channel: m.Channel
    kind: str
    payload: dict
    action: m.Action | None = None
    before: str = ""
    read_first: bool = False


class Lost(Exception):
    """A bulk write matched fewer rows than it should: someone changed one of them; redo one by one."""


class _Lane:
    """One channel's senders and what is left to claim for it."""

    def __init__(self, executor: ex.Executor) -> None:
        self.executor = executor
        self.queue: deque[Intent] = deque()
        # The marketplace answered one of the lane's own requests: the transport's rate gate knows its quota now.
        # Until then one request at a time: an answer lost and settled by reading the order taught the gate only
        # the read's quota, and 32 requests let go then would meet a rate-limited marketplace's 429s together.
        self.answered = False
        self.pool = ThreadPoolExecutor(SENDERS, thread_name_prefix="tokodesk-send")


def run(
    intents: Sequence[Intent],
    executor_for: Callable[[m.Channel], ex.Executor],
    who: str,
    *,
    label: str = "",
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
) -> dict[int, ActionOutcome]:
    """Claim, send and settle the intents; the outcome of each, by order primary key."""
    results: dict[int, ActionOutcome] = {}
    if not intents:
        return results
    lanes: dict[int, _Lane] = {}
    for intent in intents:
        if intent.channel.id not in lanes:
            lanes[intent.channel.id] = _Lane(executor_for(intent.channel))
        lanes[intent.channel.id].queue.append(intent)
    needs_lines = any(intent.kind != ex.ACK for intent in intents)  # an accept sends the order id only
    lines = lines_of_orders([intent.order.id for intent in intents]) if needs_lines else {}
    futures: dict[Future, tuple[_Lane, Intent]] = {}
    answered: dict[int, list[tuple[Intent, ex.Decision | None]]] = {}  # answers not settled yet, by channel
    stopped = False
    total = len(intents)
    try:
        with outbox.Leases() as leases:  # every claimed action's lease outlives any wait on the marketplace
            while True:
                # The next chunk is claimed (and queued for the senders) before the answers in hand are settled:
                # with no network wait, settling first left the senders idle through the settle and the claim.
                for lane in lanes.values():
                    if lane.queue and not stopped and cancel is not None and cancel():  # never sent: not done
                        stopped = True
                    if stopped:
                        unsent = list(lane.queue)
                        lane.queue.clear()
                        results.update(_withdraw([intent for intent in unsent if intent.action is not None]))
                        for intent in unsent:
                            if intent.action is None:
                                results[intent.order.id] = outcome(reload(intent.order), False, STOPPED, refused=True)
                        continue
                    # The next chunk is claimed while the senders still have QUEUED senders' worth of requests not
                    # yet answered. Answers waiting to be settled do not count: counting them, the senders ran dry
                    # through the settle and the claim that followed (a third of a batch's time on PostgreSQL).
                    # Before the marketplace's first answer, one request at a time, answered and settled first.
                    mine = [f for f, (owner, _intent) in futures.items() if owner is lane]
                    waiting = sum(1 for f in mine if not f.done()) if lane.answered else len(mine)
                    room = (QUEUED * SENDERS if lane.answered else 1) - waiting
                    if not lane.queue or room <= 0:
                        continue
                    # Claim a whole chunk once the senders run low: its actions queue in the pool, few transactions.
                    size = CLAIM_CHUNK if lane.answered else 1
                    chunk = [lane.queue.popleft() for _ in range(min(size, len(lane.queue)))]
                    ahead = [intent for intent in chunk if intent.action is not None]  # claimed by resume.py
                    new = [intent for intent in chunk if intent.action is None]
                    claimed, refused = _claim(new, who) if new else ([], {})
                    claimed = ahead + claimed
                    results.update(refused)
                    leases.add(intent.action for intent in claimed)
                    for intent in claimed:
                        busy = _parcel_in_flight(intent, lane.executor)
                        if busy:  # another station is shipping the same (combined) parcel: wait for it
                            results[intent.order.id] = lane.executor._unknown(intent.action, intent.order, busy)
                            leases.drop([intent.action])
                            continue
                        order = to_marketplace_order(intent.order, lines.get(intent.order.id, []))
                        future = lane.pool.submit(_send, lane.executor, intent, order, cancel)
                        futures[future] = (lane, intent)
                for channel_id, group in answered.items():
                    results.update(_settle(group, lanes[channel_id].executor, who))
                    leases.drop(intent.action for intent, _decision_ in group)
                answered = {}
                if not futures:
                    if any(lane.queue for lane in lanes.values()):
                        continue  # a chunk was refused whole: claim the next one
                    break
                for future in _answers(futures):
                    lane, intent = futures.pop(future)
                    decision = _decision(future, intent)
                    lane.answered = lane.answered or (decision is not None and decision.answered)
                    answered.setdefault(intent.channel.id, []).append((intent, decision))
                if progress is not None:  # before the next claim: a stop asked now claims nothing more
                    done = min(len(results) + sum(len(group) for group in answered.values()), total)
                    progress(done, total, said(QT_TRANSLATE_NOOP("Progress", "{label}: {done} of {total}"),
                                               label=label, done=done, total=total))
    finally:
        for lane in lanes.values():
            lane.pool.shutdown(wait=True, cancel_futures=True)
    return results


def _answers(futures: dict[Future, tuple[_Lane, Intent]]) -> list[Future]:
    """The requests answered so far, once there is one: settled in groups of about SETTLE_GROUP (or what came within
    GATHER_S), a few statements each, rather than a transaction per answer."""
    pending = list(futures)
    wait(pending, return_when=FIRST_COMPLETED)
    deadline = time.monotonic() + GATHER_S
    while True:
        finished = [f for f in pending if f.done()]
        left = deadline - time.monotonic()
        if len(finished) >= min(SETTLE_GROUP, len(pending)) or left <= 0:
            return finished
        wait([f for f in pending if not f.done()], timeout=left, return_when=FIRST_COMPLETED)


def _parcel_in_flight(intent: Intent, executor: ex.Executor) -> str:
    caps = executor.adapter.capabilities
    return ex.parcel_in_flight(intent.order, intent.action, caps) if intent.kind == ex.SHIP and caps.packages else ""


def _send(
    executor: ex.Executor, intent: Intent, order: base.Order, cancel: base.CancelCheck | None
) -> ex.Decision | None:
    """A sender thread's part: None when the batch was stopped before this request went out."""
    if cancel is not None and cancel():
        return None
    return executor.decide(intent.kind, intent.action.payload or {}, order, read_first=intent.read_first)


def _decision(future: Future, intent: Intent) -> ex.Decision | None:
    try:
        return future.result()
    except Exception as exc:  # not a marketplace answer (a bug, a transport surprise): the request may have gone out
        log.exception("%s of order %s: the sender failed", intent.kind, intent.order.order_id)
        return ex.Decision(outbox.UNKNOWN, said(QT_TRANSLATE_NOOP(
            "Refusals", "the request may or may not have reached the marketplace ({error})"), error=str(exc)))


# ---- claiming --------------------------------------------------------------------------------------------------
def _claim(chunk: list[Intent], who: str) -> tuple[list[Intent], dict[int, ActionOutcome]]:
    """Bump the chunk's orders (each only if unchanged since it was checked) and write their claimed actions, in one
    transaction. When one order was changed meanwhile, or two stations' transactions meet (a PostgreSQL deadlock),
    nothing of the chunk is kept and each order is claimed on its own, so only the changed one is refused."""
    try:
        actions = _claim_all(chunk, who)
    except (Lost, pw.DatabaseError) as exc:
        if len(chunk) == 1:
            if isinstance(exc, Lost):
                return [], {chunk[0].order.id: outcome(reload(chunk[0].order), False, CHANGED, refused=True)}
            raise
        log.info("claiming %d orders at once met a change (%s); claiming them one by one", len(chunk), exc)
        claimed: list[Intent] = []
        refused: dict[int, ActionOutcome] = {}
        for intent in chunk:
            mine, lost = _claim([intent], who)
            claimed += mine
            refused.update(lost)
        return claimed, refused
    now = actions[0].updated_at
    for intent, action in zip(chunk, actions, strict=True):
        intent.action = action
        intent.order.version += 1
        intent.order.local_updated_at = now
        intent.order.action_failed = False
        intent.order.problem = ""
    return chunk, {}


def _claim_all(chunk: list[Intent], who: str) -> list[m.Action]:
    kind = chunk[0].kind
    if any(intent.kind != kind for intent in chunk):
        raise ValueError("one kind of action per chunk")
    with m.db.atomic():
        rows = bulk.update_versioned(
            m.Order, {m.Order.local_updated_at: m.utcnow(), m.Order.action_failed: False, m.Order.problem: ""},
            [(i.order.id, i.order.version) for i in chunk])
        if rows != len(chunk):
            raise Lost(f"{len(chunk) - rows} of {len(chunk)} orders changed since they were checked")
        return outbox.enqueue_claimed([i.order for i in chunk], kind, [i.payload for i in chunk], who)


# ---- settling --------------------------------------------------------------------------------------------------
def _settle(
    group: list[tuple[Intent, ex.Decision | None]], executor: ex.Settles, who: str
) -> dict[int, ActionOutcome]:
    """Store the answers of one channel. Plain successes go together (one transaction, a few statements); anything
    else, or a group in which a claim was lost meanwhile, goes through the executor one by one."""
    results: dict[int, ActionOutcome] = {}
    unsent = [intent for intent, decision in group if decision is None]
    if unsent:
        results.update(_withdraw(unsent))
    group = [(i, d) for i, d in group if d is not None]
    # Another kind's answers (a buyer request's, resumed through this pool) are stored by its own `settle_done_many`.
    many = getattr(executor, "settle_done_many", None)
    plain = [(i, d) for i, d in group if d.status == outbox.DONE and d.remote is None and not d.reason
             and (d.result is None or d.result.order is None)]
    plain_ids = {intent.order.id for intent, _d in plain}
    rest = [(i, d) for i, d in group if i.order.id not in plain_ids]
    if plain:
        try:
            results.update(settle_done(plain, executor, who) if many is None else
                           many([(intent.action, intent.order, decision) for intent, decision in plain]))
        except Lost:
            rest = group
    for intent, decision in rest:
        if intent.order.id not in results:
            results[intent.order.id] = executor.settle(intent.action, intent.order, decision)
    return results


def _withdraw(unsent: list[Intent]) -> dict[int, ActionOutcome]:
    """Actions claimed but never sent (the batch was stopped first) are taken back: as if never written. One left
    open earlier gets its status back instead (its intent stands; it is resumed, reading first, next time)."""
    if not unsent:
        return {}
    with m.db.atomic():
        for intent in unsent:
            if intent.before:
                outbox.release(intent.action, intent.before)
                continue
            m.Action.delete().where((m.Action.id == intent.action.id) & (m.Action.version == intent.action.version)
                                    & (m.Action.status == outbox.SENT)).execute()
    return {intent.order.id: outcome(reload(intent.order), False, STOPPED, refused=not intent.before,
                                       pending=bool(intent.before))
            for intent in unsent}


# What settling a done action reads of its order (`Executor._changes_when_done`, `_describe`, the outcome): read
# again as stored now, since another station or a sync may have changed them since the batch checked the order.
SETTLE_READS = (m.Order.id, m.Order.order_id, m.Order.invoice, m.Order.state, m.Order.handed_over_at, m.Order.awb,
                m.Order.booking_code)


def _as_stored_now(orders: Sequence[m.Order]) -> dict[int, m.Order]:
    """These orders with SETTLE_READS as stored now, by primary key: those columns only, not the ~50 of each row
    (a whole row read again was half of a batch's settling)."""
    by_pk = {order.id: order for order in orders}
    database = bulk.bound(m.db)
    names = [field.name for field in SETTLE_READS]
    convert = [field.python_value for field in SETTLE_READS]  # what peewee's own SELECT applies (SQLite's times)
    columns = ", ".join(f'"{field.column_name}"' for field in SETTLE_READS)
    for part in bulk.chunks(list(by_pk)):
        among, params = bulk.is_in(database, '"id"', part)
        for row in bulk.select(database, f'SELECT {columns} FROM "order" WHERE {among}', params):
            by_pk[row[0]].__data__.update(
                (name, None if value is None else to(value)) for name, to, value in zip(names, convert, row,
                                                                                        strict=True))
    return by_pk


def settle_done(
    plain: list[tuple[Intent, ex.Decision]], executor: ex.Executor, who: str, note: str = ""
) -> dict[int, ActionOutcome]:
    """Settle claimed actions the marketplace did (answered, or confirmed by reading: `note` says so on the action and
    its event) in one transaction, a few statements; raises Lost (nothing written) when any one's claim was lost."""
    with m.db.atomic():
        if not outbox.settle_many([intent.action for intent, _d in plain], outbox.DONE, note):
            raise Lost("a claim was lost")
        now = m.utcnow()
        stored = _as_stored_now([intent.order for intent, _d in plain])
        same: dict[tuple, list[int]] = {}  # identical changes -> the orders getting them: one UPDATE each
        events: list[tuple] = []
        after: dict[int, tuple[m.Order, str]] = {}
        for intent, decision in plain:
            order = stored[intent.order.id]
            changes = executor._changes_when_done(intent.action, order, decision.result, now=now)
            changes.update(action_failed=False, problem="")
            same.setdefault(tuple(sorted(changes.items())), []).append(order.id)
            detail = ex.with_note(ex._describe(intent.action, order, decision.result), note)
            events.append((order.id, now, who, intent.kind, True, detail, stored_words(detail)))
            after[order.id] = (order, changes.get("state", order.state))
        for changes, ids in same.items():
            for start in range(0, len(ids), 500):
                m.Order.update(version=m.Order.version + 1, local_updated_at=now, **dict(changes)).where(
                    m.Order.id.in_(ids[start:start + 500])).execute()
        bulk.insert(m.OrderEvent, EVENT_FIELDS, events)
    return {pk: ActionOutcome(order.order_id, order.invoice, True, state) for pk, (order, state) in after.items()}
