"""Packages in the store: which packages each order has, their status and tracking numbers (DESIGN.md §4).

Written by the order writer (`order_store.store_orders`) whenever a marketplace that has packages
(`capabilities.packages`) reports an order: a pull, a status refresh, the read-back after an action. A package
combined or split in Seller Center comes back with new ids: the order's links follow, the old ids go.
Orders of a marketplace without packages have no rows: each is its own implicit package.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from tokodesk.marketplace import base
from tokodesk.store import bulk
from tokodesk.store import models as m

HANDED_OVER = frozenset({"PROCESSING", "FULFILLING", "COMPLETED"})


@dataclass
class StoredPackage:
    """A package as the queue, the manifest and the ship path see it."""

    package_id: str
    status: str
    tracking_number: str | None
    courier: str
    order_ids: list[str]  # every order it serves (the marketplace's ids)
    packed_at: datetime | None = None  # packed on its own at the pack station (its label scanned)
    packed_by: str = ""

    @property
    def waiting(self) -> bool:
        return self.status in ("", "TO_FULFILL")

    @property
    def to_pack(self) -> bool:
        """Still to be packed: not shipped, not cancelled, not packed on its own."""
        return self.waiting and self.packed_at is None

    @property
    def handed_over(self) -> bool:
        return self.status in HANDED_OVER


class _Row(NamedTuple):
    id: int
    package_id: str
    status: str
    tracking_number: str | None
    courier: str
    handed_over_at: datetime | None


def _chunks(items: Sequence, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def store_packages(
    channel: m.Channel, by_order: dict[int, list[base.PackageRef]], now: datetime, *, new_orders: set[int] = frozenset()
) -> set[int]:
    """Write the packages of these orders (order pk -> its packages, as just read). Call inside a transaction.

    Returns the pks of already stored orders whose package ids changed (split or combined since last seen)."""
    by_order = {pk: refs for pk, refs in by_order.items() if refs}
    if not by_order:
        return set()
    wanted: dict[str, base.PackageRef] = {}
    for refs in by_order.values():
        for ref in refs:
            known = wanted.get(ref.package_id)
            # A combined package appears in each order it serves; the copy that knows most wins.
            better = (not known.tracking_number and ref.tracking_number) or (not known.status and ref.status) \
                if known is not None else True
            if better:
                wanted[ref.package_id] = ref
    database = m.Package._meta.database
    rows: dict[str, _Row] = {}
    for chunk in _chunks(list(wanted)):
        # Raw and never prepared on PostgreSQL (store/bulk.py says why): the first pull fills this table.
        among, params = bulk.is_in(database, '"package_id"', chunk)
        sql = ('SELECT "id", "package_id", "status", "tracking_number", "courier", "handed_over_at" '
               f'FROM "{m.Package._meta.table_name}" WHERE "channel_id" = {database.param} AND {among}')
        rows.update({row[1]: _Row(*row) for row in bulk.select(database, sql, [channel.id, *params])})
    new_rows = []
    for package_id, ref in wanted.items():
        row = rows.get(package_id)
        handed = ref.status in HANDED_OVER
        if row is None:
            new_rows.append((channel.id, package_id, ref.status, ref.tracking_number, ref.courier,
                             now if handed else None, now))
            continue
        changes: dict = {}
        if ref.status and ref.status != row.status:
            changes["status"] = ref.status
        if ref.tracking_number and ref.tracking_number != row.tracking_number:
            changes["tracking_number"] = ref.tracking_number
        if ref.courier and ref.courier != row.courier:
            changes["courier"] = ref.courier
        if handed and row.handed_over_at is None:
            changes["handed_over_at"] = now
        if changes:
            changes["updated_at"] = now
            m.Package.update(**changes).where(m.Package.id == row.id).execute()
    ids: dict[str, int] = {package_id: row.id for package_id, row in rows.items()}
    # A page of 100 orders costs a fixed number of statements, whatever its size (store/bulk.py).
    ids.update(bulk.insert_ids(m.Package, _PACKAGE_FIELDS, new_rows, m.Package.package_id,
                               (m.Package.channel, channel.id)))
    links: dict[int, set[int]] = defaultdict(set)
    stored_units: dict[tuple[int, int], list | None] = {}
    old_orders = [pk for pk in by_order if pk not in new_orders]
    units_field = m.PackageOrder.units
    for chunk in _chunks(old_orders):
        among, params = bulk.is_in(database, '"order_id"', chunk)
        sql = f'SELECT "order_id", "package_id", "units" FROM "{m.PackageOrder._meta.table_name}" WHERE {among}'
        for order_pk, package_pk, units in bulk.select(database, sql, params):
            links[order_pk].add(package_pk)
            stored_units[(order_pk, package_pk)] = units_field.python_value(units)
    moved: set[int] = set()
    dropped: set[int] = set()
    added: list[tuple[int, int, list | None]] = []
    for order_pk, refs in by_order.items():
        new = {ids[ref.package_id] for ref in refs}
        old = links.get(order_pk, set())
        units = {ids[ref.package_id]: _units(ref) for ref in refs}
        for package_pk in sorted(new & old):  # the same parcel: what it holds may have been read only now
            if units[package_pk] is not None and units[package_pk] != stored_units.get((order_pk, package_pk)):
                m.PackageOrder.update(units=units[package_pk]).where(
                    (m.PackageOrder.order == order_pk) & (m.PackageOrder.package == package_pk)).execute()
        if new == old:
            continue
        if old - new:
            m.PackageOrder.delete().where(
                (m.PackageOrder.order == order_pk) & m.PackageOrder.package.in_(sorted(old - new))
            ).execute()
            dropped |= old - new
        added += [(pk, order_pk, units[pk]) for pk in sorted(new - old)]
        if old and order_pk not in new_orders:
            moved.add(order_pk)
    bulk.insert(m.PackageOrder, [m.PackageOrder.package, m.PackageOrder.order, m.PackageOrder.units], added)
    if dropped:
        # Ids a split or combine replaced no longer exist on the marketplace: forget them once nothing uses them.
        used = {pk for (pk,) in m.PackageOrder.select(m.PackageOrder.package).where(
            m.PackageOrder.package.in_(sorted(dropped))).tuples()}
        if dropped - used:
            m.Package.delete().where(m.Package.id.in_(sorted(dropped - used))).execute()
    return moved


_PACKAGE_FIELDS = [m.Package.channel, m.Package.package_id, m.Package.status, m.Package.tracking_number,
                   m.Package.courier, m.Package.handed_over_at, m.Package.updated_at]  # fmt: skip


def _units(ref: base.PackageRef) -> list | None:
    """The order's units in the package as stored: [[sku_id, sku, units], ...] in a fixed order; None: not reported."""
    return sorted([sku_id, sku, n] for sku_id, sku, n in ref.units) or None


