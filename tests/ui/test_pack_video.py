"""Packing videos through the real recorder (issue 21.1–21.3): there is no camera in CI, so synthetic frames go in
through the same QVideoFrameInput path a camera's frames take. The file must play (QMediaPlayer reports its
duration), and a frame decoded back must carry the stamp: its QR code names the order and the time."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

from tokodesk.services import pack_video as pv
from tokodesk.store import models as m

START = datetime(2026, 12, 5, 9, 30, 15, tzinfo=timezone.utc)  # 16:30:15 WIB


class Clock:
    """A fake clock the test moves: the stamp and the clip times read it."""

    def __init__(self, at: datetime = START) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def settings_in(folder: Path, **kw) -> pv.VideoSettings:
    values = dict(camera="", folder=folder, keep_days=0, keep_bytes=0, max_seconds=600, station="desk1")
    values.update(kw)
    return pv.VideoSettings(**values)


def make_order(invoice: str = "INV/20261205/MPL/0001", order_id: str = "579012345678901") -> m.Order:
    channel = m.Channel.get_or_none(m.Channel.name == "Toko Video") or m.Channel.create(name="Toko Video")
    order = m.Order.create(channel=channel, order_id=order_id, invoice=invoice, state="acknowledged",
                           created_at=m.utcnow())
    m.OrderLine.create(order=order, sku="SKU-1", name="Kaos polos", quantity=2, price=50000, seller_sku="KAOS-1")
    return order


def picture(i: int, w: int = 640, h: int = 360) -> QImage:
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor((i * 7) % 255, 120, 60))
    return image


def feed(qtbot, recorder, frames: int, clock: Clock | None = None, w: int = 640, h: int = 360) -> None:
    """`frames` pictures at 25 a second into the running clip, waiting whenever the encoder asks to."""
    for i in range(frames):
        if clock is not None:
            clock.at += timedelta(milliseconds=40)
        while not recorder.feed_image(picture(i, w, h), at_us=i * 40_000):
            with qtbot.waitSignal(recorder.clip.ready, timeout=5000):
                pass


def wait_saved(qtbot, recorder) -> None:
    qtbot.waitUntil(lambda: not recorder.finishing, timeout=20000)


def decoded_frames(qtbot, path: Path, wanted: int = 5) -> tuple[int, list[QImage]]:
    """Play the file into a video sink: its duration (ms) and the first decoded pictures."""
    player = QMediaPlayer()
    sink = QVideoSink()
    player.setVideoSink(sink)
    frames: list[QImage] = []

    def got(frame) -> None:  # noqa: ANN001
        if frame.isValid() and len(frames) < wanted:
            frames.append(frame.toImage())

    sink.videoFrameChanged.connect(got)
    player.setSource(QUrl.fromLocalFile(str(path)))
    player.play()
    qtbot.waitUntil(lambda: player.duration() > 0 and len(frames) >= wanted, timeout=15000)
    duration = player.duration()
    player.stop()
    return duration, frames


def read_qr(image: QImage) -> list[str]:
    import zxingcpp
    from PIL import Image

    data = io.BytesIO()
    buffer = image.convertToFormat(QImage.Format.Format_RGB888)
    png = QImage(buffer)
    from PySide6.QtCore import QBuffer, QIODevice

    qbuf = QBuffer()
    qbuf.open(QIODevice.OpenModeFlag.WriteOnly)
    png.save(qbuf, "PNG")
    data.write(bytes(qbuf.data()))
    data.seek(0)
    return [b.text for b in zxingcpp.read_barcodes(Image.open(data))]


@pytest.fixture
def recorder(qapp, database, tmp_path):
    from tokodesk.ui.pack_video import PackRecorder

    clock = Clock()
    rec = PackRecorder(settings=settings_in(tmp_path / "videos"), now=clock, min_free=1)
    rec.clock_fake = clock
    yield rec
    rec.shutdown()


def test_a_clip_plays_and_each_frame_names_its_order_and_time(qtbot, recorder, tmp_path):
    order = make_order()
    clip_order = pv.clip_order(order.id)
    warnings: list[str] = []
    recorder.warning.connect(warnings.append)
    assert recorder.begin(clip_order)
    assert recorder.recording
    feed(qtbot, recorder, 50, recorder.clock_fake)  # two seconds at 25 fps
    recorder.end("pack")
    wait_saved(qtbot, recorder)
    assert not warnings

    clip = m.Clip.get(m.Clip.order == order.id)
    path = Path(clip.path)
    assert path.parent == tmp_path / "videos"
    # The folder alone finds the clip: the invoice (without its slashes) and the WIB start time in the name.
    assert path.name == "INV-20261205-MPL-0001_20261205-163015WIB.mp4"
    assert clip.size_bytes == path.stat().st_size > 0
    assert clip.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert clip.station == "desk1" and clip.ended_why == "pack" and clip.kind == "packing"
    assert clip.started_at == START.replace(tzinfo=None) and clip.ended_at > clip.started_at

    duration, frames = decoded_frames(qtbot, path)
    assert 1500 <= duration <= 2500, f"two seconds of frames, the player says {duration} ms"
    found = {pv.parse_qr(text) for frame in frames for text in read_qr(frame)} - {None}
    assert found, "the stamped QR code is read back from the decoded video"
    order_ids = {order_id for order_id, _at in found}
    times = {at for _order_id, at in found}
    assert order_ids == {"579012345678901"}
    assert all(START <= at <= START + timedelta(seconds=3) for at in times)
    assert all(at.utcoffset() == timedelta(hours=7) for at in times), "the QR's time is WIB"


def test_the_stamp_carries_invoice_order_time_station(qtbot):
    from tokodesk.ui.pack_video import Stamper

    order = pv.ClipOrder(1, "579000000000001", "INV/1/2/3")
    first, second = pv.stamp_lines(order.invoice, order.order_id, START, "desk1")
    assert first == "INV/1/2/3  ·  579000000000001"
    assert second == "2026-12-05 16:30:15 WIB  ·  desk1"
    plain = picture(0, 1280, 720)
    stamped = Stamper(order, "desk1").stamp(picture(0, 1280, 720), START)
    assert stamped.size() == plain.size() and stamped != plain
    texts = read_qr(stamped)
    assert [pv.parse_qr(t) for t in texts] == [("579000000000001", START.astimezone(pv.config.WIB))]


def test_an_unwritable_folder_refuses_the_clip_in_words_and_nothing_is_stored(qtbot, qapp, database, tmp_path):
    from tokodesk.ui.pack_video import PackRecorder

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    rec = PackRecorder(settings=settings_in(blocker / "videos"), now=Clock(), min_free=1)
    warnings: list[str] = []
    rec.warning.connect(warnings.append)
    order = make_order()
    assert not rec.begin(pv.clip_order(order.id))
    assert not rec.recording
    assert len(warnings) == 1 and str(blocker / "videos") in warnings[0] and "cannot be written" in warnings[0]
    assert "Packing goes on" in warnings[0]
    assert m.Clip.select().count() == 0


def test_a_disk_filling_up_stops_the_clip_with_a_warning_and_keeps_what_was_filmed(qtbot, recorder, tmp_path):
    order = make_order()
    warnings: list[str] = []
    recorder.warning.connect(warnings.append)
    assert recorder.begin(pv.clip_order(order.id))
    feed(qtbot, recorder, 25, recorder.clock_fake)
    # The disk now has less room than a clip may leave (more than the whole disk: other programs writing or
    # deleting on a shared disk cannot change the outcome): the next check stops the recording.
    recorder.min_free = pv.shutil.disk_usage(tmp_path).total + 1
    recorder._check_disk()
    assert not recorder.recording
    assert len(warnings) == 1 and "Recording stopped" in warnings[0] and "almost full" in warnings[0]
    wait_saved(qtbot, recorder)
    clip = m.Clip.get(m.Clip.order == order.id)
    assert clip.ended_why == "disk_full" and clip.size_bytes > 0
    # And the next order's scan is refused with words, not an error: packing goes on without video.
    other = make_order("INV/2", "579000000000002")
    assert not recorder.begin(pv.clip_order(other.id))
    assert "MB free" in warnings[-1] and "Packing goes on" in warnings[-1]


def test_the_longest_clip_ends_by_itself(qtbot, qapp, database, tmp_path):
    from tokodesk.ui.pack_video import PackRecorder

    rec = PackRecorder(settings=settings_in(tmp_path / "videos", max_seconds=1), now=Clock(), min_free=1)
    order = make_order()
    assert rec.begin(pv.clip_order(order.id))
    feed(qtbot, rec, 10)
    qtbot.waitUntil(lambda: not rec.recording, timeout=10000)  # a forgotten parcel does not film all afternoon
    qtbot.waitUntil(lambda: not rec.finishing, timeout=20000)
    assert m.Clip.get(m.Clip.order == order.id).ended_why == "max_length"
    rec.shutdown()
