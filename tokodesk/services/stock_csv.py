"""`tokodesk stock import FILE.csv`: seller_sku,on_hand per row.

What a seller's spreadsheet may look like, and how it is read:
* a header row is optional. It is recognised by its names (seller_sku / sku, on_hand / qty / quantity / stock, in
  any case and in any column order); without one the first column is the SKU and the second the count.
* comma, semicolon (Excel with Indonesian regional settings) or tab separated; UTF-8 with or without a BOM.
* blank lines are skipped. A bad row (no SKU, a SKU a spreadsheet would run as a formula, a count that is negative,
  not a whole number, or a SKU given twice) is
  reported with its line number and reason; the good rows are applied together in one transaction (or none of
  them with `strict`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.services import csv_cells, inventory
from tokodesk.services.csv_cells import read_csv_text

SKU_NAMES = {"seller_sku", "seller sku", "sku", "sku penjual", "kode sku"}
QTY_NAMES = {"on_hand", "on hand", "qty", "quantity", "stock", "stok", "jumlah"}


@dataclass
class BadRow:
    line: int
    reason: str
    text: str = ""


@dataclass
class ParsedStock:
    rows: list[tuple[int, str, int]] = field(default_factory=list)  # (line, seller_sku, on_hand)
    bad: list[BadRow] = field(default_factory=list)
    had_header: bool = False


def parse_stock_text(text: str) -> ParsedStock:
    parsed = ParsedStock()
    if not text.strip():
        return parsed
    table = csv_cells.table_rows(text, (SKU_NAMES, QTY_NAMES), (0, 1))
    parsed.had_header = table.had_header
    sku_col, qty_col = table.columns
    first_line_seen: dict[str, int] = {}
    for line, cells, raw in table.rows:
        sku = cells[sku_col] if sku_col < len(cells) else ""
        qty_text = cells[qty_col] if qty_col < len(cells) else ""
        if not sku:
            parsed.bad.append(BadRow(line, said(csv_cells.SKU_EMPTY), raw))
            continue
        problem = csv_cells.formula_problem(sku, csv_cells.SELLER_SKU)
        if problem:
            parsed.bad.append(BadRow(line, problem, raw))
            continue
        sku = csv_cells.read_cell(sku)
        if not qty_text:
            parsed.bad.append(BadRow(line, said(QT_TRANSLATE_NOOP("Refusals", "no on-hand count for {sku}: add it in "
                                                                          "the second column"), sku=sku), raw))
            continue
        try:
            sku = inventory.normalise_sku(sku)
            qty = inventory.parse_quantity(qty_text, what=said(QT_TRANSLATE_NOOP("Refusals", "on-hand count of {sku}"),
                                                               sku=sku))
        except UserError as exc:
            parsed.bad.append(BadRow(line, str(exc), raw))
            continue
        if sku in first_line_seen:
            parsed.bad.append(BadRow(line, said(csv_cells.GIVEN_ON, sku=sku, line=first_line_seen[sku]), raw))
            continue
        first_line_seen[sku] = line
        parsed.rows.append((line, sku, qty))
    return parsed


def read_stock_file(path: str | Path) -> ParsedStock:
    return parse_stock_text(read_csv_text(path))


@dataclass
class ImportResult:
    parsed: ParsedStock
    applied: inventory.SetResult | None = None

    @property
    def ok(self) -> bool:
        return not self.parsed.bad


def bad_row_lines(path: str | Path, parsed: ParsedStock) -> list[str]:
    """The per-line report, as the CLI prints it and the window shows it: `FILE:LINE: reason`."""
    return [said(QT_TRANSLATE_NOOP("Refusals", "{path}:{line}: {reason}"), path=path, line=row.line, reason=row.reason)
            for row in parsed.bad]


def import_stock(path: str | Path, *, strict: bool = False, require_rows: bool = False) -> ImportResult:
    """Read the file and apply its good rows in one transaction (none at all with `strict` and a bad row).

    `require_rows`: a file without a single stock row is refused (UserError) instead of applying nothing quietly.
    """
    parsed = read_stock_file(path)
    if require_rows and not parsed.rows and not parsed.bad:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{path} has no stock rows: write seller_sku,on_hand on each "
                                                      "line"), path=path)
    result = ImportResult(parsed)
    if strict and parsed.bad:
        return result
    if parsed.rows:
        result.applied = inventory.set_stock([(sku, qty) for _, sku, qty in parsed.rows])
    return result
