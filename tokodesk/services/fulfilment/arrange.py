"""Arrange shipment and print (Seller Center's "Atur pengiriman & cetak"): ship a selection, wait for the codes the
courier scans, then hand back the orders whose labels can print.

On a marketplace that issues the tracking number only when an order is shipped (`capabilities.tracking_at_ship`,
Tokopedia & Shop) a label printed earlier has nothing to scan. This is the one-click path instead: the ship goes
through the outbox like any ship (batched where the marketplace has a batch call), then the orders shipped without
a tracking number yet are read back every few seconds until they have one (or the wait is over, or the user
stopped it). What shipped and has its code prints; everything else is listed with the reason in words.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import base
from tokodesk.services.fulfilment import label_rules
from tokodesk.services.fulfilment.common import ActionOutcome, reload
from tokodesk.store import models as m

log = logging.getLogger(__name__)

WAIT_S = 45.0  # Seller Center shows the tracking number within seconds; a minute means "print it later"
POLL_S = 3.0


@dataclass
class NotPrinted:
    order_id: str
    invoice: str
    shipped: bool  # shipped (arranged) but without a code yet: print it from the queue once the code arrives
    reason: str
    refused: bool = False  # TokoDesk skipped it before sending anything (wrong state, unmapped, no AWB)


@dataclass
class ArrangeResult:
    outcomes: list[ActionOutcome] = field(default_factory=list)  # the ship's outcome of every order
    ready: list[int] = field(default_factory=list)  # Order ids shipped with a code: their labels print now
    not_printed: list[NotPrinted] = field(default_factory=list)
    stopped: bool = False  # the user stopped it; what was shipped by then stays shipped

    @property
    def shipped(self) -> int:
        return sum(1 for o in self.outcomes if o.ok)


def arrange(
    fulfilment,  # noqa: ANN001 - a Fulfilment (imported lazily by callers; no import cycle)
    orders: Sequence[m.Order],
    awbs: Mapping[str, str] | None = None,
    *,
    wait_s: float = WAIT_S,
    poll_s: float = POLL_S,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> ArrangeResult:
    """Ship `orders`, wait for their tracking numbers, return which labels can print and why the others cannot."""
    result = ArrangeResult()
    progress, cancel = fulfilment.progress, fulfilment.cancel
    result.outcomes = fulfilment.ship(list(orders), dict(awbs or {}))
    by_id = {o.order_id: o for o in orders}
    shipped: list[m.Order] = []
    for outcome in result.outcomes:
        order = by_id.get(outcome.order_id)
        if order is None:
            continue
        if outcome.ok:
            shipped.append(reload(order))
        else:
            result.not_printed.append(NotPrinted(outcome.order_id, outcome.invoice, False,
                                                 outcome.error or "not shipped", refused=outcome.refused))
    waiting = [o for o in shipped if _why(o)]
    waiting = _with_booking_codes(fulfilment, waiting)
    deadline = clock() + wait_s
    while waiting:
        if cancel is not None and cancel():
            result.stopped = True
            break
        if clock() >= deadline:
            break
        if progress is not None:
            progress(len(shipped) - len(waiting), len(shipped),
                     said(QT_TRANSLATE_NOOP("Progress", "Waiting for the tracking number of {count} order(s)"),
                          count=len(waiting)))
        sleep(poll_s)
        _read_back(fulfilment, waiting)
        waiting = _with_booking_codes(fulfilment, [reload(o) for o in waiting])
    for order in shipped:
        order = reload(order)
        why = _why(order)
        if not why:
            result.ready.append(order.id)
            continue
        if result.stopped:
            why = "stopped while waiting for its tracking number; print its label from the queue once it has one"
        else:
            why = ("shipped, but the marketplace has not given its tracking number yet; print its label from the "
                   "queue in a minute (the next status sync brings the number)")
        result.not_printed.append(NotPrinted(order.order_id, order.invoice, True, why))
    if progress is not None:
        progress(len(shipped), len(shipped) or None, said(
            QT_TRANSLATE_NOOP("Progress", "Shipped; preparing the labels")))
    return result


def _why(order: m.Order) -> str:
    channel = m.Channel.get_by_id(order.channel_id)
    return label_rules.refusal(order, channel)


def _with_booking_codes(fulfilment, orders: Sequence[m.Order]) -> list[m.Order]:  # noqa: ANN001
    """Ask for the booking code where the marketplace issues one apart from the order (Tokopedia); the orders
    still without a code to scan."""
    from tokodesk.services.fulfilment.documents import _ensure_code

    left = []
    for order in orders:
        channel = m.Channel.get_by_id(order.channel_id)
        order = _ensure_code(order, channel, fulfilment.adapter(channel))
        if _why(order):
            left.append(order)
    return left


def _read_back(fulfilment, orders: Sequence[m.Order]) -> None:  # noqa: ANN001
    """Read the orders on the marketplace again and store what it says (the tracking number above all)."""
    from tokodesk.services.order_store import MalformedOrder, apply_remote_order

    per_channel: dict[int, list[m.Order]] = {}
    for order in orders:
        per_channel.setdefault(order.channel_id, []).append(order)
    for channel_id, group in per_channel.items():
        channel = m.Channel.get_by_id(channel_id)
        adapter = fulfilment.adapter(channel)
        try:
            if hasattr(adapter, "get_orders"):
                remotes = adapter.get_orders([o.order_id for o in group])
            else:
                remotes = [adapter.get_order(order_id=o.order_id) for o in group]
        except base.MarketplaceError as exc:  # a failed read costs one poll, not the batch
            log.info("reading back %d shipped orders failed: %s", len(group), exc)
            continue
        for remote in remotes:
            try:
                apply_remote_order(channel, remote, who=fulfilment.who)
            except MalformedOrder as exc:
                log.warning("order %s read back after shipping is malformed: %s", remote.order_id, exc)
