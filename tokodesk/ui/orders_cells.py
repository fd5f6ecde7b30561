"""What the queue's cells say about an order: its state in words, its deadline, its parcels.

Shared by the Orders tab's model and the other views that show an order's state or a deadline (the detail pane,
Returns, Today's plan, the history's events).
"""

from __future__ import annotations

from datetime import datetime

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace.base import OrderState
from tokodesk.ui import queries as q
from tokodesk.ui.formatting import to_wib
from tokodesk.ui.i18n import translate

S = OrderState

STATE_LABELS = {
    S.AWAITING_PAYMENT: QT_TRANSLATE_NOOP("OrderState", "Awaiting payment"),
    S.NEW: QT_TRANSLATE_NOOP("OrderState", "New"),
    S.ACKNOWLEDGED: QT_TRANSLATE_NOOP("OrderState", "To pack"),
    S.PACKED: QT_TRANSLATE_NOOP("OrderState", "Packed"),
    S.READY_TO_SHIP: QT_TRANSLATE_NOOP("OrderState", "Ready to ship"),
    S.AWAITING_PICKUP: QT_TRANSLATE_NOOP("OrderState", "Awaiting pickup"),
    S.PARTLY_SHIPPED: QT_TRANSLATE_NOOP("OrderState", "Partly shipped"),
    S.SHIPPED: QT_TRANSLATE_NOOP("OrderState", "Shipped"),
    S.DELIVERED: QT_TRANSLATE_NOOP("OrderState", "Delivered"),
    S.COMPLETED: QT_TRANSLATE_NOOP("OrderState", "Completed"),
    S.RETURNED: QT_TRANSLATE_NOOP("OrderState", "Returned"),
    S.ON_HOLD: QT_TRANSLATE_NOOP("OrderState", "On hold"),
    S.CANCELLED: QT_TRANSLATE_NOOP("OrderState", "Cancelled"),
}

# Where "printed" helps the packer (a label still to stick on a parcel); on a shipped or cancelled order it is noise.
PRINTED_MARK_STATES = frozenset({S.ACKNOWLEDGED, S.PACKED, S.READY_TO_SHIP, S.AWAITING_PICKUP})
PRINTED_MARK = frozenset(s.value for s in PRINTED_MARK_STATES)


def short_wib_text(value: datetime | None) -> str:
    """'28/11 12:28 WIB': a queue's deadlines are days away, not years; the year takes room a laptop lacks (the
    cell's tooltip and the detail pane show the full date)."""
    local = to_wib(value)
    return local.strftime("%d/%m %H:%M WIB") if local else ""


def state_label(state: str) -> str:
    try:
        return translate("OrderState", STATE_LABELS[S(state)])
    except ValueError:
        return state


def parcels_word(row: tuple) -> str:
    """' · 1 of 2 parcels packed' for a split order packed a parcel at a time (still To pack: the rest waits)."""
    parcels = row[q.R_PARCELS]
    if not parcels:
        return ""
    return " · " + translate("OrdersModel", "{0} of {1} parcels packed").format(*parcels)


def deadline_of(row: tuple) -> datetime | None:
    state = row[q.R_STATE]
    if state == S.NEW.value:
        return q.as_datetime(row[q.R_ACCEPT_BY])
    if state in (S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value, S.PARTLY_SHIPPED.value):
        return q.as_datetime(row[q.R_SHIP_BY])  # partly shipped: its waiting packages ship by then
    if row[q.R_WAITING]:
        return q.as_datetime(row[q.R_HOLD_UNTIL])  # when the buyer's window ends, where the order says
    return None
