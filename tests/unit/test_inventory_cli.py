"""`tokodesk stock set|import|list|return` as a user runs them."""

from __future__ import annotations

import json

import pytest

from tokodesk.cli import main
from tokodesk.services import stock_csv
from tokodesk.store import models as m


@pytest.fixture(autouse=True)
def _close_db():
    yield
    from tokodesk.store.connection import close_database

    close_database()


def counts() -> dict[str, int]:
    return {s.seller_sku: s.on_hand for s in m.StockItem.select()}


def test_set_creates_unknown_skus_and_says_so(capsys):
    assert main(["stock", "set", "KAOS-M", "12", "KAOS-L", "0"]) == 0
    out = capsys.readouterr().out
    assert "2 created" in out and "KAOS-M" in out and "not mapped to any marketplace SKU" in out
    assert counts() == {"KAOS-M": 12, "KAOS-L": 0}
    assert main(["stock", "set", "KAOS-M", "7", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["updated"] == ["KAOS-M"]
    assert counts()["KAOS-M"] == 7


@pytest.mark.parametrize("qty, words", [("-3", "negative"), ("1.5", "whole number"), ("dua", "not a number")])
def test_set_refuses_bad_quantities_with_exit_2_and_changes_nothing(capsys, qty, words):
    assert main(["stock", "set", "A", "1"]) == 0
    capsys.readouterr()
    assert main(["stock", "set", "B", "4", "A", qty]) == 2
    err = capsys.readouterr().err
    assert words in err and "quantity of A" in err
    assert counts() == {"A": 1}


def test_set_with_a_missing_quantity_is_bad_usage(capsys):
    assert main(["stock", "set", "A", "1", "B"]) == 2
    assert "'B' has no quantity" in capsys.readouterr().err


def test_import_reports_bad_rows_by_line_and_keeps_the_good_ones(tmp_path, capsys):
    path = tmp_path / "stok.csv"
    path.write_text(
        "seller_sku,on_hand\nKAOS-M,10\nKAOS-L,-2\n\n,5\nTOPI,3.5\nKAOS-M,11\nMUG,4\nCELANA\n", encoding="utf-8"
    )
    assert main(["stock", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:3: " in err and "negative" in err
    assert f"{path}:5: the seller SKU is empty" in err
    assert f"{path}:6: " in err and "whole number" in err
    assert f"{path}:7: KAOS-M is already given on line 2" in err
    assert f"{path}:9: no on-hand count for CELANA" in err
    assert "2 good rows were applied" in err
    assert counts() == {"KAOS-M": 10, "MUG": 4}


def test_import_strict_applies_nothing_when_a_row_is_bad(tmp_path, capsys):
    path = tmp_path / "stok.csv"
    path.write_text("A,1\nB,-1\n", encoding="utf-8")
    assert main(["stock", "import", str(path), "--strict", "--json"]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert doc["applied"] is False and doc["bad_rows"][0]["line"] == 2
    assert counts() == {}


def test_import_without_header_semicolons_and_a_bom(tmp_path, capsys):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufeffKAOS-M;12\r\nSEPATU-42;3\r\n".encode())
    assert main(["stock", "import", str(path)]) == 0
    assert counts() == {"KAOS-M": 12, "SEPATU-42": 3}


def test_header_in_another_order_is_followed():
    parsed = stock_csv.parse_stock_text("Stok,SKU,Nama\n5,A,Kaos\n")
    assert parsed.had_header and parsed.rows == [(2, "A", 5)] and parsed.bad == []


def test_import_of_a_missing_or_non_utf8_file_says_what_to_do(tmp_path, capsys):
    assert main(["stock", "import", str(tmp_path / "nope.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    bad = tmp_path / "latin.csv"
    bad.write_bytes(b"KA\xd6S,1\n")
    assert main(["stock", "import", str(bad)]) == 2
    assert "CSV UTF-8" in capsys.readouterr().err


def test_list_shows_reserved_and_available(capsys):
    assert main(["stock", "set", "A", "5"]) == 0
    ch = m.Channel.create(name="toko")
    o = m.Order.create(channel=ch, order_id="1", invoice="INV/1", state="packed", created_at=m.utcnow())
    m.OrderLine.create(order=o, sku="A", seller_sku="A", quantity=2)
    capsys.readouterr()
    assert main(["stock", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"seller_sku": "A", "name": "", "on_hand": 5, "counted": True, "reserved": 2, "available": 3, "listings": 0}
    ]


def test_return_puts_goods_back_once(capsys):
    assert main(["stock", "set", "A", "5"]) == 0
    ch = m.Channel.create(name="toko")
    o = m.Order.create(channel=ch, order_id="77", invoice="INV/77", state="cancelled", created_at=m.utcnow(),
                       stock_taken=True)
    m.OrderLine.create(order=o, sku="A", seller_sku="A", quantity=2)
    capsys.readouterr()
    assert main(["stock", "return", "INV/77"]) == 0
    assert "A +2" in capsys.readouterr().out
    assert counts() == {"A": 7}
    assert main(["stock", "return", "77"]) == 2
    assert "came back already" in capsys.readouterr().err
    assert counts() == {"A": 7}
