"""The values any marketplace adapter hands TokoDesk and takes from it, in plain dataclasses and enums.

Here belong the shared value types and records: an adapter's `Capabilities`, the shop, products, orders and their
packages, labels, cancel reasons, stock and catalogue rows, returns, and the progress and cancel callbacks
(TokoDesk's order and return states and the small enums are states.py, re-exported here). No behaviour beyond
small derived properties; what an adapter does is base.py, what it raises is errors.py. Import these names from
`tokodesk.marketplace.base`, which re-exports them.

Identifiers are strings everywhere: TikTok Shop ids are opaque strings and Tokopedia's int64 ids fit in text,
so one set of database columns serves both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tokodesk.marketplace.states import (  # noqa: F401 - re-exported: records.py offers every value type
    BEFORE_PACKING_STATES,
    OPEN_STATES,
    RESERVING_STATES,
    SHIPPED_STATES,
    HandoverChoice,
    LabelFormat,
    OrderState,
    ReturnState,
    ShipMethod,
)

# A progress callback receives (done, total or None, message); a cancel check returns True to stop.
Progress = Callable[[int, "int | None", str], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class Capabilities:
    marketplace: str  # "tokopedia" | "tiktokshop"
    display_name: str  # what a seller and a buyer see: never "TikTok" in Indonesia
    has_acknowledge: bool
    label_format: LabelFormat
    handover: HandoverChoice
    cancel_by_reason_name: bool  # TikTok Shop: reason names; Tokopedia: numeric reason codes
    stock_per_product: bool  # TikTok Shop: one stock call per product with every warehouse of the SKU
    stock_batch_max: int
    order_window_max: timedelta | None  # longest order-list range in one request (None: no limit)
    has_booking_code: bool
    # The label exists only once the package is shipped/arranged and is refused after the courier collects it
    # (TikTok Shop): fetch and keep it right after a successful ship.
    label_after_ship: bool = False
    # Most packages one batch ship call takes (0: no batch call; ship one order at a time).
    ship_batch_max: int = 0
    # The buyer's cancellation requests can be listed, approved and rejected (`BuyerCancellations`).
    buyer_cancel_requests: bool = False
    # The orders still open can be listed by status whenever they were last updated (`OpenOrders`): a first pull reads
    # those its window does not reach (an order paid a week ago and still to ship).
    open_orders_by_status: bool = False
    # ON_HOLD is the buyer's normal cancellation window after paying (TikTok Shop), not a hold that needs the seller:
    # the queue shows such orders as waiting, not as problems.
    on_hold_is_buyer_window: bool = False
    # Internal states in which the seller may cancel an order; the adapter's `cancel_reasons` then says with which
    # reasons (Tokopedia FS: from new until the parcel leaves; TikTok Shop also while unpaid and on hold).
    seller_cancel_states: frozenset[OrderState] = frozenset(
        {OrderState.NEW, OrderState.ACKNOWLEDGED, OrderState.PACKED, OrderState.READY_TO_SHIP}
    )
    # The code the courier scans (tracking number) is issued only when the order is shipped ("arranged"), never
    # before (TikTok Shop): a label printed earlier has nothing to scan, so the window offers "arrange shipment and
    # print" instead, as Seller Center does.
    tracking_at_ship: bool = False
    # The marketplace marks each order as delivered by the seller's own courier or by its own couriers (TikTok Shop
    # `shipping_type`): that mark, not the channel's business model, decides whether shipping takes an AWB.
    seller_ships_per_order: bool = False
    # Orders come in packages of their own (split, combined) that are shipped and labelled one by one
    # (`Order.packages`; `PackageMoves` when combining is offered). Without it an order is its one implicit package.
    packages: bool = False
    # Catalogue edits TokoDesk may push (`CatalogEdits`): "price", "active", "seller_sku". A seller SKU code is
    # changed only by re-sending the product's SKUs: Tokopedia & Shop's partial edit deletes the SKUs a request
    # leaves out and blanks omitted nested fields, so the adapter reads the whole product first and sends every SKU
    # back unchanged but the code (`set_seller_skus`). The legacy Tokopedia API has only its asynchronous full
    # product edit (v2/v3): not offered; `seller_sku_refusal` says why in words.
    catalog_fields: frozenset[str] = frozenset()
    seller_sku_refusal: str = ""
    # Listing on/off switches a whole product with all its SKUs (Tokopedia & Shop), not one variant (Tokopedia).
    listing_per_product: bool = False
    price_batch_max: int = 0  # most SKUs one price request takes
    listing_batch_max: int = 0  # most products one listing on/off request takes
    # After-sales returns and refunds: listed and synced (`returns_read`), answered from TokoDesk (`returns_decide`:
    # approve, reject with the marketplace's reasons, approve a received parcel). See `Returns`.
    returns_read: bool = False
    returns_decide: bool = False
    # A rejection may carry the seller's photos (`Returns.upload_return_photo`, then `reject_return(images=...)`).
    return_reject_photos: bool = False
    # Settlement statements, their transactions per order, unsettled estimates and withdrawals can be read
    # (`marketplace.finance.Finance`). Tokopedia FS has no finance reads: the Payouts feature is hidden there.
    finance_read: bool = False


@dataclass
class Warehouse:
    warehouse_id: str
    name: str = ""
    is_default: bool = False
    collection_method: str = ""  # TikTok Shop: PICKUP / DROP_OFF from Seller Center


@dataclass
class Shop:
    shop_id: str
    name: str
    url: str = ""
    is_open: bool = True
    warehouses: list[Warehouse] = field(default_factory=list)
    region: str = "ID"


@dataclass
class Product:
    """One marketplace product or variant. A variant parent without its own SKU is not sellable."""

    product_id: str
    name: str
    sku: str  # the marketplace's SKU text ("other.sku" on Tokopedia, "seller_sku" on TikTok Shop); may be ""
    parent_id: str | None = None
    is_parent: bool = False
    price: int = 0  # rupiah
    stock: int | None = None  # marketplace stock, summed over warehouses
    status: str = ""
    sku_id: str = ""  # TikTok Shop's SKU id (stock updates address it); empty on Tokopedia
    warehouse_ids: list[str] = field(default_factory=list)

    @property
    def sellable(self) -> bool:
        return not self.is_parent


@dataclass
class OrderLine:
    product_id: str
    sku: str
    name: str
    quantity: int
    price: int = 0  # rupiah per unit
    sku_id: str = ""
    line_ids: list[str] = field(default_factory=list)  # TikTok Shop: one line item per unit


@dataclass
class Recipient:
    name: str = ""
    phone: str = ""
    address: str = ""
    district: str = ""
    city: str = ""
    province: str = ""
    postal_code: str = ""


@dataclass
class PackageRef:
    """One package of an order as the marketplace reports it (TikTok Shop: order detail and package detail)."""

    package_id: str
    status: str = ""  # TO_FULFILL | PROCESSING | FULFILLING | COMPLETED | CANCELLED ("" when not reported)
    tracking_number: str | None = None
    courier: str = ""
    line_ids: list[str] = field(default_factory=list)  # this order's line items in the package
    order_ids: list[str] = field(default_factory=list)  # every order the package serves, when known
    # This order's units in the package, (sku_id, seller SKU, units) as its lines are keyed: what the parcel holds of
    # this order. Text like the lines' own, so the cleaning at the boundary treats both alike and they still match.
    units: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def waiting(self) -> bool:
        """Not shipped yet: still to be arranged by the seller."""
        return self.status in ("", "TO_FULFILL")

    @property
    def handed_over(self) -> bool:
        return self.status in ("PROCESSING", "FULFILLING", "COMPLETED")


@dataclass
class Order:
    order_id: str
    invoice: str
    marketplace_status: str  # the marketplace's own code, as text ("220", "AWAITING_SHIPMENT")
    state: OrderState
    created_at: datetime
    updated_at: datetime | None = None
    buyer_name: str = ""
    recipient: Recipient = field(default_factory=Recipient)
    courier: str = ""
    service: str = ""
    booking_code: str | None = None
    awb: str | None = None
    package_id: str | None = None
    warehouse_id: str | None = None
    accept_deadline: datetime | None = None
    ship_deadline: datetime | None = None
    total_amount: int = 0
    shipping_fee: int = 0
    cod_amount: int = 0
    commerce_platform: str = ""  # TikTok Shop ID: TOKOPEDIA | TIKTOK_SHOP
    buyer_note: str = ""
    lines: list[OrderLine] = field(default_factory=list)
    # The seller's own courier delivers this order (TikTok Shop `shipping_type` SELLER), whatever the channel's
    # business model: shipping it needs the AWB the seller's courier gave.
    seller_ships: bool = False
    # TikTok Shop (SEA): the platform's deadlines and priority. Since 30 Sep 2025 apps in Indonesia sort the orders
    # to process by `tts_sla_time`, then `priority_level` (100 Instant ... 800 Cargo; services/work_order.py).
    tts_sla_time: datetime | None = None  # latest collection time: what lateness is judged by
    rts_sla_time: datetime | None = None  # latest ready-to-ship (arranged) time
    pick_up_cut_off_time: datetime | None = None  # picked up by then, or it counts as a late dispatch
    priority_level: int | None = None  # fulfillment_priority_level
    hold_until: datetime | None = None  # end of the buyer's cancellation window (ON_HOLD), where the order says it
    packages: list[PackageRef] = field(default_factory=list)  # empty: one implicit package (the order itself)
    combinable: bool = False  # the marketplace offers to combine it with other orders of the same buyer
    # Who started the cancellation: BUYER | SELLER | SYSTEM ("" unknown). Tokopedia & Shop sends it
    # (`cancellation_initiator`); the legacy adapter reads it off the cancel status code. The shop's health counts
    # the seller's cancellations from it.
    cancellation_initiator: str = ""


@dataclass
class ShipmentInfo:
    order_id: str
    booking_code: str | None = None
    awb: str | None = None
    courier: str = ""
    marketplace_status: str | None = None
    order: Order | None = None  # the order as read back after the ship: stored at once


@dataclass
class Label:
    content: bytes
    content_type: str  # "text/html" or "application/pdf"
    tracking_number: str | None = None


@dataclass(frozen=True)
class CancelReason:
    code: str  # "1".."8" on Tokopedia, a reason name on TikTok Shop
    label: str
    needs_close_date: bool = False  # Tokopedia code 4: shop closed until a date, with a note
    max_text: int = 512
    needs_text: bool = True


@dataclass
class CancelRequest:
    reason: CancelReason
    text: str = ""
    shop_close_end: datetime | None = None
    shop_close_note: str = ""


@dataclass
class StockRow:
    product_id: str
    sku: str
    quantity: int
    sku_id: str = ""
    warehouse_ids: list[str] = field(default_factory=list)


@dataclass
class StockRowResult:
    product_id: str
    sku: str
    quantity: int
    ok: bool
    message: str = ""
    retryable: bool = False  # rate-limited row ("ERR_TOO_MANY_REQUEST"): send again after the reset


@dataclass
class StockResult:
    rows: list[StockRowResult] = field(default_factory=list)
    requests: int = 0

    @property
    def accepted(self) -> list[StockRowResult]:
        return [r for r in self.rows if r.ok]

    @property
    def failed(self) -> list[StockRowResult]:
        return [r for r in self.rows if not r.ok]


@dataclass
class StockLevel:
    product_id: str
    sku: str
    quantity: int  # the marketplace's total, over every warehouse
    sku_id: str = ""
    warehouses: dict[str, int] = field(default_factory=dict)  # warehouse id -> quantity, where it keeps several
    written: int | None = None  # the part a stock update overwrites, when it keeps the other warehouses' stock

    @property
    def managed(self) -> int:
        """The figure TokoDesk's push replaces: what a push of the same number leaves unchanged."""
        return self.quantity if self.written is None else self.written


