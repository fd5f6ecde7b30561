"""A4 documents: manifest, picklist, invoice and packing list, read back with poppler."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.unit.test_documents_support import MM, has_row, label, needs_poppler, page_sizes, text
from tokodesk.documents import (
    InvoiceData,
    Line,
    ManifestData,
    ManifestRow,
    PackingListData,
    Party,
    PicklistData,
    PicklistOrder,
    render_invoices,
    render_manifest,
    render_packing_lists,
    render_picklist,
)

pytestmark = needs_poppler
NOW = datetime(2026, 11, 26, 7, 5, tzinfo=timezone.utc)
A4_PT = (210 * MM, 297 * MM)
SHOP = Party(name="Toko Berkah Jaya", phone="0821-1111-2222", address_lines=["Jl. Braga No. 5"], city="Kota Bandung",
             province="Jawa Barat", postal_code="40111")


def assert_a4(pdf: bytes) -> int:
    sizes = page_sizes(pdf)
    for width, height in sizes:
        assert width == pytest.approx(A4_PT[0], abs=0.5) and height == pytest.approx(A4_PT[1], abs=0.5)
    return len(sizes)


def manifest(rows: int) -> ManifestData:
    return ManifestData(
        courier="JNE",
        shop="Toko Berkah Jaya",
        created_at=NOW,
        marketplace="Tokopedia & Shop",
        manifest_no="MNF-20261126-01",
        rows=[
            ManifestRow(f"INV/20261126/MPL/36128{i:05d}", f"0002135{i:05d}", "Kota Jakarta Selatan", 1 + i % 2,
                        f"Pembeli {i}", 125_000 if i % 3 == 0 else 0)
            for i in range(rows)
        ],
    )


def test_manifest_lists_every_parcel_with_totals_and_signature_lines():
    data = manifest(12)
    pdf = render_manifest(data, printed_at=NOW)
    assert assert_a4(pdf) == 1
    content = text(pdf)
    for row in data.rows:
        assert row.invoice in content and row.code in content
    assert "Total: 12 orders" in content
    assert data.total_parcels == 18
    assert " 18 " in content
    assert "Rp 500.000" in content  # four COD parcels of Rp 125.000
    assert "Seller" in content and "Courier" in content and content.count("Name, signature, date") == 2
    assert "JNE" in content and "MNF-20261126-01" in content and "26/11/2026 14:05 WIB" in content


def test_a_long_manifest_flows_over_pages_with_the_header_repeated():
    pdf = render_manifest(manifest(70))
    pages = assert_a4(pdf)
    assert pages >= 2
    for page in range(1, pages + 1):
        assert "Booking code / AWB" in text(pdf, page)
    last = text(pdf, pages)
    assert "Total: 70 orders" in last and "Name, signature, date" in last
    content = text(pdf)
    assert all(f"0002135{i:05d}" in content for i in range(70))


def test_manifest_without_cod_has_no_cod_column():
    data = manifest(3)
    for row in data.rows:
        row.cod_amount = 0
    assert "COD" not in text(render_manifest(data))


def test_picklist_sums_lines_by_sku_across_orders_with_a_checkbox_each():
    data = PicklistData(
        shop="Toko Berkah Jaya",
        created_at=NOW,
        orders=[
            PicklistOrder("INV/1", [Line("KAOS-HTM-L", "Kaos Hitam L", 2), Line("TOTE-01", "Tote Bag", 1)]),
            PicklistOrder("INV/2", [Line("KAOS-HTM-L", "Kaos Hitam L", 3)]),
            PicklistOrder("INV/3", [Line("aksesoris-01", "Gantungan Kunci", 4)]),
        ],
    )
    totals = {row.sku: (row.quantity, row.orders) for row in data.totals()}
    assert totals == {"KAOS-HTM-L": (5, 2), "TOTE-01": (1, 1), "aksesoris-01": (4, 1)}
    assert [row.sku for row in data.totals()] == ["aksesoris-01", "KAOS-HTM-L", "TOTE-01"]
    pdf = render_picklist(data)
    assert assert_a4(pdf) == 1
    content = text(pdf)
    assert has_row(pdf, "☐ KAOS-HTM-L Kaos Hitam L 5 2")
    assert has_row(pdf, "☐ aksesoris-01 Gantungan Kunci 4 1")
    assert content.count("☐") == 3
    assert has_row(pdf, "Total: 3 SKU 10 3")
    assert "INV/1, INV/2, INV/3" in content


def test_invoices_one_per_page_with_computed_totals():
    lines = [Line("KAOS-HTM-L", "Kaos Polos Cotton Combed 30s Hitam L", 2, 89_000), Line("TOTE-01", "Tote Bag", 1,
                                                                                         45_000)]
    first = InvoiceData("Tokopedia & Shop", "INV/20261126/MPL/1", "1001", SHOP, label(0).recipient, NOW, lines,
                        shipping_fee=18_000, discount=5_000, courier="JNE", service="REG", payment="COD")
    second = InvoiceData("Tokopedia", "INV/20261126/MPL/2", "1002", SHOP, label(1).recipient, NOW, lines[:1],
                         total=170_000)
    assert first.subtotal == 223_000 and first.grand_total == 236_000
    pdf = render_invoices([first, second])
    assert assert_a4(pdf) == 2
    one, two = text(pdf, 1), text(pdf, 2)
    assert "INV/20261126/MPL/2" in two and "Tokopedia" in two
    assert "INV/20261126/MPL/1" in one and "INV/20261126/MPL/2" not in one
    assert has_row(pdf, "Kaos Polos Cotton Combed 30s Hitam L KAOS-HTM-L 2 Rp 89.000 Rp 178.000", 1)
    assert has_row(pdf, "Subtotal Rp 223.000", 1) and has_row(pdf, "Discount -Rp 5.000", 1)
    assert has_row(pdf, "Total Rp 236.000", 1)
    assert "Courier: JNE REG" in one and "Payment: COD" in one
    assert "Siti Nurhaliza Rahmawati" in one and "Toko Berkah Jaya" in one
    assert has_row(pdf, "Total Rp 170.000", 2)  # the marketplace's total wins (vouchers it knows about)


def test_packing_lists_one_per_order_with_every_line():
    packs = [
        PackingListData("Tokopedia & Shop", f"INV/{i}", str(i), label(i).recipient, "JNE", "REG", f"CODE{i:08d}",
                        NOW, label(i).lines, buyer_note="Bubble wrap ya")
        for i in range(2)
    ]
    pdf = render_packing_lists(packs)
    assert assert_a4(pdf) == 2
    page = text(pdf, 2)
    assert "CODE00000001" in page and "INV/1" in page
    for line in packs[1].lines:
        assert line.sku in page
    assert has_row(pdf, "☐ TOTE-CNV-01 Tote Bag Kanvas Natural 1", 2)
    assert has_row(pdf, "Total 4", 2) and "Note: Bubble wrap ya" in page and page.count("☐") == 3


def test_sheets_take_a_translator_for_the_fixed_words():
    id_words = {"MANIFEST": "MANIFEST", "Seller": "Penjual", "Courier": "Kurir", "orders": "pesanan",
                "Name, signature, date": "Nama, tanda tangan, tanggal"}
    content = text(render_manifest(manifest(2), tr=lambda s: id_words.get(s, s)))
    assert "MANIFEST" in content and "Penjual" in content and "Kurir" in content and "2 pesanan" in content
    assert "Seller" not in content


def test_empty_batches_are_refused():
    with pytest.raises(ValueError, match="no invoices"):
        render_invoices([])
    with pytest.raises(ValueError, match="no packing lists"):
        render_packing_lists([])


def test_an_address_that_already_ends_with_its_area_prints_it_once():
    """Tokopedia's full address carries the district, city, province and postcode: the packing list's recipient
    block does not print them again under it; an address without them still gets its area line."""
    written = Party(name="Ketut Firmansyah", address_lines=[
        "Jl. Pahlawan No. 15, RT 10/RW 07, Balikpapan Kota, Balikpapan, Kalimantan Timur 76340"],
        district="Balikpapan Kota", city="Balikpapan", province="Kalimantan Timur", postal_code="76340")
    short = Party(name="Sri Hidayat", address_lines=["Jl. Braga No. 5"], district="Sumur Bandung",
                  city="Kota Bandung", province="Jawa Barat", postal_code="40111")
    packs = [PackingListData("Tokopedia", f"INV/{i}", str(i), party, "JNE", "REG", f"CODE{i:08d}", NOW,
                             label(i).lines) for i, party in enumerate((written, short))]
    pdf = render_packing_lists(packs)
    assert text(pdf, 1).count("Kalimantan Timur 76340") == 1
    assert "Sumur Bandung, Kota Bandung, Jawa Barat 40111" in text(pdf, 2)
