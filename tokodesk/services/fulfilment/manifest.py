"""The manifest: one courier's hand-over list, one row per package with its tracking number (issue 16 §2).

A courier collects packages, not orders: a split order is two parcels with two tracking numbers, a combined package
is one parcel for several orders. The list holds what the courier takes away:
- every package the marketplace's logistics awaits (the order awaits collection, or is partly shipped: only its
  shipped packages), with the tracking number the marketplace gave it;
- parcels shipped today with the seller's own courier, and drop-off parcels shipped but not yet scanned;
- on a channel set "ready to ship at manifest" (the legacy Tokopedia flow), packed orders that already carry the
  booking code the courier scans: there the manifest is what makes them ready to ship.
A packed order that is not shipped has no tracking number yet and is never on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import peewee as pw

from tokodesk.marketplace import base
from tokodesk.services.packages import packages_of_orders
from tokodesk.store import models as m

S = base.OrderState
AWAITING = (S.AWAITING_PICKUP.value, S.PARTLY_SHIPPED.value)
BEFORE_SCAN = (S.PACKED.value, S.READY_TO_SHIP.value)
OWN_COURIER_DAY = timedelta(hours=24)


@dataclass
class ManifestEntry:
    """One parcel on the list: the package, its tracking number, and the orders it serves."""

    code: str
    orders: list[m.Order] = field(default_factory=list)
    package_id: str = ""

    @property
    def invoice(self) -> str:
        return ", ".join(o.invoice or o.order_id for o in self.orders)


def _candidates(courier: str, channel: m.Channel | None) -> pw.ModelSelect:
    since = m.utcnow() - OWN_COURIER_DAY
    handed = m.Order.handed_over_at.is_null(False)
    wanted = (
        m.Order.state.in_(AWAITING)
        | ((m.Order.state == S.SHIPPED.value) & (m.Order.handed_over_at >= since))
        | (m.Order.state.in_(BEFORE_SCAN) & handed)
        | ((m.Order.state == S.PACKED.value) & (m.Channel.ready_to_ship_at == "manifest")
           & m.Order.booking_code.is_null(False) & (m.Order.booking_code != ""))
    )
    query = m.Order.select().join(m.Channel).where((pw.fn.LOWER(m.Order.courier) == courier.strip().lower()) & wanted)
    if channel is not None:
        query = query.where(m.Order.channel == channel.id)
    return query.order_by(m.Order.invoice, m.Order.id)


def manifest_entries(courier: str, channel: m.Channel | None = None) -> list[ManifestEntry]:
    orders = list(_candidates(courier, channel))
    packages = packages_of_orders([o.id for o in orders])
    entries: list[ManifestEntry] = []
    by_package: dict[tuple[int, str], ManifestEntry] = {}
    for order in orders:
        stored = packages.get(order.id)
        if not stored:  # one implicit package: the order itself
            entries.append(ManifestEntry(order.awb or order.booking_code or "", [order]))
            continue
        for package in stored:
            collected = package.status in ("FULFILLING", "COMPLETED")
            if not package.handed_over or (collected and order.state != S.SHIPPED.value):
                continue  # still to ship, or already collected by the courier
            key = (order.channel_id, package.package_id)
            if key in by_package:
                by_package[key].orders.append(order)  # a combined package: one parcel for several orders
                continue
            entry = ManifestEntry(package.tracking_number or "", [order], package.package_id)
            by_package[key] = entry
            entries.append(entry)
    return entries


def fill_missing_codes(entries: list[ManifestEntry], adapter_of) -> bool:  # noqa: ANN001 - channel -> adapter|None
    """A parcel without its code: ask the marketplace once (the booking code of a legacy order; the order read again
    for a package's tracking number) and store it. True when something was stored (build the entries again)."""
    from tokodesk.services.fulfilment.documents import _ensure_code
    from tokodesk.services.order_store import store_orders

    missing = [e for e in entries if not e.code]
    stored = False
    by_channel: dict[int, list[m.Order]] = {}
    for entry in missing:
        for order in entry.orders:
            by_channel.setdefault(order.channel_id, []).append(order)
    for channel_id, orders in by_channel.items():
        channel = m.Channel.get_by_id(channel_id)
        adapter = adapter_of(channel)
        if adapter is None:
            continue
        if adapter.capabilities.packages:
            try:
                remotes = adapter.get_orders([o.order_id for o in orders])
            except base.MarketplaceError:
                continue  # printed with "—": the courier's scan still finds the parcel by its label
            with m.db.atomic():
                stored = bool(store_orders(channel, remotes).updated) or stored
            continue
        for order in orders:
            stored = _ensure_code(order, channel, adapter).booking_code is not None or stored
    return stored


def waiting_couriers() -> list[str]:
    """Couriers that have parcels for a manifest (for the message when the asked one has none)."""
    names = set()
    for courier in {o.courier for o in m.Order.select(m.Order.courier).where(
            m.Order.state.in_(AWAITING) | (m.Order.state.in_(BEFORE_SCAN) & m.Order.handed_over_at.is_null(False)))}:
        if courier and manifest_entries(courier):
            names.add(courier)
    return sorted(names)
