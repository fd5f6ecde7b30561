"""A pull's progress in the status bar in the window's language.

Seen in the Indonesian window during every order pull (every five minutes): "Menarik pesanan — 120 orders read, 4
new", the service's English words after the translated title; the wizard's saving page said "reading your open
orders" the same way."""

from __future__ import annotations

import threading

import pytest

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


def test_the_order_pulls_progress_is_said_in_indonesian(qtbot, ctx, wait_idle, indonesian, database):
    from tokodesk.services import orders
    from tokodesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(ctx)
    gate = threading.Event()
    words = orders.pull_progress(120, 4)

    def work(jc):  # noqa: ANN001, ANN202
        jc.progress(120, None, words)
        assert gate.wait(10)

    ctx.jobs.submit(work, title="Menarik pesanan")
    try:
        qtbot.waitUntil(lambda: "120" in window.activity_label.text(), timeout=10000)
        text = window.activity_label.text()
        assert "120 pesanan dibaca, 4 baru" in text and "orders read" not in text, text
    finally:
        gate.set()
    wait_idle(ctx)


def test_every_progress_template_has_its_indonesian(indonesian):
    from tokodesk.marketplace.tiktokshop import order_search
    from tokodesk.services import orders, stock_adopt
    from tokodesk.ui.messages import in_words

    for message in (orders.pull_progress(3, 1), order_search.read_progress(3), stock_adopt.reading("skus"),
                    stock_adopt.reading("orders")):
        assert in_words(message) != str(message), message
    assert said(QT_TRANSLATE_NOOP("Progress", "{count} orders read"), count=3) == "3 orders read"
