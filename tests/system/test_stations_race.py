"""Two packing stations race through the same 200 orders on one PostgreSQL database, against one sandbox shop.

Each station is its own process with its own data folder and TOKODESK_STATION, driving the real CLI
(`orders ack`, `orders pack`, `orders ship`) chunk by chunk: desk1 from the front in chunks of 20, desk2 from the back
in chunks of 30, so while one station requests pick-ups the other is still accepting, and in the middle both act on
the same orders at once. Each finishes with a sweep that ships everything again in its own order.

What a shop owner would notice if the locking were wrong is what is asserted: an order accepted or picked up twice
on the marketplace (the sandbox counts every request that reached an order, refused ones too), an order left
behind, a queue on either PC that disagrees with the marketplace, or an audit trail that cannot say who did it.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.marketplace.tokopedia.statuses import state_for
from tokodesk.sandbox import Sandbox
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database

pytestmark = [pytest.mark.system, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
BATCH = 200
CHANNEL = "shared"
STATIONS = ("desk1", "desk2")

# The client secret reaches each station through an in-memory keyring: the OS keyring is not what this test is
# about (test_keyring_system.py is). Each step is the real CLI entry point; its stdout (--json) is collected per step.
CHILD = """
import contextlib, io, json, os, sys, time, keyring
from tests.doubles import MemoryKeyring
keyring.set_keyring(MemoryKeyring())
from tokodesk import credentials
credentials.set_client_secret(os.environ["RACE_CHANNEL"], os.environ.pop("SANDBOX_CLIENT_SECRET"))
from tokodesk.cli import main
from tokodesk.store.connection import close_database
plan = json.loads(sys.stdin.readline())
with contextlib.redirect_stdout(io.StringIO()):  # warm up: imports, the orders command, the database
    main(["orders", "list", "--channel", os.environ["RACE_CHANNEL"], "--json"])
close_database()
print("ready", flush=True)
sys.stdin.readline()  # go
report = []
for step in plan:
    out = io.StringIO()
    began = time.time()
    with contextlib.redirect_stdout(out):
        rc = main(step["argv"])
    close_database()
    report.append({"argv": step["argv"][:2], "rc": rc, "out": out.getvalue(), "began": began, "ended": time.time()})
print(json.dumps(report))
"""


def _station(name: str, pg_url: str, secret: str, home: Path) -> subprocess.Popen:
    env = {
        **os.environ, "TOKODESK_DB": pg_url, "TOKODESK_STATION": name, "TOKODESK_HOME": str(home),
        "SANDBOX_CLIENT_SECRET": secret, "RACE_CHANNEL": CHANNEL, "PYTHONPATH": str(ROOT),
    }
    return subprocess.Popen([sys.executable, "-c", CHILD], env=env, cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _plan(ids: list[str], chunk: int) -> list[dict]:
    steps = []
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        for action in ("ack", "pack", "ship"):
            steps.append({"argv": ["orders", action, *part, "--json"]})
    steps.append({"argv": ["orders", "ship", *ids, "--json"]})  # the sweep: everything already handed over
    return steps


@pytest.fixture
def shop(pg_url, tmp_path):
    with Sandbox(seed=31, orders=420, days=1.0, freeze_clock=True, slow_rate=0.3, slow_seconds=0.01,
                 fault_targets=["ack", "pickup"]) as sb:
        open_database(pg_url)
        cr = sb.credentials
        channel = m.Channel.create(
            name=CHANNEL, marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
            shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url, business_model="pickup",
            ready_to_ship_at="pack",
        )
        client = TokopediaClient(channel.name, cr["fs_id"], cr["client_id"], cr["shop_id"], sb.url, sb.url,
                                 client_secret=cr["client_secret"], timeout=10)
        pull_orders(channel, client, now=datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None))
        client.close()
        # every line mapped (the sandbox has some listings without a SKU), so packing is allowed
        m.OrderLine.update(seller_sku=m.OrderLine.sku).where(m.OrderLine.sku != "").execute()
        m.OrderLine.update(seller_sku=m.OrderLine.product_id).where(m.OrderLine.sku == "").execute()
        ids = [str(o.order_id) for o in sb.orders_in_status(220) if not o.courier.own][:BATCH]
        assert len(ids) == BATCH
        close_database()  # the stations own the database while they run
        yield sb, ids, cr["client_secret"]
        close_database()


def _queue_seen_by(station: str, pg_url: str, home: Path) -> dict[str, str]:
    """The station's own re-read of the queue from the shared database (`orders list --json`)."""
    env = {**os.environ, "TOKODESK_DB": pg_url, "TOKODESK_STATION": station, "TOKODESK_HOME": str(home)}
    done = subprocess.run([sys.executable, "-m", "tokodesk", "orders", "list", "--channel", CHANNEL, "--json"],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-1000:]
    return {str(o["order_id"]): o["state"] for o in json.loads(done.stdout)}


def _second_station_order(ids: list[str], pattern: str) -> list[str]:
    if pattern == "head_to_head":
        return list(ids)  # the same orders at the same moment, in other chunks: ack meets pack meets ship
    if pattern == "opposite_ends":
        return list(reversed(ids))
    shuffled = list(ids)
    random.Random(7).shuffle(shuffled)  # every chunk of desk2 touches orders all over desk1's batch
    return shuffled


