"""Packages of the sandbox's TikTok Shop dialect: orders split into several packages, packages serving several orders.

The documented model (Get Order Detail `packages[]` and each line item's `package_id` / `package_status`, Get Package
Detail `orders[]`, Ship Package, Search Combinable Packages, Combine Package, Uncombine Packages):
- an order has one or more packages; a combined package serves several orders of one buyer;
- a package is TO_FULFILL until it is shipped (arranged), then PROCESSING until the courier collects it, FULFILLING
  in transit, COMPLETED once delivered, CANCELLED with its order;
- an order some of whose packages are shipped while others wait is PARTIALLY_SHIPPING; once every package is
  shipped it is AWAITING_COLLECTION, and the courier collects them together (the shop's lifecycle goes on);
- shipping an already shipped package is refused with 21011040;
- the marketplace may refuse to ship one package of an order while it accepts another (Ship Package's error codes are
  per package: 11021015 overweight, 11021019 dimensions, 11006013 phones with other items, 21008044 an item with an
  after-sale request — partner.tiktokshop.com docv2 page 650aa4f1defece02be6e7cb1, "Ship Package"; most say "you
  may cancel the order without penalty"); the control hook `refuse_shipping` stands for such a package;
- an order with a shipped package can no longer be cancelled by the seller: Cancel Order answers 25001045 "The order
  has already been shipped and we are unable to cancel shipment with the courier" (docv2 page
  650aecb64a0bb702c076b03d, "Cancel Order"), so half of a split order shipped cannot be taken back;
- combining or uncombining gives the packages new ids: the old id no longer exists (21001003).

An order nobody split or combined has one implicit package whose id is fixed by the order id (as before), so the
shop's state alone says everything about it. Split and combined packages are kept here. Seller Center's own moves
(split, combine, uncombine) are the control hooks `split`, `combine` and `uncombine` the tests and the demo call.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.sandbox.shop import CANCELLED, Order, Shop, ShopError, Status

HANDED_OVER = frozenset({Status.AWAITING_PICKUP, Status.SHIPPED, Status.DELIVERED, Status.COMPLETED})
# Numbers of packages made by a split or a combine (far above any order number, below the id codec's limit).
NEW_PACKAGES = 900_000_000_000_000
PREVIEW_PACKAGES = 800_000_000_000_000


# Ship Package's per-package refusals the sandbox can stand for (their documented messages).
SHIP_REFUSALS = {
    11021015: "Fail to ship package because the package is overweight. You may cancel the order without penalty by "
              "selecting the following reason: Unable to deliver to buyer address.",
    11021019: "Fail to ship package because the package dimensions exceed the allowed limits. You may cancel the "
              "order without penalty by selecting the following reason: Unable to deliver to buyer address.",
    11006013: "Failed to ship package. Products under the Phones & Tablets category cannot be shipped together with "
              "other items in the same package. Please split the order.",
    21008044: "Package item has after-sale request, please process the after-sale request first.",
}


class PackageError(Exception):
    def __init__(self, code: int, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


@dataclass
class Package:
    number: int  # the id is PACKAGE_BASE + number
    units: dict[int, list[str]]  # order number -> its line item ids in this package (in order)
    tag: str = "DEFAULT"  # DEFAULT | SPLIT | COMBINE
    shipped_at: float | None = None
    tracking: str = ""
    implicit: bool = False

    @property
    def id(self) -> str:
        return str(tj.PACKAGE_BASE + self.number)

    @property
    def orders(self) -> list[int]:
        return list(self.units)


def line_item_ids(o: Order) -> list[str]:
    return [f"{tj.ORDER_BASE + line.detail_id}{unit:03d}" for line in o.lines for unit in range(line.quantity)]


def tracking_of(number: int, prefix: str) -> str:
    return f"{prefix or 'TKP'}{(number * 104_729 + 11) % 10**12:012d}"


@dataclass
class PackageBook:
    shop: Shop
    explicit: dict[int, Package] = field(default_factory=dict)  # package number -> package
    of_order: dict[int, list[int]] = field(default_factory=dict)  # order number -> its package numbers
    retired: set[int] = field(default_factory=set)  # package numbers a split or combine replaced
    ship_requests: Counter[str] = field(default_factory=Counter)  # package id -> ship requests received
    previews: dict[int, tuple[int, ...]] = field(default_factory=dict)  # pre-generated id -> orders
    refusals: dict[str, int] = field(default_factory=dict)  # package id -> the Ship Package error it gets
    _seq: int = 0

    # ---- reading ---------------------------------------------------------------------------------------
    def packages_of(self, o: Order) -> list[Package]:
        numbers = self.of_order.get(o.order_id)
        if numbers is None:
            return [self._implicit(o)]
        return [self.explicit[n] for n in numbers]

    def _implicit(self, o: Order) -> Package:
        shipped = o.update_time if o.status in HANDED_OVER else None
        return Package(o.order_id, {o.order_id: line_item_ids(o)}, shipped_at=shipped, tracking=o.awb, implicit=True)

    def get(self, package_id: str) -> Package | None:
        number = tj.decode(package_id, tj.PACKAGE_BASE)
        if number is None or number in self.retired:
            return None
        if number in self.explicit:
            return self.explicit[number]
        o = self.shop.orders.get(number)
        if o is None or o.order_id in self.of_order:
            return None
        return self._implicit(o)

    def is_shipped(self, p: Package) -> bool:
        if p.implicit:
            return p.shipped_at is not None
        return p.shipped_at is not None or any(self.shop.orders[n].status in HANDED_OVER for n in p.orders)

    def status(self, p: Package) -> str:
        orders = [self.shop.orders[n] for n in p.orders]
        if all(o.status in CANCELLED for o in orders):
            return "CANCELLED"
        if not self.is_shipped(p):
            return "TO_FULFILL"
        furthest = max(int(o.status) for o in orders)
        if furthest >= Status.DELIVERED:
            return "COMPLETED"
        if furthest >= Status.SHIPPED:
            return "FULFILLING"
        return "PROCESSING"

    def tracking(self, p: Package) -> str:
        if not self.is_shipped(p):
            return ""
        if p.implicit:  # issued when the package is shipped: an order awaiting collection always has one
            return p.tracking or tj.tracking_awb(self.shop.orders[p.orders[0]])
        return p.tracking or tracking_of(p.number, self.shop.orders[p.orders[0]].courier.awb_prefix)

    def partly_shipped(self, o: Order) -> bool:
        """Some of the order's packages shipped while others still wait (PARTIALLY_SHIPPING)."""
        if o.order_id not in self.of_order or o.status not in (Status.PAID, Status.ACCEPTED):
            return False
        shipped = [self.is_shipped(p) for p in self.packages_of(o)]
        return any(shipped) and not all(shipped)

    def package_of_unit(self, o: Order) -> dict[str, Package]:
        return {unit: p for p in self.packages_of(o) for unit in p.units.get(o.order_id, [])}

    # ---- shipping --------------------------------------------------------------------------------------
    def ship(self, p: Package, now: float) -> None:
        """Arrange the shipment of one explicit package; an order whose packages are all shipped awaits pick-up."""
        p.shipped_at = now
        p.tracking = tracking_of(p.number, self.shop.orders[p.orders[0]].courier.awb_prefix)
        for number in p.orders:
            o = self.shop.orders[number]
            if o.status == Status.PAID:
                self.shop.ack(o.order_id)  # leaves the accept timer: a partly shipped order does not expire
            o.update_time = now
            if all(self.is_shipped(q) for q in self.packages_of(o)):
                self.shop.request_pickup(o.order_id)
                o.awb = o.awb or self.tracking(self.packages_of(o)[0])

    # ---- Seller Center's moves (control hooks) ---------------------------------------------------------
    def _new_number(self) -> int:
        self._seq += 1
        return NEW_PACKAGES + self._seq

    def _replace(self, old: list[Package], new: list[Package], now: float) -> None:
        """`new` packages take the place of `old` ones (their ids stop existing); each touched order is updated."""
        touched: set[int] = set()
        for p in old:
            self.retired.add(p.number)
            self.explicit.pop(p.number, None)
            touched.update(p.orders)
        for p in new:
            self.explicit[p.number] = p
            touched.update(p.orders)
        for number in touched:
            self.of_order[number] = sorted(n for n, p in self.explicit.items() if number in p.units)
            self.shop.orders[number].update_time = now

    def _check_open(self, o: Order, what: str) -> None:
        if o.status not in (Status.PAID, Status.ACCEPTED) or o.cancel_request is not None:
            raise PackageError(21011005, f"Order {tj.order_id(o)} cannot be {what} now (status {o.status.name}).")
        if any(self.is_shipped(p) for p in self.packages_of(o)):
            raise PackageError(21011005, f"Order {tj.order_id(o)} has a shipped package; it cannot be {what}.")

    def split(self, order_number: int, groups: list[list[str]] | None = None, now: float = 0.0) -> list[str]:
        """Split an order into packages (whole SKUs, as in SEA): by default one package per order line."""
        o = self.shop.orders[order_number]
        self._check_open(o, "split")
        if groups is None:
            groups = [[f"{tj.ORDER_BASE + line.detail_id}{unit:03d}" for unit in range(line.quantity)]
                      for line in o.lines]
        units = line_item_ids(o)
        if len(groups) < 2 or sorted(u for g in groups for u in g) != sorted(units) or not all(groups):
            raise PackageError(21011005, "Each line item must be in exactly one of at least two packages.")
        old = self.packages_of(o)
        if any(len(p.orders) > 1 for p in old):
            raise PackageError(21011005, "Uncombine the package before splitting the order.")
        new = [Package(self._new_number(), {order_number: list(g)}, tag="SPLIT") for g in groups]
        self._replace(old, new, now)
        return [p.id for p in new]

    def combinable(self) -> list[tuple[str, list[int]]]:
        """Groups of one buyer's waiting orders that could travel as one package: (pre-generated id, orders)."""
        groups: dict[tuple, list[int]] = {}
        for number in self.shop.order_ids:
            o = self.shop.orders[number]
            if o.status not in (Status.PAID, Status.ACCEPTED) or o.cancel_request is not None or o.courier.own:
                continue
            packages = self.packages_of(o)
            if len(packages) != 1 or len(packages[0].orders) != 1 or self.is_shipped(packages[0]):
                continue
            key = (o.buyer.person_id, o.recipient.address, o.courier.agency, o.courier.service)
            groups.setdefault(key, []).append(number)
        out = []
        for orders in groups.values():
            if len(orders) < 2:
                continue
            preview = PREVIEW_PACKAGES + min(orders)
            self.previews[preview] = tuple(orders)
            out.append((str(tj.PACKAGE_BASE + preview), orders))
        return out

    def combine(self, order_numbers: list[int], now: float = 0.0) -> str:
        """One package for several orders of one buyer (Seller Center's "combine", or Combine Package)."""
        orders = [self.shop.orders[n] for n in order_numbers]
        if len(orders) < 2:
            raise PackageError(21011005, "Combine needs at least two orders.")
        buyers = {(o.buyer.person_id, o.recipient.address) for o in orders}
        if len(buyers) != 1:
            raise PackageError(21011031, "Only orders of one buyer to one address can be combined.")
        old: list[Package] = []
        for o in orders:
            self._check_open(o, "combined")
            packages = self.packages_of(o)
            if len(packages) != 1 or len(packages[0].orders) != 1:
                raise PackageError(21011005, f"Order {tj.order_id(o)} is split or combined already.")
            old.append(packages[0])
        new = Package(self._new_number(), {o.order_id: line_item_ids(o) for o in orders}, tag="COMBINE")
        self._replace(old, [new], now)
        return new.id

    def uncombine(self, package_id: str, order_numbers: list[int] | None = None,
                  now: float = 0.0) -> list[tuple[str, list[int]]]:
        """Take orders out of a combined package (all of them by default); every order gets a new package."""
        p = self.get(package_id)
        if p is None:
            raise PackageError(21011028, f"Package {package_id} does not exist in this shop.")
        if len(p.orders) < 2:
            raise PackageError(21011005, f"Package {package_id} is not a combined package.")
        if self.is_shipped(p):
            raise PackageError(21011005, f"Package {package_id} is shipped already; it cannot be uncombined.")
        leaving = order_numbers or p.orders
        if any(n not in p.units for n in leaving):
            raise PackageError(21011029, "The order does not belong to this package.")
        staying = [n for n in p.orders if n not in leaving]
        new = [Package(self._new_number(), {n: p.units[n]}) for n in leaving]
        if len(staying) == 1:
            new.append(Package(self._new_number(), {staying[0]: p.units[staying[0]]}))
        elif staying:
            new.append(Package(self._new_number(), {n: p.units[n] for n in staying}, tag="COMBINE"))
        self._replace([p], new, now)
        return [(q.id, q.orders) for q in new]


def order_number(book: PackageBook, raw: str) -> int:
    number = tj.decode(str(raw), tj.ORDER_BASE)
    if number is None or number not in book.shop.orders:
        raise ShopError("not_found", f"Order {raw} does not exist.")
    return number
