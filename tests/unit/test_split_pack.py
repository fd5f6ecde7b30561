"""Packing an order as a whole packs its parcels (a split order's packages agree with it), on SQLite and PostgreSQL:
a combined package is packed only once every order in it is; an older database's packed orders get their parcels
marked by migration 23."""

from __future__ import annotations

from tests.unit.test_pack_scan import NOW, shop  # noqa: F401 - fixture
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.services.fulfilment.pack_package import pack_package
from tokodesk.store import models as m


def _packed(package_id: str) -> tuple[bool, str]:
    package = m.Package.get(m.Package.package_id == package_id)
    return package.packed_at is not None, package.packed_by


def test_a_combined_parcel_is_packed_when_its_last_order_is(shop):  # noqa: F811
    _a, _b, _split, _plain, _single, (buyer1, buyer2), _e = shop
    with Fulfilment(adapters=lambda _c: None, who="desk1") as fulfilment:
        [first] = fulfilment.pack([buyer1])
        assert first.ok
        assert _packed("PKG45") == (False, ""), "the parcel still lacks the other order's items"
        [second] = fulfilment.pack([buyer2])
        assert second.ok
    assert _packed("PKG45") == (True, "desk1")


def test_packing_both_orders_of_a_combined_parcel_at_once_packs_it(shop):  # noqa: F811
    _a, _b, split, _plain, single, (buyer1, buyer2), _e = shop
    with Fulfilment(adapters=lambda _c: None, who="desk1") as fulfilment:
        assert all(r.ok for r in fulfilment.pack([buyer1, buyer2, split, single]))
    assert [_packed(p) for p in ("PKG1", "PKG2", "PKG3", "PKG45")] == [(True, "desk1")] * 4


def test_a_shipped_or_cancelled_parcel_is_not_marked_packed(shop):  # noqa: F811
    a, _b, split, *_ = shop
    m.Package.update(status="CANCELLED").where(m.Package.package_id == "PKG2").execute()
    with Fulfilment(adapters=lambda _c: None, who="desk1") as fulfilment:
        assert fulfilment.pack([split])[0].ok
    assert _packed("PKG1") == (True, "desk1") and _packed("PKG2") == (False, "")


def test_one_parcel_by_its_scan_then_the_order_keeps_who_packed_each(shop):  # noqa: F811
    a, _b, split, *_ = shop
    with Fulfilment(adapters=lambda _c: None, who="desk1") as fulfilment:
        pack_package(fulfilment, a.id, "PKG2")
    with Fulfilment(adapters=lambda _c: None, who="desk2") as fulfilment:
        [result] = fulfilment.pack([split])
    assert result.ok and result.state in ("packed", "ready_to_ship")
    assert _packed("PKG1") == (True, "desk2") and _packed("PKG2") == (True, "desk1")


def test_migration_23_marks_the_parcels_of_orders_packed_before(shop, any_database):  # noqa: F811
    from tokodesk.store import migrations

    _a, _b, split, _plain, single, (buyer1, buyer2), _e = shop
    # Packed by an older TokoDesk: the orders say packed, their packages do not.
    m.Order.update(state="packed", packed_at=NOW, packed_by="old-desk").where(
        m.Order.id.in_([split.id, single.id, buyer1.id])).execute()
    m.Package.update(status="PROCESSING").where(m.Package.package_id == "PKG3").execute()  # shipped since
    m.SchemaVersion.delete().where(m.SchemaVersion.version >= 23).execute()
    assert migrations.migrate(any_database) == migrations.LATEST
    assert _packed("PKG1") == _packed("PKG2") == (True, "old-desk")
    assert m.Package.get(m.Package.package_id == "PKG1").packed_at == NOW
    assert _packed("PKG3") == (False, ""), "a parcel already shipped is left as it is"
    assert _packed("PKG45") == (False, ""), "buyer2 in the same parcel is still to pack"
    assert migrations.migrate(any_database) == migrations.LATEST  # and once is enough


def test_the_scan_of_a_combined_parcel_packs_the_order_still_to_pack(shop):  # noqa: F811
    a, _b, _split, _plain, _single, (buyer1, buyer2), _e = shop
    with Fulfilment(adapters=lambda _c: None, who="desk1") as fulfilment:
        assert fulfilment.pack([buyer1])[0].ok
        # The packer adds buyer2's items to the parcel and scans its label: buyer1 packed already is no refusal.
        results = pack_package(fulfilment, a.id, "PKG45")
    assert sorted(r.order_id for r in results if r.ok) == sorted([buyer1.order_id, buyer2.order_id])
    assert m.Order.get_by_id(buyer2.id).state in ("packed", "ready_to_ship") and _packed("PKG45") == (True, "desk1")
