"""The Returns queue on a 1366×768 laptop, in English and Indonesian: every column (the Return AWB and the Result
too) is on screen without scrolling sideways; long texts wrap or end in "…" with the whole text as tooltip."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tokodesk.store import models as m
from tokodesk.ui.returns_tab import COL_REASON, COL_RESULT, COL_TRACKING, ReturnsTab

# The Returns tab's page inside the window on a 1366 px screen (the tab widget's frame takes the rest).
PAGE = (1348, 600)
LONG_REASON = ("Produk tidak sesuai pesanan: warna berbeda dari foto, ukurannya terlalu kecil, jahitan lepas di "
               "bagian lengan dan kemasan sudah sobek waktu diterima")


@pytest.fixture(params=["en", "id"])
def language(request, qapp):
    from tokodesk.ui import i18n

    assert i18n.install(request.param)
    yield request.param
    i18n.install("en")


def _returns(channel: m.Channel) -> None:
    """Four returns as the sandbox's Tokopedia & Shop gives them: 19-digit ids, the longest type and countdown."""
    soon = m.utcnow() + timedelta(hours=107, minutes=59)
    rows = [("needs_answer", "RETURN_AND_REFUND", LONG_REASON, "", "", "approve",
             "Approved: the buyer sends the parcel back"),
            ("needs_answer", "REFUND", "Produk tidak sesuai pesanan", "", "", "", ""),
            ("to_inspect", "RETURN_AND_REFUND", "Produk tidak lengkap", "J&T Express", "RTN000000003", "", ""),
            ("to_inspect", "RETURN_AND_REFUND", "Produk rusak", "J&T Express", "RTN000000004", "", "")]
    for n, (state, kind, reason, courier, awb, decision, detail) in enumerate(rows, 1):
        ret = m.Return.create(channel=channel, return_id=f"420000000000000000{n}", order_id=f"5760000012046263{n:02d}",
                              state=state, return_type=kind, reason_text=reason, next_deadline=soon,
                              return_courier=courier, return_tracking_number=awb or None, decision=decision,
                              decision_detail=detail)
        m.ReturnLine.create(ret=ret, sku="KPCC3-000-M", quantity=2, seller_sku="KPCC3-000-M")
        m.ReturnLine.create(ret=ret, sku="CHSSA-004-BENI", quantity=5, seller_sku="CHSSA-004-BENI")


def test_every_returns_column_starts_on_a_1366_screen(qtbot, ctx, language):
    channel = m.Channel.create(name="Toko & Shop", marketplace="tiktokshop", app_key="k", service_id="1")
    _returns(channel)
    ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
    ctx.channel_id = channel.id
    tab = ReturnsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(*PAGE)
    tab.show()
    qtbot.waitUntil(lambda: tab.loaded and len(tab.rows) == 4)
    table = tab.table
    shown = table.viewport().width()
    header = table.horizontalHeader()
    for col in range(table.columnCount()):
        start = table.columnViewportPosition(col)
        assert start >= 0 and start + table.columnWidth(col) <= shown, (
            language, header.model().headerData(col, header.orientation()), start, table.columnWidth(col), shown)
        assert table.columnWidth(col) >= header.sectionSizeHint(col) - 1, "each header is readable"
    assert table.horizontalScrollBar().maximum() == 0, "nothing to scroll to"
    # The AWB on screen, the long reason cut to a few lines and whole in its tooltip.
    assert table.item(2, COL_TRACKING).text() == "J&T Express RTN000000003"
    reason = table.item(0, COL_REASON)
    assert reason.toolTip() == LONG_REASON
    assert table.rowHeight(0) <= 3 * table.fontMetrics().lineSpacing() + 12, "a long reason takes three lines at most"
    assert table.item(0, COL_RESULT).toolTip()

    # A wider window gives the texts their room back (no wrapping where it fits).
    tab.resize(1900, 600)
    qtbot.waitUntil(lambda: table.columnWidth(COL_TRACKING) >= table.sizeHintForColumn(COL_TRACKING))
