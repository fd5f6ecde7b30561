"""The sandbox shop's state, free of any API dialect: products, stock, orders and their lifecycle.

Order statuses are an `IntEnum` whose values happen to be the Tokopedia FS codes (the richest lifecycle of the
two marketplaces); a dialect maps them to its own vocabulary. Every public method takes `shop.lock` itself, and
first lets the clock catch up (`tick`): timed transitions, accept deadlines, new orders and buyer cancellations
happen lazily, on the next look at the shop, from a heap of due events, so a shop of 10,000 orders costs nothing
while idle. Dialects that need several calls to be atomic hold `shop.lock` (an RLock) around them.
"""

from __future__ import annotations

import enum
import heapq
import random
import threading
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from tokodesk.sandbox.clock import Clock


class Status(enum.IntEnum):
    CANCELLED = 0  # not accepted before the deadline, or a buyer cancellation request ran out
    REJECTED = 10  # the seller rejected (NACK)
    BUYER_CANCELLED = 15  # the buyer cancelled before the seller accepted
    PAID = 220  # payment verified: to accept or reject
    ACCEPTED = 400  # accepted; platform couriers issue a booking code now
    AWAITING_PICKUP = 450  # pick-up requested
    SHIPPED = 500
    DELIVERED = 600
    COMPLETED = 700


OPEN = frozenset({Status.PAID, Status.ACCEPTED, Status.AWAITING_PICKUP})
CANCELLED = frozenset({Status.CANCELLED, Status.REJECTED, Status.BUYER_CANCELLED})


