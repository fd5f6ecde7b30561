"""Packing video (issue 21): what recording costs the pack station, and whether the queue stays responsive.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_pack_video.py [--seconds 60] [--orders 30]

1. CPU: a program stands in for the camera (1280×720 at 25 frames a second into a QVideoFrameInput, the path a
   camera's frames take: sink → stamp → QVideoFrameInput → MPEG-4 recorder). The process's CPU time is measured
   over `--seconds` with the camera on and nothing recorded (the preview only), then while recording; the share is
   of one core and of the whole 2-core machine. The frames are pictures with texture and motion drawn once (a flat
   colour would compress to nothing and flatter the encoder); a real webcam's frames also cost their decoding
   (MJPEG) in Qt's camera thread, which this does not include.
2. MB per minute of the recorded file.
3. Responsiveness: the Orders tab on the built-in sandbox (Tokopedia, packing local), a scripted loop scans an order
   and waits until it is packed, `--orders` times; a 60 Hz heartbeat timer on the GUI thread records the gaps between
   its ticks (frame time). Measured with the camera recording and without a camera.
Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TOKODESK_HOME", tempfile.mkdtemp(prefix="tokodesk-bench-"))
os.environ.setdefault("TOKODESK_LANG", "en")
os.environ.setdefault("TOKODESK_STATION", "bench@desk1")
os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")

W, H, FPS = 1280, 720, 25


def wait(app, predicate, timeout_s: float = 60.0) -> None:  # noqa: ANN001
    """Run the event loop until `predicate()` (a benchmark's wait; the app itself never spins like this)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(5)
    deadline = time.monotonic() + timeout_s
    timer.timeout.connect(lambda: (predicate() or time.monotonic() > deadline) and loop.quit())
    timer.start()
    if not predicate():
        loop.exec()
    timer.stop()
    if not predicate():
        raise TimeoutError("the benchmark waited too long")


def run_for(app, seconds: float) -> None:  # noqa: ANN001
    end = time.monotonic() + seconds
    wait(app, lambda: time.monotonic() >= end, seconds + 5)


def pictures(n: int = 50) -> list:
    """`n` 720p pictures of a desk: textured background, boxes moving across, text — drawn once."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    rng = random.Random(21)
    background = QImage(W, H, QImage.Format.Format_RGB32)
    painter = QPainter(background)
    for _ in range(4000):
        painter.fillRect(rng.randrange(W), rng.randrange(H), rng.randrange(4, 40), rng.randrange(4, 40),
                         QColor(rng.randrange(90, 170), rng.randrange(80, 150), rng.randrange(60, 120)))
    painter.end()
    # A webcam's sensor noise: a different grain on every frame (the encoder pays for it, as it does for a camera).
    grains = []
    for _ in range(5):
        grain = QImage(os.urandom(W * H * 4), W, H, QImage.Format.Format_ARGB32).copy()
        grains.append(grain)
    out = []
    for i in range(n):
        image = background.copy()
        painter = QPainter(image)
        painter.setOpacity(0.06)
        painter.drawImage(0, 0, grains[i % len(grains)])
        painter.setOpacity(1.0)
        painter.fillRect(QRect(200 + i * 12, 250 + (i % 10) * 6, 360, 240), QColor(190, 150, 90))
        painter.fillRect(QRect(700 - i * 5, 120, 220, 160), QColor(230, 230, 225))
        font = QFont("DejaVu Sans")
        font.setPixelSize(28)
        painter.setFont(font)
        painter.drawText(710 - i * 5, 200, "FRAGILE")
        painter.end()
        out.append(image)
    return out


class FakeCamera:
    def __init__(self, images: list) -> None:
        from PySide6.QtCore import Qt, QTimer
        from PySide6.QtMultimedia import QVideoFrameInput

        self.images = images
        self.input = QVideoFrameInput()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1000 // FPS)
        self.timer.timeout.connect(self.send)
        self.sent = 0

    def send(self) -> None:
        from PySide6.QtMultimedia import QVideoFrame

        self.input.sendVideoFrame(QVideoFrame(self.images[self.sent % len(self.images)]))
        self.sent += 1


def cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def measure_recording(app, seconds: float, folder: Path) -> dict:  # noqa: ANN001
    from tokodesk.services import pack_video as pv
    from tokodesk.store import models as m
    from tokodesk.ui.pack_video import PackRecorder

    channel = m.Channel.create(name="Bench video")
    order = m.Order.create(channel=channel, order_id="579000000000001", invoice="INV/20261205/MPL/1",
                           state="acknowledged", created_at=m.utcnow())
    settings = pv.VideoSettings(camera="bench", folder=folder, keep_days=0, keep_bytes=0, max_seconds=3600,
                                station="bench@desk1")
    recorder = PackRecorder(settings=settings, min_free=1)
    camera = FakeCamera(pictures())
    recorder.attach_source(camera.input)
    camera.timer.start()
    run_for(app, 2)  # warm up

    c0, t0 = cpu_seconds(), time.monotonic()
    run_for(app, min(20.0, seconds / 2))
    idle_share = (cpu_seconds() - c0) / (time.monotonic() - t0)

    recorder.begin(pv.clip_order(order.id))
    sent0 = camera.sent
    c0, t0 = cpu_seconds(), time.monotonic()
    run_for(app, seconds)
    wall = time.monotonic() - t0
    busy_share = (cpu_seconds() - c0) / wall
    clip = recorder.clip
    frames, dropped, sent = clip.frames, clip.dropped, camera.sent - sent0
    recorder.end("pack")
    wait(app, lambda: not recorder.finishing, 60)
    camera.timer.stop()
    row = m.Clip.get(m.Clip.order == order.id)
    recorder.shutdown()
    return {"idle": idle_share, "busy": busy_share, "wall": wall, "frames": frames, "dropped": dropped,
            "sent": sent, "mb_per_min": row.size_bytes / 1024**2 / (wall / 60), "bytes": row.size_bytes}


def measure_queue(app, orders: int, record: bool, folder: Path) -> dict:  # noqa: ANN001
    """Scan `orders` acknowledged orders one after the other, each until it is packed; the GUI thread's frame gaps."""
    from PySide6.QtCore import Qt, QTimer

    from tests.doubles import use_memory_keyring
    from tokodesk import credentials
    from tokodesk.marketplace.tokopedia import CAPABILITIES
    from tokodesk.sandbox import Sandbox
    from tokodesk.services import catalog
    from tokodesk.services import orders as order_service
    from tokodesk.services.channels import default_order_sync_from
    from tokodesk.store import models as m
    from tokodesk.ui import queries as q
    from tokodesk.ui.context import AppContext
    from tokodesk.ui.orders_tab import OrdersTab

    use_memory_keyring()
    with Sandbox(seed=5, products=20, orders=orders * 3, days=1, freeze_clock=False) as sb:
        creds = sb.credentials
        channel = m.Channel.create(
            name=f"Bench queue {folder.name}", marketplace="tokopedia", fs_id=str(creds["fs_id"]),
            client_id=creds["client_id"], shop_id=str(creds["shop_id"]), api_base=sb.url, auth_url=sb.url,
            warehouse_id=str(creds.get("warehouse_id", "")), order_sync_from=default_order_sync_from(CAPABILITIES),
            orders_on_invoice=True, business_model="pickup", ready_to_ship_at="pack")
        credentials.set_secret(channel.name, "client_secret", creds["client_secret"])
        catalog.pull_skus(channel)
        order_service.pull_orders(channel)
        m.AppSetting.write("video_camera", "bench" if record else "")
        m.AppSetting.write("video_folder", str(folder))
        m.AppSetting.write("pack_check", False)
        ctx = AppContext()
        ctx.channels = {c["id"]: c for c in m.Channel.select().dicts()}
        ctx.channel_id = channel.id
        tab = OrdersTab(ctx)
        tab.resize(1366, 700)
        tab.show()
        wait(app, lambda: tab.loaded and not ctx.jobs.busy())
        camera = None
        if record:
            camera = FakeCamera(pictures())
            tab.video.recorder.min_free = 1
            tab.video.recorder.attach_source(camera.input)
            camera.timer.start()
        new = [r[q.R_PK] for r in tab.model.all_rows() if r[q.R_STATE] == "new"]
        tab.select_pks(new)
        tab.acknowledge()
        wait(app, lambda: not ctx.jobs.busy(), 120)
        # Orders whose every line is mapped to a seller SKU: the others are refused at Pack (by design).
        todo = [r for r in tab.model.all_rows() if r[q.R_STATE] == "acknowledged" and not r[q.R_UNMAPPED]
                and all(ln.seller_sku for ln in m.OrderLine.select().where(m.OrderLine.order == r[q.R_PK]))][:orders]

        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            last[0] = now

        heartbeat = QTimer()
        heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
        heartbeat.setInterval(16)
        heartbeat.timeout.connect(tick)
        heartbeat.start()
        per_order: list[float] = []
        refused: list[str] = []
        for row in todo:
            pk = row[q.R_PK]
            start = time.perf_counter()
            tab.scan.setText(row[q.R_INVOICE] or row[q.R_ORDER_ID])
            tab.scan.returnPressed.emit()
            try:
                wait(app, lambda pk=pk: m.Order.get_by_id(pk).state != "acknowledged", 20)
            except TimeoutError:
                refused.append(f"{row[q.R_INVOICE]}: {tab.banner.text() or 'not packed after 20 s'}")
                continue
            per_order.append((time.perf_counter() - start) * 1000)
            run_for(app, 0.3)  # the packer puts the parcel down
        heartbeat.stop()
        if camera is not None:
            camera.timer.stop()
        tab.video.shutdown()
        wait(app, lambda: tab.video.recorder is None or not tab.video.recorder.finishing, 60)
        wait(app, lambda: not ctx.jobs.busy("video"), 60)
        clips = m.Clip.select().where(m.Clip.path.startswith(str(folder))).count() if record else 0
        ctx.jobs.shutdown()
        tab.close()
    gaps.sort()
    return {"orders": len(todo), "p50": statistics.median(gaps), "p95": gaps[int(len(gaps) * 0.95)],
            "p99": gaps[int(len(gaps) * 0.99)], "max": gaps[-1], "over_50": sum(1 for g in gaps if g > 50),
            "ticks": len(gaps), "scan_ms": statistics.median(per_order), "clips": clips, "refused": refused}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to record (default 60)")
    parser.add_argument("--orders", type=int, default=30, help="orders scanned and packed per run (default 30)")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from tokodesk.store.connection import open_database

    open_database()
    app = QApplication(["bench"])
    folder = Path(tempfile.mkdtemp(prefix="tokodesk-bench-videos-"))
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores, load average {os.getloadavg()[0]:.1f} (shared with other work)")

    r = measure_recording(app, args.seconds, folder)
    print(f"camera on, not recording (preview only): {r['idle'] * 100:.0f}% of one core")
    print(f"recording 720p at {FPS} fps for {r['wall']:.0f} s: {r['busy'] * 100:.0f}% of one core = "
          f"{r['busy'] * 100 / cores:.0f}% of the {cores}-core machine; frames recorded {r['frames']} of "
          f"{r['sent']} sent ({r['dropped']} dropped by the encoder's queue)")
    print(f"file: {r['bytes'] / 1024**2:.1f} MB, {r['mb_per_min']:.1f} MB per minute "
          f"({r['mb_per_min'] * 60 / 1024:.1f} GB per hour of packing)")

    # Alternated, twice each: the other work on the shared machine changes from minute to minute.
    for n, record in enumerate((False, True, False, True)):
        s = measure_queue(app, args.orders, record, folder / f"queue-{n}")
        print(f"scan-and-pack loop, {s['orders']} orders, {'recording' if record else 'no camera'}: "
              f"frame time p50 {s['p50']:.0f} ms, p95 {s['p95']:.0f} ms, p99 {s['p99']:.0f} ms, max {s['max']:.0f} ms; "
              f"{s['over_50']} of {s['ticks']} frames over 50 ms; scan → packed median {s['scan_ms']:.0f} ms; "
              f"load {os.getloadavg()[0]:.1f}"
              + (f"; {s['clips']} clips" if record else ""))
        for note in s["refused"]:
            print(f"  not packed: {note}")
    print(f"load average at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
