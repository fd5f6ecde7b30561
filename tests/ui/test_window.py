"""The main window opens with its four tabs and says plainly what an empty install holds."""

from __future__ import annotations

import pytest


def test_main_window_has_the_four_tabs(window):
    assert window.tab_titles() == ["Channel", "SKU mapping", "Orders", "Inventory", "Returns"]
    assert window.activity_label.text() == "Idle"


def test_empty_install_explains_what_to_do(window):
    assert window.ctx.channel_id is None
    assert "Add channel" in window.channel_tab.empty.text()
    assert "No channel yet" in window.orders_tab.empty_label.text()


def test_opening_the_window_reads_the_shown_channels_queue_once(qtbot, ctx, wait_idle, monkeypatch):
    """Each tab loads the channel the window shows, once: not every channel's orders first and then this one's."""
    from tokodesk.store import models as m
    from tokodesk.ui import queries
    from tokodesk.ui.main_window import MainWindow

    other = m.Channel.create(name="B toko")
    shown = m.Channel.create(name="A toko")
    for channel, n in ((shown, 3), (other, 2)):
        for i in range(n):
            m.Order.create(channel=channel, order_id=f"{channel.id}{i}", state="new", marketplace_status="220",
                           created_at=m.utcnow())
    reads = []
    real = queries.order_rows
    monkeypatch.setattr(queries, "order_rows",
                        lambda cid, pks=None, **part: reads.append((cid, pks, part.get("other_states", False)))
                        or real(cid, pks, **part))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    wait_idle(ctx)
    assert ctx.channel_id == shown.id  # the first channel by name
    assert reads == [(shown.id, None, False), (shown.id, None, True)]  # its To-do orders, then the others
    assert win.orders_tab.model.rowCount() == 3
    win.close()


@pytest.mark.system
def test_the_language_choice_is_saved_on_a_shared_postgresql_database(qtbot, qapp, pg_url, wait_idle):
    """Stations on PostgreSQL saved the language (and the printer profile) with an SQLite-only statement."""
    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database
    from tokodesk.ui.context import AppContext
    from tokodesk.ui.main_window import MainWindow

    open_database(pg_url)
    ctx = AppContext()
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    wait_idle(ctx)
    errors: list[str] = []
    ctx.jobs.changed.connect(lambda: errors.extend(j.detail for j in ctx.jobs.jobs() if j.state == "failed"))
    win.set_language("id")
    wait_idle(ctx)
    win.set_language("en")
    wait_idle(ctx)
    assert m.AppSetting.read("language") == "en"
    ctx.jobs.shutdown()
