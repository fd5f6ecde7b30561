"""Read-only snapshots for the tables: plain tuples in one query, never a peewee object per painted cell.

Runs in a worker (the "local" lane); the model receives the finished list on the GUI thread.
"""

from __future__ import annotations

import ctypes
import functools
import json
import queue
import sys
import threading
from collections.abc import Callable, Collection, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import peewee as pw

from tokodesk.i18n_marks import words_from_store
from tokodesk.marketplace.base import BEFORE_PACKING_STATES, LabelFormat, OrderState
from tokodesk.services import work_order
from tokodesk.services.fulfilment.label_rules import class_capabilities
from tokodesk.store import models as m

S_AWAITING_PAYMENT = OrderState.AWAITING_PAYMENT.value
S_ON_HOLD = OrderState.ON_HOLD.value
S_ACKNOWLEDGED = OrderState.ACKNOWLEDGED.value
S_NEW = OrderState.NEW.value
# An unmapped line asks the seller to map it while the order is still to be packed; past packing it is no problem
# (R_UNMAPPED and the Problems count say so only in these states; the detail's lines still name the line).
BEFORE_PACKING = frozenset(s.value for s in BEFORE_PACKING_STATES)
# The states whose rows keep their ship-by time (the deadline shown, and the work key's); the accept-by time is kept
# for new orders only. Elsewhere the queue never shows them: at 100,000 orders, mostly shipped, they were 12 MB.
_SHIP_BY_KEPT = frozenset(s.value for s in (OrderState.ACKNOWLEDGED, OrderState.PACKED, OrderState.READY_TO_SHIP,
                                            OrderState.PARTLY_SHIPPED, OrderState.AWAITING_PICKUP))

# The states in which an order's label is still to print. Where the label exists only once the package is arranged
# (Tokopedia & Shop: its PDF, or TokoDesk's own label waiting for the tracking number) an order to pack is reached
# through Arrange shipment and print, and the label to print is that of an arranged parcel not yet handed over.
PRINTABLE_BEFORE_SHIP = frozenset(s.value for s in (OrderState.ACKNOWLEDGED, OrderState.PACKED,
                                                     OrderState.READY_TO_SHIP))
_PRINTABLE_ONCE_ARRANGED = frozenset(s.value for s in (OrderState.AWAITING_PICKUP, OrderState.PARTLY_SHIPPED))


def printable_states(marketplace: str, marketplace_label: bool) -> frozenset[str]:
    """The states whose unprinted orders the "To print" chip lists on a channel of this marketplace and setting."""
    caps = class_capabilities(marketplace)
    if caps is not None and (caps.tracking_at_ship or (marketplace_label and caps.label_format is LabelFormat.PDF)):
        return _PRINTABLE_ONCE_ARRANGED
    return PRINTABLE_BEFORE_SHIP


