"""A4 portrait documents: invoice, manifest (courier hand-over list), picklist and packing list.

Built with reportlab's platypus so long tables flow over pages with their header row repeated. Fixed words go
through `tr` so the UI can show them in Indonesian or English; amounts are `Rp 1.250.000`, times WIB.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)
from reportlab.platypus import TableStyle as TS

from tokodesk.documents.codes import (
    QUIET_MODULES,
    barcode_problem,
    code128_bar_width,
    code128_width_modules,
    draw_code128,
)
from tokodesk.documents.draw import CENTRE, new_canvas, put_text
from tokodesk.documents.fmt import Translate, identity, rupiah, wib
from tokodesk.documents.fonts import BOLD, REGULAR, register_fonts
from tokodesk.documents.model import InvoiceData, Line, ManifestData, PackingListData, Party, PicklistData

MARGIN = 15 * mm
CHECKBOX = "☐"
GRID = colors.Color(0.55, 0.55, 0.55)
HEAD_BG = colors.Color(0.9, 0.9, 0.9)


class _Styles:
    def __init__(self) -> None:
        register_fonts()
        self.body = ParagraphStyle("body", fontName=REGULAR, fontSize=9, leading=11.5)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=7.5, leading=9.5)
        self.bold = ParagraphStyle("bold", parent=self.body, fontName=BOLD)
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)
        self.right_bold = ParagraphStyle("right_bold", parent=self.right, fontName=BOLD)
        self.title = ParagraphStyle("title", parent=self.body, fontName=BOLD, fontSize=16, leading=20)
        self.caption = ParagraphStyle("caption", parent=self.small, fontName=BOLD)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=8, leading=10)
        self.cell_bold = ParagraphStyle("cell_bold", parent=self.cell, fontName=BOLD)
        self.cell_right = ParagraphStyle("cell_right", parent=self.cell_bold, alignment=TA_RIGHT)


# A table row cannot break across pages: a cell taller than the page raised reportlab's LayoutError (a 5,000-character
# product name on a picklist). Cell text is cut to what a row can hold; a note outside a table may run longer.
CELL_CHARS = 400
NOTE_CHARS = 3000
PARTY_LINES = 8


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _p(text: str, style: ParagraphStyle, limit: int = CELL_CHARS) -> Paragraph:
    # Paragraph reads markup: every value is escaped, so a SKU "<b>" or "<img src=...>" prints as typed.
    return Paragraph(escape(_cut(str(text), limit)).replace("\n", "<br/>"), style)


class _CanvasMaker:
    """Lets platypus draw on our canvas (fonts registered, deterministic output, no ASCII85)."""

    def __init__(self, title: str) -> None:
        self.title = title

    def __call__(self, filename, **kwargs):  # signature platypus calls with
        return new_canvas(filename, kwargs.get("pagesize", A4), self.title)


def _build(story: list[Flowable], title: str, footer: str) -> bytes:
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=title,
        author="TokoDesk",
        creator="TokoDesk",
        invariant=1,
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0)

    def on_page(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(REGULAR, 7)
        canvas.drawString(MARGIN, MARGIN, footer)
        canvas.drawRightString(A4[0] - MARGIN, MARGIN, str(document.page))
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=on_page)])
    doc.build(story, canvasmaker=_CanvasMaker(title))
    return buffer.getvalue()


def _table(rows: list[list], widths: list[float], header_rows: int = 1, numeric_cols: Sequence[int] = ()) -> Table:
    # header words wrap inside their column instead of running into the next one (long translations)
    head = ParagraphStyle("head", fontName=BOLD, fontSize=8, leading=10)
    head_right = ParagraphStyle("head_right", parent=head, alignment=TA_RIGHT)
    for row in rows[:header_rows]:
        for col, cell in enumerate(row):
            if isinstance(cell, str):
                row[col] = _p(cell, head_right if col in numeric_cols else head)
    table = Table(rows, colWidths=widths, repeatRows=header_rows)
    style = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("FONTNAME", (0, 0), (-1, header_rows - 1), BOLD),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for col in numeric_cols:
        style.append(("ALIGN", (col, 0), (col, -1), "RIGHT"))
    table.setStyle(TS(style))
    return table


def _party_block(caption: str, party: Party, s: _Styles) -> list[Flowable]:
    lines = [party.name]
    if party.phone:
        lines.append(party.phone)
    lines.extend(line for line in party.address_lines if line)
    # Tokopedia's full address already ends with the district, city, province and postcode: not printed twice.
    written = " ".join(party.address_lines).casefold()
    if party.area() and party.area().casefold() not in written:
        lines.append(party.area())
    if len(lines) > PARTY_LINES:
        lines = lines[: PARTY_LINES - 1] + [" ".join(lines[PARTY_LINES - 1 :])]
    return [_p(caption, s.caption), _p(lines[0], s.bold)] + [_p(line, s.body) for line in lines[1:]]


def _heading(title: str, right_lines: list[str], s: _Styles, width: float) -> Table:
    right = [_p(line, s.right_bold if i == 0 else s.right) for i, line in enumerate(right_lines)]
    table = Table([[_p(title, s.title), right]], colWidths=[width * 0.5, width * 0.5])
    table.setStyle(TS([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0),
                       ("RIGHTPADDING", (-1, 0), (-1, 0), 0)]))
    return table


def _footer(tr: Translate, printed_at: datetime | None) -> str:
    return f"TokoDesk · {tr('Printed')} {wib(printed_at)}" if printed_at else "TokoDesk"


def _pages(documents: Sequence, render_one: Callable[[object], list[Flowable]]) -> list[Flowable]:
    story: list[Flowable] = []
    for index, document in enumerate(documents):
        if index:
            story.append(PageBreak())
        story.extend(render_one(document))
    return story


def render_invoices(
    invoices: Sequence[InvoiceData], tr: Translate = identity, printed_at: datetime | None = None
) -> bytes:
    """One invoice per order, each starting on a new page, all in one PDF."""
    if not invoices:
        raise ValueError("no invoices to render")
    s = _Styles()
    width = A4[0] - 2 * MARGIN

    def one(inv: InvoiceData) -> list[Flowable]:
        heading = _heading(
            tr("INVOICE"),
            [inv.invoice, f"{tr('Order')} {inv.order_id}", wib(inv.created_at), inv.marketplace],
            s,
            width,
        )
        parties = Table(
            [[_party_block(tr("Seller"), inv.shop, s), _party_block(tr("Buyer"), inv.buyer, s)]],
            colWidths=[width / 2, width / 2],
        )
        parties.setStyle(TS([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
        rows: list[list] = [[tr("Product"), tr("SKU"), tr("Qty"), tr("Price"), tr("Subtotal")]]
        for line in inv.lines:
            rows.append([_p(line.name, s.body), _p(line.sku, s.body), str(line.quantity), rupiah(line.price),
                         rupiah(line.price * line.quantity)])
        lines = _table(rows, [width * 0.40, width * 0.18, width * 0.08, width * 0.16, width * 0.18],
                       numeric_cols=(2, 3, 4))
        sums = [[tr("Subtotal"), rupiah(inv.subtotal)], [tr("Shipping"), rupiah(inv.shipping_fee)]]
        if inv.discount:
            sums.append([tr("Discount"), rupiah(-inv.discount)])
        sums.append([tr("Total"), rupiah(inv.grand_total)])
        totals = Table(sums, colWidths=[width * 0.2, width * 0.18], hAlign="RIGHT")
        totals.setStyle(TS([
            ("FONTNAME", (0, 0), (-1, -1), REGULAR), ("FONTNAME", (0, -1), (-1, -1), BOLD),
            ("FONTSIZE", (0, 0), (-1, -1), 9), ("FONTSIZE", (0, -1), (-1, -1), 11),
            ("ALIGN", (1, 0), (1, -1), "RIGHT"), ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ]))
        extra = []
        courier = " ".join(p for p in (inv.courier, inv.service) if p)
        if courier:
            extra.append(f"{tr('Courier')}: {courier}")
        if inv.payment:
            extra.append(f"{tr('Payment')}: {inv.payment}")
        story: list[Flowable] = [heading, Spacer(1, 6 * mm), parties, Spacer(1, 6 * mm), lines, Spacer(1, 3 * mm),
                                 totals]
        if extra:
            story += [Spacer(1, 4 * mm), _p("   ·   ".join(extra), s.body)]
        return story

    return _build(_pages(invoices, one), f"{tr('Invoice')} ({len(invoices)})", _footer(tr, printed_at))


def render_manifest(manifest: ManifestData, tr: Translate = identity, printed_at: datetime | None = None) -> bytes:
    """The hand-over list for one courier: every parcel, the totals, and signature lines for seller and courier."""
    s = _Styles()
    width = A4[0] - 2 * MARGIN
    right = [manifest.courier, wib(manifest.created_at)]
    if manifest.manifest_no:
        right.insert(1, f"{tr('Manifest no.')} {manifest.manifest_no}")
    shop = " · ".join(p for p in (manifest.shop, manifest.shop_phone, manifest.marketplace) if p)
    story: list[Flowable] = [_heading(tr("MANIFEST"), right, s, width), _p(shop, s.body), Spacer(1, 5 * mm)]
    has_cod = any(row.cod_amount for row in manifest.rows)
    header = ["#", tr("Invoice"), tr("Booking code / AWB"), tr("Recipient"), tr("City"), tr("Parcels")]
    widths = [0.05, 0.30, 0.21, 0.18, 0.17, 0.09]
    if has_cod:
        header.append(tr("COD"))
        widths = [0.05, 0.29, 0.18, 0.12, 0.12, 0.09, 0.15]
    rows: list[list] = [header]
    for index, row in enumerate(manifest.rows, start=1):
        cells = [str(index), _p(row.invoice, s.cell), _p(row.code or "—", s.cell_bold), _p(row.recipient_name, s.cell),
                 _p(row.recipient_city, s.cell), str(row.parcels)]
        if has_cod:
            cells.append(rupiah(row.cod_amount) if row.cod_amount else "")
        rows.append(cells)
    total = ["", _p(f"{tr('Total')}: {len(manifest.rows)} {tr('orders')}", s.bold), "", "", "",
             _p(str(manifest.total_parcels), s.cell_right)]
    if has_cod:
        total.append(_p(rupiah(manifest.total_cod), s.cell_right))
    rows.append(total)
    table = _table(rows, [width * w for w in widths], numeric_cols=(5, 6) if has_cod else (5,))
    table.setStyle(TS([("FONTSIZE", (0, 1), (-1, -1), 8), ("FONTNAME", (0, -1), (-1, -1), BOLD),
                       ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black)]))
    story.append(table)
    story += [Spacer(1, 12 * mm), _signatures(tr("Seller"), tr("Courier"), tr, s, width)]
    return _build(story, f"{tr('Manifest')} {manifest.courier}", _footer(tr, printed_at))


def _signatures(left: str, right: str, tr: Translate, s: _Styles, width: float) -> Table:
    def block(who: str) -> list[Flowable]:
        return [_p(who, s.bold), Spacer(1, 18 * mm), _p("_" * 34, s.body), _p(tr("Name, signature, date"), s.small)]

    table = Table([[block(left), block(right)]], colWidths=[width / 2, width / 2])
    table.setStyle(TS([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    table.keepWithNext = False
    return table


def render_picklist(picklist: PicklistData, tr: Translate = identity, printed_at: datetime | None = None) -> bytes:
    """Lines summed by SKU across the selected orders, with a checkbox to tick while picking."""
    s = _Styles()
    width = A4[0] - 2 * MARGIN
    totals = picklist.totals()
    right = [picklist.shop, wib(picklist.created_at), f"{len(picklist.orders)} {tr('orders')}"]
    story: list[Flowable] = [_heading(tr("PICKLIST"), right, s, width), Spacer(1, 5 * mm)]
    rows: list[list] = [["", tr("SKU"), tr("Product"), tr("Qty"), tr("Orders")]]
    for row in totals:
        rows.append([CHECKBOX, _p(row.sku or "—", s.bold), _p(row.name, s.body), str(row.quantity), str(row.orders)])
    rows.append(["", _p(f"{tr('Total')}: {len(totals)} SKU", s.bold), "",
                 str(sum(r.quantity for r in totals)), str(len(picklist.orders))])
    table = _table(rows, [width * w for w in (0.06, 0.24, 0.48, 0.1, 0.12)], numeric_cols=(3, 4))
    table.setStyle(TS([("FONTSIZE", (0, 1), (0, -1), 13), ("ALIGN", (0, 0), (0, -1), "CENTER"),
                       ("FONTNAME", (0, -1), (-1, -1), BOLD), ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black)]))
    story.append(table)
    invoices = ", ".join(order.invoice for order in picklist.orders)
    if invoices:
        # Outside the table: it may run over pages, so every invoice of a long pick is listed.
        story += [Spacer(1, 5 * mm), _p(f"{tr('Orders')}: {invoices}", s.small, limit=len(invoices) + 100)]
    return _build(story, tr("Picklist"), _footer(tr, printed_at))


def render_packing_lists(
    packing_lists: Sequence[PackingListData], tr: Translate = identity, printed_at: datetime | None = None
) -> bytes:
    """One packing list per order (its lines with a checkbox each), each on a new page."""
    if not packing_lists:
        raise ValueError("no packing lists to render")
    s = _Styles()
    width = A4[0] - 2 * MARGIN

    def one(pack: PackingListData) -> list[Flowable]:
        courier = " ".join(p for p in (pack.courier, pack.service) if p)
        right = [pack.invoice, f"{tr('Order')} {pack.order_id}", pack.marketplace]
        if pack.created_at:
            right.append(wib(pack.created_at))
        story: list[Flowable] = [_heading(tr("PACKING LIST"), right, s, width), Spacer(1, 4 * mm)]
        ship = [_p(tr("Courier"), s.caption), _p(courier or "—", s.bold)]
        if pack.code:
            ship.append(_p(pack.code, s.bold))
        info = Table([[_party_block(tr("Recipient"), pack.recipient, s), ship]], colWidths=[width * 0.6, width * 0.4])
        info.setStyle(TS([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, 0), 0)]))
        story += [info, Spacer(1, 5 * mm)]
        if len(pack.packages) > 1:
            story += _package_blocks(pack, tr, s, width)
        else:
            story.append(_packing_table(pack.lines, tr, s, width))
        if pack.buyer_note.strip():
            story += [Spacer(1, 4 * mm), _p(f"{tr('Note')}: {pack.buyer_note.strip()}", s.body, NOTE_CHARS)]
        return story

    return _build(_pages(packing_lists, one), f"{tr('Packing list')} ({len(packing_lists)})",
                  _footer(tr, printed_at))


def _packing_table(lines: Sequence[Line], tr: Translate, s: _Styles, width: float) -> Table:
    rows: list[list] = [["", tr("SKU"), tr("Product"), tr("Qty")]]
    for line in lines:
        rows.append([CHECKBOX, _p(line.sku or "—", s.bold), _p(line.name, s.body), str(line.quantity)])
    rows.append(["", _p(tr("Total"), s.bold), "", str(sum(line.quantity for line in lines))])
    table = _table(rows, [width * w for w in (0.06, 0.26, 0.56, 0.12)], numeric_cols=(3,))
    table.setStyle(TS([("FONTSIZE", (0, 1), (0, -1), 13), ("ALIGN", (0, 0), (0, -1), "CENTER"),
                       ("FONTNAME", (0, -1), (-1, -1), BOLD)]))
    return table


class _Code128(Flowable):
    """A package id as a Code 128 symbol with the id written under it: the pack station's scanner reads the bars,
    a packer whose scanner fails types the digits."""

    TEXT = 11  # points under the bars for the written id

    def __init__(self, value: str, max_width: float, bar_height: float = 13 * mm) -> None:
        super().__init__()
        self.value = value
        self.bar_height = bar_height
        # whole printer dots on a 203 dpi label printer are whole dots at 600 dpi too; 3 dots keeps it short on A4
        self.module = code128_bar_width(value, max_width, max_dots=3)
        self.width = (code128_width_modules(value) + 2 * QUIET_MODULES) * self.module
        self.height = bar_height + self.TEXT

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        draw_code128(self.canv, self.value, 0, self.TEXT, self.bar_height, self.module)
        put_text(self.canv, REGULAR, 8, self.width / 2, 2, self.value, anchor=CENTRE)


def _package_blocks(pack: PackingListData, tr: Translate, s: _Styles, width: float) -> list[Flowable]:
    """A block per parcel of a split order: its number, its id as a barcode to scan at the pack station, and what
    it holds. Where the marketplace has not said what a parcel holds, the block says so and the order's lines follow
    once after the blocks: the packer checks the parcels against the whole order rather than a guessed split."""
    count = len(pack.packages)
    story: list[Flowable] = [
        _p(tr("This order ships in {n} packages: pack each one on its own and scan its barcode.").format(n=count),
           s.bold),
        Spacer(1, 3 * mm),
    ]
    unknown = False
    for number, package in enumerate(pack.packages, start=1):
        left: list[Flowable] = [_p(f"{tr('Package')} {number}/{count}", s.title), _p(package.package_id, s.bold)]
        if package.other_orders:
            left.append(_p(tr("Also holds order {orders}").format(orders=", ".join(package.other_orders)), s.small))
        code: Flowable
        if barcode_problem(package.package_id) is None:
            code = _Code128(package.package_id, width * 0.5)
        else:
            code = _p(tr("No barcode: the code has a character a barcode cannot hold"), s.small)
        head = Table([[left, code]], colWidths=[width * 0.45, width * 0.55])
        head.setStyle(TS([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                          ("LEFTPADDING", (0, 0), (0, 0), 0), ("RIGHTPADDING", (1, 0), (1, 0), 0),
                          ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                          ("LINEABOVE", (0, 0), (-1, 0), 1.2, colors.black)]))
        block: list[Flowable] = [head, Spacer(1, 2 * mm)]
        if package.lines is None:
            unknown = True
            block.append(_p(tr("Which items travel in this package is not known yet: the order's items are listed "
                               "once below."), s.body))
        else:
            block.append(_packing_table(package.lines, tr, s, width))
        story += [KeepTogether(block), Spacer(1, 5 * mm)]
    if unknown:
        story += [KeepTogether([_p(tr("Items of the order"), s.caption), Spacer(1, 1 * mm),
                                _packing_table(pack.lines, tr, s, width)])]
    return story
