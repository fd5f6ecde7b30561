"""The queue with thousands of orders (issue 19 §5): what the faster sort, filter and select-all still guarantee.

The queue keeps every loaded row sorted and filters that list, reads the selection by ranges and keeps the last
answer while nothing changed. These tests click the real widgets over a few thousand orders and check what a packer
would notice: every column sorts every row, a filter after a sort keeps the sort, Ctrl+A selects exactly the orders
shown and an action then takes exactly those, a row another station changed is the fresh one in the selection, and
the detail pane stays on its order through a sort.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.orders_model import COL_BUYER, COL_DEADLINE, COL_TOTAL, OrdersModel, SortRole

N = 3000
START = datetime(2026, 11, 20, 1, 0)


@pytest.fixture
def channel(database):
    rng = random.Random(19)
    shop = m.Channel.create(name="Toko Besar", marketplace="tokopedia", orders_on_invoice=True)
    states = ["new"] * 3 + ["acknowledged"] * 2 + ["packed", "shipped", "shipped", "completed", "cancelled"]
    m.Order.insert_many([{
        "channel": shop.id, "order_id": str(7_000_000 + i), "invoice": f"INV/2026/MPL/{i:07d}",
        "marketplace_status": "220", "state": rng.choice(states),
        "buyer_name": rng.choice(["Budi", "siti", "Andi", "Dewi", "joko", "Rina"]) + f" {i % 97}",
        "courier": rng.choice(["JNE Reguler", "J&T EZ", "SiCepat REG"]),
        "total_amount": rng.randrange(10_000, 2_000_000, 500), "created_at": START + timedelta(minutes=3 * i),
        "accept_deadline": START + timedelta(minutes=3 * i, days=2), "ship_deadline": START + timedelta(days=3),
        "booking_code": f"TKP{i:010d}", "changed_outside": rng.random() < 0.02,
    } for i in range(N)]).execute()
    return shop


@pytest.fixture
def tab(open_orders_tab, channel):
    widget = open_orders_tab(channel)
    widget.resize(1300, 600)
    widget.set_chip("all")  # the queue opens on "To do"; these tests look at every order
    return widget


def _shown(tab) -> list[tuple]:
    return [tab.model.row_at(i) for i in range(tab.model.rowCount())]


def test_every_column_sorts_every_row_both_ways(tab):
    assert tab.model.rowCount() == N
    for column in range(len(OrdersModel.HEADERS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            tab.proxy.sort(column, order)
            rows = _shown(tab)
            assert len(rows) == N and len({r[q.R_PK] for r in rows}) == N
            keys = [tab.model.data(tab.model.index(i, column), SortRole) for i in range(N)]
            if column == COL_DEADLINE:  # the platform's order of work, as the default
                keys = [r[q.R_WORK] for r in rows]
            want = sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder)
            assert keys == want, f"column {column} {order}"


def test_a_filter_or_search_after_a_sort_keeps_the_sort(qtbot, tab):
    tab.proxy.sort(COL_TOTAL, Qt.SortOrder.DescendingOrder)
    everything = _shown(tab)
    tab.set_chip("new")
    assert _shown(tab) == [r for r in everything if r[q.R_STATE] == "new"]
    qtbot.keyClicks(tab.search, "budi")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)  # typed text applies at Enter or when the typing pauses
    shown = _shown(tab)
    assert shown and shown == [r for r in everything if r[q.R_STATE] == "new" and "budi" in r[q.R_BUYER].lower()]
    tab.search.clear()
    tab.set_chip("all")
    assert _shown(tab) == everything
    # Sorting while filtered sorts what is shown, and clearing the filter shows everything in that sort.
    tab.set_chip("to_pack")
    tab.proxy.sort(COL_BUYER, Qt.SortOrder.AscendingOrder)
    buyers = [r[q.R_BUYER].lower() for r in _shown(tab)]
    assert buyers == sorted(buyers) and {r[q.R_STATE] for r in _shown(tab)} == {"acknowledged"}
    tab.set_chip("all")
    buyers = [r[q.R_BUYER].lower() for r in _shown(tab)]
    assert len(buyers) == N and buyers == sorted(buyers)
    assert tab.model.counts()["new"] == sum(1 for r in everything if r[q.R_STATE] == "new")


def test_select_all_takes_exactly_the_orders_shown_through_sorts_and_filters(qtbot, tab, ctx, wait_idle):
    tab.set_chip("new")
    qtbot.keyClicks(tab.search, "siti")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)  # typed text applies at Enter or when the typing pauses
    shown = [r[q.R_PK] for r in _shown(tab)]
    assert 10 < len(shown) < N
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert tab.selected_order_ids() == shown
    assert tab.selection_label.text() == f"{len(shown)} selected"
    assert tab.buttons["ack"].isEnabled() and not tab.buttons["pack"].isEnabled()
    # A sort keeps exactly those orders selected, in their new places.
    tab.proxy.sort(COL_TOTAL, Qt.SortOrder.AscendingOrder)
    assert sorted(tab.selected_order_ids()) == sorted(shown)
    assert tab.selected_order_ids() == [r[q.R_PK] for r in _shown(tab)]
    # Showing every order again leaves the selection as it was: never orders the seller did not pick.
    tab.search.clear()
    tab.set_chip("all")
    assert sorted(tab.selected_order_ids()) == sorted(shown)
    assert tab.selection_label.text() == f"{len(shown)} selected"
    # Narrowing hides some: only the ones still shown stay selected.
    qtbot.keyClicks(tab.search, "siti 1")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)  # typed text applies at Enter or when the typing pauses
    still = {r[q.R_PK] for r in _shown(tab)} & set(shown)
    assert still and set(tab.selected_order_ids()) == still
    assert tab.selection_label.text() == f"{len(still)} selected"


def test_select_all_reads_a_row_another_station_changed_afresh(qtbot, tab, ctx, wait_idle):
    tab.view.selectAll()
    assert len(tab.selected_rows()) == N
    target = tab.selected_rows()[1234][q.R_PK]
    m.Order.update(buyer_name="Putri Baru", booking_code=None).where(m.Order.id == target).execute()
    tab.refresh_rows([target])
    wait_idle(ctx)
    rows = {r[q.R_PK]: r for r in tab.selected_rows()}
    assert len(rows) == N
    assert rows[target][q.R_BUYER] == "Putri Baru" and rows[target][q.R_BOOKING] is None
    # The buttons judged the fresh row too: it is a new order without a booking code now, grouped apart.
    tab.set_chip("new")
    tab.view.selectAll()
    assert target in tab.selected_order_ids()
    assert tab.buttons["ack"].isEnabled()


def test_the_detail_pane_stays_on_its_order_through_a_sort_at_size(qtbot, tab):
    target = _shown(tab)[2500][q.R_PK]
    tab.select_pks([target])
    qtbot.waitUntil(lambda: tab.detail.shown_pk == target, timeout=10000)
    for column in (COL_BUYER, COL_TOTAL, COL_DEADLINE):
        tab.proxy.sort(column, Qt.SortOrder.DescendingOrder)
        assert tab.selected_order_ids() == [target]
        current = tab.view.selectionModel().currentIndex()
        assert tab.model.row_at(current.row())[q.R_PK] == target
        assert tab.detail.shown_pk == target


def test_each_column_sorts_stably_as_a_sort_by_its_key_would(tab, ctx, wait_idle):
    """The faster sorts (a buyer key made once per row, the flag and code columns without a key call per row) give
    exactly the order a plain stable sort by the column's key gives: ties keep the previous sort's order."""
    pks = [r[q.R_PK] for r in _shown(tab)]
    for i, name in enumerate(("ÉLODIE Ñúñez", "élodie ñúñez", "Élodie Ñúñez", "ÇAĞLA Öztürk", "çağla öztürk")):
        m.Order.update(buyer_name=name).where(m.Order.id.in_(pks[i * 40:(i + 1) * 40])).execute()
    tab.reload()
    wait_idle(ctx)
    for column in range(len(OrdersModel.HEADERS)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            tab.proxy.sort(COL_TOTAL, Qt.SortOrder.AscendingOrder)
            before = _shown(tab)
            keys = {r[q.R_PK]: tab.model.data(tab.model.index(i, column), SortRole) for i, r in enumerate(before)}
            if column == COL_BUYER:  # the rule the Buyer column always had: the name lower-cased
                assert all(keys[r[q.R_PK]] == r[q.R_BUYER].lower() for r in before)
            if column == COL_DEADLINE:  # the platform's order of work
                keys = {r[q.R_PK]: r[q.R_WORK] for r in before}
            want = sorted(before, key=lambda r, keys=keys: keys[r[q.R_PK]],
                          reverse=order == Qt.SortOrder.DescendingOrder)
            tab.proxy.sort(column, order)
            assert [r[q.R_PK] for r in _shown(tab)] == [r[q.R_PK] for r in want], f"column {column} {order}"
    tab.proxy.sort(COL_BUYER, Qt.SortOrder.AscendingOrder)
    shown = [r[q.R_BUYER] for r in _shown(tab)]
    # Case-insensitive: the three spellings of one name sit together, in the order the previous sort left them.
    first = shown.index("ÉLODIE Ñúñez")
    assert {n.lower() for n in shown[first:first + 120]} == {"élodie ñúñez"}
