"""Today's dispatch plan from the Orders tab (issue 18.1): groups by courier and cut-off with a countdown, late and
due-within-2-h said in words and colour, the countdown moving with the clock."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from tests.unit.test_dispatch_plan import LATE_EVENING, _shop
from tokodesk.store import models as m
from tokodesk.ui.dispatch_plan import LATE_COLOUR, SOON_COLOUR


def _texts(item) -> list[str]:  # noqa: ANN001
    return [item.text(c) for c in range(5)]


def test_the_plan_opens_from_the_orders_tab(qtbot, ctx, database, open_orders_tab, wait_idle, monkeypatch):
    _shop(database)
    clock = {"now": LATE_EVENING}
    monkeypatch.setattr(m, "utcnow", lambda: clock["now"])
    tab = open_orders_tab(m.Channel.get(m.Channel.name == "Lama"))
    ctx.channel_id = None  # every channel's parcels: the courier takes them all
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    dialog = tab.dispatch_plan_dialog
    qtbot.waitUntil(lambda: dialog.groups != [], timeout=10000)
    wait_idle(ctx)
    tree = dialog.tree
    assert tree.topLevelItemCount() == 3
    sicepat, jne, gosend = (tree.topLevelItem(i) for i in range(3))
    assert _texts(sicepat) == ["SiCepat — 3 order(s)", "", "ship by 07/12 19:00 WIB", "4 h 30 min ago", "LATE"]
    assert _texts(jne)[:2] == ["JNE — 2 order(s)", ""] and jne.text(2) == "cut-off 07/12 23:00 WIB"
    assert _texts(gosend)[3:] == ["0 h 20 min", "due within 2 h"]
    assert [jne.child(i).text(0) for i in range(jne.childCount())] == ["INV/T2", "INV/T1"]
    assert jne.child(0).text(1) == "Packed" and jne.child(0).text(4) == "due within 2 h"
    assert sicepat.foreground(4).color() == LATE_COLOUR and gosend.foreground(3).color() == SOON_COLOUR
    assert dialog.summary.text() == "6 order(s) to ship today: 2 late, 4 due within 2 h"
    # Twenty-five minutes later, without a reload, GoSend's countdown has run out.
    clock["now"] = LATE_EVENING + timedelta(minutes=25)
    dialog.show_plan()
    gosend = tree.topLevelItem(2)
    assert _texts(gosend)[3:] == ["0 h 05 min ago", "LATE"] and gosend.foreground(4).color() == LATE_COLOUR
    assert dialog.summary.text().endswith("5 late, 1 due within 2 h")  # L2 (16:59 UTC) is not late yet


def test_an_empty_day_says_so(qtbot, ctx, database, open_orders_tab, wait_idle, monkeypatch):
    channel = m.Channel.create(name="Toko")
    monkeypatch.setattr(m, "utcnow", lambda: datetime(2026, 12, 7, 5))
    tab = open_orders_tab(channel)
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    dialog = tab.dispatch_plan_dialog
    qtbot.waitUntil(lambda: dialog.summary.text() != "", timeout=10000)
    assert dialog.summary.text() == "Nothing left to ship today." and dialog.tree.topLevelItemCount() == 0
