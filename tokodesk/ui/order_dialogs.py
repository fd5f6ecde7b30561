"""Dialogs the queue opens: cancel with a reason, per-order results (AWB entry: ui/ship_dialogs.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk.marketplace.base import CancelReason
from tokodesk.ui.messages import in_words


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    # Qt's own context: a `dialog.tr` here is looked up under the dialog's class, where no "Close" is translated.
    box.addButton(QCoreApplication.translate("QDialogButtonBox", "Close"), QDialogButtonBox.ButtonRole.RejectRole)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    ok.setDefault(True)
    return box


def names_text(names: Sequence[str], shown: int = 8) -> str:
    """The orders a confirmation is about, by the key the queue shows; a long list ends in "and N more"."""
    text = ", ".join(names[:shown])
    if len(names) > shown:
        text += " " + QCoreApplication.translate("OrderDialogs", "and {0} more").format(len(names) - shown)
    return text


class CancelDialog(QDialog):
    """Choose one of the reasons the marketplace offers; code 4 (shop closed) also asks until when."""

    def __init__(self, reasons: Sequence[CancelReason], orders: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cancel orders"))
        self.reasons = list(reasons)
        self.orders = list(orders)  # the invoices / order ids this confirmation is about, as the queue shows them
        layout = QVBoxLayout(self)
        # Each invoice whole on its line: a word joiner after each "/" stops the wrap from cutting
        # "INV/20261204/MPL/37896935" after "INV/"; the dialog is wide enough for a few of them a line.
        unbroken = [name.replace("/", "/\u2060") for name in self.orders]
        warning = QLabel(self.tr("Cancel {0} order(s) on the marketplace: {1}. The buyer is refunded; this cannot "
                                 "be undone.").format(len(self.orders), names_text(unbroken)))
        self.warning = warning
        warning.setWordWrap(True)
        layout.addWidget(warning)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("INV/20261204/MPL/37896935, ") * 2 + 40)
        form = QFormLayout()
        self.reason = QComboBox()
        for reason in self.reasons:
            # Tokopedia's fixed reasons are TokoDesk's English words; Tokopedia & Shop's come in the shop's language.
            self.reason.addItem(QCoreApplication.translate("CancelReason", reason.label), reason.code)
        self.reason.currentIndexChanged.connect(self._reason_changed)
        form.addRow(self.tr("Reason"), self.reason)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("A short explanation for the buyer"))
        self.text.setFixedHeight(70)
        self.text.setTabChangesFocus(True)  # Tab goes on to the buttons instead of typing a tab into the message
        form.addRow(self.tr("Message"), self.text)
        self.close_until = QDateEdit(QDate.currentDate().addDays(3))
        self.close_until.setCalendarPopup(True)
        self.close_until.setDisplayFormat("dd/MM/yyyy")
        self.close_note = QLineEdit()
        self.close_until_label = QLabel(self.tr("Shop closed until"))
        self.close_note_label = QLabel(self.tr("Closing note"))
        form.addRow(self.close_until_label, self.close_until)
        form.addRow(self.close_note_label, self.close_note)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self, self.tr("Cancel orders")))
        self._reason_changed()

    def _current(self) -> CancelReason | None:
        index = self.reason.currentIndex()
        return self.reasons[index] if 0 <= index < len(self.reasons) else None

    def _reason_changed(self) -> None:
        reason = self._current()
        closed = bool(reason and reason.needs_close_date)
        for widget in (self.close_until, self.close_note, self.close_until_label, self.close_note_label):
            widget.setVisible(closed)

    def accept(self) -> None:
        reason = self._current()
        if reason is None:
            self.error.setText(self.tr("Choose a reason."))
            return
        if reason.needs_text and not self.text.toPlainText().strip():
            self.error.setText(self.tr("Write a short message for the buyer."))
            return
        if len(self.text.toPlainText()) > reason.max_text:
            self.error.setText(self.tr("The message is too long (at most {0} characters).").format(reason.max_text))
            return
        super().accept()

    def choice(self) -> dict:
        reason = self._current()
        closed = bool(reason and reason.needs_close_date)
        qd = self.close_until.date()
        return {
            "reason_code": reason.code if reason else "",
            "text": self.text.toPlainText().strip(),
            "close_until": date(qd.year(), qd.month(), qd.day()) if closed else None,
            "close_note": self.close_note.text().strip() if closed else "",
        }


class ResultsDialog(QDialog):
    """What happened to each order of a batch, failures first."""

    def __init__(self, title: str, outcomes: Sequence, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 380)
        layout = QVBoxLayout(self)
        # Skipped orders (TokoDesk refused them before anything was sent) first, with the reason: the others of a
        # bulk action went ahead.
        ordered = sorted(outcomes, key=lambda o: (o.ok, not getattr(o, "refused", False)))
        ok = sum(1 for o in outcomes if o.ok)
        skipped = sum(1 for o in outcomes if not o.ok and getattr(o, "refused", False))
        summary = self.tr("{0} of {1} done.").format(ok, len(outcomes))
        if skipped:
            summary += " " + self.tr("{0} skipped: see the reason on each.").format(skipped)
        self.summary = QLabel(summary)
        layout.addWidget(self.summary)
        # Each column holds what its header says: an order without an invoice number (Tokopedia & Shop) shows an
        # empty Invoice cell, never its order ID under that header; with no invoices at all the column goes.
        # Tokopedia & Shop stores the order ID as the invoice (sellers search by it): the same number twice is no
        # invoice either.
        with_invoice = any(o.invoice and o.invoice != o.order_id for o in ordered)
        headers = [self.tr("Order ID"), self.tr("Result"), self.tr("Reason")]
        if with_invoice:
            headers.insert(0, self.tr("Invoice"))
        self.table = QTableWidget(len(ordered), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, o in enumerate(ordered):
            if o.ok:
                result = self.tr("Done")
            elif getattr(o, "pending", False):
                result = self.tr("Waiting for the marketplace")
            elif getattr(o, "refused", False):
                result = self.tr("Skipped")
            else:
                result = self.tr("Not done")
            cells = [str(o.order_id), result, in_words(o.error or "")]
            if with_invoice:
                cells.insert(0, o.invoice if o.invoice != o.order_id else "")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        # A reason wraps in the stretched last column: its row grows with it (two lines in one line's height were cut).
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(rows.defaultSectionSize())  # a one-line row keeps the queue's row height
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        box = QDialogButtonBox()
        box.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self.accept)
        layout.addWidget(box)
