"""A header click on a text column sorts by ranks the rows carry (issue 19 §5): the order a seller sees must stay
exactly the order of the text as rows change.

Each test clicks the real header (through the proxy) from another column's order and compares what is shown with a
plain stable sort of the rows shown before by the column's text (case-insensitive for the buyer, ties in the previous
order, descending as a reversed stable sort). Then rows change the way they do at a desk: another station renames a
buyer, a new order arrives, the second read merges orders whose values the first never saw while rows were read
again in between. A rank left stale by any of these puts a row in the wrong place, and the comparison fails.
"""

from __future__ import annotations

import random
import threading
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.orders_model import (
    COL_BUYER,
    COL_CODE,
    COL_CREATED,
    COL_DEADLINE,
    COL_INVOICE,
    COL_ITEMS,
    COL_TOTAL,
    SortRole,
)
from tokodesk.ui.orders_ranks import RANKED

START = datetime(2026, 11, 20, 1, 0)
STATES = ["new", "acknowledged", "packed", "shipped", "shipped", "completed", "cancelled", "awaiting_pickup"]
NAMES = ["Budi", "siti", "Andi", "ÉLODIE", "élodie", "Dewi", "joko", "Rina"]
N = 400
TEXT_COLUMNS = {COL_INVOICE: "invoice", COL_BUYER: "buyer", COL_ITEMS: "items", COL_CODE: "code",
                COL_CREATED: "created"}


