"""The one-page sheet that goes with a packing video exported for a dispute (issue 21.4): which order, what was in
it, when and where it was filmed, and the file's SHA-256 so the platform (or the seller) can check the video sent is
the one recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table
from reportlab.platypus import TableStyle as TS

from tokodesk.documents.fmt import Translate, identity, wib
from tokodesk.documents.sheets import MARGIN, _build, _footer, _heading, _p, _Styles, _table


@dataclass
class DisputeLine:
    sku: str
    name: str
    quantity: int


@dataclass
class DisputeSheet:
    invoice: str
    order_id: str
    shop: str
    buyer: str
    courier: str
    awb: str
    package_id: str
    started_at: datetime  # naive UTC
    ended_at: datetime
    station: str
    file_name: str
    size_bytes: int
    sha256: str
    packed_at: datetime | None = None
    packed_by: str = ""
    checks: list[str] = field(default_factory=list)  # the item check's record, as stored (English)
    lines: list[DisputeLine] = field(default_factory=list)


def _seconds(moment: datetime) -> str:
    # Times on this sheet carry seconds: they are compared with the time stamped into the video's frames.
    return wib(moment).replace(" WIB", moment.strftime(":%S") + " WIB") if moment else ""


def render_dispute(sheet: DisputeSheet, tr: Translate = identity, printed_at: datetime | None = None) -> bytes:
    s = _Styles()
    width = A4[0] - 2 * MARGIN
    story: list[Flowable] = [_heading(tr("PACKING VIDEO"), [sheet.invoice, sheet.shop], s, width),
                             Spacer(1, 4 * mm)]
    length = max(0, round((sheet.ended_at - sheet.started_at).total_seconds()))
    facts = [
        (tr("Invoice"), sheet.invoice),
        (tr("Order ID"), sheet.order_id),
        (tr("Buyer"), sheet.buyer),
        (tr("Courier"), sheet.courier),
        (tr("AWB"), sheet.awb),
        (tr("Package"), sheet.package_id),
        (tr("Packed"), " ".join(p for p in (_seconds(sheet.packed_at) if sheet.packed_at else "", sheet.packed_by)
                                if p)),
        (tr("Recording started"), _seconds(sheet.started_at)),
        (tr("Recording ended"), _seconds(sheet.ended_at)),
        (tr("Length"), f"{length // 60}:{length % 60:02d}"),
        (tr("Station"), sheet.station),
        (tr("Video file"), sheet.file_name),
        (tr("Size"), f"{sheet.size_bytes:,} bytes".replace(",", ".")),
        ("SHA-256", sheet.sha256),
    ]
    rows = [[_p(label, s.cell_bold), _p(value, s.cell)] for label, value in facts if value]
    table = Table(rows, colWidths=[width * 0.28, width * 0.72])
    table.setStyle(TS([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (0, -1), 0)]))
    story += [table, Spacer(1, 5 * mm)]
    items: list[list] = [[tr("SKU"), tr("Product"), tr("Qty")]]
    for line in sheet.lines[:40]:  # one page: a longer order's remaining lines are counted, not listed
        items.append([_p(line.sku, s.cell), _p(line.name, s.cell), _p(str(line.quantity), s.cell_right)])
    if len(sheet.lines) > 40:
        items.append(["", _p(tr("+{n} more").format(n=len(sheet.lines) - 40), s.cell), ""])
    story += [_table(items, [width * 0.25, width * 0.63, width * 0.12], numeric_cols=(2,)), Spacer(1, 5 * mm)]
    for check in sheet.checks[:3]:
        story.append(_p(f"{tr('Item check')}: {check}", s.small, limit=600))
    story += [Spacer(1, 4 * mm), _p(tr("Every frame of the video shows the invoice, the order ID, the time (WIB) "
                                       "and the station, and a QR code with the order ID and the time. The SHA-256 "
                                       "above is the file's as it was recorded."), s.small)]
    return _build(story, f"{tr('Packing video')} {sheet.invoice}", _footer(tr, printed_at))
