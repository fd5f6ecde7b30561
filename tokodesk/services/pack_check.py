"""The pack station's item check (issue 21.6): after the order's scan, every item is scanned into the parcel.

`load_check(order_pk)` reads what the parcel must hold; `PackCheck.scan(code)` says what one scanned code was
(right, the one that completes the parcel, wrong item, one too many, unknown code) and ticks the list; Pack is
offered once `complete`. Packing without a complete check is the seller's call, recorded by `record_override`
(who, when, what was missing): wrong and missing items are the commonest cause of returns, and the record is what
a dispute is answered with.

An item is recognised by its seller SKU, by the barcode stored with that SKU (`StockItem.barcode`, for a maker's
EAN), or, for a line not mapped to a seller SKU, by the SKU the marketplace reports on the line. The store has no
bundle of its own: every order line is one item, scanned `quantity` times. A Tokopedia bundle order already arrives
as its parts (the adapter reads `bundle_detail`'s items as lines), so its parts are what is scanned; TikTok Shop's
combined listings (`combined_listing_skus`) are not read yet, so such a line is checked as the one SKU it names.

A scan that named a package (services/pack_scan.py) checks that package's items: the marketplace reports which of
an order's units travel in which package (`PackageOrder.units`). Where it has not said (a package read before that was
stored), the whole order is listed and the window says so; `packages` names the order's packages.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, listed, said
from tokodesk.services.fulfilment.common import record_event
from tokodesk.services.packages import packages_of
from tokodesk.store import models as m

EVENT_CHECKED = "pack_checked"
EVENT_OVERRIDE = "pack_check_override"


class Outcome(enum.Enum):
    RIGHT = "right"  # an expected item, and the parcel still needs more
    COMPLETE = "complete"  # an expected item, and now everything is in
    WRONG = "wrong"  # an item the store knows, not in this order
    TOO_MANY = "too_many"  # an item of this order whose lines are already full
    UNKNOWN = "unknown"  # a code no item has


class BarcodeError(UserError):
    """A barcode that cannot be stored: the message names it and says what to do."""


def _key(code: str) -> str:
    # Scanners differ in case (a keyboard-wedge scanner follows Caps Lock); SKUs are not told apart by case.
    return code.strip().casefold()


@dataclass
class CheckLine:
    """One order line: the item, how many go in, how many were scanned so far."""

    sku: str  # the seller SKU, or the marketplace's SKU of an unmapped line
    name: str
    quantity: int
    codes: frozenset[str]  # casefolded codes that are this item
    scanned: int = 0

    @property
    def missing(self) -> int:
        return max(self.quantity - self.scanned, 0)


@dataclass
class ScanResult:
    outcome: Outcome
    code: str  # as scanned
    sku: str = ""  # the item it is, when known
    name: str = ""

    @property
    def accepted(self) -> bool:
        return self.outcome in (Outcome.RIGHT, Outcome.COMPLETE)


@dataclass
class PackCheck:
    """What one order's parcel must hold, and what was scanned into it (in memory: no database while scanning)."""

    order_pk: int
    invoice: str
    lines: list[CheckLine]
    # code (casefolded) -> (seller SKU, name) of every item the store knows: a wrong item is named, not "unknown".
    known: dict[str, tuple[str, str]] = field(default_factory=dict)
    packages: list[str] = field(default_factory=list)  # the order's package ids; several: a split order
    scans: list[ScanResult] = field(default_factory=list)
    package_id: str | None = None  # the parcel scanned, when the scan named a package
    package_lines_known: bool = False  # `lines` are that package's own items (else the whole order's)

    @property
    def complete(self) -> bool:
        return all(line.missing == 0 for line in self.lines)

    @property
    def expected_units(self) -> int:
        return sum(line.quantity for line in self.lines)

    @property
    def scanned_units(self) -> int:
        return sum(min(line.scanned, line.quantity) for line in self.lines)

    def missing(self) -> list[tuple[str, str, int]]:
        """(SKU, name, how many) still to go in."""
        return [(line.sku, line.name, line.missing) for line in self.lines if line.missing]

    def scan(self, code: str) -> ScanResult:
        """One scanned code: tick the first line of that item with room left, or refuse it (nothing changes)."""
        key = _key(code)
        matching = [line for line in self.lines if key in line.codes]
        if matching:
            line = next((ln for ln in matching if ln.missing), None)
            if line is None:
                result = ScanResult(Outcome.TOO_MANY, code, matching[0].sku, matching[0].name)
            else:
                line.scanned += 1
                result = ScanResult(Outcome.COMPLETE if self.complete else Outcome.RIGHT, code, line.sku, line.name)
        elif key in self.known:
            sku, name = self.known[key]
            result = ScanResult(Outcome.WRONG, code, sku, name)
        else:
            result = ScanResult(Outcome.UNKNOWN, code.strip())
        self.scans.append(result)
        return result

    def summary(self) -> str:
        """The record's words (English, like every OrderEvent detail): what went in, what was missing."""
        parts = [said(QT_TRANSLATE_NOOP("History", "{scanned} of {expected} items scanned"),
                      scanned=self.scanned_units, expected=self.expected_units)]
        if self.package_id:
            whose = QT_TRANSLATE_NOOP("History", "its own items") if self.package_lines_known else \
                QT_TRANSLATE_NOOP("History", "the whole order's items")
            parts[0] = said(QT_TRANSLATE_NOOP("History", "package {package_id}: {scanned} ({whose})"),
                            package_id=self.package_id, scanned=parts[0], whose=whose)
        missing = self.missing()
        if missing:
            parts.append(said(QT_TRANSLATE_NOOP("History", "missing: {items}"), items=", ".join(
                f"{n}× {sku}" + (f" ({name})" if name else "") for sku, name, n in missing)))
        refused = [r for r in self.scans if not r.accepted]
        if refused:
            # The scan's outcome by its code (right, wrong, too_many, unknown), as the English says it.
            parts.append(said(QT_TRANSLATE_NOOP("History", "refused scans: {scans}"),
                              scans=", ".join(f"{r.code} ({r.outcome.value})" for r in refused)))
        return listed(parts, "; ")


