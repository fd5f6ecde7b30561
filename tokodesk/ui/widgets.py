"""Small widgets used across tabs: the error banner with details one click away, the copyable details dialog, a
row of buttons that wraps, a search field that Esc empties."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class DetailsDialog(QDialog):
    """A message in words plus the technical text, selectable and with a Copy button."""

    def __init__(self, title: str, message: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        label = QLabel(message)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        self.text = QPlainTextEdit(details)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox()
        copy = buttons.addButton(self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        copy.clicked.connect(self.copy)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())


class ErrorBanner(QFrame):
    """Shown at the top of the place where something failed; hidden otherwise."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setStyleSheet(
            "#errorBanner { background: #fdecea; border: 1px solid #e0a19b; border-radius: 4px; }"
            "#errorBanner QLabel { color: #611a15; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.clicked.connect(self._show_details)
        layout.addWidget(self.details_button)
        close = QPushButton(self.tr("Dismiss"))
        close.clicked.connect(self.clear)
        layout.addWidget(close)
        self._details = ""
        self.hide()

    def show_error(self, message: str, details: str = "") -> None:
        self.label.setText(message)
        self._details = details
        self.details_button.setVisible(bool(details))
        self.show()

    def show_info(self, message: str) -> None:
        self.show_error(message)

    def clear(self) -> None:
        self.label.clear()
        self._details = ""
        self.hide()
        self.dismissed.emit()

    def text(self) -> str:
        return self.label.text() if self.isVisible() or self.label.text() else ""

    def _show_details(self) -> None:
        DetailsDialog(self.tr("Details"), self.label.text(), self._details, self).exec()


def placeholder(text: str, parent: QWidget | None = None) -> QLabel:
    """What a tab shows until the service behind it exists: plain words, no fake rows."""
    label = QLabel(text, parent)
    label.setObjectName("placeholder")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("#placeholder { color: #555; font-size: 13px; padding: 24px; }")
    return label


# A 1366×768 laptop with a taskbar and a title bar leaves about this much for a window's contents.
SMALL_SCREEN_FIT = (1366 - 16, 768 - 40 - 36)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to width×height, but never beyond the screen's free area (nor what a 1366×768 laptop shows):
    a dialog taller than the screen hides its own Print / Save buttons."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    free_w, free_h = SMALL_SCREEN_FIT
    if screen is not None:
        area = screen.availableGeometry()
        free_w, free_h = min(free_w, area.width() - 16), min(free_h, area.height() - 36)
    window.resize(max(window.minimumSizeHint().width(), min(width, free_w)), min(height, max(free_h, 300)))


class FlowLayout(QLayout):
    """Items left to right, wrapping onto the next line when the row is full (Qt's flow layout example).

    The Orders tab's chips are one word each in English but two in Indonesian, and their counts grow with the shop:
    in one row they made the window wider than a 1366 px laptop. Wrapped, the row needs only its widest chip.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        width = sum(item.sizeHint().width() for item in self._items) + self._spacing * max(len(self._items) - 1, 0)
        height = max((item.sizeHint().height() for item in self._items), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y, line_height = area.x(), y + line_height + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class SearchField(QLineEdit):
    """A search field that Esc empties, as its clear button does; Esc on an empty field goes on to the window."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape and self.text() and not self.isReadOnly():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)
