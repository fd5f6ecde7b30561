"""A header click on a text column at 100,000 orders sorts small integers, not text.

Sorting 100,000 rows by invoice, buyer, items, code or creation time from another column's order compared 100,000
strings spread over memory: 55-75 ms a click. Each row carries, for those columns, the rank of its value among the
values of every loaded row (`queries.R_RANK_*`: equal values, equal ranks; a smaller value, a smaller rank), so a
click sorts by an int in the row: the same order as by the text, ties kept in the previous order (the sort is
stable), descending as `list.sort(reverse=True)` does.

The ranks are made in the worker that reads every order (the queue's second read, or a whole read again), over
every loaded row, and kept right as rows change (`OrdersModel.replace_rows`): a row whose value did not change keeps
its rank; a new value above or below every other (a new order's invoice or creation time) takes the next rank out;
any other new value drops that column's ranks, and the column sorts by its text, as before, until every order is
read again. Never a stale rank: a column sorts by ranks only while every row has its right one.
"""

from __future__ import annotations

import gc
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice, repeat
from operator import is_
from typing import Any

from tokodesk.ui import queries as q
from tokodesk.ui.orders_filters import RANK_FIELDS, SORT_KEYS

# The columns whose keys are text (on PostgreSQL the creation time is a datetime), in the order of their rank fields,
# the row's last. The others sort by bools, interned states and couriers or ints: fast enough as they are.
RANKED = tuple(sorted(RANK_FIELDS, key=RANK_FIELDS.__getitem__))

_pool: list[int] = []

# Each new row costs the cycle collector one look (about a microsecond: it then stops tracking a tuple of strings
# and numbers). A row made again in place never raises the collector's count (one tuple made, one let go), so those
# looks waited for the next collection anywhere and came all at once: at 100,000 rows 90 ms in the GUI thread, at
# the seller's next click (a Select all took 40 ms instead of 12). Taken every so many rows as they are made (the
# rows still in the CPU's cache: cheaper than one pass at the end) and at the end.
LOOK_EVERY = 2000


def int_pool(n: int) -> list[int]:
    """At least `n` ints 0, 1, 2, …, one object each, shared by every column's ranks (100,000 ints are 3 MB: one
    copy, not one per column). Never changed once handed out (read by the GUI thread and workers): a longer pool is
    a new list holding the same objects."""
    global _pool
    pool = _pool
    if len(pool) < n:
        pool = pool + list(range(len(pool), n))
        _pool = pool
    return pool


@dataclass
class Ends:
    """Where one column's ranked values end: a value beyond either end takes the next rank out."""

    low: Any
    low_rank: int
    high: Any
    high_rank: int

    def place(self, value: Any) -> int | None:
        """The rank of a value, if it is at or beyond an end; None for a value between two others."""
        try:
            if value == self.high:
                return self.high_rank
            if value == self.low:
                return self.low_rank
            if value > self.high:
                self.high, self.high_rank = value, self.high_rank + 1
                return self.high_rank
            if value < self.low:
                self.low, self.low_rank = value, self.low_rank - 1
                return self.low_rank
        except TypeError:  # a value of another type than the column's: no place in its order
            return None
        return None


