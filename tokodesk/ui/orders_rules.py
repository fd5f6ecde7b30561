"""Which queue action a selection offers, from the order states, their codes and the adapter's capabilities.

A bulk action is offered when at least one selected order can take it: it acts on those and the others are listed
afterwards with the reason in words (the fulfilment service checks every order again and refuses with a reason,
DESIGN.md §5). Only a selection where no order can take it disables the button, and the button then says why.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Sequence
from operator import itemgetter

from tokodesk.marketplace.base import Capabilities, LabelFormat, OrderState
from tokodesk.ui import queries as q

S = OrderState
ACTIONS = ("ack", "pack", "label", "arrange", "ship", "cancel", "combine", "picklist", "packing_list", "manifest")

_STATES: dict[str, frozenset[str]] = {
    "ack": frozenset({S.NEW.value}),
    "pack": frozenset({S.ACKNOWLEDGED.value}),
    "label": frozenset({S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value, S.AWAITING_PICKUP.value,
                        S.PARTLY_SHIPPED.value, S.SHIPPED.value}),
    "arrange": frozenset({S.PACKED.value, S.READY_TO_SHIP.value, S.PARTLY_SHIPPED.value}),
    "ship": frozenset({S.PACKED.value, S.READY_TO_SHIP.value, S.PARTLY_SHIPPED.value}),
    "cancel": frozenset({S.NEW.value, S.ACKNOWLEDGED.value, S.PACKED.value}),
    # One buyer's orders not shipped yet, as one package (Tokopedia & Shop); the marketplace says which it offers.
    "combine": frozenset({S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value}),
    "picklist": frozenset({S.NEW.value, S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value}),
    "packing_list": frozenset({S.NEW.value, S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value}),
    "manifest": frozenset({S.PACKED.value, S.READY_TO_SHIP.value, S.AWAITING_PICKUP.value, S.PARTLY_SHIPPED.value,
                           S.SHIPPED.value}),
}
# A marketplace PDF label (TikTok Shop) exists only once the package is arranged.
_MARKETPLACE_PDF_LABEL = frozenset({S.AWAITING_PICKUP.value, S.PARTLY_SHIPPED.value, S.SHIPPED.value})


def offered(action: str, caps: Capabilities | None) -> bool:
    """Whether the action exists at all on this marketplace (a button that never applies is hidden)."""
    if action == "arrange":
        return caps is not None and caps.tracking_at_ship
    if action == "combine":
        return caps is not None and caps.packages
    return True


def _marketplace_pdf(settings: dict, caps: Capabilities | None) -> bool:
    return bool(settings.get("use_marketplace_label") and caps is not None and caps.label_format is LabelFormat.PDF)


@functools.cache
def _cancel_states(caps: Capabilities) -> frozenset[str]:
    return frozenset(s.value for s in caps.seller_cancel_states)  # once per marketplace, not once per row


def _states(action: str, caps: Capabilities | None, settings: dict) -> frozenset[str]:
    if action == "cancel" and caps is not None:
        return _cancel_states(caps)
    if action == "label" and _marketplace_pdf(settings, caps):
        return _MARKETPLACE_PDF_LABEL
    return _STATES[action]


def row_blocked(action: str, row: tuple, caps: Capabilities | None, settings: dict | None = None) -> str:
    """Why this one order cannot take `action`, in words; "" when it can."""
    from tokodesk.ui.i18n import translate
    from tokodesk.ui.orders_model import state_label

    settings = settings or {}
    if action == "ack" and caps is not None and not caps.has_acknowledge:
        return translate("OrdersRules", "This marketplace accepts orders by itself: there is nothing to acknowledge.")
    if action == "combine" and not offered(action, caps):
        return translate("OrdersRules",
                         "On this marketplace every order is its own parcel: there is nothing to combine.")
    if not offered(action, caps):
        return translate("OrdersRules", "This marketplace gives the tracking number before shipping: print the label, "
                                 "then ship.")
    if row[q.R_STATE] not in _states(action, caps, settings):
        if action == "label" and _marketplace_pdf(settings, caps) and row[q.R_STATE] in _STATES["label"]:
            return translate("OrdersRules",
                             "The marketplace's label exists once the package is arranged: ship the order "
                                     "first, then print its label.")
        if action in ("arrange", "ship") and row[q.R_STATE] == S.ACKNOWLEDGED.value:
            return translate("OrdersRules", "Pack it first.")
        return translate("OrdersRules", "It is {0}.").format(state_label(row[q.R_STATE]))
    if action == "pack" and row[q.R_UNMAPPED]:
        return translate("OrdersRules", "A product has no seller SKU: map it in the SKU mapping tab first.")
    if action == "label" and not _marketplace_pdf(settings, caps) and not (row[q.R_BOOKING] or row[q.R_AWB]) \
            and caps is not None and not caps.has_booking_code:
        # Never a label without a code the courier can scan (services/fulfilment/label_rules.py decides for each
        # order; where the marketplace can be asked for a booking code, printing asks it first).
        if caps.tracking_at_ship:
            return translate("OrdersRules",
                             "No tracking number yet: {0} gives it when the order is shipped. Use Arrange "
                                     "shipment and print.").format(caps.display_name)
        return translate("OrdersRules", "No booking code or AWB yet: its label would have nothing for the courier to "
                                 "scan.")
    return ""


_state_of = itemgetter(q.R_STATE)
_unmapped_of = itemgetter(q.R_UNMAPPED)
_code_of = itemgetter(q.R_CODE)  # the AWB, else the booking code, else "": truthy when either is there


def _kind(row: tuple) -> tuple:
    """All that `row_blocked` reads of a row: orders alike in these are alike to every rule."""
    return row[q.R_STATE], bool(row[q.R_UNMAPPED]), bool(row[q.R_BOOKING] or row[q.R_AWB])


# The last selection's orders grouped by kind: the buttons ask about the same rows once per action. Ctrl+A on
# 100,000 orders took 52 s when every row was judged (and its reason translated) for every button.
_last_groups: tuple[Sequence[tuple], dict[tuple, list[tuple]]] | None = None


def _groups(rows: Sequence[tuple]) -> dict[tuple, list[tuple]]:
    global _last_groups
    if _last_groups is not None and _last_groups[0] is rows:
        return _last_groups[1]
    # _kind per row, its parts read by C getters (a Python call per row made Ctrl+A on 100,000 orders slow).
    kinds = zip(map(_state_of, rows), map(bool, map(_unmapped_of, rows)), map(bool, map(_code_of, rows)),
                strict=True)
    grouped: defaultdict[tuple, list[tuple]] = defaultdict(list)
    for kind, row in zip(kinds, rows, strict=True):
        grouped[kind].append(row)
    groups = dict(grouped)
    _last_groups = (rows, groups)
    return groups


def _judged(action: str, rows: Sequence[tuple], caps: Capabilities | None,
            settings: dict | None) -> list[tuple[str, list[tuple]]]:
    """(why, the orders of one kind) for each kind of order in `rows`; why is "" for those the action takes."""
    return [(row_blocked(action, members[0], caps, settings), members) for members in _groups(rows).values()]


def blocked_rows(action: str, rows: Sequence[tuple], caps: Capabilities | None,
                 settings: dict | None = None) -> list[tuple[tuple, str]]:
    """(row, why) for every selected order the action skips."""
    return [(row, why) for why, members in _judged(action, rows, caps, settings) if why for row in members]


def allowed(action: str, rows: Sequence[tuple], caps: Capabilities | None, settings: dict | None = None) -> bool:
    """At least one selected order can take the action (the others are skipped and listed afterwards); combining
    needs two."""
    able = sum(len(members) for why, members in _judged(action, rows, caps, settings) if not why)
    return able >= (2 if action == "combine" else 1)


def _blocked_summary(action: str, rows: Sequence[tuple], caps: Capabilities | None,
                     settings: dict | None) -> tuple[int, list[tuple[tuple, str]]]:
    """How many orders the action skips, and (row, why) for the first few of them."""
    count, first = 0, []
    for why, members in _judged(action, rows, caps, settings):
        if why:
            count += len(members)
            first.extend((row, why) for row in members[:3])
    return count, first


def blocked_reason(action: str, rows: Sequence[tuple], caps: Capabilities | None,
                   settings: dict | None = None) -> str:
    """Why `action` is not offered for this selection, in words (empty when it is allowed): shown on the disabled
    button, so it never just looks broken."""
    from tokodesk.ui.i18n import translate

    if not rows:
        return translate("OrdersRules", "Select one or more orders first (click a row; Ctrl or Shift adds more).")
    count, blocked = _blocked_summary(action, rows, caps, settings)
    if action == "combine" and offered(action, caps) and len(rows) - count == 1:
        return translate("OrdersRules", "Select two or more orders of one buyer (not shipped yet) to ship them as one "
                                 "parcel.")
    if count < len(rows):
        return ""
    reasons = list(dict.fromkeys(why for _row, why in blocked))
    need = _need(action, caps)
    if len(reasons) == 1:
        return f"{reasons[0]} {need}".strip() if need not in reasons[0] else reasons[0]
    return translate("OrdersRules", "None of the selected orders can do this. {0}").format(need).strip()


def skipped_note(action: str, rows: Sequence[tuple], caps: Capabilities | None, settings: dict | None = None) -> str:
    """For an enabled button: which selected orders it will skip and why (empty when it acts on all of them)."""
    from tokodesk.ui.i18n import translate

    count, blocked = _blocked_summary(action, rows, caps, settings)
    if not count or count == len(rows):
        return ""
    names = ", ".join(row[q.R_INVOICE] or row[q.R_ORDER_ID] for row, _ in blocked[:3])
    more = count - 3
    if more > 0:
        names += " " + translate("OrdersRules", "and {0} more").format(more)
    return translate("OrdersRules", "Skips {0} of the {1} selected: {2} — {3}").format(
        count, len(rows), names, blocked[0][1])


def _need(action: str, caps: Capabilities | None) -> str:
    from tokodesk.ui.i18n import translate

    # What each action needs, in the words a packer uses (literal translate() calls, so the extractor finds them).
    return {
        "ack": translate("OrdersRules", "Select new orders to acknowledge them."),
        "pack": translate("OrdersRules", "Select orders that are To pack (acknowledged) to pack them."),
        "label": translate("OrdersRules",
                           "Labels print for orders that are acknowledged, packed, ready to ship, awaiting "
                                   "pickup or shipped, once they have a booking code or AWB."),
        "arrange": translate("OrdersRules", "Select packed or ready-to-ship orders: they are shipped and their labels "
                                     "print."),
        "ship": translate("OrdersRules", "Select packed or ready-to-ship orders to ship them."),
        "cancel": _cancel_need(caps),
        "combine": translate("OrdersRules", "Only orders not shipped yet can be combined."),
    }.get(action, "")


def _cancel_need(caps: Capabilities | None) -> str:
    from tokodesk.ui.i18n import translate
    from tokodesk.ui.orders_model import state_label

    if caps is None:
        return translate("OrdersRules", "Only new, to-pack or packed orders can be cancelled.")
    # In the marketplace's own order (the enum's), named as the queue names the states.
    states = ", ".join(state_label(s.value) for s in S if s in caps.seller_cancel_states)
    return translate("OrdersRules", "{0} lets a seller cancel orders that are: {1}.").format(caps.display_name, states)
