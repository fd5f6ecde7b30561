"""Turn an exception into words a seller understands; the traceback stays one click away."""

from __future__ import annotations

from tokodesk.credentials import CredentialError
from tokodesk.errors import UserError
from tokodesk.i18n_marks import Said, say, words_from_store, words_of
from tokodesk.marketplace import error_words
from tokodesk.marketplace.base import AuthError, MarketplaceError, NotReachable, OutcomeUnknown
from tokodesk.ui.formatting import grouped
from tokodesk.ui.i18n import current, translate
from tokodesk.ui.workers import Cancelled


def describe(exc: BaseException) -> str:
    if isinstance(exc, CredentialError):  # its words after the window's own lead-in
        return translate("Messages", "The keyring could not be used: {0}").format(refusal_text(exc))
    # Before words_of: an adapter's error may carry marked words and a code whose words say more (marketplace_text).
    if isinstance(exc, NotReachable):
        return translate("Messages",
                         "The marketplace could not be reached. Check the internet connection and try again.") + (
            f" ({marketplace_text(exc)})"
        )
    if isinstance(exc, AuthError):
        return translate("Messages", "The marketplace refused the credentials: {0}").format(marketplace_text(exc))
    if isinstance(exc, OutcomeUnknown):
        return translate(
            "Messages", "The answer was lost on the way back; TokoDesk will check the order on the marketplace: {0}"
        ).format(marketplace_text(exc))
    if isinstance(exc, MarketplaceError):
        return marketplace_text(exc)
    words = words_of(exc)
    if words is not None:  # a refusal a service wrote in marked words: the template translated, then filled in
        return in_words(words)
    if isinstance(exc, Cancelled):
        return translate("Messages", "Cancelled.")
    if isinstance(exc, (UserError, ValueError)):
        return str(exc)
    name = type(exc).__name__
    if "DatabaseError" in name or "OperationalError" in name:
        return translate("Messages", "The database could not be used: {0}").format(exc)
    return translate("Messages", "Something went wrong ({0}): {1}").format(name, exc)


def refusal_text(exc: BaseException) -> str:
    """An exception's own text in the window's language when a service wrote it in marked words; else as it is."""
    if isinstance(exc, MarketplaceError):
        return marketplace_text(exc)
    words = words_of(exc)
    return in_words(words) if words is not None else str(exc)


def in_words(text: str) -> str:
    """A message in the window's words: a service's refusal (`Said`, even after str() on its exception) translated
    from its template; a stored English message (a run's error) with the marketplace's errors in words."""
    if isinstance(text, Said):
        return _plain_in_words(text, current()).say(translate, TERMS, grouped)
    return error_words.in_language(text, current())


def _plain_in_words(words: Said, language: str) -> Said:
    """`words` with each plain value (the marketplace's own text, a code's English sentence) given the marketplace's
    errors in words, as a stored message's values are (stored_said); the English stays the same."""
    params = {key: _plain_in_words(value, language) if isinstance(value, Said)
              else error_words.in_language(value, language) if type(value) is str else value
              for key, value in words.params.items()}
    if all(params[key] is value for key, value in words.params.items()):  # (a Said equals its English: not ==)
        return words
    again = str.__new__(Said, str.__str__(words))
    again.template, again.params = words.template, params
    return again


def stored_said(text: str, words: object) -> Said | None:
    """The words a service kept beside a stored English message (an order's problem, a history event, a run's error),
    or None when it has none (a row stored before, the marketplace's own text) or they are not this text's."""
    language = current()
    return words_from_store(text, words, lambda value: error_words.in_language(value, language))


def stored_text(text: str, words: object) -> str:
    """A stored English message in the window's words: from the words kept beside it when it has them; else as
    stored, with the marketplace's errors in words."""
    said_ = stored_said(text, words)
    return in_words(said_) if said_ is not None else in_words(text or "")


def _state(code: str) -> str:
    from tokodesk.ui.orders_model import state_label

    return state_label(code)


# The window's own words for the codes a service puts in a refusal (`tokodesk.i18n_marks.term(kind, code)`).
def _marketplace_status(code: str) -> str:
    from tokodesk.ui.status_words import marketplace_status_words

    return marketplace_status_words(code) or code


TERMS = {"OrderState": _state, "MarketplaceStatus": _marketplace_status}


def shown(value: object) -> object:
    """A value that may be words (Said, Marked, Term) in the window's language; anything else as it is."""
    return say(value, translate, TERMS, grouped)


def marketplace_text(exc: MarketplaceError) -> str:
    """An adapter's error in the window's language: the code's words (never a bare code), else the words TokoDesk
    wrote (its `str()` is then a Said), else the marketplace's own text with any known sentence in words."""
    text = str(exc)
    if isinstance(text, Said):
        return in_words(text)
    reason = exc.reason
    if isinstance(reason, Said) and error_words.lookup(exc.error_code, reason) is None:
        reason = in_words(reason)  # a code without words of its own: TokoDesk's sentence around it, in words too
    return error_words.explain(exc.error_code, reason, current())
