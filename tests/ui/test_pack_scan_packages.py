"""Scan to pack a split order, one parcel at a time (issue 21 "per package where an order has several"), on the
sandbox's Tokopedia & Shop dialect through the real widgets: the order's invoice names its packages and packs
nothing; package 2's scan packs package 2 only and its clip names package 2; the last parcel packs the order."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tests.ui.test_orders_packages import waiting
from tests.ui.test_pack_check import _scan
from tests.ui.test_pack_video_desk import FakeCamera
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.store import models as m


@pytest.fixture
def split_to_pack(request, sb):  # noqa: F811
    """An order split in Seller Center into two packages, neither shipped, before TokoDesk pulls."""
    o = next(x for x in waiting(sb) if len(x.lines) >= 2)
    first, second = sb.dialect.split_order(tj.order_id(o))
    sb.advance(1)
    channel = request.getfixturevalue("shop_channel")
    return channel, tj.order_id(o), first, second


@pytest.fixture
def camera_tab(qtbot, ctx, wait_idle, open_orders_tab, split_to_pack, tmp_path):
    m.AppSetting.write("video_camera", "synthetic-camera")
    m.AppSetting.write("video_folder", str(tmp_path / "videos"))
    tab = open_orders_tab(split_to_pack[0])
    wait_idle(ctx)
    recorder = tab.video.recorder
    camera = FakeCamera()
    recorder.min_free = 1
    recorder.attach_source(camera.input)
    tab.video._show_preview()
    camera.timer.start()
    yield tab
    camera.timer.stop()
    tab.video.shutdown()


def _packed() -> dict[str, bool]:
    return {p.package_id: p.packed_at is not None for p in m.Package.select()}


def _frames_in(qtbot, tab, n: int = 8) -> None:
    clip = tab.video.recorder.clip
    qtbot.waitUntil(lambda: clip.frames >= n, timeout=10000)


def test_scanning_package_2_packs_only_package_2_and_its_clip_names_it(qtbot, camera_tab, ctx, wait_idle,
                                                                       split_to_pack):
    tab = camera_tab
    _channel, order_id, first, second = split_to_pack
    order = m.Order.get(m.Order.order_id == order_id)
    assert order.state == "acknowledged" and all(line.seller_sku for line in order.lines)
    assert {first, second} <= set(_packed()) and not any(_packed().values())

    _scan(qtbot, tab.scan, order.invoice or order.order_id)
    wait_idle(ctx)
    said = tab.banner.text()
    assert first in said and second in said and "Nothing was packed" in said, said
    assert not tab.video.recording, "no parcel named: nothing is filmed"
    assert not any(_packed().values()) and m.Order.get_by_id(order.id).state == "acknowledged"

    _scan(qtbot, tab.scan, second)
    wait_idle(ctx)
    assert _packed()[second] and not _packed()[first], "only the package scanned is packed"
    assert m.Order.get_by_id(order.id).state == "acknowledged", "its other package is still to pack"
    assert tab.video.recording and tab.video.recorder.order.package_id == second
    qtbot.waitUntil(lambda: f"{second}: to ship — packed" in tab.detail.toPlainText(), timeout=10000)
    assert f"{first}: to ship — packed" not in tab.detail.toPlainText(), "the detail pane says which parcel is packed"
    _frames_in(qtbot, tab)

    # Its invoice again: one parcel left, so that one; the order is packed with it.
    _scan(qtbot, tab.scan, order.invoice or order.order_id)
    wait_idle(ctx)
    assert _packed()[first] and m.Order.get_by_id(order.id).state in ("packed", "ready_to_ship")
    assert tab.video.recorder.order.package_id == first
    _frames_in(qtbot, tab)
    tab.video.scanned()  # the next parcel's scan ends this clip
    qtbot.waitUntil(lambda: not tab.video.recorder.finishing, timeout=20000)
    wait_idle(ctx)
    clips = {c.package_id: c for c in m.Clip.select().where(m.Clip.order == order.id)}
    assert set(clips) == {first, second}, "one clip per parcel, each tied to its package"
    assert second in clips[second].path and first in clips[first].path
    text = [e.detail for e in m.OrderEvent.select().where((m.OrderEvent.order == order.id)
                                                          & (m.OrderEvent.kind == "pack"))]
    assert text == [f"package {second} packed; still to pack: {first}",
                    f"package {first} packed, the order's last; now {m.Order.get_by_id(order.id).state}"]


def test_the_order_scanned_says_what_each_parcel_holds_and_packs_the_one_clicked(qtbot, ctx, wait_idle,
                                                                                open_orders_tab, split_to_pack):
    channel, order_id, first, second = split_to_pack
    tab = open_orders_tab(channel)
    order = m.Order.get(m.Order.order_id == order_id)
    _scan(qtbot, tab.scan, order.invoice or order.order_id)
    wait_idle(ctx)
    line_of = {(ln.sku_id, ln.sku): ln.seller_sku for ln in order.lines}
    units = m.PackageOrder.get((m.PackageOrder.order == order.id)
                               & (m.PackageOrder.package == m.Package.get(m.Package.package_id == second))).units
    holds = ", ".join(f"{n}× {line_of[(sku_id, sku)]}" for sku_id, sku, n in units)
    assert f"{second}: {holds}" in tab.banner.text(), "the packer can tell the parcels apart by what they hold"
    qtbot.waitUntil(lambda: tab.detail.shown_pk == order.id, timeout=10000)
    html = tab.detail.toHtml()
    assert f"pack-package:{first}" in html and f"pack-package:{second}" in html
    assert not any(_packed().values()), "the scan alone packs nothing"
    tab.detail.anchorClicked.emit(QUrl(f"pack-package:{second}"))  # "Pack this parcel" beside package 2
    wait_idle(ctx)
    assert _packed()[second] and not _packed()[first]
    assert m.Order.get_by_id(order.id).state == "acknowledged"
    qtbot.waitUntil(lambda: f"{second}: to ship — packed" in tab.detail.toPlainText(), timeout=10000)
    # The parcel left keeps its own button (the order's Pack and a scan of the order pack it too).
    assert f"pack-package:{first}" in tab.detail.toHtml() and f"pack-package:{second}" not in tab.detail.toHtml()


def test_with_the_item_check_the_parcel_scanned_lists_its_items_and_is_the_one_packed(
        qtbot, ctx, wait_idle, open_orders_tab, split_to_pack):
    channel, order_id, first, second = split_to_pack
    tab = open_orders_tab(channel)
    tab.pack_check_box.setChecked(True)
    wait_idle(ctx)
    order = m.Order.get(m.Order.order_id == order_id)
    in_second = m.PackageOrder.get((m.PackageOrder.order == order.id)
                                   & (m.PackageOrder.package == m.Package.get(m.Package.package_id == second))).units
    _scan(qtbot, tab.scan, second)
    wait_idle(ctx)
    dialog = tab.pack_check_dialog
    assert dialog.isVisible() and m.Order.get_by_id(order.id).state == "acknowledged", "the scan alone packs nothing"
    words = " ".join(label.text() for label in dialog.findChildren(type(dialog.verdict)))
    assert f"package {second}" in words and "only its items are listed" in words, words
    shown = [(dialog.table.item(r, 0).text(), int(dialog.table.item(r, 2).text()))
             for r in range(dialog.table.rowCount())]
    line_of = {(ln.sku_id, ln.sku): ln.seller_sku for ln in order.lines}
    assert shown == [(line_of[(sku_id, sku)], n) for sku_id, sku, n in in_second], "package 2's items, not the order's"
    assert len(shown) < len(list(order.lines))
    for sku, n in shown:
        for _ in range(n):
            _scan(qtbot, dialog.scan, sku)
    assert dialog.check.complete and dialog.pack_button.isEnabled()
    _scan(qtbot, dialog.scan, "")  # Enter on the complete parcel packs it
    wait_idle(ctx)
    assert _packed()[second] and not _packed()[first]
    assert m.Order.get_by_id(order.id).state == "acknowledged"
    record = m.OrderEvent.get((m.OrderEvent.order == order.id) & (m.OrderEvent.kind == "pack_checked"))
    assert f"package {second}" in record.detail and "its own items" in record.detail
