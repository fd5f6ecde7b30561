"""Channel mappings: marketplace SKU + product id <-> the seller's own SKU (the seed's "Channel Mappings").

A `SkuMapping` row with `seller_sku` None is in the **unmapped queue**. Mappings are created by the SKU pull (the
channel's create / map-only rule, `auto_map_seller_sku`), edited or removed one by one, and imported or exported
as CSV. Whenever mappings change, open orders with unmapped lines are mapped again (`remap_orders`), so an order
flagged `has_unmapped` becomes packable the moment its SKU is mapped.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tokodesk.errors import BadValue, UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.services import csv_cells
from tokodesk.store import models as m

MAX_BUFFER = 999_999_999  # a 32-bit column holds it on PostgreSQL; 1e20 once overflowed it mid-import
CSV_COLUMNS = ["channel", "product_id", "marketplace_sku", "seller_sku", "buffer", "product_name"]
_TEXT_COLUMNS = ("channel", "product_id", "marketplace_sku", "seller_sku")  # checked for formulas on import


# --- the rule -----------------------------------------------------------------------------------------------------


def candidate_codes(sku: str, prefix: str = "", suffix: str = "") -> list[str]:
    """The seller SKUs a marketplace SKU may stand for under the channel's strip rule, most literal first."""
    sku = sku.strip()
    if not sku:
        return []
    codes = [sku]
    stripped = sku
    if prefix and stripped.startswith(prefix) and len(stripped) > len(prefix):
        stripped = stripped[len(prefix) :]
        codes.append(stripped)
    if suffix and stripped.endswith(suffix) and len(stripped) > len(suffix):
        codes.append(stripped[: -len(suffix)])
    if suffix and sku.endswith(suffix) and len(sku) > len(suffix) and sku[: -len(suffix)] not in codes:
        codes.append(sku[: -len(suffix)])
    return codes


def auto_map_seller_sku(channel: m.Channel, sku: str, seller_skus: set[str]) -> tuple[str | None, bool]:
    """(the seller SKU the channel's rule gives `sku` or None for the unmapped queue, whether it is new).

    create mode: the marketplace SKU itself, to be created in the seller's stock list when missing (the caller
    creates it when told it is new; `seller_skus` is updated here). map-only mode: an existing seller SKU equal to
    the SKU, or to the SKU with the channel's prefix/suffix stripped.
    """
    codes = candidate_codes(sku, channel.map_strip_prefix or "", channel.map_strip_suffix or "")
    if not codes:
        return None, False
    for code in codes:
        if code in seller_skus:
            return code, False
    if channel.sku_pull_mode == "map_only":
        return None, False
    seller_skus.add(codes[0])
    return codes[0], True


class MappingIndex:
    """Every mapping of a channel in memory, to map thousands of order lines without a query each."""

    def __init__(self, channel: m.Channel) -> None:
        self.channel = channel
        self.by_sku_id: dict[str, str | None] = {}
        self.by_product: dict[str, str | None] = {}
        self.by_sku: dict[str, str | None] = {}
        ambiguous: set[str] = set()
        rows = m.SkuMapping.select(
            m.SkuMapping.product_id, m.SkuMapping.sku_id, m.SkuMapping.marketplace_sku, m.SkuMapping.seller_sku
        ).where(m.SkuMapping.channel == channel.id)
        for product_id, sku_id, sku, seller_sku in rows.tuples():
            self.by_product[product_id] = seller_sku
            if sku_id:
                self.by_sku_id[sku_id] = seller_sku
            if sku:
                if sku in self.by_sku and self.by_sku[sku] != seller_sku:
                    ambiguous.add(sku)  # one marketplace SKU on two products mapped differently: decide by product
                self.by_sku[sku] = seller_sku
        for sku in ambiguous:
            del self.by_sku[sku]

    def reload(self) -> None:
        """Read the mappings again (after a rolled-back write that had added some to this index)."""
        self.__init__(self.channel)

    def known(self, product_id: str, sku_id: str = "") -> bool:
        return product_id in self.by_product or (bool(sku_id) and sku_id in self.by_sku_id)

    def seller_sku(self, product_id: str, sku: str = "", sku_id: str = "") -> str | None:
        if sku_id and sku_id in self.by_sku_id:
            return self.by_sku_id[sku_id]
        if product_id in self.by_product:
            return self.by_product[product_id]
        return self.by_sku.get(sku) if sku else None


