"""How long the Payouts tab and `tokodesk payouts list` wait for `payout_book.load()` on a big shop.

    .venv/bin/python bench/bench_payouts_load.py [--orders 20000] [--db postgresql://…/postgres]

Fills a fresh store (SQLite in a temporary folder, or a fresh PostgreSQL database `tokodesk_bench_payouts`) with
`--orders` completed orders of two lines each, a settlement line for each of them (every fifth with an adjustment
line in a later statement), an estimate for a tenth more, and cost prices; then times `load()` (three runs) and the
reports the tab shows (unexpected, overdue, weekly, fee totals, SKU margins), and the CSV export. Prints the figures;
asserts nothing about time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def fill(n: int) -> None:
    from tokodesk.store import models as m

    channel = m.Channel.create(name="bench", marketplace="tiktokshop")
    start = datetime(2026, 9, 1)
    skus = [f"SKU-{i:03d}" for i in range(200)]
    m.StockItem.insert_many([{"seller_sku": s, "on_hand": 10, "cost_price": 10_000 + i * 100}
                             for i, s in enumerate(skus)]).execute()
    fees = [["revenue", "subtotal_before_discount_amount", 100_000],
            ["fee", "platform_commission_amount", -6_970], ["fee", "dynamic_commission_amount", -4_000],
            ["fee", "transaction_fee_amount", -1_250]]
    with m.db.atomic():
        statements = {}
        for day in range(120):
            statements[day] = m.Statement.create(channel=channel, statement_id=f"S{day}",
                                                 statement_time=start + timedelta(days=day), settlement_amount=0,
                                                 transactions_read_at=start)
        orders, lines, settled, estimates = [], [], [], []
        for i in range(n):
            created = start + timedelta(minutes=i * 5)
            orders.append({"channel": channel.id, "order_id": f"O{i}", "invoice": f"INV/{i}", "state": "completed",
                           "total_amount": 109_000, "created_at": created, "updated_at": created})
        for chunk in range(0, n, 1000):
            m.Order.insert_many(orders[chunk:chunk + 1000]).execute()
        ids = {o.order_id: o.id for o in m.Order.select(m.Order.id, m.Order.order_id)}
        for i in range(n):
            for line_no in range(2):
                lines.append({"order": ids[f"O{i}"], "line_no": line_no, "sku": skus[(i + line_no) % 200],
                              "seller_sku": skus[(i + line_no) % 200], "quantity": 1, "price": 50_000})
            day = min(119, (i * 5) // 1440 + 3)
            if i % 10 == 9:
                estimates.append({"channel": channel.id, "transaction_id": f"E{i}", "order_id": f"O{i}",
                                  "est_settlement_amount": 87_780, "amounts": fees})
                continue
            settled.append({"channel": channel.id, "statement": statements[day].id, "transaction_id": f"T{i}",
                            "order_id": f"O{i}", "statement_time": statements[day].statement_time,
                            "settlement_amount": 87_780, "amounts": fees})
            if i % 5 == 0:
                later = min(119, day + 3)
                settled.append({"channel": channel.id, "statement": statements[later].id, "transaction_id": f"A{i}",
                                "kind": "SHIPPING_FEE_ADJUSTMENT", "order_id": f"O{i}", "adjustment_id": f"J{i}",
                                "statement_time": statements[later].statement_time, "settlement_amount": -2_000,
                                "adjustment_amount": -2_000, "amounts": []})
        for rows, model in ((lines, m.OrderLine), (settled, m.SettlementLine), (estimates, m.UnsettledEstimate)):
            for chunk in range(0, len(rows), 1000):
                model.insert_many(rows[chunk:chunk + 1000]).execute()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=20_000)
    parser.add_argument("--db", default="", help="a PostgreSQL server URL (default: SQLite in a temporary folder)")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="tokodesk-bench-payouts-")
    os.environ["TOKODESK_HOME"] = home
    from tokodesk.store.connection import open_database

    if args.db:
        import psycopg

        base = args.db.rsplit("/", 1)[0]
        with psycopg.connect(args.db, autocommit=True) as admin:
            admin.execute("DROP DATABASE IF EXISTS tokodesk_bench_payouts")
            admin.execute("CREATE DATABASE tokodesk_bench_payouts")
        open_database(f"{base}/tokodesk_bench_payouts")
    else:
        open_database(f"sqlite:///{Path(home) / 'bench.db'}")
    from tokodesk.services import payout_book, payout_export

    t = time.perf_counter()
    fill(args.orders)
    print(f"filled {args.orders} orders in {time.perf_counter() - t:.1f} s ({'PostgreSQL' if args.db else 'SQLite'})")
    for run in range(3):
        t = time.perf_counter()
        book = payout_book.load(now=datetime(2027, 1, 15))
        print(f"load() run {run + 1}: {time.perf_counter() - t:.2f} s, {len(book.orders)} orders, "
              f"{len(book.records)} settlement lines")
    t = time.perf_counter()
    unexpected, late = book.unexpected(), book.overdue()
    weeks, fees, margins = book.weekly(), book.fee_totals(), book.sku_margins()
    print(f"reports: {time.perf_counter() - t:.2f} s ({len(unexpected)} unexpected, {len(late)} overdue, "
          f"{len(weeks)} weeks, {len(fees)} fee kinds, {len(margins)} SKUs)")
    t = time.perf_counter()
    payout_export.export_csv(book, Path(home) / "payouts.csv")
    print(f"CSV export: {time.perf_counter() - t:.2f} s, {(Path(home) / 'payouts.csv').stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
