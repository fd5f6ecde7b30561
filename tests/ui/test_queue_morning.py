"""Issue 14 §7, the queue: what a seller looks for on the first morning.

Filters by courier, printed / not printed and SKU; an "All shops" view; non-errors not in red; a message that does not
move the queue; a scan that finds nothing clears the selection; the results dialog's Invoice column shows invoices.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tokodesk.ui import queries as q
from tokodesk.ui.orders_model import TO_DO


@pytest.fixture
def tab(open_orders_tab, sandbox_channel):
    widget = open_orders_tab(sandbox_channel)
    widget.resize(1300, 600)
    return widget


def _shown(tab):
    return [tab.model.row_at(i) for i in range(tab.model.rowCount())]


def _choose(combo, data):
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _to_do(tab):
    """The rows of the view the queue opens on: the work still to do."""
    return [r for r in tab.model.all_rows() if r[q.R_STATE] in TO_DO]


def test_the_queue_opens_on_the_work_still_to_do(tab):
    """Issue 18.1: not on "All" — what is shipped, cancelled or not yet paid needs nothing from the packer."""
    assert tab.chips["todo"].isChecked() and tab.model.chip() == "todo"
    states = {r[q.R_STATE] for r in _shown(tab)}
    assert states and states <= TO_DO
    assert {r[q.R_STATE] for r in tab.model.all_rows()} - TO_DO, "the shop has orders outside it, left out"
    assert tab.chips["todo"].text() == f"To do ({len(_to_do(tab))})"
    assert tab.model.rowCount() == len(_to_do(tab))
    tab.set_chip("all")
    assert tab.model.rowCount() == len(tab.model.all_rows())


def test_filter_by_courier(tab):
    rows = _to_do(tab)  # the courier filter narrows the chip's list
    couriers = sorted({r[q.R_COURIER] for r in rows if r[q.R_COURIER]})
    assert len(couriers) >= 2, "the sandbox shop ships with several couriers"
    courier = couriers[0]
    other = next(r[q.R_PK] for r in rows if r[q.R_COURIER] != courier)
    tab.select_pks([other])
    _choose(tab.courier_filter, courier)
    shown = _shown(tab)
    assert shown and all(r[q.R_COURIER] == courier for r in shown)
    assert len(shown) == sum(1 for r in rows if r[q.R_COURIER] == courier)
    assert tab.selected_order_ids() == [], "an order the filter hides is no longer selected"
    _choose(tab.courier_filter, "")
    assert tab.model.rowCount() == len(rows)


def test_filter_by_printed_or_not(tab, ctx, wait_idle):
    from tokodesk.store import models as m

    printed = [r[q.R_PK] for r in _to_do(tab) if r[q.R_STATE] == "acknowledged"][:1]
    assert printed
    m.Order.update(label_printed_at=m.utcnow()).where(m.Order.id.in_(printed)).execute()
    tab.reload()
    wait_idle(ctx)
    _choose(tab.printed_filter, "yes")
    assert [r[q.R_PK] for r in _shown(tab)] == printed
    _choose(tab.printed_filter, "no")
    assert printed[0] not in [r[q.R_PK] for r in _shown(tab)]
    assert tab.model.rowCount() == len(_to_do(tab)) - 1
    _choose(tab.printed_filter, "any")
    assert tab.model.rowCount() == len(_to_do(tab))


def test_search_matches_a_lines_sku_and_seller_sku(tab, ctx, wait_idle):
    """Items shows one code a line (the seller SKU); the search finds the marketplace's SKU too."""
    from tokodesk.store import models as m

    line = m.OrderLine.select().join(m.Order).where(m.Order.state.in_(sorted(TO_DO))).first()
    m.OrderLine.update(sku="MP-SKU-777", seller_sku="GUDANG-A-9").where(m.OrderLine.id == line.id).execute()
    tab.reload()
    wait_idle(ctx)
    for needle in ("mp-sku-777", "GUDANG-A-9"):
        tab.search.setText(needle)
        assert [r[q.R_PK] for r in _shown(tab)] == [line.order_id], needle


