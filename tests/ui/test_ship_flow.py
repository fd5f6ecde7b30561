"""The everyday Tokopedia & Shop flow in the window (issue 14 §3), clicking the real buttons against the sandbox:
no label without a code to scan, Arrange shipment and print, the AWB of each own-courier order, and bulk actions
that act on the orders they can and list the skipped ones with the reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.integration.test_ship_flow import make_seller_shipping
from tests.integration.tiktokshop_setup import sb, shop_order  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tests.unit.test_documents_support import decode, text
from tokodesk.sandbox import Status
from tokodesk.store import models as m
from tokodesk.ui import queries as q


def click(qtbot, button) -> None:  # noqa: ANN001
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_pack(tab, n: int, courier_own: bool = False) -> list[int]:
    """Mapped Tokopedia & Shop orders awaiting shipment (To pack), on a platform courier unless asked."""
    rows = [r for r in tab.model.all_rows() if r[q.R_STATE] == "acknowledged" and not r[q.R_UNMAPPED]
            and bool(m.Order.get_by_id(r[q.R_PK]).seller_ships) == courier_own
            and shop_order_status(r) == "AWAITING_SHIPMENT"]
    assert len(rows) >= n
    return [r[q.R_PK] for r in rows[:n]]


def shop_order_status(row: tuple) -> str:
    return row[q.R_MP_STATUS]


def pack(qtbot, tab, ctx, wait_idle, pks: list[int]) -> None:
    tab.select_pks(pks)
    click(qtbot, tab.buttons["pack"])
    wait_idle(ctx)
    assert all(m.Order.get_by_id(pk).state in ("packed", "ready_to_ship") for pk in pks)


@pytest.fixture
def seller_channel(request, sb):  # noqa: F811
    """A Tokopedia & Shop shop on pick-up where two orders go with the shop's own courier (shipping_type SELLER)."""
    make_seller_shipping(sb, 2)
    return request.getfixturevalue("shop_channel")


def test_arrange_shipment_and_print_ships_waits_and_prints_only_what_has_a_code(
        qtbot, ctx, shop_channel, sb, open_orders_tab, wait_idle, tmp_path):  # noqa: F811
    tab = open_orders_tab(shop_channel)
    first, second, unpacked = to_pack(tab, 3)

    # To pack on Tokopedia & Shop: no tracking number yet, so no label; the button says what to do instead.
    tab.select_pks([first])
    assert not tab.buttons["label"].isEnabled()
    assert "Arrange shipment and print" in tab.buttons["label"].toolTip()
    assert tab.buttons["arrange"].isVisible()

    pack(qtbot, tab, ctx, wait_idle, [first, second])
    tab.select_pks([first, second, unpacked])
    assert "Skips 1 of the 3 selected" in tab.buttons["arrange"].toolTip()
    click(qtbot, tab.buttons["arrange"])
    qtbot.waitUntil(lambda: getattr(tab, "arrange_dialog", None) is not None, timeout=10000)
    dialog = tab.arrange_dialog
    # It names the orders it ships, and its marketplace calls run in that shop's lane.
    assert all((m.Order.get_by_id(pk).invoice or m.Order.get_by_id(pk).order_id) in dialog.orders_label.text()
               for pk in (first, second, unpacked))
    assert dialog.job.lane == ctx.lane(shop_channel.id)
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=30000)
    wait_idle(ctx)
    assert dialog.result.shipped == 2 and sorted(dialog.result.ready) == sorted([first, second])
    for pk in (first, second):
        order = m.Order.get_by_id(pk)
        assert order.state == "awaiting_pickup" and order.awb == shop_order(sb, order).awb
        assert shop_order(sb, order).status == Status.AWAITING_PICKUP
    # The skipped order is listed with the reason, and nothing was sent for it.
    assert dialog.table.isVisibleTo(dialog) and dialog.table.rowCount() == 1
    assert dialog.table.item(0, 1).text() == "Skipped" and "Pack" in dialog.table.item(0, 2).text()
    assert m.Order.get_by_id(unpacked).state == "acknowledged"

    printer = tab.print_dialog
    qtbot.waitUntil(lambda: printer.print_button.isEnabled(), timeout=15000)
    assert printer.documents[0].pageCount() == 2 and printer.mark_printed.isChecked()
    labels = printer.job.parts[0]
    awbs = {m.Order.get_by_id(pk).awb for pk in (first, second)}
    assert {value for kind, value in decode(labels, 1) + decode(labels, 2) if kind == "Code128"} == awbs
    assert all(awb in text(labels) for awb in awbs)
    printer.print_now(str(tmp_path / "labels.pdf"))
    wait_idle(ctx)
    assert (tmp_path / "labels.pdf").read_bytes().startswith(b"%PDF")
    assert all(m.Order.get_by_id(pk).label_printed_at is not None for pk in (first, second))
    assert m.Order.get_by_id(unpacked).label_printed_at is None


