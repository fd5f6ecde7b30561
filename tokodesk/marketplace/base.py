"""What any marketplace offers TokoDesk: the adapter interface, as Protocols.

`services/` and `ui/` only ever see this module: the Tokopedia FS adapter (legacy, the seed's API) and the
TikTok Shop Partner adapter (the live "Tokopedia & Shop" API) both implement `Marketplace`. Where the two differ
in kind (an acknowledge step, HTML vs PDF labels, per-order vs per-warehouse hand-over), the adapter says so in
its `Capabilities` instead of the services assuming Tokopedia.

Here belong `Marketplace` and the optional interfaces an adapter offers when its capabilities say so (catalogue
edits, batch shipping, kept labels, package moves, open orders, buyer cancellations, returns). The values they
take and give are records.py; what they raise is errors.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, runtime_checkable

# Re-exported: some 130 modules and tests import the records and errors as `base.Order`, `base.MarketplaceError`,
# so this module stays the one place to import every marketplace name from (records.py, states.py and errors.py
# hold them).
from tokodesk.marketplace.errors import (
    AuthError,
    MarketplaceError,
    NotReachable,
    OutcomeUnknown,
)
from tokodesk.marketplace.states import (
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

if TYPE_CHECKING:
    from tokodesk.marketplace.records import (
        CancelCheck,
        CancelReason,
        CancelRequest,
        Capabilities,
        CatalogRow,
        CatalogRowResult,
        CombinableGroup,
        InvalidOrder,
        Label,
        Order,
        OrderLine,
        PackageRef,
        Product,
        Progress,
        Recipient,
        ReturnInfo,
        ReturnLineInfo,
        ShipmentInfo,
        Shop,
        StockLevel,
        StockResult,
        StockRow,
        StockRowResult,
        Warehouse,
        target_warehouse,
    )

# The records (dataclasses) are made on first use: see `__getattr__`.
_RECORDS = frozenset({
    "CancelCheck",
    "CancelReason",
    "CancelRequest",
    "Capabilities",
    "CatalogRow",
    "CatalogRowResult",
    "CombinableGroup",
    "InvalidOrder",
    "Label",
    "Order",
    "OrderLine",
    "PackageRef",
    "Product",
    "Progress",
    "Recipient",
    "ReturnInfo",
    "ReturnLineInfo",
    "ShipmentInfo",
    "Shop",
    "StockLevel",
    "StockResult",
    "StockRow",
    "StockRowResult",
    "Warehouse",
    "target_warehouse",
})

__all__ = [
    "BEFORE_PACKING_STATES",
    "AuthError",
    "MarketplaceError",
    "NotReachable",
    "OutcomeUnknown",
    "CancelCheck",
    "CancelReason",
    "CancelRequest",
    "Capabilities",
    "CatalogRow",
    "CatalogRowResult",
    "CombinableGroup",
    "HandoverChoice",
    "InvalidOrder",
    "Label",
    "LabelFormat",
    "OPEN_STATES",
    "Order",
    "OrderLine",
    "OrderState",
    "PackageRef",
    "Product",
    "Progress",
    "RESERVING_STATES",
    "Recipient",
    "ReturnInfo",
    "ReturnLineInfo",
    "ReturnState",
    "SHIPPED_STATES",
    "ShipMethod",
    "ShipmentInfo",
    "Shop",
    "StockLevel",
    "StockResult",
    "StockRow",
    "StockRowResult",
    "Warehouse",
    "target_warehouse",
    "BatchShipping",
    "BuyerCancelRequestInfo",
    "BuyerCancellations",
    "CatalogEdits",
    "KeptLabels",
    "Marketplace",
    "OpenOrders",
    "PackageMoves",
    "Returns",
]


def __getattr__(name: str) -> object:
    """records.py's names, imported the first time one is asked for (`base.Order`, `from … import Order`).

    Making its dataclasses is the largest part of importing this module, and a command that only reads and writes
    the store (`tokodesk orders pack`, `tokodesk --help`) uses the states and errors but never a record
    (tests/integration/test_command_imports.py)."""
    if name in _RECORDS:
        from tokodesk.marketplace import records

        globals().update({n: getattr(records, n) for n in _RECORDS})
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@runtime_checkable
class Marketplace(Protocol):
    capabilities: Capabilities

    def shop_info(self) -> Shop:
        """The shop this channel is bound to; raises AuthError when credentials or the link are wrong."""

    def list_products(self, progress: Progress | None = None, cancel: CancelCheck | None = None) -> Iterator[Product]:
        """Every product and variant of the shop, page by page."""

    def list_orders(
        self,
        start: datetime,
        end: datetime,
        progress: Progress | None = None,
        cancel: CancelCheck | None = None,
    ) -> Iterator[list[Order | InvalidOrder]]:
        """Orders in [start, end), one list per page. Long ranges are split as the API needs.

        A malformed order does not stop the pull: it is yielded as an `InvalidOrder` (see below) in the page.
        """

    def get_order(self, order_id: str | None = None, invoice: str | None = None) -> Order:
        """One order by marketplace id or invoice number."""

    def get_orders(self, order_ids: Sequence[str]) -> list[Order]:
        """Several orders, in as few calls as the API allows (status refresh)."""

    def cancel_reasons(self, order: Order) -> list[CancelReason]:
        """The reasons the marketplace accepts for cancelling this order in its current state."""

    def acknowledge(self, order_id: str) -> None:
        """Accept a new order. Raises OutcomeUnknown when the answer was lost."""

    def reject(self, order: Order, request: CancelRequest) -> None:
        """Cancel (NACK) an order with a reason."""

    def ship(self, order: Order, method: ShipMethod, awb: str | None = None) -> ShipmentInfo:
        """Hand the order over: request pick-up, record a drop-off, or confirm shipping with an AWB."""

    def shipping_label(self, order: Order, mark_printed: bool = False) -> Label:
        """The marketplace's own label (HTML on Tokopedia, PDF on TikTok Shop)."""

    def booking_code(self, order_id: str) -> str | None:
        """The booking code the courier scans (drop-off), once the marketplace has issued it."""

    def update_stock(self, rows: Sequence[StockRow], cancel: CancelCheck | None = None) -> StockResult:
        """Overwrite stock; batched and paced inside. Every row comes back with its own result."""

    def read_stock(self, product_ids: Sequence[str]) -> list[StockLevel]:
        """The marketplace's current stock of these products (reconciliation)."""

    def close(self) -> None:
        """Release the HTTP session."""


