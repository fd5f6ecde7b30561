"""The first order pull of a Tokopedia & Shop channel (TikTok Shop API) from the sandbox: `tokodesk sync orders`.

    .venv/bin/python bench/bench_tiktokshop_pull.py [--orders 10000] [--latency-ms 40] [--serial] [--db URL]

The channel is added and authorized through the real CLI in this process (not timed); the pull is the real CLI in
its own process (interpreter start, imports, database open, the pull, the JSON summary), timed from outside, with
the app secret and the tokens handed to an in-memory keyring in the child (a benchmark must not write into the
desktop's keyring; they are sandbox-only values). The sandbox runs in this process on loopback, its answers
`--latency-ms` late, its rate limit the documented 50 requests a second per API: apart from the `tokodesk` process
(no shared interpreter lock) but on the same cores, which a real marketplace's servers are not; its CPU seconds
during the pull are printed beside the process's own. `--profile PATH` writes the `tokodesk` process's cProfile
stats (its main thread: the store; the search threads' reading and parsing are not in it).

`--serial` pulls the way TokoDesk did before issue 19: 50 orders a search page, one window and one page at a time.
Prints orders/s, the process's CPU seconds and peak RSS, the search requests, and how many were refused for the
rate limit (429). Asserts no timing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CHANNEL = "bench"
KEYS_ENV = "TOKODESK_BENCH_KEYRING"
KINDS = ("app_secret", "token")


def child_main(serial: bool) -> int:
    from tests.doubles import use_memory_keyring

    use_memory_keyring()
    from tokodesk import credentials

    for kind, value in json.loads(os.environ.pop(KEYS_ENV)).items():
        credentials.set_secret(CHANNEL, kind, value)
    if serial:
        from tokodesk.marketplace.tiktokshop import client, order_search

        order_search.SLICE_READERS = 1
        client.ORDER_PAGE_SIZE = 50
        client.TikTokShopClient.concurrent_reads = False
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
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"BENCH_MAXRSS_KB={usage.ru_maxrss}", file=sys.stderr)
    print(f"BENCH_CPU_S={usage.ru_utime + usage.ru_stime:.3f}", file=sys.stderr)
    return code


def fresh_postgres(url: str, name: str = "tokodesk_bench_tts") -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{url.rsplit('/', 1)[0]}/{name}"


def add_channel(sb) -> dict[str, str]:  # noqa: ANN001
    """`channel add` and `channel authorize` as a seller runs them; the keyring entries the child needs."""
    import requests

    from tokodesk import credentials
    from tokodesk.cli import main
    from tokodesk.store.connection import close_database

    cr = sb.credentials
    out = io.StringIO()
    stdin, sys.stdin = sys.stdin, io.StringIO(cr["app_secret"] + "\n")
    try:
        with contextlib.redirect_stdout(out):
            assert main(["channel", "add", CHANNEL, "--marketplace", "tiktokshop", "--app-key", cr["app_key"],
                         "--app-secret-stdin", "--service-id", cr["service_id"], "--api-base", sb.url,
                         "--auth-url", sb.url]) == 0
            assert main(["channel", "authorize", CHANNEL]) == 0
        link = re.search(r"http://\S+", out.getvalue()).group(0)
        landed = requests.get(link, allow_redirects=False, timeout=10).headers["Location"]
        with contextlib.redirect_stdout(out):
            assert main(["channel", "authorize", CHANNEL, "--redirect-url", landed]) == 0
    finally:
        sys.stdin = stdin
        close_database()
    return {kind: credentials.get_secret(CHANNEL, kind) for kind in KINDS if credentials.get_secret(CHANNEL, kind)}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_main("--serial" in argv)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--days", type=float, default=2.5, help="spread of the orders (the first pull reads 3 days)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--latency-ms", type=float, default=40.0, help="the sandbox answers this late")
    parser.add_argument("--serial", action="store_true", help="pull as before issue 19 (one page at a time, 50)")
    parser.add_argument("--db", metavar="URL", help="measure on PostgreSQL: a server URL (a fresh database is made)")
    parser.add_argument("--profile", metavar="PATH", help="write the `tokodesk` process's cProfile stats to PATH")
    parser.add_argument("--compile-each-start", action="store_true",
                        help="let the process compile the package again (with PYTHONDONTWRITEBYTECODE), as figures "
                             "before 5 Dec 2026 14:30 did; default: from compiled bytecode, as an installed TokoDesk")
    args = parser.parse_args(argv)

    from tests.doubles import use_memory_keyring
    from tokodesk.sandbox import Sandbox

    use_memory_keyring()
    home = Path(tempfile.mkdtemp(prefix="tokodesk-bench-tts-"))
    db_url = fresh_postgres(args.db) if args.db else f"sqlite:///{home / 'tokodesk.db'}"
    os.environ["TOKODESK_HOME"], os.environ["TOKODESK_DB"] = str(home), db_url
    load_before = os.getloadavg()[0]
    with Sandbox(seed=args.seed, orders=args.orders, products=60, days=args.days, dialect="tiktokshop",
                 rate_limit=50) as sb:
        keys = add_channel(sb)
        sb.set_latency(args.latency_ms)
        before = Counter(sb.calls)
        env = dict(os.environ, TOKODESK_STATION="bench@desk1", **{KEYS_ENV: json.dumps(keys)})
        if args.profile:
            env["TOKODESK_BENCH_PROFILE"] = args.profile
        if not args.compile_each_start:
            from bench.bench_order_pull import WARM
            from bench.bytecode import compiled_env

            env = compiled_env(env, home / "bytecode")
            # What else the process imports (the standard library, requests, peewee, psycopg) compiled too: else
            # the measured process would compile it into the cache.
            subprocess.run([sys.executable, "-c", WARM], env=env, cwd=str(ROOT), check=True)
        sandbox_cpu = time.process_time()
        command = [sys.executable, __file__, "--child"] + (["--serial"] if args.serial else [])
        started = time.perf_counter()
        proc = subprocess.run(command, env=env, capture_output=True, text=True, cwd=str(ROOT), check=False)
        elapsed = time.perf_counter() - started
        sandbox_cpu = time.process_time() - sandbox_cpu
        calls = Counter(sb.calls) - before
        refused = sum(1 for r in sb.request_log if r.status == 429)
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"tokodesk sync orders exited with {proc.returncode}")
    summary = json.loads(proc.stdout)
    rss = next((int(x.split("=")[1]) for x in proc.stderr.splitlines() if x.startswith("BENCH_MAXRSS_KB=")), 0)
    cpu = next((float(x.split("=")[1]) for x in proc.stderr.splitlines() if x.startswith("BENCH_CPU_S=")), 0.0)
    from bench.bytecode import describe

    how = "serial (before issue 19: one search page at a time, 50 orders a page)" if args.serial else \
        "slices side by side, 100 orders a page, the next window while this one is stored"
    print(f"measured: `tokodesk sync orders` of a Tokopedia & Shop channel on {'PostgreSQL' if args.db else 'SQLite'}, "
          f"{how}, {describe(env)}; sandbox latency {args.latency_ms:g} ms, rate limit 50/s per API; load average "
          f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
    print(f"  first pull: {summary['created']:,} orders created of {summary['fetched']:,} read in {elapsed:.2f} s = "
          f"{summary['created'] / elapsed:,.0f} orders/s (whole process); CPU of the process {cpu:.2f} s; peak RSS "
          f"{rss / 1024:.0f} MB")
    print(f"  CPU of the sandbox (this process, the marketplace's side) during the pull: {sandbox_cpu:.2f} s")
    print(f"  requests: {', '.join(f'{k} {v}' for k, v in sorted(calls.items()))}; refused for the rate limit: "
          f"{refused}")
    print("target (issue 19, the legacy pull's row): >= 2,500 orders/s, faster than any serial loop")
    return 0 if summary["status"] == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
