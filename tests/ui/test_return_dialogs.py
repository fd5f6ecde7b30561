"""The Returns tab's dialogs and links, clicked: reject with photos picked from disk (thumbnails, a bad file named),
the buyer's photos shown small (downloaded off the GUI thread), the order and its label one click away, and a
parcel the buyer never took scanned at the desk."""

from __future__ import annotations

import pytest
from PIL import Image
from PySide6.QtWidgets import QFileDialog

from tests.integration.test_returns_sandbox import ask, delivered
from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tests.ui.test_returns_tab import click, open_tab  # noqa: F401 - fixture
from tokodesk.sandbox import tiktokshop_returns as sr
from tokodesk.store import models as m


@pytest.fixture
def asked(qtbot, ctx, sb, shop_channel, open_tab, wait_idle):  # noqa: F811
    """One buyer's request, synced into the tab and selected (its reasons and photos loaded)."""
    sb.dialect.returns_book.rate = 0.0
    [ret] = ask(sb, delivered(sb, 1))
    tab = open_tab(shop_channel)
    click(qtbot, tab.sync_button)
    wait_idle(ctx)
    tab.select_return(ret.return_id)
    wait_idle(ctx)
    return tab, ret


def test_reject_with_photos_picked_from_disk(qtbot, ctx, sb, asked, wait_idle, tmp_path, monkeypatch):  # noqa: F811
    tab, ret = asked
    files = []
    for name, fmt, size in (("retak.jpg", "JPEG", (800, 600)), ("kotak.png", "PNG", (400, 400)),
                            ("video.jpg", "GIF", (400, 400)), ("lagi.jpg", "JPEG", (300, 300))):
        Image.new("RGB", size, (len(name) * 20, 40, 90)).save(tmp_path / name, fmt)
        files.append(str(tmp_path / name))
    picked = [files[:3], [files[3]]]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (picked.pop(0), ""))
    click(qtbot, tab.reject_button)
    dialog = tab.dialog
    dialog.reason.setCurrentIndex(dialog.reason.findData("reverse_reject_request_reason_no_evidence"))
    click(qtbot, dialog.add_button)
    assert [dialog.thumbs.item(i).text() for i in range(dialog.thumbs.count())] == ["retak.jpg", "kotak.png"]
    assert not dialog.thumbs.item(0).icon().isNull()
    assert dialog.problem.text() == "video.jpg: not a photo Tokopedia & Shop takes (JPG, PNG, WEBP, HEIC or BMP)"
    click(qtbot, dialog.add_button)
    assert dialog.thumbs.count() == 3 and dialog.problem.text() == ""
    dialog.thumbs.item(1).setSelected(True)
    click(qtbot, dialog.remove_button)  # the PNG is taken off again
    assert [p.name for p in dialog.photos] == ["retak.jpg", "lagi.jpg"]
    click(qtbot, dialog.ok_button)
    wait_idle(ctx)
    book = sb.dialect.returns_book
    assert ret.status == sr.REJECTED and book.image_uploads == 2
    assert [(i["width"], i["height"]) for i in ret.records[-1]["images"]] == [(800, 600), (300, 300)]


def test_the_buyers_photos_are_shown_small(qtbot, ctx, asked, wait_idle):
    tab, _ret = asked
    assert len(tab.thumb_labels) == 2
    qtbot.waitUntil(lambda: all(not (label.pixmap() is None or label.pixmap().isNull())
                                for label in tab.thumb_labels), timeout=10000)
    assert tab.thumb_labels[0].pixmap().width() <= 72


