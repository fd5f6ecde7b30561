"""A reconciliation report as CSV (for a spreadsheet) or PDF (an A4 table to print or send)."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

from tokodesk.services import csv_cells
from tokodesk.services.reconciliation import CAUSES, report_lines
from tokodesk.store import models as m

CSV_COLUMNS = [
    "product_id", "marketplace_sku", "seller_sku", "marketplace_qty", "expected_qty", "difference", "cause", "fixed",
]


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _markup(text: object) -> str:
    """Text for a reportlab Paragraph, which reads its input as markup: a SKU `<img src=...>` must stay words."""
    return escape(_cell(text))


def csv_text(report: m.ReconReport) -> str:
    out = io.StringIO()
    writer = csv_cells.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for line in report_lines(report):
        writer.writerow([
            line.product_id, line.marketplace_sku, line.seller_sku, _cell(line.marketplace_qty),
            _cell(line.expected_qty), line.difference, line.cause, "yes" if line.fixed else "no",
        ])
    return out.getvalue()


def export_csv(report: m.ReconReport, path: str | Path) -> Path:
    path = Path(path)
    # A BOM so Excel (the sellers' spreadsheet) reads UTF-8 SKUs correctly; Python's csv with utf-8-sig too.
    path.write_text(csv_text(report), encoding="utf-8-sig", newline="")
    return path


def pdf_bytes(report: m.ReconReport, language: str | None = None) -> bytes:
    """The report as an A4 PDF in `language` ("id"/"en"; None: the documents' language setting)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from tokodesk.documents.fmt import translator, wib
    from tokodesk.documents.fonts import register_fonts
    from tokodesk.services.doc_language import document_language

    tr = translator(language or document_language())
    regular, bold = register_fonts()
    channel = m.Channel.get_or_none(m.Channel.id == report.channel_id)
    title = f"{tr('Stock reconciliation')} — {channel.name if channel else tr('channel')} — {wib(report.created_at)}"
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author="TokoDesk",
        leftMargin=12 * mm, rightMargin=12 * mm, topMargin=12 * mm, bottomMargin=12 * mm,
    )
    h = ParagraphStyle("h", fontName=bold, fontSize=13, leading=16)
    p = ParagraphStyle("p", fontName=regular, fontSize=9, leading=12)
    cell = ParagraphStyle("cell", fontName=regular, fontSize=8, leading=10)
    head = ParagraphStyle("head", fontName=bold, fontSize=8, leading=10)
    lines = report_lines(report)
    story = [
        Paragraph(_markup(title), h),
        Spacer(1, 3 * mm),
        Paragraph(
            tr("Checked {checked} products · {mismatches} mismatches · {fixed} fixed · status: {status}.").format(
                checked=report.checked, mismatches=report.mismatches, fixed=report.fixed,
                status=_markup(tr(report.status or "")))  # a word, not the stored key
            + " " + tr("Difference = marketplace − expected (above 0: the marketplace offers more than TokoDesk has)."),
            p,
        ),
    ]
    if report.error:
        story.append(Paragraph(tr("Problems: {error}").format(error=_markup(report.error)), p))
    story.append(Spacer(1, 4 * mm))
    if not lines:
        story.append(Paragraph(tr("No mismatches: the marketplace shows what TokoDesk expects."), p))
    else:
        data = [[tr(w) for w in ("Marketplace SKU", "Seller SKU", "Marketplace", "Expected", "Diff.", "Likely cause",
                                  "Fixed")]]
        for line in lines:
            data.append([
                Paragraph(_markup(line.marketplace_sku or line.product_id), cell),
                Paragraph(_markup(line.seller_sku or "—"), cell),
                _cell(line.marketplace_qty) or "—",
                _cell(line.expected_qty) or "—",
                "—" if line.cause == "not_counted" else f"{line.difference:+d}",
                Paragraph(_markup(tr(CAUSES.get(line.cause, line.cause))), cell),
                tr("yes") if line.fixed else "",
            ])
        # Header words wrap in their cell (Indonesian ones are longer); the figures keep one line.
        data[0] = [Paragraph(_markup(w), head) for w in data[0]]
        widths = [36 * mm, 30 * mm, 24 * mm, 25 * mm, 16 * mm, 33 * mm, 22 * mm]
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, 0), bold),
            ("FONTNAME", (0, 1), (-1, -1), regular),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("ALIGN", (2, 1), (4, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f7f7f7")]),
        ]))
        story.append(table)
    doc.build(story)
    return buffer.getvalue()


def export_pdf(report: m.ReconReport, path: str | Path) -> Path:
    path = Path(path)
    path.write_bytes(pdf_bytes(report))
    return path
