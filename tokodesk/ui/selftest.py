"""The Qt part of `tokodesk self-test`: the platform plugin, printers, and (optionally) the main window."""

from __future__ import annotations

import os


def check_qt(open_window: bool = False) -> tuple[bool, str]:
    """Start Qt (offscreen when there is no display) and report the platform and the printers Qt sees."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and os.name == "posix":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtPrintSupport import QPrinterInfo
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["tokodesk-self-test"])
    printers = QPrinterInfo.availablePrinterNames()
    detail = f"PySide6 {pyside_version}, platform {app.platformName()}; printers: {', '.join(printers) or 'none'}"
    if open_window:
        from tokodesk.ui.main_window import MainWindow

        window = MainWindow()
        try:
            window.show()
            app.processEvents()  # self-test only: no event loop runs here, the window must get one paint
            tabs = window.tab_titles()
        finally:
            window.close()
            window.ctx.jobs.shutdown()
        detail += f"; main window opened with tabs {', '.join(tabs)}"
    return True, detail


def check_translations() -> tuple[bool, str]:
    """The compiled Indonesian catalogue is where the app looks for it (bundled, in the frozen app) and loads."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from tokodesk.ui import i18n

    if QApplication.instance() is None:
        QApplication(["tokodesk-self-test"])
    before = i18n.current()
    source = "TokoDesk is opening the database…"
    try:
        if not i18n.install("id"):
            return False, f"the Indonesian catalogue is missing or unreadable: {i18n.catalogue_path('id')}"
        translated = QCoreApplication.translate("App", source)
    finally:
        i18n.install(before)
    if translated == source:
        return False, f"{i18n.catalogue_path('id')} loaded but does not translate the window's strings"
    return True, f"Indonesian loaded from {i18n.catalogue_path('id')} ({source!r} -> {translated!r})"
