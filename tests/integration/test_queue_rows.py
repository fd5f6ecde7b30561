"""The queue's rows as the database reads them (issue 19 §5), on both backends.

The queue at 100,000 orders reads its rows in two queries on two connections (the orders, and their lines' text per
order, merged by id) and has the database lower-case the search text and format the platform's work key. These
tests hold that read to the rules it replaces: the work key equals `work_order.work_key` for every state and every
shape of deadline, the waiting flag follows the marketplace, the search and Items texts carry every line, and the
whole-queue read agrees with the read of a few orders by id.
"""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta

import pytest

from tokodesk.marketplace.base import OrderState
from tokodesk.services import work_order
from tokodesk.store import models as m
from tokodesk.ui import queries as q

BASE = datetime(2026, 11, 27, 8, 30)


def _when(rng: random.Random) -> datetime | None:
    """None, a whole second, or a time with microseconds (SQLite keeps those as text)."""
    pick = rng.randrange(4)
    if pick == 0:
        return None
    moment = BASE + timedelta(minutes=rng.randrange(-5000, 5000))
    return moment.replace(microsecond=rng.choice((0, 1, 999_999, 500_000))) if pick == 3 else moment


def _grid(channel: m.Channel, rng: random.Random) -> None:
    rows = []
    for state in OrderState:
        for i in range(12):
            rows.append({
                "channel": channel.id, "order_id": f"{channel.id}-{state.value}-{i}",
                "invoice": f"INV/{state.value}/{i}", "marketplace_status": "x", "state": state.value,
                "created_at": _when(rng) or BASE,
                "accept_deadline": _when(rng), "ship_deadline": _when(rng), "tts_sla_time": _when(rng),
                "hold_until": _when(rng), "priority_level": rng.choice((None, 0, 100, 300, 800, 999)),
            })
    m.Order.insert_many(rows).execute()


def test_the_work_key_and_waiting_the_database_gives_follow_the_rule(any_database):
    rng = random.Random(19)
    legacy = m.Channel.create(name="Toko Lama", marketplace="tokopedia")
    tts = m.Channel.create(name="Toko Baru", marketplace="tiktokshop")
    _grid(legacy, rng)
    _grid(tts, rng)
    marketplace = {legacy.id: "tokopedia", tts.id: "tiktokshop"}

    rows = q.order_rows(None)
    assert len(rows) == 2 * 12 * len(OrderState)
    for r in rows:
        want = work_order.work_key(r[q.R_STATE], r[q.R_CREATED], r[q.R_ACCEPT_BY], r[q.R_SHIP_BY], r[q.R_TTS_SLA],
                                   r[q.R_PRIORITY], r[q.R_HOLD_UNTIL], r[q.R_PK])
        assert r[q.R_WORK] == want, r
        waiting = r[q.R_STATE] == OrderState.AWAITING_PAYMENT.value or \
            work_order.in_buyer_window(r[q.R_STATE], marketplace[r[q.R_CHANNEL]])
        assert r[q.R_WAITING] == waiting, r
    # The two marketplaces differ on ON_HOLD: the buyer's window on Tokopedia & Shop, a hold on the legacy API.
    held = {r[q.R_CHANNEL]: r[q.R_WAITING] for r in rows if r[q.R_STATE] == OrderState.ON_HOLD.value}
    assert held == {legacy.id: False, tts.id: True}


def _shop(channel: m.Channel, n: int, rng: random.Random) -> None:
    names = ["Budi Santoso", "ÇAĞLA Öztürk", "Siti", "ÉLODIE Ñúñez", "Joko"]
    m.Order.insert_many([{
        "channel": channel.id, "order_id": f"{channel.id}{i:06d}", "invoice": f"INV/2026/MPL/{channel.id}{i:06d}",
        "marketplace_status": "220", "state": rng.choice(["new", "acknowledged", "packed", "shipped"]),
        "buyer_name": rng.choice(names), "courier": rng.choice(["JNE Reguler", "SiCepat REG"]),
        "total_amount": rng.randrange(10_000, 900_000, 500), "created_at": BASE - timedelta(minutes=i),
        "booking_code": f"TKP{channel.id}{i:07d}" if i % 3 else None, "awb": f"JP{i:09d}" if i % 5 == 0 else None,
    } for i in range(n)]).execute()
    lines = []
    for pk in [pk for (pk,) in m.Order.select(m.Order.id).where(m.Order.channel == channel.id).tuples()]:
        for j in range(pk % 4):  # some orders have no line at all
            named_only = j == 2  # a line with neither SKU: Items and the search show its name
            lines.append({"order": pk, "line_no": j, "product_id": f"P{j}", "name": f"Kaos Polos {pk}-{j}",
                          "sku": "" if named_only else f"MP-{pk}-{j}",
                          "seller_sku": None if named_only or j == 1 else f"SKU-{pk}-{j}",
                          "quantity": j + 1, "price": 25_000})
    m.OrderLine.insert_many(lines).execute()


