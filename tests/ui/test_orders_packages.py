"""Packages in the queue (issue 16 §2): a partly shipped order shows as such and ships its waiting package only; one
buyer's orders the marketplace offers to combine say so in the detail pane and are combined with the Combine
button. Against the sandbox's TikTok Shop dialect, clicking the real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.integration.tiktokshop_setup import sb, shop_order  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tokodesk.sandbox import Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services.packages import packages_of
from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.orders_model import deadline_of, state_label


def waiting(sb):  # noqa: ANN001, ANN201, F811
    return [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)
            if not o.courier.own and o.cancel_request is None and sb.dialect.order_status(o) == "AWAITING_SHIPMENT"]


@pytest.fixture
def split_half_shipped(request, sb):  # noqa: F811
    """An order split in Seller Center, one of its two packages shipped there, before TokoDesk pulls."""
    o = next(x for x in waiting(sb) if len(x.lines) >= 2)
    first, second = sb.dialect.split_order(tj.order_id(o))
    sb.dialect.book.ship(sb.dialect.book.get(first), sb.clock.now())
    sb.advance(1)
    channel = request.getfixturevalue("shop_channel")
    return channel, tj.order_id(o), first, second


@pytest.fixture
def one_buyer(request, sb):  # noqa: F811
    """Two waiting orders of one buyer to one address, on one courier service."""
    found = waiting(sb)
    a = found[0]
    b = next(x for x in found[1:] if x.courier == a.courier)
    b.buyer, b.recipient = a.buyer, a.recipient
    sb.advance(1)
    channel = request.getfixturevalue("shop_channel")
    return channel, tj.order_id(a), tj.order_id(b)


def row_of(tab, order_id: str) -> tuple:  # noqa: ANN001
    return next(r for r in tab.model.all_rows() if r[q.R_ORDER_ID] == order_id)


def test_a_partly_shipped_order_is_never_shown_shipped_and_ships_the_rest(
        qtbot, ctx, split_half_shipped, sb, open_orders_tab, wait_idle):  # noqa: F811
    channel, order_id, first, second = split_half_shipped
    tab = open_orders_tab(channel)
    row = row_of(tab, order_id)
    assert row[q.R_STATE] == "partly_shipped" and state_label(row[q.R_STATE]) == "Partly shipped"
    shown = tab.model.index(tab.model.row_of_pk(row[q.R_PK]), 0)
    texts = [str(tab.model.data(shown.siblingAtColumn(c)) or "") for c in range(tab.model.columnCount())]
    assert any(t.startswith("Partly shipped") for t in texts), texts
    assert not any(t.startswith("Shipped") for t in texts)
    assert deadline_of(row) is not None  # its waiting package still has a ship-by
    tab.select_pks([row[q.R_PK]])
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.detail.shown_pk == row[q.R_PK], timeout=10000)
    text = tab.detail.toPlainText()
    assert first in text and second in text and "awaiting pickup" in text and "to ship" in text

    assert tab.buttons["ship"].isEnabled(), tab.buttons["ship"].toolTip()
    qtbot.mouseClick(tab.buttons["ship"], Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    order = m.Order.get(m.Order.order_id == order_id)
    assert order.state == "awaiting_pickup" and order.marketplace_status == "AWAITING_COLLECTION"
    assert dict(sb.dialect.book.ship_requests) == {second: 1}  # the shipped package was not sent again
    assert state_label(row_of(tab, order_id)[q.R_STATE]) == "Awaiting pickup"


def test_combinable_orders_say_so_and_are_combined_from_the_queue(
        qtbot, ctx, one_buyer, sb, open_orders_tab, wait_idle):  # noqa: F811
    channel, a, b = one_buyer
    tab = open_orders_tab(channel)
    ra, rb = row_of(tab, a), row_of(tab, b)
    tab.select_pks([ra[q.R_PK]])
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.detail.shown_pk == ra[q.R_PK], timeout=10000)
    assert "Can be combined with order" in tab.detail.toPlainText() and b in tab.detail.toPlainText()
    assert not tab.buttons["combine"].isEnabled()  # one order alone: nothing to combine it with
    assert "two or more orders" in tab.buttons["combine"].toolTip()

    tab.select_pks([ra[q.R_PK], rb[q.R_PK]])
    wait_idle(ctx)
    assert tab.buttons["combine"].isEnabled(), tab.buttons["combine"].toolTip()
    qtbot.mouseClick(tab.buttons["combine"], Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert all(o.ok for o in tab.last_outcomes), [o.error for o in tab.last_outcomes]
    [package] = sb.dialect.packages_of(a)
    assert sb.dialect.packages_of(b) == [package] and sb.dialect.combine_requests == 1
    for order_id in (a, b):
        assert [p.package_id for p in packages_of(m.Order.get(m.Order.order_id == order_id))] == [package]
    tab.select_pks([ra[q.R_PK]])
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.detail.shown_pk == ra[q.R_PK] and package in tab.detail.toPlainText(),
                    timeout=10000)
    assert f"one parcel with order {b}" in tab.detail.toPlainText()
    assert "Can be combined" not in tab.detail.toPlainText()
    assert shop_order(sb, m.Order.get(m.Order.order_id == a)).status in (Status.PAID, Status.ACCEPTED)


def test_a_combined_parcel_is_uncombined_from_the_detail_pane(
        qtbot, ctx, one_buyer, sb, open_orders_tab, wait_idle):  # noqa: F811
    """Uncombine was on the command line only; the detail pane of an order in a combined, waiting package offers it,
    names the order before anything is sent, and goes through the outbox."""
    from PySide6.QtCore import QUrl
    from PySide6.QtWidgets import QMessageBox

    channel, a, b = one_buyer
    from tokodesk.services.statuses import refresh_statuses

    package = sb.dialect.combine_orders([a, b])  # in Seller Center, after the first pull
    sb.advance(1)
    refresh_statuses(m.Channel.get_by_id(channel.id))
    tab = open_orders_tab(channel)
    ra = row_of(tab, a)
    tab.select_pks([ra[q.R_PK]])
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.detail.shown_pk == ra[q.R_PK], timeout=10000)
    assert "Uncombine" in tab.detail.toPlainText() and f"uncombine:{package}" in tab.detail.toHtml()
    tab.detail.anchorClicked.emit(QUrl(f"uncombine:{package}"))
    box = tab.uncombine_box
    assert package in box.text() and a in box.text()
    box.button(QMessageBox.StandardButton.No).click()
    wait_idle(ctx)
    assert sb.dialect.packages_of(a) == sb.dialect.packages_of(b) == [package]  # No sends nothing
    tab.detail.anchorClicked.emit(QUrl(f"uncombine:{package}"))
    tab.uncombine_box.button(QMessageBox.StandardButton.Yes).click()
    wait_idle(ctx)
    assert all(o.ok for o in tab.last_outcomes), [o.error for o in tab.last_outcomes]
    [pa], [pb] = sb.dialect.packages_of(a), sb.dialect.packages_of(b)
    assert pa != pb and package not in (pa, pb)
    for order_id, expected in ((a, pa), (b, pb)):
        assert [p.package_id for p in packages_of(m.Order.get(m.Order.order_id == order_id))] == [expected]
