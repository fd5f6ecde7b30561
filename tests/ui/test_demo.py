"""`tokodesk --demo`: an in-process sandbox shop and a channel on it, secrets only in process memory."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def demo(qtbot, ctx, memory_keyring):
    """The demo shop started (sandbox up, channel made); stopped and the test keyring put back afterwards."""
    import keyring

    from tokodesk.ui.demo import DemoShop

    shop = DemoShop(ctx, "tokopedia")
    ready = []
    shop.ready.connect(lambda: ready.append(True))
    try:
        shop.start()
        qtbot.waitUntil(lambda: bool(ready), timeout=15000)
        yield shop
    finally:
        shop.stop()
        keyring.set_keyring(memory_keyring)


def test_demo_shop_starts_with_a_channel_on_the_sandbox(demo, ctx):
    import keyring

    from tokodesk.services import orders
    from tokodesk.store import models as m
    from tokodesk.ui.demo import DemoKeyring

    assert isinstance(keyring.get_keyring(), DemoKeyring), "demo secrets never reach the real keyring"
    channel = m.Channel.get_by_id(ctx.demo_info["channel_id"])
    assert channel.api_base == ctx.demo_info["url"] and channel.api_base.startswith("http://127.0.0.1:")
    summary = orders.pull_orders(channel)
    assert summary.created > 0, "the demo shop has orders to try the buttons on"


def test_demo_first_sync_fills_the_queue_and_counts_the_shelves(demo, qtbot, ctx, wait_idle):
    """A newcomer's first look: orders in the queue and stock on the shelves, so Push stock pushes real numbers."""
    from tokodesk.store import models as m
    from tokodesk.ui.inventory_tab import COL_ON_HAND
    from tokodesk.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    demo.first_sync(window)
    wait_idle(ctx, timeout=30000)
    mapped = {s for (s,) in m.SkuMapping.select(m.SkuMapping.seller_sku).where(
        m.SkuMapping.seller_sku.is_null(False)).tuples() if s}
    assert mapped and m.Order.select().count() > 0
    on_hand = dict(m.StockItem.select(m.StockItem.seller_sku, m.StockItem.on_hand).tuples())
    assert all(on_hand.get(sku) is not None for sku in mapped), "every mapped SKU has stock counted"
    # Counted the way a seller would: the shop's own stock adopted (the wizard's default), not numbers made up.
    adopted = m.SkuMapping.select().where(m.SkuMapping.seller_sku.is_null(False))
    assert all(mp.last_push_status in ("adopted", "accepted") for mp in adopted)
    assert sum(on_hand[sku] for sku in mapped) >= sum(mp.marketplace_stock or 0 for mp in adopted)
    qtbot.waitUntil(lambda: window.inventory_tab.model.rowCount() >= len(mapped), timeout=10000)
    shown = [window.inventory_tab.model.rows[i][COL_ON_HAND] for i in range(window.inventory_tab.model.rowCount())]
    assert any(q > 0 for q in shown)
    window.close()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [([], "tiktokshop"), (["--dialect", "tokopedia"], "tokopedia"), (["--dialect", "tiktokshop"], "tiktokshop")],
    ids=["default", "legacy-asked-for", "tiktokshop-asked-for"],
)
def test_demo_opens_on_the_dialect_asked_for_without_asking(qtbot, ctx, memory_keyring, monkeypatch, capsys, argv,
                                                             expected):
    """`./scripts/demo` opens on Tokopedia & Shop (the live API) unless --dialect says otherwise, with no question
    in between: the question's default was the legacy API that no longer answers."""
    import keyring
    from PySide6.QtWidgets import QApplication, QMessageBox

    from tokodesk import cli
    from tokodesk.store import models as m
    from tokodesk.ui import app as ui_app

    asked: dict = {}

    def run_gui(_argv, *, demo, dialect):  # what the command line hands to the window
        asked.update(demo=demo, dialect=dialect)
        return 0

    monkeypatch.setattr(ui_app, "run_gui", run_gui)
    assert cli.main(["--demo", *argv]) == 0
    assert asked["demo"] is True
    starter = ui_app.Starter(ctx, demo=True, dialect=asked["dialect"])
    shown = []
    monkeypatch.setattr(starter, "_show_window", lambda: shown.append(True))  # the window itself: test_window.py
    try:
        starter._database_open(None)
        qtbot.waitUntil(lambda: bool(shown), timeout=15000)
        questions = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert questions == []
        assert m.Channel.get_by_id(ctx.demo_info["channel_id"]).marketplace == expected
        said = capsys.readouterr().err
        assert "tokodesk: starting the demo shop (" + ui_app.DEMO_DIALECT_NAMES[expected] in said
    finally:
        if starter.demo is not None:
            starter.demo.stop()
        starter.splash.close()
        keyring.set_keyring(memory_keyring)


