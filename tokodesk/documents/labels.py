"""TokoDesk's own shipping label: 100×150 mm, 100×100 mm, A6, or A4 with four A6 labels a page.

A batch is one multi-page PDF (one print job). The layout is computed top-down per label: fixed sections first,
then the recipient block is fitted (font shrinks before anything is cut), and the order lines get what is left,
ending in "+N more" when they do not all fit. Only black is used: thermal heads dither grey badly.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from tokodesk.documents.codes import (
    QUIET_MODULES,
    barcode_problem,
    code128_bar_width,
    code128_width_modules,
    draw_code128,
    draw_qr,
)
from tokodesk.documents.draw import CENTRE, RIGHT, ellipsize, fit_size, new_canvas, put_text, text_width, wrap
from tokodesk.documents.fmt import Translate, grams, identity, rupiah, wib
from tokodesk.documents.fonts import BOLD, REGULAR
from tokodesk.documents.model import LabelData

SIZES: dict[str, tuple[float, float]] = {
    "100x150": (100 * mm, 150 * mm),
    "100x100": (100 * mm, 100 * mm),
    "a6": (105 * mm, 148 * mm),
    "a4": A4,
}
ORDERS = ("courier", "sku", "deadline")


@dataclass(frozen=True)
class Profile:
    """Sizes for one label format, in points."""

    margin: float
    pad: float
    header: float
    courier_pt: float
    codes: float
    bar_h: float
    code_pt: float
    cod: float
    cod_pt: float
    name_pt: float
    addr_pt: float
    addr_min_pt: float
    small_pt: float
    line_pt: float


TALL = Profile(
    margin=2.5 * mm, pad=2 * mm, header=12 * mm, courier_pt=16, codes=29 * mm, bar_h=15 * mm, code_pt=12,
    cod=10 * mm, cod_pt=17, name_pt=11.5, addr_pt=9.5, addr_min_pt=6, small_pt=7.5, line_pt=8,
)
SQUARE = Profile(
    margin=2.5 * mm, pad=1.6 * mm, header=10 * mm, courier_pt=13, codes=22 * mm, bar_h=10.5 * mm, code_pt=10.5,
    cod=8 * mm, cod_pt=13, name_pt=10, addr_pt=8.5, addr_min_pt=5.5, small_pt=6.5, line_pt=7,
)
A4_CELL = Profile(**{**TALL.__dict__, "margin": 5 * mm})

BLACK = (0, 0, 0)
WHITE = (1, 1, 1)


def normalise_size(size: str) -> str:
    key = size.strip().lower().replace("×", "x").replace(" ", "").removesuffix("mm")
    if key not in SIZES:
        raise ValueError(f"label size {size!r} is not one of {', '.join(SIZES)}")
    return key


def profile_for(size_key: str) -> Profile:
    return SQUARE if size_key == "100x100" else TALL


def sort_labels(labels: Sequence[LabelData], order: str | None) -> list[LabelData]:
    """Labels in print order. `order` is None (as given), "courier", "sku" or "deadline"."""
    if order is None or order == "":
        return list(labels)
    keys: dict[str, Callable[[LabelData], tuple]] = {
        "courier": by_courier,
        "sku": by_sku,
        "deadline": by_deadline,
    }
    if order not in keys:
        raise ValueError(f"label order {order!r} is not one of {', '.join(ORDERS)}")
    return sorted(labels, key=keys[order])  # stable: ties keep the caller's order


def by_courier(label: LabelData) -> tuple:
    return (label.courier.casefold(), label.service.casefold(), _deadline_key(label.ship_deadline), label.invoice)


def by_sku(label: LabelData) -> tuple:
    # single-SKU parcels first, grouped by SKU: the packer takes one bin and works through the stack
    skus = sorted({line.sku for line in label.lines})
    return (len(skus) != 1, [s.casefold() for s in skus], label.invoice)


def by_deadline(label: LabelData) -> tuple:
    return (_deadline_key(label.ship_deadline), label.courier.casefold(), label.invoice)


def _deadline_key(moment: datetime | None) -> tuple[int, float]:
    if moment is None:
        return (1, 0.0)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return (0, moment.timestamp())


def render_labels(
    labels: Sequence[LabelData],
    size: str = "100x150",
    order: str | None = None,
    tr: Translate = identity,
) -> bytes:
    """One PDF for the batch: a page per label, or four A6 labels per A4 page."""
    key = normalise_size(size)
    ordered = sort_labels(labels, order)
    if not ordered:
        raise ValueError("no labels to render")
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, SIZES[key], f"Labels ({len(ordered)})")
    if key == "a4":
        _render_a4(canvas, ordered, tr)
    else:
        width, height = SIZES[key]
        profile = profile_for(key)
        for label in ordered:
            draw_label(canvas, label, 0, 0, width, height, profile, tr)
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _render_a4(canvas: Canvas, labels: list[LabelData], tr: Translate) -> None:
    page_w, page_h = A4
    cell_w, cell_h = page_w / 2, page_h / 2
    origins = [(0, cell_h), (cell_w, cell_h), (0, 0), (cell_w, 0)]  # reading order: left to right, top to bottom
    for start in range(0, len(labels), 4):
        _cut_guides(canvas, page_w, page_h)
        for (x, y), label in zip(origins, labels[start : start + 4], strict=False):
            draw_label(canvas, label, x, y, cell_w, cell_h, A4_CELL, tr)
        canvas.showPage()


def _cut_guides(canvas: Canvas, page_w: float, page_h: float) -> None:
    canvas.saveState()
    canvas.setLineWidth(0.3)
    canvas.setDash(2, 3)
    canvas.line(page_w / 2, 0, page_w / 2, page_h)
    canvas.line(0, page_h / 2, page_w, page_h / 2)
    canvas.restoreState()


class _Box:
    """The label's content box and a cursor that moves down as sections are drawn."""

    def __init__(self, left: float, bottom: float, width: float, height: float) -> None:
        self.left, self.bottom, self.width = left, bottom, width
        self.right = left + width
        self.top = bottom + height


