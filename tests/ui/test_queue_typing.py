"""Typing in the queue's search (issue 19 §5): the field never waits for a filter over every order.

Typed keys filter once the typing pauses, not once per key; Enter, a chip, a courier or the program's own setText
apply the text as the field shows it at once; and the rows shown and the "N more match under All" count are exactly
the search's, whatever the keys' rhythm. A few thousand orders, keys sent to the real QLineEdit; no timing asserted.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.orders_model import TO_DO
from tokodesk.ui.orders_tab import SEARCH_PAUSE_MS

N = 3000
START = datetime(2026, 11, 20, 1, 0)


@pytest.fixture
def channel(database):
    rng = random.Random(1919)
    shop = m.Channel.create(name="Toko Ketik", marketplace="tokopedia", orders_on_invoice=True)
    states = ["new"] * 3 + ["acknowledged"] * 2 + ["packed", "shipped", "shipped", "completed", "cancelled"]
    m.Order.insert_many([{
        "channel": shop.id, "order_id": str(8_000_000 + i), "invoice": f"INV/2026/MPL/{i:07d}",
        "marketplace_status": "220", "state": rng.choice(states),
        "buyer_name": rng.choice(["Budi", "siti", "Andi", "Dewi"]) + f" {i % 89}",
        "courier": rng.choice(["JNE Reguler", "J&T EZ", "SiCepat REG"]),
        "total_amount": rng.randrange(10_000, 2_000_000, 500), "created_at": START + timedelta(minutes=3 * i),
        "accept_deadline": START + timedelta(minutes=3 * i, days=2), "ship_deadline": START + timedelta(days=3),
        "booking_code": f"TKP{i:010d}",
    } for i in range(N)]).execute()
    return shop


@pytest.fixture
def tab(open_orders_tab, channel):
    widget = open_orders_tab(channel)
    widget.resize(1300, 600)
    assert widget.model.chip() == "todo"  # the queue opens on the work still to do
    return widget


def _shown_pks(tab) -> list[int]:
    return [tab.model.row_at(i)[q.R_PK] for i in range(tab.model.rowCount())]


def _matches(tab, needle: str, courier: str = "") -> list[tuple]:
    """Every loaded order the search finds, in the order the queue shows them."""
    return [r for r in tab.model.all_rows()
            if needle.lower() in r[q.R_SEARCH] and (not courier or r[q.R_COURIER] == courier)]


def _expect(tab, needle: str, courier: str = "") -> tuple[list[int], str]:
    matches = _matches(tab, needle, courier)
    shown = [r[q.R_PK] for r in matches if r[q.R_STATE] in TO_DO]
    label = f"{len(shown)} of {N} orders shown"
    if len(matches) > len(shown):
        label += f" — {len(matches) - len(shown)} more match the search under “All”"
    return shown, label


def test_typing_key_by_key_ends_on_exactly_the_matches_and_the_count_under_all(qtbot, tab):
    """In bursts and pauses: the queue changes once per burst, never per key, and ends on the final text's rows."""
    resets = []
    tab.model.modelReset.connect(lambda: resets.append(tab.model.rowCount()))
    tab.search.setFocus()
    qtbot.keyClicks(tab.search, "inv/2026/mpl/000")  # one burst of 16 keys
    assert resets == [], "no filter while the keys keep coming"
    qtbot.waitUntil(lambda: len(resets) == 1)  # the pause: one filter for the burst
    shown, label = _expect(tab, "inv/2026/mpl/000")
    assert _shown_pks(tab) == shown and tab.empty_label.text() == label
    for done, key in enumerate("12", start=2):  # a key, a pause, a key
        qtbot.keyClick(tab.search, key)
        qtbot.waitUntil(lambda done=done: len(resets) == done)
    qtbot.keyClick(tab.search, Qt.Key.Key_Backspace)  # a typo mended
    qtbot.keyClicks(tab.search, "3")
    needle = "inv/2026/mpl/00013"
    shown, label = _expect(tab, needle)
    assert 0 < len(shown) < len(_matches(tab, needle)), "some of its matches are outside To do"
    qtbot.waitUntil(lambda: len(resets) == 4)
    assert _shown_pks(tab) == shown and tab.empty_label.text() == label
    # The count under "All" is exact there too: choosing "All" shows that many more.
    tab.set_chip("all")
    assert _shown_pks(tab) == [r[q.R_PK] for r in _matches(tab, needle)]
    assert "under “All”" not in tab.empty_label.text()


