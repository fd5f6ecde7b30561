"""The marketplace adapters' own errors in the Indonesian window; the command line keeps the English.

Seen in the Indonesian window: the wizard's connection test ("The marketplace refused: Tokopedia did not accept the
client ID or client secret …"), the sync warning ("… is not a valid URL: fix the channel's API address.") and a
batch's results ("The answer to 'accept order 123' was lost …") in English, because the adapters raised English
f-strings. They now raise marked words (`said(QT_TRANSLATE_NOOP("Marketplace", …))`), which the window translates.
"""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tests.ui.test_printing import orders_tab  # noqa: F401 - fixture
from tests.ui.test_wizard import _fill_tokopedia
from tokodesk.store import models as m
from tokodesk.ui import queries as q


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


@pytest.fixture
def wizard(qtbot, ctx):
    from tokodesk.ui.wizard import ChannelWizard

    wiz = ChannelWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def _test_result(qtbot, page) -> str:  # noqa: ANN001
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_button.isEnabled() and page.test_result.text() not in ("Testing…", "Menguji…"),
                    timeout=30000)
    return page.test_result.text()


def test_a_wrong_client_secret_in_the_wizard_is_said_in_indonesian(qtbot, indonesian, wizard, sandbox):
    wizard.marketplace_page.legacy.setChecked(True)
    wizard.next()
    page = wizard.credentials_page
    _fill_tokopedia(page, sandbox, secret="not-the-secret")
    text = _test_result(qtbot, page)
    assert page.tested is None
    assert "Tokopedia tidak menerima client ID atau client secret" in text, text
    assert "Salin keduanya lagi dari Tokopedia Developer Console." in text, text
    assert "did not accept" not in text and "Copy both" not in text, text
    assert "not-the-secret" not in text


def test_a_sign_in_address_that_is_no_url_in_the_wizard_is_said_in_indonesian(qtbot, indonesian, wizard, sandbox):
    wizard.marketplace_page.legacy.setChecked(True)
    wizard.next()
    page = wizard.credentials_page
    _fill_tokopedia(page, sandbox)
    page.auth_url.setText("http://127.0.0.1:99999")  # a port no URL can have
    text = _test_result(qtbot, page)
    assert "Alamat masuk 'http://127.0.0.1:99999' bukan URL yang valid: perbaiki auth URL channel." in text, text
    assert "is not a valid URL" not in text, text


def test_the_cli_says_a_wrong_client_secret_in_english(sandbox_channel, monkeypatch, capsys, tmp_path):
    from tokodesk import credentials
    from tokodesk.cli import main

    monkeypatch.setenv("TOKODESK_DB", f"sqlite:///{tmp_path / 'test.db'}")  # the database the fixture filled
    monkeypatch.setenv("TOKODESK_LANG", "id")
    credentials.set_secret(sandbox_channel.name, "client_secret", "not-the-secret")
    credentials.delete_secret(sandbox_channel.name, "token")  # no token kept from the fixture's pulls
    assert main(["channel", "test", sandbox_channel.name]) != 0
    out = capsys.readouterr()
    said = out.out + out.err
    assert "Tokopedia did not accept the client ID or client secret (wrong client ID or secret). Copy both again " \
           "from the Tokopedia Developer Console." in said, said
    assert "tidak menerima" not in said


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def window(qtbot, ctx, sandbox_channel, wait_idle):
    from tokodesk.ui.main_window import MainWindow

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = sandbox_channel.id
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    wait_idle(ctx)
    yield win
    win.close()


def test_an_api_address_that_is_no_url_in_the_sync_warning_is_said_in_indonesian(qtbot, indonesian, window, ctx,
                                                                                  wait_idle, sandbox_channel):
    from tokodesk.ui.sync import start_sync

    m.Channel.update(api_base="http://127.0.0.1:99999").where(m.Channel.id == sandbox_channel.id).execute()
    start_sync(ctx, "orders")  # what the scheduler does every few minutes
    wait_idle(ctx, timeout=60000)
    window.orders_tab.health.refresh()
    wait_idle(ctx)
    text = window.orders_tab.health_line.text()
    assert window.orders_tab.health_line.warning, text
    assert "Alamat API 'http://127.0.0.1:99999' bukan URL yang valid: perbaiki alamat API channel." in text, text
    assert "is not a valid URL" not in text and "fix the channel" not in text, text
    run = m.SyncRun.select().where(m.SyncRun.status == "failed").order_by(m.SyncRun.id.desc()).first()
    assert any("The API address 'http://127.0.0.1:99999' is not a valid URL" in e for e in run.errors), \
        "the run log (the CLI, a support engineer) keeps the English"


