"""Labels and hand-over documents for store orders: the store rows become the documents' plain dataclasses.

Printing a batch is one PDF (one print job) in a chosen order. Reprinting is always possible and changes
nothing: `label_printed_at` and the "label printed" event are written the first time only, and only when the
labels went to a printer or the user asked to mark them printed. The marketplace's own "printed" flag
(`printed=1` on Tokopedia) is sent only on "mark as printed".
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from tokodesk import documents as docs
from tokodesk.documents.codes import barcode_problem
from tokodesk.errors import SaidError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, stored_words, term
from tokodesk.marketplace import base
from tokodesk.services.doc_language import document_translator
from tokodesk.services.fulfilment import awb as awb_rules
from tokodesk.services.fulfilment import kept_labels, label_rules
from tokodesk.services.fulfilment.common import (
    AdapterFactory,
    bump_version,
    fresh_orders,
    lines_of,
    lines_of_orders,
    record_event,
    reload,
    to_marketplace_order,
)
from tokodesk.store import models as m

if TYPE_CHECKING:
    from tokodesk.services.packages import StoredPackage

log = logging.getLogger(__name__)
S = base.OrderState

LABEL_STATES = label_rules.LABEL_STATES


class DocumentError(SaidError):
    """A document cannot be made; the text says why and what to do."""


@dataclass
class LabelBatch:
    """The PDFs of one batch: TokoDesk's own labels as one PDF, marketplace PDF labels as they came."""

    parts: list[bytes] = field(default_factory=list)
    orders: list[m.Order] = field(default_factory=list)  # in print order
    skipped: list[tuple[m.Order, str]] = field(default_factory=list)  # (order, why no label)
    without_code: list[m.Order] = field(default_factory=list)  # skipped because nothing to scan yet (also in skipped)
    # (order, what is wrong): printed, but its code is drawn as text only (a character Code 128 cannot hold)
    warnings: list[tuple[m.Order, str]] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.orders)


def _party_from_order(order: m.Order) -> docs.Party:
    return docs.Party(
        name=order.recipient_name,
        phone=order.recipient_phone,
        address_lines=[line for line in (order.recipient_address or "").splitlines() if line.strip()],
        district=order.recipient_district,
        city=order.recipient_city,
        province=order.recipient_province,
        postal_code=order.recipient_postal_code,
    )


def _sender(channel: m.Channel) -> docs.Party:
    return docs.Party(name=channel.shop_name or channel.name)


def _doc_lines(order: m.Order, with_price: bool = False, lines: list[m.OrderLine] | None = None) -> list[docs.Line]:
    return [
        docs.Line(sku=line.seller_sku or line.sku, name=line.name, quantity=line.quantity,
                  price=line.price if with_price else 0)
        for line in (lines_of(order) if lines is None else lines)
    ]


CHUNK = 500  # ids per IN (…) query: well under SQLite's variable limit


def _rows_by_id(model: type[m.BaseModel], ids: list[int]) -> dict[int, m.BaseModel]:
    rows: dict[int, m.BaseModel] = {}
    for start in range(0, len(ids), CHUNK):
        rows.update((r.id, r) for r in model.select().where(model.id.in_(ids[start:start + CHUNK])))
    return rows


def _lines_by_order(order_ids: list[int]) -> dict[int, list[m.OrderLine]]:
    """Each order's lines in `lines_of`'s order, read for many orders at once."""
    lines: dict[int, list[m.OrderLine]] = {}
    for start in range(0, len(order_ids), CHUNK):
        query = (m.OrderLine.select().where(m.OrderLine.order.in_(order_ids[start:start + CHUNK]))
                 .order_by(m.OrderLine.order, m.OrderLine.line_no, m.OrderLine.id))
        for line in query:
            lines.setdefault(line.order_id, []).append(line)
    return lines