def package_lines(package_id: str, channel_id: int) -> dict[int, dict[tuple[str, str], int]] | None:
    """What the package holds of each order it serves: order pk -> {(sku_id, sku): units}; None when the marketplace
    has not said for one of them (a package read before this was stored, or a marketplace without line items)."""
    query = (m.PackageOrder.select(m.PackageOrder.order, m.PackageOrder.units).join(m.Package)
             .where((m.Package.channel == channel_id) & (m.Package.package_id == package_id)).tuples())
    found: dict[int, dict[tuple[str, str], int]] = {}
    for order_pk, units in query:
        if not units:
            return None
        found[order_pk] = {(str(sku_id), str(sku)): int(n) for sku_id, sku, n in units}
    return found or None


def packages_of(order: m.Order) -> list[StoredPackage]:
    """The order's packages as last read (empty: one implicit package, the order itself)."""
    return packages_of_orders([order.id]).get(order.id, [])


def packages_of_orders(order_pks: Sequence[int]) -> dict[int, list[StoredPackage]]:
    """Order pk -> its packages, each listing every order it serves."""
    out: dict[int, list[StoredPackage]] = defaultdict(list)
    if not order_pks:
        return out
    package_rows: dict[int, m.Package] = {}
    mine: dict[int, list[int]] = defaultdict(list)
    for chunk in _chunks(list(order_pks)):
        query = (m.PackageOrder.select(m.PackageOrder.order, m.Package)
                 .join(m.Package).where(m.PackageOrder.order.in_(chunk)).order_by(m.Package.package_id))
        for link in query:
            package_rows[link.package.id] = link.package
            mine[link.order_id].append(link.package.id)
    served: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks(list(package_rows)):
        query = (m.PackageOrder.select(m.PackageOrder.package, m.Order.order_id).join(m.Order)
                 .where(m.PackageOrder.package.in_(chunk)).order_by(m.Order.order_id).tuples())
        for package_pk, order_id in query:
            served[package_pk].append(order_id)
    for order_pk, pks in mine.items():
        for pk in pks:
            row = package_rows[pk]
            out[order_pk].append(StoredPackage(row.package_id, row.status, row.tracking_number, row.courier,
                                               served[pk], row.packed_at, row.packed_by))
    return out


