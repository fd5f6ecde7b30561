"""The channel setup wizard (first run and "Add channel"): marketplace, credentials + test, settings, starting stock,
save.

Shape from Picard's setup wizard: each page validates itself (`isComplete`) and the network and keyring work of
"Test connection" and "Save" runs in workers (`wizard_logic`), so the wizard never freezes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from tokodesk import config
from tokodesk.i18n_marks import filled
from tokodesk.ui import wizard_logic as logic
from tokodesk.ui.channel_form import ChannelSettingsForm, SettingsDialog
from tokodesk.ui.context import AppContext
from tokodesk.ui.database_page import DatabasePage
from tokodesk.ui.i18n import translate
from tokodesk.ui.messages import in_words
from tokodesk.ui.sync import start_sync
from tokodesk.ui.widgets import fit_to_screen
from tokodesk.ui.wizard_stock import StartingStockPage

__all__ = ["ChannelWizard", "SettingsDialog"]


class MarketplacePage(QWizardPage):
    def __init__(self, ctx: AppContext | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.keyring_problem: str | None = None  # None: not known yet (the check runs in a worker)
        self.setTitle(self.tr("Which marketplace?"))
        self.setSubTitle(self.tr("Choose how TokoDesk talks to your shop."))
        layout = QVBoxLayout(self)
        # "&" marks a keyboard mnemonic on a button: unescaped, the name showed as "Tokopedia _Shop".
        self.current = QRadioButton(self.tr("Tokopedia & Shop (current)").replace("&", "&&"))
        self.current.setChecked(True)
        current_note = QLabel(self.tr("For every Tokopedia shop today: orders from the Tokopedia and the Shop apps "
                                      "come through the Tokopedia & Shop Partner Center. You need an app key, app "
                                      "secret and service ID from Partner Center."))
        self.legacy = QRadioButton(self.tr("Tokopedia Open API (legacy, shut down Sep 2025)"))
        legacy_note = QLabel(self.tr("The old Tokopedia Open API (FS ID, client ID and secret) was switched off on "
                                     "30 September 2025 and no longer answers. Choose it only for TokoDesk's "
                                     "sandbox shop or an old test setup."))
        for note in (current_note, legacy_note):
            note.setWordWrap(True)
            note.setStyleSheet("color:#555; margin-left: 22px; margin-bottom: 10px")
        legacy_note.setStyleSheet(legacy_note.styleSheet() + "; color:#8a3b00")
        layout.addWidget(self.current)
        layout.addWidget(current_note)
        layout.addWidget(self.legacy)
        layout.addWidget(legacy_note)
        layout.addStretch(1)
        self.choose_database = QCheckBox(self.tr("Advanced: choose the database (several packing PCs share one)"))
        layout.addWidget(self.choose_database)
        self.keyring = QLabel()
        self.keyring.setWordWrap(True)
        layout.addWidget(self.keyring)
        self._checked_keyring = False

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        # The keyring first: a seller must not type every credential only to learn it cannot be kept.
        if self.ctx is None or self._checked_keyring:
            return
        self._checked_keyring = True
        self.keyring.setText(self.tr("Checking the keyring…"))
        self.keyring.setStyleSheet("color:#555")

        def done(info: Any) -> None:
            if info.usable:
                self.keyring_problem = ""
                self.keyring.setText(self.tr("Secrets will be kept in: {0}").format(info.label or info.name))
                self.keyring.setStyleSheet("color:#555")
            else:
                self.keyring_problem = info.problem
                self.keyring.setText(self.tr("No usable keyring, so TokoDesk cannot keep your secrets: {0}").format(
                    in_words(info.problem)))
                self.keyring.setStyleSheet("color:#b00020")
            self.completeChanged.emit()

        from tokodesk import credentials

        self.ctx.jobs.submit(lambda _jc: credentials.backend_info(), title=self.tr("Checking the keyring"),
                             lane="wizard", on_result=done)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not self.keyring_problem
    def nextId(self) -> int:  # noqa: N802 - Qt override
        wizard = self.wizard()
        return wizard.database_id if self.choose_database.isChecked() else wizard.credentials_id

    def marketplace(self) -> str:
        return "tiktokshop" if self.current.isChecked() else "tokopedia"


def _secret_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class CredentialsPage(QWizardPage):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.tested: logic.TestResult | None = None
        self.test_job: Any = None
        self.exchanged: tuple[str, str] | None = None  # (code, channel name): the code works once
        self.setTitle(self.tr("Credentials"))
        self.setSubTitle(self.tr("Secrets go to the OS keyring, never into TokoDesk's database."))
        layout = QVBoxLayout(self)
        # One form for the channel's name and both dialects' fields (the other dialect's rows hidden): its fields
        # start in one column, whatever the language makes of the labels.
        self.form = form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Toko Utama"))
        form.addRow(translate("ChannelSetting", config.CHANNEL_SETTING_LABELS["name"]), self.name)
        # Tokopedia FS (legacy)
        self.fs_id, self.client_id, self.client_secret, self.shop_id = QLineEdit(), QLineEdit(), _secret_field(), \
            QLineEdit()
        form.addRow(self.tr("FS ID (App ID)"), self.fs_id)
        form.addRow(self.tr("Client ID"), self.client_id)
        form.addRow(self.tr("Client secret"), self.client_secret)
        form.addRow(self.tr("Shop ID"), self.shop_id)
        hint = QLabel(self.tr("The shop ID is the number in your seller panel's address, e.g. "
                              "seller.tokopedia.com/…?shop_id=<b>1234567</b>."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#555")
        form.addRow("", hint)
        self.dialect_rows: dict[str, list[QWidget | QLayout]] = {
            "tokopedia": [self.fs_id, self.client_id, self.client_secret, self.shop_id, hint]}
        # TikTok Shop (Tokopedia & Shop)
        self.app_key, self.app_secret, self.service_id = QLineEdit(), _secret_field(), QLineEdit()
        form.addRow(self.tr("App key"), self.app_key)
        form.addRow(self.tr("App secret"), self.app_secret)
        form.addRow(self.tr("Service ID"), self.service_id)
        consent_row = QHBoxLayout()
        self.consent_link = QLineEdit()
        self.consent_link.setReadOnly(True)
        self.consent_link.setPlaceholderText(self.tr("Fill in the service ID to get the link"))
        open_link = QPushButton(self.tr("Open link"))
        open_link.clicked.connect(lambda: QDesktopServices.openUrl(QUrl(self.consent_link.text())))
        consent_row.addWidget(self.consent_link, 1)
        consent_row.addWidget(open_link)
        form.addRow(self.tr("Consent link"), consent_row)
        self.auth_code = QLineEdit()
        self.auth_code.setPlaceholderText(self.tr("Paste the address the browser shows after you accept, or the code"))
        form.addRow(self.tr("Redirect URL or code"), self.auth_code)
        steps = QLabel(self.tr("Open the consent link, log in as the shop owner and accept; the browser then shows an "
                               "address with ?code=…. Paste it here within 30 minutes."))
        steps.setWordWrap(True)
        steps.setStyleSheet("color:#555")
        form.addRow("", steps)
        self.dialect_rows["tiktokshop"] = [self.app_key, self.app_secret, self.service_id, consent_row,
                                           self.auth_code, steps]
        # A consent may cover several shops: the list comes from the one exchange of the code at Test.
        self.shop_choice = QComboBox()
        self.shop_choice.currentIndexChanged.connect(self._shop_chosen)
        self.shop_label = QLabel(self.tr("Shop"))
        form.addRow(self.shop_label, self.shop_choice)
        self.shop_hint = QLabel(self.tr("The authorization covers several shops: pick this channel's shop. Add "
                                        "another later with `tokodesk channel add NAME --from-channel` (no new "
                                        "consent)."))
        self.shop_hint.setWordWrap(True)
        self.shop_hint.setStyleSheet("color:#555")
        form.addRow("", self.shop_hint)
        self._show_shop_rows(False)
        layout.addLayout(form)

        self.advanced = QGroupBox(self.tr("Advanced: server addresses"))
        self.advanced.setCheckable(True)
        self.advanced.setChecked(False)
        adv = QFormLayout(self.advanced)
        self.api_base, self.auth_url = QLineEdit(), QLineEdit()
        adv.addRow(self.tr("API base URL"), self.api_base)
        adv.addRow(self.tr("Auth base URL"), self.auth_url)
        layout.addWidget(self.advanced)

        test_row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        test_row.addWidget(self.test_button)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        test_row.addWidget(self.test_result, 1)
        layout.addLayout(test_row)
        self.save_untested = QCheckBox(self.tr("Save without a successful test (I will test it later)"))
        layout.addWidget(self.save_untested)
        layout.addStretch(1)

        for field in (self.name, self.fs_id, self.client_id, self.client_secret, self.shop_id, self.app_key,
                      self.app_secret, self.service_id, self.auth_code, self.api_base, self.auth_url):
            field.textChanged.connect(self._changed)
        self.service_id.textChanged.connect(self._update_consent)
        self.save_untested.toggled.connect(lambda _on: self.completeChanged.emit())

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        marketplace = self.wizard().marketplace()
        for dialect, rows in self.dialect_rows.items():
            for row in rows:
                self.form.setRowVisible(row, dialect == marketplace)
        self._show_shop_rows(marketplace == "tiktokshop" and self.shop_choice.count() > 1)
        defaults = logic.default_urls(marketplace)
        self.api_base.setPlaceholderText(defaults[0])
        self.auth_url.setPlaceholderText(defaults[1])

    def marketplace(self) -> str:
        return self.wizard().marketplace()

    def entered(self) -> logic.Credentials:
        return logic.Credentials(
            marketplace=self.marketplace(), name=self.name.text().strip(), fs_id=self.fs_id.text().strip(),
            client_id=self.client_id.text().strip(), client_secret=self.client_secret.text().strip(),
            shop_id=self.shop_id.text().strip(), app_key=self.app_key.text().strip(),
            app_secret=self.app_secret.text().strip(), service_id=self.service_id.text().strip(),
            auth_code=self.auth_code.text().strip(),
            api_base=self.api_base.text().strip().rstrip("/") if self.advanced.isChecked() else "",
            auth_url=self.auth_url.text().strip().rstrip("/") if self.advanced.isChecked() else "",
        )

    def _changed(self) -> None:
        if self.exchanged is not None and self.exchanged[0] != self.auth_code.text().strip():
            self.exchanged = None  # another code: that one is exchanged at the next test
        if self.tested is not None:  # anything edited after a test needs a new test
            self.tested = None
            self.test_result.setText(self.tr("Changed since the last test: test again."))
            self.test_result.setStyleSheet("color:#555")
        self.completeChanged.emit()

    def _update_consent(self, service_id: str) -> None:
        self.consent_link.setText(logic.consent_link(service_id.strip()))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        problems = logic.missing_fields(self.entered())
        return not problems and (self.tested is not None or self.save_untested.isChecked())

    @Slot()
    def test_connection(self) -> None:
        creds = self.entered()
        missing = logic.missing_fields(creds)
        if missing:
            self._show(False, self.tr("Fill in: {0}").format(", ".join(self.tr(f) for f in missing)))
            return
        problem = logic.url_problem(creds)
        if problem:
            self._show(False, problem)
            return
        self.test_button.setEnabled(False)
        self._show(None, self.tr("Testing…"))

        def done(result: logic.TestResult) -> None:
            self.test_button.setEnabled(True)
            if creds.marketplace != "tokopedia":
                self.exchanged = (creds.auth_code, creds.name)
            self.tested = result
            self._show(True, self.tr("Connected to “{0}”.").format(result.shop_name))
            self.wizard().settings_page.form.set_warehouses(result.warehouses)
            self._offer_shops(result)
            self.completeChanged.emit()

        def failed(exc: BaseException, _detail: str) -> None:
            self.test_button.setEnabled(True)
            self.tested = None
            self._show(False, logic.explain(exc))
            self.completeChanged.emit()

        exchanged_as = self.exchanged[1] if self.exchanged and self.exchanged[0] == creds.auth_code else None
        self.test_job = self.ctx.jobs.submit(lambda _jc: logic.test_connection(creds, self.ctx.adapter_factory,
                                                                               exchanged_as),
                                             title=self.tr("Testing the connection"), lane="wizard",
                                             on_result=done, on_error=failed)

    def _offer_shops(self, result: logic.TestResult) -> None:
        several = len(result.shops) > 1
        self.shop_choice.blockSignals(True)
        self.shop_choice.clear()
        for shop in result.shops:
            self.shop_choice.addItem(f"{shop.shop_name} ({shop.shop_id})", shop.shop_id)
        self.shop_choice.blockSignals(False)
        self._show_shop_rows(several)

    def _show_shop_rows(self, shown: bool) -> None:
        for widget in (self.shop_choice, self.shop_hint):
            self.form.setRowVisible(widget, shown)

    @Slot(int)
    def _shop_chosen(self, index: int) -> None:
        if self.tested is None or index < 0 or not self.tested.shops:
            return
        self.tested = self.tested.choose(self.shop_choice.itemData(index))
        self._show(True, self.tr("Connected to “{0}”.").format(self.tested.shop_name))
        self.wizard().settings_page.form.set_warehouses(self.tested.warehouses)

    def _show(self, ok: bool | None, text: str) -> None:
        self.test_result.setText(text)
        self.test_result.setStyleSheet({True: "color:#1b5e20", False: "color:#b00020", None: "color:#555"}[ok])


class SettingsPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Channel settings"))
        self.setSubTitle(self.tr("How this shop works. Every setting can be changed later in the Channel tab."))
        layout = QVBoxLayout(self)
        self.form = ChannelSettingsForm()
        layout.addWidget(self.form)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color:#b00020")
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.form.set_history_limit(logic.history_days(self.wizard().marketplace()))
        from tokodesk.services.channels import new_channel_settings

        self.form.load(new_channel_settings(self.wizard().marketplace()))

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        problem = logic.check_settings(self.wizard().marketplace(), self.form.values())
        self.error.setText(problem or "")
        return problem is None


class SavePage(QWizardPage):
    """Saves the channel (keyring first, then the row) in a worker, then sets the starting stock as chosen."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.channel_id: int | None = None
        self.stock_done = False
        self.first_count: Any = None  # services.stock_adopt.FirstCount
        self.setTitle(self.tr("Saving the channel"))
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        layout.addWidget(self.progress)
        self.stock = QLabel()
        self.stock.setWordWrap(True)
        layout.addWidget(self.stock)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard = self.wizard()
        creds = wizard.credentials_page.entered()
        tested = wizard.credentials_page.tested
        settings = wizard.settings_page.form.values()
        choice, counts = wizard.stock_page.choice(), wizard.stock_page.counts()
        # Says what is happening, never "saved" before the worker answered (issue 14 item 7).
        self.setTitle(self.tr("Saving the channel"))
        self.status.setText(self.tr("Saving…"))
        self.progress.show()

        def done(channel_id: int) -> None:
            self.channel_id = channel_id
            self.setTitle(self.tr("The channel is saved"))
            self.status.setText(self.tr("The channel is saved."))
            self._start_stock(channel_id, choice, counts)

        def failed(exc: BaseException, _detail: str) -> None:
            self.progress.hide()
            self.setTitle(self.tr("The channel is not saved"))
            self.status.setText(self.tr("Not saved: {0}").format(logic.explain(exc)))
            self.status.setStyleSheet("color:#b00020")

        self.ctx.jobs.submit(lambda _jc: logic.save_channel(creds, settings, tested), lane="wizard",
                             title=self.tr("Saving the channel"), on_result=done, on_error=failed)

    def _start_stock(self, channel_id: int, choice: str, counts: list[tuple[str, int]]) -> None:
        from tokodesk.services import stock_adopt
        from tokodesk.store import models as m

        self.stock.setText({
            "adopt": self.tr("Reading your shop's products, open orders and stock…"),
            # The counts wait for the orders: those shipped before the count must not come off it again.
            "import": self.tr("Reading your shop's products and orders, then saving your counts…"),
        }.get(choice, ""))
        self.stock.setStyleSheet("color:#555")

        def work(jc: Any) -> Any:
            channel = m.Channel.get_by_id(channel_id)
            adapter = self.ctx.adapter(channel) if self.ctx.adapter_factory is not None else None
            return stock_adopt.first_count(channel, choice, counts, adapter, jc.progress, jc.cancelled)

        def done(first: Any) -> None:
            from tokodesk.ui.wizard_stock import first_count_summary

            self.first_count = first
            self._finish_stock(first_count_summary(first), first.ok)

        def failed(exc: BaseException, _detail: str) -> None:
            self._finish_stock(filled(self.tr("The starting stock is not set: {0}. Your SKUs stay not counted and "
                                              "nothing is pushed; count them in the Inventory tab."),
                                      logic.explain(exc)), False)

        job = self.ctx.jobs.submit(work, lane="wizard", title=self.tr("Setting the starting stock"),
                                   on_result=done, on_error=failed)
        job.progress.connect(lambda _d, _t, message: message and self.stock.setText(in_words(message)))

    def _finish_stock(self, text: str, ok: bool) -> None:
        self.stock_done = True
        self.progress.hide()
        self.stock.setText(text)
        self.stock.setStyleSheet("color:#1b5e20" if ok else "color:#8a3b00")
        self.status.setText(self.tr("The channel is saved. When you click Finish, TokoDesk keeps pulling your "
                                    "products and orders in the background; the status bar shows the progress."))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.channel_id is not None and self.stock_done

    def nextId(self) -> int:  # noqa: N802 - Qt override
        return -1  # the last page, though the database page is added after it


