"""Pack: record that orders' parcels are packed, a chunk of orders a transaction. Local only (no marketplace has a
"packed" call).

Here belong the pack checks, the chunked and the one-by-one write, and marking the parcels of packed orders
(`stamp_parcels`). Packing one scanned parcel is pack_package.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import peewee as pw

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, stored_words, term
from tokodesk.marketplace import base
from tokodesk.services.fulfilment import pool
from tokodesk.services.fulfilment.common import (
    ActionOutcome,
    Refused,
    bump_version,
    deadline_first,
    fresh_orders,
    lines_of_orders,
    outcome,
    packed_now,
    record_event,
    reload,
    unmapped_lines,
)
from tokodesk.services.fulfilment.core import FulfilmentCore
from tokodesk.store import bulk
from tokodesk.store import models as m

S = base.OrderState
PACK_CHUNK = 200  # orders packed per transaction


class _Changed(Exception):
    """An order of a chunk was changed since it was read: the chunk is redone order by order."""


class PackActions(FulfilmentCore):
    """Pack a selection of orders, or one scanned parcel."""

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
                rows = bulk.update_versioned(m.Order, {m.Order.local_updated_at: now, m.Order.state: state.value,
                                                       m.Order.packed_at: now, m.Order.packed_by: self.who}, same)
                if rows != len(same):
                    raise _Changed
            details = {state: packed_now(state.value) for _i, _o, state in chunk}
            bulk.insert(m.OrderEvent, pool.EVENT_FIELDS, [(order.id, now, self.who, "pack", True, details[state],
                                                           stored_words(details[state]))
                                                          for _i, order, state in chunk])
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
            record_event(order, "pack", self.who, packed_now(state.value))
            stamp_parcels([order.id], now, self.who)
        return outcome(order, True)

    def pack_package(self, channel_id: int, package_id: str, orders: Sequence[m.Order]) -> list[ActionOutcome]:
        """Pack the one parcel scanned (fulfilment/pack_package.py); refused: each of `orders` says why."""
        from tokodesk.services.fulfilment.pack_package import pack_package

        try:
            return pack_package(self, channel_id, package_id)
        except Refused as exc:
            return [outcome(reload(o), False, str(exc), refused=True) for o in orders]

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

