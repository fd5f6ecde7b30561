"""Setup wizard (filled in below)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWizard


class ChannelWizard(QWizard):
    channel_created = Signal(int)

    def __init__(self, ctx, parent=None):  # noqa: ANN001
        super().__init__(parent)


class SettingsDialog(QDialog):
    saved = Signal()

    def __init__(self, ctx, channel, parent=None):  # noqa: ANN001
        super().__init__(parent)
