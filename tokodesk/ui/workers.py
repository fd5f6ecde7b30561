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

import contextlib
import logging
import threading
import time
import traceback
import warnings
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from tokodesk.errors import is_refusal
from tokodesk.logsetup import redact
from tokodesk.marketplace.base import MarketplaceError
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


class _LaneRunner(QObject):
    """The one long-lived object of a lane thread: runs each job's function in turn and reports through its signals.

    One runner per lane rather than a worker per job: a QObject made per job had to be destroyed in the lane thread
    after its last signal, and those that were not (every one, before) kept their job and its result alive — the
    window grew by a few MB a sync cycle over a working day.
    """

    queued = Signal(object)  # a job to run, emitted from the GUI thread
    progressed = Signal(object, int, object, object)  # job, done, total, message (str or Said)
    succeeded = Signal(object, object)  # job, result
    failed = Signal(object, object, str)  # job, exception, redacted traceback

    @Slot(object)
    def run(self, job: Job) -> None:
        fn, context = job._take_function()
        try:
            if context.cancelled():
                raise Cancelled()
            result = fn(context)
        except BaseException as exc:  # every failure must reach the GUI as a signal, never kill the lane
            detail = redact("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
            _log_failure(job.title, exc, detail)
            self.failed.emit(job, exc, detail)
        else:
            self.succeeded.emit(job, result)
        finally:
            del fn, context
            _release_db_connection()


def _log_failure(title: str, exc: BaseException, detail: str) -> None:
    """A refusal (the seller asked for something TokoDesk or the marketplace said no to: a bad AWB, an order already
    packed) is one line; only a real error — TokoDesk's own fault or an unexpected one — carries its traceback."""
    if isinstance(exc, Cancelled):
        return
    if is_refusal(exc):
        log.info("job %r refused: %s", title, redact(" ".join(str(exc).split())))
    elif isinstance(exc, MarketplaceError):
        code = f" (code {exc.error_code})" if exc.error_code else ""
        log.warning("job %r: the marketplace said no: %s: %s%s", title, type(exc).__name__,
                    redact(" ".join(str(exc).split())), code)
    else:
        log.warning("job %r failed: %s", title, detail)


def _release_db_connection() -> None:
    # peewee keeps one connection per thread; give the lane's back so PostgreSQL slots are not held idle.
    try:
        if db.obj is not None and not db.obj.is_closed() and not db.obj.in_transaction():
            db.obj.close()
    except Exception:  # closing is best effort; the next job reconnects
        log.debug("closing the lane's database connection failed", exc_info=True)


class Job(QObject):
    """The GUI-thread face of a running function. Connect to its signals; they fire on the GUI thread.

    Once finished (and its `finished` slots have run) a job drops its connections, so a callback that refers to the
    job cannot keep it, and its result, alive; `state`, `value`, `exception` and `detail` stay readable.
    """

    progress = Signal(int, object, object)  # done, total or None, message (str or Said: the window's words)
    result = Signal(object)
    error = Signal(object, str)  # exception, redacted traceback text (the "details" a user can copy)
    finished = Signal()

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
        self._fn: Callable[[JobContext], Any] | None = fn
        self._runner: _LaneRunner | None = None
        self.context = JobContext(self._emit_progress)

    def cancel(self) -> None:
        self.context.request_cancel()

    @property
    def cancel_requested(self) -> bool:
        return self.context.cancelled()

    @property
    def is_finished(self) -> bool:
        return self.state in ("done", "failed", "cancelled")

    def _take_function(self) -> tuple[Callable[[JobContext], Any], JobContext]:
        # Called once, in the lane thread: the job keeps no reference to the function (and what its closure holds).
        fn, self._fn = self._fn, None
        assert fn is not None, "a job runs once"
        return fn, self.context

    def _emit_progress(self, done: int, total: Any, message: str) -> None:
        runner = self._runner
        if runner is not None:
            runner.progressed.emit(self, done, total, message)

    def _on_progress(self, done: int, total: Any, message: str) -> None:
        if self.state == "queued":
            self.state = "running"
        self.done, self.total, self.message = done, total, message
        self.progress.emit(done, total, message)

    def _on_result(self, value: Any) -> None:
        self.value = value
        self.state = "done"
        self.result.emit(value)
        self._finish()

    def _on_error(self, exc: BaseException, detail: str) -> None:
        self.exception, self.detail = exc, detail
        self.state = "cancelled" if isinstance(exc, Cancelled) else "failed"
        self.error.emit(exc, detail)
        self._finish()

    def _finish(self) -> None:
        self._runner = None
        self.finished.emit()
        # Not inside the emission: a slot connected after ours must still run. The timer holds no strong reference.
        QTimer.singleShot(0, self, self._disconnect_all)

    @Slot()
    def _disconnect_all(self) -> None:
        with warnings.catch_warnings():  # PySide warns when a signal had nothing connected
            warnings.simplefilter("ignore", RuntimeWarning)
            for signal in (self.progress, self.result, self.error, self.finished):
                with contextlib.suppress(RuntimeError, TypeError):
                    signal.disconnect()


class JobManager(QObject):
    """Owns the lane threads and every unfinished job."""

    changed = Signal()  # a job was queued, progressed, or finished: the status bar redraws

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threads: dict[str, QThread] = {}
        self._runners: dict[str, _LaneRunner] = {}
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
        self._jobs.append(job)
        runner = self._runner(lane)
        job._runner = runner
        runner.queued.emit(job)  # emitted on the GUI thread, received in the lane's: a queued call
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
        self._runners.clear()
        # A job's result is still queued for the GUI thread; delivered now, its callback would reload a tab of the
        # closed window and submit new work ("the window is closing") — a crash dialog on quit.
        for job in self._jobs:
            job.blockSignals(True)

    def _runner(self, lane: str) -> _LaneRunner:
        runner = self._runners.get(lane)
        if runner is None:
            thread = QThread(self)
            thread.setObjectName(f"lane-{lane}")
            runner = _LaneRunner()
            runner.moveToThread(thread)
            runner.queued.connect(runner.run)
            runner.progressed.connect(self._on_progress)
            runner.succeeded.connect(self._on_succeeded)
            runner.failed.connect(self._on_failed)
            thread.finished.connect(runner.deleteLater)  # destroyed in its own thread, after its last job
            thread.start()
            self._threads[lane] = thread
            self._runners[lane] = runner
        return runner

    @Slot(object, int, object, object)
    def _on_progress(self, job: Job, done: int, total: Any, message: str) -> None:
        job._on_progress(done, total, message)

    @Slot(object, object)
    def _on_succeeded(self, job: Job, value: Any) -> None:
        job._on_result(value)
        self._forget(job)

    @Slot(object, object, str)
    def _on_failed(self, job: Job, exc: BaseException, detail: str) -> None:
        job._on_error(exc, detail)
        self._forget(job)

    def _forget(self, job: Job) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        self.changed.emit()
