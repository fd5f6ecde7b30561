"""Spreadsheet-safe CSV cells: every CSV TokoDesk writes or reads goes through here (one rule, not copies).

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel, LibreOffice
and Google Sheets (`=HYPERLINK(...)` phones home, `+cmd|...` runs a program on old Excel). Marketplace text (a SKU,
a product name) reaches our exports unchecked, so an export prefixes such a cell with `'`, the spreadsheets' own
"this is text" mark. A plain number (`-3`, `+62`) is not a formula and stays a number.

Imports read the `'` prefix back off (a file TokoDesk exported round-trips), and refuse a text cell that would run
as a formula: the seller typed or pasted it, and it is never what a SKU should be.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from tokodesk.errors import UserError

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet would run this cell as a formula (a plain number like -3 is not one)."""
    return bool(text) and text.startswith(TRIGGERS) and not _NUMBER.fullmatch(text)


def neutralise(value: Any) -> str:
    """The cell text to write: `'` before a would-be formula, everything else unchanged (None is empty)."""
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text


class SafeWriter:
    """`csv.writer` whose rows are neutralised cell by cell."""

    def __init__(self, handle: IO[str], **kwargs: Any) -> None:
        self._writer = csv.writer(handle, **kwargs)

    def writerow(self, row: Iterable[Any]) -> Any:
        return self._writer.writerow([neutralise(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(handle: IO[str], **kwargs: Any) -> SafeWriter:
    return SafeWriter(handle, **kwargs)


def read_cell(text: str) -> str:
    """A text cell as imported: our own `'` mark before a would-be formula is taken off again."""
    if len(text) > 1 and text[0] == "'" and looks_like_formula(text[1:]):
        return text[1:]
    return text


def formula_problem(text: str, column: str) -> str | None:
    """Why an imported text cell is refused, or None. Call it on the cell as read (before `read_cell`)."""
    if not looks_like_formula(text):
        return None
    shown = text if len(text) <= 40 else text[:40] + "…"
    first = {"\t": "a tab", "\r": "a line break"}.get(text[0], f"'{text[0]}'")
    return (
        f"{column} {shown!r} starts with {first}, which spreadsheets run as a formula; TokoDesk does not import "
        f"it. Fix the cell (a value exported by TokoDesk starts with ' and is fine)"
    )


def read_csv_text(path: str | Path) -> str:
    """A CSV file a seller chose, as text: a missing or unreadable file, or one not saved as UTF-8, is a UserError
    that says what to do (the stock and catalogue imports share it)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"{path}: not UTF-8 text (byte {exc.start}); save it from your spreadsheet as 'CSV UTF-8' and try again"
        ) from None
