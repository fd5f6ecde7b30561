"""Booking codes fetched in bulk, before anyone clicks "print labels" (issue 19 §2).

A platform courier's order gets its booking code (the barcode the courier scans) once it reaches 400 (accepted),
whether TokoDesk or Seller Center accepted it. Tokopedia lists the codes of a shop's orders a page at a time, so the
status refresh fills them in for every accepted order lacking one, and a label run fills the rest the same way before
it renders: one call per page instead of one call per order while the seller waits.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from tokodesk.marketplace import base
from tokodesk.store import models as m
from tokodesk.store.tx import write_transaction

log = logging.getLogger(__name__)
S = base.OrderState

# Accepted and not handed over yet: the states in which a courier's code is due and the label still to print.
CODE_STATES = (S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value, S.AWAITING_PICKUP.value)


def lacking_codes(channel: m.Channel, order_ids: Iterable[int] | None = None) -> list[m.Order]:
    """The channel's accepted orders with neither booking code nor AWB (own-courier orders never get one)."""
    query = m.Order.select(m.Order.id, m.Order.order_id, m.Order.created_at).where(
        (m.Order.channel == channel.id) & m.Order.state.in_(CODE_STATES) & m.Order.booking_code.is_null()
        & m.Order.awb.is_null() & (m.Order.seller_ships == False)  # noqa: E712 - peewee builds SQL from ==
    )
    if order_ids is not None:
        query = query.where(m.Order.id.in_(list(order_ids)))
    return list(query.order_by(m.Order.created_at))


def fill_booking_codes(channel: m.Channel, adapter: base.Marketplace, orders: list[m.Order],
                       cancel: base.CancelCheck | None = None) -> int:
    """Fetch and store the booking codes of these orders of `channel`; returns how many were stored.

    Raises the adapter's MarketplaceError when the marketplace cannot be read (the caller decides what that means).
    """
    if not orders or not adapter.capabilities.has_booking_code:
        return 0
    wanted = {o.order_id: o.id for o in orders}
    bulk = getattr(adapter, "booking_codes", None)
    if bulk is not None:
        codes = bulk(list(wanted), after=_order_before(channel, orders), cancel=cancel)
    else:  # a client with only the per-order call
        codes = {order_id: adapter.booking_code(order_id) for order_id in wanted}
    stored = 0
    with write_transaction():
        for order_id, code in codes.items():
            if code and order_id in wanted:
                # Only where still empty: a code or AWB stored meanwhile (a pull, another station) is left alone.
                stored += m.Order.update(booking_code=code).where(
                    (m.Order.id == wanted[order_id]) & m.Order.booking_code.is_null()).execute()
    return stored


def _order_before(channel: m.Channel, orders: list[m.Order]) -> str:
    """Where the marketplace's cursor list starts: the order created just before the oldest wanted one.

    With none stored before it (right after the first pull), the oldest wanted order itself: the list then starts
    after it, and that one order is read on its own, instead of walking the shop's whole history from its start.
    """
    oldest = min(orders, key=lambda o: (o.created_at, o.id))
    row = (m.Order.select(m.Order.order_id)
           .where((m.Order.channel == channel.id) & (m.Order.created_at < oldest.created_at))
           .order_by(m.Order.created_at.desc(), m.Order.id.desc()).first())
    return row.order_id if row is not None else oldest.order_id
