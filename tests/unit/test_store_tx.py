"""Write transactions (store/tx.py): a read-then-write never dies of "database is locked" when another writer
commits in between (SQLite), and transactions naming the same models run one after the other (PostgreSQL)."""

from __future__ import annotations

import threading

import pytest

from tokodesk.services import inventory
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database
from tokodesk.store.tx import write_transaction


def _read_then_write_while_another_commits(enter) -> list[str]:  # noqa: ANN001
    """Thread A reads, lets thread B write and commit, then writes what it read. Returns the errors seen."""
    m.StockItem.create(seller_sku="A", on_hand=1)
    m.StockItem.create(seller_sku="B", on_hand=1)
    read_done, b_done = threading.Event(), threading.Event()
    errors: list[str] = []

    def a() -> None:
        try:
            with enter():
                seen = m.StockItem.get(m.StockItem.seller_sku == "A").on_hand
                read_done.set()
                b_done.wait(1.0)  # B commits now unless A's transaction keeps it out
                m.StockItem.update(on_hand=seen + 10).where(m.StockItem.seller_sku == "A").execute()
        except Exception as exc:  # noqa: BLE001 - the failure is what is counted
            errors.append(f"A: {exc}")
        finally:
            read_done.set()
            m.db.close()

    def b() -> None:
        read_done.wait(5)
        try:
            m.StockItem.update(on_hand=5).where(m.StockItem.seller_sku == "B").execute()
        except Exception as exc:  # noqa: BLE001
            errors.append(f"B: {exc}")
        finally:
            b_done.set()
            m.db.close()

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return errors


def test_a_read_then_write_waits_for_the_other_writer_instead_of_failing(tmp_path):
    open_database(f"sqlite:///{tmp_path / 'tx.db'}")
    try:
        assert _read_then_write_while_another_commits(lambda: m.db.atomic()) == []
        assert {s.seller_sku: s.on_hand for s in m.StockItem.select()} == {"A": 11, "B": 5}
    finally:
        close_database()


def test_the_helper_begins_as_a_writer_even_on_a_plain_sqlite_database(tmp_path):
    import peewee as pw

    plain = pw.SqliteDatabase(str(tmp_path / "plain.db"), pragmas={"journal_mode": "wal", "busy_timeout": 10000},
                              check_same_thread=False)
    m.db.initialize(plain)
    plain.create_tables([m.StockItem])
    try:
        assert _read_then_write_while_another_commits(write_transaction) == []
        assert {s.seller_sku: s.on_hand for s in m.StockItem.select()} == {"A": 11, "B": 5}
        m.StockItem.delete().execute()
        # what SQLite does without it: the deferred transaction cannot write after B committed
        errors = _read_then_write_while_another_commits(lambda: plain.atomic())
        assert errors and "database is locked" in errors[0]
    finally:
        plain.close()


@pytest.mark.system
def test_stock_set_transactions_run_one_after_the_other_on_postgresql(pg_url):
    open_database(pg_url)
    inventory.set_stock([("A", 1)])
    entered, release = threading.Event(), threading.Event()
    order: list[str] = []

    def first() -> None:
        with write_transaction(m.StockItem):
            order.append("first in")
            entered.set()
            release.wait(10)
            order.append("first out")
        m.db.close()

    def second() -> None:
        entered.wait(10)
        inventory.set_stock([("A", 2), ("NEW", 3)])
        order.append("second done")
        m.db.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    # the second waits for the advisory lock: nothing it writes is visible while the first is inside
    waiting = m.db.execute_sql(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").fetchone()[0]
    for _ in range(200):
        if waiting:
            break
        threading.Event().wait(0.05)
        waiting = m.db.execute_sql(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted").fetchone()[0]
    assert waiting == 1
    release.set()
    for t in threads:
        t.join(30)
    assert order == ["first in", "first out", "second done"]
    assert {s.seller_sku: s.on_hand for s in m.StockItem.select()} == {"A": 2, "NEW": 3}
    close_database()
