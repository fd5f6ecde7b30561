"""Errors the CLI and the GUI show to a user as they are (their text names what is wrong and how to fix it)."""

from __future__ import annotations

from typing import Any

from tokodesk.i18n_marks import Marked, Said, words_of


class SaidError(Exception):
    """An exception whose message is words: `SaidError(QT_TRANSLATE_NOOP("Refusals", "… {name} …"), name=value)`.

    str() is the English text (a `Said`, so the window can still say it in its own language, even after the text
    went through str() into an outcome); the CLI prints it as it is. A refusal, not a crash (`is_refusal`).
    """

    refusal = True

    def __init__(self, message: Any = "", /, *args: Any, **params: Any) -> None:
        if params or isinstance(message, Marked):
            message = Said(message, **params)
        super().__init__(message, *args)

    def __str__(self) -> str:
        words = words_of(self)
        return words if words is not None else super().__str__()


class UserError(SaidError):
    """Bad input or a refused request. CLI exit code 2 unless `exit_code` says otherwise."""

    exit_code = 2


class BadValue(SaidError, ValueError):
    """Bad input in words where the callers catch ValueError (an imported row, a scanned code)."""


def is_refusal(exc: BaseException) -> bool:
    """TokoDesk said no to what the seller asked, in words (bad input, a state that does not allow it): not a crash,
    so no traceback in the log."""
    return bool(getattr(exc, "refusal", False)) or words_of(exc) is not None