class CatalogEdits(Protocol):
    """Offered when `capabilities.catalog_fields` is not empty. Batched and paced inside; one result per row."""

    def update_prices(self, rows: Sequence[CatalogRow], cancel: CancelCheck | None = None) -> list[CatalogRowResult]:
        ...

    def set_listings(self, rows: Sequence[CatalogRow], cancel: CancelCheck | None = None) -> list[CatalogRowResult]:
        ...

    def read_catalog(self, rows: Sequence[CatalogRow]) -> list[Product]:
        """The marketplace's current price and status of these SKUs (a lost answer is settled by this)."""
        ...

    def set_seller_skus(self, rows: Sequence[CatalogRow], cancel: CancelCheck | None = None
                        ) -> list[CatalogRowResult]:
        """New seller SKU codes (offered when "seller_sku" is in `capabilities.catalog_fields`)."""
        ...


class BatchShipping(Protocol):
    """Offered when `capabilities.ship_batch_max` > 0."""

    def ship_many(
        self, orders: Sequence[Order], method: ShipMethod, awbs: dict[str, str] | None = None
    ) -> dict[str, ShipmentInfo | MarketplaceError]:
        """Ship several packages in as few calls as the API allows; one result per order id.

        An `OutcomeUnknown` for an order means its answer was lost and a read of the order did not settle it.
        """


