"""F5 on a queue already shown: every order read again, and only what changed goes in (issue 19, the queue's memory).

A whole read again used to make every row anew while the queue still held the old ones: at 100,000 orders the window
went from 278 to 391 MB, and the seller lost the selection. Now the read compares each row with the one held and
keeps only the differences. What a seller at the desk would notice is asserted: what changed behind the queue's back
shows (a state, the items of a line, a problem with its words, a new order, a deleted one gone), the selection and
the current order stay, and the rows that did not change are the very rows held (no second copy of the queue).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, Said, stored_words
from tokodesk.store import models as m
from tokodesk.ui import i18n
from tokodesk.ui import queries as q
from tokodesk.ui.orders_model import COL_TOTAL
from tokodesk.ui.orders_ranks import RANKED

START = datetime(2026, 11, 20, 1, 0)
STATES = ["new", "acknowledged", "packed", "awaiting_pickup", "shipped", "completed", "cancelled"]
N = 300


@pytest.fixture
def channel(database):
    shop = m.Channel.create(name="Toko Besar", marketplace="tokopedia", orders_on_invoice=True)
    m.Order.insert_many([{
        "channel": shop.id, "order_id": str(8_000_000 + i), "invoice": f"INV/2026/MPL/{i:07d}",
        "marketplace_status": "220", "state": STATES[i % len(STATES)], "buyer_name": f"Pembeli {i % 17}",
        "courier": ("JNE Reguler", "J&T EZ")[i % 2], "total_amount": 10_000 + 500 * (i % 41),
        "created_at": START + timedelta(minutes=3 * i), "accept_deadline": START + timedelta(days=2),
        "ship_deadline": START + timedelta(days=3), "booking_code": f"TKP{i:010d}",
    } for i in range(N)]).execute()
    m.OrderLine.insert_many([{"order": o.id, "line_no": 0, "sku": f"SKU-{o.id % 23:03d}",
                              "seller_sku": f"SKU-{o.id % 23:03d}", "name": "Produk", "quantity": 1}
                             for o in m.Order.select(m.Order.id)]).execute()
    return shop


def _press_f5(qtbot, tab, ctx, wait_idle) -> None:
    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)


def test_f5_brings_what_changed_keeps_the_sellers_place_and_holds_no_second_copy(qtbot, open_orders_tab, channel,
                                                                                ctx, wait_idle):
    tab = open_orders_tab(channel)
    tab.set_chip("all")
    tab.proxy.sort(COL_TOTAL, Qt.SortOrder.DescendingOrder)
    shown = [tab.model.row_at(i) for i in range(tab.model.rowCount())]
    held = {r[q.R_PK]: r for r in shown}
    picked = [r[q.R_PK] for r in shown[10:14]]
    tab.select_pks(picked)
    current = tab.view.selectionModel().currentIndex()
    current_pk = tab.model.row_at(current.row())[q.R_PK]
    assert current_pk in picked

    # Behind the queue's back (another program on the database, a sync whose refresh never reached this window):
    shipped, relined, deleted, troubled = picked[0], shown[40][q.R_PK], picked[1], shown[60][q.R_PK]
    m.Order.update(state="shipped", awb="JP9000000001", version=m.Order.version + 1).where(m.Order.id == shipped)\
        .execute()
    m.OrderLine.update(seller_sku="SKU-NEW-9").where(m.OrderLine.order == relined).execute()  # the order untouched
    m.OrderLine.delete().where(m.OrderLine.order == deleted).execute()
    m.Order.delete().where(m.Order.id == deleted).execute()
    problem = "The marketplace refused the pick-up: the courier is closed today"
    m.Order.update(problem=problem).where(m.Order.id == troubled).execute()
    newest = m.Order.create(channel=channel.id, order_id="8999999", invoice="INV/2026/MPL/8999999",
                            marketplace_status="220", state="new", buyer_name="Pembeli Baru", courier="JNE Reguler",
                            total_amount=99_000_000, created_at=START + timedelta(days=9)).id

    _press_f5(qtbot, tab, ctx, wait_idle)

    rows = {r[q.R_PK]: r for r in tab.model.all_rows()}
    assert len(rows) == N  # one gone, one new
    assert deleted not in rows and newest in rows
    assert (rows[shipped][q.R_STATE], rows[shipped][q.R_AWB]) == ("shipped", "JP9000000001")
    assert "sku-new-9" in rows[relined][q.R_SEARCH]
    assert rows[troubled][q.R_FLAGGED] and tab.model.problem_text(rows[troubled]).endswith(problem)
    # The seller's place: the selection less the deleted order, the same current order; the new order on top of
    # the Total column (the highest total) without disturbing them.
    assert set(tab.selected_order_ids()) == set(picked) - {deleted}
    assert tab.model.row_at(tab.view.selectionModel().currentIndex().row())[q.R_PK] == current_pk
    assert tab.model.row_at(0)[q.R_PK] == newest
    # Every other row as it was; the text columns (whose ranks the new buyer's name took) sort by ranks again.
    unchanged = set(held) - {shipped, relined, deleted, troubled}
    assert all(rows[pk][:q.R_RANKS] == held[pk][:q.R_RANKS] for pk in unchanged)
    assert tab.model.ranked_columns() == set(RANKED)


def test_f5_brings_a_problems_words_stored_since_so_the_window_says_it_in_its_language(qtbot, open_orders_tab,
                                                                                      channel, ctx, wait_idle):
    tab = open_orders_tab(channel)
    tab.set_chip("all")
    pk = tab.model.row_at(3)[q.R_PK]
    words = Said(QT_TRANSLATE_NOOP("Marketplace", "The marketplace's answer to '{what}' is nested more than {depth} "
                                                  "levels deep, which no real answer is; TokoDesk did not read it. "
                                                  "Try again later."), what="get_orders", depth=64)
    m.Order.update(problem=str(words)).where(m.Order.id == pk).execute()  # the English alone, as older rows are
    _press_f5(qtbot, tab, ctx, wait_idle)
    assert not isinstance(tab.model.row_of_pk_any(pk)[q.R_PROBLEM], Said)
    # The same English, now with its words beside it: the text is equal, the row must still come in.
    m.Order.update(problem_words=stored_words(words)).where(m.Order.id == pk).execute()
    _press_f5(qtbot, tab, ctx, wait_idle)
    assert isinstance(tab.model.row_of_pk_any(pk)[q.R_PROBLEM], Said)
    i18n.install("id")
    try:
        said = tab.model.problem_text(tab.model.row_of_pk_any(pk))
        assert said.startswith("Jawaban marketplace untuk 'get_orders' bersarang lebih dari 64 tingkat")
    finally:
        i18n.install("en")


def test_f5_with_nothing_changed_holds_no_second_copy_and_keeps_the_selection(qtbot, open_orders_tab, channel, ctx,
                                                                              wait_idle):
    tab = open_orders_tab(channel)
    tab.set_chip("all")
    before = list(tab.model.all_rows())
    tab.view.selectionModel().select(tab.proxy.index(5, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                     | QItemSelectionModel.SelectionFlag.Rows)
    picked = tab.selected_order_ids()
    _press_f5(qtbot, tab, ctx, wait_idle)
    # The very rows held before, not a copy of each (the read let each fresh row go as soon as it matched).
    assert all(a is b for a, b in zip(tab.model.all_rows(), before, strict=True))
    assert tab.selected_order_ids() == picked