def test_print_label_skips_the_orders_without_a_code_and_marks_only_the_printed(
        qtbot, ctx, shop_channel, open_orders_tab, wait_idle, tmp_path):  # noqa: F811
    from tokodesk.services.fulfilment import Fulfilment

    tab = open_orders_tab(shop_channel)
    shipped, waiting = to_pack(tab, 2)
    with Fulfilment(adapters=ctx.adapter_factory, who="setup") as service:
        service.pack([m.Order.get_by_id(shipped)])
        assert service.ship([m.Order.get_by_id(shipped)])[0].ok
    tab.reload()
    wait_idle(ctx)
    tab.select_pks([shipped, waiting])
    assert "Skips 1 of the 2 selected" in tab.buttons["label"].toolTip()
    click(qtbot, tab.buttons["label"])
    dialog = tab.print_dialog
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=15000)
    assert dialog.documents[0].pageCount() == 1
    assert "No label for:" in dialog.info.text() and m.Order.get_by_id(waiting).order_id in dialog.info.text()
    assert "tracking number" in dialog.info.text()
    assert dialog.mark_printed.isChecked()
    dialog.print_now(str(tmp_path / "one.pdf"))
    wait_idle(ctx)
    assert m.Order.get_by_id(shipped).label_printed_at is not None
    assert m.Order.get_by_id(waiting).label_printed_at is None  # never "printed" without a code


def test_ship_asks_each_own_courier_order_for_its_awb_and_checks_it_before_sending(
        qtbot, ctx, seller_channel, sb, open_orders_tab, wait_idle):  # noqa: F811
    tab = open_orders_tab(seller_channel)
    one, two = to_pack(tab, 2, courier_own=True)
    pack(qtbot, tab, ctx, wait_idle, [one, two])
    tab.select_pks([one, two])
    click(qtbot, tab.buttons["ship"])
    qtbot.waitUntil(lambda: getattr(tab, "awb_dialog", None) is not None and tab.awb_dialog.isVisible(),
                    timeout=10000)
    dialog = tab.awb_dialog
    assert len(dialog.fields) == 2 and not dialog.ok_button.isEnabled()  # every order needs its AWB

    dialog.fields[0].insert("JP\u201312345678")  # pasted from a chat, with the en dash its keyboard made
    assert not dialog.ok_button.isEnabled()
    assert dialog.errors[0].isVisible() and "U+2013 EN DASH" in dialog.errors[0].text()
    assert "plain hyphen" in dialog.errors[0].text()
    dialog.fields[0].setText("")
    qtbot.keyClicks(dialog.fields[0], "JP1234567890")
    qtbot.keyClick(dialog.fields[0], Qt.Key.Key_Return)  # a scanner's Enter moves on to the next order
    assert dialog.isVisible() and dialog.fields[1].hasFocus()
    qtbot.keyClicks(dialog.fields[1], "jp1234567890")
    assert not dialog.ok_button.isEnabled() and "same AWB" in dialog.errors[1].text()
    dialog.fields[1].setText("")
    qtbot.keyClicks(dialog.fields[1], "JP12")
    assert "4 characters" in dialog.errors[1].text() and not dialog.ok_button.isEnabled()
    assert all(shop_order(sb, m.Order.get_by_id(pk)).status != Status.SHIPPED for pk in (one, two))  # nothing sent

    dialog.fields[1].setText("JP1234567891")
    assert dialog.ok_button.isEnabled()
    click(qtbot, dialog.ok_button)
    wait_idle(ctx)
    got = {m.Order.get_by_id(pk).awb for pk in (one, two)}
    assert got == {"JP1234567890", "JP1234567891"}
    assert {shop_order(sb, m.Order.get_by_id(pk)).awb for pk in (one, two)} == got


def test_a_bulk_action_acts_on_the_orders_it_can_and_lists_the_skipped_with_the_reason(
        qtbot, ctx, sandbox_channel, open_orders_tab, wait_idle):
    tab = open_orders_tab(sandbox_channel)
    assert tab.buttons["arrange"].isHidden()  # Tokopedia gives the booking code at acceptance: print, then ship
    new = [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] == "new" and not r[q.R_UNMAPPED]][:2]
    shipped = [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] == "shipped"][:1]
    tab.set_chip("all")  # the shipped order is not in "To do": a mixed selection is made under "All"
    tab.select_pks(new + shipped)
    click(qtbot, tab.buttons["ack"])
    wait_idle(ctx)
    assert [m.Order.get_by_id(pk).state for pk in new] == ["acknowledged", "acknowledged"]
    assert m.Order.get_by_id(shipped[0]).state == "shipped"
    results = tab.results_dialog
    assert results.isVisible() and "2 of 3 done. 1 skipped" in results.summary.text()
    cols = {results.table.horizontalHeaderItem(c).text(): c for c in range(results.table.columnCount())}
    assert results.table.item(0, cols["Result"]).text() == "Skipped"
    assert results.table.item(0, cols["Invoice"]).text() == m.Order.get_by_id(shipped[0]).invoice
    # the state in the window's own word for it, as the queue's Status column says it
    assert "this one is Shipped." in results.table.item(0, cols["Reason"]).text()


