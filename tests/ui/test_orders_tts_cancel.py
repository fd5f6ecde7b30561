"""Cancelling unpaid and on-hold Tokopedia & Shop orders from the queue (issue 16.3): the button is offered, the
dialog lists exactly the reasons the documentation gives for the order's status, and the order is cancelled."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.integration.tiktokshop_setup import sb, shop_order  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tokodesk.sandbox import Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.store import models as m
from tokodesk.ui import queries as q


@pytest.fixture
def waiting_channel(request, sb):  # noqa: F811
    sb.dialect.unpaid_seconds = 3 * 86400  # long windows: the shop has orders in both at the pull
    sb.dialect.on_hold_seconds = 10 * 86400
    return request.getfixturevalue("shop_channel")


def pks(tab, status: str) -> list[int]:
    return [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_MP_STATUS] == status]


def open_cancel(qtbot, tab, selection):  # noqa: ANN001, ANN201
    tab.select_pks(selection)
    assert tab.buttons["cancel"].isEnabled(), tab.buttons["cancel"].toolTip()
    qtbot.mouseClick(tab.buttons["cancel"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(tab, "cancel_dialog", None) is not None and tab.cancel_dialog.isVisible(),
                    timeout=10000)
    return tab.cancel_dialog


def test_unpaid_and_on_hold_orders_are_cancelled_from_the_queue(qtbot, ctx, waiting_channel, sb, open_orders_tab,  # noqa: F811
                                                               wait_idle):
    tab = open_orders_tab(waiting_channel)
    tab.set_chip("waiting")  # not yet the seller's to ship, so not in "To do": the seller finds them here
    unpaid, held = pks(tab, "UNPAID"), pks(tab, "ON_HOLD")
    assert unpaid and held

    dialog = open_cancel(qtbot, tab, unpaid[:1])
    assert [r.code for r in dialog.reasons] == [
        "seller_cancel_unpaid_reason_out_of_stock", "seller_cancel_unpaid_reason_wrong_price",
        "seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed"]
    dialog.reason.setCurrentIndex(2)
    dialog.accept()
    wait_idle(ctx)
    order = m.Order.get_by_id(unpaid[0])
    assert order.state == "cancelled" and shop_order(sb, order).status == Status.REJECTED

    # An unpaid and an on-hold order together: the reasons both statuses have, each sent under its own name.
    dialog = open_cancel(qtbot, tab, [unpaid[1], held[0]])
    assert [r.label for r in dialog.reasons] == ["Stok habis / Out of stock", "Harga salah / Wrong price"]
    dialog.reason.setCurrentIndex(0)
    dialog.accept()
    wait_idle(ctx)
    sent = {o: sb.dialect.seller_cancels[tj.cancel_id(shop_order(sb, m.Order.get_by_id(o)))]["cancel_reason"]
            for o in (unpaid[1], held[0])}
    assert sent == {unpaid[1]: "seller_cancel_unpaid_reason_out_of_stock", held[0]: "seller_cancel_reason_out_of_stock"}
    assert {m.Order.get_by_id(o).state for o in (unpaid[1], held[0])} == {"cancelled"}


def test_a_shipped_order_says_which_ones_can_be_cancelled(waiting_channel, open_orders_tab):
    tab = open_orders_tab(waiting_channel)
    tab.set_chip("shipped")
    done = [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] == "shipped"][:1]
    assert done
    tab.select_pks(done)
    assert not tab.buttons["cancel"].isEnabled()
    tip = tab.buttons["cancel"].toolTip()
    assert "Awaiting payment" in tip and "On hold" in tip
