import os
import stat
from datetime import datetime

import peewee as pw
import pytest

from tokodesk import config
from tokodesk.store import migrations
from tokodesk.store.connection import DatabaseError, close_database, open_database
from tokodesk.store.models import Channel, Order, OrderLine, SchemaVersion, db


def _order(channel, order_id, **kw):
    return Order.create(channel=channel, order_id=order_id, state="new", created_at=datetime(2026, 11, 25), **kw)


def test_fresh_database_is_at_latest_schema_in_wal_mode(database):
    assert migrations.current_version(database) == migrations.LATEST
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1


def test_channel_and_order_id_are_unique_together(any_database):
    a = Channel.create(name="A")
    b = Channel.create(name="B")
    _order(a, "123")
    _order(b, "123")  # the same marketplace id in another channel is another order
    with pytest.raises(pw.IntegrityError), db.atomic():
        _order(a, "123")
    assert Order.select().count() == 2


def test_order_lines_cascade_with_their_order(any_database):
    ch = Channel.create(name="A")
    order = _order(ch, "1")
    OrderLine.create(order=order, sku="SKU-1", quantity=2)
    order.delete_instance()
    assert OrderLine.select().count() == 0


def test_migrate_from_older_schema_keeps_data_and_backs_up(tmp_path):
    path = tmp_path / "old.db"
    database = open_database(f"sqlite:///{path}")
    # Make this database look like a 0.1 one: schema 1, without the columns migration 2 adds.
    ch = Channel.create(name="Toko Lama", shop_id="42")
    _order(ch, "9001", invoice="INV/20261125/MPL/1")
    for column in ("version", "local_updated_at"):
        database.execute_sql(f'DROP INDEX IF EXISTS "order_{column}"')
        database.execute_sql(f'ALTER TABLE "order" DROP COLUMN "{column}"')
    SchemaVersion.delete().where(SchemaVersion.version > 1).execute()
    close_database()

    database = open_database(f"sqlite:///{path}")
    assert migrations.current_version(database) == migrations.LATEST
    backups = list(tmp_path.glob("old.v1.bak.db"))
    assert len(backups) == 1 and backups[0].stat().st_size > 0
    order = Order.get(Order.order_id == "9001")
    assert order.invoice == "INV/20261125/MPL/1" and order.channel.name == "Toko Lama"
    assert order.version == 1  # the added column got its default for old rows
    columns = {c.name for c in database.get_columns("order")}
    assert {"version", "local_updated_at"} <= columns
    close_database()


def test_no_backup_for_a_new_database(tmp_path):
    open_database(f"sqlite:///{tmp_path / 'new.db'}")
    close_database()
    assert not list(tmp_path.glob("*.bak.db"))


def test_every_model_column_exists_after_migrations(any_database):
    from tokodesk.store.models import ALL_MODELS

    assert migrations.current_version(any_database) == migrations.LATEST
    for model in ALL_MODELS:
        columns = {c.name for c in any_database.get_columns(model._meta.table_name)}
        assert {f.column_name for f in model._meta.sorted_fields} <= columns, model.__name__


def test_values_come_back_unchanged_on_every_backend(any_database):
    from tokodesk.store.models import Action, OrderEvent

    ch = Channel.create(name="Toko Ibu Sri ☕")
    when = datetime(2026, 11, 25, 23, 59, 58, 123456)  # naive UTC, with microseconds
    order = _order(
        ch, "8000000001", total_amount=12_500_000_000, buyer_note="Tolong dibungkus rapi 🙏\nJangan dibanting",
        ship_deadline=when, recipient_address="Jl. Melati No. 5, RT 01/RW 02 — Kel. Sukamaju",
    )
    payload = {"method": "pickup", "awb": None, "lines": [{"sku": "KOPI-250g", "qty": 2}], "catatan": "é ü ñ"}
    Action.create(channel=ch, order=order, kind="ship", payload=payload)
    OrderEvent.create(order=order, kind="ack", who="anna@desk1", detail="diterima", ok=False)

    again = Order.get(Order.order_id == "8000000001")
    assert again.total_amount == 12_500_000_000
    assert again.ship_deadline == when and again.ship_deadline.tzinfo is None
    assert again.buyer_note == "Tolong dibungkus rapi 🙏\nJangan dibanting"
    assert again.recipient_address.endswith("— Kel. Sukamaju")
    assert again.channel.name == "Toko Ibu Sri ☕"
    assert again.version == 1 and again.local_updated_at is not None
    assert Action.get().payload == payload
    event = OrderEvent.get()
    assert (event.who, event.ok) == ("anna@desk1", False)


