"""The Returns tab's dialogs: reject (a reason the marketplace offers, a comment, photos from disk), received and
inspected (how many of each SKU came back damaged), and the desk's scan of a parcel the buyer never took.

Widgets only. Each dialog asks and checks what it can on this PC (a photo's type, size and pixels through
`services.return_photos`, so a bad file is named before anything is sent); the tab runs the decision in a job.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk.ui.messages import refusal_text

THUMB = 96
MAX_COMMENT = 500
ERROR_STYLE = "color:#b00020"


class RejectDialog(QDialog):
    """Reject a request or a parcel sent back: the reason (from the marketplace's list for this return), a comment,
    and photos (when the marketplace takes them), each checked as it is added."""

    def __init__(self, return_id: str, reasons: list, photos_allowed: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reject return {0}").format(return_id))
        self.photos: list[Any] = []  # return_photos.Photo, in the order added
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Choose a reason…"), "")
        for reason in reasons:
            self.reason.addItem(reason.label, reason.code)
        self.reason.currentIndexChanged.connect(self._update)
        form.addRow(self.tr("Reason:"), self.reason)
        self.comment = QLineEdit()
        self.comment.setMaxLength(MAX_COMMENT)
        self.comment.setPlaceholderText(self.tr("Comment for the buyer and the platform (optional)"))
        form.addRow(self.tr("Comment:"), self.comment)
        layout.addLayout(form)

        self.add_button = QPushButton(self.tr("Add photos…"))
        self.add_button.clicked.connect(lambda: self.add_photos())
        self.remove_button = QPushButton(self.tr("Remove photo"))
        self.remove_button.clicked.connect(self._remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.thumbs = QListWidget()
        self.thumbs.setViewMode(QListWidget.ViewMode.IconMode)
        self.thumbs.setIconSize(QSize(THUMB, THUMB))
        self.thumbs.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.thumbs.setMovement(QListWidget.Movement.Static)
        self.thumbs.setFixedHeight(THUMB + 48)
        self.thumbs.itemSelectionChanged.connect(self._update)
        self.photo_note = QLabel(self.tr("Photos: JPG, PNG, WEBP, HEIC or BMP, at most 10 MB, 100 to 20000 px a "
                                         "side.") if photos_allowed
                                 else self.tr("This marketplace takes no photos with a rejection."))
        self.photo_note.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        if photos_allowed:
            layout.addLayout(row)
            layout.addWidget(self.thumbs)
        else:
            for w in (self.add_button, self.remove_button, self.thumbs):
                w.hide()
        layout.addWidget(self.photo_note)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(self.tr("Reject"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 420 if photos_allowed else 220)
        self._update()

    def reason_code(self) -> str:
        return str(self.reason.currentData() or "")

    def comment_text(self) -> str:
        return self.comment.text().strip()

    def add_photos(self, paths: list[str] | None = None) -> None:
        """Add these files (the file picker when None); each one checked now, a refused one named with its fault."""
        from tokodesk.services.return_photos import PhotoRefused, check_photo

        if paths is None:
            paths, _filter = QFileDialog.getOpenFileNames(
                self, self.tr("Photos for the rejection"), "",
                self.tr("Images (*.jpg *.jpeg *.png *.webp *.heic *.bmp);;All files (*)"))
        problems = []
        for path in paths:
            try:
                photo = check_photo(path)
            except PhotoRefused as exc:
                problems.append(self._refusal(exc))
                continue
            if any(p.sha256 == photo.sha256 for p in self.photos):
                problems.append(self.tr("{0}: this picture is attached already").format(photo.name))
                continue
            self.photos.append(photo)
            pixmap = QPixmap(photo.path)
            item = QListWidgetItem(photo.name)
            if not pixmap.isNull():  # HEIC has no reader here: its name stands for it
                item.setIcon(QIcon(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                 Qt.TransformationMode.SmoothTransformation)))
            item.setToolTip(f"{photo.path}\n{photo.width}×{photo.height} px, {photo.size // 1024} KB")
            self.thumbs.addItem(item)
        self.problem.setText("\n".join(problems))
        self._update()

    def _refusal(self, exc: Any) -> str:
        """Why a photo is refused, in the window's language, naming the file."""
        from pathlib import Path

        name = Path(exc.path).name
        words = {
            "missing": self.tr("{0}: no such file"),
            "empty": self.tr("{0}: the file is empty"),
            "too_big": self.tr("{0}: {1} MB; a photo may be at most 10 MB"),
            "type": self.tr("{0}: not a photo Tokopedia & Shop takes (JPG, PNG, WEBP, HEIC or BMP)"),
            "unreadable": self.tr("{0}: the file cannot be read (damaged or cut short)"),
            "pixels": self.tr("{0}: {1}×{2} px; a photo must be from 100×100 to 20000×20000 px"),
        }.get(exc.fault)
        return words.format(name, *exc.figures) if words else str(exc)

    def _remove_selected(self) -> None:
        for item in self.thumbs.selectedItems():
            row = self.thumbs.row(item)
            self.thumbs.takeItem(row)
            del self.photos[row]
        self._update()

    def _update(self, *_args: object) -> None:
        self.ok_button.setEnabled(bool(self.reason_code()))
        self.remove_button.setEnabled(bool(self.thumbs.selectedItems()))


@dataclass
class LineToInspect:
    seller_sku: str
    name: str
    quantity: int


class ReceiveDialog(QDialog):
    """The parcel is on the desk: how many of each SKU are not fit to sell (to the damaged count); the rest go back
    on hand. One movement per SKU and kind is recorded when it is confirmed."""

    def __init__(self, return_id: str, lines: list[LineToInspect], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Received and inspected: return {0}").format(return_id))
        self.lines = lines
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Count what came back. Units not fit to sell go to the damaged count; the rest go "
                              "back on hand. The marketplace is told the parcel was received."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(len(lines), 4)
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Item"), self.tr("Came back"),
                                              self.tr("Damaged")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.spins: list[QSpinBox] = []
        for i, line in enumerate(lines):
            for col, value in ((0, line.seller_sku), (1, line.name), (2, str(line.quantity))):
                self.table.setItem(i, col, QTableWidgetItem(value))
            spin = QSpinBox()
            spin.setRange(0, line.quantity)
            spin.valueChanged.connect(self._update)
            self.spins.append(spin)
            self.table.setCellWidget(i, 3, spin)
        header = self.table.horizontalHeader()
        for col in (0, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("Received"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 160 + 32 * len(lines))
        self._update()

    def damaged(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for line, spin in zip(self.lines, self.spins, strict=True):
            if spin.value():
                out[line.seller_sku] = out.get(line.seller_sku, 0) + spin.value()
        return out

    def _update(self, *_args: object) -> None:
        total = sum(line.quantity for line in self.lines)
        bad = sum(spin.value() for spin in self.spins)
        self.summary.setText(self.tr("{0} back on hand, {1} to the damaged count").format(total - bad, bad))


class OfferDialog(QDialog):
    """Offer a partial refund instead (the buyer keeps the goods if they accept): the seller picks the units it is
    for, the marketplace proposes an amount (Calculate Refund, asked by the tab in a job), and the seller offers
    that figure or types another, above 0 and below the full refund."""

    def __init__(self, return_id: str, lines: list[LineToInspect], full: int, parent: QWidget | None = None) -> None:
        from tokodesk.ui.formatting import rupiah

        super().__init__(parent)
        self.setWindowTitle(self.tr("Offer a partial refund: return {0}").format(return_id))
        self.lines, self.full = lines, full
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("If the buyer accepts, they keep the goods and get this amount instead of the full "
                              "refund ({0}).").format(rupiah(full)))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(len(lines), 3)
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Item"), self.tr("Refund for")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.spins: list[QSpinBox] = []
        for i, line in enumerate(lines):
            self.table.setItem(i, 0, QTableWidgetItem(line.seller_sku))
            self.table.setItem(i, 1, QTableWidgetItem(line.name))
            spin = QSpinBox()
            spin.setRange(0, line.quantity)
            spin.setSuffix(f" / {line.quantity}")
            spin.valueChanged.connect(self._units_changed)
            self.spins.append(spin)
            self.table.setCellWidget(i, 2, spin)
        header = self.table.horizontalHeader()
        for col in (0, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.calculate_button = QPushButton(self.tr("Ask the marketplace"))
        self.calculate_button.setToolTip(self.tr("What Tokopedia & Shop would refund for the units chosen"))
        row.addWidget(self.calculate_button)
        self.proposal = QLabel()
        row.addWidget(self.proposal, 1)
        layout.addLayout(row)
        form = QFormLayout()
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("whole rupiah, e.g. 15.000"))
        self.amount.textChanged.connect(self._update)
        form.addRow(self.tr("Offer (Rp):"), self.amount)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.addButton(self.tr("Offer"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 240 + 32 * len(lines))
        self._units_changed()

    def units(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for line, spin in zip(self.lines, self.spins, strict=True):
            if spin.value():
                out[line.seller_sku] = out.get(line.seller_sku, 0) + spin.value()
        return out

    def show_proposal(self, amount: int | None, error: str = "") -> None:
        """The marketplace's figure for the units chosen (filled in as the offer; the seller may change it)."""
        from tokodesk.ui.formatting import rupiah

        if amount is None:
            self.proposal.setText("")
            self.problem.setText(error)
            return
        self.proposal.setText(self.tr("Tokopedia & Shop proposes {0}").format(rupiah(amount)))
        self.amount.setText(f"{amount:,}".replace(",", "."))

    def offer_amount(self) -> int | None:
        from tokodesk.errors import UserError
        from tokodesk.services.catalog_rules import parse_price

        try:
            value = parse_price(self.amount.text(), self.tr("the offer"))
        except UserError as exc:
            return None if not self.amount.text().strip() else self._say(refusal_text(exc))
        if self.full and value >= self.full:
            return self._say(self.tr("A partial refund must be below the full refund."))
        return value

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        return None

    def _units_changed(self, *_args: object) -> None:
        self.calculate_button.setEnabled(bool(self.units()))
        self.proposal.setText("")
        self._update()

    def _update(self, *_args: object) -> None:
        self.problem.setText("")
        self.ok_button.setEnabled(self.offer_amount() is not None)


class ScanParcelDialog(QDialog):
    """A parcel the buyer never took (COD refused, delivery failed) scanned at the desk by its AWB: its goods go
    back on hand once. The tab runs each scan; the dialog stays open for the next parcel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Parcel back from the courier"))
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Scan the AWB of a parcel the buyer never took (COD refused, delivery failed): its "
                              "goods go back on hand, once. A buyer's return parcel is checked in with “Received "
                              "and inspected…”."))
        note.setWordWrap(True)
        layout.addWidget(note)
        row = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan or type the AWB"))
        self.check_button = QPushButton(self.tr("Check in"))
        self.check_button.setDefault(True)
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.code.returnPressed.connect(self.check_button.click)
        self.resize(520, 200)

    def show_result(self, ok: bool, text: str) -> None:
        self.result.setStyleSheet("" if ok else ERROR_STYLE)
        self.result.setText(text)
        self.code.clear()
        self.code.setFocus()
