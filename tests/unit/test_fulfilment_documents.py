"""Labels, manifest and picklist from store orders: content, order, and what printing does (and does not) change."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.unit.fulfilment_fake import FakeMarketplace, remote_order, store_order
from tokodesk.cli import main
from tokodesk.marketplace import base
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.services.fulfilment.documents import DocumentError
from tokodesk.store import models as m

S = base.OrderState
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")


@pytest.fixture
def channel(database):
    return m.Channel.create(name="toko", marketplace="tokopedia", shop_name="Toko Maju", ready_to_ship_at="manifest")


def make(channel, specs):
    remotes = [remote_order(oid, state, courier=courier) for oid, state, courier in specs]
    fake = FakeMarketplace([remote_order(oid, state, courier=courier) for oid, state, courier in specs])
    rows = [store_order(channel, r) for r in remotes]
    return fake, rows


def pdf_text(tmp_path, data: bytes) -> tuple[str, int]:
    path = tmp_path / "out.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return text, pages


@needs_poppler
def test_labels_batch_is_one_pdf_in_courier_order_with_the_booking_code_fetched_once(channel, tmp_path):
    fake, rows = make(channel, [("1", S.ACKNOWLEDGED, "SiCepat"), ("2", S.ACKNOWLEDGED, "JNE"),
                                ("3", S.NEW, "JNE")])
    fake.booking_code = lambda order_id: f"BOOK{order_id}X"
    documents = Fulfilment(adapters=lambda c: fake).documents()
    batch = documents.labels(rows, order_by="courier")
    assert [o.order_id for o in batch.orders] == ["2", "1"]  # JNE before SiCepat
    assert [(o.order_id, why) for o, why in batch.skipped] == [("3", "no label for an order that is new")]
    text, pages = pdf_text(tmp_path, batch.parts[0])
    assert pages == 2 and "BOOK1X" in text and "BOOK2X" in text
    assert text.index("BOOK2X") < text.index("BOOK1X")
    assert m.Order.get(m.Order.order_id == "1").booking_code == "BOOK1X"


def test_reprint_changes_nothing_and_only_the_first_print_is_recorded(channel):
    fake, rows = make(channel, [("1", S.ACKNOWLEDGED, "JNE")])
    documents = Fulfilment(adapters=lambda c: fake).documents()
    assert documents.record_printed(rows, "printed") == 1
    first = m.Order.get_by_id(rows[0].id)
    assert first.label_printed_at is not None
    assert documents.record_printed(rows, "printed again") == 0
    again = m.Order.get_by_id(rows[0].id)
    assert (again.label_printed_at, again.version) == (first.label_printed_at, first.version)
    assert m.OrderEvent.select().where(m.OrderEvent.kind == "label_printed").count() == 1


def test_marketplace_pdf_label_is_kept_as_it_came(channel):
    channel.use_marketplace_label = True
    channel.save()
    fake, rows = make(channel, [("1", S.AWAITING_PICKUP, "JNE")])
    asked = []

    def shipping_label(order, mark_printed=False):
        asked.append(mark_printed)
        return base.Label(b"%PDF-1.4 marketplace label", "application/pdf")

    fake.shipping_label = shipping_label
    m.Order.update(booking_code="TKPBOOK1").where(m.Order.id == rows[0].id).execute()
    batch = Fulfilment(adapters=lambda c: fake).documents().labels(rows)
    assert batch.parts == [b"%PDF-1.4 marketplace label"] and asked == [False]  # printed=1 only when asked
    Fulfilment(adapters=lambda c: fake).documents().labels(rows, mark_printed=True)
    assert asked == [False, True]


def test_a_marketplace_label_without_a_code_is_neither_fetched_nor_marked_printed(channel):
    channel.use_marketplace_label = True
    channel.save()
    fake, rows = make(channel, [("1", S.ACKNOWLEDGED, "JNE")])
    fake.booking_code = lambda order_id: None  # not issued yet
    asked = []
    fake.shipping_label = lambda order, mark_printed=False: asked.append(mark_printed)
    batch = Fulfilment(adapters=lambda c: fake).documents().labels(rows, mark_printed=True)
    assert batch.parts == [] and asked == []  # printed=1 never reaches the marketplace for a label nobody can scan
    [(order, why)] = batch.skipped
    assert order.order_id == "1" and "booking code" in why and batch.without_code == [order]


@needs_poppler
def test_manifest_lists_one_couriers_parcels_with_their_codes_and_makes_them_ready(channel, tmp_path):
    fake, rows = make(channel, [("1", S.PACKED, "JNE"), ("2", S.PACKED, "SiCepat"), ("3", S.ACKNOWLEDGED, "JNE"),
                                ("4", S.AWAITING_PICKUP, "JNE"), ("5", S.PACKED, "JNE")])
    m.Order.update(booking_code="JNEBOOK1").where(m.Order.id == rows[0].id).execute()
    m.Order.update(awb="JNEAWB4").where(m.Order.id == rows[3].id).execute()
    pdf, orders = Fulfilment(adapters=lambda c: fake).documents().manifest("jne")
    # Awaiting pick-up with its AWB, and (channel: ready to ship at manifest) packed with its booking code; a
    # packed parcel without a code to scan is not handed over (issue 16: every AWB was "—", packed ones included).
    assert sorted(o.order_id for o in orders) == ["1", "4"]
    text, _ = pdf_text(tmp_path, pdf)
    assert "JNEBOOK1" in text and "JNEAWB4" in text and rows[0].invoice in text and "—" not in text
    assert rows[4].invoice not in text
    assert m.Order.get_by_id(rows[0].id).state == "ready_to_ship"  # channel: ready to ship at manifest
    assert m.Order.get_by_id(rows[1].id).state == "packed"
    with pytest.raises(DocumentError, match="couriers with parcels waiting: JNE"):
        Fulfilment(adapters=lambda c: fake).documents().manifest("AnterAja")


@needs_poppler
def test_picklist_sums_lines_by_seller_sku(channel, tmp_path):
    fake, rows = make(channel, [("1", S.ACKNOWLEDGED, "JNE"), ("2", S.ACKNOWLEDGED, "JNE")])
    text, _ = pdf_text(tmp_path, Fulfilment(adapters=lambda c: fake).documents().picklist(rows))
    assert "OWN-SKU-A" in text and "4" in text.split("OWN-SKU-A", 1)[1]


@needs_poppler
def test_cli_labels_to_pdf_and_unknown_printer(tmp_path, tokodesk_home, capsys, monkeypatch):
    from tokodesk.store.connection import close_database, open_database

    open_database()
    channel = m.Channel.create(name="toko", marketplace="tokopedia", shop_name="Toko Maju")
    remote = remote_order("7", S.ACKNOWLEDGED, booking_code="CLIBOOK7")
    store_order(channel, remote)
    fake = FakeMarketplace([remote])
    fake.booking_code = lambda order_id: None
    monkeypatch.setattr("tokodesk.services.channels.adapter_for", lambda c: fake)
    target = tmp_path / "labels.pdf"
    assert main(["labels", remote.invoice, "--pdf", str(target), "--size", "100x100"]) == 0
    text, pages = pdf_text(tmp_path, target.read_bytes())
    assert pages == 1 and "CLIBOOK7" in text
    assert m.Order.get(m.Order.order_id == "7").label_printed_at is None  # saving a PDF is not printing
    assert main(["labels", "7", "--pdf", str(target), "--mark-printed"]) == 0
    assert m.Order.get(m.Order.order_id == "7").label_printed_at is not None
    close_database()


def test_marketplace_pdf_labels_are_joined_into_one_document():
    import io

    from pypdf import PdfReader
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    from tokodesk.services.fulfilment.documents import merge_pdfs

    def one(text):
        buf = io.BytesIO()
        c = canvas.Canvas(buf, pagesize=(105 * mm, 148 * mm))
        c.drawString(20, 200, text)
        c.showPage()
        c.save()
        return buf.getvalue()

    merged = merge_pdfs([one("PKG-1"), one("PKG-2"), one("PKG-3")])
    assert len(merged) == 1
    reader = PdfReader(io.BytesIO(merged[0]))
    assert [p.extract_text().strip() for p in reader.pages] == ["PKG-1", "PKG-2", "PKG-3"]


def test_a_label_whose_code_cannot_be_a_barcode_prints_with_a_warning_and_the_batch_goes_on(channel):
    fake, rows = make(channel, [("1", S.PACKED, "JNE"), ("2", S.PACKED, "JNE"), ("3", S.PACKED, "JNE")])
    for row, code in zip(rows, ("JNE000111222", "JP\u201312345678", "JNE000333444"), strict=True):
        m.Order.update(awb=code).where(m.Order.id == row.id).execute()
    batch = Fulfilment(adapters=lambda c: fake).documents().labels(rows, order_by=None)
    assert [o.order_id for o in batch.orders] == ["1", "2", "3"] and batch.skipped == []
    [(order, warning)] = batch.warnings
    assert order.order_id == "2" and "U+2013" in warning and "printed as text" in warning


def test_a_marketplace_html_label_whose_code_cannot_be_a_barcode_prints_as_our_own_label_with_a_warning(channel):
    channel.use_marketplace_label = True
    channel.save()
    fake, rows = make(channel, [("1", S.PACKED, "JNE")])
    m.Order.update(booking_code="TKP\u20131234567").where(m.Order.id == rows[0].id).execute()
    batch = Fulfilment(adapters=lambda c: fake).documents().labels(rows)
    assert [o.order_id for o in batch.orders] == ["1"] and len(batch.parts) == 1 and batch.parts[0].startswith(b"%PDF")
    [(order, warning)] = batch.warnings
    assert "own label" in warning and "U+2013" in warning
    assert ("shipping_label", "1") not in fake.calls  # the marketplace's label (and its printed flag) not asked