def draw_label(
    canvas: Canvas,
    label: LabelData,
    x: float,
    y: float,
    width: float,
    height: float,
    profile: Profile = TALL,
    tr: Translate = identity,
) -> None:
    """Draw one label inside the cell (x, y, width, height)."""
    p = profile
    canvas.setFillColorRGB(*BLACK)
    canvas.setStrokeColorRGB(*BLACK)
    frame_x, frame_y = x + p.margin, y + p.margin
    frame_w, frame_h = width - 2 * p.margin, height - 2 * p.margin
    canvas.setLineWidth(1)
    canvas.roundRect(frame_x, frame_y, frame_w, frame_h, 1.5 * mm, stroke=1, fill=0)
    box = _Box(frame_x + p.pad, frame_y + p.pad, frame_w - 2 * p.pad, frame_h - 2 * p.pad)

    top = box.top
    top = _header(canvas, label, box, top, p, tr)
    top = _rule(canvas, box, top, p)
    top = _codes(canvas, label, box, top, p, tr)
    if label.cod_amount > 0:
        top = _cod(canvas, label, box, top, p)
    else:
        top = _rule(canvas, box, top, p)

    # bottom-up: the note, the meta lines and the sender sit at the bottom; the lines table sits above them
    small_lead = p.small_pt * 1.22
    note_lines = _note_lines(label, box, p, tr)
    bottom = box.bottom
    if note_lines:
        for i, text in enumerate(reversed(note_lines)):
            put_text(canvas, REGULAR, p.small_pt, box.left, bottom + i * small_lead + 0.25 * p.small_pt, text)
        bottom += len(note_lines) * small_lead
        bottom = _rule_up(canvas, box, bottom, p)
    meta = _meta_lines(label, box, p, tr)
    bottom = _draw_lines_up(canvas, box, bottom, meta, p.small_pt)
    bottom = _rule_up(canvas, box, bottom, p)
    sender = _sender_lines(label, box, p, tr)
    bottom = _draw_lines_up(canvas, box, bottom, sender, p.small_pt)
    bottom = _rule_up(canvas, box, bottom, p)

    row_h = p.line_pt * 1.3
    table_min = 3 * row_h + p.pad if label.lines else 0
    recipient_room = top - bottom - table_min
    top = _recipient(canvas, label, box, top, recipient_room, p, tr)
    if label.lines:
        top = _rule(canvas, box, top, p)
        _lines_table(canvas, label, box, top, bottom, p, tr)