def _display_name(channel: m.Channel) -> str:
    # TikTok Shop orders in Indonesia are "Tokopedia & Shop" on paper, never "TikTok" (DESIGN.md §3).
    return "Tokopedia & Shop" if channel.marketplace == "tiktokshop" else "Tokopedia"


def label_data(order: m.Order, channel: m.Channel, lines: list[m.OrderLine] | None = None) -> docs.LabelData:
    return docs.LabelData(
        marketplace=_display_name(channel),
        courier=order.courier,
        service=order.service,
        invoice=order.invoice,
        order_id=order.order_id,
        recipient=_party_from_order(order),
        sender=_sender(channel),
        booking_code=order.booking_code,
        awb=order.awb,
        lines=_doc_lines(order, lines=lines),
        cod_amount=order.cod_amount,
        created_at=order.created_at,
        ship_deadline=order.ship_deadline,
        buyer_note=order.buyer_note,
    )


def _ensure_code(order: m.Order, channel: m.Channel, adapter: base.Marketplace | None) -> m.Order:
    """Fetch the booking code the courier scans, once, when the marketplace has issued it since the last pull."""
    if order.booking_code or order.awb or adapter is None or not adapter.capabilities.has_booking_code:
        return order
    try:
        code = adapter.booking_code(order.order_id)
    except base.MarketplaceError as exc:
        log.warning("booking code of order %s not available: %s", order.order_id, exc)
        return order
    if code:
        m.Order.update(booking_code=code).where(m.Order.id == order.id).execute()
        order = reload(order)
    return order


