"""Marks a string for the translators without translating it (no Qt here: services, config and the adapters).

`QT_TRANSLATE_NOOP(context, text)` returns `text` (a `Marked` str that remembers its context); pyside6-lupdate reads
the call and puts (context, text) in resources/translations/tokodesk_id.ts. Use it for words held in tables and shown
later by the window, which then says them with `tokodesk.ui.i18n.translate(context, value)` under the same context.

A refusal a service raises is words too: `Refused(QT_TRANSLATE_NOOP("Refusals", "Package {package} is cancelled."),
package=package_id)` (or `said(...)` for a text that is not an exception's). The text is a `Said`: a str in English —
what the CLI prints and the log keeps — that also remembers its template and named parameters, so the window
translates the template and then fills it in (`Said.say`). Never build the template with an f-string: lupdate would
record the f-string's text and the window could not find it again.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from typing import Any

REFUSALS = "Refusals"  # the context of the services' refusals in tokodesk_id.ts
Terms = Mapping[str, Callable[[str], str]]  # Term.kind -> the window's word for a code
Numbers = Callable[[Any, str], str]  # (a number, its format spec "," or ",.2f") -> as the window writes it


class Marked(str):
    """A text marked for the translators; `context` is where tokodesk_id.ts keeps it."""

    context: str = ""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    marked = Marked(text)
    marked.context = context
    return marked


class Term(str):
    """A code that the window shows as one of its own words (an order state): str() is the code; `kind` names the
    window's table (tokodesk/ui/messages.py TERMS)."""

    kind: str = ""


def term(kind: str, code: object) -> Term:
    value = Term(str(code))
    value.kind = kind
    return value


def fields(template: str) -> set[str]:
    """The named placeholders of a template ({order}, {when:%d/%m/%Y} → order, when)."""
    return {name.split(".")[0].split("[")[0] for _text, name, _spec, _conv in string.Formatter().parse(template)
            if name}


class Said(str):
    """English words (str: the CLI, the log) that the window can say again in its own language.

    `template` is the marked English text, `params` the values put into its {named} places. A value that is itself
    `Said`, `Marked` or a `Term` is translated too; any other value (an order number, a SKU, the marketplace's own
    text) is shown as it is.
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, /, **params: Any) -> Said:
        text = template.format(**params) if params else str(template)
        said_ = super().__new__(cls, text)
        said_.template = template
        said_.params = params
        return said_

    @property
    def context(self) -> str:
        return getattr(self.template, "context", "") or REFUSALS

    def say(self, translate: Callable[[str, str], str], terms: Terms | None = None,
            numbers: Numbers | None = None) -> str:
        """In the language of `translate(context, text)`; the English text when the translation cannot be filled
        (a translator's typo in a placeholder must not hide the refusal). `numbers(value, spec)` writes a number
        whose place groups its digits ({max_buffer:,}) as the window's language does (1.000 in Indonesian)."""
        params = {key: say(value, translate, terms, numbers) for key, value in self.params.items()}
        shown = translate(self.context, str(self.template))
        try:
            if not self.params:
                return shown
            return _NumbersFormatter(numbers).vformat(shown, (), params) if numbers else shown.format(**params)
        except (KeyError, IndexError, ValueError, AttributeError):
            return str(self)

    def __reduce__(self) -> tuple:
        return _rebuild, (str(self.template), getattr(self.template, "context", ""), self.params)


def _rebuild(template: str, context: str, params: dict[str, Any]) -> Said:
    return Said(QT_TRANSLATE_NOOP(context, template) if context else template, **params)


def said(template: str, /, **params: Any) -> Said:
    """Words for a refusal that is not raised (a row's reason, an outcome's error): see `Said`."""
    return Said(template, **params)


class _NumbersFormatter(string.Formatter):
    """str.format, except a number in a place that groups its digits, which `numbers` writes."""

    def __init__(self, numbers: Numbers) -> None:
        super().__init__()
        self.numbers = numbers

    def format_field(self, value: Any, format_spec: str) -> Any:
        if ("," in format_spec or "_" in format_spec) and isinstance(value, (int, float)) \
                and not isinstance(value, bool):
            return self.numbers(value, format_spec)
        return super().format_field(value, format_spec)


def say(value: Any, translate: Callable[[str, str], str], terms: Terms | None = None,
        numbers: Numbers | None = None) -> Any:
    """`value` in the window's language when it is words TokoDesk knows how to translate; else `value` itself."""
    if isinstance(value, Said):
        return value.say(translate, terms, numbers)
    if isinstance(value, Marked):
        return translate(value.context, str(value))
    if isinstance(value, Term):
        shown = (terms or {}).get(value.kind)
        return shown(str(value)) if shown is not None else str(value)
    return value


def words_of(exc: BaseException) -> Said | None:
    """The Said an exception carries as its message, if any."""
    args = getattr(exc, "args", ())
    return args[0] if len(args) == 1 and isinstance(args[0], Said) else None
