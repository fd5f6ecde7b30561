"""Untrusted text in every document TokoDesk renders (issue 15 §1 and §6).

reportlab's Paragraph reads its text as markup: a SKU `<b>bold` crashed the reconciliation PDF and `<img src=...>`
read a local file. Every value is escaped and prints as typed (read back with pypdf). Bounded work for hostile input:
an HTML label of tens of thousands of unclosed tags, a 5,000-character product name on a picklist.
"""

from __future__ import annotations

import io
from datetime import datetime

import pytest
from pypdf import PdfReader

from tokodesk import documents as docs
from tokodesk.documents.handover import HandoverLine, HandoverSheet, render_handover
from tokodesk.documents.marketplace_label import MarketplaceLabelError, extract_html_label, render_html_label

WHEN = datetime(2026, 11, 24, 9, 30)
MARKUP = ["<b>bold", '<img src="/etc/hostname"/>', "A & B", "x < y", "<font size=60>big</font>"]


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def no_images(data: bytes) -> bool:
    return b"/Subtype /Image" not in data and b"/Subtype/Image" not in data


def party(name: str) -> docs.Party:
    return docs.Party(name=name, phone="0812", address_lines=[f"Jl. {name}"], city=name, postal_code="40111")


@pytest.mark.parametrize("value", MARKUP)
def test_markup_prints_as_typed_on_every_sheet(value):
    line = docs.Line(sku=f"SKU {value}", name=f"Kaos {value}", quantity=2, price=1000)
    rendered = {
        "invoice": docs.render_invoices([docs.InvoiceData(
            marketplace="Tokopedia", invoice=f"INV {value}", order_id="1", shop=party(f"Toko {value}"),
            buyer=party(f"Budi {value}"), created_at=WHEN, lines=[line], courier=f"JNE {value}",
            payment=f"COD {value}")]),
        "picklist": docs.render_picklist(docs.PicklistData(
            shop=f"Toko {value}", created_at=WHEN, orders=[docs.PicklistOrder(invoice=f"INV {value}", lines=[line])])),
        "packing list": docs.render_packing_lists([docs.PackingListData(
            marketplace="Tokopedia", invoice=f"INV {value}", order_id="1", recipient=party(f"Budi {value}"),
            courier=f"JNE {value}", code="TKP123456", lines=[line], buyer_note=f"note {value}")]),
        "manifest": docs.render_manifest(docs.ManifestData(
            courier=f"JNE {value}", shop=f"Toko {value}", created_at=WHEN, rows=[docs.ManifestRow(
                invoice=f"INV {value}", code="TKP123456", recipient_city=f"Kota {value}",
                recipient_name=f"Budi {value}")])),
        "handover": render_handover(HandoverSheet(
            courier=f"JNE {value}", shop=f"Toko {value}", created_at=WHEN, station=f"desk {value}",
            lines=[HandoverLine(invoice=f"INV {value}", code="TKP123456", scanned_at=WHEN)])),
        "label": docs.render_labels([docs.LabelData(
            marketplace="Tokopedia", courier=f"JNE {value}", service="Reg", invoice=f"INV {value}", order_id="1",
            recipient=party(f"Budi {value}"), sender=party(f"Toko {value}"), booking_code="TKP123456",
            lines=[line], buyer_note=f"note {value}")]),
    }
    for kind, pdf in rendered.items():
        text = " ".join(pdf_text(pdf).split())
        assert value in text, (kind, value, text[:400])
        assert no_images(pdf), kind


@pytest.mark.parametrize("value", MARKUP)
def test_markup_in_a_marketplace_html_label_prints_as_words(value):
    from html import escape

    html = f"<html><body><h1>{escape(value)}</h1><p>Penerima: {escape('Budi ' + value)}</p></body></html>"
    pdf = render_html_label(html.encode(), booking_code="TKP123456")
    assert value in " ".join(pdf_text(pdf).split())
    assert no_images(pdf)


def test_an_html_label_with_tens_of_thousands_of_unclosed_tags_is_read_in_one_pass():
    html = "<html><body><p>Kode booking: TKP123456789</p>" + "<span><b><div>x " * 40_000 + "</body></html>"
    parsed = extract_html_label(html)  # 22 s at 20,000 before (the open-element stack was walked per text)
    assert parsed.booking_code == "TKP123456789"
    assert len(parsed.lines) <= 400
    pdf = render_html_label(html.encode(), booking_code="TKP123456789")
    assert "TKP123456789" in pdf_text(pdf)


def test_an_absurdly_large_html_label_is_refused_with_words():
    html = "<p>" + "x" * 5_000_000 + "</p>"
    with pytest.raises(MarketplaceLabelError, match="far more than a label"):
        render_html_label(html.encode(), booking_code="TKP123456")


def test_a_5000_character_product_name_and_sku_fit_the_picklist_and_invoice():
    name = "Kaos " + "panjang sekali " * 340
    sku = "S" * 3000  # one unbreakable word
    line = docs.Line(sku=sku, name=name, quantity=1, price=1000)
    pick = docs.render_picklist(docs.PicklistData(
        shop="Toko", created_at=WHEN, orders=[docs.PicklistOrder(invoice="INV/1", lines=[line])]))
    assert "Kaos panjang sekali" in pdf_text(pick)
    long_address = party("Budi")
    long_address.address_lines = ["Jl. Melati " * 30] * 60
    invoice = docs.render_invoices([docs.InvoiceData(
        marketplace="Tokopedia", invoice="INV/1", order_id="1", shop=party("Toko"), buyer=long_address,
        created_at=WHEN, lines=[line] * 3)])
    assert "INV/1" in pdf_text(invoice)
    packing = docs.render_packing_lists([docs.PackingListData(
        marketplace="Tokopedia", invoice="INV/1", order_id="1", recipient=long_address, lines=[line] * 3,
        buyer_note="tolong " * 3000)])
    assert "INV/1" in pdf_text(packing)


def test_one_marketplace_label_that_cannot_be_drawn_is_skipped_and_the_batch_prints(database):
    from tests.unit.fulfilment_fake import FakeMarketplace, remote_order, store_order
    from tokodesk.marketplace import base
    from tokodesk.services.fulfilment import Fulfilment
    from tokodesk.store import models as m

    channel = m.Channel.create(name="toko", marketplace="tokopedia", use_marketplace_label=True)
    remotes = [remote_order(oid, base.OrderState.PACKED, courier="JNE") for oid in ("1", "2", "3")]
    fake = FakeMarketplace(list(remotes))
    rows = [store_order(channel, r) for r in remotes]
    for row in rows:
        m.Order.update(booking_code=f"TKPBOOK{row.order_id}").where(m.Order.id == row.id).execute()
    pages = {"1": "<p>Kode booking TKPBOOK1</p>", "2": "<p>" + "x" * 5_000_000 + "</p>",
             "3": "<p>Kode booking TKPBOOK3</p>"}
    fake.shipping_label = lambda order, mark_printed=False: base.Label(pages[order.order_id].encode(), "text/html")
    batch = Fulfilment(adapters=lambda c: fake).documents().labels(rows, order_by=None)
    assert [o.order_id for o in batch.orders] == ["1", "3"] and len(batch.parts) == 2
    [(order, why)] = batch.skipped
    assert order.order_id == "2" and "could not be drawn" in why and "far more than a label" in why