def test_an_unreachable_api_in_the_sync_warning_is_said_in_indonesian(qtbot, indonesian, window, ctx, wait_idle,
                                                                      sandbox_channel):
    from tokodesk.ui.sync import start_sync

    port = _closed_port()
    m.Channel.update(api_base=f"http://127.0.0.1:{port}").where(m.Channel.id == sandbox_channel.id).execute()
    start_sync(ctx, "orders")
    wait_idle(ctx, timeout=60000)
    window.orders_tab.health.refresh()
    wait_idle(ctx)
    text = window.orders_tab.health_line.text()
    assert f"Tokopedia di 127.0.0.1:{port} tidak bisa dihubungi: koneksi ditolak." in text, text
    assert "Cannot reach" not in text and "connection was refused" not in text, text


def test_a_lost_answer_in_a_batch_s_results_is_said_in_indonesian(qtbot, indonesian, open_orders_tab,
                                                                 sandbox_channel, sandbox, ctx, wait_idle):
    queue = open_orders_tab(sandbox_channel)
    [row] = [r for r in queue.model.all_rows() if r[q.R_STATE] == "new" and not r[q.R_UNMAPPED]][:1]
    order_id = m.Order.get_by_id(row[q.R_PK]).order_id
    sandbox.faults.force("ack", "lost")  # accepted, but the answer never comes back
    sandbox.faults.force("order_detail", "error", 50)  # and the order cannot be read to find out
    queue.select_pks([row[q.R_PK]])
    queue.acknowledge()
    wait_idle(ctx, timeout=90000)
    sandbox.faults.clear()
    table = queue.results_dialog.table
    cells = " ".join(table.item(0, c).text() for c in range(table.columnCount()))
    assert f"Jawaban untuk 'menerima pesanan {order_id}' hilang (koneksi terputus). Tokopedia mungkin sudah atau " \
           "belum melakukannya" in cells, cells
    assert "was lost" not in cells and "may or may not" not in cells and "accept order" not in cells, cells
    assert "Layanan Tokopedia sedang gangguan" in cells, cells  # why reading the order failed, in words too
    problem = m.Order.get_by_id(row[q.R_PK]).problem
    assert f"The answer to 'accept order {order_id}' was lost (the connection was dropped)." in problem, \
        "the order's stored problem (the CLI, the exports) keeps the English"


# ---- Tokopedia & Shop ---------------------------------------------------------------------------------------------

def _shop_window(qtbot, ctx, wait_idle, channel):  # noqa: ANN001, ANN202
    from tokodesk.ui.main_window import MainWindow

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    wait_idle(ctx)
    return win


def test_tokopedia_and_shop_offline_is_said_in_indonesian(qtbot, indonesian, ctx, wait_idle, request, sb):  # noqa: F811
    from tokodesk.ui.sync import start_sync

    channel = request.getfixturevalue("shop_channel")
    window = _shop_window(qtbot, ctx, wait_idle, channel)
    m.Channel.update(api_base=f"http://127.0.0.1:{_closed_port()}").where(m.Channel.id == channel.id).execute()
    start_sync(ctx, "orders")
    wait_idle(ctx, timeout=90000)
    window.orders_tab.health.refresh()
    wait_idle(ctx)
    text = window.orders_tab.health_line.text()
    window.close()
    assert "Tokopedia & Shop tidak bisa dihubungi untuk 'pencarian pesanan' (ConnectionError). Periksa koneksi " \
           "internet lalu coba lagi." in text, text
    assert "order search" not in text and "could not be reached" not in text, text


