"""TokoDesk's own shipping label, read back the way a printer and a courier's scanner would see it."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone

import pytest

from tests.unit.test_documents_support import MM, decode, label, needs_poppler, overlaps, page_sizes, text, words
from tokodesk.documents import fonts
from tokodesk.documents.codes import BarcodeError, code128_modules
from tokodesk.documents.fmt import grams, rupiah, wib
from tokodesk.documents.labels import by_sku, render_labels, sort_labels
from tokodesk.documents.model import Line, Party

pytestmark = needs_poppler

SIZES_PT = {
    "100x150": (100 * MM, 150 * MM),
    "100x100": (100 * MM, 100 * MM),
    "a6": (105 * MM, 148 * MM),
}


def assert_size(actual: tuple[float, float], expected: tuple[float, float]) -> None:
    assert actual[0] == pytest.approx(expected[0], abs=0.5)
    assert actual[1] == pytest.approx(expected[1], abs=0.5)


def test_formats_are_indonesian():
    assert rupiah(1_250_000) == "Rp 1.250.000"
    assert rupiah(0) == "Rp 0"
    assert rupiah(-5000) == "-Rp 5.000"
    assert wib(datetime(2026, 11, 26, 7, 5, tzinfo=timezone.utc)) == "26/11/2026 14:05 WIB"
    assert wib(datetime(2026, 11, 26, 7, 5)) == "26/11/2026 14:05 WIB"  # naive = UTC, as the store keeps it
    assert grams(1200) == "1,2 kg" and grams(850) == "850 g" and grams(None) == ""


def test_batch_is_one_pdf_with_a_page_per_label_at_100x150_by_default():
    pdf = render_labels([label(i) for i in range(3)])
    sizes = page_sizes(pdf)
    assert len(sizes) == 3
    for size in sizes:
        assert_size(size, SIZES_PT["100x150"])
    for page in (1, 2, 3):
        assert label(page - 1).booking_code in text(pdf, page)


@pytest.mark.parametrize("size", ["100x150", "100x100", "a6"])
def test_each_size_carries_decodable_code128_and_qr_and_nothing_overlaps(size):
    order = label(7)
    pdf = render_labels([order], size=size)
    assert_size(page_sizes(pdf)[0], SIZES_PT[size])
    assert decode(pdf) == sorted([("Code128", order.booking_code), ("QRCode", order.invoice)])
    content = text(pdf)
    for expected in (order.booking_code, order.invoice, "JNE REG", "Siti Nurhaliza Rahmawati", "0812-3456-7890",
                     "12510", "Toko Berkah Jaya", "KAOS-HTM-L", "COD Rp 1.250.000", "Tokopedia & Shop"):
        assert expected in content, (size, expected)
    assert overlaps(words(pdf)) == []


def test_awb_wins_over_booking_code_once_the_courier_assigned_one():
    pdf = render_labels([label(1, awb="JP1234567890")], size="100x150")
    assert ("Code128", "JP1234567890") in decode(pdf)
    assert "AWB" in text(pdf)


def test_a4_puts_four_labels_a_page_in_reading_order():
    orders = [label(i) for i in range(5)]
    pdf = render_labels(orders, size="a4")
    sizes = page_sizes(pdf)
    assert len(sizes) == 2
    for size in sizes:
        assert_size(size, (210 * MM, 297 * MM))
    first = decode(pdf, 1, dpi=150)
    assert sorted(v for f, v in first if f == "Code128") == [o.booking_code for o in orders[:4]]
    assert sorted(v for f, v in first if f == "QRCode") == [o.invoice for o in orders[:4]]
    assert ("Code128", orders[4].booking_code) in decode(pdf, 2, dpi=150)
    # reading order: label 0 top left, 1 top right, 2 bottom left, 3 bottom right
    boxes = {w: (x0, y0) for w, x0, y0, _, _ in words(pdf, 1)}
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = (boxes[o.booking_code] for o in orders[:4])
    assert x0 < x1 and y0 == pytest.approx(y1) and x2 < x3 and y2 > y0 and y3 > y1 and x0 == pytest.approx(x2)
    assert overlaps(words(pdf, 1)) == []


def test_cod_amount_is_prominent_and_a_non_cod_parcel_says_so():
    cod = render_labels([label(1, cod_amount=1_250_000)])
    assert "COD Rp 1.250.000" in text(cod)
    cod_words = [w for w in words(cod) if w[0] == "1.250.000"]
    name_words = [w for w in words(cod) if w[0] == "Siti"]
    assert cod_words[0][4] - cod_words[0][2] > 1.3 * (name_words[0][4] - name_words[0][2])  # bigger than the name
    plain = render_labels([label(1, cod_amount=0)])
    assert "NON-COD" in text(plain)
    assert "COD Rp" not in text(plain)


LONG_ADDRESS = [
    "Perumahan Griya Permata Hijau Residence Blok C-12 No. 7A, Jl. Letjen Soeprapto Gg. Masjid Al-Ikhlas",
    "RT.012/RW.008, Kelurahan Cempaka Putih Barat, dekat Warung Bu Yati sebelah Indomaret, pagar hitam",
    "Patokan: masuk gang kedua setelah SDN 05 Pagi, rumah cat hijau dua lantai",
]


@pytest.mark.parametrize("size", ["100x150", "100x100", "a6", "a4"])
def test_a_long_indonesian_address_is_printed_whole_inside_the_label(size):
    recipient = Party(
        name="Raden Ajeng Kartika Sari Dewi Puspitasari Wulandari Ningrum",
        phone="+62 812-3456-7890",
        address_lines=LONG_ADDRESS,
        district="Kecamatan Cempaka Putih",
        city="Kota Administrasi Jakarta Pusat",
        province="DKI Jakarta",
        postal_code="10520",
    )
    pdf = render_labels([label(3, recipient=recipient)], size=size)
    content = text(pdf)
    for line in LONG_ADDRESS + ["Kecamatan Cempaka Putih, Kota Administrasi Jakarta Pusat, DKI Jakarta 10520"]:
        for word in line.split():
            assert word.strip(",") in content, (size, word)
    page_w, page_h = page_sizes(pdf)[0]
    boxes = words(pdf)
    cell_w = page_w / 2 if size == "a4" else page_w
    for word, x0, y0, x1, y1 in boxes:
        assert x0 > 0 and x1 <= page_w - 2 * MM, word
        assert y0 > 0 and y1 <= page_h - 2 * MM, word
        if size == "a4" and x0 < cell_w:
            assert x1 <= cell_w - 2 * MM, word  # a left-hand label never runs into the right-hand one
    assert overlaps(boxes) == []
    assert ("Code128", label(3).booking_code) in decode(pdf, dpi=150 if size == "a4" else 203)


def test_many_lines_end_in_plus_n_more_with_the_true_total():
    lines = [Line(f"SKU-{i:02d}", f"Produk nomor {i}", 1 + i % 3) for i in range(25)]
    pdf = render_labels([label(2, lines=lines)], size="100x150")
    content = text(pdf)
    shown = [line for line in lines if line.sku in content]
    assert 3 <= len(shown) < 25
    assert shown == lines[: len(shown)]  # the first lines, in order
    assert f"+{25 - len(shown)} more" in content
    assert f"Total {sum(line.quantity for line in lines)} pcs" in content
    assert overlaps(words(pdf)) == []


def test_an_order_without_lines_or_code_still_prints():
    pdf = render_labels([label(4, lines=[], booking_code=None, buyer_note="")], size="100x100")
    assert len(page_sizes(pdf)) == 1
    content = text(pdf)
    assert "Siti Nurhaliza Rahmawati" in content
    assert "No booking code or AWB yet" in content
    assert "Total" not in content
    assert [f for f, _ in decode(pdf)] == ["QRCode"]


def test_indonesian_and_accented_characters_come_back_out_of_the_pdf():
    recipient = Party(name="Daeng Mappaé Ñoman", phone="0813", address_lines=["Jl. K.H. Hasyim Asy’ari – Blok ½"],
                      city="Kota Makassar", province="Sulawesi Selatan", postal_code="90111")
    pdf = render_labels([label(5, recipient=recipient, buyer_note="Jangan dibanting — isi kaca “fragile”")])
    content = text(pdf)
    assert "Daeng Mappaé Ñoman" in content
    assert "Asy’ari – Blok ½" in content
    assert "“fragile”" in content


def test_fonts_are_embedded_once_however_many_pages():
    one = render_labels([label(0)])
    many = render_labels([label(i) for i in range(40)])
    assert one.count(b"/FontFile2") == 2  # regular and bold, subset
    assert many.count(b"/FontFile2") == 2
    assert b"/Helvetica" not in many  # nothing falls back to an unembedded base font
    assert len(many) / 40 < 15 * 1024


def test_reprint_is_byte_identical():
    orders = [label(i) for i in range(3)]
    assert render_labels(orders) == render_labels(orders)


def test_translated_fixed_words():
    words_id = {"RECIPIENT": "PENERIMA", "SENDER": "PENGIRIM", "BOOKING CODE": "KODE BOOKING",
                "+{n} more": "+{n} lainnya"}
    lines = [Line(f"S{i}", "x", 1) for i in range(30)]
    content = text(render_labels([label(1, lines=lines)], tr=lambda s: words_id.get(s, s)))
    assert "PENERIMA" in content and "PENGIRIM" in content and "KODE BOOKING" in content
    assert "lainnya" in content and "RECIPIENT" not in content


def test_print_order_by_courier_sku_and_deadline():
    start = datetime(2026, 11, 26, tzinfo=timezone.utc)
    a = label(1, courier="SiCepat", lines=[Line("B-1", "b", 1)], ship_deadline=start + timedelta(hours=5))
    b = label(2, courier="JNE", lines=[Line("A-1", "a", 1), Line("C-1", "c", 1)], ship_deadline=start)
    c = label(3, courier="anteraja", lines=[Line("C-1", "c", 2)], ship_deadline=None)
    d = label(4, courier="JNE", lines=[Line("A-1", "a", 3)], ship_deadline=start + timedelta(hours=1))
    assert [x.invoice for x in sort_labels([a, b, c, d], "courier")] == [c.invoice, b.invoice, d.invoice, a.invoice]
    # single-SKU parcels first, grouped by SKU; the mixed parcel last
    assert [x.invoice for x in sort_labels([a, b, c, d], "sku")] == [d.invoice, a.invoice, c.invoice, b.invoice]
    assert [x.invoice for x in sort_labels([a, b, c, d], "deadline")] == [b.invoice, d.invoice, a.invoice, c.invoice]
    assert sort_labels([a, b], None) == [a, b]
    assert by_sku(c) < by_sku(b)
    pdf = render_labels([a, b, c, d], order="deadline")
    assert [decode(pdf, p)[0][1] for p in (1, 2, 3, 4)] == [x.booking_code for x in (b, d, a, c)]


def test_bad_requests_say_what_is_wrong():
    with pytest.raises(ValueError, match="label size 'a5' is not one of"):
        render_labels([label(0)], size="a5")
    with pytest.raises(ValueError, match="no labels"):
        render_labels([])
    with pytest.raises(ValueError, match="label order 'price'"):
        render_labels([label(0)], order="price")
    with pytest.raises(BarcodeError, match="printable ASCII"):
        code128_modules("BOOKÉ123")
    assert render_labels([label(0)], size="100×150 mm")  # what a user types works too


def test_fonts_are_found_in_the_frozen_bundle_first(tmp_path, monkeypatch):
    bundled = tmp_path / "resources" / "fonts"
    bundled.mkdir(parents=True)
    (bundled / "DejaVuSans.ttf").write_bytes(fonts.font_path("DejaVuSans.ttf").read_bytes())
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.font_dirs()[0] == bundled
    assert fonts.font_path("DejaVuSans.ttf") == bundled / "DejaVuSans.ttf"
    assert fonts.font_path("DejaVuSans-Bold.ttf").parent.name == "fonts"  # falls back to the source tree
    with pytest.raises(fonts.FontMissing, match="reinstall TokoDesk"):
        fonts.font_path("NoSuchFont.ttf")


def test_the_indonesian_translator_covers_every_fixed_word_of_the_documents():
    import re
    from pathlib import Path

    from tokodesk.documents.fmt import INDONESIAN

    source = "".join(p.read_text() for p in Path(fonts.__file__).parent.glob("*.py"))
    used = set(re.findall(r"""tr\(["']([^"']+)["']\)""", source))
    assert used and used <= set(INDONESIAN), sorted(used - set(INDONESIAN))


@pytest.mark.parametrize("size", ["100x150", "100x100"])
def test_a_long_courier_and_service_name_is_printed_whole(size):
    pdf = render_labels([label(1, cod_amount=0, courier="SiCepat Ekspres", service="HALU (Harga Hemat)")], size=size)
    content = text(pdf)
    assert "SiCepat Ekspres" in content and "HALU (Harga Hemat)" in content and "NON-COD" in content
    assert overlaps(words(pdf)) == []


@needs_poppler
def test_a_code_a_barcode_cannot_hold_prints_as_text_and_the_other_labels_keep_their_barcodes():
    # Issue 15: an AWB with an en dash was accepted once, then made the whole batch fail at Code 128.
    good_a, bad, good_b = label(1), label(2, awb="JP\u201312345678"), label(3)
    pdf = render_labels([good_a, bad, good_b], size="100x150")
    assert len(page_sizes(pdf)) == 3
    assert ("Code128", good_a.booking_code) in decode(pdf, 1) and ("Code128", good_b.booking_code) in decode(pdf, 3)
    assert [f for f, _ in decode(pdf, 2)] == ["QRCode"]  # no (wrong) barcode on the bad one: its code as text
    page = text(pdf, 2)
    assert "JP\u201312345678" in page and "No barcode: the code has a character a barcode cannot hold" in page
