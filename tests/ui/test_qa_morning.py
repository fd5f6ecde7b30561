"""What a packer's morning in the real window showed: disabled buttons say why, the window and its dialogs fit a
1366×768 laptop in Indonesian, text and marks render in the fonts a seller has, the keyboard reaches everything."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tokodesk.ui import queries as q


@pytest.fixture
def tab(open_orders_tab, sandbox_channel):
    return open_orders_tab(sandbox_channel)


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


def _pks(tab, state, n=1):
    return [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] == state and not r[q.R_UNMAPPED]][:n]


def test_disabled_queue_buttons_say_why(tab):
    tab.select_pks([])
    for key, button in tab.buttons.items():
        assert not button.isEnabled()
        assert "Select one or more orders" in button.toolTip(), key
    tab.select_pks(_pks(tab, "new"))
    assert tab.buttons["ack"].isEnabled()
    assert tab.buttons["ack"].toolTip() == "Acknowledge (Ctrl+Shift+A)", "an enabled button shows no complaint"
    assert not tab.buttons["ship"].isEnabled()
    assert "packed or ready-to-ship" in tab.buttons["ship"].toolTip()
    assert "To pack" in tab.buttons["pack"].toolTip()


def test_disabled_reason_for_a_mixed_selection_counts_the_odd_ones(tab):
    # Issue 14 §3: a bulk action acts on the orders it can and says which it skips, instead of refusing them all.
    tab.set_chip("all")  # a shipped order is not work to do: only "All" shows it beside new ones
    tab.select_pks(_pks(tab, "new", 2) + _pks(tab, "shipped", 1))
    assert tab.buttons["ack"].isEnabled()
    assert tab.buttons["ack"].toolTip().splitlines()[1].startswith("Skips 1 of the 3 selected:")
    assert tab.buttons["ack"].toolTip().splitlines()[1].endswith("It is Shipped.")


def test_printed_mark_is_words_every_font_has(tab):
    """The printer emoji rendered as an empty box on Linux (no emoji font); the mark is a word now."""
    from tokodesk.store import models as m
    from tokodesk.ui.orders_model import COL_STATE

    pk = _pks(tab, "acknowledged")[0]
    m.Order.update(label_printed_at=datetime(2026, 1, 1, 3, 0)).where(m.Order.id == pk).execute()
    tab.model.replace_rows(q.order_rows(tab.ctx.channel_id, [pk]))
    row = tab.model.row_of_pk(pk)
    text = tab.model.data(tab.model.index(row, COL_STATE))
    assert text == "To pack · printed"
    assert all(ord(ch) < 0x2000 or ch in "·…" for ch in text)
    assert tab.model.data(tab.model.index(row, COL_STATE), Qt.ItemDataRole.ToolTipRole).startswith(
        "The label has been printed.")
    assert tab.view.columnWidth(COL_STATE) >= tab.view.fontMetrics().horizontalAdvance(text)


def test_long_order_ids_are_not_cut(tab, qtbot, ctx, wait_idle):
    """Tokopedia & Shop order IDs have 18 digits; a packer reads them off the parcel, so none may be hidden."""
    from tokodesk.store import models as m
    from tokodesk.ui.orders_model import COL_INVOICE

    m.Channel.update(orders_on_invoice=False).where(m.Channel.id == ctx.channel_id).execute()
    m.Order.update(order_id=m.Order.order_id.concat("00000000")).execute()
    tab.reload()
    wait_idle(ctx)
    longest = max((r[q.R_ORDER_ID] for r in tab.model.all_rows()), key=len)
    assert len(longest) >= 18
    assert tab.view.columnWidth(COL_INVOICE) >= tab.view.fontMetrics().horizontalAdvance(longest)


def test_cancel_dialog_message_lets_tab_move_on(qtbot):
    from tokodesk.marketplace.base import CancelReason
    from tokodesk.ui.order_dialogs import CancelDialog

    dialog = CancelDialog([CancelReason(code="1", label="Product out of stock")], ["INV/1"])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, "Stok habis")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Tab)
    assert dialog.text.toPlainText() == "Stok habis", "Tab typed into the message instead of moving on"


def test_window_fits_a_1366_laptop_in_indonesian(qtbot, indonesian, ctx, sandbox_channel, wait_idle):
    from tokodesk.ui.main_window import MainWindow
    from tokodesk.ui.widgets import SMALL_SCREEN_FIT

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(ctx)
    assert window.orders_tab.chips["to_print"].text().startswith("Perlu dicetak")
    width = window.minimumSizeHint().width()
    assert width <= SMALL_SCREEN_FIT[0], f"the Indonesian window needs {width} px"
    window.close()


def test_dialogs_fit_a_1366_laptop(qtbot, ctx, sandbox_channel, wait_idle):
    from tokodesk.ui.cancel_requests import BuyerRequestsDialog
    from tokodesk.ui.printing import PrintDialog
    from tokodesk.ui.widgets import SMALL_SCREEN_FIT
    from tokodesk.ui.wizard import ChannelWizard

    ctx.channel_id = sandbox_channel.id
    for dialog in (PrintDialog(ctx, "label", []), BuyerRequestsDialog(ctx, sandbox_channel.id), ChannelWizard(ctx)):
        qtbot.addWidget(dialog)
        size = dialog.size()
        assert size.width() <= SMALL_SCREEN_FIT[0] and size.height() <= SMALL_SCREEN_FIT[1], (type(dialog), size)
    wait_idle(ctx)


def test_language_menu_shows_the_choice(qtbot, ctx, wait_idle):
    from tokodesk.store import models as m
    from tokodesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.language_actions["system"].isChecked()
    window.set_language("id")
    wait_idle(ctx)
    assert window.language_actions["id"].isChecked() and not window.language_actions["system"].isChecked()
    assert m.AppSetting.get(m.AppSetting.key == "language").value == "id"
    # No box to click away and no restart: the window speaks the choice at once (tests/ui/test_language_switch.py).
    qtbot.waitUntil(lambda: window.tab_titles()[2] == "Pesanan", timeout=5000)
    __import__("tokodesk.ui.i18n", fromlist=["install"]).install("en")
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.language_actions["id"].isChecked(), "the menu reads the saved choice"
    window.close()
    again.close()


def test_closing_while_a_sync_runs_stops_and_waits_for_the_threads(qtbot, ctx, sandbox_channel, wait_idle,
                                                                  sandbox):
    import threading

    from tokodesk.ui.main_window import MainWindow

    ctx.channel_id = sandbox_channel.id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(ctx)
    entered = threading.Event()
    original = sandbox.dialect.handle

    def slow(*args, **kwargs):
        entered.set()
        threading.Event().wait(0.5)
        return original(*args, **kwargs)

    sandbox.dialect.handle = slow
    try:
        window.channel_tab.sync_now("orders")
        qtbot.waitUntil(entered.is_set, timeout=10000)
        threads = list(ctx.jobs._threads.values())
        assert threads and window.cancel_button.isVisible()
        window.close()
        assert ctx.jobs.closed
        assert all(t.isFinished() for t in threads), "a lane thread still runs after the window closed"
    finally:
        sandbox.dialect.handle = original
    QApplication.processEvents()


def _report(lines):
    from tokodesk.ui.inventory_tab import InventoryState

    report = {"created_at": datetime(2026, 11, 27, 3, 0), "checked": 96, "mismatches": len(lines),
              "fixed": sum(1 for line in lines if line.get("fixed")), "error": ""}
    base = {"marketplace_sku": "", "seller_sku": "", "marketplace_qty": 5, "expected_qty": None, "fixed": False}
    return InventoryState(rows=[], report=report, report_lines=[{**base, **line} for line in lines])


def test_reconciliation_names_unmapped_products_and_fix_says_what_it_cannot_do(qtbot, ctx):
    from tokodesk.ui.inventory_tab import InventoryTab

    tab = InventoryTab(ctx)
    qtbot.addWidget(tab)
    tab._show_report(_report([{"product_id": "2147484173", "cause": "unmapped"}]))
    assert tab.recon_table.item(0, 0).text() == "product 2147484173", "an unmapped product was an empty row"
    assert tab.recon_table.item(0, 1).text() == "(not mapped)"
    assert tab.recon_table.item(0, 5).text() == "Map it first"
    assert not tab.fix_button.isEnabled(), "a stock push cannot fix an unmapped product"
    assert "SKU mapping tab" in tab.fix_button.toolTip()
    tab._show_report(_report([{"product_id": "1", "marketplace_sku": "A-1", "seller_sku": "A-1", "expected_qty": 3,
                               "cause": "edited_on_marketplace"}]))
    assert tab.fix_button.isEnabled() and tab.recon_table.item(0, 0).text() == "A-1"


def test_failed_push_status_is_marked_and_keeps_the_marketplace_words(qtbot, ctx):
    from tokodesk.ui.inventory_tab import COL_STATUS, InventoryModel

    model = InventoryModel()
    model.set_rows([("A-1", "Kaos A", "A-1", 3, 0, 0, 3, 3, None, 0, "failed: SKU is frozen")])
    index = model.index(0, COL_STATUS)
    assert model.data(index) == "Failed: SKU is frozen"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None, "a failed push is highlighted"


def test_on_hand_below_zero_asks_for_a_count(qtbot, ctx):
    """Shipped more than was ever counted: the cell stands out and says what to do."""
    from tokodesk.ui.inventory_tab import COL_ON_HAND, InventoryModel

    model = InventoryModel()
    model.set_rows([("A-1", "Kaos A", "A-1", -2, 0, 0, 0, None, None, None, ""),
                    ("B-1", "Kaos B", "B-1", 4, 0, 0, 4, None, None, None, "")])
    below, fine = model.index(0, COL_ON_HAND), model.index(1, COL_ON_HAND)
    assert model.data(below, Qt.ItemDataRole.BackgroundRole) is not None
    assert "count this SKU" in model.data(below, Qt.ItemDataRole.ToolTipRole)
    assert model.data(fine, Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(fine, Qt.ItemDataRole.ToolTipRole) is None


def test_on_hand_is_edited_from_the_keyboard(qtbot, ctx, sandbox_channel, wait_idle):
    """F2 (or typing) on the On hand cell, the number, Enter: saved, like a double-click."""
    from tokodesk.store import models as m
    from tokodesk.ui.inventory_tab import COL_ON_HAND, COL_SELLER_SKU, InventoryTab

    ctx.channel_id = sandbox_channel.id
    tab = InventoryTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    wait_idle(ctx)
    index = tab.proxy.index(0, COL_ON_HAND)
    sku = tab.proxy.index(0, COL_SELLER_SKU).data()
    tab.view.setFocus()
    tab.view.setCurrentIndex(index)
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    editor = tab.view.indexWidget(index) or QApplication.focusWidget()
    assert editor is not None and editor is not tab.view, "F2 opens an editor"
    editor.selectAll()
    qtbot.keyClicks(editor, "77")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: tab.view.state() != tab.view.State.EditingState)
    wait_idle(ctx)
    assert m.StockItem.get(m.StockItem.seller_sku == sku).on_hand == 77


def _tab_stops(start, stop):
    """The widgets Tab visits from `start` until `stop` (enabled, shown, taking Tab focus), as Qt walks them."""
    stops, widget = [], start
    for _ in range(400):
        widget = widget.nextInFocusChain()
        if widget is stop:
            return stops
        if widget.isEnabled() and widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
    raise AssertionError("Tab never reaches the table")


def test_tab_goes_search_scan_actions_table(tab):
    tab.select_pks(_pks(tab, "new"))
    stops = _tab_stops(tab.search, tab.view)
    assert stops[0] is tab.scan, "Tab from the search goes to the scan field"
    assert tab.buttons["ack"] in stops and tab.refresh_button in stops
    assert not any(chip in stops for chip in tab.chips.values()), "Tab jumped back up to the chips"
    assert stops.index(tab.buttons["ack"]) < stops.index(tab.buttons["cancel"]) < stops.index(tab.refresh_button)
    chain, widget = [], tab.search
    while widget is not tab.view and len(chain) < 400:
        widget = widget.nextInFocusChain()
        chain.append(widget)
    assert chain.index(tab.more) < chain.index(tab.requests_button) < chain.index(tab.refresh_button), \
        "the buyer-requests button is reached where it sits, on the action row"


def test_status_note_says_when(qtbot, ctx, wait_idle):
    from tokodesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    wait_idle(ctx)
    ctx.status_message("Ship: 3 orders done")
    assert re.fullmatch(r"\d\d:\d\d — Ship: 3 orders done", window.activity_label.text())
    window.close()


def test_cancel_dialog_keeps_each_invoice_whole_on_its_line(qtbot):
    """The confirmation names the invoices: a line never ends inside one ("INV/" on one line, the rest on the next)."""
    from PySide6.QtGui import QTextLayout

    from tokodesk.marketplace.base import CancelReason
    from tokodesk.ui.order_dialogs import CancelDialog

    invoices = [f"INV/20261204/MPL/378969{n:02d}" for n in range(3, 9)]
    dialog = CancelDialog([CancelReason(code="1", label="Product out of stock")], invoices)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    label = dialog.warning
    text = label.text()
    assert all(i.replace("/", "/\u2060") in text or i in text for i in invoices)
    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    ends = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(label.contentsRect().width())
        ends.append(line.textStart() + line.textLength())
    layout.endLayout()
    assert len(ends) > 1  # the list does wrap at this width
    for invoice in invoices:
        shown = invoice.replace("/", "/\u2060") if invoice.replace("/", "/\u2060") in text else invoice
        start = text.index(shown)
        end = start + len(shown)
        assert not any(start < e < end for e in ends), f"{invoice} is cut at a line's end"
