"""SKU pull: every product and variant of the shop into `Product`, and a mapping for each sellable SKU.

A variant parent is not sellable and gets no mapping. A sellable product with an empty SKU is reported (it can
still be mapped by hand from the unmapped queue). A mapping the seller already set is never overwritten by a
pull: only new or still-unmapped products go through the channel's create / map-only rule.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import base
from tokodesk.services import mapping as mapping_service
from tokodesk.services.runs import RunSummary, sync_run
from tokodesk.store import models as m

log = logging.getLogger(__name__)

BATCH = 200  # products a transaction


def _batches(items: Iterator[base.Product], size: int) -> Iterator[list[base.Product]]:
    batch: list[base.Product] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _product_values(channel: m.Channel, p: base.Product) -> dict:
    return {
        "channel": channel.id,
        "product_id": str(p.product_id),
        "parent_id": p.parent_id,
        "is_parent": bool(p.is_parent),
        "sku": (p.sku or "").strip(),
        "sku_id": p.sku_id or "",
        "name": p.name or "",
        "price": int(p.price or 0),
        "stock": p.stock,
        "status": p.status or "",
        "warehouse_ids": list(p.warehouse_ids or []),
    }


_COMPARED = ("parent_id", "is_parent", "sku", "sku_id", "name", "price", "stock", "status", "warehouse_ids")


def pull_skus(
    channel: m.Channel,
    adapter: base.Marketplace | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
) -> RunSummary:
    """`tokodesk sync skus`. `details` of the summary: mapped, unmapped (list), empty_sku (list), parents."""
    own_adapter = adapter is None
    if adapter is None:
        from tokodesk.services.channels import adapter_for

        adapter = adapter_for(channel)
    database = m.Product._meta.database
    try:
        with sync_run(channel, "skus") as run:
            summary = run.summary
            existing = {r["product_id"]: r for r in m.Product.select().where(m.Product.channel == channel.id).dicts()}
            mappings = {r.product_id: r for r in m.SkuMapping.select().where(m.SkuMapping.channel == channel.id)}
            seller_skus = mapping_service.seller_sku_set()
            empty_sku: list[dict] = []
            unmapped: list[dict] = []
            parents = 0
            newly_mapped = 0
            try:
                for batch in _batches(adapter.list_products(cancel=cancel), BATCH):
                    if cancel and cancel():
                        summary.status = "cancelled"
                        break
                    with database.atomic():
                        for p in batch:
                            summary.fetched += 1
                            try:
                                values = _product_values(channel, p)
                            except (TypeError, ValueError) as exc:
                                summary.add_error(said(QT_TRANSLATE_NOOP(
                                        "Refusals", "product {product_id}: unreadable ({error})"),
                                                       product_id=getattr(p, "product_id", "?"), error=str(exc)))
                                continue
                            pid = values["product_id"]
                            old = existing.get(pid)
                            if old is None:
                                m.Product.insert(values).execute()
                                summary.created += 1
                            elif any(old[k] != values[k] for k in _COMPARED):
                                m.Product.update(**values, pulled_at=m.utcnow()).where(
                                    m.Product.id == old["id"]
                                ).execute()
                                summary.updated += 1
                            if values["is_parent"]:
                                parents += 1
                                continue
                            sku = values["sku"]
                            if not sku:
                                empty_sku.append({"product_id": pid, "name": values["name"]})
                                summary.add_error(
                                    said(QT_TRANSLATE_NOOP(
                                            "Refusals", "product {product_id} {name!r} has no SKU: give it one in "
                                                        "Seller Center, or map it by hand"),
                                         product_id=pid, name=values["name"]),
                                    failed=False,
                                )
                            mapped_now = _map_product(channel, values, mappings, seller_skus)
                            newly_mapped += mapped_now
                            mapping = mappings[pid]
                            if mapping.seller_sku is None:
                                unmapped.append({"product_id": pid, "sku": sku, "name": values["name"]})
                        run.heartbeat()
                    if progress:
                        progress(summary.fetched, None, said(
                            QT_TRANSLATE_NOOP("Progress", "{count} products read"), count=summary.fetched))
            except base.MarketplaceError as exc:
                summary.status = "failed"
                summary.errors.append(said(QT_TRANSLATE_NOOP(
                        "Refusals", "the SKU pull stopped: {error}"), error=str(exc)))
            from tokodesk.services.stock_adopt import uncounted_skus

            summary.details.update(
                # New SKUs are not counted (nothing is pushed for them): say how many, so the seller counts or adopts.
                uncounted=len(uncounted_skus(channel)),
                mapped=newly_mapped,
                unmapped=unmapped,
                empty_sku=empty_sku,
                parents=parents,
                mode=channel.sku_pull_mode,
            )
            with database.atomic():
                if newly_mapped:
                    m.Channel.update(inventory_dirty_at=m.utcnow()).where(m.Channel.id == channel.id).execute()
                mapping_service.remap_orders(channel)
        return summary
    finally:
        if own_adapter:
            adapter.close()


def _map_product(channel: m.Channel, values: dict, mappings: dict[str, m.SkuMapping], seller_skus: set[str]) -> int:
    """Create or refresh the product's mapping; return 1 when it got a seller SKU just now."""
    pid = values["product_id"]
    mapping = mappings.get(pid)
    if mapping is None:
        mapping = m.SkuMapping(channel=channel.id, product_id=pid)
        mappings[pid] = mapping
    elif mapping.seller_sku is not None:
        # The seller's mapping stands; keep the marketplace side current for stock pushes.
        if mapping.marketplace_sku != values["sku"] or mapping.sku_id != values["sku_id"]:
            mapping.marketplace_sku = values["sku"]
            mapping.sku_id = values["sku_id"]
            mapping.updated_at = m.utcnow()
            mapping.save()
        return 0
    seller_sku, is_new = mapping_service.auto_map_seller_sku(channel, values["sku"], seller_skus)
    if is_new:
        m.StockItem.insert(seller_sku=seller_sku, name=values["name"]).on_conflict_ignore().execute()
    changed = (
        mapping.id is None
        or mapping.seller_sku != seller_sku
        or mapping.marketplace_sku != values["sku"]
        or mapping.sku_id != values["sku_id"]
    )
    mapping.marketplace_sku = values["sku"]
    mapping.sku_id = values["sku_id"]
    mapping.seller_sku = seller_sku
    if changed:
        mapping.updated_at = m.utcnow()
        mapping.save()
    return 1 if seller_sku else 0
