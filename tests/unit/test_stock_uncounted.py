"""'Never counted' is a state of its own: never pushed by any path, untouched by orders, adopted from the marketplace.

Issue 14 item 1: the SKUs the first SKU pull created held on_hand 0, and the first push zeroed every listing.
"""

from __future__ import annotations

import json

import peewee as pw
import pytest

from tests.unit.test_inventory_fakes import FakeMarket, channel, mapping, order, set_state, stock
from tokodesk.cli import main
from tokodesk.errors import UserError
from tokodesk.marketplace import base
from tokodesk.services import inventory, reconciliation, stock_adopt, stock_push
from tokodesk.store import models as m


def pulled_shop(**settings):
    """What the first SKU pull leaves: mappings, and StockItems nobody counted."""
    ch = channel(last_order_pull_to=m.utcnow(), **settings)
    for pid, sku in (("P1", "A"), ("P2", "B"), ("P3", "C")):
        mapping(ch, pid, sku)
        m.StockItem.insert(seller_sku=sku, name=f"Kaos {sku}").execute()  # as catalog._map_product does
    return ch, FakeMarket({"P1": 12, "P2": 7, "P3": 30})


def test_a_pulled_sku_is_not_counted_and_no_push_path_sends_it(any_database):  # SQLite and PostgreSQL
    ch, market = pulled_shop(inventory_method="full")
    assert {s.seller_sku: s.on_hand for s in m.StockItem.select()} == {"A": None, "B": None, "C": None}

    scheduled = stock_push.sync_inventory(ch, market)
    full = stock_push.push_stock(ch, market, method="full")
    only = stock_push.push_stock(ch, market, only=["P1", "P2", "P3"])
    recon = reconciliation.reconcile(ch, market, fix=True)
    assert market.requests == [], "nothing may be pushed for a SKU nobody counted"
    assert market.stock == {"P1": 12, "P2": 7, "P3": 30}
    assert (full.sent, full.untracked, only.sent) == (0, 3, 0)
    assert scheduled.details["uncounted"] == 3 and "never counted" in scheduled.details["note"]
    assert scheduled.details["left_out"] == {"never_counted": 3}
    run = m.SyncRun.get(m.SyncRun.kind == "inventory")
    assert run.status == "ok" and run.failed == 0 and any("never counted" in e for e in run.errors), "the log says why"
    assert recon.report.mismatches == 0 and recon.report.status == "ok" and recon.report.fixed == 0
    lines = {x.seller_sku: (x.cause, x.marketplace_qty, x.expected_qty) for x in recon.lines}
    assert lines == {"A": ("not_counted", 12, None), "B": ("not_counted", 7, None), "C": ("not_counted", 30, None)}
    assert reconciliation.CAUSES["not_counted"] == "not counted yet"


def test_a_count_of_zero_is_a_count_and_is_pushed(database):
    ch, market = pulled_shop()
    inventory.set_stock([("A", 0)])
    out = stock_push.push_stock(ch, market)
    assert [(r.product_id, r.quantity) for r in out.rows] == [("P1", 0)]
    assert out.untracked == 2


def test_orders_of_an_uncounted_sku_keep_it_uncounted(any_database):  # SQLite and PostgreSQL
    ch, market = pulled_shop()
    o = order(ch, "acknowledged", [("A", 2)])
    set_state(o, "shipped")
    assert inventory.take_stock_for_shipped_orders(ch) == 1
    assert m.StockItem.get(m.StockItem.seller_sku == "A").on_hand is None, "unknown − 2 is still unknown"
    set_state(o, "returned")
    assert inventory.receive_return(o) == {}, "nothing goes back on a shelf nobody counted"
    assert m.StockItem.get(m.StockItem.seller_sku == "A").on_hand is None
    assert stock_push.push_stock(ch, market).sent == 0
    assert market.stock["P1"] == 12


