"""Documents in the seller's language: each one rendered in Indonesian and in English, read back with pypdf."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import pytest
from pypdf import PdfReader

from tests.unit.test_documents_sheets import SHOP, manifest
from tests.unit.test_documents_support import label
from tokodesk.documents import (
    InvoiceData,
    Line,
    PackingListData,
    Party,
    PicklistData,
    PicklistOrder,
    render_invoices,
    render_labels,
    render_manifest,
    render_packing_lists,
    render_picklist,
)
from tokodesk.documents.fmt import translator, wib
from tokodesk.documents.handover import HandoverLine, HandoverSheet, render_handover
from tokodesk.documents.marketplace_label import render_html_label

NOW = datetime(2026, 11, 26, 7, 5, tzinfo=timezone.utc)
LINES = [Line(sku="KAOS-M", name="Kaos Polos Hitam M", quantity=2, price=45_000)]
BUYER = Party(name="Siti Nurhaliza", phone="0812-3456-7890", address_lines=["Jl. Melati 3"], city="Kota Bogor")


def read(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split())


def _label(tr):
    return render_labels([label(1)], tr=tr)


def _picklist(tr):
    return render_picklist(PicklistData(shop="Toko Berkah", created_at=NOW,
                                        orders=[PicklistOrder(invoice="INV/1", lines=LINES)]), tr, printed_at=NOW)


def _packing(tr):
    return render_packing_lists([PackingListData(marketplace="Tokopedia & Shop", invoice="INV/1", order_id="1",
                                                 recipient=BUYER, courier="JNE", service="REG", code="JP1",
                                                 created_at=NOW, lines=LINES)], tr, printed_at=NOW)


def _manifest(tr):
    return render_manifest(manifest(3), tr, printed_at=NOW)


def _invoice(tr):
    return render_invoices([InvoiceData(marketplace="Tokopedia & Shop", invoice="INV/1", order_id="1", shop=SHOP,
                                        buyer=BUYER, created_at=NOW, lines=LINES, shipping_fee=9_000, discount=5_000,
                                        courier="JNE", service="REG", payment="COD")], tr, printed_at=NOW)


def _handover(tr):
    sheet = HandoverSheet(courier="JNE", shop="Toko Berkah", created_at=NOW, station="desk-1",
                          lines=[HandoverLine("INV/1", "JP1", NOW), HandoverLine("INV/2", "JP2", None)])
    return render_handover(sheet, tr, printed_at=NOW)


def _marketplace_label(tr):
    html = "<html><body><div>Penerima: Siti</div><div>JNE REG</div></body></html>"
    return render_html_label(html, booking_code="TKP0001", tr=tr)


# (document, words that must show in Indonesian, the same words in English)
CASES = [
    (_label, ["PENERIMA", "PENGIRIM", "Kirim sebelum", "KODE BOOKING"], ["RECIPIENT", "SENDER", "Ship before",
                                                                          "BOOKING CODE"]),
    (_picklist, ["DAFTAR PENGAMBILAN BARANG", "Produk", "Jml"], ["PICKLIST", "Product", "Qty"]),
    (_packing, ["DAFTAR ISI PAKET", "Penerima", "Kurir"], ["PACKING LIST", "Recipient", "Courier"]),
    (_manifest, ["MANIFEST", "Nama, tanda tangan, tanggal"], ["Name, signature, date"]),
    (_invoice, ["Pembeli", "Ongkos kirim", "Diskon"], ["Buyer", "Shipping", "Discount"]),
    (_handover, ["SERAH TERIMA", "BELUM DIPINDAI", "Dipindai pada"], ["HANDOVER", "NOT SCANNED", "Scanned at"]),
    (_marketplace_label, ["KODE BOOKING"], ["BOOKING CODE"]),
]


@pytest.mark.parametrize("render,indonesian,english", CASES, ids=[c[0].__name__.strip("_") for c in CASES])
def test_each_document_in_both_languages(render, indonesian, english):
    in_id = read(render(translator("id")))
    in_en = read(render(translator("en")))
    for word in indonesian:
        assert word in in_id, f"{word!r} missing from the Indonesian {render.__name__}"
    for word in english:
        assert word in in_en, f"{word!r} missing from the English {render.__name__}"
        assert word not in in_id, f"{word!r} still English in the Indonesian {render.__name__}"


def test_documents_follow_the_app_language_and_default_to_indonesian(database, monkeypatch):
    from tokodesk.services.doc_language import document_language
    from tokodesk.store import models as m

    monkeypatch.delenv("TOKODESK_LANG", raising=False)
    assert document_language() == "id"  # "system": Indonesian, whatever the PC's own language
    m.AppSetting.write("language", "en")
    assert document_language() == "en"
    monkeypatch.setenv("TOKODESK_LANG", "id")
    assert document_language() == "id"


def test_reconciliation_pdf_in_both_languages(database, monkeypatch):
    from tests.unit.test_reconciliation import planted_shop
    from tokodesk.services import recon_export, reconciliation
    from tokodesk.store import models as m

    monkeypatch.delenv("TOKODESK_LANG", raising=False)
    ch, market = planted_shop()
    report = reconciliation.reconcile(ch, market, fix=False).report
    in_id = read(recon_export.pdf_bytes(report))  # the default: Indonesian
    assert "Pencocokan stok" in in_id and "SKU penjual" in in_id and "diubah di marketplace" in in_id
    assert "Stock reconciliation" not in in_id and "Likely cause" not in in_id
    # The status is a word and the date is written as on every other document (day/month/year), both in Indonesian.
    assert "status: ada selisih." in in_id and "mismatches" not in in_id
    assert f"— {wib(report.created_at)}" in in_id and str(report.created_at.year) + "-" not in in_id
    m.AppSetting.write("language", "en")
    in_en = read(recon_export.pdf_bytes(report))
    assert "Stock reconciliation" in in_en and "changed on the marketplace" in in_en


def test_the_fulfilment_service_prints_in_the_documents_language(database, monkeypatch):
    from tests.unit.fulfilment_fake import FakeMarketplace, remote_order, store_order
    from tokodesk.marketplace.base import OrderState
    from tokodesk.services.fulfilment import Fulfilment
    from tokodesk.store import models as m

    monkeypatch.delenv("TOKODESK_LANG", raising=False)
    channel = m.Channel.create(name="toko", marketplace="tokopedia", shop_name="Toko Maju")
    remotes = [remote_order("1", OrderState.ACKNOWLEDGED, courier="JNE")]
    fake = FakeMarketplace(list(remotes))
    fake.booking_code = lambda order_id: f"BOOK{order_id}X"
    rows = [store_order(channel, r) for r in remotes]
    documents = Fulfilment(adapters=lambda c: fake).documents()
    label_id = read(documents.labels(rows).parts[0])
    picklist_id = read(documents.picklist(rows))
    packing_id = read(documents.packing_lists(rows))
    assert "PENERIMA" in label_id and "RECIPIENT" not in label_id
    assert "DAFTAR PENGAMBILAN BARANG" in picklist_id and "DAFTAR ISI PAKET" in packing_id
    m.AppSetting.write("language", "en")  # English, as the seller chose
    assert "RECIPIENT" in read(documents.labels(rows).parts[0])
    assert "PICKLIST" in read(documents.picklist(rows)) and "PACKING LIST" in read(documents.packing_lists(rows))
