"""The queue stays true without a user action: other stations' changes, actions' results, printing results.

"Another station" is a second database connection writing the same SQLite file (or the fulfilment service called
from the test's own thread, which peewee gives its own connection), exactly what a second PC's TokoDesk does.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from tokodesk.ui import queries as q


@pytest.fixture
def tab(qtbot, ctx, sandbox_channel, wait_idle):
    from tokodesk.store import models as m
    from tokodesk.ui.orders_tab import OrdersTab

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = sandbox_channel.id
    widget = OrdersTab(ctx)
    widget.live_timer.setInterval(100)  # the app looks every few seconds; the test need not wait that long
    qtbot.addWidget(widget)
    widget.resize(1200, 400)
    widget.show()
    wait_idle(ctx)
    assert widget.loaded
    return widget


def _row(tab, pk):
    return next(r for r in tab.model.all_rows() if r[q.R_PK] == pk)


def _new_pks(tab, n):
    pks = [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] == "new" and not r[q.R_UNMAPPED]][:n]
    assert len(pks) == n
    return pks


def _second_station(database_path):
    """A raw connection to the same file, like a second PC's TokoDesk (its clock 40 s slow)."""
    connection = sqlite3.connect(database_path, timeout=10)
    connection.isolation_level = None

    def write(pk: int, **changes: object) -> None:
        slow_clock = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(seconds=40)
        sets = ", ".join(f"{k} = ?" for k in changes)
        connection.execute(
            f'UPDATE "order" SET {sets}, version = version + 1, local_updated_at = ? WHERE id = ?',
            [*changes.values(), str(slow_clock), pk],
        )

    return connection, write


def test_another_stations_change_shows_up_keeping_selection_and_scroll(qtbot, tab, ctx, wait_idle):
    from tokodesk.store import models as m

    rows = [tab.model.row_at(i) for i in range(tab.model.rowCount())]  # as the view shows them
    assert len(rows) > 20
    keep = rows[len(rows) - 2][q.R_PK]  # near the bottom: the view has scrolled to it
    tab.select_pks([keep])
    wait_idle(ctx)
    bar = tab.view.verticalScrollBar()
    assert bar.maximum() > 0, "the table must be taller than the view for this test"
    scrolled_to = bar.value()
    assert scrolled_to > 0
    target = rows[-1][q.R_PK] if rows[-1][q.R_PK] != keep else rows[0][q.R_PK]
    assert _row(tab, target)[q.R_BUYER] != "Station Two Buyer"
    connection, write = _second_station(m.db.obj.database)
    try:
        write(target, buyer_name="Station Two Buyer", problem="Checked by station 2")
    finally:
        connection.close()

    qtbot.waitUntil(lambda: _row(tab, target)[q.R_BUYER] == "Station Two Buyer", timeout=10000)
    shown = tab.model.row_of_pk(target)
    assert tab.model.data(tab.model.index(shown, 3)) == "Station Two Buyer", "the painted cell says it"
    assert tab.model.data(tab.model.index(shown, 0)) == "⚑"
    assert tab.selected_pks() == [keep], "the packer's selection is untouched"
    assert bar.value() == scrolled_to, "and so is the scroll position"


def test_another_stations_acknowledge_moves_the_order_and_the_chip_counts(qtbot, tab, ctx, wait_idle):
    from tokodesk.services.fulfilment import Fulfilment
    from tokodesk.store import models as m

    tab.set_chip("new")
    new_before = tab.model.counts()["new"]
    to_pack_before = tab.model.counts()["to_pack"]
    pk = _new_pks(tab, 1)[0]
    assert tab.model.row_of_pk(pk) is not None
    # Station 2: the fulfilment service, on this (test) thread's own database connection.
    with Fulfilment(adapters=ctx.adapter_factory, who="station-2") as station2:
        [outcome] = station2.acknowledge([m.Order.get_by_id(pk)])
    assert outcome.ok

    qtbot.waitUntil(lambda: _row(tab, pk)[q.R_STATE] == "acknowledged", timeout=10000)
    assert tab.model.row_of_pk(pk) is None, "it left the New chip's list"
    assert tab.model.counts()["new"] == new_before - 1
    assert f"({new_before - 1})" in tab.chips["new"].text()
    assert f"({to_pack_before + 1})" in tab.chips["to_pack"].text()


def test_a_new_order_from_elsewhere_appears(qtbot, tab, ctx, sandbox_channel):
    from tokodesk.store import models as m

    total = len(tab.model.all_rows())
    created = m.Order.create(channel=sandbox_channel.id, order_id="99000001", invoice="INV/TEST/NEW/1",
                             state="new", buyer_name="Pembeli Baru", created_at=m.utcnow())
    qtbot.waitUntil(lambda: len(tab.model.all_rows()) == total + 1, timeout=10000)
    assert _row(tab, created.id)[q.R_INVOICE] == "INV/TEST/NEW/1"
    assert f"({total + 1})" in tab.chips["all"].text()


def test_the_live_refresh_does_not_busy_the_status_bar(tab, ctx):
    tab.poll_changes()
    assert ctx.jobs.busy()
    assert all(j.background for j in ctx.jobs.jobs()) and ctx.jobs.jobs(background=False) == []


def test_detail_pane_shows_the_marketplace_status_after_acknowledge(qtbot, tab, ctx, sandbox, wait_idle):
    pk = _new_pks(tab, 1)[0]
    tab.select_pks([pk])
    qtbot.waitUntil(lambda: "Payment verified: accept or reject" in tab.detail.toPlainText(), timeout=10000)
    tab.acknowledge()
    wait_idle(ctx)
    qtbot.waitUntil(lambda: "Accepted by the seller" in tab.detail.toPlainText(), timeout=10000)
    text = tab.detail.toPlainText()
    # Words beside words; the code only on its own labelled line (and in the history, labelled too).
    assert "State\nTo pack\n" in text and "Marketplace code\n400\n" in text, text
    assert "Payment verified" not in text.split("History")[0]
    assert _row(tab, pk)[q.R_STATE] == "acknowledged"
    assert _row(tab, pk)[q.R_MP_STATUS] == "400", "the row too"
    assert not _row(tab, pk)[q.R_CHANGED_OUTSIDE], "our own action is not a change made outside TokoDesk"
    assert tab.selected_pks() == [pk]
