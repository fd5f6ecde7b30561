"""The payouts tables (issue 22) on both databases: an older database gains them (and the cost price) by migration,
upserts are keyed so a second write of the same record changes it instead of adding one, money stays integer."""

from __future__ import annotations

from datetime import datetime, timezone

from tokodesk.marketplace import finance as fin
from tokodesk.services import payout_sync
from tokodesk.store import migrations
from tokodesk.store import models as m

# Lines first: they point at statements.
PAYOUT_TABLES = ("settlement_line", "statement", "unsettled_estimate", "withdrawal")


def test_an_older_database_gains_the_payout_tables_and_cost_prices(any_database):
    m.StockItem.create(seller_sku="KAOS-1", on_hand=3)
    any_database.execute_sql('ALTER TABLE "stock_item" DROP COLUMN "cost_price"')
    for table in PAYOUT_TABLES:
        any_database.execute_sql(f'DROP TABLE "{table}"')
    m.SchemaVersion.delete().where(m.SchemaVersion.version > 17).execute()
    assert migrations.migrate(any_database) == migrations.LATEST
    assert "cost_price" in {c.name for c in any_database.get_columns("stock_item")}
    assert all(any_database.table_exists(t) for t in PAYOUT_TABLES)
    assert m.StockItem.get().cost_price is None  # not entered
    assert migrations.migrate(any_database) == migrations.LATEST  # and again: nothing to do


def test_a_transaction_read_twice_is_one_row_with_the_latest_amounts(any_database):
    channel = m.Channel.create(name="Toko")
    when = datetime(2026, 12, 1, tzinfo=timezone.utc)
    info = fin.StatementInfo("S1", when, settlement_amount=900_000_000_001)
    row, created, read = payout_sync.store_statement(channel, info)
    assert created and read
    line = fin.SettlementInfo("T1", "S1", "ORDER", order_id="O1", settlement_amount=91_516,
                              amounts=[fin.Amount(fin.FEE, "platform_commission_amount", -6_970)])
    assert payout_sync.store_line(channel, row, line) is True
    line.amounts = [fin.Amount(fin.FEE, "platform_commission_amount", -6_971)]
    assert payout_sync.store_line(channel, row, line) is False
    stored = m.SettlementLine.get()
    assert m.SettlementLine.select().count() == 1
    assert stored.amounts == [["fee", "platform_commission_amount", -6_971]]
    assert m.Statement.get().settlement_amount == 900_000_000_001  # past 32 bits, still exact
    # The same statement again with the same money needs no re-read once read; changed money does.
    m.Statement.update(transactions_read_at=m.utcnow()).execute()
    assert payout_sync.store_statement(channel, info)[1:] == (False, False)
    info.adjustment_amount = -5_000
    assert payout_sync.store_statement(channel, info)[1:] == (False, True)


def test_the_payout_book_reads_back_what_was_stored(any_database):
    from tokodesk.services import payout_book

    channel = m.Channel.create(name="Toko", marketplace="tiktokshop")
    legacy = m.Channel.create(name="Lama", marketplace="tokopedia")
    order = m.Order.create(channel=channel, order_id="A", invoice="INV/A", state="completed", total_amount=134_000,
                           created_at=datetime(2026, 11, 18))
    m.OrderLine.create(order=order, line_no=0, sku="KAOS-1", seller_sku="KAOS-1", quantity=2, price=45_000)
    m.OrderLine.create(order=order, line_no=1, sku="TOPI-1", seller_sku="TOPI-1", quantity=1, price=35_000)
    m.StockItem.create(seller_sku="KAOS-1", cost_price=30_000)
    m.StockItem.create(seller_sku="TOPI-1", cost_price=20_000)
    m.Order.create(channel=legacy, order_id="L", state="completed", total_amount=5, created_at=datetime(2026, 11, 18))
    made = datetime(2026, 11, 30, tzinfo=timezone.utc)
    row, _, _ = payout_sync.store_statement(channel, fin.StatementInfo("S1", made, settlement_amount=110_037))
    fees = [fin.Amount(fin.FEE, "platform_commission_amount", -8_713),
            fin.Amount(fin.FEE, "dynamic_commission_amount", -5_000),
            fin.Amount(fin.FEE, "transaction_fee_amount", -1_250),
            fin.Amount(fin.REVENUE, "subtotal_before_discount_amount", 125_000)]
    payout_sync.store_line(channel, row, fin.SettlementInfo("T1", "S1", "ORDER", order_id="A",
                                                            settlement_amount=110_037, amounts=fees))
    book = payout_book.load()
    (p,) = book.orders  # the legacy channel has no payouts
    assert (p.order_id, p.status, p.net, p.difference, p.margin) == ("A", "settled", 110_037, 0, 30_037)
    assert p.settled_at == datetime(2026, 11, 30) and p.statements == ["S1"]
    assert book.statements[0].lines == 1 and book.weekly()[0].settled == 110_037
    assert payout_book.load(legacy).orders == []


def test_a_long_gap_since_the_last_sync_loses_no_statement(database):
    from datetime import timedelta

    channel = m.Channel.create(name="Toko", marketplace="tiktokshop")
    now = datetime(2026, 12, 5)
    assert payout_sync.sync_start(channel, now) == now - payout_sync.FIRST_SYNC_BACK
    season_ago = now - timedelta(days=100)  # the PC was off for a season
    m.SyncRun.create(channel=channel, kind="payouts", status="ok", started_at=season_ago, window_to=season_ago)
    assert payout_sync.sync_start(channel, now) == season_ago - payout_sync.OVERLAP


def test_only_orders_since_the_first_payouts_sync_can_be_unsettled(any_database):
    from tokodesk.services import payout_book

    channel = m.Channel.create(name="Toko", marketplace="tiktokshop")
    for order_id, created in (("OLD", datetime(2026, 1, 5)), ("NEW", datetime(2026, 11, 20))):
        m.Order.create(channel=channel, order_id=order_id, state="completed", total_amount=10_000,
                       created_at=created, updated_at=created)
    assert payout_book.load(now=datetime(2026, 12, 20)).orders == []  # never synced: nothing known
    m.SyncRun.create(channel=channel, kind="payouts", status="ok", window_from=datetime(2026, 10, 1),
                     window_to=datetime(2026, 12, 1))
    book = payout_book.load(now=datetime(2026, 12, 20))
    assert [p.order_id for p in book.orders] == ["NEW"]  # OLD was settled before TokoDesk looked
    assert [p.order_id for p in book.overdue(14)] == ["NEW"] and book.orders[0].status == "unsettled"