def seller_sku_set() -> set[str]:
    return {s for (s,) in m.StockItem.select(m.StockItem.seller_sku).tuples()}


def add_unknown_products(channel: m.Channel, items: Iterable[tuple[str, str, str, str]], index: MappingIndex) -> None:
    """Give products first seen on an order line (not yet SKU-pulled) a mapping by the channel's rule, or a place
    in the unmapped queue, so none is forgotten. `items`: (product_id, sku, sku_id, name)."""
    seller_skus = seller_sku_set()
    new_stock: dict[str, str] = {}
    rows = []
    for product_id, sku, sku_id, name in items:
        if index.known(product_id, sku_id):
            continue
        seller_sku, is_new = auto_map_seller_sku(channel, sku, seller_skus)
        if is_new:
            new_stock[seller_sku] = name
        rows.append(
            {
                "channel": channel.id,
                "product_id": product_id,
                "marketplace_sku": sku,
                "sku_id": sku_id,
                "seller_sku": seller_sku,
            }
        )
        index.by_product[product_id] = seller_sku
        if sku_id:
            index.by_sku_id[sku_id] = seller_sku
    if new_stock:
        m.StockItem.insert_many(
            [{"seller_sku": s, "name": n} for s, n in new_stock.items()]
        ).on_conflict_ignore().execute()
    if rows:
        m.SkuMapping.insert_many(rows).on_conflict_ignore().execute()


# --- edit, remove, queue ------------------------------------------------------------------------------------------


def list_mappings(channel: m.Channel | None = None, *, unmapped_only: bool = False) -> list[m.SkuMapping]:
    query = m.SkuMapping.select(m.SkuMapping, m.Channel).join(m.Channel)
    if channel is not None:
        query = query.where(m.SkuMapping.channel == channel.id)
    if unmapped_only:
        query = query.where(m.SkuMapping.seller_sku.is_null())
    return list(query.order_by(m.Channel.name, m.SkuMapping.marketplace_sku, m.SkuMapping.product_id))


def unmapped_queue(channel: m.Channel | None = None) -> list[m.SkuMapping]:
    return list_mappings(channel, unmapped_only=True)


def set_mapping(
    channel: m.Channel,
    product_id: str,
    seller_sku: str | None,
    *,
    buffer: int | None = None,
    create_seller_sku: bool = False,
) -> m.SkuMapping:
    """Map (or with None, unmap) one marketplace product; open orders follow."""
    database = m.SkuMapping._meta.database
    with database.atomic():
        mapping = m.SkuMapping.get_or_none(
            (m.SkuMapping.channel == channel.id) & (m.SkuMapping.product_id == product_id)
        )
        if mapping is None:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "product {product_id} of channel {name!r} is not known: "
                                                          "run 'tokodesk sync skus'"),
                            product_id=product_id, name=channel.name)
        if seller_sku is not None:
            seller_sku = seller_sku.strip()
            _check_seller_sku(seller_sku, create_seller_sku)
        if buffer is not None and not 0 <= buffer <= MAX_BUFFER:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "buffer {buffer} is out of range: use 0 to {max_buffer:,}"),
                            buffer=buffer, max_buffer=MAX_BUFFER)
        mapping.seller_sku = seller_sku or None
        if buffer is not None:
            mapping.buffer = buffer
        mapping.updated_at = m.utcnow()
        mapping.save()
        _mark_inventory_dirty(channel)
        remap_orders(channel)
    return mapping