def test_migrating_again_changes_nothing(any_database):
    rows = SchemaVersion.select().count()
    assert migrations.migrate(any_database) == migrations.LATEST
    assert SchemaVersion.select().count() == rows == migrations.LATEST


def test_a_conditional_update_changes_only_the_version_it_read(any_database):
    """The optimistic lock every station relies on: an UPDATE guarded by the version read matches once."""
    order = _order(Channel.create(name="A"), "1")
    guard = (Order.id == order.id) & (Order.version == 1)
    assert Order.update(version=Order.version + 1, state="acknowledged").where(guard).execute() == 1
    assert Order.update(version=Order.version + 1, state="cancelled").where(guard).execute() == 0
    assert Order.get_by_id(order.id).state == "acknowledged"


def test_a_failed_insert_inside_a_savepoint_keeps_the_transaction_usable(any_database):
    # PostgreSQL aborts a whole transaction on an error unless it happened inside a savepoint.
    ch = Channel.create(name="A")
    with db.atomic():
        _order(ch, "1")
        with pytest.raises(pw.IntegrityError), db.atomic():
            _order(ch, "1")
        _order(ch, "2")
    assert sorted(o.order_id for o in Order.select()) == ["1", "2"]


def test_data_folder_is_private(tokodesk_home):
    path = config.ensure_data_dir()
    assert path == tokodesk_home
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o700


def test_default_database_lives_in_the_data_folder(tokodesk_home):
    database = open_database()
    try:
        assert os.path.dirname(database.database) == str(tokodesk_home)
    finally:
        close_database()


def test_unknown_database_scheme_is_explained(monkeypatch):
    monkeypatch.setenv("TOKODESK_DB", "mysql://x/y")
    with pytest.raises(DatabaseError, match="sqlite:///PATH or postgresql://"):
        open_database()


def test_unreachable_postgres_is_explained():
    with pytest.raises(DatabaseError, match="Cannot reach PostgreSQL at 127.0.0.1:1"):
        open_database("postgresql://nobody@127.0.0.1:1/tokodesk")


@pytest.mark.system
def test_postgres_migrates_an_older_schema_and_keeps_data(pg_url):
    database = open_database(pg_url)
    ch = Channel.create(name="Toko Lama")
    _order(ch, "77", invoice="INV/1")
    for column in ("version", "local_updated_at"):
        database.execute_sql(f'ALTER TABLE "order" DROP COLUMN "{column}"')
    SchemaVersion.delete().where(SchemaVersion.version > 1).execute()
    close_database()
    database = open_database(pg_url)
    assert migrations.current_version(database) == migrations.LATEST
    assert Order.get(Order.order_id == "77").version == 1


@pytest.mark.system
def test_postgres_user_without_rights_is_explained(pg_url):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("DROP ROLE IF EXISTS tokodesk_readonly")
        admin.execute("CREATE ROLE tokodesk_readonly LOGIN")
        admin.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    url = pg_url.replace("postgres@", "tokodesk_readonly@")
    try:
        with pytest.raises(DatabaseError, match="right to CREATE tables"):
            open_database(url)
    finally:
        close_database()
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("DROP OWNED BY tokodesk_readonly")
            admin.execute("DROP ROLE IF EXISTS tokodesk_readonly")
