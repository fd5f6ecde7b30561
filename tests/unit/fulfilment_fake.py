"""A marketplace double for the fulfilment tests: keeps orders, counts what was applied, injects faults.

Faults are scripted per call kind: "lose" applies the call and then loses the answer (OutcomeUnknown),
"drop" loses the request before it is applied (OutcomeUnknown), "error:CODE:text" answers with an error.
"""

from __future__ import annotations

import copy
import threading
from collections import Counter, defaultdict, deque
from collections.abc import Sequence
from datetime import datetime, timedelta

from tokodesk.marketplace import base
from tokodesk.marketplace.tokopedia import reasons as tokopedia_reasons
from tokodesk.store import models as m

S = base.OrderState


def capabilities(marketplace: str = "tokopedia") -> base.Capabilities:
    if marketplace == "tokopedia":
        return base.Capabilities(
            marketplace="tokopedia", display_name="Tokopedia", has_acknowledge=True,
            label_format=base.LabelFormat.HTML, handover=base.HandoverChoice.PER_ORDER,
            cancel_by_reason_name=False, stock_per_product=False, stock_batch_max=100,
            order_window_max=timedelta(days=3), has_booking_code=True,
        )
    return base.Capabilities(
        marketplace="tiktokshop", display_name="Tokopedia & Shop", has_acknowledge=False,
        label_format=base.LabelFormat.PDF, handover=base.HandoverChoice.PER_WAREHOUSE,
        cancel_by_reason_name=True, stock_per_product=True, stock_batch_max=100,
        order_window_max=None, has_booking_code=False,
        seller_cancel_states=frozenset({S.AWAITING_PAYMENT, S.ON_HOLD, S.ACKNOWLEDGED, S.PACKED, S.READY_TO_SHIP}),
    )


