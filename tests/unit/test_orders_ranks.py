"""The queue's ranks (ui/orders_ranks.py) order rows exactly as their values do, whatever the values' order when read.

A rank is only ever used in place of its value in a sort, so what must hold is: a smaller value, a smaller rank; equal
values, equal ranks. Checked over text (any Unicode: the buyer key, items, codes) and over datetimes (the creation time
as PostgreSQL gives it), coming in order, in reverse (newest first, as the queue reads) and in no order.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tokodesk.ui import queries as q
from tokodesk.ui.orders_filters import COL_BUYER
from tokodesk.ui.orders_ranks import RANKED, Ends, put_ranks, rank_column, rank_rows


def _same_order(keys: list, ranks: list[int]) -> bool:
    pairs = list(zip(keys, ranks, strict=True))
    return all((a < b) == (ra < rb) and (a == b) == (ra == rb) for a, ra in pairs for b, rb in pairs)


@given(st.lists(st.text(max_size=6), min_size=1, max_size=40), st.sampled_from(["as read", "sorted", "newest first"]))
def test_text_ranks_follow_the_texts_order(keys, arrival):
    if arrival == "sorted":
        keys = sorted(keys)
    elif arrival == "newest first":
        keys = sorted(keys, reverse=True)
    ranks, ends = rank_column(keys)
    assert _same_order(keys, ranks)
    assert (ends.low, ends.high) == (min(keys), max(keys))
    assert ends.low_rank == 0 and ends.high_rank == len(set(keys)) - 1


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=40), st.booleans())
def test_datetime_ranks_follow_time(minutes, newest_first):
    keys = sorted((datetime(2026, 12, 1) + timedelta(minutes=m) for m in minutes), reverse=newest_first)
    ranks, _ends = rank_column(keys)
    assert _same_order(keys, ranks)


def test_values_that_do_not_compare_get_no_ranks():
    assert rank_column(["b", None, "a"]) is None
    assert rank_column([]) is None


def test_a_new_value_takes_a_rank_only_beyond_an_end():
    ends = Ends("b", 0, "y", 9)
    assert ends.place("y") == 9 and ends.place("b") == 0
    assert ends.place("z") == 10 and ends.high == "z"
    assert ends.place("a") == -1 and ends.low == "a"
    assert ends.place("m") is None  # between two values: no rank is right without moving the others
    assert ends.place(5) is None  # another type: no place in the order


def _row(pk: int, invoice: str, buyer: str, items: str, code: str, created: str, version: int = 1) -> tuple:
    """A queue row (queries.R_*) with the fields the ranks read, no ranks yet."""
    row = [None] * (q.R_RANKS + len(RANKED))
    row[q.R_PK], row[q.R_INVOICE], row[q.R_BUYER_KEY], row[q.R_ITEMS] = pk, invoice, buyer, items
    row[q.R_CODE], row[q.R_CREATED], row[q.R_VERSION] = code, created, version
    return tuple(row)


def _ranks_of(row: tuple) -> tuple:
    return row[q.R_RANKS:]


def _queue(rng: random.Random) -> tuple[list[tuple], list[tuple]]:
    """The To-do orders a queue holds and the others its second read brings (values shared across the two)."""
    def made(pk: int) -> tuple:
        return _row(pk, f"INV/{rng.randrange(60):03d}", rng.choice(["andi", "budi", "siti"]),
                    f"SKU-{rng.randrange(9)} ×1", f"TKP{rng.randrange(40)}", f"2026-11-{rng.randrange(1, 29):02d}")
    return [made(pk) for pk in range(1, 31)], [made(pk) for pk in range(31, 101)]


@pytest.mark.parametrize("between", ["nothing", "a sort", "a sort and orders read again"])
def test_the_held_rows_get_the_ranks_the_second_read_made_for_them(between):
    """The second read ranks its rows over them and the rows the queue held (`rank_rows`); the queue then gives its
    own rows their ranks in place (`put_ranks`): each row ends with the ranks of its values among every order's, as
    if all had been ranked together, also when the seller sorted meanwhile or orders were read again."""
    rng = random.Random(19)
    held, rest = _queue(rng)
    first = list(held)
    ends, first_ranks = rank_rows(rest, first)
    together = list(held) + [r[:q.R_RANKS] + (None,) * len(RANKED) for r in rest]
    rank_rows(together)
    want = {r[q.R_PK]: _ranks_of(r) for r in together}
    ranked = set(ends)
    if between != "nothing":
        held.sort(key=lambda r: r[q.R_ITEMS])
    if between == "a sort and orders read again":
        same, renamed = held[4], held[9]  # read again: one unchanged, one whose buyer another station renamed
        held[4] = same[:q.R_VERSION] + (2,) + same[q.R_VERSION + 1:]
        held[9] = renamed[:q.R_BUYER_KEY] + ("budi santoso",) + renamed[q.R_BUYER_KEY + 1:]
    order = [r[q.R_PK] for r in held]

    put_ranks(held, first, first_ranks, ranked, ends)

    assert [r[q.R_PK] for r in held] == order  # in place, in the queue's order
    assert first == [None] * len(first)  # the first read's rows let go of
    for row in held:
        if between == "a sort and orders read again" and row[q.R_PK] == renamed[q.R_PK]:
            continue
        assert _ranks_of(row) == want[row[q.R_PK]]
    assert set(_ranks_of(row)) != {None}
    if between == "a sort and orders read again":
        # The renamed buyer falls between two others: no rank is right without moving others, so the column sorts
        # by its text from now on; the other columns keep the ranks the order had.
        assert ranked == set(RANKED) - {COL_BUYER}
        row = next(r for r in held if r[q.R_PK] == renamed[q.R_PK])
        assert row[q.R_RANK_BUYER] is None
        assert row[q.R_RANK_INVOICE] == want[renamed[q.R_PK]][0]
    else:
        assert ranked == set(RANKED)