def test_a_search_that_finds_a_shipped_order_says_so_under_to_do(tab, ctx, wait_idle):
    """The queue opens on "To do": a search for an order already shipped must not read as "no such order"."""
    done = next(r for r in tab.model.all_rows() if r[q.R_STATE] not in TO_DO)
    tab.search.setText(done[q.R_ORDER_ID])
    assert _shown(tab) == [] and "1 more match the search under “All”" in tab.empty_label.text()
    tab.set_chip("all")
    assert [r[q.R_PK] for r in _shown(tab)] == [done[q.R_PK]] and "under “All”" not in tab.empty_label.text()


def test_all_shops_shows_every_shop_and_acts_per_shop(qtbot, tab, ctx, wait_idle, sandbox):
    from tokodesk import credentials
    from tokodesk.services import orders
    from tokodesk.store import models as m

    first = m.Channel.get_by_id(ctx.channel_id)
    copied = {k: v for k, v in first.__data__.items() if k not in ("id", "name", "created_at", "last_order_pull_to")}
    second = m.Channel.create(**copied, name="Toko Kedua")
    credentials.set_secret(second.name, "client_secret", sandbox.credentials["client_secret"])
    orders.pull_orders(second)
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    tab.reload()
    wait_idle(ctx)
    assert tab.scope.isVisible() or not tab.isVisible()
    one_shop = len(tab.model.all_rows())

    _choose(tab.scope, "all")
    wait_idle(ctx)
    rows = tab.model.all_rows()
    assert m.Order.select().where(m.Order.channel == second.id).count() > 0
    assert len(rows) == one_shop + m.Order.select().where(m.Order.channel == second.id).count()
    assert {r[q.R_CHANNEL] for r in rows} == {first.id, second.id}
    assert tab.health_line.text().count("Orders pulled") == 2, "each shop's freshness"

    new_first = next(r for r in rows if r[q.R_CHANNEL] == first.id and r[q.R_STATE] == "new" and not r[q.R_UNMAPPED])
    new_second = next(r for r in rows if r[q.R_CHANNEL] == second.id and r[q.R_STATE] == "new"
                      and not r[q.R_UNMAPPED] and r[q.R_ORDER_ID] != new_first[q.R_ORDER_ID])
    chosen = [new_first[q.R_PK], new_second[q.R_PK]]
    tab.select_pks(chosen)
    assert tab.buttons["ack"].isEnabled()
    assert not tab.buttons["cancel"].isEnabled() and "several shops" in tab.buttons["cancel"].toolTip()
    qtbot.mouseClick(tab.buttons["ack"], Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert {o.id for o in m.Order.select().where(m.Order.state == "acknowledged", m.Order.id.in_(chosen))} \
        == set(chosen)
    assert sorted(o.invoice for o in tab.last_outcomes) == sorted(r[q.R_INVOICE] for r in (new_first, new_second))
    assert {a.channel_id for a in m.Action.select().where(m.Action.order.in_(chosen))} == {first.id, second.id}


def test_already_packed_is_news_not_an_error_and_the_queue_does_not_move(qtbot, tab, ctx, wait_idle):
    from tokodesk.services.fulfilment import Fulfilment
    from tokodesk.store import models as m

    pk = next(r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] == "acknowledged" and not r[q.R_UNMAPPED])
    with Fulfilment(adapters=ctx.adapter_factory) as f:
        assert f.pack([m.Order.get_by_id(pk)])[0].ok
    tab.reload()
    wait_idle(ctx)
    top = tab.view.mapTo(tab, tab.view.rect().topLeft()).y()
    invoice = m.Order.get_by_id(pk).invoice
    qtbot.keyClicks(tab.scan, invoice)
    qtbot.keyClick(tab.scan, Qt.Key.Key_Return)
    wait_idle(ctx)
    assert "already packed" in tab.banner.text() and tab.banner.isVisible()
    assert tab.banner.level == "info", "not in the red error banner"
    assert tab.view.mapTo(tab, tab.view.rect().topLeft()).y() == top, "the message did not push the queue down"
    tab.banner.show_error("A long error " * 40)
    assert tab.view.mapTo(tab, tab.view.rect().topLeft()).y() == top
    tab.banner.clear()
    assert tab.view.mapTo(tab, tab.view.rect().topLeft()).y() == top


