"""Tokopedia FS order status codes -> TokoDesk's internal states (DESIGN.md §5, research §5).

This is the only place that knows the codes: services and the UI ask `state_for(code)`.
"""

from __future__ import annotations

import logging

from tokodesk.marketplace.base import OrderState

log = logging.getLogger(__name__)

S = OrderState

# code: (state, what Tokopedia means by it) -- the meaning is shown to staff next to a flagged order.
STATUS_TABLE: dict[int, tuple[OrderState, str]] = {
    0: (S.CANCELLED, "Cancelled by the seller or automatically (processing deadline passed)"),
    2: (S.CANCELLED, "Order rejected, replaced"),
    3: (S.CANCELLED, "Order rejected, out of stock"),
    4: (S.CANCELLED, "Order rejected, approval"),
    5: (S.CANCELLED, "Order cancelled: fraud"),
    6: (S.CANCELLED, "Order rejected automatically: out of stock"),
    10: (S.CANCELLED, "Order rejected by the seller"),
    11: (S.CANCELLED, "Order pending replacement"),
    15: (S.CANCELLED, "Cancelled instantly by the buyer"),
    100: (S.AWAITING_PAYMENT, "Order created, waiting for payment"),
    103: (S.AWAITING_PAYMENT, "Waiting for payment confirmation from a third party"),
    200: (S.AWAITING_PAYMENT, "Payment confirmation"),
    220: (S.NEW, "Payment verified: accept or reject"),
    221: (S.NEW, "Waiting for partner approval"),
    400: (S.ACKNOWLEDGED, "Accepted by the seller"),
    450: (S.AWAITING_PICKUP, "Waiting for pick-up"),
    500: (S.SHIPPED, "Shipped"),
    501: (S.SHIPPED, "Shipped, waiting for the AWB (resi) to be entered"),
    520: (S.SHIPPED, "Shipped, AWB (resi) invalid"),
    530: (S.SHIPPED, "Shipped, buyer asked to correct the AWB (resi)"),
    540: (S.SHIPPED, "Delivered to a pick-up point"),
    550: (S.RETURNED, "Returned to the seller"),
    600: (S.DELIVERED, "Delivered"),
    601: (S.DELIVERED, "Buyer opened a case to finish the order"),
    690: (S.ON_HOLD, "Fraud review"),
    691: (S.ON_HOLD, "Suspected fraud"),
    695: (S.ON_HOLD, "Post fraud review"),
    698: (S.ON_HOLD, "Fraud review finished"),
    699: (S.CANCELLED, "Order invalid (shipping over 25 days or payment over 5 days)"),
    700: (S.COMPLETED, "Order finished"),
    701: (S.COMPLETED, "Assumed finished, product not yet arrived at the buyer"),
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
