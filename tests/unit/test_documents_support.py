"""Helpers for the document tests: read PDFs back with poppler-utils and decode barcodes with zxing-cpp."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tokodesk.documents.model import LabelData, Line, Party

MM = 72 / 25.4
POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext", "pdftoppm"))
needs_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdfinfo, pdftotext, pdftoppm) not installed")


def _run(args: list[str], pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        return subprocess.run([*args, str(path), "-"] if args[0] == "pdftotext" else [*args, str(path)],
                              check=True, capture_output=True, text=True).stdout


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of every page, from pdfinfo."""
    out = _run(["pdfinfo", "-f", "1", "-l", "100000"], pdf)
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)]


def text(pdf: bytes, page: int | None = None) -> str:
    """The PDF's text with whitespace collapsed (wrapped lines join back into their sentence)."""
    args = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return " ".join(_run(args, pdf).split())


def rows(pdf: bytes, page: int | None = None) -> list[str]:
    """The PDF's lines as laid out on the page (table rows stay rows), whitespace collapsed."""
    args = ["pdftotext", "-layout", "-enc", "UTF-8"]
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return [" ".join(line.split()) for line in _run(args, pdf).splitlines() if line.strip()]


def has_row(pdf: bytes, expected: str, page: int | None = None) -> bool:
    return any(expected in line for line in rows(pdf, page))


def words(pdf: bytes, page: int = 1) -> list[tuple[str, float, float, float, float]]:
    """Every word on a page with its box (xMin, yMin, xMax, yMax) in points, top-left origin."""
    out = _run(["pdftotext", "-bbox", "-enc", "UTF-8", "-f", str(page), "-l", str(page)], pdf)
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out
    )
    return [(html.unescape(w), float(a), float(b), float(c), float(d)) for a, b, c, d, w in found]


def decode(pdf: bytes, page: int = 1, dpi: int = 203) -> list[tuple[str, str]]:
    """(format, value) of every barcode zxing-cpp finds on a page rendered at `dpi` (203 = a thermal printer)."""
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-f", str(page), "-l", str(page),
                        "-singlefile", str(path), str(Path(tmp) / "page")], check=True)
        image = Image.open(Path(tmp) / "page.png")
        image.load()
    return sorted((b.format.name, b.text) for b in zxingcpp.read_barcodes(image))


def overlaps(boxes: list[tuple[str, float, float, float, float]], slack: float = 0.6) -> list[tuple[str, str]]:
    """Pairs of words whose boxes intersect by more than `slack` points each way."""
    hits = []
    for i, (w1, x1, y1, x2, y2) in enumerate(boxes):
        for w2, a1, b1, a2, b2 in boxes[i + 1 :]:
            if min(x2, a2) - max(x1, a1) > slack and min(y2, b2) - max(y1, b1) > slack:
                hits.append((w1, w2))
    return hits


def label(i: int = 0, **changes) -> LabelData:
    """A realistic order as the sandbox shop has them: JNE REG drop-off with a booking code, COD, three lines."""
    data = dict(
        marketplace="Tokopedia & Shop",
        courier="JNE",
        service="REG",
        invoice=f"INV/20261126/MPL/36128{i:05d}",
        order_id=f"58000{i:07d}",
        booking_code=f"0002135{i:05d}",
        recipient=Party(
            name="Siti Nurhaliza Rahmawati",
            phone="0812-3456-7890",
            address_lines=["Jl. Raya Pasar Minggu No. 17B, RT.005/RW.002", "Kel. Pejaten Timur"],
            district="Kec. Pasar Minggu",
            city="Kota Jakarta Selatan",
            province="DKI Jakarta",
            postal_code="12510",
        ),
        sender=Party(name="Toko Berkah Jaya", phone="0821-1111-2222", city="Kota Bandung"),
        lines=[
            Line("KAOS-HTM-L", "Kaos Polos Cotton Combed 30s Hitam L", 2),
            Line("KAOS-PTH-M", "Kaos Polos Cotton Combed 30s Putih M", 1),
            Line("TOTE-CNV-01", "Tote Bag Kanvas Natural", 1),
        ],
        cod_amount=1_250_000,
        weight_grams=1200,
        created_at=datetime(2026, 11, 26, 7, 5, tzinfo=timezone.utc),
        ship_deadline=datetime(2026, 11, 27, 16, 59, tzinfo=timezone.utc),
        buyer_note="Tolong dibungkus rapi ya kak, titip di pos satpam kalau tidak ada orang.",
    )
    data.update(changes)
    return LabelData(**data)