def remove_mapping(channel: m.Channel, product_id: str) -> m.SkuMapping:
    """Unlink a product from its seller SKU: it goes back to the unmapped queue (the product still exists)."""
    return set_mapping(channel, product_id, None)


def _check_seller_sku(seller_sku: str, create: bool) -> None:
    if not seller_sku:
        return
    if m.StockItem.get_or_none(m.StockItem.seller_sku == seller_sku) is None:
        if not create:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "seller SKU {seller_sku!r} is not in your stock list: add "
                                                          "it first ('tokodesk stock set {seller_sku} QTY') or let "
                                                          "TokoDesk create it"), seller_sku=seller_sku)
        m.StockItem.create(seller_sku=seller_sku)


def _mark_inventory_dirty(channel: m.Channel) -> None:
    # A new mapping changes what is pushed: the inventory sync picks it up on its next "on change" round.
    m.Channel.update(inventory_dirty_at=m.utcnow()).where(m.Channel.id == channel.id).execute()


def remap_orders(channel: m.Channel, index: MappingIndex | None = None) -> int:
    """Map the still-unmapped lines of this channel's orders with today's mappings; return the lines mapped.

    Lines already mapped keep their seller SKU: stock may already have been taken against it.
    """
    index = index or MappingIndex(channel)
    lines = (
        m.OrderLine.select(
            m.OrderLine.id, m.OrderLine.order, m.OrderLine.product_id, m.OrderLine.sku, m.OrderLine.sku_id
        )
        .join(m.Order)
        .where((m.Order.channel == channel.id) & m.OrderLine.seller_sku.is_null())
        .tuples()
    )
    by_seller: dict[str, list[int]] = defaultdict(list)
    touched: set[int] = set()
    for line_id, order_id, product_id, sku, sku_id in lines:
        seller_sku = index.seller_sku(product_id, sku, sku_id)
        if seller_sku:
            by_seller[seller_sku].append(line_id)
            touched.add(order_id)
    for seller_sku, ids in by_seller.items():
        for start in range(0, len(ids), 500):
            m.OrderLine.update(seller_sku=seller_sku).where(m.OrderLine.id.in_(ids[start : start + 500])).execute()
    if touched:
        refresh_unmapped_flags(sorted(touched))
    return sum(len(ids) for ids in by_seller.values())


def refresh_unmapped_flags(order_ids: list[int]) -> None:
    for start in range(0, len(order_ids), 500):
        chunk = order_ids[start : start + 500]
        still = {
            o
            for (o,) in m.OrderLine.select(m.OrderLine.order)
            .where(m.OrderLine.order.in_(chunk) & m.OrderLine.seller_sku.is_null())
            .distinct()
            .tuples()
        }
        cleared = [o for o in chunk if o not in still]
        if cleared:
            m.Order.update(has_unmapped=False, local_updated_at=m.utcnow(), version=m.Order.version + 1).where(
                m.Order.id.in_(cleared) & (m.Order.has_unmapped == True)  # noqa: E712 - peewee expression
            ).execute()


# --- CSV ----------------------------------------------------------------------------------------------------------


@dataclass
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return said(QT_TRANSLATE_NOOP("Refusals", "line {line}: {reason}"), line=self.line, reason=self.reason)


@dataclass
class ImportResult:
    path: str
    rows: int = 0
    mapped: int = 0
    unmapped: int = 0
    unchanged: int = 0
    created_seller_skus: int = 0
    errors: list[RowError] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "file": self.path,
            "rows": self.rows,
            "mapped": self.mapped,
            "unmapped": self.unmapped,
            "unchanged": self.unchanged,
            "created_seller_skus": self.created_seller_skus,
            "errors": [{"line": e.line, "reason": e.reason} for e in self.errors],
        }


