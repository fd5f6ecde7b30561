"""The packing video at the Orders tab (issue 21), through the real widgets on both marketplaces' sandboxes: a scan
starts a clip of that order, the next scan or Pack ends it; the order detail shows the clip with Play and Export for
dispute; without a camera the desk packs as before and the settings say why. Frames come from a program through a
QVideoFrameInput into the same sink a camera feeds (no camera in CI)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QVideoFrame, QVideoFrameInput

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tests.ui.test_pack_check import _scan, _to_pack
from tokodesk.store import models as m


@pytest.fixture(params=["tokopedia", "tiktokshop"])
def channel(request):
    return request.getfixturevalue("sandbox_channel" if request.param == "tokopedia" else "shop_channel")


class FakeCamera:
    """A program standing in for the camera: 320×180 frames at 25 a second into a QVideoFrameInput."""

    def __init__(self) -> None:
        self.input = QVideoFrameInput()
        self.timer = QTimer()
        self.timer.setInterval(40)
        self.timer.timeout.connect(self.send)
        self.n = 0

    def send(self) -> None:
        image = QImage(320, 180, QImage.Format.Format_RGB32)
        image.fill(QColor((self.n * 9) % 255, 90, 140))
        self.input.sendVideoFrame(QVideoFrame(image))
        self.n += 1


@pytest.fixture
def filmed_tab(qtbot, ctx, wait_idle, open_orders_tab, channel, tmp_path):
    """The Orders tab with a camera chosen (a program's frames standing in for it) and a video folder."""
    m.AppSetting.write("video_camera", "synthetic-camera")
    m.AppSetting.write("video_folder", str(tmp_path / "videos"))
    tab = open_orders_tab(channel)
    wait_idle(ctx)
    recorder = tab.video.recorder
    assert recorder.settings is not None and not recorder.available, "that camera is not connected"
    assert "not connected" in tab.video.status_text()
    camera = FakeCamera()
    recorder.min_free = 1
    recorder.attach_source(camera.input)
    tab.video._show_preview()
    camera.timer.start()
    yield tab
    camera.timer.stop()
    tab.video.shutdown()


def _frames_in(qtbot, tab, n: int = 12) -> None:
    clip = tab.video.recorder.clip
    qtbot.waitUntil(lambda: clip.frames >= n, timeout=10000)


def test_scanning_a_then_b_films_each_into_a_clip_of_its_own(qtbot, filmed_tab, ctx, wait_idle, tmp_path):
    tab = filmed_tab
    a, b = _to_pack(tab, ctx, wait_idle, 2)
    assert tab.video.preview.isVisible() and not tab.video.preview.recording
    _scan(qtbot, tab.scan, a.invoice or a.order_id)
    wait_idle(ctx)
    assert tab.video.recording and tab.video.preview.recording, "the red recording mark is on"
    assert (a.invoice or a.order_id) in tab.video.preview.toolTip()
    assert m.Order.get_by_id(a.id).state in ("packed", "ready_to_ship"), "packing does not wait for the video"
    _frames_in(qtbot, tab)

    tab.pack_check_box.setChecked(True)  # B through the item check: its Pack ends the clip
    wait_idle(ctx)
    _scan(qtbot, tab.scan, b.invoice or b.order_id)
    wait_idle(ctx)
    assert tab.video.recorder.order.order_pk == b.id
    _frames_in(qtbot, tab)
    dialog = tab.pack_check_dialog
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert not tab.video.recording and not tab.video.preview.recording
    qtbot.waitUntil(lambda: not tab.video.recorder.finishing, timeout=20000)
    wait_idle(ctx)

    clips = {c.order_id: c for c in m.Clip.select()}
    assert set(clips) == {a.id, b.id}, "one clip per scanned order, tied to that order"
    assert clips[a.id].ended_why == "next_scan" and clips[b.id].ended_why == "pack"
    for order in (a, b):
        clip = clips[order.id]
        path = Path(clip.path)
        assert path.parent == tmp_path / "videos" and path.name.startswith(
            (order.invoice or order.order_id).replace("/", "-"))
        assert clip.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert clip.station == "tester@desk1"
    assert clips[a.id].ended_at <= clips[b.id].ended_at


def test_the_order_detail_plays_the_clip_and_exports_it_for_a_dispute(qtbot, filmed_tab, ctx, wait_idle, tmp_path):
    from pypdf import PdfReader

    tab = filmed_tab
    (order,) = _to_pack(tab, ctx, wait_idle, 1)
    _scan(qtbot, tab.scan, order.invoice or order.order_id)
    wait_idle(ctx)
    _frames_in(qtbot, tab, 25)
    _scan(qtbot, tab.scan, "NO-SUCH-PARCEL")  # any scan ends the clip before it
    wait_idle(ctx)
    qtbot.waitUntil(lambda: not tab.video.recorder.finishing, timeout=20000)
    wait_idle(ctx)
    clip = m.Clip.get(m.Clip.order == order.id)
    assert clip.ended_why == "next_scan"

    tab.select_pks([order.id])
    qtbot.waitUntil(lambda: tab.detail.shown_pk == order.id and "Packing video" in tab.detail.toPlainText(),
                    timeout=10000)
    text = tab.detail.toPlainText()
    assert "Play" in text and "Export for dispute" in text and "tester@desk1" in text

    tab.detail.anchorClicked.emit(QUrl(f"clip-play:{clip.id}"))
    wait_idle(ctx)
    player = tab.video.player
    assert player is not None and player.isVisible()
    qtbot.waitUntil(lambda: player.player.duration() > 0, timeout=15000)
    player.close()

    tab.detail.anchorClicked.emit(QUrl(f"clip-export:{clip.id}"))
    dialog = tab.video.export_dialog
    assert dialog is not None and dialog.isVisible()
    target = tmp_path / "dispute"
    target.mkdir()
    dialog.fileSelected.emit(str(target))
    dialog.close()
    wait_idle(ctx)
    done = tab.video.last_export
    assert done is not None and done.video.parent == target
    assert hashlib.sha256(done.video.read_bytes()).hexdigest() == clip.sha256
    pdf = " ".join(page.extract_text() for page in PdfReader(str(done.sheet)).pages)
    assert len(PdfReader(str(done.sheet)).pages) == 1
    for expected in (order.invoice or order.order_id, order.order_id, clip.sha256, "tester@desk1", "PACKING VIDEO"):
        assert expected in pdf.replace("\n", " ") or expected in pdf.replace("\n", "")
    assert "Exported" in tab.banner.text()

    # Exporting again into the same folder overwrites nothing and says so.
    tab.video.export_to(clip.id, target)
    wait_idle(ctx)
    assert "already in" in tab.banner.text()


def test_without_a_camera_the_desk_packs_as_before_and_the_settings_say_why(qtbot, window, ctx, wait_idle,
                                                                         sandbox_channel):
    from tokodesk.ui.pack_video_settings import open_settings

    window.reload_channels()
    wait_idle(ctx)
    ctx.select_channel(sandbox_channel.id)
    wait_idle(ctx)
    tab = window.orders_tab
    assert not tab.video.active and not tab.video.preview.isVisible()
    (order,) = _to_pack(tab, ctx, wait_idle, 1)
    _scan(qtbot, tab.scan, order.invoice)
    wait_idle(ctx)
    assert m.Order.get_by_id(order.id).state in ("packed", "ready_to_ship")
    assert m.Clip.select().count() == 0 and not tab.video.recording

    open_settings(window)
    wait_idle(ctx)
    dialog = window.video_settings
    assert dialog.isVisible()
    assert "No camera is chosen" in dialog.status.text()
    assert dialog.camera.currentData() == ""


def test_a_returned_parcel_is_filmed_while_it_is_received_and_inspected(qtbot, ctx, wait_idle, sb, shop_channel,  # noqa: F811
                                                                        open_orders_tab, tmp_path):
    from tests.integration.test_returns_sandbox import ask, delivered
    from tests.ui.test_returns_tab import click
    from tokodesk.ui.returns_tab import ReturnsTab

    m.AppSetting.write("video_camera", "synthetic-camera")
    m.AppSetting.write("video_folder", str(tmp_path / "videos"))
    orders_tab = open_orders_tab(shop_channel)
    camera = FakeCamera()
    orders_tab.video.recorder.min_free = 1
    orders_tab.video.recorder.attach_source(camera.input)
    camera.timer.start()
    returns = ReturnsTab(ctx)
    returns.video = orders_tab.video
    qtbot.addWidget(returns)
    returns.show()
    wait_idle(ctx)

    sb.dialect.returns_book.rate = 0.0
    (first,) = ask(sb, delivered(sb, 1))
    click(qtbot, returns.sync_button)
    wait_idle(ctx)
    returns.select_return(first.return_id)
    wait_idle(ctx)
    click(qtbot, returns.approve_button)
    wait_idle(ctx)
    sb.advance(86400)  # the buyer sends the parcel back
    click(qtbot, returns.sync_button)
    wait_idle(ctx)
    returns.filter.setCurrentIndex(returns.filter.findData("to_inspect"))
    wait_idle(ctx)
    returns.select_return(first.return_id)
    wait_idle(ctx)
    click(qtbot, returns.receive_button)
    wait_idle(ctx)
    recorder = orders_tab.video.recorder
    order_pk = returns.selected().order_pk
    assert recorder.recording and recorder.order.order_pk == order_pk
    assert orders_tab.video.unboxing_preview.recording, "the dialog shows the camera with its recording mark"
    _frames_in(qtbot, orders_tab)
    click(qtbot, returns.dialog.ok_button)
    wait_idle(ctx)
    assert not recorder.recording
    qtbot.waitUntil(lambda: not recorder.finishing, timeout=20000)
    wait_idle(ctx)
    camera.timer.stop()
    clip = m.Clip.get(m.Clip.order == order_pk)
    assert (clip.kind, clip.ended_why) == ("unboxing", "inspected")
    assert "_unboxing_" in Path(clip.path).name and clip.size_bytes > 0
    orders_tab.video.shutdown()


def test_the_settings_dialog_refuses_a_folder_it_cannot_write_and_saves_a_good_one(qtbot, window, ctx, wait_idle,
                                                                                   tmp_path):
    from tokodesk.services import pack_video as pv
    from tokodesk.ui.pack_video_settings import open_settings

    open_settings(window)
    wait_idle(ctx)
    dialog = window.video_settings
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog.folder.setText(str(blocker / "videos"))
    dialog.keep_days.setValue(14)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert dialog.isVisible() and dialog.error.isVisible() and "cannot be written" in dialog.error.text()
    assert m.AppSetting.read("video_keep_days") is None, "nothing is saved from a refused form"

    dialog.folder.setText(str(tmp_path / "videos"))
    dialog.keep_gb.setValue(2.5)
    dialog.max_minutes.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    assert not dialog.isVisible()
    saved = pv.read_settings()
    assert (saved.folder, saved.keep_days, saved.keep_bytes, saved.max_seconds) == (
        tmp_path / "videos", 14, int(2.5 * pv.GB), 180)
    assert window.orders_tab.video.recorder.settings == saved, "the desk uses the new settings at once"


def test_a_video_folder_gone_at_the_scan_warns_and_the_order_is_packed_all_the_same(qtbot, filmed_tab, ctx, wait_idle,
                                                                                   tmp_path):
    from dataclasses import replace

    tab = filmed_tab
    (order,) = _to_pack(tab, ctx, wait_idle, 1)
    unplugged = tmp_path / "external-disk"
    unplugged.write_text("the disk's mount point is a file now")
    tab.video.recorder.settings = replace(tab.video.recorder.settings, folder=unplugged / "videos")
    _scan(qtbot, tab.scan, order.invoice or order.order_id)
    wait_idle(ctx)
    assert not tab.video.recording
    # Said where the packer looks: the preview beside the scan field (the banner gives way to the pack's result).
    assert "cannot be written" in tab.video.preview.problem and "Packing goes on" in tab.video.preview.problem
    assert tab.video.preview.toolTip() == tab.video.preview.problem
    assert m.Order.get_by_id(order.id).state in ("packed", "ready_to_ship")
    assert m.Clip.select().count() == 0
