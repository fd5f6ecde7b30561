"""Finishing what a crash, a kill or lost answers left open, a chunk of actions at a time (issue 19).

A batch killed while it ships through the marketplace's batch call leaves every order's ship action pending; a
network that drops mid-batch leaves each one unknown. Each must be decided by reading its order on the marketplace
before anything is sent again, and one read after another at 40 ms is 40 s per 1,000. Here, for READ_CHUNK actions
at a time:

- they are claimed (one transaction), so no other station resolves them meanwhile, and their leases are renewed
  while they wait;
- their orders are read in as few requests as the API allows (`adapter.get_orders`: 50 ids a call on Tokopedia &
  Shop; on the legacy API one a call, side by side through the transport's rate gate);
- each action is decided from what its order shows, exactly as `Executor.decide` decides after its read
  (`execute.check`): already applied is done, no longer possible is failed (the marketplace's state followed), and
  those settled here a group at a time by this thread;
- what still has to be sent goes out the way a batch sends it (`pool.run`, or the marketplace's batch ship), with
  the same rules: one request per order and step, a lost answer read back before anything is sent again.

An order the read did not return, or a chunk the marketplace refused to read, is decided the single way: its
sender reads that order alone first. Only the calling thread writes the store. A stop (`cancel`) is heeded
between chunks and before each send; an action claimed but not sent gets its status back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services.fulfilment import batch_ship, pool
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.fulfilment.common import ActionOutcome, fresh_orders, outcome, reload
from tokodesk.services.mapping import MappingIndex
from tokodesk.services.order_store import store_orders
from tokodesk.store import models as m
from tokodesk.store.tx import write_transaction

log = logging.getLogger(__name__)

READ_CHUNK = 200  # actions claimed and read per round: 4 detail reads on Tokopedia & Shop, 200 reads side by side
SETTLE_GROUP = 50  # decided actions stored per transaction
# The words `Settles.resume` says for the same case (the window translates them).
CLAIMED_ELSEWHERE = QT_TRANSLATE_NOOP("Refusals", "another station is already resolving this")
CONFIRMED = "confirmed by reading the order"  # as `Executor.decide` notes it


@dataclass
class _Open:
    action: m.Action
    order: m.Order
    before: str  # its status before this run claimed it: it gets that back (or unknown) if never sent


Open = _Open
# How a kind's claimed actions are read and decided: (those decided, with the decision to store; those still to send,
# as pool intents). `executor` sends and settles them one by one (`decide`, `settle`, `resume`), as a single action.
Reader: TypeAlias = Callable[[m.Channel, base.Marketplace, ex.Settles, list[_Open]],
                             tuple[list[tuple[_Open, ex.Decision]], list[pool.Intent]]]


def resume_pending(
    channel: m.Channel,
    adapter: base.Marketplace,
    executor: ex.Executor,
    who: str,
    *,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
) -> list[ActionOutcome]:
    """Resolve the channel's pending, unknown and orphaned accept, cancel and ship actions; one outcome per action
    handled, in the outbox's order (none for those a stop left untouched)."""
    actions = outbox.resumable(channel.id, ex.KINDS)
    results = resume_actions(channel, adapter, executor, who, actions, progress=progress, cancel=cancel)
    return [results[action.id] for action in actions if action.id in results]


def resolve_open(
    kind: str,
    active: dict[int, m.Action],
    adapter_for: Callable[[m.Channel], base.Marketplace],
    executor_for: Callable[[m.Channel], ex.Executor],
    who: str,
    *,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
) -> dict[int, ActionOutcome]:
    """A batch's orders that still have an open `kind` action (left by a crash or a lost answer, and nobody sending
    it now): finish those in bulk, as `resume_pending` does, instead of one read after another while the batch is
    checked. `active`: each order's action in flight, by order primary key. The outcome of each, by order key."""
    mine = [a for a in active.values() if a.kind == kind and (a.status != outbox.SENT or outbox.is_orphan(a))]
    by_channel: dict[int, list[m.Action]] = {}
    for action in mine:
        by_channel.setdefault(action.channel_id, []).append(action)
    found: dict[int, ActionOutcome] = {}
    for channel_id, actions in by_channel.items():
        channel = m.Channel.get_by_id(channel_id)
        done = resume_actions(channel, adapter_for(channel), executor_for(channel), who, actions, progress=progress,
                              cancel=cancel)
        found.update((action.order_id, done[action.id]) for action in actions if action.id in done)
    return found


