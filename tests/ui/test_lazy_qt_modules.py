"""Issue 19 (the window within 300 MB): opening the main window loads neither Qt Multimedia (FFmpeg, and Qt Quick,
Qml and Network with it) nor QtCharts (and Qt's OpenGL libraries with it): about 20 MB and some start time that a
packer who never opens Payouts, the shop's health nor the packing camera should not pay. Each loads when first used,
and then shows what it showed before: the Payouts tab its weekly chart, the health dialog its chart, the packing
video settings the cameras and why nothing is filmed.

A fresh interpreter each time (a module loaded by another test in this process would hide a regression), offscreen,
on an empty data folder, the real window and its real menus."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.doubles import env_keyring

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtCharts")

CHILD = r"""
import json, sys, time
from PySide6.QtWidgets import QApplication

from tokodesk.store import models as m
from tokodesk.store.connection import open_database
from tokodesk.ui.context import AppContext
from tokodesk.ui.main_window import MainWindow

HEAVY = ("PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtCharts")
app = QApplication(["test"])
open_database()
window = MainWindow(AppContext())
window.show()
seen = {}


def settle(condition=lambda: True, seconds=60):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if condition() and not window.ctx.jobs.busy():
            return
        time.sleep(0.01)
    raise SystemExit("timed out waiting for the window")


def loaded():
    return [name for name in HEAVY if name in sys.modules]


def action(menu, text):
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


settle(lambda: window.orders_tab.loaded)
seen["window"] = loaded()

# A Tokopedia & Shop channel, as the wizard leaves it: the Payouts tab appears; the seller opens it.
m.Channel.create(name="Toko", marketplace="tiktokshop")
window.ctx.channels_changed.emit()
settle()
seen["channel"] = loaded()
tab = window.payouts_tab
seen["payouts_tab_placed"] = window.tabs.indexOf(tab) >= 0
window.tabs.setCurrentWidget(tab)
settle(lambda: tab.loaded)
seen["payouts"] = loaded()
tab.views.setCurrentIndex(next(i for i in range(tab.views.count()) if tab.views.tabText(i) == "Weeks and fees"))
settle()
chart = tab.chart
seen["payouts_chart"] = [type(chart).__name__ if chart is not None else None,
                         chart is not None and chart.isVisible() and chart.chart().title()]

action(window.dispatch_menu, "Shop health…").trigger()
dialog = window.health_dialog
settle(lambda: dialog.view is not None)
seen["health_chart"] = [type(dialog.chart_view).__name__, dialog.chart_view.isVisible(),
                        len(dialog.chart.series())]

settings = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Settings")
seen["before_video_settings"] = loaded()
action(settings, "Packing video…").trigger()
settle(lambda: getattr(window, "video_settings", None) is not None)
seen["video_settings"] = loaded()
seen["video_status"] = window.video_settings.status.text()
seen["cameras"] = [window.video_settings.camera.itemText(i) for i in range(window.video_settings.camera.count())]
print(json.dumps(seen))
window.close()
window.ctx.jobs.shutdown()
"""


def test_the_window_opens_without_qt_multimedia_and_qtcharts_and_loads_each_when_first_used(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TOKODESK_HOME=str(tmp_path / "empty-home"),
               PYTHONPATH=str(ROOT), **env_keyring({}))
    env.pop("TOKODESK_DB", None)
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd=str(ROOT), capture_output=True, text=True,
                          timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    assert seen["window"] == [], "the window opened on an empty data folder loads none of them"
    assert seen["channel"] == [], "a channel chosen: still none (the Payouts tab is placed, not shown)"
    assert seen["payouts_tab_placed"]
    assert seen["payouts"] == ["PySide6.QtCharts"], "the Payouts tab opened: QtCharts, and not Qt Multimedia"
    kind, title = seen["payouts_chart"]
    assert kind == "WeeklyChart" and title == "Nothing settled yet: sync payouts to see the weeks."
    kind, visible, series = seen["health_chart"]
    assert kind == "QChartView" and visible and series == 2, "the health dialog shows its chart (bars and the 4 % line)"
    assert seen["before_video_settings"] == ["PySide6.QtCharts"], "Qt Multimedia waits for the camera"
    assert "PySide6.QtMultimedia" in seen["video_settings"], "the settings list the cameras: Qt Multimedia loads"
    assert seen["video_status"].startswith("No camera is chosen"), seen["video_status"]
    assert seen["cameras"][0] == "None: do not film"