def export_csv(path: str | Path, channel: m.Channel | None = None) -> int:
    """Write every mapping (unmapped ones with an empty seller_sku) to `path`; return the rows written."""
    names = {
        (p.channel_id, p.product_id): p.name
        for p in m.Product.select(m.Product.channel, m.Product.product_id, m.Product.name)
    }
    rows = list_mappings(channel)
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:  # the BOM makes Excel read UTF-8
        writer = csv_cells.writer(handle)
        writer.writerow(CSV_COLUMNS)
        for r in rows:
            writer.writerow(
                [
                    r.channel.name,
                    r.product_id,
                    r.marketplace_sku,
                    r.seller_sku or "",
                    r.buffer,
                    names.get((r.channel_id, r.product_id), ""),
                ]
            )
    return len(rows)


def _read_text(path: str | Path) -> str:
    raw = Path(path).read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")  # an older Excel "CSV" save on Windows


def import_csv(path: str | Path, channel: m.Channel | None = None, *, create_seller_skus: bool = False) -> ImportResult:
    """Apply a mapping CSV. Bad rows are reported with their line number and skipped; the good rows are applied
    together in one transaction (all or nothing for the file, never half of a row).

    Columns (header row required, any order, case-insensitive): product_id or marketplace_sku to say which
    product; seller_sku (empty: unmap); optional buffer; optional channel (required when there are several).
    Excel's semicolon-separated CSV is accepted too.
    """
    try:
        text = _read_text(path)
    except OSError as exc:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "cannot read {path}: {strerror}"),
                        path=path, strerror=exc.strerror or exc) from exc
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max(",;\t", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    header = next(reader, None)
    if not header:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{path} is empty: it needs a header row ({csv_columns})"),
                        path=path, csv_columns=','.join(CSV_COLUMNS[:5]))
    columns = [h.strip().lower() for h in header]
    missing = [c for c in ("seller_sku",) if c not in columns]
    if missing or ("product_id" not in columns and "marketplace_sku" not in columns):
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{path}, line 1: the header must name seller_sku and "
                                                      "product_id or marketplace_sku (found: {columns}); export a "
                                                      "file with 'tokodesk mapping export' to see the layout"),
                        path=path, columns=', '.join(columns))
    result = ImportResult(path=str(path))
    channels = {c.name: c for c in m.Channel.select()}
    database = m.SkuMapping._meta.database
    seller_skus = seller_sku_set()
    changed_channels: dict[int, m.Channel] = {}
    seen: dict[tuple[int, str], int] = {}
    with database.atomic():
        lookup = _MappingLookup()
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            result.rows += 1
            values = {columns[i]: row[i].strip() for i in range(min(len(columns), len(row)))}
            try:
                for column in _TEXT_COLUMNS:
                    problem = csv_cells.formula_problem(values.get(column, ""), column)
                    if problem:
                        raise ValueError(problem)
                    if column in values:
                        values[column] = csv_cells.read_cell(values[column])
                target_channel = _row_channel(values, channels, channel)
                mapping = lookup.find(target_channel, values.get("product_id", ""), values.get("marketplace_sku", ""))
                key = (target_channel.id, mapping.product_id)
                if key in seen:
                    raise BadValue(QT_TRANSLATE_NOOP("Refusals", "product {product_id} is already mapped on line "
                                                                 "{first_line} of this file"),
                                   product_id=mapping.product_id, first_line=seen[key])
                seller_sku = values.get("seller_sku", "") or None
                buffer = _row_buffer(values.get("buffer", ""))
                if seller_sku and seller_sku not in seller_skus:
                    if not create_seller_skus:
                        raise BadValue(QT_TRANSLATE_NOOP("Refusals", "seller SKU {seller_sku!r} is not in your stock "
                                                                     "list (add it first, or import with "
                                                                     "--create-skus)"), seller_sku=seller_sku)
                    m.StockItem.create(seller_sku=seller_sku)
                    seller_skus.add(seller_sku)
                    result.created_seller_skus += 1
            except ValueError as exc:
                result.errors.append(RowError(line, str(exc)))
                continue
            seen[key] = line
            new_buffer = mapping.buffer if buffer is None else buffer
            if mapping.seller_sku == seller_sku and mapping.buffer == new_buffer:
                result.unchanged += 1
                continue
            m.SkuMapping.update(seller_sku=seller_sku, buffer=new_buffer, updated_at=m.utcnow()).where(
                m.SkuMapping.id == mapping.id
            ).execute()
            changed_channels[target_channel.id] = target_channel
            if seller_sku:
                result.mapped += 1
            else:
                result.unmapped += 1
        for ch in changed_channels.values():
            _mark_inventory_dirty(ch)
            remap_orders(ch)
    return result