# Order row layout (indices into the tuple)
(
    R_PK,
    R_ORDER_ID,
    R_INVOICE,
    R_STATE,
    R_MP_STATUS,
    R_BUYER,
    R_COURIER,
    R_SERVICE,
    R_BOOKING,
    R_AWB,
    R_TOTAL,
    R_CREATED,
    R_ACCEPT_BY,
    R_SHIP_BY,
    R_PRINTED,  # the label was printed (a bool: the queue never shows when)
    R_CHANGED_OUTSIDE,
    R_UNMAPPED,  # a line has no seller SKU and the order is still to be packed (BEFORE_PACKING)
    R_ACTION_FAILED,
    R_PROBLEM,
    R_ITEMS,
    R_SEARCH,
    # The platform's order of work (services/work_order.py): collection deadline, priority level, the end of the
    # buyer's window, "waiting" (unpaid or in the buyer's window: not a problem), and the default sort key.
    R_TTS_SLA,
    R_PRIORITY,
    R_HOLD_UNTIL,
    R_WAITING,
    R_WORK,
    R_CHANNEL,  # the order's channel: the "All shops" view acts per channel
    # A split order some of whose parcels are packed while others are not: (packed, parcels); None otherwise.
    R_PARCELS,
    R_BUYER_KEY,  # the buyer's name lower-cased, made once per row: the Buyer column sorts by it
    R_VERSION,  # the order's version as read: of two reads of one order, the newer one wins (the queue's merge)
    # What the Flag and code columns sort by, made once per row (no new text: the code is the AWB's or the booking
    # code's own string), so every column sorts by a C getter.
    R_FLAGGED,  # the queue's `is_problem`
    R_CODE,  # the AWB, else the booking code, else ""
    # The label can be printed now and was not: the "To print" chip. On a channel whose label exists only once the
    # package is arranged (the marketplace's own PDF, or a tracking number given at shipping) that is an arranged
    # order; elsewhere an order accepted and not yet handed over.
    R_TO_PRINT,
    # The rank of the row's invoice, buyer key, items, code and creation time among every loaded row's (a small int;
    # equal values, equal ranks), or None: the queue sorts those columns by them (ui/orders_ranks.py).
    R_RANK_INVOICE,
    R_RANK_BUYER,
    R_RANK_ITEMS,
    R_RANK_CODE,
    R_RANK_CREATED,
) = range(38)
R_RANKS = R_RANK_INVOICE  # the rank fields are the row's last: row[:R_RANKS] is the row without them

_ORDER_COLUMNS = (
    "o.id, o.order_id, o.invoice, o.state, o.marketplace_status, o.buyer_name, o.courier, o.service, "
    "o.booking_code, o.awb, o.total_amount, o.created_at, o.accept_deadline, o.ship_deadline, "
    "o.label_printed_at, o.changed_outside, o.has_unmapped, o.action_failed, o.problem, o.problem_words, "
    "o.tts_sla_time, o.priority_level, o.hold_until, o.channel_id"
)
# What the search box matches besides the lines' SKUs, lower-cased by the database (in C, not 100,000 Python calls).
_SEARCH_HEAD = (
    "lower(COALESCE(o.order_id, '') || ' ' || COALESCE(o.invoice, '') || ' ' || COALESCE(o.buyer_name, '') || ' ' "
    "|| COALESCE(o.booking_code, '') || ' ' || COALESCE(o.awb, ''))"
)


def _items_aggregate(database: pw.Database) -> str:
    item = "COALESCE(NULLIF(l.seller_sku, ''), NULLIF(l.sku, ''), l.name) || ' ×' || l.quantity"
    if isinstance(database, pw.PostgresqlDatabase):
        return f"string_agg({item}, ', ' ORDER BY l.line_no)"
    return f"group_concat({item}, ', ')"


def _words_aggregate(database: pw.Database) -> str:
    """What the search matches in the lines, lower-cased: every line's marketplace SKU and seller SKU (Items shows
    only one of them), and its name where it has neither (Items shows the name then)."""
    item = ("COALESCE(l.sku, '') || ' ' || COALESCE(l.seller_sku, '') || CASE WHEN COALESCE(l.sku, '') = '' AND "
            "COALESCE(l.seller_sku, '') = '' THEN ' ' || l.name ELSE '' END")
    if isinstance(database, pw.PostgresqlDatabase):
        return f"lower(string_agg({item}, ' ' ORDER BY l.line_no))"
    return f"lower(group_concat({item}, ' '))"


