"""Prices and listings from the SKU mapping tab (issue 23): change, see the summary, confirm large changes, push,
undo — clicking the real widgets against the sandbox."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture


@pytest.fixture
def tab(qtbot, ctx, sandbox_channel, wait_idle):
    from tokodesk.store import models as m
    from tokodesk.ui.mapping_tab import MappingTab

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = sandbox_channel.id
    widget = MappingTab(ctx)
    qtbot.addWidget(widget)
    widget.show()
    wait_idle(ctx)
    return widget


def select(tab, nth: int):  # noqa: ANN001, ANN201
    """Select the nth mapped, listed SKU with a price; returns its (seller SKU, product id, price)."""
    from tokodesk.store import models as m

    found = 0
    for r in range(tab.proxy.rowCount()):
        row = tab.model.rows[tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()]
        product = m.Product.get_or_none(m.Product.product_id == row[0])
        if row[3] and product and product.price > 0 and product.status == "active":
            if found == nth:
                tab.view.selectRow(r)
                return row[3], row[0], product.price
            found += 1
    raise AssertionError("not enough mapped SKUs in the sandbox shop")


def change_price(qtbot, tab, ctx, wait_idle, nth: int, factor: float):  # noqa: ANN001, ANN201
    seller_sku, product_id, price = select(tab, nth)
    qtbot.mouseClick(tab.catalog.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.catalog.dialog
    dialog.price.setText(str(int(price * factor)))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    return seller_sku, int(product_id), price


def test_change_prices_confirm_the_large_one_push_and_undo(qtbot, tab, ctx, wait_idle, sandbox):
    from tokodesk.services import catalog_drafts
    from tokodesk.store import models as m

    a_sku, a_pid, a_price = change_price(qtbot, tab, ctx, wait_idle, 0, 1.1)
    b_sku, b_pid, b_price = change_price(qtbot, tab, ctx, wait_idle, 1, 3)
    assert len(catalog_drafts.drafts(m.Channel.get_by_id(ctx.channel_id))) == 2
    assert sandbox.shop.products[a_pid].price == a_price  # kept, nothing sent

    # A typo in the price is said in the dialog, which stays open.
    select(tab, 2)
    qtbot.mouseClick(tab.catalog.edit_button, Qt.MouseButton.LeftButton)
    typo = tab.catalog.dialog
    typo.price.setText("15000,50")
    qtbot.mouseClick(typo.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "whole numbers" in typo.error.text() and typo.isVisible()
    typo.reject()

    qtbot.mouseClick(tab.catalog.push_button, Qt.MouseButton.LeftButton)
    dialog = tab.catalog.dialog
    assert "2 prices" in dialog.text.text() and "+200%" in dialog.text.text()
    assert not dialog.push_button.isEnabled(), "a large change needs the second confirmation"
    dialog.confirm_large.setChecked(True)
    assert dialog.push_button.isEnabled()
    qtbot.mouseClick(dialog.push_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    assert sandbox.shop.products[a_pid].price == int(a_price * 1.1)
    assert sandbox.shop.products[b_pid].price == b_price * 3

    qtbot.mouseClick(tab.catalog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.catalog.dialog.push_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    assert (sandbox.shop.products[a_pid].price, sandbox.shop.products[b_pid].price) == (a_price, b_price)


def select_product(tab, product_id: str) -> None:  # noqa: ANN001
    for r in range(tab.proxy.rowCount()):
        if tab.model.rows[tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()][0] == product_id:
            tab.view.selectRow(r)
            return
    raise AssertionError(f"{product_id} is not in the mapping tab")


def test_legacy_channel_offers_no_code_change_and_says_why(qtbot, tab, ctx):
    select(tab, 0)
    qtbot.mouseClick(tab.catalog.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.catalog.dialog
    assert not dialog.code.isEnabled()
    assert "Seller Center" in dialog.code_note.text() and "full product edit" in dialog.code_note.toolTip()
    dialog.reject()


def test_tiktokshop_code_change_whole_product_off_drafts_and_push(qtbot, ctx, wait_idle, sb, shop_channel):  # noqa: F811
    from tests.integration.test_catalog_codes import multi_sku_listing, shop_sku
    from tokodesk.sandbox import tiktokshop_json as tj
    from tokodesk.services import catalog_drafts
    from tokodesk.store import models as m
    from tokodesk.ui.catalog_edits import WholeProductDialog
    from tokodesk.ui.mapping_tab import MappingTab

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = shop_channel.id
    tab = MappingTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    wait_idle(ctx)
    mapping, product, others = multi_sku_listing(shop_channel)
    old_seller_sku = mapping.seller_sku

    # A new code, typed in the dialog (a code with a space is refused there, the dialog stays open).
    select_product(tab, product.product_id)
    qtbot.mouseClick(tab.catalog.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.catalog.dialog
    assert dialog.code.isEnabled() and dialog.code.text() == product.sku
    dialog.code.setText("KODE UI")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "cannot be used" in dialog.error.text() and dialog.isVisible()
    dialog.code.setText("KODE-UI-1")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    wait_idle(ctx)

    # Off for one SKU of a product with several: the others are named, and only Switch keeps it.
    select_product(tab, product.product_id)
    qtbot.mouseClick(tab.catalog.edit_button, Qt.MouseButton.LeftButton)
    dialog = tab.catalog.dialog
    dialog.listing.setCurrentIndex(2)  # Off
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    ask = tab.catalog.dialog
    assert isinstance(ask, WholeProductDialog)
    for other in others:
        assert (other.sku or other.product_id) in ask.text.text()
    assert len(catalog_drafts.drafts(shop_channel)) == 1  # the code only, so far
    qtbot.mouseClick(ask.switch_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert {e.field for e in catalog_drafts.drafts(shop_channel)} == {"seller_sku", "active"}

    # A price of another product, then discarded from the list of changes waiting.
    qtbot.mouseClick(tab.catalog.drafts_button, Qt.MouseButton.LeftButton)
    drafts = tab.catalog.dialog
    assert drafts.list.count() == 2 and "2 changes are kept" in drafts.heading.text()
    assert not drafts.discard_selected.isEnabled()
    texts = [drafts.list.item(i).text() for i in range(drafts.list.count())]
    active_row = next(i for i, text in enumerate(texts) if "listing On → Off" in text)
    drafts.list.item(active_row).setSelected(True)
    qtbot.mouseClick(drafts.discard_selected, Qt.MouseButton.LeftButton)
    assert drafts.list.count() == 1
    assert "seller SKU code" in drafts.list.item(0).text() and "KODE-UI-1" in drafts.list.item(0).text()
    drafts.reject()

    qtbot.mouseClick(tab.catalog.push_button, Qt.MouseButton.LeftButton)
    push = tab.catalog.dialog
    assert "1 seller SKU code(s)" in push.text.text()
    qtbot.mouseClick(push.push_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    assert shop_sku(sb, product.product_id).sku == "KODE-UI-1"
    assert shop_sku(sb, product.product_id).status == 1  # the discarded switch was never sent
    assert m.StockItem.get_or_none(m.StockItem.seller_sku == old_seller_sku) is None
    assert tj.decode(others[0].product_id, tj.SKU_BASE) in sb.shop.products[
        tj.decode(product.parent_id, tj.PRODUCT_BASE)].children


def test_a_price_changed_in_seller_center_is_taken_or_pushed_back_from_the_inventory_tab(
        qtbot, ctx, wait_idle, sandbox, sandbox_channel):
    from tokodesk.services import catalog_drafts, catalog_push, reconciliation
    from tokodesk.services.channels import adapter_for
    from tokodesk.store import models as m
    from tokodesk.ui.inventory_tab import InventoryTab

    adapter = adapter_for(sandbox_channel)
    picked = []
    for mapping in m.SkuMapping.select().where(m.SkuMapping.seller_sku.is_null(False)).order_by(m.SkuMapping.id):
        product = m.Product.get(m.Product.product_id == mapping.product_id)
        if product.price > 0 and product.status == "active" and len(picked) < 2:
            picked.append((mapping, product))
    for mapping, product in picked:
        catalog_drafts.set_edit(mapping.seller_sku, price=product.price + 300)
    assert catalog_push.push(sandbox_channel, adapter).count("accepted") == 2
    (ma, pa), (mb, pb) = picked
    sandbox.shop.set_price(int(pa.product_id), 99_000)  # both changed in Seller Center since
    sandbox.shop.set_price(int(pb.product_id), 88_000)
    reconciliation.reconcile(sandbox_channel, adapter)
    adapter.close()

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = sandbox_channel.id
    tab = InventoryTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    wait_idle(ctx)
    assert not tab.take_price_button.isEnabled()

    def select(seller_sku: str) -> None:
        row = next(r for r, line in enumerate(tab.state.report_lines)
                   if line["seller_sku"] == seller_sku and line["cause"] == "price_differs")
        tab.recon_table.selectRow(row)

    select(ma.seller_sku)
    assert tab.take_price_button.isEnabled() and tab.push_mine_button.isEnabled()
    qtbot.mouseClick(tab.take_price_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert m.Product.get_by_id(pa.id).price == 99_000  # TokoDesk took the marketplace's price
    select(mb.seller_sku)
    qtbot.mouseClick(tab.push_mine_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    (kept,) = catalog_drafts.drafts(sandbox_channel)
    assert (kept.seller_sku, kept.old_value, kept.new_value) == (mb.seller_sku, 88_000, pb.price + 300)
    assert sandbox.shop.products[int(pb.product_id)].price == 88_000  # kept, not sent
    select(ma.seller_sku)
    assert not tab.take_price_button.isEnabled()  # settled
