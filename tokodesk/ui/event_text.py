"""The order history in the window's language.

The services write each event's detail as one plain English sentence (the log a support engineer reads, the same
from the CLI, the GUI and every station) and, beside it, the words it was made from (`OrderEvent.words`): the window
says those in its language (`history_text`). An event stored before the words were kept is recognised here by its
sentence and shown translated, with state names in words; anything else (a marketplace's own message, an older
wording) shows as it was written.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from tokodesk.marketplace import error_words
from tokodesk.ui.i18n import current
from tokodesk.ui.orders_model import state_label
from tokodesk.ui.status_words import marketplace_status_words


def _status_change(a: str, b: str, x: str, y: str, outside: str | None) -> str:
    # The states in words first; the marketplace's codes after them, labelled, for support (never a bare number).
    words = QCoreApplication.translate("EventText", "status {0} → {1} (marketplace code {2} → {3})")
    words = words.format(state_label(x), state_label(y), a, b)
    return words + (QCoreApplication.translate("EventText", "; changed outside TokoDesk") if outside else "")


def _code_change(a: str, b: str, outside: str | None) -> str:
    words = QCoreApplication.translate("EventText", "on the marketplace: {0} → {1} (marketplace code {2} → {3})")
    words = words.format(marketplace_status_words(a), marketplace_status_words(b), a, b)
    return words + (QCoreApplication.translate("EventText", "; changed outside TokoDesk") if outside else "")


def _code(code: str | None) -> str:
    return QCoreApplication.translate("EventText", ", code {0}").format(code) if code else ""


def _rejected(reason: str, rest: str) -> str:
    return QCoreApplication.translate("EventText", "buyer's cancellation request rejected ({0})").format(reason) + rest


# (pattern, builder) pairs; the first full match wins. Each builder gets the match's groups.
_RULES: list[tuple[re.Pattern[str], Callable[..., str]]] = [
    (re.compile(r"status (\S+) → (\S+) \((\w+) → (\w+)\)(; changed outside TokoDesk)?"), _status_change),
    (re.compile(r"status (\S+) → (\S+)(; changed outside TokoDesk)?"), _code_change),
    (re.compile(r"status (\S+) \((\w+)\)"),
     lambda a, x: QCoreApplication.translate("EventText", "status {0} (marketplace code {1})").format(
         state_label(x), a)),
    (re.compile(r"changed: (.+)"),
     lambda what: QCoreApplication.translate("EventText", "changed: {0}").format(what)),
    (re.compile(r"packed; now (\w+)"),
     lambda x: QCoreApplication.translate("EventText", "packed; now {0}").format(state_label(x))),
    (re.compile(r"accepted on the marketplace"),
     lambda: QCoreApplication.translate("EventText", "accepted on the marketplace")),
    (re.compile(r"pick-up requested(?:, code (.+))?"),
     lambda code: QCoreApplication.translate("EventText", "pick-up requested") + _code(code)),
    (re.compile(r"handed over at the courier's counter(?:, code (.+))?"),
     lambda code: QCoreApplication.translate("EventText", "handed over at the courier's counter") + _code(code)),
    (re.compile(r"shipped with own courier(?:, code (.+))?"),
     lambda code: QCoreApplication.translate("EventText", "shipped with own courier") + _code(code)),
    (re.compile(r"shipped(?:, code (.+))?"),
     lambda code: QCoreApplication.translate("EventText", "shipped") + _code(code)),
    (re.compile(r"cancelled with reason (.+)"),
     lambda rest: QCoreApplication.translate("EventText", "cancelled with reason {0}").format(rest)),
    (re.compile(r"label printed \((.+)\) on (.+)"),
     lambda size, where: QCoreApplication.translate("EventText", "label printed ({0}) on {1}").format(size, where)),
    (re.compile(r"on the (.+) manifest; ready to ship"),
     lambda courier: QCoreApplication.translate("EventText", "on the {0} manifest; ready to ship").format(courier)),
    (re.compile(r"marketplace label kept on (.+)"),
     lambda who: QCoreApplication.translate("EventText", "marketplace label kept on {0}").format(who)),
    (re.compile(r"buyer's cancellation request approved; the order is cancelled"),
     lambda: QCoreApplication.translate("EventText", "buyer's cancellation request approved; the order is cancelled")),
    (re.compile(r"buyer's cancellation request rejected \((.*)\)(.*)"), _rejected),
]


def _note(note: str) -> str:
    """The notes the services append in brackets after the sentence."""
    return {
        "already done on the marketplace": QCoreApplication.translate("EventText", "already done on the marketplace"),
        "confirmed by reading the order": QCoreApplication.translate("EventText", "confirmed by reading the order"),
        "confirmed by reading the marketplace": QCoreApplication.translate("EventText",
                                                                           "confirmed by reading the marketplace"),
    }.get(note, "")


def history_text(event: dict) -> str:
    """An OrderEvent row (a dict) in the window's language: its stored words, else its sentence recognised."""
    from tokodesk.ui.messages import in_words, stored_said

    words = stored_said(event["detail"], event.get("words"))
    return in_words(words) if words is not None else event_text(event["detail"] or "")


def event_text(detail: str) -> str:
    """`detail` as the window's language says it; unknown text unchanged."""
    text, note = detail, ""
    if detail.endswith(")") and " (" in detail:
        head, _, tail = detail.rpartition(" (")
        if _note(tail[:-1]):
            text, note = head, tail[:-1]
    for pattern, build in _RULES:
        match = pattern.fullmatch(text)
        if match:
            words = build(*match.groups())
            return f"{words} ({_note(note)})" if note else words
    return error_words.in_language(detail, current())  # a marketplace error quoted in the history, in words
