"""The queue in the platform's order of work (issue 16.4): Tokopedia & Shop orders by collection deadline then
priority, Instant and Same-day marked, the ship-by the platform judges by, the buyer's window as waiting (not a
problem) with its end; a legacy Tokopedia channel still sorted by its own deadlines."""

from __future__ import annotations

import pytest

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tokodesk.store import models as m
from tokodesk.ui import queries as q
from tokodesk.ui.formatting import wib_text
from tokodesk.ui.orders_model import COL_DEADLINE, COL_STATE, deadline_of, is_problem, short_wib_text


@pytest.fixture
def tts_tab(request, sb, open_orders_tab):  # noqa: F811
    sb.dialect.on_hold_seconds = 6 * 3600  # a long buyer's window, so the shop has on-hold orders at the pull
    return open_orders_tab(request.getfixturevalue("shop_channel"))


def visible(tab) -> list[tuple]:
    return [tab.model.row_at(i) for i in range(tab.model.rowCount())]


def test_the_default_order_is_the_platforms_and_urgent_orders_are_marked(tts_tab):
    rows = visible(tts_tab)
    work = [r for r in rows if r[q.R_STATE] in ("acknowledged", "packed", "ready_to_ship")]
    assert rows[: len(work)] == work, "the orders to process come first"
    keys = [(q.as_datetime(r[q.R_TTS_SLA]), r[q.R_PRIORITY] or 999) for r in work]
    assert keys == sorted(keys)
    instant = next(r for r in rows if r[q.R_PRIORITY] == 100)
    same_day = next(r for r in rows if r[q.R_PRIORITY] in (200, 300))
    standard = next(r for r in rows if r[q.R_PRIORITY] == 600)

    def text(row, col):  # noqa: ANN001, ANN202
        return tts_tab.model.data(tts_tab.model.index(tts_tab.model.row_of_pk(row[q.R_PK]), col))

    assert text(instant, COL_STATE).endswith("· Instant")
    assert text(same_day, COL_STATE).endswith("· Same-day")
    assert "Instant" not in text(standard, COL_STATE) and "Same-day" not in text(standard, COL_STATE)
    # The ship-by shown is the collection deadline the platform judges lateness by.
    first = work[0]
    assert text(first, COL_DEADLINE) == short_wib_text(q.as_datetime(first[q.R_TTS_SLA]))  # "03/12 01:50 WIB"
    order = m.Order.get_by_id(first[q.R_PK])
    assert order.tts_sla_time != order.rts_sla_time


def test_the_buyers_window_is_waiting_not_a_problem(tts_tab):
    counts = tts_tab.model.counts()
    held = [r for r in tts_tab.model.all_rows() if r[q.R_STATE] == "on_hold"]
    unpaid = [r for r in tts_tab.model.all_rows() if r[q.R_STATE] == "awaiting_payment"]
    assert held and not any(is_problem(r) for r in held)
    assert counts["waiting"] == len(held) + len(unpaid)
    tts_tab.set_chip("problems")
    assert not [r for r in visible(tts_tab) if r[q.R_STATE] == "on_hold"]
    tts_tab.set_chip("waiting")
    shown = visible(tts_tab)
    assert {r[q.R_PK] for r in shown} == {r[q.R_PK] for r in held + unpaid}
    row = next(r for r in shown if r[q.R_STATE] == "on_hold")
    until = deadline_of(row)
    assert until is not None and until == q.as_datetime(row[q.R_HOLD_UNTIL])
    index = tts_tab.model.index(tts_tab.model.row_of_pk(row[q.R_PK]), COL_STATE)
    from PySide6.QtCore import Qt

    assert f"until {wib_text(until)}" in tts_tab.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "Waiting" in tts_tab.chips["waiting"].text()


def test_a_legacy_channel_sorts_by_its_own_deadlines(open_orders_tab, sandbox_channel):
    tab = open_orders_tab(sandbox_channel)
    rows = visible(tab)
    work = [r for r in rows if r[q.R_STATE] in ("new", "acknowledged", "packed", "ready_to_ship")]
    assert work and rows[: len(work)] == work
    deadlines = [deadline_of(r) for r in work]
    dated = [d for d in deadlines if d is not None]
    assert dated == sorted(dated) and deadlines[: len(dated)] == dated
    assert all(r[q.R_PRIORITY] is None and r[q.R_TTS_SLA] is None for r in rows)
    # A Tokopedia FS hold still needs the seller: it stays a problem.
    held = [r for r in tab.model.all_rows() if r[q.R_STATE] == "on_hold"]
    assert all(is_problem(r) and not r[q.R_WAITING] for r in held)
