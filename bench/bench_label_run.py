"""1,000 orders accepted in Seller Center, then `tokodesk labels` from the click to the PDF, over a slow network.

    .venv/bin/python bench/bench_label_run.py [--orders 1000] [--latency-ms 40] [--jitter-ms 0] [--db URL]

The sandbox (in this process, rate limit off, answering `--latency-ms` late) has its paid orders of platform
couriers accepted in Seller Center (not through TokoDesk), then they are pulled into the store (not timed): they
arrive accepted, without their booking codes, which Tokopedia's order list does not carry. Then, each the real CLI
in its own process, timed from the outside:

1. `tokodesk labels ID… --pdf FILE`: the click with every code still missing (the run must fetch them first);
2. the reprint, the same command again (every code stored);
3. on a second copy of the shop, `tokodesk sync statuses` (the background refresh, which fetches the codes), then
   `tokodesk labels`: the click when the refresh has run before it.

Prints seconds (wall clock, and the CPU time of the process: on a shared machine the better guide), labels/s and
the requests the marketplace received per step. Asserts no timing.
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
SECRET_ENV = "TOKODESK_BENCH_SANDBOX_SECRET"

# What `tokodesk labels` and `tokodesk sync statuses` import, for the bytecode cache (bench/bytecode.py).
WARM = """
import tests.doubles, tokodesk.cli, tokodesk.commands.fulfil, tokodesk.commands.sync, tokodesk.services.fulfilment
import tokodesk.services.fulfilment.documents, tokodesk.services.booking_codes, tokodesk.services.channels
import tokodesk.services.orders, tokodesk.services.scheduler, tokodesk.store.connection, tokodesk.printing
import tokodesk.marketplace.tokopedia.client, tokodesk.marketplace.tiktokshop.client
import psycopg, requests, playhouse.migrate, keyring, json, uuid, resource, reportlab.platypus
"""


def child_main(argv: list[str]) -> int:
    from tests.doubles import use_memory_keyring

    use_memory_keyring()
    from tokodesk import credentials

    credentials.set_client_secret(CHANNEL, os.environ.pop(SECRET_ENV))
    from tokodesk.cli import main

    code = main(argv)
    print(f"BENCH_MAXRSS_KB={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)
    return code


def fresh_postgres(url: str, name: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{url.rsplit('/', 1)[0]}/{name}"


def prepare(db_url: str, sb, ids: list[str]) -> int:  # noqa: ANN001
    """Pull the sandbox's orders into the store; returns how many of `ids` arrived accepted without a code."""
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
            shop_name="Toko Bench",
        )
        client = TokopediaClient(channel.name, cr["fs_id"], cr["client_id"], cr["shop_id"], sb.url, sb.url,
                                 client_secret=cr["client_secret"], timeout=30)
        now = datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None)
        pull_orders(channel, client, now=now)
        client.close()
        return m.Order.select().where(m.Order.order_id.in_(ids) & (m.Order.state == "acknowledged")
                                      & m.Order.booking_code.is_null()).count()
    finally:
        close_database()


def run(argv: list[str], env: dict[str, str], sb) -> dict:  # noqa: ANN001
    before = Counter(sb.calls)
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--child", *argv], env=env, capture_output=True, text=True,
                          cwd=str(ROOT), check=False)
    elapsed = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    if proc.returncode not in (0, 1):
        print(proc.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"tokodesk {argv[0]} exited with {proc.returncode}")
    rss = next((int(x.split("=")[1]) for x in proc.stderr.splitlines() if x.startswith("BENCH_MAXRSS_KB=")), 0)
    return {"seconds": elapsed, "out": json.loads(proc.stdout or "{}"), "requests": Counter(sb.calls) - before,
            "rss_mb": rss / 1024, "cpu": cpu}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1000)
    parser.add_argument("--pool", type=int, default=2600, help="orders the sandbox generates (about 45%% paid)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--latency-ms", type=float, default=40.0)
    parser.add_argument("--jitter-ms", type=float, default=0.0)
    parser.add_argument("--db", metavar="URL", help="measure on PostgreSQL: a server URL (fresh databases are made)")
    parser.add_argument("--compile-each-start", action="store_true",
                        help="let each process compile the package again (with PYTHONDONTWRITEBYTECODE), as figures "
                             "before 5 Dec 2026 14:30 did; default: from compiled bytecode, as an installed TokoDesk")
    args = parser.parse_args(argv)

    from bench.bytecode import compiled_env, describe
    from tests.doubles import use_memory_keyring
    from tokodesk.sandbox import Sandbox

    use_memory_keyring()
    home = Path(tempfile.mkdtemp(prefix="tokodesk-bench-labels-"))
    os.environ["TOKODESK_HOME"] = str(home)
    load_before = os.getloadavg()[0]
    rows = []
    with Sandbox(seed=args.seed, orders=args.pool, products=60, days=1.0, freeze_clock=True) as sb:
        ids = [str(o.order_id) for o in sb.orders_in_status(220) if not o.courier.own][: args.orders]
        if len(ids) < args.orders:
            raise SystemExit(f"only {len(ids)} paid pick-up orders in the sandbox; raise --pool")
        for order_id in ids:
            sb.shop.ack(int(order_id))  # accepted in Seller Center
        dbs = []
        for copy in ("click", "refreshed"):
            url = (fresh_postgres(args.db, f"tokodesk_bench_labels_{copy}") if args.db
                   else f"sqlite:///{home / f'{copy}.db'}")
            ready = prepare(url, sb, ids)
            dbs.append(url)
            print(f"setup ({copy}): {ready} of {len(ids)} orders stored accepted without a booking code")
        sb.set_latency(args.latency_ms, args.jitter_ms)
        base_env = dict(os.environ, TOKODESK_HOME=str(home), TOKODESK_STATION="bench@desk1",
                        **{SECRET_ENV: sb.credentials["client_secret"]})
        if not args.compile_each_start:
            base_env = compiled_env(base_env, home / "bytecode", WARM)
        labels = ["labels", *ids, "--pdf", str(home / "labels.pdf"), "--json"]
        env = dict(base_env, TOKODESK_DB=dbs[0])
        rows.append(("labels, codes missing (the click)", run(labels, env, sb)))
        rows.append(("labels again (reprint)", run(labels, env, sb)))
        env = dict(base_env, TOKODESK_DB=dbs[1])
        rows.append(("sync statuses (background refresh)", run(["sync", "statuses", "--channel", CHANNEL, "--json"],
                                                               env, sb)))
        rows.append(("labels after the refresh (the click)", run(labels, env, sb)))

    backend = "PostgreSQL" if args.db else "SQLite"
    print(f"measured on {backend}, {len(ids)} orders, sandbox latency {args.latency_ms:g} ms ± {args.jitter_ms:g}, "
          f"{describe(base_env)}; load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, "
          f"{os.cpu_count()} cores")
    for name, row in rows:
        out = row["out"]
        made = out.get("labels")
        rate = f" = {made / row['seconds']:6,.0f} labels/s ({made} labels)" if made is not None else ""
        requests = ", ".join(f"{k} {n}" for k, n in sorted(row["requests"].items())) or "none"
        print(f"  {name:<38} {row['seconds']:6.2f} s{rate}; CPU {row['cpu']:.2f} s; requests: {requests}; "
              f"peak RSS {row['rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
