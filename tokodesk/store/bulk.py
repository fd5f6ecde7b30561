"""Many rows written and read at once in raw SQL: the order pull's page writer and the packages it carries.

peewee builds an INSERT of a 100-order page value by value, which costs more than the rest of the pull together;
these build each statement once. Values go through the conversion peewee would apply, so rows read back identically.

SQLite runs inside this process: the driver's executemany is the cheapest way to write many rows. PostgreSQL is
across a socket and executes every statement on its own (10,000 orders were 34,000 INSERTs, most of the server's
work): there a page's rows go in one INSERT per table (each column one array parameter, unnested by the server), and
the ids of new rows come back with RETURNING instead of another SELECT.

Reads by a list of values are never prepared on PostgreSQL. psycopg prepares a statement it has run five times and
the server then keeps the plan it made for the table as it was: during a first pull the order table grows from empty
to 10,000 rows on one connection, and the plan kept from the empty table scanned the whole table for every page
(30–50 ms a page, more than half of the first pull's time). Planned afresh each time, the same SELECT takes ~1 ms.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime

import peewee as pw

from tokodesk.store import models as m

IN_CHUNK = 500  # values in one IN (...) list


def bound(database: pw.Database) -> pw.Database:
    return getattr(database, "obj", None) or database  # the models' DatabaseProxy -> the bound database


def is_sqlite(database: pw.Database) -> bool:
    return isinstance(bound(database), pw.SqliteDatabase)


def stored_form(database: pw.Database):  # noqa: ANN201 - a converter
    """A function turning a Python value into what a raw SELECT returns for it (SQLite keeps times as text)."""
    if is_sqlite(database):
        return lambda v: str(v) if isinstance(v, datetime) else v
    return lambda v: v


def chunks(items: Sequence, size: int = IN_CHUNK) -> Iterator[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def select(database: pw.Database, sql: str, params: Sequence) -> list[tuple]:
    """Rows of a raw SELECT; on PostgreSQL planned for these very values (never prepared: see the module's note)."""
    database = bound(database)
    if is_sqlite(database):
        return database.execute_sql(sql, params).fetchall()
    database._log_query(sql, params)  # peewee's query log sees it, as its own statements
    with pw.__exception_wrapper__:  # and its errors are peewee's (OperationalError on a lost connection, ...)
        cursor = database.cursor()
        cursor.execute(sql, params, prepare=False)
        return cursor.fetchall()


def placeholders(database: pw.Database, count: int) -> str:
    return ", ".join([bound(database).param] * count)


def is_in(database: pw.Database, column: str, values: Sequence) -> tuple[str, list]:
    """`column` among `values`, as SQL and its parameters: on PostgreSQL `= ANY` of one binary array (psycopg reads
    every placeholder of a statement's text in Python), on SQLite `IN (?, ...)`."""
    if is_sqlite(database):
        return f"{column} IN ({placeholders(database, len(values))})", list(values)
    return f"{column} = ANY(%b)", [list(values)]


# Field types whose Python value the drivers take as it is; any other field (JSONField, say: a subclass of
# TextField) goes through its db_value().
_PLAIN = frozenset({pw.CharField, pw.TextField, pw.IntegerField, pw.BigIntegerField, pw.SmallIntegerField,
                    pw.BooleanField, pw.DateTimeField, pw.ForeignKeyField, pw.FloatField})  # fmt: skip


def insert(model: type[m.BaseModel], fields: Sequence[pw.Field], rows: Sequence[tuple]) -> None:
    """INSERT `rows` (tuples in the order of `fields`) into `model`'s table; its other fields get their defaults."""
    _insert(model, fields, rows, ())


def insert_ids(
    model: type[m.BaseModel], fields: Sequence[pw.Field], rows: Sequence[tuple], key: pw.Field,
    scope: tuple[pw.Field, object],
) -> dict:
    """`insert`, then {key value: id} of the new rows. `key` is unique among the rows whose `scope` field has the
    scope's value (an order id within its channel, say). PostgreSQL returns them with the INSERT; SQLite, in this
    process, reads them back."""
    if not rows:
        return {}
    if not is_sqlite(model._meta.database):
        return dict(_insert(model, fields, rows, (key.column_name, "id")))
    _insert(model, fields, rows, ())
    at = next(i for i, f in enumerate(fields) if f is key)  # not .index(): a peewee field's == builds SQL
    database = bound(model._meta.database)
    field, value = scope
    ids: dict = {}
    for part in chunks([row[at] for row in rows]):
        among, params = is_in(database, f'"{key.column_name}"', part)
        sql = (f'SELECT "{key.column_name}", "{model._meta.primary_key.column_name}" FROM "{model._meta.table_name}" '
               f'WHERE "{field.column_name}" = {database.param} AND {among}')
        ids.update(select(database, sql, [value, *params]))
    return ids


def insert_returning(
    model: type[m.BaseModel], fields: Sequence[pw.Field], rows: Sequence[tuple], returning: Sequence[str]
) -> list[tuple]:
    """PostgreSQL only: `insert`, and the `returning` columns of every new row, in the same statement."""
    if is_sqlite(model._meta.database):
        raise ValueError("insert_returning is for PostgreSQL; on SQLite read the rows back")
    return _insert(model, fields, rows, tuple(returning))


def _insert(model: type[m.BaseModel], fields: Sequence[pw.Field], rows: Sequence[tuple], returning: tuple) -> list:
    if not rows:
        return []
    database = bound(model._meta.database)
    # Python-side defaults (peewee applies them, the schema does not have them): one value for the whole batch.
    given = {f.name for f in fields}
    extra = [f for f in model._meta.sorted_fields if f.name not in given and not isinstance(f, pw.AutoField)]
    defaults = tuple(f.default() if callable(f.default) else f.default for f in extra)
    fields = [*fields, *extra]
    sqlite = is_sqlite(database)
    # SQLite keeps times as text, in the form peewee writes them (str(datetime)).
    converters = [(i, str if sqlite and isinstance(f, pw.DateTimeField) else f.db_value) for i, f in enumerate(fields)
                  if type(f) not in _PLAIN or (sqlite and isinstance(f, pw.DateTimeField))]
    # Column by column (a comprehension a column converts faster than a loop a row), then back into rows for
    # SQLite's executemany; PostgreSQL takes the columns as they are.
    count = len(rows)
    values: list = [list(column) for column in zip(*rows, strict=True)] + [[d] * count for d in defaults]
    for i, convert in converters:
        values[i] = [None if v is None else convert(v) for v in values[i]]
    table = f'"{model._meta.table_name}"'
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    cursor = database.cursor()
    if sqlite:
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders(database, len(fields))})"
        database._log_query(sql, [count])
        with pw.__exception_wrapper__:  # the driver's errors as peewee's own statements raise them
            cursor.executemany(sql, zip(*values, strict=True))
        return []
    # One array per column, the rows unnested on the server: one short statement whatever the page's size (psycopg
    # reads a statement's text in Python, slowly for thousands of placeholders; this one's text never changes).
    # Arrays go in binary (%b): psycopg writes text arrays value by value in Python, four times the CPU.
    types = _pg_column_types(database, model._meta.table_name)
    arrays = ", ".join(f"%b::{types[f.column_name]}[]" for f in fields)
    tail = (" RETURNING " + ", ".join(f'"{c}"' for c in returning)) if returning else ""
    sql = f"INSERT INTO {table} ({columns}) SELECT * FROM unnest({arrays}){tail}"
    database._log_query(sql, [count])
    with pw.__exception_wrapper__:
        cursor.execute(sql, values)
    return cursor.fetchall() if returning else []


