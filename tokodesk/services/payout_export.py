"""Payouts exported (`tokodesk payouts export --csv|--xlsx|--pdf FILE`): one row per order with every fee under the
platform's own name, the net, the expected net and the difference with its causes in words.

- CSV: the order rows; every text cell neutralised against formula injection (services/csv_cells.py), a BOM so Excel
  reads UTF-8.
- XLSX (openpyxl, imported only here): the order rows, and sheets for the weekly totals, the fees by kind, the margins
  per SKU, the statements and the withdrawals. Money cells are integers (number format `#,##0`); text cells are
  stored as text, never as a formula, whatever they start with.
- PDF (reportlab, like the other documents, in the documents' language): a summary, the weekly totals, the fees by
  kind, the orders whose payout differs from expectation and the orders delivered long ago but not settled.

Each file is written next to its target and renamed into place, so a failed export leaves no half-written file.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from tokodesk import config
from tokodesk.errors import UserError
from tokodesk.services import csv_cells
from tokodesk.services import payouts as po
from tokodesk.services.payout_book import PayoutBook

BASE_COLUMNS = [
    "order_id", "invoice", "channel", "status", "created_wib", "delivered_wib", "settled_wib", "statements",
    "buyer_paid", "pass_through", "expected_fees", "expected_net", "net", "difference", "unexpected", "causes",
    "cost", "margin", "missing_costs",
]
OPENPYXL_PIN = "openpyxl==3.1.5"


def _wib(moment: object) -> str:
    return config.wib(moment) if moment else ""  # type: ignore[arg-type]


def fee_names(book: PayoutBook) -> list[str]:
    """The rules' fees (always), then every other fee and tax an order of the book has, by platform name."""
    rules = [r.name for r in po.FEE_RULES]
    seen = {f.name for p in book.orders for f in p.fees}
    return rules + sorted(seen - set(rules))


def order_rows(book: PayoutBook, orders: list[po.OrderPayout] | None = None) -> tuple[list[str], list[list]]:
    """(header, rows): money as int, missing values as None."""
    names = fee_names(book)
    header = BASE_COLUMNS + names
    rows = []
    for p in book.orders if orders is None else orders:
        charged = {f.name: f.charged for f in p.fees}
        rows.append([
            p.order_id, p.invoice, p.channel, p.status, _wib(p.created_at), _wib(p.delivered_at), _wib(p.settled_at),
            " ".join(p.statements), p.buyer_paid if p.known else None, p.pass_through if p.known else None,
            sum(p.expected_fees.values()) if p.known else None, p.expected_net if p.known else None, p.net,
            p.difference, "yes" if p.unexpected else "no", p.why(), p.cost, p.margin, " ".join(p.missing_costs),
            *[charged.get(n) if p.net is not None else None for n in names],
        ])
    return header, rows


def _atomic_write(path: Path, data: bytes) -> Path:
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def csv_text(book: PayoutBook, orders: list[po.OrderPayout] | None = None) -> str:
    header, rows = order_rows(book, orders)
    out = io.StringIO()
    writer = csv_cells.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return out.getvalue()


def export_csv(book: PayoutBook, path: str | Path, orders: list[po.OrderPayout] | None = None) -> Path:
    return _atomic_write(Path(path), csv_text(book, orders).encode("utf-8-sig"))


def _sheet(wb: object, title: str, header: list[str], rows: list[list], first: bool = False) -> None:
    ws = wb.active if first else wb.create_sheet()  # type: ignore[attr-defined]
    ws.title = title
    ws.append(header)
    for row in rows:
        ws.append([None] * len(row))
        r = ws.max_row
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c)
            if isinstance(value, str):
                # Set as text explicitly: openpyxl would store "=…" as a formula, a spreadsheet would run it.
                cell.value = value
                cell.data_type = "s"
            else:
                cell.value = value
                if isinstance(value, int) and not isinstance(value, bool):
                    cell.number_format = "#,##0"
    ws.freeze_panes = "A2"


def xlsx_bytes(book: PayoutBook, orders: list[po.OrderPayout] | None = None) -> bytes:
    try:
        from openpyxl import Workbook
    except ImportError:
        raise UserError(csv_cells.NO_XLSX, openpyxl_pin=OPENPYXL_PIN) from None
    wb = Workbook()
    header, rows = order_rows(book, orders)
    _sheet(wb, "Orders", header, rows, first=True)
    _sheet(wb, "Weeks", ["week_wib", "orders", "settled", "revenue", "fees", "shipping", "adjustments"],
           [[w.week.isoformat(), w.orders, w.settled, w.revenue, w.fee_total, w.shipping, w.adjustments]
            for w in book.weekly()])
    _sheet(wb, "Fees", ["fee", "amount"], [[name, amount] for name, amount in book.fee_totals().items()])
    _sheet(wb, "SKU margins", ["seller_sku", "name", "quantity", "orders", "net", "cost", "margin"],
           [[r.seller_sku, r.name, r.quantity, r.orders, r.net, r.cost, r.margin] for r in book.sku_margins()])
    _sheet(wb, "Statements", ["statement_id", "channel", "statement_wib", "settlement", "revenue", "fees",
                              "adjustments", "payment_status", "paid_wib", "lines"],
           [[s.statement_id, s.channel, _wib(s.statement_time), s.settlement_amount, s.revenue_amount, s.fee_amount,
             s.adjustment_amount, s.payment_status, _wib(s.payment_time), s.lines] for s in book.statements])
    _sheet(wb, "Withdrawals", ["withdrawal_id", "channel", "type", "amount", "status", "created_wib"],
           [[w.withdrawal_id, w.channel, w.kind, w.amount, w.status, _wib(w.created_at)] for w in book.withdrawals])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def export_xlsx(book: PayoutBook, path: str | Path, orders: list[po.OrderPayout] | None = None) -> Path:
    return _atomic_write(Path(path), xlsx_bytes(book, orders))


