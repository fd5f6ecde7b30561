"""The queue's message line: errors in red, refusals in amber, plain news in blue — a row that never moves the queue.

Seen (issue 14 §7): "Already packed" showed in the red error banner, and the banner appearing pushed the whole
queue down under the packer's mouse. The message shares its row with the sync freshness (NoticeRow), which is
always shown and as tall (two lines): a message coming or going changes nothing below it; a message too long for its
two lines ends in "…" with the whole text in its tooltip and behind Details….
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
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

    def is_elided(self) -> bool:
        """Whether what is painted leaves words out (ends in "…"): the whole text is only in the tooltip."""
        return "".join(QLabel.text(self).split()) != "".join(self._full.split())

    def needed_width(self) -> int:
        """The narrowest width that shows the whole text in this label's lines, nothing cut."""
        whole = self.fontMetrics().horizontalAdvance(self._full) + 3
        if self._lines == 1 or not self._full:
            return whole
        low, high = 1, whole
        while low < high:  # the fewest pixels that wrap it into `lines` lines
            middle = (low + high) // 2
            if self._line_count(middle) <= self._lines:
                high = middle
            else:
                low = middle + 1
        return low + 2  # _elide keeps 2 px spare

    def _line_count(self, width: int) -> int:
        spans = self._spans(width, self._lines + 1)
        if any(self.fontMetrics().horizontalAdvance(self._full[a:b].strip()) > width for a, b in spans):
            return self._lines + 1  # a word longer than the line: it would be cut
        return len(spans)

    def _spans(self, width: int, most: int) -> list[tuple[int, int]]:
        """Up to `most` lines of at most `width` px as (start, end) of the text, broken only at spaces.

        Qt's own line breaking also breaks after "/" and "-": a scanned code such as "INV/2026/ABC" read as "INV/" on
        one line and "2026/ABC" on the next. A word wider than a line stands alone on its line (elided or cut)."""
        metrics = self.fontMetrics()
        spans: list[tuple[int, int]] = []
        start = end = 0
        text = self._full
        for word in re.finditer(r"\S+", text):
            if end > start and metrics.horizontalAdvance(text[start:word.end()]) > width:
                spans.append((start, end))
                if len(spans) >= most:
                    return spans
                start = word.start()
            elif end == start:
                start = word.start()
            end = word.end()
        if end > start:
            spans.append((start, end))
        return spans[:most]

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
        spans = self._spans(width, self._lines + 1)
        shown = [self._full[start:end] for start, end in spans[:self._lines]]
        if len(spans) > self._lines:
            rest = self._full[spans[self._lines - 1][0]:].strip()
            shown[-1] = self.fontMetrics().elidedText(rest, Qt.TextElideMode.ElideRight, width)
        return "\n".join(shown)


class QueueNotice(QFrame):
    """Same calls as `widgets.ErrorBanner` (show_error, show_info, clear, text), plus show_warning."""

    dismissed = Signal()
    changed = Signal()  # a message came, went or changed: NoticeRow shares the width again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueNotice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 4, 1)
        # Two lines, as tall as the freshness line beside it: a message shares the row with an offline warning.
        self.label = ElidedLabel(lines=2)
        self.label.setMinimumHeight(2 * self.fontMetrics().lineSpacing())  # the row is as tall as two whole lines
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
        self.changed.emit()

    def text(self) -> str:
        return self.label.full_text()

    def has_details(self) -> bool:
        return bool(self._details)

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
        self.changed.emit()

    def _show_details(self) -> None:
        DetailsDialog(self.tr("Details"), self.label.full_text(), self._details or self.label.full_text(), self).exec()


class NoticeRow(QWidget):
    """The queue's message and the sync freshness in one row of a fixed height (a message coming or going never moves
    the queue under the packer's mouse), sharing its width by what each needs to be read whole on its two lines.

    Seen: a message beside the offline warning took 3/5 of the row, and the warning's advice ("Check the internet
    connection …") was cut to "…" on a 1366 px screen. Now each gets the width its words need; when both cannot,
    the width is shared in proportion to their words (and the cut one keeps its tooltip and Details…).
    """

    def __init__(self, notice: QueueNotice, health: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = notice
        self.health = health  # a SyncHealthLine: `label` is an ElidedLabel, `changed` a signal
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(notice, 1)
        layout.addWidget(health, 1)
        height = max(notice.sizeHint().height(), health.sizeHint().height())
        notice.setFixedHeight(height)
        health.setFixedHeight(height)
        self.setFixedHeight(height)
        notice.changed.connect(self.share)
        health.changed.connect(self.share)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.share()

    def share(self) -> None:
        """The freshness line's width: the whole row without a message; else what its words need, the rest the
        message's (or, when the two cannot both be whole, each a share in proportion to what it needs)."""
        health = self.health
        if not self.notice.isVisibleTo(self) or self.width() <= 0:
            health.setMinimumWidth(0)
            health.setMaximumWidth(16777215)
            return
        self.notice.ensurePolished()
        health.ensurePolished()
        health.label.ensurePolished()
        # Around each label: its frame's margins, border and buttons (Retry keeps its place when hidden).
        health_extra = health.minimumSizeHint().width() - health.label.minimumWidth()
        if health.label.width() > 0:  # as laid out (the style's border can take a pixel more than the hint says)
            health_extra = max(health_extra, health.width() - health.label.width())
        health_extra += 2
        # Details… only when there are details, or when the message cannot be whole beside the freshness.
        notice = self.notice
        details_width = notice.details_button.sizeHint().width() + notice.layout().spacing()
        notice_extra = notice.sizeHint().width() + 2 - (details_width if notice.details_button.isVisibleTo(notice)
                                                        else 0)
        if notice.has_details():
            notice_extra += details_width
        health_needs = max(health.label.needed_width(), health.label.minimumWidth()) + health_extra
        notice_needs = notice.label.needed_width() + notice_extra
        room = self.width() - self.layout().spacing()
        whole = health_needs + notice_needs <= room
        if whole:
            width = health_needs
        else:
            notice_needs += 0 if notice.has_details() else details_width
            width = round(room * health_needs / (health_needs + notice_needs))
        notice.details_button.setVisible(notice.has_details() or not whole)
        health.setFixedWidth(max(width, health.minimumSizeHint().width()))
