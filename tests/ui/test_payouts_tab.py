"""The Payouts tab against the sandbox's Tokopedia & Shop finance endpoints over loopback, clicking the real widgets:
Sync payouts now fills the statements and withdrawals; an order with a penalty after its settlement is listed as
differing from expected with the cause in words; an order delivered long ago and not settled is listed by the days
chosen; a typed cost price changes the margin shown and a bad one is refused in words; Export writes a file that
reads back; a legacy Tokopedia channel has no Payouts tab (and the tab, built there, says why)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.integration.tiktokshop_setup import sb, shop_now, shop_order  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tokodesk.store import models as m
from tokodesk.ui import payouts_costs as pc
from tokodesk.ui import payouts_views as pv
from tokodesk.ui.payouts_tab import PayoutsTab

DAY = 86400


@pytest.fixture
def database(request, tmp_path):
    """SQLite, or PostgreSQL for a test that asks for it (`parametrize("database", ["postgresql"], indirect=True)`):
    the tab's own reads and the cost price writes on both stores."""
    from tokodesk.store.connection import close_database, open_database

    kind = getattr(request, "param", "sqlite")
    url = request.getfixturevalue("pg_url") if kind == "postgresql" else f"sqlite:///{tmp_path / 'test.db'}"
    db = open_database(url)
    yield db
    close_database()


@pytest.fixture
def shop(sb, shop_channel, monkeypatch):  # noqa: F811
    """Six days after the orders were pulled: the week's deliveries settled, a share of them late."""
    sb.dialect.returns_book.rate = 0.0
    sb.dialect.finance.late_rate = 0.3
    sb.advance(6 * DAY)
    # The shop's clock is frozen in this PC's past: the sync's window and "days ago" on the shop's clock.
    monkeypatch.setattr(m, "utcnow", lambda: shop_now(sb))
    return shop_channel


@pytest.fixture
def open_tab(qtbot, ctx, wait_idle):
    def make(channel):  # noqa: ANN001, ANN202
        ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
        ctx.channel_id = channel.id
        widget = PayoutsTab(ctx)
        qtbot.addWidget(widget)
        widget.resize(1340, 640)
        widget.show()
        wait_idle(ctx)
        assert widget.loaded
        return widget

    return make


def click(qtbot, button) -> None:  # noqa: ANN001
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def shown(pane, col: int) -> dict[str, str]:  # noqa: ANN001
    """Order (invoice or id) -> the text of `col` in an order list, as the view shows it (no-break spaces as
    spaces)."""
    model = pane.view.model()
    return {model.index(r, pv.COL_ORDER).data(): model.index(r, col).data().replace("\u00a0", " ")
            for r in range(model.rowCount())}


def synced(qtbot, ctx, wait_idle, tab) -> None:  # noqa: ANN001
    click(qtbot, tab.sync_button)
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.data is not None and bool(tab.data.book.statements), timeout=15000)


