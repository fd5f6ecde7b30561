"""Prices and listing on/off from the SKU mapping tab (issue 23): change a SKU, push the changes after a summary.

*Change price or listing…* keeps a draft for the selected row's seller SKU (nothing is sent). *Push changes…* shows
the summary (n prices with their lowest and highest change in %, n listings off / on) and sends only when the
seller presses Push; large price changes (beyond the allowed % or below the floor) are listed and Push stays
disabled until the seller ticks the box that confirms them too. *Undo last push* sends the old values back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tokodesk.store import models as m
from tokodesk.ui.messages import in_words


class CatalogEditDialog(QDialog):
    """Price and listing of one seller SKU; `values()` after Save: (price or None, active or None)."""

    def __init__(self, seller_sku: str, price: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change price or listing"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Seller SKU {0}").format(seller_sku)))
        self.price = QLineEdit(str(price) if price else "")
        self.price.setPlaceholderText(self.tr("Whole rupiah, e.g. 15000"))
        form.addRow(self.tr("Price (Rp)"), self.price)
        self.listing = QComboBox()
        self.listing.addItems([self.tr("Unchanged"), self.tr("On"), self.tr("Off")])
        form.addRow(self.tr("Listing"), self.listing)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._original = self.price.text()

    def values(self) -> tuple[int | None, bool | None]:
        from tokodesk.services import catalog_push

        text = self.price.text().strip()
        price = catalog_push.parse_price(text) if text and text != self._original else None
        active = {1: True, 2: False}.get(self.listing.currentIndex())
        return price, active

    @Slot()
    def _check(self) -> None:
        from tokodesk.errors import UserError

        try:
            price, active = self.values()
        except UserError as exc:
            self.error.setText(str(exc))
            return
        if price is None and active is None:
            self.error.setText(self.tr("Nothing changed: type a new price or choose On or Off."))
            return
        self.accept()


class PushDialog(QDialog):
    """The summary; Push is enabled only once large changes (if any) are confirmed by ticking the box."""

    def __init__(self, lines: list[str], large: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Push changes"))
        layout = QVBoxLayout(self)
        self.text = QLabel("\n".join(lines))
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.confirm_large = QCheckBox(self.tr("Also push the {0} large price changes listed above").format(large))
        self.confirm_large.setVisible(large > 0)
        layout.addWidget(self.confirm_large)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.push_button = self.buttons.addButton(self.tr("Push"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.push_button.setEnabled(large == 0)
        self.confirm_large.toggled.connect(self.push_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


class CatalogActions(QObject):
    """The catalogue buttons of the mapping tab. `tab` gives the selection (`selected_seller_sku`) and the banner."""

    def __init__(self, ctx: Any, tab: Any) -> None:
        super().__init__(tab)
        self.ctx = ctx
        self.tab = tab
        self.dialog: QDialog | None = None
        self.edit_button = QPushButton(self.tr("Change price or listing…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.push_button = QPushButton(self.tr("Push changes…"))
        self.push_button.clicked.connect(self.push_changes)
        self.undo_button = QPushButton(self.tr("Undo last push"))
        self.undo_button.clicked.connect(self.undo_last)
        self.buttons = [self.edit_button, self.push_button, self.undo_button]

    def _channel(self) -> m.Channel | None:
        return m.Channel.get_or_none(m.Channel.id == self.ctx.channel_id) if self.ctx.channel_id else None

    @Slot()
    def edit_selected(self) -> None:
        seller_sku, product_id = self.tab.selected_seller_sku()
        if not seller_sku:
            self.tab.banner.show_error(self.tr("Select a mapped SKU first: prices and listings are changed per "
                                               "seller SKU."), "")
            return
        product = m.Product.get_or_none((m.Product.channel == self.ctx.channel_id)
                                        & (m.Product.product_id == product_id))
        dialog = CatalogEditDialog(seller_sku, product.price if product else 0, self.tab)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._save(seller_sku, *dialog.values()))
        dialog.open()

    def _save(self, seller_sku: str, price: int | None, active: bool | None) -> None:
        from tokodesk.services import catalog_push

        channel_id = self.ctx.channel_id

        def work(_jc: Any) -> Any:
            return catalog_push.set_edit(seller_sku, price=price, active=active,
                                         channel=m.Channel.get_by_id(channel_id))

        def done(result: Any) -> None:
            self.tab.banner.clear()
            self.ctx.status_message(self.tr("{0}: {1} change(s) kept; press Push changes to send them").format(
                seller_sku, len(result.kept)))

        self.ctx.jobs.submit(work, title=self.tr("Keeping the change"), on_result=done, on_error=self.tab._error)

    @Slot()
    def push_changes(self) -> None:
        from tokodesk.services import catalog_push

        channel = self._channel()
        if channel is None:
            return
        summary = catalog_push.summarize(channel)
        if summary.empty:
            self.ctx.status_message(self.tr("No catalogue changes to push"))
            return
        dialog = PushDialog(self._summary_lines(summary), len(summary.large), self.tab)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._push(summary.edit_ids, dialog.confirm_large.isChecked()))
        dialog.open()

    def _summary_lines(self, s: Any) -> list[str]:
        lines = []
        if s.prices:
            lines.append(self.tr("{0} prices (change from {1:+.0f}% to {2:+.0f}%)").format(
                s.prices, s.lowest_pct or 0.0, s.highest_pct or 0.0))
        if s.listings_off or s.listings_on:
            lines.append(self.tr("{0} listings off, {1} listings on").format(s.listings_off, s.listings_on))
        if s.large:
            lines.append(self.tr("{0} large price changes need a second confirmation:").format(len(s.large)))
            lines.extend(s.large[:10])
        return lines

    def _push(self, edit_ids: list[int], confirm_large: bool) -> None:
        from tokodesk.services import catalog_push

        channel_id = self.ctx.channel_id

        def work(_jc: Any) -> Any:
            return catalog_push.push(m.Channel.get_by_id(channel_id), edit_ids=edit_ids, confirm_large=confirm_large)

        self.ctx.jobs.submit(work, title=self.tr("Pushing catalogue changes"), on_result=self._report,
                             on_error=self.tab._error)

    def _report(self, outcome: Any) -> None:
        from tokodesk.services import catalog_push as cp

        text = self.tr("Pushed: {0} accepted, {1} failed").format(outcome.count(cp.ACCEPTED), outcome.count(cp.FAILED))
        failed = [r.words for r in outcome.rows if r.status != cp.ACCEPTED]
        if failed or outcome.error:
            self.tab.banner.show_error(text, in_words("\n".join(failed + ([outcome.error] if outcome.error else []))))
        else:
            self.tab.banner.clear()
            self.ctx.status_message(text)
        self.ctx.announce("catalog")

    @Slot()
    def undo_last(self) -> None:
        from tokodesk.services import catalog_undo

        channel_id = self.ctx.channel_id
        if channel_id is None:
            return
        dialog = PushDialog([self.tr("Send the values the last push replaced back to the marketplace? A value "
                                     "changed on the marketplace since is left alone.")], 0, self.tab)
        self.dialog = dialog

        def work(_jc: Any) -> Any:
            return catalog_undo.undo_last(m.Channel.get_by_id(channel_id))[0]

        dialog.accepted.connect(lambda: self.ctx.jobs.submit(work, title=self.tr("Undoing the last push"),
                                                             on_result=self._report, on_error=self.tab._error))
        dialog.open()