def order_rows(channel_id: int | None, order_pks: Sequence[int] | None = None, *,
               states: Collection[str] | None = None, other_states: bool = False,
               held: Sequence[tuple] | None = None, gone: list[int] | None = None) -> list[tuple]:
    """Every order of the channel (or just `order_pks`), newest first, as tuples laid out by the R_* indices; with
    `states`, only the orders in those states (`other_states`: only the orders in none of them).

    With `held` (the rows a queue holds, read before, highest pk first: the queue read again), only the rows that
    differ from the held one's (ranks aside) or are new, and the pks of the held orders no longer found added to
    `gone`. An unchanged row is let go as soon as it is made: the read never holds a second copy of the queue (at
    100,000 orders that was +110 MB over the 280 the queue takes).

    Two reads, the orders and per order its lines' text and work key, merged here by id: at 100,000 orders SQLite
    spent longer materialising and indexing the lines' subquery for a join than reading both tables. The rest is one
    tuple per order: the search text and the work key come lower-cased and formatted from the database, in C.
    """
    database = m.db.obj
    postgres = isinstance(database, pw.PostgresqlDatabase)
    order_table = f"\"{m.Order._meta.table_name}\""
    line_table = f"\"{m.OrderLine._meta.table_name}\""
    where = []
    params: list = []
    if channel_id is not None:
        where.append("o.channel_id = ?")
        params.append(channel_id)
    if order_pks is not None:
        if not order_pks:
            return []
        where.append(f"o.id IN ({', '.join('?' for _ in order_pks)})")
        params.extend(order_pks)
    if states is not None:
        where.append(f"o.state {'NOT IN' if other_states else 'IN'} ({', '.join('?' for _ in states)})")
        params.extend(sorted(states))
    where_sql = (" WHERE " + " AND ".join(where)) if where else ""
    # Newest first by id, not by created_at: the channel's index then gives the order with no sort of 100,000 wide
    # rows (the queue sorts by its work key anyway; the two differ only among orders created in the same second).
    orders_sql = (f"SELECT {_ORDER_COLUMNS}, {_SEARCH_HEAD}, o.version FROM {order_table} o{where_sql} "
                  "ORDER BY o.id DESC")
    # Per order, for the same orders in the same order (merged below, no dictionary of 100,000): its lines' text and
    # its work key. The key is here to even out the two reads' work (see below).
    lines_sql = (
        f"SELECT o.id, {_items_aggregate(database)}, {_words_aggregate(database)}, {work_order.work_key_sql(postgres)}"
        f", o.version FROM {order_table} o LEFT JOIN {line_table} l ON l.order_id = o.id{where_sql} GROUP BY o.id"
        " ORDER BY o.id DESC"
    )
    parcels = _parcels_packing(database, channel_id, order_pks)
    if postgres:
        orders_sql, lines_sql = orders_sql.replace("?", "%s"), lines_sql.replace("?", "%s")
    if order_pks is not None or not _own_connection_possible(database):
        return _order_tuples(database.execute_sql(orders_sql, params), database.execute_sql(lines_sql, params),
                             parcels, held, gone)
    if postgres and not database.in_transaction():
        # A whole queue on PostgreSQL: both reads through server-side cursors, a chunk at a time. psycopg's client
        # cursor has libpq hold the whole result in C memory while Python makes its tuples (at 100,000 orders the
        # read peaked at 343 MB).
        chunks: queue.SimpleQueue = queue.SimpleQueue()
        helper = threading.Thread(target=_read_in_chunks, args=(database, lines_sql, params, chunks, True),
                                  daemon=True, name="queue-lines")
        helper.start()
        orders = _server_rows(database, orders_sql, params)
        try:
            return _order_tuples(orders, _from_chunks(chunks), parcels, held, gone)
        finally:
            orders.close()  # on an error too: the cursor closed and its transaction ended now, not when collected
            helper.join()
    # A whole queue: the lines are grouped and the keys formatted on a second connection, in another thread, while
    # this one reads the orders. Both databases do most of that work outside Python's lock: on two cores the two
    # reads take about as long as one.
    chunks = queue.SimpleQueue()
    helper = threading.Thread(target=_read_in_chunks, args=(database, lines_sql, params, chunks, False, True),
                              daemon=True, name="queue-lines")
    helper.start()
    cache = _PageCache()
    try:
        cache = _small_page_cache(database)
        return _order_tuples(database.execute_sql(orders_sql, params), _from_chunks(chunks), parcels, held, gone)
    finally:
        helper.join()
        cache.restore()


