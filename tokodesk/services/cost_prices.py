"""Cost prices per seller SKU (`tokodesk payouts cost SKU PRICE`, `payouts cost-import FILE.csv`): what one unit cost
the seller, so Payouts can show a margin per order and per SKU. Local only: nothing is sent to a marketplace.

A price is whole rupiah (15000, 15.000 or Rp15.000, as catalogue prices are typed); "none" (or an empty cell in a
file) clears it. Only seller SKUs TokoDesk knows (from a SKU pull or a stock count) take a cost price: a typo must
not create a SKU. The import reads the same spreadsheets as `stock import` (header optional, comma / semicolon / tab,
UTF-8 with or without BOM), reports every bad row with its line number, and applies the good rows in one transaction
(none at all with `strict`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.services import csv_cells
from tokodesk.services.catalog_rules import parse_price
from tokodesk.services.csv_cells import read_csv_text
from tokodesk.services.stock_csv import SKU_NAMES, BadRow
from tokodesk.store import models as m

COST_NAMES = {"cost_price", "cost price", "cost", "harga_modal", "harga modal", "modal", "hpp"}
CLEAR = {"none", "-", "kosong"}


def parse_cost(text: str) -> int | None:
    """A cost price as typed: whole rupiah, or None for "none" / empty (clear it). UserError names the problem."""
    raw = str(text).strip()
    if not raw or raw.lower() in CLEAR:
        return None
    return parse_price(raw, QT_TRANSLATE_NOOP("Refusals", "cost price"))


def set_costs(rows: list[tuple[str, int | None]]) -> list[str]:
    """Set the cost prices in one transaction; UserError (nothing changed) when a seller SKU is unknown.
    Returns the seller SKUs changed."""
    with m.db.atomic():
        known = {s.seller_sku for s in m.StockItem.select(m.StockItem.seller_sku)
                 .where(m.StockItem.seller_sku.in_([sku for sku, _ in rows]))}
        unknown = [sku for sku, _ in rows if sku not in known]
        if unknown:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "seller SKU {unknown} is not known to TokoDesk: pull the "
                                                          "SKUs ('tokodesk sync skus') or count its stock first; "
                                                          "nothing was changed"), unknown=', '.join(unknown[:5]))
        for sku, price in rows:
            m.StockItem.update(cost_price=price, updated_at=m.utcnow()).where(m.StockItem.seller_sku == sku).execute()
    return [sku for sku, _ in rows]


@dataclass
class ParsedCosts:
    rows: list[tuple[int, str, int | None]] = field(default_factory=list)  # (line, seller_sku, cost or None)
    bad: list[BadRow] = field(default_factory=list)


def parse_cost_text(text: str) -> ParsedCosts:
    parsed = ParsedCosts()
    if not text.strip():
        return parsed
    table = csv_cells.table_rows(text, (SKU_NAMES, COST_NAMES), (0, 1))
    sku_col, cost_col = table.columns
    seen: dict[str, int] = {}
    for line, cells, raw in table.rows:
        sku = cells[sku_col] if sku_col < len(cells) else ""
        if not sku:
            parsed.bad.append(BadRow(line, said(csv_cells.SKU_EMPTY), raw))
            continue
        problem = csv_cells.formula_problem(sku, csv_cells.SELLER_SKU)
        if problem:
            parsed.bad.append(BadRow(line, problem, raw))
            continue
        sku = csv_cells.read_cell(sku)
        try:
            cost = parse_cost(cells[cost_col] if cost_col < len(cells) else "")
        except UserError as exc:
            parsed.bad.append(BadRow(line, said(QT_TRANSLATE_NOOP("Refusals", "{sku}: {problem}"), sku=sku,
                                                problem=str(exc)), raw))
            continue
        if sku in seen:
            parsed.bad.append(BadRow(line, said(csv_cells.GIVEN_ON, sku=sku, line=seen[sku]), raw))
            continue
        seen[sku] = line
        parsed.rows.append((line, sku, cost))
    return parsed


@dataclass
class CostImport:
    parsed: ParsedCosts
    applied: list[str] = field(default_factory=list)


def import_costs(path: str | Path, *, strict: bool = False) -> CostImport:
    """Read the file; rows naming an unknown seller SKU become bad rows too; apply the good rows in one go."""
    parsed = parse_cost_text(read_csv_text(path))
    if not parsed.rows and not parsed.bad:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{path} has no cost rows: write seller_sku,cost_price on each "
                                                      "line"), path=path)
    known = {s.seller_sku for s in m.StockItem.select(m.StockItem.seller_sku)}
    good = []
    for line, sku, cost in parsed.rows:
        if sku in known:
            good.append((line, sku, cost))
        else:
            parsed.bad.append(BadRow(line, said(QT_TRANSLATE_NOOP("Refusals", "{sku} is not a seller SKU TokoDesk "
                                                                      "knows (pull the SKUs or count its stock "
                                                                      "first)"), sku=sku)))
    parsed.rows = good
    parsed.bad.sort(key=lambda b: b.line)
    result = CostImport(parsed)
    if strict and parsed.bad:
        return result
    if good:
        result.applied = set_costs([(sku, cost) for _, sku, cost in good])
    return result
