"""The packing video at the Orders tab's scan field (issue 21): a small live preview with a red recording mark, a
clip started by an order's scan and ended by the next scan, Pack or the longest clip; Play and Export for dispute
from the order detail.

Qt Multimedia is loaded here lazily and guarded: a PC without its system libraries (libpulse0 on Linux) or without
a camera packs exactly as before, and Settings → Packing video says why nothing is filmed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRect, QSize, Qt, Slot
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QSlider, QVBoxLayout, QWidget

from tokodesk.marketplace.base import OrderState
from tokodesk.services import pack_video as pv
from tokodesk.ui.messages import in_words, refusal_text

log = logging.getLogger(__name__)
# An order is filmed when its parcel is at the desk: to be packed, or packed and waiting for its label or pickup.
FILMED_STATES = frozenset({OrderState.ACKNOWLEDGED.value, OrderState.PACKED.value, OrderState.READY_TO_SHIP.value})
PREVIEW = QSize(96, 54)


class VideoPreview(QLabel):
    """What the camera sees, small, beside the scan field; a red dot and REC while a clip is recorded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(PREVIEW)
        self.setStyleSheet("background:#222; border:1px solid #555")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recording = False
        self.invoice = ""
        self.problem = ""  # why the last clip could not be recorded (shown until a clip starts)

    @Slot(QImage)
    def show_frame(self, image: QImage) -> None:
        self.setPixmap(QPixmap.fromImage(image.scaled(PREVIEW, Qt.AspectRatioMode.KeepAspectRatio)))

    @Slot(bool, str)
    def set_recording(self, on: bool, invoice: str) -> None:
        self.recording, self.invoice = on, invoice
        if on:
            self.problem = ""
        self._tip()

    def set_problem(self, text: str) -> None:
        """Recording refused or stopped: the preview says so until a clip starts (the banner above the queue is
        cleared by the next action's result, this is not)."""
        self.problem = text
        self._tip()

    def _tip(self) -> None:
        if self.problem:
            tip = self.problem
        elif self.recording:
            tip = self.tr("Recording the packing of {0}").format(self.invoice)
        else:
            tip = self.tr("Packing camera: the next order scanned is filmed")
        self.setToolTip(tip)
        self.setStyleSheet("background:#222; border:2px solid #d08000" if self.problem else
                           "background:#222; border:1px solid #555")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.problem and not self.recording:
            painter = QPainter(self)
            font = QFont(self.font())
            font.setPixelSize(11)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("#ffb020"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("⚠ NO VIDEO"))
            painter.end()
            return
        if not self.recording:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e00000"))
        painter.drawEllipse(5, 5, 10, 10)
        font = QFont(self.font())
        font.setPixelSize(10)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ff3030"))
        painter.drawText(QRect(19, 3, 40, 14), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, "REC")
        painter.end()


def _multimedia_error() -> str:
    """"" when Qt Multimedia loads, else why not in words. Importing it loads FFmpeg and Qt Quick (about 15 MB and
    some start time): it happens here, the first time a camera is chosen, listed or a clip played, never at start."""
    try:
        import tokodesk.ui.pack_video  # noqa: F401 - loaded for the caller, which imports from it next
    except ImportError as exc:  # Qt Multimedia's system libraries are missing: the desk works without video
        log.warning("packing video unavailable: %s", exc)
        return QCoreApplication.translate(
            "DeskVideo", "Qt Multimedia cannot be loaded on this PC ({0}): packing is not filmed. On Debian or Ubuntu, "
            "install the package libpulse0.").format(exc)
    return ""