def _parcels_packing(database: pw.Database, channel_id: int | None,
                     order_pks: Sequence[int] | None) -> dict[int, tuple[int, int]]:
    """Orders to pack whose parcels are being packed one at a time (a split order, some packed at the pack station):
    order pk -> (parcels packed, parcels). Read through the state index, only the orders still to pack: 10-20 ms at
    100,000 orders with 6,000 to pack (the channel's index instead read every order of the shop: 65-106 ms)."""
    order_table = f"\"{m.Order._meta.table_name}\""
    link_table = f"\"{m.PackageOrder._meta.table_name}\""
    package_table = f"\"{m.Package._meta.table_name}\""
    packed = "SUM(CASE WHEN p.packed_at IS NOT NULL THEN 1 ELSE 0 END)"
    where = [f"o.state = '{S_ACKNOWLEDGED}'", "p.status IN ('', 'TO_FULFILL')"]
    params: list = []
    if channel_id is not None:
        where.append("o.channel_id + 0 = ?")  # "+ 0": not through the channel's index (SQLite would choose it)
        params.append(channel_id)
    if order_pks is not None:
        where.append(f"o.id IN ({', '.join('?' for _ in order_pks)})")
        params.extend(order_pks)
    sql = (f"SELECT o.id, {packed}, COUNT(*) FROM {order_table} o JOIN {link_table} po ON po.order_id = o.id "
           f"JOIN {package_table} p ON p.id = po.package_id WHERE {' AND '.join(where)} "
           f"GROUP BY o.id HAVING COUNT(*) > 1 AND {packed} > 0")
    if isinstance(database, pw.PostgresqlDatabase):
        sql = sql.replace("?", "%s")
    return {pk: (int(done), int(total)) for pk, done, total in database.execute_sql(sql, params)}


def order_counts(channel_id: int | None) -> tuple[list[tuple[str, bool, int]], list[tuple[str, bool, int]]]:
    """The channel's orders counted without reading them: (state, waiting, count) per state and channel, of every
    order and of the flagged ones (changed outside, unmapped SKU to pack, failed action, a problem written: the queue's
    Problems). Two grouped queries: the first from the (channel, state) index alone; the second scans the table,
    which on SQLite is three times faster than walking that index to each row."""
    database = m.db.obj
    postgres = isinstance(database, pw.PostgresqlDatabase)
    order_table = f"\"{m.Order._meta.table_name}\""
    where, params = ([], []) if channel_id is None else (["o.channel_id = ?"], [channel_id])
    before_packing = ", ".join(f"'{state}'" for state in sorted(BEFORE_PACKING))  # the enum's own values
    flags = (f"(o.changed_outside OR (o.has_unmapped AND o.state IN ({before_packing})) OR o.action_failed "
             "OR COALESCE(o.problem, '') <> '')")
    in_window: dict[int, bool] = {}
    printable: dict[int, frozenset[str]] = {}
    for cid, marketplace, marketplace_label in m.Channel.select(m.Channel.id, m.Channel.marketplace,
                                                                m.Channel.use_marketplace_label).tuples():
        in_window[cid] = work_order.in_buyer_window(S_ON_HOLD, marketplace)
        printable[cid] = printable_states(marketplace, bool(marketplace_label))
    found = []
    for conditions, hint in ((where, ""), ([*where, flags], "" if postgres else " NOT INDEXED")):
        where_sql = (" WHERE " + " AND ".join(conditions)) if conditions else ""
        sql = f"SELECT o.state, o.channel_id, COUNT(*) FROM {order_table} o{hint}{where_sql} GROUP BY 1, 2"
        if postgres:
            sql = sql.replace("?", "%s")
        found.append([(state, state == S_AWAITING_PAYMENT or (state == S_ON_HOLD and in_window.get(channel, False)),
                       int(n)) for state, channel, n in database.execute_sql(sql, params)])
    return found[0], found[1]