class ChannelWizard(QWizard):
    channel_created = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Add a channel"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        fit_to_screen(self, 720, 640)
        for button, text in ((QWizard.WizardButton.NextButton, self.tr("&Next >")),
                             (QWizard.WizardButton.BackButton, self.tr("< &Back")),
                             (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
                             (QWizard.WizardButton.CancelButton, self.tr("Cancel"))):
            self.setButtonText(button, text)
        self.marketplace_page = MarketplacePage(ctx)
        self.credentials_page = CredentialsPage(ctx)
        self.settings_page = SettingsPage()
        self.stock_page = StartingStockPage(ctx)
        self.save_page = SavePage(ctx)
        self.database_page = DatabasePage(ctx)
        for page in (self.marketplace_page, self.credentials_page, self.settings_page, self.stock_page,
                     self.save_page):
            self.addPage(page)
        self.credentials_id = self.pageIds()[1]
        self.database_id = self.addPage(self.database_page)  # reached only by the marketplace page's "Advanced"

    def marketplace(self) -> str:
        return self.marketplace_page.marketplace()

    def accept(self) -> None:
        channel_id = self.save_page.channel_id
        super().accept()
        if channel_id is not None:
            self.ctx.announce("channels")
            self.channel_created.emit(channel_id)
            start_sync(self.ctx, "skus", channel_id)
            start_sync(self.ctx, "orders", channel_id)

    def reject(self) -> None:
        tested = self.credentials_page.tested
        if self.save_page.channel_id is None and tested is not None:
            name = tested.name
            self.ctx.jobs.submit(lambda _jc: logic.forget_untaken(name), title=self.tr("Cleaning up"))
        super().reject()