def _orders_unreadable_after_a_cancel(sb) -> None:  # noqa: ANN001, F811
    from tokodesk.sandbox.server import Response

    original, sent = sb.dialect.handle, []

    def handle(method, path, query, headers, body):  # noqa: ANN001, ANN202
        if method == "POST" and path.rstrip("/").endswith("/cancellations"):
            sent.append(path)
        elif sent and method == "GET" and path.rstrip("/").endswith("/orders"):
            return Response.json(500, {"message": "down"})  # no envelope: "no readable answer"
        return original(method, path, query, headers, body)

    sb.dialect.handle = handle


def test_a_lost_cancellation_of_tokopedia_and_shop_is_said_in_indonesian(qtbot, indonesian, ctx, wait_idle, request,
                                                                         sb, open_orders_tab):  # noqa: F811
    from tests.ui.test_orders_tts_cancel import open_cancel, pks

    sb.dialect.unpaid_seconds = 3 * 86400  # the shop has unpaid orders at the pull
    channel = request.getfixturevalue("shop_channel")
    queue = open_orders_tab(channel)
    queue.set_chip("waiting")
    [pk] = pks(queue, "UNPAID")[:1]
    order_id = m.Order.get_by_id(pk).order_id
    dialog = open_cancel(qtbot, queue, [pk])
    dialog.reason.setCurrentIndex(0)
    sb.faults.force("cancel", "lost")  # cancelled, but the answer never comes back
    _orders_unreadable_after_a_cancel(sb)  # and the order cannot be read to find out
    dialog.accept()
    wait_idle(ctx, timeout=90000)
    sb.faults.clear()
    table = queue.results_dialog.table
    cells = " ".join(table.item(0, c).text() for c in range(table.columnCount()))
    assert f"Jawaban Tokopedia & Shop untuk 'membatalkan pesanan {order_id}' hilang (" in cells, cells
    assert "Belum diketahui apakah sudah berlaku" in cells, cells
    assert "menjawab 'rincian pesanan' dengan HTTP 500 tanpa jawaban yang bisa dibaca" in cells, cells
    assert "was lost" not in cells and "cancel order" not in cells and "order detail" not in cells, cells
    problem = m.Order.get_by_id(pk).problem
    assert f"The answer of Tokopedia & Shop to 'cancel order {order_id}' was lost (" in problem, \
        "the order's stored problem (the CLI, the exports) keeps the English"


def test_a_label_printed_but_refused_by_the_marketplace_says_why_in_indonesian(qtbot, indonesian, ctx, wait_idle,
                                                                               sandbox, request, tmp_path):
    from tests.ui.test_printing import _acknowledged, _print_to_pdf
    from tokodesk.sandbox.shop import Status
    from tokodesk.ui.orders_model import COL_FLAG

    queue = request.getfixturevalue("orders_tab")
    gone = _acknowledged(queue, ctx, wait_idle)[0]
    sandbox.force_status(int(m.Order.get_by_id(gone).order_id), Status.BUYER_CANCELLED)  # meanwhile, on Tokopedia
    _print_to_pdf(qtbot, queue, ctx, wait_idle, tmp_path / "labels.pdf")
    model = queue.model
    tip = model.data(model.index(model.row_of_pk(gone), COL_FLAG), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Tercetak, tetapi Tokopedia belum diberi tahu: Tokopedia tidak menemukan data untuk "
                          "permintaan ini"), tip  # the marketplace's refusal (ORD_API_008) in words too
    assert "found no data" not in tip and "Sync the orders" not in tip, tip


def _products_with_a_draft(sb) -> None:  # noqa: ANN001, F811
    """Get Product answers that the product has an unfinished draft in Seller Center (an edit would merge with it)."""
    import json

    from tokodesk.sandbox.server import Response

    original = sb.dialect.handle

    def handle(method, path, query, headers, body):  # noqa: ANN001, ANN202
        answer = original(method, path, query, headers, body)
        if method == "GET" and path.startswith("/product/202309/products/") and path.count("/") == 4:
            payload = json.loads(answer.body)
            payload["data"]["has_draft"] = True
            return Response.json(answer.status, payload, answer.headers)
        return answer

    sb.dialect.handle = handle