def test_adopt_adds_back_open_orders_so_the_first_push_changes_nothing(any_database):  # SQLite and PostgreSQL
    ch, market = pulled_shop(inventory_method="full")
    order(ch, "acknowledged", [("A", 2)])  # the marketplace already took these 2 off its 12
    order(ch, "packed", [("A", 1), ("B", 3)])
    order(ch, "awaiting_payment", [("C", 4)])  # TokoDesk reserves nothing for it: not added back
    stock("D", 9)  # counted by the seller: kept
    mapping(ch, "P4", "D")
    market.stock["P4"] = 4

    result = stock_adopt.adopt_marketplace_stock(ch, market)
    assert {a.seller_sku: (a.marketplace, a.held, a.on_hand) for a in result.adopted} == {
        "A": (12, 3, 15), "B": (7, 3, 10), "C": (30, 0, 30)}
    assert result.already_counted == 1 and result.ok
    assert m.StockItem.get(m.StockItem.seller_sku == "D").on_hand == 9
    before = dict(market.stock)
    pushed = stock_push.push_stock(ch, market)
    assert {r.product_id: r.quantity for r in pushed.rows if r.product_id != "P4"} == {
        "P1": 12, "P2": 7, "P3": 30}
    assert {p: market.stock[p] for p in ("P1", "P2", "P3")} == {p: before[p] for p in ("P1", "P2", "P3")}
    assert stock_push.push_stock(ch, market, method="delta").sent == 0


def test_adopt_refuses_while_the_orders_are_not_pulled(database):
    ch, market = pulled_shop()
    m.Channel.update(last_order_pull_to=None).where(m.Channel.id == ch.id).execute()
    with pytest.raises(UserError, match="sync orders"):
        stock_adopt.adopt_marketplace_stock(ch, market)
    assert market.reads == [] and {s.on_hand for s in m.StockItem.select()} == {None}


def test_adopt_skips_what_it_cannot_read_and_a_sku_listed_on_another_channel(database):
    ch, market = pulled_shop()
    other = channel("other")
    mapping(other, "Q9", "C")
    market.stock.pop("P2")  # deleted on the marketplace
    result = stock_adopt.adopt_marketplace_stock(ch, market)
    assert [a.seller_sku for a in result.adopted] == ["A"]
    reasons = {s.seller_sku: s.reason for s in result.skipped}
    assert "not found on the marketplace" in reasons["B"] and "other" in reasons["C"]
    assert m.StockItem.get(m.StockItem.seller_sku == "B").on_hand is None
    assert m.StockItem.get(m.StockItem.seller_sku == "C").on_hand is None


def test_adopt_a_sku_listed_twice_only_when_the_split_gives_each_listing_its_own_figure(database):
    ch, market = pulled_shop()
    mapping(ch, "P1b", "A")  # A: 12 + 5, split evenly would become 9 + 8
    market.stock["P1b"] = 5
    mapping(ch, "P2b", "B")  # B: 7 + 6, split evenly stays 7 + 6
    market.stock["P2b"] = 6
    result = stock_adopt.adopt_marketplace_stock(ch, market)
    adopted = {a.seller_sku: a for a in result.adopted}
    assert "A" not in adopted and "9 + 8" in {s.seller_sku: s.reason for s in result.skipped}["A"]
    assert (adopted["B"].on_hand, adopted["B"].listings) == (13, 2)
    assert any("listed several times" in line for line in stock_adopt.describe(result))
    before = dict(market.stock)
    stock_push.push_stock(ch, market, method="full")
    assert market.stock == before


def test_adopt_on_an_unreadable_marketplace_changes_nothing(database):
    ch, market = pulled_shop()

    class Down(FakeMarket):
        def read_stock(self, product_ids):  # noqa: ANN001, ANN201
            raise base.NotReachable("no network")

    result = stock_adopt.adopt_marketplace_stock(ch, Down(market.stock))
    assert not result.ok and result.adopted == [] and len(result.skipped) == 3
    assert {s.on_hand for s in m.StockItem.select()} == {None}