class Documents:
    """Builds the PDFs; `adapters` gives a channel's marketplace client (marketplace labels, booking codes)."""

    def __init__(self, adapters: AdapterFactory | None, who: str):
        self._factory = adapters
        self._adapters: dict[int, base.Marketplace] = {}
        self.who = who
        self.last_manifest: list = []  # manifest.ManifestEntry of the last manifest built

    def adapter(self, channel: m.Channel) -> base.Marketplace | None:
        if self._factory is None:
            return None
        if channel.id not in self._adapters:
            self._adapters[channel.id] = self._factory(channel)
        return self._adapters[channel.id]

    def _adapter_or_none(self, channel: m.Channel) -> base.Marketplace | None:
        # TokoDesk's own label needs the marketplace only for a missing booking code: without a connection
        # (no secret on this PC, offline) the label is still printed, with the code the last pull brought.
        try:
            return self.adapter(channel)
        except Exception as exc:  # noqa: BLE001 - any failure to connect just means "no live lookup"
            log.warning("channel %s: no marketplace connection for labels: %s", channel.name, exc)
            return None

    def _ensure_codes(self, orders: Sequence[m.Order]) -> set[int]:
        """Missing booking codes of the whole batch, fetched in bulk per channel before anything renders (one call
        per page of the shop's list, not one per order while the seller waits). Returns the ids of the orders asked
        about, so the render loop does not ask again one by one."""
        from tokodesk.services.booking_codes import fill_booking_codes, lacking_codes

        asked: set[int] = set()
        by_channel: dict[int, list[int]] = {}
        for order in orders:
            by_channel.setdefault(order.channel_id, []).append(order.id)
        for channel_id, ids in by_channel.items():
            channel = m.Channel.get_by_id(channel_id)
            adapter = self._adapter_or_none(channel)
            if adapter is None or not adapter.capabilities.has_booking_code:
                continue
            lacking = [o for start in range(0, len(ids), 500) for o in lacking_codes(channel, ids[start:start + 500])]
            if not lacking:
                continue
            try:
                fill_booking_codes(channel, adapter, lacking)
            except base.MarketplaceError as exc:  # each order is asked on its own below, as before
                log.warning("booking codes of channel %s not read in bulk: %s", channel.name, exc)
                continue
            asked.update(o.id for o in lacking)
        return asked

    # ---- labels ------------------------------------------------------------------------------------------
    def labels(
        self, orders: Sequence[m.Order], size: str = "100x150", order_by: str | None = "courier",
        mark_printed: bool = False,
    ) -> LabelBatch:
        batch = LabelBatch()
        own: list[tuple[docs.LabelData, m.Order]] = []
        market: list[tuple[docs.LabelData, m.Order, base.Label]] = []
        asked = self._ensure_codes(orders)
        # The batch read in a few queries (rows, channels, lines), not three per order: a 1,000-label click is
        # otherwise spent building SQL for the wide order row.
        fresh = _rows_by_id(m.Order, [o.id for o in orders])
        lines = _lines_by_order(list(fresh))
        channels: dict[int, m.Channel] = {}
        for order in orders:
            order = fresh.get(order.id) or reload(order)
            channel = channels.get(order.channel_id)
            if channel is None:
                channel = channels[order.channel_id] = m.Channel.get_by_id(order.channel_id)
            if S(order.state) not in LABEL_STATES:
                batch.skipped.append((order, said(label_rules.NO_LABEL_IN_STATE, state=term("OrderState",
                                                                                         order.state))))
                continue
            adapter = self._adapter_or_none(channel)
            if order.id not in asked:
                order = _ensure_code(order, channel, adapter)
            # Never a label (nor a "printed" mark, here or on the marketplace) without a code the courier can scan.
            why = label_rules.refusal(order, channel, adapter.capabilities if adapter is not None else None)
            if why:
                batch.skipped.append((order, why))
                batch.without_code.append(order)
                continue
            data = label_data(order, channel, lines.get(order.id, []))
            code = label_rules.scan_code(order)
            caps = adapter.capabilities if adapter is not None else label_rules.class_capabilities(channel.marketplace)
            # A marketplace PDF label is the marketplace's drawing; every other label draws the code as Code 128.
            # A parcel the seller's own courier carries has no marketplace label (Tokopedia & Shop refuses it and
            # says to print TokoDesk's own): it gets TokoDesk's label with the seller's AWB, not a skip.
            from_marketplace = channel.use_marketplace_label and not awb_rules.delivered_by_seller(order, channel)
            drawn_here = not (from_marketplace and label_rules.uses_marketplace_pdf(channel, caps))
            problem = barcode_problem(code) if code and drawn_here else None
            if problem:
                # The marketplace's HTML label is re-drawn around a barcode: such a code goes on TokoDesk's own label
                # instead, as text, so the rest of the batch prints (issue 15).
                warning = QT_TRANSLATE_NOOP("Refusals", "its code {code!r} is printed as text only, without a "
                                                        "barcode ({problem}) on TokoDesk's own label: the courier "
                                                        "has to type it in") \
                    if channel.use_marketplace_label else \
                    QT_TRANSLATE_NOOP("Refusals", "its code {code!r} is printed as text only, without a barcode "
                                                  "({problem}): the courier has to type it in")
                batch.warnings.append((order, said(warning, code=code, problem=problem)))
            if from_marketplace and not problem:
                label, why = self._marketplace_label(order, adapter, mark_printed)
                if label is None:
                    batch.skipped.append((order, why))
                    continue
                market.append((data, order, label))
            else:
                masked = label_rules.masked_recipient(order, channel)
                if masked:
                    batch.warnings.append((order, masked))
                own.append((data, order))
        own = self._per_package(own, batch)
        ordered_own = _in_order(own, order_by)
        if ordered_own:
            batch.parts.append(docs.render_labels([d for d, _ in ordered_own], size=size, order=None,
                                                    tr=document_translator()))
            batch.orders.extend(dict.fromkeys(o for _, o in ordered_own))  # an order of two parcels: listed once
        from tokodesk.services.packages import packages_of_orders

        parcels = packages_of_orders([o.id for _d, o, _lab in market])
        printed: set[frozenset[str]] = set()
        for _data, order, label in _in_order([(d, o, lab) for d, o, lab in market], order_by):
            key = frozenset(p.package_id for p in parcels.get(order.id, []))
            if not key or key not in printed:  # a combined package's label serves all its orders: printed once
                try:
                    pdf = self._marketplace_pdf(label, size)
                except ValueError as exc:  # MarketplaceLabelError: one unreadable label page, not the whole batch
                    why = said(QT_TRANSLATE_NOOP("Refusals", "its marketplace label could not be drawn: {error}"),
                               error=str(exc))
                    batch.skipped.append((order, why))
                    continue
                printed.add(key)
                batch.parts.append(pdf)
            batch.orders.append(order)
        return batch

    @staticmethod
    def _per_package(own: list[tuple[docs.LabelData, m.Order]], batch: LabelBatch) -> list[tuple[docs.LabelData,
                                                                                                   m.Order]]:
        """TokoDesk's own labels, one per parcel: an order split into packages gets a label for each package that
        has its tracking number (each parcel is scanned on its own), and a package serving several orders gets one
        label. Orders without package rows (Tokopedia FS, or not yet read) keep their one label."""
        from tokodesk.services.packages import packages_of_orders

        parcels = packages_of_orders([o.id for _d, o in own])
        out: list[tuple[docs.LabelData, m.Order]] = []
        printed: set[str] = set()
        for data, order in own:
            packages = [p for p in parcels.get(order.id, []) if p.status != "CANCELLED"]
            if len(packages) <= 1 and not any(p.package_id in printed for p in packages):
                printed.update(p.package_id for p in packages)
                out.append((data, order))
                continue
            waiting = []
            for number, package in enumerate(packages, start=1):
                if package.package_id in printed:
                    continue  # a combined package: its label went out with another of its orders
                if not package.tracking_number:
                    waiting.append(package.package_id)
                    continue
                printed.add(package.package_id)
                out.append((replace(data, awb=package.tracking_number, booking_code=None,
                                    parcel=f"{number}/{len(packages)}" if len(packages) > 1 else ""), order))
            if waiting:
                batch.skipped.append((order, said(QT_TRANSLATE_NOOP("Refusals", "package {packages} has no tracking "
                                                                                "number yet: ship it first, then print "
                                                                                "its label"),
                                                  packages=", ".join(waiting))))
        return out

    def _marketplace_label(
        self, order: m.Order, adapter: base.Marketplace | None, mark_printed: bool
    ) -> tuple[base.Label | None, str]:
        """The kept copy when this PC has one (no request); else the marketplace's label, kept if it is a PDF."""
        content = kept_labels.kept_copy(order)
        kept = None
        if content is not None:
            kept = base.Label(content=content, content_type="application/pdf", tracking_number=order.awb)
            # "Mark as printed" still asks the marketplace, which takes the flag with the label (Tokopedia).
            if not mark_printed or adapter is None:
                return kept, ""
        if adapter is None:
            raise DocumentError(QT_TRANSLATE_NOOP("Refusals", "The marketplace label needs the channel's connection."))
        try:
            label = adapter.shipping_label(to_marketplace_order(order), mark_printed=mark_printed)
        except base.MarketplaceError as exc:
            if kept is not None:
                return kept, ""
            elsewhere = kept_labels.holders(order, except_station=self.who)
            if elsewhere:
                return None, said(QT_TRANSLATE_NOOP("Refusals", "the marketplace no longer serves it ({error}); a copy "
                                                                "is kept on {stations}: print it from there"),
                                  error=str(exc), stations=", ".join(elsewhere))
            return None, said(QT_TRANSLATE_NOOP("Refusals", "the marketplace sent no label: {error}"), error=str(exc))
        if kept is None:
            self._keep(order, label)
        return label, ""

    def _keep(self, order: m.Order, label: base.Label) -> bool:
        if label.content_type != "application/pdf":
            return False
        try:
            kept_labels.keep(order, label.content, self.who)
        except (OSError, ValueError) as exc:
            # The label in hand still prints; only a later reprint depends on the copy.
            log.warning("label of order %s not kept: %s", order.order_id, exc)
            return False
        order = reload(order)
        if order.problem.startswith(kept_labels.NOT_KEPT):
            m.Order.update(problem="", version=m.Order.version + 1, local_updated_at=m.utcnow()).where(
                m.Order.id == order.id).execute()
        return True

    def keep_marketplace_labels(self, orders: Sequence[m.Order]) -> dict[str, str | None]:
        """Download and keep the marketplace label of shipped orders that have none here; order id -> error or None.

        Meant right after a ship on marketplaces whose label exists only between shipping and collection. A failure
        never touches the shipment: it is written on the order as a problem, and the next print fetches again. The
        labels of a batch are fetched side by side (`fetch_labels`), then kept one by one on this thread.
        """
        results: dict[str, str | None] = {}
        wanted: dict[int, list[m.Order]] = {}
        for order in fresh_orders(orders).values():
            if kept_labels.kept_copy(order) is not None:
                results[order.order_id] = None
                continue
            wanted.setdefault(order.channel_id, []).append(order)
        for channel_id, batch in wanted.items():
            adapter = self._adapter_or_none(m.Channel.get_by_id(channel_id))
            for order, label in zip(batch, fetch_labels(adapter, batch), strict=True):
                error: str | None = None
                if isinstance(label, base.MarketplaceError):
                    error = str(label)
                elif not self._keep(order, label):
                    error = said(QT_TRANSLATE_NOOP("Refusals", "it could not be written to the data folder"))
                if error is not None:
                    problem = kept_labels.not_kept(error)
                    with m.db.atomic():
                        m.Order.update(problem=problem, problem_words=stored_words(problem),
                                       version=m.Order.version + 1,
                                       local_updated_at=m.utcnow()).where(m.Order.id == order.id).execute()
                        record_event(order, "label_kept", self.who, problem, ok=False)
                else:
                    record_event(order, "label_kept", self.who,
                                 said(QT_TRANSLATE_NOOP("History", "marketplace label kept on {station}"),
                                      station=self.who))
                results[order.order_id] = error
        return {o.order_id: results[o.order_id] for o in orders if o.order_id in results}

    def _marketplace_pdf(self, label: base.Label, size: str) -> bytes:
        if label.content_type == "application/pdf":
            return label.content  # TikTok Shop: print as is, never re-drawn (research/tiktokshop-api.md §4)
        try:
            from tokodesk.documents.html_label import render_html_label
        except ImportError:
            raise DocumentError(QT_TRANSLATE_NOOP("Refusals", "This TokoDesk cannot draw the marketplace's HTML "
                                                              "label; switch the channel setting 'Use marketplace "
                                                              "shipping label' off to print TokoDesk's own "
                                                              "label.")) from None
        return render_html_label(label.content, size=size, tr=document_translator())

    def record_printed(self, orders: Sequence[m.Order], how: str) -> int:
        """First print of each order's label: stamp it and add an event. Reprints change nothing."""
        stamped = 0
        now = m.utcnow()
        with m.db.atomic():
            for order in orders:
                order = reload(order)
                if order.label_printed_at is not None:
                    continue
                if bump_version(order, label_printed_at=now):
                    record_event(order, "label_printed", self.who, how)
                    stamped += 1
        return stamped

    # ---- manifest, picklist, packing list ----------------------------------------------------------------
    def manifest_orders(self, courier: str, channel: m.Channel | None = None) -> list[m.Order]:
        from tokodesk.services.fulfilment.manifest import manifest_entries

        return list({o.id: o for e in manifest_entries(courier, channel) for o in e.orders}.values())

    def manifest(self, courier: str, channel: m.Channel | None = None) -> tuple[bytes, list[m.Order]]:
        """The hand-over list of one courier, one row per package (see manifest.py). On "ready to ship at manifest"
        channels, the packed orders on it become ready."""
        from tokodesk.services.fulfilment.manifest import fill_missing_codes, manifest_entries, waiting_couriers

        entries = manifest_entries(courier, channel)
        if fill_missing_codes(entries, self._adapter_or_none):
            entries = manifest_entries(courier, channel)
        if not entries:
            couriers = waiting_couriers()
            hint = said(QT_TRANSLATE_NOOP("Refusals", "couriers with parcels waiting: {couriers}"),
                        couriers=", ".join(couriers)) if couriers else \
                said(QT_TRANSLATE_NOOP("Refusals", "no shipped parcels are waiting for a courier"))
            raise DocumentError(QT_TRANSLATE_NOOP("Refusals", "No parcels to hand over to courier {courier!r}: a "
                                                              "parcel is on the manifest once it is shipped and has "
                                                              "its tracking number ({hint})."),
                                courier=courier, hint=hint)
        self.last_manifest = entries  # the parcels listed (the CLI reports them)
        orders = list({o.id: o for e in entries for o in e.orders}.values())
        channels = {o.channel_id: m.Channel.get_by_id(o.channel_id) for o in orders}
        first = channels[orders[0].channel_id]
        data = docs.ManifestData(
            courier=orders[0].courier,
            shop=first.shop_name or first.name,
            created_at=m.utcnow(),
            marketplace=_display_name(first),
            rows=[
                docs.ManifestRow(
                    invoice=e.invoice, code=e.code, recipient_city=e.orders[0].recipient_city,
                    recipient_name=e.orders[0].recipient_name, cod_amount=sum(o.cod_amount for o in e.orders),
                )
                for e in entries
            ],
        )
        from tokodesk.documents.sheets import render_manifest

        pdf = render_manifest(data, document_translator())
        with m.db.atomic():
            for order in orders:
                channel = channels[order.channel_id]
                ready = order.state == S.PACKED.value and channel.ready_to_ship_at == "manifest"
                if ready and bump_version(order, state=S.READY_TO_SHIP.value):
                    record_event(order, "manifest", self.who,
                                 said(QT_TRANSLATE_NOOP("History", "on the {courier} manifest; ready to ship"),
                                      courier=data.courier))
        return pdf, orders

    def picklist(self, orders: Sequence[m.Order]) -> bytes:
        from tokodesk.documents.sheets import render_picklist

        first = m.Channel.get_by_id(orders[0].channel_id)
        data = docs.PicklistData(
            shop=first.shop_name or first.name,
            created_at=m.utcnow(),
            orders=[docs.PicklistOrder(invoice=o.invoice, lines=_doc_lines(o)) for o in orders],
        )
        return render_picklist(data, document_translator())

    def packing_lists(self, orders: Sequence[m.Order]) -> bytes:
        from tokodesk.documents.sheets import render_packing_lists
        from tokodesk.services.packages import packages_of_orders

        parcels = packages_of_orders([o.id for o in orders])
        items = []
        for order in orders:
            channel = m.Channel.get_by_id(order.channel_id)
            rows = lines_of(order)
            items.append(docs.PackingListData(
                marketplace=_display_name(channel), invoice=order.invoice, order_id=order.order_id,
                recipient=_party_from_order(order), courier=order.courier, service=order.service,
                code=order.awb or order.booking_code or "", created_at=order.created_at,
                lines=_doc_lines(order, lines=rows), buyer_note=order.buyer_note,
                packages=_package_blocks(order, parcels.get(order.id, []), rows),
            ))
        return render_packing_lists(items, document_translator())


