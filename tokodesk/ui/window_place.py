"""Where the main window opens: inside the screen's free area, then where the seller left it.

Seen (issue 14 §5): on a 1366×768 laptop the window opened 1280×800, its status bar (progress, Cancel, notes) below
the screen's edge. The first start sizes the window to the screen's available geometry (taskbar and panels left
out); closing remembers size and position in `window.json` in the data folder (per PC: a shared PostgreSQL database
serves several desks of different sizes), restored only while that place is still on a screen (a laptop unplugged
from its second monitor must not open its window out of sight).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from tokodesk import config

log = logging.getLogger(__name__)
FILE_NAME = "window.json"
# The title bar and borders the window manager adds around the client area (not known before the first show).
FRAME_W, FRAME_H = 16, 40


def _path() -> Path:
    return Path(config.data_dir()) / FILE_NAME


def default_size(area: QRect) -> QSize:
    """Nearly all of a small screen (every column of the queue counts there); a calm 85 % of a large one."""
    width = area.width() - FRAME_W if area.width() <= 1440 else min(1600, round(area.width() * 0.85))
    height = area.height() - FRAME_H if area.height() <= 900 else min(1000, round(area.height() * 0.88))
    return QSize(max(640, width), max(480, height))


def _fits(area: QRect, size: QSize) -> QSize:
    return QSize(min(size.width(), area.width() - FRAME_W), min(size.height(), area.height() - FRAME_H))


def load() -> dict | None:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:  # a damaged file: open at the default place, and say so in the log
        log.warning("ignoring %s: %s", _path(), exc)
        return None
    return data if isinstance(data, dict) else None


def save(window: QWidget) -> None:
    rect = window.normalGeometry() if window.isMaximized() else window.geometry()
    frame = window.frameGeometry()
    data = {"x": frame.x(), "y": frame.y(), "width": rect.width(), "height": rect.height(),
            "maximized": window.isMaximized()}
    try:
        _path().parent.mkdir(parents=True, exist_ok=True)
        _path().write_text(json.dumps(data), encoding="utf-8")
    except OSError as exc:  # a read-only data folder costs the remembered place, nothing else
        log.warning("could not remember the window's place in %s: %s", _path(), exc)


def _saved_screen_area(saved: dict[str, Any]) -> QRect | None:
    """The free area of the screen the saved place is on (its title bar must be there), or None."""
    try:
        x, y = int(saved["x"]), int(saved["y"])
        width = int(saved["width"])
    except (KeyError, TypeError, ValueError):
        return None
    grip = QPoint(x + min(width, 200) // 2, y + 10)  # a point of the title bar the seller can grab
    for screen in QGuiApplication.screens():
        area = screen.availableGeometry()
        if area.contains(grip):
            return area
    return None


def place(window: QWidget, saved: dict | None = None) -> bool:
    """Size and move `window` before it is shown; True when it should open maximized."""
    if saved is not None:
        area = _saved_screen_area(saved)
        if area is not None:
            size = _fits(area, QSize(int(saved["width"]), int(saved["height"])))
            window.resize(size)
            x = max(area.left(), min(int(saved["x"]), area.right() - size.width() - FRAME_W + 1))
            y = max(area.top(), min(int(saved["y"]), area.bottom() - size.height() - FRAME_H + 1))
            window.move(x, y)
            return bool(saved.get("maximized"))
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(1280, 800)
        return False
    area = screen.availableGeometry()
    size = default_size(area)
    window.resize(size)
    window.move(area.left() + max(0, (area.width() - size.width() - FRAME_W) // 2),
                area.top() + max(0, (area.height() - size.height() - FRAME_H) // 2))
    return False
