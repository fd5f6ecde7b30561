"""Print labels and documents: a true-size preview of the reportlab PDF, a printer profile, print, mark printed.

The PDF is built in a worker (`services.fulfilment.documents`). Printing goes to CUPS as the PDF itself where CUPS
has the chosen printer (the text and barcodes stay vector, `tokodesk.printing`), else through QtPrintSupport,
page by page with no scaling to fit (the label's size is the page's size), rendered in a worker with progress
and Stop (`print_worker`). "Mark as printed" then tells the marketplace and stamps the orders, also in a worker.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, Qt, Signal, Slot
from PySide6.QtGui import QPageLayout, QPageSize
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
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tokodesk import config
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.store import models as m
from tokodesk.ui.context import AppContext
from tokodesk.ui.messages import describe, in_words
from tokodesk.ui.print_worker import PrintCancelled, PrintedResult, mark_printed, render_to_printer
from tokodesk.ui.widgets import fit_to_screen
from tokodesk.ui.workers import Cancelled

log = logging.getLogger(__name__)

SIZES_MM = {"100x150": (100, 150), "100x100": (100, 100), "a6": (105, 148), "a4": (210, 297)}
PDF_FILE = "__pdf_file__"
PDF_FILE_DPI = 300
KIND_TITLES = {
    "label": QT_TRANSLATE_NOOP("PrintDialog", "Print labels"),
    "picklist": QT_TRANSLATE_NOOP("PrintDialog", "Print picklist"),
    "packing_list": QT_TRANSLATE_NOOP("PrintDialog", "Print packing lists"),
    "manifest": QT_TRANSLATE_NOOP("PrintDialog", "Print manifest"),
}


@dataclass
class PrintJob:
    parts: list[bytes] = field(default_factory=list)
    order_pks: list[int] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # printed, but something the packer must know (no barcode)
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
        job.skipped = [f"{o.invoice or o.order_id}: {in_words(why)}" for o, why in batch.skipped]
        job.warnings = [f"{o.invoice or o.order_id}: {in_words(text)}" for o, text in batch.warnings]
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


def print_with_qt(document_parts: Sequence[bytes], printer: QPrinter) -> int:
    """Each PDF page onto one printer page, full page, no fit-to-margins (blocking: for scripts and workers)."""
    return render_to_printer(document_parts, printer)


class PrintDialog(QDialog):
    printed = Signal(list)  # order pks printed
    marked = Signal(object)  # PrintedResult of "mark as printed": per-order words for the rows

    def __init__(self, ctx: AppContext, kind: str, pks: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.pks = list(pks)
        self.job: PrintJob | None = None
        self.documents: list[QPdfDocument] = []
        self._buffers: list[QBuffer] = []
        self.last_output: str = ""
        self.print_job: Any = None  # the running print Job (a worker), None when idle
        self._printer_in_use: QPrinter | None = None
        self.mark_result: PrintedResult | None = None
        self.setWindowTitle(self.tr(KIND_TITLES.get(kind, "Print")))
        fit_to_screen(self, 900, 720)
        layout = QHBoxLayout(self)
        self.view = QPdfView()
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(1.0)  # true size: 1 pt of the PDF is 1 pt on screen
        layout.addWidget(self.view, 3)
        side = QVBoxLayout()
        form = QFormLayout()
        self.printer = QComboBox()
        self.size_combo = QComboBox()
        for key, text in (("100x150", "100 × 150 mm"), ("100x100", "100 × 100 mm"), ("a6", "A6 (105 × 148 mm)"),
                          ("a4", self.tr("A4, 4 labels a page"))):
            self.size_combo.addItem(text, key)
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        form.addRow(self.tr("Printer"), self.printer)
        form.addRow(self.tr("Size"), self.size_combo)
        form.addRow(self.tr("Orientation"), self.orientation)
        side.addLayout(form)
        self.mark_printed = QCheckBox(self.tr("Mark as printed"))
        self.mark_printed.setChecked(kind == "label")
        self.mark_printed.setVisible(kind == "label")
        side.addWidget(self.mark_printed)
        self.info = QLabel(self.tr("Preparing the preview…"))
        self.info.setWordWrap(True)
        side.addWidget(self.info)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        side.addWidget(self.progress)
        self.cancel_button = QPushButton(self.tr("Stop printing"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_printing)
        side.addWidget(self.cancel_button)
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
        self.size_combo.setEnabled(kind == "label")
        if kind != "label":
            self.size_combo.setToolTip(self.tr("Picklists, packing lists and manifests print on A4."))
        self.print_button.setToolTip(self.tr("Enabled once the preview is ready."))
        self.size_combo.currentIndexChanged.connect(self._rebuild)
        self._rebuild()

    @Slot()
    def _rebuild(self) -> None:
        self.print_button.setEnabled(False)
        size = self.size_combo.currentData() if self.job is not None else None
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
        if job.warnings:
            text += "\n" + self.tr("Printed, but check:") + "\n" + "\n".join(job.warnings)
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
        self.size_combo.blockSignals(True)
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(
            job.profile["label_size"] if self.kind == "label" else "a4")))
        self.size_combo.blockSignals(False)
        self.orientation.setCurrentIndex(max(0, self.orientation.findData(job.profile["label_orientation"])))

    def qt_printer(self, output_file: str | None = None) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if output_file:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(output_file)
            printer.setResolution(PDF_FILE_DPI)  # the pages are images: a label printer's 300 dpi, not 1200
        else:
            printer.setPrinterName(self.printer.currentData())
        size = self.size_combo.currentData() if self.kind == "label" else "a4"
        printer.setPageLayout(page_layout(size, self.orientation.currentData() == "landscape"))
        printer.setDocName("TokoDesk")
        return printer

    @Slot()
    def print_now(self, output_file: str | None = None) -> None:
        if self.job is None or self.print_job is not None:
            return
        target = self.printer.currentData()
        if target == PDF_FILE and not output_file:
            output_file, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), "tokodesk.pdf", "PDF (*.pdf)")
            if not output_file:
                return
        try:
            if output_file:
                self._print_qt(self.qt_printer(output_file), output_file)
            elif target in self.job.cups_printers:
                self._print_cups(target)
            else:
                self._print_qt(self.qt_printer(), "")
        except Exception as exc:  # a printer refusing is shown here, in words
            self.info.setText(describe(exc))

    def _print_qt(self, printer: QPrinter, output_file: str) -> None:
        # The pages are rasterised in the "print" lane: 200 labels at 300-600 dpi take seconds, and the window
        # must keep painting (and offer Stop) meanwhile. The printer object stays referenced until the job ends.
        parts = list(self.job.parts) if self.job else []

        def work(jc: Any) -> int:
            return render_to_printer(parts, printer, jc.progress, jc.cancelled)

        def finished(_pages: int) -> None:
            self._printing_stopped()
            self.last_output = output_file
            self._done()

        self._printing_started(self.tr("Printing…"))
        self.print_job = self.ctx.jobs.submit(work, title=self.tr("Printing"), lane="print", on_result=finished,
                                              on_error=self._print_failed, on_progress=self._print_progress)
        self._printer_in_use = printer

    def _print_cups(self, printer: str) -> None:
        from tokodesk import printing

        parts, size = list(self.job.parts), self.size_combo.currentData() if self.kind == "label" else "a4"
        self._printing_started(self.tr("Sending to {0}…").format(printer))

        def finished(_id: Any) -> None:
            self._printing_stopped()
            self._done()

        self.print_job = self.ctx.jobs.submit(lambda _jc: printing.print_pdfs(parts, printer, size=size),
                                              title=self.tr("Printing"), lane="print", on_result=finished,
                                              on_error=self._print_failed)

    def _printing_started(self, text: str) -> None:
        self.print_button.setEnabled(False)
        self.info.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()

    def _printing_stopped(self) -> None:
        self.print_job = None
        self._printer_in_use = None
        self.progress.hide()
        self.cancel_button.hide()
        self.print_button.setEnabled(True)

    def _print_progress(self, done: int, total: Any, _message: str) -> None:
        if total:
            self.progress.setRange(0, int(total))
            self.progress.setValue(min(done, int(total)))
            self.progress.setFormat(self.tr("Page %v of %m"))

    def _print_failed(self, exc: BaseException, _detail: str) -> None:
        self._printing_stopped()
        if isinstance(exc, (Cancelled, PrintCancelled)):
            self.info.setText(self.tr("Printing stopped. Nothing was marked printed."))
        else:
            self.info.setText(describe(exc))

    @Slot()
    def cancel_printing(self) -> None:
        if self.print_job is not None:
            self.print_job.cancel()
            self.cancel_button.setEnabled(False)
            self.info.setText(self.tr("Stopping…"))

    def is_printing(self) -> bool:
        return self.print_job is not None

    def _done(self) -> None:
        self.info.setText(self.tr("Printed."))
        self._save_profile()
        pks = list(self.job.order_pks) if self.job else []
        if not (self.kind == "label" and self.mark_printed.isChecked() and pks):
            self.printed.emit(pks)
            return
        factory = self.ctx.adapter_factory
        target = self.printer.currentData()
        how = (f"label printed ({self.size_combo.currentData()}) on "
               f"{'PDF' if target == PDF_FILE or self.last_output else target}")
        channel_id = self.ctx.channel_id

        def work(jc: Any) -> PrintedResult:
            return mark_printed(pks, factory, how, jc.progress, jc.cancelled)

        def finished(result: PrintedResult) -> None:
            self.mark_result = result
            failures = result.failures
            if failures:
                self.info.setText(self.tr("Printed. {0} of {1} orders could not be marked printed on the "
                                          "marketplace:").format(len(failures), len(pks))
                                  + "\n" + "\n".join(failures.values()))
            else:
                self.info.setText(self.tr("Printed and marked printed."))
            self.marked.emit(result)
            self.printed.emit(pks)

        def failed(exc: BaseException, _detail: str) -> None:
            self.info.setText(self.tr("Printed, but marking them printed failed: {0}").format(describe(exc)))
            self.printed.emit(pks)

        self.info.setText(self.tr("Printed. Marking them printed…"))
        self.ctx.jobs.submit(work, title=self.tr("Marking labels printed"), lane=self.ctx.lane(channel_id),
                             on_result=finished, on_error=failed)

    def _save_profile(self) -> None:
        target = self.printer.currentData()
        values = {"label_orientation": self.orientation.currentData()}
        if self.kind == "label":
            values["label_size"] = self.size_combo.currentData()
            if target != PDF_FILE:
                values["label_printer"] = target
        elif target != PDF_FILE:
            values["document_printer"] = target

        def save(_jc: Any) -> None:
            for key, value in values.items():
                m.AppSetting.write(key, value)

        self.ctx.jobs.submit(save, title=self.tr("Saving the printer profile"))


def open_print_dialog(parent: Any, ctx: AppContext, kind: str, pks: Sequence[int],
                      on_printed: Callable[[list[int]], None] | None = None,
                      on_marked: Callable[[PrintedResult], None] | None = None) -> PrintDialog | None:
    if not pks:
        return None
    dialog = PrintDialog(ctx, kind, pks, parent)
    if on_printed is not None:
        dialog.printed.connect(on_printed)
    if on_marked is not None:
        dialog.marked.connect(on_marked)
    parent.print_dialog = dialog
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.open()
    return dialog
