"""The TTF fonts every document uses, found from source and from the frozen bundle, registered once.

reportlab's built-in Helvetica has no embedded glyphs and PyInstaller does not bundle reportlab's own TTFs, so the
documents use DejaVu Sans shipped in resources/fonts. reportlab embeds a TTF as a subset, once per PDF, whatever
the number of pages.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

REGULAR = "TokoSans"
BOLD = "TokoSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


class FontMissing(RuntimeError):
    pass


def font_dirs() -> list[Path]:
    """Where the fonts may be: the frozen bundle first, then the source tree."""
    dirs: list[Path] = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        dirs.append(Path(frozen) / "resources" / "fonts")
    dirs.append(Path(__file__).resolve().parent.parent.parent / "resources" / "fonts")
    return dirs


def font_path(filename: str) -> Path:
    for folder in font_dirs():
        candidate = folder / filename
        if candidate.is_file():
            return candidate
    looked = ", ".join(str(d) for d in font_dirs())
    raise FontMissing(f"font {filename} not found (looked in {looked}); reinstall TokoDesk or restore resources/fonts")


def register_fonts() -> tuple[str, str]:
    """Register the regular and bold fonts with reportlab (once per process); returns their names."""
    global _registered
    if _registered:
        return REGULAR, BOLD
    with _lock:
        if not _registered:
            from reportlab.lib.fonts import addMapping
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            for name, filename in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(font_path(filename))))
            pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)
            addMapping(REGULAR, 1, 0, BOLD)
            _registered = True
    return REGULAR, BOLD
