"""The order queue against the sandbox: every button on a selection, scan to pack, the model's contract."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tokodesk.ui import queries as q


@pytest.fixture
def tab(open_orders_tab, sandbox_channel):
    return open_orders_tab(sandbox_channel)


def _pks_in_state(tab, state, n, *, mapped=True):
    rows = [r for r in tab.model.all_rows() if r[q.R_STATE] == state and (not mapped or not r[q.R_UNMAPPED])]
    assert len(rows) >= n, f"the sandbox shop should have {n} orders in {state}"
    return [r[q.R_PK] for r in rows[:n]]


def _state(pk):
    from tokodesk.store import models as m

    return m.Order.get_by_id(pk).state


def _model_state(tab, pk):
    return next(r[q.R_STATE] for r in tab.model.all_rows() if r[q.R_PK] == pk)


def test_queue_shows_orders_with_chip_counts(tab):
    rows = tab.model.all_rows()
    assert rows
    counts = tab.model.counts()
    assert counts["all"] == len(rows)
    assert counts["new"] == sum(1 for r in rows if r[q.R_STATE] == "new")
    assert f"({counts['new']})" in tab.chips["new"].text()
    tab.set_chip("new")
    assert tab.model.rowCount() == counts["new"]
    assert all(tab.model.row_at(i)[q.R_STATE] == "new" for i in range(tab.model.rowCount()))
    total_text = tab.model.data(tab.model.index(0, 7))
    assert total_text.startswith("Rp ") and ("." in total_text or len(total_text) < 8)
    assert tab.model.data(tab.model.index(0, 9)).endswith("WIB")


def test_search_finds_by_invoice_and_sku(tab):
    row = tab.model.all_rows()[0]
    tab.search.setText(row[q.R_INVOICE])
    assert tab.model.rowCount() >= 1 and tab.model.row_at(0)[q.R_PK] == row[q.R_PK]
    sku = row[q.R_ITEMS].split(" ×")[0]
    tab.search.setText(sku.lower())
    assert any(tab.model.row_at(i)[q.R_PK] == row[q.R_PK] for i in range(tab.model.rowCount()))


def test_buttons_follow_the_selection(tab):
    new = _pks_in_state(tab, "new", 1)
    tab.select_pks(new)
    assert tab.buttons["ack"].isEnabled() and tab.buttons["cancel"].isEnabled()
    assert not tab.buttons["ship"].isEnabled() and not tab.buttons["pack"].isEnabled()
    acked = [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] == "acknowledged"][:1]
    if acked:
        tab.select_pks(new + acked)  # a mixed selection: each action takes its orders and says it skips the other
        assert tab.buttons["ack"].isEnabled() and tab.buttons["pack"].isEnabled()
        assert "Skips 1 of the 2 selected" in tab.buttons["ack"].toolTip()
        assert not tab.buttons["ship"].isEnabled()


def test_acknowledge_a_selection(qtbot, tab, ctx, sandbox, wait_idle):
    pks = _pks_in_state(tab, "new", 2)
    tab.select_pks(pks)
    qtbot.mouseClick(tab.buttons["ack"], Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert [_state(pk) for pk in pks] == ["acknowledged", "acknowledged"]
    assert all(_model_state(tab, pk) == "acknowledged" for pk in pks), "the table shows the new state"
    from tokodesk.store import models as m

    for pk in pks:
        assert sandbox.order(m.Order.get_by_id(pk).order_id).acks == 1, "the marketplace was called once"
    # the ship-by deadline the marketplace set on accepting shows in the queue straight away (To pack sorts by it)
    from tokodesk.ui.orders_model import deadline_of

    qtbot.waitUntil(lambda: all(deadline_of(r) for r in tab.model.all_rows() if r[q.R_PK] in pks), timeout=10000)


def test_pack_then_ship_by_pickup(qtbot, tab, ctx, sandbox, wait_idle):
    pks = _pks_in_state(tab, "new", 1)
    tab.select_pks(pks)
    tab.acknowledge()
    wait_idle(ctx)
    tab.select_pks(pks)
    assert tab.buttons["pack"].isEnabled()
    qtbot.mouseClick(tab.buttons["pack"], Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert _state(pks[0]) in ("packed", "ready_to_ship")
    tab.select_pks(pks)
    assert tab.buttons["ship"].isEnabled()
    qtbot.mouseClick(tab.buttons["ship"], Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert _state(pks[0]) == "awaiting_pickup"
    assert _model_state(tab, pks[0]) == "awaiting_pickup"
    assert sandbox.calls, "the sandbox saw the requests"


def test_cancel_with_a_reason(qtbot, tab, ctx, wait_idle):
    pks = _pks_in_state(tab, "new", 1)
    tab.select_pks(pks)
    qtbot.mouseClick(tab.buttons["cancel"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(tab, "cancel_dialog", None) is not None and tab.cancel_dialog.isVisible(),
                    timeout=10000)
    dialog = tab.cancel_dialog
    dialog.text.setPlainText("Stok habis")
    index = next(i for i, r in enumerate(dialog.reasons) if not r.needs_close_date)
    dialog.reason.setCurrentIndex(index)
    dialog.accept()
    wait_idle(ctx)
    assert _state(pks[0]) == "cancelled"
    assert _model_state(tab, pks[0]) == "cancelled"


def test_cancel_dialog_insists_on_a_message(qtbot, tab, ctx, wait_idle):
    pks = _pks_in_state(tab, "new", 1)
    tab.select_pks(pks)
    tab.cancel_orders()
    qtbot.waitUntil(lambda: getattr(tab, "cancel_dialog", None) is not None and tab.cancel_dialog.isVisible(),
                    timeout=10000)
    tab.cancel_dialog.text.setPlainText("")
    tab.cancel_dialog.accept()
    assert tab.cancel_dialog.isVisible() and tab.cancel_dialog.error.text()
    tab.cancel_dialog.reject()
    wait_idle(ctx)
    assert _state(pks[0]) == "new"


def test_scan_to_pack(qtbot, tab, ctx, wait_idle):
    pks = _pks_in_state(tab, "new", 1)
    tab.select_pks(pks)
    tab.acknowledge()
    wait_idle(ctx)
    tab.set_chip("cancelled")  # the scanned order is hidden by the chip: scanning still finds it
    invoice = next(r[q.R_INVOICE] for r in tab.model.all_rows() if r[q.R_PK] == pks[0])
    qtbot.keyClicks(tab.scan, invoice)
    qtbot.keyClick(tab.scan, Qt.Key.Key_Return)
    wait_idle(ctx)
    assert _state(pks[0]) in ("packed", "ready_to_ship")
    assert tab.selected_pks() == pks
    assert tab.scan.text() == "", "the field is ready for the next scan"


def test_scan_of_an_unknown_code_says_so(qtbot, tab, ctx, wait_idle):
    qtbot.keyClicks(tab.scan, "INV/NOPE/1")
    qtbot.keyClick(tab.scan, Qt.Key.Key_Return)
    wait_idle(ctx)
    assert "INV/NOPE/1" in tab.banner.label.text() and tab.banner.isVisible()


def test_queue_model_passes_the_model_tester(qtmodeltester, tab):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.proxy)
    tab.proxy.sort(7, Qt.SortOrder.DescendingOrder)
    totals = [tab.model.row_at(i)[q.R_TOTAL] for i in range(tab.model.rowCount())]
    assert totals == sorted(totals, reverse=True)


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.system)])
def test_sort_by_deadline_puts_the_most_urgent_first(qapp, backend, request, tmp_path):
    """SQLite hands the deadlines back as text, PostgreSQL as datetimes: both sort by time, undated orders last."""
    from datetime import datetime, timedelta

    from tokodesk.store import models as m
    from tokodesk.store.connection import close_database, open_database
    from tokodesk.ui.orders_model import COL_DEADLINE, OrdersModel, deadline_of

    url = request.getfixturevalue("pg_url") if backend == "postgresql" else f"sqlite:///{tmp_path / 'q.db'}"
    open_database(url)
    try:
        channel = m.Channel.create(name="Toko")
        base = datetime(2026, 11, 27, 1, 0)
        layout = [("new", 5), ("shipped", None), ("acknowledged", 1), ("new", 30), ("cancelled", None), ("packed", 2)]
        for i, (state, hours) in enumerate(layout):
            deadline = base + timedelta(hours=hours if hours is not None else 100)
            m.Order.create(channel=channel, order_id=str(100 + i), state=state, marketplace_status="x",
                           created_at=base - timedelta(days=1), accept_deadline=deadline, ship_deadline=deadline)
        model = OrdersModel()
        model.set_rows(q.order_rows(channel.id))
        model.sort(COL_DEADLINE, Qt.SortOrder.AscendingOrder)
        # It opens on the work still to do: the shipped and the cancelled order are not in it.
        assert [model.row_at(i)[q.R_ORDER_ID] for i in range(model.rowCount())] == ["102", "105", "100", "103"]
        model.set_filter(chip="all")
        ordered = [model.row_at(i) for i in range(model.rowCount())]
        assert [r[q.R_ORDER_ID] for r in ordered[:4]] == ["102", "105", "100", "103"]
        assert {r[q.R_ORDER_ID] for r in ordered[4:]} == {"101", "104"}
        assert all(deadline_of(r) is None for r in ordered[4:])
        model.sort(COL_DEADLINE, Qt.SortOrder.DescendingOrder)
        assert [model.row_at(i)[q.R_ORDER_ID] for i in range(2, model.rowCount())] == ["103", "100", "105", "102"]
    finally:
        close_database()