def _rule(canvas: Canvas, box: _Box, top: float, p: Profile) -> float:
    y = top - p.pad * 0.6
    canvas.setLineWidth(0.8)
    canvas.line(box.left - p.pad, y, box.right + p.pad, y)
    return y - p.pad * 0.6


def _rule_up(canvas: Canvas, box: _Box, bottom: float, p: Profile) -> float:
    y = bottom + p.pad * 0.6
    canvas.setLineWidth(0.8)
    canvas.line(box.left - p.pad, y, box.right + p.pad, y)
    return y + p.pad * 0.6


def _draw_lines_up(canvas: Canvas, box: _Box, bottom: float, lines: list[tuple[str, str]], size: float) -> float:
    """Draw (caption, text) lines so the last one sits on `bottom`; the caption is bold, the text regular."""
    lead = size * 1.22
    for i, (caption, text) in enumerate(reversed(lines)):
        y = bottom + i * lead + 0.25 * size
        x = box.left
        if caption:
            put_text(canvas, BOLD, size, x, y, caption)
            x += text_width(caption + "  ", BOLD, size)
        put_text(canvas, REGULAR, size, x, y, text)
    return bottom + len(lines) * lead


def _header(canvas: Canvas, label: LabelData, box: _Box, top: float, p: Profile, tr: Translate) -> float:
    right_w = box.width * 0.58
    left_w = box.width - right_w - 2 * mm
    courier = " ".join(part for part in (label.courier, label.service) if part).strip() or "—"
    second = tr("NON-COD") if label.cod_amount <= 0 else ""
    size = fit_size(courier, BOLD, p.courier_pt, right_w, 8)
    if size < p.courier_pt * 0.75 and label.service:
        # a long courier and service name: the service moves to the second line instead of shrinking both
        courier = label.courier or "—"
        size = fit_size(courier, BOLD, p.courier_pt, right_w, 8)
        second = "  ·  ".join(part for part in (label.service, second) if part)
    put_text(canvas, BOLD, size, box.right, top - size * 0.9, ellipsize(courier, BOLD, size, right_w), RIGHT)
    if second:
        second_pt = fit_size(second, BOLD, p.small_pt * 1.1, right_w, 5.5)
        second = ellipsize(second, BOLD, second_pt, right_w)
        put_text(canvas, BOLD, second_pt, box.right, top - p.header + p.small_pt * 0.45, second, RIGHT)

    market_pt = p.courier_pt * 0.62
    market = label.marketplace or "—"
    market_size = fit_size(market, BOLD, market_pt, left_w, 6)
    put_text(canvas, BOLD, market_size, box.left, top - market_size * 0.95,
             ellipsize(market, BOLD, market_size, left_w))
    invoice = label.invoice
    inv_size = fit_size(invoice, REGULAR, p.small_pt, left_w, 5.5)
    put_text(canvas, REGULAR, inv_size, box.left, top - p.header + p.small_pt * 0.45,
             ellipsize(invoice, REGULAR, inv_size, left_w))
    return top - p.header