class _MappingLookup:
    def __init__(self) -> None:
        self._cache: dict[int, tuple[dict[str, m.SkuMapping], dict[str, list[m.SkuMapping]]]] = {}

    def find(self, channel: m.Channel, product_id: str, sku: str) -> m.SkuMapping:
        if channel.id not in self._cache:
            by_product: dict[str, m.SkuMapping] = {}
            by_sku: dict[str, list[m.SkuMapping]] = defaultdict(list)
            for r in m.SkuMapping.select().where(m.SkuMapping.channel == channel.id):
                by_product[r.product_id] = r
                if r.marketplace_sku:
                    by_sku[r.marketplace_sku].append(r)
            self._cache[channel.id] = (by_product, by_sku)
        by_product, by_sku = self._cache[channel.id]
        if product_id:
            if product_id not in by_product:
                raise BadValue(QT_TRANSLATE_NOOP("Refusals", "product_id {product_id} is not a product of channel "
                                                             "{name!r} (run 'tokodesk sync skus')"),
                               product_id=product_id, name=channel.name)
            return by_product[product_id]
        if not sku:
            raise BadValue(QT_TRANSLATE_NOOP("Refusals", "neither product_id nor marketplace_sku is filled in"))
        found = by_sku.get(sku, [])
        if not found:
            raise BadValue(QT_TRANSLATE_NOOP("Refusals", "marketplace SKU {sku!r} is not a product of channel "
                                                         "{name!r}"), sku=sku, name=channel.name)
        if len(found) > 1:
            ids = ", ".join(r.product_id for r in found)
            raise BadValue(QT_TRANSLATE_NOOP("Refusals", "marketplace SKU {sku!r} is on several products ({ids}): "
                                                         "give the product_id"), sku=sku, ids=ids)
        return found[0]


def _row_channel(values: dict[str, str], channels: dict[str, m.Channel], default: m.Channel | None) -> m.Channel:
    name = values.get("channel", "")
    if name:
        if name not in channels:
            raise BadValue(QT_TRANSLATE_NOOP("Refusals", "channel {name!r} does not exist (channels: {channels})"),
                           name=name, channels=', '.join(sorted(channels)) or 'none')
        if default is not None and name != default.name:
            raise BadValue(QT_TRANSLATE_NOOP("Refusals", "channel {name!r} is not {this_channel!r}, the channel "
                                                         "this import is for"), name=name, this_channel=default.name)
        return channels[name]
    if default is not None:
        return default
    if len(channels) == 1:
        return next(iter(channels.values()))
    raise BadValue(QT_TRANSLATE_NOOP("Refusals", "the channel column is empty and there are several channels: fill "
                                                 "it in or use --channel"))


def _row_buffer(text: str) -> int | None:
    if not text:
        return None
    try:
        value = int(text)
    except ValueError:
        raise BadValue(QT_TRANSLATE_NOOP("Refusals", "buffer {text!r} is not a whole number"), text=text) from None
    if value < 0:
        raise BadValue(QT_TRANSLATE_NOOP("Refusals", "buffer {value} is negative: use 0 or more"), value=value)
    if value > MAX_BUFFER:
        raise BadValue(QT_TRANSLATE_NOOP("Refusals", "buffer {value} is too large: at most {max_buffer:,}"),
                       value=value, max_buffer=MAX_BUFFER)
    return value
