"""What a marketplace adapter raises: `MarketplaceError` and the kinds a caller acts on differently.

Here belong the error classes only (`AuthError`: fix the credentials; `NotReachable`: try later; `OutcomeUnknown`:
read before repeating). Their words for a seller come from error_words.py. Import them from
`tokodesk.marketplace.base`, which re-exports them.
"""

from __future__ import annotations

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, Said
from tokodesk.marketplace.clean import clean_message, clean_text


class MarketplaceError(Exception):
    """A marketplace answered with an error (or could not be reached).

    `str()` is written for a seller: what went wrong and what to do. Never carries a secret. A reason TokoDesk
    wrote itself is marked words (`said(QT_TRANSLATE_NOOP("Marketplace", …))`, the marketplace's own text a value
    in it): `args[0]` and, when no code's words replace it, `str()` are that `Said`, so the window says it in its
    language and a service storing `str(exc)` keeps its words (i18n_marks.stored_words).
    """

    def __init__(self, reason: str, error_code: str = "", http_status: int | None = None, *, retryable: bool = False):
        # The reason often quotes the marketplace, and is stored (a run's errors, an action): make it storable.
        cleaned = clean_message(reason)
        # Marked words stay words unless cleaning changed them (a value held characters that cannot be stored).
        reason = reason if isinstance(reason, Said) and cleaned == str.__str__(reason) else cleaned
        error_code = clean_text(str(error_code), what="an error code")
        super().__init__(reason)
        self.reason = reason
        self.error_code = error_code
        self.http_status = http_status
        self.retryable = retryable

    def __str__(self) -> str:
        # English, one line (CLI, logs, stored run errors): the code's words, never a bare code (error_words).
        from tokodesk.marketplace import error_words

        if isinstance(self.reason, Said) and not self.error_code:
            return self.reason  # TokoDesk's own words, no code to explain: the window can say them again
        return error_words.explain(self.error_code, self.reason, "en", multiline=False)


class AuthError(MarketplaceError):
    """Credentials rejected, token expired beyond refresh, shop not linked or not authorised."""


class NotReachable(MarketplaceError):
    """No answer: DNS, refused connection, timeout on a read."""


class OutcomeUnknown(MarketplaceError):
    """A non-idempotent call was sent but its answer was lost (timeout, dropped connection, 5xx).

    The caller must not simply repeat it: re-read the order on the marketplace and decide from its state.
    """

    def __str__(self) -> str:
        # The reason says what TokoDesk does next; the code's words only add what happened.
        from tokodesk.marketplace import error_words

        words = error_words.lookup(self.error_code)
        if isinstance(self.reason, Said):
            # Placeholders only: not in the .ts, the window keeps the frame and says the reason in its words.
            if words is not None:
                return Said("{reason} {what}", reason=self.reason, what=words.what_en)
            if not self.error_code:
                return self.reason
            return Said(QT_TRANSLATE_NOOP("Marketplace", "{reason} (code {code})"), reason=self.reason,
                        code=self.error_code)
        if words is not None:
            return f"{self.reason} {words.what_en}"
        return f"{self.reason} (code {self.error_code})" if self.error_code else self.reason
