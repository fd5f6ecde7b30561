"""The channel settings form (the seed's "Channel Maintenance"): shared by the wizard and the Channel tab."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from PySide6.QtCore import QDateTime, QTimeZone, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tokodesk import config
from tokodesk.store import models as m
from tokodesk.ui.context import AppContext
from tokodesk.ui.i18n import translate
from tokodesk.ui.messages import describe, refusal_text

WIB_ZONE = QTimeZone(b"Asia/Jakarta")
L = config.CHANNEL_SETTING_LABELS


def _qdt(value: datetime) -> QDateTime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()), WIB_ZONE)


def _utc(edit: QDateTimeEdit) -> datetime:
    return datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), timezone.utc).replace(tzinfo=None)


class ChannelSettingsForm(QWidget):
    """Every channel setting with its label and, where it matters, why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.history_days: int | None = 3
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.warehouse = QComboBox()
        self.warehouse.setEditable(True)
        self.warehouse.setToolTip(self.tr("The warehouse whose stock is pushed and whose orders are shipped"))
        form.addRow(translate("ChannelSetting", L["warehouse_id"]), self.warehouse)

        self.order_sync_from = QDateTimeEdit()
        self.order_sync_from.setCalendarPopup(True)
        self.order_sync_from.setTimeZone(WIB_ZONE)
        self.order_sync_from.setDisplayFormat("dd/MM/yyyy HH:mm 'WIB'")
        self.sync_from_hint = QLabel()
        self.sync_from_hint.setWordWrap(True)
        self.sync_from_hint.setStyleSheet("color:#555")
        form.addRow(translate("ChannelSetting", L["order_sync_from"]), self.order_sync_from)
        form.addRow("", self.sync_from_hint)
        self.return_sync_from = QDateTimeEdit()
        self.return_sync_from.setCalendarPopup(True)
        self.return_sync_from.setTimeZone(WIB_ZONE)
        self.return_sync_from.setDisplayFormat("dd/MM/yyyy HH:mm 'WIB'")
        form.addRow(translate("ChannelSetting", L["return_sync_from"]), self.return_sync_from)

        self.business_model = QComboBox()
        for value, text in (("pickup", self.tr("Pick-up: the courier collects the parcels")),
                            ("dropoff", self.tr("Drop-off: you take the parcels to the courier")),
                            ("own_courier", self.tr("Own courier: you type the AWB (resi)"))):
            self.business_model.addItem(text, value)
        form.addRow(translate("ChannelSetting", L["business_model"]), self.business_model)
        self.ready_at = QComboBox()
        self.ready_at.addItem(self.tr("When packed"), "pack")
        self.ready_at.addItem(self.tr("When on a manifest"), "manifest")
        form.addRow(translate("ChannelSetting", L["ready_to_ship_at"]), self.ready_at)
        self.use_marketplace_label = QCheckBox(self.tr("Print the marketplace's own label instead of TokoDesk's"))
        form.addRow(translate("ChannelSetting", L["use_marketplace_label"]), self.use_marketplace_label)
        self.orders_on_invoice = QCheckBox(self.tr("Show and search orders by invoice number (INV/…)"))
        form.addRow(translate("ChannelSetting", L["orders_on_invoice"]), self.orders_on_invoice)

        inventory_row = QHBoxLayout()
        self.inventory_sync = QCheckBox(self.tr("Push stock to the marketplace"))
        self.inventory_method = QComboBox()
        self.inventory_method.addItem(self.tr("Only changes"), "delta")
        self.inventory_method.addItem(self.tr("Everything, every time"), "full")
        self.inventory_sync.toggled.connect(self.inventory_method.setEnabled)
        inventory_row.addWidget(self.inventory_sync)
        inventory_row.addWidget(self.inventory_method, 1)
        form.addRow(translate("ChannelSetting", L["inventory_sync"]), inventory_row)
        recon_row = QHBoxLayout()
        self.recon_enabled = QCheckBox(self.tr("Compare the marketplace stock once a day at"))
        self.recon_hour = QSpinBox()
        self.recon_hour.setRange(0, 23)
        self.recon_hour.setSuffix(":00 WIB")
        self.recon_enabled.toggled.connect(self.recon_hour.setEnabled)
        recon_row.addWidget(self.recon_enabled)
        recon_row.addWidget(self.recon_hour)
        recon_row.addStretch(1)
        form.addRow(translate("ChannelSetting", L["recon_enabled"]), recon_row)
        self.sku_pull_mode = QComboBox()
        self.sku_pull_mode.addItem(self.tr("Create a seller SKU for each marketplace SKU"), "create")
        self.sku_pull_mode.addItem(self.tr("Map to existing seller SKUs only (the rest waits in a queue)"), "map_only")
        form.addRow(translate("ChannelSetting", L["sku_pull_mode"]), self.sku_pull_mode)

        # Catalogue push guard rails (issue 23): the ranges are the ones `channel set` accepts, so the form cannot
        # hold a value the check would refuse (no 0 %, no negative floor).
        self.price_change_confirm_pct = QSpinBox()
        self.price_change_confirm_pct.setRange(1, 1000)
        self.price_change_confirm_pct.setSuffix(" %")
        self.price_floor = QSpinBox()
        self.price_floor.setRange(0, 500_000_000)
        self.price_floor.setPrefix("Rp ")
        self.price_floor.setGroupSeparatorShown(True)
        self.price_floor.setSingleStep(500)
        form.addRow(translate("ChannelSetting", L["price_change_confirm_pct"]), self.price_change_confirm_pct)
        form.addRow(translate("ChannelSetting", L["price_floor"]), self.price_floor)
        self.rails_hint = rails_hint = QLabel(self.tr(
            "A catalogue push asks a second time before it sends a price that changes by more than this percentage, "
            "up or down, or that is below the floor (0: no floor)."))
        rails_hint.setWordWrap(True)
        rails_hint.setStyleSheet("color:#555")
        form.addRow("", rails_hint)
        self.load({})

    def set_history_limit(self, days: int | None) -> None:
        """Tokopedia's order list serves 3 days back at most: the date field cannot go further."""
        self.history_days = days
        now = datetime.now(timezone.utc)
        if days is not None:
            self.order_sync_from.setMinimumDateTime(_qdt(now - timedelta(days=days) + timedelta(minutes=2)))
            self.sync_from_hint.setText(self.tr(
                "The marketplace serves orders of the last {0} days only, so the first pull can start at most "
                "{0} days back. Older orders stay in Seller Center.").format(days))
        else:
            self.order_sync_from.clearMinimumDateTime()
            self.sync_from_hint.setText(self.tr("The first order pull starts here; later pulls continue from "
                                                "where the last one ended."))
        self.order_sync_from.setMaximumDateTime(_qdt(now + timedelta(minutes=5)))

    def set_warehouses(self, warehouses: list[Any]) -> None:
        current = self.warehouse.currentText()
        self.warehouse.clear()
        for w in warehouses:
            label = f"{w.name} ({w.warehouse_id})" if w.name else w.warehouse_id
            self.warehouse.addItem(label, w.warehouse_id)
            if w.is_default and not current:
                self.warehouse.setCurrentIndex(self.warehouse.count() - 1)

    def load(self, values: dict) -> None:
        now = datetime.now(timezone.utc)
        warehouse = values.get("warehouse_id") or ""
        if warehouse:
            index = self.warehouse.findData(warehouse)
            if index < 0:
                self.warehouse.addItem(warehouse, warehouse)
                index = self.warehouse.count() - 1
            self.warehouse.setCurrentIndex(index)
        sync_from = values.get("order_sync_from") or now - timedelta(days=3) + timedelta(minutes=5)
        self.order_sync_from.setDateTime(_qdt(sync_from))
        self.return_sync_from.setDateTime(_qdt(values.get("return_sync_from") or sync_from))
        self._choose(self.business_model, values.get("business_model", "pickup"))
        self._choose(self.ready_at, values.get("ready_to_ship_at", "pack"))
        self.use_marketplace_label.setChecked(bool(values.get("use_marketplace_label", False)))
        self.orders_on_invoice.setChecked(bool(values.get("orders_on_invoice", False)))
        self.inventory_sync.setChecked(bool(values.get("inventory_sync", True)))
        self.inventory_method.setEnabled(self.inventory_sync.isChecked())
        self._choose(self.inventory_method, values.get("inventory_method", "delta"))
        self.recon_enabled.setChecked(bool(values.get("recon_enabled", True)))
        self.recon_hour.setValue(int(values.get("recon_hour", 6)))
        self.recon_hour.setEnabled(self.recon_enabled.isChecked())
        self._choose(self.sku_pull_mode, values.get("sku_pull_mode", "create"))
        self.price_change_confirm_pct.setValue(int(values.get("price_change_confirm_pct", 50)))
        self.price_floor.setValue(int(values.get("price_floor", 1000)))

    def values(self) -> dict:
        warehouse = self.warehouse.currentData()
        if warehouse is None or self.warehouse.currentText() != self.warehouse.itemText(self.warehouse.currentIndex()):
            warehouse = self.warehouse.currentText().strip()
        return {
            "warehouse_id": str(warehouse or ""),
            "order_sync_from": _utc(self.order_sync_from),
            "return_sync_from": _utc(self.return_sync_from),
            "business_model": self.business_model.currentData(),
            "ready_to_ship_at": self.ready_at.currentData(),
            "use_marketplace_label": self.use_marketplace_label.isChecked(),
            "orders_on_invoice": self.orders_on_invoice.isChecked(),
            "inventory_sync": self.inventory_sync.isChecked(),
            "inventory_method": self.inventory_method.currentData(),
            "recon_enabled": self.recon_enabled.isChecked(),
            "recon_hour": self.recon_hour.value(),
            "sku_pull_mode": self.sku_pull_mode.currentData(),
            "price_change_confirm_pct": self.price_change_confirm_pct.value(),
            "price_floor": self.price_floor.value(),
        }

    @staticmethod
    def _choose(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)


