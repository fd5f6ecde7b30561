"""Print preview opens over the reportlab PDF and prints to a PDF file printer at the label's true size."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

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
    # Not the shop's own courier: its orders get no booking code, so no label until they are shipped with an AWB.
    pks = [r[q.R_PK] for r in tab.model.all_rows()
           if r[q.R_STATE] == "new" and not r[q.R_UNMAPPED] and r[q.R_COURIER] != "Custom Logistik"][:n]
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


def _printed_on_marketplace(sandbox, pk):
    from tokodesk.store import models as m

    return sandbox.order(m.Order.get_by_id(pk).order_id).printed


def _print_to_pdf(qtbot, tab, ctx, wait_idle, path):
    tab.print_documents("label")
    dialog = tab.print_dialog
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=15000)
    dialog.print_now(str(path))
    wait_idle(ctx)
    return dialog


def test_mark_printed_tells_tokopedia_and_says_so_on_the_rows(qtbot, orders_tab, ctx, wait_idle, sandbox, tmp_path):
    from tokodesk.ui.orders_model import COL_STATE

    pks = _acknowledged(orders_tab, ctx, wait_idle)
    assert not any(_printed_on_marketplace(sandbox, pk) for pk in pks), "the preview itself marks nothing"
    dialog = _print_to_pdf(qtbot, orders_tab, ctx, wait_idle, tmp_path / "labels.pdf")
    assert all(_printed_on_marketplace(sandbox, pk) for pk in pks), "printed=1 reached Tokopedia"
    assert dialog.mark_result is not None and not dialog.mark_result.failures
    assert "marked printed" in dialog.info.text()
    model = orders_tab.model
    qtbot.waitUntil(lambda: all(r[q.R_PRINTED] for r in model.all_rows() if r[q.R_PK] in pks))
    for pk in pks:
        tip = model.data(model.index(model.row_of_pk(pk), COL_STATE), Qt.ItemDataRole.ToolTipRole)
        assert "Marked printed on Tokopedia" in tip


def test_unticked_mark_printed_tells_the_marketplace_nothing(qtbot, orders_tab, ctx, wait_idle, sandbox, tmp_path):
    pks = _acknowledged(orders_tab, ctx, wait_idle, n=1)
    orders_tab.print_documents("label")
    dialog = orders_tab.print_dialog
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=15000)
    dialog.mark_printed.setChecked(False)
    dialog.print_now(str(tmp_path / "plain.pdf"))
    wait_idle(ctx)
    assert not _printed_on_marketplace(sandbox, pks[0])


def test_a_marketplace_refusing_printed_shows_the_reason_on_the_row(qtbot, orders_tab, ctx, wait_idle, sandbox,
                                                                     tmp_path):
    from tokodesk.sandbox.shop import Status
    from tokodesk.store import models as m
    from tokodesk.ui.orders_model import COL_FLAG

    pks = _acknowledged(orders_tab, ctx, wait_idle)
    gone = pks[0]
    sandbox.force_status(int(m.Order.get_by_id(gone).order_id), Status.BUYER_CANCELLED)  # meanwhile, on Tokopedia
    dialog = _print_to_pdf(qtbot, orders_tab, ctx, wait_idle, tmp_path / "labels.pdf")
    assert set(dialog.mark_result.failures) == {gone}
    assert "could not be marked printed" in dialog.info.text()
    assert _printed_on_marketplace(sandbox, pks[1])
    model = orders_tab.model
    row = model.row_of_pk(gone)
    assert model.data(model.index(row, COL_FLAG)) == "⚑", "the row is flagged"
    tip = model.data(model.index(row, COL_FLAG), Qt.ItemDataRole.ToolTipRole)
    assert "Printed, but Tokopedia was not told" in tip
    assert m.Order.get_by_id(gone).label_printed_at is not None, "the label did go to the printer"


def test_the_window_keeps_running_while_pages_render(qtbot, orders_tab, ctx, wait_idle, tmp_path):
    from PySide6.QtCore import QTimer

    pks = _acknowledged(orders_tab, ctx, wait_idle, n=3)
    orders_tab.print_documents("label")
    dialog = orders_tab.print_dialog
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=15000)
    dialog.mark_printed.setChecked(False)
    dialog.job.parts = dialog.job.parts * 10  # a long job: 30 labels
    ticks_while_printing = []
    progress_seen = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: dialog.is_printing() and ticks_while_printing.append(dialog.progress.value()))
    timer.start()
    out = tmp_path / "many.pdf"
    dialog.print_now(str(out))
    assert dialog.is_printing(), "print_now returns at once; the pages render in a worker"
    assert dialog.cancel_button.isVisible() and not dialog.print_button.isEnabled()
    dialog.progress.valueChanged.connect(progress_seen.append)
    qtbot.waitUntil(lambda: not dialog.is_printing(), timeout=60000)
    timer.stop()
    assert ticks_while_printing, "the GUI thread's event loop ran while the job was printing"
    assert progress_seen and max(progress_seen) == 10 * len(pks), "page by page up to the last"
    assert dialog.info.text() == "Printed."
    assert len(re.findall(rb"/MediaBox", out.read_bytes())) >= 10 * len(pks)


def test_stop_printing_ends_the_job_and_marks_nothing(qtbot, orders_tab, ctx, wait_idle, sandbox, tmp_path):
    from tokodesk.store import models as m

    pks = _acknowledged(orders_tab, ctx, wait_idle, n=2)
    orders_tab.print_documents("label")
    dialog = orders_tab.print_dialog
    qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=15000)
    dialog.job.parts = dialog.job.parts * 40
    dialog.progress.valueChanged.connect(lambda _v: dialog.cancel_printing())  # Stop as soon as pages come out
    dialog.print_now(str(tmp_path / "stopped.pdf"))
    qtbot.waitUntil(lambda: not dialog.is_printing(), timeout=60000)
    assert "stopped" in dialog.info.text()
    assert dialog.print_button.isEnabled()
    assert all(m.Order.get_by_id(pk).label_printed_at is None for pk in pks)
    assert not any(_printed_on_marketplace(sandbox, pk) for pk in pks)


def test_a_code_without_a_barcode_is_warned_in_the_window_s_language(qtbot, orders_tab, ctx, wait_idle, tmp_path):
    """The label still prints, its code as text; the Indonesian window says why in Indonesian, not in English."""
    from tokodesk.store import models as m
    from tokodesk.ui import i18n

    [pk] = _acknowledged(orders_tab, ctx, wait_idle, n=1)
    order = m.Order.get_by_id(pk)
    code = "TKP\u2013" + (order.booking_code or "1234567")  # an en dash, as a copy from a chat app brings
    m.Order.update(booking_code=code).where(m.Order.id == pk).execute()
    assert i18n.install("id")
    try:
        orders_tab.print_documents("label")
        dialog = orders_tab.print_dialog
        qtbot.waitUntil(lambda: dialog.print_button.isEnabled(), timeout=15000)
        text = dialog.info.text()
        assert f"kodenya {code!r} dicetak sebagai teks saja, tanpa barcode ('\u2013' (U+2013) tidak bisa dimuat " \
               "barcode Code 128): kurir harus mengetiknya" in text, text
        assert "printed as text" not in text and "cannot be held" not in text
    finally:
        i18n.install("en")
