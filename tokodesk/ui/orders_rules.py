"""Which queue action is valid for a whole selection, from the order states and the adapter's capabilities.

Only for enabling buttons: the fulfilment service checks again and refuses with a reason (DESIGN.md §5).
"""

from __future__ import annotations

from collections.abc import Sequence

from tokodesk.marketplace.base import Capabilities, LabelFormat, OrderState
from tokodesk.ui import queries as q

S = OrderState
ACTIONS = ("ack", "pack", "label", "ship", "cancel", "picklist", "packing_list", "manifest")

_STATES: dict[str, frozenset[str]] = {
    "ack": frozenset({S.NEW.value}),
    "pack": frozenset({S.ACKNOWLEDGED.value}),
    "label": frozenset({S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value, S.AWAITING_PICKUP.value,
                        S.PARTLY_SHIPPED.value, S.SHIPPED.value}),
    "ship": frozenset({S.PACKED.value, S.READY_TO_SHIP.value, S.PARTLY_SHIPPED.value}),
    "cancel": frozenset({S.NEW.value, S.ACKNOWLEDGED.value, S.PACKED.value}),
    "picklist": frozenset({S.NEW.value, S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value}),
    "packing_list": frozenset({S.NEW.value, S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value}),
    "manifest": frozenset({S.PACKED.value, S.READY_TO_SHIP.value, S.AWAITING_PICKUP.value, S.PARTLY_SHIPPED.value,
                           S.SHIPPED.value}),
}
# A marketplace PDF label (TikTok Shop) exists only once the package is arranged.
_MARKETPLACE_PDF_LABEL = frozenset({S.AWAITING_PICKUP.value, S.PARTLY_SHIPPED.value, S.SHIPPED.value})


def allowed(action: str, rows: Sequence[tuple], caps: Capabilities | None, settings: dict | None = None) -> bool:
    if not rows:
        return False
    settings = settings or {}
    states = _STATES[action]
    if action == "ack" and caps is not None and not caps.has_acknowledge:
        return False
    if action == "cancel" and caps is not None:
        states = frozenset(s.value for s in caps.seller_cancel_states)
    if action == "label" and settings.get("use_marketplace_label") and caps is not None \
            and caps.label_format is LabelFormat.PDF:
        states = _MARKETPLACE_PDF_LABEL
    for row in rows:
        if row[q.R_STATE] not in states:
            return False
        if action == "pack" and row[q.R_UNMAPPED]:
            return False  # packing needs every line mapped; the row's flag says why
    return True


def blocked_reason(action: str, rows: Sequence[tuple], caps: Capabilities | None,
                   settings: dict | None = None) -> str:
    """Why `action` is not offered for this selection, in words (empty when it is allowed): shown on the disabled
    button, so it never just looks broken."""
    from tokodesk.ui.i18n import tr

    if allowed(action, rows, caps, settings):
        return ""
    if not rows:
        return tr("OrdersRules", "Select one or more orders first (click a row; Ctrl or Shift adds more).")
    if action == "ack" and caps is not None and not caps.has_acknowledge:
        return tr("OrdersRules", "This marketplace accepts orders by itself: there is nothing to acknowledge.")
    if action == "label" and (settings or {}).get("use_marketplace_label") and caps is not None \
            and caps.label_format is LabelFormat.PDF:
        return tr("OrdersRules", "The marketplace's label exists once the package is arranged: ship the order "
                                 "first, then print its label.")
    if action == "pack" and any(row[q.R_UNMAPPED] for row in rows) \
            and all(row[q.R_STATE] in _STATES["pack"] for row in rows):
        return tr("OrdersRules", "An order has a product without a seller SKU: map it in the SKU mapping tab "
                                 "first.")
    states = _STATES.get(action, frozenset())
    if action == "cancel" and caps is not None:
        states = frozenset(s.value for s in caps.seller_cancel_states)
    others = len([row for row in rows if row[q.R_STATE] not in states])
    # What each action needs, in the words a packer uses (literal tr() calls, so the extractor finds them).
    need = {
        "ack": tr("OrdersRules", "Select new orders to acknowledge them."),
        "pack": tr("OrdersRules", "Select orders that are To pack (acknowledged) to pack them."),
        "label": tr("OrdersRules", "Labels print for orders that are acknowledged, packed, ready to ship, awaiting "
                                   "pickup or shipped."),
        "ship": tr("OrdersRules", "Select packed or ready-to-ship orders to ship them."),
        "cancel": _cancel_need(caps),
    }.get(action, "")
    return tr("OrdersRules", "{0} of the selected orders cannot do this. {1}").format(others, need).strip() \
        if len(rows) > 1 else need


def _cancel_need(caps: Capabilities | None) -> str:
    from tokodesk.ui.i18n import tr
    from tokodesk.ui.orders_model import state_label

    if caps is None:
        return tr("OrdersRules", "Only new, to-pack or packed orders can be cancelled.")
    # In the marketplace's own order (the enum's), named as the queue names the states.
    states = ", ".join(state_label(s.value) for s in S if s in caps.seller_cancel_states)
    return tr("OrdersRules", "{0} lets a seller cancel orders that are: {1}.").format(caps.display_name, states)
