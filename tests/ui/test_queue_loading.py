"""The queue opens on its To-do orders and reads the others behind them (issue 19 §5).

The read of the other orders is held at a gate here, so each test sees the window exactly as a seller does in the
second or two it takes at 100,000 orders: the To-do orders shown with every chip's count, a chip with other orders
saying it is loading (never showing a part an action could take for the whole), Select all taking only what is
shown. Then the gate opens and the merge must leave the seller's selection and view alone.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.orders_model import COL_TOTAL, TO_DO

START = datetime(2026, 11, 20, 1, 0)
STATES = ["new", "acknowledged", "packed", "awaiting_pickup", "shipped", "shipped", "completed", "cancelled"]


@pytest.fixture
def channel(database):
    shop = m.Channel.create(name="Toko Besar", marketplace="tokopedia", orders_on_invoice=True)
    m.Order.insert_many([{
        "channel": shop.id, "order_id": str(7_000_000 + i), "invoice": f"INV/2026/MPL/{i:07d}",
        "marketplace_status": "220", "state": STATES[i % len(STATES)], "buyer_name": f"Pembeli {i % 13}",
        "courier": ("JNE Reguler", "J&T EZ")[i % 2], "total_amount": 10_000 + 500 * (i % 37),
        "created_at": START + timedelta(minutes=3 * i), "accept_deadline": START + timedelta(minutes=3 * i, days=2),
        "ship_deadline": START + timedelta(days=3), "booking_code": f"TKP{i:010d}", "changed_outside": i % 50 == 7,
    } for i in range(400)]).execute()
    return shop


@pytest.fixture
def gate(monkeypatch):
    """Holds the read of the other orders (the second read of a queue) until the test opens it."""
    opened = threading.Event()
    real = q.order_rows

    def order_rows(channel_id, order_pks=None, **part):  # noqa: ANN001, ANN202
        if part.get("other_states"):
            assert opened.wait(30), "the test never opened the gate"
        return real(channel_id, order_pks, **part)

    monkeypatch.setattr(q, "order_rows", order_rows)
    yield opened
    opened.set()  # never leave the lane thread waiting


@pytest.fixture
def tab(qtbot, ctx, channel, gate):
    from tokodesk.ui.orders_tab import OrdersTab

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    widget = OrdersTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget.loaded, timeout=15000)
    return widget


def _pks(*states: str) -> set[int]:
    return {pk for (pk,) in m.Order.select(m.Order.id).where(m.Order.state.in_(states)).tuples()}


def _shown(tab) -> list[int]:
    return [tab.model.row_at(i)[q.R_PK] for i in range(tab.model.rowCount())]


def _finish(qtbot, tab, ctx, gate, wait_idle):
    gate.set()
    wait_idle(ctx)
    assert not tab.model.loading()


def test_the_queue_opens_on_its_to_do_orders_with_every_chips_count_while_the_rest_loads(qtbot, tab, ctx, gate,
                                                                                        wait_idle):
    to_do = _pks(*TO_DO)
    assert tab.model.loading()
    assert tab.chips["todo"].isChecked()
    assert sorted(_shown(tab)) == sorted(to_do)
    assert tab.chips["todo"].text() == f"To do ({len(to_do)})"
    # The chips of orders not read yet count what the database holds, not what is loaded.
    assert tab.chips["all"].text() == "All (400)"
    assert tab.chips["shipped"].text() == f"Shipped ({len(_pks('shipped', 'completed'))})"
    assert tab.chips["problems"].text() == "Problems (8)"
    assert tab.empty_label.text() == f"{len(to_do)} of 400 orders shown — the other orders are still loading"
    _finish(qtbot, tab, ctx, gate, wait_idle)
    assert sorted(_shown(tab)) == sorted(to_do)
    assert tab.chips["all"].text() == "All (400)" and tab.chips["problems"].text() == "Problems (8)"
    assert tab.empty_label.text() == f"{len(to_do)} of 400 orders shown"


def test_all_clicked_while_loading_shows_loading_then_every_order(qtbot, tab, ctx, gate, wait_idle):
    qtbot.mouseClick(tab.chips["all"], Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 0  # no part of "All" to act on
    assert "Loading these orders" in tab.empty_label.text()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert tab.selected_order_ids() == [] and not tab.buttons["ack"].isEnabled()
    # A search under a chip still loading shows nothing either.
    qtbot.keyClicks(tab.search, "pembeli 3")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.model.rowCount() == 0
    tab.search.clear()
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)  # applied now, not after the typing pause
    _finish(qtbot, tab, ctx, gate, wait_idle)
    assert sorted(_shown(tab)) == sorted(_pks(*{s for s in STATES}))
    assert len(_shown(tab)) == 400
    assert tab.empty_label.text() == "400 of 400 orders shown"
    assert tab.selected_order_ids() == []


def test_select_all_while_loading_takes_only_the_orders_shown_and_the_merge_keeps_it(qtbot, tab, ctx, gate,
                                                                                   wait_idle):
    tab.proxy.sort(COL_TOTAL, Qt.SortOrder.DescendingOrder)
    shown = _shown(tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert tab.selected_order_ids() == shown
    assert set(shown) == _pks(*TO_DO)
    tab.view.verticalScrollBar().setValue(tab.view.verticalScrollBar().maximum() // 2)
    scroll = tab.view.verticalScrollBar().value()
    _finish(qtbot, tab, ctx, gate, wait_idle)
    # The other orders came in behind the seller's back: the view, its sort, selection and scroll are as they were.
    assert _shown(tab) == shown
    assert tab.selected_order_ids() == shown
    assert tab.view.verticalScrollBar().value() == scroll
    assert tab.selection_label.text() == f"{len(shown)} selected"
    # Under "All" the selection is still only those orders, and every order is there in the seller's sort.
    tab.set_chip("all")
    totals = [tab.model.row_at(i)[q.R_TOTAL] for i in range(tab.model.rowCount())]
    assert len(totals) == 400 and totals == sorted(totals, reverse=True)
    assert sorted(tab.selected_order_ids()) == sorted(shown)


def test_a_search_while_loading_says_more_may_match_then_counts_them(qtbot, tab, ctx, gate, wait_idle):
    qtbot.keyClicks(tab.search, "pembeli 4")
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.model.rowCount() > 0
    assert tab.empty_label.text().endswith("the other orders are still loading; more may match the search under “All”")
    _finish(qtbot, tab, ctx, gate, wait_idle)
    matching = [pk for pk, name, state in m.Order.select(m.Order.id, m.Order.buyer_name, m.Order.state).tuples()
                if name.lower().startswith("pembeli 4") and state not in TO_DO]
    assert tab.empty_label.text().endswith(f"— {len(matching)} more match the search under “All”")


def test_an_order_changed_between_the_two_reads_shows_its_newer_state_once(qtbot, tab, ctx, gate, wait_idle):
    target = next(pk for pk in _shown(tab) if m.Order.get_by_id(pk).state == "new")
    # Another station ships it after the To-do read, before the read of the others (which now finds it).
    m.Order.update(state="shipped", version=m.Order.version + 1, local_updated_at=m.utcnow()) \
        .where(m.Order.id == target).execute()
    _finish(qtbot, tab, ctx, gate, wait_idle)
    assert target not in _shown(tab)
    tab.set_chip("all")
    rows = [tab.model.row_at(i) for i in range(tab.model.rowCount())]
    assert [r[q.R_STATE] for r in rows if r[q.R_PK] == target] == ["shipped"]
    assert len(rows) == len({r[q.R_PK] for r in rows}) == 400


def test_another_tab_asking_for_an_order_while_loading_gets_it_once_loaded(qtbot, tab, ctx, gate, wait_idle):
    shipped = min(_pks("shipped"))
    tab.show_order(shipped)
    assert tab.model.rowCount() == 0  # "All", loading: nothing to act on yet, and no second read started
    _finish(qtbot, tab, ctx, gate, wait_idle)
    assert tab.selected_order_ids() == [shipped]


def test_the_loading_words_in_indonesian(qtbot, tab, ctx, gate, wait_idle):
    from tokodesk.ui import i18n

    try:
        i18n.install("id")
        qtbot.waitUntil(lambda: tab.chips["all"].text().startswith("Semua"), timeout=5000)
        assert tab.empty_label.text().endswith("— pesanan lainnya masih dimuat")
        tab.set_chip("all")
        assert tab.empty_label.text().startswith("Memuat pesanan ini…")
        assert "Diproses" in tab.empty_label.text()
    finally:
        i18n.install("en")
    _finish(qtbot, tab, ctx, gate, wait_idle)


def test_the_live_refresh_works_while_the_other_orders_load(qtbot, tab, ctx, gate, wait_idle):
    """Another station's changes reach the queue while the other orders are still being read, and the merge keeps
    them: a To-do order renamed, a shipped order (not read yet) changed, each shown once, in its newest state."""
    renamed = _shown(tab)[3]
    shipped = min(_pks("shipped"))
    for pk, name in ((renamed, "Putri Baru"), (shipped, "Putri Lama")):
        m.Order.update(buyer_name=name, version=m.Order.version + 1, local_updated_at=m.utcnow()) \
            .where(m.Order.id == pk).execute()
    tab.poll_changes()
    qtbot.waitUntil(lambda: tab.model.row_of_pk_any(renamed)[q.R_BUYER] == "Putri Baru", timeout=10000)
    assert tab.model.loading()
    assert tab.model.row_of_pk_any(shipped)[q.R_BUYER] == "Putri Lama"
    assert shipped not in _shown(tab)  # not To do
    _finish(qtbot, tab, ctx, gate, wait_idle)
    tab.set_chip("all")
    rows = [tab.model.row_at(i) for i in range(tab.model.rowCount())]
    assert len(rows) == len({r[q.R_PK] for r in rows}) == 400
    buyers = {r[q.R_PK]: r[q.R_BUYER] for r in rows}
    assert buyers[renamed] == "Putri Baru" and buyers[shipped] == "Putri Lama"


def test_a_failed_read_of_the_other_orders_says_so_and_f5_reads_them(qtbot, ctx, channel, monkeypatch, wait_idle):
    """The other orders' read fails (the database went away a moment): the chips still loading never pretend to be
    loading forever; they say the orders could not be read, and F5 reads them."""
    from tokodesk.ui.orders_tab import OrdersTab

    real = q.order_rows
    failures = []

    def order_rows(channel_id, order_pks=None, **part):  # noqa: ANN001, ANN202
        if part.get("other_states") and not failures:
            failures.append(1)
            raise RuntimeError("the database connection was lost")
        return real(channel_id, order_pks, **part)

    monkeypatch.setattr(q, "order_rows", order_rows)
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    tab = OrdersTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    wait_idle(ctx)
    assert tab.model.loading() and tab.rest_failed
    tab.set_chip("all")
    assert tab.model.rowCount() == 0
    assert tab.empty_label.text().startswith("These orders could not be read")
    qtbot.keyClick(tab, Qt.Key.Key_F5)
    wait_idle(ctx)
    assert not tab.model.loading() and tab.model.rowCount() == 400