def test_on_an_own_courier_channel_ship_asks_for_the_awbs_and_the_labels_then_carry_them(
        qtbot, ctx, sandbox_channel, sandbox, open_orders_tab, wait_idle, tmp_path):
    from pypdf import PdfReader

    from tokodesk.services.fulfilment import Fulfilment

    m.Channel.update(business_model="own_courier").where(m.Channel.id == sandbox_channel.id).execute()
    tab = open_orders_tab(m.Channel.get_by_id(sandbox_channel.id))
    pks = [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] == "new" and not r[q.R_UNMAPPED]][:2]
    with Fulfilment(adapters=ctx.adapter_factory, who="setup") as service:
        service.acknowledge([m.Order.get_by_id(pk) for pk in pks])
        service.pack([m.Order.get_by_id(pk) for pk in pks])
    tab.reload()
    wait_idle(ctx)
    tab.select_pks(pks)
    click(qtbot, tab.buttons["ship"])
    qtbot.waitUntil(lambda: getattr(tab, "awb_dialog", None) is not None and tab.awb_dialog.isVisible(),
                    timeout=10000)
    dialog = tab.awb_dialog
    for field, awb in zip(dialog.fields, ("KT0000000101", "KT0000000102"), strict=True):
        qtbot.keyClicks(field, awb)
        qtbot.keyClick(field, Qt.Key.Key_Return)  # the last Enter ships, as a scanner at the desk does
    wait_idle(ctx)
    assert not dialog.isVisible()
    typed = dict(zip(dialog._ids, ("KT0000000101", "KT0000000102"), strict=True))  # each row's order got its own
    orders = [m.Order.get_by_id(pk) for pk in pks]
    assert {o.order_id: o.awb for o in orders} == typed and {o.state for o in orders} == {"shipped"}
    assert {o.order_id: sandbox.order(o.order_id).awb for o in orders} == typed
    assert all(tab.model.row_of_pk(pk) is None for pk in pks), "shipped: off the work still to do"

    tab.set_chip("shipped")  # their labels are printed from there
    tab.select_pks(pks)
    click(qtbot, tab.buttons["label"])
    printer = tab.print_dialog
    qtbot.waitUntil(lambda: printer.print_button.isEnabled(), timeout=15000)
    pdf = printer.job.parts[0]
    (tmp_path / "labels.pdf").write_bytes(pdf)
    pages = [page.extract_text() for page in PdfReader(tmp_path / "labels.pdf").pages]
    assert len(pages) == 2 and all(any(o.awb in page for page in pages) for o in orders)
    assert {value for page in (1, 2) for kind, value in decode(pdf, page) if kind == "Code128"} == {
        "KT0000000101", "KT0000000102"}


def test_the_arrange_dialog_keeps_its_lines_together_when_every_label_printed(qtbot):
    """All shipped and printed: no table of what did not print, and the two lines stay at the top together (they
    were spread down the whole dialog, one in its middle); with something unprinted its table says "Order"."""
    from types import SimpleNamespace

    from tokodesk.ui.ship_dialogs import ArrangeDialog

    dialog = ArrangeDialog(["576000001202416195", "576000001202414678"])
    qtbot.addWidget(dialog)
    dialog.resize(720, 320)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.job = object()
    done = SimpleNamespace(outcomes=[1, 2], shipped=2, ready=[1, 2], stopped=False, not_printed=[])
    dialog.finished_with(done)
    qtbot.waitUntil(lambda: dialog.info.geometry().top() - dialog.orders_label.geometry().bottom() < 30)
    assert dialog.info.geometry().bottom() < dialog.height() // 2
    assert dialog.table.horizontalHeaderItem(0).text() == "Order"

    unprinted = SimpleNamespace(shipped=True, refused=False, invoice="", order_id="576000001202414678",
                                reason="no tracking number yet")
    dialog.finished_with(SimpleNamespace(outcomes=[1, 2], shipped=2, ready=[1], stopped=False,
                                         not_printed=[unprinted]))
    qtbot.waitUntil(lambda: dialog.table.isVisible())
    assert dialog.table.height() > dialog.height() // 3  # the table, not a blank filler, takes the room


def test_the_awb_dialog_names_its_first_column_order_in_both_languages(qtbot):
    """A Tokopedia & Shop order has its ID, not an invoice, in the first column: the header says "Order"."""
    from tokodesk.ui import i18n
    from tokodesk.ui.ship_dialogs import AwbDialog

    rows = [("576000001202416195", "576000001202416195", "Custom Logistik")]
    dialog = AwbDialog(rows)
    qtbot.addWidget(dialog)
    assert [h.text() for h in dialog.headers] == ["<b>Order</b>", "<b>Courier</b>", "<b>AWB (resi)</b>"]
    assert i18n.install("id")
    try:
        dialog = AwbDialog(rows)
        qtbot.addWidget(dialog)
        assert [h.text() for h in dialog.headers] == ["<b>Pesanan</b>", "<b>Kurir</b>", "<b>Nomor resi (AWB)</b>"]
    finally:
        i18n.install("en")
