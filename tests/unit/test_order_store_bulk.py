"""The order writer's bulk path (issue 19, the first pull), on SQLite and PostgreSQL alike.

A page of orders is written in a few statements; one order the database refuses leaves nothing of itself and all
of the others; an unchanged page written again writes no row; lookups by a list of ids are never prepared on
PostgreSQL (a plan kept from the empty table made the first pull scan the whole order table for every page).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tokodesk.marketplace import base
from tokodesk.services import order_store
from tokodesk.services.packages import packages_of_orders
from tokodesk.store import bulk
from tokodesk.store import models as m
from tokodesk.store.tx import write_transaction

CREATED = datetime(2026, 11, 30, 8, tzinfo=timezone.utc)


@pytest.fixture
def channel(any_database):
    return m.Channel.create(name="tts", marketplace="tiktokshop", order_sync_from=datetime(2026, 11, 29))


def order(n: int, *, buyer: str = "Budi", line_name: str = "Kaos - M") -> base.Order:
    """An order of two SKUs in one package, the way the TikTok Shop adapter hands it over."""
    oid = str(580000000 + n)
    lines = [base.OrderLine(product_id=f"sku{n % 7}", sku=f"KAOS-{n % 7}", sku_id=f"sku{n % 7}", name=line_name,
                            quantity=1 + n % 3, price=45000),
             base.OrderLine(product_id="sku-cap", sku="TOPI", sku_id="sku-cap", name="Topi", quantity=1, price=1)]
    package = base.PackageRef(f"pkg{n}", status="TO_FULFILL", courier="J&T",
                              units=[(f"sku{n % 7}", f"KAOS-{n % 7}", 1 + n % 3), ("sku-cap", "TOPI", 1)])
    return base.Order(order_id=oid, invoice=oid, marketplace_status="AWAITING_SHIPMENT",
                      state=base.OrderState.ACKNOWLEDGED, created_at=CREATED + timedelta(minutes=n),
                      ship_deadline=CREATED + timedelta(days=2), buyer_name=buyer, total_amount=135000 + n,
                      recipient=base.Recipient(name=buyer, address="Jl. Melati 1", city="Bandung"),
                      lines=lines, packages=[package], package_id=f"pkg{n}")


def store(channel: m.Channel, page: list) -> order_store.StoreResult:
    with write_transaction():
        return order_store.store_orders(channel, page)


def _snapshot() -> dict:
    """Every row the pull writes, as read back through the models."""
    return {
        "orders": sorted((o.order_id, o.version, o.state, o.buyer_name, o.total_amount, o.ship_deadline,
                          o.has_unmapped) for o in m.Order.select()),
        "lines": sorted((ln.order.order_id, ln.line_no, ln.sku, ln.name, ln.quantity, ln.price)
                        for ln in m.OrderLine.select()),
        "events": sorted((e.order.order_id, e.kind) for e in m.OrderEvent.select()),
        "packages": sorted((p.package_id, p.status, p.courier) for p in m.Package.select()),
        "links": sorted((link.package.package_id, link.order.order_id, str(link.units))
                        for link in m.PackageOrder.select()),
    }


class Statements:
    """Counts the statements that reach the database: each `execute`, and each row of an `executemany` (the
    driver runs the statement once per row)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sql: list[str] = []
        database = bulk.bound(m.db)
        cursor = database.cursor
        counter = self

        class Counting:
            def __init__(self, inner) -> None:  # noqa: ANN001
                self._inner = inner

            def execute(self, sql, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
                counter.sql.append(sql)
                return self._inner.execute(sql, *args, **kwargs)

            def executemany(self, sql, rows, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
                rows = list(rows)
                counter.sql.extend([sql] * len(rows))
                return self._inner.executemany(sql, rows, *args, **kwargs)

            def __iter__(self):  # noqa: ANN204
                return iter(self._inner)

            def __getattr__(self, name: str):  # noqa: ANN204
                return getattr(self._inner, name)

        monkeypatch.setattr(database, "cursor", lambda *a, **kw: Counting(cursor(*a, **kw)))

    def writes(self) -> list[str]:
        return [s for s in self.sql if s.lstrip().split(None, 1)[0].upper() in ("INSERT", "UPDATE", "DELETE")]


def _rows_written() -> int:
    """Rows inserted, updated or deleted so far by this connection's current transaction (PostgreSQL) or since it
    opened (SQLite)."""
    database = bulk.bound(m.db)
    if bulk.is_sqlite(database):
        return database.connection().total_changes
    (count,) = database.execute_sql(
        "SELECT COALESCE(SUM(n_tup_ins + n_tup_upd + n_tup_del), 0) FROM pg_stat_xact_user_tables").fetchone()
    return int(count)


def test_a_page_is_stored_in_a_few_statements_and_reads_back_whole(channel, monkeypatch):
    store(channel, [order(n) for n in range(200, 207)])  # the shop's SKUs, first met (their mappings written)
    counted = Statements(monkeypatch)
    result = store(channel, [order(n) for n in range(100)])
    assert (result.created, result.failed) == (100, [])
    writes = counted.writes()
    if bulk.is_sqlite(m.db):
        assert len(writes) < 1000  # in-process: the driver steps one statement through the rows
    else:
        # One INSERT for each table (orders, lines, events, packages, their links), never one per row: PostgreSQL
        # is a round trip and a statement's work away.
        tables = [w.split('"')[1] for w in writes]
        assert sorted(tables) == ["order", "order_event", "order_line", "package", "package_order"], writes
    snap = _snapshot()
    assert len(snap["orders"]) == 107 and len(snap["lines"]) == 214 and len(snap["events"]) == 107
    first = m.Order.get(m.Order.order_id == "580000001")
    assert (first.version, first.buyer_name, first.total_amount) == (1, "Budi", 135001)
    assert first.ship_deadline == datetime(2026, 12, 2, 8)
    assert [(ln.line_no, ln.sku, ln.quantity) for ln in first.lines.order_by(m.OrderLine.line_no)] == [
        (1, "KAOS-1", 2), (2, "TOPI", 1)]
    [stored] = packages_of_orders([first.id])[first.id]
    assert (stored.package_id, stored.status, stored.courier, stored.order_ids) == (
        "pkg1", "TO_FULFILL", "J&T", ["580000001"])
    units = m.PackageOrder.get(m.PackageOrder.order == first.id).units
    assert units == [["sku-cap", "TOPI", 1], ["sku1", "KAOS-1", 2]]


def test_an_unchanged_page_stored_again_writes_no_row(channel, monkeypatch):
    page = [order(n) for n in range(60)]
    store(channel, page)
    before = _snapshot()
    counted = Statements(monkeypatch)
    with write_transaction():
        written = _rows_written()
        result = order_store.store_orders(channel, [order(n) for n in range(60)])
        written = _rows_written() - written
    assert (result.created, result.updated, result.unchanged, result.failed) == (0, 0, 60, [])
    assert written == 0 and counted.writes() == []
    assert _snapshot() == before  # versions, events and packages as they were


def test_an_order_the_database_refuses_leaves_nothing_of_itself_and_all_of_the_others(channel):
    # A lone surrogate (half an emoji) in a line's name, past the adapter's cleaning: neither database can hold it.
    # It fails the page's line INSERT, after the page's orders were inserted: the page is rolled back and stored
    # order by order, so only that order is missing, with its lines, event, package and link.
    page = [order(n) for n in range(10)]
    page[4] = order(4, line_name="Kaos \ud83d")
    page[7] = order(7)
    page[7].total_amount = "Rp 10.000"  # and one that never reaches the database (checked before)
    result = store(channel, page)
    assert result.created == 8
    failed = dict(result.failed)
    assert set(failed) == {"580000004", "580000007"}
    assert "could not be stored" in failed["580000004"]
    assert "total_amount is not a whole number" in failed["580000007"]
    snap = _snapshot()
    stored = {o[0] for o in snap["orders"]}
    assert stored == {str(580000000 + n) for n in range(10)} - {"580000004", "580000007"}
    assert {ln[0] for ln in snap["lines"]} == stored and {e[0] for e in snap["events"]} == stored
    assert {p[0] for p in snap["packages"]} == {f"pkg{n}" for n in range(10)} - {"pkg4", "pkg7"}
    assert {link[1] for link in snap["links"]} == stored
    # The same order, readable now, is stored by the next pull like any new one.
    again = store(channel, [order(4)])
    assert (again.created, again.failed) == (1, [])


def test_an_amount_past_64_bits_fails_its_order_not_the_pull(channel):
    """SQLite's driver raised OverflowError for it, which stopped the whole pull; PostgreSQL refused it in range."""
    page = [order(n) for n in range(5)]
    page[2].total_amount = 2**70
    result = store(channel, page)
    assert result.created == 4
    assert [oid for oid, _ in result.failed] == ["580000002"]
    assert "could not be stored" in result.failed[0][1]
    assert "580000002" not in {o[0] for o in _snapshot()["orders"]}


@pytest.mark.system
def test_lookups_by_a_list_of_ids_are_never_prepared_on_postgresql(pg_url):
    """psycopg prepares a statement it has run five times; the server then keeps the plan it made for the order
    table as it was (empty, at the start of a first pull) and scanned the whole table for every later page."""
    from tokodesk.store.connection import open_database

    open_database(pg_url)
    channel = m.Channel.create(name="tts", marketplace="tiktokshop", order_sync_from=datetime(2026, 11, 29))
    for start in range(0, 80, 10):
        store(channel, [order(n) for n in range(start, start + 10)])
    store(channel, [order(n) for n in range(0, 80, 5)])  # and a page of orders already stored
    prepared = [sql for (sql,) in m.db.execute_sql("SELECT statement FROM pg_prepared_statements").fetchall()]
    by_list = [sql for sql in prepared if sql.lstrip().upper().startswith("SELECT")
               and ("= ANY(" in sql or " IN (" in sql)]
    assert by_list == [], prepared
