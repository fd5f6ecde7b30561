"""Print labels and documents: a true-size preview of the reportlab PDF, a printer profile, print, mark printed.

The PDF is built in a worker (`services.fulfilment.documents`). Printing goes to CUPS as the PDF itself where CUPS
has the chosen printer (the text and barcodes stay vector, `tokodesk.printing`), else through QtPrintSupport,
page by page at the printer's resolution with no scaling to fit (the label's size is the page's size).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSize, QSizeF, Qt, Signal, Slot
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tokodesk import config
from tokodesk.store import models as m
from tokodesk.ui.context import AppContext
from tokodesk.ui.messages import describe

log = logging.getLogger(__name__)

SIZES_MM = {"100x150": (100, 150), "100x100": (100, 100), "a6": (105, 148), "a4": (210, 297)}
PDF_FILE = "__pdf_file__"
KIND_TITLES = {"label": "Print labels", "picklist": "Print picklist", "packing_list": "Print packing lists",
               "manifest": "Print manifest"}


@dataclass
class PrintJob:
    parts: list[bytes] = field(default_factory=list)
    order_pks: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    profile: dict = field(default_factory=dict)
    cups_printers: list[str] = field(default_factory=list)


def _setting(key: str) -> Any:
    row = m.AppSetting.get_or_none(m.AppSetting.key == key)
    return config.APP_SETTINGS[key].coerce(row.value if row else None)


def build_documents(kind: str, pks: Sequence[int], size: str | None, adapters: Any) -> PrintJob:
    """In a worker: the PDF(s) for the selection, the saved printer profile, CUPS printers if any."""
    from tokodesk.services.fulfilment.documents import Documents, merge_pdfs

    job = PrintJob(profile={k: _setting(k) for k in ("label_printer", "label_size", "label_orientation",
                                                      "document_printer", "label_order")})
    size = size or job.profile["label_size"]
    orders = list(m.Order.select().where(m.Order.id.in_(list(pks))).order_by(m.Order.id))
    documents = Documents(adapters, config.station_id())
    if kind == "label":
        batch = documents.labels(orders, size=size, order_by=job.profile["label_order"])
        job.parts = batch.parts
        job.order_pks = [o.id for o in batch.orders]
        job.skipped = [f"{o.invoice or o.order_id}: {why}" for o, why in batch.skipped]
    elif kind == "picklist":
        job.parts = [documents.picklist(orders)]
    elif kind == "packing_list":
        job.parts = [documents.packing_lists(orders)]
    elif kind == "manifest":
        for courier in sorted({o.courier for o in orders if o.courier}):
            pdf, listed = documents.manifest(courier, m.Channel.get_by_id(orders[0].channel_id))
            job.parts.append(pdf)
            job.order_pks += [o.id for o in listed]
    else:
        raise ValueError(f"unknown document kind {kind!r}")
    job.parts = merge_pdfs(job.parts)
    try:
        from tokodesk import printing

        if printing.cups_running():
            job.cups_printers = [p.name for p in printing.list_printers()]
    except Exception:  # no CUPS (Windows, or not installed): Qt's printing is used
        log.debug("CUPS not available", exc_info=True)
    return job


def page_layout(size: str, landscape: bool) -> QPageLayout:
    width, height = SIZES_MM.get(size, SIZES_MM["100x150"])
    page = QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, size, QPageSize.SizeMatchPolicy.ExactMatch)
    orientation = QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    return QPageLayout(page, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def print_with_qt(document: QPdfDocument, printer: QPrinter) -> int:
    """Each PDF page onto one printer page at the printer's resolution, full page, no fit-to-margins."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError(QPainter.tr("The printer could not be opened."))
    try:
        dpi = printer.resolution()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = document.render(page, pixels)
            painter.drawImage(printer.pageLayout().fullRectPixels(dpi).topLeft(), image)
    finally:
        painter.end()
    return document.pageCount()


