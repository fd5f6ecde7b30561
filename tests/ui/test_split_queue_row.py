"""A split order in the queue while its parcels are packed one at a time (issue 21 left it saying "To pack" until the
last parcel): the State column says how many of its parcels are packed, and the order is still work to pack (the To
do and To pack chips count it). Against the sandbox's Tokopedia & Shop dialect, through the real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tests.ui.test_orders_packages import row_of
from tests.ui.test_pack_scan_packages import split_to_pack  # noqa: F401 - fixture
from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.orders_model import COL_STATE
from tokodesk.ui.orders_tab import OrdersTab


def _state_text(tab: OrdersTab, order_id: str) -> str:
    row = tab.model.row_of_pk(row_of(tab, order_id)[q.R_PK])
    assert row is not None, "the order is shown under the chip"
    return str(tab.model.data(tab.model.index(row, COL_STATE)))


def test_a_split_order_half_packed_says_so_and_stays_to_pack(qtbot, ctx, wait_idle, open_orders_tab,
                                                            split_to_pack):  # noqa: F811
    channel, order_id, first, second = split_to_pack
    tab = open_orders_tab(channel)
    order = m.Order.get(m.Order.order_id == order_id)
    assert _state_text(tab, order_id).startswith("To pack")
    counts = dict(tab.model.counts())

    tab.select_pks([order.id])
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.detail.shown_pk == order.id, timeout=10000)
    tab.detail.anchorClicked.emit(QUrl(f"pack-package:{second}"))  # "Pack this parcel" beside package 2
    wait_idle(ctx)
    qtbot.waitUntil(lambda: "1 of 2 parcels packed" in _state_text(tab, order_id), timeout=10000)
    assert _state_text(tab, order_id).startswith("To pack")
    assert tab.model.counts()["to_pack"] == counts["to_pack"] and tab.model.counts()["todo"] == counts["todo"]
    tab.set_chip("to_pack")
    assert tab.model.row_of_pk(order.id) is not None, "still work to pack"
    tab.set_chip("todo")
    assert tab.model.row_of_pk(order.id) is not None

    tab.detail.anchorClicked.emit(QUrl(f"pack-package:{first}"))  # the last parcel: the order is packed
    wait_idle(ctx)
    qtbot.waitUntil(lambda: m.Order.get_by_id(order.id).state in ("packed", "ready_to_ship"), timeout=10000)
    qtbot.waitUntil(lambda: "parcels" not in _state_text(tab, order_id), timeout=10000)
    assert not _state_text(tab, order_id).startswith("To pack")


def test_in_indonesian_the_row_counts_paket(qtbot, ctx, wait_idle, open_orders_tab, split_to_pack):  # noqa: F811
    from tokodesk.services.fulfilment import Fulfilment
    from tokodesk.services.fulfilment.pack_package import pack_package
    from tokodesk.ui import i18n

    channel, order_id, _first, second = split_to_pack
    tab = open_orders_tab(channel)
    with Fulfilment(adapters=lambda _c: None) as fulfilment:
        pack_package(fulfilment, channel.id, second)
    tab.model.replace_rows(q.order_rows(channel.id, [row_of(tab, order_id)[q.R_PK]]))
    assert i18n.install("id")
    try:
        assert "1 dari 2 paket" in _state_text(tab, order_id)
        # At 1366×768 the State column fits a state and one mark: "Perlu dikemas · 1 dari 2 pake…". Hovering it says
        # what the "…" cut off, as the other columns' cells do.
        row = tab.model.row_of_pk(row_of(tab, order_id)[q.R_PK])
        tip = tab.model.data(tab.model.index(row, COL_STATE), Qt.ItemDataRole.ToolTipRole)
        assert "1 dari 2 paket sudah dikemas" in tip, tip
    finally:
        i18n.install("en")


def test_the_pack_button_on_a_half_packed_split_order_packs_the_other_parcel(qtbot, ctx, wait_idle, open_orders_tab,
                                                                          split_to_pack):  # noqa: F811
    channel, order_id, first, second = split_to_pack
    tab = open_orders_tab(channel)
    order = m.Order.get(m.Order.order_id == order_id)
    tab.select_pks([order.id])
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.detail.shown_pk == order.id, timeout=10000)
    tab.detail.anchorClicked.emit(QUrl(f"pack-package:{second}"))
    wait_idle(ctx)
    qtbot.waitUntil(lambda: "1 of 2 parcels packed" in _state_text(tab, order_id), timeout=10000)
    by_second = m.Package.get(m.Package.package_id == second).packed_at

    tab.select_pks([order.id])
    wait_idle(ctx)
    assert tab.buttons["pack"].isEnabled(), tab.buttons["pack"].toolTip()
    qtbot.mouseClick(tab.buttons["pack"], Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    qtbot.waitUntil(lambda: m.Order.get_by_id(order.id).state in ("packed", "ready_to_ship"), timeout=10000)
    packed = {p.package_id: p.packed_at for p in m.Package.select().where(m.Package.package_id.in_([first, second]))}
    assert packed[first] is not None and packed[second] == by_second, "the rest packed, the first keeps its time"
    qtbot.waitUntil(lambda: f"{first}: to ship — packed" in tab.detail.toPlainText()
                    and f"{second}: to ship — packed" in tab.detail.toPlainText(), timeout=10000)
    assert "parcels" not in _state_text(tab, order_id)


def _click_pack_this_parcel(qtbot, pane, package_id: str) -> None:
    """Click the "Pack this parcel" the pane shows on the package's own line (fails when that line has none)."""
    from PySide6.QtGui import QTextDocument

    doc = pane.document()
    at = doc.find(f"{package_id}:")
    assert not at.isNull(), pane.toPlainText()
    link = doc.find("Pack this parcel", at, QTextDocument.FindFlag.FindCaseSensitively)
    assert not link.isNull() and link.block() == at.block(), f"no button beside {package_id}: {at.block().text()}"
    link.setPosition(link.selectionStart() + 3)
    pane.setTextCursor(link)
    pane.ensureCursorVisible()
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=pane.cursorRect(link).center())


def test_the_last_parcel_left_keeps_its_pack_button(qtbot, ctx, wait_idle, open_orders_tab,
                                                    split_to_pack):  # noqa: F811
    """One parcel of a split order packed: the other one, the last left, is still packed from its own line."""
    channel, order_id, first, second = split_to_pack
    tab = open_orders_tab(channel)
    order = m.Order.get(m.Order.order_id == order_id)
    tab.select_pks([order.id])
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.detail.shown_pk == order.id, timeout=10000)
    _click_pack_this_parcel(qtbot, tab.detail, second)
    wait_idle(ctx)
    qtbot.waitUntil(lambda: "1 of 2 parcels packed" in _state_text(tab, order_id), timeout=10000)
    qtbot.waitUntil(lambda: f"{second}: to ship — packed" in tab.detail.toPlainText(), timeout=10000)
    assert tab.detail.shown_pk == order.id
    _click_pack_this_parcel(qtbot, tab.detail, first)  # the last parcel left to pack
    wait_idle(ctx)
    qtbot.waitUntil(lambda: m.Order.get_by_id(order.id).state in ("packed", "ready_to_ship"), timeout=10000)
    assert m.Package.get(m.Package.package_id == first).packed_at is not None
    # Packed: no parcel offers the button any more.
    qtbot.waitUntil(lambda: f"{first}: to ship — packed" in tab.detail.toPlainText(), timeout=10000)
    assert "Pack this parcel" not in tab.detail.toPlainText()
