"""Pack one package: the parcel scanned at the pack station (issue 21, "per package where an order has several").

Local only, like packing an order. The package is marked packed; each order it serves is packed when it has no
other package still to pack, and otherwise keeps its state with an event naming what is left, so the queue shows it
To pack ("1 of 2 parcels packed") until its last parcel is packed. Nothing else is marked: the other packages of a
split order stay unpacked. (Packing the order as a whole packs every parcel still to pack: pack.stamp_parcels.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, term
from tokodesk.marketplace.base import OrderState
from tokodesk.services.fulfilment.common import ActionOutcome, Refused, bump_version, outcome, record_event
from tokodesk.services.packages import packages_of
from tokodesk.store import models as m

PACKED = frozenset({OrderState.PACKED.value, OrderState.READY_TO_SHIP.value})

if TYPE_CHECKING:
    from tokodesk.services.fulfilment.actions import Fulfilment


def pack_package(fulfilment: Fulfilment, channel_id: int, package_id: str) -> list[ActionOutcome]:
    """Pack this package of the channel; one outcome per order it serves. Raises Refused (nothing changed)."""
    package = m.Package.get_or_none((m.Package.channel == channel_id) & (m.Package.package_id == package_id))
    if package is None:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} is no longer on the marketplace (split or "
                                                    "combined again in Seller Center?): refresh the orders and scan "
                                                    "the parcel's label again."), package_id=package_id)
    if package.status == "CANCELLED":
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} is cancelled: do not pack it."),
                      package_id=package_id)
    if package.status not in ("", "TO_FULFILL"):
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} is shipped already ({status})."),
                      package_id=package_id, status=package.status)
    if package.packed_at is not None:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} is already packed (by {packed_by})."),
                      package_id=package_id,
                      packed_by=package.packed_by or said(QT_TRANSLATE_NOOP("Refusals", "someone")))
    orders = list(m.Order.select().join(m.PackageOrder, on=(m.PackageOrder.order == m.Order.id))
                  .where(m.PackageOrder.package == package.id).order_by(m.Order.created_at, m.Order.id))
    if not orders:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} serves no order here: refresh the orders."),
                      package_id=package_id)
    channel = m.Channel.get_by_id(channel_id)
    checked = []
    done = [o for o in orders if o.state in PACKED]
    if len(done) == len(orders) and len(orders) == 1:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Already packed (by {packed_by}); print its label or ship it."),
                      packed_by=done[0].packed_by or said(QT_TRANSLATE_NOOP("Refusals", "someone")))
    for order in orders:
        if order.state in PACKED:
            # One order of a combined parcel packed as a whole before: the parcel is completed by the others.
            continue
        state = fulfilment._pack_check(order, channel)  # accepted, every line mapped; raises Refused
        left = [p.package_id for p in packages_of(order) if p.to_pack and p.package_id != package_id]
        checked.append((order, state, left))
    now = m.utcnow()
    who = fulfilment.who
    with m.db.atomic():
        rows = (m.Package.update(packed_at=now, packed_by=who)
                .where((m.Package.id == package.id) & m.Package.packed_at.is_null()).execute())
        if rows != 1:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} was packed at another station just now."),
                          package_id=package_id)
        for order, state, left in checked:
            if left:
                changed = bump_version(order)
                detail = said(QT_TRANSLATE_NOOP("History", "package {package_id} packed; still to pack: {left}"),
                              package_id=package_id, left=", ".join(left))
            else:
                changed = bump_version(order, state=state.value, packed_at=now, packed_by=who)
                detail = said(QT_TRANSLATE_NOOP("History", "package {package_id} packed, the order's last; now "
                                                           "{state}"), package_id=package_id,
                              state=term("OrderState", state.value))
            if not changed:  # raised inside the transaction: the package's mark is undone too
                raise Refused(QT_TRANSLATE_NOOP("Refusals", "The order was changed by another station or a sync just "
                                                            "now; refresh and try again."))
            record_event(order, "pack", who, detail)
    return [outcome(order, True) for order, _state, _left in checked] + [outcome(order, True) for order in done]