def load_check(order_pk: int, package_id: str | None = None) -> PackCheck:
    """What the order's parcel must hold, read in one go (a worker calls this; scanning then needs no database).
    `package_id`: the parcel scanned; its own items (of every order a combined parcel serves) when the marketplace
    said which units it holds, else the whole order's (`package_lines_known` says which)."""
    from tokodesk.services.packages import package_lines

    order = m.Order.get_by_id(order_pk)
    parcel = package_lines(package_id, order.channel_id) if package_id else None
    order_pks = [order_pk] + sorted(pk for pk in parcel or {} if pk != order_pk)  # a combined parcel: every order
    rows = list(m.OrderLine.select().where(m.OrderLine.order.in_(order_pks)).order_by(m.OrderLine.line_no,
                                                                                        m.OrderLine.id))
    rows.sort(key=lambda row: order_pks.index(row.order_id))
    quantities = {row.id: row.quantity for row in rows}
    if parcel is not None:
        wanted = {row.id: min(row.quantity, parcel.get(row.order_id, {}).get((row.sku_id, row.sku), 0))
                  for row in rows}
        if sum(wanted.values()) == sum(sum(units.values()) for units in parcel.values()):
            quantities = wanted
        else:  # a unit matching none of the lines: the list would be wrong, so the whole order is listed
            parcel = None
            rows = [row for row in rows if row.order_id == order_pk]
    skus = {r.seller_sku for r in rows if r.seller_sku}
    barcodes = {s: b for s, b in m.StockItem.select(m.StockItem.seller_sku, m.StockItem.barcode)
                .where(m.StockItem.seller_sku.in_(sorted(skus))).tuples()} if skus else {}
    lines = []
    for row in rows:
        if quantities[row.id] <= 0:
            continue
        sku = row.seller_sku or row.sku
        codes = {_key(c) for c in (row.seller_sku, barcodes.get(row.seller_sku or ""), row.sku if not row.seller_sku
                                   else None) if c and c.strip()}
        lines.append(CheckLine(sku=sku, name=row.name, quantity=quantities[row.id], codes=frozenset(codes)))
    known: dict[str, tuple[str, str]] = {}
    for seller_sku, name, barcode in m.StockItem.select(m.StockItem.seller_sku, m.StockItem.name,
                                                        m.StockItem.barcode).tuples():
        known[_key(seller_sku)] = (seller_sku, name)
        if barcode:
            known[_key(barcode)] = (seller_sku, name)
    return PackCheck(order_pk=order_pk, invoice=order.invoice or order.order_id, lines=lines, known=known,
                     packages=[p.package_id for p in packages_of(order)], package_id=package_id,
                     package_lines_known=parcel is not None)


def record_checked(check: PackCheck, who: str) -> m.OrderEvent:
    """A parcel checked complete before packing: part of the order's record for a dispute."""
    return record_event(check.order_pk, EVENT_CHECKED, who, check.summary())


def record_override(check: PackCheck, who: str) -> m.OrderEvent:
    """Packed without a complete check, on the seller's word: who, when (the event's time), what was missing."""
    return record_event(check.order_pk, EVENT_OVERRIDE, who,
                        said(QT_TRANSLATE_NOOP("History", "packed anyway — {summary}"), summary=check.summary()),
                        ok=False)


def set_barcode(seller_sku: str, barcode: str | None) -> m.StockItem:
    """Store the barcode printed on an item (None or "" removes it). Refuses a code that is already another
    item's seller SKU or barcode: one scan must name one item."""
    item = m.StockItem.get_or_none(m.StockItem.seller_sku == seller_sku)
    if item is None:
        raise BarcodeError(QT_TRANSLATE_NOOP("Refusals", "No stock item with seller SKU {seller_sku!r}: pull the "
                                                         "SKUs or add it first."), seller_sku=seller_sku)
    code = (barcode or "").strip() or None
    if code is not None:
        if not code.isprintable() or any(ch.isspace() for ch in code):
            raise BarcodeError(QT_TRANSLATE_NOOP("Refusals", "Barcode {code!r} has spaces or invisible characters: "
                                                             "scan it again."), code=code)
        key = _key(code)
        for other_sku, other_code in m.StockItem.select(m.StockItem.seller_sku, m.StockItem.barcode).where(
                m.StockItem.id != item.id).tuples():
            if key in (_key(other_sku), _key(other_code or "")):
                raise BarcodeError(QT_TRANSLATE_NOOP("Refusals", "Barcode {code!r} already names {other_sku}: one "
                                                                 "code must name one item."),
                                   code=code, other_sku=other_sku)
    item.barcode = code
    item.save()
    return item
