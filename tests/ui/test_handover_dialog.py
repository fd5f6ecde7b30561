"""The handover dialog (issue 18.3), opened from the window's Dispatch menu: scan with the keyboard wedge (type the
code, Enter), a big coloured line and a beep per scan, the parcels still missing shrink, the manifest PDF saved."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.unit.test_handover import _shop
from tokodesk.store import models as m
from tokodesk.ui import dispatch_menu
from tokodesk.ui.handover_dialog import BAD, GOOD


def _scan(qtbot, dialog, code: str) -> None:  # noqa: ANN001
    dialog.code.setFocus()
    qtbot.keyClicks(dialog.code, code)
    with qtbot.waitSignal(dialog.scanned, timeout=10000):
        qtbot.keyClick(dialog.code, Qt.Key.Key_Return)


def test_scanning_at_the_desk(qtbot, window, ctx, wait_idle, monkeypatch, tmp_path):
    _shop()
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    action = next(a for a in window.dispatch_menu.actions() if a.text() == "Handover scan…")
    action.trigger()
    dialog = window.handover_dialog
    assert dialog.isVisible()
    wait_idle(ctx)
    # The couriers with parcels waiting are offered; the first is chosen and its missing parcels listed.
    assert [dialog.courier.itemText(i) for i in range(dialog.courier.count())] == ["JNE", "SiCepat"]
    assert dialog.courier.currentText() == "JNE"
    assert dialog.missing_list.count() == 3 and "3 parcel(s)" in dialog.missing_label.text()

    _scan(qtbot, dialog, "jne001")
    wait_idle(ctx)
    assert dialog.result.text() == "OK — INV/A" and GOOD in dialog.result.styleSheet()
    assert dialog.code.text() == "" and dialog.missing_list.count() == 2
    assert len(beeps) == 1

    _scan(qtbot, dialog, "JNE-C")
    assert dialog.result.text() == "STOP — INV/C is cancelled: keep the parcel" and BAD in dialog.result.styleSheet()
    qtbot.waitUntil(lambda: len(beeps) == 4)  # a problem: three beeps
    _scan(qtbot, dialog, "SC-D")
    assert dialog.result.text() == "STOP — INV/D goes with SiCepat"
    _scan(qtbot, dialog, "JNE001")
    assert dialog.result.text().startswith("STOP — INV/A was already handed over ")
    _scan(qtbot, dialog, "WHAT-1")
    assert dialog.result.text().startswith("UNKNOWN CODE WHAT-1")
    for code in ("TRK-B", "JNE-F"):
        _scan(qtbot, dialog, code)
    wait_idle(ctx)
    assert dialog.missing_list.count() == 0
    assert "Every parcel expected for JNE is scanned." in dialog.missing_label.text()
    assert dialog.history.count() == 7 and m.HandoverScan.select().count() == 7

    target = tmp_path / "serah.pdf"
    dialog.save_manifest(str(target))
    wait_idle(ctx)
    assert "3 of 3 parcel(s) scanned" in dialog.status.text()
    text = PdfReader(str(target)).pages[0].extract_text()
    assert "INV/A" in text and "TRK-B" in text and "NOT SCANNED" not in text

    # Opening it again shows the same dialog, not a second one.
    assert dispatch_menu.open_handover(window) is dialog


def test_a_scan_without_a_courier_is_refused_in_words(qtbot, window, ctx, wait_idle, monkeypatch):
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: None))
    dialog = dispatch_menu.open_handover(window)
    wait_idle(ctx)
    dialog.courier.setEditText("")
    qtbot.keyClicks(dialog.code, "JNE001")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.result.text() == "Choose the courier first, then scan again." and BAD in dialog.result.styleSheet()
    assert m.HandoverScan.select().count() == 0
