"""The Inventory tab and starting stock (issue 14 items 1 and 7): "not counted" in words, product names, search by
name, adopting the marketplace's stock, importing a CSV of counts (all or nothing), the read-back after a push."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def tab(qtbot, ctx, sandbox_channel, wait_idle):
    from tokodesk.store import models as m
    from tokodesk.ui.inventory_tab import InventoryTab

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = sandbox_channel.id
    widget = InventoryTab(ctx)
    qtbot.addWidget(widget)
    widget.show()
    wait_idle(ctx)
    return widget


def shown(tab, column):  # noqa: ANN001, ANN201
    return [tab.proxy.index(r, column).data() for r in range(tab.proxy.rowCount())]


def marketplace_stock(sandbox):  # noqa: ANN001, ANN201
    return {p.product_id: p.stock for p in sandbox.shop.products.values() if not p.is_parent}


def test_a_pulled_shop_shows_not_counted_in_words_with_product_names_and_pushes_nothing(qtbot, tab, ctx, wait_idle,
                                                                                      sandbox):
    from tokodesk.ui.inventory_tab import COL_AVAILABLE, COL_NAME, COL_ON_HAND, COL_STATUS

    before = marketplace_stock(sandbox)
    assert tab.model.rowCount() > 0
    assert set(shown(tab, COL_ON_HAND)) == {"not counted"}, "never 0 for a SKU nobody counted"
    assert set(shown(tab, COL_AVAILABLE)) == {"—"}
    assert all(text.startswith("Not counted") for text in shown(tab, COL_STATUS))
    names = shown(tab, COL_NAME)
    assert all(names) and names != shown(tab, 0), "the product's name, not only its SKU code"
    assert tab.adopt_button.isEnabled() and str(tab.state.uncounted) in tab.adopt_button.text()

    # Search by a word of a product name.
    word = names[0].split()[0]
    tab.search.setText(word)
    assert 0 < tab.proxy.rowCount() <= tab.model.rowCount()
    assert all(word.lower() in n.lower() for n in shown(tab, COL_NAME))
    tab.search.clear()

    qtbot.mouseClick(tab.push_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    assert marketplace_stock(sandbox) == before
    assert "never counted" in tab.banner.text()


def test_sorting_on_hand_puts_not_counted_before_zero(qtbot, tab, ctx, wait_idle):
    from tokodesk.services import inventory
    from tokodesk.ui.inventory_tab import COL_ON_HAND, COL_SELLER_SKU

    skus = sorted({r[COL_SELLER_SKU] for r in tab.model.rows})
    inventory.set_stock([(skus[0], 0), (skus[1], 5)])
    tab.reload()
    wait_idle(ctx)
    tab.view.sortByColumn(COL_ON_HAND, Qt.SortOrder.DescendingOrder)
    column = shown(tab, COL_ON_HAND)
    assert column[:2] == [5, 0] and set(column[2:]) == {"not counted"}


def test_use_marketplace_stock_counts_every_sku_and_the_push_then_changes_nothing(qtbot, tab, ctx, wait_idle,
                                                                                  sandbox):
    from tokodesk.store import models as m
    from tokodesk.ui.inventory_tab import COL_MP_STOCK, COL_ON_HAND

    before = marketplace_stock(sandbox)
    qtbot.mouseClick(tab.adopt_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    assert "counted from the marketplace" in tab.banner.text()
    assert all(isinstance(v, int) for v in shown(tab, COL_ON_HAND))
    assert not tab.adopt_button.isEnabled()
    assert all(s.on_hand is not None for s in m.StockItem.select())
    updates = sum(p.stock_updates for p in sandbox.shop.products.values())
    qtbot.mouseClick(tab.push_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    assert marketplace_stock(sandbox) == before
    assert sum(p.stock_updates for p in sandbox.shop.products.values()) == updates, "nothing to send"
    assert all(v != "" for v in shown(tab, COL_MP_STOCK))


def test_import_of_a_file_with_a_bad_line_writes_nothing_and_lists_the_line(qtbot, tab, ctx, wait_idle, tmp_path):
    from tokodesk.store import models as m
    from tokodesk.ui.inventory_tab import COL_SELLER_SKU

    skus = sorted({r[COL_SELLER_SKU] for r in tab.model.rows})
    bad = tmp_path / "counts.csv"
    bad.write_text(f"seller_sku,on_hand\n{skus[0]},7\n{skus[1]},-2\n{skus[2]},abc\n", encoding="utf-8")
    tab.import_file(str(bad))
    wait_idle(ctx)
    assert "nothing was imported" in tab.banner.text()
    assert f"{bad}:3:" in tab.banner._details and f"{bad}:4:" in tab.banner._details
    assert {s.on_hand for s in m.StockItem.select()} == {None}, "not half-written"

    good = tmp_path / "good.csv"
    good.write_text(f"{skus[0]};7\n{skus[1]};0\n", encoding="utf-8")
    tab.import_file(str(good))
    wait_idle(ctx)
    assert "2 counts imported" in tab.banner.text()
    counts = {s.seller_sku: s.on_hand for s in m.StockItem.select() if s.on_hand is not None}
    assert counts == {skus[0]: 7, skus[1]: 0}


def test_after_a_push_the_marketplace_stock_column_is_read_back(qtbot, tab, ctx, wait_idle, sandbox):
    from tokodesk.services import inventory
    from tokodesk.ui.inventory_tab import COL_MP_SKU, COL_MP_STOCK, COL_SELLER_SKU

    row = next(r for r in tab.model.rows if r[COL_MP_SKU])
    inventory.set_stock([(row[COL_SELLER_SKU], 50)])
    qtbot.mouseClick(tab.push_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    after = next(r for r in tab.model.rows if r[COL_SELLER_SKU] == row[COL_SELLER_SKU] and r[COL_MP_SKU])
    assert after[COL_MP_STOCK] is not None and after[COL_MP_STOCK] == after[7], "not stale until a reconciliation"


def test_channel_tab_never_shows_a_next_run_in_the_past_and_names_the_keyring(qtbot, ctx, sandbox_channel, wait_idle):
    import keyring.backends.SecretService

    from tokodesk import credentials
    from tokodesk.store import models as m
    from tokodesk.ui.channel_tab import ChannelTab

    assert credentials._label(keyring.backends.SecretService.Keyring()).startswith("Secret Service")
    # The daily reconciliation's slot (06:00 WIB) has passed and it never ran: it is due, not "at 06:00 yesterday".
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = sandbox_channel.id
    tab = ChannelTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.schedule_labels["recon"][2].text() != "", timeout=10000)
    assert tab.schedule_labels["recon"][2].text().startswith("due now")
    assert tab.values["keyring"].text() not in ("", "Keyring")


def test_a_sku_that_appears_later_is_offered_for_adoption_alone(qtbot, tab, ctx, wait_idle, sandbox,
                                                                 sandbox_channel):
    import dataclasses

    from tokodesk.services import catalog, orders
    from tokodesk.store import models as m

    qtbot.mouseClick(tab.adopt_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    counted = {s.seller_sku: s.on_hand for s in m.StockItem.select()}
    template = next(p for p in sandbox.shop.products.values() if not p.is_parent and p.parent_id is None and p.sku)
    new_id = max(sandbox.shop.products) + 1
    with sandbox.shop.lock:
        sandbox.shop.add_product(dataclasses.replace(template, product_id=new_id, sku="BARU-9", stock=8,
                                                     stock_updates=0, children=[]))
    catalog.pull_skus(m.Channel.get_by_id(sandbox_channel.id))
    orders.pull_orders(m.Channel.get_by_id(sandbox_channel.id))
    ctx.announce("stock")
    wait_idle(ctx)
    assert tab.adopt_button.isEnabled() and "(1 not counted)" in tab.adopt_button.text()
    qtbot.mouseClick(tab.adopt_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    assert tab.banner.text().startswith("1 SKUs counted from the marketplace"), "only the new one is adopted"
    after = {s.seller_sku: s.on_hand for s in m.StockItem.select()}
    assert after.pop("BARU-9") is not None and set(after) == set(counted)


def test_the_indonesian_window_groups_the_limit_s_digits_with_dots(qtbot, tab, ctx, wait_idle, tmp_path):
    """A count past the limit: the Indonesian window writes the limit 999.999.999, as Indonesian does (not
    999,999,999); the English window keeps 999,999,999."""
    from tokodesk.ui import i18n
    from tokodesk.ui.inventory_tab import COL_SELLER_SKU

    sku = sorted({r[COL_SELLER_SKU] for r in tab.model.rows})[0]
    counts = tmp_path / "counts.csv"
    counts.write_text(f"seller_sku,on_hand\n{sku},1000000000\n", encoding="utf-8")
    assert i18n.install("id")
    try:
        tab.import_file(str(counts))
        wait_idle(ctx)
        details = tab.banner._details
        assert "(paling banyak 999.999.999)" in details and "999,999,999" not in details, details
    finally:
        i18n.install("en")
    tab.import_file(str(counts))
    wait_idle(ctx)
    assert "(at most 999,999,999)" in tab.banner._details, tab.banner._details
