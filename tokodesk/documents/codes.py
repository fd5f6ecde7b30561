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
from segno import consts as segno_consts
from segno import encoder as segno_encoder

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said

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
            return said(QT_TRANSLATE_NOOP("Refusals", "{char!r} (U+{codepoint}) cannot be held by a Code 128 barcode"),
                        char=ch, codepoint=f"{ord(ch):04X}")
    try:
        code128_modules(value)
    except (BarcodeError, ValueError, KeyError, IndexError) as exc:
        if str(exc):
            return said(QT_TRANSLATE_NOOP("Refusals", "the code cannot be drawn as a barcode: {error}"), error=str(exc))
        return said(QT_TRANSLATE_NOOP("Refusals", "the code cannot be drawn as a barcode"))
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
    if mask is None:
        return segno.make_qr(text, error=error, mask=mask).matrix
    return _qr_on_template(text, error, mask)


def _qr_on_template(text: str, error: str, mask: int) -> tuple[bytearray, ...]:
    """`segno.make_qr(text, error=error, mask=mask).matrix`, the same symbol, in a third of the time.

    segno's steps up to the final codewords (segments, version, error boost, Reed-Solomon) are its own; the rest
    depends only on the version, the error level and the mask: their symbol with every data bit 0 is made once,
    and each label's bits are laid on it in segno's placement order (a dark data bit flips the masked module).
    tests/unit/test_documents_qr.py holds the two equal over thousands of texts."""
    error_level = segno_encoder.normalize_errorlevel(error, accept_none=True)
    segments = segno_encoder.prepare_data(text, None, None)
    version = segno_encoder.find_version(segments, error_level, eci=False, micro=False)
    error_level = segno_encoder.boost_error_level(version, error_level, segments, False)
    buff = segno_encoder.Buffer()
    version_range = segno_encoder.version_range(version)
    for segment in segments:
        segno_encoder.write_segment(buff, segment, None, version_range, False)
    capacity = segno_consts.SYMBOL_CAPACITY[version][error_level]
    segno_encoder.write_terminator(buff, capacity, None, len(buff))
    segno_encoder.write_padding_bits(buff, version, len(buff))
    segno_encoder.write_pad_codewords(buff, version, capacity, len(buff))
    bits = segno_encoder.make_final_message(version, error_level, buff)
    base, positions = _qr_template(version, error_level, mask, len(bits))
    matrix = tuple(bytearray(row) for row in base)
    for (i, j), bit in zip(positions, bits, strict=True):
        if bit:
            matrix[i][j] ^= 1
    return matrix


@lru_cache(maxsize=64)
def _qr_template(version: int, error_level: int, mask: int, length: int) -> tuple[tuple[bytes, ...],
                                                                                   tuple[tuple[int, int], ...]]:
    """The symbol with `length` data bits all 0, and where segno's add_codewords puts each bit, in its order."""
    width = segno_encoder.calc_matrix_size(version)
    matrix = segno_encoder.make_matrix(width, width)
    segno_encoder.add_finder_patterns(matrix, width, width)
    segno_encoder.add_alignment_patterns(matrix, width, width)
    positions = []
    for right in range(width - 1, 0, -2):  # add_codewords' walk (QR, not Micro QR): two-module columns, zig-zag
        if right <= 6:
            right -= 1
        for vertical in range(width):
            for z in (0, 1):
                j = right - z
                upwards = ((right & 2) == 0) ^ (j < 6)
                i = (width - 1 - vertical) if upwards else vertical
                if matrix[i][j] == 0x2 and len(positions) < length:
                    positions.append((i, j))
    segno_encoder.add_codewords(matrix, bytearray(length), version)
    _mask, matrix = segno_encoder.find_and_apply_best_mask(matrix, width, width, mask)
    segno_encoder.add_format_info(matrix, version, error_level, mask)
    segno_encoder.add_version_info(matrix, version)
    return tuple(bytes(row) for row in matrix), tuple(positions)


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