def target_warehouse(warehouses: Sequence[str], preferred: str = "") -> str:
    """The warehouse a stock update writes: the channel's own when the SKU is stocked there, else the SKU's first."""
    listed = list(warehouses)
    return preferred if preferred in listed else (listed[0] if listed else "")


@dataclass
class CatalogRow:
    """One catalogue change of one SKU: a new price, or the listing on (True) or off (False)."""

    product_id: str  # as stored: Tokopedia's product (variant) id, Tokopedia & Shop's SKU id
    sku: str = ""
    parent_id: str = ""  # Tokopedia & Shop's product id (the calls address it)
    price: int | None = None
    active: bool | None = None
    seller_sku: str | None = None  # the SKU's new seller SKU code
    old_seller_sku: str = ""  # the code the seller saw: a code changed on the marketplace since is not overwritten
    siblings: tuple[str, ...] = ()  # every SKU id of the product TokoDesk knows: none may be missing from a read


@dataclass
class CatalogRowResult:
    product_id: str
    ok: bool
    message: str = ""
    unknown: bool = False  # the answer was lost: read the product back before anything is sent again


@dataclass
class CombinableGroup:
    """Orders of one buyer the marketplace offers to ship as one package (`package_id`: its pre-generated id)."""

    package_id: str
    order_ids: list[str]


