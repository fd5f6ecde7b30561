"""The order search of TikTok Shop read as several time slices side by side (issue 19: the first pull).

Each search window is walked with an opaque cursor (`next_page_token`), so its pages come one after the other;
but windows of update time are independent of each other. A window is therefore cut into up to SLICE_READERS
slices, each walked by its own thread (paced to the API's rate limit by the transport), and the pages are handed
on slice after slice, each slice's in page order, so the caller sees the same sequence a single walk would give
(and de-duplicates the orders an overlap shows twice, as before).
"""

from __future__ import annotations

import logging
import math
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from tokodesk import config
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import CancelCheck, InvalidOrder, Order, Progress
from tokodesk.marketplace.tiktokshop.orders import parse_or_invalid

log = logging.getLogger(__name__)

SLICE_READERS = 4  # slices of one window walked at once
MIN_SLICE = timedelta(hours=1)  # a shorter window is walked whole: a slice costs at least one request
AHEAD_PAGES = 50  # pages a slice may read before the caller takes them (memory stays bounded)

# The statuses in which an order still needs the seller (to ship, to hand over, the rest of a split order, held).
OPEN_STATUSES = ("AWAITING_SHIPMENT", "AWAITING_COLLECTION", "PARTIALLY_SHIPPING", "ON_HOLD")
REPEATED = object()  # a slice's marker: the marketplace gave a cursor again (its walk stopped there)
_END = object()


def slices(start: datetime, end: datetime, readers: int | None = None) -> list[tuple[datetime, datetime]]:
    """[start, end) cut into up to `readers` (default SLICE_READERS) equal slices of at least MIN_SLICE."""
    count = max(1, min(readers or SLICE_READERS, int((end - start) / MIN_SLICE)))
    step = (end - start) / count
    edges = [start + step * i for i in range(count)] + [end]
    return list(zip(edges[:-1], edges[1:], strict=True))


def walk(
    read_page: Callable[[dict, str | None], dict],
    bodies: list[dict],
    cancel: CancelCheck | None = None,
) -> Iterator[tuple[int, object]]:
    """(slice number, page) for every page of every slice, in slice order; a page is a search `data` dict, or
    REPEATED when the slice's walk stopped on a cursor given twice. A slice's error is raised where its pages
    would have come."""
    stop = threading.Event()
    queues: list[queue.Queue] = [queue.Queue(AHEAD_PAGES) for _ in bodies]

    def put(number: int, item: object) -> bool:
        while not stop.is_set():
            try:
                queues[number].put(item, timeout=0.2)
                return True
            except queue.Full:
                continue
        return False

    def reader(number: int) -> None:
        token: str | None = None
        tokens: set[str] = set()
        try:
            while not stop.is_set() and not (cancel is not None and cancel()):
                data = read_page(bodies[number], token)
                if not put(number, data):
                    return
                token = data.get("next_page_token")
                if not token:
                    break
                if token in tokens:
                    put(number, REPEATED)
                    break
                tokens.add(token)
        except BaseException as exc:  # noqa: BLE001 - handed to the caller, raised on its thread
            put(number, exc)
            return
        put(number, _END)

    pool = ThreadPoolExecutor(len(bodies), thread_name_prefix="tokodesk-search")
    try:
        for number in range(len(bodies)):
            pool.submit(reader, number)
        for number in range(len(bodies)):
            while True:
                item = queues[number].get()
                if item is _END:
                    break
                if isinstance(item, BaseException):
                    raise item
                yield number, item
                if item is REPEATED:
                    break
    finally:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)


def search_orders(
    read_page: Callable[[dict, str | None], dict],
    start: datetime,
    end: datetime,
    *,
    span: timedelta,
    overlap: timedelta,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> Iterator[list[Order | InvalidOrder]]:
    """Orders updated in [start, end), by windows of `span` each reaching back `overlap`, every order once."""
    seen: set[tuple[str, str]] = set()
    done = 0
    window_start = start
    while window_start < end:
        window_end = min(window_start + span, end)
        parts = slices(window_start, window_end)
        # update_time is whole seconds and update_time_lt excludes its second: the end rounds up, or an order
        # updated in the pull's last fraction of a second (a status the seller just forced) waits for the next pull.
        bodies = [{"update_time_ge": int((ge - overlap).timestamp()), "update_time_lt": math.ceil(lt.timestamp())}
                  for ge, lt in parts]
        for number, data in walk(read_page, bodies, cancel):
            if data is REPEATED:
                # The same page asked for again would go on forever: the slice is reported as not fully read (the
                # next run reads it again) and the pull moves on.
                yield [_repeated_token(*parts[number])]
                continue
            page: list[Order | InvalidOrder] = []
            for raw in data.get("orders") or []:  # type: ignore[attr-defined]
                parsed = parse_or_invalid(raw)
                # An order unreadable once may come back readable in an overlapping window: only a readable copy
                # closes its id; an unreadable one is reported once.
                key = ("ok" if isinstance(parsed, Order) else "bad", parsed.order_id)
                if key in seen or ("ok", parsed.order_id) in seen:
                    continue
                seen.add(key)
                page.append(parsed)
            done += len(page)
            if progress:
                progress(done, None, read_progress(done))
            if page:
                yield page
            if cancel and cancel():
                return
        if cancel and cancel():
            return
        window_start = window_end


def open_orders(
    read_page: Callable[[dict, str | None], dict],
    before: datetime,
    *,
    cancel: CancelCheck | None = None,
) -> Iterator[list[Order | InvalidOrder]]:
    """Orders in an open status (OPEN_STATUSES) last updated before `before`, every order once: what a first pull's
    window of update time cannot reach. The search takes one status a request, so each is walked on its own."""
    seen: set[str] = set()
    bodies = [{"order_status": status, "update_time_lt": int(before.timestamp())} for status in OPEN_STATUSES]
    for _number, data in walk(read_page, bodies, cancel):
        if data is REPEATED:
            yield [_repeated_token(before, before)]
            continue
        page: list[Order | InvalidOrder] = []
        for raw in data.get("orders") or []:  # type: ignore[attr-defined]
            parsed = parse_or_invalid(raw)
            if parsed.order_id in seen:
                continue
            seen.add(parsed.order_id)
            page.append(parsed)
        if page:
            yield page
        if cancel and cancel():
            return


def read_progress(count: int) -> str:
    """The search's progress: English for the CLI and the log, the window says it in its language."""
    return said(QT_TRANSLATE_NOOP("Progress", "{count} orders read"), count=count)


def _repeated_token(start: datetime, end: datetime) -> InvalidOrder:
    reason = said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop handed out the same next page again for orders "
                                    "updated {first} – {last}: the pull of that window stopped there and reads it "
                                    "again next time"), first=config.wib(start), last=config.wib(end))
    log.warning(reason)
    return InvalidOrder(order_id="", reason=reason)
