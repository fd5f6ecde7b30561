"""Ship: hand orders over by the channel's business model (pick-up, drop-off, own courier with its AWB).

Here belong the ship checks and payload (method, AWB, parcels shared with other orders), claiming and sending the
ship actions (pooled, or in batches through `batch_ship` where the marketplace has a batch call), and what follows a
ship: reading back orders that shared the parcel and keeping labels that vanish after pick-up.
"""

from __future__ import annotations

from collections.abc import Sequence

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, term
from tokodesk.marketplace import base
from tokodesk.services.fulfilment import awb as awb_rules
from tokodesk.services.fulfilment import batch_ship, pool
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.fulfilment.common import ActionOutcome, Refused, deadline_first, outcome, reload
from tokodesk.services.fulfilment.core import FulfilmentCore, stock_moved
from tokodesk.store import models as m

S = base.OrderState


class ShipActions(FulfilmentCore):
    """Ship a selection of orders."""

    def ship(self, orders: Sequence[m.Order], awbs: dict[str, str] | None = None) -> list[ActionOutcome]:
        """Hand orders over by the channel's business model. `awbs`: order_id -> AWB for own-courier orders.

        On a marketplace with a batch ship call (`capabilities.ship_batch_max`), several orders of one channel are
        checked and claimed one by one as usual, then sent in batches (see `batch_ship`).
        """
        awbs = {k: awb_rules.clean(v) for k, v in (awbs or {}).items() if awb_rules.clean(v)}
        # Checked before any order is claimed: a bad or repeated AWB is refused with the reason, never sent.
        self._awb_problems = awb_rules.batch_problems(awbs, orders)
        self._mates = self._parcel_mates(orders)
        ordered = deadline_first(orders, "ship_deadline")
        per_channel: dict[int, int] = {}
        for order in ordered:
            per_channel[order.channel_id] = per_channel.get(order.channel_id, 0) + 1
        outcomes, intents = self._checked(ordered, ex.SHIP, lambda o, c, a: self._ship_check(o, c, a, awbs))
        position = {order.id: index for index, order in enumerate(ordered)}
        deferred: list[batch_ship.Claimed] = []
        pooled: list[pool.Intent] = []
        for intent in intents:
            if per_channel[intent.channel.id] > 1 and self.adapter(intent.channel).capabilities.ship_batch_max > 0:
                try:
                    with m.db.atomic():
                        action = self._claim_intent(intent.order, ex.SHIP, intent.payload, action_failed=False,
                                                    problem="")
                except Refused as exc:
                    outcomes[position[intent.order.id]] = outcome(reload(intent.order), False, str(exc),
                                                                  refused=True)
                    continue
                deferred.append(batch_ship.Claimed(action, intent.order, intent.channel))
            else:
                pooled.append(intent)
        if deferred:
            sent = batch_ship.send(deferred, self.adapter, self.executor, self.progress)
            for index, order in enumerate(ordered):
                if order.id in sent:
                    outcomes[index] = sent[order.id]
        outcomes = self._send_pooled(ordered, outcomes, pooled, QT_TRANSLATE_NOOP("Progress", "Shipping"))
        self._reread_sharing_orders(ordered)
        self._keep_labels_after_ship(list(zip(ordered, outcomes, strict=True)))
        stock_moved(orders)
        return outcomes

    def _parcel_mates(self, orders: Sequence[m.Order]) -> dict[int, list[m.Order]]:
        """The orders sharing a parcel with each of `orders` (only where the marketplace has packages)."""
        from tokodesk.services.packages import parcel_mates

        channels = {o.channel_id for o in orders}
        with_packages = {cid for cid in channels if self.adapter(m.Channel.get_by_id(cid)).capabilities.packages}
        return parcel_mates([o.id for o in orders if o.channel_id in with_packages]) if with_packages else {}

    def _reread_sharing_orders(self, shipped: Sequence[m.Order]) -> None:
        """A combined package serves other orders too: shipping it ships them, so they are read back and stored now
        (not at the next pull), and nobody ships them again."""
        from tokodesk.services.packages import orders_sharing_packages

        by_channel: dict[int, dict[str, m.Order]] = {}
        for other in orders_sharing_packages(shipped):
            by_channel.setdefault(other.channel_id, {})[other.order_id] = other
        for channel_id, others in by_channel.items():
            channel = m.Channel.get_by_id(channel_id)
            try:
                remotes = self.adapter(channel).get_orders(sorted(others))
            except base.MarketplaceError:
                continue  # the next status refresh brings them
            for remote in remotes:
                with m.db.atomic():
                    ex.default_follow_remote(channel, remote, self.who)

    def _keep_labels_after_ship(self, results: Sequence[tuple[m.Order, ActionOutcome]]) -> None:
        """Where the label exists only until the courier collects the parcel, download and keep it now."""
        wanted = []
        channels: dict[int, m.Channel] = {}
        for order, result in results:
            if not (result.ok and result.state in (S.AWAITING_PICKUP.value, S.PARTLY_SHIPPED.value)):
                continue
            if order.channel_id not in channels:
                channels[order.channel_id] = m.Channel.get_by_id(order.channel_id)
            channel = channels[order.channel_id]
            if channel.use_marketplace_label and self.adapter(channel).capabilities.label_after_ship:
                wanted.append(order)
        if wanted:
            if self.progress is not None:
                self.progress(0, len(wanted), said(QT_TRANSLATE_NOOP("Progress", "Keeping the marketplace labels")))
            self.documents().keep_marketplace_labels(wanted)

    def ship_method(self, channel: m.Channel, awb: str | None, order: m.Order | None = None) -> base.ShipMethod:
        if awb or (order is not None and awb_rules.delivered_by_seller(order, channel)):
            return base.ShipMethod.OWN_COURIER
        model = channel.business_model
        if model == base.ShipMethod.OWN_COURIER.value and awb_rules.marks_each_order(channel):
            # The marketplace says its own couriers take this order; its warehouse setting decides pick-up or drop-off.
            model = base.ShipMethod.PICKUP.value
        try:
            return base.ShipMethod(model)
        except ValueError:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Channel {name} has business model {business_model!r}; set "
                                                        "pickup, dropoff or own_courier in the channel settings."),
                          name=channel.name, business_model=channel.business_model) from None

    def _ship_check(
        self, order: m.Order, channel: m.Channel, active: m.Action | None | bool, awbs: dict[str, str]
    ) -> dict | ActionOutcome:
        """The ship action's payload for this order (raises Refused); an earlier action is finished instead."""
        key = order.order_id if order.order_id in awbs else order.invoice
        awb = awbs.get(key)
        method = self.ship_method(channel, awb, order)
        resumed = self._inflight(order, ex.SHIP, active)
        if resumed is not None:
            return resumed
        state = S(order.state)
        if state is S.ON_HOLD:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "The order is on hold on the marketplace and must not be "
                                                        "shipped yet."))
        if state is S.ACKNOWLEDGED:
            from tokodesk.services.packages import packages_of

            waiting = [p for p in packages_of(order) if p.waiting]
            left = [p.package_id for p in waiting if p.packed_at is None]
            if len(waiting) > 1 and len(left) < len(waiting):  # a split order packed a parcel at a time
                raise Refused(QT_TRANSLATE_NOOP("Refusals", "{packed} of {parcels} parcels are packed: pack {left} "
                                                            "too before shipping (its parcels ship together)."),
                              packed=len(waiting) - len(left), parcels=len(waiting), left=", ".join(left))
        if state in (S.NEW, S.ACKNOWLEDGED):
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Pack the order before shipping it."))
        unpacked = [o for o in self._mates.get(order.id, ()) if o.state in (S.NEW.value, S.ACKNOWLEDGED.value)]
        if unpacked:  # one parcel (a combined package): shipping this order ships the other's items too
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "This order's parcel also holds order {orders}, which is not "
                                                        "packed yet: pack it before shipping (they travel as one "
                                                        "parcel)."),
                          orders=", ".join(o.invoice or o.order_id for o in unpacked))
        if state not in (S.PACKED, S.READY_TO_SHIP, S.PARTLY_SHIPPED):  # partly shipped: the rest of its packages
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Only packed orders can be shipped; this one is {state}."),
                          state=term("OrderState", order.state))
        if awb and not order.seller_ships and awb_rules.marks_each_order(channel):
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "This order goes with the marketplace's courier, which gives "
                                                        "the tracking number itself: ship it without an AWB."))
        if method is base.ShipMethod.OWN_COURIER and not awb:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "This order goes with your own courier: shipping it needs "
                                                        "the AWB (resi) number. Enter it (the window's Ship asks for "
                                                        "it; on the command line --awb AWB)."))
        problem = self._awb_problems.get(key) if awb else None
        if awb and problem is None:
            problem = awb_rules.awb_problem(awb)
        if problem:
            raise Refused(problem)
        caps = self.adapter(channel).capabilities
        if method is base.ShipMethod.OWN_COURIER:
            expected = S.SHIPPED
        elif method is base.ShipMethod.PICKUP or caps.handover is base.HandoverChoice.PER_WAREHOUSE:
            expected = S.AWAITING_PICKUP
        else:
            expected = state  # drop-off: the counter's scan moves it to shipped; the status sync follows it
        payload = {"method": method.value, "expected": expected.value}
        if awb:
            payload["awb"] = awb
        return payload
