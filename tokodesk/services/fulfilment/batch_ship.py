"""Shipping several orders of one channel through the marketplace's batch call (`capabilities.ship_batch_max`).

Each order was checked and its ship action written as usual (`Fulfilment._ship_check`, `_claim_intent`); here the
actions are claimed, sent in chunks of the adapter's limit, and each package's answer is settled on its own order
through the same `Executor` as a single ship. An order whose answer was lost (and that the adapter's read after the
batch did not settle) goes through the executor's loop: read the order first, then done, send again singly, or failed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.fulfilment import pool
from tokodesk.services.fulfilment.common import ActionOutcome, lines_of_orders, outcome, reload, to_marketplace_order
from tokodesk.store import models as m
from tokodesk.store.tx import write_transaction

log = logging.getLogger(__name__)


@dataclass
class Claimed:
    action: m.Action
    order: m.Order
    channel: m.Channel


def send(
    claimed: Sequence[Claimed],
    adapters: Callable[[m.Channel], base.Marketplace],
    executors: Callable[[m.Channel], ex.Executor],
    progress: base.Progress | None = None,
) -> dict[int, ActionOutcome]:
    """Send the claimed ship actions; the outcome of each, by order primary key."""
    groups: dict[tuple[int, str], list[Claimed]] = {}
    for item in claimed:
        method = str((item.action.payload or {}).get("method") or "")
        groups.setdefault((item.channel.id, method), []).append(item)
    results: dict[int, ActionOutcome] = {}
    done = 0
    for (_channel_id, method), items in groups.items():
        channel = items[0].channel
        adapter = adapters(channel)
        executor = executors(channel)
        size = max(1, adapter.capabilities.ship_batch_max)
        for start in range(0, len(items), size):
            chunk = items[start : start + size]
            if progress is not None:
                progress(done, len(claimed), said(
                    QT_TRANSLATE_NOOP("Progress", "Sending {count} parcels to the marketplace"),
                                                    count=len(chunk)))
            results.update(_send_chunk(chunk, base.ShipMethod(method), adapter, executor))
            done += len(chunk)
    if progress is not None:
        progress(len(claimed), len(claimed), said(QT_TRANSLATE_NOOP("Progress", "Shipping: done")))
    return results


def send_claimed(
    claimed: Sequence[Claimed], adapter: base.Marketplace, executor: ex.Executor
) -> dict[int, ActionOutcome]:
    """Ship actions of one channel this process holds already (`resume.py`: left open earlier, and their orders
    read to still need the ship): by method, in chunks of the adapter's limit, settled as `send` settles them."""
    by_method: dict[str, list[Claimed]] = {}
    for item in claimed:
        by_method.setdefault(str((item.action.payload or {}).get("method") or ""), []).append(item)
    size = max(1, adapter.capabilities.ship_batch_max)
    results: dict[int, ActionOutcome] = {}
    for method, items in by_method.items():
        for start in range(0, len(items), size):
            results = _send_claimed(items[start:start + size], base.ShipMethod(method), adapter, executor, results)
    return results


def _send_chunk(
    chunk: Sequence[Claimed], method: base.ShipMethod, adapter: base.Marketplace, executor: ex.Executor
) -> dict[int, ActionOutcome]:
    results: dict[int, ActionOutcome] = {}
    mine: list[Claimed] = []
    for item in chunk:
        if outbox.claim(item.action, executor.who, from_statuses=(outbox.PENDING,)):
            mine.append(item)
        else:
            results[item.order.id] = outcome(reload(item.order), False, "another station is already doing this",
                                             pending=True)
    if not mine:
        return results
    with outbox.keep_alive(*(item.action for item in mine)):  # their leases outlive any wait on the marketplace
        return _send_claimed(mine, method, adapter, executor, results)


def _send_claimed(
    mine: list[Claimed], method: base.ShipMethod, adapter: base.Marketplace, executor: ex.Executor,
    results: dict[int, ActionOutcome],
) -> dict[int, ActionOutcome]:
    ours = {i.action.id for i in mine}
    for item in list(mine):  # a combined package another station is shipping right now is not sent again
        busy = ex.parcel_in_flight(item.order, item.action, adapter.capabilities, ours)
        if busy:
            results[item.order.id] = executor._unknown(item.action, item.order, busy)
            mine.remove(item)
    if not mine:
        return results
    awbs = {i.order.order_id: i.action.payload["awb"] for i in mine if (i.action.payload or {}).get("awb")}
    lines = lines_of_orders([i.order.id for i in mine])
    try:
        answers = adapter.ship_many([to_marketplace_order(i.order, lines[i.order.id]) for i in mine],  # type: ignore[attr-defined]
                                    method, awbs)
    except base.OutcomeUnknown as exc:
        log.warning("batch ship of %d orders: answer lost (%s); reading each order", len(mine), exc)
        answers = {}
    except base.MarketplaceError as exc:
        # Raised before the batch went out (the adapter catches the batch call's own errors per chunk): nothing was
        # sent, so each order fails with the reason instead of costing one read per order.
        for item in mine:
            results[item.order.id] = executor._failed(item.action, item.order, str(exc), None)
        return results
    results.update(_settle_shipped([(i, answers[i.order.order_id]) for i in mine
                                    if isinstance(answers.get(i.order.order_id), base.ShipmentInfo)], executor))
    for item in mine:
        answer = answers.get(item.order.order_id)
        if item.order.id in results:
            continue
        if isinstance(answer, base.ShipmentInfo):
            results[item.order.id] = executor._done(item.action, item.order, answer, None, "")
        elif answer is None or isinstance(answer, base.OutcomeUnknown):
            results[item.order.id] = executor._drive(item.action, item.order, read_first=True)
        else:
            results[item.order.id] = executor._refused_by_marketplace(item.action, item.order, answer)
    return results


def _settle_shipped(
    shipped: list[tuple[Claimed, base.ShipmentInfo]], executor: ex.Executor
) -> dict[int, ActionOutcome]:
    """The orders a batch call shipped, settled together as `Executor._done` settles one: each order as read back
    stored through the pull's writer (one call, one mapping index), then the actions, orders and events in a few
    statements (`pool.settle_done`). Nothing (each is then settled on its own) when a claim was lost meanwhile."""
    if not shipped or executor.follow_remote is not ex.default_follow_remote:
        return {}
    from tokodesk.services.order_store import store_orders  # the pull's writer: loaded when a batch ships

    settle = [(pool.Intent(item.order, item.channel, ex.SHIP, dict(item.action.payload or {}), action=item.action),
               ex.Decision(outbox.DONE, result=answer)) for item, answer in shipped]
    read_back = [answer.order for _item, answer in shipped if answer.order is not None]
    try:
        with write_transaction():
            if read_back:  # what the marketplace said right after the ship, stored now; our own action explains it
                store_orders(executor.channel, read_back, who=executor.who)
            return pool.settle_done(settle, executor, executor.who)
    except pool.Lost:
        log.info("a claim of %d shipped orders was lost meanwhile; settling them one by one", len(shipped))
        return {}