def _orders(shop: m.Channel, first: int, count: int, rng: random.Random) -> None:
    m.Order.insert_many([{
        "channel": shop.id, "order_id": str(7_000_000 + i),
        # Ties on purpose: a few orders without an invoice or a code, creation times shared by two orders.
        "invoice": "" if i % 41 == 0 else f"INV/2026/MPL/{rng.randrange(10**6):07d}",
        "marketplace_status": "220", "state": STATES[i % len(STATES)],
        "buyer_name": f"{rng.choice(NAMES)} {rng.randrange(9)}", "courier": ("JNE Reguler", "J&T EZ")[i % 2],
        "total_amount": 10_000 + 500 * rng.randrange(37), "created_at": START + timedelta(minutes=3 * (i // 2)),
        "accept_deadline": START + timedelta(days=2), "ship_deadline": START + timedelta(days=3),
        "booking_code": None if i % 29 == 0 else f"TKP{rng.randrange(10**9):010d}",
        "awb": f"JP{rng.randrange(10**8):08d}" if i % 5 == 0 else None,
    } for i in range(first, first + count)]).execute()
    pks = [pk for (pk,) in m.Order.select(m.Order.id).where(m.Order.order_id.in_(
        [str(7_000_000 + i) for i in range(first, first + count)])).tuples()]
    lines = []
    for pk in pks:
        for j in range(rng.choice((1, 1, 2, 3))):
            sku = f"SKU-{rng.randrange(60):03d}"
            lines.append({"order": pk, "line_no": j, "sku": sku, "seller_sku": sku, "name": "Produk",
                          "quantity": rng.randrange(1, 4)})
    m.OrderLine.insert_many(lines).execute()


@pytest.fixture
def channel(database):
    shop = m.Channel.create(name="Toko Besar", marketplace="tokopedia", orders_on_invoice=True)
    _orders(shop, 0, N, random.Random(5))
    return shop


def _shown(tab) -> list[tuple]:
    return [tab.model.row_at(i) for i in range(tab.model.rowCount())]


def _text_key(row: tuple, column: int) -> object:
    """What the column shows, as the queue always sorted it (the buyer case-insensitively)."""
    if column == COL_BUYER:
        return row[q.R_BUYER].lower()
    if column == COL_CODE:
        return row[q.R_AWB] or row[q.R_BOOKING] or ""
    if column == COL_ITEMS:
        return row[q.R_ITEMS]
    if column == COL_INVOICE:
        return row[q.R_INVOICE]
    return row[q.R_CREATED]


def _assert_text_order(tab) -> None:
    """Every text column, both ways, clicked from another column's order, shows the rows in the order of its text."""
    for column, name in TEXT_COLUMNS.items():
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            for start in (COL_TOTAL, COL_INVOICE if column != COL_INVOICE else COL_BUYER):
                tab.proxy.sort(start, Qt.SortOrder.DescendingOrder)
                before = _shown(tab)
                want = sorted(before, key=lambda r, c=column: _text_key(r, c),
                              reverse=order == Qt.SortOrder.DescendingOrder)
                tab.proxy.sort(column, order)
                shown = _shown(tab)
                assert [r[q.R_PK] for r in shown] == [r[q.R_PK] for r in want], f"{name} {order} from {start}"
                # The sort role (what a view or a test reads per cell) agrees with the order shown.
                keys = [tab.model.data(tab.model.index(i, column), SortRole) for i in range(len(shown))]
                assert keys == sorted(keys, reverse=order == Qt.SortOrder.DescendingOrder)


def _refresh(tab, ctx, wait_idle, pks) -> None:
    tab.refresh_rows(pks)
    wait_idle(ctx)


def _new_order(shop: m.Channel, number: int, **fields) -> int:
    values = {"channel": shop.id, "order_id": str(number), "invoice": f"INV/2026/MPL/{number}",
              "marketplace_status": "220", "state": "new", "buyer_name": "Pembeli", "courier": "JNE Reguler",
              "total_amount": 15_000, "created_at": START + timedelta(days=30), "booking_code": f"TKP{number}"}
    values.update(fields)
    order = m.Order.create(**values)
    m.OrderLine.create(order=order, line_no=0, sku="ZZZ-1", seller_sku="ZZZ-1", name="Produk", quantity=1)
    return order.id


def test_every_text_column_sorts_in_the_order_of_its_text_as_rows_change(open_orders_tab, channel, ctx, wait_idle):
    tab = open_orders_tab(channel)
    tab.set_chip("all")
    assert tab.model.rowCount() == N
    assert tab.model.ranked_columns() == set(RANKED)  # every order read: the text columns sort by ranks
    _assert_text_order(tab)

    # A new order whose values all lie beyond every other's (the next invoice and creation time, a buyer and an SKU
    # after every other: "ż" comes after "é") and a buyer spelled in capitals now (the same key): the ranks follow.
    newest = _new_order(channel, 99_000_001, buyer_name="Żaneta", created_at=START + timedelta(days=60),
                        booking_code="ZZ-BOOKING")
    shouting = next(r for r in _shown(tab) if r[q.R_BUYER] != r[q.R_BUYER].upper())
    m.Order.update(buyer_name=shouting[q.R_BUYER].upper()).where(m.Order.id == shouting[q.R_PK]).execute()
    _refresh(tab, ctx, wait_idle, [newest, shouting[q.R_PK]])
    assert tab.model.rowCount() == N + 1
    assert tab.model.ranked_columns() == set(RANKED)
    _assert_text_order(tab)

    # A new order below every other, then values between two others: another station renames a buyer, a line
    # changes the items, an AWB arrives, a new order comes in the middle. No rank can be right for those columns
    # without moving others: they sort by their text, in the same order.
    lowest = _new_order(channel, 99_000_002, invoice="", buyer_name="   aaa", created_at=START - timedelta(days=1))
    renamed, relined, shipped = (r[q.R_PK] for r in _shown(tab)[10:13])
    m.Order.update(buyer_name="Cahya 4").where(m.Order.id == renamed).execute()
    m.OrderLine.update(seller_sku="SKU-030b").where(m.OrderLine.order == relined).execute()
    m.Order.update(awb="JP5000000").where(m.Order.id == shipped).execute()
    middle = _new_order(channel, 99_000_003, invoice="INV/2026/MPL/0500000", buyer_name="Dewi 4x",
                        created_at=START + timedelta(minutes=301))
    _refresh(tab, ctx, wait_idle, [lowest, renamed, relined, shipped, middle])
    assert tab.model.rowCount() == N + 3
    assert {r[q.R_BUYER] for r in _shown(tab) if r[q.R_PK] == renamed} == {"Cahya 4"}
    assert tab.model.ranked_columns() == set()
    _assert_text_order(tab)

    # Read again (a sync finished, F5): every column sorts by ranks again, made over every order.
    tab.reload()
    wait_idle(ctx)
    assert tab.model.ranked_columns() == set(RANKED)
    _assert_text_order(tab)


@pytest.fixture
def gate(monkeypatch):
    """Holds the read of the other orders (the queue's second read) until the test opens it."""
    opened = threading.Event()
    real = q.order_rows

    def order_rows(channel_id, order_pks=None, **part):  # noqa: ANN001, ANN202
        if part.get("other_states"):
            assert opened.wait(30), "the test never opened the gate"
        return real(channel_id, order_pks, **part)

    monkeypatch.setattr(q, "order_rows", order_rows)
    yield opened
    opened.set()


def test_the_second_read_ranks_every_order_with_rows_changed_between_the_reads(qtbot, ctx, channel, gate,
                                                                               wait_idle):
    from tokodesk.ui.orders_tab import OrdersTab

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    tab = OrdersTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded, timeout=15000)
    assert tab.model.loading()
    assert tab.model.ranked_columns() == set()  # the To-do orders alone: sorted by their text
    tab.proxy.sort(COL_BUYER, Qt.SortOrder.AscendingOrder)
    to_do = _shown(tab)
    # While the others are read: orders the first read never saw (other buyers, SKUs, invoices, codes, times; done,
    # so the second read brings them), a To-do order renamed and read again, one shipped (the second read brings it
    # back, newer), a new To-do order read at once whose values lie beyond every other's.
    _orders(channel, N, 60, random.Random(11))
    m.Order.update(state="completed").where(m.Order.order_id.in_([str(7_000_000 + i) for i in range(N, N + 60)]))\
        .execute()
    renamed, gone = to_do[3][q.R_PK], to_do[7][q.R_PK]
    m.Order.update(buyer_name="Hana 2").where(m.Order.id == renamed).execute()
    m.Order.update(state="shipped", buyer_name="Yanti 8", version=m.Order.version + 1).where(m.Order.id == gone)\
        .execute()
    fresh = _new_order(channel, 99_000_009, buyer_name="Żaneta 9", created_at=START + timedelta(days=90))
    tab.refresh_rows([renamed, fresh])
    qtbot.waitUntil(lambda: tab.model.row_of_pk_any(fresh) is not None, timeout=15000)
    gate.set()
    wait_idle(ctx)
    assert not tab.model.loading()
    tab.set_chip("all")
    rows = {r[q.R_PK]: r for r in _shown(tab)}
    assert len(rows) == N + 61
    assert rows[renamed][q.R_BUYER] == "Hana 2" and rows[gone][q.R_BUYER] == "Yanti 8"
    # Ranked over both reads; the buyer renamed meanwhile has no right rank without moving others: that column
    # sorts by its text. The new order beyond every other keeps the rest ranked.
    assert tab.model.ranked_columns() == set(RANKED) - {COL_BUYER}
    _assert_text_order(tab)
    # Buyer was shown while the others were read: the order of work kept beside it took them in.
    tab.proxy.sort(COL_BUYER, Qt.SortOrder.AscendingOrder)
    _click_deadline(tab, Qt.SortOrder.AscendingOrder)


def _click_deadline(tab, order: Qt.SortOrder) -> None:
    """A click on the Deadline header from the order shown: the rows in the order of work (the key never ties)."""
    before = _shown(tab)
    keys = [r[q.R_WORK] for r in before]
    assert len(set(keys)) == len(keys), "two orders share a place in the order of work"
    want = sorted(before, key=lambda r: r[q.R_WORK], reverse=order == Qt.SortOrder.DescendingOrder)
    tab.proxy.sort(COL_DEADLINE, order)
    assert [r[q.R_PK] for r in _shown(tab)] == [r[q.R_PK] for r in want], order


def test_a_click_on_deadline_shows_the_order_of_work_as_rows_change_under_another_column(open_orders_tab, channel,
                                                                                       ctx, wait_idle):
    """The queue keeps the order of work beside another column's order (a click on Deadline then takes it instead of
    sorting every row): packing, shipping, new orders and a marketplace moving deadlines must all move it."""
    tab = open_orders_tab(channel)
    tab.set_chip("all")
    tab.proxy.sort(COL_TOTAL, Qt.SortOrder.AscendingOrder)
    _click_deadline(tab, Qt.SortOrder.AscendingOrder)

    # A few orders change while Total is shown: one packed (to the next group of work), one shipped, one whose
    # deadline moved earlier than every other, a new order; then Buyer is clicked, then Deadline.
    tab.proxy.sort(COL_TOTAL, Qt.SortOrder.DescendingOrder)
    rows = _shown(tab)
    packed, shipped, hurried = (r[q.R_PK] for r in rows[5:8])
    m.Order.update(state="packed").where(m.Order.id == packed).execute()
    m.Order.update(state="shipped", awb="JP123").where(m.Order.id == shipped).execute()
    m.Order.update(state="acknowledged", tts_sla_time=START - timedelta(days=3)).where(m.Order.id == hurried).execute()
    newest = _new_order(channel, 99_000_011, accept_deadline=START + timedelta(hours=1))
    _refresh(tab, ctx, wait_idle, [packed, shipped, hurried, newest])
    tab.proxy.sort(COL_BUYER, Qt.SortOrder.AscendingOrder)
    _click_deadline(tab, Qt.SortOrder.DescendingOrder)
    assert _shown(tab)[-1][q.R_PK] == hurried  # the earliest deadline of all: last when descending

    # Many at once (a batch shipped from another station): more than are moved one by one.
    tab.proxy.sort(COL_INVOICE, Qt.SortOrder.AscendingOrder)
    batch = [r[q.R_PK] for r in _shown(tab)[100:220]]
    m.Order.update(state="awaiting_pickup", ship_deadline=START + timedelta(hours=5)).where(m.Order.id.in_(batch))\
        .execute()
    _refresh(tab, ctx, wait_idle, batch)
    tab.proxy.sort(COL_TOTAL, Qt.SortOrder.DescendingOrder)
    _click_deadline(tab, Qt.SortOrder.AscendingOrder)
    assert tab.model.rowCount() == N + 1


def test_a_click_on_deadline_after_a_read_under_another_columns_order(open_orders_tab, channel, ctx, wait_idle):
    """A queue read while another column's order is shown (every shop chosen with Buyer sorted): the order of work
    comes with the rows from the reads (the To-do orders', then the others'), and stays right as rows change."""
    other = m.Channel.create(name="Toko Kecil", marketplace="tokopedia", orders_on_invoice=True)
    _orders(other, N, 60, random.Random(9))
    tab = open_orders_tab(channel)
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    tab.proxy.sort(COL_BUYER, Qt.SortOrder.DescendingOrder)
    tab.scope.setCurrentIndex(tab.scope.findData("all"))
    wait_idle(ctx)
    tab.set_chip("all")
    assert tab.model.rowCount() == N + 60
    _click_deadline(tab, Qt.SortOrder.AscendingOrder)
    tab.proxy.sort(COL_ITEMS, Qt.SortOrder.AscendingOrder)
    moved = [r[q.R_PK] for r in _shown(tab)[::7]]
    m.Order.update(state="packed", tts_sla_time=START + timedelta(hours=2)).where(m.Order.id.in_(moved)).execute()
    _refresh(tab, ctx, wait_idle, moved)
    _click_deadline(tab, Qt.SortOrder.DescendingOrder)
