"""TikTok Shop error codes in words a seller can act on (research file §2, §4, §5, §7).

Every message says what went wrong and what to do; none carries a secret. The marketplace is called
"Tokopedia & Shop" in every message, because these words reach sellers and their staff.
"""

from __future__ import annotations

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import error_words
from tokodesk.marketplace.base import AuthError, MarketplaceError
from tokodesk.marketplace.clean import clean_message

NAME = "Tokopedia & Shop"

RATE_LIMITED = "36009002"
INTERNAL = frozenset({"36009003", "36009007"})
OVERLOADED = "36009004"
TOKEN_EXPIRED = "105002"
INVALID_AUTH_CODE = "36004004"
SCOPE_MISSING = "105005"
IP_NOT_ALLOWED = "36009033"
BAD_SIGN = "106001"
LABEL_GENERATING = "11034037"

# code -> (exception class, words)
_WORDS: dict[str, tuple[type[MarketplaceError], str]] = {
    INVALID_AUTH_CODE: (
        AuthError,
        "The authorization code is not valid any more: a code works once and for 30 minutes. Open the consent "
        "link again, accept, and paste the new redirect address (or code).",
    ),
    "36004003": (
        AuthError,
        f"{NAME} did not accept this channel's app key or app secret (wrong app key or secret). Copy both again "
        "from the app's page in Partner Center.",
    ),
    SCOPE_MISSING: (
        AuthError,
        f"The app is missing a permission (scope) {NAME} needs for this. Enable the scope on the app's page in "
        "Partner Center, then authorize the shop again.",
    ),
    IP_NOT_ALLOWED: (
        AuthError,
        "This computer's internet address is not on the app's IP allow list. Add it on the app's page in "
        "Partner Center (or clear the list), then try again.",
    ),
    BAD_SIGN: (
        AuthError,
        f"{NAME} rejected the request signature: the app secret stored for this channel is probably wrong. "
        "Enter the App secret from the app's page in Partner Center again.",
    ),
    TOKEN_EXPIRED: (
        AuthError,
        f"The {NAME} access has expired and could not be renewed. Authorize the shop again.",
    ),
    "105001": (AuthError, f"The {NAME} access token is not valid. Authorize the shop again."),
    "105003": (AuthError, f"The {NAME} access token is not valid. Authorize the shop again."),
    "101000": (
        AuthError,
        "The authorization does not cover this shop. Authorize again and pick this shop.",
    ),
    "106013": (
        MarketplaceError,
        "No shop is chosen for this channel. Authorize the channel and pick a shop.",
    ),
    "36009014": (
        MarketplaceError,
        f"{NAME} no longer accepts the API version this TokoDesk uses. Update TokoDesk.",
    ),
    "36009009": (MarketplaceError, f"{NAME} does not know this API path. Update TokoDesk."),
    "36009010": (MarketplaceError, f"{NAME} does not accept this request method. Update TokoDesk."),
    # fulfilment
    "11021035": (MarketplaceError, "The parcel can be handed over only within the collection time. Try again then."),
    "11021036": (MarketplaceError, "There is no collection time for this parcel yet. Try again later."),
    "21011053": (MarketplaceError, "The chosen pick-up time slot is not valid any more. Choose another slot."),
    "21011054": (MarketplaceError, "No pick-up time slot is available. Try again later or drop the parcel off."),
    "11006021": (MarketplaceError, "This package has already been shipped."),
    "21008099": (MarketplaceError, "This package has already been shipped."),
    "21011040": (MarketplaceError, "This package has already been shipped."),
    "21001003": (MarketplaceError, "This package does not exist any more: it was combined or split in Seller Center. "
                               "Refresh the order and ship its current packages."),
    "21011028": (MarketplaceError, "The package does not belong to this shop (combined or split meanwhile?). "
                               "Refresh the orders and try again."),
    "21011031": (MarketplaceError, "These orders can no longer be combined into that package. Refresh and try again."),
    "21011029": (MarketplaceError, "The order is not in that package any more. Refresh and try again."),
    "21008044": (MarketplaceError, "An item of this order has an after-sales request; resolve it first."),
    "21011041": (MarketplaceError, "This order has been cancelled; do not ship it."),
    "21008025": (MarketplaceError, "This order is fulfilled by the platform's warehouse; the seller does not ship it."),
    "21023035": (MarketplaceError, "The shipping label exists only after the package has been arranged (shipped)."),
    "11034002": (MarketplaceError, "The seller ships this package with its own courier: there is no platform label."),
    "21042102": (MarketplaceError, "The label cannot be printed after the courier has picked the parcel up."),
    LABEL_GENERATING: (MarketplaceError, "The shipping label is still being generated. Try again in a minute."),
    # cancellation
    "25001021": (MarketplaceError, "This cancellation reason is not allowed for the order's current status."),
    # stock
    "12019024": (MarketplaceError, "The stock quantity is not valid."),
    "12052055": (MarketplaceError, "The stock quantity is out of the allowed range (1 to 99,999)."),
    "12052097": (MarketplaceError, "The warehouse is not a warehouse of this shop."),
    "12019028": (MarketplaceError, "Every warehouse of the SKU must be sent, and no other."),
    "12052037": (MarketplaceError, "Every warehouse of the SKU must be sent, and no other."),
    "12052533": (MarketplaceError, "Every warehouse of the SKU must be sent, and no other."),
    "12052393": (MarketplaceError, "The stock is locked by a running promotion."),
    "12052921": (MarketplaceError, "The stock is shared with a source shop and is changed there."),
    "12052901": (MarketplaceError, "The product's status does not allow a stock change (it must be live)."),
    "12052556": (MarketplaceError, "The SKU is not known to the marketplace (deleted or re-created?)."),
    "12052050": (MarketplaceError, "Too many SKUs in one stock update (at most 100)."),
    "12052994": (AuthError, "The shop is not a Tokopedia seller shop."),
}

