"""Run service calls off the GUI thread: one QThread per lane, jobs as QObjects, results as queued signals.

The shape follows Vorta's jobs manager (one worker per remote site) and Orange's TaskState (throttled progress,
cooperative cancel). A lane is a name: one per channel for marketplace calls, so the calls of one shop never
overlap and its rate limit is easy to honour; "local" for database-only work (loading the queue, small edits).

Rules this module enforces so callers cannot get them wrong:
- the function runs in the lane's thread and gets a `JobContext` (progress callback + cancel check), nothing Qt;
- its result or exception reaches the caller as a signal of a `Job` that lives on the GUI thread;
- the manager keeps a reference to every job until it has finished, and on shutdown cancels everything, stops
  every thread and waits for it (no "QThread: Destroyed while thread is still running").
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from tokodesk.logsetup import redact
from tokodesk.store.models import db

log = logging.getLogger(__name__)

LOCAL_LANE = "local"


class Cancelled(Exception):
    """The user cancelled the job; raised by `JobContext.check()` between requests."""


def channel_lane(channel_id: int) -> str:
    return f"channel:{channel_id}"


class JobContext:
    """What the function sees: a progress callback and a cancel flag. Thread-safe, no Qt."""

    _MIN_INTERVAL = 0.1  # s between progress signals: a 10,000-row pull must not flood the GUI thread

    def __init__(self, emit: Callable[[int, Any, str], None]) -> None:
        self._emit = emit
        self._cancel = threading.Event()
        self._last = 0.0

    def progress(self, done: int, total: int | None = None, message: str = "") -> None:
        now = time.monotonic()
        finished = total is not None and done >= total
        if finished or now - self._last >= self._MIN_INTERVAL:
            self._last = now
            self._emit(int(done), total, message)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def request_cancel(self) -> None:
        self._cancel.set()


class _Worker(QObject):
    """Lives in the lane thread; runs one function once and reports through its (cross-thread) signals."""

    progressed = Signal(int, object, str)
    succeeded = Signal(object)
    failed = Signal(object, str)

    def __init__(self, fn: Callable[[JobContext], Any], context: JobContext) -> None:
        super().__init__()
        self._fn = fn
        self.context = context

    def emit_progress(self, done: int, total: Any, message: str) -> None:
        self.progressed.emit(done, total, message)

    @Slot()
    def run(self) -> None:
        try:
            if self.context.cancelled():
                raise Cancelled()
            result = self._fn(self.context)
        except BaseException as exc:  # every failure must reach the GUI as a signal, never kill the lane
            detail = redact("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
            if not isinstance(exc, Cancelled):
                log.warning("job failed: %s", detail)
            self.failed.emit(exc, detail)
        else:
            self.succeeded.emit(result)
        finally:
            _release_db_connection()


def _release_db_connection() -> None:
    # peewee keeps one connection per thread; give the lane's back so PostgreSQL slots are not held idle.
    try:
        if db.obj is not None and not db.obj.is_closed() and not db.obj.in_transaction():
            db.obj.close()
    except Exception:  # closing is best effort; the next job reconnects
        log.debug("closing the lane's database connection failed", exc_info=True)


class Job(QObject):
    """The GUI-thread face of a running function. Connect to its signals; they fire on the GUI thread."""

    progress = Signal(int, object, str)  # done, total or None, message
    result = Signal(object)
    error = Signal(object, str)  # exception, redacted traceback text (the "details" a user can copy)
    finished = Signal()
    _start = Signal()

    def __init__(self, title: str, lane: str, fn: Callable[[JobContext], Any], background: bool = False) -> None:
        super().__init__()
        self.title = title
        self.lane = lane
        self.background = background  # routine housekeeping (a poll every few seconds): not shown as activity
        self.state = "queued"  # queued | running | done | failed | cancelled
        self.done = 0
        self.total: int | None = None
        self.message = ""
        self.value: Any = None
        self.exception: BaseException | None = None
        self.detail = ""
        self.context = JobContext(lambda d, t, m: self._worker.emit_progress(d, t, m))
        self._worker = _Worker(fn, self.context)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_result)
        self._worker.failed.connect(self._on_error)

    def cancel(self) -> None:
        self.context.request_cancel()

    @property
    def cancel_requested(self) -> bool:
        return self.context.cancelled()

    @property
    def is_finished(self) -> bool:
        return self.state in ("done", "failed", "cancelled")

    def _launch(self, thread: QThread) -> None:
        self._worker.moveToThread(thread)
        self._start.connect(self._worker.run)  # queued: the worker now lives in the lane thread
        self._start.emit()

    @Slot(int, object, str)
    def _on_progress(self, done: int, total: Any, message: str) -> None:
        if self.state == "queued":
            self.state = "running"
        self.done, self.total, self.message = done, total, message
        self.progress.emit(done, total, message)

    @Slot(object)
    def _on_result(self, value: Any) -> None:
        self.value = value
        self.state = "done"
        self.result.emit(value)
        self.finished.emit()

    @Slot(object, str)
    def _on_error(self, exc: BaseException, detail: str) -> None:
        self.exception, self.detail = exc, detail
        self.state = "cancelled" if isinstance(exc, Cancelled) else "failed"
        self.error.emit(exc, detail)
        self.finished.emit()


class JobManager(QObject):
    """Owns the lane threads and every unfinished job."""

    changed = Signal()  # a job was queued, progressed, or finished: the status bar redraws

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads: dict[str, QThread] = {}
        self._jobs: list[Job] = []
        self._closed = False

    def submit(
        self,
        fn: Callable[[JobContext], Any],
        *,
        title: str,
        lane: str = LOCAL_LANE,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException, str], None] | None = None,
        on_progress: Callable[[int, Any, str], None] | None = None,
        background: bool = False,
    ) -> Job:
        if self._closed:
            raise RuntimeError("the window is closing; no new work is accepted")
        job = Job(title, lane, fn, background)
        if on_progress is not None:
            job.progress.connect(on_progress)
        if on_result is not None:
            job.result.connect(on_result)
        if on_error is not None:
            job.error.connect(on_error)
        job.progress.connect(self.changed)
        job.finished.connect(lambda: self._forget(job))
        self._jobs.append(job)
        job._launch(self._thread(lane))
        self.changed.emit()
        return job

    def jobs(self, *, background: bool = True) -> list[Job]:
        """Unfinished jobs; `background=False` leaves out the routine ones the status bar does not show."""
        return [j for j in self._jobs if background or not j.background]

    @property
    def closed(self) -> bool:
        return self._closed

    def busy(self, lane: str | None = None) -> bool:
        return any(lane is None or j.lane == lane for j in self._jobs)

    def cancel_all(self) -> None:
        for job in self._jobs:
            job.cancel()

    def shutdown(self, timeout_ms: int = 15000) -> None:
        """Cancel everything, stop every lane and wait for it. Called once, when the window closes."""
        self._closed = True
        self.cancel_all()
        for thread in self._threads.values():
            thread.quit()
        for name, thread in self._threads.items():
            if not thread.wait(timeout_ms):
                log.error("lane %s did not stop within %d ms", name, timeout_ms)
        self._threads.clear()
        # A job's result is still queued for the GUI thread; delivered now, its callback would reload a tab of the
        # closed window and submit new work ("the window is closing") — a crash dialog on quit.
        for job in self._jobs:
            job.blockSignals(True)

    def _thread(self, lane: str) -> QThread:
        thread = self._threads.get(lane)
        if thread is None:
            thread = QThread(self)
            thread.setObjectName(f"lane-{lane}")
            thread.start()
            self._threads[lane] = thread
        return thread

    def _forget(self, job: Job) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        self.changed.emit()