def let_go_after_big_read() -> None:
    """After a whole queue's read: close this thread's connection (SQLite's page cache, up to 16 MB) and return the
    C heap the drivers freed to the system (glibc keeps it: at 100,000 orders PostgreSQL's result buffers left 66 MB
    held, SQLite's cache 15 MB). The next query opens the connection again."""
    database = m.db.obj
    if database is not None and not database.is_closed() and not database.in_transaction():
        database.close()
    give_back_freed_memory()


def give_back_freed_memory() -> None:
    """Return to the system the C heap freed since (glibc keeps it otherwise): under a millisecond."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None).malloc_trim  # glibc; absent on musl
    except (OSError, AttributeError):
        return None


def _own_connection_possible(database: pw.Database) -> bool:
    return not (isinstance(database, pw.SqliteDatabase) and str(database.database) in ("", ":memory:"))


# Rows per fetch from a server-side cursor: small enough that libpq never holds much, large enough that the round
# trips (50 at 100,000 orders) cost little.
SERVER_CHUNK = 2000


def _server_chunks(database: pw.Database, sql: str, params: list) -> Iterator[list[tuple]]:
    """Run `sql` on this thread's connection through a server-side (named) cursor, in its own short transaction
    (a cursor WITHOUT HOLD lives in one), and give its rows a chunk at a time. The cursor is closed and the
    transaction ended when the rows run out or the reader stops early (rolled back then: it only read)."""
    connection = database.connection()
    with connection.transaction():
        with connection.cursor() as setting:
            # DECLARE plans for the first 10% of the rows by default; the whole result is read, so keep the plan
            # the client-side read had.
            setting.execute("SET LOCAL cursor_tuple_fraction = 1.0")
        with connection.cursor(name=f"tokodesk_queue_{threading.get_ident()}") as cursor:
            cursor.execute(sql, params)
            while chunk := cursor.fetchmany(SERVER_CHUNK):
                yield chunk


def _server_rows(database: pw.Database, sql: str, params: list) -> Generator[tuple, None, None]:
    for chunk in _server_chunks(database, sql, params):
        yield from chunk


def _read_in_chunks(database: pw.Database, sql: str, params: list, out: queue.SimpleQueue,
                    server_side: bool = False, small_cache: bool = False) -> None:
    """Run `sql` on this thread's own connection (closed afterwards) and pass its rows on, a chunk at a time
    (`server_side`: PostgreSQL's server-side cursor, see `_server_chunks`; `small_cache`: SQLite's page cache kept
    small for the read, see `_small_page_cache`)."""
    try:
        if server_side:
            for chunk in _server_chunks(database, sql, params):
                out.put(chunk)
            return
        if small_cache:
            _small_page_cache(database)  # no restore: the connection is closed below
        cursor = database.execute_sql(sql, params)
        while chunk := cursor.fetchmany(2000):
            out.put(chunk)
    except BaseException as exc:  # raised again in the reading thread
        out.put(exc)
    finally:
        out.put(None)
        database.close()


# SQLite's page cache, in KiB, on the two connections of a whole queue's read. Each reads every page once (the
# orders in id order; the lines through their order's index, in the same order), so the 16 MB the app's
# connections keep (connection.SQLITE_PRAGMAS) only held the tables' last pages: at 100,000 orders 2 × 16 MB on
# top of the rows being made, the queue's high-water mark (issue 19). The OS's file cache still serves re-reads.
READ_CACHE_KIB = 2000


@dataclass
class _PageCache:
    database: pw.Database | None = None
    size: int = 0

    def restore(self) -> None:
        """Give this thread's connection its page cache back (if still open: `let_go_after_big_read` closes it)."""
        database = self.database
        if database is not None and not database.is_closed():
            database.execute_sql(f"PRAGMA cache_size = {int(self.size)}")