def _codes(canvas: Canvas, label: LabelData, box: _Box, top: float, p: Profile, tr: Translate) -> float:
    section = p.codes
    qr_size = section
    code = label.scan_code()
    bar_area = box.width - qr_size - 2 * mm
    caption = tr("AWB") if label.awb else tr("BOOKING CODE")
    caption_pt = p.small_pt * 0.9
    put_text(canvas, BOLD, caption_pt, box.left, top - caption_pt, caption)
    if code and barcode_problem(code):
        # A code Code 128 cannot hold (an en dash typed into an AWB) prints as text with a warning: this label still
        # carries its code for the courier to type, and the batch's other labels print (issue 15 item 6).
        code_size = fit_size(code, BOLD, p.code_pt * 1.3, bar_area, 7)
        put_text(canvas, BOLD, code_size, box.left + bar_area / 2, top - caption_pt * 1.4 - p.bar_h / 2, code, CENTRE)
        y = top - caption_pt * 1.4 - p.bar_h / 2 - code_size * 1.2
        for text in wrap(tr("No barcode: the code has a character a barcode cannot hold"), REGULAR, p.small_pt,
                         bar_area)[:2]:
            put_text(canvas, REGULAR, p.small_pt, box.left + bar_area / 2, y, text, CENTRE)
            y -= p.small_pt * 1.2
    elif code:
        bar_w = code128_bar_width(code, bar_area)
        symbol_w = (code128_width_modules(code) + 2 * QUIET_MODULES) * bar_w
        bar_x = box.left + max(0.0, (bar_area - symbol_w) / 2)
        bar_y = top - caption_pt * 1.4 - p.bar_h
        draw_code128(canvas, code, bar_x, bar_y, p.bar_h, bar_w)
        code_size = fit_size(code, BOLD, p.code_pt, bar_area, 7)
        put_text(canvas, BOLD, code_size, box.left + bar_area / 2, bar_y - code_size * 1.05, code, CENTRE)
    else:
        put_text(canvas, REGULAR, p.small_pt, box.left, top - section / 2, tr("No booking code or AWB yet"))
    qr = label.qr_payload()
    if qr:
        draw_qr(canvas, qr, box.right - qr_size + 1 * mm, top - section, qr_size)
    return top - section


def _cod(canvas: Canvas, label: LabelData, box: _Box, top: float, p: Profile) -> float:
    y = top - p.pad * 0.5 - p.cod
    canvas.rect(box.left - p.pad, y, box.width + 2 * p.pad, p.cod, stroke=0, fill=1)
    text = f"COD  {rupiah(label.cod_amount)}"
    size = fit_size(text, BOLD, p.cod_pt, box.width, 8)
    canvas.setFillColorRGB(*WHITE)
    put_text(canvas, BOLD, size, box.left + box.width / 2, y + (p.cod - size * 0.72) / 2, text, CENTRE)
    canvas.setFillColorRGB(*BLACK)
    return y - p.pad * 0.6


def _recipient(
    canvas: Canvas, label: LabelData, box: _Box, top: float, room: float, p: Profile, tr: Translate
) -> float:
    r = label.recipient
    caption_pt = p.small_pt * 0.9
    address = ", ".join(part.strip() for part in r.address_lines if part.strip())
    area = r.area()
    name_pt = fit_size(r.name or "—", BOLD, p.name_pt, box.width, 7)
    fixed = caption_pt * 1.3 + name_pt * 1.2

    size = p.addr_pt
    while True:
        lead = size * 1.2
        addr_lines = wrap(address, REGULAR, size, box.width) if address else []
        area_lines = wrap(area, BOLD, size, box.width) if area else []
        phone_lines = 1 if r.phone else 0
        needed = fixed + (len(addr_lines) + len(area_lines) + phone_lines) * lead
        if needed <= room or size <= p.addr_min_pt:
            break
        size -= 0.5
    if needed > room:
        # absurdly long address even at the smallest size: keep what fits, mark the cut
        keep = max(1, int((room - fixed - (len(area_lines) + phone_lines) * lead) / lead))
        if keep < len(addr_lines):
            addr_lines = addr_lines[:keep]
            addr_lines[-1] = ellipsize(addr_lines[-1] + " …", REGULAR, size, box.width)

    y = top - caption_pt
    put_text(canvas, BOLD, caption_pt, box.left, y, tr("RECIPIENT"))
    y -= caption_pt * 0.3 + name_pt
    put_text(canvas, BOLD, name_pt, box.left, y, ellipsize(r.name or "—", BOLD, name_pt, box.width))
    y -= name_pt * 0.2
    if r.phone:
        y -= lead
        put_text(canvas, REGULAR, size, box.left, y + 0.2 * size, r.phone)
    for text in addr_lines:
        y -= lead
        put_text(canvas, REGULAR, size, box.left, y + 0.2 * size, text)
    for text in area_lines:
        y -= lead
        put_text(canvas, BOLD, size, box.left, y + 0.2 * size, text)
    return y


