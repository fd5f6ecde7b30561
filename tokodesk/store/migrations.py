"""Numbered schema migrations behind a SchemaVersion row.

Migration 1 creates the tables as the models declare them. Every later migration brings a database made by an
older TokoDesk up to date and must be a no-op on one created fresh by migration 1 (hence `add_column_if_missing`).
Before any migration runs on an existing SQLite file, a copy of the file is taken next to it.

Several stations (or a window and a CLI run) may start at once on a database that needs migrating, so the
migrations run under a lock held for the whole run: a transaction-scoped advisory lock on PostgreSQL, a write
(BEGIN IMMEDIATE) transaction on SQLite. Whoever gets it second re-reads the version and finds nothing to do.
A database whose schema is newer than this program is refused, never written to.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import peewee as pw

from tokodesk.store import models as m

if TYPE_CHECKING:
    from playhouse.migrate import Operation, SchemaMigrator

log = logging.getLogger(__name__)


# playhouse.migrate imports psycopg (through its PostgreSQL extensions), so it is imported only when a migration
# changes a table, not by every process that opens an up-to-date database (store/driver.py).
def _migrator(database: pw.Database) -> SchemaMigrator:
    from playhouse.migrate import PostgresqlMigrator, SqliteMigrator

    if isinstance(database, pw.SqliteDatabase):
        return SqliteMigrator(database)
    return PostgresqlMigrator(database)


def run_ops(*operations: Operation) -> None:
    from playhouse.migrate import migrate

    migrate(*operations)


def add_column_if_missing(database: pw.Database, model: type[pw.Model], name: str) -> None:
    table = model._meta.table_name
    existing = {c.name for c in database.get_columns(table)}
    field = model._meta.fields[name]
    if field.column_name in existing:  # a foreign key's column is not its field's name ("order" -> "order_id")
        return
    if isinstance(database, pw.SqliteDatabase) and not field.null and not isinstance(field, pw.ForeignKeyField):
        _sqlite_add_not_null_column(database, table, field)
        return
    run_ops(_migrator(database).add_column(table, field.column_name, field))


def _sqlite_add_not_null_column(database: pw.SqliteDatabase, table: str, field: pw.Field) -> None:
    """ALTER TABLE … ADD COLUMN … NOT NULL DEFAULT <the field's default>, in place.

    playhouse adds a NOT NULL column as a nullable one, fills it, then rebuilds the table to make it NOT NULL; the
    rebuild's DROP TABLE deletes every row that refers to the table through ON DELETE CASCADE (foreign keys are on):
    migration 17 emptied order_line, migration 20 every order with its lines, events and actions."""
    default = field.default() if callable(field.default) else field.default
    if default is None:
        raise ValueError(f"{table}.{field.column_name} is NOT NULL but has no default for the rows already there")
    value = field.db_value(default)
    if isinstance(value, bool):
        literal = "1" if value else "0"
    elif isinstance(value, (int, float)):
        literal = repr(value)
    else:
        literal = "'" + str(value).replace("'", "''") + "'"
    ctx = database.get_sql_context()
    column, params = ctx.sql(field.ddl(ctx)).query()
    if params:
        raise ValueError(f"{table}.{field.column_name}: unexpected parameters in its definition")
    database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {column} DEFAULT {literal}')


def _m1_initial(database: pw.Database) -> None:
    database.create_tables(m.ALL_MODELS, safe=True)


def _m2_stations(database: pw.Database) -> None:
    # 0.1 databases had no optimistic version or change cursor on orders; several stations need both.
    add_column_if_missing(database, m.Order, "version")
    add_column_if_missing(database, m.Order, "local_updated_at")
    add_column_if_missing(database, m.Action, "station")
    add_column_if_missing(database, m.Action, "version")
    database.create_tables([m.SyncLease], safe=True)
    database.execute_sql('CREATE INDEX IF NOT EXISTS "order_local_updated_at" ON "order" ("local_updated_at")')


def _m3_queue_index(database: pw.Database) -> None:
    # The queue filters by state and sorts by deadline/creation; this index keeps the first load fast at 100k orders.
    database.execute_sql(
        'CREATE INDEX IF NOT EXISTS "order_channel_state_created" ON "order" ("channel_id", "state", "created_at")'
    )


def _m4_kept_labels(database: pw.Database) -> None:
    # Marketplace label PDFs kept on the station that downloaded them (the marketplace may refuse a reprint later).
    database.create_tables([m.KeptLabel], safe=True)


def _m5_uncounted_stock(database: pw.Database) -> None:
    # "Never counted" became a state of its own (on_hand NULL): a SKU the first pull created no longer holds a 0
    # that a push would send. Counts already in the database stay as they are: an old 0 may be a real "sold out".
    table = m.StockItem._meta.table_name
    column = next((c for c in database.get_columns(table) if c.name == "on_hand"), None)
    if column is None or column.null:
        return
    # SQLite cannot drop NOT NULL in place: peewee's migrator rebuilds the table (rows and indexes kept).
    run_ops(_migrator(database).drop_not_null(table, "on_hand"))


def _m6_seller_ships(database: pw.Database) -> None:
    # Orders the seller's own courier delivers (TikTok Shop shipping_type SELLER) ask for their AWB when shipped.
    add_column_if_missing(database, m.Order, "seller_ships")


def _m7_platform_sla(database: pw.Database) -> None:
    # Tokopedia & Shop's order of work (issue 16.4): the platform's deadlines, priority and the buyer's window.
    for name in ("tts_sla_time", "rts_sla_time", "pick_up_cut_off_time", "priority_level", "hold_until"):
        add_column_if_missing(database, m.Order, name)


def _m8_shared_authorization(database: pw.Database) -> None:
    # Two shops of one consent as two channels sharing one set of tokens (issue 16.1).
    add_column_if_missing(database, m.Channel, "token_channel")


def _m9_packages(database: pw.Database) -> None:
    # Orders of Tokopedia & Shop come in packages (split orders, combined packages) that ship one by one.
    database.create_tables([m.Package, m.PackageOrder], safe=True)


def _m10_combinable_packages(database: pw.Database) -> None:
    # Which packages the marketplace offers to combine (shown in the queue's detail; combined from the window).
    add_column_if_missing(database, m.Package, "combine_group")


def _m11_catalog_edits(database: pw.Database) -> None:
    # Prices and listings edited in TokoDesk and pushed on purpose (issue 23).
    database.create_tables([m.CatalogEdit], safe=True)
def _m12_returns(database: pw.Database) -> None:
    # Returns and refunds (issue 17): the after-sales queue, and stock that comes back only with the goods.
    database.create_tables([m.Return, m.ReturnLine, m.StockMovement], safe=True)
    add_column_if_missing(database, m.StockItem, "damaged")


def _m13_handover_scans(database: pw.Database) -> None:
    # The handover scan (issue 18): each parcel scanned when the courier collects, the seller's dispatch record.
    database.create_tables([m.HandoverScan], safe=True)


def _m14_item_barcodes(database: pw.Database) -> None:
    # The pack station checks each item by scan (issue 21.6): an item's barcode when it is not its seller SKU.
    add_column_if_missing(database, m.StockItem, "barcode")
    database.execute_sql('CREATE INDEX IF NOT EXISTS "stock_item_barcode" ON "stock_item" ("barcode")')


def _m15_movements_per_order(database: pw.Database) -> None:
    # Goods come back once per order whichever way they are checked in (issue 17): movements name their order.
    add_column_if_missing(database, m.StockMovement, "order")
    linked = m.StockMovement.order.is_null(True) & m.StockMovement.ret.is_null(False)
    for move in m.StockMovement.select().where(linked):
        ret = m.Return.get_or_none(m.Return.id == move.ret_id)
        if ret is not None and ret.local_order_id:
            m.StockMovement.update(order=ret.local_order_id).where(m.StockMovement.id == move.id).execute()


def _m16_pack_videos(database: pw.Database) -> None:
    # Packing videos (issue 21): each clip's file, times and checksum, kept with its order.
    database.create_tables([m.Clip], safe=True)


def _m17_cancellation_initiator(database: pw.Database) -> None:
    # The shop's health (issue 18.4) tells the seller's cancellations from the buyer's and the platform's by it.
    add_column_if_missing(database, m.Order, "cancellation_initiator")


def _m18_payouts(database: pw.Database) -> None:
    # Payouts (issue 22): statements, their transactions per order, unsettled estimates, withdrawals; cost prices.
    database.create_tables([m.Statement, m.SettlementLine, m.UnsettledEstimate, m.Withdrawal], safe=True)
    add_column_if_missing(database, m.StockItem, "cost_price")


def _m19_catalog_codes(database: pw.Database) -> None:
    # Seller SKU codes pushed like prices (issue 23): a catalogue edit may carry text, not only a number.
    add_column_if_missing(database, m.CatalogEdit, "old_text")
    add_column_if_missing(database, m.CatalogEdit, "new_text")


def _m20_channel_price_rails(database: pw.Database) -> None:
    # The catalogue push's guard rails are channel settings (issue 23), edited with the others; a value the seller
    # had set app-wide before carries over to every channel.
    add_column_if_missing(database, m.Channel, "price_change_confirm_pct")
    add_column_if_missing(database, m.Channel, "price_floor")
    for key in ("price_change_confirm_pct", "price_floor"):
        row = m.AppSetting.get_or_none(m.AppSetting.key == key)
        if row is None:
            continue
        try:
            value = int(row.value)
        except (TypeError, ValueError):
            continue
        m.Channel.update(**{key: value}).execute()
        row.delete_instance()


def _m21_packages_packed(database: pw.Database) -> None:
    # The pack station packs the parcel scanned (a package of a split order), found by its tracking number.
    add_column_if_missing(database, m.Package, "packed_at")
    add_column_if_missing(database, m.Package, "packed_by")
    database.execute_sql('CREATE INDEX IF NOT EXISTS "package_channel_id_tracking_number" ON "package" '
                         '("channel_id", "tracking_number")')


def _m22_package_units(database: pw.Database) -> None:
    # The pack check lists the items of the parcel scanned, not its whole split order; known from the next read.
    add_column_if_missing(database, m.PackageOrder, "units")


def _m23_parcels_of_packed_orders(database: pw.Database) -> None:
    # Packing an order as a whole now packs its parcels too (a split order's packages agree with it). An order packed
    # before that has its waiting parcels marked now, with the order's own time and packer; a combined package is
    # marked only when every order in it is packed. Nothing to do on a fresh database.
    packed = "('packed', 'ready_to_ship')"
    database.execute_sql(
        'UPDATE "package" SET '
        '"packed_at" = (SELECT MAX(o."packed_at") FROM "package_order" po JOIN "order" o ON o."id" = po."order_id" '
        'WHERE po."package_id" = "package"."id"), '
        '"packed_by" = COALESCE((SELECT MAX(o."packed_by") FROM "package_order" po JOIN "order" o '
        'ON o."id" = po."order_id" WHERE po."package_id" = "package"."id"), \'\') '
        'WHERE "packed_at" IS NULL AND "status" IN (\'\', \'TO_FULFILL\') '
        'AND EXISTS (SELECT 1 FROM "package_order" po WHERE po."package_id" = "package"."id") '
        'AND NOT EXISTS (SELECT 1 FROM "package_order" po JOIN "order" o ON o."id" = po."order_id" '
        f'WHERE po."package_id" = "package"."id" AND (o."state" NOT IN {packed} OR o."packed_at" IS NULL))'
    )


def _m24_stored_words(database: pw.Database) -> None:
    add_column_if_missing(database, m.Order, "problem_words")
    add_column_if_missing(database, m.OrderEvent, "words")
    add_column_if_missing(database, m.SyncRun, "error_words")
    add_column_if_missing(database, m.Action, "error_words")


def _m25_return_words(database: pw.Database) -> None:
    add_column_if_missing(database, m.Return, "problem_words")
    add_column_if_missing(database, m.Return, "decision_words")


def _m26_more_stored_words(database: pw.Database) -> None:
    add_column_if_missing(database, m.SkuMapping, "last_push_words")
    add_column_if_missing(database, m.StockPush, "message_words")
    add_column_if_missing(database, m.ReconReport, "error_words")
    add_column_if_missing(database, m.CatalogEdit, "message_words")
    add_column_if_missing(database, m.HandoverScan, "detail_words")


MIGRATIONS: list[tuple[int, str, Callable[[pw.Database], None]]] = [
    (1, "initial schema", _m1_initial),
    (2, "several stations: order version, change cursor, sync lease", _m2_stations),
    (3, "queue index", _m3_queue_index),
    (4, "kept marketplace labels", _m4_kept_labels),
    (5, "stock never counted (on_hand may be NULL)", _m5_uncounted_stock),
    (6, "orders delivered by the seller's own courier", _m6_seller_ships),
    (7, "platform deadlines and priority of orders", _m7_platform_sla),
    (8, "channels sharing one authorization", _m8_shared_authorization),
    (9, "packages of their own", _m9_packages),
    (10, "combinable packages", _m10_combinable_packages),
    (11, "catalogue edits: prices and listings pushed on purpose", _m11_catalog_edits),
    (12, "returns and refunds, stock movements", _m12_returns),
    (13, "handover scans", _m13_handover_scans),
    (14, "item barcodes for the pack check", _m14_item_barcodes),
    (15, "stock movements name their order", _m15_movements_per_order),
    (16, "packing videos", _m16_pack_videos),
    (17, "who cancelled an order", _m17_cancellation_initiator),
    (18, "payouts: statements, settlement lines, unsettled estimates, withdrawals, cost prices", _m18_payouts),
    (19, "catalogue edits of seller SKU codes", _m19_catalog_codes),
    (20, "price guard rails per channel", _m20_channel_price_rails),
    (21, "packages packed one at a time", _m21_packages_packed),
    (22, "the items of each package", _m22_package_units),
    (23, "the parcels of orders packed as a whole", _m23_parcels_of_packed_orders),
    (24, "stored messages keep their words (problems, history, run and request errors)", _m24_stored_words),
    (25, "a return's problem and decision keep their words", _m25_return_words),
    (26, "stock pushes, reconciliations, catalogue edits and handover scans keep their words", _m26_more_stored_words),
]
LATEST = MIGRATIONS[-1][0]


# Any constant shared by every TokoDesk: the key of the PostgreSQL advisory lock taken while migrating.
PG_MIGRATION_LOCK = 0x70C0DE5C
# How long a station waits for another one's SQLite migration (a big file's copy can take a while).
SQLITE_LOCK_WAIT = 600.0


class SchemaTooNewError(Exception):
    """The database was made or updated by a newer TokoDesk; this one must not write to it."""

    def __init__(self, found: int, known: int) -> None:
        self.found = found
        self.known = known
        super().__init__(
            f"The database has TokoDesk schema version {found}, newer than this TokoDesk knows (schema version "
            f"{known}): a newer TokoDesk has used it. Update TokoDesk on this PC; nothing was changed."
        )


def current_version(database: pw.Database) -> int:
    if not database.table_exists(m.SchemaVersion._meta.table_name):
        return 0
    row = m.SchemaVersion.select(pw.fn.MAX(m.SchemaVersion.version)).scalar()
    return int(row or 0)


def backup_path(database: pw.SqliteDatabase, version: int) -> Path:
    """One backup per schema version, overwritten by a later attempt: a migration killed at every start must not
    leave a copy per start."""
    path = Path(database.database)
    return path.with_name(f"{path.stem}.v{version}.bak{path.suffix}")


def backup_sqlite(database: pw.SqliteDatabase, version: int) -> Path | None:
    path = Path(database.database)
    if str(database.database) == ":memory:" or not path.exists() or path.stat().st_size == 0:
        return None
    target = backup_path(database, version)
    partial = target.with_name(target.name + ".partial")
    # A second connection reads a consistent snapshot (WAL included) while ours holds the write lock; the copy is
    # renamed into place only when complete, so a kill mid-copy leaves the old backup (if any) and one partial file.
    source = sqlite3.connect(str(path))
    try:
        dest = sqlite3.connect(str(partial))
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    os.replace(partial, target)
    log.info("database backed up to %s before migrating from schema %d", target, version)
    return target


@contextlib.contextmanager
def _migration_lock(database: pw.Database) -> Iterator[None]:
    if isinstance(database, pw.PostgresqlDatabase):
        with database.atomic():
            database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (PG_MIGRATION_LOCK,))
            yield
        return
    if isinstance(database, pw.SqliteDatabase):
        deadline = time.monotonic() + SQLITE_LOCK_WAIT
        with contextlib.ExitStack() as stack:
            while True:
                try:
                    stack.enter_context(database.atomic("IMMEDIATE"))
                    break
                except pw.OperationalError as exc:
                    # busy_timeout ran out while another station migrates; keep waiting up to the deadline.
                    if "locked" not in str(exc) or time.monotonic() > deadline:
                        raise
                    log.info("waiting for another TokoDesk to finish updating the database")
            yield
        return
    with database.atomic():
        yield


def check_not_newer(database: pw.Database) -> int:
    """The schema version, or SchemaTooNewError when a newer TokoDesk made it."""
    version = current_version(database)
    if version > LATEST:
        raise SchemaTooNewError(version, LATEST)
    return version


def migrate(database: pw.Database) -> int:
    """Run the pending migrations under the migration lock; return the schema version reached.

    Raises SchemaTooNewError, before writing anything, for a database newer than this TokoDesk."""
    with database.bind_ctx(m.ALL_MODELS):
        if check_not_newer(database) == LATEST:
            return LATEST
        with _migration_lock(database):
            version = check_not_newer(database)  # another station may have migrated while we waited
            pending = [mig for mig in MIGRATIONS if mig[0] > version]
            if not pending:
                return version
            if version > 0 and isinstance(database, pw.SqliteDatabase):
                backup_sqlite(database, version)
            for number, title, func in pending:
                with database.atomic():
                    log.info("migrating database to schema %d (%s)", number, title)
                    func(database)
                    m.SchemaVersion.create(version=number)
            return pending[-1][0]
