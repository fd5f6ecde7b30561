"""Print preview opens over the reportlab PDF and prints to a PDF file printer at the label's true size."""

from __future__ import annotations

import re

import pytest

from tokodesk.ui import queries as q


@pytest.fixture
def orders_tab(qtbot, ctx, sandbox_channel, wait_idle):
    from tokodesk.store import models as m
    from tokodesk.ui.orders_tab import OrdersTab

    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = sandbox_channel.id
    tab = OrdersTab(ctx)
    qtbot.addWidget(tab)
    wait_idle(ctx)
    return tab


def _acknowledged(tab, ctx, wait_idle, n=2):
    pks = [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] == "new" and not r[q.R_UNMAPPED]][:n]
    tab.select_pks(pks)
    tab.acknowledge()
    wait_idle(ctx)
    tab.select_pks(pks)
    return pks


def test_label_preview_and_print_to_pdf_marks_printed(qtbot, orders_tab, ctx, wait_idle, tmp_path):
    from tokodesk.store import models as m

    pks = _acknowledged(orders_tab, ctx, wait_idle)
    assert orders_tab.buttons["label"].isEnabled()
    orders_tab.print_documents("label")
    dialog = orders_tab.print_dialog
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=15000)
    assert dialog.documents and dialog.documents[0].pageCount() == len(pks)
    assert dialog.view.document() is dialog.documents[0]
    assert dialog.mark_printed.isChecked()
    out = tmp_path / "labels.pdf"
    dialog.print_now(str(out))
    wait_idle(ctx)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert len(boxes) >= len(pks)
    width, height = (float(v) for v in boxes[0])
    assert abs(width - 283.46) < 2 and abs(height - 425.2) < 2, "100 × 150 mm, not scaled to A4"
    assert all(m.Order.get_by_id(pk).label_printed_at is not None for pk in pks)
    qtbot.waitUntil(lambda: all(r[q.R_PRINTED] for r in orders_tab.model.all_rows() if r[q.R_PK] in pks))


def test_unticked_mark_printed_leaves_the_orders_unprinted(qtbot, orders_tab, ctx, wait_idle, tmp_path):
    from tokodesk.store import models as m

    pks = _acknowledged(orders_tab, ctx, wait_idle, n=1)
    orders_tab.print_documents("label")
    dialog = orders_tab.print_dialog
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=15000)
    dialog.mark_printed.setChecked(False)
    dialog.print_now(str(tmp_path / "again.pdf"))
    wait_idle(ctx)
    assert m.Order.get_by_id(pks[0]).label_printed_at is None


def test_picklist_preview_opens(qtbot, orders_tab, ctx, wait_idle):
    pks = [r[q.R_PK] for r in orders_tab.model.all_rows() if r[q.R_STATE] == "new"][:3]
    orders_tab.select_pks(pks)
    assert orders_tab.doc_actions["picklist"].isEnabled()
    orders_tab.print_documents("picklist")
    dialog = orders_tab.print_dialog
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=15000)
    assert dialog.documents[0].pageCount() >= 1
    assert not dialog.mark_printed.isVisible()