def test_the_demo_shop_shows_payouts(qtbot, ctx, memory_keyring, wait_idle):
    """The demo opens on Tokopedia & Shop, which has finance reads: the Payouts tab is there and its first sync
    shows a statement with settled orders (the demo's shop settles half a day after delivery, not three days)."""
    import keyring

    from tokodesk.ui.demo import DemoShop
    from tokodesk.ui.main_window import MainWindow

    shop = DemoShop(ctx)
    ready = []
    shop.ready.connect(lambda: ready.append(True))
    try:
        shop.start()
        qtbot.waitUntil(lambda: bool(ready), timeout=15000)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        shop.first_sync(window)
        wait_idle(ctx, timeout=30000)
        assert "Payouts" in window.tab_titles()
        tab = window.payouts_tab
        window.tabs.setCurrentWidget(tab)
        qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
        wait_idle(ctx, timeout=30000)
        qtbot.waitUntil(lambda: tab.data is not None and bool(tab.data.book.statements), timeout=15000)
        assert tab.statements.rowCount() >= 1 and any(p.status == "settled" for p in tab.data.book.orders)
        window.close()
    finally:
        shop.stop()
        keyring.set_keyring(memory_keyring)


def test_the_tokopedia_and_shop_demo_prints_the_marketplace_s_shipping_document(qtbot, ctx, memory_keyring,
                                                                                wait_idle):
    """The demo is what a new Tokopedia & Shop channel is: its label is the marketplace's shipping document, with
    the recipient the courier can call, not TokoDesk's own label carrying the masked name and phone."""
    import keyring

    from tokodesk.store import models as m
    from tokodesk.ui import queries as q
    from tokodesk.ui.demo import DemoShop
    from tokodesk.ui.main_window import MainWindow

    shop = DemoShop(ctx)
    ready = []
    shop.ready.connect(lambda: ready.append(True))
    try:
        shop.start()
        qtbot.waitUntil(lambda: bool(ready), timeout=15000)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        shop.first_sync(window)
        wait_idle(ctx, timeout=30000)
        tab = window.orders_tab
        tab.set_chip("all")
        qtbot.waitUntil(lambda: any(r[q.R_STATE] == "awaiting_pickup" for r in tab.model.all_rows()), timeout=15000)
        row = next(r for r in tab.model.all_rows() if r[q.R_STATE] == "awaiting_pickup")
        order = m.Order.get_by_id(row[q.R_PK])
        assert "*" in order.recipient_name, "the marketplace masks the recipient (platform logistics)"
        tab.select_pks([order.id])
        assert tab.buttons["label"].isEnabled(), tab.buttons["label"].toolTip()
        tab.print_documents("label")
        dialog = tab.print_dialog
        qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=15000)
        assert "check" not in dialog.info.text(), dialog.info.text()  # no masked-recipient warning
        text = "".join(d.getAllText(p).text() for d in dialog.documents for p in range(d.pageCount()))
        assert "Tokopedia & Shop" in text and "*" not in text, text  # the marketplace's document, names in full
        channel = m.Channel.get_by_id(ctx.demo_info["channel_id"])
        assert channel.marketplace == "tiktokshop" and channel.use_marketplace_label  # as the wizard's new channel
        window.close()
    finally:
        shop.stop()
        keyring.set_keyring(memory_keyring)
