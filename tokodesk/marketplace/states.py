"""TokoDesk's order and return states and the adapters' small enumerations: plain enums and sets of states.

records.py re-exports them with the dataclasses; import them from `tokodesk.marketplace.base`, like every other
marketplace name. They live apart from the dataclasses because making those (some twenty) is most of the cost of
importing the marketplace interface, and a command that only reads and writes the store (`tokodesk orders pack`,
`tokodesk --help`) needs the states but not the records: base.py loads records.py the first time a record is used.
"""

from __future__ import annotations

import enum


class OrderState(str, enum.Enum):
    """TokoDesk's internal order states (DESIGN.md §5)."""

    AWAITING_PAYMENT = "awaiting_payment"
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    PACKED = "packed"
    READY_TO_SHIP = "ready_to_ship"
    AWAITING_PICKUP = "awaiting_pickup"
    PARTLY_SHIPPED = "partly_shipped"  # some packages handed over, others still to ship (TikTok Shop)
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    RETURNED = "returned"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"

    def __str__(self) -> str:
        return self.value


# States in which the marketplace still expects the seller to do something.
OPEN_STATES = frozenset(
    {
        OrderState.AWAITING_PAYMENT,
        OrderState.NEW,
        OrderState.ACKNOWLEDGED,
        OrderState.PACKED,
        OrderState.READY_TO_SHIP,
        OrderState.AWAITING_PICKUP,
        OrderState.PARTLY_SHIPPED,
        OrderState.SHIPPED,
        OrderState.ON_HOLD,
    }
)
# Orders still to be packed: what must be done before packing (a line's SKU mapped to the seller's) still asks
# something of the seller. Past packing, or cancelled, an unmapped line is history, not a problem to act on.
BEFORE_PACKING_STATES = frozenset(
    {OrderState.AWAITING_PAYMENT, OrderState.NEW, OrderState.ACKNOWLEDGED, OrderState.ON_HOLD}
)
# Stock of these orders is reserved: sold but still on the shelf.
RESERVING_STATES = frozenset(
    {OrderState.NEW, OrderState.ACKNOWLEDGED, OrderState.PACKED, OrderState.READY_TO_SHIP, OrderState.ON_HOLD}
)
# Stock of these orders has left the shelf (a partly shipped order's rest is packed and goes out with it).
SHIPPED_STATES = frozenset(
    {OrderState.AWAITING_PICKUP, OrderState.PARTLY_SHIPPED, OrderState.SHIPPED, OrderState.DELIVERED,
     OrderState.COMPLETED}
)


class ShipMethod(str, enum.Enum):
    PICKUP = "pickup"  # the courier collects the parcel
    DROPOFF = "dropoff"  # the seller hands the parcel in at the courier's counter
    OWN_COURIER = "own_courier"  # the seller ships and types the AWB


class LabelFormat(str, enum.Enum):
    HTML = "html"
    PDF = "pdf"


class HandoverChoice(str, enum.Enum):
    PER_ORDER = "per_order"  # Tokopedia FS: the seller calls pick-up or drops off, per order
    PER_WAREHOUSE = "per_warehouse"  # TikTok Shop ID: the warehouse's collection method decides


class ReturnState(str, enum.Enum):
    """Where a return stands for the seller (the Returns queue's filters)."""

    NEEDS_ANSWER = "needs_answer"  # the seller must approve or reject before the deadline
    ON_ITS_WAY = "on_its_way"  # approved; the buyer sends the goods back
    TO_INSPECT = "to_inspect"  # the parcel was sent back: receive it, inspect it, approve or reject it
    CLOSED = "closed"
