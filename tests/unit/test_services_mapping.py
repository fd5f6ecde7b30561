"""Mappings: the strip rule, edit/remove, CSV export and import with bad rows."""

from __future__ import annotations

import csv

import pytest

from tokodesk.errors import UserError
from tokodesk.services import mapping
from tokodesk.store import models as m


@pytest.fixture
def channel(any_database):
    ch = m.Channel.create(name="toko", marketplace="tokopedia")
    for pid, sku in (("11", "KAOS-M"), ("12", "KAOS-L"), ("20", "MUG-01"), ("21", "DUP"), ("22", "DUP")):
        m.Product.create(channel=ch, product_id=pid, sku=sku, name=f"Produk {pid}")
        m.SkuMapping.create(channel=ch, product_id=pid, marketplace_sku=sku)
    for code in ("S-KAOS-M", "S-KAOS-L", "S-MUG"):
        m.StockItem.create(seller_sku=code)
    return ch


def test_candidate_codes_strip_prefix_and_suffix():
    assert mapping.candidate_codes("TKP-KAOS-M", "TKP-", "") == ["TKP-KAOS-M", "KAOS-M"]
    assert mapping.candidate_codes("KAOS-M-TKP", "", "-TKP") == ["KAOS-M-TKP", "KAOS-M"]
    assert mapping.candidate_codes("TKP-KAOS-X", "TKP-", "-X") == ["TKP-KAOS-X", "KAOS-X", "KAOS", "TKP-KAOS"]
    assert mapping.candidate_codes("TKP-", "TKP-", "") == ["TKP-"]  # stripping everything is not a code
    assert mapping.candidate_codes("  ", "TKP-", "") == []


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def test_import_applies_good_rows_and_reports_bad_ones_by_line(channel, tmp_path):
    path = tmp_path / "map.csv"
    write_csv(
        path,
        [
            ["channel", "product_id", "marketplace_sku", "seller_sku", "buffer"],
            ["toko", "11", "", "S-KAOS-M", "2"],  # line 2: good
            ["toko", "99", "", "S-MUG", ""],  # line 3: unknown product
            ["toko", "", "KAOS-L", "S-KAOS-L", ""],  # line 4: good, found by marketplace SKU
            ["toko", "20", "", "NOPE", ""],  # line 5: unknown seller SKU
            ["toko", "", "DUP", "S-MUG", ""],  # line 6: ambiguous marketplace SKU
            ["toko", "20", "", "S-MUG", "-1"],  # line 7: negative buffer
            ["toko", "11", "", "S-MUG", ""],  # line 8: product 11 twice in the file
            ["", "", "", "", ""],  # blank: ignored
            ["lapak", "20", "", "S-MUG", ""],  # line 10: unknown channel
        ],
    )
    result = mapping.import_csv(path)
    assert [(e.line, e.reason.split(" ")[0]) for e in result.errors] == [
        (3, "product_id"),
        (5, "seller"),
        (6, "marketplace"),
        (7, "buffer"),
        (8, "product"),
        (10, "channel"),
    ]
    assert "is not in your stock list" in str(result.errors[1])
    assert result.mapped == 2
    got = {r.product_id: (r.seller_sku, r.buffer) for r in m.SkuMapping.select()}
    assert got["11"] == ("S-KAOS-M", 2)
    assert got["12"] == ("S-KAOS-L", 0)
    assert got["20"] == (None, 0)
    assert m.Channel.get().inventory_dirty_at is not None  # the next stock push sees the new mappings


def test_import_with_create_skus_adds_missing_seller_skus(channel, tmp_path):
    path = tmp_path / "map.csv"
    write_csv(path, [["product_id", "seller_sku"], ["20", "NEW-MUG"]])
    result = mapping.import_csv(path, create_seller_skus=True)
    assert not result.errors and result.created_seller_skus == 1
    assert m.SkuMapping.get(m.SkuMapping.product_id == "20").seller_sku == "NEW-MUG"


def test_import_is_one_transaction_for_the_file(channel, tmp_path, monkeypatch):
    path = tmp_path / "map.csv"
    write_csv(path, [["product_id", "seller_sku"], ["11", "S-KAOS-M"], ["12", "S-KAOS-L"]])

    def broken(channel, index=None):
        raise RuntimeError("disk full")

    monkeypatch.setattr(mapping, "remap_orders", broken)
    with pytest.raises(RuntimeError):
        mapping.import_csv(path)
    assert m.SkuMapping.select().where(m.SkuMapping.seller_sku.is_null(False)).count() == 0


def test_export_then_import_round_trips_semicolon_excel_files(channel, tmp_path):
    mapping.set_mapping(channel, "11", "S-KAOS-M", buffer=3)
    out = tmp_path / "out.csv"
    assert mapping.export_csv(out) == 5
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == ",".join(mapping.CSV_COLUMNS)
    assert "toko,11,KAOS-M,S-KAOS-M,3,Produk 11" in text
    # Excel in an Indonesian locale saves with semicolons and a BOM
    excel = tmp_path / "excel.csv"
    excel.write_bytes("\ufeffproduct_id;seller_sku;buffer\r\n12;S-KAOS-L;1\r\n11;;\r\n".encode())
    result = mapping.import_csv(excel)
    assert not result.errors and (result.mapped, result.unmapped) == (1, 1)
    assert m.SkuMapping.get(m.SkuMapping.product_id == "11").seller_sku is None
    assert m.SkuMapping.get(m.SkuMapping.product_id == "12").buffer == 1


def test_import_refuses_a_file_without_the_needed_header(channel, tmp_path):
    path = tmp_path / "map.csv"
    write_csv(path, [["sku", "qty"], ["11", "1"]])
    with pytest.raises(UserError, match="line 1: the header must name seller_sku"):
        mapping.import_csv(path)


def test_set_and_remove_mapping(channel):
    with pytest.raises(UserError, match="not in your stock list"):
        mapping.set_mapping(channel, "20", "UNKNOWN")
    mapping.set_mapping(channel, "20", "S-MUG", buffer=1)
    queue = {q.product_id for q in mapping.unmapped_queue(channel)}
    assert "20" not in queue
    mapping.remove_mapping(channel, "20")
    assert "20" in {q.product_id for q in mapping.unmapped_queue(channel)}
    with pytest.raises(UserError, match="sync skus"):
        mapping.set_mapping(channel, "999", "S-MUG")
