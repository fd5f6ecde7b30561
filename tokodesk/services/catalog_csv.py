"""`tokodesk catalog import FILE.csv`: seller_sku,price[,active] per row, kept as catalogue drafts (issue 23).

Read as `stock import` reads its file: an optional header recognised by its names (seller_sku / sku, price / harga,
active / aktif / status, any order), comma, semicolon or tab, UTF-8 with or without a BOM, blank lines skipped.
A bad row (no SKU, a cell a spreadsheet would run as a formula, a price that is not whole rupiah, an unknown
on/off word, a SKU given twice, a SKU no marketplace SKU is mapped to) is reported with its line number and
reason; the good rows are kept together in one transaction (or none of them with `strict`). An empty price cell
with an on/off given changes only the listing. Nothing is sent: `catalog push` does that after a confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.services import catalog_drafts as cd
from tokodesk.services import catalog_rules as cr
from tokodesk.services import csv_cells, inventory
from tokodesk.services.csv_cells import read_csv_text
from tokodesk.services.stock_csv import BadRow, bad_row_lines  # noqa: F401 - one per-line report format
from tokodesk.store import models as m

SKU_NAMES = {"seller_sku", "seller sku", "sku", "sku penjual", "kode sku"}
PRICE_NAMES = {"price", "harga", "new_price", "harga baru"}
ACTIVE_NAMES = {"active", "aktif", "status", "listing", "on"}


@dataclass
class CatalogRow:
    line: int
    seller_sku: str
    price: int | None
    active: bool | None


@dataclass
class ParsedCatalog:
    rows: list[CatalogRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    had_header: bool = False


def parse_catalog_text(text: str) -> ParsedCatalog:
    parsed = ParsedCatalog()
    if not text.strip():
        return parsed
    table = csv_cells.table_rows(text, (SKU_NAMES, PRICE_NAMES, ACTIVE_NAMES), (0, 1, 2), absent=-1)
    parsed.had_header = table.had_header
    cols = table.columns
    seen: dict[str, int] = {}
    for line, cells, raw in table.rows:
        sku, price_text, active_text = (cells[c] if 0 <= c < len(cells) else "" for c in cols)
        problem = (said(csv_cells.SKU_EMPTY) if not sku else None) or csv_cells.formula_problem(sku,
                                                                                                 csv_cells.SELLER_SKU)
        for column, value in (("price", price_text), ("active", active_text)):  # the file's own column names
            problem = problem or csv_cells.formula_problem(value, column)
        if problem:
            parsed.bad.append(BadRow(line, problem, raw))
            continue
        try:
            sku = inventory.normalise_sku(csv_cells.read_cell(sku))
            if not price_text and not active_text:
                raise UserError(QT_TRANSLATE_NOOP("Refusals", "nothing to change for {sku}: give a price (second "
                                                              "column) and/or yes/no (third)"), sku=sku)
            price = cr.parse_price(price_text, said(QT_TRANSLATE_NOOP("Refusals", "price of {sku}"), sku=sku)) \
                if price_text else None
            active = cr.parse_active(active_text) if active_text else None
        except UserError as exc:
            parsed.bad.append(BadRow(line, str(exc), raw))
            continue
        if sku in seen:
            parsed.bad.append(BadRow(line, said(csv_cells.GIVEN_ON, sku=sku, line=seen[sku]), raw))
            continue
        seen[sku] = line
        parsed.rows.append(CatalogRow(line, sku, price, active))
    return parsed


def read_catalog_file(path: str | Path) -> ParsedCatalog:
    return parse_catalog_text(read_csv_text(path))


@dataclass
class ImportResult:
    parsed: ParsedCatalog
    kept: int = 0  # drafts written
    unchanged: int = 0
    large: list[str] = field(default_factory=list)
    applied: bool = False


class _Rollback(Exception):
    pass


def import_catalog(path: str | Path, *, strict: bool = False, channel: m.Channel | None = None,
                   whole_product: bool = False) -> ImportResult:
    """Keep the file's good rows as drafts in one transaction (none at all with `strict` and a bad row).
    `whole_product`: a listing on/off that switches a whole product (with other SKUs) is kept, not refused."""
    parsed = read_catalog_file(path)
    if not parsed.rows and not parsed.bad:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{path} has no rows: write seller_sku,price[,active] on each "
                                                      "line"), path=path)
    result = ImportResult(parsed)
    if strict and parsed.bad:
        return result
    database = m.CatalogEdit._meta.database
    try:
        with database.atomic():
            good = []
            for row in parsed.rows:
                try:
                    with database.atomic():  # a savepoint: a row that cannot apply leaves nothing behind
                        done = cd.set_edit(row.seller_sku, price=row.price, active=row.active, channel=channel,
                                           whole_product=whole_product)
                except UserError as exc:
                    parsed.bad.append(BadRow(row.line, str(exc), row.seller_sku))
                    continue
                good.append(row)
                result.kept += len(done.kept)
                result.unchanged += len(done.unchanged)
                result.large.extend(done.large)
            parsed.bad.sort(key=lambda b: b.line)
            parsed.rows = good
            if strict and parsed.bad:
                raise _Rollback
    except _Rollback:
        result.kept = result.unchanged = 0
        result.large = []
        return result
    result.applied = True
    return result
