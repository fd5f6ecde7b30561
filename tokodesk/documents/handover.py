"""The handover manifest: the parcels one courier took, each with the time it was scanned, and signature lines.

What a seller shows in an appeal against a late-dispatch or lost-parcel ruling: a dated list signed by the courier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus import TableStyle as TS

from tokodesk.documents.fmt import Translate, identity, wib
from tokodesk.documents.fonts import BOLD
from tokodesk.documents.sheets import MARGIN, _build, _footer, _heading, _p, _signatures, _Styles, _table


@dataclass
class HandoverLine:
    invoice: str
    code: str
    scanned_at: datetime | None  # None: expected, not scanned


@dataclass
class HandoverSheet:
    courier: str
    shop: str
    created_at: datetime
    station: str = ""
    lines: list[HandoverLine] = field(default_factory=list)


def render_handover(sheet: HandoverSheet, tr: Translate = identity, printed_at: datetime | None = None) -> bytes:
    s = _Styles()
    width = A4[0] - 2 * MARGIN
    right = [sheet.courier, wib(sheet.created_at)]
    if sheet.station:
        right.append(sheet.station)
    story: list[Flowable] = [_heading(tr("HANDOVER"), right, s, width), _p(sheet.shop, s.body), Spacer(1, 5 * mm)]
    rows: list[list] = [["#", tr("Invoice"), tr("Booking code / AWB"), tr("Scanned at")]]
    for index, line in enumerate(sheet.lines, start=1):
        when = wib(line.scanned_at) if line.scanned_at else tr("NOT SCANNED")
        rows.append([str(index), _p(line.invoice, s.cell), _p(line.code or "—", s.cell_bold),
                     _p(when, s.cell if line.scanned_at else s.cell_bold)])
    scanned = sum(1 for line in sheet.lines if line.scanned_at)
    rows.append(["", _p(f"{tr('Scanned')}: {scanned} / {len(sheet.lines)}", s.bold), "", ""])
    table = _table(rows, [width * w for w in (0.06, 0.40, 0.28, 0.26)])
    table.setStyle(TS([("FONTSIZE", (0, 1), (-1, -1), 8), ("FONTNAME", (0, -1), (-1, -1), BOLD),
                       ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black)]))
    story += [table, Spacer(1, 12 * mm), _signatures(tr("Seller"), tr("Courier"), tr, s, width)]
    return _build(story, f"{tr('Handover')} {sheet.courier}", _footer(tr, printed_at))
