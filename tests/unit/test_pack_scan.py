"""The pack station's scan names the parcel (issue 21, per package; issue 16 §2), on SQLite and PostgreSQL: a
package's tracking number or id finds its order and that package; an order's own code names no package while
several are still to pack; a tracking number of another shop is not found; packing a package packs nothing else."""

from __future__ import annotations

from datetime import datetime

import pytest

from tokodesk.services.fulfilment import Fulfilment, Refused
from tokodesk.services.fulfilment.pack_package import pack_package
from tokodesk.services.pack_scan import find_scan
from tokodesk.store import models as m
from tokodesk.ui import queries as q

NOW = datetime(2026, 12, 5, 10, 0, 0)


def _order(channel: m.Channel, n: int, **kw) -> m.Order:
    values = dict(channel=channel, order_id=f"57900000000000{n}", invoice=f"INV/2026/{n}", state="acknowledged",
                  created_at=NOW)
    values.update(kw)
    order = m.Order.create(**values)
    m.OrderLine.create(order=order, line_no=1, sku="S1", name="Kaos", quantity=1, seller_sku="KAOS")
    m.OrderLine.create(order=order, line_no=2, sku="S2", name="Topi", quantity=1, seller_sku="TOPI")
    return order


def _package(channel: m.Channel, package_id: str, tracking: str | None, *orders: m.Order) -> m.Package:
    package = m.Package.create(channel=channel, package_id=package_id, tracking_number=tracking,
                               status="TO_FULFILL")
    for order in orders:
        m.PackageOrder.create(package=package, order=order)
    return package


@pytest.fixture
def shop(any_database):
    """Shop A: an order split in two packages (its AWB is the first package's tracking number, as the marketplace
    reports it), a legacy-like order without packages, an order with one package, and a package two orders share;
    shop B: a package whose tracking number only B has."""
    a = m.Channel.create(name="A", marketplace="tiktokshop")
    b = m.Channel.create(name="B", marketplace="tiktokshop")
    split = _order(a, 1, awb="JX1")
    _package(a, "PKG1", "JX1", split)
    _package(a, "PKG2", "JX2", split)
    plain = _order(a, 2, awb="AWB2", booking_code="BOOK2")
    single = _order(a, 3)
    _package(a, "PKG3", "JX3", single)
    buyer1, buyer2 = _order(a, 4), _order(a, 5)
    _package(a, "PKG45", "JX45", buyer1, buyer2)
    elsewhere = _order(b, 6)
    _package(b, "PKGB", "JXB", elsewhere)
    return a, b, split, plain, single, (buyer1, buyer2), elsewhere


def test_a_package_tracking_number_or_id_finds_its_order_and_that_package(shop):
    a, _b, split, *_ = shop
    for code in ("JX2", " PKG2 "):
        hit = find_scan(a.id, code)
        assert (hit.order_pk, hit.package_id, hit.by_package, hit.packs_package) == (split.id, "PKG2", True, True)
    assert q.find_order_pk(a.id, "JX2") == split.id, "the second parcel's label finds its order"
    first = find_scan(a.id, "JX1")
    assert first.package_id == "PKG1", "the order's AWB is the first package's number: the parcel is package 1"


def test_the_invoice_of_a_split_order_names_its_packages_and_chooses_none_until_one_is_left(shop):
    a, _b, split, *_ = shop
    hit = find_scan(a.id, split.invoice)
    assert hit.order_pk == split.id and hit.needs_package and hit.package_id is None and not hit.packs_package
    assert [p.package_id for p in hit.choose_from] == ["PKG1", "PKG2"]
    assert [p.tracking_number for p in hit.choose_from] == ["JX1", "JX2"]
    with Fulfilment(adapters=lambda _c: None, who="desk1") as fulfilment:
        pack_package(fulfilment, a.id, "PKG2")
    hit = find_scan(a.id, split.invoice)
    assert not hit.needs_package and hit.package_id == "PKG1" and hit.packs_package, "one parcel left: that one"


def test_a_tracking_number_of_another_shop_is_not_found(shop):
    a, b, *_rest, elsewhere = shop
    assert find_scan(a.id, "JXB") is None and find_scan(a.id, "PKGB") is None
    assert q.find_order_pk(a.id, "JXB") is None
    assert find_scan(b.id, "JXB").order_pk == elsewhere.id
    assert find_scan(None, "JXB").order_pk == elsewhere.id, "All shops: every shop's parcels"


def test_an_order_without_packages_is_found_as_before(shop):
    a, _b, _split, plain, single, *_ = shop
    for code in (plain.invoice, plain.order_id, "AWB2", "BOOK2"):
        hit = find_scan(a.id, code)
        assert (hit.order_pk, hit.package_id, hit.needs_package, hit.packs_package) == (plain.id, None, False, False)
        assert q.find_order_pk(a.id, code) == plain.id
    assert find_scan(a.id, "awb2") is None and find_scan(a.id, "") is None, "exact, as scanned"
    hit = find_scan(a.id, single.invoice)
    assert hit.package_id == "PKG3" and not hit.packs_package, "one parcel: the order is packed as always"


