"""Updating an older SQLite database keeps every row (found while measuring the 100,000-order queue, issue 19).

A migration that adds a NOT NULL column used to rebuild the table on SQLite (playhouse adds the column nullable,
fills it, then copies the table to make it NOT NULL); the copy's DROP TABLE deletes through every ON DELETE
CASCADE, foreign keys being on. Measured: a schema-14 database of 100,000 orders came out of migrations 17 and 20
with no order line (17 rebuilt "order") and no order at all (20 rebuilt "channel").
"""

from __future__ import annotations

from datetime import datetime

from tokodesk.store import migrations
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database

# Columns later migrations add, dropped here to make a database look older (NOT NULL ones: the rebuilt kind).
ADDED = {
    "order": ("version", "local_updated_at", "cancellation_initiator"),
    "channel": ("price_change_confirm_pct", "price_floor"),
}


def _old_database(path):  # noqa: ANN001, ANN202
    database = open_database(f"sqlite:///{path}")
    shop = m.Channel.create(name="Toko Lama", shop_id="42")
    for i in range(3):
        order = m.Order.create(channel=shop, order_id=f"900{i}", invoice=f"INV/{i}", state="new",
                               created_at=datetime(2026, 11, 25, 8, i))
        for j in range(2):
            m.OrderLine.create(order=order, line_no=j, product_id=f"P{j}", sku=f"SKU-{j}", name="Kaos", quantity=1,
                               price=25_000)
        m.OrderEvent.create(order=order, kind="pulled", at=datetime(2026, 11, 25, 9, i))
    for table, columns in ADDED.items():
        for column in columns:
            database.execute_sql(f'DROP INDEX IF EXISTS "{table}_{column}"')
            database.execute_sql(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    m.SchemaVersion.delete().where(m.SchemaVersion.version > 1).execute()
    close_database()


def test_migrating_an_older_database_keeps_every_order_line_and_event(tmp_path):
    path = tmp_path / "old.db"
    _old_database(path)

    database = open_database(f"sqlite:///{path}")
    try:
        assert migrations.current_version(database) == migrations.LATEST
        assert m.Channel.select().count() == 1
        assert m.Order.select().count() == 3, "the channel table's rebuild deleted the orders"
        assert m.OrderLine.select().count() == 6, "the order table's rebuild deleted the lines"
        assert m.OrderEvent.select().count() == 3
        order = m.Order.get(m.Order.order_id == "9001")
        assert order.version == 1 and order.cancellation_initiator == "" and order.local_updated_at is not None
        shop = m.Channel.get()
        assert shop.price_change_confirm_pct == 50 and shop.price_floor == 1000
        # The added columns are NOT NULL with their default, as on a database created new.
        for table, columns in ADDED.items():
            found = {c.name: c for c in database.get_columns(table)}
            assert all(not found[column].null for column in columns), table
        m.Order.create(channel=shop, order_id="9100", invoice="INV/NEW", state="new",
                       created_at=datetime(2026, 11, 26))  # defaults still apply to new rows
        assert m.Order.get(m.Order.order_id == "9100").cancellation_initiator == ""
    finally:
        close_database()