def update_versioned(
    model: type[m.BaseModel], values: dict[pw.Field, object], pairs: Sequence[tuple[int, int]],
    where: dict[pw.Field, object] | None = None,
) -> int:
    """UPDATE the rows of `model` whose (id, version) is among `pairs` (and whose `where` fields have those
    values): `values` set and the version bumped. Returns how many rows changed, the caller's check that nobody
    changed one of them since it was read. What peewee's `.where(Tuple(id, version).in_(pairs))` writes, built once:
    peewee builds it value by value, most of a batch's claim and settle CPU. On PostgreSQL the pairs go as two
    binary arrays (one short statement text whatever their number, never prepared: see the module's note)."""
    if not pairs:
        return 0
    database = bound(model._meta.database)
    sqlite = is_sqlite(database)
    fields = [*values, *(where or {})]
    given = [*values.values(), *(where or {}).values()]
    params = [None if v is None else str(v) if sqlite and isinstance(f, pw.DateTimeField)
              else v if type(f) in _PLAIN else f.db_value(v) for f, v in zip(fields, given, strict=True)]
    marks = [database.param] * len(fields)
    sets = ", ".join(f'"{f.column_name}" = {p}' for f, p in zip(values, marks, strict=False))
    table = f'"{model._meta.table_name}"'
    key, version = f'"{model._meta.primary_key.column_name}"', '"version"'
    conditions = "".join(f' AND "{f.column_name}" = {database.param}' for f in (where or {}))
    if sqlite:
        rows = ", ".join(["(?, ?)"] * len(pairs))
        sql = (f"UPDATE {table} SET {sets}, {version} = {version} + 1 WHERE ({key}, {version}) IN (VALUES {rows})"
               f"{conditions}")
        params = params[:len(values)] + [v for pair in pairs for v in pair] + params[len(values):]
    else:
        types = _pg_column_types(database, model._meta.table_name)
        sql = (f"UPDATE {table} SET {sets}, {version} = {version} + 1 WHERE ({key}, {version}) IN "
               f"(SELECT * FROM unnest(%b::{types[key.strip(chr(34))]}[], %b::{types['version']}[])){conditions}")
        params = params[:len(values)] + [[p[0] for p in pairs], [p[1] for p in pairs]] + params[len(values):]
    database._log_query(sql, params)
    with pw.__exception_wrapper__:
        cursor = database.cursor()
        if sqlite:
            cursor.execute(sql, params)
        else:
            cursor.execute(sql, params, prepare=False)
        return cursor.rowcount


