"""The order queue's table model: row snapshots, chip filters and search done in bulk, not per painted cell.

With 100,000 orders a Python `filterAcceptsRow`/`lessThan` per row is far too slow, so the source model keeps all
rows and a visible, sorted subset computed with one list comprehension / one `sorted()`; the proxy in front of it
is a plain pass-through whose `sort()` hands the work back to the model.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime, timezone
from operator import itemgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, Said, stored_words
from tokodesk.marketplace import error_words
from tokodesk.marketplace.base import OrderState
from tokodesk.ui import queries as q
from tokodesk.ui.formatting import rupiah, wib_text
from tokodesk.ui.i18n import current, translate
from tokodesk.ui.orders_cells import PRINTED_MARK as _PRINTED_MARK
from tokodesk.ui.orders_cells import (  # noqa: F401 - the queue's names, also imported from here
    PRINTED_MARK_STATES,
    STATE_LABELS,
    deadline_of,
    parcels_word,
    short_wib_text,
    state_label,
)
from tokodesk.ui.orders_filters import (  # noqa: F401 - the queue's names, also imported from here
    CHIP_PREDICATES,
    CHIP_STATES,
    CHIPS,
    COL_BUYER,
    COL_CODE,
    COL_COURIER,
    COL_CREATED,
    COL_DEADLINE,
    COL_FLAG,
    COL_INVOICE,
    COL_ITEMS,
    COL_STATE,
    COL_TOTAL,
    DEFAULT_CHIP,
    TO_DO,
    WHOLE_WITH_TO_DO,
    WORK_KEY,
    chip_rows,
    is_problem,
    is_work_order,
    move_in_work_order,
    queue_counts,
    raw_deadline,
    rows_in_work_order,
    sort_role_key,
    sort_rows,
    work_order_of,
)
from tokodesk.ui.orders_ranks import Ends, carry_ranks, put_ranks
from tokodesk.ui.status_words import marketplace_status_words
from tokodesk.ui.work_marks import urgency_word, waiting_text

S = OrderState
_PARENTS = "QList<QPersistentModelIndex>"
RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

class OrdersModel(QAbstractTableModel):
    HEADERS = ("", QT_TRANSLATE_NOOP("OrdersModel", "Invoice"), QT_TRANSLATE_NOOP("OrdersModel", "State"),
               QT_TRANSLATE_NOOP("OrdersModel", "Buyer"), QT_TRANSLATE_NOOP("OrdersModel", "Items"),
               QT_TRANSLATE_NOOP("OrdersModel", "Courier"), QT_TRANSLATE_NOOP("OrdersModel", "Booking code / AWB"),
               QT_TRANSLATE_NOOP("OrdersModel", "Total"), QT_TRANSLATE_NOOP("OrdersModel", "Deadline"),
               QT_TRANSLATE_NOOP("OrdersModel", "Created"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[tuple] = []
        self._rows: list[tuple] = []
        self._counts: Counter | None = None
        self._more_counts: Counter | None = None  # while the other orders load: every order per chip, from the database
        self._all_index: dict[int, tuple] | None = None
        self._index: dict[int, int] | None = None
        self._chip = DEFAULT_CHIP
        self._search = ""
        self._courier = ""  # "" = every courier
        self._printed: bool | None = None  # None = printed or not
        self._sort: tuple[int, Qt.SortOrder] | None = None
        # While another column's order is shown: every loaded row in the order of work, kept as rows change, so a
        # click back on Deadline takes it instead of sorting 100,000 rows (about 40 ms from a shuffled order).
        self._work: list[tuple] | None = None
        # The text columns whose rank every row holds (ui/orders_ranks.py), and where their values end.
        self._ranked: set[int] = set()
        self._ends: dict[int, Ends] = {}
        self._elsewhere = 0  # the search's matches under "All" the chip hides, counted with the shown rows
        self.now = lambda: datetime.now(timezone.utc).replace(tzinfo=None)
        self.show_order_id = False  # "orders on invoice number" off: the marketplace order id is the key column
        # Results this window got that the database does not keep (e.g. the marketplace refusing "printed"):
        # pk -> (ok, words). Shown on the row until the next result for that order.
        self._notes: dict[int, tuple[bool, str]] = {}

    # ------------------------------------------------------------ Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            header = self.HEADERS[section]
            if section == COL_INVOICE and self.show_order_id:
                header = QT_TRANSLATE_NOOP("OrdersModel", "Order ID")
            return translate("OrdersModel", header) if header else ""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == COL_FLAG:
            return translate("OrdersModel",
                             "⚑ needs attention: changed outside TokoDesk, unmapped SKU or a failed action")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == RowRole:
            return row
        if role == SortRole:
            return sort_role_key(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            note = self._notes.get(row[q.R_PK])
            if col == COL_FLAG and (is_problem(row) or (note and not note[0])):
                return "\n".join(p for p in (self.problem_text(row), note[1] if note else "") if p)
            if col == COL_DEADLINE:
                return wib_text(deadline_of(row)) or None
            if col == COL_CREATED:
                return wib_text(q.as_datetime(row[q.R_CREATED])) or None
            if col in (COL_INVOICE, COL_BUYER, COL_ITEMS, COL_COURIER, COL_CODE):
                return self._display(row, col) or None  # what "…" cut off
            if col == COL_STATE:
                text = translate("OrdersModel", "Marketplace status at the last read: {0}").format(
                    marketplace_status_words(row[q.R_MP_STATUS]))
                if row[q.R_PRINTED]:
                    text = translate("OrdersModel", "The label has been printed.") + "\n" + text
                if row[q.R_WAITING]:
                    text = waiting_text(row) + "\n" + text
                if row[q.R_PARCELS]:  # the column fits a state and one mark: the parcels' count is often cut off
                    text = parcels_word(row).removeprefix(" · ") + "\n" + text
                return f"{text}\n{note[1]}" if note else text
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            if col == COL_DEADLINE:
                return self._deadline_brush(row)
            if col == COL_FLAG and self._flagged(row):
                return QBrush(QColor("#f8d7a8"))
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_FLAG and self._flagged(row):
            return QBrush(QColor("#8a3b00"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        spec = (column, order)
        if is_work_order(spec) and self._work is not None:
            self._all, self._work = rows_in_work_order(self._work, spec), None
            self._all_index = None
        elif not is_work_order(spec) and is_work_order(self._sort):
            self._work = work_order_of(self._all, self._sort)
        self._sort = spec
        self._sort_all()  # in that order already (from the kept order of work): one pass
        self._relayout(self._visible(), QAbstractItemModel.LayoutChangeHint.VerticalSortHint)

    # -------------------------------------------------------------- our API
    def set_rows(self, rows: list[tuple], counts: Counter | None = None, *, more_counts: Counter | None = None,
                 ranks: dict[int, Ends] | None = None, work: list[tuple] | None = None) -> None:
        """Show these rows (best already in `sort_rows(rows, self.sort_spec())` order, and with their
        `queue_counts`, both done in the worker that read them: then this is a few milliseconds at 100,000).

        With `more_counts` (every order per chip, as the database counted them) these are the To-do orders only and
        the others follow through `add_rest`: until then a chip with other orders shows none ("loading"), never a
        part of its orders that an action could take for the whole. With `ranks` the rows hold their text columns'
        ranks (`orders_ranks.rank_rows` over exactly these rows); `work`, the same rows in ascending work order
        (`work_order_of`), is kept for a click on Deadline while another column's order is shown."""
        self._all = rows
        self._ranked = set(ranks or ())
        self._ends = dict(ranks or {})
        self._counts = counts
        self._more_counts = more_counts
        self._all_index = None
        self._sort_all()
        self._work = None if is_work_order(self._sort) else work
        self._refilter()

    def loading(self) -> bool:
        """Only the To-do orders are in; the others are still being read."""
        return self._more_counts is not None

    def chip_loading(self) -> bool:
        """The chosen chip's orders are not all read yet: it shows none until they are."""
        return self._more_counts is not None and self._chip not in WHOLE_WITH_TO_DO

    def add_rest(self, rows: list[tuple], counts: Counter | None = None, *, ranks: dict[int, Ends] | None = None,
                 first: list[tuple | None] | None = None, first_ranks: Sequence[array | None] = (),
                 work: list[tuple] | None = None) -> None:
        """The other orders, read after the To-do ones (`rows` in `sort_rows` order, `counts` their `queue_counts`),
        merged without disturbing the seller: a chip showing the same orders stays as it is (selection, current row,
        scroll position); one that showed "loading" shows its orders. An order read twice (changed between the two
        reads, or refreshed meanwhile) keeps its newer read.

        With `ranks`, `rows` hold their text columns' ranks, made over them and `first` (the rows held when their
        read began), whose ranks are `first_ranks` (`rank_rows`): a row still held takes them; one read again since
        keeps its ranks where its values did not change (`orders_ranks.put_ranks`, which empties `first`). `work`:
        `rows` in ascending work order, when their sort was another column's."""
        if self._more_counts is None:
            return
        if ranks is not None:
            mine, kept = self._take_ranks(ranks, first if first is not None else [], first_ranks)
        else:
            mine = {r[q.R_PK]: r for r in self._all}
            kept = None if self._work is None else list(map(_pk_of, self._work))
        version = q.R_VERSION
        newer = {}
        added = []
        for row in rows:
            known = mine.get(row[q.R_PK])
            if known is None:
                added.append(row)
            elif row[version] > known[version]:
                newer[row[q.R_PK]] = row
        merged = [newer.get(r[q.R_PK], r) for r in self._all] if newer else list(self._all)
        own_counts = None if newer or len(added) < len(rows) or counts is None else queue_counts(merged) + counts
        merged += added
        sort_rows(merged, self._sort, self._ranked)  # two sorted runs (or a sort changed meanwhile): one merge
        if kept is not None:  # the order of work kept beside another column's: the rest's orders join it
            # `work` (the same rows in work order) makes the sort below a merge of two runs.
            incoming = added if work is None else [r for r in work if r[q.R_PK] not in mine]
            self._work = [newer.get(pk) or mine[pk] for pk in kept] + incoming
            self._work.sort(key=WORK_KEY)
        was_loading = self.chip_loading()
        self._all = merged
        self._more_counts = None
        self._counts = own_counts
        self._all_index = None
        visible = self._visible()
        if was_loading or not self._rows:
            self._refilter()
        elif len(visible) != len(self._rows) or list(map(_pk_of, visible)) != list(map(_pk_of, self._rows)):
            self._relayout(visible)
        else:
            self._rows = visible

    def take_ranks(self, ranks: dict[int, Ends], first: list[tuple | None], first_ranks: Sequence[array | None],
                   ) -> None:
        """The text columns' ranks made again over every held row (`rank_rows([], first)`, `first` the rows held
        when it began: emptied here), after rows changed in ways that took columns out of `ranked_columns()`."""
        mine, work = self._take_ranks(ranks, first, first_ranks)
        if work is not None:
            self._work = [mine[pk] for pk in work]

    def _take_ranks(self, ranks: dict[int, Ends], first: list[tuple | None], first_ranks: Sequence[array | None],
                    ) -> tuple[dict[int, tuple], list[int] | None]:
        """Every held row made again with its ranks (`put_ranks`), in the memory of the row it replaces: meanwhile
        the model holds none of them (nothing reads it until this returns), then shows the same orders again.
        Returns the rows by pk and the pks of the order of work kept (`_work`, dropped: its rows are remade)."""
        self._ranked = set(ranks)
        self._ends = dict(ranks)
        shown = list(map(_pk_of, self._rows))
        held = self._all
        work = None if self._work is None else list(map(_pk_of, self._work))
        self._all, self._rows, self._index, self._all_index, self._work = [], [], None, None, None
        put_ranks(held, first, first_ranks, self._ranked, self._ends)
        mine = {r[q.R_PK]: r for r in held}
        self._all = held
        self._rows = [mine[pk] for pk in shown]
        return mine, work

    def read_again(self, changed: list[tuple], gone: Collection[int]) -> None:
        """What a whole read again found (`queries.order_rows(held=…)`): the rows that differ from those held (or
        are new), and the orders no longer found. Like `replace_rows` the view keeps its selection, current row and
        scroll position; a row a later read brought meanwhile (a newer version) stays."""
        version = q.R_VERSION
        fresh = [r for r in changed if (known := self.row_of_pk_any(r[q.R_PK])) is None or r[version] >= known[version]]
        if gone:
            gone = set(gone)
            self._all = [r for r in self._all if r[q.R_PK] not in gone]
            if self._work is not None:
                self._work = [r for r in self._work if r[q.R_PK] not in gone]
            self._counts = None
            self._all_index = None
        if fresh:
            self.replace_rows(fresh)
        elif gone:
            self._relayout(self._visible())

    def set_show_order_id(self, on: bool) -> None:
        """Key the orders on the marketplace order id (True) or the invoice number; the view follows."""
        if on == self.show_order_id:
            return
        self.show_order_id = on
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, COL_INVOICE, COL_INVOICE)
        if self._rows:
            self.dataChanged.emit(self.index(0, COL_INVOICE), self.index(len(self._rows) - 1, COL_INVOICE))

    def sort_spec(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def ranked_columns(self) -> set[int]:
        """The text columns that sort by the ranks the rows hold (ui/orders_ranks.py); the others by their text."""
        return set(self._ranked)

    def replace_rows(self, rows: Iterable[tuple]) -> None:
        """Put fresh snapshots of some orders in place (after an action, or another station's change).

        New orders go on top. The view keeps its selection, current row and scroll position: rows that stay
        in the same places only repaint; otherwise the layout moves and the persistent indexes follow their
        orders (an order the filter now hides drops out of the selection).
        """
        fresh = {r[q.R_PK]: r for r in rows}
        if not fresh:
            return
        held = {r[q.R_PK]: r for r in self._all if r[q.R_PK] in fresh}
        if self._ranked:
            fresh = {pk: carry_ranks(r, held.get(pk), self._ranked, self._ends) for pk, r in fresh.items()}
        added = [r for pk, r in fresh.items() if pk not in held]
        if self._work is not None and not move_in_work_order(self._work, list(held.values()), list(fresh.values())):
            self._work = None  # not as it should be: the next click on Deadline sorts instead
        self._all = [fresh.get(r[q.R_PK], r) for r in self._all]
        self._all[:0] = added
        self._counts = None
        self._all_index = None
        self._sort_all()  # nearly sorted already: one pass
        visible = self._visible()
        old = self._rows
        if len(visible) == len(old) and list(map(_pk_of, visible)) == list(map(_pk_of, old)):
            self._rows = visible
            last = self.columnCount() - 1
            for pk in fresh:
                row = self.row_of_pk(pk)
                if row is not None:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            return
        self._relayout(visible)

    def set_filter(self, chip: str | None = None, search: str | None = None, courier: str | None = None,
                   printed: bool | None | str = "keep") -> None:
        """Narrow the queue; an argument left out keeps its filter (`printed`: True, False, None = either)."""
        if chip is not None:
            self._chip = chip
        if search is not None:
            self._search = search.strip().lower()
        if courier is not None:
            self._courier = courier
        if printed != "keep":
            self._printed = printed  # type: ignore[assignment]
        self._refilter()

    def couriers(self) -> list[str]:
        """The couriers of the loaded orders, for the courier filter."""
        return sorted(set(map(_courier_of, self._all)) - {"", None}, key=str.lower)

    def chip(self) -> str:
        return self._chip

    def search_text(self) -> str:
        """The search the rows are filtered by (lower-cased; "" for none)."""
        return self._search

    def counts(self) -> Counter:
        """Rows per chip; computed once per data change (not per filter change). While the other orders load, the
        chips with other orders say what the database counted."""
        if self._counts is None:
            self._counts = queue_counts(self._all)
            if self._more_counts is not None:
                for key in {"all", *CHIP_PREDICATES} - WHOLE_WITH_TO_DO:
                    self._counts[key] = self._more_counts.get(key, 0)
        return self._counts

    def set_notes(self, notes: dict[int, tuple[bool, str]]) -> None:
        """Show a result on each order's row: `(ok, words)`; a failure flags the row with the words as tooltip."""
        self._notes.update(notes)
        last = self.columnCount() - 1
        for pk in notes:
            row = self.row_of_pk(pk)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def note(self, pk: int) -> tuple[bool, str] | None:
        return self._notes.get(pk)

    def _flagged(self, row: tuple) -> bool:
        note = self._notes.get(row[q.R_PK])
        return is_problem(row) or bool(note and not note[0])

    def row_at(self, row: int) -> tuple:
        return self._rows[row]

    def row_of_pk(self, pk: int) -> int | None:
        if self._index is None:
            self._index = dict(zip(map(_pk_of, self._rows), range(len(self._rows)), strict=True))
        return self._index.get(pk)

    def row_of_pk_any(self, pk: int) -> tuple | None:
        """The loaded row of an order, shown or hidden by the filters."""
        if self._all_index is None:
            self._all_index = {r[q.R_PK]: r for r in self._all}
        return self._all_index.get(pk)

    def shown_rows(self) -> list[tuple]:
        """The shown rows in their order; a new list object whenever they change (never changed in place)."""
        return self._rows

    def rows_in(self, first: int, last: int) -> list[tuple]:
        return self._rows[first:last + 1]

    def matches_elsewhere(self) -> int:
        """Orders the search finds outside the chosen chip (0 without a search, or on "All"); counted when the rows
        shown were (a second search over every row took as long as the first, on each keystroke)."""
        return self._elsewhere

    def all_rows(self) -> list[tuple]:
        return self._all

    def problem_text(self, row: tuple) -> str:
        parts = []
        if row[q.R_CHANGED_OUTSIDE]:
            parts.append(translate("OrdersModel", "Changed on the marketplace outside TokoDesk"))
        if row[q.R_UNMAPPED]:
            parts.append(translate("OrdersModel", "A line's SKU is not mapped to a seller SKU"))
        if row[q.R_ACTION_FAILED]:
            parts.append(translate("OrdersModel", "The last action failed"))
        if row[q.R_STATE] == S.ON_HOLD.value and not row[q.R_WAITING]:
            parts.append(translate("OrdersModel", "On hold on the marketplace: do not ship"))
        problem = row[q.R_PROBLEM]
        if isinstance(problem, Said):  # TokoDesk's words, kept beside the English: said in the window's language
            from tokodesk.ui.messages import stored_text

            parts.append(stored_text(problem, stored_words(problem)))
        elif problem:
            parts.append(error_words.in_language(problem, current()))  # a marketplace error in words
        return "\n".join(parts)

    # ------------------------------------------------------------- internals
    def _relayout(self, rows: list[tuple],
                  hint: QAbstractItemModel.LayoutChangeHint = QAbstractItemModel.LayoutChangeHint.NoLayoutChangeHint,
                  ) -> None:
        """Show `rows` instead, every persistent index (the view's current row, its selection) moving with its
        order: without this a sort left them on the same row numbers, i.e. on other orders."""
        # The overload with a hint: a vertical sort lets the selection model track one index a row, not ten.
        self.layoutAboutToBeChanged[_PARENTS, QAbstractItemModel.LayoutChangeHint].emit([], hint)
        old = self._rows
        self._rows = rows
        self._index = None
        persistent = self.persistentIndexList()
        moved = []
        for index in persistent:
            row = self.row_of_pk(old[index.row()][q.R_PK]) if 0 <= index.row() < len(old) else None
            moved.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged[_PARENTS, QAbstractItemModel.LayoutChangeHint].emit([], hint)

    def _refilter(self) -> None:
        rows = self._visible()
        self.beginResetModel()
        self._rows = rows
        self._index = None
        self.endResetModel()

    def _visible(self) -> list[tuple]:
        """The rows the filters let through, in the sort order (`_all` is kept sorted, so a filter never sorts); sets
        `_elsewhere`, the search's matches the chip hides.

        Plain comprehensions over tuples: ~10-20 ms for 100,000 rows, where a per-row Qt callback takes seconds.
        With a search, the search goes first and the chip narrows its matches: one pass over every row gives both
        the rows shown and the count under "All"."""
        needle = self._search
        chip = self._chip
        if self.chip_loading():
            self._elsewhere = 0
            return []
        if not needle:
            self._elsewhere = 0
            return self._narrow(chip_rows(self._all, chip))
        search = q.R_SEARCH
        matches = self._narrow([r for r in self._all if needle in r[search]])
        rows = chip_rows(matches, chip)
        self._elsewhere = len(matches) - len(rows)
        return rows

    def _narrow(self, rows: list[tuple]) -> list[tuple]:
        """The courier and printed filters (a new list: `_all` is sorted in place and never shown itself)."""
        if self._courier:
            courier, column = self._courier, q.R_COURIER
            rows = [r for r in rows if r[column] == courier]
        if self._printed is not None:
            want, column = self._printed, q.R_PRINTED
            rows = [r for r in rows if bool(r[column]) == want]
        return list(rows) if rows is self._all else rows

    def _sort_all(self) -> None:
        """Sort every loaded row by the chosen column (by the platform's order of work until one is chosen)."""
        sort_rows(self._all, self._sort, self._ranked)

    def _display(self, row: tuple, col: int) -> str:
        if col == COL_FLAG:
            return "⚑" if self._flagged(row) else ""
        if col == COL_INVOICE:
            return row[q.R_ORDER_ID] if self.show_order_id else (row[q.R_INVOICE] or row[q.R_ORDER_ID])
        if col == COL_STATE:
            # In words, not an emoji: the printer glyph is missing from many fonts and showed as an empty box.
            # Instant / Same-day before "printed": when the column is too narrow for both, "printed" elides first.
            printed = row[q.R_PRINTED] and row[q.R_STATE] in _PRINTED_MARK
            urgent = urgency_word(row)
            return state_label(row[q.R_STATE]) + parcels_word(row) + (" · " + urgent if urgent else "") \
                + (" · " + translate("OrdersModel", "printed") if printed else "")
        if col == COL_BUYER:
            return row[q.R_BUYER]
        if col == COL_ITEMS:
            return row[q.R_ITEMS]
        if col == COL_COURIER:
            return " ".join(p for p in (row[q.R_COURIER], row[q.R_SERVICE]) if p)
        if col == COL_CODE:
            return row[q.R_AWB] or row[q.R_BOOKING] or ""
        if col == COL_TOTAL:
            return rupiah(row[q.R_TOTAL])
        if col == COL_DEADLINE:
            return short_wib_text(deadline_of(row))
        if col == COL_CREATED:
            return short_wib_text(q.as_datetime(row[q.R_CREATED]))
        return ""

    def _deadline_brush(self, row: tuple) -> QBrush | None:
        deadline = deadline_of(row)
        if deadline is None or row[q.R_WAITING]:  # the end of a buyer's window is not the seller's deadline
            return None
        left = (deadline - self.now()).total_seconds() / 3600
        if left < 0:
            return QBrush(QColor("#f4a6a6"))  # overdue
        if left < 2:
            return QBrush(QColor("#f9c98b"))  # close: act first
        if left < 6:
            return QBrush(QColor("#fbeaa5"))
        return None


_pk_of = itemgetter(q.R_PK)
_courier_of = itemgetter(q.R_COURIER)


class OrdersProxy(QSortFilterProxyModel):
    """The standard proxy in front of the model; sorting is delegated so 100,000 rows sort in one `sorted()`.

    It never filters or sorts by itself, so a proxy row is the same row in the model: the tab relies on that to
    read a 100,000-row selection by ranges instead of mapping each index.
    """

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, OrdersModel) and column >= 0:
            source.sort(column, order)
        else:
            super().sort(column, order)
