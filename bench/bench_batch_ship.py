"""A batch of 1,000 orders through the whole fulfilment path against the sandbox: accept, pack, request pick-up.

    .venv/bin/python bench/bench_batch_ship.py [--orders 1000] [--seed 3] [--db postgresql://…/postgres]
                                               [--latency-ms 40] [--rate-limit R]

The channel is a Tokopedia shop with business model "pickup" and ready-to-ship at "pack", so packing moves an
order to ready_to_ship locally and shipping is one pick-up request per order. Each step is the real CLI in its own
process (`tokodesk orders ack|pack|ship ID… --json`: interpreter start, imports, database open, the outbox write
and the marketplace call per order, the stock settlement after shipping), timed from the outside. The sandbox runs
in this process on loopback with its rate limit off. Setup (the sandbox's orders pulled into the store, every line
mapped) is not timed.

Prints per step: seconds, orders/s, requests the marketplace received (by endpoint) and the peak RSS of the
`tokodesk` process; then checks that every order was accepted and picked up exactly once. Asserts no timing.

With --db the store is a fresh database `tokodesk_bench_ship` on that PostgreSQL server (dropped first if a
previous run left it). The sandbox's client secret reaches the child through an in-memory keyring that keyring
makes in the child when the child first reads a secret (tests/doubles.py EnvKeyring; a benchmark must not write
into the desktop's keyring), so `pack`, which reads none, does not import keyring, as at a shop; it is a
sandbox-only value.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHANNEL = "bench"

# What `tokodesk orders ack|pack|ship` imports, for the bytecode cache (bench/bytecode.py).
WARM = """
import tests.doubles, tokodesk.cli, tokodesk.commands.fulfil, tokodesk.services.fulfilment, tokodesk.services.channels
import tokodesk.services.pack_scan, tokodesk.services.inventory, tokodesk.services.fulfilment.resume
import tokodesk.store.connection, tokodesk.marketplace.tokopedia.client, tokodesk.marketplace.tiktokshop.client
import psycopg, requests, playhouse.migrate, keyring, json, uuid, resource
"""
STEPS = ("ack", "pack", "ship")


def child_main(argv: list[str]) -> int:
    """The `tokodesk` process: the real CLI entry point, its keyring the parent's EnvKeyring (tests/doubles.py)."""
    from tokodesk.cli import main

    code = main(argv)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"BENCH_MAXRSS_KB={usage.ru_maxrss}", file=sys.stderr)
    print(f"BENCH_CPU_S={usage.ru_utime + usage.ru_stime:.3f}", file=sys.stderr)
    return code


def fresh_postgres(url: str, name: str = "tokodesk_bench_ship") -> str:
    """A new empty database on the server of `url`; returns its URL."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{url.rsplit('/', 1)[0]}/{name}"


def prepare(db_url: str, sb, count: int) -> list[str]:  # noqa: ANN001
    """Pull the sandbox's orders into the store, map every line, and pick `count` new pick-up orders."""
    from tokodesk.marketplace.tokopedia import TokopediaClient
    from tokodesk.services.orders import pull_orders
    from tokodesk.store import models as m
    from tokodesk.store.connection import close_database, open_database

    open_database(db_url)
    try:
        cr = sb.credentials
        channel = m.Channel.create(
            name=CHANNEL, marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=str(cr["client_id"]),
            shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url, business_model="pickup",
            ready_to_ship_at="pack",
        )
        client = TokopediaClient(channel.name, cr["fs_id"], cr["client_id"], cr["shop_id"], sb.url, sb.url,
                                 client_secret=cr["client_secret"], timeout=30)
        now = datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None)
        pull_orders(channel, client, now=now)
        client.close()
        m.OrderLine.update(seller_sku=m.OrderLine.sku).where(m.OrderLine.sku != "").execute()
        m.OrderLine.update(seller_sku=m.OrderLine.product_id).where(m.OrderLine.sku == "").execute()
        ids = [str(o.order_id) for o in sb.orders_in_status(220) if not o.courier.own][:count]
        stored = m.Order.select().where(m.Order.order_id.in_(ids)).count()
    finally:
        close_database()
    if len(ids) < count or stored != len(ids):
        raise SystemExit(f"only {len(ids)} new pick-up orders in the sandbox ({stored} stored); raise --pool")
    return ids


