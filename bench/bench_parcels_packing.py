"""The queue's read of split orders packed a parcel at a time (`ui/queries._parcels_packing`) at 100,000 orders.

    .venv/bin/python bench/bench_parcels_packing.py [--orders 100000]

Seeds bench_queue's orders into a throwaway SQLite file, gives every order a package (one in ten a second, one in
seven packed), then times the read for all shops and for one channel (median and best of 7) beside `order_rows`'s
CPU time. Prints the figures and the load average; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("TOKODESK_HOME", tempfile.mkdtemp(prefix="tokodesk-bench-"))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=100_000)
    args = parser.parse_args()
    from bench_queue import seed

    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database
    from tokodesk.ui import queries as q

    open_database(f"sqlite:///{os.environ['TOKODESK_HOME']}/parcels.db")
    seed(args.orders)
    channel = m.Channel.get()
    now = m.utcnow()
    with m.db.atomic():
        pks = [pk for (pk,) in m.Order.select(m.Order.id).tuples()]
        rows = []
        for i, pk in enumerate(pks):
            rows.append({"channel": channel.id, "package_id": f"P{pk}a", "status": "TO_FULFILL", "updated_at": now,
                         "packed_at": now if i % 7 == 0 else None})
            if i % 10 == 0:
                rows.append({"channel": channel.id, "package_id": f"P{pk}b", "status": "TO_FULFILL",
                             "updated_at": now})
        for start in range(0, len(rows), 5000):
            m.Package.insert_many(rows[start:start + 5000]).execute()
        ids = dict(m.Package.select(m.Package.package_id, m.Package.id).tuples())
        links = [(ids[f"P{pk}{part}"], pk) for pk in pks for part in "ab" if f"P{pk}{part}" in ids]
        for start in range(0, len(links), 5000):
            m.PackageOrder.insert_many(links[start:start + 5000],
                                       fields=[m.PackageOrder.package, m.PackageOrder.order]).execute()
    to_pack = m.Order.select().where(m.Order.state == "acknowledged").count()
    print(f"{args.orders} orders, {len(rows)} packages, {to_pack} to pack")
    for label, channel_id in (("all shops", None), ("one channel", channel.id)):
        times = []
        for _ in range(7):
            start = time.perf_counter()
            found = q._parcels_packing(m.db.obj, channel_id, None)
            times.append(time.perf_counter() - start)
        times.sort()
        print(f"parcels read, {label}: median {times[3] * 1000:.1f} ms, best {times[0] * 1000:.1f} ms, "
              f"{len(found)} orders half packed; load {os.getloadavg()[0]:.1f}")
    start = time.process_time()
    q.order_rows(channel.id)
    print(f"order_rows: {time.process_time() - start:.2f} s CPU; load {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
