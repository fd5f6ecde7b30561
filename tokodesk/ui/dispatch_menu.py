"""The main window's Dispatch menu: the handover scan, today's dispatch plan, the shop's health."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow


def install(window: QMainWindow) -> None:
    """Add the menu to the window (`window.ctx` is its AppContext); the dialogs open on demand, one of each."""
    menu = window.menuBar().addMenu(QCoreApplication.translate("DispatchMenu", "&Dispatch"))
    handover = menu.addAction(QCoreApplication.translate("DispatchMenu", "Handover scan…"))
    handover.triggered.connect(lambda: open_handover(window))
    plan = menu.addAction(QCoreApplication.translate("DispatchMenu", "Today's dispatch plan…"))
    plan.triggered.connect(lambda: open_plan(window))
    health = menu.addAction(QCoreApplication.translate("DispatchMenu", "Shop health…"))
    health.triggered.connect(lambda: open_health(window))
    window.dispatch_menu = menu


def open_plan(window: QMainWindow) -> object:
    from tokodesk.ui.dispatch_plan import open_plan as show

    return show(window, window.ctx)


def open_health(window: QMainWindow) -> object:
    from tokodesk.ui.health_dialog import open_health as show

    return show(window)


def open_handover(window: QMainWindow) -> object:
    from tokodesk.ui.handover_dialog import HandoverDialog

    dialog = getattr(window, "handover_dialog", None)
    if dialog is None:
        dialog = HandoverDialog(window.ctx, window)
        window.handover_dialog = dialog
    else:
        dialog.load_couriers()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