class ShopError(Exception):
    """A request the shop refuses. `kind` is dialect-free: not_found, not_eligible, invalid, no_permission."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class Timing:
    """How long the shop waits before it moves an order on by itself (seconds of the shop clock).

    `time_scale` multiplies the "after a while" steps (pick-up to shipped, delivered, completed, buyer
    cancellation requests running out); the accept window is its own setting because sellers live by it.
    """

    accept_window: float = 2 * 86400
    confirm_window: float = 2 * 86400
    pickup_to_shipped: float = 2 * 3600
    shipped_to_delivered: float = 2 * 86400
    delivered_to_completed: float = 2 * 86400
    cancel_request_window: float = 86400
    time_scale: float = 1.0

    def scaled(self, seconds: float) -> float:
        return seconds * self.time_scale


@dataclass(frozen=True)
class Courier:
    agency: str  # "JNE", "SiCepat", ... or "Custom Logistik" for the shop's own courier
    service: str  # "Reguler", "REG", "EZ", ...
    shipping_id: int
    sp_id: int
    own: bool = False  # own courier: no booking code, no pick-up; ships with an AWB typed by the seller
    awb_prefix: str = ""


@dataclass(frozen=True)
class Address:
    street: str
    district: str
    city: str
    province: str
    postal_code: str
    district_id: int
    city_id: int
    province_id: int
    geo: str


@dataclass(frozen=True)
class Person:
    person_id: int
    name: str
    phone: str
    email: str
    address: Address


@dataclass
class Product:
    product_id: int
    name: str
    sku: str  # "" for the products the seller never gave a SKU
    price: int  # rupiah
    stock: int
    weight_g: int
    category_id: int
    category_name: str
    menu_id: int
    menu_name: str
    parent_id: int | None = None
    children: list[int] = field(default_factory=list)
    status: int = 1  # 1 active, 3 inactive
    created: float = 0.0
    updated: float = 0.0
    sold: int = 0
    stock_updates: int = 0
    # Tokopedia & Shop: stock this SKU also keeps in other warehouses of the shop (warehouse id -> units). Orders
    # take from `stock` (the shop's main warehouse) only; a stock update must send every warehouse of the SKU.
    other_warehouses: dict[str, int] = field(default_factory=dict)

    @property
    def is_parent(self) -> bool:
        return bool(self.children)


@dataclass
class OrderLine:
    detail_id: int
    product_id: int
    name: str
    sku: str
    quantity: int
    price: int
    weight_g: int
    notes: str = ""


@dataclass
class HistoryEntry:
    status: int
    time: float
    actor: str  # "buyer", "seller", "system", "courier"
    message: str


@dataclass
class Order:
    order_id: int
    invoice: str
    payment_id: int
    create_time: float
    status: Status
    lines: list[OrderLine]
    buyer: Person
    recipient: Person
    courier: Courier
    shipping_cost: int
    insurance_cost: int
    accept_deadline: float
    booking_code: str = ""
    awb: str = ""
    confirm_deadline: float | None = None
    update_time: float = 0.0
    shipped_time: float | None = None
    delivered_time: float | None = None
    history: list[HistoryEntry] = field(default_factory=list)
    cancel_request: dict | None = None  # {"reason": str, "time": float} while a buyer asks to cancel
    reject_reason: dict | None = None
    # Who started the cancellation, where the last history entry does not say it: a buyer's request the seller
    # granted (or that ran out) is the buyer's, though the seller's NACK or the system closed it.
    cancelled_by: str = ""
    printed: bool = False
    label_prints: int = 0
    acks: int = 0
    nacks: int = 0
    pickups: int = 0
    confirms: int = 0
    drop_offs: int = 0
    # Every mutation request that reached this order, refused ones too (acks/pickups only count the ones that
    # took effect, so a second station's duplicate request would not show there).
    requests: Counter[str] = field(default_factory=Counter)

    @property
    def items_total(self) -> int:
        return sum(line.price * line.quantity for line in self.lines)

    @property
    def total(self) -> int:
        return self.items_total + self.shipping_cost + self.insurance_cost

    def set_status(self, status: Status, at: float, actor: str, message: str) -> None:
        self.status = status
        self.update_time = at
        self.history.append(HistoryEntry(int(status), at, actor, message))


class Shop:
    """One seller's shop. See the module docstring for the locking and ticking rules."""

    def __init__(
        self,
        *,
        seed: int,
        shop_id: int,
        warehouse_id: int,
        shop_name: str,
        shop_domain: str,
        address: Address,
        clock: Clock,
        timing: Timing,
        new_orders_per_hour: float = 0.0,
        buyer_cancels_per_hour: float = 0.0,
    ) -> None:
        self.lock = threading.RLock()
        self.seed = seed
        self.shop_id = shop_id
        self.warehouse_id = warehouse_id
        self.shop_name = shop_name
        self.shop_domain = shop_domain
        self.address = address
        self.clock = clock
        self.timing = timing
        self.new_orders_per_hour = new_orders_per_hour
        self.buyer_cancels_per_hour = buyer_cancels_per_hour
        self.created = clock.now()
        self.products: dict[int, Product] = {}
        self.product_ids: list[int] = []  # listing order (the default sort)
        self.sku_index: dict[str, int] = {}
        self.orders: dict[int, Order] = {}
        self.order_ids: list[int] = []  # ascending create_time (new orders only ever arrive "now")
        self.order_times: list[float] = []  # parallel to order_ids, for bisect
        self.invoice_index: dict[str, int] = {}
        self.couriers: list[Courier] = []
        self.events: list[tuple[float, int, int, int, str]] = []
        self._event_seq = 0
        self.runtime_rng = random.Random(seed * 7919 + 1)
        self.make_order = None  # set by the generator: (shop, at, rng) -> Order | None
        self.next_arrival: float | None = None
        self.next_cancel: float | None = None
        self.counters: Counter[str] = Counter()
        # Running promotions by product id -> promotion name: the marketplace refuses price changes of these.
        self.promotions: dict[int, str] = {}

    # ---- building (generator) -------------------------------------------------------------------------
    def add_product(self, product: Product) -> None:
        self.products[product.product_id] = product
        self.product_ids.append(product.product_id)
        if product.sku:
            self.sku_index[product.sku] = product.product_id

    def add_order(self, order: Order) -> None:
        """Append an order; callers add them in create_time order."""
        if self.order_times and order.create_time < self.order_times[-1]:
            raise ValueError("orders must be added in create_time order")
        self.orders[order.order_id] = order
        self.order_ids.append(order.order_id)
        self.order_times.append(order.create_time)
        self.invoice_index[order.invoice] = order.order_id
        self.schedule_for(order)

    def schedule(self, due: float, order: Order, action: str) -> None:
        self._event_seq += 1
        heapq.heappush(self.events, (due, self._event_seq, order.order_id, int(order.status), action))

    def schedule_for(self, order: Order, since: float | None = None) -> None:
        """Queue the transition the order's current status waits for."""
        t = self.timing
        base = order.update_time if since is None else since
        if order.status == Status.PAID:
            self.schedule(order.accept_deadline, order, "expire")
        elif order.status == Status.AWAITING_PICKUP:
            self.schedule(base + t.scaled(t.pickup_to_shipped), order, "ship")
        elif order.status == Status.SHIPPED:
            self.schedule(base + t.scaled(t.shipped_to_delivered), order, "deliver")
        elif order.status == Status.DELIVERED:
            self.schedule(base + t.scaled(t.delivered_to_completed), order, "complete")

    def start_running(self) -> None:
        """Start the arrival and cancellation processes from now (after the generator built the history)."""
        now = self.clock.now()
        self.next_arrival = now + self._gap(self.new_orders_per_hour)
        self.next_cancel = now + self._gap(self.buyer_cancels_per_hour)

    def _gap(self, per_hour: float) -> float:
        return self.runtime_rng.expovariate(per_hour / 3600.0) if per_hour > 0 else float("inf")

    # ---- time ------------------------------------------------------------------------------------------
    def tick(self) -> None:
        """Apply everything that fell due up to now, in time order."""
        with self.lock:
            now = self.clock.now()
            while True:
                due_event = self.events[0][0] if self.events else float("inf")
                due_arrival = self.next_arrival if self.next_arrival is not None else float("inf")
                due_cancel = self.next_cancel if self.next_cancel is not None else float("inf")
                first = min(due_event, due_arrival, due_cancel)
                if first > now:
                    return
                if first == due_event:
                    due, _seq, order_id, expected, action = heapq.heappop(self.events)
                    self._run_event(due, self.orders[order_id], expected, action)
                elif first == due_arrival:
                    self._arrive(due_arrival)
                    self.next_arrival = due_arrival + self._gap(self.new_orders_per_hour)
                else:
                    self._buyer_cancels(due_cancel)
                    self.next_cancel = due_cancel + self._gap(self.buyer_cancels_per_hour)

    def advance(self, seconds: float) -> None:
        """Move the shop clock forward and apply what fell due (tests and the demo use this)."""
        self.clock.advance(seconds)
        self.tick()

    def _run_event(self, at: float, order: Order, expected: int, action: str) -> None:
        if int(order.status) != expected:
            return  # the order moved on before the timer ran out
        if action == "expire":
            order.set_status(Status.CANCELLED, at, "system", "Seller exceeded processing deadline")
            self._restock(order)
        elif action == "ship":
            self._ship(order, at, "courier", "Picked up by courier", order.awb or self._auto_awb(order))
        elif action == "deliver":
            order.delivered_time = at
            order.set_status(Status.DELIVERED, at, "courier", "Order delivered")
            self.schedule_for(order)
        elif action == "complete":
            order.set_status(Status.COMPLETED, at, "system", "Order finished")
        elif action == "cancel_timeout" and order.cancel_request is not None:
            order.set_status(Status.CANCELLED, at, "system", "Buyer cancellation request approved automatically")
            order.cancelled_by = "buyer"
            order.cancel_request = None
            self._restock(order)

    def _arrive(self, at: float) -> None:
        if self.make_order is None:
            return
        order = self.make_order(self, at, self.runtime_rng)
        if order is not None:
            for line in order.lines:
                product = self.products[line.product_id]
                product.stock -= line.quantity
                product.sold += line.quantity
            self.add_order(order)
            self.counters["arrived"] += 1

    def _buyer_cancels(self, at: float) -> None:
        # Buyers cancel recent orders: look among the orders still inside the accept window.
        rng = self.runtime_rng
        candidates = self.order_ids[bisect_left(self.order_times, at - self.timing.accept_window):]
        for _ in range(20):
            if not candidates:
                return
            order = self.orders[rng.choice(candidates)]
            if order.status == Status.PAID:
                order.set_status(Status.BUYER_CANCELLED, at, "buyer", "Buyer cancelled the order")
                self._restock(order)
                self.counters["buyer_cancelled"] += 1
                return
            if order.status == Status.ACCEPTED and order.cancel_request is None:
                reason = rng.choice(["Ingin mengubah alamat pengiriman", "Berubah pikiran", "Ingin ganti varian"])
                order.cancel_request = {"reason": reason, "time": at}
                order.update_time = at
                self.schedule(at + self.timing.scaled(self.timing.cancel_request_window), order, "cancel_timeout")
                self.counters["cancel_requested"] += 1
                return

    # ---- seller actions -------------------------------------------------------------------------------
    def get_order(self, order_id: int) -> Order:
        with self.lock:
            self.tick()
            order = self.orders.get(order_id)
            if order is None:
                raise ShopError("not_found", "order not found")
            return order

    def ack(self, order_id: int) -> Order:
        with self.lock:
            order = self.get_order(order_id)
            order.requests["ack"] += 1
            if order.status != Status.PAID:
                raise ShopError("not_eligible", "order status is not eligible to accept")
            now = self.clock.now()
            order.acks += 1
            if not order.courier.own:
                order.booking_code = self._booking_code(order)
            order.confirm_deadline = now + self.timing.confirm_window
            order.set_status(Status.ACCEPTED, now, "seller", "Seller accepted the order")
            return order

    def nack(self, order_id: int, reason_code: int, reason: str, buyer_request: bool = False) -> Order:
        with self.lock:
            order = self.get_order(order_id)
            order.requests["nack"] += 1
            if order.status not in (Status.PAID, Status.ACCEPTED):
                raise ShopError("not_eligible", "order status is not eligible to reject")
            if buyer_request and order.cancel_request is None:
                raise ShopError("no_cancel_request", "the buyer has not requested cancellation")
            now = self.clock.now()
            order.nacks += 1
            order.reject_reason = {"reason_code": reason_code, "reason": reason}
            order.cancelled_by = "buyer" if buyer_request else "seller"
            order.cancel_request = None
            order.set_status(Status.REJECTED, now, "seller", reason or "Seller rejected the order")
            self._restock(order)
            return order

    def reject_cancel_request(self, order_id: int) -> Order:
        with self.lock:
            order = self.get_order(order_id)
            if order.cancel_request is None:
                raise ShopError("not_eligible", "the order has no buyer cancellation request")
            order.cancel_request = None
            order.update_time = self.clock.now()
            return order

    def request_pickup(self, order_id: int) -> Order:
        with self.lock:
            order = self.get_order(order_id)
            order.requests["pickup"] += 1
            if order.courier.own:
                raise ShopError("no_permission", "pick-up is not available for the shop's own courier")
            if order.status != Status.ACCEPTED:
                raise ShopError("not_eligible", "pick-up needs an accepted order")
            now = self.clock.now()
            order.pickups += 1
            order.set_status(Status.AWAITING_PICKUP, now, "seller", "Pick-up requested")
            self.schedule_for(order)
            return order

    def confirm_shipping(self, order_id: int, awb: str) -> Order:
        with self.lock:
            order = self.get_order(order_id)
            order.requests["confirm_shipping"] += 1
            if not awb.strip():
                raise ShopError("invalid", "shipping reference number is empty")
            if order.status not in (Status.ACCEPTED, Status.AWAITING_PICKUP):
                raise ShopError("not_eligible", "order status is not eligible to confirm shipping")
            order.confirms += 1
            self._ship(order, self.clock.now(), "seller", "Seller confirmed shipping", awb.strip())
            return order

    def drop_off(self, order_id: int) -> Order:
        """The courier's counter scans the booking code of a parcel the seller dropped off."""
        with self.lock:
            order = self.get_order(order_id)
            order.requests["drop_off"] += 1
            if order.courier.own or order.status not in (Status.ACCEPTED, Status.AWAITING_PICKUP):
                raise ShopError("not_eligible", "only accepted orders of platform couriers can be dropped off")
            order.drop_offs += 1
            self._ship(order, self.clock.now(), "courier", "Parcel dropped off at the counter", self._auto_awb(order))
            return order

    def mark_printed(self, order_id: int, printed: bool) -> Order:
        with self.lock:
            order = self.get_order(order_id)
            if order.status not in (Status.ACCEPTED, Status.AWAITING_PICKUP, Status.SHIPPED,
                                    Status.DELIVERED, Status.COMPLETED):
                raise ShopError("not_eligible", "the shipping label is available once the order is accepted")
            order.label_prints += 1
            order.printed = order.printed or printed
            return order

    def set_stock(self, product_id: int, value: int) -> Product:
        with self.lock:
            self.tick()
            product = self.products.get(product_id)
            if product is None:
                raise ShopError("not_found", "Invalid Product ID.")
            if product.is_parent:
                raise ShopError("invalid", "stock lives on the variants of this product")
            if value < 0:
                raise ShopError("invalid", "stock cannot be negative")
            product.stock = value
            product.stock_updates += 1
            product.updated = self.clock.now()
            return product

    def set_price(self, product_id: int, price: int) -> Product:
        """A price change the marketplace accepted (`counters["price:<id>"]` counts them, for the tests)."""
        with self.lock:
            product = self.products[product_id]
            product.price = price
            product.updated = self.clock.now()
            self.counters[f"price:{product_id}"] += 1
            return product

    def force_status(self, order_id: int, status: Status | int, actor: str = "system") -> Order:
        """Put an order in any status at once (tests, the demo), with the timers of that status."""
        with self.lock:
            order = self.get_order(order_id)
            status = Status(status)
            now = self.clock.now()
            if status in (Status.ACCEPTED, Status.AWAITING_PICKUP, Status.SHIPPED) and not order.courier.own:
                order.booking_code = order.booking_code or self._booking_code(order)
            if status == Status.SHIPPED and not order.awb:
                order.awb = self._auto_awb(order)
                order.shipped_time = now
            if status == Status.PAID:
                order.accept_deadline = max(order.accept_deadline, now + self.timing.accept_window)
            order.set_status(status, now, actor, f"Status forced to {int(status)}")
            self.schedule_for(order)
            return order

    # ---- queries for tests and dialects ----------------------------------------------------------------
    def stock_by_sku(self) -> dict[str, int]:
        with self.lock:
            self.tick()
            return {p.sku: p.stock for p in self.products.values() if p.sku and not p.is_parent}

    def product_stock(self, product_id: int) -> int:
        with self.lock:
            product = self.products[product_id]
            if product.is_parent:
                return sum(self.products[c].stock for c in product.children)
            return product.stock

    def orders_in_status(self, *statuses: int) -> list[Order]:
        with self.lock:
            self.tick()
            wanted = {int(s) for s in statuses}
            return [self.orders[i] for i in self.order_ids if int(self.orders[i].status) in wanted]

    def order_by_invoice(self, invoice: str) -> Order:
        with self.lock:
            order_id = self.invoice_index.get(invoice)
            if order_id is None:
                raise ShopError("not_found", "order not found")
            return self.get_order(order_id)

    # ---- internals -------------------------------------------------------------------------------------
    def _ship(self, order: Order, at: float, actor: str, message: str, awb: str) -> None:
        order.awb = awb
        order.shipped_time = at
        order.set_status(Status.SHIPPED, at, actor, message)
        self.schedule_for(order)

    def _restock(self, order: Order) -> None:
        for line in order.lines:
            product = self.products.get(line.product_id)
            if product is not None:
                product.stock += line.quantity

    @staticmethod
    def _booking_code(order: Order) -> str:
        # Deterministic from the order id so a re-read after a lost response sees the same code.
        return f"TKP{(order.order_id * 7_919 + 13) % 10**10:010d}"

    @staticmethod
    def _auto_awb(order: Order) -> str:
        prefix = order.courier.awb_prefix or "AWB"
        return f"{prefix}{(order.order_id * 104_729 + 7) % 10**12:012d}"
