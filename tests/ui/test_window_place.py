"""Issue 14 §5: the window fits the desks sellers have.

Seen: at 1366×768 the window opened 1280×800 with its status bar below the screen's edge; Courier, AWB and Total sat
behind a horizontal scroll even at 1440 px.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tokodesk.ui.orders_model import COL_BUYER, COL_CODE, COL_COURIER, COL_DEADLINE, COL_INVOICE, COL_ITEMS, COL_STATE

# A 1366×768 laptop with a 40 px taskbar: the free area a window may use.
LAPTOP = QRect(0, 0, 1366, 728)
MUST_SHOW = (COL_INVOICE, COL_STATE, COL_DEADLINE, COL_BUYER, COL_ITEMS, COL_COURIER, COL_CODE)


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


def _window(qtbot, ctx, wait_idle):
    from tokodesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    return window


def test_the_first_window_opens_inside_the_screens_free_area(qtbot, ctx, wait_idle, sandbox_channel):
    from tokodesk.ui import window_place

    window = _window(qtbot, ctx, wait_idle)
    size = window_place.default_size(LAPTOP)
    assert size.width() + window_place.FRAME_W <= LAPTOP.width()
    assert size.height() + window_place.FRAME_H <= LAPTOP.height(), "the status bar stays above the taskbar"
    hint = window.minimumSizeHint()
    assert hint.width() <= size.width() and hint.height() <= size.height(), \
        f"the window cannot shrink to {size.width()}×{size.height()}: it needs {hint.width()}×{hint.height()}"
    # On the screen this test runs on, the window sits inside the free area.
    window.show()
    wait_idle(ctx)
    area = window.screen().availableGeometry()
    hint = window.minimumSizeHint()  # laid out now: the queue's rows know their widths only once shown
    if area.width() >= hint.width() and area.height() >= hint.height():
        assert area.contains(window.frameGeometry()), (area, window.frameGeometry())
    window.close()


def test_the_window_comes_back_where_it_was_left(qtbot, ctx, wait_idle, sandbox_channel):
    from tokodesk import config

    area = QGuiApplication.primaryScreen().availableGeometry()
    window = _window(qtbot, ctx, wait_idle)
    window.show()
    wait_idle(ctx)
    hint = window.minimumSizeHint()
    size = (hint.width() + 7, hint.height() + 5)
    window.resize(*size)
    window.move(area.left(), area.top() + 2)
    window.close()
    saved = json.loads((config.data_dir() / "window.json").read_text())
    assert (saved["width"], saved["height"]) == size

    from tokodesk.ui.context import AppContext

    fresh = AppContext()  # the next start of TokoDesk
    again = _window(qtbot, fresh, wait_idle)
    # As large as it was left, as far as this screen holds it (the test platform's screen is only 800×600).
    from tokodesk.ui.window_place import FRAME_H, FRAME_W

    expected = QSize(min(size[0], area.width() - FRAME_W), min(size[1], area.height() - FRAME_H))
    assert again.size() == expected.expandedTo(again.minimumSize())
    assert area.contains(again.frameGeometry().topLeft())
    if again.width() + FRAME_W <= area.width() and again.height() + FRAME_H <= area.height():
        assert (again.x(), again.y()) == (saved["x"], saved["y"]), "where it was left"
    again.close()
    fresh.jobs.shutdown()


def test_a_place_on_a_screen_that_is_gone_is_not_restored(qtbot, ctx, wait_idle, sandbox_channel):
    """The laptop left its second monitor at the office: the window opens on the screen it has."""
    from tokodesk import config

    (config.data_dir() / "window.json").write_text(json.dumps(
        {"x": 5000, "y": 3000, "width": 900, "height": 600, "maximized": False}))
    window = _window(qtbot, ctx, wait_idle)
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert area.contains(window.frameGeometry().topLeft())
    assert (window.width(), window.height()) != (900, 600) or area.contains(window.frameGeometry())


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_queue_shows_what_a_packer_needs_on_a_1366_laptop(qtbot, ctx, wait_idle, sandbox_channel, language,
                                                               request):
    from tokodesk.ui import queries as q
    from tokodesk.ui import window_place

    if language == "id":
        request.getfixturevalue("indonesian")
    window = _window(qtbot, ctx, wait_idle)
    window.resize(window_place.default_size(LAPTOP))
    window.show()
    wait_idle(ctx)
    tab = window.orders_tab
    window.tabs.setCurrentWidget(tab)
    view = tab.view
    header = view.horizontalHeader()
    room = view.viewport().width()
    for col in MUST_SHOW:
        right = header.sectionViewportPosition(col) + header.sectionSize(col)
        name = tab.model.headerData(col, Qt.Orientation.Horizontal)
        assert right <= room, f"column {name} ends at {right} px of {room}"
    assert view.horizontalScrollBar().value() == 0
    # Nothing the packer reads off a parcel is cut: the longest ID and the header texts fit their columns.
    metrics = view.fontMetrics()
    longest = max((r[q.R_INVOICE] or r[q.R_ORDER_ID] for r in tab.model.all_rows()), key=len)
    assert view.columnWidth(COL_INVOICE) >= metrics.horizontalAdvance(longest)
    for col in MUST_SHOW:
        if col != COL_ITEMS:
            text = str(tab.model.headerData(col, Qt.Orientation.Horizontal))
            assert header.sectionSize(col) >= metrics.horizontalAdvance(text), text
    assert header.sectionSize(COL_ITEMS) >= 150
    window.close()


def test_every_tab_fits_a_1366_laptop_in_indonesian_on_a_busy_tokopedia_shop(qtbot, ctx, wait_idle, sb, shop_channel,  # noqa: F811
                                                                             indonesian):
    """Seen: the Indonesian window was 1374 px wide on a 1366 px screen (the queue's chips in one row, their counts
    growing with the shop), so its right edge and the banner's button sat off the screen."""
    from tokodesk.ui import window_place

    window = _window(qtbot, ctx, wait_idle)
    window.show()
    wait_idle(ctx)
    tab = window.orders_tab
    for key, button in tab.chips.items():  # a busy month's counts
        button.setText(f"{button.property('label')} (12345)" if key else button.text())
    tab.chips[next(iter(tab.chips))].setText(tab.chips[next(iter(tab.chips))].text() + " (12345)")
    size = window_place.default_size(LAPTOP)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        wait_idle(ctx)
        hint = window.minimumSizeHint()
        assert hint.width() <= size.width(), (window.tabs.tabText(index), hint)
        assert hint.height() <= size.height(), (window.tabs.tabText(index), hint)
    assert window.tabs.count() >= 6, "Tokopedia & Shop has the Returns and Payouts tabs too"
    window.close()
