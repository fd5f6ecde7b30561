"""Acknowledge, pack, ship and cancel a selection of orders, each reported per order: the `Fulfilment` to use.

Each action first checks the order (state, mappings, inputs); a refusal changes nothing. A marketplace mutation is
then written as a pending outbox `Action` in the same transaction as the local change (a version bump that
makes a second station's concurrent attempt lose), and executed by `execute.Executor`.

`Fulfilment` joins the action families: the shared machinery is core.py, packing pack.py, shipping ship.py,
cancelling cancel.py. Here belong accepting, combining packages and resuming what was left open.
"""

from __future__ import annotations

from collections.abc import Sequence

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, term
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services.fulfilment import combine
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.fulfilment.cancel import CancelActions
from tokodesk.services.fulfilment.common import ActionOutcome, Refused, deadline_first, outcome, reload
from tokodesk.services.fulfilment.pack import PackActions
from tokodesk.services.fulfilment.ship import ShipActions
from tokodesk.store import models as m

S = base.OrderState


class Fulfilment(PackActions, ShipActions, CancelActions):
    """The fulfilment use cases. The GUI and the CLI both drive this; tests hand in a fake adapter factory."""

    # ---- acknowledge -------------------------------------------------------------------------------------
    def acknowledge(self, orders: Sequence[m.Order]) -> list[ActionOutcome]:
        """Accept new orders, nearest accept deadline first (the requests go out side by side: see `pool`)."""
        ordered = deadline_first(orders)
        outcomes, intents = self._checked(ordered, ex.ACK, self._ack_check)
        return self._send_pooled(ordered, outcomes, intents, QT_TRANSLATE_NOOP("Progress", "Accepting"))

    def _ack_check(self, order: m.Order, channel: m.Channel, active: m.Action | None) -> dict | ActionOutcome:
        caps = self.adapter(channel).capabilities
        if not caps.has_acknowledge:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "{display_name} has no accept step: its orders arrive ready "
                                                        "to pack. Pack and ship them instead."),
                          display_name=caps.display_name)
        resumed = self._inflight(order, ex.ACK, active)
        if resumed is not None:
            return resumed
        if order.state != S.NEW.value:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Only new orders can be accepted; this one is {state}."),
                          state=term("OrderState", order.state))
        return {}

    # ---- packages: combine, uncombine ---------------------------------------------------------------------
    def combinable(self, channel: m.Channel) -> list[combine.Combinable]:
        """The orders the marketplace offers to ship as one package now (read now, not stored)."""
        return combine.combinable(channel, self.adapter(channel))

    def combine(self, orders: Sequence[m.Order]) -> list[ActionOutcome]:
        """Combine these orders of one buyer into one package, if the marketplace offers it (a refusal is reported
        on every order, nothing changed)."""
        if not orders:
            return []
        channel = m.Channel.get_by_id(orders[0].channel_id)
        try:
            return combine.Combiner(channel, self.adapter(channel), self.who).combine(orders)
        except Refused as exc:
            return [outcome(reload(o), False, str(exc), refused=True) for o in orders]

    def uncombine(self, channel: m.Channel, package_id: str) -> list[ActionOutcome]:
        """Give each order of a combined package its own package again (raises Refused: no such package here)."""
        return combine.Combiner(channel, self.adapter(channel), self.who).uncombine(package_id)

    # ---- resume ------------------------------------------------------------------------------------------
    def resume_pending(self, channel: m.Channel) -> list[ActionOutcome]:
        """Finish what a crash, a kill or a lost answer left open, reading the orders on the marketplace first (a
        chunk of orders a request where the API allows it; see `resume.py`)."""
        from tokodesk.services.fulfilment import resume

        if not outbox.resumable(channel.id, (*ex.KINDS, *combine.KINDS)):
            return []  # nothing open, as usual: the marketplace's client is not even built (`orders pack` sends none)
        results = resume.resume_pending(channel, self.adapter(channel), self.executor(channel), self.who,
                                        progress=self.progress, cancel=self.cancel)
        if outbox.resumable(channel.id, combine.KINDS):
            results += combine.resume_pending(channel, self.adapter(channel), self.who, cancel=self.cancel)
        return results
