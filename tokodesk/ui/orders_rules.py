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
                        S.SHIPPED.value}),
    "ship": frozenset({S.PACKED.value, S.READY_TO_SHIP.value}),
    "cancel": frozenset({S.NEW.value, S.ACKNOWLEDGED.value, S.PACKED.value}),
    "picklist": frozenset({S.NEW.value, S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value}),
    "packing_list": frozenset({S.NEW.value, S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value}),
    "manifest": frozenset({S.PACKED.value, S.READY_TO_SHIP.value, S.AWAITING_PICKUP.value, S.SHIPPED.value}),
}
# A marketplace PDF label (TikTok Shop) exists only once the package is arranged.
_MARKETPLACE_PDF_LABEL = frozenset({S.AWAITING_PICKUP.value, S.SHIPPED.value})


def allowed(action: str, rows: Sequence[tuple], caps: Capabilities | None, settings: dict | None = None) -> bool:
    if not rows:
        return False
    settings = settings or {}
    states = _STATES[action]
    if action == "ack" and caps is not None and not caps.has_acknowledge:
        return False
    if action == "label" and settings.get("use_marketplace_label") and caps is not None \
            and caps.label_format is LabelFormat.PDF:
        states = _MARKETPLACE_PDF_LABEL
    for row in rows:
        if row[q.R_STATE] not in states:
            return False
        if action == "pack" and row[q.R_UNMAPPED]:
            return False  # packing needs every line mapped; the row's flag says why
    return True