def test_sync_shows_statements_withdrawals_and_an_unexpected_order_with_its_cause(
        qtbot, ctx, sb, shop, open_tab, wait_idle):  # noqa: F811
    tab = open_tab(shop)
    assert tab.statements.rowCount() == 0 and tab.sync_button.isEnabled()
    synced(qtbot, ctx, wait_idle, tab)
    statements = m.Statement.select().count()
    assert statements >= 3 and tab.statements.rowCount() == statements
    # Each statement's date, settled amount in rupiah, status and how many orders it settled.
    newest = m.Statement.select().order_by(m.Statement.statement_time.desc()).first()
    assert tab.statements.item(0, 1).text() == newest.statement_id
    assert tab.statements.item(0, 6).text() == pv.rupiah(newest.settlement_amount)
    assert tab.statements.item(0, 6).text().startswith("Rp ") and "." in tab.statements.item(0, 6).text()
    orders_in = len({line.order_id for line in m.SettlementLine.select().where(
        m.SettlementLine.statement == newest.id) if line.order_id})
    assert tab.statements.item(0, 2).text() == str(orders_in)
    assert tab.withdrawals.rowCount() == m.Withdrawal.select().count() >= 1
    assert {tab.withdrawals.item(r, 1).text() for r in range(tab.withdrawals.rowCount())} <= {
        "Withdrawn to the bank", "Settled to the balance"}

    # A fee the fee rules do not cover (the sandbox's affiliate commission) is named in words.
    affiliate = next(p for p in tab.data.book.unexpected() if [c.kind for c in p.causes] == ["fee_not_in_rules"])
    fee = -dict((f.name, f.charged) for f in affiliate.fees)["affiliate_commission_amount"]
    assert shown(tab.unexpected, pv.COL_WHY)[affiliate.invoice or affiliate.order_id] == (
        f"Affiliate commission -{pv.rupiah(fee)} (not in TokoDesk's fee rules)")

    # A penalty taken after the order was settled: the order now differs from expected, the cause in words.
    order = m.Order.get(m.Order.order_id == next(
        p.order_id for p in tab.data.book.orders if p.status == "settled" and not p.unexpected and p.known))
    with sb.shop.lock:
        sb.dialect.finance.adjust(shop_order(sb, order), "PLATFORM_PENALTY", -5_000)
    sb.advance(DAY + 60)
    synced(qtbot, ctx, wait_idle, tab)
    qtbot.waitUntil(lambda: tab.data.book.order(order.order_id).unexpected, timeout=15000)
    tab.views.setCurrentWidget(tab.unexpected)
    key = order.invoice or order.order_id
    why = shown(tab.unexpected, pv.COL_WHY)
    assert why[key] == "Platform penalty: -Rp 5.000"
    assert shown(tab.unexpected, pv.COL_DIFF)[key] == "-Rp 5.000"
    # Selected: the payout taken apart beside the list.
    assert tab.unexpected.select(key)
    detail = tab.unexpected.detail
    items = {detail.table.item(r, 0).text(): detail.table.item(r, 1).text() for r in range(detail.table.rowCount())}
    payout = tab.data.book.order(order.order_id)
    assert items["Buyer paid"] == pv.rupiah(payout.buyer_paid)
    assert items["Fees: Platform commission (platform_commission_amount)"].startswith("-Rp ")
    assert items["Adjustment: Platform penalty (PLATFORM_PENALTY)"] == "-Rp 5.000"
    assert items["Net settled"] == pv.rupiah(payout.net)
    assert items["Difference"] == "-Rp 5.000"
    assert "Platform penalty: -Rp\u00a05.000" in detail.why.text()


def test_a_legacy_channel_has_no_payouts_tab_and_the_tab_says_why(qtbot, ctx, window, open_tab, wait_idle):
    channel = m.Channel.create(name="legacy", marketplace="tokopedia", fs_id="1", client_id="c", shop_id="2")
    window.reload_channels()
    wait_idle(ctx)
    assert "Payouts" not in window.tab_titles()
    tab = open_tab(channel)
    assert "no payouts" in tab.note.text() and "Seller Center" in tab.note.text()
    assert not tab.sync_button.isEnabled() and not tab.export_button.isEnabled() and not tab.views.isVisible()


def test_orders_delivered_long_ago_and_not_settled_by_the_days_chosen(qtbot, ctx, sb, shop, open_tab, wait_idle):  # noqa: F811
    tab = open_tab(shop)
    synced(qtbot, ctx, wait_idle, tab)
    tab.views.setCurrentIndex(2)
    assert tab.days.value() == 14  # the service's default
    book = tab.data.book
    late = book.overdue(2)
    assert late, "a late settlement in the sandbox should be waiting more than 2 days after delivery"
    assert book.overdue(14) == [] and tab.overdue.model.rowCount() == 0
    tab.days.clear()
    qtbot.keyClicks(tab.days, "2")
    qtbot.keyClick(tab.days, Qt.Key.Key_Return)
    statuses = shown(tab.overdue, pv.COL_STATUS)
    assert list(statuses) == [p.invoice or p.order_id for p in late]
    assert set(statuses.values()) <= {"Estimated", "Not settled"}
    nets = shown(tab.overdue, pv.COL_NET)
    estimated = next(p for p in late if p.estimated)
    assert nets[estimated.invoice or estimated.order_id] == f"{pv.rupiah(estimated.net)} (estimated)"
    assert all(shown(tab.overdue, pv.COL_DELIVERED).values())