def _package_blocks(order: m.Order, packages: list[StoredPackage], rows: list[m.OrderLine]) -> list[docs.PackageBlock]:
    """The parcels of an order the marketplace ships as several packages, each with this order's items in it as the
    marketplace reported them (`PackageOrder.units`). A parcel whose units are not reported, or name a unit none of
    the order's lines is, gets None: the packing list then says so rather than print a wrong split. Fewer than two
    live packages: [] (the order is one parcel and its list prints as it always did)."""
    live = [p for p in packages if p.status != "CANCELLED"]
    if len(live) < 2:
        return []
    stored = dict(m.PackageOrder.select(m.Package.package_id, m.PackageOrder.units).join(m.Package)
                  .where((m.PackageOrder.order == order.id) & m.Package.package_id.in_([p.package_id for p in live]))
                  .tuples())
    others = {p for package in live for p in package.order_ids if p != order.order_id}
    invoices = dict(m.Order.select(m.Order.order_id, m.Order.invoice).where(
        (m.Order.channel == order.channel_id) & m.Order.order_id.in_(sorted(others))).tuples()) if others else {}
    blocks = []
    for package in live:
        blocks.append(docs.PackageBlock(
            package_id=package.package_id, lines=_units_as_lines(stored.get(package.package_id), rows),
            other_orders=[invoices.get(o) or o for o in package.order_ids if o != order.order_id],
        ))
    return blocks