def add_to_known(key: pw.Field, column: pw.Field, stamp: pw.Field, amounts: Sequence[tuple], now: datetime) -> None:
    """For each (key value, amount): `column` += amount and `stamp` = now on the row of that key (a unique
    column), only where `column` is not NULL. One statement for them all: executemany on SQLite, one
    UPDATE ... FROM unnest on PostgreSQL (a batch's stock settlement: ~140 SKUs, as many round trips before)."""
    if not amounts:
        return
    model = key.model
    database = bound(model._meta.database)
    table, k, c, t = (f'"{name}"' for name in (model._meta.table_name, key.column_name, column.column_name,
                                                stamp.column_name))
    if is_sqlite(database):
        sql = f"UPDATE {table} SET {c} = {c} + ?, {t} = ? WHERE {k} = ? AND {c} IS NOT NULL"
        database._log_query(sql, [len(amounts)])
        with pw.__exception_wrapper__:
            database.cursor().executemany(sql, [(amount, str(now), value) for value, amount in amounts])
        return
    types = _pg_column_types(database, model._meta.table_name)
    sql = (f"UPDATE {table} AS s SET {c} = s.{c} + v.amount, {t} = %s "
           f"FROM unnest(%b::{types[key.column_name]}[], %b::{types[column.column_name]}[]) AS v(key, amount) "
           f"WHERE s.{k} = v.key AND s.{c} IS NOT NULL")
    params = [now, [value for value, _a in amounts], [amount for _v, amount in amounts]]
    database._log_query(sql, params)
    with pw.__exception_wrapper__:
        database.cursor().execute(sql, params, prepare=False)


_PG_TYPES: dict[tuple[str, str], dict[str, str]] = {}


def _pg_column_types(database: pw.Database, table: str) -> dict[str, str]:
    """{column: its type} as the server has it, without length (a cast to varchar(n) would cut a value short
    where the INSERT refuses it)."""
    key = (str(database.database), table)
    if key not in _PG_TYPES:
        rows = select(database, "SELECT attname, format_type(atttypid, NULL) FROM pg_attribute "
                                "WHERE attrelid = %s::regclass AND attnum > 0 AND NOT attisdropped", [f'"{table}"'])
        _PG_TYPES[key] = dict(rows)
    return _PG_TYPES[key]
