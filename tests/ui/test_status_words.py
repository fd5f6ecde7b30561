"""Statuses are words in the window: a marketplace's status code never stands beside a word (issue 20, item 3)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


@pytest.mark.parametrize(("code", "english", "indonesian_words"), [
    ("220", "Payment verified: accept or reject", "Pesanan baru: pembayaran terverifikasi, terima atau tolak"),
    ("AWAITING_SHIPMENT", "To ship", "Perlu dikirim"),
])
def test_the_queue_tooltip_says_the_marketplace_status_in_words(qtbot, open_orders_tab, code, english,
                                                               indonesian_words):
    from tokodesk.store import models as m
    from tokodesk.ui import i18n
    from tokodesk.ui.orders_model import COL_STATE

    channel = m.Channel.create(name="Toko", marketplace="tokopedia" if code.isdigit() else "tiktokshop")
    m.Order.create(channel=channel, order_id="77001", invoice="INV/77001", state="new", marketplace_status=code,
                   created_at=m.utcnow())
    tab = open_orders_tab(channel)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    cell = tab.model.index(0, COL_STATE)
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Marketplace status at the last read: {english}" and cell.data() == "New"
    try:
        assert i18n.install("id")
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        assert tip == f"Status marketplace saat terakhir dibaca: {indonesian_words}" and code not in tip
    finally:
        i18n.install("en")


def test_marketplace_status_words_in_both_languages(indonesian):
    from tokodesk.ui.status_words import marketplace_status_words

    assert marketplace_status_words("400") == "Diterima penjual, perlu dikirim"
    assert marketplace_status_words("IN_TRANSIT") == "Dalam pengiriman"
    # A code nobody mapped yet: a sentence saying so, the code labelled (never the bare number).
    assert marketplace_status_words("630") == "status yang belum dikenal TokoDesk (kode marketplace 630)"
    assert marketplace_status_words(None) == ""


def test_a_legacy_stock_row_refusal_reaches_the_window_in_words(indonesian, database):
    """Tokopedia's bare "Invalid SKU." for one pushed row: the Inventory tab says what happened and what to do, in
    the window's language, and an unknown message keeps Tokopedia's own words under a plain sentence."""
    from tokodesk.marketplace import error_words
    from tokodesk.ui.inventory_tab import _status_words

    stored = "failed: " + error_words.row_message("Invalid SKU.")
    assert _status_words(stored) == (
        "Gagal: Tokopedia tidak mengenal SKU ini (diubah atau dihapus di Seller Center?). Tarik produk (tab Channel → "
        "Produk → Sinkronkan) lalu periksa pemetaan SKU.")
    odd = _status_words("failed: " + error_words.row_message("Product is being moderated"))
    assert odd == "Gagal: Marketplace menolak permintaan ini. Kata marketplace: Product is being moderated"
    assert "Invalid" not in _status_words("failed: " + error_words.row_message("invalid stock"))


def test_the_health_rates_use_the_windows_decimal_mark(qapp):
    """'2,5 %' beside the threshold written '2,5 %' in Indonesian; '2.5 %' in English (never mixed in one line)."""
    from tokodesk.ui import i18n
    from tokodesk.ui.health_dialog import _pct

    try:
        assert i18n.install("id")
        assert _pct(0.025) == "2,5 %" and _pct(None) == "–"
    finally:
        i18n.install("en")
    assert _pct(0.025) == "2.5 %"