def _small_page_cache(database: pw.Database) -> _PageCache:
    """Shrink this thread's SQLite connection's page cache to `READ_CACHE_KIB` for a whole queue's read (SQLite
    frees the pages over it at once); returns what restores it. Nothing on PostgreSQL."""
    if not isinstance(database, pw.SqliteDatabase):
        return _PageCache()
    size = database.execute_sql("PRAGMA cache_size").fetchone()[0]
    database.execute_sql(f"PRAGMA cache_size = -{READ_CACHE_KIB}")
    return _PageCache(database, size)


def _from_chunks(chunks: queue.SimpleQueue) -> Iterator[tuple]:
    while (chunk := chunks.get()) is not None:
        if isinstance(chunk, BaseException):
            raise chunk
        yield from chunk


def _order_tuples(orders: Iterable[tuple], lines: Iterable[tuple],
                  parcels: dict[int, tuple[int, int]] | None = None, held: Sequence[tuple] | None = None,
                  gone: list[int] | None = None) -> list[tuple]:
    """The queue's rows from the orders and their lines' text and key, both newest (highest id) first; row by row,
    so the driver's tuples are dropped as each finished row is made and 100,000 orders never sit in memory twice.

    The two reads may see an order another station wrote in between differently: its row is this read's, with its
    key made here, and the change watcher brings its lines within seconds (it reports writes since before both)."""
    pending = iter(lines)
    line = next(pending, None)
    older = iter(held or ())  # the rows held, in the same order (pk descending)
    old = next(older, None)
    gone = [] if gone is None else gone
    # Per channel: is ON_HOLD the buyer's window there (waiting, not a problem)?
    in_window: dict[int, bool] = {}
    printable: dict[int, frozenset[str]] = {}
    for cid, marketplace, marketplace_label in m.Channel.select(m.Channel.id, m.Channel.marketplace,
                                                                m.Channel.use_marketplace_label).tuples():
        in_window[cid] = work_order.in_buyer_window(S_ON_HOLD, marketplace)
        printable[cid] = printable_states(marketplace, bool(marketplace_label))
    intern = sys.intern
    lowered: dict[str, str] = {}  # one buyer key per name (a shop's buyers come back): fewer strings, faster sorts
    # One string for each buyer's name and each order's items text that recur, one int for each total (buyers come
    # back; a shop sells the same items at the same prices again and again): a row keeps the first read's object,
    # not a copy of its own (at 100,000 orders some MB; a total is 32 bytes an order).
    shared: dict[str, str] = {}
    share = shared.setdefault
    amounts: dict[int, int] = {}
    share_amount = amounts.setdefault
    remember = held is None
    if not remember:  # a read again keeps few rows: each distinct text kept here would be a second copy (10 MB)
        share = share_amount = _itself
    found = []
    append = found.append
    for row in orders:
        (pk, order_id, invoice, state, mp_status, buyer, courier, service, booking, awb, total, created, accept_by,
         ship_by, printed, changed_outside, unmapped, failed, problem, problem_words, tts_sla, level, hold_until,
         channel, head, version) = row
        while line is not None and line[0] > pk:  # an order the first read did not see (written since)
            line = next(pending, None)
        if line is not None and line[0] == pk:
            _pk, items, words, work, seen_version = line
            line = next(pending, None)
        else:
            items = words = work = seen_version = None
        if seen_version != version:  # written between the two reads: its key by the same rule, from this row
            work = work_order.work_key(state, created, accept_by, ship_by, tts_sla, level, hold_until, pk)
        items = share(items, items) if items else ""
        search = f"{head} {words or ''}"
        if not search.isascii():  # SQLite lowers ASCII only
            search = search.lower()
        if state != S_NEW:
            accept_by = None
        if state not in _SHIP_BY_KEPT:
            ship_by = None
        buyer = share(buyer, buyer)
        buyer_key = lowered.get(buyer)
        if buyer_key is None:
            buyer_key = buyer.lower()
            if buyer_key == buyer:  # one string for both when the name has no capitals
                buyer_key = buyer
            if remember:
                lowered[buyer] = buyer_key
        # The few distinct states, statuses and couriers shared, not one copy per order (tens of MB at 100,000).
        state = intern(state)
        window = in_window.get(channel, False)
        waiting = state == S_AWAITING_PAYMENT or (window and state == S_ON_HOLD)
        unmapped = unmapped and state in BEFORE_PACKING
        flagged = bool(changed_outside or unmapped or failed or problem or (state == S_ON_HOLD and not waiting))
        to_print = printed is None and state in printable.get(channel, PRINTABLE_BEFORE_SHIP)
        row = (pk, order_id, invoice, state, intern(mp_status), buyer, intern(courier), intern(service), booking,
               awb, share_amount(total, total), created, accept_by, ship_by, printed is not None,
               bool(changed_outside), bool(unmapped), bool(failed), _problem(problem, problem_words), items, search,
               tts_sla, level, hold_until,
               waiting, work, channel, parcels.get(pk) if parcels else None, buyer_key, version, flagged,
               awb or booking or "", to_print, None, None, None, None, None)
        if old is not None:
            while old is not None and old[R_PK] > pk:  # held, not read again: gone since (deleted)
                gone.append(old[R_PK])
                old = next(older, None)
            if old is not None and old[R_PK] == pk:
                same = old[:R_RANKS] == row[:R_RANKS] and _same_words(old[R_PROBLEM], row[R_PROBLEM])
                old = next(older, None)
                if same:
                    continue
        append(row)
    while old is not None:
        gone.append(old[R_PK])
        old = next(older, None)
    return found