class DeskVideo(QObject):
    """The Orders tab's camera: what the scan, Pack and the order detail ask of it. The recorder (and Qt Multimedia
    with it) is made only once a camera is chosen in the settings or the settings dialog lists the cameras: a desk
    that films nothing never loads it."""

    def __init__(self, tab: Any) -> None:
        super().__init__(tab)
        self.tab = tab
        self.recorder: Any = None  # pack_video.PackRecorder once made (ensure_recorder)
        self.load_error = ""  # why Qt Multimedia could not be loaded, once tried
        self.settings: pv.VideoSettings | None = None  # as last read: applied to a recorder made later
        self.preview = VideoPreview()
        self.preview.hide()
        self.player: ClipPlayer | None = None
        self.export_dialog: QFileDialog | None = None
        self.last_export: pv.Export | None = None
        tab.detail.play_clip.connect(self.play)
        tab.detail.export_clip.connect(self.export)
        self.reload_settings()

    def ensure_recorder(self) -> Any:
        """The recorder, made (and given the settings read) the first time it is needed; None if Qt Multimedia
        cannot be loaded on this PC (`load_error` says why)."""
        if self.recorder is not None or self.load_error:
            return self.recorder
        self.load_error = _multimedia_error()
        if self.load_error:
            return None
        from tokodesk.ui.pack_video import PackRecorder

        recorder = PackRecorder(self.tab.ctx.jobs, parent=self)
        recorder.preview.connect(self.preview.show_frame)
        recorder.recording_changed.connect(self.preview.set_recording)
        recorder.warning.connect(self._warn)
        recorder.clip_saved.connect(self._clip_saved)
        recorder.status_changed.connect(lambda _text: self._show_preview())
        self.recorder = recorder
        if self.settings is not None:
            recorder.apply_settings(self.settings)
        return recorder

    def _warn(self, text: str) -> None:
        self.tab.banner.show_warning(text)
        self.preview.set_problem(text)

    # ---------------------------------------------------------------- settings
    def reload_settings(self) -> None:
        """Read the settings (a job) and open the chosen camera, or none."""
        if self.load_error:
            return

        def opened(settings: pv.VideoSettings) -> None:
            self.settings = settings
            if self.recorder is not None:
                self.recorder.apply_settings(settings)
            elif settings.camera:
                self.ensure_recorder()  # applies the settings just kept
            self._show_preview()

        def read(_jc: Any) -> pv.VideoSettings:
            settings = pv.read_settings()
            if settings.camera:  # the limits may have changed, or days passed since the last clip: apply them now
                pv.apply_retention(settings)
            return settings

        self.tab.ctx.jobs.submit(read, title=self.tr("Reading the packing video settings"), on_result=opened,
                                 on_error=lambda exc, _d: self.tab.banner.show_warning(refusal_text(exc)))

    def _show_preview(self) -> None:
        self.preview.setVisible(self.active)
        self.preview.set_recording(self.recording, self.preview.invoice)

    def status_text(self) -> str:
        """Why nothing is filmed ("" when the camera is ready): for the settings."""
        if self.load_error:
            return self.load_error
        if self.settings is None or (self.recorder is not None and self.recorder.settings is None):
            return self.tr("The packing video settings are being read.")
        if self.recorder is None:  # made only for a chosen camera: none is
            return QCoreApplication.translate(
                "PackRecorder", "No camera is chosen: packing is not filmed. Choose one in Settings → Packing video.")
        return self.recorder.status

    @property
    def active(self) -> bool:
        return self.recorder is not None and self.recorder.available and self.recorder.settings is not None

    @property
    def recording(self) -> bool:
        return self.recorder is not None and self.recorder.recording

    # ---------------------------------------------------------------- the scan
    def scanned(self) -> None:
        """Any scan ends the clip running: the parcel before it is done."""
        if self.recorder is not None:
            self.recorder.end("next_scan")

    def preparer(self) -> Callable[..., tuple[pv.ClipOrder, str]] | None:
        """For the scan's worker (None: nothing is filmed): the order and the package to film (the parcel the scan
        found) and, off the GUI thread, whether the folder can take its clip ("" if so, else why not, in words)."""
        if not self.active:
            return None
        settings, min_free = self.recorder.settings, self.recorder.min_free

        def prepare(order_pk: int, code: str = "", package_id: str | None = None) -> tuple[pv.ClipOrder, str]:
            order = pv.clip_order(order_pk, code, package_id)
            try:
                pv.check_folder(settings.folder, min_free)
            except pv.VideoFolderError as exc:
                return order, str(exc)
            return order, ""

        return prepare

    def order_found(self, prepared: tuple[pv.ClipOrder, str] | None, state: str, kind: str = "packing") -> bool:
        """The scanned order, as `preparer()` made it in the worker: filmed when its parcel is at the desk."""
        if prepared is None or not self.active or (kind == "packing" and state not in FILMED_STATES):
            return False
        order, problem = prepared
        if problem:
            self.recorder.warning.emit(in_words(problem))  # a signal of str: the words are said before it
            return False
        return self.recorder.begin(order, kind, folder_checked=True)

    def packed(self, pks: list[int]) -> None:
        """Pack pressed for these orders: the clip of one of them is complete."""
        if self.recorder is not None:
            for pk in pks:
                self.recorder.end("pack", order_pk=pk)

    def film_unboxing(self, order_pk: int, dialog: QDialog) -> None:
        """A returned parcel opened at the desk ("Received and inspected…"): film it, as its order's unboxing clip,
        until the dialog closes; the dialog shows the preview with the recording mark."""
        prepare = self.preparer()
        if prepare is None:
            return
        self.scanned()  # a packing clip still running ends: the desk now handles the return

        def opened(prepared: tuple[pv.ClipOrder, str]) -> None:
            if not dialog.isVisible() or not self.order_found(prepared, "", kind="unboxing"):
                return
            order = prepared[0]
            preview = VideoPreview(dialog)
            preview.set_recording(True, order.invoice)
            self.recorder.preview.connect(preview.show_frame)
            layout = dialog.layout()
            if layout is not None:
                layout.insertWidget(0, preview)
            dialog.finished.connect(lambda _r: self.recorder.end("inspected", order_pk=order.order_pk))
            self.unboxing_preview = preview

        self.tab.ctx.jobs.submit(lambda _jc: prepare(order_pk), title=self.tr("Opening the packing camera"),
                                 on_result=opened, on_error=lambda exc, _d: log.warning("unboxing clip: %s", exc))

    def _clip_saved(self, pk: int) -> None:
        if self.tab._detail_pk == pk:
            self.tab._load_detail()

    # ---------------------------------------------------------------- the detail's links
    @Slot(int)
    def play(self, clip_id: int) -> None:
        def look(_jc: Any) -> tuple[Path, str, str, bool] | None:
            clip = pv.m.Clip.get_or_none(pv.m.Clip.id == clip_id)
            if clip is None:
                return None
            order = clip.order
            path = Path(clip.path)
            return path, order.invoice or order.order_id, clip.station, clip.removed_at is None and path.exists()

        def opened(found: tuple[Path, str, str, bool] | None) -> None:
            if found is None or not found[3]:
                self.tab.banner.show_warning(self.tr(
                    "The video file is not on this PC: it was removed by the retention setting, or recorded at "
                    "another station ({0}).").format(found[2] if found else "?"))
                return
            self.load_error = self.load_error or _multimedia_error()  # the player is Qt Multimedia too
            if self.load_error:
                self.tab.banner.show_warning(self.load_error)
                return
            self.player = ClipPlayer(found[0], found[1], self.tab)
            self.player.open()

        self.tab.ctx.jobs.submit(look, title=self.tr("Opening the packing video"), on_result=opened,
                                 on_error=self.tab._show_error)

    @Slot(int)
    def export(self, clip_id: int) -> None:
        """Ask for a folder, then copy the clip and its one-page PDF there (a job)."""
        dialog = QFileDialog(self.tab, self.tr("Export the packing video for a dispute: choose a folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda folder: self.export_to(clip_id, Path(folder)))
        self.export_dialog = dialog
        dialog.open()

    def export_to(self, clip_id: int, folder: Path) -> None:
        def done(result: pv.Export) -> None:
            self.last_export = result
            self.tab.banner.show_info(self.tr("Exported {0} and {1} to {2} (SHA-256 {3}…).").format(
                result.video.name, result.sheet.name, folder, result.sha256[:16]))

        self.tab.ctx.jobs.submit(lambda _jc: pv.export_for_dispute(clip_id, folder),
                                 title=self.tr("Exporting the packing video"), on_result=done,
                                 on_error=self.tab._show_error)

    def shutdown(self) -> None:
        if self.recorder is not None:
            self.recorder.shutdown()


class ClipPlayer(QDialog):
    """A packing video played in a small window (QMediaPlayer + QVideoWidget)."""

    def __init__(self, path: Path, invoice: str, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QMediaPlayer
        from PySide6.QtMultimediaWidgets import QVideoWidget

        super().__init__(parent)
        self.setWindowTitle(self.tr("Packing video: {0}").format(invoice))
        layout = QVBoxLayout(self)
        self.video = QVideoWidget()
        self.video.setMinimumSize(480, 270)
        layout.addWidget(self.video, 1)
        row = QHBoxLayout()
        self.play_button = QPushButton(self.tr("Pause"))
        self.play_button.clicked.connect(self.toggle)
        self.position = QSlider(Qt.Orientation.Horizontal)
        self.position.sliderMoved.connect(lambda ms: self.player.setPosition(ms))
        self.time_label = QLabel()
        row.addWidget(self.play_button)
        row.addWidget(self.position, 1)
        row.addWidget(self.time_label)
        layout.addLayout(row)
        self.player = QMediaPlayer(self)
        self.player.setVideoOutput(self.video)
        self.player.durationChanged.connect(lambda ms: self.position.setRange(0, ms))
        self.player.positionChanged.connect(self._moved)
        self.player.errorOccurred.connect(lambda _e, text: self.time_label.setText(text))
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.player.play()
        self.finished.connect(lambda _r: self.player.stop())
        self.resize(640, 420)

    def _moved(self, ms: int) -> None:
        if not self.position.isSliderDown():
            self.position.setValue(ms)
        total = self.player.duration()
        self.time_label.setText(f"{ms // 60000}:{ms // 1000 % 60:02d} / {total // 60000}:{total // 1000 % 60:02d}")

    def toggle(self) -> None:
        from PySide6.QtMultimedia import QMediaPlayer

        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
            self.play_button.setText(self.tr("Play"))
        else:
            self.player.play()
            self.play_button.setText(self.tr("Pause"))
