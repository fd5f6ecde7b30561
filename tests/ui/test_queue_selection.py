"""Issue 14 §2: the queue acts on exactly the orders the seller sees selected.

Seen: select an order, click the Deadline header; the highlight moved to another order while the detail pane still
showed the first, and Pack packed the highlighted one. For every action: select two orders of a state (leaving
others of the same state, for which the action would be just as valid), disturb the queue the way a morning does
(sort, a filter chip, a search, Refresh, another station's write, a sync that brings new orders), check the
highlight and the detail pane still show those orders, click the action, and check that exactly those orders
changed, on TokoDesk's side and on the marketplace's (the outbox), and no other.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tokodesk.ui import queries as q

ACTIONS = ["ack", "pack", "label", "ship", "cancel"]
DISTURBANCES = ["sort", "chip", "search", "refresh", "remote", "sync"]
# The state an action's orders must be in, and the chip that lists that state.
NEEDS = {"ack": "new", "cancel": "new", "pack": "acknowledged", "label": "acknowledged", "ship": "packed"}
CHIP = {"new": "new", "acknowledged": "to_pack", "packed": "ready"}


@pytest.fixture
def tab(open_orders_tab, sandbox_channel):
    widget = open_orders_tab(sandbox_channel)
    widget.live_timer.setInterval(100)  # the app looks every few seconds; the test need not wait that long
    widget.resize(1300, 500)
    return widget


def _rows(tab, state):
    states = {"packed", "ready_to_ship"} if state == "packed" else {state}  # "ready at pack" channels skip packed
    return [r for r in tab.model.all_rows() if r[q.R_STATE] in states and not r[q.R_UNMAPPED]]


def _prepare(tab, ctx, wait_idle, state, n=4):
    """At least `n` mapped orders in `state` (acknowledging / packing new ones as another station would)."""
    from tokodesk.services.fulfilment import Fulfilment
    from tokodesk.store import models as m

    if state != "new" and len(_rows(tab, state)) < n:
        news = [r[q.R_PK] for r in _rows(tab, "new")][: n]
        with Fulfilment(adapters=ctx.adapter_factory, who="setup") as f:
            orders = [m.Order.get_by_id(pk) for pk in news]
            assert all(o.ok for o in f.acknowledge(orders))
            if state == "packed":
                assert all(o.ok for o in f.pack([m.Order.get_by_id(pk) for pk in news]))
        tab.reload()
        wait_idle(ctx)
    rows = _rows(tab, state)
    assert len(rows) >= n, f"the sandbox shop should have {n} mapped orders in {state}"
    return [r[q.R_PK] for r in rows]


def _snapshot():
    """What an action changes, per order: its state, printed mark, packing, AWB; and the outbox / audit rows."""
    from tokodesk.store import models as m

    orders = {o.id: (o.state, o.label_printed_at, o.packed_at, o.awb)
              for o in m.Order.select(m.Order.id, m.Order.state, m.Order.label_printed_at, m.Order.packed_at,
                                      m.Order.awb)}
    last_action = m.Action.select(m.Action.id).order_by(m.Action.id.desc()).scalar() or 0
    last_event = m.OrderEvent.select(m.OrderEvent.id).order_by(m.OrderEvent.id.desc()).scalar() or 0
    return orders, last_action, last_event


def _changed_since(snapshot):
    from tokodesk.store import models as m

    orders, last_action, last_event = snapshot
    now = {o.id: (o.state, o.label_printed_at, o.packed_at, o.awb)
           for o in m.Order.select(m.Order.id, m.Order.state, m.Order.label_printed_at, m.Order.packed_at,
                                   m.Order.awb)}
    changed = {pk for pk, values in now.items() if pk in orders and orders[pk] != values}
    acted = {a.order_id for a in m.Action.select().where(m.Action.id > last_action, m.Action.order.is_null(False))}
    # "pulled" / "status_changed" are the marketplace's news (a status read after the action), not an action.
    events = {e.order_id for e in m.OrderEvent.select().where(
        m.OrderEvent.id > last_event, m.OrderEvent.kind.not_in(["pulled", "status_changed", "updated"]))}
    return changed, acted, events


def _click_header(qtbot, tab, column):
    header = tab.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _second_station_write(pk, **changes):
    """A raw connection to the same database file writing an order, as a second PC's TokoDesk does."""
    from tokodesk.store import models as m

    connection = sqlite3.connect(m.db.obj.database, timeout=10)
    connection.isolation_level = None
    try:
        stamp = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(seconds=40)
        sets = ", ".join(f"{k} = ?" for k in changes)
        connection.execute(f'UPDATE "order" SET {sets}, version = version + 1, local_updated_at = ? WHERE id = ?',
                           [*changes.values(), str(stamp), pk])
    finally:
        connection.close()


