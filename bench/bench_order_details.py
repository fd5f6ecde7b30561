"""Reading Tokopedia & Shop orders by id (Get Order Detail, 50 ids a call) from the sandbox at a real network's latency.

    .venv/bin/python bench/bench_order_details.py [--orders 1000] [--latency-ms 40] [--rounds 5] [--serial]

What reads orders by id: resuming open actions (200 a round), the batch ship's reads before and after each batch
call, the labels kept right after a ship (every shipped order), the status refresh, the buyers' cancel requests.
Here `TikTokShopClient.get_orders` reads `--orders` ids `--rounds` times in this process, against the sandbox on
loopback answering `--latency-ms` late with the documented 50 requests a second per API. `--serial` reads the calls
one after another, as before issue 19 §3 (`DETAIL_READERS = 1`), on the same tree.

Prints the median seconds of a read, orders/s, the calls per read, the process's CPU seconds (the sandbox shares the
process: its CPU is in that figure) and the load average; checks every order came back once, in the order asked, and
none was refused for the rate limit. Asserts no timing.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=1000, help="ids read per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--latency-ms", type=float, default=40.0, help="the sandbox answers this late")
    parser.add_argument("--serial", action="store_true", help="one call after another, as before issue 19 §3")
    args = parser.parse_args(argv)

    from bench.bench_tiktokshop_pull import CHANNEL, add_channel
    from tests.doubles import use_memory_keyring
    from tokodesk.marketplace.tiktokshop import TikTokShopClient
    from tokodesk.marketplace.tiktokshop import client as tts_client
    from tokodesk.sandbox import Sandbox
    from tokodesk.sandbox import tiktokshop_json as tj
    from tokodesk.store import models as m
    from tokodesk.store.connection import close_database, open_database

    use_memory_keyring()  # the sandbox's tokens: never in the desktop's keyring
    home = Path(tempfile.mkdtemp(prefix="tokodesk-bench-details-"))
    os.environ["TOKODESK_HOME"], os.environ["TOKODESK_DB"] = str(home), f"sqlite:///{home / 'tokodesk.db'}"
    if args.serial:
        tts_client.DETAIL_READERS = 1
    with Sandbox(seed=args.seed, orders=int(args.orders * 1.2), products=60, dialect="tiktokshop", days=2.5,
                 rate_limit=50) as sb:
        add_channel(sb)
        open_database()
        try:
            client = TikTokShopClient.from_channel(m.Channel.get(m.Channel.name == CHANNEL), timeout=30)
        finally:
            close_database()
        ids = sorted(tj.order_id(o) for o in sb.shop.orders.values())[: args.orders][::-1]
        sb.set_latency(args.latency_ms)
        client.get_orders(ids[:1])  # the token and the connection, as a running app has them
        before = Counter(sb.calls)
        load_before = os.getloadavg()[0]
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        times, same = [], True
        for _ in range(args.rounds):
            started = time.perf_counter()
            orders = client.get_orders(ids)
            times.append(time.perf_counter() - started)
            same = same and [o.order_id for o in orders] == ids
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        calls = Counter(sb.calls) - before
        refused = sum(1 for r in sb.request_log if r.status == 429)
        client.close()
    cpu = (cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime) / args.rounds
    median = statistics.median(times)
    how = "one call after another (before)" if args.serial else \
        f"{tts_client.DETAIL_READERS} calls side by side"
    print(f"measured: get_orders of {len(ids)} Tokopedia & Shop orders by id, {how}, {args.rounds} rounds; sandbox "
          f"latency {args.latency_ms:g} ms, 50 requests/s per API; load average {load_before:.1f} before, "
          f"{os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
    print(f"  median {median:.3f} s a read (min {min(times):.3f}, max {max(times):.3f}) = {len(ids) / median:,.0f} "
          f"orders/s; CPU of the process (the sandbox's too) {cpu:.2f} s a read")
    print(f"  calls per read: {calls['order_detail'] / args.rounds:g} order_detail; refused for the rate limit: "
          f"{refused}")
    if not same or refused:
        print("NOT every order came back once in the order asked, or a call was refused", file=sys.stderr)
        return 1
    print("every order came back once, in the order asked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
