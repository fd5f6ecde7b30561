"""The CPU one marketplace request costs the client: the Tokopedia client accepting orders in the sandbox, one at a
time on one thread, over loopback (no latency).

    .venv/bin/python bench/bench_request_cost.py [--requests 800] [--profile]

Prints the CPU time of the calling thread per request (the sandbox answers on its own threads, not counted) and,
with --profile, where it goes (cProfile on the thread's CPU clock). Asserts no timing.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=800)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)

    from tests.doubles import use_memory_keyring
    from tokodesk.marketplace.tokopedia import TokopediaClient
    from tokodesk.sandbox import Sandbox

    use_memory_keyring()  # the client caches its token: never in the desktop's keyring
    with Sandbox(seed=3, orders=max(1200, 2 * args.requests), products=60, days=1.0, freeze_clock=True) as sb:
        cr = sb.credentials
        client = TokopediaClient("bench", cr["fs_id"], cr["client_id"], cr["shop_id"], sb.url, sb.url,
                                 client_secret=cr["client_secret"], timeout=30)
        ids = [str(o.order_id) for o in sb.orders_in_status(220)][: args.requests + 1]
        client.acknowledge(ids[0])  # the token and the connection: not counted
        profile = cProfile.Profile(time.thread_time) if args.profile else None
        cpu, wall = time.thread_time(), time.perf_counter()
        if profile is not None:
            profile.enable()
        for order_id in ids[1:]:
            client.acknowledge(order_id)
        if profile is not None:
            profile.disable()
        cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
        client.close()
    count = len(ids) - 1
    print(f"{count} accept requests, one thread: {1000 * cpu / count:.3f} ms of the client's CPU per request "
          f"({1000 * wall / count:.3f} ms wall); load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if profile is not None:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
