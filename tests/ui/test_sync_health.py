"""Issue 14 §4: the seller knows when the data is stale.

Seen: with the network down the Orders tab still said "Idle"; the failed pull showed only in the Channel tab's log.
Now the Orders tab and the status bar say when orders were last pulled (WIB), and a failed or overdue pull turns that
into a warning: offline or failed, since when, the reason in words, Retry.
"""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture


@pytest.fixture
def window(qtbot, ctx, sandbox_channel, wait_idle):
    from tokodesk.store import models as m
    from tokodesk.ui.main_window import MainWindow

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = sandbox_channel.id
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    wait_idle(ctx)
    yield win
    win.close()


def _closed_port() -> int:
    """A loopback port nobody listens on: the network is down as far as the client can tell."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _last_ok_wib(channel_id):
    from tokodesk.services import runs
    from tokodesk.store import models as m
    from tokodesk.ui.formatting import to_wib

    run = runs.last_run(m.Channel.get_by_id(channel_id), "orders", statuses=("ok", "partial"))
    assert run is not None, "the fixture pulled the orders once"
    return to_wib(run.finished_at).strftime("%H:%M WIB")


def _refresh(qtbot, window, ctx, wait_idle):
    window.orders_tab.health.refresh()
    wait_idle(ctx)


def test_the_queue_and_the_status_bar_say_when_orders_were_pulled(qtbot, window, ctx, wait_idle, sandbox_channel):
    tab = window.orders_tab
    when = _last_ok_wib(sandbox_channel.id)
    qtbot.waitUntil(lambda: when in tab.health_line.text(), timeout=10000)
    assert tab.health_line.text().startswith("Orders pulled ")
    assert not tab.health_line.warning and not tab.health_line.retry_button.isVisible()
    assert when in window.sync_health.text(), "the status bar says it too, whichever tab is open"


def test_a_pull_with_the_network_down_turns_into_a_warning_with_retry(qtbot, window, ctx, wait_idle,
                                                                      sandbox_channel, sandbox):
    from tokodesk.store import models as m
    from tokodesk.ui.sync import start_sync

    tab = window.orders_tab
    last = _last_ok_wib(sandbox_channel.id)
    height = tab.health_line.sizeHint().height()
    port = _closed_port()
    m.Channel.update(api_base=f"http://127.0.0.1:{port}", auth_url=f"http://127.0.0.1:{port}").where(
        m.Channel.id == sandbox_channel.id).execute()

    start_sync(ctx, "orders")  # what the scheduler does every few minutes
    wait_idle(ctx, timeout=60000)
    _refresh(qtbot, window, ctx, wait_idle)

    text = tab.health_line.text()
    assert tab.health_line.warning, text
    assert text.startswith("⚠ Offline since "), text
    assert "WIB" in text.split(":", 1)[0] + text, "since when, in WIB"
    assert "Cannot reach" in text or "could not be reached" in text, "the reason, in words"
    assert f"Orders last pulled {last}." in text
    assert tab.health_line.retry_button.isVisible()
    assert window.sync_health.warning and window.sync_health.text().startswith("⚠ Offline since ")
    assert window.sync_health.retry_button.isVisible()
    assert abs(tab.health_line.sizeHint().height() - height) <= 4, "the queue does not jump when a pull fails"

    # The network is back: Retry pulls now and the warning goes.
    m.Channel.update(api_base=sandbox.url, auth_url=sandbox.url).where(m.Channel.id == sandbox_channel.id).execute()
    qtbot.mouseClick(tab.health_line.retry_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, timeout=60000)
    qtbot.waitUntil(lambda: not tab.health_line.warning, timeout=10000)
    assert tab.health_line.text().startswith("Orders pulled ")
    assert not window.sync_health.retry_button.isVisible()


def test_a_pull_not_run_for_too_long_is_overdue(qtbot, window, ctx, wait_idle, sandbox_channel):
    from tokodesk.store import models as m

    for run in m.SyncRun.select():
        run.started_at -= timedelta(hours=3)
        run.finished_at = (run.finished_at or run.started_at) - timedelta(hours=3)
        run.save()
    _refresh(qtbot, window, ctx, wait_idle)
    line = window.orders_tab.health_line
    assert line.warning
    assert "Orders not pulled since " in line.text() and "(due every 5 min)" in line.text()
    assert line.retry_button.isVisible()


def test_a_new_channel_that_never_pulled_is_not_offline(ctx, database):
    from tokodesk.store import models as m
    from tokodesk.ui import queries as q

    channel = m.Channel.create(name="Baru", marketplace="tiktokshop")
    [health] = q.sync_health([channel.id])
    assert not health.warning and health.last_ok is None
    later = m.utcnow() + timedelta(hours=1)
    [health] = q.sync_health([channel.id], now=later)
    assert health.overdue, "an hour on, a channel whose first pull never happened is a warning"


def test_tokopedia_and_shop_offline_says_so_too(qtbot, ctx, wait_idle, request, sb):  # noqa: F811
    """The live dialect: its client words an unreachable API differently; the warning still says offline."""
    from tokodesk.store import models as m
    from tokodesk.ui.main_window import MainWindow
    from tokodesk.ui.sync import start_sync

    channel = request.getfixturevalue("shop_channel")
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(ctx)
    port = _closed_port()
    m.Channel.update(api_base=f"http://127.0.0.1:{port}").where(m.Channel.id == channel.id).execute()
    start_sync(ctx, "orders")
    wait_idle(ctx, timeout=90000)
    _refresh(qtbot, window, ctx, wait_idle)
    line = window.orders_tab.health_line
    assert line.warning and line.text().startswith("⚠ Offline since "), line.text()
    assert "could not be reached" in line.text() or "Cannot reach" in line.text()
    assert line.retry_button.isVisible()
    window.close()
