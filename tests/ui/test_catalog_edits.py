"""Prices and listings from the SKU mapping tab (issue 23): change, see the summary, confirm large changes, push,
undo — clicking the real widgets against the sandbox."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox


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
    from tokodesk.services import catalog_push
    from tokodesk.store import models as m

    a_sku, a_pid, a_price = change_price(qtbot, tab, ctx, wait_idle, 0, 1.1)
    b_sku, b_pid, b_price = change_price(qtbot, tab, ctx, wait_idle, 1, 3)
    assert len(catalog_push.drafts(m.Channel.get_by_id(ctx.channel_id))) == 2
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
