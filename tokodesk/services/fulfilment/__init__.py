"""Fulfilment: acknowledge, pack, ship, cancel (through the outbox), labels and hand-over documents.

    with Fulfilment() as f:                 # adapters from the channels' settings; who = this station
        results = f.acknowledge(orders)     # one ActionOutcome per order
        f.resume_pending(channel)           # on start and before each sync

Tests and the sandbox demo hand in their own adapter factory: `Fulfilment(adapters=lambda channel: fake)`.
"""

from __future__ import annotations

from tokodesk.marketplace import base
from tokodesk.services.fulfilment.actions import Fulfilment
from tokodesk.services.fulfilment.cancel import CancelChoice
from tokodesk.services.fulfilment.common import ActionOutcome, Refused, find_orders
from tokodesk.store import models as m

__all__ = ["ActionOutcome", "CancelChoice", "Fulfilment", "Refused", "find_orders", "resume_pending"]


def resume_pending(channel: m.Channel, adapter: base.Marketplace | None = None) -> list[ActionOutcome]:
    """Resolve every pending, unknown or orphaned action of the channel (call on start and at each sync)."""
    from tokodesk.services import cancellations

    factory = (lambda _channel: adapter) if adapter is not None else None
    with Fulfilment(adapters=factory) as fulfilment:
        results = fulfilment.resume_pending(channel)
        return results + cancellations.resume_pending(channel, lambda: fulfilment.adapter(channel))
