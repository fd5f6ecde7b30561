"""Words the queue shows for the platform's order of work (services/work_order.py): the Instant / Same-day mark and
the buyer's window of an ON_HOLD order. Literal translate() calls, so the translation extractor finds them."""

from __future__ import annotations

from tokodesk.services import work_order
from tokodesk.ui import queries as q
from tokodesk.ui.formatting import wib_text
from tokodesk.ui.i18n import translate


def urgency_word(row: tuple) -> str:
    """"Instant" or "Same-day" for the orders whose collection comes within hours; "" otherwise."""
    kind = work_order.urgency(row[q.R_PRIORITY])
    if kind == "instant":
        return translate("OrdersModel", "Instant")
    if kind == "same_day":
        return translate("OrdersModel", "Same-day")
    return ""


def waiting_text(row: tuple) -> str:
    """The tooltip of a waiting order: what it waits for and, where the order says, until when."""
    if row[q.R_STATE] == work_order.S.AWAITING_PAYMENT.value:
        return translate("OrdersModel", "Waiting for the buyer's payment; it moves to To pack by itself once paid.")
    until = q.as_datetime(row[q.R_HOLD_UNTIL])
    if until is None:
        return translate("OrdersModel",
                         "The buyer may still cancel (the platform's waiting time after payment); do not "
                                 "ship yet.")
    return translate("OrdersModel",
                     "The buyer may still cancel until {0}; then it is yours to pack.").format(wib_text(until))
