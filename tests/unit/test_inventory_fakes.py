"""Shared test helpers for the inventory and reconciliation tests: store rows and a fake marketplace."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from tokodesk.marketplace import base
from tokodesk.store import models as m

CAPS = base.Capabilities(
    marketplace="tokopedia",
    display_name="Tokopedia",
    has_acknowledge=True,
    label_format=base.LabelFormat.HTML,
    handover=base.HandoverChoice.PER_ORDER,
    cancel_by_reason_name=False,
    stock_per_product=False,
    stock_batch_max=100,
    order_window_max=timedelta(days=3),
    has_booking_code=True,
)


class FakeMarket:
    """The two stock calls of a marketplace, in memory: batches of ≤100, unknown products fail per row."""

    capabilities = CAPS

    def __init__(self, stock: dict[str, int] | None = None, *, fail: dict[str, str] | None = None) -> None:
        self.stock: dict[str, int] = dict(stock or {})
        self.fail = dict(fail or {})
        self.requests: list[list[base.StockRow]] = []
        self.reads: list[list[str]] = []
        self.raise_error: base.MarketplaceError | None = None
        self.closed = False

    def update_stock(self, rows: Sequence[base.StockRow], cancel=None) -> base.StockResult:
        if self.raise_error is not None:
            raise self.raise_error
        result = base.StockResult()
        for start in range(0, len(rows), 100):
            if cancel is not None and cancel():
                break
            batch = list(rows[start : start + 100])
            self.requests.append(batch)
            result.requests += 1
            for row in batch:
                if row.product_id in self.fail:
                    result.rows.append(base.StockRowResult(row.product_id, row.sku, row.quantity, False,
                                                           self.fail[row.product_id]))
                elif row.product_id not in self.stock:
                    result.rows.append(base.StockRowResult(row.product_id, row.sku, row.quantity, False,
                                                           "product not found"))
                else:
                    self.stock[row.product_id] = row.quantity
                    result.rows.append(base.StockRowResult(row.product_id, row.sku, row.quantity, True))
        return result

    def read_stock(self, product_ids: Sequence[str]) -> list[base.StockLevel]:
        self.reads.append(list(product_ids))
        return [base.StockLevel(p, f"MP-{p}", self.stock[p]) for p in product_ids if p in self.stock]

    def close(self) -> None:
        self.closed = True

    @property
    def rows_sent(self) -> int:
        return sum(len(b) for b in self.requests)


def channel(name: str = "toko", **settings) -> m.Channel:
    return m.Channel.create(name=name, marketplace="tokopedia", fs_id="1", client_id="c", shop_id="2", **settings)


def mapping(ch: m.Channel, product_id: str, seller_sku: str | None, *, buffer: int = 0, **extra) -> m.SkuMapping:
    return m.SkuMapping.create(channel=ch, product_id=product_id, marketplace_sku=f"MP-{product_id}",
                               seller_sku=seller_sku, buffer=buffer, **extra)


def stock(seller_sku: str, on_hand: int) -> m.StockItem:
    return m.StockItem.create(seller_sku=seller_sku, on_hand=on_hand)


_order_no = [0]


def order(ch: m.Channel, state: str, lines: list[tuple[str | None, int]], **extra) -> m.Order:
    _order_no[0] += 1
    o = m.Order.create(channel=ch, order_id=str(9000 + _order_no[0]), invoice=f"INV/{_order_no[0]}", state=state,
                       created_at=m.utcnow(), **extra)
    for i, (sku, qty) in enumerate(lines):
        m.OrderLine.create(order=o, line_no=i, product_id="", sku=sku or "", seller_sku=sku, quantity=qty)
    return o


def set_state(o: m.Order, state: str) -> m.Order:
    m.Order.update(state=state).where(m.Order.id == o.id).execute()
    return m.Order.get_by_id(o.id)


def avail(ch: m.Channel | None = None) -> dict[str, int]:
    from tokodesk.services import inventory

    return {a.product_id: a.available for a in inventory.compute_availability(ch)}
