"""Text measuring and fitting shared by the documents: wrap, shrink to fit, ellipsize. Never draw past a box."""

from __future__ import annotations

import io
from functools import lru_cache

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from tokodesk.documents.fonts import REGULAR, register_fonts

ELLIPSIS = "…"


@lru_cache(maxsize=65536)
def _char_width(ch: str, font: str) -> float:
    return stringWidth(ch, font, 1000.0)


def text_width(text: str, font: str, size: float) -> float:
    # per-character cache: labels repeat the same few hundred characters thousands of times
    return sum(_char_width(ch, font) for ch in text) * size / 1000.0


def ellipsize(text: str, font: str, size: float, max_width: float) -> str:
    if text_width(text, font, size) <= max_width:
        return text
    budget = max_width - text_width(ELLIPSIS, font, size)
    out = []
    used = 0.0
    for ch in text:
        w = _char_width(ch, font) * size / 1000.0
        if used + w > budget:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + ELLIPSIS


def fit_size(text: str, font: str, size: float, max_width: float, min_size: float) -> float:
    """The largest size <= `size` (half-point steps) at which `text` fits `max_width`, but not under `min_size`."""
    width = text_width(text, font, size)
    if width <= max_width or width == 0:
        return size
    fitted = size * max_width / width
    return max(min_size, int(fitted * 2) / 2)


def wrap(text: str, font: str, size: float, max_width: float) -> list[str]:
    """Greedy word wrap; words wider than the line (long Indonesian address tokens like RT.005/RW.002) break by
    character so nothing runs past the edge."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if text_width(candidate, font, size) <= max_width:
                current = candidate
                continue
            if current:
                lines.append(current)
                current = ""
            while text_width(word, font, size) > max_width:
                cut = _fit_prefix(word, font, size, max_width)
                lines.append(word[:cut])
                word = word[cut:]
            current = word
        if current:
            lines.append(current)
    return lines


def _fit_prefix(word: str, font: str, size: float, max_width: float) -> int:
    used = 0.0
    for index, ch in enumerate(word):
        used += _char_width(ch, font) * size / 1000.0
        if used > max_width:
            return max(1, index)
    return len(word)


def new_canvas(buffer: io.BytesIO, pagesize: tuple[float, float], title: str) -> Canvas:
    """A canvas with our fonts as the initial font (no Helvetica reference) and deterministic output, so a
    reprint is byte-identical to the first print."""
    register_fonts()
    # ASCII85 wrapping of the compressed page streams costs time (pure Python without rl_accel) and 25 % size;
    # binary streams are what every PDF reader and printer driver expects anyway. Only TokoDesk uses reportlab.
    rl_config.useA85 = 0
    canvas = Canvas(
        buffer,
        pagesize=pagesize,
        pageCompression=1,
        invariant=1,
        initialFontName=REGULAR,
        initialFontSize=9,
    )
    canvas.setTitle(title)
    canvas.setAuthor("TokoDesk")
    canvas.setCreator("TokoDesk")
    return canvas
