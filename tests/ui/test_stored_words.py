"""Stored messages in the window's language: an order's problem, its history and a run's error.

Seen in the Indonesian window: the detail pane's ⚑ line ("Could not accept: …"), the history ("packed; now …",
"status 400 (acknowledged)") and the channel tab's run log ("interrupted: the process ended mid-run") in English,
because the services store English text. They now keep the words beside it; a row stored before keeps its text."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tests.ui.test_database_page import wizard  # noqa: F401 - fixture
from tokodesk.store import models as m


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


def _shown(qtbot, order) -> str:  # noqa: ANN001
    """The order in the detail pane, as the Orders tab shows the order selected."""
    from tokodesk.ui import queries as q
    from tokodesk.ui.order_detail import OrderDetailPane

    pane = OrderDetailPane()
    qtbot.addWidget(pane)
    pane.show_detail(q.order_detail(order.id))
    assert pane.shown_pk == order.id
    return pane.toPlainText()


def test_a_problem_and_the_history_written_by_the_services_are_indonesian(qtbot, indonesian, sandbox, sandbox_channel,
                                                                          open_orders_tab):
    from tokodesk.services.fulfilment import Fulfilment

    new = m.Order.select().where((m.Order.channel == sandbox_channel) & (m.Order.state == "new")).order_by(
        m.Order.id).limit(2)
    refused, accepted = list(new)
    sandbox.faults.force("ack", "error", 50)  # the marketplace fails every try: the order carries a problem
    with Fulfilment(who="kasir@desk1") as fulfilment:
        [result] = fulfilment.acknowledge([refused])
    assert not result.ok
    problem = m.Order.get_by_id(refused.id).problem
    assert problem.startswith(("Could not accept", "Waiting for the marketplace")), problem  # the CLI's English
    sandbox.faults.clear()
    with Fulfilment(who="kasir@desk1") as fulfilment:
        assert fulfilment.acknowledge([accepted])[0].ok
        assert fulfilment.pack([m.Order.get_by_id(accepted.id)])[0].ok
    assert m.OrderEvent.get((m.OrderEvent.order == accepted.id) & (m.OrderEvent.kind == "pack")).detail.startswith(
        "packed; now ")

    text = _shown(qtbot, refused)
    assert ("Tidak bisa menerima" in text or "Menunggu marketplace" in text), text
    assert "Could not accept" not in text and "Waiting for the marketplace" not in text, text
    assert "no answer after" not in text, text  # the marketplace request's own line too
    tab = open_orders_tab(sandbox_channel)  # the queue's ⚑ tooltip says why the order is flagged
    tip = tab.model.problem_text(tab.model.row_of_pk_any(refused.id))
    assert ("Tidak bisa menerima" in tip or "Menunggu marketplace" in tip), tip
    assert "Could not accept" not in tip and "Waiting for the marketplace" not in tip, tip
    text = _shown(qtbot, accepted)
    assert "diterima di marketplace" in text and "dikemas; sekarang" in text, text
    assert "status Baru (kode marketplace" in text or "status Perlu" in text, text
    assert "accepted on the marketplace" not in text and "packed; now" not in text, text


def test_a_row_stored_before_shows_as_it_was(qtbot, sandbox_channel, indonesian):
    order = m.Order.select().where(m.Order.channel == sandbox_channel).order_by(m.Order.id).first()
    # Written by an older TokoDesk: English text, no words beside it.
    m.Order.update(problem="Checked by hand: call the buyer first", problem_words=None).where(
        m.Order.id == order.id).execute()
    m.OrderEvent.create(order=order.id, who="old@desk", kind="note", detail="an old note in English")
    text = _shown(qtbot, order)
    assert "Checked by hand: call the buyer first" in text and "an old note in English" in text


def test_a_run_error_written_by_the_service_is_indonesian_and_an_old_one_as_it_was(qtbot, ctx, sandbox_channel,
                                                                                   wait_idle, indonesian):
    from tokodesk.services import runs
    from tokodesk.ui.main_window import MainWindow

    # A run left "running" by a process that died: the next run of its kind closes it with an error of its own.
    m.SyncRun.create(channel=sandbox_channel.id, kind="orders", status="running", station="desk1")
    m.SyncLease.create(channel=sandbox_channel.id, kind="orders", holder="desk1 pid 1 #gone",
                       expires_at=m.utcnow() - timedelta(minutes=1))
    with runs.sync_run(sandbox_channel, "orders"):
        pass
    closed = m.SyncRun.get((m.SyncRun.kind == "orders") & (m.SyncRun.station == "desk1"))
    assert closed.errors == ["interrupted: the process ended mid-run"]  # the CLI's and the log's English
    m.SyncRun.create(channel=sandbox_channel.id, kind="skus", status="failed", station="old",
                     errors=["an old error in English"])

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    wait_idle(ctx)
    log = window.channel_tab.log
    errors = [log.topLevelItem(i).child(j).text(2) for i in range(log.topLevelItemCount())
              for j in range(log.topLevelItem(i).childCount())]
    assert "terputus: prosesnya berhenti di tengah jalan" in errors, errors
    assert "interrupted: the process ended mid-run" not in errors
    assert "an old error in English" in errors
    window.close()


def test_the_database_page_says_the_station_s_words_in_indonesian(qtbot, indonesian, wizard, pg_url):  # noqa: F811
    """station.py's answers (a test that worked, a database that is not there) were English in the Indonesian
    wizard; the CLI keeps the English."""
    from tests.ui.test_database_page import _fill, _test
    from tokodesk import station

    page = wizard.database_page
    _fill(page, pg_url)
    text = _test(qtbot, page)
    assert text.startswith("Terhubung ke PostgreSQL") and "Connected to" not in text, text
    _fill(page, pg_url, database="tidak_ada_db")
    text = _test(qtbot, page)
    assert "Server tidak punya database tidak_ada_db" in text and "has no database" not in text, text
    with pytest.raises(station.StationError, match="^Fill in: Host, Database, User$"):
        station.save(station.DatabaseSetting(kind=station.POSTGRESQL, host="", database="", user=""))


def test_an_address_in_clear_is_refused_in_indonesian(indonesian):
    from tokodesk.marketplace.endpoints import InsecureEndpoint, check_endpoint
    from tokodesk.ui.messages import describe

    with pytest.raises(InsecureEndpoint) as caught:
        check_endpoint("http://fs.example.com", "the API address")
    assert str(caught.value).startswith("The API address 'http://fs.example.com' uses plain http to fs.example.com")
    text = describe(caught.value)
    assert text.startswith("Alamat API 'http://fs.example.com' memakai http biasa ke fs.example.com"), text
    assert text.endswith("seperti sandbox bawaan."), text


def test_a_return_s_problem_is_indonesian_when_the_returns_tab_opens_again(qtbot, ctx, indonesian, sb, shop_channel,  # noqa: F811
                                                                           wait_idle):
    from tests.integration.test_returns_sandbox import ask, delivered
    from tests.ui.test_returns_tab import cell
    from tokodesk.ui.returns_tab import COL_RESULT, ReturnsTab

    def open_tab() -> ReturnsTab:
        ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
        ctx.channel_id = shop_channel.id
        tab = ReturnsTab(ctx)
        qtbot.addWidget(tab)
        tab.show()
        wait_idle(ctx)
        return tab

    sb.dialect.returns_book.rate = 0.0
    (first,) = ask(sb, delivered(sb, 1))
    tab = open_tab()
    qtbot.mouseClick(tab.sync_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    tab.select_return(first.return_id)
    wait_idle(ctx)
    sb.faults.force("return_approve", "error", 50)  # the marketplace fails every try
    qtbot.mouseClick(tab.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    problem = m.Return.get(m.Return.return_id == first.return_id).problem
    assert problem.startswith(("Could not approve the return", "Waiting for the marketplace")), problem
    tab.close()

    text = cell(open_tab(), first.return_id, COL_RESULT)  # read back from the database
    assert text.startswith(("Tidak bisa menyetujui pengembalian", "Menunggu marketplace")), text


def test_the_sync_health_says_a_run_s_own_error_in_indonesian(sandbox_channel, indonesian):
    """The status bar's reason for a failing pull: a run a dead process left open is closed with TokoDesk's words."""
    from tokodesk.services import runs
    from tokodesk.ui import queries as q
    from tokodesk.ui.sync_health import describe_health

    m.SyncRun.create(channel=sandbox_channel.id, kind="orders", status="running", station="desk1")
    m.SyncLease.create(channel=sandbox_channel.id, kind="orders", holder="desk1 pid 1 #gone",
                       expires_at=m.utcnow() - timedelta(minutes=1))
    runs.release_lease(sandbox_channel, "orders", runs.acquire_lease(sandbox_channel, "orders"))
    [health] = q.sync_health([sandbox_channel.id])
    assert health.reason == "interrupted: the process ended mid-run"
    text = describe_health(health)
    assert "terputus: prosesnya berhenti di tengah jalan" in text and "interrupted" not in text, text
