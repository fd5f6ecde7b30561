"""A working day at the desk, accelerated: the window with its scheduler and live refresh, sync intervals of 1 minute,
new orders arriving, for several hours of simulated time. Prints the resident memory's slope per simulated hour.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_soak_window.py [--hours 4] [--warmup-cycles 80]

The sandbox shop runs in a child process (its own memory is not the window's) and speaks Tokopedia & Shop; its
clock runs 60× so an hour of new orders arrives per real minute. Each cycle moves the scheduler's clock one minute
on and runs what is due (orders, statuses, the stock push when stock moved) in the channel's lane, exactly as the
window's timer does; the queue's live refresh polls as often per simulated minute as its timer does per real
minute. The first cycles are a warm-up (caches, the sync log filling up to its 200 rows).
Asserts nothing; prints figures.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TOKODESK_HOME", tempfile.mkdtemp(prefix="tokodesk-soak-"))
os.environ.setdefault("TOKODESK_LANG", "en")


def rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def serve_shop(conn) -> None:  # noqa: ANN001 - a multiprocessing connection
    from tokodesk.sandbox import Sandbox

    sandbox = Sandbox(seed=7, products=40, orders=120, days=3, dialect="tiktokshop", new_orders_per_hour=60,
                      buyer_cancels_per_hour=2, time_scale=60).start()
    conn.send({"url": sandbox.url, "credentials": dict(sandbox.credentials),
               "code": sandbox.dialect.issue_auth_code()})
    conn.recv()  # until the parent says stop
    sandbox.stop()


def slope_per_hour(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (simulated hours, MB)."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    var = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / var if var else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=4.0, help="simulated hours measured after the warm-up")
    parser.add_argument("--warmup-cycles", type=int, default=80, help="simulated minutes before measuring")
    args = parser.parse_args()

    parent, child = multiprocessing.Pipe()
    shop = multiprocessing.get_context("spawn").Process(target=serve_shop, args=(child,), daemon=True)
    shop.start()
    info = parent.recv()

    import keyring

    from tokodesk.ui.demo import DemoKeyring

    keyring.set_keyring(DemoKeyring())
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from tokodesk import credentials
    from tokodesk.services import catalog, scheduler
    from tokodesk.services.channels import adapter_for
    from tokodesk.store import models as m
    from tokodesk.store.connection import open_database
    from tokodesk.ui.context import AppContext
    from tokodesk.ui.main_window import MainWindow
    from tokodesk.ui.scheduling import SchedulerDriver

    open_database(f"sqlite:///{os.environ['TOKODESK_HOME']}/soak.db")
    creds = info["credentials"]
    channel = m.Channel.create(
        name="Soak", marketplace="tiktokshop", api_base=info["url"], auth_url=info["url"], app_key=creds["app_key"],
        service_id=str(creds["service_id"]), shop_cipher=creds.get("shop_cipher", ""),
        shop_id=str(creds.get("shop_id", "")), warehouse_id=str(creds.get("warehouse_id", "")),
        orders_every_min=1, statuses_every_min=1, inventory_every_min=1,
    )
    credentials.set_secret(channel.name, "app_secret", creds["app_secret"])
    client = adapter_for(channel)
    try:
        client.authorize(info["code"])
    finally:
        client.close()
    catalog.pull_skus(channel)

    clock = [m.utcnow()]
    due_runs = scheduler.due_runs
    scheduler.due_runs = lambda now=None, channels=None: due_runs(clock[0], channels)

    from tokodesk.ui.orders_tab import LIVE_INTERVAL_MS

    LIVE_POLLS_PER_MINUTE = 60_000 // LIVE_INTERVAL_MS  # noqa: N806
    ctx = AppContext()
    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    driver = SchedulerDriver(ctx, window, interval_ms=3_600_000)  # ticked by hand below, one simulated minute each

    def spin(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.005)

    def settle() -> None:
        started = time.monotonic()
        while ctx.jobs.busy() and time.monotonic() - started < 60:
            spin(0.01)

    def cycle() -> None:
        clock[0] += timedelta(minutes=1)
        driver.tick()
        spin(0.05)
        settle()
        # What the queue's live-refresh timer does in a minute at the desk, between two scheduler ticks.
        for _ in range(LIVE_POLLS_PER_MINUTE):
            window.orders_tab.poll_changes()
            spin(0.002)
            settle()

    t0 = time.monotonic()
    for _ in range(args.warmup_cycles):
        cycle()
    points: list[tuple[float, float]] = []
    cycles = int(args.hours * 60)
    start_rss = rss_mb()
    for i in range(cycles + 1):
        if i % 10 == 0:
            points.append((i / 60, rss_mb()))
        if i < cycles:
            cycle()
    runs = m.SyncRun.select().count()
    orders = m.Order.select().count()
    elapsed = time.monotonic() - t0
    window.close()
    ctx.jobs.shutdown()
    parent.send("stop")
    shop.join(10)

    print(f"window soak: {args.warmup_cycles} warm-up + {cycles} measured simulated minutes in {elapsed:.0f} s real; "
          f"{runs} sync runs, {orders} orders at the end")
    print(f"RSS after warm-up {start_rss:.1f} MB, at the end {points[-1][1]:.1f} MB")
    print(f"RSS slope: {slope_per_hour(points):+.2f} MB per simulated hour (least squares over {len(points)} samples)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