def _disturb(kind, qtbot, tab, ctx, wait_idle, sandbox, channel, chosen, state):
    """Do `kind` to the queue; return the orders that must still be selected (those still shown)."""
    from tokodesk.store import models as m
    from tokodesk.ui.orders_model import COL_BUYER, COL_DEADLINE

    if kind == "sort":
        _click_header(qtbot, tab, COL_DEADLINE)
        _click_header(qtbot, tab, COL_BUYER)  # buyers' names scatter the rows: nothing stays where it was
        return chosen
    if kind == "chip":
        qtbot.mouseClick(tab.chips[CHIP[state]], Qt.MouseButton.LeftButton)
        assert tab.model.rowCount() < len(tab.model.all_rows())
        return chosen
    if kind == "search":
        # The first chosen order's invoice: the second one is hidden now, so it is no longer selected.
        invoice = next(r[q.R_INVOICE] for r in tab.model.all_rows() if r[q.R_PK] == chosen[0])
        tab.search.setFocus()
        qtbot.keyClicks(tab.search, invoice)
        qtbot.waitUntil(lambda: tab.model.row_of_pk(chosen[1]) is None)  # once the typing pauses
        return chosen[:1]
    if kind == "refresh":
        qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
        wait_idle(ctx)
        return chosen
    if kind == "remote":
        # Another station: a new order at the top (every row moves down one) and a buyer renamed.
        total = len(tab.model.all_rows())
        m.Order.create(channel=channel.id, order_id="99000077", invoice="INV/REMOTE/77", state=state,
                       buyer_name="Aaron Remote", created_at=m.utcnow() + timedelta(hours=1))
        other = next(r[q.R_PK] for r in tab.model.all_rows() if r[q.R_PK] not in chosen)
        _second_station_write(other, buyer_name="Station Two Buyer")
        qtbot.waitUntil(lambda: len(tab.model.all_rows()) == total + 1, timeout=10000)
        qtbot.waitUntil(lambda: any(r[q.R_BUYER] == "Station Two Buyer" for r in tab.model.all_rows()),
                        timeout=10000)
        return chosen
    if kind == "sync":
        from tokodesk.ui.sync import start_sync

        total = len(tab.model.all_rows())
        shop = sandbox.shop
        with shop.lock:
            for _ in range(3):
                shop._arrive(shop.clock.now())  # buyers order while the packer works
        start_sync(ctx, "orders")
        qtbot.waitUntil(lambda: len(tab.model.all_rows()) >= total + 3, timeout=15000)
        wait_idle(ctx)
        return chosen
    raise AssertionError(kind)