def refresh_combinable(channel: m.Channel, adapter: base.Marketplace) -> int:
    """Read which packages the marketplace offers to combine now and note it on the stored packages (one call a
    page of 50 groups). Returns the number of groups; a failed read changes nothing."""
    import logging

    if not adapter.capabilities.packages or not hasattr(adapter, "combinable_packages"):
        return 0
    try:
        groups = adapter.combinable_packages()  # type: ignore[attr-defined]
    except base.MarketplaceError as exc:
        logging.getLogger(__name__).warning("combinable packages of %s not read: %s", channel.name, exc)
        return 0
    with m.db.atomic():
        m.Package.update(combine_group=None).where(
            (m.Package.channel == channel.id) & m.Package.combine_group.is_null(False)).execute()
        for group in groups:
            orders = m.Order.select(m.Order.id).where(
                (m.Order.channel == channel.id) & m.Order.order_id.in_(group.order_ids))
            packages = m.PackageOrder.select(m.PackageOrder.package).where(m.PackageOrder.order.in_(orders))
            m.Package.update(combine_group=group.package_id).where(m.Package.id.in_(packages)).execute()
    return len(groups)


def combinable_with(order: m.Order) -> list[m.Order]:
    """Other orders the marketplace offers to combine this one with (as last read)."""
    groups = (m.Package.select(m.Package.combine_group).join(m.PackageOrder)
              .where((m.PackageOrder.order == order.id) & m.Package.combine_group.is_null(False)))
    packages = m.Package.select(m.Package.id).where(
        (m.Package.channel == order.channel_id) & m.Package.combine_group.in_(groups))
    query = (m.Order.select().join(m.PackageOrder, on=(m.PackageOrder.order == m.Order.id))
             .where(m.PackageOrder.package.in_(packages) & (m.Order.id != order.id)).distinct())
    return sorted(query, key=lambda o: o.order_id)


def sibling_orders(order: m.Order) -> list[m.Order]:
    """Other orders sharing a package with this one (a combined package), which a ship of it ships too."""
    packages = m.PackageOrder.select(m.PackageOrder.package).where(m.PackageOrder.order == order.id)
    query = (m.Order.select().join(m.PackageOrder, on=(m.PackageOrder.order == m.Order.id))
             .where(m.PackageOrder.package.in_(packages) & (m.Order.id != order.id)).distinct())
    return list(query)


def parcel_mates(order_pks: Sequence[int]) -> dict[int, list[m.Order]]:
    """Order pk -> the other orders sharing a package with it (a combined parcel), a few queries per 500 orders;
    orders without such a package are absent."""
    ids = list(dict.fromkeys(order_pks))
    out: dict[int, list[m.Order]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        packages = m.PackageOrder.select(m.PackageOrder.package).where(m.PackageOrder.order.in_(chunk))
        links = list(m.PackageOrder.select(m.PackageOrder.package, m.PackageOrder.order)
                     .where(m.PackageOrder.package.in_(packages)).tuples())
        by_package: dict[int, set[int]] = defaultdict(set)
        for package_pk, order_pk in links:
            by_package[package_pk].add(order_pk)
        shared = {pk for served in by_package.values() if len(served) > 1 for pk in served}
        if not shared:
            continue
        orders = {o.id: o for o in m.Order.select().where(m.Order.id.in_(sorted(shared)))}
        for served in by_package.values():
            for pk in served & set(chunk):
                mates = out.setdefault(pk, [])
                mates.extend(orders[o] for o in sorted(served - {pk}) if orders[o] not in mates)
    return out


def orders_sharing_packages(orders: Sequence[m.Order]) -> list[m.Order]:
    """`sibling_orders` of a whole batch, a few queries per 500 orders: the orders outside `orders` that share a
    package with one of them."""
    ids = list(dict.fromkeys(o.id for o in orders))
    found: dict[int, m.Order] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        packages = m.PackageOrder.select(m.PackageOrder.package).where(m.PackageOrder.order.in_(chunk))
        query = (m.Order.select().join(m.PackageOrder, on=(m.PackageOrder.order == m.Order.id))
                 .where(m.PackageOrder.package.in_(packages)).distinct())
        found.update((o.id, o) for o in query)
    mine = set(ids)
    return [order for pk, order in found.items() if pk not in mine]