def rank_column(keys: list[Any]) -> tuple[list[int], Ends] | None:
    """Each key's rank among the distinct keys (0 the smallest), and where they end; None if they do not compare."""
    if not keys:
        return None
    pool = int_pool(len(keys))
    try:
        sample = keys[::max(1, len(keys) // 512)]
        if len(set(sample)) * 2 < len(sample):
            # Few distinct keys (buyers, who come back): sort those and look each key up.
            distinct = sorted(set(keys))
            rank_of = dict(zip(distinct, pool, strict=False))
            return list(map(rank_of.__getitem__, keys)), Ends(distinct[0], 0, distinct[-1], len(distinct) - 1)
        # Keys mostly distinct (invoices, codes, creation times, items): sort their positions, the pool's ints (no
        # 100,000 new ints, no set and dictionary of 100,000 keys: those were the queue's high-water mark, and
        # hashing items' text took longer than this sort). Keys read in order (newest first) sort in a pass or two.
        order = sorted(islice(pool, len(keys)), key=keys.__getitem__)
    except TypeError:  # values that do not compare (never in the store): the column sorts by its text
        return None
    ranks: list[int] = [0] * len(keys)
    rank = -1
    previous = object()
    for i in order:
        value = keys[i]
        if value != previous:
            rank += 1
            previous = value
        ranks[i] = pool[rank]
    return ranks, Ends(keys[order[0]], 0, keys[order[-1]], rank)


def rank_rows(rows: list[tuple], others: Sequence[tuple] = ()) -> tuple[dict[int, Ends], list[array | None]]:
    """Rank every column of `RANKED` over the values of `rows` and `others` together. `rows` get their ranks in
    place (each tuple made again as it goes: no second copy of them). The rows of `others` (held elsewhere, e.g. by
    the queue) are not copied here: their ranks are returned, per column of `RANKED` a compact array in their order
    (None: the column has no ranks), for `put_ranks` to give them where they are held. Returns each column's ends
    and those arrays. Pure: runs in a worker."""
    every = rows + list(others) if others else rows
    ends: dict[int, Ends] = {}
    ranks: list[list[int] | None] = []
    for column in RANKED:
        made = rank_column(list(map(SORT_KEYS[column], every)))
        if made is None:
            ranks.append(None)
        else:
            ranks.append(made[0])
            ends[column] = made[1]
    del every  # else every old row outlives its remake below: twice the rows at once, and the heap keeps it
    count = len(rows)
    others_ranks = [None if column is None else array("q", islice(column, count, None)) for column in ranks]
    head = q.R_RANKS
    per_row = zip(*(repeat(None) if column is None else column for column in ranks), strict=False)
    # 100,000 new tuples set off the cycle collector's passes over every object (a third of this remake's time);
    # tuples of strings, numbers and None make no cycles to collect.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for i, row_ranks in zip(range(count), per_row, strict=False):
            rows[i] = rows[i][:head] + row_ranks
            if i % LOOK_EVERY == LOOK_EVERY - 1 and collecting:
                gc.collect(0)
    finally:
        if collecting:
            gc.collect(0)
            gc.enable()
    return ends, others_ranks


def put_ranks(held: list[tuple], first: list[tuple | None], first_ranks: Sequence[array | None], ranked: set[int],
              ends: dict[int, Ends]) -> None:
    """Give the rows `held` (a queue's, in place) their ranks: a row of `first` (the rows held when a `rank_rows`
    began, `first_ranks` its answer for them) still held takes its ranks; a row read again since keeps the first
    read's where its value did not change (`carry_ranks`, which may take a column out of `ranked`).

    Empties `first` as it goes: each first-read row is let go the moment its ranked copy replaces it, and its memory
    takes the next copy. Copied while the old rows lived on (20,000 at the queue's To-do orders of 100,000) the
    copies stayed 7-9 MB over the rows in the process's memory (issue 19). For that nothing else may hold them."""
    head = q.R_RANKS
    pool = _pool
    per_row = zip(*(repeat(None) if column is None else map(pool.__getitem__, column) for column in first_ranks),
                  strict=False)
    collecting = gc.isenabled()
    gc.disable()
    try:
        if len(held) == len(first) and all(map(is_, held, first)):
            # The rows held are still the first read's, in its order (no order read again, no sort since): the
            # usual case, and no lookups.
            for k, row_ranks in zip(range(len(first)), per_row, strict=False):
                was = first[k]
                first[k] = None
                held[k] = was[:head] + row_ranks
                del was  # the old row goes now: its memory takes the next copy
                if k % LOOK_EVERY == LOOK_EVERY - 1 and collecting:
                    gc.collect(0)
            return
        position = {id(row): i for i, row in enumerate(held)}  # ids of live rows: `first`'s or `held`'s
        firsts = {id(row) for row in first}
        wanted = {row[q.R_PK] for row in held if id(row) not in firsts}  # read again since (or new): few
        del firsts
        earlier: dict[int, tuple] = {}  # the first read's row, ranked, of an order read again since
        for k, row_ranks in zip(range(len(first)), per_row, strict=False):
            was = first[k]
            first[k] = None
            now = was[:head] + row_ranks
            i = position.pop(id(was), None)
            if i is not None:
                held[i] = now
            elif was[q.R_PK] in wanted:
                earlier[was[q.R_PK]] = now
            del was, now  # the old row goes now: its memory takes the next copy
            if k % LOOK_EVERY == LOOK_EVERY - 1 and collecting:
                gc.collect(0)
        for i in position.values():  # the rows read again since (or new)
            row = held[i]
            held[i] = carry_ranks(row, earlier.get(row[q.R_PK]), ranked, ends)
    finally:
        if collecting:
            gc.collect(0)
            gc.enable()


def carry_ranks(row: tuple, old: tuple | None, ranked: set[int], ends: dict[int, Ends]) -> tuple:
    """`row` (a fresh read, no ranks) with its ranks: those of `old` (the same order as held before) where the value
    is the same, the next one out beyond an end of the column's values. A column where neither holds is taken out
    of `ranked` (it sorts by its text from now on)."""
    if not ranked:
        return row
    made = []
    for column in RANKED:
        if column not in ranked:
            made.append(None)
            continue
        key = SORT_KEYS[column]
        value = key(row)
        if old is not None and old[RANK_FIELDS[column]] is not None and key(old) == value:
            made.append(old[RANK_FIELDS[column]])
            continue
        rank = ends[column].place(value)
        if rank is None:
            ranked.discard(column)
        made.append(rank)
    return row[:q.R_RANKS] + tuple(made)
