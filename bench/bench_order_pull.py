"""10,000 orders from the sandbox into an empty SQLite database through `tokodesk sync orders`, then re-pulled.

    .venv/bin/python bench/bench_order_pull.py [--orders 10000] [--seed 1] [--days 2.5] [--in-process]

Prints orders/s of the first pull and of the re-pull (the same orders again: every one is looked up, compared and
left alone), lines stored, and the peak memory of the `tokodesk` process. By default each pull is the real CLI in
its own process (interpreter start, imports, database open and migration, the HTTP pull, the writes, the JSON
summary), timed from the outside; `--in-process` times `pull_orders` alone. The sandbox runs in this process on
loopback with its rate limit off: apart from the `tokodesk` process (no shared interpreter lock), but on the same
cores, which a real marketplace's servers are not; its CPU seconds during each pull are printed beside the
process's own. Target (issue 4): >= 2,000 orders/s for both pulls; issue 19: >= 2,500/s for the first pull at 40 ms.

The sandbox's client secret reaches the child through an in-memory keyring set up in the child (a benchmark
must not write into the desktop's keyring); it is a sandbox-only value.
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
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHANNEL = "bench"
SECRET_ENV = "TOKODESK_BENCH_SANDBOX_SECRET"


def _memory_keyring():  # noqa: ANN202
    from tests.doubles import use_memory_keyring

    return use_memory_keyring()


def child_main() -> int:
    """The `tokodesk` process: the real CLI entry point, with the sandbox secret in an in-memory keyring."""
    _memory_keyring()
    from tokodesk import credentials

    credentials.set_client_secret(CHANNEL, os.environ.pop(SECRET_ENV))
    from tokodesk.cli import main

    argv = ["sync", "orders", "--channel", CHANNEL, "--json"]
    profile = os.environ.get("TOKODESK_BENCH_PROFILE")
    if profile:
        import cProfile

        with cProfile.Profile() as prof:
            code = main(argv)
        prof.dump_stats(profile)
    else:
        code = main(argv)
    print(f"BENCH_MAXRSS_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
    return code


def setup_channel(home: Path, sb, now: datetime) -> None:  # noqa: ANN001
    from tokodesk.store import models as m
    from tokodesk.store.connection import close_database, open_database

    open_database(_db_url(home))
    cr = sb.credentials
    m.Channel.create(
        name=CHANNEL, marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=str(cr["client_id"]),
        shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url,
        order_sync_from=(now - timedelta(days=3) + timedelta(minutes=10)).replace(tzinfo=None),
    )  # fmt: skip
    close_database()


DB_URL = ""  # --db: a PostgreSQL server to measure on instead of the data folder's SQLite file
BYTECODE: Path | None = None  # where the children's compiled bytecode lives (None: --compile-each-start)


def _db_url(home: Path) -> str:
    return DB_URL or f"sqlite:///{home / 'tokodesk.db'}"


def _fresh_postgres(url: str) -> str:
    """A new empty database `tokodesk_bench` on the server of `url` (dropped first if a previous run left it)."""
    import psycopg

    base = url.rsplit("/", 1)[0]
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute('DROP DATABASE IF EXISTS "tokodesk_bench" WITH (FORCE)')
        admin.execute('CREATE DATABASE "tokodesk_bench"')
    return f"{base}/tokodesk_bench"


def _count_and_rewind(home: Path) -> tuple[int, int]:
    from tokodesk.store import models as m
    from tokodesk.store.connection import close_database, open_database

    open_database(_db_url(home))
    try:
        counts = m.Order.select().count(), m.OrderLine.select().count()
        # A re-pull of everything: forget where the last pull ended, as a seller forcing a full sync would.
        m.Channel.update(last_order_pull_to=None).execute()
    finally:
        close_database()
    return counts


_WARMED: list[bool] = []


def _compiled(env: dict[str, str]) -> dict[str, str]:
    """`env` for a child starting from compiled bytecode. The cache holds only the package at first: everything
    else a pull imports (the standard library, requests, peewee, psycopg) would be compiled into it by the first
    measured process, so a child that imports all of that runs once before."""
    from bench.bytecode import compiled_env

    if _WARMED:
        env = dict(env, PYTHONPYCACHEPREFIX=str(BYTECODE))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        return env
    env = compiled_env(env, BYTECODE)
    subprocess.run([sys.executable, "-c", WARM], env=env, cwd=str(ROOT), check=True)
    _WARMED.append(True)
    return env


# What a `tokodesk sync orders` process imports, for the bytecode cache (see _compiled).
WARM = """
import tests.doubles, tokodesk.cli, tokodesk.commands.sync, tokodesk.services.orders, tokodesk.services.channels
import tokodesk.services.scheduler, tokodesk.services.runs, tokodesk.services.packages, tokodesk.store.connection
import tokodesk.marketplace.tokopedia.client, tokodesk.marketplace.tiktokshop.client
import psycopg, requests, playhouse.migrate, json, uuid, cProfile
"""


def run_cli(home: Path, secret: str) -> tuple[float, dict, int]:
    env = dict(os.environ, TOKODESK_HOME=str(home), TOKODESK_STATION="bench@local", **{SECRET_ENV: secret})
    env.pop("TOKODESK_DB", None)
    if DB_URL:
        env["TOKODESK_DB"] = DB_URL
    if BYTECODE is not None:
        env = _compiled(env)
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    sandbox_cpu = time.process_time()
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, __file__, "--child"], env=env, capture_output=True, text=True, cwd=str(ROOT), check=False
    )
    elapsed = time.perf_counter() - started
    sandbox_cpu = time.process_time() - sandbox_cpu
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    print(f"  tokodesk process: {elapsed:.2f} s wall, {cpu:.2f} s CPU; the sandbox (this process, the marketplace's "
          f"side) {sandbox_cpu:.2f} s CPU meanwhile", file=sys.stderr)
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"tokodesk sync orders exited with {proc.returncode}")
    rss = next((int(line.split("=")[1]) for line in proc.stderr.splitlines() if line.startswith("BENCH_MAXRSS_KB=")), 0)
    return elapsed, json.loads(proc.stdout), rss


def run_in_process(home: Path, secret: str) -> tuple[float, dict, int]:
    from tokodesk import credentials
    from tokodesk.services.orders import pull_orders
    from tokodesk.store import models as m
    from tokodesk.store.connection import close_database, open_database

    credentials.set_client_secret(CHANNEL, secret)
    open_database(_db_url(home))
    try:
        started = time.perf_counter()
        summary = pull_orders(m.Channel.get(m.Channel.name == CHANNEL))
        elapsed = time.perf_counter() - started
    finally:
        close_database()
    return elapsed, summary.to_json(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--days", type=float, default=2.5, help="spread of the orders (the pull serves 3 days)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--latency-ms", type=float, default=0.0, help="the sandbox answers this late (a real network)")
    parser.add_argument("--jitter-ms", type=float, default=0.0, help="± this much on each answer's delay")
    parser.add_argument("--in-process", action="store_true", help="time pull_orders() instead of the CLI process")
    parser.add_argument("--profile", metavar="PREFIX", help="write cProfile stats of each pull to PREFIX.1/.2")
    parser.add_argument("--db", metavar="URL", help="measure on PostgreSQL: a server URL (a fresh database is made)")
    parser.add_argument("--compile-each-start", action="store_true",
                        help="let each process compile the package again (with PYTHONDONTWRITEBYTECODE), as figures "
                             "before 5 Dec 2026 14:30 did; default: from compiled bytecode, as an installed TokoDesk")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child_main()
    global DB_URL, BYTECODE
    if args.db:
        DB_URL = _fresh_postgres(args.db)

    _memory_keyring()
    from tokodesk.sandbox import Sandbox

    home = Path(tempfile.mkdtemp(prefix="tokodesk-bench-"))
    os.environ["TOKODESK_HOME"] = str(home)
    if not args.compile_each_start and not args.in_process:
        BYTECODE = home / "bytecode"
    t0 = time.perf_counter()
    with Sandbox(seed=args.seed, orders=args.orders, products=60, days=args.days, freeze_clock=True,
                 latency_ms=args.latency_ms, jitter_ms=args.jitter_ms) as sb:
        print(f"sandbox: {args.orders} orders generated in {time.perf_counter() - t0:.1f} s, serving {sb.url}")
        now = datetime.fromtimestamp(sb.clock.now(), timezone.utc)
        setup_channel(home, sb, now)
        secret = sb.credentials["client_secret"]
        run = run_in_process if args.in_process else run_cli
        how = "pull_orders() in this process" if args.in_process else "`tokodesk sync orders` process, end to end"

        if args.profile:
            os.environ["TOKODESK_BENCH_PROFILE"] = args.profile + ".1"
        first_s, first, rss1 = run(home, secret)
        orders, lines = _count_and_rewind(home)
        if args.profile:
            os.environ["TOKODESK_BENCH_PROFILE"] = args.profile + ".2"
        second_s, second, rss2 = run(home, secret)

    if first["created"] != args.orders or second["created"] != 0 or second["fetched"] != first["fetched"]:
        print(f"unexpected counts: first {first}, re-pull {second}", file=sys.stderr)
        return 1
    start = "compiling the package at each start" if BYTECODE is None and os.environ.get("PYTHONDONTWRITEBYTECODE") \
        else "from compiled bytecode"
    print(f"measured: {how} ({'in process' if args.in_process else start}); machine load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"first pull: {first['fetched']} orders, {lines} lines stored ({orders} orders) in {first_s:.2f} s "
          f"= {first['fetched'] / first_s:,.0f} orders/s")
    print(f"re-pull:    {second['fetched']} orders, {second['created']} created, {second['updated']} updated "
          f"in {second_s:.2f} s = {second['fetched'] / second_s:,.0f} orders/s")
    print(f"peak RSS:   {max(rss1, rss2) / 1024:.0f} MB "
          f"(first pull {rss1 / 1024:.0f} MB, re-pull {rss2 / 1024:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
