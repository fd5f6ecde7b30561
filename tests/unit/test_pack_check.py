"""The pack station's item check, on both databases: each scanned code is right, completes the parcel, is the wrong
item (named), one too many, or unknown; a maker's barcode stands for its seller SKU; an unmapped line is recognised
by the marketplace's SKU; an order in two packages is checked whole; packing anyway is recorded with what was
missing. TokoDesk has no bundles, so there is no bundle case."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tokodesk.services import pack_check as pc
from tokodesk.store import models as m

Out = pc.Outcome


def _order(lines, invoice="INV/20261205/MPL/1") -> m.Order:
    ch = m.Channel.get_or_none(m.Channel.name == "toko") or m.Channel.create(name="toko")
    order = m.Order.create(channel=ch, order_id=f"o{m.Order.select().count()}", invoice=invoice,
                           state="acknowledged", created_at=datetime(2026, 12, 5, tzinfo=UTC))
    for n, (seller_sku, sku, name, qty) in enumerate(lines):
        m.OrderLine.create(order=order, line_no=n, seller_sku=seller_sku, sku=sku, name=name, quantity=qty)
    return order


@pytest.fixture
def stock(any_database):
    m.StockItem.create(seller_sku="KAOS-M", name="Kaos hitam M")
    m.StockItem.create(seller_sku="TOPI", name="Topi rajut")
    m.StockItem.create(seller_sku="SEPATU-42", name="Sepatu 42")
    pc.set_barcode("TOPI", "8991234567890")
    return any_database


def test_right_complete_wrong_too_many_unknown(stock):
    order = _order([("KAOS-M", "mp-kaos", "Kaos hitam M", 2), ("TOPI", "mp-topi", "Topi rajut", 1)])
    check = pc.load_check(order.id)
    assert check.invoice == "INV/20261205/MPL/1" and check.expected_units == 3 and not check.complete

    assert check.scan("KAOS-M").outcome is Out.RIGHT
    wrong = check.scan("SEPATU-42")
    assert (wrong.outcome, wrong.sku, wrong.name) == (Out.WRONG, "SEPATU-42", "Sepatu 42")
    assert check.scan("kaos-m ").outcome is Out.RIGHT  # a scanner's case and trailing space
    too_many = check.scan("KAOS-M")
    assert (too_many.outcome, too_many.sku) == (Out.TOO_MANY, "KAOS-M")
    assert check.scan("XYZ-999").outcome is Out.UNKNOWN
    assert check.missing() == [("TOPI", "Topi rajut", 1)] and check.scanned_units == 2
    # The maker's barcode on the hat stands for its seller SKU, and it completes the parcel.
    assert check.scan("8991234567890").outcome is Out.COMPLETE
    assert check.complete and check.missing() == []
    assert check.scan("TOPI").outcome is Out.TOO_MANY  # refusals never untick
    assert check.complete


def test_unmapped_line_same_sku_twice_and_zero_lines(stock):
    order = _order([(None, "MP-GELANG", "Gelang", 1), ("KAOS-M", "mp-kaos", "Kaos", 1),
                    ("KAOS-M", "mp-kaos", "Kaos", 1), ("TOPI", "mp-topi", "Topi", 0)])
    check = pc.load_check(order.id)
    assert [(ln.sku, ln.quantity) for ln in check.lines] == [("MP-GELANG", 1), ("KAOS-M", 1), ("KAOS-M", 1)]
    assert check.scan("mp-kaos").outcome is Out.UNKNOWN  # a mapped line is the seller SKU, not the listing's
    assert check.scan("KAOS-M").outcome is Out.RIGHT
    assert check.scan("KAOS-M").outcome is Out.RIGHT  # fills the second line of the same item
    assert check.scan("TOPI").outcome is Out.WRONG
    assert check.scan("MP-GELANG").outcome is Out.COMPLETE


def test_override_records_who_and_what_was_missing_and_a_full_check_is_recorded(stock):
    order = _order([("KAOS-M", "mp-kaos", "Kaos hitam M", 2), ("TOPI", "mp-topi", "Topi rajut", 1)])
    check = pc.load_check(order.id)
    check.scan("KAOS-M")
    check.scan("SEPATU-42")
    event = pc.record_override(check, "tester@desk1")
    stored = m.OrderEvent.get_by_id(event.id)
    assert (stored.kind, stored.who, stored.ok, stored.order_id) == (pc.EVENT_OVERRIDE, "tester@desk1", False, order.id)
    assert "1 of 3 items scanned" in stored.detail
    assert "missing: 1× KAOS-M (Kaos hitam M), 1× TOPI (Topi rajut)" in stored.detail
    assert "SEPATU-42 (wrong)" in stored.detail and stored.at is not None

    other = _order([("TOPI", "mp-topi", "Topi rajut", 1)], invoice="INV/2")
    full = pc.load_check(other.id)
    full.scan("TOPI")
    done = m.OrderEvent.get_by_id(pc.record_checked(full, "tester@desk1").id)
    assert (done.kind, done.ok, done.detail) == (pc.EVENT_CHECKED, True, "1 of 1 items scanned")


def test_an_order_in_two_packages_is_checked_whole(stock):
    order = _order([("KAOS-M", "mp-kaos", "Kaos", 1), ("TOPI", "mp-topi", "Topi", 1)])
    for pid in ("PKG-2", "PKG-1"):
        package = m.Package.create(channel=order.channel, package_id=pid, status="TO_FULFILL")
        m.PackageOrder.create(package=package, order=order)
    check = pc.load_check(order.id)
    assert check.packages == ["PKG-1", "PKG-2"]
    assert check.scan("KAOS-M").outcome is Out.RIGHT and not check.complete
    assert check.scan("TOPI").outcome is Out.COMPLETE


def test_a_barcode_names_one_item(stock):
    with pytest.raises(pc.BarcodeError, match="already names TOPI"):
        pc.set_barcode("KAOS-M", "8991234567890")
    with pytest.raises(pc.BarcodeError, match="already names SEPATU-42"):
        pc.set_barcode("KAOS-M", "sepatu-42")
    with pytest.raises(pc.BarcodeError, match="spaces"):
        pc.set_barcode("KAOS-M", "899 1")
    with pytest.raises(pc.BarcodeError, match="No stock item"):
        pc.set_barcode("NOPE", "1")
    assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-M").barcode is None
    pc.set_barcode("TOPI", "")
    assert m.StockItem.get(m.StockItem.seller_sku == "TOPI").barcode is None


def test_cli_stores_and_clears_a_barcode(tokodesk_home, capsys):
    from tokodesk.cli import main
    from tokodesk.store.connection import close_database, open_database

    open_database()
    m.StockItem.create(seller_sku="KAOS-M", name="Kaos")
    m.StockItem.create(seller_sku="TOPI", name="Topi", barcode="8991")
    close_database()
    assert main(["stock", "barcode", "KAOS-M", "8990001112223"]) == 0
    assert "KAOS-M: barcode 8990001112223" in capsys.readouterr().out
    assert main(["stock", "barcode", "KAOS-M", "8991"]) == 2
    assert "already names TOPI" in capsys.readouterr().err
    assert main(["stock", "barcode", "KAOS-M"]) == 2  # neither a code nor --clear
    open_database()
    assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-M").barcode == "8990001112223"
    close_database()
    assert main(["stock", "barcode", "TOPI", "--clear"]) == 0
    open_database()
    assert m.StockItem.get(m.StockItem.seller_sku == "TOPI").barcode is None
    close_database()


def test_migration_14_gives_an_older_database_item_barcodes(any_database):
    from tokodesk.store import migrations

    m.StockItem.create(seller_sku="KAOS-M", name="Kaos", on_hand=4)
    any_database.execute_sql('DROP INDEX IF EXISTS "stock_item_barcode"')
    any_database.execute_sql('ALTER TABLE "stock_item" DROP COLUMN "barcode"')
    m.SchemaVersion.delete().where(m.SchemaVersion.version >= 14).execute()
    assert "barcode" not in {c.name for c in any_database.get_columns("stock_item")}
    assert migrations.migrate(any_database) == migrations.LATEST
    assert "barcode" in {c.name for c in any_database.get_columns("stock_item")}
    assert "stock_item_barcode" in {i.name for i in any_database.get_indexes("stock_item")}
    item = pc.set_barcode("KAOS-M", "8990001112223")
    assert (item.on_hand, m.StockItem.get_by_id(item.id).barcode) == (4, "8990001112223")