def test_whole_queue_and_single_orders_read_alike_with_every_line(any_database):
    rng = random.Random(7)
    shop = m.Channel.create(name="Toko", marketplace="tokopedia")
    other = m.Channel.create(name="Toko Dua", marketplace="tokopedia")
    _shop(shop, 1500, rng)
    _shop(other, 300, rng)

    rows = q.order_rows(shop.id)
    assert len(rows) == 1500 and {r[q.R_CHANNEL] for r in rows} == {shop.id}
    everything = q.order_rows(None)
    assert len(everything) == 1800
    picked = rng.sample([r[q.R_PK] for r in rows], 40)
    by_id = {r[q.R_PK]: r for r in q.order_rows(shop.id, picked)}
    whole = {r[q.R_PK]: r for r in rows}
    assert by_id.keys() == set(picked)
    assert all(by_id[pk] == whole[pk] for pk in picked), "a refreshed row is the row the whole read gave"
    assert all(whole[pk] == r for r in everything if (pk := r[q.R_PK]) in whole)

    lines: dict[int, list[m.OrderLine]] = {}
    for line in m.OrderLine.select().order_by(m.OrderLine.line_no):
        lines.setdefault(line.order_id, []).append(line)
    for r in rows:
        order_lines = lines.get(r[q.R_PK], [])
        shown = [f"{ln.seller_sku or ln.sku or ln.name} ×{ln.quantity}" for ln in order_lines]
        assert (sorted(r[q.R_ITEMS].split(", ")) if r[q.R_ITEMS] else []) == sorted(shown), r
        search = r[q.R_SEARCH]
        assert search == search.lower()
        for word in (r[q.R_ORDER_ID], r[q.R_INVOICE], r[q.R_BUYER], r[q.R_BOOKING], r[q.R_AWB]):
            assert word is None or word.lower() in search, (word, search)
        for ln in order_lines:
            for word in (ln.sku, ln.seller_sku, "" if ln.sku or ln.seller_sku else ln.name):
                assert not word or word.lower() in search, (word, search)
    # Non-ASCII capitals are lower-cased too (SQLite's lower() leaves them as they are).
    assert any("çağla öztürk" in r[q.R_SEARCH] for r in rows)
    assert any("élodie ñúñez" in r[q.R_SEARCH] for r in rows)


def test_a_whole_read_on_sqlite_reads_with_a_small_page_cache_then_gives_it_back(database, monkeypatch):
    """Each connection of a whole queue's read reads every page once: SQLite's 16 MB page cache would only hold the
    tables' last pages, 2 x 16 MB of the queue's high-water mark at 100,000 orders (issue 19). The read keeps it
    small, and the connection the app goes on using has its own back (a small cache would slow every later query)."""
    shop = m.Channel.create(name="Toko", marketplace="tokopedia")
    _shop(shop, 300, random.Random(3))
    database = m.db.obj
    kept = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    assert kept == -16000
    during: list[int] = []
    real = q._order_tuples

    def order_tuples(orders, lines, *rest):  # noqa: ANN001, ANN202
        during.append(database.execute_sql("PRAGMA cache_size").fetchone()[0])
        return real(orders, lines, *rest)

    monkeypatch.setattr(q, "_order_tuples", order_tuples)
    rows = q.order_rows(None)
    assert len(rows) == 300
    assert during == [-q.READ_CACHE_KIB]
    assert database.execute_sql("PRAGMA cache_size").fetchone()[0] == kept
    # A few orders by id (a refresh): the app's own cache.
    q.order_rows(None, [rows[0][q.R_PK]])
    assert during[-1] == kept


