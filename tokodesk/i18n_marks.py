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
        text = _filled(str(template), params, string.Formatter()) if params else str(template)
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
            return _filled(shown, params, _NumbersFormatter(numbers) if numbers else string.Formatter())
        except (KeyError, IndexError, ValueError, AttributeError, TypeError):
            return str(self)

    def __reduce__(self) -> tuple:
        return _rebuild, (str(self.template), getattr(self.template, "context", ""), self.params)


def _rebuild(template: str, context: str, params: dict[str, Any]) -> Said:
    return Said(QT_TRANSLATE_NOOP(context, template) if context else template, **params)


def said(template: str, /, **params: Any) -> Said:
    """Words for a refusal that is not raised (a row's reason, an outcome's error): see `Said`."""
    return Said(template, **params)


def listed(items: list, separator: str = ", ") -> Said | str:
    """Words joined (", "): each item said in the window's language, the separator as it is (the same in Indonesian)."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    # A template of placeholders only: not in the .ts, so the window keeps it as it is and translates its items.
    return Said(separator.join(f"{{i{n}}}" for n in range(len(items))), **{f"i{n}": v for n, v in enumerate(items)})


# A value that already ends a sentence: the full stop after its place in the template is one too many.
_SENTENCE_ENDS = (".", "!", "?", "\u3002", "\u2026")  # 。 and …


def filled(template: str, *values: Any) -> str:
    """`template.format(*values)` for the window's own texts with {0}-style places ("Recording stopped: {0}. …"),
    with the same single full stop as `Said` where a value that ends its sentence meets the template's."""
    return _filled(template, {}, string.Formatter(), values)


def _filled(template: str, params: Mapping[str, Any], formatter: string.Formatter, values: tuple = ()) -> str:
    """`template.format(**params)`, except that a full stop right after a {place} is dropped when the value put
    there already ends its sentence ("Waiting for the marketplace: {reason}." with a reason that ends with "."): the
    marketplace's messages and the adapters' words mostly end with one, the templates cannot know. Only a stop that
    ends the text or is followed by a space: "{name}.csv" and "{a}.{b}" are left alone."""
    out: list[str] = []
    before = ""  # the value just put in, until the literal text after it is written
    for literal, name, spec, conversion in formatter.parse(template):
        if before.endswith(_SENTENCE_ENDS) and literal[:1] == "." and (
                literal[1:2].isspace() or (literal == "." and name is None)):
            literal = literal[1:]
        out.append(literal)
        before = ""
        if name is None:
            continue
        if name == "" or (name.isdigit() and not values):  # Said's templates name their places
            raise IndexError(f"positional place {{{name}}} in {template!r}")
        value, _key = formatter.get_field(name, values, params)
        value = formatter.convert_field(value, conversion)
        if spec and "{" in spec:
            spec = formatter.vformat(spec, (), params)
        before = formatter.format_field(value, spec or "")
        out.append(before)
    return "".join(out)


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


# ---- words kept in the database ----------------------------------------------------------------------------------
# An order's problem, its history and a run's errors are stored as English text (the CLI, the exports and a support
# engineer read that) and, beside it, as the words they were made from: {"s": the English, "t": the template, "c":
# its context, "p": its values}. The window says them again in its own language; a row stored before, or text that
# is not TokoDesk's own words (the marketplace's message), has no words and is shown as it was.
def stored_words(text: object) -> dict[str, Any] | None:
    """The words of `text` to keep beside it (JSON), or None when it is plain text."""
    if not isinstance(text, Said):
        return None
    return {"s": str.__str__(text), **_said_json(text)}


def _said_json(words: Said) -> dict[str, Any]:
    data: dict[str, Any] = {"t": str.__str__(words.template), "p": {k: _value_json(v) for k, v in words.params.items()}}
    context = getattr(words.template, "context", "")
    if context:
        data["c"] = context
    return data


def _value_json(value: object) -> object:
    if isinstance(value, Said):
        return {"said": _said_json(value)}
    if isinstance(value, Marked):
        return {"marked": str.__str__(value), "c": value.context}
    if isinstance(value, Term):
        return {"term": value.kind, "code": str.__str__(value)}
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return str(value)  # a date, a path, an order id: as the English said it


def words_from_store(text: str, data: object, plain: Callable[[str], str] | None = None) -> Said | None:
    """The stored words of `text` again, or None when they are missing or not the words of `text` (a row written
    before the words were kept, or the text changed since). `plain` is applied to the values that are plain text
    (the marketplace's own error, already said in words by the adapter)."""
    if not isinstance(data, dict) or not text or data.get("s") != str(text):
        return None
    try:
        return _said_from(data, str(text), plain)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None


def _said_from(data: dict, english: str | None, plain: Callable[[str], str] | None) -> Said:
    context = data.get("c", "")
    template = QT_TRANSLATE_NOOP(context, data["t"]) if context else str(data["t"])
    params = {k: _value_from(v, plain) for k, v in dict(data["p"]).items()}
    words = Said(template, **params) if english is None else str.__new__(Said, english)
    words.template, words.params = template, params
    return words


def _value_from(value: object, plain: Callable[[str], str] | None) -> object:
    if isinstance(value, dict):
        if "said" in value:
            return _said_from(value["said"], None, plain)
        if "marked" in value:
            return QT_TRANSLATE_NOOP(value.get("c", ""), value["marked"])
        if "term" in value:
            return term(value["term"], value["code"])
    if isinstance(value, str) and plain is not None:
        return plain(value)
    return value
