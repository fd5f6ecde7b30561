"""The pack station's item check through the real widgets, on both marketplaces' sandboxes (issue 21.6): with
"Check items" on, an order's scan opens its list instead of packing; a wrong item is refused with a beep and a red
line naming it; the list ticks off; Enter on the complete parcel packs exactly that order and records the check;
"Pack anyway" needs a second click and records what was missing. With the switch off a scan packs at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tokodesk.services import pack_check as pc
from tokodesk.store import models as m
from tokodesk.ui import queries as q


@pytest.fixture(params=["tokopedia", "tiktokshop"])
def tab(request, open_orders_tab):
    channel = request.getfixturevalue("sandbox_channel" if request.param == "tokopedia" else "shop_channel")
    return open_orders_tab(channel)


@pytest.fixture
def beeps(monkeypatch):
    heard: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: heard.append(1)))
    return heard


def _to_pack(tab, ctx, wait_idle, n: int) -> list[m.Order]:
    """n orders waiting to be packed whose every line is a counted seller SKU (acknowledging new ones if needed)."""
    def ready(state: str) -> list[int]:
        pks = [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] == state and not r[q.R_UNMAPPED]]
        return [pk for pk in pks if all(ln.seller_sku for ln in m.OrderLine.select().where(m.OrderLine.order == pk))]

    have = ready("acknowledged")
    if len(have) < n:
        tab.select_pks(ready("new")[: n - len(have)])
        tab.acknowledge()
        wait_idle(ctx)
        have = ready("acknowledged")
    assert len(have) >= n, "the sandbox shop should have orders to pack"
    return [m.Order.get_by_id(pk) for pk in have[:n]]


def _scan(qtbot, field, code: str) -> None:
    qtbot.keyClicks(field, code)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def _open_check(qtbot, tab, ctx, wait_idle, order: m.Order):
    _scan(qtbot, tab.scan, order.invoice or order.order_id)
    wait_idle(ctx)
    dialog = tab.pack_check_dialog
    assert dialog.isVisible() and m.Order.get_by_id(order.id).state == "acknowledged", "the scan alone packs nothing"
    return dialog


def _a_wrong_item(order: m.Order) -> m.StockItem:
    mine = {ln.seller_sku for ln in order.lines}
    return m.StockItem.select().where(m.StockItem.seller_sku.not_in(sorted(mine))).first()


def test_scan_items_refuse_a_wrong_one_and_pack_exactly_that_order(qtbot, tab, ctx, wait_idle, beeps):
    order, other = _to_pack(tab, ctx, wait_idle, 2)
    qtbot.mouseClick(tab.pack_check_box, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert m.AppSetting.read("pack_check") is True
    dialog = _open_check(qtbot, tab, ctx, wait_idle, order)
    lines = list(order.lines)
    assert dialog.table.rowCount() == len([ln for ln in lines if ln.quantity > 0])
    assert not dialog.pack_button.isEnabled()

    wrong = _a_wrong_item(order)
    _scan(qtbot, dialog.scan, wrong.seller_sku)
    assert beeps == [1]
    assert "WRONG ITEM" in dialog.verdict.text() and wrong.seller_sku in dialog.verdict.text()
    assert "b00020" in dialog.verdict.styleSheet()
    _scan(qtbot, dialog.scan, "")  # Enter on an incomplete parcel packs nothing
    assert dialog.isVisible()

    first = lines[0]
    for _ in range(first.quantity):
        _scan(qtbot, dialog.scan, first.seller_sku.lower())  # a scanner in lower case is the same item
    assert dialog.table.item(0, 3).text() == str(first.quantity)
    for line in lines[1:]:
        for _ in range(line.quantity):
            _scan(qtbot, dialog.scan, line.seller_sku)
    assert dialog.pack_button.isEnabled() and "press Enter to pack" in dialog.verdict.text()
    assert len(beeps) == 1, "right items never beep"
    _scan(qtbot, dialog.scan, first.seller_sku)
    assert len(beeps) == 2 and "ONE TOO MANY" in dialog.verdict.text() and first.seller_sku in dialog.verdict.text()
    assert dialog.table.item(0, 3).text() == str(first.quantity), "a refused scan ticks nothing"

    _scan(qtbot, dialog.scan, "")  # Enter packs the complete parcel
    wait_idle(ctx)
    assert not dialog.isVisible()
    assert m.Order.get_by_id(order.id).state in ("packed", "ready_to_ship")
    assert m.Order.get_by_id(other.id).state == "acknowledged", "only the scanned order is packed"
    event = m.OrderEvent.get(m.OrderEvent.order == order.id, m.OrderEvent.kind == pc.EVENT_CHECKED)
    assert event.who == "tester@desk1" and f"{dialog.check.expected_units} of" in event.detail
    assert "refused scans" in event.detail and wrong.seller_sku in event.detail


def test_pack_anyway_is_recorded_with_what_was_missing(qtbot, tab, ctx, wait_idle, beeps):
    (order,) = _to_pack(tab, ctx, wait_idle, 1)
    tab.pack_check_box.setChecked(True)
    wait_idle(ctx)
    dialog = _open_check(qtbot, tab, ctx, wait_idle, order)
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Still missing" in dialog.verdict.text(), "the first click only asks"
    assert m.Order.get_by_id(order.id).state == "acknowledged"
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert m.Order.get_by_id(order.id).state in ("packed", "ready_to_ship")
    event = m.OrderEvent.get(m.OrderEvent.order == order.id, m.OrderEvent.kind == pc.EVENT_OVERRIDE)
    assert event.who == "tester@desk1" and not event.ok and event.at is not None
    assert "packed anyway" in event.detail and f"missing: {order.lines[0].quantity}× {order.lines[0].seller_sku}" \
        in event.detail
    # The order's history in the detail pane says so, with what was missing and who packed it.
    tab.select_pks([])
    tab.select_pks([order.id])
    qtbot.waitUntil(lambda: "Packed without a complete item check" in tab.detail.toPlainText(), timeout=10000)
    assert order.lines[0].seller_sku in tab.detail.toPlainText() and "tester@desk1" in tab.detail.toPlainText()


def test_cancel_packs_nothing_and_switched_off_a_scan_packs_at_once(qtbot, tab, ctx, wait_idle):
    first, second = _to_pack(tab, ctx, wait_idle, 2)
    tab.pack_check_box.setChecked(True)
    wait_idle(ctx)
    dialog = _open_check(qtbot, tab, ctx, wait_idle, first)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert m.Order.get_by_id(first.id).state == "acknowledged"
    tab.pack_check_box.setChecked(False)
    wait_idle(ctx)
    assert m.AppSetting.read("pack_check") is False
    tab.pack_check_dialog = None
    _scan(qtbot, tab.scan, second.invoice or second.order_id)
    wait_idle(ctx)
    assert tab.pack_check_dialog is None and m.Order.get_by_id(second.id).state in ("packed", "ready_to_ship")
    assert not m.OrderEvent.select().where(m.OrderEvent.kind.startswith("pack_check")).exists()


def test_a_barcode_typed_in_the_inventory_tab_is_accepted_by_the_check(qtbot, ctx, sandbox_channel, open_orders_tab,
                                                                        wait_idle):
    from PySide6.QtWidgets import QAbstractItemView

    from tokodesk.ui.inventory_tab import COL_BARCODE, COL_SELLER_SKU, InventoryTab

    tab = open_orders_tab(sandbox_channel)
    (order,) = _to_pack(tab, ctx, wait_idle, 1)
    line = order.lines[0]
    inventory = InventoryTab(ctx)
    qtbot.addWidget(inventory)
    inventory.show()
    wait_idle(ctx)

    def cell(sku: str):
        row = next(r for r in range(inventory.proxy.rowCount())
                   if inventory.proxy.index(r, COL_SELLER_SKU).data() == sku)
        return inventory.proxy.index(row, COL_BARCODE)

    def type_into(index, text: str) -> None:
        inventory.view.scrollTo(index)
        inventory.view.setFocus()
        inventory.view.setCurrentIndex(index)
        qtbot.keyClick(inventory.view, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: inventory.view.state() == QAbstractItemView.State.EditingState)
        editor = inventory.view.indexWidget(index) or QApplication.focusWidget()
        assert editor is not None and editor is not inventory.view, "F2 opens an editor"
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
        qtbot.waitUntil(lambda: inventory.view.state() != QAbstractItemView.State.EditingState)
        wait_idle(ctx)

    type_into(cell(line.seller_sku), "8990000000017")
    assert m.StockItem.get(m.StockItem.seller_sku == line.seller_sku).barcode == "8990000000017"
    other = _a_wrong_item(order)
    type_into(cell(other.seller_sku), "8990000000017")  # the same code on another item: refused, row reverts
    assert "already names" in inventory.banner.text()
    assert m.StockItem.get(m.StockItem.seller_sku == other.seller_sku).barcode is None
    qtbot.waitUntil(lambda: cell(other.seller_sku).data() == "")

    tab.pack_check_box.setChecked(True)
    wait_idle(ctx)
    dialog = _open_check(qtbot, tab, ctx, wait_idle, order)
    _scan(qtbot, dialog.scan, "8990000000017")
    assert "✓" in dialog.verdict.text() and dialog.table.item(0, 3).text() == "1"


def test_the_sku_stays_whole_on_one_line_at_the_dialogs_size(qtbot):
    """The packer matches the SKU with the item in hand: "CHSSA-004-BENI" is not broken after a hyphen."""
    from tokodesk.services.pack_check import CheckLine, PackCheck
    from tokodesk.ui.pack_check import PackCheckDialog

    lines = [CheckLine("KPCC3-000-M", "Kaos Polos Cotton Combed 30s - M", 2, frozenset({"kpcc3-000-m"})),
             CheckLine("CHSSA-004-BENI-PANJANG", "Casing HP Silikon Samsung A54 - Bening", 5,
                       frozenset({"chssa-004-beni-panjang"}))]
    dialog = PackCheckDialog(PackCheck(order_pk=1, invoice="INV/20261204/MPL/37896935", lines=lines))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    widest = max(dialog.table.fontMetrics().horizontalAdvance(line.sku) for line in lines)
    assert dialog.table.columnWidth(0) > widest