class KeptLabels(Protocol):
    """Offered when `capabilities.label_after_ship`: the labels to keep right after a batch was shipped."""

    def shipping_labels(self, orders: Sequence[Order]) -> dict[str, Label | MarketplaceError]:
        """The label of each order (or the error for that order), fetched side by side within the rate limit."""


class PackageMoves(Protocol):
    """Offered when `capabilities.packages` is true: combine one buyer's orders, undo a combined package."""

    def combinable_packages(self) -> list[CombinableGroup]: ...

    def combine_packages(self, group: CombinableGroup) -> list[PackageRef]:
        """Combine; the new package(s). Raises OutcomeUnknown when the answer was lost."""

    def uncombine_package(self, package_id: str, order_ids: Sequence[str] = ()) -> list[PackageRef]:
        """Uncombine (all orders by default); the new packages. Raises OutcomeUnknown when the answer was lost."""


class BuyerCancelRequestInfo(Protocol):
    """A buyer's cancellation request as an adapter reports it."""

    cancel_id: str
    order_id: str
    status: str
    reason: str
    reason_text: str
    created_at: datetime | None
    next_actions: list[tuple[str, datetime | None]]  # (action, respond-by deadline)

    @property
    def pending(self) -> bool: ...


class OpenOrders(Protocol):
    """Offered when `capabilities.open_orders_by_status` is true."""

    def list_open_orders(
        self, before: datetime, cancel: CancelCheck | None = None
    ) -> Iterator[list[Order | InvalidOrder]]:
        """Orders still to ship, awaiting collection, partly shipped or on hold, last updated before `before`."""


class BuyerCancellations(Protocol):
    """Offered when `capabilities.buyer_cancel_requests` is true. Approve/reject take an idempotency key: sent
    again with the same key, a repeat does nothing twice."""

    def cancellation_requests(
        self, order_ids: Sequence[str] = (), pending_only: bool = True
    ) -> list[BuyerCancelRequestInfo]: ...

    def cancellation_reject_reasons(self, cancel_id: str) -> list[CancelReason]: ...

    def approve_cancellation(self, cancel_id: str, idempotency_key: str | None = None) -> None: ...

    def reject_cancellation(
        self, cancel_id: str, reason_name: str, comment: str = "", idempotency_key: str | None = None
    ) -> None: ...


class Returns(Protocol):
    """Offered when `capabilities.returns_read` (reading) and `returns_decide` (the decisions) are true. A decision
    raises OutcomeUnknown when its answer was lost: the caller reads the return before anything else."""

    def returns(self, updated_from: datetime | None = None, updated_to: datetime | None = None,
                return_ids: Sequence[str] = ()) -> Iterator[list[ReturnInfo]]:
        """Pages of returns updated in [updated_from, updated_to), or exactly `return_ids`."""

    def return_evidence(self, return_id: str) -> list[str]: ...

    def return_reject_reasons(self, return_id: str) -> list[CancelReason]: ...

    def approve_return(self, return_id: str, decision: str, idempotency_key: str,
                       partial_amount: int | None = None) -> None:
        """`decision`: APPROVE_REFUND | APPROVE_RETURN | APPROVE_RECEIVED_PACKAGE (what the return waits for), or
        OFFER_PARTIAL_REFUND with `partial_amount` (rupiah): the buyer keeps the goods if they accept."""

    def reject_return(self, return_id: str, decision: str, reason_name: str, comment: str,
                      idempotency_key: str, images: Sequence[dict] = ()) -> None:
        """`decision`: REJECT_REFUND | REJECT_RETURN | REJECT_RECEIVED_PACKAGE. `images`: [{image_id, mime_type,
        width, height}], each uploaded first (`capabilities.return_reject_photos`)."""

    def upload_return_photo(self, data: bytes, name: str, mime_type: str) -> str:
        """Upload one photo for a rejection; the id to name it by in `reject_return`'s images."""

    def calculate_refund(self, order_id: str, skus: Sequence[tuple[str, int]]) -> int:
        """What the marketplace would refund (rupiah) for these units, (sku_id, quantity), as a refund only: the
        amount a partial refund offer starts from."""
