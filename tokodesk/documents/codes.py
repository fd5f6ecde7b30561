"""Code 128 and QR codes drawn straight onto a reportlab canvas as filled rectangles in one path.

The Code 128 encoding is reportlab's; the drawing is ours so that every bar snaps to the dot grid of a 203 dpi
thermal head (uneven bars are what makes a cheap label unscannable) and the whole symbol is one PDF path. The QR
matrix comes from segno, which is several times faster than reportlab's QR encoder; each run of dark modules in a
row becomes one rectangle.
"""

from __future__ import annotations

import re
from functools import lru_cache

import segno
from reportlab.graphics.barcode.code128 import Code128
from reportlab.pdfgen.canvas import Canvas

THERMAL_DOT = 72 / 203  # points per dot of the common 203 dpi label printer
QUIET_MODULES = 10  # Code 128 quiet zone each side, in modules (ISO/IEC 15417 asks for 10)
# segno tries all eight QR masks and keeps the best-scoring one: 2 ms of a 3 ms label budget. Every mask is valid
# and decodes the same; a fixed mask gives up only a little robustness on very dirty prints, so it is the default
# for big batches and callers may ask for the evaluated mask.
QR_FIXED_MASK: int | None = 0


_DARK_RUN = re.compile(rb"\x01+")  # segno's matrix rows hold 0 (light) and 1 (dark) per module


class BarcodeError(ValueError):
    pass


@lru_cache(maxsize=4096)
def code128_modules(value: str) -> tuple[int, ...]:
    """Alternating bar/space widths in modules, starting with a bar (start, data, check and stop symbols)."""
    if not value:
        raise BarcodeError("an empty code cannot be drawn as a barcode")
    if any(ord(ch) > 126 or ord(ch) < 32 for ch in value):
        raise BarcodeError(f"{value!r} has characters Code 128 cannot hold (printable ASCII only)")
    symbol = Code128(value)
    symbol.validate()
    symbol.encode()
    pattern = symbol.decompose()
    widths: list[int] = []
    for ch in pattern:
        # reportlab's pattern: upper-case letters are bars, lower-case spaces; the letter's rank is the width
        widths.append(ord(ch.upper()) - ord("A") + 1)
    return tuple(widths)


def barcode_problem(value: str) -> str | None:
    """Why `value` cannot be drawn as a Code 128 symbol, in words naming the character; None when it can."""
    for ch in value or "":
        if ord(ch) > 126 or ord(ch) < 32:
            return f"{ch!r} (U+{ord(ch):04X}) cannot be held by a Code 128 barcode"
    try:
        code128_modules(value)
    except (BarcodeError, ValueError, KeyError, IndexError) as exc:
        return str(exc) or "the code cannot be drawn as a barcode"
    return None


def code128_width_modules(value: str) -> int:
    return sum(code128_modules(value))


def code128_bar_width(value: str, max_width: float, max_dots: int = 4, min_dots: int = 2) -> float:
    """The widest whole-dot module (in points) that fits `max_width` with the quiet zones; at least `min_dots`."""
    modules = code128_width_modules(value) + 2 * QUIET_MODULES
    dots = int(max_width / (modules * THERMAL_DOT))
    dots = max(min_dots, min(max_dots, dots))
    if dots * THERMAL_DOT * modules > max_width and dots == min_dots:
        # still too wide at the minimum: use a fractional module rather than cut the symbol off
        return max_width / modules
    return dots * THERMAL_DOT


def draw_code128(canvas: Canvas, value: str, x: float, y: float, height: float, bar_width: float) -> float:
    """Draw the symbol with its left quiet zone starting at x; returns the total width including quiet zones."""
    widths = code128_modules(value)
    left = round((x + QUIET_MODULES * bar_width) / THERMAL_DOT) * THERMAL_DOT
    ops = []
    cursor = left
    for index, modules in enumerate(widths):
        width = modules * bar_width
        if index % 2 == 0:
            ops.append(f"{cursor:.3f} {y:.3f} {width:.3f} {height:.3f} re")
        cursor += width
    _fill(canvas, ops)
    return (sum(widths) + 2 * QUIET_MODULES) * bar_width


def _fill(canvas: Canvas, rects: list[str]) -> None:
    # Written as raw path operators: reportlab's path API formats every number through a pure-Python routine
    # (unless the optional rl_accel extension is installed), which was half the cost of a label.
    if rects:
        canvas.addLiteral("\n".join(rects) + "\nf")


def qr_matrix(text: str, error: str = "m", evaluate_mask: bool = False) -> tuple[bytearray, ...]:
    if not text:
        raise BarcodeError("an empty text cannot be drawn as a QR code")
    mask = None if evaluate_mask else QR_FIXED_MASK
    return segno.make_qr(text, error=error, mask=mask).matrix


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float, evaluate_mask: bool = False) -> float:
    """Draw a QR code of `text` filling the square (x, y, size) with a 2-module margin; returns the module size."""
    matrix = qr_matrix(text, evaluate_mask=evaluate_mask)
    count = len(matrix)
    module = size / (count + 4)
    origin_x = x + 2 * module
    top = y + size - 2 * module
    # Every number a run can have, formatted once per symbol (not three per run): the same text as before.
    xs = [f"{origin_x + start * module:.3f}" for start in range(count)]
    tails = [f"{length * module:.3f} {module:.3f} re" for length in range(count + 1)]
    ops = []
    for row_index, row in enumerate(matrix):
        row_y = f"{top - (row_index + 1) * module:.3f}"
        for run in _DARK_RUN.finditer(row):
            start, end = run.span()
            ops.append(f"{xs[start]} {row_y} {tails[end - start]}")
    _fill(canvas, ops)
    return module