def test_a_scan_that_finds_nothing_clears_the_selection(qtbot, tab, ctx, wait_idle):
    pk = tab.model.all_rows()[0][q.R_PK]
    tab.select_pks([pk])
    qtbot.waitUntil(lambda: tab.detail.shown_pk == pk, timeout=5000)
    qtbot.keyClicks(tab.scan, "INV/NOPE/2")
    qtbot.keyClick(tab.scan, Qt.Key.Key_Return)
    wait_idle(ctx)
    assert tab.selected_order_ids() == [], "the previous order must not look like the one scanned"
    assert "Nothing is selected" in tab.banner.text() and tab.banner.level == "error"
    assert tab.detail.shown_pk is None and "Select an order" in tab.detail.toPlainText()
    assert not tab.buttons["pack"].isEnabled()


def test_the_results_dialogs_invoice_column_holds_invoices(qtbot):
    from tokodesk.services.fulfilment.common import ActionOutcome
    from tokodesk.ui.order_dialogs import ResultsDialog

    def headers(dialog):
        return [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]

    legacy = ResultsDialog("Ship", [ActionOutcome("1204627990", "INV/20261205/MPL/1", False, "packed", "refused")])
    qtbot.addWidget(legacy)
    assert headers(legacy)[:2] == ["Invoice", "Order ID"]
    assert [legacy.table.item(0, c).text() for c in range(2)] == ["INV/20261205/MPL/1", "1204627990"]

    tts = ResultsDialog("Ship", [ActionOutcome("576462891234567890", "", False, "packed", "refused")])
    qtbot.addWidget(tts)
    assert "Invoice" not in headers(tts), "an order without an invoice number does not show its ID as one"
    assert tts.table.item(0, 0).text() == "576462891234567890"


def test_the_results_dialog_shows_a_tokopedia_and_shop_order_id_once_and_its_reason_whole(qtbot):
    """Tokopedia & Shop keeps the order ID as the invoice: the results of a partly refused batch show it once (not an
    Invoice column repeating it), and a reason that wraps gets its lines' height."""
    from tokodesk.services.fulfilment.common import ActionOutcome
    from tokodesk.ui.order_dialogs import ResultsDialog

    reason = "refused: already packed (by kasir@toko); print its label or ship it, then hand it to the courier"
    dialog = ResultsDialog("Pack", [ActionOutcome("576000001202414678", "576000001202414678", False, "packed",
                                                  reason, refused=True),
                                    ActionOutcome("576000001202416195", "576000001202416195", True, "packed")])
    qtbot.addWidget(dialog)
    dialog.resize(520, 300)
    dialog.show()
    qtbot.waitExposed(dialog)
    headers = [dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())]
    assert headers == ["Order ID", "Result", "Reason"]
    assert dialog.table.item(0, 0).text() == "576000001202414678"
    needed = dialog.table.sizeHintForRow(0)
    assert needed > dialog.table.verticalHeader().defaultSectionSize()  # the reason wraps at this width
    assert dialog.table.rowHeight(0) >= needed


def test_a_one_line_result_keeps_the_usual_row_height(qtbot):
    from tokodesk.services.fulfilment.common import ActionOutcome
    from tokodesk.ui.order_dialogs import ResultsDialog

    dialog = ResultsDialog("Pack", [ActionOutcome("576000001202414678", "", False, "shipped", "short", refused=True)])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.table.rowHeight(0) >= dialog.table.verticalHeader().defaultSectionSize()