def _itself(value: object, _default: object) -> object:
    return value


def _same_words(held: str, fresh: str) -> bool:
    """Two equal problems (compared as text already) with the same words too: a problem whose words were stored
    since must reach the queue, to be said in the window's language."""
    if not fresh:
        return True
    return type(held) is type(fresh) and getattr(held, "template", None) == getattr(fresh, "template", None) \
        and getattr(held, "params", None) == getattr(fresh, "params", None)


def _problem(problem: str | None, words: str | None) -> str:
    """The order's problem; with the words it was made from (a Said: the queue's ⚑ tooltip says it in the window's
    language) when it has them. Most orders have none: nothing is parsed for them."""
    if not problem or words is None:
        return problem or ""
    try:
        return words_from_store(problem, json.loads(words)) or problem
    except ValueError:  # not JSON: shown as stored
        return problem


def as_datetime(value: object) -> datetime | None:
    """SQLite hands back text; PostgreSQL a datetime. Both are naive UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


@dataclass
class OrderDetail:
    pk: int
    order: dict
    lines: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    actions: list[dict] = field(default_factory=list)
    packages: list = field(default_factory=list)  # services.packages.StoredPackage (Tokopedia & Shop)
    combinable_with: list[str] = field(default_factory=list)  # order ids the marketplace offers to combine it with
    clips: list[dict] = field(default_factory=list)  # its packing videos (issue 21), oldest first


def order_detail(pk: int) -> OrderDetail | None:
    order = m.Order.select().where(m.Order.id == pk).dicts().first()
    if order is None:
        return None
    lines = list(
        m.OrderLine.select().where(m.OrderLine.order == pk).order_by(m.OrderLine.line_no, m.OrderLine.id).dicts()
    )
    events = list(m.OrderEvent.select().where(m.OrderEvent.order == pk).order_by(m.OrderEvent.at.desc()).dicts())
    actions = list(
        m.Action.select(m.Action.kind, m.Action.status, m.Action.error, m.Action.error_words, m.Action.updated_at)
        .where(m.Action.order == pk)
        .order_by(m.Action.id.desc())
        .dicts()
    )
    from tokodesk.services.packages import combinable_with, packages_of

    row = m.Order.get_by_id(pk)
    clips = list(m.Clip.select().where(m.Clip.order == pk).order_by(m.Clip.started_at, m.Clip.id).dicts())
    return OrderDetail(pk, order, lines, events, actions, packages_of(row),
                       [o.invoice or o.order_id for o in combinable_with(row)], clips)


def find_order_pk(channel_id: int | None, code: str) -> int | None:
    """The order a barcode scanner named: a package's tracking number or id, or the order's invoice, order id,
    booking code or AWB (exact match, case as scanned). `services.pack_scan.find_scan` says which parcel too."""
    from tokodesk.services.pack_scan import find_order_pk as find

    return find(channel_id, code)


# ---------------------------------------------------------------------------------------------- sync health
HEALTH_KINDS = ("orders", "statuses")  # the pulls that keep the queue true


@dataclass
class SyncHealth:
    """How fresh one channel's orders are, for the Orders tab and the status bar (issue 14 §4)."""

    channel_id: int
    channel: str
    last_ok: datetime | None  # when the last successful order pull finished (naive UTC)
    failing_since: datetime | None = None  # the first failed pull since the last one that worked
    failing_kind: str = ""
    reason: str = ""  # the last failure's first error, as the adapter wrote it for a seller
    reason_words: dict | None = None  # its words (SyncRun.error_words), when TokoDesk wrote it
    overdue: bool = False  # no successful pull for longer than the schedule allows
    running: bool = False
    every_min: int = 5

    @property
    def warning(self) -> bool:
        return self.failing_since is not None or self.overdue


