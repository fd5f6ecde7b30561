"""Pull 10,000 orders from the sandbox through the Tokopedia client and print pages/s and orders/s.

    .venv/bin/python bench/bench_client_pull.py [--orders 10000] [--days 30] [--seed 1]

The sandbox runs in-process on loopback with its rate limit off, so the figure is the client's own cost
(HTTP, JSON, parsing into dataclasses) plus the sandbox's serving cost. The token is kept in an in-memory keyring:
a benchmark must not write into the desktop's keyring.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.doubles import use_memory_keyring  # noqa: E402
from tokodesk.marketplace.base import InvalidOrder  # noqa: E402
from tokodesk.marketplace.tokopedia import TokopediaClient  # noqa: E402
from tokodesk.sandbox import Sandbox  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=10_000)
    parser.add_argument("--days", type=float, default=30.0, help="spread of the orders (windows of < 3 days)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--latency-ms", type=float, default=0.0, help="the sandbox answers this late (a real network)")
    parser.add_argument("--jitter-ms", type=float, default=0.0, help="± this much on each answer's delay")
    args = parser.parse_args(argv)
    use_memory_keyring()

    started = time.perf_counter()
    with Sandbox(seed=args.seed, orders=args.orders, products=40, days=args.days, freeze_clock=True,
                 latency_ms=args.latency_ms, jitter_ms=args.jitter_ms) as sb:
        built = time.perf_counter() - started
        cr = sb.credentials
        client = TokopediaClient("bench", cr["fs_id"], cr["client_id"], cr["shop_id"], sb.url, sb.url,
                                 client_secret=cr["client_secret"], sleep=sb.clock.advance, clock=sb.clock.monotonic)
        now = datetime.fromtimestamp(sb.clock.now(), timezone.utc)
        client.shop_info()  # token and connection warm, outside the timing
        pages = orders = invalid = 0
        t0 = time.perf_counter()
        for page in client.list_orders(now - timedelta(days=args.days + 1), now + timedelta(minutes=1)):
            pages += 1
            orders += len(page)
            invalid += sum(isinstance(o, InvalidOrder) for o in page)
        elapsed = time.perf_counter() - t0
        requests_made = sb.calls.get("order_list", 0)
        client.close()
    expected = len(sb.shop.orders)
    print(f"sandbox: {expected} orders over {args.days:g} days, built in {built:.1f}s")
    print(f"pulled {orders} orders ({invalid} unreadable) in {pages} pages / {requests_made} requests "
          f"in {elapsed:.2f}s")
    print(f"{requests_made / elapsed:.1f} requests/s, {pages / elapsed:.1f} pages/s, {orders / elapsed:.0f} orders/s")
    if orders != expected:
        print(f"MISMATCH: the sandbox holds {expected} orders", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
