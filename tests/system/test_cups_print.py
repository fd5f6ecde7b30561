"""Print a batch of labels through a real CUPS queue (cups-pdf) and read what came out.

./scripts/test creates the `TokoDesk-PDF` queue and exports TOKODESK_CUPS_PDF_DIR (where cups-pdf writes).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import uuid
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import need_real_part
from tokodesk import printing
from tokodesk.documents import LabelData, Line, Party, render_labels

pytestmark = pytest.mark.system

QUEUE = os.environ.get("TOKODESK_CUPS_QUEUE", "TokoDesk-PDF")


def _cups_pdf_ready() -> Path | None:
    folder = os.environ.get("TOKODESK_CUPS_PDF_DIR")
    if not folder or not shutil.which("pdftotext") or not printing.cups_running():
        return None
    if QUEUE not in [p.name for p in printing.list_printers()]:
        return None
    return Path(folder)


def _labels(tag: str) -> list[LabelData]:
    return [
        LabelData(
            marketplace="Tokopedia", courier="JNE", service="REG", invoice=f"INV/20261126/MPL/{tag}{n}",
            order_id=f"{n}", recipient=Party("Budi Santoso", "0812-3456-7890", ["Jl. Melati No. 5"], city="Bandung"),
            sender=Party("Toko Sandbox"), booking_code=f"TKP{tag}{n:02d}", lines=[Line("KAOS-M", "Kaos", 2)],
            created_at=datetime(2026, 11, 26, 3),
        )
        for n in range(1, 4)
    ]


def test_a_batch_of_three_labels_prints_as_one_true_size_job():
    folder = _cups_pdf_ready()
    need_real_part(folder is not None, "CUPS with the TokoDesk-PDF cups-pdf queue (TOKODESK_CUPS_PDF_DIR)")
    tag = uuid.uuid4().hex[:8].upper()
    pdf = render_labels(_labels(tag), size="100x150")
    job = printing.print_pdf(pdf, QUEUE, size="100x150", title=f"TokoDesk test {tag}")
    assert re.fullmatch(rf"{re.escape(QUEUE)}-\d+", job)
    number = job.rsplit("-", 1)[1]

    produced = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and produced is None:
        # cups-pdf names the file after the title and the job number; a file still being written is skipped
        for path in folder.glob(f"*job_{number}.pdf"):
            if path.stat().st_size and subprocess.run(["pdfinfo", str(path)], capture_output=True).returncode == 0:
                produced = path
        time.sleep(0.2)
    assert produced is not None, f"cups-pdf wrote nothing for job {job} in {folder}"

    info = subprocess.run(["pdfinfo", str(produced)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+3$", info, re.M), info
    width, height = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups())
    assert abs(width / 72 * 25.4 - 100) < 1.5 and abs(height / 72 * 25.4 - 150) < 1.5  # true size, not A4/Letter

    for page in (1, 2, 3):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(produced), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert f"TKP{tag}{page:02d}" in text.replace(" ", ""), f"page {page}: booking code missing"


def test_an_unknown_printer_is_named_in_the_error():
    need_real_part(printing.cups_running(), "a running CUPS scheduler")
    with pytest.raises(printing.PrinterError, match="no printer called 'No-Such-Printer'"):
        printing.print_pdf(b"%PDF-1.4", "No-Such-Printer")


def test_print_command_keeps_the_true_size():
    command = printing.print_command("Desk", ["a.pdf", "b.pdf"], "100x100", "t")
    assert command[:3] == ["lp", "-d", "Desk"]
    assert "media=Custom.100x100mm" in command and "fit-to-page=false" in command
    assert command[-2:] == ["a.pdf", "b.pdf"]  # several documents, one job
    with pytest.raises(printing.PrinterError, match="not one of"):
        printing.media_for("letter")
