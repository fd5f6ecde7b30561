"""UI fixtures: a main window over the test database, a sandbox-backed channel, helpers to wait for jobs."""

from __future__ import annotations

import pytest


@pytest.fixture
def ctx(qapp, database):
    from tokodesk.ui.context import AppContext

    context = AppContext()
    yield context
    context.jobs.shutdown()


@pytest.fixture
def wait_idle(qtbot):
    """Wait until every job of a context has finished (results delivered on the GUI thread)."""

    def wait(context, timeout: int = 15000) -> None:
        qtbot.waitUntil(lambda: not context.jobs.busy(), timeout=timeout)

    return wait


@pytest.fixture
def window(qtbot, ctx, wait_idle):
    from tokodesk.ui.main_window import MainWindow

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    wait_idle(ctx)
    yield win
    win.close()
