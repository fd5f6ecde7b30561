"""The handover scan at the packing desk: the seller scans each parcel as the courier takes it.

Widgets only: the judging and recording is `services.handover`, run in jobs on the local lane (scans are handled in
the order they were made). Each scan gives a loud cue — a beep (three for a problem) and a big coloured line in
words — and the list of parcels still expected for that courier stays in view until the courier leaves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tokodesk.ui.context import AppContext
from tokodesk.ui.formatting import wib_text
from tokodesk.ui.i18n import is_language_change
from tokodesk.ui.widgets import fit_to_screen

GOOD = "#1b7f3b"
BAD = "#c62828"
WARN_BEEPS = 3


# ---- what runs in the local lane (no Qt) --------------------------------------------------------------------------
def load_couriers() -> list[str]:
    from tokodesk.services.fulfilment.manifest import waiting_couriers

    return waiting_couriers()


def load_missing(courier: str) -> list:
    from tokodesk.services import handover

    return handover.missing(courier) if courier.strip() else []


def run_scan(code: str, courier: str) -> tuple[Any, list]:
    from tokodesk.services import handover

    result = handover.scan(code, courier)
    return result, handover.missing(courier)


def write_manifest(courier: str, path: str) -> tuple[int, int]:
    from pathlib import Path

    from tokodesk.services import handover

    # In English, like the courier manifest the Documents menu prints (the courier's staff read both).
    pdf, scanned, listed = handover.manifest_pdf(courier)
    Path(path).write_bytes(pdf)
    return scanned, listed


class HandoverDialog(QDialog):
    """Courier, scan field, the last result in big coloured words, the parcels still to scan, the manifest PDF."""

    scanned = Signal(bool)  # a scan was judged: ok or not

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.missing: list = []
        self.setWindowTitle(self.tr("Handover to the courier"))
        fit_to_screen(self, 760, 620)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Choose the courier, then scan each parcel's AWB or booking code as the courier takes it. Every scan is "
            "kept with its time. Nothing is sent to the marketplace."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.courier = QComboBox()
        self.courier.setEditable(True)
        self.courier.setMinimumContentsLength(20)
        self.courier.currentTextChanged.connect(lambda _t: self.refresh_missing())
        form.addRow(self.tr("Courier"), self.courier)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan the AWB or booking code"))
        self.code.setMaxLength(120)
        self.code.returnPressed.connect(self.scan_entered)
        form.addRow(self.tr("Scan"), self.code)
        layout.addLayout(form)

        self.result = QLabel(" ")
        font = QFont(self.result.font())
        font.setPointSize(max(font.pointSize(), 9) * 2)
        font.setBold(True)
        self.result.setFont(font)
        self.result.setWordWrap(True)
        self.result.setMinimumHeight(70)
        self.result.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.result)

        self.missing_label = QLabel()
        layout.addWidget(self.missing_label)
        self.missing_list = QListWidget()
        layout.addWidget(self.missing_list, 1)
        self.history = QListWidget()
        self.history.setMaximumHeight(140)
        layout.addWidget(QLabel(self.tr("Scans in this session")))
        layout.addWidget(self.history)

        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.pdf_button = QPushButton(self.tr("Handover manifest PDF…"))
        self.pdf_button.clicked.connect(self.save_manifest)
        bottom.addWidget(self.pdf_button)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.pdf_button.setAutoDefault(False)
        self._show_missing()
        self.load_couriers()

    # ---- loading -------------------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_language_change(event, self) and hasattr(self, 'missing_label'):
            self._show_missing()  # what is still to scan, in words

    def load_couriers(self) -> None:
        if self.ctx.jobs.closed:
            return
        self.ctx.jobs.submit(lambda _jc: load_couriers(), title=self.tr("Reading the couriers"),
                             on_result=self._couriers_loaded, on_error=self._failed, background=True)

    def _couriers_loaded(self, names: list[str]) -> None:
        typed = self.courier.currentText()
        self.courier.blockSignals(True)
        self.courier.clear()
        self.courier.addItems(names)
        self.courier.setEditText(typed or (names[0] if names else ""))
        self.courier.blockSignals(False)
        self.refresh_missing()
        self.code.setFocus()

    def refresh_missing(self) -> None:
        courier = self.courier.currentText()
        if self.ctx.jobs.closed:
            return
        self.ctx.jobs.submit(lambda _jc: load_missing(courier), title=self.tr("Reading the parcels to hand over"),
                             on_result=lambda rows, c=courier: self._missing_loaded(c, rows), on_error=self._failed,
                             background=True)

    def _missing_loaded(self, courier: str, rows: list) -> None:
        if courier == self.courier.currentText():
            self.missing = rows
            self._show_missing()

    def _show_missing(self) -> None:
        self.missing_list.clear()
        courier = self.courier.currentText().strip()
        if not courier:
            self.missing_label.setText(self.tr("Choose or type the courier."))
            return
        if not self.missing:
            self.missing_label.setText(self.tr("Every parcel expected for {0} is scanned.").format(courier))
            self.missing_label.setStyleSheet(f"color: {GOOD}; font-weight: bold;")
            return
        self.missing_label.setText(self.tr("Not scanned yet for {0}: {1} parcel(s) — find them before the courier "
                                           "leaves").format(courier, len(self.missing)))
        self.missing_label.setStyleSheet(f"color: {BAD}; font-weight: bold;")
        for parcel in self.missing:
            code = parcel.code or self.tr("(no code yet)")
            self.missing_list.addItem(QListWidgetItem(f"{code}   {', '.join(parcel.invoices)}"))

    # ---- scanning ------------------------------------------------------------------------------------------------
    def scan_entered(self) -> None:
        code = self.code.text().strip()
        courier = self.courier.currentText().strip()
        self.code.clear()
        if not code:
            return
        if not courier:
            self._cue(False, self.tr("Choose the courier first, then scan again."))
            return
        self.ctx.jobs.submit(lambda _jc: run_scan(code, courier), title=self.tr("Recording the scan"),
                             on_result=lambda found, c=courier: self._scanned(c, *found), on_error=self._failed)

    def _scanned(self, courier: str, result: Any, missing: list) -> None:
        words = self.describe(result)
        self._cue(result.ok, words)
        at = wib_text(result.scanned_at) if result.scanned_at else ""
        item = QListWidgetItem(f"{at}  {result.code}  {words}")
        item.setForeground(Qt.GlobalColor.darkGreen if result.ok else Qt.GlobalColor.red)
        self.history.insertItem(0, item)
        if courier == self.courier.currentText().strip():
            self.missing = missing
            self._show_missing()
        self.scanned.emit(result.ok)

    def describe(self, result: Any) -> str:
        what = ", ".join(result.invoices) or result.code
        if result.outcome == "ok":
            return self.tr("OK — {0}").format(what)
        if result.outcome == "unknown":
            return self.tr("UNKNOWN CODE {0}: no order here has it. Sync the orders or check the label.").format(
                result.code)
        if result.reason == "cancelled":
            return self.tr("STOP — {0} is cancelled: keep the parcel").format(what)
        if result.reason == "another_courier":
            return self.tr("STOP — {0} goes with {1}").format(what, result.courier or self.tr("another courier"))
        if result.reason == "handed_over":
            when = wib_text(result.earlier) if result.earlier else ""
            return self.tr("STOP — {0} was already handed over {1}").format(what, when).strip()
        return self.tr("STOP — {0} is not shipped yet: arrange the shipment first").format(what)

    def _cue(self, ok: bool, words: str) -> None:
        self.result.setText(words)
        colour = GOOD if ok else BAD
        self.result.setStyleSheet(f"color: white; background: {colour}; border-radius: 6px; padding: 8px;")
        QApplication.beep()
        if not ok:  # a problem sounds different from a success: three beeps
            for n in range(1, WARN_BEEPS):
                QTimer.singleShot(180 * n, QApplication.beep)
        self.code.setFocus()

    def _failed(self, exc: BaseException, _trace: str) -> None:
        from tokodesk.ui.messages import describe

        self._cue(False, describe(exc))

    # ---- the manifest --------------------------------------------------------------------------------------------
    def save_manifest(self, path: str | None = None) -> None:
        courier = self.courier.currentText().strip()
        if not courier:
            self._cue(False, self.tr("Choose the courier first."))
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the handover manifest"),
                                                  f"handover-{courier}.pdf", self.tr("PDF files (*.pdf)"))
        if not path:
            return
        self.ctx.jobs.submit(lambda _jc: write_manifest(courier, path),
                             title=self.tr("Writing the handover manifest"),
                             on_result=lambda counts: self.status.setText(self.tr(
                                 "Handover manifest saved: {0} of {1} parcel(s) scanned.").format(*counts)),
                             on_error=self._failed)
