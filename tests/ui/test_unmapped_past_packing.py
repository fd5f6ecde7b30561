"""An order with a line whose SKU is not mapped is a problem while it is still to be packed (the seller must map
the SKU before packing); once the marketplace has it delivered or cancelled, the queue no longer asks for that
(no ⚑, not under Problems, no red note in the detail), while the detail's lines still say which line was unmapped.
Both dialects: Tokopedia and Tokopedia & Shop."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from tests.integration.tiktokshop_setup import fresh, sb, shop_now, shop_order  # noqa: F401 - fixture
from tokodesk.sandbox import Status
from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.orders_filters import COL_FLAG

# The states in which the SKU must still be mapped before packing.
PAST_NOT = ("awaiting_payment", "new", "acknowledged", "on_hold")


@pytest.fixture
def tts_channel(database, sb):  # noqa: F811
    """A Tokopedia & Shop channel whose SKU-less products are left unmapped (as a seller who has not mapped yet)."""
    from tokodesk import credentials
    from tokodesk.marketplace.tiktokshop import TikTokShopClient
    from tokodesk.services import catalog
    from tokodesk.services.orders import pull_orders

    creds = sb.credentials
    channel = m.Channel.create(
        name="Toko", marketplace="tiktokshop", app_key=creds["app_key"], service_id=str(creds["service_id"]),
        shop_cipher=creds.get("shop_cipher", ""), shop_id=str(creds.get("shop_id", "")),
        warehouse_id=str(creds.get("warehouse_id", "")), api_base=sb.url, auth_url=sb.url,
        order_sync_from=shop_now(sb) - timedelta(days=8),
    )
    credentials.set_secret(channel.name, "app_secret", creds["app_secret"])
    client = TikTokShopClient.from_channel(channel, timeout=10, sleep=sb.clock.advance)
    try:
        client.authorize(sb.dialect.issue_auth_code())
        catalog.pull_skus(channel, client)
        pull_orders(fresh(channel), client, now=shop_now(sb))
    finally:
        client.close()
    return fresh(channel)


def _refresh(channel: m.Channel, box) -> None:  # noqa: ANN001
    """The sync's status refresh: the open orders read again from the marketplace."""
    from tokodesk.services.statuses import refresh_statuses

    summary = refresh_statuses(fresh(channel), now=shop_now(box))
    assert summary.status == "ok", summary


def _row(tab, pk):  # noqa: ANN001, ANN202
    return next(r for r in tab.model.all_rows() if r[q.R_PK] == pk)


def _shown_pks(tab) -> set[int]:
    return {tab.model.row_at(i)[q.R_PK] for i in range(tab.model.rowCount())}


def _click_row(qtbot, tab, pk) -> str:  # noqa: ANN001
    """Click the order's row in the table; the detail pane's text once it shows that order."""
    view_index = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of_pk(pk), 1))
    tab.view.scrollTo(view_index)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=tab.view.visualRect(view_index).center())
    qtbot.waitUntil(lambda: tab.detail.shown_pk == pk, timeout=10000)
    return tab.detail.toPlainText()


def _flag_tip(tab, pk) -> str:  # noqa: ANN001
    return tab.model.data(tab.model.index(tab.model.row_of_pk(pk), COL_FLAG), Qt.ItemDataRole.ToolTipRole) or ""


def _check(qtbot, tab, kept: int, moved: dict[int, str], marketplace_moves) -> None:  # noqa: ANN001
    """`kept`: an unmapped order still to be packed; `moved`: unmapped orders (pk -> the state past packing the
    marketplace moves them to)."""
    qtbot.mouseClick(tab.chips["problems"], Qt.MouseButton.LeftButton)
    to_pack = {kept, *(pk for pk in moved if _row(tab, pk)[q.R_STATE] in PAST_NOT)}
    assert len(to_pack) > 1 and to_pack <= _shown_pks(tab), "before packing, an unmapped SKU is a problem"

    marketplace_moves()
    tab.reload()
    qtbot.waitUntil(lambda: all(_row(tab, pk)[q.R_STATE] == state for pk, state in moved.items()), timeout=15000)

    # Every unmapped order past packing (moved now, or already so at the first pull): no longer an unmapped problem.
    past = [o.id for o in m.Order.select().where(m.Order.has_unmapped & m.Order.state.not_in(PAST_NOT))]
    assert set(moved) <= set(past) and {"delivered", "cancelled"} <= {_row(tab, pk)[q.R_STATE] for pk in past}
    qtbot.mouseClick(tab.chips["problems"], Qt.MouseButton.LeftButton)
    shown = _shown_pks(tab)
    assert kept in shown, "an order still to be packed keeps its unmapped-SKU problem"
    # Changed outside TokoDesk (a buyer's cancellation, an order shipped from Seller Center) is its own problem.
    other_problem = {pk for pk in past if _row(tab, pk)[q.R_CHANGED_OUTSIDE] or _row(tab, pk)[q.R_PROBLEM]
                     or _row(tab, pk)[q.R_ACTION_FAILED]}
    assert set(past) - other_problem, "the test needs an order past packing with no other problem"
    assert shown & set(past) == other_problem, "past packing, an unmapped SKU is no problem"
    assert f"({len(shown)})" in tab.chips["problems"].text(), "the chip counts what it shows"

    qtbot.mouseClick(tab.chips["all"], Qt.MouseButton.LeftButton)
    for pk in past:
        assert "not mapped" not in _flag_tip(tab, pk)
        text = _click_row(qtbot, tab, pk)
        assert "not mapped" not in text and "before packing" not in text, text
        assert "unmapped" in text, "the detail's lines still say which line has no seller SKU"
    assert "not mapped" in _flag_tip(tab, kept)
    assert "map it in the SKU mapping tab before packing" in _click_row(qtbot, tab, kept)


