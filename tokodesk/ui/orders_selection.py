"""The queue's selection, kept by order identity (the Order row id) whatever the model does underneath.

Qt keeps a selection by row position unless the model moves its persistent indexes, and a model reset clears it
without a signal. Both showed as harm at the packing desk: after a sort the highlight sat on another order while
the detail pane still showed the first, and Pack packed the highlighted one. This keeper remembers which orders are
selected just before any layout change or reset of the queue and selects exactly those orders again afterwards
(those still shown: an order the filter now hides, or that a sync removed, leaves the selection, so an action never
touches an order the seller cannot see). It then says so through `changed`, also when the selection became empty,
so the buttons and the detail pane always follow.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QObject, Signal
from PySide6.QtWidgets import QTableView

from tokodesk.ui import queries as q
from tokodesk.ui.orders_model import OrdersModel, OrdersProxy

_SELECT_ROWS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class SelectionKeeper(QObject):
    """Owns "which orders are selected" for one queue view (proxy rows are model rows, see OrdersProxy)."""

    changed = Signal()  # the selected orders may differ: re-read them (buttons, detail pane, counts)

    def __init__(self, view: QTableView, model: OrdersModel, proxy: OrdersProxy) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        self.proxy = proxy
        self._held: tuple[list[int], int | None] | None = None
        # The last rows() answer and the shown rows it was read from: the buttons, the detail pane and the rules
        # ask several times per click, and after Ctrl+A on 100,000 orders each read is a 100,000-row list. Any
        # change of the rows makes the model a new list, any change of the selection goes through `_forget`.
        self._cache: tuple[list[tuple], list[tuple]] | None = None
        proxy.layoutAboutToBeChanged.connect(self._hold)
        proxy.modelAboutToBeReset.connect(self._hold)
        # Connected after the view's own slots (the view got its model first), so this runs last and its word on
        # what is selected is final.
        proxy.layoutChanged.connect(self._restore)
        proxy.modelReset.connect(self._restore)
        view.selectionModel().selectionChanged.connect(self._user_changed)
        view.selectionModel().modelChanged.connect(self._forget)

    # ---------------------------------------------------------------- reading
    def rows(self) -> list[tuple]:
        """The selected orders' row snapshots in queue order; read by ranges, so Ctrl+A on 100,000 stays instant.

        The same list object while neither the selection nor the shown rows change (orders_rules caches by it)."""
        shown = self.model.shown_rows()
        if self._cache is not None and self._cache[0] is shown:
            return self._cache[1]
        spans = sorted((span.top(), span.bottom()) for span in self.view.selectionModel().selection())
        rows: list[tuple] = []
        end = -1  # the last row taken: ranges may overlap (one range a column, or Ctrl-clicks over a range)
        for top, bottom in spans:
            if bottom > end:
                rows.extend(self.model.rows_in(max(top, end + 1), bottom))
                end = bottom
        self._cache = (shown, rows)
        return rows

    def pks(self) -> list[int]:
        return [r[q.R_PK] for r in self.rows()]

    def current_pk(self) -> int | None:
        current = self.view.selectionModel().currentIndex()
        if not current.isValid() or not 0 <= current.row() < self.model.rowCount():
            return None
        return self.model.row_at(current.row())[q.R_PK]

    # ---------------------------------------------------------------- writing
    def select(self, pks: Sequence[int], current: int | None = None, *, scroll: bool = True) -> None:
        """Select exactly these orders (those shown), in one selection of contiguous ranges."""
        rows = sorted({row for pk in pks if (row := self.model.row_of_pk(pk)) is not None})
        selection = QItemSelection()
        last_col = self.proxy.columnCount() - 1
        start = prev = None
        for row in [*rows, None]:
            if row is not None and prev is not None and row == prev + 1:
                prev = row
                continue
            if start is not None:
                selection.select(self.proxy.index(start, 0), self.proxy.index(prev, last_col))
            start = prev = row
        model = self.view.selectionModel()
        if rows:
            model.select(selection, _SELECT_ROWS)
        else:
            model.clearSelection()
        current_row = self.model.row_of_pk(current) if current is not None else None
        if current_row is None and rows:
            current_row = rows[0]
        if current_row is not None:
            index = self.proxy.index(current_row, 0)
            model.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            if scroll:
                self.view.scrollTo(index)
        self.changed.emit()

    def let_go_of_rows(self) -> None:
        """Drop the last answer (read again when next asked): it holds the rows shown then, which the model is about
        to make again in their own memory (`OrdersModel.add_rest`)."""
        self._cache = None

    # -------------------------------------------------------------- internals
    def _forget(self) -> None:
        self._cache = None

    def _hold(self) -> None:
        self._cache = None
        if self._held is None:  # a reset inside a layout change (or the reverse) keeps the outer, older truth
            self._held = (self.pks(), self.current_pk())

    def _restore(self) -> None:
        self._cache = None
        held, self._held = self._held, None
        if held is None:
            return
        pks, current = held
        # No scrolling: a live refresh must leave the packer's scroll position where it was.
        self.select(pks, current, scroll=False)

    def _user_changed(self) -> None:
        self._cache = None
        if self._held is None:  # mid-change signals from Qt's own bookkeeping are not the final word
            self.changed.emit()
