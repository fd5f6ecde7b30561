"""Settings → Language takes effect at once: the open window (tabs, menus, status bar, chips, buttons, headers, an
open dialog) is retranslated through Qt's LanguageChange event, in a demo-like window with a shop and its orders."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def demo_window(qtbot, memory_keyring, sandbox_channel, wait_idle):
    from tokodesk.ui import i18n
    from tokodesk.ui.context import AppContext
    from tokodesk.ui.main_window import MainWindow

    ctx = AppContext(demo=True)  # the demo's window: its data folder is thrown away, so "at the next start" never came
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(ctx)
    qtbot.waitUntil(lambda: window.orders_tab.model.rowCount() > 0, timeout=15000)
    yield window
    window.close()
    ctx.jobs.shutdown()
    i18n.install("en")


def _seen(window, plan) -> dict[str, object]:
    """What a seller reads on screen (texts as painted, not recomputed by the test)."""
    tab = window.orders_tab
    menus = [a.text() for a in window.menuBar().actions()]
    header = tab.view.horizontalHeader()
    return {
        "title": window.windowTitle(),
        "tabs": window.tab_titles(),
        "menus": menus,
        "status": window.activity_label.text(),
        "pack": tab.buttons["pack"].text(),
        "pack_tip": tab.buttons["pack"].toolTip().splitlines()[0],
        "chip": tab.chips["all"].text(),
        "search": tab.search.placeholderText(),
        "courier": tab.courier_filter.itemText(0),
        "shown": tab.empty_label.text(),
        "header": tab.view.model().headerData(header.logicalIndex(2), Qt.Orientation.Horizontal),
        "state": tab.view.model().index(0, 2).data(),
        "inventory_header": window.inventory_tab.model.headerData(0, Qt.Orientation.Horizontal),
        "plan_title": plan.windowTitle(),
        "plan_refresh": plan.refresh_button.text(),
        "plan_header": plan.tree.headerItem().text(0),
    }


def test_language_switch_retranslates_the_open_window_each_time(qtbot, demo_window, wait_idle):
    from tokodesk.store import models as m
    from tokodesk.ui.dispatch_menu import open_plan

    window = demo_window
    plan = open_plan(window)  # a dialog that stays open beside the window
    qtbot.addWidget(plan)
    wait_idle(window.ctx)
    english = _seen(window, plan)
    assert english["tabs"] == ["Channel", "SKU mapping", "Orders", "Inventory", "Returns"]
    assert english["pack"] == "Pack" and english["chip"].startswith("All (")
    assert english["title"] == "TokoDesk — demo shop" and english["status"].endswith("Idle") or english["status"]

    window.set_language("id")
    qtbot.waitUntil(lambda: window.tab_titles()[1] == "Pemetaan SKU", timeout=5000)
    wait_idle(window.ctx)
    indonesian = _seen(window, plan)
    assert indonesian["tabs"] == ["Channel", "Pemetaan SKU", "Pesanan", "Stok", "Pengembalian"]
    assert indonesian["title"] == "TokoDesk — toko demo"
    assert indonesian["menus"][:2] == ["&Berkas", "&Pengaturan"]
    assert indonesian["pack"] == "Kemas" and indonesian["pack_tip"].startswith("Kemas (")
    assert indonesian["chip"].startswith("Semua (") and indonesian["chip"][-3:] == english["chip"][-3:]
    assert indonesian["courier"] == "Semua kurir"
    assert indonesian["search"] != english["search"] and indonesian["shown"] != english["shown"]
    assert indonesian["header"] == "Status" and indonesian["inventory_header"] != english["inventory_header"]
    assert indonesian["state"] != english["state"]
    assert indonesian["plan_title"] != english["plan_title"] and indonesian["plan_refresh"] == "Muat ulang"
    assert indonesian["plan_header"] != english["plan_header"]
    assert m.AppSetting.read("language") == "id", "saved for the next start too"

    window.set_language("en")
    qtbot.waitUntil(lambda: window.tab_titles()[1] == "SKU mapping", timeout=5000)
    wait_idle(window.ctx)
    assert _seen(window, plan) == english
    plan.close()