def test_adopt_uses_the_warehouse_a_push_writes_when_the_marketplace_keeps_several(database):
    ch, market = pulled_shop()

    class TwoWarehouses(FakeMarket):
        def read_stock(self, product_ids):  # noqa: ANN001, ANN201
            # The push writes W1 (the channel's warehouse) and keeps W2's 5: the count is W1's figure.
            return [base.StockLevel(p, f"MP-{p}", self.stock[p] + 5, warehouses={"W1": self.stock[p], "W2": 5},
                                    written=self.stock[p]) for p in product_ids]

    result = stock_adopt.adopt_marketplace_stock(ch, TwoWarehouses(market.stock))
    assert {a.seller_sku: a.on_hand for a in result.adopted} == {"A": 12, "B": 7, "C": 30}


@pytest.fixture
def home_database():
    """The database the CLI opens (the data folder's), so a test can plant rows before running a command."""
    from tokodesk.store.connection import close_database, open_database

    yield open_database()
    close_database()


def test_cli_stock_list_and_adopt(home_database, capsys, monkeypatch):
    ch, market = pulled_shop()
    inventory.set_stock([("B", 4)])
    assert main(["stock", "list", "--json"]) == 0
    listed = {x["seller_sku"]: x for x in json.loads(capsys.readouterr().out)}
    assert listed["A"]["on_hand"] is None and listed["A"]["available"] is None and not listed["A"]["counted"]
    assert listed["B"]["on_hand"] == 4 and listed["B"]["counted"]
    assert main(["stock", "list"]) == 0
    out = capsys.readouterr().out
    assert "not counted" in out and "stock adopt" in out

    from tokodesk.services import channels

    monkeypatch.setattr(channels, "adapter_for", lambda _ch: market)
    assert main(["stock", "adopt", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["adopted"], doc["already_counted"], doc["units_on_marketplace"]) == (2, 1, 42)
    assert m.StockItem.get(m.StockItem.seller_sku == "B").on_hand == 4
    assert main(["stock", "adopt", "--all"]) == 0
    assert "3 SKUs counted from the marketplace" in capsys.readouterr().out
    assert m.StockItem.get(m.StockItem.seller_sku == "B").on_hand == 7


def test_push_cli_says_how_many_it_left_out_and_why(home_database, capsys, monkeypatch):
    ch, market = pulled_shop()
    from tokodesk.services import channels

    monkeypatch.setattr(channels, "adapter_for", lambda _ch: market)
    assert main(["stock", "push"]) == 0
    out = capsys.readouterr().out
    assert "3 left out (never counted)" in out and "stock adopt" in out


def test_migration_makes_on_hand_nullable_and_keeps_the_counts(any_database):
    from playhouse.migrate import migrate as run_ops

    from tokodesk.store import migrations

    database = any_database
    # Back to a database of an older TokoDesk: on_hand NOT NULL, schema 4, real counts in it.
    run_ops(migrations._migrator(database).add_not_null("stock_item", "on_hand"))
    m.SchemaVersion.delete().where(m.SchemaVersion.version >= 5).execute()
    m.StockItem.insert_many([{"seller_sku": "A", "on_hand": 0}, {"seller_sku": "B", "on_hand": 5}]).execute()
    with pytest.raises(pw.IntegrityError), database.atomic():
        m.StockItem.insert(seller_sku="C", on_hand=None).execute()

    assert migrations.migrate(database) == migrations.LATEST
    assert {s.seller_sku: s.on_hand for s in m.StockItem.select()} == {"A": 0, "B": 5}, "old counts stay counts"
    m.StockItem.insert(seller_sku="C").execute()
    assert m.StockItem.get(m.StockItem.seller_sku == "C").on_hand is None
    m.SchemaVersion.delete().where(m.SchemaVersion.version >= 5).execute()
    assert migrations.migrate(database) == migrations.LATEST, "a no-op on a database that is already nullable"


def test_after_a_push_the_marketplace_stock_is_read_back_for_the_pushed_skus(database):
    ch, market = pulled_shop()
    inventory.set_stock([("A", 5), ("B", 2)])
    out = stock_push.push_stock(ch, market)
    assert out.read_back == 2 and market.reads[-1] == ["P1", "P2"]
    shown = {mp.product_id: mp.marketplace_stock for mp in m.SkuMapping.select()}
    assert shown == {"P1": 5, "P2": 2, "P3": None}, "the column shows the marketplace now, not a stale read"
