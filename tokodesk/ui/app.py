"""Start the desktop app: QApplication, language, crash dialog, the database (opened in a worker), the window."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from tokodesk import config
from tokodesk.assets import asset
from tokodesk.logsetup import install_excepthook, setup_logging
from tokodesk.ui import i18n
from tokodesk.ui.context import AppContext
from tokodesk.ui.widgets import DetailsDialog
from tokodesk.ui.workers import JobManager

log = logging.getLogger(__name__)


class _CrashRelay(QObject):
    """The excepthook may fire on any thread; the dialog must open on the GUI thread."""

    crashed = Signal(str)


def _make_app(argv: list[str]) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(["tokodesk", *argv])
    app.setApplicationName("TokoDesk")
    app.setOrganizationName("TokoDesk")
    app.setApplicationDisplayName("TokoDesk")
    icon = QIcon()
    for path in sorted(asset("icons").glob("tokodesk*.png")):  # every drawn size, so the taskbar's 16/32 px stay crisp
        icon.addFile(str(path))
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app  # type: ignore[return-value]


def _install_crash_dialog(app: QApplication) -> _CrashRelay:
    relay = _CrashRelay(app)

    def show(text: str) -> None:
        dialog = DetailsDialog(
            QApplication.translate("App", "TokoDesk hit an error"),
            QApplication.translate(
                "App", "Something went wrong. Your data is safe; the details below are also in the log file. "
                "Copy them when you ask for help."
            ),
            text,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        relay.dialogs = getattr(relay, "dialogs", []) + [dialog]
        dialog.show()

    relay.crashed.connect(show, Qt.ConnectionType.QueuedConnection)
    install_excepthook(show=relay.crashed.emit)
    return relay


DEMO_DIALECT_NAMES = {"tiktokshop": "Tokopedia & Shop", "tokopedia": "the legacy Tokopedia Open API"}


def _say(text: str) -> None:
    """One line on the terminal for each step of the demo's start (./scripts/demo's steps continue here). A windowed
    build has no stderr; a closed one is not worth a crash."""
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(f"tokodesk: {text}", file=sys.stderr, flush=True)


def _demo_home() -> str:
    home = tempfile.mkdtemp(prefix="tokodesk-demo-")
    os.environ["TOKODESK_HOME"] = home
    os.environ.pop("TOKODESK_DB", None)  # a demo never touches the real (or shared) database
    return home


def run_gui(argv: list[str], *, demo: bool = False, dialect: str = "tiktokshop") -> int:
    """Open the window (the CLI calls this when no sub-command is given). Returns the exit code."""
    if demo:
        _demo_home()
    setup_logging(config.ensure_data_dir())
    app = _make_app(argv)
    i18n.install(i18n.resolve_language())
    relay = _install_crash_dialog(app)
    jobs = JobManager()
    ctx = AppContext(jobs, demo=demo)
    starter = Starter(ctx, demo=demo, dialect=dialect)
    starter.start()
    code = app.exec()
    jobs.shutdown()
    if starter.demo is not None:
        starter.demo.stop()
    del relay
    return code


class Starter(QObject):
    """Opens the database in a worker (PostgreSQL may take seconds; a migration copies the file first), then
    builds the window. A "starting" note is on screen meanwhile, so the app never looks frozen."""

    def __init__(self, ctx: AppContext, *, demo: bool, dialect: str) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.demo_requested = demo
        self.dialect = dialect
        self.demo: Any = None
        self.window: QWidget | None = None
        self.splash = QLabel(QApplication.translate("App", "TokoDesk is opening the database…"))
        self.splash.setWindowTitle("TokoDesk")
        self.splash.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splash.setMinimumSize(420, 120)

    def start(self) -> None:
        self.splash.show()
        self.ctx.jobs.submit(
            _open_database, title=QApplication.translate("App", "Opening the database"),
            on_result=self._database_open, on_error=self._database_failed,
        )

    def _database_open(self, language_setting: str | None) -> None:
        wanted = i18n.resolve_language(language_setting)
        if wanted != i18n.current():
            i18n.install(wanted)
        if self.demo_requested:
            self._start_demo(self.dialect)  # --dialect decides; no question stands between a newcomer and the demo
            return
        self._show_window()

    def _start_demo(self, dialect: str) -> None:
        from tokodesk.ui.demo import DemoShop

        _say(f"starting the demo shop ({DEMO_DIALECT_NAMES.get(dialect, dialect)}; "
             "--dialect tiktokshop|tokopedia chooses)")
        self.demo = DemoShop(self.ctx, dialect)
        self.splash.setText(QApplication.translate("App", "Starting the demo shop…"))
        self.demo.ready.connect(self._show_window)
        self.demo.failed.connect(lambda text: self._fatal(text))
        self.demo.start()

    def _show_window(self) -> None:
        from tokodesk.ui.main_window import MainWindow
        from tokodesk.ui.scheduling import attach_scheduler

        if self.demo_requested:
            _say("opening the window")
        window = MainWindow(self.ctx, first_run_wizard=not self.demo_requested)
        attach_scheduler(window)
        self.window = window
        window.show()
        self.splash.close()
        if self.demo is not None:
            QTimer.singleShot(0, lambda: self.demo.first_sync(window))

    def _database_failed(self, exc: BaseException, detail: str) -> None:
        self._fatal(str(exc), detail)

    def _fatal(self, text: str, detail: str = "") -> None:
        self.splash.close()
        box = QMessageBox(QMessageBox.Icon.Critical, "TokoDesk", text)
        box.setInformativeText(QApplication.translate("App", "TokoDesk cannot start without its database."))
        if detail:
            box.setDetailedText(detail)
        box.exec()
        QApplication.instance().exit(1)


def _open_database(_jc: Any) -> str | None:
    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database

    open_database()
    row = m.AppSetting.get_or_none(m.AppSetting.key == "language")
    return row.value if row else None


def main() -> int:  # pragma: no cover - convenience for `python -m tokodesk.ui.app`
    return run_gui(sys.argv[1:], demo="--demo" in sys.argv)