def test_the_count_under_all_keeps_the_courier_filter(qtbot, tab):
    courier = "J&T EZ"
    tab.courier_filter.setCurrentIndex(tab.courier_filter.findData(courier))
    qtbot.keyClicks(tab.search, "siti 1")
    shown, label = _expect(tab, "siti 1", courier)
    qtbot.waitUntil(lambda: _shown_pks(tab) == shown)
    assert "more match the search under “All”" in label and tab.empty_label.text() == label
    qtbot.keyClick(tab.search, Qt.Key.Key_Backspace)
    qtbot.keyClick(tab.search, Qt.Key.Key_Backspace)  # "siti": more of them, also under To do
    shown, label = _expect(tab, "siti", courier)
    qtbot.waitUntil(lambda: _shown_pks(tab) == shown)
    assert tab.empty_label.text() == label


def test_enter_applies_the_typed_text_at_once(qtbot, tab):
    """A scanner (or a seller) typing an invoice into the search and pressing Enter sees its order, not a pause."""
    target = next(r for r in tab.model.all_rows() if r[q.R_STATE] == "new")
    qtbot.keyClicks(tab.search, target[q.R_INVOICE])
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert _shown_pks(tab) == [target[q.R_PK]] and tab.empty_label.text() == f"1 of {N} orders shown"
    # Enter again on the same text changes nothing, and the selection stays.
    tab.select_pks([target[q.R_PK]])
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert _shown_pks(tab) == [target[q.R_PK]] and tab.selected_pks() == [target[q.R_PK]]


def test_a_chip_clicked_right_after_typing_shows_the_typed_search(qtbot, tab):
    qtbot.keyClicks(tab.search, "dewi 4")
    qtbot.mouseClick(tab.chips["new"], Qt.MouseButton.LeftButton)
    want = [r[q.R_PK] for r in _matches(tab, "dewi 4") if r[q.R_STATE] == "new"]
    assert want and _shown_pks(tab) == want
    # Clearing the field with its clear button shows the whole chip again, at once.
    tab.search.clear()
    assert tab.model.rowCount() == sum(r[q.R_STATE] == "new" for r in tab.model.all_rows())


def _click_clear_button(qtbot, tab) -> None:
    """The field's own clear button (the × at its right end), clicked."""
    from PySide6.QtWidgets import QToolButton
    buttons = [b for b in tab.search.findChildren(QToolButton) if b.isVisible()]
    assert len(buttons) == 1
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("how", ["clear button", "Esc", "program"])
def test_clearing_a_typed_search_shows_the_whole_queue_at_once_and_stays(qtbot, tab, how):
    """Typed, then cleared before the pause ended: the full queue now, and the pending pause filters nothing later."""
    todo = [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] in TO_DO]
    qtbot.keyClicks(tab.search, "siti 1")
    qtbot.waitUntil(lambda: _shown_pks(tab) == _expect(tab, "siti 1")[0])
    qtbot.keyClicks(tab.search, "2")  # typed again: its pause is still running when the field is cleared
    resets = []
    tab.model.modelReset.connect(lambda: resets.append(tab.search.text()))
    if how == "clear button":
        _click_clear_button(qtbot, tab)
    elif how == "Esc":
        qtbot.keyClick(tab.search, Qt.Key.Key_Escape)
    else:
        tab.search.clear()
    assert tab.search.text() == ""
    assert _shown_pks(tab) == todo and tab.empty_label.text() == f"{len(todo)} of {N} orders shown"
    assert resets == [""]
    qtbot.wait(4 * SEARCH_PAUSE_MS)  # long past the typed pause: nothing re-filters with the old text
    assert resets == [""] and _shown_pks(tab) == todo


def test_text_the_program_sets_applies_at_once(qtbot, tab):
    """Another tab's "open the order" clears the search and shows the order: no pause, no reload."""
    done = next(r for r in tab.model.all_rows() if r[q.R_STATE] == "shipped")
    qtbot.keyClicks(tab.search, "budi")
    tab.show_order(done[q.R_PK])
    assert tab.search.text() == "" and tab.model.chip() == "all"
    assert tab.selected_pks() == [done[q.R_PK]] and tab.model.rowCount() == N
    tab.search.setText(done[q.R_INVOICE])
    assert _shown_pks(tab) == [done[q.R_PK]]