def test_the_order_and_its_label_one_click_away(qtbot, ctx, sb, shop_channel, wait_idle):  # noqa: F811
    from tokodesk.services import returns as rs
    from tokodesk.ui.main_window import MainWindow
    from tokodesk.ui.printing import PrintDialog

    sb.dialect.returns_book.rate = 0.0
    [ret] = ask(sb, delivered(sb, 1))
    assert rs.sync_returns(shop_channel).created == 1
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    wait_idle(ctx)
    tab = win.returns_tab
    win.tabs.setCurrentWidget(tab)
    # At start the tab knows the channel's marketplace (it was built before the channel list was read).
    assert [r.return_id for r in tab.rows] == [ret.return_id] and tab.sync_button.isEnabled()
    tab.select_return(ret.return_id)
    wait_idle(ctx)
    order = m.Return.get(m.Return.return_id == ret.return_id).order
    win.orders_tab.set_chip("new")  # a filter that hides the delivered order: opening it clears it
    click(qtbot, tab.order_button)
    assert win.tabs.currentWidget() is win.orders_tab
    qtbot.waitUntil(lambda: win.orders_tab.selected_order_ids() == [order.id], timeout=10000)
    qtbot.waitUntil(lambda: win.orders_tab.detail.shown_pk == order.id, timeout=5000)

    win.tabs.setCurrentWidget(tab)
    click(qtbot, tab.label_button)
    assert isinstance(tab.dialog, PrintDialog) and tab.dialog.isVisible()
    tab.dialog.close()
    win.close()


def test_a_parcel_the_buyer_never_took_is_scanned_in_from_the_tab(qtbot, ctx, open_tab, wait_idle):  # noqa: F811
    channel = m.Channel.create(name="legacy", marketplace="tokopedia", fs_id="1", client_id="c", shop_id="2")
    order = m.Order.create(channel=channel, order_id="55", invoice="INV/55", state="returned",
                           marketplace_status="550", awb="JNE0055001", stock_taken=True, created_at=m.utcnow())
    m.OrderLine.create(order=order, sku="mp-kaos", seller_sku="KAOS-M", quantity=2)
    m.StockItem.create(seller_sku="KAOS-M", on_hand=3)
    tab = open_tab(channel)
    click(qtbot, tab.scan_button)
    dialog = tab.dialog
    for code in ("JNE0055001", "JNE0055001", "NOSUCH"):
        dialog.code.setText(code)
        click(qtbot, dialog.check_button)
        wait_idle(ctx)
        if code == "NOSUCH":
            assert "no parcel 'NOSUCH'" in dialog.result.text()
        elif m.StockMovement.select().count() == 1 and "back:" in dialog.result.text():
            assert dialog.result.text() == "Order INV/55 is back: KAOS-M +2"
            assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-M").on_hand == 5
        else:
            assert "KAOS-M came back already" in dialog.result.text()
    assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-M").on_hand == 5 and m.StockMovement.select().count() == 1


def test_offer_a_partial_refund_the_marketplace_proposes(qtbot, ctx, sb, asked, wait_idle):  # noqa: F811
    tab, ret = asked
    click(qtbot, tab.offer_button)
    dialog = tab.dialog
    assert not dialog.calculate_button.isEnabled() and not dialog.ok_button.isEnabled()  # no units, no amount
    dialog.spins[0].setValue(1)
    click(qtbot, dialog.calculate_button)
    wait_idle(ctx)
    price = ret.lines[0].price
    assert dialog.proposal.text() == f"Tokopedia & Shop proposes Rp {price:,}".replace(",", ".")
    full = m.Return.get(m.Return.return_id == ret.return_id).refund_total
    if price >= full:  # one unit is the whole refund: a partial refund must be below it
        assert not dialog.ok_button.isEnabled() and "below the full refund" in dialog.problem.text()
    dialog.amount.setText("lima ribu")
    assert not dialog.ok_button.isEnabled() and "is not a price" in dialog.problem.text()
    offer = min(price, full) // 2
    dialog.amount.setText(f"{offer:,}".replace(",", "."))
    assert sb.dialect.returns_book.decision_requests[ret.return_id] == 0  # nothing offered yet
    click(qtbot, dialog.ok_button)
    wait_idle(ctx)
    assert ret.status == sr.AWAITING_BUYER and ret.partial_amount == offer
