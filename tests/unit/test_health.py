"""The shop's health from local data (issue 18.4): the two rates against hand-computed cases, WIB day boundaries."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from tokodesk.cli import main
from tokodesk.services import health
from tokodesk.store import models as m

# Monday 7 Dec 2026, 12:00 WIB. The window: 1 Dec 00:00 WIB (30 Nov 17:00 UTC) .. now.
NOW = datetime(2026, 12, 7, 5, 0)
PLACED = datetime(2026, 12, 1, 5, 0)


def _order(channel, oid, *, state="shipped", tts=None, ship_by=None, created=PLACED, handed=None):
    return m.Order.create(channel=channel, order_id=oid, invoice=f"INV/{oid}", state=state, created_at=created,
                          tts_sla_time=tts, ship_deadline=ship_by, handed_over_at=handed)


def _event(order, at, kind, detail="", ok=True):
    m.OrderEvent.create(order=order, at=at, kind=kind, detail=detail, ok=ok, who="t")


def _shop(channel):
    a = _order(channel, "A", tts=datetime(2026, 11, 30, 17, 30))  # 00:30 WIB on 1 Dec: in the window
    _event(a, datetime(2026, 11, 30, 17, 0), "ship", "shipped")
    b = _order(channel, "B", tts=datetime(2026, 11, 30, 16, 30), created=datetime(2026, 11, 29))  # 23:30 WIB 30 Nov
    _event(b, datetime(2026, 12, 1, 3, 0), "ship", "shipped")  # late, but due before the window
    _order(channel, "C", tts=datetime(2026, 12, 3, 10), handed=datetime(2026, 12, 3, 11))  # late
    _order(channel, "D", state="packed", tts=datetime(2026, 12, 4, 10))  # still here after its ship-by: late
    _order(channel, "E", state="new", tts=datetime(2026, 12, 8), created=datetime(2026, 12, 6))  # not due yet
    f = _order(channel, "F", ship_by=datetime(2026, 12, 5, 10))  # legacy dialect: no tts_sla_time
    _event(f, datetime(2026, 12, 5, 9), "ship", "shipped")
    g = _order(channel, "G", state="cancelled", tts=datetime(2026, 12, 5, 12))
    _event(g, datetime(2026, 12, 5, 8), "status_changed", "status 100 → 140 (new → cancelled)")  # cause unknown
    h = _order(channel, "H", state="cancelled", tts=datetime(2026, 12, 3))
    _event(h, datetime(2026, 12, 2, 3), "nack", "cancelled: out of stock")
    _event(h, datetime(2026, 12, 1, 3), "nack", "refused", ok=False)
    i = _order(channel, "I", state="cancelled", tts=datetime(2026, 12, 2, 5))
    _event(i, datetime(2026, 12, 2, 6), "status_changed", "status X → CANCELLED (acknowledged → cancelled)")
    j = _order(channel, "J", tts=datetime(2026, 12, 6, 3))
    _event(j, datetime(2026, 12, 6, 2), "status_changed", "status X → Y (packed → awaiting_pickup)")
    _order(channel, "K", tts=datetime(2026, 12, 6))  # pulled already shipped: when is unknown
    buyer = _order(channel, "N", state="cancelled")
    _event(buyer, datetime(2026, 12, 2), "cancel_request_approve", "approved the buyer's request")
    el = _order(channel, "L", state="cancelled", created=datetime(2026, 11, 30, 17, 15))  # 00:15 WIB 1 Dec: in
    _event(el, datetime(2026, 12, 1), "nack", "cancelled")
    em = _order(channel, "M", state="cancelled", created=datetime(2026, 11, 30, 16, 45))  # 23:45 WIB 30 Nov: out
    _event(em, datetime(2026, 12, 1), "nack", "cancelled")


def test_the_rates_match_the_hand_count(any_database):
    channel = m.Channel.create(name="Toko")
    _shop(channel)
    report = health.shop_health(channel, NOW)
    assert report.window_from == datetime(2026, 11, 30, 17, 0)
    # Judged: A on time, C late, D late, F on time, I late (auto-cancelled unshipped), J on time. B is before the
    # window, E not due, G and H cancelled before their ship-by, K shipped at an unknown time.
    ldr = report.late_dispatch
    assert (ldr.count, ldr.of) == (3, 6) and ldr.value == 0.5
    assert report.level == "capped" and report.not_judged == 1
    assert [j.order_id for j in report.late_orders] == ["I", "C", "D"]
    # Placed in the window: A C D E F G H I J K N L = 12 (B and M before it). Seller fault: H, L (TokoDesk
    # cancelled), I (auto-cancel after its ship-by); G unknown; N the buyer's.
    sfcr = report.seller_cancel
    assert (sfcr.count, sfcr.of, sfcr.upper_count) == (3, 12, 4)
    assert report.cancel_level == "over"
    causes = {j.order_id: j.cause for j in report.cancelled}
    assert causes == {"G": "unknown", "H": "seller", "I": "auto", "N": "buyer", "L": "seller"}
    days = {d: (n, late) for d, n, late in report.daily}
    assert days[date(2026, 12, 1)] == (1, 0)  # A, due 00:30 WIB on 1 Dec
    assert date(2026, 11, 30) not in days and len(days) == 7
    assert days[date(2026, 12, 3)] == (1, 1) and days[date(2026, 12, 2)] == (1, 1)


def test_the_window_follows_the_wib_calendar_day():
    # 23:30 WIB is still that day; 00:30 WIB is the next.
    assert health.wib_day(datetime(2026, 12, 1, 16, 30)) == date(2026, 12, 1)
    assert health.wib_day(datetime(2026, 12, 1, 17, 30)) == date(2026, 12, 2)
    # At 00:30 WIB on 8 Dec the window starts 2 Dec 00:00 WIB; at 23:30 WIB on 7 Dec it starts 1 Dec.
    assert health.window_start(datetime(2026, 12, 7, 17, 30)) == datetime(2026, 12, 1, 17, 0)
    assert health.window_start(datetime(2026, 12, 7, 16, 30)) == datetime(2026, 11, 30, 17, 0)


@pytest.mark.parametrize("rate,level", [(None, "ok"), (0.0399, "ok"), (0.04, "warning"), (0.0999, "warning"),
                                        (0.10, "capped"), (0.5, "capped")])
def test_the_platform_thresholds(rate, level):
    assert health.level_of(rate) == level


def test_a_shop_without_orders_has_no_rate(database):
    report = health.shop_health(m.Channel.create(name="Toko"), NOW)
    assert report.late_dispatch.value is None and report.seller_cancel.value is None and report.level == "ok"


@pytest.fixture
def default_database():
    """The database the command opens (the data folder's), as a user has it."""
    from tokodesk.store.connection import close_database, open_database

    yield open_database()
    close_database()


def test_the_command_prints_the_same_with_its_method(default_database, capsys, monkeypatch):
    channel = m.Channel.create(name="Toko", marketplace="tokopedia")
    _shop(channel)
    monkeypatch.setattr(m, "utcnow", lambda: NOW)
    assert main(["health", "--json"]) == 0
    [report] = json.loads(capsys.readouterr().out)
    assert report["late_dispatch"]["count"] == 3 and report["late_dispatch"]["of"] == 6
    assert report["late_dispatch_level"] == "capped" and report["seller_cancel"]["count"] == 3
    assert "not the platform's figure" in report["method"]
    assert main(["health", "--channel", "Toko"]) == 0
    out = capsys.readouterr().out
    assert "50.0 %" in out and "DAILY ORDERS CAPPED" in out and "INV/C" in out and "How:" in out
    assert main(["health", "--channel", "Nope"]) == 2