def _m(text: object) -> str:
    """Text for a reportlab Paragraph (markup): marketplace text stays words."""
    return escape("" if text is None else str(text))


def pdf_bytes(book: PayoutBook, language: str | None = None, *, overdue_days: int = 14) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from tokodesk.documents.fmt import rupiah, translator
    from tokodesk.documents.fonts import register_fonts
    from tokodesk.services.doc_language import document_language

    tr = translator(language or document_language())
    regular, bold = register_fonts()
    channels = sorted({p.channel for p in book.orders if p.channel} | {s.channel for s in book.statements})
    title = f"{tr('Payouts')} — {', '.join(channels) or tr('channel')} — {config.wib(book.now)}"
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), title=title, author="TokoDesk", leftMargin=10 * mm,
                            rightMargin=10 * mm, topMargin=10 * mm, bottomMargin=10 * mm)
    h = ParagraphStyle("h", fontName=bold, fontSize=13, leading=16)
    h2 = ParagraphStyle("h2", fontName=bold, fontSize=10, leading=13, spaceBefore=6)
    p_style = ParagraphStyle("p", fontName=regular, fontSize=9, leading=12)
    cell = ParagraphStyle("cell", fontName=regular, fontSize=7.5, leading=9)
    settled = [p for p in book.orders if p.status == "settled"]
    unexpected, late = book.unexpected(), book.overdue(overdue_days)
    story = [Paragraph(_m(title), h), Spacer(1, 2 * mm), Paragraph(_m(tr(
        "{settled} orders settled, {net} net; {unexpected} differ from the fee rules; {late} delivered more than "
        "{days} days ago are not settled yet.").format(
        settled=len(settled), net=rupiah(sum(p.net or 0 for p in settled)), unexpected=len(unexpected),
        late=len(late), days=overdue_days)), p_style)]

    def table(header: list[str], rows: list[list], widths: list[float], right: tuple[int, ...]) -> Table:
        t = Table([[tr(x) for x in header], *rows], colWidths=[w * mm for w in widths], repeatRows=1)
        style = [("FONTNAME", (0, 0), (-1, 0), bold), ("FONTNAME", (0, 1), (-1, -1), regular),
                 ("FONTSIZE", (0, 0), (-1, -1), 7.5), ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                 ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        style += [("ALIGN", (c, 1), (c, -1), "RIGHT") for c in right]
        t.setStyle(TableStyle(style))
        return t

    weeks = book.weekly()
    story.append(Paragraph(_m(tr("Totals by week")), h2))
    if weeks:
        story.append(table(["Week (Monday)", "Orders", "Settled", "Revenue", "Fees", "Shipping", "Adjustments"],
                           [[w.week.strftime("%d/%m/%Y"), str(w.orders), rupiah(w.settled), rupiah(w.revenue),
                             rupiah(w.fee_total), rupiah(w.shipping), rupiah(w.adjustments)] for w in weeks],
                           [28, 18, 32, 32, 32, 32, 32], (1, 2, 3, 4, 5, 6)))
    else:
        story.append(Paragraph(_m(tr("Nothing settled yet.")), p_style))
    fees = book.fee_totals()
    if fees:
        story.append(Paragraph(_m(tr("Fees by kind")), h2))
        story.append(table(["Fee (platform name)", "Amount"], [[Paragraph(_m(n), cell), rupiah(a)]
                                                                for n, a in fees.items()], [90, 36], (1,)))
    story.append(Paragraph(_m(tr("Orders whose payout differs from the fee rules")), h2))
    if unexpected:
        story.append(table(
            ["Order", "Invoice", "Status", "Buyer paid", "Net", "Expected", "Difference", "Why"],
            [[Paragraph(_m(p.order_id), cell), Paragraph(_m(p.invoice), cell), tr(p.status), rupiah(p.buyer_paid),
              rupiah(p.net or 0), rupiah(p.expected_net), rupiah(p.difference or 0), Paragraph(_m(p.why(tr)), cell)]
             for p in unexpected],
            [34, 32, 18, 27, 24, 24, 22, 96], (3, 4, 5, 6)))
    else:
        story.append(Paragraph(_m(tr("None: every settled order matches the fee rules.")), p_style))
    story.append(Paragraph(_m(tr("Delivered more than {days} days ago, not settled").format(days=overdue_days)), h2))
    if late:
        story.append(table(["Order", "Invoice", "Delivered", "Buyer paid", "Estimate"],
                           [[Paragraph(_m(p.order_id), cell), Paragraph(_m(p.invoice), cell),
                             config.wib(p.delivered_at) if p.delivered_at else "", rupiah(p.buyer_paid),
                             rupiah(p.net) if p.net is not None else "—"] for p in late],
                           [40, 40, 40, 30, 30], (3, 4)))
    else:
        story.append(Paragraph(_m(tr("None.")), p_style))
    doc.build(story)
    return buffer.getvalue()


def export_pdf(book: PayoutBook, path: str | Path, language: str | None = None, *, overdue_days: int = 14) -> Path:
    return _atomic_write(Path(path), pdf_bytes(book, language, overdue_days=overdue_days))
