"""The main window: four tabs (Channel, SKU mapping, Orders, Inventory) and a status bar with sync activity."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QToolBar,
    QWidget,
)

from tokodesk import config
from tokodesk.store import models as m
from tokodesk.ui import i18n, window_place
from tokodesk.ui.channel_tab import ChannelTab
from tokodesk.ui.context import AppContext
from tokodesk.ui.formatting import to_wib
from tokodesk.ui.inventory_tab import InventoryTab
from tokodesk.ui.mapping_tab import MappingTab
from tokodesk.ui.messages import in_words
from tokodesk.ui.orders_tab import OrdersTab
from tokodesk.ui.payouts_tab import PayoutsTab
from tokodesk.ui.returns_tab import ReturnsTab
from tokodesk.ui.sync_health import SyncHealthLine
from tokodesk.ui.workers import JobManager

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Built once the database is open (the app opens it in a worker before creating this window)."""

    def __init__(self, ctx: AppContext | None = None, *, first_run_wizard: bool = False) -> None:
        super().__init__()
        self.ctx = ctx or AppContext(JobManager())
        self.ctx.setParent(self)
        self.ctx.jobs.setParent(self)
        self._set_title()
        # Inside the screen's free area (or where the seller left it, while that is still on a screen).
        if window_place.place(self, window_place.load()):
            self.setWindowState(Qt.WindowState.WindowMaximized)
        self._closing = False

        if self.ctx.channel_id is None:
            # The channel the combo will show first (reload_channels below), chosen before the tabs load: otherwise
            # each tab loads every channel's rows and then loads again for this one (two 100,000-row reads).
            first = m.Channel.select(m.Channel.id).order_by(m.Channel.name).tuples().first()
            self.ctx.channel_id = first[0] if first else None
        self.tabs = QTabWidget()
        self.channel_tab = ChannelTab(self.ctx)
        self.mapping_tab = MappingTab(self.ctx)
        self.orders_tab = OrdersTab(self.ctx)
        self.inventory_tab = InventoryTab(self.ctx)
        self.tabs.addTab(self.channel_tab, self.tr("Channel"))
        self.tabs.addTab(self.mapping_tab, self.tr("SKU mapping"))
        self.tabs.addTab(self.orders_tab, self.tr("Orders"))
        self.tabs.addTab(self.inventory_tab, self.tr("Inventory"))
        self.returns_tab = ReturnsTab(self.ctx)
        self.tabs.addTab(self.returns_tab, self.tr("Returns"))
        self.returns_tab.open_order.connect(self.open_order)
        self.returns_tab.video = self.orders_tab.video  # one camera: it films the unboxing of returns too
        # Payouts: a tab only while the channel's marketplace has finance reads (_place_payouts_tab).
        self.payouts_tab = PayoutsTab(self.ctx)
        self.ctx.channel_selected.connect(lambda _c: self._place_payouts_tab())
        self.setCentralWidget(self.tabs)

        self._build_toolbar()
        self._build_menu()
        self._build_status_bar()
        self.ctx.jobs.changed.connect(self._refresh_activity)
        self.ctx.message.connect(self._note)
        self._last_note = ""
        self.ctx.channels_changed.connect(self.reload_channels)
        self.scheduler = None
        self.tray = None
        self.reload_channels()
        if self.ctx.channel_id is not None:
            self.tabs.setCurrentWidget(self.orders_tab)
        if first_run_wizard and self.ctx.channel_id is None:
            QTimer.singleShot(0, self.add_channel)

    def open_order(self, pk: int) -> None:
        """Another tab's "open the order": the Orders tab, that order selected, its detail pane showing."""
        self.tabs.setCurrentWidget(self.orders_tab)
        self.orders_tab.show_order(pk)

    # ----------------------------------------------------------------- chrome
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Channel"))
        bar.setObjectName("channelBar")
        bar.setMovable(False)
        bar.addWidget(QLabel(self.tr("Shop:") + " "))
        self.channel_combo = QComboBox()
        self.channel_combo.setMinimumContentsLength(24)
        self.channel_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel_combo.currentIndexChanged.connect(self._channel_chosen)
        bar.addWidget(self.channel_combo)
        add = QAction(self.tr("Add channel…"), self)
        add.triggered.connect(self.add_channel)
        bar.addAction(add)
        self.addToolBar(bar)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        add = file_menu.addAction(self.tr("Add channel…"))
        add.triggered.connect(self.add_channel)
        logs = file_menu.addAction(self.tr("Open data folder"))
        logs.triggered.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(config.data_dir()))))
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        settings = self.menuBar().addMenu(self.tr("&Settings"))
        language = settings.addMenu(self.tr("Language"))
        # Checkable, so the menu shows which language is chosen (it takes effect at once: LanguageChange).
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, label in (("system", self.tr("Follow the system")), ("en", "English"), ("id", "Bahasa Indonesia")):
            action = language.addAction(label)
            action.setCheckable(True)
            self.language_group.addAction(action)
            self.language_actions[code] = action
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
        self._check_language(self._saved_language())
        video = settings.addAction(self.tr("Packing video…"))
        video.triggered.connect(lambda: __import__("tokodesk.ui.pack_video_settings", fromlist=["open_settings"])
                                .open_settings(self))
        __import__("tokodesk.ui.dispatch_menu", fromlist=["install"]).install(self)  # Dispatch: handover, plan
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("About TokoDesk"))
        about.triggered.connect(self._about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.activity_label = QLabel(self.tr("Idle"))
        self.activity_label.setMinimumWidth(360)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the running sync after the current request"))
        self.cancel_button.clicked.connect(self.cancel_activity)
        self.cancel_button.hide()
        bar.addWidget(self.activity_label, 1)
        # Every shop's order pulls, whichever tab is open: a failing pull is never only in the Channel tab's log.
        self.sync_health = SyncHealthLine(self.orders_tab.health, lambda: None, short=True)
        bar.addPermanentWidget(self.sync_health)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)

    @Slot()
    def _refresh_activity(self) -> None:
        if self._closing:
            return
        jobs = [j for j in self.ctx.jobs.jobs(background=False) if not j.is_finished]
        if not jobs:
            self.activity_label.setText(self._last_note or self.tr("Idle"))
            self.progress.hide()
            self.cancel_button.hide()
            return
        job = jobs[0]
        more = self.tr(" (+{0} waiting)").format(len(jobs) - 1) if len(jobs) > 1 else ""
        text = job.title + (f" — {in_words(job.message)}" if job.message else "") + more
        if job.cancel_requested:
            text += " " + self.tr("(cancelling…)")
        self.activity_label.setText(text)
        if job.total:
            self.progress.setRange(0, int(job.total))
            self.progress.setValue(min(int(job.done), int(job.total)))
        else:
            self.progress.setRange(0, 0)  # busy indicator: the total is not known yet
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(not job.cancel_requested)

    @Slot(str)
    def _note(self, text: str) -> None:
        # With its time: the note stays until the next one, and "Ship: 3 orders done" must not read as just now.
        self._last_note = f"{to_wib(datetime.now(timezone.utc)):%H:%M} — {text}"
        self._refresh_activity()

    @Slot()
    def cancel_activity(self) -> None:
        self.ctx.jobs.cancel_all()
        self._refresh_activity()

    # --------------------------------------------------------------- channels
    @Slot()
    def reload_channels(self) -> None:
        rows = list(m.Channel.select().order_by(m.Channel.name).dicts())
        self.ctx.channels = {row["id"]: row for row in rows}
        current = self.ctx.channel_id
        self.channel_combo.blockSignals(True)
        self.channel_combo.clear()
        for row in rows:
            shop = row["shop_name"]
            label = row["name"] + (f" ({shop})" if shop and shop != row["name"] else "")
            self.channel_combo.addItem(label, row["id"])
        if not rows:
            self.channel_combo.addItem(self.tr("No channel yet"), None)
        index = max(0, self.channel_combo.findData(current)) if current is not None else 0
        self.channel_combo.setCurrentIndex(index)
        self.channel_combo.blockSignals(False)
        before = self.ctx.channel_id
        self.ctx.select_channel(self.channel_combo.currentData())
        if self.ctx.channel_id == before:
            # Same channel, but its settings (the marketplace) are known only now: at start the Returns tab was
            # built before them and said "no returns API" on a Tokopedia & Shop channel until the next sync.
            self.returns_tab.load()
        self._place_payouts_tab()

    def _place_payouts_tab(self) -> None:
        """The Payouts tab after Returns while the channel's marketplace has finance reads; none otherwise (the legacy
        Tokopedia API has no payouts to show)."""
        index = self.tabs.indexOf(self.payouts_tab)
        wanted = self.payouts_tab.capable()
        if wanted and index < 0:
            self.tabs.insertTab(self.tabs.indexOf(self.returns_tab) + 1, self.payouts_tab, self.tr("Payouts"))
        elif not wanted and index >= 0:
            self.tabs.removeTab(index)

    @Slot(int)
    def _channel_chosen(self, _index: int) -> None:
        self.ctx.select_channel(self.channel_combo.currentData())

    @Slot()
    def add_channel(self) -> None:
        from tokodesk.ui.wizard import ChannelWizard

        wizard = ChannelWizard(self.ctx, self)
        wizard.channel_created.connect(self._channel_created)
        self.wizard = wizard
        wizard.open()

    @Slot(int)
    def _channel_created(self, channel_id: int) -> None:
        self.ctx.channel_id = None
        self.reload_channels()
        index = self.channel_combo.findData(channel_id)
        if index >= 0:
            self.channel_combo.setCurrentIndex(index)
        self.tabs.setCurrentWidget(self.channel_tab)

    # ----------------------------------------------------------------- others
    @staticmethod
    def _saved_language() -> str:
        try:
            row = m.AppSetting.get_or_none(m.AppSetting.key == "language")
        except Exception:  # no database bound (a bare window in a test): the default
            return "system"
        return row.value if row and row.value else "system"

    def _check_language(self, code: str) -> None:
        action = self.language_actions.get(code)
        if action is not None:
            action.setChecked(True)

    def set_language(self, code: str) -> None:
        """The seller's choice, saved for the next start and shown at once: every open window is retranslated."""
        def save(_ctx: object) -> None:
            m.AppSetting.write("language", code)

        self._check_language(code)
        self.ctx.jobs.submit(save, title=self.tr("Saving the language"))
        i18n.switch_now(code)

    def _set_title(self) -> None:
        self.setWindowTitle(self.tr("TokoDesk") + (self.tr(" — demo shop") if self.ctx.demo else ""))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if i18n.is_language_change(event, self) and hasattr(self, "activity_label") and not self.ctx.jobs.closed:
            self._set_title()
            self._refresh_activity()  # the status bar's "Idle" or the running job
            if not self.ctx.channels:
                self.reload_channels()  # "No channel yet"

    def _about(self) -> None:
        from tokodesk import __version__

        QMessageBox.about(
            self,
            self.tr("About TokoDesk"),
            self.tr("TokoDesk {0}\nOrders, labels and stock for Tokopedia & Shop sellers, on your own PC.\n"
                    "Data folder: {1}").format(__version__, config.data_dir()),
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._closing = True
        window_place.save(self)
        if self.scheduler is not None:
            self.scheduler.stop()
        self.orders_tab.video.shutdown()
        self.ctx.jobs.shutdown()
        if self.tray is not None:
            self.tray.hide()
        super().closeEvent(event)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def current_tab(self) -> QWidget:
        return self.tabs.currentWidget()