class FakeMarketplace:
    def __init__(self, orders: list[base.Order], marketplace: str = "tokopedia") -> None:
        self.capabilities = capabilities(marketplace)
        self.orders = {o.order_id: o for o in orders}
        self.applied: Counter = Counter()  # (kind, order_id) -> times the marketplace applied it
        self.calls: list[tuple[str, str]] = []
        self.faults: dict[str, deque[str]] = defaultdict(deque)
        self.read_failures = 0
        self.closed = False
        # Batches send from several threads (services/fulfilment/pool.py): one call at a time here, as a marketplace
        # applies each request to its order on its own.
        self._lock = threading.RLock()

    def fault(self, kind: str, *faults: str) -> None:
        self.faults[kind].extend(faults)

    def _next_fault(self, kind: str) -> str:
        return self.faults[kind].popleft() if self.faults[kind] else ""

    def _call(self, kind: str, order_id: str, apply) -> object:  # noqa: ANN001
        with self._lock:
            return self._call_locked(kind, order_id, apply)

    def _call_locked(self, kind: str, order_id: str, apply) -> object:  # noqa: ANN001
        self.calls.append((kind, order_id))
        fault = self._next_fault(kind)
        if fault == "drop":
            raise base.OutcomeUnknown("the connection dropped before an answer came")
        if fault.startswith("error:"):
            _, code, text = fault.split(":", 2)
            raise base.MarketplaceError(text, code)
        result = apply(self.orders[order_id])
        self.applied[(kind, order_id)] += 1
        if fault == "lose":
            raise base.OutcomeUnknown("the answer was lost (timeout)")
        return result

    # ---- reads -------------------------------------------------------------------------------------------
    def get_order(self, order_id: str | None = None, invoice: str | None = None) -> base.Order:
        with self._lock:
            return self._get_order(order_id, invoice)

    def _get_order(self, order_id: str | None = None, invoice: str | None = None) -> base.Order:
        self.calls.append(("get_order", order_id or invoice or ""))
        if self.read_failures:
            self.read_failures -= 1
            raise base.NotReachable("cannot reach the marketplace")
        if order_id not in self.orders:
            raise base.MarketplaceError("Data Not Found", "ORD_API_008")
        return copy.deepcopy(self.orders[order_id])

    def get_orders(self, order_ids: Sequence[str]) -> list[base.Order]:
        """As the legacy API: one read per order, an order it no longer knows left out, any other error raised."""
        found = []
        for order_id in dict.fromkeys(str(i) for i in order_ids):
            try:
                found.append(self.get_order(order_id=order_id))
            except base.MarketplaceError as exc:
                if exc.error_code != "ORD_API_008":
                    raise
        return found

    def cancel_reasons(self, order: base.Order) -> list[base.CancelReason]:
        return tokopedia_reasons.reasons_for(self.orders[order.order_id].state)

    # ---- mutations ---------------------------------------------------------------------------------------
    def acknowledge(self, order_id: str) -> None:
        def apply(order: base.Order) -> None:
            if order.state is not S.NEW:
                raise base.MarketplaceError("order status is not eligible to accept", "ORD_USC_001")
            order.state, order.marketplace_status = S.ACKNOWLEDGED, "400"
            order.booking_code = f"TKP{order.order_id}"

        self._call("ack", order_id, apply)

    def reject(self, order: base.Order, request: base.CancelRequest) -> None:
        def apply(remote: base.Order) -> None:
            if remote.state not in (S.NEW, S.ACKNOWLEDGED):
                raise base.MarketplaceError("order status is not eligible to reject", "ORD_USC_008")
            tokopedia_reasons.nack_body(request)
            remote.state, remote.marketplace_status = S.CANCELLED, "10"

        self._call("nack", order.order_id, apply)

    def ship(self, order: base.Order, method: base.ShipMethod, awb: str | None = None) -> base.ShipmentInfo:
        def apply(remote: base.Order) -> base.ShipmentInfo:
            if remote.state is not S.ACKNOWLEDGED:
                raise base.MarketplaceError("order status is not eligible to ship", "ORD_DLV_023")
            if method is base.ShipMethod.PICKUP:
                remote.state, remote.marketplace_status = S.AWAITING_PICKUP, "450"
            elif method is base.ShipMethod.OWN_COURIER:
                remote.state, remote.marketplace_status, remote.awb = S.SHIPPED, "500", awb
            return base.ShipmentInfo(order.order_id, booking_code=remote.booking_code, awb=remote.awb)

        return self._call(f"ship:{method.value}", order.order_id, apply)

    def booking_code(self, order_id: str) -> str | None:
        return self.orders[order_id].booking_code

    def shipping_label(self, order: base.Order, mark_printed: bool = False) -> base.Label:
        self.calls.append(("shipping_label", order.order_id))
        return base.Label(b"<html><body>label</body></html>", "text/html")

    def close(self) -> None:
        self.closed = True


def remote_order(order_id: str, state: S = S.NEW, **extra: object) -> base.Order:
    fields = {"created_at": datetime(2026, 11, 20, 3, 0), "courier": "JNE", "service": "REG", **extra}
    return base.Order(
        order_id=order_id,
        invoice=f"INV/20261120/MPL/{order_id}",
        marketplace_status={S.NEW: "220", S.ACKNOWLEDGED: "400"}.get(state, "0"),
        state=state,
        lines=[base.OrderLine(product_id="p1", sku="SKU-A", name="Kaos", quantity=2, price=50000)],
        recipient=base.Recipient(name="Budi", phone="0812", address="Jl. Melati 1", city="Jakarta Selatan"),
        **fields,
    )


def store_order(channel: m.Channel, remote: base.Order, *, mapped: bool = True) -> m.Order:
    """The same order as the local store holds it (what a pull would have written)."""
    order = m.Order.create(
        channel=channel,
        order_id=remote.order_id,
        invoice=remote.invoice,
        marketplace_status=remote.marketplace_status,
        state=remote.state.value,
        courier=remote.courier,
        service=remote.service,
        booking_code=remote.booking_code,
        created_at=remote.created_at,
        accept_deadline=remote.accept_deadline,
        recipient_name=remote.recipient.name,
        recipient_phone=remote.recipient.phone,
        recipient_address=remote.recipient.address,
        recipient_city=remote.recipient.city,
    )
    for no, line in enumerate(remote.lines):
        m.OrderLine.create(
            order=order, line_no=no, product_id=line.product_id, sku=line.sku, name=line.name,
            quantity=line.quantity, price=line.price, seller_sku=f"OWN-{line.sku}" if mapped else None,
        )
    return order
