"""Stock push at 5,000 mapped SKUs against the in-process sandbox (Tokopedia dialect, real clock, loopback).

    .venv/bin/python bench/bench_stock_push.py [--skus 5000] [--rate 500] [--burst N] [--changes 50]

Measures, through `tokodesk.services.stock_push.push_stock` and the real Tokopedia client:
1. a first full push (every SKU differs from nothing);
2. a delta push after `--changes` stock changes: it must send exactly that many rows, in one request;
3. a full push of every SKU: it should send rows ÷ 100 requests and take no longer than 1.1 × rows ÷ the
   sandbox's rate limit (each row counts as one request against Tokopedia's limit: bulk weighting).
Prints the figures; exits 1 when a bound is not met.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _memory_keyring() -> None:
    from tests.doubles import use_memory_keyring

    use_memory_keyring()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skus", type=int, default=5000)
    parser.add_argument("--rate", type=float, default=500.0, help="sandbox rate limit of stock_update, rows/s")
    parser.add_argument("--burst", type=int, default=None, help="sandbox burst (default: the rate)")
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)

    home = tempfile.mkdtemp(prefix="tokodesk-bench-")
    os.environ["TOKODESK_HOME"] = home
    _memory_keyring()  # the benchmark must not touch (or need) the desktop's keyring
    from tokodesk.marketplace.tokopedia import TokopediaClient
    from tokodesk.sandbox import Sandbox
    from tokodesk.services import inventory, stock_push
    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database

    open_database(f"sqlite:///{Path(home) / 'bench.db'}")
    products = max(60, args.skus // 2)
    sb = Sandbox(seed=args.seed, products=products, orders=0, rate_limit={"stock_update": args.rate},
                 rate_burst=args.burst)
    sb.start()
    try:
        sellable = [p for p in sb.shop.products.values() if not p.is_parent][: args.skus]
        if len(sellable) < args.skus:
            print(f"the sandbox made only {len(sellable)} sellable products", file=sys.stderr)
            return 1
        cr = sb.credentials
        channel = m.Channel.create(name="bench", marketplace="tokopedia", fs_id=str(cr["fs_id"]),
                                   client_id=cr["client_id"], shop_id=str(cr["shop_id"]), api_base=sb.url,
                                   auth_url=sb.url, last_order_pull_to=m.utcnow())
        t0 = time.perf_counter()
        with m.db.atomic():
            m.SkuMapping.insert_many(
                [{"channel": channel.id, "product_id": str(p.product_id), "marketplace_sku": p.sku,
                  "seller_sku": f"S{i:05d}"} for i, p in enumerate(sellable)]
            ).execute()
        inventory.set_stock([(f"S{i:05d}", (i * 7) % 97) for i in range(args.skus)])
        t_setup = time.perf_counter() - t0
        t0 = time.perf_counter()
        levels = inventory.compute_availability(channel)
        t_compute = time.perf_counter() - t0
        client = TokopediaClient("bench", cr["fs_id"], cr["client_id"], cr["shop_id"], sb.url, sb.url,
                                 client_secret=cr["client_secret"], timeout=30)
        client.shop_info()  # the token, outside the timings

        def timed_push(method: str):
            before = sb.calls.get("stock_update", 0)
            t = time.perf_counter()
            out = stock_push.push_stock(channel, client, method=method)
            # The read-back of the pushed SKUs (so "Marketplace stock" is fresh) is timed apart from the push.
            return out, time.perf_counter() - t - out.read_back_seconds, sb.calls.get("stock_update", 0) - before

        first, t_first, r_first = timed_push("full")
        time.sleep(max(1.0, (args.burst or args.rate) / args.rate))  # let the bucket refill between runs

        changed = [f"S{i:05d}" for i in range(0, args.skus, max(1, args.skus // args.changes))][: args.changes]
        inventory.set_stock([(sku, 1000 + n) for n, sku in enumerate(changed)])
        delta, t_delta, r_delta = timed_push("delta")
        time.sleep(max(1.0, (args.burst or args.rate) / args.rate))

        full, t_full, r_full = timed_push("full")
        bound = 1.1 * args.skus / args.rate
        exact = all(sb.shop.products[int(lv.product_id)].stock == lv.available
                    for lv in inventory.compute_availability(channel))
    finally:
        sb.stop()

    print(f"stock push benchmark: {args.skus} mapped SKUs, sandbox stock_update limit {args.rate:g} rows/s "
          f"(burst {args.burst or int(args.rate)})")
    print(f"  setup (mappings + stock set):    {t_setup:7.3f} s")
    print(f"  available for {len(levels)} SKUs:      {t_compute * 1000:7.1f} ms (one aggregate query)")
    print(f"  first push (full):               {t_first:7.3f} s, {first.sent} rows, {r_first} requests, "
          f"{first.accepted} accepted, {first.failed} failed")
    print(f"  delta push after {args.changes} changes:    {t_delta:7.3f} s, {delta.sent} rows, {r_delta} requests, "
          f"{delta.accepted} accepted")
    print(f"  full push:                       {t_full:7.3f} s, {full.sent} rows, {r_full} requests, "
          f"{full.accepted} accepted, {full.failed} failed")
    print(f"  read back after the full push:   {full.read_back_seconds:7.3f} s, {full.read_back} SKUs")
    print(f"  bound 1.1 × rows ÷ rate:         {bound:7.3f} s  → full push {'within' if t_full <= bound else 'OVER'}")
    print(f"  marketplace equals TokoDesk:     {'yes' if exact else 'NO'}")
    checks = {
        f"delta push sends exactly {args.changes} rows in one request": delta.sent == args.changes and r_delta == 1,
        f"full push sends {args.skus} rows, all accepted": full.sent == args.skus and full.accepted == args.skus,
        f"full push uses {-(-args.skus // 100)} requests": r_full == -(-args.skus // 100),
        f"every pushed SKU read back ({args.skus})": full.read_back == args.skus,
        "full push within 1.1 × rows ÷ rate": t_full <= bound,
        "marketplace equals TokoDesk": exact,
    }
    for name, passed in checks.items():
        print(f"  [{'ok' if passed else 'NOT MET'}] {name}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