def _units_as_lines(units: list | None, rows: list[m.OrderLine]) -> list[docs.Line] | None:
    """[[sku_id, sku, n], ...] as the order's lines they are (in line order), or None when not known or not all of
    them match a line (two lines of one SKU take the units in line order)."""
    if not units:
        return None
    left: dict[tuple[str, str], int] = {}
    for sku_id, sku, n in units:
        key = (str(sku_id), str(sku))
        left[key] = left.get(key, 0) + int(n)
    lines = []
    for row in rows:
        key = (row.sku_id, row.sku)
        take = min(row.quantity, left.get(key, 0))
        if take > 0:
            left[key] -= take
            lines.append(docs.Line(sku=row.seller_sku or row.sku, name=row.name, quantity=take))
    if any(left.values()) or not lines:
        return None
    return lines


LABEL_FETCHERS = 8  # labels fetched at once from a marketplace without a call for many (the transport paces them)


def fetch_labels(
    adapter: base.Marketplace | None, orders: Sequence[m.Order]
) -> list[base.Label | base.MarketplaceError]:
    """The marketplace label of each order, or the error for it: through the adapter's call for many labels where
    it has one (`base.KeptLabels`: details read in batches), else one call per order, LABEL_FETCHERS at a time."""
    if adapter is None:
        return [base.MarketplaceError("no connection to the marketplace") for _ in orders]
    lines = lines_of_orders([order.id for order in orders])
    wanted = [to_marketplace_order(order, lines[order.id]) for order in orders]
    many = getattr(adapter, "shipping_labels", None)
    if many is not None:
        found = many(wanted)
        return [found.get(o.order_id) or base.MarketplaceError("the marketplace sent no label") for o in wanted]

    def one(order: base.Order) -> base.Label | base.MarketplaceError:
        try:
            return adapter.shipping_label(order)
        except base.MarketplaceError as exc:
            return exc

    with ThreadPoolExecutor(LABEL_FETCHERS, thread_name_prefix="tokodesk-labels") as pool:
        return list(pool.map(one, wanted))


def _in_order(items: list[tuple], order_by: str | None) -> list[tuple]:
    """Sort (LabelData, ...) tuples the way the documents package sorts labels."""
    if not order_by:
        return list(items)
    keys = {"courier": docs.by_courier, "sku": docs.by_sku, "deadline": docs.by_deadline}
    if order_by not in keys:
        raise DocumentError(QT_TRANSLATE_NOOP("Refusals", "Label order {order_by!r} is not one of {keys}."),
                            order_by=order_by, keys=', '.join(keys))
    return sorted(items, key=lambda item: keys[order_by](item[0]))


def merge_pdfs(parts: Sequence[bytes]) -> list[bytes]:
    """Several PDFs (marketplace labels come one file per package) joined into one document: one print job."""
    if len(parts) <= 1:
        return list(parts)
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    for part in parts:
        writer.append(io.BytesIO(part))
    out = io.BytesIO()
    writer.write(out)
    return [out.getvalue()]
