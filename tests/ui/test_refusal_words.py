"""Refusals written by the services, seen in the Indonesian window: real refusals, triggered through the widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tokodesk.ui import queries as q


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


@pytest.fixture
def tab(indonesian, open_orders_tab, sandbox_channel):
    return open_orders_tab(sandbox_channel)


def _pks_in_state(tab, state, n):
    rows = [r for r in tab.model.all_rows() if r[q.R_STATE] == state and not r[q.R_UNMAPPED]]
    assert len(rows) >= n
    return [r[q.R_PK] for r in rows[:n]]


def test_packing_an_order_not_accepted_yet_is_refused_in_indonesian(qtbot, tab, ctx, wait_idle):
    pks = _pks_in_state(tab, "new", 1)
    tab.select_pks(pks)
    tab.pack()
    wait_idle(ctx)
    said = tab.banner.label.text()
    assert "Terima pesanan sebelum mengemasnya." in said, said
    assert "Accept the order" not in said
    table = tab.results_dialog.table
    reasons = [table.item(0, c).text() for c in range(table.columnCount())]
    assert "Terima pesanan sebelum mengemasnya." in reasons, reasons


def test_packing_a_packed_order_again_is_refused_in_indonesian(qtbot, tab, ctx, wait_idle):
    pks = _pks_in_state(tab, "new", 1)
    tab.select_pks(pks)
    tab.acknowledge()
    wait_idle(ctx)
    tab.select_pks(pks)
    qtbot.mouseClick(tab.buttons["pack"], Qt.MouseButton.LeftButton)
    wait_idle(ctx)
    tab.select_pks(pks)
    tab.pack()
    wait_idle(ctx)
    said = tab.banner.label.text()
    assert "Sudah dikemas (oleh " in said and "cetak labelnya atau kirim" in said, said
    assert "Already packed" not in said


def test_a_parcel_checked_in_twice_is_refused_in_indonesian(qtbot, indonesian, ctx, wait_idle):
    """The second scan of the same parcel is the "came back already" refusal of services/stock_back.py, in words."""
    from tests.ui.test_returns_tab import click
    from tokodesk.store import models as m
    from tokodesk.ui.returns_tab import ReturnsTab

    channel = m.Channel.create(name="legacy", marketplace="tokopedia", fs_id="1", client_id="c", shop_id="2")
    order = m.Order.create(channel=channel, order_id="55", invoice="INV/55", state="returned",
                           marketplace_status="550", awb="JNE0055001", stock_taken=True, created_at=m.utcnow())
    m.OrderLine.create(order=order, sku="mp-kaos", seller_sku="KAOS-M", quantity=2)
    m.StockItem.create(seller_sku="KAOS-M", on_hand=3)
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    tab = ReturnsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    wait_idle(ctx)
    click(qtbot, tab.scan_button)
    dialog = tab.dialog
    for _ in range(2):
        dialog.code.setText("JNE0055001")
        click(qtbot, dialog.check_button)
        wait_idle(ctx)
    said = dialog.result.text()
    assert said.startswith("pesanan INV/55: KAOS-M sudah kembali sebelumnya (") and "Tidak ada yang diubah" in said, \
        said
    assert "came back" not in said and "Nothing was changed" not in said
    assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-M").on_hand == 5


def test_a_bad_handover_scan_is_refused_in_indonesian_and_logged_in_one_line(qtbot, indonesian, ctx, wait_idle,
                                                                              caplog):
    """The courier's handover scan: a code far too long is a refusal (BadValue), said in Indonesian; the log keeps
    one English line without a traceback."""
    import logging

    from tokodesk.ui.handover_dialog import HandoverDialog

    caplog.set_level(logging.INFO, logger="tokodesk.ui.workers")
    dialog = HandoverDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.courier.setCurrentText("JNE")
    wait_idle(ctx)
    dialog.courier.setCurrentText("JNE")
    dialog.code.setText("X" * 100)
    dialog.scan_entered()
    wait_idle(ctx)
    said = dialog.result.text()
    assert "bukan resi atau kode booking" in said, said
    lines = [r for r in caplog.records if r.name == "tokodesk.ui.workers"]
    assert lines and all(r.levelno == logging.INFO and "Traceback" not in r.getMessage() for r in lines)
    assert "characters long: that is no AWB or booking code" in lines[-1].getMessage()
