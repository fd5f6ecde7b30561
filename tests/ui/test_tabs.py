"""Channel, SKU mapping and Inventory tabs against a sandbox channel; cancelling a running sync."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def win(qtbot, ctx, sandbox_channel, wait_idle):
    from tokodesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(ctx)
    assert ctx.channel_id == sandbox_channel.id
    yield window
    window.close()


def test_channel_tab_shows_settings_keyring_schedule_and_log(qtbot, win, ctx, wait_idle):
    tab = win.channel_tab
    assert not tab.body.isHidden() and tab.empty.isHidden()
    assert tab.values["keyring"].text(), "the keyring backend in use is named"
    assert tab.values["business_model"].text() == "Pick-up by the courier"
    assert tab.values["order_sync_from"].text().endswith("WIB")
    last, result, _next = tab.schedule_labels["orders"]
    assert last.text().endswith("WIB") and result.text() == "OK"
    kinds = [tab.log.topLevelItem(i).text(1) for i in range(tab.log.topLevelItemCount())]
    assert "Orders" in kinds and "Products (SKU pull)" in kinds
    qtbot.mouseClick(tab.test_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert tab.values["connection"].text().startswith("Connected to")


def test_sync_now_adds_a_run_to_the_log(qtbot, win, ctx, wait_idle):
    tab = win.channel_tab
    before = tab.log.topLevelItemCount()
    qtbot.mouseClick(tab.sync_buttons["statuses"], Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.log.topLevelItemCount() == before + 1)
    assert tab.log.topLevelItem(0).text(1) == "Order statuses"


def test_cancel_of_a_running_sync(qtbot, win, ctx, wait_idle, sandbox):
    """The status bar's Cancel stops a running pull between requests; the run is recorded as cancelled."""
    import threading

    from tokodesk.store import models as m

    gate = threading.Event()
    original = sandbox.dialect.handle

    def slow(*args, **kwargs):
        gate.wait(5)
        return original(*args, **kwargs)

    sandbox.dialect.handle = slow
    win.channel_tab.sync_now("orders")
    qtbot.waitUntil(lambda: win.cancel_button.isVisible())
    qtbot.waitUntil(lambda: m.SyncRun.select().where(m.SyncRun.status == "running").exists(), timeout=10000)
    qtbot.mouseClick(win.cancel_button, Qt.MouseButton.LeftButton)
    assert "cancelling" in win.activity_label.text()
    gate.set()
    wait_idle(ctx, 30000)
    run = m.SyncRun.select().where(m.SyncRun.kind == "orders").order_by(m.SyncRun.id.desc()).first()
    assert run.status == "cancelled"
    assert win.activity_label.text() == "Idle" and not win.cancel_button.isVisible()


def test_mapping_tab_edit_in_place(qtbot, win, ctx, wait_idle):
    from tokodesk.store import models as m
    from tokodesk.ui.mapping_tab import COL_BUFFER, COL_SELLER_SKU

    tab = win.mapping_tab
    assert tab.loaded and tab.model.rowCount() > 0
    row = tab.model.rows[0]
    index = tab.model.index(0, COL_SELLER_SKU)
    assert tab.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert tab.model.setData(index, "MY-OWN-SKU")
    wait_idle(ctx)
    mapping = m.SkuMapping.get(m.SkuMapping.product_id == row[0])
    assert mapping.seller_sku == "MY-OWN-SKU"
    assert m.StockItem.get_or_none(m.StockItem.seller_sku == "MY-OWN-SKU") is not None
    assert tab.model.setData(tab.model.index(0, COL_BUFFER), 3)
    wait_idle(ctx)
    assert m.SkuMapping.get(m.SkuMapping.product_id == row[0]).buffer == 3


def test_mapping_unmapped_filter_and_search(qtbot, win, ctx, wait_idle):
    tab = win.mapping_tab
    total = tab.proxy.rowCount()
    tab.model.setData(tab.model.index(0, 3), "")
    wait_idle(ctx)
    tab.unmapped.setChecked(True)
    assert 0 < tab.proxy.rowCount() < total
    tab.unmapped.setChecked(False)
    sku = tab.model.rows[-1][1]
    tab.search.setText(sku)
    assert tab.proxy.rowCount() >= 1


def test_mapping_export_then_import(qtbot, win, ctx, wait_idle, tmp_path):
    path = tmp_path / "map.csv"
    win.mapping_tab.export_csv(str(path))
    wait_idle(ctx)
    assert path.read_text(encoding="utf-8-sig").count("\n") == win.mapping_tab.model.rowCount() + 1
    win.mapping_tab.import_csv(str(path))
    wait_idle(ctx)
    assert "Imported" in win.activity_label.text()


def test_inventory_edit_on_hand_and_push(qtbot, win, ctx, wait_idle, sandbox):
    from tokodesk.store import models as m
    from tokodesk.ui.inventory_tab import COL_MP_SKU, COL_ON_HAND, COL_PUSHED, COL_SELLER_SKU

    tab = win.inventory_tab
    assert tab.loaded and tab.model.rowCount() > 0
    row = next(i for i, r in enumerate(tab.model.rows) if r[COL_MP_SKU])  # a mapped SKU
    sku = tab.model.rows[row][COL_SELLER_SKU]
    assert tab.model.setData(tab.model.index(row, COL_ON_HAND), "42")
    wait_idle(ctx)
    assert m.StockItem.get(m.StockItem.seller_sku == sku).on_hand == 42
    assert tab.push_button.isEnabled()
    before = sum(sandbox.calls.values())
    qtbot.mouseClick(tab.push_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    assert sum(sandbox.calls.values()) > before, "the push reached the marketplace"
    pushed = [r for r in tab.model.rows if r[COL_SELLER_SKU] == sku and r[COL_MP_SKU]]
    assert pushed and pushed[0][COL_PUSHED] is not None, "the table shows what was pushed"


def test_inventory_refuses_a_negative_count(win):
    from tokodesk.ui.inventory_tab import COL_ON_HAND

    assert not win.inventory_tab.model.setData(win.inventory_tab.model.index(0, COL_ON_HAND), "-1")
