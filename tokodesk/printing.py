"""Printing PDFs to local printers through CUPS (`lpstat`, `lp`), without Qt.

Used by the CLI (`tokodesk labels --printer NAME`) and on Linux/macOS by the GUI. Windows has no CUPS: the GUI
prints there through Qt (`tokodesk/ui/printing.py`), with the same contract: one batch = one job, true size.

Labels must come out at their true size: a 100×150 mm label scaled to "fit" an A4 or Letter default shrinks the
barcodes until couriers cannot scan them (research/field-anchors.md §13). So every job names its media and turns
fitting off.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

# Page size option -> CUPS media name.
MEDIA: dict[str, str] = {
    "100x150": "Custom.100x150mm",
    "100x100": "Custom.100x100mm",
    "a6": "A6",
    "a4": "A4",
}
TIMEOUT = 30  # seconds for one lp/lpstat call: CUPS answers in milliseconds when it runs at all


class PrinterError(Exception):
    """Printing is not possible; the text says why and what to do."""


@dataclass(frozen=True)
class Printer:
    name: str
    is_default: bool = False
    accepting: bool = True


def _run(args: Sequence[str], *, check_cups: bool = True) -> subprocess.CompletedProcess:
    if shutil.which(args[0]) is None:
        raise PrinterError(
            f"The printing system (CUPS) is not installed: '{args[0]}' was not found. Install CUPS "
            "(sudo apt install cups cups-client) or print from the TokoDesk window."
        )
    try:
        return subprocess.run(list(args), capture_output=True, text=True, timeout=TIMEOUT, check=False,
                              env={**os.environ, "LC_ALL": "C", "LANG": "C"})
    except subprocess.TimeoutExpired:
        raise PrinterError(f"The printing system did not answer within {TIMEOUT} s ('{args[0]}').") from None


def cups_running() -> bool:
    """True when the CUPS scheduler answers."""
    try:
        result = _run(["lpstat", "-r"])
    except PrinterError:
        return False
    return result.returncode == 0 and "not running" not in result.stdout and "is running" in result.stdout


def _need_cups() -> None:
    if not cups_running():
        raise PrinterError(
            "The printing system (CUPS) is not running. Start it (sudo systemctl start cups) and try again, "
            "or save the labels as a PDF (--pdf FILE)."
        )


def list_printers() -> list[Printer]:
    """The print queues CUPS knows, the default first."""
    _need_cups()
    names = [line.strip() for line in _run(["lpstat", "-e"]).stdout.splitlines() if line.strip()]
    accepting: dict[str, bool] = {}
    for line in _run(["lpstat", "-a"]).stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            accepting[parts[0]] = parts[1] == "accepting"
    default_line = _run(["lpstat", "-d"]).stdout
    match = re.search(r"system default destination:\s*(\S+)", default_line)
    default = match.group(1) if match else ""
    printers = [Printer(name, name == default, accepting.get(name, True)) for name in names]
    return sorted(printers, key=lambda p: (not p.is_default, p.name.casefold()))


def media_for(size: str) -> str:
    key = size.strip().lower().replace("×", "x").removesuffix("mm")
    if key not in MEDIA:
        raise PrinterError(f"Label size {size!r} is not one of {', '.join(MEDIA)}.")
    return MEDIA[key]


def print_command(printer: str, files: Sequence[str | Path], size: str, title: str, copies: int = 1) -> list[str]:
    """The `lp` command line for one job (exposed so a test can check the options without a printer)."""
    return [
        "lp", "-d", printer, "-t", title, "-n", str(max(1, copies)),
        "-o", f"media={media_for(size)}",
        "-o", "fit-to-page=false",
        "-o", "print-scaling=none",
        *[str(f) for f in files],
    ]


def print_pdfs(
    documents: Sequence[bytes | str | Path],
    printer: str,
    *,
    size: str = "100x150",
    title: str = "TokoDesk labels",
    copies: int = 1,
) -> str:
    """Send PDFs to a CUPS queue as ONE job (several documents in one job stay together); returns the job id."""
    if not documents:
        raise PrinterError("Nothing to print.")
    printer = printer.strip()
    if not printer:
        raise PrinterError("Name the printer to use (tokodesk self-test lists the printers).")
    _need_cups()
    known = [p.name for p in list_printers()]
    if printer not in known:
        listed = ", ".join(known) or "none installed"
        raise PrinterError(f"There is no printer called {printer!r}. Printers on this PC: {listed}.")
    with tempfile.TemporaryDirectory(prefix="tokodesk-print-") as folder:
        files: list[Path] = []
        for n, doc in enumerate(documents, 1):
            if isinstance(doc, bytes):
                path = Path(folder) / f"document-{n:03d}.pdf"
                path.write_bytes(doc)
                files.append(path)
            else:
                files.append(Path(doc))
        result = _run(print_command(printer, files, size, title, copies))
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise PrinterError(f"The printer {printer!r} refused the job: {detail[-1] if detail else 'no reason given'}.")
    match = re.search(r"request id is (\S+)", result.stdout)
    return match.group(1) if match else ""


def print_pdf(data: bytes | str | Path, printer: str, *, size: str = "100x150", title: str = "TokoDesk labels") -> str:
    return print_pdfs([data], printer, size=size, title=title)
