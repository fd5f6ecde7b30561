"""The marketplace's own label: Tokopedia's HTML re-typeset with its booking-code barcode; PDFs passed through."""

from __future__ import annotations

import pytest

from tests.unit.test_documents_support import MM, decode, label, needs_poppler, page_sizes, text
from tokodesk.documents import (
    MarketplaceLabelError,
    extract_html_label,
    is_pdf,
    pdf_label,
    render_html_labels,
    render_labels,
    render_mixed_labels,
)

TOKOPEDIA_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Shipping Label - INV/20261126/MPL/3612800000</title>
<style>.barcode{width:300px} td{font-size:11px}</style><script>var secret = "do-not-print"; window.print()</script>
</head><body><div class="label">
<table><tr><td><img src="https://ecs7.tokopedia.net/img/logo.png" alt="Tokopedia"></td>
<td><img src="https://ecs7.tokopedia.net/img/kurir/jne.png" alt="JNE"> Reguler</td></tr></table>
<div class="barcode-wrapper"><img class="barcode" src="https://api.example/barcode?type=code128&amp;code=000213552920">
<div class="barcode-text">000213552920</div></div>
<table class="info"><tr><td>Kode Booking</td><td>: 000213552920</td></tr>
<tr><td>No. Invoice</td><td>: INV/20261126/MPL/3612800000</td></tr>
<tr><td>Berat</td><td>: 1.200 gr</td></tr></table>
<div class="cod"><b>COD</b> Rp1.250.000 &ndash; Tagih ke pembeli</div>
<div><b>Kepada</b><br>Siti Nurhaliza Rahmawati (0812-3456-7890)<br>Jl. Raya Pasar Minggu No. 17B, RT.005/RW.002
<br>Kota Jakarta Selatan, DKI Jakarta 12510</div>
<div><b>Dari</b><br>Toko Berkah Jaya (0821-1111-2222)</div>
<button onclick="window.print()">Cetak</button>
</div></body></html>"""


def test_extracts_visible_text_and_the_booking_code_from_barcode_markup():
    parsed = extract_html_label(TOKOPEDIA_HTML)
    assert parsed.booking_code == "000213552920"
    assert parsed.title == "Shipping Label - INV/20261126/MPL/3612800000"
    joined = "\n".join(parsed.lines)
    assert "Tokopedia JNE Reguler" in parsed.lines
    assert "Kode Booking : 000213552920" in parsed.lines
    assert "Siti Nurhaliza Rahmawati (0812-3456-7890)" in parsed.lines
    assert "COD Rp1.250.000 – Tagih ke pembeli" in parsed.lines
    assert "do-not-print" not in joined and "width:300px" not in joined and "Cetak" not in joined
    assert parsed.lines[parsed.lines.index("Kepada")] in {parsed.lines[i] for i in parsed.bold}


@pytest.mark.parametrize(
    ("html", "code"),
    [
        ("<p>Kode Booking: TKP-88812345</p><p>Penerima: Budi</p>", "TKP-88812345"),
        ("<table><tr><td>No. Resi</td><td>JP1234567890</td></tr></table>", "JP1234567890"),
        ('<svg class="bc" jsbarcode-value="000111222333"></svg><p>Budi</p>', "000111222333"),
        ('<div id="booking-code"><span>CGK9876543</span></div>', "CGK9876543"),
        ('<img src="/barcode.png" alt="000999888777">', "000999888777"),
    ],
)
def test_booking_code_found_in_the_ways_labels_show_it(html, code):
    assert extract_html_label(html).booking_code == code


def test_no_code_in_plain_text_without_a_label_word():
    assert extract_html_label("<p>Pesanan 12345678 untuk Budi</p>").booking_code is None


@needs_poppler
def test_html_label_renders_at_label_size_with_a_scannable_booking_code():
    pdf = render_html_labels([TOKOPEDIA_HTML, (TOKOPEDIA_HTML, "000213552999")], size="100x150")
    sizes = page_sizes(pdf)
    assert len(sizes) == 2
    assert sizes[0][0] == pytest.approx(100 * MM, abs=0.5) and sizes[0][1] == pytest.approx(150 * MM, abs=0.5)
    assert decode(pdf, 1) == [("Code128", "000213552920")]
    assert decode(pdf, 2) == [("Code128", "000213552999")]  # the code from the API wins over the page's
    content = text(pdf, 1)
    assert "Siti Nurhaliza Rahmawati (0812-3456-7890)" in content
    assert "Kota Jakarta Selatan, DKI Jakarta 12510" in content
    assert "Re-typeset by TokoDesk" in content


@needs_poppler
def test_a_very_long_html_label_still_fits_one_page():
    html = TOKOPEDIA_HTML.replace("<button", "".join(f"<p>Baris tambahan nomor {i}</p>" for i in range(200))
                                  + "<button")
    pdf = render_html_labels([html], size="100x100")
    assert len(page_sizes(pdf)) == 1
    assert ("Code128", "000213552920") in decode(pdf)
    assert "Kepada" in text(pdf)


def test_html_without_any_booking_code_is_refused_with_a_way_out():
    with pytest.raises(MarketplaceLabelError, match="no booking code found.*own label"):
        render_html_labels(["<html><body><p>Budi</p></body></html>"])
    with pytest.raises(ValueError, match="one per page"):
        render_html_labels([TOKOPEDIA_HTML], size="a4")


def test_marketplace_pdf_passes_through_unchanged():
    tiktok_a6 = render_labels([label(0)], size="a6")  # stands in for TikTok Shop's A6 PDF
    assert is_pdf(tiktok_a6)
    assert pdf_label(tiktok_a6) is tiktok_a6
    with pytest.raises(MarketplaceLabelError, match="not a PDF"):
        pdf_label(b'{"code": 21023035, "message": "package not shipped"}')
    with pytest.raises(MarketplaceLabelError, match="truncated"):
        pdf_label(tiktok_a6[: len(tiktok_a6) // 2])


@needs_poppler
def test_a_batch_spanning_channels_is_one_pdf_in_the_given_order():
    own = label(3)
    pdf = render_mixed_labels([own, TOKOPEDIA_HTML, label(4, awb="JP0000000004")], size="a6")
    sizes = page_sizes(pdf)
    assert len(sizes) == 3
    assert all(w == pytest.approx(105 * MM, abs=0.5) and h == pytest.approx(148 * MM, abs=0.5) for w, h in sizes)
    assert decode(pdf, 1) == sorted([("Code128", own.booking_code), ("QRCode", own.invoice)])
    assert decode(pdf, 2) == [("Code128", "000213552920")]
    assert ("Code128", "JP0000000004") in decode(pdf, 3)
    assert pdf.count(b"/FontFile2") == 2
    with pytest.raises(MarketplaceLabelError, match="label 2: no booking code"):
        render_mixed_labels([own, "<p>nothing</p>"])


@needs_poppler
def test_the_api_bytes_are_decoded_by_the_page_charset():
    from tokodesk.documents.html_label import render_html_label

    latin = TOKOPEDIA_HTML.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("Siti", "Sití")
    pdf = render_html_label(latin.encode("iso-8859-1"), size="100x100")
    assert "Sití Nurhaliza Rahmawati" in text(pdf)
    assert decode(pdf) == [("Code128", "000213552920")]
    assert extract_html_label(TOKOPEDIA_HTML.encode()).booking_code == "000213552920"
