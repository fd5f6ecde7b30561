"""Buyer cancellation requests from the Orders tab against the sandbox's Tokopedia & Shop dialect: the button counts
them, the dialog lists them, Approve cancels the order, Reject with a chosen reason keeps it shippable, a refusal is
shown in words on the rows, and a legacy Tokopedia channel has no such control."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import fresh, sb, shop_now, shop_order, to_ship  # noqa: F401 - fixture
from tokodesk.sandbox import Status
from tokodesk.store import models as m
from tokodesk.ui.cancel_requests import COL_BUYER, COL_INVOICE, COL_ITEMS, COL_REASON, COL_RESPOND_BY, COL_RESULT

PACKED = "seller_reject_apply_product_has_been_packed"


@pytest.fixture
def shop_channel(database, sb):  # noqa: F811
    """A Tokopedia & Shop channel authorized on the sandbox (as the wizard does), products mapped, orders pulled."""
    from tokodesk import credentials
    from tokodesk.marketplace.tiktokshop import TikTokShopClient

    creds = sb.credentials
    channel = m.Channel.create(
        name="Toko", marketplace="tiktokshop", app_key=creds["app_key"], service_id=str(creds["service_id"]),
        shop_cipher=creds.get("shop_cipher", ""), shop_id=str(creds.get("shop_id", "")),
        warehouse_id=str(creds.get("warehouse_id", "")), api_base=sb.url, auth_url=sb.url,
        order_sync_from=shop_now(sb) - timedelta(days=8),
    )
    credentials.set_secret(channel.name, "app_secret", creds["app_secret"])
    client = TikTokShopClient.from_channel(channel, timeout=10, sleep=sb.clock.advance)
    try:
        client.authorize(sb.dialect.issue_auth_code())
        pulled(sb, fresh(channel), client)
    finally:
        client.close()
    return fresh(channel)


def ask_to_cancel(sb, orders: list[m.Order]) -> None:  # noqa: F811
    with sb.shop.lock:
        for order in orders:
            shop_order(sb, order).cancel_request = {"reason": "Berubah pikiran", "time": sb.clock.now()}


@pytest.fixture
def tab(open_orders_tab):
    return open_orders_tab


def open_dialog(qtbot, widget, ctx, wait_idle):  # noqa: ANN001, ANN201
    qtbot.mouseClick(widget.requests_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    dialog = widget.requests_button.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def row_of(dialog, order: m.Order) -> int:  # noqa: ANN001
    return next(i for i, r in enumerate(dialog.rows) if r.pk == order.id)


def cell(dialog, order: m.Order, col: int) -> str:  # noqa: ANN001
    return dialog.table.item(row_of(dialog, order), col).text()


def queue_state(widget, order: m.Order) -> str:  # noqa: ANN001
    row = widget.model.row_of_pk(order.id)
    return widget.model.data(widget.model.index(row, 2))


def test_the_dialog_lists_the_requests_and_approve_cancels_the_order(qtbot, ctx, shop_channel, sb, tab,  # noqa: F811
                                                                      wait_idle):
    approve, other = to_ship(sb, 2)
    ask_to_cancel(sb, [approve, other])
    widget = tab(shop_channel)
    assert widget.requests_button.isVisible() and widget.requests_button.isEnabled()
    assert widget.requests_button.text() == "Cancellation requests (2)"

    dialog = open_dialog(qtbot, widget, ctx, wait_idle)
    assert {r.order_id for r in dialog.rows} == {approve.order_id, other.order_id}
    assert cell(dialog, approve, COL_INVOICE) == approve.invoice
    assert cell(dialog, approve, COL_BUYER) == approve.buyer_name and approve.buyer_name
    assert "×" in cell(dialog, approve, COL_ITEMS)
    assert cell(dialog, approve, COL_REASON) == "Berubah pikiran"
    assert cell(dialog, approve, COL_RESPOND_BY).endswith("WIB")
    assert "2 request(s)" in dialog.status.text()

    dialog.select_order(approve.id)
    wait_idle(ctx)
    assert dialog.approve_button.isEnabled()
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert "cannot be undone" in dialog.confirm_box.text()
    assert shop_order(sb, approve).cancel_request is not None  # nothing sent before the user says yes
    qtbot.mouseClick(dialog.confirm_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_idle(ctx)

    assert shop_order(sb, approve).status in (Status.CANCELLED, Status.REJECTED)
    assert fresh(approve).state == "cancelled"
    assert cell(dialog, approve, COL_RESULT) == "Approved: the order is cancelled"
    assert widget.model.row_of_pk(approve.id) is None, "cancelled: no longer work to do"
    widget.set_chip("all")
    assert queue_state(widget, approve).startswith("Cancelled")
    assert widget.model.note(approve.id) == (True, "Approved: the order is cancelled")
    assert widget.requests_button.text() == "Cancellation requests (1)"
    # The answered row takes no second answer; the other one still can be answered.
    assert not dialog.approve_button.isEnabled()
    dialog.select_order(other.id)
    wait_idle(ctx)
    assert dialog.approve_button.isEnabled()


def test_reject_with_a_chosen_reason_keeps_the_order_to_ship(qtbot, ctx, shop_channel, sb, tab,  # noqa: F811
                                                             wait_idle):
    order, = to_ship(sb, 1)
    ask_to_cancel(sb, [order])
    widget = tab(shop_channel)
    dialog = open_dialog(qtbot, widget, ctx, wait_idle)
    dialog.select_order(order.id)
    wait_idle(ctx)  # the reasons the marketplace offers for this request arrive in a job
    codes = [dialog.reason.itemData(i) for i in range(dialog.reason.count())]
    assert PACKED in codes and len(codes) > 2
    # Nothing is preselected: Reject waits for a deliberate choice.
    assert dialog.reason.currentData() is None and not dialog.reject_button.isEnabled()
    assert dialog.reason.isEnabled()
    dialog.reason.setCurrentIndex(codes.index(PACKED))
    label = dialog.reason.currentText()
    dialog.comment.setText("Sudah dikemas")
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)

    assert shop_order(sb, order).cancel_request is None
    assert shop_order(sb, order).status not in (Status.CANCELLED, Status.REJECTED)
    assert fresh(order).state == "acknowledged"
    assert cell(dialog, order, COL_RESULT) == f"Rejected ({label}): the order stays to be shipped"
    [action] = m.Action.select().where(m.Action.order == order.id)
    assert action.payload["reason"] == PACKED and action.payload["comment"] == "Sudah dikemas"
    assert queue_state(widget, order).startswith("To pack")
    assert widget.requests_button.text() == "Cancellation requests (0)"
    # The history in the detail pane names the answer in words.
    widget.select_pks([order.id])
    qtbot.waitUntil(lambda: "Buyer's cancellation rejected" in widget.detail.toPlainText(), timeout=5000)
    assert "Sudah dikemas" in widget.detail.toPlainText()


def test_a_refusal_is_shown_on_the_rows_and_nothing_is_sent(qtbot, ctx, shop_channel, sb, tab,  # noqa: F811
                                                            wait_idle):
    order, = to_ship(sb, 1)
    ask_to_cancel(sb, [order])
    widget = tab(shop_channel)
    dialog = open_dialog(qtbot, widget, ctx, wait_idle)
    dialog.select_order(order.id)
    wait_idle(ctx)
    with sb.shop.lock:  # the buyer withdraws the request while the dialog shows it
        shop_order(sb, order).cancel_request = None
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_idle(ctx)

    result = cell(dialog, order, COL_RESULT)
    assert result.startswith("Not sent:") and "no buyer cancellation request waiting" in result
    assert "cancel_approve" not in sb.calls and not m.Action.select().exists()
    assert fresh(order).state == "acknowledged"
    ok, words = widget.model.note(order.id)
    assert not ok and words == result
    row = widget.model.row_of_pk(order.id)
    assert widget.model.data(widget.model.index(row, 0)) == "⚑"
    assert result in widget.model.data(widget.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert dialog.status.text() == result
    # Refresh reads the marketplace again: nothing is waiting any more.
    qtbot.mouseClick(dialog.refresh_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert dialog.rows == [] and dialog.status.text() == "No buyer is waiting for an answer."


def test_a_tokopedia_channel_has_no_requests_to_answer(qtbot, ctx, sandbox_channel, sandbox, tab, wait_idle):
    widget = tab(sandbox_channel)
    button = widget.requests_button
    assert button.isVisible() and not button.isEnabled()
    assert "Seller Center" in button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert button.dialog is None
    assert not any("cancel" in name for name in sandbox.calls)


def test_the_dialog_speaks_indonesian(qtbot, ctx, shop_channel):
    from tokodesk.ui import i18n
    from tokodesk.ui.cancel_requests import BuyerRequestsDialog

    assert i18n.install("id")
    try:
        dialog = BuyerRequestsDialog(ctx, shop_channel.id)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Permintaan pembatalan dari pembeli"
        assert dialog.approve_button.text() == "Setujui: batalkan pesanan"
        assert dialog.table.horizontalHeaderItem(COL_RESPOND_BY).text() == "Jawab sebelum"
        # The first column holds the order ID (a Tokopedia & Shop order has no invoice): named so, not "Invoice".
        assert dialog.table.horizontalHeaderItem(0).text() == "ID pesanan"
    finally:
        i18n.install("en")


def test_every_event_kind_the_services_record_has_words():
    import re
    from pathlib import Path

    from tokodesk.ui.order_detail import EVENT_WORDS

    services = Path(__file__).resolve().parents[2] / "tokodesk" / "services"
    text = "\n".join(p.read_text(encoding="utf-8") for p in services.rglob("*.py"))
    kinds = set(re.findall(r"record_event\(\w+, \"(\w+)\"", text)) | set(re.findall(r"kind=\"(\w+)\"", text))
    kinds |= set(re.findall(r"kind = \"(\w+)\"", text))
    kinds |= {"ack", "nack", "ship", "cancel_request_approve", "cancel_request_reject"}  # outbox action kinds
    kinds -= {"inventory", "recon", "returns"}  # sync-run kinds, not order events
    assert kinds - set(EVENT_WORDS) == set()
    assert {"label_kept", "cancel_request_approve", "cancel_request_reject"} <= kinds
