"""The Returns tab against the sandbox's Tokopedia & Shop dialect: Sync fills the queue (the soonest deadline first,
with its countdown), the filter narrows it, Approve and Reject (with a reason the marketplace offers) answer the
buyer, a parcel sent back is received into stock; a legacy Tokopedia channel gets a note and no buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.integration.test_returns_sandbox import ask, delivered
from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tokodesk.sandbox import tiktokshop_returns as sr
from tokodesk.store import models as m
from tokodesk.ui.returns_tab import COL_LEFT, COL_RESULT, COL_RETURN, COL_STATE, ReturnsTab


@pytest.fixture
def open_tab(qtbot, ctx, wait_idle):
    def make(channel):  # noqa: ANN001, ANN202
        ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
        ctx.channel_id = channel.id
        widget = ReturnsTab(ctx)
        qtbot.addWidget(widget)
        widget.show()
        wait_idle(ctx)
        assert widget.loaded
        return widget

    return make


def click(qtbot, button) -> None:  # noqa: ANN001
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def cell(tab, return_id: str, col: int) -> str:  # noqa: ANN001
    row = next(i for i, r in enumerate(tab.rows) if r.return_id == return_id)
    return tab.table.item(row, col).text()


def test_sync_answer_and_receive_from_the_tab(qtbot, ctx, sb, shop_channel, open_tab, wait_idle):  # noqa: F811
    sb.dialect.returns_book.rate = 0.0
    orders = delivered(sb, 2)
    first, second = ask(sb, orders)
    tab = open_tab(shop_channel)
    assert tab.rows == [] and tab.sync_button.isEnabled()
    click(qtbot, tab.sync_button)
    wait_idle(ctx)
    assert [r.return_id for r in tab.rows] == [first.return_id, second.return_id]  # soonest deadline first
    assert cell(tab, first.return_id, COL_STATE) == "Needs my answer"
    assert " h " in cell(tab, first.return_id, COL_LEFT) and "(by " in cell(tab, first.return_id, COL_LEFT)

    tab.filter.setCurrentIndex(tab.filter.findData("to_inspect"))
    wait_idle(ctx)
    assert tab.rows == []
    tab.filter.setCurrentIndex(tab.filter.findData("needs_answer"))
    wait_idle(ctx)

    tab.select_return(first.return_id)
    wait_idle(ctx)  # the reasons offered for this return, the buyer's photos
    assert tab.evidence.text().count("<a href=") == 2
    click(qtbot, tab.approve_button)
    wait_idle(ctx)
    assert first.status == sr.AWAITING_SHIP
    assert [r.return_id for r in tab.rows] == [second.return_id]  # the filter shows what still needs an answer

    tab.select_return(second.return_id)
    wait_idle(ctx)
    click(qtbot, tab.reject_button)
    dialog = tab.dialog
    assert not dialog.ok_button.isEnabled()  # no reason chosen yet
    dialog.reason.setCurrentIndex(dialog.reason.findData("reverse_reject_request_reason_no_evidence"))
    dialog.comment.setText("Foto tidak jelas")
    click(qtbot, dialog.ok_button)
    wait_idle(ctx)
    assert second.status == sr.REJECTED and second.records[-1]["note"] == "Foto tidak jelas"

    # The buyer sends the first parcel back; it is received at the desk, one unit damaged.
    sb.advance(86400)
    click(qtbot, tab.sync_button)
    wait_idle(ctx)
    tab.filter.setCurrentIndex(tab.filter.findData("to_inspect"))
    wait_idle(ctx)
    assert [r.return_id for r in tab.rows] == [first.return_id]
    lines = list(m.Return.get(m.Return.return_id == first.return_id).lines)
    skus = [ln.seller_sku for ln in lines]
    m.StockItem.update(on_hand=4, damaged=0).where(m.StockItem.seller_sku.in_(skus)).execute()
    tab.select_return(first.return_id)
    wait_idle(ctx)
    click(qtbot, tab.receive_button)
    receive = tab.dialog
    assert receive.table.rowCount() == len(lines) and receive.table.item(0, 0).text() == skus[0]
    came_back = lines[0].quantity
    receive.spins[0].setValue(1)
    assert receive.spins[0].maximum() == came_back
    assert receive.summary.text() == f"{sum(ln.quantity for ln in lines) - 1} back on hand, 1 to the damaged count"
    click(qtbot, receive.ok_button)
    wait_idle(ctx)
    assert first.status == sr.SUCCESS
    kaos = m.StockItem.get(m.StockItem.seller_sku == skus[0])
    assert (kaos.on_hand, kaos.damaged) == (4 + came_back - 1, 1)
    assert sorted((mv.kind, mv.quantity) for mv in m.StockMovement.select().where(
        m.StockMovement.seller_sku == skus[0])) == sorted(
        [("return_damaged", 1)] + ([("return_resaleable", came_back - 1)] if came_back > 1 else []))
    tab.filter.setCurrentIndex(tab.filter.findData(None))
    wait_idle(ctx)
    assert cell(tab, first.return_id, COL_STATE) == "Closed" and cell(tab, first.return_id, COL_RESULT) == "Done"
    assert cell(tab, second.return_id, COL_RETURN) == second.return_id


def test_a_legacy_channel_shows_its_tickets_with_a_note_and_no_buttons(qtbot, ctx, open_tab):
    channel = m.Channel.create(name="legacy", marketplace="tokopedia", fs_id="1", client_id="c", shop_id="2")
    m.Return.create(channel=channel, return_id="9", state="needs_answer", return_type="REFUND")
    tab = open_tab(channel)
    assert "Seller Center" in tab.note.text() and [r.return_id for r in tab.rows] == ["9"]
    tab.select_return("9")
    assert tab.sync_button.isEnabled()
    assert not any(b.isEnabled() for b in (tab.approve_button, tab.reject_button, tab.receive_button))


def test_a_wrapped_reason_or_awb_gets_the_height_of_its_lines_on_a_laptop(qtbot, ctx, open_tab):
    """At 1366 px the long columns wrap at a fixed width: each row grows to show its lines whole, not the middle
    of two lines squeezed into one line's height (the return AWB under its courier's name was cut top and bottom)."""
    channel = m.Channel.create(name="legacy", marketplace="tokopedia", fs_id="1", client_id="c", shop_id="2")
    reason = "Produk tidak sesuai pesanan: warna berbeda dari foto dan ukurannya terlalu kecil"
    for n in range(3):
        m.Return.create(channel=channel, return_id=f"42000000000000000{n}", state="needs_answer",
                        return_type="RETURN_AND_REFUND", reason_text=reason,
                        return_courier="J&T Express", return_tracking_number=f"RTN00000000{n}")
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    tab = ReturnsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)  # what is left of a 1366 px screen once the order id, items and countdown are shown
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded and len(tab.rows) == 3)
    tab._fill()
    for row in range(3):
        needed = tab.table.sizeHintForRow(row)
        assert needed > tab.table.verticalHeader().defaultSectionSize()  # the reason wraps to several lines
        assert tab.table.rowHeight(row) >= needed
