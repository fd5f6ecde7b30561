"""The handover scan (issue 18.3): the four outcomes, the parcels still missing, the manifest PDF read back."""

from __future__ import annotations

import io
import json
from datetime import datetime

import pytest
from pypdf import PdfReader

from tokodesk.cli import main
from tokodesk.services import handover
from tokodesk.store import models as m

NOW = datetime(2026, 12, 7, 16, 30)  # 23:30 WIB


def _order(channel, oid, state="awaiting_pickup", courier="JNE", **kw):
    return m.Order.create(channel=channel, order_id=oid, invoice=kw.pop("invoice", f"INV/{oid}"), state=state,
                          courier=courier, created_at=datetime(2026, 12, 7), **kw)


def _package(channel, package_id, tracking, status, *orders):
    package = m.Package.create(channel=channel, package_id=package_id, tracking_number=tracking, status=status,
                               courier="JNE")
    for order in orders:
        m.PackageOrder.create(package=package, order=order)
    return package


def _shop():
    legacy = m.Channel.create(name="Lama", marketplace="tokopedia")
    tts = m.Channel.create(name="Baru", marketplace="tiktokshop")
    _order(legacy, "A", awb="JNE001")
    b1, b2 = _order(tts, "B1"), _order(tts, "B2")
    _package(tts, "P-B", "TRK-B", "PROCESSING", b1, b2)  # one parcel, two orders (combined)
    _order(legacy, "C", state="cancelled", awb="JNE-C")
    _order(legacy, "D", courier="SiCepat", awb="SC-D")
    _order(legacy, "E", state="packed", booking_code="BK-E")  # packed, not shipped: no parcel to hand over yet
    _order(legacy, "F", awb="JNE-F", invoice="<b>INV/F & co</b>")
    g = _order(tts, "G", state="shipped")
    _package(tts, "P-G", "TRK-G", "FULFILLING", g)  # the courier already collected it
    return legacy, tts


def test_the_four_outcomes_and_what_is_missing(any_database):
    _shop()
    ok = handover.scan(" jne001\n", "jne", now=NOW, station="desk-1")
    assert (ok.outcome, ok.invoices) == ("ok", ["INV/A"])
    combined = handover.scan("TRK-B", "JNE", now=NOW)
    assert combined.ok and combined.invoices == ["INV/B1", "INV/B2"]
    again = handover.scan("JNE001", "JNE", now=NOW)
    assert (again.outcome, again.reason, again.earlier) == ("not_due", "handed_over", NOW)
    assert "already handed over at 2026-12-07 23:30 WIB" in again.message()
    cancelled = handover.scan("JNE-C", "JNE", now=NOW)
    assert (cancelled.outcome, cancelled.reason) == ("not_due", "cancelled")
    other = handover.scan("sc-d", "JNE", now=NOW)
    assert (other.outcome, other.reason, other.courier) == ("not_due", "another_courier", "SiCepat")
    assert "it goes with SiCepat" in other.message()
    collected = handover.scan("TRK-G", "JNE", now=NOW)
    assert (collected.outcome, collected.reason) == ("not_due", "handed_over")
    early = handover.scan("BK-E", "JNE", now=NOW)
    assert (early.outcome, early.reason, early.state) == ("not_due", "not_ready", "packed")
    unknown = handover.scan("NOPE-1", "JNE", now=NOW)
    assert unknown.outcome == "unknown" and "no parcel" in unknown.message()
    # Every scan is kept, with its time and station; an ok one is in the order's audit trail too.
    assert m.HandoverScan.select().count() == 8
    first = m.HandoverScan.select().order_by(m.HandoverScan.id).first()
    assert (first.code, first.station, first.scanned_at, first.outcome) == ("JNE001", "desk-1", NOW, "ok")
    assert m.OrderEvent.select().where(m.OrderEvent.kind == "handover_scan").count() == 3  # A, B1, B2
    # Before the courier leaves: the expected parcel nobody scanned.
    assert [p.invoices for p in handover.missing("JNE")] == [["<b>INV/F & co</b>"]]


def test_a_scan_needs_a_code_and_a_courier(database):
    for code, courier, words in (("  ", "JNE", "empty"), ("X" * 81, "JNE", "81 characters"), ("A1", " ", "courier")):
        with pytest.raises(ValueError, match=words):
            handover.scan(code, courier)
    assert m.HandoverScan.select().count() == 0


def test_the_handover_manifest_lists_each_parcel_with_its_scan_time(database):
    _shop()
    handover.scan("JNE001", "JNE", now=NOW)
    pdf, scanned, listed = handover.manifest_pdf("JNE", now=NOW)
    assert (scanned, listed) == (1, 3)  # A scanned; B (one parcel) and F not
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "HANDOVER" in text and "JNE001" in text and "07/12/2026 23:30 WIB" in text
    assert text.count("NOT SCANNED") == 2 and "TRK-B" in text and "INV/B1, INV/B2" in text
    assert "<b>INV/F & co</b>" in text, "a value is printed as typed, never read as markup"
    assert "Courier" in text and "Name, signature, date" in text and "Scanned: 1 / 3" in text


@pytest.fixture
def default_database():
    from tokodesk.store.connection import close_database, open_database

    yield open_database()
    close_database()


def test_the_commands(default_database, tmp_path, capsys):
    _shop()
    assert main(["handover", "scan", "JNE001", "JNE-C", "--courier", "JNE", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert [s["outcome"] for s in out["scans"]] == ["ok", "not_due"]
    assert sorted(p["code"] for p in out["missing"]) == ["JNE-F", "TRK-B"]
    assert main(["handover", "scan", "TRK-B", "--courier", "JNE"]) == 0
    printed = capsys.readouterr().out
    assert "OK INV/B1, INV/B2" in printed and "not scanned yet for JNE" in printed and "JNE-F" in printed
    target = tmp_path / "handover.pdf"
    assert main(["handover", "manifest", "--courier", "JNE", "--pdf", str(target)]) == 0
    assert "2 of 3 parcel(s) scanned" in capsys.readouterr().err
    assert PdfReader(str(target)).pages
    assert main(["handover", "scan", " ", "--courier", "JNE"]) == 2
    assert main(["handover", "manifest", "--courier", "JNE", "--pdf", str(tmp_path / "no" / "x.pdf")]) == 2
