"""The queue's ranks (ui/orders_ranks.py) order rows exactly as their values do, whatever the values' order when read.

A rank is only ever used in place of its value in a sort, so what must hold is: a smaller value, a smaller rank; equal
values, equal ranks. Checked over text (any Unicode: the buyer key, items, codes) and over datetimes (the creation time
as PostgreSQL gives it), coming in order, in reverse (newest first, as the queue reads) and in no order.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tokodesk.ui.orders_ranks import Ends, rank_column


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
