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
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said

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
    first = {"\t": said(QT_TRANSLATE_NOOP("Refusals", "a tab")),
             "\r": said(QT_TRANSLATE_NOOP("Refusals", "a line break"))}.get(text[0], f"'{text[0]}'")
    return said(QT_TRANSLATE_NOOP("Refusals", "{column} {shown!r} starts with {first}, which spreadsheets run as a "
                                              "formula; TokoDesk does not import it. Fix the cell (a value exported "
                                              "by TokoDesk starts with ' and is fine)"),
                column=column, shown=shown, first=first)


# The refusals every import shares (cost prices, stock counts, the catalogue).
SKU_EMPTY = QT_TRANSLATE_NOOP("Refusals", "the seller SKU is empty")
SELLER_SKU = QT_TRANSLATE_NOOP("Refusals", "seller SKU")
GIVEN_ON = QT_TRANSLATE_NOOP("Refusals", "{sku} is already given on line {line}")
# Marked here, not in payout_export.py: that module's own tr() (the documents' words) must stay out of the .ts.
NO_XLSX = QT_TRANSLATE_NOOP("Refusals", "XLSX export needs the openpyxl package ({openpyxl_pin}), which this TokoDesk "
                                        "does not have; export --csv instead (Excel opens it too)")


def read_csv_text(path: str | Path) -> str:
    """A CSV file a seller chose, as text: a missing or unreadable file, or one not saved as UTF-8, is a UserError
    that says what to do (the stock and catalogue imports share it)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{path}: no such file"), path=path) from None
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{path}: cannot read it ({strerror})"),
                        path=path, strerror=exc.strerror or exc) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{path}: not UTF-8 text (byte {start}); save it from your "
                                                      "spreadsheet as 'CSV UTF-8' and try again"),
                        path=path, start=exc.start) from None


@dataclass
class Table:
    """A seller's CSV as the imports read it: which column holds each thing, and the rows that are not blank."""

    columns: list[int]
    had_header: bool = False
    rows: list[tuple[int, list[str], str]] = field(default_factory=list)  # (line number, cells, the line as read)


def table_rows(text: str, groups: Sequence[frozenset[str] | set[str]], positions: Sequence[int],
               absent: int | None = None) -> Table:
    """Rows of `text` (`,` `;` or tab, sniffed), cells stripped. A first row naming any of `groups` (lower case,
    a BOM ignored) is a header that says which column holds each group; without one, `positions` do. A group the
    header does not name is at `absent` (or its position)."""
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    table = Table(list(positions))
    reader = csv.reader(io.StringIO(text), dialect)
    first = True
    for cells in reader:
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        if first:
            first = False
            names = [c.lower().lstrip("\ufeff") for c in cells]
            if any(n in group for group in groups for n in names):
                table.columns = [next((i for i, n in enumerate(names) if n in group),
                                      position if absent is None else absent)
                                 for group, position in zip(groups, positions, strict=True)]
                table.had_header = True
                continue
        table.rows.append((reader.line_num, cells, ",".join(cells)))
    return table
