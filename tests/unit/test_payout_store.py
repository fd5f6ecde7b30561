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
