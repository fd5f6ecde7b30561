"""The main window opens with its four tabs and says plainly what an empty install holds."""

from __future__ import annotations


def test_main_window_has_the_four_tabs(window):
    assert window.tab_titles() == ["Channel", "SKU mapping", "Orders", "Inventory"]
    assert window.activity_label.text() == "Idle"


def test_empty_install_explains_what_to_do(window):
    assert window.ctx.channel_id is None
    assert "Add channel" in window.channel_tab.empty.text()
    assert "No channel yet" in window.orders_tab.empty_label.text()
