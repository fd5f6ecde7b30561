"""The pack check dialog (issue 21.6): after an order's scan, each item is scanned into the parcel before Pack.

The list ticks off as items are scanned; a wrong item, one too many or an unknown code is refused loudly (a beep
and a big red line naming it) and changes nothing. Pack (or Enter on an empty scan) is offered only when the parcel
is complete; "Pack anyway" needs a second click and is recorded by the caller with what was missing.
The checking itself is `services.pack_check` (no Qt); this file only shows it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk.services.pack_check import Outcome, PackCheck, ScanResult
from tokodesk.ui.messages import refusal_text

DONE_BG = QColor("#d8f5d8")
RED = "#b00020"
GREEN = "#1b6e1b"


class PackCheckDialog(QDialog):
    """One order's parcel. `overridden` says, once accepted, whether it was packed anyway (not complete)."""

    def __init__(self, check: PackCheck, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.overridden = False
        self._confirming = False
        self.setWindowTitle(self.tr("Check the items: {0}").format(check.invoice))
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Scan every item into the parcel of {0}.").format(check.invoice))
        heading.setWordWrap(True)
        layout.addWidget(heading)
        if check.package_id and check.package_lines_known and len(check.packages) > 1:
            split = QLabel(self.tr("This is package {0}, one of the {1} packages of this order ({2}): only its items "
                                   "are listed. Only this package is packed.").format(
                check.package_id, len(check.packages), ", ".join(check.packages)))
            split.setWordWrap(True)
            layout.addWidget(split)
        elif check.package_id and len(check.packages) > 1:
            # The store does not know which line travels in which package: say so rather than guess.
            split = QLabel(self.tr("This is package {0}, one of the {1} packages of this order ({2}). Which items "
                                   "travel in it is not known here: the whole order's items are listed. Only this "
                                   "package is packed.").format(check.package_id, len(check.packages),
                                                                ", ".join(check.packages)))
            split.setWordWrap(True)
            layout.addWidget(split)
        elif len(check.packages) > 1:
            # The store does not know which line travels in which package: say so rather than guess.
            split = QLabel(self.tr("This order ships in {0} packages ({1}); the whole order is checked here.")
                           .format(len(check.packages), ", ".join(check.packages)))
            split.setWordWrap(True)
            layout.addWidget(split)

        self.table = QTableWidget(len(check.lines), 4)
        self.table.setHorizontalHeaderLabels([self.tr("SKU"), self.tr("Item"), self.tr("To put in"),
                                              self.tr("Scanned")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The SKU is what the packer matches with the item in hand: whole on one line (at the default width a
        # "CHSSA-004-BENI" broke after its second hyphen); the item's name takes what is left.
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)

        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("Scan each item's barcode and press Enter"))
        self.scan.returnPressed.connect(self.on_scan)
        layout.addWidget(self.scan)
        # The packer looks at the parcel, not the screen: the last scan's verdict is big and coloured.
        self.verdict = QLabel()
        font = QFont(self.verdict.font())
        font.setPointSize(max(font.pointSize(), 9) + 6)
        font.setBold(True)
        self.verdict.setFont(font)
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        self.progress = QLabel()
        layout.addWidget(self.progress)

        buttons = QHBoxLayout()
        self.pack_button = QPushButton(self.tr("Pack"))
        self.pack_button.clicked.connect(self.pack)
        self.override_button = QPushButton(self.tr("Pack anyway…"))
        self.override_button.clicked.connect(self.pack_anyway)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.pack_button, self.override_button, self.cancel_button):
            # Enter belongs to the scan field (a scanner ends every code with it), never to a default button.
            button.setAutoDefault(False)
            button.setDefault(False)
            buttons.addWidget(button)
        buttons.insertStretch(0, 1)
        layout.addLayout(buttons)
        self.resize(640, 420)
        self._refresh()
        self.scan.setFocus()

    def _refresh(self) -> None:
        for row, line in enumerate(self.check.lines):
            cells = [line.sku, line.name, str(line.quantity), str(line.scanned)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not line.missing:
                    item.setBackground(DONE_BG)
                self.table.setItem(row, col, item)
        complete = self.check.complete
        self.progress.setText(self.tr("{0} of {1} items in the parcel").format(
            self.check.scanned_units, self.check.expected_units))
        self.pack_button.setEnabled(complete)
        self.override_button.setVisible(not complete)
        if not self._confirming:
            self.override_button.setText(self.tr("Pack anyway…"))

    def _say(self, text: str, colour: str) -> None:
        self.verdict.setText(text)
        self.verdict.setStyleSheet(f"color:{colour}")

    def verdict_text(self, result: ScanResult) -> str:
        item = f"{result.sku} ({result.name})" if result.name else result.sku
        if result.outcome is Outcome.WRONG:
            return self.tr("WRONG ITEM: {0} is not in this order. Take it out.").format(item)
        if result.outcome is Outcome.TOO_MANY:
            return self.tr("ONE TOO MANY: {0}. Take one out.").format(item)
        if result.outcome is Outcome.UNKNOWN:
            return self.tr("UNKNOWN CODE “{0}”: no item has it. Take it out.").format(result.code)
        if result.outcome is Outcome.COMPLETE:
            return self.tr("{0} ✓ All items are in: press Enter to pack.").format(item)
        return self.tr("{0} ✓").format(item)

    @Slot()
    def on_scan(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code:
            if self.check.complete:
                self.pack()
            return
        result = self.check.scan(code)
        self._confirming = False
        if result.accepted:
            self._say(self.verdict_text(result), GREEN)
        else:
            QApplication.beep()
            self._say(self.verdict_text(result), RED)
        self._refresh()

    @Slot()
    def pack(self) -> None:
        if not self.check.complete:
            return
        self.overridden = False
        self.accept()

    @Slot()
    def pack_anyway(self) -> None:
        """Two clicks: the first says what is missing, the second packs (and the caller records it)."""
        if self.check.complete:
            self.pack()
            return
        if not self._confirming:
            self._confirming = True
            missing = ", ".join(f"{n}× {sku}" for sku, _name, n in self.check.missing())
            self._say(self.tr("Still missing: {0}. Click “Pack anyway” again to pack without them; "
                              "it is recorded.").format(missing), RED)
            self.override_button.setText(self.tr("Pack anyway"))
            self.scan.setFocus()
            return
        self.overridden = True
        self.accept()


def start_pack_check(tab: Any, pk: int, hit: Any = None, channel_id: int | None = None) -> None:
    """From the Orders tab's scan: read the order's parcel (a worker), show the check, and on Pack pack exactly that
    parcel (the package `hit` names, else the order, as scan-to-pack does) and record the check, or the override
    with what was missing, once it is packed."""
    from tokodesk.services.pack_check import load_check, record_checked, record_override
    from tokodesk.ui.orders_actions import pack_call

    package_id = hit.package_id if hit is not None and hit.packs_package else None
    pks = (hit.order_pks if hit is not None else None) or [pk]

    def opened(check: PackCheck) -> None:
        dialog = PackCheckDialog(check, tab)
        tab.pack_check_dialog = dialog

        def go() -> None:
            overridden = dialog.overridden
            tab.video.packed([pk])  # Pack ends the order's packing video (issue 21)
            pack = pack_call(channel_id, hit)

            def call(fulfilment: Any, orders: list) -> list:
                outcomes = pack(fulfilment, orders)
                if any(o.ok for o in outcomes):  # a refused pack packed nothing: there is nothing to vouch for
                    (record_override if overridden else record_checked)(check, fulfilment.who)
                return outcomes

            tab._run_action("pack", pks, call, QCoreApplication.translate("OrdersTab", "Pack"))

        dialog.accepted.connect(go)
        dialog.open()

    tab.ctx.jobs.submit(lambda _jc: load_check(pk, package_id), on_result=opened,
                        title=QCoreApplication.translate("OrdersTab", "Reading the order's items"),
                        on_error=tab._show_error)


def pack_check_toggle(ctx: Any, parent: QWidget) -> QCheckBox:
    """The Orders tab's switch for the item check, kept as the app setting `pack_check` (off: scan packs at once)."""
    from tokodesk import config
    from tokodesk.store import models as m

    box = QCheckBox(QCoreApplication.translate("OrdersTab", "Check items"))
    box.setToolTip(QCoreApplication.translate(
        "OrdersTab", "After an order's scan, scan each of its items before it is packed"))
    box.setChecked(bool(config.APP_SETTINGS["pack_check"].coerce(m.AppSetting.read("pack_check"))))

    def save(on: bool) -> None:
        ctx.jobs.submit(lambda _jc: m.AppSetting.write("pack_check", on),
                        title=QCoreApplication.translate("OrdersTab", "Saving the setting"),
                        on_error=lambda exc, _detail: ctx.status_message(refusal_text(exc)))

    box.toggled.connect(save)
    return box
