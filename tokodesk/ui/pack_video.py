"""Packing videos (issue 21): the camera at the pack station films each order's parcel, stamped so the clip proves
itself.

Pipeline: camera → QVideoSink → each frame painted with the invoice, the order id, the time in WIB, the station and
a small QR code (order id + time) → QVideoFrameInput → QMediaCaptureSession → QMediaRecorder (MPEG-4 Part 2 in an
.mp4: the FFmpeg that ships with Qt is LGPL and has no H.264 encoder). Tests and the benchmark feed synthetic frames
into the same path (`PackRecorder.feed_image`): there is no camera in CI.

One `ClipRecorder` per clip, so the next order's clip starts at once while the previous file is still being
finalised. Without a camera, or with a busy one, `PackRecorder.status` says why and nothing else changes: packing
never waits for, or fails because of, the video. Files, names, checksums and retention: services/pack_video.py.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import segno
from PySide6.QtCore import QElapsedTimer, QObject, QRect, QSize, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QMediaFormat,
    QMediaRecorder,
    QVideoFrame,
    QVideoFrameInput,
    QVideoSink,
)

from tokodesk.i18n_marks import filled
from tokodesk.services import pack_video as pv
from tokodesk.ui.messages import refusal_text

log = logging.getLogger(__name__)

FRAME_RATE = 25
PREVIEW_EVERY = 3  # frames: the preview beside the scan field needs ~8 per second, not 25
# Qt 6.11's FFmpeg recorder does not report a failed write (a clip recorded into /dev/full "finished" without an
# error), so the free space of the folder is watched instead: a full disk stops the clip before it fails silently.
DISK_CHECK_MS = 5000
VIDEO_LANE = "video"
Now = Callable[[], datetime]


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


# ------------------------------------------------------------------------------------------------ the stamp
def qr_image(text: str, module_px: int) -> QImage:
    """A QR code as black modules on white, with the quiet zone a reader needs around it."""
    code = segno.make(text, error="m", micro=False)
    matrix = code.matrix
    border = 2
    size = (len(matrix) + 2 * border) * module_px
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    black = QColor("black")
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect((x + border) * module_px, (y + border) * module_px, module_px, module_px, black)
    painter.end()
    return image


class Stamper:
    """Paints the stamp into frames. The QR changes once a second: it is made once per second, not per frame."""

    def __init__(self, order: pv.ClipOrder, station: str) -> None:
        self.order = order
        self.station = station
        self._qr_key: tuple[str, int] | None = None
        self._qr: QImage | None = None

    def stamp(self, image: QImage, moment: datetime) -> QImage:
        if image.format() not in (QImage.Format.Format_RGB32, QImage.Format.Format_ARGB32,
                                  QImage.Format.Format_ARGB32_Premultiplied):
            image = image.convertToFormat(QImage.Format.Format_RGB32)
        w, h = image.width(), image.height()
        first, second = pv.stamp_lines(self.order.invoice, self.order.order_id, moment, self.station)
        text_px = max(12, h // 28)
        band = int(text_px * 2.9)
        painter = QPainter(image)
        painter.fillRect(0, 0, w, band, QColor(0, 0, 0, 170))
        font = QFont("DejaVu Sans")
        font.setPixelSize(text_px)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        pad = text_px // 2
        painter.drawText(QRect(pad, pad // 2, w - 2 * pad, text_px + pad), Qt.AlignmentFlag.AlignLeft, first)
        font.setBold(False)
        painter.setFont(font)
        painter.drawText(QRect(pad, text_px + pad, w - 2 * pad, text_px + pad), Qt.AlignmentFlag.AlignLeft, second)
        # A module of at least 4 px survives MPEG-4 at the recorder's quality (read back in the tests).
        module = max(4, h // 160)
        key = (pv.qr_text(self.order.order_id, moment), module)
        if key != self._qr_key:
            self._qr_key, self._qr = key, qr_image(key[0], module)
        assert self._qr is not None
        painter.drawImage(w - self._qr.width() - pad, h - self._qr.height() - pad, self._qr)
        painter.end()
        return image


# --------------------------------------------------------------------------------------------- one clip
class ClipRecorder(QObject):
    """One clip's recorder: frames in (`write`), an .mp4 out. `finished(why, error)` once the file is closed."""

    finished = Signal(str, str)  # why it ended, and the recorder's error in words ("" if none)
    ready = Signal()  # room for another frame (after `write` returned False)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.session = QMediaCaptureSession(self)
        self.recorder = QMediaRecorder(self)
        self.session.setRecorder(self.recorder)
        media = QMediaFormat(QMediaFormat.FileFormat.MPEG4)
        media.setVideoCodec(QMediaFormat.VideoCodec.MPEG4)
        self.recorder.setMediaFormat(media)
        self.recorder.setQuality(QMediaRecorder.Quality.NormalQuality)
        self.recorder.setVideoFrameRate(FRAME_RATE)
        self.recorder.setOutputLocation(QUrl.fromLocalFile(str(path)))
        self.recorder.errorOccurred.connect(self._error)
        self.recorder.recorderStateChanged.connect(self._state)
        self.input: QVideoFrameInput | None = None
        self.why = ""
        self.error = ""
        self.frames = 0
        self.dropped = 0
        self.done = False
        self._last_us = -1

    def write(self, image: QImage, at_us: int) -> bool:
        """Send one (stamped) frame shown at `at_us` microseconds into the clip; False: the encoder is behind and
        the frame was not taken (a live camera drops it; a test waits for `ready` and sends it again)."""
        if self.done or self.why:
            return False
        frame = QVideoFrame(image)
        if self.input is None:
            # No format given: an input made with the frames' own format never asked for a frame (Qt 6.11.3), and
            # the recorder takes the format from the first frame anyway.
            self.input = QVideoFrameInput(self)
            self.input.readyToSendVideoFrame.connect(self.ready)
            self.session.setVideoFrameInput(self.input)
            self.recorder.setVideoResolution(QSize(image.width(), image.height()))
            self.recorder.record()
        at_us = max(at_us, self._last_us + 1)
        frame.setStartTime(at_us)
        frame.setEndTime(at_us + 1_000_000 // FRAME_RATE)
        if not self.input.sendVideoFrame(frame):
            self.dropped += 1
            return False
        self._last_us = at_us
        self.frames += 1
        return True

    def stop(self, why: str) -> None:
        """End the clip; `finished` follows once the file is complete (at once if nothing was recorded)."""
        if self.why:
            return
        self.why = why
        if self.recorder.recorderState() == QMediaRecorder.RecorderState.StoppedState:
            self._finish()
        else:
            self.recorder.stop()

    @Slot(QMediaRecorder.Error, str)
    def _error(self, error: QMediaRecorder.Error, text: str) -> None:
        log.warning("packing video %s: recorder error %s: %s", self.path, error, text)
        self.error = text or str(error)
        if not self.why:
            self.why = "disk_full" if error == QMediaRecorder.Error.OutOfSpaceError else "error"
        if self.recorder.recorderState() == QMediaRecorder.RecorderState.StoppedState:
            self._finish()

    @Slot(QMediaRecorder.RecorderState)
    def _state(self, state: QMediaRecorder.RecorderState) -> None:
        if state == QMediaRecorder.RecorderState.StoppedState and self.why:
            self._finish()

    def _finish(self) -> None:
        if not self.done:
            self.done = True
            self.finished.emit(self.why, self.error)


# ----------------------------------------------------------------------------------------- the station
def camera_devices() -> list[QCameraDevice]:
    return list(QMediaDevices.videoInputs())


def camera_key(device: QCameraDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def _best_format(device: QCameraDevice) -> Any:
    """720p (or the nearest below), at up to 30 frames a second: enough to read a label, light on a 2-core PC."""
    formats = [f for f in device.videoFormats() if f.resolution().height() <= 720 and f.maxFrameRate() >= 15]
    if not formats:
        return None
    return max(formats, key=lambda f: (f.resolution().height(), -abs(f.maxFrameRate() - FRAME_RATE)))


class PackRecorder(QObject):
    """The pack station's camera and its clips: `begin(order)` at an order's scan, `end(why)` at the next scan,
    Pack or the longest clip. Saving a finished clip (size, SHA-256, retention) runs as a job."""

    recording_changed = Signal(bool, str)  # on/off, and the invoice being filmed
    preview = Signal(QImage)  # a small picture of what the camera sees, a few times a second
    warning = Signal(str)  # recording stopped or refused, in words; packing goes on
    status_changed = Signal(str)
    clip_saved = Signal(int)  # the order pk whose clip is now stored

    def __init__(self, jobs: Any = None, settings: pv.VideoSettings | None = None, *, now: Now = _utcnow,
                 min_free: int = pv.MIN_FREE_BYTES, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.settings = settings
        self.now = now
        self.min_free = min_free
        self.status = ""  # why there is no recording ("" when the camera is there)
        self.camera: QCamera | None = None
        self.camera_session: QMediaCaptureSession | None = None
        self.sink: QVideoSink | None = None
        self.clip: ClipRecorder | None = None
        self.order: pv.ClipOrder | None = None
        self.stamper: Stamper | None = None
        self.started: datetime | None = None
        self.clock = QElapsedTimer()
        self.finishing: list[ClipRecorder] = []  # clips stopped, their files still being closed
        self._count = 0
        self.max_timer = QTimer(self)
        self.max_timer.setSingleShot(True)
        self.max_timer.timeout.connect(lambda: self.end("max_length"))
        self.disk_timer = QTimer(self)
        self.disk_timer.setInterval(DISK_CHECK_MS)
        self.disk_timer.timeout.connect(self._check_disk)
        # A camera plugged in (or back) after the settings were applied is opened without a restart.
        self.devices = QMediaDevices(self)
        self.devices.videoInputsChanged.connect(self._cameras_changed)

    # ---------------------------------------------------------------- the camera
    def apply_settings(self, settings: pv.VideoSettings) -> None:
        """Open the chosen camera (or none). Never raises: a missing or busy camera is a status, not an error."""
        self.settings = settings
        self.close_camera()
        if not settings.camera:
            self._set_status(self.tr("No camera is chosen: packing is not filmed. Choose one in Settings → "
                                     "Packing video."))
            return
        device = next((d for d in camera_devices() if camera_key(d) == settings.camera), None)
        if device is None:
            self._set_status(self.tr("The chosen camera is not connected: packing is not filmed until it is "
                                     "plugged in (then reopen Settings → Packing video)."))
            return
        camera = QCamera(device, self)
        fmt = _best_format(device)
        if fmt is not None:
            camera.setCameraFormat(fmt)
        camera.errorOccurred.connect(self._camera_error)
        self.camera = camera
        self.camera_session = QMediaCaptureSession(self)
        self.sink = QVideoSink(self)
        self.camera_session.setCamera(camera)
        self.camera_session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self.feed)
        self._set_status("")
        camera.start()

    def _cameras_changed(self) -> None:
        settings = self.settings
        if settings is not None and settings.camera and self.camera is None and self.sink is None:
            self.apply_settings(settings)

    def attach_source(self, source: QVideoFrameInput) -> None:
        """Frames from a program instead of a camera (the tests, the benchmark): the same sink, stamp and recorder
        a camera's frames go through."""
        self.close_camera()
        self.camera_session = QMediaCaptureSession(self)
        self.sink = QVideoSink(self)
        self.camera_session.setVideoFrameInput(source)
        self.camera_session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self.feed)
        self._set_status("")

    def close_camera(self) -> None:
        if self.camera is not None:
            self.camera.stop()
            self.camera.deleteLater()
            self.camera = None
        if self.sink is not None:
            self.sink.videoFrameChanged.disconnect(self.feed)
            self.sink = None
        self.camera_session = None

    @Slot(QCamera.Error, str)
    def _camera_error(self, _error: QCamera.Error, text: str) -> None:
        # Another program holds the camera, or it was unplugged: say so; the desk goes on without video.
        self.end("error")
        self.close_camera()
        self._set_status(self.tr("The camera cannot be used ({0}): it may be busy in another program. Packing "
                                 "is not filmed.").format(text))
        self.warning.emit(self.status)

    def _set_status(self, text: str) -> None:
        self.status = text
        self.status_changed.emit(text)

    @property
    def available(self) -> bool:
        """Frames can come in: a camera is open (or a program's frames are attached)."""
        return self.sink is not None

    @property
    def recording(self) -> bool:
        return self.clip is not None

    # ---------------------------------------------------------------- frames
    @Slot(QVideoFrame)
    def feed(self, frame: QVideoFrame) -> None:
        """A camera frame: stamped into the clip when recording, and now and then into the preview."""
        if not frame.isValid():
            return
        self._count += 1
        show = self._count % PREVIEW_EVERY == 0
        if self.clip is None and not show:
            return  # converting a frame nobody sees is the costliest step: skip it
        self.feed_image(frame.toImage(), show=show)

    def feed_image(self, image: QImage, at_us: int | None = None, *, show: bool = False) -> bool:
        """One picture into the running clip (stamped with the current time); False if it was not taken.
        `at_us` (tests, the benchmark) places it in the clip; by default the time since the clip began."""
        taken = False
        if self.clip is not None and self.stamper is not None:
            image = self.stamper.stamp(image, self.now())
            taken = self.clip.write(image, self.clock.nsecsElapsed() // 1000 if at_us is None else at_us)
        if show:
            self.preview.emit(image.scaled(QSize(192, 108), Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.FastTransformation))
        return taken

    # ---------------------------------------------------------------- clips
    def begin(self, order: pv.ClipOrder, kind: str = "packing", *, folder_checked: bool = False) -> bool:
        """Start filming `order` (ending the clip before it). False, with a warning, when the folder cannot take
        it; nothing else depends on it. `folder_checked`: a worker already checked the folder (an external disk
        waking up must not freeze the window at the scan)."""
        self.end("next_scan")
        settings = self.settings
        if settings is None:
            return False
        if not folder_checked:
            try:
                pv.check_folder(settings.folder, self.min_free)
            except pv.VideoFolderError as exc:
                self.warning.emit(refusal_text(exc))
                return False
        self.started = self.now()
        path = pv.clip_path(settings.folder, order.invoice, self.started, order.package_id, kind)
        self.clip = ClipRecorder(path, self)
        self.clip.setProperty("kind", kind)
        self.order = order
        self.stamper = Stamper(order, settings.station)
        self.clock.start()
        clip, started = self.clip, self.started
        self.clip.finished.connect(lambda why, error: self._finished(clip, order, started, why, error))
        self.max_timer.start(settings.max_seconds * 1000)
        self.disk_timer.start()
        self.recording_changed.emit(True, order.invoice)
        return True

    def end(self, why: str = "stopped", order_pk: int | None = None) -> None:
        """Stop the running clip (only if it films `order_pk`, when given)."""
        clip = self.clip
        if clip is None or (order_pk is not None and self.order is not None and self.order.order_pk != order_pk):
            return
        self.clip = None
        self.max_timer.stop()
        self.disk_timer.stop()
        self.finishing.append(clip)
        self.recording_changed.emit(False, "")
        clip.stop(why)

    def _check_disk(self) -> None:
        if self.clip is None or self.settings is None:
            return
        try:
            free = shutil.disk_usage(self.settings.folder).free
        except OSError as exc:
            self._stop_for_disk(self.tr("The video folder {0} is gone ({1}).").format(self.settings.folder, exc))
            return
        if free < self.min_free:
            self._stop_for_disk(self.tr("The video folder {0} is almost full ({1} MB free).").format(
                self.settings.folder, free // 1024**2))

    def _stop_for_disk(self, why: str) -> None:
        self.end("disk_full")
        self.warning.emit(self.tr("Recording stopped: {0} Packing goes on; free some space or choose another "
                                  "folder in Settings → Packing video.").format(why))

    def _finished(self, clip: ClipRecorder, order: pv.ClipOrder, started: datetime, why: str, error: str) -> None:
        if clip is self.clip:  # the recorder failed on its own (a write error): this clip is over
            self.clip = None
            self.max_timer.stop()
            self.disk_timer.stop()
            self.recording_changed.emit(False, "")
        if error:
            self.warning.emit(filled(self.tr("Recording stopped: {0}. Packing goes on; check the video folder in "
                                             "Settings → Packing video."), error))
        ended = self.now()
        settings = self.settings
        station = settings.station if settings else ""
        kind = str(clip.property("kind") or "packing")

        def save(_jc: Any = None) -> Any:
            row = pv.finish_clip(order, clip.path, started, ended, station, why, kind)
            if settings is not None:
                pv.apply_retention(settings, ended)
            return row

        def saved(row: Any) -> None:
            if clip in self.finishing:
                self.finishing.remove(clip)
            clip.deleteLater()
            if row is not None:
                self.clip_saved.emit(order.order_pk)

        def failed(exc: BaseException, _detail: str = "") -> None:
            if clip in self.finishing:
                self.finishing.remove(clip)
            self.warning.emit(self.tr("The packing video of {0} could not be stored: {1}").format(order.invoice, exc))

        if self.jobs is None or getattr(self.jobs, "closed", False):  # no workers (tests), or the window closing
            try:
                saved(save())
            except Exception as exc:  # noqa: BLE001 - shown as a warning; packing goes on
                failed(exc)
            return
        # A lane of its own: hashing the file and applying retention must not delay the next scan's look-up,
        # which runs in the local lane.
        self.jobs.submit(save, title=self.tr("Saving the packing video"), background=True, on_result=saved,
                         on_error=failed, lane=VIDEO_LANE)

    def shutdown(self) -> None:
        self.end("stopped")
        self.close_camera()
