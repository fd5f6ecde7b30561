"""Settings → Packing video (issue 21): which camera films the pack station, where the clips go, how long and how
much is kept, the longest clip — and, at the top, in words, why nothing is filmed when nothing is."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tokodesk.services import pack_video as pv
from tokodesk.ui.messages import refusal_text


class VideoSettingsDialog(QDialog):
    def __init__(self, desk: Any, settings: pv.VideoSettings, saved_folder: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Packing video"))
        desk.ensure_recorder()  # listing the cameras needs Qt Multimedia, and the status below its recorder
        layout = QVBoxLayout(self)
        why = desk.status_text()
        self.status = QLabel(why or self.tr("The camera is ready: each order scanned at the pack station is filmed "
                                            "until the next scan, Pack, or the longest clip."))
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color:#8a5300" if why else "color:#1b6e1b")
        layout.addWidget(self.status)

        form = QFormLayout()
        self.camera = QComboBox()
        self.camera.addItem(self.tr("None: do not film"), "")
        devices = self._devices()
        for name, key in devices:
            self.camera.addItem(name, key)
        if settings.camera and settings.camera not in [k for _n, k in devices]:
            self.camera.addItem(self.tr("{0} (not connected)").format(settings.camera), settings.camera)
        self.camera.setCurrentIndex(max(0, self.camera.findData(settings.camera)))
        form.addRow(self.tr("Camera"), self.camera)
        if not devices and desk.recorder is not None:
            none = QLabel(self.tr("No camera is connected to this PC."))
            none.setStyleSheet("color:#555")
            form.addRow("", none)

        folder_row = QHBoxLayout()
        self.folder = QLineEdit(saved_folder)
        self.folder.setPlaceholderText(str(pv.default_folder()))
        self.folder.setToolTip(self.tr("An external disk is fine; empty keeps the videos in the data folder"))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_folder)
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        form.addRow(self.tr("Video folder"), folder_row)

        self.keep_days = QSpinBox()
        self.keep_days.setRange(0, 3650)
        self.keep_days.setSpecialValueText(self.tr("no limit"))
        self.keep_days.setValue(settings.keep_days)
        form.addRow(self.tr("Keep videos (days)"), self.keep_days)
        self.keep_gb = QDoubleSpinBox()
        self.keep_gb.setRange(0, 100_000)
        self.keep_gb.setDecimals(1)
        self.keep_gb.setSpecialValueText(self.tr("no limit"))
        self.keep_gb.setValue(settings.keep_bytes / pv.GB)
        form.addRow(self.tr("Keep videos up to (GB)"), self.keep_gb)
        self.max_minutes = QSpinBox()
        self.max_minutes.setRange(1, 120)
        self.max_minutes.setValue(max(1, settings.max_seconds // 60))
        form.addRow(self.tr("Longest clip (minutes)"), self.max_minutes)
        layout.addLayout(form)
        rule = QLabel(self.tr("The oldest videos are deleted first; a video of an order with an open return is "
                              "never deleted."))
        rule.setWordWrap(True)
        rule.setStyleSheet("color:#555")
        layout.addWidget(rule)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b00020")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(buttons)
        self.folder_dialog: QFileDialog | None = None
        self.resize(560, 0)

    def _devices(self) -> list[tuple[str, str]]:
        if self.desk.recorder is None:
            return []
        from tokodesk.ui.pack_video import camera_devices, camera_key

        return [(d.description(), camera_key(d)) for d in camera_devices()]

    def _choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("Video folder"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder.setText)
        self.folder_dialog = dialog
        dialog.open()

    def save(self) -> None:
        values = dict(camera=self.camera.currentData() or "", folder=self.folder.text(),
                      keep_days=self.keep_days.value(), keep_gb=self.keep_gb.value(),
                      max_minutes=self.max_minutes.value())

        def failed(exc: BaseException, _detail: str) -> None:
            self.save_button.setEnabled(True)
            self.error.setText(refusal_text(exc))
            self.error.show()

        def saved(_none: Any) -> None:
            self.desk.reload_settings()
            self.accept()

        self.save_button.setEnabled(False)
        self.desk.tab.ctx.jobs.submit(lambda _jc: pv.save_settings(**values), title=self.tr("Saving the setting"),
                                      on_result=saved, on_error=failed)


def open_settings(window: Any) -> None:
    """From the Settings menu: read the settings (a job), then show them."""
    desk = window.orders_tab.video

    def read(_jc: Any) -> tuple[pv.VideoSettings, str]:
        return pv.read_settings(), str(pv.m.AppSetting.read("video_folder") or "")

    def show(found: tuple[pv.VideoSettings, str]) -> None:
        window.video_settings = VideoSettingsDialog(desk, found[0], found[1], window)
        window.video_settings.open()

    title = QCoreApplication.translate("PackVideoSettings", "Reading the packing video settings")
    window.ctx.jobs.submit(read, title=title, on_result=show,
                           on_error=lambda exc, detail: window.orders_tab._show_error(exc, detail))