def edit_cost(qtbot, table, row: int, text: str) -> None:  # noqa: ANN001
    """Type into the cost cell as a seller does from the keyboard: go to the cell, F2, type, Enter."""
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    table.setCurrentCell(row, pc.COL_UNIT_COST)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # the delegate commits queued


@pytest.mark.parametrize("database", ["sqlite", pytest.param("postgresql", marks=pytest.mark.system)],
                         indirect=True)
def test_a_typed_cost_price_changes_the_margin_and_a_bad_one_is_refused_in_words(
        qtbot, ctx, sb, shop, open_tab, wait_idle):  # noqa: F811
    tab = open_tab(shop)
    synced(qtbot, ctx, wait_idle, tab)
    p = next(p for p in tab.data.book.orders if p.status == "settled" and len(p.lines) == 1 and p.lines[0].seller_sku)
    line = p.lines[0]
    key = p.invoice or p.order_id
    assert shown(tab.orders, pv.COL_MARGIN)[key] == ""  # no cost price yet
    tab.views.setCurrentWidget(tab.costs)
    table = tab.costs.table
    row = tab.costs.row_of(line.seller_sku)
    edit_cost(qtbot, table, row, "15.000")
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.costs.cell(line.seller_sku, pc.COL_MARGIN) != "", timeout=15000)
    assert m.StockItem.get(m.StockItem.seller_sku == line.seller_sku).cost_price == 15_000
    margin = p.net - 15_000 * line.quantity
    assert shown(tab.orders, pv.COL_MARGIN)[key] == pv.rupiah(margin)
    assert shown(tab.orders, pv.COL_COST)[key] == pv.rupiah(15_000 * line.quantity)
    assert tab.costs.cell(line.seller_sku, pc.COL_UNIT_COST) == "Rp 15.000"
    sku_row = next(r for r in tab.data.book.sku_margins() if r.seller_sku == line.seller_sku)
    assert tab.costs.cell(line.seller_sku, pc.COL_MARGIN) == pv.rupiah(sku_row.net - 15_000 * sku_row.quantity)

    # Refused in words; the cost price stays what it was, nothing is saved.
    for typed, said in (("-5000", "cannot be negative"), ("lima ribu", "“lima ribu” is not a cost price"),
                        ("15.000,50", "whole numbers (no sen)")):
        edit_cost(qtbot, table, tab.costs.row_of(line.seller_sku), typed)
        wait_idle(ctx)
        assert said in tab.costs.message.text() and line.seller_sku in tab.costs.message.text()
        assert tab.costs.cell(line.seller_sku, pc.COL_UNIT_COST) == "Rp 15.000"
        assert m.StockItem.get(m.StockItem.seller_sku == line.seller_sku).cost_price == 15_000
    # Emptied: cleared, the margin is gone again.
    edit_cost(qtbot, table, tab.costs.row_of(line.seller_sku), "")
    wait_idle(ctx)
    qtbot.waitUntil(lambda: shown(tab.orders, pv.COL_MARGIN)[key] == "", timeout=15000)
    assert m.StockItem.get(m.StockItem.seller_sku == line.seller_sku).cost_price is None


