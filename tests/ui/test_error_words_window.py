"""A marketplace error reaches the window as words in the window's language, never as a bare code."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tokodesk.sandbox.server import Response


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


def _refuse(sandbox, status, code, reason):
    original = sandbox.dialect.handle

    def refuse(method, path, query, headers, body):
        if "shop-info" in path or "shop/info" in path:
            return Response.json(status, {"header": {"process_time": 0, "messages": "fail", "reason": reason,
                                                     "error_code": code}, "data": None})
        return original(method, path, query, headers, body)

    sandbox.dialect.handle = refuse


def _test_connection(qtbot, ctx, wait_idle):
    from tokodesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    wait_idle(ctx)
    tab = window.channel_tab
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    text = tab.values["connection"].text()
    window.close()
    return text


def test_known_code_is_shown_in_indonesian(qtbot, ctx, sandbox, sandbox_channel, wait_idle, indonesian):
    # Since Oct 2022 an unlinked shop answers 403 RBAC_MDLW_001 on every endpoint (research tokopedia-api.md §2).
    _refuse(sandbox, 403, "RBAC_MDLW_001", "shop is not associated with fs")
    text = _test_connection(qtbot, ctx, wait_idle)
    assert "Toko ini tidak tertaut ke FS ID / aplikasi Anda." in text
    assert "RBAC_MDLW_001" not in text and "not associated" not in text


def test_known_code_is_shown_in_english(qtbot, ctx, sandbox, sandbox_channel, wait_idle):
    _refuse(sandbox, 403, "RBAC_MDLW_002", "app is not granted")
    text = _test_connection(qtbot, ctx, wait_idle)
    assert "The shop owner has not granted this app permission." in text and "RBAC_MDLW_002" not in text


def test_unknown_code_keeps_the_marketplace_words_under_a_sentence(qtbot, ctx, sandbox, sandbox_channel, wait_idle,
                                                                  indonesian):
    _refuse(sandbox, 400, "SHP_USC_777", "Shop is under maintenance")
    text = _test_connection(qtbot, ctx, wait_idle)
    assert text.splitlines() == ["Marketplace menolak permintaan ini. Kata marketplace:",
                                 "Shop is under maintenance (kode SHP_USC_777)"]


def test_order_history_quotes_a_marketplace_error_in_indonesian(indonesian):
    from tokodesk.marketplace.base import MarketplaceError
    from tokodesk.ui.event_text import event_text

    stored = f"could not ship: {MarketplaceError('no permission', 'LGS_USC_012', 400)}"
    shown = event_text(stored)
    assert shown.startswith("could not ship: Anda tidak punya izin untuk fitur ini") and "LGS_USC_012" not in shown