def resume_actions(
    channel: m.Channel,
    adapter: base.Marketplace,
    executor: ex.Settles,
    who: str,
    actions: Sequence[m.Action],
    *,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
    read: Reader | None = None,
) -> dict[int, ActionOutcome]:
    """Resolve these open actions of one channel (read first, then decide and send what is still needed); the
    outcome of each handled, by action id. `read`: how their kind is read and decided (default: accept, cancel and
    ship, from their orders); `executor` sends and settles them (an `Executor`, or another kind's `Settles`)."""
    read = read or _read_and_decide
    if not actions:
        return {}
    results: dict[int, ActionOutcome] = {}  # by action id
    later: list[_Open] = []  # a second open action of an order already handled here: the single way, at the end
    to_send: list[pool.Intent] = []
    seen_orders: set[int] = set()
    total = len(actions)
    index = MappingIndex(channel)  # the orders as read are stored a group at a time, mapped with one index
    with outbox.Leases() as leases:
        for start in range(0, total, READ_CHUNK):
            if cancel is not None and cancel():
                break
            if progress is not None:
                progress(start, total, said(
                    QT_TRANSLATE_NOOP("Progress", "Checking earlier requests: {done} of {total}"),
                                             done=start, total=total))
            chunk: list[m.Action] = []
            for action in actions[start:start + READ_CHUNK]:
                if action.order_id in seen_orders:
                    later.append(_Open(action, m.Order.get_by_id(action.order_id), action.status))
                else:
                    seen_orders.add(action.order_id)
                    chunk.append(action)
            mine = _claim(chunk, who, results)
            leases.add(item.action for item in mine)
            decided, intents = read(channel, adapter, executor, mine)
            for group_start in range(0, len(decided), SETTLE_GROUP):
                group = decided[group_start:group_start + SETTLE_GROUP]
                results.update(_settle_read(channel, executor, who, group, index))
                leases.drop(item.action for item, _decision in group)
            to_send += intents
        results.update(_send(channel, adapter, executor, who, to_send, progress, cancel))
        leases.drop(intent.action for intent in to_send)
    for item in later:
        if cancel is not None and cancel():
            break
        results[item.action.id] = executor.resume(item.action)
    if progress is not None:
        progress(total, total, said(QT_TRANSLATE_NOOP("Progress", "Checking earlier requests: done")))
    return results


def _claim(chunk: Sequence[m.Action], who: str, results: dict[int, ActionOutcome]) -> list[_Open]:
    """Claim the chunk's actions in one transaction (each only as it was read: status and version); one another
    station took meanwhile is reported as such."""
    orders = fresh_orders([m.Order(id=action.order_id) for action in chunk])
    mine: list[_Open] = []
    with m.db.atomic():
        for action in chunk:
            before = action.status if action.status != outbox.SENT else outbox.UNKNOWN  # an orphan's send: unknown
            if outbox.claim(action, who, from_statuses=(action.status,)):
                mine.append(_Open(action, orders[action.order_id], before))
            else:
                results[action.id] = outcome(orders[action.order_id], False, said(CLAIMED_ELSEWHERE), pending=True)
    return mine


def _settle_read(
    channel: m.Channel, executor: ex.Settles, who: str, group: list[tuple[_Open, ex.Decision]], index: MappingIndex
) -> dict[int, ActionOutcome]:
    """Store what the reads decided, by action id. The orders found done are stored as read in one go (the pull's
    writer) and settled together, each with its event, in one transaction; the others (failed, or unknown), or a
    group in which a claim was lost meanwhile, one by one as `Executor.settle` does."""
    results: dict[int, ActionOutcome] = {}
    done = [(item, decision) for item, decision in group if decision.status == outbox.DONE]
    if done and isinstance(executor, ex.Executor) and executor.follow_remote is ex.default_follow_remote:
        intents = [intent(channel, item, read_first=False) for item, _decision in done]
        try:
            with write_transaction():
                # Our own action explains what changed, as in `Executor._done`: not flagged as changed outside.
                store_orders(channel, [decision.remote for _item, decision in done], who=who, index=index)
                settled = pool.settle_done([(intent, ex.Decision(outbox.DONE)) for intent in intents], executor, who,
                                           note=CONFIRMED)
        except pool.Lost:
            log.info("a claim of %d actions confirmed by reading was lost meanwhile; settling them one by one",
                     len(done))
        else:
            results.update((item.action.id, settled[item.order.id]) for item, _decision in done)
    elif done and hasattr(executor, "settle_done_many"):  # another kind's bulk store (a buyer request's answers)
        for note in {decision.reason for _item, decision in done}:
            same = [(item, decision) for item, decision in done if decision.reason == note]
            try:
                settled = executor.settle_done_many([(item.action, item.order, decision) for item, decision in same],
                                                    note=note, index=index)
            except pool.Lost:
                log.info("%d actions confirmed by reading: settling them one by one (%s)", len(same), note)
            else:
                results.update((item.action.id, settled[item.order.id]) for item, _decision in same)
    for item, decision in group:
        if item.action.id not in results:
            results[item.action.id] = executor.settle(item.action, item.order, decision)
    return results


