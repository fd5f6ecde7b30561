"""Several writers on one database never crash (issue 15 item 2): one SQLite file, and PostgreSQL too.

For SOAK_SECONDS, against one sandbox shop (Tokopedia dialect, new orders arriving):
- in this process, the window's scheduler jobs, each in its own thread as the window's workers run them: the order
  pull, the status refresh and the stock push, over and over;
- three CLI loops, each its own process calling the real CLI entry point again and again: `sync orders`,
  `orders ack` + `orders pack` on a few orders at a time, `stock set` of a few SKUs.

What the seller would notice is asserted: no run crashed, no traceback on any process's stderr, every run ended as
done or as refused for a reason the seller is told (another run holds the sync), no order acknowledged twice on the
marketplace, and the database holds every order the shop has, each stock count the last one set.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.sandbox import Sandbox
from tokodesk.services import inventory, runs, scheduler
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
SOAK_SECONDS = float(os.environ.get("TOKODESK_SOAK_SECONDS", "30"))
CHANNEL = "soak"

# One CLI loop: the real entry point, run after run, until the deadline. A run that raises is a crash: its traceback
# goes to stderr (the test asserts there is none) and the loop goes on.
CHILD = r"""
import contextlib, io, json, os, sys, time, traceback, keyring
from tests.doubles import MemoryKeyring
keyring.set_keyring(MemoryKeyring())
from tokodesk import credentials
credentials.set_client_secret(os.environ["SOAK_CHANNEL"], os.environ.pop("SANDBOX_CLIENT_SECRET"))
from tokodesk.cli import main
from tokodesk.store.connection import close_database
plan = json.loads(os.environ["SOAK_PLAN"])
deadline = time.monotonic() + float(os.environ["SOAK_SECONDS"])
runs = []
i = 0
while time.monotonic() < deadline:
    argv = plan[i % len(plan)]
    i += 1
    err, out = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = main(argv)
    except SystemExit as exc:
        rc = exc.code if isinstance(exc.code, int) else 2
    except BaseException:
        rc = "crash"
        traceback.print_exc()
    finally:
        close_database()
    try:
        answer = json.loads(out.getvalue())
    except ValueError:
        answer = None
    runs.append({"argv": argv[:2], "rc": rc, "err": err.getvalue()[-300:], "json": answer})
    sys.stderr.write(err.getvalue())
print(json.dumps(runs))
"""


def _loop(name: str, plan: list[list[str]], db_url: str, secret: str, home: Path, seconds: float) -> subprocess.Popen:
    env = {
        **os.environ, "TOKODESK_DB": db_url, "TOKODESK_STATION": name, "TOKODESK_HOME": str(home),
        "SANDBOX_CLIENT_SECRET": secret, "SOAK_CHANNEL": CHANNEL, "PYTHONPATH": str(ROOT),
        "SOAK_PLAN": json.dumps(plan), "SOAK_SECONDS": str(seconds),
    }
    return subprocess.Popen([sys.executable, "-c", CHILD], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _outcome(run: dict) -> str:
    rc, err, answer = run["rc"], run["err"], run.get("json")
    if rc == "crash":
        return "crash"
    if rc == 1 and "is already running" in err:
        return "refused: another run holds the sync"
    if isinstance(answer, list) and answer and rc in (0, 1, 2):
        # `orders ack|pack`: each order answered on its own; one acted on by an earlier lap is refused, not lost.
        refused = sorted({_reason(r["error"]) for r in answer if not r["ok"]})
        return "done" if not refused else f"done, orders refused: {'; '.join(refused)}"
    if rc == 0:
        return "done"
    return f"failed rc={rc}: {err.strip().splitlines()[-1] if err.strip() else ''}"


def _reason(error: str) -> str:
    return re.sub(r"\d{3,}", "N", error or "")[:80]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.system)])
def soak_db(request, tmp_path):
    """One SQLite file (the case that crashed), and the shared PostgreSQL of several stations."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'shared.db'}"
    return request.getfixturevalue("pg_url")


