"""Products, inventory read-back and inventory update (research file §6 and §7).

A TikTok Shop product has SKUs (its variants); the SKU is what is sold and stocked. Each SKU becomes one
`base.Product` with `product_id` = `sku_id` = the SKU id and `parent_id` = the TikTok product id, so the store keeps
one row per variant (as with Tokopedia's per-variant product ids), and `sku` = the seller SKU.

Inventory update is one call per product, carrying every warehouse the SKU is stocked in and no other. The seller's
available quantity goes to the channel's warehouse (else the SKU's first); the SKU's other warehouses keep the
quantity they have. `code` 0 can still carry per-SKU failures in `data.errors[]`: each row gets its own result.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import (
    CancelCheck,
    MarketplaceError,
    Product,
    Progress,
    StockLevel,
    StockResult,
    StockRow,
    StockRowResult,
    target_warehouse,
)
from tokodesk.marketplace.clean import scrub, short
from tokodesk.marketplace.tiktokshop import errors
from tokodesk.marketplace.tiktokshop.orders import rupiah
from tokodesk.marketplace.tiktokshop.transport import Transport

SEARCH = "/product/202502/products/search"
log = logging.getLogger(__name__)

INVENTORY_SEARCH = "/product/202309/inventory/search"
INVENTORY_UPDATE = "/product/202309/products/{product_id}/inventory/update"

PAGE_SIZE = 100
INVENTORY_SKUS_MAX = 600
INVENTORY_PRODUCTS_MAX = 100
UPDATE_SKUS_MAX = 100


# What each call is named in its errors (an answer lost or too large): words the window says in its language.
_W_PRODUCTS = said(QT_TRANSLATE_NOOP("Marketplace", "products"))
_W_INVENTORY = said(QT_TRANSLATE_NOOP("Marketplace", "inventory"))
_W_STOCK_UPDATE = said(QT_TRANSLATE_NOOP("Marketplace", "stock update"))


@dataclass
class SkuStock:
    product_id: str
    sku_id: str
    seller_sku: str
    available: int
    warehouses: dict[str, int] = field(default_factory=dict)  # warehouse id -> available, in the API's order


def _status(raw: dict) -> str:
    if raw.get("status"):
        return str(raw["status"])
    # Products listed only on Tokopedia carry no `status`; their state is per platform.
    for entry in raw.get("integrated_platform_statuses") or []:
        if isinstance(entry, dict) and entry.get("status"):
            return str(entry["status"])
    return ""


def parse_products(raw: dict) -> list[Product]:
    product_id = str(raw.get("id") or "")
    title = str(raw.get("title") or "")
    skus = [s for s in raw.get("skus") or [] if isinstance(s, dict) and s.get("id")]
    out = []
    for sku in skus:
        attrs = [str(a.get("value_name")) for a in sku.get("sales_attributes") or [] if a.get("value_name")]
        inventory = [i for i in sku.get("inventory") or [] if isinstance(i, dict)]
        price = sku.get("price") or {}
        out.append(scrub(
            Product(
                product_id=str(sku["id"]),
                name=f"{title} - {' / '.join(attrs)}" if attrs and len(skus) > 1 else title,
                sku=str(sku.get("seller_sku") or ""),
                parent_id=product_id or None,
                price=rupiah(price.get("sale_price") or price.get("tax_exclusive_price"), "price"),
                stock=sum(int(i.get("quantity") or 0) for i in inventory) if inventory else None,
                status=_status(raw),
                sku_id=str(sku["id"]),
                warehouse_ids=[str(i["warehouse_id"]) for i in inventory if i.get("warehouse_id")],
            )
        ))
    return out


def search_products(
    api: Transport,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
    body: dict | None = None,
) -> Iterator[Product]:
    token = None
    tokens: set[str] = set()
    done = 0
    while True:
        if cancel and cancel():
            return
        data = api.call(
            "POST", SEARCH, query={"page_size": PAGE_SIZE, "page_token": token}, body=body or {}, what=_W_PRODUCTS
        )
        total = data.get("total_count")
        for raw in data.get("products") or []:
            if isinstance(raw, dict):
                done += 1
                try:
                    parsed = parse_products(raw)
                except (KeyError, TypeError, ValueError, OverflowError) as exc:  # UnsafeId too
                    # One unreadable product never stops the SKU pull; the rest of the shop is still read.
                    log.warning("skipping an unreadable product %s: %s", short(raw.get("id")), exc)
                    continue
                yield from parsed
        if progress:
            progress(done, int(total) if total is not None else None, said(
                QT_TRANSLATE_NOOP("Progress", "{count} products read"), count=done))
        token = data.get("next_page_token")
        if not token:
            return
        if token in tokens:  # the same page again would go on forever
            log.warning("the marketplace handed out a product page token again; the product list stops there")
            return
        tokens.add(str(token))


def _parse_inventory(data: dict) -> list[SkuStock]:
    out = []
    for product in data.get("inventory") or []:
        if not isinstance(product, dict):
            continue
        product_id = str(product.get("product_id") or "")
        for sku in product.get("skus") or []:
            try:
                warehouses = {
                    str(w.get("warehouse_id")): int(w.get("available_quantity") or 0)
                    for w in sku.get("warehouse_inventory") or []
                    if w.get("warehouse_id")
                }
                total = sku.get("total_available_quantity")
                out.append(scrub(SkuStock(
                    product_id=product_id,
                    sku_id=str(sku.get("id") or ""),
                    seller_sku=str(sku.get("seller_sku") or ""),
                    available=int(total) if total is not None else sum(warehouses.values()),
                    warehouses=warehouses,
                )))
            except (AttributeError, TypeError, ValueError, OverflowError) as exc:  # UnsafeId too
                # One unreadable SKU is left out (reconciliation reports it as not found), the rest is read.
                log.warning("skipping unreadable stock of a SKU of product %s: %s", short(product_id), exc)
    return out


def inventory_search(
    api: Transport, *, sku_ids: Sequence[str] = (), product_ids: Sequence[str] = ()
) -> list[SkuStock]:
    """Current stock by SKU ids (≤600 a call) or product ids (≤100 a call)."""
    found: list[SkuStock] = []
    for key, ids, size in (("sku_ids", list(sku_ids), INVENTORY_SKUS_MAX),
                           ("product_ids", list(product_ids), INVENTORY_PRODUCTS_MAX)):
        for start in range(0, len(ids), size):
            data = api.call("POST", INVENTORY_SEARCH, body={key: ids[start : start + size]}, what=_W_INVENTORY)
            found.extend(_parse_inventory(data))
    return found


def read_stock(api: Transport, ids: Sequence[str], preferred_warehouse: str = "") -> list[StockLevel]:
    """Stock of these SKUs (our product ids are SKU ids); ids that are TikTok product ids are read as products."""
    wanted = [str(i) for i in dict.fromkeys(ids)]
    by_sku = {s.sku_id: s for s in inventory_search(api, sku_ids=wanted)}
    levels = [_level(i, by_sku[i], preferred_warehouse) for i in wanted if i in by_sku]
    rest = [i for i in wanted if i not in by_sku]
    if rest:
        for s in inventory_search(api, product_ids=rest):
            levels.append(_level(s.product_id, s, preferred_warehouse))
    return levels


def _level(product_id: str, s: SkuStock, preferred_warehouse: str) -> StockLevel:
    """With several warehouses, `written` is the one `update_stock` overwrites (it keeps the others as they are)."""
    written = None
    if len(s.warehouses) > 1:
        written = s.warehouses.get(target_warehouse(list(s.warehouses), preferred_warehouse), 0)
    return StockLevel(product_id=product_id, sku=s.seller_sku, quantity=s.available, sku_id=s.sku_id,
                      warehouses=dict(s.warehouses), written=written)


def _row_result(row: StockRow, ok: bool, message: str = "", retryable: bool = False) -> StockRowResult:
    return StockRowResult(row.product_id, row.sku, row.quantity, ok, message, retryable)


def update_stock(
    api: Transport,
    rows: Sequence[StockRow],
    *,
    preferred_warehouse: str = "",
    known_products: Callable[[str], str | None] = lambda _sku: None,
    cancel: CancelCheck | None = None,
) -> StockResult:
    result = StockResult()
    start_requests = api.requests
    sku_of = {id(r): str(r.sku_id or r.product_id) for r in rows}
    try:
        current = {s.sku_id: s for s in inventory_search(api, sku_ids=list(dict.fromkeys(sku_of.values())))}
    except MarketplaceError as exc:
        result.rows = [_row_result(r, False, str(exc), exc.retryable) for r in rows]
        result.requests = api.requests - start_requests
        return result

    # product id -> sku id -> (rows, inventory entries)
    groups: dict[str, dict[str, list[StockRow]]] = {}
    plans: dict[str, list[dict]] = {}
    outcome: dict[int, StockRowResult] = {}
    for row in rows:
        sku_id = sku_of[id(row)]
        if row.quantity < 0:
            outcome[id(row)] = _row_result(row, False, said(QT_TRANSLATE_NOOP(
                "Marketplace", "A stock quantity cannot be negative.")))
            continue
        stock = current.get(sku_id)
        product_id = (stock.product_id if stock else "") or (row.product_id if row.product_id != sku_id else "")
        product_id = product_id or (known_products(sku_id) or "")
        if not product_id:
            outcome[id(row)] = _row_result(
                row, False, said(QT_TRANSLATE_NOOP("Marketplace", "SKU {sku} is not known to the marketplace any "
                                                   "more. Pull the products again."), sku=sku_id)
            )
            continue
        warehouses = list(stock.warehouses) if stock and stock.warehouses else list(row.warehouse_ids)
        target = target_warehouse(warehouses, preferred_warehouse)
        inventory = []
        for w in warehouses:
            keep = stock.warehouses.get(w, 0) if stock else 0
            inventory.append({"warehouse_id": w, "quantity": row.quantity if w == target else keep})
        if not inventory:  # a single-warehouse SKU may leave the warehouse out
            inventory = [{"quantity": row.quantity}]
        groups.setdefault(product_id, {}).setdefault(sku_id, []).append(row)
        # A repeated SKU: the last row's quantity is the one sent.
        plan = [p for p in plans.get(product_id, []) if p["id"] != sku_id]
        plans[product_id] = [*plan, {"id": sku_id, "inventory": inventory}]

    for product_id, skus in groups.items():
        plan = plans[product_id]
        for start in range(0, len(plan), UPDATE_SKUS_MAX):
            chunk = plan[start : start + UPDATE_SKUS_MAX]
            chunk_rows = [r for entry in chunk for r in skus[entry["id"]]]
            if cancel and cancel():
                for r in chunk_rows:
                    outcome[id(r)] = _row_result(r, False, said(QT_TRANSLATE_NOOP(
                        "Marketplace", "Cancelled before it was sent.")), retryable=True)
                continue
            try:
                data = api.call(
                    "POST", INVENTORY_UPDATE.format(product_id=product_id), body={"skus": chunk}, what=_W_STOCK_UPDATE
                )
            except MarketplaceError as exc:
                for r in chunk_rows:
                    outcome[id(r)] = _row_result(r, False, str(exc), exc.retryable)
                continue
            failed = _sku_errors(data)
            for entry in chunk:
                # An error naming no SKU concerns the whole call: no row of it may count as accepted.
                message = failed.get(entry["id"]) or failed.get("")
                for r in skus[entry["id"]]:
                    outcome[id(r)] = _row_result(r, message is None, message or "")
    result.rows = [outcome[id(r)] for r in rows]
    result.requests = api.requests - start_requests
    return scrub(result)  # the marketplace's per-SKU messages are stored with each push row


def _sku_errors(data: dict) -> dict[str, str]:
    """`data.errors[]` by SKU id, in words; warehouse-level details joined in."""
    failed: dict[str, str] = {}
    for err in data.get("errors") or []:
        if not isinstance(err, dict):
            continue
        detail = err.get("detail") or {}
        sku_id = str(detail.get("sku_id") or "")
        code = str(err.get("code") or "")
        words = errors.words_for(code, str(err.get("message") or ""))
        extra = [
            f"warehouse {e.get('warehouse_id')}: "
            + errors.words_for(str(e.get("code") or ""), str(e.get("message") or ""))
            for e in detail.get("extra_errors") or []
            if isinstance(e, dict)
        ]
        text = f"{words} ({code})" if code else words
        if extra:
            text += "; " + "; ".join(extra)
        failed[sku_id] = text
    return failed
