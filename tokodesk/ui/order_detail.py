"""The order detail pane: lines, recipient, courier, booking code / AWB, problems and the event history."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.ui import queries as q
from tokodesk.ui.event_text import history_text
from tokodesk.ui.formatting import rupiah, wib_text
from tokodesk.ui.messages import stored_text
from tokodesk.ui.orders_model import state_label
from tokodesk.ui.status_words import marketplace_status_words

# What the store records (event kinds, outbox statuses) -> the words a packer reads; unknown kinds show as they are.
EVENT_WORDS = {
    "pulled": QT_TRANSLATE_NOOP("OrderDetailPane", "Pulled"),
    "status_changed": QT_TRANSLATE_NOOP("OrderDetailPane", "Status changed"),
    "updated": QT_TRANSLATE_NOOP("OrderDetailPane", "Updated"),
    "ack": QT_TRANSLATE_NOOP("OrderDetailPane", "Accept"),
    "nack": QT_TRANSLATE_NOOP("OrderDetailPane", "Cancel"),
    "ship": QT_TRANSLATE_NOOP("OrderDetailPane", "Ship"),
    "pack": QT_TRANSLATE_NOOP("OrderDetailPane", "Packed"),
    "label_printed": QT_TRANSLATE_NOOP("OrderDetailPane", "Label printed"),
    "manifest": QT_TRANSLATE_NOOP("OrderDetailPane", "Manifest"),
    "label_kept": QT_TRANSLATE_NOOP("OrderDetailPane", "Marketplace label kept"),
    "return_received": QT_TRANSLATE_NOOP("OrderDetailPane", "Return received"),
    "cancel_request_approve": QT_TRANSLATE_NOOP("OrderDetailPane", "Buyer's cancellation approved"),
    "cancel_request_reject": QT_TRANSLATE_NOOP("OrderDetailPane", "Buyer's cancellation rejected"),
    "packages": QT_TRANSLATE_NOOP("OrderDetailPane", "Packages changed"),
    "combine": QT_TRANSLATE_NOOP("OrderDetailPane", "Combined into one package"),
    "uncombine": QT_TRANSLATE_NOOP("OrderDetailPane", "Package uncombined"),
    "handover_scan": QT_TRANSLATE_NOOP("OrderDetailPane", "Scanned at handover"),
    "return_approve": QT_TRANSLATE_NOOP("OrderDetailPane", "Return approved"),
    "return_reject": QT_TRANSLATE_NOOP("OrderDetailPane", "Return rejected"),
    "return_offer": QT_TRANSLATE_NOOP("OrderDetailPane", "Partial refund offered"),
    "return_receive": QT_TRANSLATE_NOOP("OrderDetailPane", "Returned parcel approved"),
    "pack_checked": QT_TRANSLATE_NOOP("OrderDetailPane", "Items checked by scan"),
    "pack_check_override": QT_TRANSLATE_NOOP("OrderDetailPane", "Packed without a complete item check"),
}
# A package's status on the marketplace, in the queue's words.
PACKAGE_WORDS = {
    "TO_FULFILL": QT_TRANSLATE_NOOP("OrderDetailPane", "to ship"),
    "PROCESSING": QT_TRANSLATE_NOOP("OrderDetailPane", "awaiting pickup"),
    "FULFILLING": QT_TRANSLATE_NOOP("OrderDetailPane", "in transit"),
    "COMPLETED": QT_TRANSLATE_NOOP("OrderDetailPane", "delivered"),
    "CANCELLED": QT_TRANSLATE_NOOP("OrderDetailPane", "cancelled"),
}
REQUEST_WORDS = {
    "pending": QT_TRANSLATE_NOOP("OrderDetailPane", "waiting"),
    "sent": QT_TRANSLATE_NOOP("OrderDetailPane", "sent"),
    "done": QT_TRANSLATE_NOOP("OrderDetailPane", "done"),
    "failed": QT_TRANSLATE_NOOP("OrderDetailPane", "failed"),
    "unknown": QT_TRANSLATE_NOOP("OrderDetailPane", "no answer yet"),
}


class OrderDetailPane(QTextBrowser):
    uncombine_requested = Signal(str)  # a combined package's id, from its Uncombine link
    pack_package_requested = Signal(str)  # a package of a split order, from its "Pack this parcel" link
    play_clip = Signal(int)  # a packing video's Clip id (issue 21)
    export_clip = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._link)
        self.setMinimumWidth(260)
        self.shown_pk: int | None = None  # the order whose details are on screen (None: a count, or nothing)
        self.show_empty()

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "uncombine" and url.path():
            self.uncombine_requested.emit(url.path())
        elif url.scheme() == "pack-package" and url.path():
            self.pack_package_requested.emit(url.path())
        elif url.scheme() in ("clip-play", "clip-export") and url.path().isdigit():
            (self.play_clip if url.scheme() == "clip-play" else self.export_clip).emit(int(url.path()))

    def show_empty(self, count: int = 0) -> None:
        self.shown_pk = None
        if count > 1:
            said = self.tr("{0} orders selected").format(count)
            self.setHtml(f"<p>{escape(said)}</p>")
        else:
            said = self.tr("Select an order to see its details.")
            self.setHtml(f"<p style='color:#666'>{escape(said)}</p>")

    def show_loading(self, key: str) -> None:
        """The selected order's key straight away, so the previous order's details never stay on screen."""
        self.shown_pk = None
        loading = self.tr("Loading…")
        self.setHtml(f"<h3>{escape(key)}</h3><p style='color:#666'>{escape(loading)}</p>")

    def show_detail(self, detail: q.OrderDetail | None, pk: int | None = None) -> None:
        if detail is None:
            self.show_empty()
            if pk is not None:
                gone = self.tr("This order is no longer in the database.")
                self.setHtml(f"<p style='color:#666'>{escape(gone)}</p>")
            return
        self.shown_pk = detail.pk
        o = detail.order
        h = [f"<h3>{escape(o['invoice'] or o['order_id'])}</h3>"]
        h.append("<table cellspacing='0' cellpadding='2'>")
        rows = [
            (self.tr("Order ID"), o["order_id"]),
            (self.tr("State"), state_label(o["state"])),
            (self.tr("On the marketplace"), marketplace_status_words(o["marketplace_status"])),
            (self.tr("Marketplace code"), o["marketplace_status"] or ""),  # for support: the words above say it
            (self.tr("Created"), wib_text(o["created_at"])),
            (self.tr("Accept by"), wib_text(o["accept_deadline"])),
            (self.tr("Ship by"), wib_text(o["ship_deadline"])),
            (self.tr("Buyer"), o["buyer_name"]),
            (self.tr("Courier"), " ".join(p for p in (o["courier"], o["service"]) if p)),
            (self.tr("Booking code"), o["booking_code"] or ""),
            (self.tr("AWB (resi)"), o["awb"] or ""),
            (self.tr("Total"), rupiah(o["total_amount"])),
            (self.tr("Shipping fee"), rupiah(o["shipping_fee"])),
            (self.tr("COD"), rupiah(o["cod_amount"]) if o["cod_amount"] else ""),
            (self.tr("Packed"), " ".join(p for p in (wib_text(o["packed_at"]), o["packed_by"]) if p)),
            (self.tr("Label printed"), wib_text(o["label_printed_at"])),
        ]
        for label, value in rows:
            if value:
                h.append(f"<tr><td style='color:#555'>{escape(label)}</td><td>{escape(str(value))}</td></tr>")
        h.append("</table>")
        problems = []
        if o["changed_outside"]:
            problems.append(self.tr("Changed on the marketplace outside TokoDesk"))
        if o["has_unmapped"] and o["state"] in q.BEFORE_PACKING:  # past packing the lines below still say it
            problems.append(self.tr("A line's SKU is not mapped: map it in the SKU mapping tab before packing"))
        if o["action_failed"]:
            problems.append(self.tr("The last action failed"))
        if o["problem"]:
            problems.append(stored_text(o["problem"], o.get("problem_words")))
        if problems:
            h.append("<p style='background:#fdecea;color:#611a15;padding:4px'>⚑ ")
            h.append("<br>".join(escape(p) for p in problems) + "</p>")
        h.extend(self._packages_html(detail, o["order_id"]))
        address = o["recipient_address"] or ""
        # Marketplaces often send the full address with district, city and postal code already in it: not twice.
        area = [p for p in (o["recipient_district"], o["recipient_city"], o["recipient_province"]) if p
                and p.casefold() not in address.casefold()]
        postal = o["recipient_postal_code"] if o["recipient_postal_code"] not in address else ""
        recipient = [o["recipient_name"], o["recipient_phone"], address, ", ".join(area), postal]
        h.append("<h4>" + escape(self.tr("Recipient")) + "</h4><p>")
        h.append("<br>".join(escape(p) for p in recipient if p) + "</p>")
        if o["buyer_note"]:
            h.append("<p><i>" + escape(self.tr("Buyer note")) + f":</i> {escape(o['buyer_note'])}</p>")
        # One block a line, not a table: the pane is narrow on a laptop and a 5-column table wrapped every word.
        h.append("<h4>" + escape(self.tr("Lines")) + "</h4>")
        unmapped, sku_word, seller_word = self.tr("unmapped"), self.tr("SKU"), self.tr("Seller SKU")
        for line in detail.lines:
            seller = (escape(line["seller_sku"]) if line["seller_sku"]
                      else f"<span style='color:#b00'>{escape(unmapped)}</span>")
            h.append(
                f"<p style='margin:0 0 6px 0'><b>{line['quantity']} ×</b> {escape(line['name'])}<br>"
                f"<span style='color:#555'>{escape(sku_word)} {escape(line['sku'])} · {escape(seller_word)} "
                f"{seller} · {rupiah(line['price']).replace(' ', '&nbsp;')}</span></p>"
            )
        if detail.actions:
            h.append("<h4>" + escape(self.tr("Marketplace requests")) + "</h4><ul>")
            for a in detail.actions:
                err = f" — {escape(stored_text(a['error'], a.get('error_words')))}" if a["error"] else ""
                kind = self.tr(EVENT_WORDS[a["kind"]]) if a["kind"] in EVENT_WORDS else a["kind"]
                status = self.tr(REQUEST_WORDS[a["status"]]) if a["status"] in REQUEST_WORDS else a["status"]
                h.append(f"<li>{escape(kind)}: {escape(status)}{err}</li>")
            h.append("</ul>")
        h.extend(self._clips_html(detail))
        h.append("<h4>" + escape(self.tr("History")) + "</h4><ul>")
        for e in detail.events:
            mark = "" if e["ok"] else " ✗"
            kind = self.tr(EVENT_WORDS[e["kind"]]) if e["kind"] in EVENT_WORDS else e["kind"]
            h.append(
                f"<li>{escape(wib_text(e['at']))} — <b>{escape(kind)}</b>{mark} "
                f"{escape(history_text(e))} <span style='color:#777'>({escape(e['who'])})</span></li>"
            )
        if not detail.events:
            h.append("<li>" + escape(self.tr("No events yet")) + "</li>")
        h.append("</ul>")
        self.setHtml("".join(h))

    def _clips_html(self, detail: q.OrderDetail) -> list[str]:
        """The order's packing videos: when, how long, where; Play and Export for dispute while the file is kept."""
        if not detail.clips:
            return []
        h = ["<h4>" + escape(self.tr("Packing video")) + "</h4><ul>"]
        for c in detail.clips:
            seconds = max(0, round((c["ended_at"] - c["started_at"]).total_seconds()))
            length = self.tr("{0} min {1} s").format(seconds // 60, seconds % 60) if seconds >= 60 else \
                self.tr("{0} s").format(seconds)
            parts = [escape(wib_text(c["started_at"], seconds=True)), escape(length), escape(c["station"])]
            if c["package_id"]:
                parts.append(escape(self.tr("package {0}").format(c["package_id"])))
            if c["kind"] == "unboxing":
                parts.append(escape(self.tr("unboxing of the return")))
            if c["removed_at"] is not None:
                parts.append(escape(self.tr("file removed on {0} (kept as long as set)").format(
                    wib_text(c["removed_at"]))))
            else:
                if c["ended_why"] in ("disk_full", "error"):
                    parts.append("<span style='color:#b00'>" + escape(self.tr("stopped early")) + "</span>")
                parts.append(f"<a href='clip-play:{c['id']}'>" + escape(self.tr("Play")) + "</a>")
                parts.append(f"<a href='clip-export:{c['id']}'>" + escape(self.tr("Export for dispute")) + "</a>")
            h.append(f"<li>{' · '.join(parts)}</li>")
        h.append("</ul>")
        return h

    def _packages_html(self, detail: q.OrderDetail, order_id: str) -> list[str]:
        """Tokopedia & Shop: each package with its status and tracking number; a combined package names the other
        orders in the parcel; orders the marketplace offers to combine this one with."""
        h: list[str] = []
        # A split order still to pack: each parcel not yet packed can be packed on its own, the one the packer holds
        # (issue 21), down to the last one left.
        live = [p for p in detail.packages if p.status != "CANCELLED"]
        by_parcel = detail.order.get("state") == "acknowledged" and len(live) > 1
        if detail.packages:
            h.append("<h4>" + escape(self.tr("Packages")) + "</h4><ul>")
            for p in detail.packages:
                status = self.tr(PACKAGE_WORDS[p.status]) if p.status in PACKAGE_WORDS else p.status
                parts = [f"{escape(p.package_id)}: {escape(status)}"]
                if p.packed_at is not None and p.waiting:  # packed on its own at the pack station (its label scanned)
                    parts.append(escape(self.tr("packed")))
                elif by_parcel and p.to_pack:
                    parts.append(f"<a href='pack-package:{escape(p.package_id, quote=True)}'>"
                                 + escape(self.tr("Pack this parcel")) + "</a>")
                if p.tracking_number:
                    parts.append(escape(self.tr("resi {0}").format(p.tracking_number)))
                others = [i for i in p.order_ids if i != order_id]
                if others:
                    parts.append(escape(self.tr("one parcel with order {0}").format(", ".join(others))))
                    if p.waiting:  # Seller Center's "uncombine": each order its own parcel again, before it ships
                        parts.append(f"<a href='uncombine:{escape(p.package_id, quote=True)}'>"
                                     + escape(self.tr("Uncombine")) + "</a>")
                h.append(f"<li>{' — '.join(parts)}</li>")
            h.append("</ul>")
        if detail.combinable_with:
            h.append("<p style='background:#e8f0fe;padding:4px'>⧉ " + escape(
                self.tr("Can be combined with order {0} of the same buyer: select them together and press Combine to "
                  "ship one parcel.").format(", ".join(detail.combinable_with))) + "</p>")
        return h