def overdue_after(every_min: int) -> timedelta:
    """A pull is overdue after two missed runs plus a margin: one slow run is not an alarm."""
    return timedelta(minutes=2 * max(1, every_min) + 5)


def sync_health(channel_ids: Sequence[int] | None = None, now: datetime | None = None) -> list[SyncHealth]:
    now = now or m.utcnow()
    channels = m.Channel.select().order_by(m.Channel.name)
    if channel_ids is not None:
        channels = channels.where(m.Channel.id.in_(list(channel_ids)))
    found = []
    for channel in channels:
        health = SyncHealth(channel.id, channel.name, None, every_min=channel.orders_every_min)
        for kind in HEALTH_KINDS:
            runs = (m.SyncRun.select(m.SyncRun.status, m.SyncRun.started_at, m.SyncRun.finished_at, m.SyncRun.errors,
                                     m.SyncRun.error_words)
                    .where((m.SyncRun.channel == channel.id) & (m.SyncRun.kind == kind))
                    .order_by(m.SyncRun.started_at.desc(), m.SyncRun.id.desc()).limit(200))
            failed: list = []
            for run in runs:
                if run.status == "running":
                    health.running = True
                    continue
                if run.status in ("ok", "partial"):
                    if kind == "orders":
                        health.last_ok = run.finished_at or run.started_at
                    break
                if run.status == "failed":
                    failed.append(run)
                # a cancelled run says nothing either way: look further back
            if failed and (health.failing_since is None or failed[-1].started_at < health.failing_since):
                health.failing_since = failed[-1].started_at
                health.failing_kind = kind
                health.reason = next(iter(failed[0].errors or []), "")
                health.reason_words = next(iter(failed[0].error_words or []), None)
        if health.last_ok is None and not health.failing_since:
            # Never pulled: an alarm only once the first pull has had its time (a new channel is not "offline").
            health.overdue = now - (channel.created_at or now) > overdue_after(health.every_min)
        elif health.last_ok is not None:
            health.overdue = now - health.last_ok > overdue_after(health.every_min)
        found.append(health)
    return found
