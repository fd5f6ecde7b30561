"""What every fulfilment action shares: the `FulfilmentCore` the action families build on.

Here belong the adapters per channel and their closing, the executor and documents of this station, the per-order
batch loop with progress and stop, claiming an outbox intent, finishing an action already in flight, checking a
batch in bulk and sending it through `pool`, and the stock settling that ship and cancel both trigger. An action's
own checks and payload belong in its family's module (pack.py, ship.py, cancel.py; accept, combine and resume in
actions.py, whose `Fulfilment` joins them all).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from tokodesk import config
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.fulfilment import pool
from tokodesk.services.fulfilment.common import (
    ActionOutcome,
    AdapterFactory,
    Refused,
    bump_version,
    fresh_orders,
    outcome,
    reload,
)
from tokodesk.store import models as m

if TYPE_CHECKING:
    from tokodesk.services.fulfilment.documents import Documents


def _default_adapters(channel: m.Channel) -> base.Marketplace:
    from tokodesk.services.channels import adapter_for

    return adapter_for(channel)


_Self = TypeVar("_Self", bound="FulfilmentCore")  # typing.Self needs Python 3.11; 3.10 is still supported


class FulfilmentCore:
    """The shared machinery of the fulfilment use cases; `actions.Fulfilment` is the class to use."""

    def __init__(
        self,
        adapters: AdapterFactory | None = None,
        who: str | None = None,
        follow_remote: ex.FollowRemote | None = None,
        progress: base.Progress | None = None,
        cancel: base.CancelCheck | None = None,
    ):
        self._factory = adapters or _default_adapters
        self._owns_adapters = adapters is None
        self._adapters: dict[int, base.Marketplace] = {}
        self.who = who or config.station_id()
        self.follow_remote = follow_remote
        self.progress = progress
        self.cancel = cancel
        self._awb_problems: dict[str, str] = {}  # of the ship batch in progress: order key -> why its AWB is refused
        self._mates: dict[int, list[m.Order]] = {}  # of the ship batch in progress: orders sharing each one's parcel

    # ---- plumbing ----------------------------------------------------------------------------------------
    def adapter(self, channel: m.Channel) -> base.Marketplace:
        if channel.id not in self._adapters:
            self._adapters[channel.id] = self._factory(channel)
        return self._adapters[channel.id]

    def executor(self, channel: m.Channel) -> ex.Executor:
        return ex.Executor(channel, self.adapter(channel), self.who, self.follow_remote)

    def documents(self) -> Documents:
        """Labels, manifest, picklist and packing lists, through this service's adapters and station."""
        # Imported when asked: it loads reportlab, a quarter second of every `orders ack|ship` process otherwise.
        from tokodesk.services.fulfilment.documents import Documents

        return Documents(self.adapter, self.who)

    def close(self) -> None:
        if self._owns_adapters:
            for adapter in self._adapters.values():
                adapter.close()
        self._adapters.clear()

    def __enter__(self: _Self) -> _Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _batch(self, orders: Sequence[m.Order], label: str, one) -> list[ActionOutcome]:  # noqa: ANN001
        results: list[ActionOutcome] = []
        total = len(orders)
        for done, order in enumerate(orders):
            if self.cancel is not None and self.cancel():
                results.extend(
                    outcome(reload(o), False, "not done: stopped before this order", refused=True)
                    for o in orders[done:]
                )
                break
            if self.progress is not None:
                self.progress(done, total, said(QT_TRANSLATE_NOOP("Progress", "{label} {order}"), label=label,
                                                        order=order.invoice or order.order_id))
            try:
                results.append(one(order))
            except Refused as exc:
                results.append(outcome(reload(order), False, str(exc), refused=True))
        if self.progress is not None:
            self.progress(total, total, said(QT_TRANSLATE_NOOP("Progress", "{label}: done"), label=label))
        return results

    def _claim_intent(self, order: m.Order, kind: str, payload: dict, **changes: object) -> m.Action:
        """Inside a transaction: bump the order's version (and apply `changes`), write the pending action."""
        if not bump_version(order, **changes):
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "The order was changed by another station or a sync just "
                                                        "now; refresh and try again."))
        return outbox.enqueue(order, kind, payload, self.who)

    def _inflight(self, order: m.Order, kind: str, action: m.Action | None | bool = True) -> ActionOutcome | None:
        """An action already waiting for this order: finish it (reading the order first) instead of a new one.
        `action`: the one a batch read for this order (None: it has none); by default it is read here."""
        if action is True:
            action = outbox.active_for(order.id)
        if action is None:
            return None
        if action.status == outbox.SENT and not outbox.is_orphan(action):
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "{station} is sending the request to {what} for this order "
                                                        "now."), station=action.station, what=ex.WHAT[action.kind])
        if action.kind != kind:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "An earlier request to {what} for this order is still "
                                                        "waiting for the marketplace's answer; it is checked on the "
                                                        "next sync (tokodesk sync statuses)."),
                          what=ex.WHAT[action.kind])
        channel = m.Channel.get_by_id(order.channel_id)
        return self.executor(channel).resume(action)

    def _checked(
        self, ordered: Sequence[m.Order], kind: str, check: Callable[[m.Order, m.Channel, m.Action | None], object]
    ) -> tuple[list[ActionOutcome | None], list[pool.Intent]]:
        """Check each order as stored now (read in a few queries, not one by one): a refusal or the outcome of an
        earlier action finished instead, in the batch's order; the rest as intents for `pool`."""
        from tokodesk.services.fulfilment import resume

        fresh = fresh_orders(ordered)
        active = outbox.active_for_many(list(fresh))
        # Earlier actions of this kind a crash or lost answers left open: finished in bulk first, not one by one.
        finished = resume.resolve_open(kind, active, self.adapter, self.executor, self.who, progress=self.progress,
                                       cancel=self.cancel) if active else {}
        channels: dict[int, m.Channel] = {}
        outcomes: list[ActionOutcome | None] = [None] * len(ordered)
        intents: list[pool.Intent] = []
        for index, order in enumerate(ordered):
            if self.cancel is not None and self.cancel():
                for rest in range(index, len(ordered)):
                    outcomes[rest] = finished.get(ordered[rest].id) or outcome(reload(ordered[rest]), False,
                                                                               pool.STOPPED, refused=True)
                break
            if order.id in finished:
                outcomes[index] = finished[order.id]
                continue
            order = fresh.get(order.id) or reload(order)
            if order.channel_id not in channels:
                channels[order.channel_id] = m.Channel.get_by_id(order.channel_id)
            channel = channels[order.channel_id]
            try:
                got = check(order, channel, active.get(order.id))
            except Refused as exc:
                outcomes[index] = outcome(reload(order), False, str(exc), refused=True)
                continue
            if isinstance(got, ActionOutcome):
                outcomes[index] = got
            else:
                intents.append(pool.Intent(order, channel, kind, dict(got)))  # type: ignore[call-overload]
        return outcomes, intents

    def _send_pooled(
        self, ordered: Sequence[m.Order], outcomes: list[ActionOutcome | None], intents: list[pool.Intent], label: str
    ) -> list[ActionOutcome]:
        sent = pool.run(intents, self.executor, self.who, label=label, progress=self.progress, cancel=self.cancel)
        done = [result if result is not None else sent[order.id] for order, result in zip(ordered, outcomes,
                                                                                            strict=True)]
        if self.progress is not None:
            self.progress(len(done), len(done), said(QT_TRANSLATE_NOOP("Progress", "{label}: done"), label=label))
        return done


def stock_moved(orders: Sequence[m.Order]) -> None:
    """A ship takes the goods off the shelf, a cancel frees them: settle on hand and schedule a stock push."""
    from tokodesk.services import inventory

    for channel_id in {o.channel_id for o in orders}:
        inventory.take_stock_for_shipped_orders(channel_id)
        inventory.mark_inventory_dirty(channel_id)