def test_cost_prices_imported_from_a_csv_with_a_bad_line_named(qtbot, ctx, shop, open_tab, wait_idle, tmp_path,
                                                                monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    tab = open_tab(shop)
    synced(qtbot, ctx, wait_idle, tab)
    sku = next(r.seller_sku for r in tab.data.book.sku_margins())
    path = tmp_path / "modal.csv"
    path.write_text(f"seller_sku,cost_price\n{sku},12.500\nNOT-A-SKU,1000\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    tab.views.setCurrentWidget(tab.costs)
    click(qtbot, tab.costs.import_button)
    wait_idle(ctx)
    qtbot.waitUntil(lambda: tab.costs.cell(sku, pc.COL_UNIT_COST) == "Rp 12.500", timeout=15000)
    said = tab.costs.message.text()
    assert said.startswith("1 cost prices set; 1 lines skipped: line 3: NOT-A-SKU")
    assert m.StockItem.get(m.StockItem.seller_sku == sku).cost_price == 12_500


def test_export_writes_files_that_read_back(qtbot, ctx, sb, shop, open_tab, wait_idle, tmp_path, monkeypatch):  # noqa: F811
    import csv
    import io

    from openpyxl import load_workbook
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    tab = open_tab(shop)
    synced(qtbot, ctx, wait_idle, tab)
    book = tab.data.book
    target = tmp_path / "penghasilan"  # no suffix: the filter chosen gives it
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV (*.csv)"))
    click(qtbot, tab.export_button)
    wait_idle(ctx)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "penghasilan.csv").read_text(encoding="utf-8-sig"))))
    assert [r["order_id"] for r in rows] == [p.order_id for p in book.orders]
    odd = next(p for p in book.orders if p.unexpected)
    assert next(r for r in rows if r["order_id"] == odd.order_id)["difference"] == str(odd.difference)
    assert f"Written to {tmp_path / 'penghasilan.csv'}" == tab.summary.text()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "p.xlsx"), ""))
    click(qtbot, tab.export_button)
    wait_idle(ctx)
    sheet = load_workbook(tmp_path / "p.xlsx")["Orders"]
    assert sheet.max_row == len(book.orders) + 1

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "p.pdf"), "PDF (*.pdf)"))
    click(qtbot, tab.export_button)
    wait_idle(ctx)
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "p.pdf").pages)
    assert "Payouts" in text and odd.order_id in text.replace("\n", "")


def test_the_window_has_a_payouts_tab_on_a_tokopedia_shop_channel(qtbot, ctx, shop, window, wait_idle):
    window.reload_channels()
    wait_idle(ctx)
    titles = window.tab_titles()
    assert titles[titles.index("Returns") + 1] == "Payouts"
    window.tabs.setCurrentWidget(window.payouts_tab)
    wait_idle(ctx)
    assert window.payouts_tab.loaded and window.payouts_tab.sync_button.isEnabled()


def test_the_tab_switches_to_indonesian_with_its_causes_and_chart(qtbot, ctx, sb, shop, window, wait_idle):  # noqa: F811
    from tokodesk.ui import i18n

    window.reload_channels()
    tab = window.payouts_tab
    window.tabs.setCurrentWidget(tab)
    wait_idle(ctx)
    synced(qtbot, ctx, wait_idle, tab)
    odd = tab.data.book.unexpected()[0]
    key = odd.invoice or odd.order_id
    english = shown(tab.unexpected, pv.COL_WHY)[key]
    assert english == "; ".join(pv.cause_words(c) for c in odd.causes).replace("\u00a0", " ")
    try:
        window.set_language("id")
        qtbot.waitUntil(lambda: "Penghasilan" in window.tab_titles(), timeout=5000)
        wait_idle(ctx)
        assert tab.sync_button.text() == "Sinkronkan penghasilan sekarang"
        assert shown(tab.unexpected, pv.COL_STATUS)[key] in ("Dicairkan", "Perkiraan")
        indonesian = shown(tab.unexpected, pv.COL_WHY)[key]
        assert indonesian != english and ("aturan biaya" in indonesian or "penyesuaian" in indonesian)
        assert "Barang" in tab.chart.labels and "Komisi platform" in tab.chart.labels
        assert tab.views.tabText(0) == "Laporan"
    finally:
        window.set_language("en")
        i18n.install("en")


def test_an_order_pull_reads_the_payouts_again_only_when_the_tab_is_next_opened(ctx, shop, open_tab, wait_idle):
    tab = open_tab(shop)
    loads = []
    load = tab.load
    tab.load = lambda: (loads.append("load"), load())
    ctx.announce("sync_runs", "orders", "stock")  # what each minute's order pull says
    wait_idle(ctx)
    assert loads == []
    tab.hide()
    tab.show()
    wait_idle(ctx)
    assert loads == ["load"]
    ctx.announce("sync_runs", "payouts")  # a payouts sync finished: read now
    wait_idle(ctx)
    assert loads == ["load", "load"]