def test_the_window_and_three_cli_loops_never_crash_on_one_database(tmp_path, memory_keyring, soak_db):
    db_url = soak_db
    seconds = SOAK_SECONDS if db_url.startswith("sqlite") else min(SOAK_SECONDS, 20.0)  # bounded suite time
    with Sandbox(seed=15, orders=240, products=40, days=1.5, new_orders_per_hour=1800) as sb:
        cr = sb.credentials
        open_database(db_url)
        from tokodesk import credentials

        credentials.set_client_secret(CHANNEL, cr["client_secret"])
        channel = m.Channel.create(
            name=CHANNEL, marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
            shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url, business_model="pickup",
            ready_to_ship_at="pack", inventory_sync=True,
            order_sync_from=m.utcnow().replace(microsecond=0) - timedelta(days=1, hours=12),
        )
        client = TokopediaClient.from_channel(channel)
        pull_orders(channel, client)
        products = [p for p in client.list_products() if p.sellable][:12]
        client.close()
        for p in products:
            m.Product.insert(channel=channel, product_id=p.product_id, parent_id=p.parent_id, is_parent=p.is_parent,
                             sku=p.sku, stock=p.stock).on_conflict_ignore().execute()
        mappings = [{"channel": channel.id, "product_id": p.product_id, "marketplace_sku": p.sku,
                     "seller_sku": f"S-{i}"}
                    for i, p in enumerate(products)]
        m.SkuMapping.insert_many(mappings).on_conflict(
            conflict_target=[m.SkuMapping.channel, m.SkuMapping.product_id],
            preserve=[m.SkuMapping.marketplace_sku, m.SkuMapping.seller_sku]).execute()
        inventory.set_stock([(f"S-{i}", 50) for i in range(len(products))])
        # every line mapped, so packing is allowed
        m.OrderLine.update(seller_sku=m.OrderLine.sku).where(m.OrderLine.sku != "").execute()
        m.OrderLine.update(seller_sku=m.OrderLine.product_id).where(m.OrderLine.sku == "").execute()
        ids = [str(o.order_id) for o in sb.orders_in_status(220) if not o.courier.own][:90]
        assert len(ids) >= 30
        close_database()

        stock_plan = [["stock", "set", f"S-{i % len(products)}", str(10 + n), f"S-{(i + 5) % len(products)}",
                       str(20 + n)] for n, i in enumerate(range(0, 400, 3))]
        pack_plan = []
        for start in range(0, len(ids), 3):
            chunk = ids[start:start + 3]
            pack_plan += [["orders", "ack", *chunk, "--json"], ["orders", "pack", *chunk, "--json"]]
        plans = {
            "cli-sync": [["sync", "orders", "--json"], ["sync", "statuses", "--json"]],
            "cli-pack": pack_plan,
            "cli-stock": stock_plan,
        }
        procs = {name: _loop(name, plan, db_url, cr["client_secret"], tmp_path / name, seconds)
                 for name, plan in plans.items()}

        # The window: its scheduler's jobs in worker threads of this process, on the same file.
        open_database(db_url)
        window: dict[str, Counter] = {}
        crashes: list[str] = []
        deadline = time.monotonic() + seconds

        def job(kind: str) -> None:
            tally = window.setdefault(f"window-{kind}", Counter())
            ch = m.Channel.get(m.Channel.name == CHANNEL)
            while time.monotonic() < deadline:
                try:
                    summary = scheduler.runner(kind)(ch)
                    tally["done" if summary.status in ("ok", "partial") else f"ended {summary.status}"] += 1
                except runs.LeaseHeld:
                    tally["refused: another run holds the sync"] += 1
                except Exception as exc:  # noqa: BLE001 - a crash is what this test counts
                    tally["crash"] += 1
                    crashes.append(f"{kind}: {type(exc).__name__}: {exc}")
                time.sleep(0.05)
            m.db.close()

        threads = [threading.Thread(target=job, args=(kind,)) for kind in ("orders", "statuses", "inventory")]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=seconds + 120)
        results = {}
        for name, proc in procs.items():
            out, err = proc.communicate(timeout=seconds + 180)
            assert proc.returncode == 0, err[-2000:]
            assert "Traceback" not in err, f"{name}:\n{err[-3000:]}"
            assert "database is locked" not in err, f"{name}:\n{err[-3000:]}"
            results[name] = json.loads(out)

        counts = {name: Counter(_outcome(r) for r in rs) for name, rs in results.items()}
        counts.update(window)
        total = sum(sum(c.values()) for c in counts.values())
        crashed = sum(c["crash"] for c in counts.values())
        print(f"\nsoak {db_url.partition(':')[0]} {seconds:.0f} s, {total} runs, {crashed} crashes:")
        for name, c in sorted(counts.items()):
            print(f"  {name}: {sum(c.values())} runs: {dict(c)}")
        assert not crashes, crashes
        assert crashed == 0, counts
        for name, c in counts.items():
            unexplained = {k: v for k, v in c.items() if not k.startswith(("done", "refused"))}
            assert not unexplained, (name, unexplained)
            assert c["done"] > 0, (name, dict(c))  # every loop got work done, not only refusals
        assert all(len(results[name]) == sum(counts[name].values()) for name in results)

        # The marketplace and the database agree.
        for oid in ids:
            assert sb.order(int(oid)).acks <= 1, oid
        channel = m.Channel.get(m.Channel.name == CHANNEL)
        acked = m.Order.select().where(m.Order.order_id.in_(ids) & m.Order.state.in_(["acknowledged", "packed",
                                                                                        "ready_to_ship"]))
        assert {o.order_id for o in acked} <= {oid for oid in ids if sb.order(int(oid)).acks == 1}
        last_set: dict[str, int] = {}
        for argv in [r["argv"] for r in results["cli-stock"]]:
            assert argv == ["stock", "set"]
        done_stock = [plans["cli-stock"][i % len(stock_plan)] for i, r in enumerate(results["cli-stock"])
                      if r["rc"] == 0]
        for argv in done_stock:
            for sku, qty in zip(argv[2::2], argv[3::2], strict=True):
                last_set[sku] = int(qty)
        on_hand = {s.seller_sku: s.on_hand for s in m.StockItem.select()}
        taken = {}  # what shipped orders took off on hand since (the stock loop sets counts, the pulls take stock)
        for line in m.OrderLine.select().join(m.Order).where(m.Order.stock_taken == True):  # noqa: E712
            taken[line.seller_sku] = taken.get(line.seller_sku, 0) + line.quantity
        for sku, qty in last_set.items():
            assert on_hand[sku] <= qty and on_hand[sku] >= qty - taken.get(sku, 0), (sku, on_hand[sku], qty)
        since = channel.order_sync_from.replace(tzinfo=timezone.utc).timestamp()
        in_shop = {str(o.order_id) for o in list(sb.shop.orders.values()) if o.create_time >= since + 60}
        final = TokopediaClient.from_channel(channel)
        pull_orders(channel, final)  # new orders keep arriving: those in the shop before this pull are all stored
        final.close()
        in_db = {o.order_id for o in m.Order.select(m.Order.order_id).where(m.Order.channel == channel.id)}
        assert in_shop <= in_db, sorted(in_shop - in_db)[:5]
        print(f"  orders in the database {len(in_db)}, in the shop's window {len(in_shop)}, acknowledged "
              f"{sum(sb.order(int(i)).acks for i in ids)} of {len(ids)} offered to the pack loop")
        close_database()
        credentials.forget_channel(CHANNEL)  # the PostgreSQL run uses the session's real keyring
