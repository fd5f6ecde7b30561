"""The offline warning above the queue, in the real window on a 1366×768 laptop, in English and Indonesian: the
advice (what to do: check the internet connection, or the channel's API address) is on screen on two lines, not cut
into the tooltip; the queue below does not move when the warning comes."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QLabel

ADVICE = {"en": "Check the internet connection (or the channel's API address) and try again.",
          "id": "Periksa koneksi internet (atau alamat API channel) lalu coba lagi."}


@pytest.fixture(params=["en", "id"])
def language(request, qapp):
    from tokodesk.ui import i18n

    assert i18n.install(request.param)
    yield request.param
    i18n.install("en")


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def open_offline_at_1366(qtbot, ctx, channel, wait_idle) -> tuple:  # noqa: ANN001
    """The real window on a 1366×768 laptop, its channel unreachable and an order sync failed on that: (window, its
    Orders tab, where the queue's top was before the warning came)."""
    from tokodesk.store import models as m
    from tokodesk.ui.main_window import MainWindow
    from tokodesk.ui.sync import start_sync

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(1366, 728)  # a laptop's screen less its taskbar
    wait_idle(ctx)
    tab = window.orders_tab
    qtbot.waitUntil(lambda: tab.width() > 1300 and tab.health_line.text() != "", timeout=10000)
    queue_top = tab.view.mapTo(window, tab.view.rect().topLeft()).y()

    port = _closed_port()  # the app offline: the marketplace cannot be reached
    m.Channel.update(api_base=f"http://127.0.0.1:{port}", auth_url=f"http://127.0.0.1:{port}").where(
        m.Channel.id == channel.id).execute()
    start_sync(ctx, "orders")
    wait_idle(ctx, timeout=60000)
    tab.health.refresh()
    wait_idle(ctx)
    return window, tab, queue_top


def test_the_offline_advice_is_read_on_a_1366_screen(qtbot, language, ctx, sandbox_channel, wait_idle):
    window, tab, queue_top = open_offline_at_1366(qtbot, ctx, sandbox_channel, wait_idle)
    line = tab.health_line
    qtbot.waitUntil(lambda: line.warning, timeout=10000)

    full = line.text()
    assert ADVICE[language] in full, full
    shown = QLabel.text(line.label)  # what is painted, not the whole text the tooltip has
    assert "…" not in shown and ADVICE[language] in shown.replace("\n", " "), shown
    assert shown.count("\n") == 1, "two lines"
    lines = shown.split("\n")
    metrics = line.label.fontMetrics()
    assert all(metrics.horizontalAdvance(text) <= line.label.width() for text in lines), "each line fits its width"
    assert line.label.height() >= 2 * metrics.lineSpacing(), "both lines are seen whole"
    assert tab.view.mapTo(window, tab.view.rect().topLeft()).y() == queue_top, "the queue did not move"
    window.close()
