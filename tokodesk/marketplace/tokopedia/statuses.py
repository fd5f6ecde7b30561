"""Tokopedia FS order status codes -> TokoDesk's internal states (DESIGN.md §5, research §5).

This is the only place that knows the codes: services and the UI ask `state_for(code)`.
"""

from __future__ import annotations

import logging

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace.base import OrderState

log = logging.getLogger(__name__)

S = OrderState

# code: (state, what Tokopedia means by it) -- the meaning is shown to staff next to a flagged order.
STATUS_TABLE: dict[int, tuple[OrderState, str]] = {
    0: (S.CANCELLED, QT_TRANSLATE_NOOP("MarketplaceStatus",
                                       "Cancelled by the seller or automatically (processing deadline passed)")),
    2: (S.CANCELLED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Order rejected, replaced")),
    3: (S.CANCELLED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Order rejected, out of stock")),
    4: (S.CANCELLED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Order rejected, approval")),
    5: (S.CANCELLED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Order cancelled: fraud")),
    6: (S.CANCELLED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Order rejected automatically: out of stock")),
    10: (S.CANCELLED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Order rejected by the seller")),
    11: (S.CANCELLED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Order pending replacement")),
    15: (S.CANCELLED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Cancelled instantly by the buyer")),
    100: (S.AWAITING_PAYMENT, QT_TRANSLATE_NOOP("MarketplaceStatus", "Order created, waiting for payment")),
    103: (S.AWAITING_PAYMENT, QT_TRANSLATE_NOOP("MarketplaceStatus",
                                                "Waiting for payment confirmation from a third party")),
    200: (S.AWAITING_PAYMENT, QT_TRANSLATE_NOOP("MarketplaceStatus", "Payment confirmation")),
    220: (S.NEW, QT_TRANSLATE_NOOP("MarketplaceStatus", "Payment verified: accept or reject")),
    221: (S.NEW, QT_TRANSLATE_NOOP("MarketplaceStatus", "Waiting for partner approval")),
    400: (S.ACKNOWLEDGED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Accepted by the seller")),
    450: (S.AWAITING_PICKUP, QT_TRANSLATE_NOOP("MarketplaceStatus", "Waiting for pick-up")),
    500: (S.SHIPPED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Shipped")),
    501: (S.SHIPPED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Shipped, waiting for the AWB (resi) to be entered")),
    520: (S.SHIPPED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Shipped, AWB (resi) invalid")),
    530: (S.SHIPPED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Shipped, buyer asked to correct the AWB (resi)")),
    540: (S.SHIPPED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Delivered to a pick-up point")),
    550: (S.RETURNED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Returned to the seller")),
    600: (S.DELIVERED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Delivered")),
    601: (S.DELIVERED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Buyer opened a case to finish the order")),
    690: (S.ON_HOLD, QT_TRANSLATE_NOOP("MarketplaceStatus", "Fraud review")),
    691: (S.ON_HOLD, QT_TRANSLATE_NOOP("MarketplaceStatus", "Suspected fraud")),
    695: (S.ON_HOLD, QT_TRANSLATE_NOOP("MarketplaceStatus", "Post fraud review")),
    698: (S.ON_HOLD, QT_TRANSLATE_NOOP("MarketplaceStatus", "Fraud review finished")),
    699: (S.CANCELLED, QT_TRANSLATE_NOOP("MarketplaceStatus",
                                         "Order invalid (shipping over 25 days or payment over 5 days)")),
    700: (S.COMPLETED, QT_TRANSLATE_NOOP("MarketplaceStatus", "Order finished")),
    701: (S.COMPLETED, QT_TRANSLATE_NOOP("MarketplaceStatus",
                                         "Assumed finished, product not yet arrived at the buyer")),
}

# Who cancelled, by the cancel code (the legacy API has no initiator field; research §5). 0 is the seller's
# cancellation that ran out on its own (accept deadline passed; also a buyer's request left unanswered): SYSTEM, and
# the shop's health judges it by the deadline it ran out on. 11 (pending replacement) says nothing: unknown.
INITIATORS: dict[int, str] = {0: "SYSTEM", 2: "SELLER", 3: "SELLER", 4: "SELLER", 5: "SYSTEM", 6: "SELLER",
                              10: "SELLER", 15: "BUYER", 699: "SYSTEM"}

# A code not in the table (the 2017 doc's 401 "accepted partially", the app-only 630 "delivery failure", anything
# new) lands on hold: the queue offers no action there, so nothing is shipped, accepted or cancelled on a guess, and
# the stock stays reserved until someone looks.
UNKNOWN_STATE = OrderState.ON_HOLD

_warned: set[int] = set()


def state_for(code: int | str) -> OrderState:
    """The internal state for a Tokopedia status code; an unknown code is logged once and put on hold."""
    try:
        number = int(code)
    except (TypeError, ValueError):
        number = None
    if number is not None and number in STATUS_TABLE:
        return STATUS_TABLE[number][0]
    key = number if number is not None else -1
    if key not in _warned:
        _warned.add(key)
        log.warning("unknown Tokopedia order status %r: treating it as %s until mapped", code, UNKNOWN_STATE.value)
    return UNKNOWN_STATE


def describe(code: int | str) -> str:
    """Tokopedia's meaning of a status code, for a tooltip or an audit line."""
    try:
        return STATUS_TABLE[int(code)][1]
    except (KeyError, TypeError, ValueError):
        return f"Unknown Tokopedia status {code}"


def initiator_for(code: int | str) -> str:
    """BUYER, SELLER or SYSTEM for a cancel code; "" for any other code."""
    try:
        return INITIATORS.get(int(code), "")
    except (TypeError, ValueError):
        return ""
