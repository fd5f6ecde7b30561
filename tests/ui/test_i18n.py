"""Indonesian: the compiled catalogue loads, the window speaks it, and every string of the UI is translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


def test_catalogue_loads_and_a_known_string_is_indonesian(indonesian):
    assert QCoreApplication.translate("QueueActions", "Acknowledge") == "Terima pesanan"
    assert QCoreApplication.translate("QWizard", "no such string") == "no such string"


def test_main_window_in_indonesian(qtbot, indonesian, ctx, wait_idle):
    from tokodesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    wait_idle(ctx)
    assert window.tab_titles() == ["Channel", "Pemetaan SKU", "Pesanan", "Stok", "Pengembalian"]
    assert window.orders_tab.buttons["pack"].text() == "Kemas"
    assert window.orders_tab.model.headerData(2, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) \
        == "Status"
    window.close()


def test_language_choice_env_beats_setting(monkeypatch):
    from tokodesk.ui import i18n

    monkeypatch.setenv("TOKODESK_LANG", "id")
    assert i18n.resolve_language("en") == "id"
    monkeypatch.setenv("TOKODESK_LANG", "")
    assert i18n.resolve_language("id") == "id"


def test_order_history_sentences_are_shown_in_indonesian(indonesian):
    from tokodesk.ui.event_text import event_text

    assert event_text("status 220 → 400 (new → acknowledged); changed outside TokoDesk") == \
        "status Baru → Perlu dikemas (kode marketplace 220 → 400); diubah di luar TokoDesk"
    assert event_text("pick-up requested, code TKP123 (already done on the marketplace)") == \
        "pickup diminta, kode TKP123 (sudah dilakukan di marketplace)"
    assert event_text("status 220 → 400") == \
        "di marketplace: Pesanan baru: pembayaran terverifikasi, terima atau tolak → Diterima penjual, perlu dikirim " \
        "(kode marketplace 220 → 400)"
    assert event_text("status AWAITING_SHIPMENT → AWAITING_COLLECTION") == \
        "di marketplace: Perlu dikirim → Menunggu pickup kurir " \
        "(kode marketplace AWAITING_SHIPMENT → AWAITING_COLLECTION)"
    assert event_text("status 400 (acknowledged)") == "status Perlu dikemas (kode marketplace 400)"
    assert event_text("packed; now ready_to_ship") == "dikemas; sekarang Siap kirim"
    assert event_text("label printed (100x150) on PDF") == "label dicetak (100x150) di PDF"
    # a marketplace's own words (and anything TokoDesk does not recognise) are shown as written
    assert event_text("Could not accept: Order sudah diproses") == "Could not accept: Order sudah diproses"
    assert event_text("accepted on the marketplace (something new)") == "accepted on the marketplace (something new)"


def test_order_history_stays_as_written_in_english(qapp):
    from tokodesk.ui import i18n
    from tokodesk.ui.event_text import event_text

    i18n.install("en")
    assert event_text("status 220 (new)") == "status New (marketplace code 220)"
    assert event_text("status 220 → 400") == \
        "on the marketplace: Payment verified: accept or reject → Accepted by the seller (marketplace code 220 → 400)"
    assert event_text("accepted on the marketplace (confirmed by reading the order)") == \
        "accepted on the marketplace (confirmed by reading the order)"


def test_translations_never_run_python(qapp):
    """A translator written in Python made Qt's own translate calls (from any thread, from inside a library being
    loaded) wait for the GIL: the window hung at start about one time in three. Only Qt's own QTranslator answers;
    what an open window shows for which source comes from the .ts."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from tokodesk.ui import i18n

    try:
        assert i18n.install("id")
        assert [type(t) for t in i18n._installed] == [QTranslator]
        assert QCoreApplication.translate("OrdersTab", "Orders") != ""
        assert i18n.translate("MainWindow", "Orders") == "Pesanan"
        assert ("MainWindow", "Orders") in i18n._shown["id"]["Pesanan"]
        assert ("MainWindow", "Orders") in i18n._shown["en"]["Orders"]
    finally:
        assert i18n.install("en")
    assert i18n._installed == []


def test_a_translation_has_no_ampersand_its_source_does_not_have():
    """'Atur pengiriman & cetak' on a button showed 'Atur pengiriman _cetak': Qt takes a lone & for a shortcut."""
    import re
    from xml.etree import ElementTree

    from tokodesk.assets import asset

    lone = re.compile(r"(?<!&)&(?!&)")
    wrong = []
    for message in ElementTree.parse(asset("translations", "tokodesk_id.ts")).getroot().iter("message"):
        source, translation = message.findtext("source") or "", message.findtext("translation") or ""
        if len(lone.findall(translation)) > len(lone.findall(source)):
            wrong.append((source, translation))
    assert wrong == []


def test_words_held_in_tables_are_shown_translated_under_their_marked_context(indonesian, qtbot, ctx):
    """Table words are marked with QT_TRANSLATE_NOOP(context, …) where the table is written; the window looks them
    up under that same context (a mismatch leaves them English although the .ts has them)."""
    from PySide6.QtCore import Qt

    from tokodesk import config
    from tokodesk.marketplace.tokopedia import reasons
    from tokodesk.ui.channel_tab import ChannelTab
    from tokodesk.ui.i18n import translate
    from tokodesk.ui.inventory_tab import InventoryModel, _status_words
    from tokodesk.ui.orders_model import CHIPS, OrdersModel, state_label
    from tokodesk.ui.status_words import marketplace_status_words
    from tokodesk.ui.sync import kind_label
    from tokodesk.ui.wizard_logic import Credentials, missing_fields

    assert translate("ChannelSetting", config.CHANNEL_SETTING_LABELS["name"]) == "Nama channel"
    assert translate("CancelReason", reasons.REASONS[0].label) == "Stok produk kosong"
    assert state_label("acknowledged") == "Perlu dikemas"
    assert marketplace_status_words("IN_TRANSIT") == "Dalam pengiriman"
    assert marketplace_status_words("0").startswith("Dibatalkan penjual")
    assert translate("OrdersTab", dict((k, label) for k, label, _p in CHIPS)["problems"]) == "Bermasalah"
    assert OrdersModel().headerData(2, Qt.Orientation.Horizontal) == "Status"
    assert InventoryModel().headerData(3, Qt.Orientation.Horizontal) == "Stok fisik"
    assert _status_words("failed: x").startswith("Gagal") and kind_label("skus") == "Produk (tarik SKU)"
    tab = ChannelTab(ctx)  # no channel yet: only its word helpers are used
    qtbot.addWidget(tab)
    assert tab._setting_text("business_model", "pickup") == "Dijemput kurir (pickup)"
    assert tab._why_text("every 5 min") == "setiap 5 menit" and tab._why_text("never run") != "never run"
    fields = missing_fields(Credentials(marketplace="tiktokshop", name=""))
    assert [translate("CredentialsPage", f) for f in fields][:2] == ["Nama channel", "App key"]