def run_step(step: str, ids: list[str], env: dict[str, str], sb) -> dict:  # noqa: ANN001
    before = Counter(sb.calls)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--child", "orders", step, *ids, "--json"], env=env,
                          capture_output=True, text=True, cwd=str(ROOT), check=False)
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"tokodesk orders {step} exited with {proc.returncode}")
    results = json.loads(proc.stdout)
    requests = Counter(sb.calls) - before
    rss = next((int(line.split("=")[1]) for line in proc.stderr.splitlines() if line.startswith("BENCH_MAXRSS_KB=")), 0)
    cpu = next((float(line.split("=")[1]) for line in proc.stderr.splitlines() if line.startswith("BENCH_CPU_S=")), 0)
    return {"step": step, "seconds": elapsed, "ok": sum(r["ok"] for r in results), "requests": requests,
            "rss_mb": rss / 1024, "cpu_s": cpu}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1000, help="orders in the batch")
    parser.add_argument("--pool", type=int, default=2600, help="orders the sandbox generates (about 45%% are new)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--latency-ms", type=float, default=0.0, help="the sandbox answers this late (a real network)")
    parser.add_argument("--jitter-ms", type=float, default=0.0, help="± this much on each answer's delay")
    parser.add_argument("--rate-limit", type=float, default=0.0, metavar="R",
                        help="the sandbox allows R requests a second per endpoint (0: no limit)")
    parser.add_argument("--db", metavar="URL", help="measure on PostgreSQL: a server URL (a fresh database is made)")
    parser.add_argument("--compile-each-start", action="store_true",
                        help="let each process compile the package again (with PYTHONDONTWRITEBYTECODE), as figures "
                             "before 5 Dec 2026 14:30 did; default: from compiled bytecode, as an installed TokoDesk")
    args = parser.parse_args(argv)

    from bench.bytecode import compiled_env, describe
    from tests.doubles import env_keyring, use_memory_keyring
    from tokodesk.sandbox import Sandbox

    use_memory_keyring()  # the setup pull caches its token: never in the desktop's keyring
    home = Path(tempfile.mkdtemp(prefix="tokodesk-bench-"))
    db_url = fresh_postgres(args.db) if args.db else f"sqlite:///{home / 'tokodesk.db'}"
    os.environ["TOKODESK_HOME"] = str(home)
    load_before = os.getloadavg()[0]
    # A frozen clock would never refill the rate limit's buckets: it runs when there is a limit.
    with Sandbox(seed=args.seed, orders=args.pool, products=60, days=1.0, freeze_clock=not args.rate_limit,
                 latency_ms=args.latency_ms, jitter_ms=args.jitter_ms, rate_limit=args.rate_limit or None) as sb:
        t0 = time.perf_counter()
        ids = prepare(db_url, sb, args.orders)
        print(f"setup: {args.pool} sandbox orders pulled, {len(ids)} new pick-up orders chosen "
              f"in {time.perf_counter() - t0:.1f} s (not timed below)")
        env = dict(os.environ, TOKODESK_HOME=str(home), TOKODESK_DB=db_url, TOKODESK_STATION="bench@desk1",
                   **env_keyring({f"{CHANNEL}:client_secret": sb.credentials["client_secret"]}))
        if not args.compile_each_start:
            env = compiled_env(env, home / "bytecode", WARM)
        measured = [run_step(step, ids, env, sb) for step in STEPS]
        shop = [sb.order(int(i)) for i in ids]
        once = all(o.requests == Counter({"ack": 1, "pickup": 1}) and o.status == 450 for o in shop)
        limited = sum(1 for r in sb.request_log if r.status == 429)

    backend = "PostgreSQL" if args.db else "SQLite"
    limit = f"rate limit {args.rate_limit:g} req/s per endpoint" if args.rate_limit else "no rate limit"
    print(f"measured: `tokodesk orders ack|pack|ship` processes on {backend}, {len(ids)} orders, sandbox latency "
          f"{args.latency_ms:g} ms, {limit}, {describe(env)}; load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
    for row in measured:
        requests = ", ".join(f"{name} {n}" for name, n in sorted(row["requests"].items())) or "none"
        print(f"  {row['step']:<5} {row['seconds']:6.2f} s = {len(ids) / row['seconds']:7,.0f} orders/s, "
              f"{row['ok']} ok; requests: {requests}; CPU of the process {row['cpu_s']:.2f} s; "
              f"peak RSS {row['rss_mb']:.0f} MB")
    total = sum(row["seconds"] for row in measured)
    ship = sum(row["seconds"] for row in measured if row["step"] != "ack")
    total_requests = sum(sum(row["requests"].values()) for row in measured)
    print(f"batch ship (pack + pick-up request): {ship:.2f} s = {len(ids) / ship:,.0f} orders/s")
    print(f"whole path (accept + pack + ship):   {total:.2f} s = {len(ids) / total:,.0f} orders/s, "
          f"{total_requests} requests")
    cpu = sum(row["cpu_s"] for row in measured)
    print(f"CPU of the three tokodesk processes: {cpu:.2f} s = {len(ids) / cpu:,.0f} orders per CPU-second "
          "(the sandbox's own CPU, in this process, not included)")
    print(f"peak RSS: {max(row['rss_mb'] for row in measured):.0f} MB; refused for the rate limit (429): {limited}")
    if args.rate_limit:
        per_order = total_requests / len(ids)
        print(f"target under the limit: >= 0.9 x R / requests per order = 0.9 x {args.rate_limit:g} / {per_order:.2f} "
              f"= {0.9 * args.rate_limit / per_order:,.1f} orders/s, 0 refused")
    else:
        print("targets: >= 100 orders/s whole path at 40 ms latency; >= 300 orders/s with no latency (CPU side)")
    if not once or any(row["ok"] != len(ids) for row in measured):
        print("NOT every order was accepted and picked up exactly once", file=sys.stderr)
        return 1
    print("every order accepted once and picked up once on the marketplace")
    return 0


if __name__ == "__main__":
    sys.exit(main())
