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