@pytest.mark.parametrize("pattern", ["head_to_head", "shuffled", "opposite_ends"])
def test_two_stations_racing_through_200_orders_accept_and_ship_each_exactly_once(shop, pg_url, tmp_path, pattern):
    sb, ids, secret = shop
    homes = {name: tmp_path / f"home-{name}" for name in STATIONS}
    plans = {"desk1": _plan(ids, 20), "desk2": _plan(_second_station_order(ids, pattern), 30)}
    procs = {name: _station(name, pg_url, secret, homes[name]) for name in STATIONS}
    for name, proc in procs.items():
        proc.stdin.write(json.dumps(plans[name]) + "\n")
        proc.stdin.flush()
    # Both start together: a station that is still importing while the other works through its chunks is no race
    # (under CI's load desk2 once did all 200 orders before desk1 had begun).
    for name, proc in procs.items():
        ready = proc.stdout.readline()
        assert ready == "ready\n", f"{name} did not start: {ready!r} {proc.stderr.read()[-2000:] if not ready else ''}"
    for proc in procs.values():
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in procs.values():
        proc.stdin.close()
    reports = {}
    for name, proc in procs.items():
        out = proc.stdout.read()
        err = proc.stderr.read()
        proc.wait(timeout=600)
        assert proc.returncode == 0, f"{name}: {err[-2000:]}"
        reports[name] = json.loads(out)

    # Every step ran and answered per order. A station may be told "the other station has it" (refused, or
    # pending while the other finishes), but the marketplace never refused or failed anything.
    for name, report in reports.items():
        assert len(report) == len(plans[name])
        for step in report:
            assert step["rc"] in (0, 1, 2), (name, step["argv"], step["rc"])
            for r in json.loads(step["out"]):
                assert r["ok"] or r["refused"] or r["pending"], (name, step["argv"], r)

    def story(oid: str) -> list:
        """What each station was told about one order, step by step (for a failure message)."""
        return [f"{name} {step['argv'][1]}: {r['error'] or 'ok'}" for name, report in reports.items()
                for step in report for r in json.loads(step["out"]) if str(r["order_id"]) == oid]

    # The marketplace: each order accepted once, picked up once; no second request even reached it.
    for oid in ids:
        order = sb.order(int(oid))
        assert order.requests == Counter({"ack": 1, "pickup": 1}), (oid, order.requests, story(oid))
        assert (order.acks, order.pickups, order.status) == (1, 1, 450), oid  # 450: awaiting pick-up

    # Both stations' queues, each read afresh by that station, equal the marketplace order by order.
    marketplace = {oid: state_for(sb.order(int(oid)).status).value for oid in ids}
    for name in STATIONS:
        seen = _queue_seen_by(name, pg_url, homes[name])
        assert {oid: seen[oid] for oid in ids} == marketplace, name

    # The audit trail: one successful ack, pack and ship event per order, each naming the station whose
    # outbox action did it; both stations did part of the work.
    open_database(pg_url)
    by_order = {o.id: o.order_id for o in m.Order.select().where(m.Order.order_id.in_(ids))}
    events = list(m.OrderEvent.select().where(m.OrderEvent.order.in_(list(by_order)) & (m.OrderEvent.ok == True)))  # noqa: E712
    actions = {
        (a.order_id, a.kind): a
        for a in m.Action.select().where(m.Action.order.in_(list(by_order)) & (m.Action.status == "done"))
    }
    workers = {}
    for kind in ("ack", "pack", "ship"):
        done = [e for e in events if e.kind == kind]
        assert Counter(by_order[e.order_id] for e in done) == Counter({oid: 1 for oid in ids}), kind
        assert {e.who for e in done} <= set(STATIONS), kind
        workers[kind] = Counter(e.who for e in done)
        if kind != "pack":  # pack is local: no marketplace action
            for e in done:
                assert actions[(e.order_id, kind)].station == e.who, (by_order[e.order_id], kind)
    assert m.Action.select().where(m.Action.order.in_(list(by_order))).count() == 2 * BATCH  # no stray intent
    packed_by = {o.order_id: o.packed_by for o in m.Order.select().where(m.Order.order_id.in_(ids))}
    assert set(packed_by.values()) <= set(STATIONS)
    close_database()
    # The race happened when both stations were at work at the same time. Both did part of the work too (not per
    # kind: splits of 199/1 for the acks were seen), except head to head: there the station that took the first chunk
    # a moment earlier may stay ahead and win every claim, the other being told "the other station has it" each
    # time (seen in 1 CI run in about 5).
    spans = {name: (report[0]["began"], report[-1]["ended"]) for name, report in reports.items()}
    assert max(b for b, _ in spans.values()) < min(e for _, e in spans.values()), f"no race: {spans}"
    together = sum(workers.values(), Counter())
    if pattern != "head_to_head":
        assert set(together) == set(STATIONS), f"one station did all the work: the race did not happen ({workers})"
    answers = Counter(
        (step["argv"][1], (r["error"] or "ok")[:45]) for report in reports.values() for step in report[:-1]
        for r in json.loads(step["out"])
    )
    print(f"work split: {dict(workers)}; answers: {answers}")
