"""Text measuring and fitting shared by the documents: wrap, shrink to fit, ellipsize. Never draw past a box."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from reportlab import rl_config
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfgen.canvas import Canvas

from tokodesk.documents.fonts import REGULAR, register_fonts

ELLIPSIS = "…"


class _Widths(dict):
    """One font's character widths at size 1000, filled as characters are first met."""

    def __init__(self, font: str) -> None:
        super().__init__()
        self.font = font

    def __missing__(self, ch: str) -> float:
        width = self[ch] = stringWidth(ch, self.font, 1000.0)
        return width


_widths: dict[str, _Widths] = {}


def _char_width(ch: str, font: str) -> float:
    table = _widths.get(font) or _widths.setdefault(font, _Widths(font))
    return table[ch]


def text_width(text: str, font: str, size: float) -> float:
    # per-character table, summed in C: labels repeat the same few hundred characters thousands of times
    table = _widths.get(font) or _widths.setdefault(font, _Widths(font))
    return sum(map(table.__getitem__, text)) * size / 1000.0


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


LEFT, RIGHT, CENTRE = 0.0, 1.0, 0.5  # `put_text` anchors: the share of the text's width left of x


# PDF string escapes as reportlab writes them (rl_accel's escapePDF), looked up per byte in C.
_ESCAPES = tuple(f"\\{c:03o}" if c < 32 or c >= 127 else "\\" + chr(c) if chr(c) in "\\()" else chr(c)
                 for c in range(256))


def _escape(chunk: bytes) -> str:
    return "".join(map(_ESCAPES.__getitem__, chunk))


def _split(font: Any, text: str, doc: Any) -> list[tuple[int, bytes]]:
    """`font.splitString(text, doc)`: the text as (subset, codes) chunks. When every character already has a code
    in the first subset (nearly always after the first label) the codes are read in C; otherwise reportlab assigns
    the new characters their codes as it always does."""
    assignments = font.state[doc].assignments if doc in font.state else None
    if assignments is not None:
        codes = list(map(assignments.get, map(ord, text)))
        if None not in codes and (not codes or max(codes) < 256):
            return [(0, bytes(codes))] if codes else []
    return font.splitString(text, doc)


@lru_cache(maxsize=16384)
def _num(value: float) -> str:
    # reportlab's number format, once per distinct number: a batch of labels repeats the same few hundred.
    return fp_str(value)


def put_text(canvas: Canvas, font_name: str, size: float, x: float, y: float, text: str,
             anchor: float = LEFT) -> None:
    """One line of text in a TTF font, exactly as `canvas.setFont(font_name, size)` then `drawString` (or
    `drawRightString` with RIGHT, `drawCentredString` with CENTRE) write it: the same operators and numbers, the
    font's subsets registered the same way. Without their per-call machinery (a text object, bidi, three number
    formattings in pure Python), which was a third of a label's time. Leaves the canvas's current font as it was.
    """
    font = getFont(font_name)
    if anchor:
        x -= anchor * font.stringWidth(text, size)
    doc = canvas._doc
    shown = []
    current = -1
    for subset, chunk in _split(font, text, doc):
        if subset != current:
            shown.append(f"{font.getSubsetInternalName(subset, doc)} {_num(size)} Tf {_num(size * 1.2)} TL")
            current = subset
        shown.append(f"({_escape(chunk)}) Tj")
    canvas._code.append(f"BT 1 0 0 1 {_num(x)} {_num(y)} Tm {' '.join(shown)} T* ET")


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
