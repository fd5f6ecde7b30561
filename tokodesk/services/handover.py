"""The handover scan: each parcel scanned as the courier collects it (or at the drop-off counter).

The parcels expected for a courier are the ones on its manifest (`fulfilment.manifest`): a package with its
tracking number where the order has packages, else the order itself with its AWB or booking code. A scan is
- ok: expected for this courier and not scanned before;
- not_due: a parcel TokoDesk knows that must not go with this courier now — cancelled, another courier's, already
  handed over (scanned before, or collected by the marketplace's word), or not ready (not shipped yet);
- unknown: no parcel TokoDesk holds has that code.
Every scan is kept (`HandoverScan`, with its time and station): the dispatch record a seller's appeal needs, and
what the handover manifest prints. Scanning is local only: nothing is sent to the marketplace.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

import peewee as pw

from tokodesk import config
from tokodesk.errors import BadValue
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, listed, said, stored_words, term
from tokodesk.marketplace import base
from tokodesk.services.fulfilment.manifest import ManifestEntry, manifest_entries
from tokodesk.services.health import wib_day
from tokodesk.store import models as m

S = base.OrderState
OK, NOT_DUE, UNKNOWN = "ok", "not_due", "unknown"
CANCELLED, ANOTHER_COURIER, HANDED_OVER, NOT_READY = "cancelled", "another_courier", "handed_over", "not_ready"
COLLECTED = frozenset({"FULFILLING", "COMPLETED"})
GONE = frozenset({S.DELIVERED.value, S.COMPLETED.value, S.RETURNED.value})
MAX_CODE = 80


@dataclass
class Parcel:
    """One parcel expected for a courier, and when it was scanned (None: not yet)."""

    code: str
    invoices: list[str]
    order_pks: list[int]
    channel_id: int
    package_pk: int | None = None
    package_id: str = ""
    scanned_at: datetime | None = None

    def as_json(self) -> dict:
        return {"code": self.code, "invoices": self.invoices, "package_id": self.package_id,
                "scanned_at": _iso(self.scanned_at)}


@dataclass
class ScanResult:
    code: str
    outcome: str  # ok | not_due | unknown
    reason: str = ""  # not_due: cancelled | another_courier | handed_over | not_ready
    invoices: list[str] = field(default_factory=list)
    courier: str = ""  # the parcel's own courier
    earlier: datetime | None = None  # handed_over: when it was scanned before
    state: str = ""  # not_ready: the order's state
    scanned_at: datetime | None = None

    @property
    def ok(self) -> bool:
        return self.outcome == OK

    def message(self) -> str:
        """In English, for the command line and the log; marked words, so a stored scan can be said again."""
        what = listed(self.invoices) or self.code
        if self.outcome == OK:
            return said(QT_TRANSLATE_NOOP("Refusals", "OK {what}"), what=what)
        if self.outcome == UNKNOWN:
            return said(QT_TRANSLATE_NOOP("Refusals", "UNKNOWN code {code}: no parcel TokoDesk holds has it (sync "
                                                      "orders, or check the label)"), code=self.code)
        if self.reason == CANCELLED:
            return said(QT_TRANSLATE_NOOP("Refusals", "NOT DUE {what}: the order is cancelled — keep the parcel"),
                        what=what)
        if self.reason == ANOTHER_COURIER:
            return said(QT_TRANSLATE_NOOP("Refusals", "NOT DUE {what}: it goes with {courier}"), what=what,
                        courier=self.courier or QT_TRANSLATE_NOOP("Refusals", "another courier"))
        if self.reason == HANDED_OVER:
            if self.earlier:
                return said(QT_TRANSLATE_NOOP("Refusals", "NOT DUE {what}: already handed over at {when}"),
                            what=what, when=config.wib(self.earlier))
            return said(QT_TRANSLATE_NOOP("Refusals", "NOT DUE {what}: already handed over"), what=what)
        return said(QT_TRANSLATE_NOOP("Refusals", "NOT DUE {what}: not ready to hand over yet ({state}); ship it "
                                                  "first"), what=what, state=term("OrderState", self.state))

    def as_json(self) -> dict:
        return {"code": self.code, "outcome": self.outcome, "reason": self.reason, "invoices": self.invoices,
                "courier": self.courier, "earlier": _iso(self.earlier), "state": self.state,
                "scanned_at": _iso(self.scanned_at), "message": self.message()}


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat() + "Z"


def normalise(code: str) -> str:
    """What the scanner typed, as compared: no surrounding blanks, case ignored (labels print codes in capitals)."""
    return "".join(code.split()).upper()


def _parcel(entry: ManifestEntry) -> Parcel:
    package_pk = None
    if entry.package_id:
        package_pk = m.Package.select(m.Package.id).where(
            (m.Package.channel == entry.orders[0].channel_id) & (m.Package.package_id == entry.package_id)).scalar()
    return Parcel(entry.code, [o.invoice or o.order_id for o in entry.orders], [o.id for o in entry.orders],
                  entry.orders[0].channel_id, package_pk, entry.package_id)


def _last_ok_scan(package_pk: int | None, order_pks: list[int]) -> datetime | None:
    """When this parcel was first scanned ok (with any courier); None: never."""
    query = m.HandoverScan.select(pw.fn.MIN(m.HandoverScan.scanned_at)).where(m.HandoverScan.outcome == OK)
    if package_pk is not None:
        query = query.where(m.HandoverScan.package == package_pk)
    else:
        query = query.where(m.HandoverScan.order.in_(order_pks) & m.HandoverScan.package.is_null())
    found = query.scalar()
    if found is not None and not isinstance(found, datetime):
        found = datetime.fromisoformat(str(found))
    return found


def expected(courier: str, channel: m.Channel | None = None) -> list[Parcel]:
    """The parcels this courier is to take, each with the time it was scanned (None: not yet)."""
    parcels = [_parcel(e) for e in manifest_entries(courier, channel)]
    for parcel in parcels:
        parcel.scanned_at = _last_ok_scan(parcel.package_pk, parcel.order_pks)
    return parcels


def missing(courier: str, channel: m.Channel | None = None) -> list[Parcel]:
    """Expected for this courier and not scanned: to find before the courier leaves."""
    return [p for p in expected(courier, channel) if p.scanned_at is None]


def _find(code: str, channel: m.Channel | None) -> tuple[list[m.Order], m.Package | None]:
    """The orders (and package) a code names: a package's tracking number, else an order's AWB or booking code."""
    query = m.Package.select().where(pw.fn.UPPER(m.Package.tracking_number) == code)
    if channel is not None:
        query = query.where(m.Package.channel == channel.id)
    package = query.first()
    if package is not None:
        orders = list(m.Order.select().join(m.PackageOrder).where(m.PackageOrder.package == package.id)
                      .order_by(m.Order.invoice))
        if orders:
            return orders, package
    query = m.Order.select().where((pw.fn.UPPER(m.Order.awb) == code) | (pw.fn.UPPER(m.Order.booking_code) == code))
    if channel is not None:
        query = query.where(m.Order.channel == channel.id)
    return list(query.order_by(m.Order.invoice).limit(20)), None


def scan(code: str, courier: str, channel: m.Channel | None = None, *, now: datetime | None = None,
         station: str | None = None) -> ScanResult:
    """Judge one scanned code for this courier and record the scan. Raises ValueError for an empty code."""
    wanted = normalise(code)
    if not wanted:
        raise BadValue(QT_TRANSLATE_NOOP("Refusals", "the scanned code is empty: scan the parcel's AWB or booking "
                                                     "code"))
    if len(wanted) > MAX_CODE:
        raise BadValue(QT_TRANSLATE_NOOP("Refusals", "the scanned code is {n_wanted} characters long: that is no AWB "
                                                     "or booking code"), n_wanted=len(wanted))
    if not courier.strip():
        raise BadValue(QT_TRANSLATE_NOOP("Refusals", "name the courier collecting the parcels (for example JNE)"))
    now = now or m.utcnow()
    station = station or config.station_id()
    result, orders, package = _judge(wanted, courier.strip(), channel)
    result.scanned_at = now
    detail = result.message()
    with m.db.atomic():
        m.HandoverScan.create(
            channel=orders[0].channel_id if orders else (channel.id if channel else None),
            order=orders[0].id if orders else None, package=package.id if package else None, code=wanted,
            courier=courier.strip(), outcome=result.outcome, reason=result.reason,
            detail=detail, detail_words=stored_words(detail), station=station, scanned_at=now)
        if result.ok:
            for order in orders:
                detail = said(QT_TRANSLATE_NOOP("History", "{code} handed over to {courier}"), code=wanted,
                              courier=courier.strip())
                m.OrderEvent.create(order=order.id, at=now, who=station, kind="handover_scan", detail=detail,
                                    words=stored_words(detail))
    return result


def _judge(code: str, courier: str, channel: m.Channel | None) -> tuple[ScanResult, list[m.Order], m.Package | None]:
    for parcel in expected(courier, channel):
        codes = {normalise(parcel.code)} if parcel.code else set()
        if parcel.package_pk is None:
            for order in m.Order.select(m.Order.awb, m.Order.booking_code).where(m.Order.id.in_(parcel.order_pks)):
                codes |= {normalise(c) for c in (order.awb, order.booking_code) if c}
        if code not in codes:
            continue
        orders = list(m.Order.select().where(m.Order.id.in_(parcel.order_pks)).order_by(m.Order.invoice))
        package = m.Package.get_by_id(parcel.package_pk) if parcel.package_pk else None
        if parcel.scanned_at is not None:
            return ScanResult(code, NOT_DUE, HANDED_OVER, parcel.invoices, courier, parcel.scanned_at), orders, package
        return ScanResult(code, OK, "", parcel.invoices, courier), orders, package
    orders, package = _find(code, channel)
    if not orders:
        return ScanResult(code, UNKNOWN), [], None
    invoices = [o.invoice or o.order_id for o in orders]
    own = orders[0].courier or (package.courier if package else "")
    if all(o.state == S.CANCELLED.value for o in orders) or (package is not None and package.status == "CANCELLED"):
        return ScanResult(code, NOT_DUE, CANCELLED, invoices, own), orders, package
    earlier = _last_ok_scan(package.id if package else None, [o.id for o in orders])
    collected = (package is not None and package.status in COLLECTED) or all(o.state in GONE for o in orders)
    if earlier is not None or collected:
        return ScanResult(code, NOT_DUE, HANDED_OVER, invoices, own, earlier), orders, package
    if own and own.lower() != courier.lower():
        return ScanResult(code, NOT_DUE, ANOTHER_COURIER, invoices, own), orders, package
    return ScanResult(code, NOT_DUE, NOT_READY, invoices, own, state=orders[0].state), orders, package


@dataclass
class HandoverRow:
    invoice: str
    code: str
    scanned_at: datetime | None
    station: str = ""


def handover_rows(courier: str, channel: m.Channel | None = None, now: datetime | None = None) -> list[HandoverRow]:
    """The handover manifest's rows: every parcel expected for the courier (scanned or not), then those scanned ok
    for it today (WIB) that are no longer expected (the marketplace has since seen them collected)."""
    now = now or m.utcnow()
    rows: list[HandoverRow] = []
    for parcel in expected(courier, channel):
        rows.append(HandoverRow(", ".join(parcel.invoices), parcel.code, parcel.scanned_at))
    day = wib_day(now)
    since = now - timedelta(days=1)
    query = (m.HandoverScan.select(m.HandoverScan, m.Order).join(m.Order, pw.JOIN.LEFT_OUTER)
             .where((m.HandoverScan.outcome == OK) & (pw.fn.LOWER(m.HandoverScan.courier) == courier.strip().lower())
                    & (m.HandoverScan.scanned_at >= since))
             .order_by(m.HandoverScan.scanned_at))
    if channel is not None:
        query = query.where(m.HandoverScan.channel == channel.id)
    listed: set[str] = {normalise(r.code) for r in rows if r.code}
    for scan_row in query:
        if wib_day(scan_row.scanned_at) != day or scan_row.code in listed:
            continue
        listed.add(scan_row.code)
        order = scan_row.order
        rows.append(HandoverRow(order.invoice or order.order_id if order else "", scan_row.code, scan_row.scanned_at,
                                scan_row.station))
    return rows


def manifest_pdf(courier: str, channel: m.Channel | None = None, *, now: datetime | None = None,
                 tr=None) -> tuple[bytes, int, int]:  # noqa: ANN001 - tr: text -> text
    """The handover manifest PDF: (its bytes, parcels scanned, parcels listed)."""
    from tokodesk.documents.handover import HandoverLine, HandoverSheet, render_handover
    from tokodesk.services.doc_language import document_translator

    now = now or m.utcnow()
    rows = handover_rows(courier, channel, now)
    shops = [channel] if channel is not None else list(m.Channel.select().order_by(m.Channel.name))
    sheet = HandoverSheet(courier=courier.strip(), shop=", ".join(c.shop_name or c.name for c in shops),
                          created_at=now, station=config.station_id(),
                          lines=[HandoverLine(r.invoice, r.code, r.scanned_at) for r in rows])
    pdf = render_handover(sheet, tr or document_translator(), printed_at=now)
    return pdf, sum(1 for r in rows if r.scanned_at), len(rows)