class PrintDialog(QDialog):
    printed = Signal(list)  # order pks printed

    def __init__(self, ctx: AppContext, kind: str, pks: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.pks = list(pks)
        self.job: PrintJob | None = None
        self.documents: list[QPdfDocument] = []
        self._buffers: list[QBuffer] = []
        self.last_output: str = ""
        self.setWindowTitle(self.tr(KIND_TITLES.get(kind, "Print")))
        self.resize(900, 720)
        layout = QHBoxLayout(self)
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(1.0)  # true size: 1 pt of the PDF is 1 pt on screen
        layout.addWidget(self.view, 3)
        side = QVBoxLayout()
        form = QFormLayout()
        self.printer = QComboBox()
        self.size = QComboBox()
        for key, text in (("100x150", "100 × 150 mm"), ("100x100", "100 × 100 mm"), ("a6", "A6 (105 × 148 mm)"),
                          ("a4", self.tr("A4, 4 labels a page"))):
            self.size.addItem(text, key)
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        form.addRow(self.tr("Printer"), self.printer)
        form.addRow(self.tr("Size"), self.size)
        form.addRow(self.tr("Orientation"), self.orientation)
        side.addLayout(form)
        self.mark_printed = QCheckBox(self.tr("Mark as printed"))
        self.mark_printed.setChecked(kind == "label")
        self.mark_printed.setVisible(kind == "label")
        side.addWidget(self.mark_printed)
        self.info = QLabel(self.tr("Preparing the preview…"))
        self.info.setWordWrap(True)
        side.addWidget(self.info)
        side.addStretch(1)
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setDefault(True)
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_now)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        side.addWidget(self.print_button)
        side.addWidget(close)
        layout.addLayout(side, 1)
        self.size.setEnabled(kind == "label")
        self.size.currentIndexChanged.connect(self._rebuild)
        self._rebuild()

    @Slot()
    def _rebuild(self) -> None:
        self.print_button.setEnabled(False)
        size = self.size.currentData() if self.job is not None else None
        factory = self.ctx.adapter
        self.ctx.jobs.submit(lambda _jc: build_documents(self.kind, self.pks, size, factory),
                             title=self.tr("Preparing the documents"), on_result=self._show,
                             on_error=lambda exc, _d: self.info.setText(describe(exc)))

    def _show(self, job: PrintJob) -> None:
        first_time = self.job is None
        self.job = job
        if first_time:
            self._fill_profile(job)
        self.documents = []
        self._buffers = []
        for part in job.parts:
            buffer = QBuffer(self)
            buffer.setData(QByteArray(part))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            document = QPdfDocument(self)
            document.load(buffer)
            self._buffers.append(buffer)
            self.documents.append(document)
        if self.documents:
            self.view.setDocument(self.documents[0])
        pages = sum(d.pageCount() for d in self.documents)
        text = self.tr("{0} page(s) ready.").format(pages)
        if job.skipped:
            text += "\n" + self.tr("No label for:") + "\n" + "\n".join(job.skipped)
        self.info.setText(text)
        self.print_button.setEnabled(pages > 0)

    def _fill_profile(self, job: PrintJob) -> None:
        self.printer.blockSignals(True)
        names = list(dict.fromkeys([*job.cups_printers, *QPrinterInfo.availablePrinterNames()]))
        for name in names:
            self.printer.addItem(name, name)
        self.printer.addItem(self.tr("Save as PDF file…"), PDF_FILE)
        wanted = job.profile["label_printer"] if self.kind == "label" else job.profile["document_printer"]
        wanted = wanted or QPrinterInfo.defaultPrinterName()
        index = self.printer.findData(wanted)
        self.printer.setCurrentIndex(index if index >= 0 else 0)
        self.printer.blockSignals(False)
        self.size.blockSignals(True)
        self.size.setCurrentIndex(max(0, self.size.findData(job.profile["label_size"] if self.kind == "label"
                                                           else "a4")))
        self.size.blockSignals(False)
        self.orientation.setCurrentIndex(max(0, self.orientation.findData(job.profile["label_orientation"])))

    def qt_printer(self, output_file: str | None = None) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if output_file:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(output_file)
        else:
            printer.setPrinterName(self.printer.currentData())
        size = self.size.currentData() if self.kind == "label" else "a4"
        printer.setPageLayout(page_layout(size, self.orientation.currentData() == "landscape"))
        printer.setDocName("TokoDesk")
        return printer

    @Slot()
    def print_now(self, output_file: str | None = None) -> None:
        if self.job is None:
            return
        target = self.printer.currentData()
        if target == PDF_FILE and not output_file:
            output_file, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), "tokodesk.pdf", "PDF (*.pdf)")
            if not output_file:
                return
        try:
            if output_file:
                self._print_qt(self.qt_printer(output_file))
                self.last_output = output_file
                self._done()
            elif target in self.job.cups_printers:
                self._print_cups(target)
            else:
                self._print_qt(self.qt_printer())
                self._done()
        except Exception as exc:  # a printer refusing is shown here, in words
            self.info.setText(describe(exc))

    def _print_qt(self, printer: QPrinter) -> None:
        # One job: every part's pages in sequence on one painter.
        printer.setFullPage(True)
        if len(self.documents) == 1:
            print_with_qt(self.documents[0], printer)
            return
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError(self.tr("The printer could not be opened."))
        try:
            dpi, first = printer.resolution(), True
            for document in self.documents:
                for page in range(document.pageCount()):
                    if not first:
                        printer.newPage()
                    first = False
                    points = document.pagePointSize(page)
                    image = document.render(page, QSize(round(points.width() / 72 * dpi),
                                                        round(points.height() / 72 * dpi)))
                    painter.drawImage(0, 0, image)
        finally:
            painter.end()

    def _print_cups(self, printer: str) -> None:
        from tokodesk import printing

        parts, size = list(self.job.parts), self.size.currentData() if self.kind == "label" else "a4"
        self.print_button.setEnabled(False)
        self.info.setText(self.tr("Sending to {0}…").format(printer))
        self.ctx.jobs.submit(lambda _jc: printing.print_pdfs(parts, printer, size=size),
                             title=self.tr("Printing"), on_result=lambda _id: self._done(),
                             on_error=lambda exc, _d: self.info.setText(describe(exc)))

    def _done(self) -> None:
        self.print_button.setEnabled(True)
        self.info.setText(self.tr("Printed."))
        self._save_profile()
        pks = list(self.job.order_pks) if self.job else []
        if self.kind == "label" and self.mark_printed.isChecked() and pks:
            self.ctx.jobs.submit(lambda _jc: _record_printed(pks), title=self.tr("Marking labels printed"),
                                 on_result=lambda _n: self.printed.emit(pks))
        else:
            self.printed.emit(pks)

    def _save_profile(self) -> None:
        target = self.printer.currentData()
        values = {"label_orientation": self.orientation.currentData()}
        if self.kind == "label":
            values["label_size"] = self.size.currentData()
            if target != PDF_FILE:
                values["label_printer"] = target
        elif target != PDF_FILE:
            values["document_printer"] = target

        def save(_jc: Any) -> None:
            for key, value in values.items():
                m.AppSetting.replace(key=key, value=value).execute()

        self.ctx.jobs.submit(save, title=self.tr("Saving the printer profile"))


def _record_printed(pks: list[int]) -> int:
    from tokodesk.services.fulfilment.documents import Documents

    orders = list(m.Order.select().where(m.Order.id.in_(pks)))
    return Documents(None, config.station_id()).record_printed(orders, "printed from TokoDesk")


def open_print_dialog(parent: Any, ctx: AppContext, kind: str, pks: Sequence[int],
                      on_printed: Callable[[list[int]], None] | None = None) -> PrintDialog | None:
    if not pks:
        return None
    dialog = PrintDialog(ctx, kind, pks, parent)
    if on_printed is not None:
        dialog.printed.connect(on_printed)
    parent.print_dialog = dialog
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.open()
    return dialog