def _database_in_use() -> str:
    """Read-only here: which database this station opened (a local file read, no keyring, no network)."""
    from tokodesk import station

    try:
        shown, source = station.in_use()
    except station.StationError as exc:
        return refusal_text(exc)
    # station.py says it in English (the CLI's words); its fixed phrases in the window's language.
    for english, said in (("This PC only (SQLite)", translate("SettingsDialog", "This PC only (SQLite)")),
                          ("Shared PostgreSQL server", translate("SettingsDialog", "Shared PostgreSQL server"))):
        if shown.startswith(english):
            shown = said + shown[len(english):]
    source = {"the default": translate("SettingsDialog", "the default"),
              "the TOKODESK_DB environment variable": translate("SettingsDialog",
                                                                "the TOKODESK_DB environment variable"),
              }.get(source, source)
    return f"{shown} ({source})"


class SettingsDialog(QDialog):
    """Edit an existing channel's settings (the wizard's settings page, on its own)."""

    saved = Signal()

    def __init__(self, ctx: AppContext, channel: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.channel = channel
        self.setWindowTitle(self.tr("Settings of {0}").format(channel["name"]))
        layout = QVBoxLayout(self)
        self.form = ChannelSettingsForm()
        self.form.set_history_limit(None)  # the sync-from date of an existing channel is not re-validated here
        self.form.load(channel)
        self.form.order_sync_from.setEnabled(False)
        self.form.sync_from_hint.setText(self.tr("Order sync continues from the last pull; the start date is set "
                                                 "once, when the channel is added."))
        layout.addWidget(self.form)
        database = QLabel(self.tr("Database: {0}. Change it in the setup wizard's advanced Database page; a change "
                                  "takes effect when TokoDesk starts again.").format(_database_in_use()))
        database.setWordWrap(True)
        database.setStyleSheet("color:#555")
        layout.addWidget(database)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        box = QDialogButtonBox()
        box.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        layout.addWidget(box)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # A top-level dialog takes its height from the layout's size hint, which counts a wrapped hint as one line:
        # grown by the lines its wrapped labels lack at this width, the last hint's end is no longer cut off.
        short = sum(max(0, label.heightForWidth(label.width()) - label.height())
                    for label in self.findChildren(QLabel) if label.wordWrap() and label.isVisible())
        needed = self.height() + short
        screen = self.screen()
        if screen is not None:  # never taller than a laptop's screen
            needed = min(needed, screen.availableGeometry().height() - 40)
        if needed > self.height():
            self.resize(self.width(), needed)

    def save(self) -> None:
        from tokodesk.services.channel_settings import SettingError, validate

        values = self.form.values()
        values.pop("order_sync_from")
        try:  # the same check as `tokodesk channel set`: what one accepts, the other does
            values = validate(values)
        except SettingError as exc:
            self.error.setText(refusal_text(exc))
            return
        channel_id = self.channel["id"]

        def work(_jc: Any) -> None:
            m.Channel.update(**values).where(m.Channel.id == channel_id).execute()

        def done(_r: Any) -> None:
            self.saved.emit()
            self.accept()

        self.ctx.jobs.submit(work, title=self.tr("Saving the channel settings"), on_result=done,
                             on_error=lambda exc, _d: self.error.setText(describe(exc)))
