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
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from operator import lt
from typing import Any

from tokodesk.ui import queries as q
from tokodesk.ui.orders_filters import RANK_FIELDS, SORT_KEYS

# The columns whose keys are text (on PostgreSQL the creation time is a datetime), in the order of their rank fields,
# the row's last. The others sort by bools, interned states and couriers or ints: fast enough as they are.
RANKED = tuple(sorted(RANK_FIELDS, key=RANK_FIELDS.__getitem__))

_pool: list[int] = []


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
        falls = sum(map(lt, islice(keys, 1, None), keys))
        if len(keys) // 8 < falls < len(keys) - len(keys) // 8:
            # Keys in no order (items, buyers): sort the distinct ones and look each key up.
            distinct = sorted(set(keys))
            rank_of = dict(zip(distinct, pool, strict=False))
            return list(map(rank_of.__getitem__, keys)), Ends(distinct[0], 0, distinct[-1], len(distinct) - 1)
        # Keys mostly in order (invoices and creation times, read newest first): their positions sort in a pass or
        # two, and no 100,000 strings are hashed.
        order = sorted(range(len(keys)), key=keys.__getitem__)
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


def rank_rows(rows: list[tuple], others: Sequence[tuple] = ()) -> tuple[dict[int, Ends], list[tuple]]:
    """Rank every column of `RANKED` over the values of `rows` and `others` together. `rows` get their ranks in
    place (each tuple made again as it goes: no second copy of them); the rows of `others` (held elsewhere, e.g. by
    the queue) are returned as ranked copies, in their order. Returns each column's ends and those copies. Pure:
    runs in a worker."""
    every = rows + list(others) if others else rows
    ends: dict[int, Ends] = {}
    ranks = []
    for column in RANKED:
        made = rank_column(list(map(SORT_KEYS[column], every)))
        if made is None:
            ranks.append([None] * len(every))
        else:
            ranks.append(made[0])
            ends[column] = made[1]
    del every  # else every old row outlives its remake below: twice the rows at once, and the heap keeps it
    head = q.R_RANKS
    per_row = zip(*ranks, strict=True)
    # 100,000 new tuples set off the cycle collector's passes over every object (a third of this remake's time);
    # tuples of strings, numbers and None make no cycles to collect.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for i, row_ranks in zip(range(len(rows)), per_row, strict=False):
            rows[i] = rows[i][:head] + row_ranks
        copies = [row[:head] + row_ranks for row, row_ranks in zip(others, per_row, strict=True)]
    finally:
        if collecting:
            gc.enable()
    return ends, copies


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
