"""The slow halves of printing, for a worker thread: rasterising PDF pages onto a QPrinter, and "mark as printed".

Qt allows a QPainter on a QPrinter and QPdfDocument rendering outside the GUI thread (QtPdf serialises its PDFium
calls); each function here makes its own QPdfDocument in the calling thread, so nothing Qt is shared with the GUI.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from tokodesk.store import models as m

log = logging.getLogger(__name__)

# Label printers are 203 or 300 dpi; a PDF "printer" claims 1200, which makes a 100 × 150 mm page a 130 MB image.
# Rendering at most this and drawing it onto the page's true size keeps barcodes sharp and memory small.
MAX_RENDER_DPI = 600

Progress = Callable[[int, int | None, str], None]


class PrintCancelled(Exception):
    """The user stopped a print: the pages already sent are dropped with the job."""


def _load(part: bytes) -> tuple[QPdfDocument, QBuffer]:
    buffer = QBuffer()
    buffer.setData(QByteArray(part))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError(QCoreApplication.translate("PrintWorker", "The document to print could not be read."))
    return document, buffer


def render_to_printer(parts: Sequence[bytes], printer: QPrinter, progress: Progress | None = None,
                      cancelled: Callable[[], bool] | None = None) -> int:
    """Every page of every part onto `printer`, one printer page each, at true size; returns the page count.

    Runs in a worker: the GUI thread keeps painting while a 200-label job renders. Cancel aborts the job.
    """
    loaded = [_load(part) for part in parts]
    documents = [d for d, _b in loaded]
    total = sum(d.pageCount() for d in documents)
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError(QCoreApplication.translate("PrintWorker", "The printer could not be opened."))
    done = 0
    try:
        device_dpi = printer.resolution()
        dpi = min(device_dpi, MAX_RENDER_DPI)
        origin = printer.pageLayout().fullRectPixels(device_dpi).topLeft()
        for document in documents:
            for page in range(document.pageCount()):
                if cancelled is not None and cancelled():
                    printer.abort()
                    raise PrintCancelled()
                if done:
                    printer.newPage()
                points = document.pagePointSize(page)
                image = document.render(page, QSize(round(points.width() / 72 * dpi),
                                                    round(points.height() / 72 * dpi)))
                target = QRectF(QPointF(origin), QSizeF(points.width() / 72 * device_dpi,
                                                        points.height() / 72 * device_dpi))
                painter.drawImage(target, image)
                done += 1
                if progress is not None:
                    progress(done, total, _words("page {0} of {1}", done, total))
    finally:
        painter.end()
        for document, buffer in loaded:
            document.close()
            buffer.close()
    return done


@dataclass
class PrintedResult:
    """What "mark as printed" did: per order `(ok, words)` for its row, and how many got their first stamp."""

    notes: dict[int, tuple[bool, str]] = field(default_factory=dict)
    stamped: int = 0

    @property
    def failures(self) -> dict[int, str]:
        return {pk: text for pk, (ok, text) in self.notes.items() if not ok}


def mark_printed(pks: Sequence[int], adapters: Any, how: str, progress: Progress | None = None,
                 cancelled: Callable[[], bool] | None = None) -> PrintedResult:
    """What `tokodesk orders labels --mark-printed` does, for the GUI: tell the marketplace, stamp the orders.

    A marketplace that keeps a printed flag (Tokopedia: the label request with printed=1) is told order by order
    through the fulfilment service's adapters; one keeping none (TikTok Shop) is left alone. The labels went to the
    printer either way, so every order is stamped printed here; an order the marketplace refused carries the
    reason in words on its row.
    """
    from tokodesk.marketplace.base import LabelFormat, MarketplaceError
    from tokodesk.services.fulfilment import Fulfilment
    from tokodesk.services.fulfilment.common import to_marketplace_order
    from tokodesk.ui.messages import refusal_text

    result = PrintedResult()
    orders = list(m.Order.select().where(m.Order.id.in_(list(pks))).order_by(m.Order.id))
    channels: dict[int, m.Channel] = {}
    with Fulfilment(adapters=adapters) as service:
        for n, order in enumerate(orders, 1):
            if cancelled is not None and cancelled():
                break  # what was told stays told; the rest is only stamped locally below
            channel = channels.setdefault(order.channel_id, m.Channel.get_by_id(order.channel_id))
            try:
                adapter = service.adapter(channel)
            except Exception as exc:  # noqa: BLE001 - no secret, keyring locked, offline: say it on the row
                result.notes[order.id] = (False, _words("Printed, but the marketplace could not be reached: {0}",
                                                        refusal_text(exc)))  # the adapter's words, in words
                continue
            caps = adapter.capabilities
            if caps.label_format is LabelFormat.HTML:
                try:
                    adapter.shipping_label(to_marketplace_order(order), mark_printed=True)
                except MarketplaceError as exc:
                    result.notes[order.id] = (False, _words("Printed, but {0} was not told: {1}",
                                                            caps.display_name, refusal_text(exc)))
                else:
                    result.notes[order.id] = (True, _words("Marked printed on {0}", caps.display_name))
            else:
                result.notes[order.id] = (True, _words("Marked printed in TokoDesk ({0} keeps no printed flag)",
                                                       caps.display_name))
            if progress is not None:
                progress(n, len(orders), "")
        result.stamped = service.documents().record_printed(orders, how)
    for order in orders:
        result.notes.setdefault(order.id, (True, _words("Marked printed in TokoDesk")))
    return result


def _words(text: str, *args: object) -> str:
    # The extractor reads literal translate() calls only: _listed_for_translation() lists these texts for it.
    return QCoreApplication.translate("PrintWorker", text).format(*args)


def _listed_for_translation() -> None:  # pragma: no cover - never called; lists the texts _words() translates
    QCoreApplication.translate("PrintWorker", "Printed, but the marketplace could not be reached: {0}")
    QCoreApplication.translate("PrintWorker", "Printed, but {0} was not told: {1}")
    QCoreApplication.translate("PrintWorker", "Marked printed on {0}")
    QCoreApplication.translate("PrintWorker", "Marked printed in TokoDesk ({0} keeps no printed flag)")
    QCoreApplication.translate("PrintWorker", "Marked printed in TokoDesk")
    QCoreApplication.translate("PrintWorker", "page {0} of {1}")