@dataclass
class ReturnLineInfo:
    line_id: str
    order_line_id: str = ""
    sku: str = ""  # the marketplace's seller SKU
    sku_id: str = ""
    name: str = ""
    quantity: int = 1
    product_id: str = ""  # where the marketplace names the product, not the SKU (Tokopedia's tickets)


@dataclass
class ReturnInfo:
    """One after-sales request as the marketplace reports it (`Returns.returns`)."""

    return_id: str
    order_id: str
    return_type: str  # REFUND | RETURN_AND_REFUND | REPLACEMENT | PARTIAL_REFUND
    status: str  # the marketplace's own
    state: ReturnState
    next_action: str = ""
    next_deadline: datetime | None = None
    reason: str = ""
    reason_text: str = ""
    refund_total: int = 0
    tracking_number: str | None = None
    courier: str = ""
    return_method: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    lines: list[ReturnLineInfo] = field(default_factory=list)
    evidence: list[str] | None = None  # None: not read (`return_evidence` reads it)
    invoice: str = ""  # where the marketplace names the order by its invoice only (Tokopedia's tickets)

    @property
    def goods_come_back(self) -> bool:
        return self.return_type in ("RETURN_AND_REFUND", "REPLACEMENT")


@dataclass
class InvalidOrder:
    """An order the marketplace sent that could not be read; the pull records it and goes on."""

    order_id: str
    reason: str
    raw: dict | None = None
