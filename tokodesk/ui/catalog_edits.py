"""Prices, listing on/off and seller SKU codes from the SKU mapping tab (issue 23): change a SKU, push after a summary.

*Change price or listing…* keeps a draft for the selected row's seller SKU (nothing is sent). Its seller SKU code
field is offered where the marketplace can change a code (Tokopedia & Shop); elsewhere it is disabled and says why.
Switching a listing that takes the whole product (Tokopedia & Shop) with it names the product's other SKUs and asks
before anything is kept. *Changes waiting…* lists the drafts and discards the chosen ones or all. *Push changes…* shows
the summary (n prices with their lowest and highest change in %, n listings off / on) and sends only when the
seller presses Push; large price changes (beyond the allowed % or below the floor) are listed and Push stays
disabled until the seller ticks the box that confirms them too. *Undo last push* sends the old values back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
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

from tokodesk.store import models as m
from tokodesk.ui.messages import in_words, refusal_text


class CatalogEditDialog(QDialog):
    """Price, listing and code of one seller SKU; `values()` after Save: (price, active, new code), each or None.

    `code` is the listing's current seller SKU code; `code_refusal` says why codes cannot change here ("" when
    they can)."""

    def __init__(self, seller_sku: str, price: int, parent: QWidget | None = None, code: str = "",
                 code_refusal: str = "") -> None:
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
        self.code = QLineEdit(code)
        self.code.setPlaceholderText(self.tr("1-50 characters, no spaces"))
        self.code.setMaxLength(50)
        self.code_note = QLabel()
        self.code_note.setWordWrap(True)
        if code_refusal:
            self.code.setEnabled(False)
            self.code_note.setText(self.tr("Seller SKU codes cannot be changed from TokoDesk on this marketplace: "
                                           "change them in Seller Center, then pull the SKUs."))
            self.code_note.setToolTip(code_refusal)
        else:
            self.code_note.setText(self.tr("A new code is sent with the next push; TokoDesk's seller SKU follows "
                                           "once the marketplace accepted it."))
        form.addRow(self.tr("Seller SKU code"), self.code)
        form.addRow(self.code_note)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self._original = self.price.text()
        self._code = code

    def values(self) -> tuple[int | None, bool | None, str | None]:
        from tokodesk.services import catalog_rules

        text = self.price.text().strip()
        price = catalog_rules.parse_price(text) if text and text != self._original else None
        active = {1: True, 2: False}.get(self.listing.currentIndex())
        code = self.code.text().strip()
        return price, active, (code if self.code.isEnabled() and code and code != self._code else None)

    @Slot()
    def _check(self) -> None:
        from tokodesk.errors import UserError
        from tokodesk.services import catalog_codes

        try:
            price, active, code = self.values()
        except UserError as exc:
            self.error.setText(refusal_text(exc))
            return
        if code is not None and catalog_codes.code_problem(code):
            self.error.setText(self.tr("The seller SKU code {0!r} cannot be used: 1-50 characters, no spaces, not "
                                       "starting with = + - or @.").format(code))
            return
        if price is None and active is None and code is None:
            self.error.setText(self.tr("Nothing changed: type a new price or code, or choose On or Off."))
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


class WholeProductDialog(QDialog):
    """A listing switch takes the whole product: the other SKUs that switch too, named; Switch confirms."""

    def __init__(self, seller_sku: str, on: bool, others: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Switch the whole product?"))
        layout = QVBoxLayout(self)
        head = (self.tr("On this marketplace a listing is switched on for the whole product. These {0} other SKU(s) "
                        "of the product of {1} go on with it:") if on else
                self.tr("On this marketplace a listing is switched off for the whole product. These {0} other SKU(s) "
                        "of the product of {1} go off with it:"))
        self.text = QLabel(head.format(len(others), seller_sku) + "\n" + "\n".join(f"• {o}" for o in others))
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.switch_button = self.buttons.addButton(self.tr("Switch the whole product"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


class DraftsDialog(QDialog):
    """The changes kept and not pushed yet; discard the selected ones or all (never anything already pushed)."""

    def __init__(self, channel_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel_id = channel_id
        self.setWindowTitle(self.tr("Changes waiting to be pushed"))
        self.resize(640, 360)
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.discard_selected = QPushButton(self.tr("Discard selected"))
        self.discard_selected.clicked.connect(self._discard_selected)
        self.discard_all = QPushButton(self.tr("Discard all"))
        self.discard_all.clicked.connect(self._discard_all)
        row.addWidget(self.discard_selected)
        row.addWidget(self.discard_all)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.list.itemSelectionChanged.connect(self._enable)
        self.reload()

    def reload(self) -> None:
        from tokodesk.services import catalog_drafts

        self.list.clear()
        edits = catalog_drafts.waiting(m.Channel.get_by_id(self.channel_id))
        for e in edits:
            item = QListWidgetItem(self.words(e))
            item.setData(Qt.ItemDataRole.UserRole, e.id)
            self.list.addItem(item)
        self.heading.setText(self.tr("{0} changes are kept and not sent yet. Push changes… shows their summary and "
                                     "sends them.").format(len(edits)) if edits else
                             self.tr("No changes are waiting to be pushed."))
        self._enable()

    def words(self, e: m.CatalogEdit) -> str:
        """One change as the seller reads it, in the window's language."""
        from tokodesk.services import catalog_rules as cr

        where = f"{e.seller_sku} ({e.marketplace_sku or e.product_id})"
        if e.field == cr.SELLER_SKU:
            return self.tr("{0}: seller SKU code {1} → {2}").format(where, e.old_text or "-", e.new_text)
        if e.field == cr.ACTIVE:
            def state(value: int | None) -> str:
                return "?" if value is None else (self.tr("On") if value else self.tr("Off"))

            return self.tr("{0}: listing {1} → {2}").format(where, state(e.old_value), state(e.new_value))
        return self.tr("{0}: price {1} → {2}").format(where, cr.describe_value(cr.PRICE, e.old_value),
                                                      cr.describe_value(cr.PRICE, e.new_value))

    def _enable(self) -> None:
        self.discard_selected.setEnabled(bool(self.list.selectedItems()))
        self.discard_all.setEnabled(self.list.count() > 0)

    @Slot()
    def _discard_selected(self) -> None:
        from tokodesk.services import catalog_drafts

        ids = [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()]
        if ids:
            catalog_drafts.discard(edit_ids=ids, channel=m.Channel.get_by_id(self.channel_id))
        self.reload()

    @Slot()
    def _discard_all(self) -> None:
        from tokodesk.services import catalog_drafts

        catalog_drafts.discard(everything=True, channel=m.Channel.get_by_id(self.channel_id))
        self.reload()


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
        self.drafts_button = QPushButton(self.tr("Changes waiting…"))
        self.drafts_button.clicked.connect(self.show_drafts)
        self.buttons = [self.edit_button, self.drafts_button, self.push_button, self.undo_button]

    def _channel(self) -> m.Channel | None:
        return m.Channel.get_or_none(m.Channel.id == self.ctx.channel_id) if self.ctx.channel_id else None

    @Slot()
    def edit_selected(self) -> None:
        seller_sku, product_id = self.tab.selected_seller_sku()
        if not seller_sku:
            self.tab.banner.show_error(self.tr("Select a mapped SKU first: prices and listings are changed per "
                                               "seller SKU."), "")
            return
        from tokodesk.services import catalog_rules

        product = m.Product.get_or_none((m.Product.channel == self.ctx.channel_id)
                                        & (m.Product.product_id == product_id))
        caps = catalog_rules.capabilities_of(self._channel())
        refusal = "" if catalog_rules.SELLER_SKU in caps.catalog_fields else (caps.seller_sku_refusal or "-")
        dialog = CatalogEditDialog(seller_sku, product.price if product else 0, self.tab,
                                   code=product.sku if product else "", code_refusal=refusal)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._save(seller_sku, *dialog.values()))
        dialog.open()

    def _save(self, seller_sku: str, price: int | None, active: bool | None, code: str | None = None,
              whole_product: bool = False) -> None:
        from tokodesk.services import catalog_drafts

        channel_id = self.ctx.channel_id

        def work(_jc: Any) -> Any:
            return catalog_drafts.set_edit(seller_sku, price=price, active=active, new_seller_sku=code,
                                         channel=m.Channel.get_by_id(channel_id), whole_product=whole_product)

        def done(result: Any) -> None:
            self.tab.banner.clear()
            self.ctx.status_message(self.tr("{0}: {1} change(s) kept; press Push changes to send them").format(
                seller_sku, len(result.kept)))

        def failed(exc: BaseException, detail: str) -> None:
            if isinstance(exc, catalog_drafts.WholeProduct):
                ask = WholeProductDialog(seller_sku, exc.on, exc.others, self.tab)
                self.dialog = ask
                ask.accepted.connect(lambda: self._save(seller_sku, price, active, code, whole_product=True))
                ask.open()
                return
            self.tab._error(exc, detail)

        self.ctx.jobs.submit(work, title=self.tr("Keeping the change"), on_result=done, on_error=failed)

    @Slot()
    def show_drafts(self) -> None:
        if self.ctx.channel_id is None:
            return
        dialog = DraftsDialog(self.ctx.channel_id, self.tab)
        self.dialog = dialog
        dialog.open()

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
        if s.with_product:
            lines.append(self.tr("The whole product switches: {0} other SKUs of those products switch with them")
                         .format(s.with_product))
        if s.codes:
            lines.append(self.tr("{0} seller SKU code(s): each product is read first and sent back unchanged except "
                                 "the code").format(s.codes))
        if s.large:
            lines.append(self.tr("{0} large price changes need a second confirmation:").format(len(s.large)))
            lines.extend(in_words(line) for line in s.large[:10])  # the service's words, in the window's language
        return lines

    def _push(self, edit_ids: list[int], confirm_large: bool) -> None:
        from tokodesk.services import catalog_push

        channel_id = self.ctx.channel_id

        def work(_jc: Any) -> Any:
            return catalog_push.push(m.Channel.get_by_id(channel_id), edit_ids=edit_ids, confirm_large=confirm_large)

        self.ctx.jobs.submit(work, title=self.tr("Pushing catalogue changes"), on_result=self._report,
                             on_error=self.tab._error)

    def _report(self, outcome: Any) -> None:
        from tokodesk.services import catalog_rules as cr

        text = self.tr("Pushed: {0} accepted, {1} failed").format(outcome.count(cr.ACCEPTED), outcome.count(cr.FAILED))
        failed = [in_words(r.words) for r in outcome.rows if r.status != cr.ACCEPTED]
        if failed or outcome.error:
            self.tab.banner.show_error(text, "\n".join(failed + ([in_words(outcome.error)] if outcome.error else [])))
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
