"""How the Orders tab reads its queue: the To-do orders first, the others behind them, then only what changed.

At 100,000 orders reading every row took the window two seconds to open, most of it Python making the rows. The
queue opens on "To do" (a fifth of the orders, or far fewer in a shop that has worked for a while), so a queue not
yet shown for this shop reads those first, shows them with every chip's count (the database counts the others
without reading them) and reads the others in a lane of their own, merged when they arrive. Until then a chip with
other orders ("All", "Shipped", …) shows none and says it is loading: never a part of its orders that a Select all
and an action could take for the whole.
"""

from __future__ import annotations

import logging
from array import array
from collections import Counter
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from PySide6.QtCore import Slot

from tokodesk.services.changes import ChangeWatcher
from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.orders_filters import TO_DO, WORK_KEY, database_counts, is_work_order, queue_counts, sort_rows
from tokodesk.ui.orders_ranks import RANKED, Ends, rank_rows
from tokodesk.ui.workers import Job

log = logging.getLogger(__name__)
REST_LANE = "queue-rest"  # the other orders' read: beside the local lane, so a click's small reads never wait for it
_pk_of = itemgetter(q.R_PK)


class QueueLoading:
    """The Orders tab's reads (mixed into OrdersTab: uses its model, ctx, columns and widgets)."""

    def _init_loading(self) -> None:
        self.loaded = False  # the queue shows its first rows (maybe only the To-do ones: `model.loading()`)
        self._watcher: ChangeWatcher | None = None  # used only inside local-lane jobs (one thread)
        self._polling = False
        self._show_after_load: int | None = None  # an order another tab asked to see, once the queue is read
        self._generation = 0  # a read answered after a newer one started is dropped
        self._loaded_view: object = None  # the channel (None: all shops) whose orders the model holds
        self._rest_job: Job | None = None
        self.rest_failed = False  # the read of the other orders failed: F5 reads the queue again

    @Slot()
    def reload(self) -> None:
        channel_id = self.view_channel_id()
        self.scope.setVisible(len(self.ctx.channels) > 1)
        self._generation += 1
        generation = self._generation
        self.rest_failed = False
        if self._rest_job is not None:
            self._rest_job.cancel()  # its answer is dropped (older generation); a fresh read follows
            self._rest_job = None
        sort = self.model.sort_spec()
        # The same shop's queue read again (F5, the shop chosen again): every order in one read, compared with the
        # rows held, and only what changed goes into the queue (the rows shown until then are complete; the seller's
        # selection and place stay). A queue not shown yet: the To-do orders first.
        whole = self.loaded and self._loaded_view == channel_id and not self.model.loading()
        held = list(self.model.all_rows()) if whole else []

        def load(_jc: Any) -> tuple[list[tuple], Counter | None, Counter | None, bool, ChangeWatcher,
                                    list[int], list[tuple] | None]:
            invoice_mode = True
            if channel_id is not None:
                row = m.Channel.select(m.Channel.orders_on_invoice).where(m.Channel.id == channel_id).tuples().first()
                invoice_mode = bool(row[0]) if row else True
            # The watcher starts before the read: a write in between is reported again, never missed.
            watcher = ChangeWatcher(channel_id=channel_id)
            watcher.start()
            gone: list[int] = []
            if whole:  # only the rows that differ from those held (new ones too), and the orders gone since
                held.sort(key=_pk_of, reverse=True)  # in the read's order
                rows = q.order_rows(channel_id, held=held, gone=gone)
                held.clear()
                more = None
            else:  # the To-do orders: ranked with the others, once they are read (`_load_rest`)
                more = database_counts(*q.order_counts(channel_id))
                rows = q.order_rows(channel_id, states=TO_DO)
            q.let_go_after_big_read()
            # Sorted here, off the GUI thread (at 100,000 orders a tenth of a second it would freeze), and in the
            # order of work too while another column's is shown (a click on Deadline then takes it).
            sort_rows(rows, sort)
            work = None if whole or is_work_order(sort) else sorted(rows, key=WORK_KEY)
            return rows, None, more, invoice_mode, watcher, gone, work

        def done(result: tuple[list[tuple], Counter | None, Counter | None, bool, ChangeWatcher,
                               list[int], list[tuple] | None]) -> None:
            if generation != self._generation:
                return
            rows, counts, more, invoice_mode, watcher, gone, work = result
            if whole:
                self.model.set_show_order_id(not invoice_mode)
                self.model.read_again(rows, gone)
                self.columns.set_key_width(self.model.all_rows())
                if self.model.ranked_columns() != set(RANKED):  # rows changed in ways that took columns' ranks
                    self._rank_again(generation)
            else:
                self.model.show_order_id = not invoice_mode
                self.columns.set_key_width(rows)
                self.model.set_rows(rows, counts, more_counts=more, work=work)
            self._loaded_view = channel_id
            self._fill_couriers()
            self._watcher = watcher
            self.loaded = True
            self._after_rows_changed()
            self.requests_button.refresh()
            if more is not None:
                self._load_rest(channel_id, generation)
            else:
                self._show_asked_order()

        self.ctx.jobs.submit(load, title=self.tr("Loading orders"), on_result=done, on_error=self._show_error)

    def _load_rest(self, channel_id: int | None, generation: int) -> None:
        """Read the orders that are not To do and merge them in (started once the To-do orders are shown)."""
        sort = self.model.sort_spec()
        first = list(self.model.all_rows())  # the To-do orders as held now (the model sorts its list in place)

        def load(_jc: Any) -> tuple[list[tuple], Counter, dict[int, Ends], list[array | None], list[tuple] | None]:
            rows = q.order_rows(channel_id, states=TO_DO, other_states=True)
            q.let_go_after_big_read()
            ranks, first_ranks = rank_rows(rows, first)  # the text columns' ranks over every order (orders_ranks.py)
            q.let_go_after_big_read()  # again: the ranking's passing lists and dictionaries
            sort_rows(rows, sort)  # the sort of the moment: if the seller sorts meanwhile, the merge sorts again
            work = None if is_work_order(sort) else sorted(rows, key=WORK_KEY)
            return rows, queue_counts(rows), ranks, first_ranks, work

        def done(result: tuple[list[tuple], Counter, dict[int, Ends], list[array | None], list[tuple] | None]) -> None:
            if generation != self._generation:
                return
            self._rest_job = None
            rows, counts, ranks, first_ranks, work = result
            # `first`'s rows are made again with their ranks in the model, each in the memory of the one it replaces
            # (add_rest empties `first` as it goes): nothing else may hold them.
            self.selection.let_go_of_rows()
            self.model.add_rest(rows, counts, ranks=ranks, first=first, first_ranks=first_ranks, work=work)
            q.give_back_freed_memory()  # the merge's passing lists and dictionaries (4-5 MB at 100,000 orders)
            self._fill_couriers()
            self._after_rows_changed()
            self._show_asked_order()

        def failed(exc: BaseException, detail: str) -> None:
            if generation == self._generation:
                self._rest_job = None
                self.rest_failed = True
                self._after_rows_changed()
                self._show_error(exc, detail)

        self._rest_job = self.ctx.jobs.submit(load, title=self.tr("Loading the other orders"), lane=REST_LANE,
                                              on_result=done, on_error=failed)

    def _rank_again(self, generation: int) -> None:
        """Rank the text columns again over every held row (ui/orders_ranks.py), in the other orders' lane: until
        then a column whose ranks went sorts by its text, as ever."""
        first: list[tuple | None] = list(self.model.all_rows())

        def load(_jc: Any) -> tuple[dict[int, Ends], list[array | None]]:
            ranks, first_ranks = rank_rows([], first)
            q.give_back_freed_memory()  # the ranking's passing lists and dictionaries
            return ranks, first_ranks

        def done(result: tuple[dict[int, Ends], list[array | None]]) -> None:
            if generation != self._generation:
                return
            self._rest_job = None
            ranks, first_ranks = result
            self.selection.let_go_of_rows()  # the model makes its rows again, each in the memory of the one it was
            self.model.take_ranks(ranks, first, first_ranks)
            q.give_back_freed_memory()
            self._after_rows_changed()

        def failed(exc: BaseException, detail: str) -> None:
            if generation == self._generation:
                self._rest_job = None
                log.warning("ranking the queue's text columns again failed: %s", detail)

        self._rest_job = self.ctx.jobs.submit(load, title=self.tr("Sorting the orders"), lane=REST_LANE,
                                              on_result=done, on_error=failed)

    def _show_asked_order(self) -> None:
        if self._show_after_load is not None:
            pk, self._show_after_load = self._show_after_load, None
            self.show_order(pk, reloaded=True)

    def show_order(self, pk: int, *, reloaded: bool = False) -> None:
        """Bring one order into view and select it, its detail pane open (another tab's "open the order"): every
        filter that could hide it is cleared; an order not loaded yet is selected once the queue is read again."""
        self.search.clear()
        self.courier_filter.setCurrentIndex(0)
        self.printed_filter.setCurrentIndex(0)
        self.set_chip("all")
        if self.model.loading() or not self.loaded:  # selected once every order is in
            self._show_after_load = pk
            return
        if self.model.row_of_pk(pk) is None:
            if not reloaded and self._show_after_load is None:  # once: an order of another shop stays unshown
                self._show_after_load = pk
                self.reload()
            return
        self.select_pks([pk])
        self.view.setFocus()

    def refresh_rows(self, pks: Sequence[int]) -> None:
        """Re-read these orders from the database into their rows (selection and scroll stay where they are)."""
        pks = list(pks)
        channel_id = self.view_channel_id()
        self.ctx.jobs.submit(lambda _jc: q.order_rows(channel_id, pks), title=self.tr("Refreshing orders"),
                             on_result=self._rows_arrived, on_error=self._show_error)

    @Slot()
    def poll_changes(self) -> None:
        """Bring in what other stations changed: only those rows (and new orders), off the GUI thread."""
        watcher = self._watcher
        if watcher is None or self._polling or not self.loaded or self.ctx.jobs.closed:
            return
        channel_id = self.view_channel_id()

        def look(_jc: Any) -> list[tuple]:
            changed = watcher.poll().changed
            return q.order_rows(channel_id, changed) if changed else []

        def done(rows: list[tuple]) -> None:
            self._polling = False
            if watcher is self._watcher:  # not a poll of a channel the user has since left
                self._rows_arrived(rows)

        def failed(exc: BaseException, detail: str) -> None:
            self._polling = False
            log.warning("looking for other stations' changes failed: %s", exc)

        self._polling = True
        self.ctx.jobs.submit(look, title=self.tr("Looking for changes"), background=True,
                             on_result=done, on_error=failed)

    def _rows_arrived(self, rows: list[tuple]) -> None:
        if not rows:
            return
        self.model.replace_rows(rows)
        self._after_rows_changed()
        if self._detail_pk is not None and any(r[q.R_PK] == self._detail_pk for r in rows):
            self._load_detail()
