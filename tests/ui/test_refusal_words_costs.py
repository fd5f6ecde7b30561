"""A cost-price file with bad lines, imported in the Indonesian Payouts tab: each line's refusal in Indonesian
(services/cost_prices.py wrote them; before, they reached the window in English after "baris N:")."""

from __future__ import annotations

import pytest

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tests.ui.test_payouts_tab import click, database, open_tab, shop  # noqa: F401 - fixtures
from tokodesk.store import models as m
from tokodesk.ui import payouts_costs as pc


@pytest.fixture
def indonesian(qapp):
    from tokodesk.ui import i18n

    assert i18n.install("id")
    yield
    i18n.install("en")


def test_bad_lines_of_a_cost_price_file_are_refused_in_indonesian(qtbot, indonesian, ctx, shop, open_tab,  # noqa: F811
                                                                   wait_idle, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    m.StockItem.create(seller_sku="KAOS-M")
    tab = open_tab(shop)
    path = tmp_path / "modal.csv"
    path.write_text("seller_sku,cost_price\nKAOS-M,12.500\nNOT-A-SKU,1000\nTOPI,abc\n=SUM(A1),5\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    tab.views.setCurrentWidget(tab.costs)
    click(qtbot, tab.costs.import_button)
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.costs.cell("KAOS-M", pc.COL_UNIT_COST) == "Rp 12.500", timeout=15000)
    said = tab.costs.message.text()
    assert "NOT-A-SKU bukan SKU penjual yang dikenal TokoDesk (tarik SKU atau hitung stoknya dulu)" in said, said
    assert "TOPI: harga modal 'abc' bukan harga: isi rupiah bulat" in said, said
    assert "SKU penjual '=SUM(A1)' diawali '=', yang dijalankan spreadsheet sebagai rumus" in said, said
    for english in ("is not a seller SKU", "cost price", "starts with", "spreadsheets run"):
        assert english not in said, said
