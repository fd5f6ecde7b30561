"""A marketplace's own order status in words, never its code alone.

The legacy API's numbers (220, 400…) carry Tokopedia's meaning (marketplace/tokopedia/statuses.py); Tokopedia & Shop's
names (AWAITING_SHIPMENT…) are said the way Seller Center's order tabs say them. The code itself is shown only in the
order's details and history, labelled "marketplace code", for support.
"""

from __future__ import annotations

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.marketplace.tokopedia.statuses import STATUS_TABLE
from tokodesk.ui.i18n import translate

# Tokopedia & Shop's order statuses (Seller Center: Belum dibayar, Perlu dikirim, Dikirim, Selesai, Dibatalkan).
TTS_WORDS = {
    "UNPAID": QT_TRANSLATE_NOOP("MarketplaceStatus", "Unpaid"),
    "ON_HOLD": QT_TRANSLATE_NOOP("MarketplaceStatus", "On hold: the buyer may still cancel"),
    "AWAITING_SHIPMENT": QT_TRANSLATE_NOOP("MarketplaceStatus", "To ship"),
    "PARTIALLY_SHIPPING": QT_TRANSLATE_NOOP("MarketplaceStatus", "Partly shipped"),
    "AWAITING_COLLECTION": QT_TRANSLATE_NOOP("MarketplaceStatus", "Waiting for the courier's pick-up"),
    "IN_TRANSIT": QT_TRANSLATE_NOOP("MarketplaceStatus", "In transit"),
    "DELIVERED": QT_TRANSLATE_NOOP("MarketplaceStatus", "Delivered"),
    "COMPLETED": QT_TRANSLATE_NOOP("MarketplaceStatus", "Completed"),
    "CANCELLED": QT_TRANSLATE_NOOP("MarketplaceStatus", "Cancelled"),
    "CANCEL": QT_TRANSLATE_NOOP("MarketplaceStatus", "Cancelled"),
}
LEGACY_WORDS = {code: meaning for code, (_state, meaning) in STATUS_TABLE.items()}


def marketplace_status_words(code: object) -> str:
    """What the marketplace's status means, in the window's language ("" when there is none)."""
    text = str(code if code is not None else "").strip()
    if not text:
        return ""
    if text.isdigit() and int(text) in LEGACY_WORDS:
        return translate("MarketplaceStatus", LEGACY_WORDS[int(text)])
    if text.upper() in TTS_WORDS:
        return translate("MarketplaceStatus", TTS_WORDS[text.upper()])
    return translate("MarketplaceStatus", "a status TokoDesk does not know yet (marketplace code {0})").format(text)