@pytest.mark.system
def test_the_lines_reader_gives_its_connection_back(pg_url):
    """The whole-queue read opens a second connection for the lines; a station reloading its queue all day must
    not pile up PostgreSQL connections."""
    from tokodesk.store.connection import close_database, open_database

    database = open_database(pg_url)
    try:
        shop = m.Channel.create(name="Toko", marketplace="tokopedia")
        _shop(shop, 200, random.Random(3))

        def connections() -> int:
            return database.execute_sql(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()").fetchone()[0]

        before = connections()
        for _ in range(5):
            assert len(q.order_rows(shop.id)) == 200
        deadline = time.monotonic() + 10  # a closed connection's server process ends a moment later
        while connections() > before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert connections() == before
    finally:
        close_database()



@pytest.mark.system
def test_a_postgresql_queue_is_read_through_server_side_cursors_a_chunk_at_a_time(pg_url, monkeypatch):
    """On PostgreSQL the whole queue's two reads go through server-side cursors fetched in chunks, so libpq never
    holds the whole result (issue 19: 100,000 orders peaked at 343 MB); a result of many chunks reads completely
    and alike the client-side read, and no transaction is left open."""
    from tokodesk.store.connection import close_database, open_database

    database = open_database(pg_url)
    try:
        shop = m.Channel.create(name="Toko", marketplace="tokopedia")
        _shop(shop, 250, random.Random(11))
        monkeypatch.setattr(q, "SERVER_CHUNK", 7)
        reads = []
        server_chunks = q._server_chunks

        def watched(db, sql, params):
            seen = {"chunks": [], "cursors": set()}
            reads.append(seen)
            for chunk in server_chunks(db, sql, params):
                # pg_cursors lists this session's open cursors: the named one must be there between fetches.
                with db.connection().cursor() as look:
                    look.execute("SELECT name, is_holdable FROM pg_cursors")
                    seen["cursors"].update(look.fetchall())
                seen["chunks"].append(len(chunk))
                yield chunk

        monkeypatch.setattr(q, "_server_chunks", watched)
        rows = q.order_rows(shop.id)
        assert len(reads) == 2  # the orders and the lines
        for seen in reads:
            assert sum(seen["chunks"]) == 250 and max(seen["chunks"]) == 7
            assert any(name.startswith("tokodesk_queue_") and not holdable for name, holdable in seen["cursors"])
        assert not database.in_transaction()

        pks = [r[q.R_PK] for r in rows]
        alike = q.order_rows(shop.id, pks)  # a few orders by id: the client-side read
        assert len(reads) == 2
        assert sorted(rows) == sorted(alike)
    finally:
        close_database()


def test_the_to_do_read_and_the_rest_make_the_whole_queue_and_the_database_counts_its_chips(any_database):
    """The queue opens on its To-do orders and reads the others behind them: the two reads are the whole queue,
    row for row, and the database's grouped count gives every chip the count the rows give (both marketplaces: the
    buyer's window, ON_HOLD, is Waiting on one and a Problem on the other)."""
    from tokodesk.ui.orders_filters import TO_DO, database_counts, queue_counts

    rng = random.Random(5)
    legacy = m.Channel.create(name="Toko Lama", marketplace="tokopedia")
    tts = m.Channel.create(name="Toko Baru", marketplace="tiktokshop")
    _grid(legacy, rng)
    _grid(tts, rng)
    pks = [pk for (pk,) in m.Order.select(m.Order.id).tuples()]
    m.Order.update(changed_outside=True).where(m.Order.id.in_(pks[::7])).execute()
    m.Order.update(problem="refused").where(m.Order.id.in_(pks[::11])).execute()
    m.Order.update(has_unmapped=True).where(m.Order.id.in_(pks[::5])).execute()  # a problem only before packing
    m.Order.update(label_printed_at=BASE).where(m.Order.id.in_(pks[::3])).execute()
    for channel_id in (None, legacy.id, tts.id):
        whole = q.order_rows(channel_id)
        to_do = q.order_rows(channel_id, states=TO_DO)
        rest = q.order_rows(channel_id, states=TO_DO, other_states=True)
        assert {r[q.R_STATE] for r in to_do} <= TO_DO and not {r[q.R_STATE] for r in rest} & TO_DO
        assert sorted(to_do + rest) == sorted(whole)
        want = queue_counts(whole)
        got = database_counts(*q.order_counts(channel_id))
        for chip in ("all", "shipped", "cancelled", "waiting", "problems", "todo", "new"):
            assert got.get(chip, 0) == want.get(chip, 0), (channel_id, chip)
        assert want["problems"] and want["waiting"]
