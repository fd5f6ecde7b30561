"""Benchmark: 1,000 own shipping labels (100×150 mm, Code 128 + QR) into one PDF.

Prints labels/s and KB/label. Targets (issue 5): at least 300 labels/s and at most 15 KB per label.
Run: .venv/bin/python bench/bench_labels.py [--count N] [--size 100x150] [--out FILE.pdf]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tokodesk.documents import LabelData, Line, Party, render_labels  # noqa: E402

STREETS = ["Jl. Raya Pasar Minggu", "Jl. Gatot Subroto", "Jl. Diponegoro", "Gg. Mawar", "Jl. Cempaka Putih Tengah"]
CITIES = [
    ("Kota Jakarta Selatan", "DKI Jakarta", "12510"),
    ("Kota Bandung", "Jawa Barat", "40115"),
    ("Kota Surabaya", "Jawa Timur", "60271"),
    ("Kabupaten Sleman", "DI Yogyakarta", "55281"),
    ("Kota Medan", "Sumatera Utara", "20112"),
]
COURIERS = [("JNE", "REG"), ("SiCepat", "HALU"), ("J&T", "EZ"), ("AnterAja", "Reguler"), ("GoSend", "Instant")]


def make_labels(count: int, seed: int = 5) -> list[LabelData]:
    rng = random.Random(seed)
    start = datetime(2026, 11, 26, 1, 0, tzinfo=timezone.utc)
    labels = []
    for i in range(count):
        city, province, postal = rng.choice(CITIES)
        courier, service = rng.choice(COURIERS)
        lines = [
            Line(f"SKU-{rng.randint(1, 400):04d}", f"Produk contoh {rng.randint(1, 999)} varian {v}", rng.randint(1, 4))
            for v in range(rng.randint(1, 5))
        ]
        labels.append(
            LabelData(
                marketplace="Tokopedia & Shop",
                courier=courier,
                service=service,
                invoice=f"INV/20261126/MPL/{3600000000 + i}",
                order_id=str(580000000000 + i),
                booking_code=f"{213552920 + i:012d}",
                recipient=Party(
                    name=f"Pembeli Nomor {i} Wijaya",
                    phone=f"0812{rng.randint(10000000, 99999999)}",
                    address_lines=[f"{rng.choice(STREETS)} No. {rng.randint(1, 200)}, RT.00{rng.randint(1, 9)}/RW.01"],
                    district="Kec. Contoh",
                    city=city,
                    province=province,
                    postal_code=postal,
                ),
                sender=Party(name="Toko Berkah Jaya", phone="082111112222", city="Kota Bandung"),
                lines=lines,
                cod_amount=rng.choice([0, 0, 0, 85000, 1250000]),
                weight_grams=rng.randint(100, 5000),
                created_at=start + timedelta(minutes=i),
                ship_deadline=start + timedelta(days=1, minutes=i),
            )
        )
    return labels


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--size", default="100x150")
    parser.add_argument("--out", type=Path, default=None, help="write the PDF here")
    args = parser.parse_args()

    labels = make_labels(args.count)
    render_labels(labels[:2], size=args.size)  # font registration and caches: not part of a batch's cost
    started, cpu_started = time.perf_counter(), time.process_time()
    pdf = render_labels(labels, size=args.size)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    if args.out:
        args.out.write_bytes(pdf)
    rate = args.count / elapsed
    kb = len(pdf) / 1024 / args.count
    print(f"{args.count} labels ({args.size}) in {elapsed:.2f} s: {rate:.0f} labels/s, {kb:.2f} KB/label, "
          f"{len(pdf) / 1024:.0f} KB total; CPU time {cpu:.2f} s ({args.count / cpu:.0f} labels per CPU-second)")
    print(f"targets: >= 300 labels/s [{'ok' if rate >= 300 else 'MISSED'}], "
          f"<= 15 KB/label [{'ok' if kb <= 15 else 'MISSED'}]")
    accel = "rl_accel C extension" if _has_rl_accel() else "pure-Python reportlab helpers (pip install rl_accel)"
    print(f"reportlab number formatting: {accel}")
    return 0


def _has_rl_accel() -> bool:
    try:
        import _rl_accel  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
