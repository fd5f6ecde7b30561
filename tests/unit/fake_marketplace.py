"""A small in-memory marketplace implementing `base.Marketplace`, for the service tests.

It keeps products and orders as the adapter dataclasses, serves them page by page like a real client, and can be
told to break: an unreadable order in a page, a lost connection after N pages.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta, timezone

from tokodesk.marketplace import base

CAPS = base.Capabilities(
    marketplace="tokopedia",
    display_name="Tokopedia",
    has_acknowledge=True,
    label_format=base.LabelFormat.HTML,
    handover=base.HandoverChoice.PER_ORDER,
    cancel_by_reason_name=False,
    stock_per_product=False,
    stock_batch_max=100,
    order_window_max=timedelta(seconds=3 * 24 * 3600 - 1),
    has_booking_code=True,
)

STATE_OF = {
    "220": base.OrderState.NEW,
    "400": base.OrderState.ACKNOWLEDGED,
    "450": base.OrderState.AWAITING_PICKUP,
    "500": base.OrderState.SHIPPED,
    "550": base.OrderState.RETURNED,
    "600": base.OrderState.DELIVERED,
    "700": base.OrderState.COMPLETED,
    "15": base.OrderState.CANCELLED,
    "0": base.OrderState.CANCELLED,
}


def naive(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(tzinfo=None) if moment.tzinfo else moment


class FakeMarketplace:
    capabilities = CAPS

    def __init__(self, *, page_size: int = 3) -> None:
        self.products: list[base.Product] = []
        self.orders: dict[str, base.Order] = {}
        self.invalid: list[tuple[datetime, base.InvalidOrder]] = []
        self.page_size = page_size
        self.fail_after_pages: int | None = None
        self.pages_served = 0
        self.list_calls: list[tuple[datetime, datetime]] = []
        self.get_orders_calls: list[list[str]] = []
        self.closed = False

    # --- shop setup helpers ---
    def add_product(self, product_id: str, sku: str, name: str = "", **kw: object) -> base.Product:
        p = base.Product(product_id=product_id, name=name or f"Product {product_id}", sku=sku, **kw)
        self.products.append(p)
        return p

    def add_order(
        self, order_id: str, created_at: datetime, lines: list[tuple[str, str, int]], status: str = "220", **kw: object
    ) -> base.Order:
        order = base.Order(
            order_id=order_id,
            invoice=kw.pop("invoice", f"INV/20261124/MPL/{order_id}"),
            marketplace_status=status,
            state=STATE_OF[status],
            created_at=created_at,
            courier="JNE",
            lines=[base.OrderLine(product_id=p, sku=s, name=f"item {p}", quantity=q, price=10000) for p, s, q in lines],
            **kw,
        )
        self.orders[order_id] = order
        return order

    def set_status(self, order_id: str, status: str, **kw: object) -> None:
        order = self.orders[order_id]
        order.marketplace_status = status
        order.state = STATE_OF[status]
        for key, value in kw.items():
            setattr(order, key, value)

    # --- the protocol ---
    def shop_info(self) -> base.Shop:
        return base.Shop(shop_id="1", name="Toko Fake")

    def list_products(self, progress=None, cancel=None) -> Iterator[base.Product]:  # noqa: ANN001
        yield from self.products

    def list_orders(self, start, end, progress=None, cancel=None) -> Iterator[list]:  # noqa: ANN001
        self.list_calls.append((start, end))
        start, end = naive(start), naive(end)
        matching: list = [o for o in self.orders.values() if start <= naive(o.created_at) < end]
        matching += [bad for when, bad in self.invalid if start <= when < end]
        matching.sort(key=lambda o: (naive(o.created_at) if isinstance(o, base.Order) else start, o.order_id))
        for i in range(0, len(matching), self.page_size):
            if self.fail_after_pages is not None and self.pages_served >= self.fail_after_pages:
                raise base.NotReachable("connection lost (fake)")
            self.pages_served += 1
            yield [_copy(o) for o in matching[i : i + self.page_size]]

    def get_order(self, order_id=None, invoice=None) -> base.Order:  # noqa: ANN001
        return _copy(self.orders[order_id])

    def get_orders(self, order_ids: Sequence[str]) -> list[base.Order]:
        self.get_orders_calls.append(list(order_ids))
        return [_copy(self.orders[i]) for i in order_ids if i in self.orders]

    def close(self) -> None:
        self.closed = True

    def cancel_reasons(self, order):  # noqa: ANN001, ANN201
        return []

    def acknowledge(self, order_id):  # noqa: ANN001, ANN201
        raise NotImplementedError

    def reject(self, order, request):  # noqa: ANN001, ANN201
        raise NotImplementedError

    def ship(self, order, method, awb=None):  # noqa: ANN001, ANN201
        raise NotImplementedError

    def shipping_label(self, order, mark_printed=False):  # noqa: ANN001, ANN201
        raise NotImplementedError

    def booking_code(self, order_id):  # noqa: ANN001, ANN201
        return None

    def update_stock(self, rows, cancel=None):  # noqa: ANN001, ANN201
        raise NotImplementedError

    def read_stock(self, product_ids):  # noqa: ANN001, ANN201
        return []


def _copy(order):  # noqa: ANN001, ANN201 - an adapter hands out fresh objects each call
    if isinstance(order, base.InvalidOrder):
        return order
    import copy

    return copy.deepcopy(order)
