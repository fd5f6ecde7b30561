"""The wizard's "Starting stock" page: how the first counts come, so the first connection never changes the shop.

Three choices (issue 14 item 1):
* use the marketplace's current stock as my count (the default): after the channel is saved, the save page pulls the
  products and the open orders and adopts what the marketplace shows (`services.stock_adopt.first_count`);
* import a CSV of my counts: the file is read here, in a worker, and every bad line is listed; the page cannot go on
  while a line is bad, so nothing is half-imported;
* I will count later: nothing is pushed until a SKU is counted.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from tokodesk.ui.context import AppContext
from tokodesk.ui.i18n import translate
from tokodesk.ui.messages import in_words, refusal_text

ADOPT, IMPORT, LATER = "adopt", "import", "later"  # services.stock_adopt's names


def adopt_summary(result: Any) -> str:
    """An adoption's outcome in the window's language (the reasons a SKU was skipped stay the service's words)."""
    lines = [translate("StartingStock",
                       "{0} SKUs counted from the marketplace's stock: {1} units on the marketplace + {2} "
                                 "held by open orders.").format(
        len(result.adopted), sum(a.marketplace for a in result.adopted), sum(a.held for a in result.adopted))]
    if result.already_counted:
        lines.append(translate("StartingStock", "{0} SKUs already counted were kept as they are.").format(
            result.already_counted))
    if result.skipped:
        lines.append(translate("StartingStock",
                               "{0} SKUs could not be taken and stay not counted (nothing is pushed for "
                                         "them):").format(len(result.skipped)))
        lines += [f"• {s.seller_sku}: {in_words(s.reason)}" for s in result.skipped[:20]]
    return "\n".join(lines)


def first_count_summary(first: Any) -> str:
    """What the wizard's starting-stock step did, in the window's language."""
    if first.choice == LATER:
        return translate("StartingStock",
                         "Nothing is pushed until you count your SKUs (Inventory tab: type a count, import "
                                   "a file, or use the marketplace's stock).")
    if first.choice == IMPORT and first.ok:
        return translate("StartingStock", "{0} counts imported.").format(len(first.counts))
    if first.adopted is not None:
        return adopt_summary(first.adopted)
    return "\n".join(in_words(line) for line in first.lines)  # the step failed: the service says why


class StartingStockPage(QWizardPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.parsed: Any = None  # stock_csv.ParsedStock of the chosen file
        self.setTitle(self.tr("Starting stock"))
        self.setSubTitle(self.tr("TokoDesk pushes your stock to the marketplace. Until it knows your counts it "
                                 "pushes nothing, so connecting never changes your shop."))
        layout = QVBoxLayout(self)
        self.adopt = QRadioButton(self.tr("Use the marketplace's current stock as my count"))
        self.adopt.setChecked(True)
        adopt_note = QLabel(self.tr("Recommended when your listings show the right stock today. TokoDesk reads each "
                                    "listing's stock, adds back what open orders hold, and keeps that as your count: "
                                    "the first push changes nothing on the marketplace."))
        self.import_csv = QRadioButton(self.tr("Import a CSV of my counts"))
        import_note = QLabel(self.tr("A file with seller_sku,on_hand on each line (your SKU as in Seller Center)."))
        file_row = QHBoxLayout()
        file_row.setContentsMargins(22, 0, 0, 0)  # under its choice, like the notes
        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.browse = QPushButton(self.tr("Choose file…"))
        self.browse.clicked.connect(self.choose_file)
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        self.file_report = QLabel()
        self.file_report.setWordWrap(True)
        self.file_report.setContentsMargins(22, 0, 0, 0)
        self.later = QRadioButton(self.tr("I will count later"))
        later_note = QLabel(self.tr("Nothing is pushed until a SKU is counted. Count in the Inventory tab: type a "
                                    "number, import a file, or use the marketplace's stock there."))
        for note in (adopt_note, import_note, later_note):
            note.setWordWrap(True)
            note.setStyleSheet("color:#555; margin-left: 22px; margin-bottom: 8px")
        layout.addWidget(self.adopt)
        layout.addWidget(adopt_note)
        layout.addWidget(self.import_csv)
        layout.addWidget(import_note)
        layout.addLayout(file_row)
        layout.addWidget(self.file_report)
        layout.addWidget(self.later)
        layout.addWidget(later_note)
        layout.addStretch(1)
        for button in (self.adopt, self.import_csv, self.later):
            button.toggled.connect(self._changed)
        self._changed()

    def choice(self) -> str:
        if self.import_csv.isChecked():
            return IMPORT
        return LATER if self.later.isChecked() else ADOPT

    def counts(self) -> list[tuple[str, int]]:
        if self.choice() != IMPORT or self.parsed is None:
            return []
        return [(sku, qty) for _line, sku, qty in self.parsed.rows]

    def _changed(self, *_args: Any) -> None:
        importing = self.import_csv.isChecked()
        self.file.setEnabled(importing)
        self.browse.setEnabled(importing)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        if self.choice() != IMPORT:
            return True
        return self.parsed is not None and not self.parsed.bad and bool(self.parsed.rows)

    @Slot()
    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import stock counts"), "",
                                                    self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Read the file in a worker; the page goes on only when every line is good."""
        from tokodesk.services import stock_csv

        self.parsed = None
        self.file.setText(path)
        self.file_report.setText(self.tr("Reading…"))
        self.file_report.setStyleSheet("color:#555")
        self.completeChanged.emit()

        def done(parsed: Any) -> None:
            if self.file.text() != path:
                return  # another file was chosen meanwhile
            self.parsed = parsed
            if parsed.bad:
                lines = [in_words(line) for line in stock_csv.bad_row_lines(path, parsed)]
                self.file_report.setText(self.tr("{0} bad lines: fix them and choose the file again.").format(
                    len(lines)) + "\n" + "\n".join(lines[:12]) + ("\n…" if len(lines) > 12 else ""))
                self.file_report.setStyleSheet("color:#b00020")
            elif not parsed.rows:
                self.file_report.setText(self.tr("The file has no stock lines: write seller_sku,on_hand on each "
                                                 "line."))
                self.file_report.setStyleSheet("color:#b00020")
            else:
                self.file_report.setText(self.tr("{0} counts ready; they are saved with the channel.").format(
                    len(parsed.rows)))
                self.file_report.setStyleSheet("color:#1b5e20")
            self.completeChanged.emit()

        def failed(exc: BaseException, _detail: str) -> None:
            if self.file.text() == path:
                self.file_report.setText(refusal_text(exc))
                self.file_report.setStyleSheet("color:#b00020")

        self.ctx.jobs.submit(lambda _jc: stock_csv.read_stock_file(path), title=self.tr("Reading the stock file"),
                             lane="wizard", on_result=done, on_error=failed)