def _act(action, qtbot, tab, ctx, wait_idle, tmp_path):
    if action == "label":
        qtbot.mouseClick(tab.buttons["label"], Qt.MouseButton.LeftButton)
        dialog = tab.print_dialog
        qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=15000)
        assert dialog.mark_printed.isChecked()
        dialog.print_now(str(tmp_path / "labels.pdf"))
        wait_idle(ctx)
        return
    if action == "cancel":
        qtbot.mouseClick(tab.buttons["cancel"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: getattr(tab, "cancel_dialog", None) is not None and tab.cancel_dialog.isVisible(),
                        timeout=10000)
        dialog = tab.cancel_dialog
        dialog.text.setPlainText("Stok habis")
        dialog.reason.setCurrentIndex(next(i for i, r in enumerate(dialog.reasons) if not r.needs_close_date))
        tab.confirmed_names = dialog.orders
        dialog.accept()
        wait_idle(ctx)
        return
    qtbot.mouseClick(tab.buttons[action], Qt.MouseButton.LeftButton)
    wait_idle(ctx)


@pytest.mark.parametrize("disturbance", DISTURBANCES)
@pytest.mark.parametrize("action", ACTIONS)
def test_an_action_changes_exactly_the_selected_orders(qtbot, tab, ctx, wait_idle, sandbox, sandbox_channel,
                                                       tmp_path, action, disturbance):
    state = NEEDS[action]
    pks = _prepare(tab, ctx, wait_idle, state)
    chosen = [pks[0], pks[2]]  # not neighbours: the selection is two ranges
    tab.select_pks(chosen)
    assert sorted(tab.selected_order_ids()) == sorted(chosen)

    expected = _disturb(disturbance, qtbot, tab, ctx, wait_idle, sandbox, sandbox_channel, chosen, state)

    assert sorted(tab.selected_order_ids()) == sorted(expected), "the highlight stayed on the same orders"
    highlighted = {tab.model.row_at(i.row())[q.R_PK] for i in tab.view.selectionModel().selectedRows()}
    assert highlighted == set(expected), "what is painted as selected is what the actions take"
    keys = {r[q.R_PK]: r[q.R_INVOICE] for r in tab.model.all_rows()}
    qtbot.waitUntil(lambda: tab.detail.shown_pk == expected[0] if len(expected) == 1 else
                    f"{len(expected)} orders selected" in tab.detail.toPlainText(), timeout=10000)
    if len(expected) == 1:
        assert keys[expected[0]] in tab.detail.toPlainText()
    assert tab.buttons[action].isEnabled()

    before = _snapshot()
    _act(action, qtbot, tab, ctx, wait_idle, tmp_path)
    changed, acted, events = _changed_since(before)

    # A marketplace may refuse one of them (the sandbox's couriers do): refused is still "asked about this order".
    assert changed, f"{action} after {disturbance} changed nothing"
    assert changed <= set(expected), f"{action} after {disturbance} changed {changed}, not only {set(expected)}"
    assert events == set(expected), "the audit trail names exactly the selected orders"
    if action in ("ack", "ship", "cancel"):
        assert acted == set(expected), "the marketplace was asked about exactly the selected orders"
        assert sorted(o.invoice for o in tab.last_outcomes) == sorted(keys[pk] for pk in expected)
    else:
        assert acted == set()
    if action == "cancel":
        assert sorted(tab.confirmed_names) == sorted(keys[pk] for pk in expected), "the confirmation names them"


def test_sorting_keeps_the_detail_pane_and_pack_on_the_same_order(qtbot, tab, ctx, wait_idle):
    """The field report, step by step: select, click Deadline, Pack."""
    from tokodesk.store import models as m
    from tokodesk.ui.orders_model import COL_DEADLINE

    pks = _prepare(tab, ctx, wait_idle, "acknowledged", n=3)
    target = pks[-1]
    tab.select_pks([target])
    invoice = m.Order.get_by_id(target).invoice
    qtbot.waitUntil(lambda: tab.detail.shown_pk == target, timeout=10000)
    _click_header(qtbot, tab, COL_DEADLINE)
    _click_header(qtbot, tab, COL_DEADLINE)
    assert tab.selected_order_ids() == [target]
    current = tab.view.selectionModel().currentIndex()
    assert tab.model.row_at(current.row())[q.R_PK] == target, "the keyboard goes on from the same order"
    assert invoice in tab.detail.toPlainText()
    qtbot.mouseClick(tab.buttons["pack"], Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert [pk for pk in pks if m.Order.get_by_id(pk).state != "acknowledged"] == [target]


def test_a_filter_that_hides_the_selection_empties_the_detail_pane(qtbot, tab, ctx, wait_idle):
    pks = _prepare(tab, ctx, wait_idle, "new", n=2)
    tab.select_pks(pks[:2])
    qtbot.waitUntil(lambda: "2 orders selected" in tab.detail.toPlainText(), timeout=5000)
    qtbot.mouseClick(tab.chips["cancelled"], Qt.MouseButton.LeftButton)
    assert tab.selected_order_ids() == []
    assert "orders selected" not in tab.detail.toPlainText(), "no stale count"
    assert "Select an order" in tab.detail.toPlainText()
    assert not tab.buttons["ack"].isEnabled() and not tab.buttons["cancel"].isEnabled()
    qtbot.mouseClick(tab.chips["all"], Qt.MouseButton.LeftButton)
    assert tab.selected_order_ids() == [], "hidden orders do not come back selected behind the packer's back"


def test_moving_to_another_order_never_shows_the_previous_one(qtbot, tab, ctx, wait_idle):
    from tokodesk.store import models as m

    pks = _prepare(tab, ctx, wait_idle, "new", n=2)
    tab.select_pks([pks[0]])
    qtbot.waitUntil(lambda: tab.detail.shown_pk == pks[0], timeout=5000)
    first = m.Order.get_by_id(pks[0]).invoice
    tab.select_pks([pks[1]])
    assert first not in tab.detail.toPlainText(), "the old order's details went at once"
    assert m.Order.get_by_id(pks[1]).invoice in tab.detail.toPlainText()
    qtbot.waitUntil(lambda: tab.detail.shown_pk == pks[1], timeout=5000)


def test_arrange_and_print_on_tokopedia_and_shop_takes_exactly_the_selection(
        qtbot, ctx, request, open_orders_tab, wait_idle, tmp_path):
    """The live dialect's own action: four packed orders, two selected; sort, a chip, another station's write and
    Refresh; Arrange shipment and print ships exactly those two (the marketplace is asked about no other)."""
    from tests.ui.test_ship_flow import pack, to_pack
    from tokodesk.store import models as m
    from tokodesk.ui.orders_model import COL_BUYER, COL_DEADLINE

    request.getfixturevalue("sb")
    tab = open_orders_tab(request.getfixturevalue("shop_channel"))
    tab.resize(1300, 500)
    pks = to_pack(tab, 4)
    pack(qtbot, tab, ctx, wait_idle, pks)
    chosen = [pks[0], pks[2]]
    tab.select_pks(chosen)

    _click_header(qtbot, tab, COL_BUYER)
    _click_header(qtbot, tab, COL_DEADLINE)
    qtbot.mouseClick(tab.chips["ready"], Qt.MouseButton.LeftButton)
    _second_station_write(pks[1], buyer_name="Aaron Station Two")  # sorts first by buyer: rows move
    _click_header(qtbot, tab, COL_BUYER)
    qtbot.waitUntil(lambda: any(r[q.R_BUYER] == "Aaron Station Two" for r in tab.model.all_rows()), timeout=10000)
    qtbot.mouseClick(tab.refresh_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert sorted(tab.selected_order_ids()) == sorted(chosen)
    qtbot.waitUntil(lambda: "2 orders selected" in tab.detail.toPlainText(), timeout=5000)

    before = _snapshot()
    qtbot.mouseClick(tab.buttons["arrange"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(tab, "arrange_dialog", None) is not None, timeout=10000)
    dialog = tab.arrange_dialog
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    wait_idle(ctx)
    changed, acted, _events = _changed_since(before)
    assert changed == set(chosen), f"arrange changed {changed}, not {set(chosen)}"
    assert acted == set(chosen), "the marketplace was asked about exactly the selected orders"
    assert sorted(dialog.result.ready) == sorted(chosen)
    assert {m.Order.get_by_id(pk).state for pk in (pks[1], pks[3])} <= {"packed", "ready_to_ship"}
