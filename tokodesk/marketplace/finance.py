"""What a marketplace's finance reads give TokoDesk: settlement statements, their transactions (per order, or an
adjustment), unsettled estimates and withdrawals. Offered when `Capabilities.finance_read` (Tokopedia & Shop);
Tokopedia FS has none.

Money is integer rupiah, signed as the seller's ledger: what the seller receives is positive, what the platform
keeps (a fee, a shipping cost, a clawback) negative, as the API sends it (`fee_amount: "-30"`). Every amount keeps the
platform's own field name, under the group of the response it came from (`Amount.group`), so nothing is folded into
a total that cannot be taken apart again.

IDR has no minor unit: an amount with a fraction (`"1250.50"`) is never rounded. `rupiah()` raises `NotWholeRupiah`,
and the record carrying it is handed back as `InvalidRecord` with the field named, for the sync to report in words.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

# The response groups an amount can come from (`Amount.group`); only the first four add up to the settlement.
REVENUE = "revenue"  # revenue_breakdown: what the buyer paid for the goods, less seller discounts and refunds
SHIPPING = "shipping"  # shipping_cost_breakdown: what shipping cost the seller, subsidies included
FEE = "fee"  # fee_tax_breakdown.fee: the platform's fees
TAX = "tax"  # fee_tax_breakdown.tax
SHIPPING_INFO = "shipping_info"  # shipping_cost_breakdown.supplementary_component: parts of the above, for reference
INFO = "info"  # supplementary_component: for reference (what the buyer paid, platform discounts), not settled
GROUPS = (REVENUE, SHIPPING, FEE, TAX, SHIPPING_INFO, INFO)
SETTLED_GROUPS = (REVENUE, SHIPPING, FEE, TAX)


class NotWholeRupiah(ValueError):
    """An amount that is not a whole number of rupiah (or not a number at all)."""


def rupiah(value: Any, what: str) -> int:
    """A decimal string (or int) as whole rupiah; `"-1250"`, `"1250.00"` are fine, `"1250.5"` raises."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        raise NotWholeRupiah(f"{what} is {value!r}, not an amount")
    if isinstance(value, int):
        return value
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise NotWholeRupiah(f"{what} is {str(value)[:40]!r}, not an amount") from None
    if not number.is_finite():
        raise NotWholeRupiah(f"{what} is {str(value)[:40]!r}, not an amount")
    if number != number.to_integral_value():
        raise NotWholeRupiah(
            f"{what} is {str(value)[:40]!r}: rupiah have no fraction, so TokoDesk does not round it; the record was "
            "not stored (check it in Seller Center)"
        )
    return int(number)


@dataclass(frozen=True)
class Amount:
    group: str  # one of GROUPS
    name: str  # the platform's field name: platform_commission_amount, shipping_fee_subsidy_amount, …
    amount: int  # signed rupiah


@dataclass
class StatementInfo:
    """One daily statement (Get Statements)."""

    statement_id: str
    statement_time: datetime | None
    currency: str = "IDR"
    settlement_amount: int = 0
    revenue_amount: int = 0
    fee_amount: int = 0
    adjustment_amount: int = 0
    shipping_cost_amount: int = 0
    payment_status: str = ""  # PAID | FAILED | PROCESSING
    payment_id: str = ""
    payment_time: datetime | None = None


@dataclass
class SettlementInfo:
    """One transaction of a statement: an order's settlement (`kind` ORDER), an adjustment (PLATFORM_PENALTY,
    SHIPPING_FEE_ADJUSTMENT, …, with `adjustment_id` and the order it concerns in `order_id` when any) or a reserve.

    `settlement_amount` = revenue + shipping cost + fees and taxes + adjustment, each signed (see the module)."""

    transaction_id: str
    statement_id: str
    kind: str
    order_id: str = ""
    adjustment_id: str = ""
    order_created_at: datetime | None = None
    settlement_amount: int = 0
    revenue_amount: int = 0
    shipping_cost_amount: int = 0
    fee_tax_amount: int = 0
    adjustment_amount: int = 0
    reserve_amount: int = 0
    amounts: list[Amount] = field(default_factory=list)
    statement_time: datetime | None = None


@dataclass
class UnsettledInfo:
    """An order (or adjustment) not settled yet, with the platform's estimate (Get Unsettled Transactions)."""

    transaction_id: str
    kind: str
    order_id: str = ""
    adjustment_id: str = ""
    order_created_at: datetime | None = None
    delivered_at: datetime | None = None
    est_settlement_amount: int = 0
    est_revenue_amount: int = 0
    est_shipping_cost_amount: int = 0
    est_fee_tax_amount: int = 0
    est_adjustment_amount: int = 0
    # "x days after delivery" (not delivered yet) or a time (delivered): `estimated_at` holds the time when given.
    estimated_settlement: str = ""
    estimated_at: datetime | None = None
    unsettled_reason: str = ""
    amounts: list[Amount] = field(default_factory=list)


@dataclass
class WithdrawalInfo:
    """Money moved out of (or back into) the seller's balance (Get Withdrawals)."""

    withdrawal_id: str
    kind: str  # WITHDRAW | SETTLE | TRANSFER | REVERSE
    amount: int
    status: str  # PROCESSING | SUCCESS | FAILED
    currency: str = "IDR"
    created_at: datetime | None = None


@dataclass
class OrderSettlement:
    """One order's settlement per SKU (Get Transactions by Order)."""

    order_id: str
    settlement_amount: int = 0
    revenue_amount: int = 0
    shipping_cost_amount: int = 0
    fee_tax_amount: int = 0
    skus: list[SkuSettlement] = field(default_factory=list)


@dataclass
class SkuSettlement:
    sku_id: str
    statement_id: str = ""
    quantity: int = 0
    name: str = ""
    settlement_amount: int = 0
    revenue_amount: int = 0
    shipping_cost_amount: int = 0
    fee_tax_amount: int = 0
    amounts: list[Amount] = field(default_factory=list)


@dataclass
class InvalidRecord:
    """A finance record that could not be read (an amount with a fraction, a currency that is not IDR, …): the sync
    reports it in words and goes on; nothing of it is stored."""

    key: str  # what it is, in words: "statement 723…", "transaction 163… of order 576…"
    reason: str


class Finance(Protocol):
    """Offered when `capabilities.finance_read`. Each list is a generator of pages; a page may hold
    `InvalidRecord`s among the records."""

    def statements(self, since: datetime | None = None, until: datetime | None = None
                   ) -> Iterator[list[StatementInfo | InvalidRecord]]:
        """Statements generated in [since, until), oldest first."""

    def statement_transactions(self, statement_id: str) -> Iterator[list[SettlementInfo | InvalidRecord]]: ...

    def order_settlement(self, order_id: str) -> OrderSettlement: ...

    def unsettled(self, since: datetime | None = None, until: datetime | None = None
                  ) -> Iterator[list[UnsettledInfo | InvalidRecord]]:
        """Unsettled transactions of orders created in [since, until)."""

    def withdrawals(self, since: datetime | None = None, until: datetime | None = None
                    ) -> Iterator[list[WithdrawalInfo | InvalidRecord]]: ...
