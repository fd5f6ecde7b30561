"""Whether an order's shipping label may be printed now, and why not in words.

A label is never printed (nor marked printed) without a code the courier can scan: the booking code or the
AWB / tracking number. TokoDesk's own label draws that code as a barcode; a marketplace's HTML label (Tokopedia) is
re-typeset around the booking code; a marketplace's PDF label (Tokopedia & Shop) is made by the marketplace when the
order is shipped and carries the tracking number itself. The queue's buttons (ui/orders_rules.py) ask the same
questions of the row, so what is offered and what prints agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, term
from tokodesk.marketplace import base
from tokodesk.services.fulfilment.awb import delivered_by_seller
from tokodesk.store import models as m

S = base.OrderState

# A label exists once the marketplace accepted the order, until the parcel is delivered.
LABEL_STATES = frozenset({S.ACKNOWLEDGED, S.PACKED, S.READY_TO_SHIP, S.AWAITING_PICKUP, S.PARTLY_SHIPPED, S.SHIPPED})
# A marketplace PDF label (TikTok Shop) exists only once the package is shipped ("arranged"); a partly shipped
# order has the labels of its shipped packages.
SHIPPED_STATES = frozenset({S.AWAITING_PICKUP, S.PARTLY_SHIPPED, S.SHIPPED})


@lru_cache(maxsize=8)
def class_capabilities(marketplace: str) -> base.Capabilities | None:
    """The adapter class's declared capabilities: no connection, no keyring (labels print offline too)."""
    try:
        from tokodesk.services.channels import adapter_factory

        factory = adapter_factory(marketplace)
    except Exception:  # noqa: BLE001 - an unknown marketplace just means "no capabilities to ask"
        return None
    owner = getattr(factory, "__self__", None)
    caps = getattr(owner, "capabilities", None) or getattr(owner, "CAPABILITIES", None)
    return caps if isinstance(caps, base.Capabilities) else None


def scan_code(order: m.Order) -> str:
    return order.awb or order.booking_code or ""


def uses_marketplace_pdf(channel: m.Channel, caps: base.Capabilities | None) -> bool:
    return bool(channel.use_marketplace_label and caps is not None and caps.label_format is base.LabelFormat.PDF)


NO_LABEL_IN_STATE = QT_TRANSLATE_NOOP("Refusals", "no label for an order that is {state}")


# A run of stars as Tokopedia & Shop sends a desensitized name or phone ("Agu*********ti", "6283*******89").
_MASK = re.compile(r"\*{2,}")


def masked_recipient(order: m.Order, channel: m.Channel) -> str:
    """Why TokoDesk's own label of this order is no use to a courier ("" when it is): the marketplace sent the
    recipient's name or phone masked. With platform logistics Tokopedia & Shop desensitizes them (Get Order Detail,
    `recipient_address.name`: "if this order uses platform logistics, recipient name will be desensitized"; official
    OAS paths/order.json) and expects its own shipping document on the parcel (Get Package Shipping Document). The
    label still prints (its code, address and items are right, and the seller chose own labels), but says so."""
    if not (_MASK.search(order.recipient_name or "") or _MASK.search(order.recipient_phone or "")):
        return ""
    return said(QT_TRANSLATE_NOOP("Refusals", "its recipient's name or phone came masked from the marketplace "
                                              "({name}, {phone}), so the courier cannot call the buyer from "
                                              "TokoDesk's own label: turn on \"Use marketplace shipping label\" for "
                                              "channel {channel} (Channel tab) and print the marketplace's label"),
                name=order.recipient_name, phone=order.recipient_phone, channel=channel.name)


def refusal(order: m.Order, channel: m.Channel, caps: base.Capabilities | None = None) -> str:
    """Why this order's label must not be printed now ("" when it may): the wrong state, or no code to scan."""
    caps = caps or class_capabilities(channel.marketplace)
    state = S(order.state)
    if state not in LABEL_STATES:
        return said(NO_LABEL_IN_STATE, state=term("OrderState", order.state))
    if uses_marketplace_pdf(channel, caps):
        if state in SHIPPED_STATES:
            return ""
        return said(QT_TRANSLATE_NOOP("Refusals", "{display_name} makes its label only after the package has been "
                                                  "arranged (shipped): use Arrange shipment and print in the window, "
                                                  "or ship it first (tokodesk orders ship)"),
                    display_name=caps.display_name)
    if scan_code(order):
        return ""
    if delivered_by_seller(order, channel):
        return said(QT_TRANSLATE_NOOP("Refusals", "it goes with your own courier and has no AWB yet: ship it with "
                                                  "its AWB, then print its label (a label without a code cannot be "
                                                  "scanned)"))
    if caps is not None and caps.tracking_at_ship:
        return said(QT_TRANSLATE_NOOP("Refusals", "{display_name} gives the tracking number only when the order is "
                                                  "shipped: use Arrange shipment and print in the window, or ship it "
                                                  "first (tokodesk orders ship), so the label has a barcode for the "
                                                  "courier"),
                    display_name=caps.display_name)
    return said(QT_TRANSLATE_NOOP("Refusals", "the marketplace has not issued its booking code yet, so the label "
                                              "would have nothing for the courier to scan: sync the orders in a "
                                              "minute and print again"))
