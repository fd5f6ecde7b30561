"""A queue message beside the offline warning, in the real window on a 1366×768 laptop, in English and Indonesian.

Seen: the message took 3/5 of the row and the warning's advice ("Check the internet connection …") was cut to "…"
again. Now the row's width is shared by what each needs: both are read whole, and the queue below does not move
when the message comes or goes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.test_offline_advice import ADVICE, open_offline_at_1366


@pytest.fixture(params=["en", "id"])
def language(request, qapp):
    from tokodesk.ui import i18n

    assert i18n.install(request.param)
    yield request.param
    i18n.install("en")


def test_a_message_and_the_offline_warning_are_both_read_whole_at_1366(qtbot, language, ctx, sandbox_channel,
                                                                      wait_idle):
    window, tab, queue_top = open_offline_at_1366(qtbot, ctx, sandbox_channel, wait_idle)
    line, notice = tab.health_line, tab.banner
    qtbot.waitUntil(lambda: line.warning, timeout=10000)

    qtbot.keyClicks(tab.scan, "INV/NOPE/1")  # a scan that finds no order: a message in the queue's row
    qtbot.keyClick(tab.scan, Qt.Key.Key_Return)
    wait_idle(ctx)
    qtbot.waitUntil(notice.isVisible, timeout=10000)
    assert "INV/NOPE/1" in notice.text()
    assert ADVICE[language] in line.text()
    assert notice.label.width() > 0 and line.label.width() > 0
    qtbot.waitUntil(lambda: not line.label.is_elided() and not notice.label.is_elided(), timeout=5000)
    for label in (line.label, notice.label):
        metrics = label.fontMetrics()
        assert all(metrics.horizontalAdvance(text) <= label.width() for text in QLabel.text(label).split("\n"))
    # The scanned code is read whole on one line, not "INV/" here and "NOPE/1" below it.
    assert any("INV/NOPE/1" in text for text in QLabel.text(notice.label).split("\n")), QLabel.text(notice.label)
    assert tab.view.mapTo(window, tab.view.rect().topLeft()).y() == queue_top, "the queue did not move"

    qtbot.mouseClick(notice.close_button, Qt.MouseButton.LeftButton)  # the message goes: the warning has the row
    assert not notice.isVisible() and not line.label.is_elided()
    assert tab.view.mapTo(window, tab.view.rect().topLeft()).y() == queue_top, "the queue did not move"
    window.close()