# 36009004 carries a dozen different failures; the message tells them apart (research file §2).
_OVERLOADED_RULES: tuple[tuple[tuple[str, ...], type[MarketplaceError], str], ...] = tuple(
    (keys, cls, error_words.TIKTOKSHOP[f"{OVERLOADED}/{keys[0]}"].sentence("en"))
    for keys, cls in (
        (("app_key",), AuthError),
        (("timestamp",), MarketplaceError),
        (("signature", "missing credentials", "sign"), AuthError),
        (("access_token", "x-tts-access-token"), AuthError),
        (("shop_cipher", "shop_id"), MarketplaceError),
        (("version",), MarketplaceError),
    )
)


def overloaded_kind(message: str) -> str:
    """Which 36009004 failure this is: app_key, timestamp, signature, access_token, shop, version or other."""
    text = (message or "").lower()
    for keys, _, _ in _OVERLOADED_RULES:
        if any(k in text for k in keys):
            return keys[0].replace("shop_cipher", "shop")
    return "other"


def error_for(
    code: str,
    message: str = "",
    http_status: int | None = None,
    request_id: str = "",
) -> MarketplaceError:
    """The typed error for an envelope's code; unknown codes keep the marketplace's own message."""
    code = str(code)
    suffix = f" [request {request_id}]" if request_id else ""
    if code == OVERLOADED:
        text = (message or "").lower()
        for keys, cls, words in _OVERLOADED_RULES:
            if any(k in text for k in keys):
                return cls(words + suffix, code, http_status)
        text = said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop refused the request: {message}{request}"),
                    message=message or QT_TRANSLATE_NOOP("Marketplace", "no reason given"), request=suffix)
        return MarketplaceError(text, code, http_status)
    if code == RATE_LIMITED:
        return MarketplaceError(
            said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop is limiting requests. Wait a minute and try "
                                   "again.{request}"), request=suffix), code, http_status, retryable=True
        )
    if code in INTERNAL:
        return MarketplaceError(
            said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop had an internal error or timed out. Try "
                                   "again.{request}"), request=suffix), code, http_status, retryable=True
        )
    if code in _WORDS:
        # The words (both languages) live in error_words; str() and the window render them from the code.
        return _WORDS[code][0](error_words.TABLE[code].sentence("en") + suffix, code, http_status)
    return MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop: {message}{request}"),
                                 message=message or QT_TRANSLATE_NOOP("Marketplace", "the request failed"),
                                 request=suffix), code, http_status)


def words_for(code: str, message: str = "") -> str:
    """A seller-facing sentence for a per-item error (`data.errors[]`)."""
    # The marketplace's own words are stored with the item (a push row, a catalog edit): make them storable.
    return clean_message(error_words.explain(code, message, "en", multiline=False))
