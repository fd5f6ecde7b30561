"""The Channel tab: settings, connection state, token expiry, keyring backend, schedule, Sync now, the sync log."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tokodesk import config
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.store import models as m
from tokodesk.ui.context import AppContext
from tokodesk.ui.formatting import wib_text
from tokodesk.ui.i18n import is_language_change, translate
from tokodesk.ui.messages import describe, in_words, stored_text
from tokodesk.ui.sync import available_kinds, kind_label, running, start_sync
from tokodesk.ui.widgets import ErrorBanner, placeholder

STATUS_WORDS = {
    "ok": QT_TRANSLATE_NOOP("ChannelTab", "OK"),
    "partial": QT_TRANSLATE_NOOP("ChannelTab", "Partly failed"),
    "failed": QT_TRANSLATE_NOOP("ChannelTab", "Failed"),
    "cancelled": QT_TRANSLATE_NOOP("ChannelTab", "Cancelled"),
    "running": QT_TRANSLATE_NOOP("ChannelTab", "Running"),
    "skipped": QT_TRANSLATE_NOOP("ChannelTab", "Skipped"),
}
_SHOWN_SETTINGS = ("name", "warehouse_id", "order_sync_from", "return_sync_from", "business_model",
                   "ready_to_ship_at", "use_marketplace_label", "orders_on_invoice", "inventory_sync",
                   "inventory_method", "recon_enabled", "recon_hour", "sku_pull_mode")


@dataclass
class ChannelState:
    channel: dict
    schedule: list[tuple[str, Any, str, Any, str]] = field(default_factory=list)  # kind, last, result, next, why
    runs: list[dict] = field(default_factory=list)
    backend: Any = None
    token_expires: Any = None
    token_problem: str = ""


def load_state(channel_id: int) -> ChannelState:
    """In a worker: reads the database, the scheduler policy and the keyring (which may block)."""
    from tokodesk import credentials
    from tokodesk.services import runs, scheduler

    channel = m.Channel.get_by_id(channel_id)
    state = ChannelState(m.Channel.select().where(m.Channel.id == channel_id).dicts().get())
    for kind in available_kinds():
        last = runs.last_run(channel, kind)
        when, why = scheduler.next_due(channel, kind)
        if kind not in scheduler.SCHEDULED:
            when, why = None, QT_TRANSLATE_NOOP("ChannelTab", "on demand")
        state.schedule.append((kind, last.started_at if last else None, last.status if last else "", when, why))
    state.runs = list(
        m.SyncRun.select().where(m.SyncRun.channel == channel_id).order_by(m.SyncRun.started_at.desc()).limit(200)
        .dicts()
    )
    state.backend = credentials.backend_info()
    try:
        token = credentials.load_token(channel.token_channel or channel.name)  # one consent, several shops
        state.token_expires = token.expires_at if token else None
    except credentials.CredentialError as exc:
        state.token_problem = str(exc)  # marked words (a Said): said in the window's language when shown
    return state


class ChannelTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state: ChannelState | None = None
        layout = QVBoxLayout(self)
        self.banner = ErrorBanner()
        layout.addWidget(self.banner)
        self.empty = placeholder(self.tr("No channel yet. Click “Add channel…” to connect your Tokopedia & Shop "
                                         "store; its settings, connection, schedule and sync log then appear here."))
        layout.addWidget(self.empty)

        self.body = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self._build_connection(), 1)
        top_layout.addWidget(self._build_schedule(), 2)
        # The settings list grows with each feature; on a 1366x768 laptop it scrolls rather than pushing the
        # window's status bar below the taskbar (tests/ui/test_window_place.py).
        scroll = QScrollArea()
        scroll.setWidget(top)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body.addWidget(scroll)
        self.body.addWidget(self._build_log())
        self.body.setStretchFactor(1, 1)
        layout.addWidget(self.body, 1)

        ctx.channel_selected.connect(lambda _cid: self.reload())
        ctx.sync_runs_changed.connect(self.reload)
        ctx.channels_changed.connect(self.reload)
        ctx.jobs.changed.connect(self._update_sync_buttons)
        self.reload()

    # ------------------------------------------------------------------ layout
    def _build_connection(self) -> QWidget:
        box = QGroupBox(self.tr("Connection and settings"))
        outer = QVBoxLayout(box)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        rows = [("marketplace", self.tr("Marketplace")), ("shop_name", self.tr("Shop")),
                ("connection", self.tr("Connection")), ("token", self.tr("Token expires")),
                ("keyring", self.tr("Keyring"))]
        rows += [(key, translate("ChannelSetting", config.CHANNEL_SETTING_LABELS[key])) for key in _SHOWN_SETTINGS]
        for key, label in rows:
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(label + ":", value)
        outer.addLayout(self.form)
        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.edit_button = QPushButton(self.tr("Edit settings…"))
        self.edit_button.clicked.connect(self.edit_settings)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        outer.addStretch(1)
        return box

    def _build_schedule(self) -> QWidget:
        box = QGroupBox(self.tr("Schedule"))
        self.schedule_grid = QGridLayout(box)
        headers = (self.tr("Sync"), self.tr("Last run"), self.tr("Result"), self.tr("Next run"), "")
        for col, text in enumerate(headers):
            label = QLabel(f"<b>{text}</b>")
            self.schedule_grid.addWidget(label, 0, col)
        self.sync_buttons: dict[str, QPushButton] = {}
        self.schedule_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        for row, kind in enumerate(available_kinds(), start=1):
            self.schedule_grid.addWidget(QLabel(kind_label(kind)), row, 0)
            labels = (QLabel(), QLabel(), QLabel())
            labels[0].setMinimumWidth(150)
            for col, label in enumerate(labels, start=1):
                label.setWordWrap(col == 3)
                self.schedule_grid.addWidget(label, row, col)
            button = QPushButton(self.tr("Sync now"))
            button.clicked.connect(lambda _=False, k=kind: self.sync_now(k))
            self.schedule_grid.addWidget(button, row, 4)
            self.sync_buttons[kind] = button
            self.schedule_labels[kind] = labels
        self.schedule_grid.setRowStretch(len(self.sync_buttons) + 1, 1)
        self.schedule_grid.setColumnStretch(3, 1)
        return box

    def _build_log(self) -> QWidget:
        box = QGroupBox(self.tr("Sync log"))
        layout = QVBoxLayout(box)
        self.log = QTreeWidget()
        self.log.setHeaderLabels([self.tr("Started"), self.tr("Sync"), self.tr("Result"), self.tr("Fetched"),
                                  self.tr("New"), self.tr("Updated"), self.tr("Failed"), self.tr("Station")])
        self.log.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.log.setAlternatingRowColors(True)
        layout.addWidget(self.log)
        hint = QLabel(self.tr("Click ▸ on a run to see its errors."))
        hint.setStyleSheet("color:#666")
        layout.addWidget(hint)
        return box

    # ----------------------------------------------------------------- loading
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if is_language_change(event, self) and self.state is not None:
            self._show_state(self.state)  # settings, schedule and log in words

    @Slot()
    def reload(self) -> None:
        channel_id = self.ctx.channel_id
        self.empty.setVisible(channel_id is None)
        self.body.setVisible(channel_id is not None)
        if channel_id is None:
            return
        self.ctx.jobs.submit(lambda _jc: load_state(channel_id), title=self.tr("Reading the channel"),
                             on_result=self._show_state, on_error=self._error)

    def _show_state(self, state: ChannelState) -> None:
        if state.channel["id"] != self.ctx.channel_id:
            return
        self.state = state
        ch = state.channel
        self.ctx.channels[ch["id"]] = ch
        caps = self.ctx.capabilities_for(ch["marketplace"])
        self.values["marketplace"].setText(caps.display_name if caps else ch["marketplace"])
        self.values["shop_name"].setText(ch["shop_name"] or self.tr("(not read yet: test the connection)"))
        if not self.values["connection"].text():
            self.values["connection"].setText(self.tr("Not tested in this session"))
        if state.token_problem:
            self.values["token"].setText(in_words(state.token_problem))
        else:
            self.values["token"].setText(wib_text(state.token_expires) if state.token_expires
                                         else self.tr("No token yet (fetched on the first call)"))
        backend = state.backend
        # The label a person knows ("Secret Service …"), not the class name: every OS backend's class is "Keyring".
        text = (backend.label or backend.name) if backend else ""
        self.values["keyring"].setToolTip(backend.name if backend else "")
        if backend is not None and not backend.usable:
            problem = in_words(backend.problem)
            text = f"{backend.name} — {problem}"
        elif backend is not None and not backend.is_real:
            # The whole sentence does not fit the settings column; it is one hover away.
            text += " " + self.tr("(temporary)")
            self.values["keyring"].setToolTip(
                backend.name + "\n" + self.tr("(not an OS keyring: secrets last only while TokoDesk runs)"))
        self.values["keyring"].setText(text)
        for key in _SHOWN_SETTINGS:
            self.values[key].setText(self._setting_text(key, ch.get(key)))
        for kind, last, result, when, why in state.schedule:
            labels = self.schedule_labels.get(kind)
            if labels is None:
                continue
            labels[0].setText(wib_text(last) if last else self.tr("never"))
            labels[1].setText(self.tr(STATUS_WORDS.get(result, result)) if result else "")
            labels[1].setStyleSheet("color:#b00020" if result in ("failed", "partial") else "")
            why = self._why_text(why)
            if when is not None and when <= m.utcnow():
                # Due already (it runs as soon as the scheduler gets to it): never show a time in the past.
                labels[2].setText(self.tr("due now") + f" ({why})")
            else:
                labels[2].setText((wib_text(when) + f" ({why})") if when else why)
        self._fill_log(state.runs)
        self._update_sync_buttons()

    def _why_text(self, why: str) -> str:
        # The scheduler's words for a daily slot and a period carry a number; the others are marked where written.
        daily = re.fullmatch(r"daily at (\d\d:\d\d) WIB", why or "")
        if daily:
            return self.tr("daily at {0} WIB").format(daily.group(1))
        every = re.fullmatch(r"every (\d+) min", why or "")
        return self.tr("every {0} min").format(every.group(1)) if every else self.tr(why)

    def _setting_text(self, key: str, value: Any) -> str:
        if isinstance(value, bool):
            return self.tr("On") if value else self.tr("Off")
        if key in ("order_sync_from", "return_sync_from"):
            return wib_text(value) if value else self.tr("(not set)")
        if key == "recon_hour":
            return f"{int(value):02d}:00 WIB"
        words = {"pickup": QT_TRANSLATE_NOOP("ChannelTab", "Pick-up by the courier"),
                 "dropoff": QT_TRANSLATE_NOOP("ChannelTab", "Drop-off at the courier"),
                 "own_courier": QT_TRANSLATE_NOOP("ChannelTab", "Own courier (enter the AWB)"),
                 "pack": QT_TRANSLATE_NOOP("ChannelTab", "At pack"),
                 "manifest": QT_TRANSLATE_NOOP("ChannelTab", "At manifest"),
                 "delta": QT_TRANSLATE_NOOP("ChannelTab", "Only changes"),
                 "full": QT_TRANSLATE_NOOP("ChannelTab", "Everything"),
                 "create": QT_TRANSLATE_NOOP("ChannelTab", "Create seller SKUs"),
                 "map_only": QT_TRANSLATE_NOOP("ChannelTab", "Map to existing seller SKUs only")}
        return self.tr(words[value]) if value in words else str(value or self.tr("(not set)"))

    def _fill_log(self, runs: list[dict]) -> None:
        self.log.clear()
        for run in runs:
            status = run["status"]
            item = QTreeWidgetItem([
                wib_text(run["started_at"]), kind_label(run["kind"]), self.tr(STATUS_WORDS.get(status, status)),
                str(run["fetched"]), str(run["created"]), str(run["updated"]), str(run["failed"]),
                run["station"],
            ])
            if status in ("failed", "partial"):
                item.setForeground(2, Qt.GlobalColor.red)
            words = run.get("error_words") or []
            for n, error in enumerate(run["errors"] or []):
                text = stored_text(str(error), words[n] if n < len(words) else None)
                child = QTreeWidgetItem([""] * 1 + [""] + [text])
                child.setFirstColumnSpanned(False)
                child.setToolTip(2, text)
                item.addChild(child)
            self.log.addTopLevelItem(item)

    def _update_sync_buttons(self) -> None:
        cid = self.ctx.channel_id
        for kind, button in self.sync_buttons.items():
            busy = cid is not None and running(self.ctx, cid, kind) is not None
            button.setEnabled(cid is not None and not busy)
            button.setText(self.tr("Running…") if busy else self.tr("Sync now"))

    # ----------------------------------------------------------------- actions
    def sync_now(self, kind: str) -> None:
        job = start_sync(self.ctx, kind)
        if job is not None:
            job.error.connect(self._error)
        self._update_sync_buttons()

    @Slot()
    def test_connection(self) -> None:
        channel_id = self.ctx.channel_id
        if channel_id is None:
            return
        self.values["connection"].setText(self.tr("Testing…"))

        def work(_jc: Any) -> Any:
            channel = m.Channel.get_by_id(channel_id)
            adapter = self.ctx.adapter(channel)
            try:
                shop = adapter.shop_info()
            finally:
                adapter.close()
            if shop.name and shop.name != channel.shop_name:
                m.Channel.update(shop_name=shop.name).where(m.Channel.id == channel_id).execute()
            return shop

        def ok(shop: Any) -> None:
            self.values["connection"].setText(self.tr("Connected to “{0}”").format(shop.name))
            self.values["connection"].setStyleSheet("color:#1b5e20")
            self.ctx.announce("channels")

        def failed(exc: BaseException, detail: str) -> None:
            self.values["connection"].setText(describe(exc))
            self.values["connection"].setStyleSheet("color:#b00020")

        self.ctx.jobs.submit(work, title=self.tr("Testing the connection"), lane=self.ctx.lane(channel_id),
                             on_result=ok, on_error=failed)

    @Slot()
    def edit_settings(self) -> None:
        from tokodesk.ui.wizard import SettingsDialog

        if self.state is None:
            return
        self.settings_dialog = SettingsDialog(self.ctx, self.state.channel, self)
        self.settings_dialog.saved.connect(lambda: self.ctx.announce("channels"))
        self.settings_dialog.open()

    def _error(self, exc: BaseException, detail: str) -> None:
        self.banner.show_error(describe(exc), detail)