def _sender_lines(label: LabelData, box: _Box, p: Profile, tr: Translate) -> list[tuple[str, str]]:
    s = label.sender
    caption = tr("SENDER")
    text = " · ".join(part for part in (s.name, s.phone, s.city) if part)
    first_w = box.width - text_width(caption + "  ", BOLD, p.small_pt)
    lines = wrap(text, REGULAR, p.small_pt, first_w) if text else [""]
    if len(lines) > 2:
        lines = [lines[0], ellipsize(" ".join(lines[1:]), REGULAR, p.small_pt, box.width)]
    return [(caption, lines[0])] + [("", line) for line in lines[1:]]


def _meta_lines(label: LabelData, box: _Box, p: Profile, tr: Translate) -> list[tuple[str, str]]:
    first = [f"{tr('Order')} {label.order_id}"]
    if label.parcel:
        first.append(f"{tr('Parcel')} {label.parcel}")
    if label.weight_grams:
        first.append(f"{tr('Weight')} {grams(label.weight_grams)}")
    lines = ["   ".join(first)]
    created = f"{tr('Created')} {wib(label.created_at)}" if label.created_at else ""
    deadline = f"{tr('Ship before')} {wib(label.ship_deadline)}" if label.ship_deadline else ""
    both = "   ".join(part for part in (created, deadline) if part)
    if both and text_width(both, REGULAR, p.small_pt) <= box.width:
        lines.append(both)
    else:
        lines.extend(part for part in (created, deadline) if part)
    return [("", ellipsize(text, REGULAR, p.small_pt, box.width)) for text in lines]


def _note_lines(label: LabelData, box: _Box, p: Profile, tr: Translate) -> list[str]:
    note = " ".join(label.buyer_note.split())
    if not note:
        return []
    lines = wrap(f"{tr('Note')}: {note}", REGULAR, p.small_pt, box.width)
    if len(lines) > 2:
        lines = [lines[0], ellipsize(" ".join(lines[1:]), REGULAR, p.small_pt, box.width)]
    return lines


def _lines_table(
    canvas: Canvas, label: LabelData, box: _Box, top: float, bottom: float, p: Profile, tr: Translate
) -> None:
    size = p.line_pt
    row_h = size * 1.3
    qty_w = text_width("9999", BOLD, size)
    # the SKU column is as wide as the longest SKU needs (within limits): the rest goes to the product name
    widest = max(text_width(line.sku or "—", BOLD, size) for line in label.lines)
    sku_w = min(box.width * 0.4, max(box.width * 0.2, widest))
    name_x = box.left + sku_w + 1.5 * mm
    name_w = box.right - qty_w - 1.5 * mm - name_x
    rows = int((top - bottom) / row_h)
    lines = label.lines
    total_qty = sum(line.quantity for line in lines)
    # header + footer take a row each; when the lines do not fit, the footer says how many are hidden
    fits = rows - 2
    shown = lines if len(lines) <= fits else lines[: max(0, fits)]
    hidden = len(lines) - len(shown)

    y = top - size
    head = size * 0.9
    put_text(canvas, BOLD, head, box.left, y, tr("SKU"))
    put_text(canvas, BOLD, head, name_x, y, tr("Product"))
    put_text(canvas, BOLD, head, box.right, y, tr("Qty"), RIGHT)
    for line in shown:
        y -= row_h
        put_text(canvas, BOLD, size, box.left, y, ellipsize(line.sku or "—", BOLD, size, sku_w))
        put_text(canvas, REGULAR, size, name_x, y, ellipsize(line.name, REGULAR, size, name_w))
        put_text(canvas, BOLD, size, box.right, y, str(line.quantity), RIGHT)
    y -= row_h
    if hidden:
        put_text(canvas, BOLD, size, box.left, y, tr("+{n} more").format(n=hidden))
    put_text(canvas, BOLD, size, box.right, y, tr("Total {n} pcs").format(n=total_qty), RIGHT)