def test_a_code_change_the_marketplace_cannot_take_says_why_in_indonesian(qtbot, indonesian, ctx, wait_idle,
                                                                          sb, request):  # noqa: F811
    """A catalogue row's outcome (the adapter's words, kept as the edit's message) in the push's banner."""
    from tests.integration.test_catalog_codes import multi_sku_listing
    from tests.ui.test_catalog_edits import select_product
    from tokodesk.ui.mapping_tab import MappingTab

    channel = request.getfixturevalue("shop_channel")
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    mapping_tab = MappingTab(ctx)
    qtbot.addWidget(mapping_tab)
    mapping_tab.show()
    wait_idle(ctx)
    _mapping, product, _others = multi_sku_listing(channel)
    select_product(mapping_tab, product.product_id)
    qtbot.mouseClick(mapping_tab.catalog.edit_button, Qt.MouseButton.LeftButton)
    mapping_tab.catalog.dialog.code.setText("KODE-BARU-1")
    qtbot.mouseClick(mapping_tab.catalog.dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    _products_with_a_draft(sb)
    qtbot.mouseClick(mapping_tab.catalog.push_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(mapping_tab.catalog.dialog.push_button, Qt.MouseButton.LeftButton)
    wait_idle(ctx, 30000)
    shown = f"{mapping_tab.banner.label.text()}\n{mapping_tab.banner._details}"  # the banner and its Details…
    assert "produk punya draf yang belum selesai di Seller Center (perubahan akan tergabung dengannya): " \
           "selesaikan atau hapus draf itu di sana dulu; tidak ada yang dikirim" in shown, shown
    assert "unfinished draft" not in shown and "nothing was sent" not in shown, shown
    edit = m.CatalogEdit.select().order_by(m.CatalogEdit.id.desc()).first()
    assert edit.message.startswith("the product has an unfinished draft in Seller Center"), \
        "the stored message (the CLI, a support engineer) keeps the English"


def test_a_lost_answer_s_problem_in_the_queue_has_one_full_stop(qtbot, open_orders_tab, sandbox_channel, sandbox):
    """The adapter's words end with a full stop and so did the template's place for them: "… in a few minutes..
    TokoDesk checks again …" in the queue's ⚑ tooltip (both languages), the detail pane and the CLI's English."""
    from tokodesk.services.fulfilment import Fulfilment
    from tokodesk.ui import i18n

    queue = open_orders_tab(sandbox_channel)
    [row] = [r for r in queue.model.all_rows() if r[q.R_STATE] == "new" and not r[q.R_UNMAPPED]][:1]
    sandbox.faults.force("ack", "lost")  # accepted, but the answer never comes back
    sandbox.faults.force("order_detail", "error", 50)  # and the order cannot be read to find out
    with Fulfilment(who="kasir@desk1") as fulfilment:
        [result] = fulfilment.acknowledge([m.Order.get_by_id(row[q.R_PK])])
    sandbox.faults.clear()
    assert result.pending and not result.ok
    problem = m.Order.get_by_id(row[q.R_PK]).problem  # what the CLI prints and the exports keep
    assert problem.startswith("Waiting for the marketplace: the marketplace's answer was lost"), problem
    assert problem.endswith("Try again in a few minutes. TokoDesk checks again on the next start or sync."), problem
    queue = open_orders_tab(sandbox_channel)  # the queue as it is opened next
    row = queue.model.row_of_pk_any(row[q.R_PK])
    english = queue.model.problem_text(row)
    assert "Try again in a few minutes. TokoDesk checks again on the next start or sync." in english, english
    assert ".." not in english, english
    assert i18n.install("id")
    try:
        shown = queue.model.problem_text(row)
    finally:
        i18n.install("en")
    assert "Menunggu marketplace: " in shown and "Jawaban untuk" in shown, shown
    assert ". TokoDesk memeriksa lagi saat dibuka berikutnya" in shown, shown
    assert ".." not in shown, shown