def test_packing_package_2_packs_nothing_else_and_the_last_package_packs_the_order(shop):
    a, _b, split, *_ = shop
    with Fulfilment(adapters=lambda _c: None, who="desk1") as fulfilment:
        done = pack_package(fulfilment, a.id, "PKG2")
        assert [(o.invoice, o.ok, o.state) for o in done] == [(split.invoice, True, "acknowledged")]
        packed = {p.package_id: p.packed_at is not None for p in m.Package.select()}
        assert packed == {"PKG1": False, "PKG2": True, "PKG3": False, "PKG45": False, "PKGB": False}
        assert m.Order.get_by_id(split.id).state == "acknowledged", "package 1 is still to pack"
        with pytest.raises(Refused, match="already packed"):
            pack_package(fulfilment, a.id, "PKG2")
        done = pack_package(fulfilment, a.id, "PKG1")
        assert [o.state for o in done] == ["ready_to_ship"]  # the channel is ready to ship at pack
    events = [e.detail for e in m.OrderEvent.select().where(m.OrderEvent.order == split.id).order_by(m.OrderEvent.id)]
    assert events == ["package PKG2 packed; still to pack: PKG1",
                      "package PKG1 packed, the order's last; now ready_to_ship"]


def test_a_combined_parcel_scanned_packs_every_order_in_it(shop):
    a, _b, _split, _plain, _single, (buyer1, buyer2), _e = shop
    hit = find_scan(a.id, "JX45")
    assert hit.order_pks == [buyer1.id, buyer2.id] and hit.packs_package
    with Fulfilment(adapters=lambda _c: None, who="desk1") as fulfilment:
        done = fulfilment.pack_package(a.id, "PKG45", [buyer1, buyer2])
    assert [(o.invoice, o.state) for o in done] == [(buyer1.invoice, "ready_to_ship"),
                                                    (buyer2.invoice, "ready_to_ship")]


def test_a_package_that_cannot_be_packed_is_refused_in_words_and_nothing_changes(shop):
    a, _b, split, *_ = shop
    m.Package.update(status="CANCELLED").where(m.Package.package_id == "PKG1").execute()
    m.Package.update(status="PROCESSING").where(m.Package.package_id == "PKG3").execute()
    m.OrderLine.update(seller_sku=None).where((m.OrderLine.order == split.id) & (m.OrderLine.line_no == 2)).execute()
    with Fulfilment(adapters=lambda _c: None, who="desk1") as fulfilment:
        for package_id, words in (("PKG1", "cancelled"), ("PKG3", "shipped already"), ("PKG2", "Map every line"),
                                  ("GONE", "no longer on the marketplace")):
            with pytest.raises(Refused, match=words):
                pack_package(fulfilment, a.id, package_id)
        refused = fulfilment.pack_package(a.id, "PKG2", [split])
    assert [(o.ok, o.refused) for o in refused] == [(False, True)]
    assert not m.Package.select().where(m.Package.packed_at.is_null(False)).exists()
    assert m.Order.get_by_id(split.id).state == "acknowledged"


def test_migrations_21_22_give_an_older_database_packages_packed_one_at_a_time(shop, any_database):
    from tokodesk.store import migrations

    any_database.execute_sql('DROP INDEX IF EXISTS "package_channel_id_tracking_number"')
    for column in ("packed_at", "packed_by"):
        any_database.execute_sql(f'ALTER TABLE "package" DROP COLUMN "{column}"')
    any_database.execute_sql('ALTER TABLE "package_order" DROP COLUMN "units"')
    m.SchemaVersion.delete().where(m.SchemaVersion.version >= 21).execute()
    assert "packed_at" not in {c.name for c in any_database.get_columns("package")}
    assert migrations.migrate(any_database) == migrations.LATEST
    assert {"packed_at", "packed_by"} <= {c.name for c in any_database.get_columns("package")}
    assert "units" in {c.name for c in any_database.get_columns("package_order")}
    assert "package_channel_id_tracking_number" in {i.name for i in any_database.get_indexes("package")}
    a, _b, split, *_ = shop
    assert find_scan(a.id, "JX2").package_id == "PKG2"
    with Fulfilment(adapters=lambda _c: None, who="desk1") as fulfilment:
        pack_package(fulfilment, a.id, "PKG2")
    assert m.Package.get(m.Package.package_id == "PKG2").packed_by == "desk1"


def _units(package_id: str, order: m.Order, units: list) -> None:
    package = m.Package.get(m.Package.package_id == package_id)
    m.PackageOrder.update(units=units).where((m.PackageOrder.package == package)
                                             & (m.PackageOrder.order == order)).execute()


def test_the_check_of_a_package_lists_its_own_items_or_says_it_cannot(shop):
    from tokodesk.services.pack_check import load_check

    _a, _b, split, _plain, _single, (buyer1, buyer2), _e = shop
    _units("PKG2", split, [["", "S2", 1]])
    check = load_check(split.id, "PKG2")
    assert check.package_lines_known and [(ln.sku, ln.quantity) for ln in check.lines] == [("TOPI", 1)]
    assert "package PKG2: 0 of 1 items scanned (its own items)" in check.summary()
    unknown = load_check(split.id, "PKG1")  # the marketplace has not said what package 1 holds
    assert not unknown.package_lines_known and [ln.sku for ln in unknown.lines] == ["KAOS", "TOPI"]
    assert "(the whole order's items)" in unknown.summary()
    _units("PKG2", split, [["", "S9", 1]])  # a unit none of the lines is: the list would be wrong
    assert not load_check(split.id, "PKG2").package_lines_known
    assert [ln.sku for ln in load_check(split.id).lines] == ["KAOS", "TOPI"], "the order scanned: all its items"
    _units("PKG45", buyer1, [["", "S1", 1]])
    _units("PKG45", buyer2, [["", "S1", 1], ["", "S2", 1]])
    combined = load_check(buyer1.id, "PKG45")
    assert combined.package_lines_known and [(ln.sku, ln.quantity) for ln in combined.lines] == [
        ("KAOS", 1), ("KAOS", 1), ("TOPI", 1)], "one parcel for two orders: both orders' items"