def _read_and_decide(
    channel: m.Channel, adapter: base.Marketplace, executor: ex.Settles, mine: list[_Open]
) -> tuple[list[tuple[_Open, ex.Decision]], list[pool.Intent]]:
    """Read the orders of these claimed actions in as few requests as the API allows, and decide each action from
    what its order shows: (those decided, with the decision to store; those to send, as pool intents)."""
    if not mine:
        return [], []
    try:
        remotes = {str(r.order_id): r for r in adapter.get_orders([item.order.order_id for item in mine])}
    except (base.AuthError, base.NotReachable) as exc:
        # Nothing can be read now: each stays open, with the reason, as when its own read fails.
        log.warning("reading %d orders to resolve their open actions failed: %s", len(mine), exc)
        why = said(QT_TRANSLATE_NOOP("Refusals", "it could not be checked; reading the order failed too: {error}"),
                   error=str(exc))
        return [(item, ex.Decision(outbox.UNKNOWN, why)) for item in mine], []
    except base.MarketplaceError as exc:
        # The read of the chunk was refused as a whole (one odd order among them, say): each order is read alone.
        log.warning("reading %d orders at once failed (%s); reading each on its own", len(mine), exc)
        remotes = {}
    cancellable = adapter.capabilities.seller_cancel_states
    decided: list[tuple[_Open, ex.Decision]] = []
    intents: list[pool.Intent] = []
    for item in mine:
        remote = remotes.get(str(item.order.order_id))
        payload = item.action.payload or {}
        if remote is None:  # not returned (unknown to the marketplace, unreadable): its sender reads it alone
            intents.append(intent(channel, item, read_first=True))
            continue
        verdict, reason = ex.check(item.action.kind, remote, payload, cancellable)
        if verdict is ex.Verdict.APPLIED:
            decided.append((item, ex.Decision(outbox.DONE, CONFIRMED, remote=remote)))
        elif verdict is ex.Verdict.IMPOSSIBLE:
            decided.append((item, ex.Decision(outbox.FAILED, reason, remote=remote)))
        else:
            intents.append(intent(channel, item, read_first=False))
    return decided, intents


def intent(channel: m.Channel, item: _Open, *, read_first: bool) -> pool.Intent:
    """The pool's intent for a claimed open action: `read_first` when its state was not read here."""
    return pool.Intent(item.order, channel, item.action.kind, dict(item.action.payload or {}), action=item.action,
                       before=item.before, read_first=read_first)


def _send(
    channel: m.Channel,
    adapter: base.Marketplace,
    executor: ex.Settles,
    who: str,
    intents: list[pool.Intent],
    progress: base.Progress | None,
    cancel: base.CancelCheck | None,
) -> dict[int, ActionOutcome]:
    """Send what is still needed as a batch sends it: ships through the marketplace's batch call where it has one
    (several of them), the rest from the pool. Outcomes by action id."""
    if not intents:
        return {}
    by_order = {intent.order.id: intent.action.id for intent in intents}
    results: dict[int, ActionOutcome] = {}
    batched = [i for i in intents if i.kind == ex.SHIP and not i.read_first]
    if len(batched) > 1 and adapter.capabilities.ship_batch_max > 0 and isinstance(executor, ex.Executor):
        if cancel is not None and cancel():
            sent: dict[int, ActionOutcome] = {}
            with m.db.atomic():
                for intent in batched:
                    outbox.release(intent.action, intent.before)
                    sent[intent.order.id] = outcome(reload(intent.order), False, pool.STOPPED, pending=True)
        else:
            claimed = [batch_ship.Claimed(i.action, i.order, channel) for i in batched]
            sent = batch_ship.send_claimed(claimed, adapter, executor)
        results.update((by_order[pk], result) for pk, result in sent.items())
        intents = [i for i in intents if i.kind != ex.SHIP or i.read_first]
    sent = pool.run(intents, lambda _channel: executor, who, label=
        QT_TRANSLATE_NOOP("Progress", "Checking earlier requests"), progress=progress,
                    cancel=cancel)
    results.update((by_order[pk], result) for pk, result in sent.items())
    return results