def _unmapped(state: str) -> list[m.Order]:
    return list(m.Order.select().where(m.Order.has_unmapped & (m.Order.state == state)).order_by(m.Order.id))


def test_tokopedia_unmapped_orders_past_packing_are_no_problem(qtbot, sandbox_channel, sandbox, open_orders_tab):
    kept, shipped, new = _unmapped("acknowledged")[0], _unmapped("shipped")[0], _unmapped("new")[0]
    tab = open_orders_tab(sandbox_channel)

    def moves() -> None:
        sandbox.force_status(int(shipped.order_id), Status.DELIVERED)
        sandbox.force_status(int(new.order_id), Status.BUYER_CANCELLED)
        _refresh(sandbox_channel, sandbox)

    _check(qtbot, tab, kept.id, {shipped.id: "delivered", new.id: "cancelled"}, moves)


def test_tiktokshop_unmapped_orders_past_packing_are_no_problem(qtbot, tts_channel, sb,  # noqa: F811
                                                                open_orders_tab):
    kept, to_pack = _unmapped("acknowledged")[:2]
    tab = open_orders_tab(tts_channel)

    def moves() -> None:
        sb.clock.advance(60)
        sb.force_status(shop_order(sb, to_pack).order_id, Status.DELIVERED)  # shipped from Seller Center
        sb.clock.advance(60)
        _refresh(tts_channel, sb)

    _check(qtbot, tab, kept.id, {to_pack.id: "delivered"}, moves)


def _listed(capsys) -> dict[str, str]:  # noqa: ANN001
    """`tokodesk orders list`'s text: each order's key -> its line."""
    from tokodesk.cli import main

    capsys.readouterr()
    assert main(["orders", "list"]) == 0
    return {line.split()[0]: line for line in capsys.readouterr().out.splitlines() if line.strip()}


@pytest.mark.parametrize("dialect", ["tokopedia", "tiktokshop"])
def test_orders_list_says_unmapped_only_before_packing_as_the_queue_does(dialect, request, capsys, monkeypatch):
    """The CLI's text printed UNMAPPED beside a delivered order, which the queue no longer flags; its JSON keeps
    has_unmapped (published output)."""
    import json

    from tokodesk.cli import main

    if dialect == "tokopedia":
        channel, box = request.getfixturevalue("sandbox_channel"), request.getfixturevalue("sandbox")
        kept, moved = _unmapped("acknowledged")[0], _unmapped("shipped")[0]
        box.force_status(int(moved.order_id), Status.DELIVERED)
    else:
        channel, box = request.getfixturevalue("tts_channel"), request.getfixturevalue("sb")
        kept, moved = _unmapped("acknowledged")[:2]
        box.clock.advance(60)
        box.force_status(shop_order(box, moved).order_id, Status.DELIVERED)  # shipped from Seller Center
        box.clock.advance(60)
    _refresh(channel, box)
    assert fresh(moved).state == "delivered" and fresh(moved).has_unmapped
    monkeypatch.setenv("TOKODESK_DB", f"sqlite:///{m.db.obj.database}")  # the CLI opens the test's database

    lines = _listed(capsys)
    by_pk = {o.id: o for o in m.Order.select().where(m.Order.channel == channel)}
    past = [o for o in by_pk.values() if o.has_unmapped and o.state not in PAST_NOT]
    assert moved.id in {o.id for o in past}
    for order in past:
        line = lines[_key(order)]
        assert "UNMAPPED" not in line, line
    before = [o for o in by_pk.values() if o.has_unmapped and o.state in PAST_NOT]
    assert kept.id in {o.id for o in before}
    for order in before:
        line = lines[_key(order)]
        assert "UNMAPPED" in line, line

    capsys.readouterr()
    assert main(["orders", "list", "--json"]) == 0
    listed = {o["key"]: o for o in json.loads(capsys.readouterr().out)}
    assert listed[_key(fresh(moved))]["has_unmapped"] is True and listed[_key(fresh(moved))]["state"] == "delivered"



def _key(order: m.Order) -> str:
    from tokodesk.services.orders import display_key

    order = fresh(order)
    return display_key(order, order.channel)
