"""The queue's message line: errors in red, refusals in amber, plain news in blue — one line that never moves the queue.

Seen (issue 14 §7): "Already packed" showed in the red error banner, and the banner appearing pushed the whole
queue down under the packer's mouse. The line shares its row with the sync freshness (see OrdersTab), which is
always shown and as tall: a message coming or going changes nothing below it; a long message ends in "…" with the whole
text in its tooltip and behind Details….
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent, QTextLayout
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from tokodesk.ui.widgets import DetailsDialog

_STYLES = {
    "error": ("#fdecea", "#e0a19b", "#611a15"),
    "warning": ("#fff3cd", "#e0b252", "#664d03"),
    "info": ("#e7f1fb", "#9cc3e6", "#0b3d66"),
}


class ElidedLabel(QLabel):
    """One line (or up to `lines`, wrapped between words) that ends in "…" when the text does not fit; `text()` is
    the whole text (also the tooltip)."""

    def __init__(self, parent: QWidget | None = None, *, lines: int = 1) -> None:
        super().__init__(parent)
        self._full = ""
        self._lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the window
        self.setTextFormat(Qt.TextFormat.PlainText)  # the "\n" between wrapped lines, never markup

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    setText = set_full_text  # noqa: N815 - callers use the QLabel name

    def text(self) -> str:
        return self._full

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):  # a warning's bold is wider
            self._elide()

    def _elide(self) -> None:
        width = max(0, self.width() - 2)
        if not width:
            shown = self._full
        elif self._lines > 1:
            shown = self._wrapped(width)
        else:
            shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        QLabel.setText(self, shown)

    def _wrapped(self, width: int) -> str:
        """The text broken between words into lines of `width`, the last one shown ending in "…" if more follows."""
        layout = QTextLayout(self._full, self.font())
        layout.beginLayout()
        spans = []
        while len(spans) <= self._lines:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        shown = [self._full[start:start + length].strip() for start, length in spans[:self._lines]]
        if len(spans) > self._lines:
            rest = self._full[spans[self._lines - 1][0]:].strip()
            shown[-1] = self.fontMetrics().elidedText(rest, Qt.TextElideMode.ElideRight, width)
        return "\n".join(shown)


class QueueNotice(QFrame):
    """Same calls as `widgets.ErrorBanner` (show_error, show_info, clear, text), plus show_warning."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueNotice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 4, 1)
        self.label = ElidedLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.clicked.connect(self._show_details)
        layout.addWidget(self.details_button)
        self.close_button = QPushButton(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.clear)
        layout.addWidget(self.close_button)
        self.level = ""
        self._details = ""
        # The same border hidden or shown, so the row's height never changes.
        self.setStyleSheet("#queueNotice { border: 1px solid transparent; border-radius: 4px; }")
        self.hide()

    def show_error(self, message: str, details: str = "") -> None:
        self._show("error", message, details)

    def show_warning(self, message: str, details: str = "") -> None:
        self._show("warning", message, details)

    def show_info(self, message: str) -> None:
        self._show("info", message, "")

    def clear(self) -> None:
        self.level = ""
        self.label.set_full_text("")
        self._details = ""
        self.hide()
        self.dismissed.emit()

    def text(self) -> str:
        return self.label.full_text()

    def _show(self, level: str, message: str, details: str) -> None:
        self.level = level
        background, border, color = _STYLES[level]
        self.setStyleSheet(f"#queueNotice {{ background: {background}; border: 1px solid {border}; "
                           f"border-radius: 4px; }} #queueNotice QLabel {{ color: {color}; }}")
        self.label.set_full_text(message)
        self._details = details
        # Details… also for a long message: the line shows only its start.
        self.details_button.setVisible(bool(details) or self.fontMetrics().horizontalAdvance(message) > 600)
        self.show()

    def _show_details(self) -> None:
        DetailsDialog(self.tr("Details"), self.label.full_text(), self._details or self.label.full_text(), self).exec()
