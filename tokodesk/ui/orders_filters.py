"""The queue's chips, counts and sorts over its row tuples, in bulk (one comprehension or one sort per change).

With 100,000 orders a Python `filterAcceptsRow`/`lessThan` per row is far too slow; these work on the whole list
with C getters and inlined predicates. `OrdersModel` keeps the rows and calls these.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Collection, Iterable
from operator import itemgetter
from typing import Any

from PySide6.QtCore import Qt

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace.base import OrderState
from tokodesk.ui import queries as q

S = OrderState
COL_FLAG, COL_INVOICE, COL_STATE, COL_BUYER, COL_ITEMS, COL_COURIER, COL_CODE, COL_TOTAL, COL_DEADLINE, COL_CREATED = (
    range(10)
)

_PRINTABLE = q.PRINTABLE_BEFORE_SHIP  # accepted, not handed over: where the label is printed before shipping
_TO_SHIP = {S.PACKED.value, S.READY_TO_SHIP.value, S.PARTLY_SHIPPED.value}  # partly shipped: the rest waits
_SHIPPABLE = _PRINTABLE | {S.PARTLY_SHIPPED.value}
_NEW = S.NEW.value
_ON_HOLD = S.ON_HOLD.value
_DONE = {S.SHIPPED.value, S.DELIVERED.value, S.COMPLETED.value, S.RETURNED.value}


def is_problem(row: tuple) -> bool:
    # Tokopedia & Shop's ON_HOLD is the buyer's normal cancellation window (R_WAITING), not a problem.
    return bool(
        row[q.R_CHANGED_OUTSIDE] or row[q.R_UNMAPPED] or row[q.R_ACTION_FAILED] or row[q.R_PROBLEM]
        or (row[q.R_STATE] == _ON_HOLD and not row[q.R_WAITING])
    )


# The work still to do: orders to accept, pack, print, ship, and parcels still waiting for the courier. The queue
# opens here (issue 18.1), not on "All": a shipped or cancelled order needs nothing from the packer.
TO_DO = frozenset({S.NEW.value, S.ACKNOWLEDGED.value, *_TO_SHIP, S.AWAITING_PICKUP.value})
DEFAULT_CHIP = "todo"

# Chips that are a plain set of states (counted from a state histogram).
CHIP_STATES: dict[str, frozenset[str]] = {
    "todo": TO_DO,
    "new": frozenset({S.NEW.value}),
    "to_pack": frozenset({S.ACKNOWLEDGED.value}),
    "ready": frozenset(_TO_SHIP),
    "pickup": frozenset({S.AWAITING_PICKUP.value}),
    "shipped": frozenset(_DONE),
    "cancelled": frozenset({S.CANCELLED.value}),
}

CHIPS: list[tuple[str, str, Any]] = [
    ("todo", QT_TRANSLATE_NOOP("OrdersTab", "To do"), lambda r: r[q.R_STATE] in TO_DO),
    ("all", QT_TRANSLATE_NOOP("OrdersTab", "All"), lambda r: True),
    ("new", QT_TRANSLATE_NOOP("OrdersTab", "New"), lambda r: r[q.R_STATE] == S.NEW.value),
    ("to_pack", QT_TRANSLATE_NOOP("OrdersTab", "To pack"), lambda r: r[q.R_STATE] == S.ACKNOWLEDGED.value),
    ("to_print", QT_TRANSLATE_NOOP("OrdersTab",
                                   "To print"), itemgetter(q.R_TO_PRINT)),
    ("ready", QT_TRANSLATE_NOOP("OrdersTab", "Ready to ship"), lambda r: r[q.R_STATE] in _TO_SHIP),
    ("pickup", QT_TRANSLATE_NOOP("OrdersTab", "Awaiting pickup"), lambda r: r[q.R_STATE] == S.AWAITING_PICKUP.value),
    ("shipped", QT_TRANSLATE_NOOP("OrdersTab", "Shipped"), lambda r: r[q.R_STATE] in _DONE),
    ("cancelled", QT_TRANSLATE_NOOP("OrdersTab", "Cancelled"), lambda r: r[q.R_STATE] == S.CANCELLED.value),
    # Unpaid, or in the buyer's window after paying: not yet the seller's to ship, and no problem either.
    ("waiting", QT_TRANSLATE_NOOP("OrdersTab", "Waiting"), lambda r: r[q.R_WAITING]),
    ("problems", QT_TRANSLATE_NOOP("OrdersTab", "Problems"), is_problem),
]
CHIP_PREDICATES = {key: pred for key, _label, pred in CHIPS}
# The chips whose every order is a "To do" order: the queue's first read (the To-do orders) shows them whole, while
# the other orders are still being read. "To print" is a subset too (its states are all To do).
WHOLE_WITH_TO_DO = frozenset({key for key, states in CHIP_STATES.items() if states <= TO_DO} | {"to_print"})


WORK_KEY = itemgetter(q.R_WORK)
_pk_of = itemgetter(q.R_PK)
_state_of = itemgetter(q.R_STATE)
_courier_of = itemgetter(q.R_COURIER)
_waiting_of = itemgetter(q.R_WAITING)
# What each column sorts by (`OrdersModel`'s SortRole says the same per row): C getters where the column holds one
# type, so 100,000 rows sort without a Python call per row. The buyer sorts case-insensitively by a key made once
# per row when it was read, the flag and code columns by theirs. The Deadline column sorts in the platform's order
# of work: the deadline it judges by, then priority.
SORT_KEYS = {
    COL_FLAG: itemgetter(q.R_FLAGGED),
    # Invoice, buyer, courier and total are never empty in the store (NOT NULL, default "" or 0).
    COL_INVOICE: itemgetter(q.R_INVOICE),
    COL_STATE: _state_of,
    COL_BUYER: itemgetter(q.R_BUYER_KEY),
    COL_ITEMS: itemgetter(q.R_ITEMS),
    COL_COURIER: _courier_of,
    COL_CODE: itemgetter(q.R_CODE),
    COL_TOTAL: itemgetter(q.R_TOTAL),
    COL_DEADLINE: WORK_KEY,
    COL_CREATED: itemgetter(q.R_CREATED),  # never empty; ISO text on SQLite, a datetime on PostgreSQL
}
# The text columns' ranks (ui/orders_ranks.py): an int per row in the order of the key above, so a click on one of
# these columns sorts ints held in the rows instead of strings spread over memory.
RANK_FIELDS = {COL_INVOICE: q.R_RANK_INVOICE, COL_BUYER: q.R_RANK_BUYER, COL_ITEMS: q.R_RANK_ITEMS,
               COL_CODE: q.R_RANK_CODE, COL_CREATED: q.R_RANK_CREATED}
_RANK_KEYS = {column: itemgetter(field) for column, field in RANK_FIELDS.items()}


def sort_rows(rows: list[tuple], spec: tuple[int, Qt.SortOrder] | None, ranked: Collection[int] = ()) -> None:
    """Sort the rows in place as the queue shows them: by a column (`OrdersModel.sort_spec()`), or in the platform's
    order of work (services/work_order.py) until one is chosen. Stable, as `list.sort`: rows with the same key keep
    their order (the previous sort's). A list already in that order takes one pass. A column in `ranked` (every
    row holds its right rank there) sorts by the ranks: the same order."""
    if spec is None:
        rows.sort(key=WORK_KEY)
        return
    column, order = spec
    key = _RANK_KEYS[column] if column in ranked else SORT_KEYS[column]
    rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)


def sort_role_key(row: tuple, column: int) -> Any:
    """What one cell sorts by (the model's SortRole): the order `SORT_KEYS` gives, one row at a time."""
    if column == COL_FLAG:
        return is_problem(row)
    if column == COL_INVOICE:
        return row[q.R_INVOICE] or ""
    if column == COL_STATE:
        return row[q.R_STATE]
    if column == COL_BUYER:
        return (row[q.R_BUYER] or "").lower()
    if column == COL_ITEMS:
        return row[q.R_ITEMS]
    if column == COL_COURIER:
        return row[q.R_COURIER] or ""
    if column == COL_CODE:
        return row[q.R_AWB] or row[q.R_BOOKING] or ""
    if column == COL_TOTAL:
        return row[q.R_TOTAL] or 0
    if column == COL_DEADLINE:
        # The raw column sorts right without parsing or formatting 100,000 dates: ISO text from SQLite, datetime from
        # PostgreSQL, one type per backend (the rows without a deadline never reach the second element's compare).
        raw = raw_deadline(row)
        return (0, raw) if raw else (1, "")
    return str(row[q.R_CREATED] or "")


def is_work_order(spec: tuple[int, Qt.SortOrder] | None) -> bool:
    """The sort is the order of work (no column chosen, or the Deadline column either way)."""
    return spec is None or spec[0] == COL_DEADLINE


def work_order_of(rows: list[tuple], spec: tuple[int, Qt.SortOrder] | None) -> list[tuple]:
    """Rows sorted by `spec`, a work order (`is_work_order`), as a new list in ascending work order. The work key
    never ties (it ends with the row id), so the descending sort is exactly the ascending one reversed."""
    return rows[::-1] if spec is not None and spec[1] == Qt.SortOrder.DescendingOrder else list(rows)


def rows_in_work_order(work: list[tuple], spec: tuple[int, Qt.SortOrder]) -> list[tuple]:
    """The rows of `work` (ascending work order) sorted by `spec`, a work order: what `sort_rows` gives them."""
    return work[::-1] if spec[1] == Qt.SortOrder.DescendingOrder else work


# Up to this many changed rows are moved one by one (a bisect and a list insert each, microseconds); more are
# merged in one pass over the list instead.
_MOVED_ONE_BY_ONE = 64


def move_in_work_order(work: list[tuple], old: Collection[tuple], new: Collection[tuple]) -> bool:
    """Keep `work`, every loaded row in ascending work order, right as rows change: `old` (rows held in `work`)
    leave it, `new` (their fresh reads, and new orders) come in. False when a row of `old` is not where its key
    says (`work` is then no use: the caller drops it and sorts when it next needs the order)."""
    if len(old) + len(new) > _MOVED_ONE_BY_ONE:
        gone = set(map(_pk_of, old))
        if len(gone) != len(old):
            return False
        kept = [r for r in work if r[q.R_PK] not in gone]
        if len(kept) != len(work) - len(gone):
            return False
        kept += sorted(new, key=WORK_KEY)
        kept.sort(key=WORK_KEY)  # two sorted runs: one merge
        work[:] = kept
        return True
    for row in old:
        at = bisect_left(work, row[q.R_WORK], key=WORK_KEY)
        if at == len(work) or work[at][q.R_PK] != row[q.R_PK]:
            return False
        del work[at]
    for row in new:
        insort(work, row, key=WORK_KEY)
    return True


def queue_counts(rows: list[tuple]) -> Counter:
    """Rows per chip, in a few passes over the rows (C getters, inlined predicates)."""
    states = Counter(map(_state_of, rows))
    counts: Counter = Counter({"all": len(rows)})
    for key, chip_states in CHIP_STATES.items():
        counts[key] = sum(states[state] for state in chip_states)
    counts["to_print"] = len(_to_print(rows))
    counts["problems"] = len(_problems(rows))
    counts["waiting"] = sum(map(bool, map(_waiting_of, rows)))
    return counts


def database_counts(every: Iterable[tuple[str, bool, int]], flagged: Iterable[tuple[str, bool, int]]) -> Counter:
    """Orders per chip from the database's grouped counts (`queries.order_counts`): what `queue_counts` gives over
    every row, without reading the rows; all but "To print", whose orders are all To do (counted from those rows)."""
    counts: Counter = Counter()
    held = 0  # on hold and not the buyer's window: a problem, counted once even when also flagged
    for state, waiting, n in every:
        counts["all"] += n
        for key, chip_states in CHIP_STATES.items():
            if state in chip_states:
                counts[key] += n
        if waiting:
            counts["waiting"] += n
        if state == _ON_HOLD and not waiting:
            held += n
    counts["problems"] = held
    for state, waiting, n in flagged:
        if not (state == _ON_HOLD and not waiting):
            counts["problems"] += n
    return counts


def chip_rows(rows: list[tuple], chip: str) -> list[tuple]:
    """The rows under a chip; the list itself on "All"."""
    states = CHIP_STATES.get(chip)
    if states is not None:
        st = q.R_STATE
        return [r for r in rows if r[st] in states]
    if chip == "problems":
        return _problems(rows)
    if chip == "to_print":
        return _to_print(rows)
    if chip != "all":
        pred = CHIP_PREDICATES[chip]
        return [r for r in rows if pred(r)]
    return rows


def _problems(rows: list[tuple]) -> list[tuple]:
    """The Problems chip and its count over 100,000 rows: `is_problem` as made once per row (R_FLAGGED)."""
    flagged = q.R_FLAGGED
    return [r for r in rows if r[flagged]]


def _to_print(rows: list[tuple]) -> list[tuple]:
    to_print = q.R_TO_PRINT
    return [r for r in rows if r[to_print]]


def raw_deadline(row: tuple) -> Any:
    state = row[q.R_STATE]
    return row[q.R_ACCEPT_BY] if state == _NEW else row[q.R_SHIP_BY] if state in _SHIPPABLE else None
