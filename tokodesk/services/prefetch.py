"""Read the next page from the marketplace while the current one is being stored.

The pull is two kinds of waiting in turn: on the marketplace's answer, then on the database. Overlapping them
with one reader thread roughly halves a long pull. The reader runs the adapter's page iterator, which the
caller then never touches (one thread uses the adapter's HTTP session at a time). At most `depth` pages wait in
memory. Pages and the iterator's exception come back in order; closing stops the reader at its next page.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_DONE = object()


class Prefetch(Generic[T]):
    def __init__(self, pages: Iterable[T], depth: int = 2) -> None:
        self._pages = pages
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, name="tokodesk-prefetch", daemon=True)
        self._thread.start()

    def _put(self, item: object) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def _read(self) -> None:
        iterator = iter(self._pages)
        try:
            for page in iterator:
                if not self._put((page, None)):
                    return
            self._put((_DONE, None))
        except BaseException as exc:  # handed to the consumer, raised there in order
            self._put((_DONE, exc))
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()

    def __iter__(self) -> Iterator[T]:
        while True:
            page, exc = self._queue.get()
            if page is _DONE:
                if exc is not None:
                    raise exc
                return
            yield page

    def close(self) -> None:
        """Stop the reader (it finishes the request in flight) and wait for it."""
        self._stop.set()
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break
        self._thread.join()

    def __enter__(self) -> Prefetch[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
