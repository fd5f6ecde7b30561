"""The job runner behind every background call of the window: results arrive on the GUI thread, in order per lane,
and a finished job does not stay in memory (a working day of sync cycles grew the window by MBs an hour)."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest


@pytest.fixture
def jobs(qapp):
    from tokodesk.ui.workers import JobManager

    manager = JobManager()
    yield manager
    manager.shutdown()


def _wait_idle(qtbot, manager) -> None:
    qtbot.waitUntil(lambda: not manager.busy(), timeout=10000)


def test_results_reach_the_gui_thread_in_submission_order_per_lane(qtbot, jobs):
    seen: list[tuple[int, bool]] = []
    gui = threading.get_ident()
    lane_threads: set[int] = set()

    def work(i: int):
        def fn(_jc):
            lane_threads.add(threading.get_ident())
            return i
        return fn

    for i in range(20):
        jobs.submit(work(i), title=f"job {i}", lane="channel:1",
                    on_result=lambda value: seen.append((value, threading.get_ident() == gui)))
    _wait_idle(qtbot, jobs)
    assert [v for v, _ in seen] == list(range(20))
    assert all(on_gui for _, on_gui in seen)
    assert gui not in lane_threads and len(lane_threads) == 1  # one lane, one thread


def test_a_failure_reaches_the_caller_and_the_lane_keeps_working(qtbot, jobs):
    errors: list[str] = []
    results: list[int] = []

    def boom(_jc):
        raise ValueError("the marketplace said no")

    jobs.submit(boom, title="fails", on_error=lambda exc, _detail: errors.append(str(exc)))
    jobs.submit(lambda _jc: 7, title="works", on_result=results.append)
    _wait_idle(qtbot, jobs)
    assert errors == ["the marketplace said no"] and results == [7]


def test_a_finished_job_and_its_result_are_freed(qtbot, jobs):
    class Rows(list):
        """A result weakref can follow (a plain list cannot be weakly referenced)."""

    finished: list[weakref.ref] = []
    results: list[weakref.ref] = []

    def load(_jc):
        rows = Rows(range(10_000))
        results.append(weakref.ref(rows))
        return rows

    for _ in range(30):
        job = jobs.submit(load, title="Loading the queue", on_result=lambda rows, n=len: n(rows))
        # A callback that refers to its own job (as many slots do) must not keep it alive either.
        job.finished.connect(lambda j=job: j.state)
        finished.append(weakref.ref(job))
    del job
    _wait_idle(qtbot, jobs)
    qtbot.wait(50)  # the jobs drop their connections on the next turn of the event loop
    gc.collect()
    assert sum(ref() is not None for ref in finished) == 0
    assert sum(ref() is not None for ref in results) == 0


def test_a_job_still_held_by_its_caller_keeps_its_outcome(qtbot, jobs):
    job = jobs.submit(lambda _jc: {"fetched": 3}, title="Sync")
    _wait_idle(qtbot, jobs)
    qtbot.wait(50)
    assert job.state == "done" and job.value == {"fetched": 3} and job.is_finished


def test_a_refused_action_is_one_line_in_the_log_and_a_real_error_keeps_its_traceback(qtbot, jobs, caplog):
    """A seller's refused action (a bad AWB, an order already packed) is not a crash: no traceback for it."""
    import logging

    from tokodesk.errors import UserError
    from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
    from tokodesk.services.fulfilment import Refused

    def refused(_jc):
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} is cancelled: do not pack it."),
                      package_id="PKG-9")

    def bad_input(_jc):
        raise UserError("the scanned code is empty")

    def bug(_jc):
        return {}["missing"]

    def marketplace_no(_jc):
        from tokodesk.marketplace.base import MarketplaceError

        raise MarketplaceError("You have no permission to access this feature", "LGS_USC_012")

    caplog.set_level(logging.INFO, logger="tokodesk.ui.workers")
    for fn, title in ((refused, "Pack"), (bad_input, "Scan"), (bug, "Sync"), (marketplace_no, "Ship")):
        jobs.submit(fn, title=title, on_error=lambda _exc, _detail: None)
    _wait_idle(qtbot, jobs)
    records = {r.getMessage().split("'")[1]: r for r in caplog.records if r.name == "tokodesk.ui.workers"}
    for title, words in (("Pack", "Package PKG-9 is cancelled"), ("Scan", "the scanned code is empty")):
        line = records[title].getMessage()
        assert records[title].levelno == logging.INFO and words in line
        assert "Traceback" not in line and "\n" not in line and records[title].exc_info is None
    assert records["Sync"].levelno == logging.WARNING and "Traceback" in records["Sync"].getMessage()
    assert "KeyError: 'missing'" in records["Sync"].getMessage()
    # the marketplace said no: a warning worth reading, in one line (its code and words), no traceback
    ship = records["Ship"].getMessage()
    assert records["Ship"].levelno == logging.WARNING and "no permission" in ship and "LGS_USC_012" in ship
    assert "Traceback" not in ship and "\n" not in ship
