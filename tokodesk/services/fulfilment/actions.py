"""Acknowledge, pack, ship and cancel a selection of orders, each reported per order.

Each action first checks the order (state, mappings, inputs); a refusal changes nothing. A marketplace mutation is
then written as a pending outbox `Action` in the same transaction as the local change (a version bump that
makes a second station's concurrent attempt lose), and executed by `execute.Executor`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING

import peewee as pw

from tokodesk import config
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, term
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services.fulfilment import awb as awb_rules
from tokodesk.services.fulfilment import batch_ship, combine, pool
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.fulfilment.common import (
    ActionOutcome,
    AdapterFactory,
    Refused,
    bump_version,
    deadline_first,
    fresh_orders,
    lines_of_orders,
    outcome,
    record_event,
    reload,
    to_marketplace_order,
    unmapped_lines,
)
from tokodesk.store import models as m

if TYPE_CHECKING:
    from tokodesk.services.fulfilment.documents import Documents

S = base.OrderState
PACK_CHUNK = 200  # orders packed per transaction


class _Changed(Exception):
    """An order of a chunk was changed since it was read: the chunk is redone order by order."""


@dataclass
class CancelChoice:
    """What the user chose when cancelling: a reason code (or TikTok Shop reason name), text, shop-closed data."""

    reason_code: str
    text: str = ""
    close_until: date | None = None
    close_note: str = ""


def _default_adapters(channel: m.Channel) -> base.Marketplace:
    from tokodesk.services.channels import adapter_for

    return adapter_for(channel)


class Fulfilment:
    """The fulfilment use cases. The GUI and the CLI both drive this; tests hand in a fake adapter factory."""

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

    def __enter__(self) -> Fulfilment:
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

    # ---- pack --------------------------------------------------------------------------------------------
    def pack(self, orders: Sequence[m.Order]) -> list[ActionOutcome]:
        """Record that the parcels are packed. Local only: no marketplace has a "packed" call.

        The orders are read and written a chunk at a time (a few statements per chunk, not five per order); a chunk
        in which another station or a sync changed an order since it was read is packed order by order instead, so
        only that order is refused."""
        ordered = deadline_first(orders, "ship_deadline")
        fresh = fresh_orders(ordered)
        lines = lines_of_orders(list(fresh))
        channels: dict[int, m.Channel] = {}
        outcomes: list[ActionOutcome | None] = [None] * len(ordered)
        ready: list[tuple[int, m.Order, S]] = []
        for index, order in enumerate(ordered):
            if self.cancel is not None and self.cancel():
                for rest in range(index, len(ordered)):
                    outcomes[rest] = outcome(reload(ordered[rest]), False, pool.STOPPED, refused=True)
                break
            order = fresh.get(order.id) or reload(order)
            if order.channel_id not in channels:
                channels[order.channel_id] = m.Channel.get_by_id(order.channel_id)
            try:
                state = self._pack_check(order, channels[order.channel_id], lines.get(order.id))
            except Refused as exc:
                outcomes[index] = outcome(order, False, str(exc), refused=True)
                continue
            ready.append((index, order, state))
        for start in range(0, len(ready), PACK_CHUNK):
            chunk = ready[start:start + PACK_CHUNK]
            try:
                self._pack_all(chunk)
                for index, order, _state in chunk:
                    outcomes[index] = outcome(order, True)
            except (_Changed, pw.OperationalError, pw.InternalError):
                for index, order, _state in chunk:
                    try:
                        outcomes[index] = self._pack_one(order)
                    except Refused as exc:
                        outcomes[index] = outcome(reload(order), False, str(exc), refused=True)
            if self.progress is not None:
                self.progress(start + len(chunk), len(ready), said(QT_TRANSLATE_NOOP("Progress", "Packing")))
        if self.progress is not None:
            self.progress(len(ordered), len(ordered), said(QT_TRANSLATE_NOOP("Progress", "Packing: done")))
        return [result for result in outcomes if result is not None]

    def _pack_all(self, chunk: list[tuple[int, m.Order, S]]) -> None:
        """Pack the chunk in one transaction, each order only if unchanged since it was read; raises _Changed
        (nothing written) when one was changed."""
        now = m.utcnow()
        with m.db.atomic():
            for state in {state for _i, _o, state in chunk}:
                same = [(order.id, order.version) for _i, order, s in chunk if s is state]
                rows = (m.Order.update(version=m.Order.version + 1, local_updated_at=now, state=state.value,
                                       packed_at=now, packed_by=self.who)
                        .where(pw.Tuple(m.Order.id, m.Order.version).in_(same)).execute())
                if rows != len(same):
                    raise _Changed
            m.OrderEvent.insert_many([{"order": order.id, "at": now, "who": self.who, "kind": "pack", "ok": True,
                                       "detail": f"packed; now {state.value}"} for _i, order, state in chunk]).execute()
            stamp_parcels([order.id for _i, order, _s in chunk], now, self.who)
        for _index, order, state in chunk:
            order.version += 1
            order.local_updated_at = now
            order.state, order.packed_at, order.packed_by = state.value, now, self.who

    def _pack_check(self, order: m.Order, channel: m.Channel, lines: Sequence[m.OrderLine] | None = None) -> S:
        """The state packing moves this order to; raises Refused."""
        if order.state in (S.PACKED.value, S.READY_TO_SHIP.value):
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Already packed (by {packed_by}); print its label or ship it."),
                          packed_by=order.packed_by or said(QT_TRANSLATE_NOOP("Refusals", "someone")))
        if order.state == S.NEW.value:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Accept the order before packing it."))
        if order.state != S.ACKNOWLEDGED.value:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Only accepted orders can be packed; this one is {state}."),
                          state=term("OrderState", order.state))
        unmapped = unmapped_lines(order) if lines is None else [line for line in lines if not line.seller_sku]
        if unmapped:
            skus = ", ".join(line.sku or line.product_id for line in unmapped)
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Map every line to your own SKU before packing (unmapped: "
                                                        "{skus}); see the Mapping tab or 'tokodesk mapping import'."),
                          skus=skus)
        return S.READY_TO_SHIP if channel.ready_to_ship_at == "pack" else S.PACKED

    def _pack_one(self, order: m.Order) -> ActionOutcome:
        order = reload(order)
        state = self._pack_check(order, m.Channel.get_by_id(order.channel_id))
        now = m.utcnow()
        with m.db.atomic():
            if not bump_version(order, state=state.value, packed_at=now, packed_by=self.who):
                raise Refused(QT_TRANSLATE_NOOP("Refusals", "The order was changed by another station or a sync just "
                                                            "now; refresh and try again."))
            record_event(order, "pack", self.who, f"packed; now {state.value}")
            stamp_parcels([order.id], now, self.who)
        return outcome(order, True)

    def pack_package(self, channel_id: int, package_id: str, orders: Sequence[m.Order]) -> list[ActionOutcome]:
        """Pack the one parcel scanned (fulfilment/pack_package.py); refused: each of `orders` says why."""
        from tokodesk.services.fulfilment.pack_package import pack_package

        try:
            return pack_package(self, channel_id, package_id)
        except Refused as exc:
            return [outcome(reload(o), False, str(exc), refused=True) for o in orders]

    # ---- ship --------------------------------------------------------------------------------------------
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
        _stock_moved(orders)
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

    # ---- cancel ------------------------------------------------------------------------------------------
    def cancel_reasons(self, order: m.Order) -> list[base.CancelReason]:
        channel = m.Channel.get_by_id(order.channel_id)
        return self.adapter(channel).cancel_reasons(to_marketplace_order(order))

    def common_cancel_reasons(self, orders: Sequence[m.Order]) -> list[base.CancelReason]:
        """The reasons every one of `orders` can be cancelled with, in the first order's order.

        A selection can mix statuses whose reasons have different names for the same meaning (TikTok Shop:
        `seller_cancel_unpaid_reason_out_of_stock` and `seller_cancel_reason_out_of_stock`): such a reason is
        offered once, by its label, and each order is then cancelled with its own status's name for it.
        Empty when one order cannot be cancelled at all or the orders share no reason.
        """
        common: list[base.CancelReason] | None = None
        for order in orders:
            order = reload(order)
            channel = m.Channel.get_by_id(order.channel_id)
            if S(order.state) not in self.adapter(channel).capabilities.seller_cancel_states:
                return []
            mine = self.cancel_reasons(order)
            if common is None:
                common = mine
                continue
            by_label = {r.label.casefold(): r for r in mine}
            kept = []
            for reason in common:
                other = by_label.get(reason.label.casefold())
                if other is None:
                    continue
                kept.append(reason if other.code == reason.code else dataclasses.replace(reason, code=reason.label))
            common = kept
        return common or []

    def cancel_orders(self, orders: Sequence[m.Order], choice: CancelChoice) -> list[ActionOutcome]:
        """Reject (NACK) orders with a reason the marketplace offers for each."""
        outcomes = self._batch(list(orders),
            QT_TRANSLATE_NOOP("Progress", "Cancelling"), lambda order: self._cancel_one(order, choice))
        _stock_moved(orders)
        return outcomes

    def _cancel_one(self, order: m.Order, choice: CancelChoice) -> ActionOutcome:
        order = reload(order)
        channel = m.Channel.get_by_id(order.channel_id)
        resumed = self._inflight(order, ex.NACK)
        if resumed is not None:
            return resumed
        caps = self.adapter(channel).capabilities
        if S(order.state) not in caps.seller_cancel_states:
            states = ", ".join(s.value for s in S if s in caps.seller_cancel_states)
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "An order that is {state} cannot be cancelled from TokoDesk; "
                                                        "{display_name} lets a seller cancel orders that are: "
                                                        "{states}."),
                          state=term("OrderState", order.state), display_name=caps.display_name, states=states)
        reasons = self.cancel_reasons(order)
        if not reasons:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "The marketplace does not allow cancelling this order now; "
                                                        "use Seller Center if needed."))
        reason = _pick_reason(reasons, choice.reason_code)
        payload = _validate_cancel(reason, choice)
        with m.db.atomic():
            action = self._claim_intent(order, ex.NACK, payload, action_failed=False, problem="")
        return self.executor(channel).run_new(action, order)

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

        results = resume.resume_pending(channel, self.adapter(channel), self.executor(channel), self.who,
                                        progress=self.progress, cancel=self.cancel)
        if outbox.resumable(channel.id, combine.KINDS):
            results += combine.resume_pending(channel, self.adapter(channel), self.who)
        return results


# The local states in which an order is packed (or past packing): a parcel serving only such orders is packed.
_PACKED_OR_LATER = frozenset(s.value for s in (S.PACKED, S.READY_TO_SHIP, S.PARTLY_SHIPPED, S.AWAITING_PICKUP,
                                               S.SHIPPED, S.DELIVERED, S.COMPLETED, S.RETURNED, S.CANCELLED))


def stamp_parcels(order_pks: Sequence[int], now: datetime, who: str) -> int:
    """Inside the transaction that packed these orders as a whole: mark their parcels still waiting as packed too, so
    the order and its packages agree (a split order packed with one Pack is every parcel packed). A parcel packed
    before, at the pack station, keeps its own time and packer. A combined package holding another order still to
    pack is left as it is: its parcel is not complete. One statement; returns the packages marked."""
    if not order_pks:
        return 0
    mine = m.PackageOrder.select(m.PackageOrder.package).where(m.PackageOrder.order.in_(list(order_pks)))
    unfinished = (m.PackageOrder.select(m.PackageOrder.package)
                  .join(m.Order, on=(m.PackageOrder.order == m.Order.id))
                  .where(m.PackageOrder.package.in_(mine) & m.Order.state.not_in(sorted(_PACKED_OR_LATER))))
    return (m.Package.update(packed_at=now, packed_by=who, updated_at=now)
            .where(m.Package.id.in_(mine) & m.Package.id.not_in(unfinished) & m.Package.packed_at.is_null()
                   & m.Package.status.in_(("", "TO_FULFILL")))
            .execute())


def _stock_moved(orders: Sequence[m.Order]) -> None:
    """A ship takes the goods off the shelf, a cancel frees them: settle on hand and schedule a stock push."""
    from tokodesk.services import inventory

    for channel_id in {o.channel_id for o in orders}:
        inventory.take_stock_for_shipped_orders(channel_id)
        inventory.mark_inventory_dirty(channel_id)


def _pick_reason(reasons: list[base.CancelReason], wanted: str) -> base.CancelReason:
    wanted = (wanted or "").strip()
    if not wanted:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Choose a cancel reason: {reason_list}."),
                      reason_list=_reason_list(reasons))
    for reason in reasons:
        # Codes compared without case: TikTok Shop lists its reason names in lower case, sellers type them either way.
        if reason.code.casefold() == wanted.casefold() or reason.label.casefold() == wanted.casefold():
            return reason
    raise Refused(QT_TRANSLATE_NOOP("Refusals", "Reason {wanted!r} is not allowed for this order; choose one of: "
                                                "{reason_list}."), wanted=wanted, reason_list=_reason_list(reasons))


def _reason_list(reasons: list[base.CancelReason]) -> str:
    return "; ".join(f"{r.code} = {r.label}" for r in reasons)


CLOSE_NOTE_MAX = 100


def _validate_cancel(reason: base.CancelReason, choice: CancelChoice) -> dict:
    text = (choice.text or "").strip()
    if reason.needs_text and not text:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Write a short explanation for the buyer (--reason TEXT) for "
                                                    "'{label}'."), label=reason.label)
    if len(text) > reason.max_text:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "The explanation is {n_text} characters; the marketplace accepts "
                                                    "at most {max_text}. Shorten it."),
                      n_text=len(text), max_text=reason.max_text)
    payload: dict = {
        "reason_code": reason.code,
        "reason_label": reason.label,
        "needs_close_date": reason.needs_close_date,
        "needs_text": reason.needs_text,
        "max_text": reason.max_text,
        "text": text,
    }
    if reason.needs_close_date:
        if choice.close_until is None:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "'{label}' needs the date the shop opens again "
                                                        "(--close-until DD/MM/YYYY)."), label=reason.label)
        today = datetime.now(timezone.utc).astimezone(config.WIB).date()
        if choice.close_until < today:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "The shop-closed-until date {close_until:%d/%m/%Y} is in the "
                                                        "past; pick a later day."), close_until=choice.close_until)
        note = (choice.close_note or "").strip()
        if not note:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "'{label}' needs a note for buyers (--close-note TEXT)."),
                          label=reason.label)
        if len(note) > CLOSE_NOTE_MAX:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "The shop-closed note is {n_note} characters; at most "
                                                        "{close_note_max}. Shorten it."),
                          n_note=len(note), close_note_max=CLOSE_NOTE_MAX)
        payload["close_until"] = choice.close_until.isoformat()
        payload["close_note"] = note
    return payload
