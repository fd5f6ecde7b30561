"""A refusal a service raises reaches the Indonesian window in Indonesian (issue 20's leftovers).

Services raise refusals with a marked English template and named values (tokodesk/i18n_marks.py); the window
translates the template and fills it in; the CLI prints the English. These tests walk the services' code: every
refusal raised with words must carry a marked template, every marked refusal must have a finished Indonesian
translation with the same placeholders, and every call must give exactly the values its template names.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pickle
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tokodesk.errors import SaidError, UserError, is_refusal
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, REFUSALS, Said, said, term, words_of

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "tokodesk"
SERVICES = PACKAGE / "services"
TS = ROOT / "resources" / "translations" / "tokodesk_id.ts"
MARKS = ("QT_TRANSLATE_NOOP",)
SAYERS = ("said", "Said")


def _module(path: Path):
    return importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))


def _is_words(node: ast.AST) -> bool:
    """A literal text, an f-string or text glued from them: English that the window cannot translate."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_words(node.left) or _is_words(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _is_words(node.func.value)
    return False


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


# The services' refusals and the marketplace adapters' own errors (tokodesk/marketplace/: "Marketplace").
CHECKED = (REFUSALS, "Marketplace")


def _placeholders(template: str) -> list[tuple[str, str, str]]:
    return sorted((name, conv or "", spec or "") for _t, name, spec, conv in string.Formatter().parse(template)
                  if name is not None)


def _translations() -> dict[str, tuple[str, str]]:
    out = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") not in CHECKED:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            out[message.findtext("source") or ""] = (translation.text or "", translation.get("type", ""))
    return out


def _service_files() -> list[Path]:
    """The services, the window's own modules (a job's function there raises refusals too) and the station setting."""
    return sorted(SERVICES.rglob("*.py")) + sorted((PACKAGE / "ui").rglob("*.py")) + [PACKAGE / "station.py"]


def _is_refusal_class(value: object) -> bool:
    return isinstance(value, type) and issubclass(value, SaidError)


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


def _words_given(call: ast.Call) -> bool:
    """Its message is English text: the first argument, or any argument built by formatting (a second argument
    may be a code, "missing", but never a sentence put together)."""
    first, *rest = call.args
    return _is_words(first) or any(isinstance(a, (ast.JoinedStr, ast.BinOp)) and _is_words(a) for a in rest)


def _refusals_raised_with_words() -> list[str]:
    """Every refusal made with English text in tokodesk/services/: raised, returned or built, and the message a
    refusal class passes to its base (`super().__init__(f"…")`)."""
    found = []
    modules = {path: _module(path) for path in _service_files()}
    by_name = {cls.__name__: cls for cls in _subclasses(SaidError)}  # a class imported inside a function
    for path, module in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        refusal_classes = [c for c in ast.walk(tree)
                           if isinstance(c, ast.ClassDef) and _is_refusal_class(getattr(module, c.name, None))]
        in_refusal_class = {id(n) for c in refusal_classes for n in ast.walk(c)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            made = _is_refusal_class(getattr(module, _name(func), by_name.get(_name(func)))) and \
                isinstance(func, (ast.Name, ast.Attribute))
            passed_up = (id(node) in in_refusal_class and isinstance(func, ast.Attribute) and func.attr == "__init__"
                         and isinstance(func.value, ast.Call) and _name(func.value.func) == "super")
            if (made or passed_up) and _words_given(node):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:110]}")
    return found


def test_every_refusal_a_service_raises_carries_a_marked_template():
    """Refused, UserError and their kin made with plain English would reach the Indonesian window in English."""
    found = _refusals_raised_with_words()
    assert not found, "raise these with QT_TRANSLATE_NOOP(\"Refusals\", \"… {name} …\"), name=value:\n" + \
        "\n".join(found)


def _marked_calls() -> list[tuple[Path, ast.Call, str, ast.Call | None]]:
    """(file, the QT_TRANSLATE_NOOP call, its template, the call it is the first argument of) for every Refusals
    and Marketplace mark in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) in MARKS and len(node.args) == 2):
                continue
            context, text = node.args
            if not (isinstance(context, ast.Constant) and context.value in CHECKED):
                continue
            assert isinstance(text, ast.Constant), f"{path}:{node.lineno}: a marked refusal must be a literal"
            outer = parents.get(node)
            user = outer if isinstance(outer, ast.Call) and any(a is node for a in outer.args) else None
            found.append((path, node, text.value, user))
    return found


def test_every_marked_refusal_has_a_finished_indonesian_translation_with_the_same_placeholders():
    translations = _translations()
    marked = _marked_calls()
    assert len(marked) > 200, "the services' refusals are marked"
    problems = []
    for path, node, template, _user in marked:
        where = f"{path.relative_to(ROOT)}:{node.lineno}"
        indonesian, state = translations.get(template, ("", "missing"))
        if state or not indonesian:
            problems.append(f"{where}: no finished translation for {template!r} (resources/translations/set.py)")
        elif _placeholders(indonesian) != _placeholders(template):
            problems.append(f"{where}: the translation of {template!r} has other placeholders: {indonesian!r}")
    assert not problems, "\n".join(problems)


def test_every_marked_refusal_is_given_exactly_the_values_its_template_names():
    """A value missing would fail at the raise (KeyError instead of the refusal); one too many is a typo."""
    problems = []
    for path, node, template, user in _marked_calls():
        if user is None or any(k.arg is None for k in user.keywords):
            continue
        wanted = {name.split(".")[0].split("[")[0] for _t, name, _s, _c in string.Formatter().parse(template) if name}
        given = {k.arg for k in user.keywords}
        if _name(user.func) not in SAYERS and not wanted and not given:
            continue
        if wanted != given:
            problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {template!r} names {sorted(wanted)}, "
                            f"the call gives {sorted(given)}")
        made = getattr(_module(path), _name(user.func), None) if path.is_relative_to(PACKAGE) else None
        if isinstance(made, type):  # a value named like one of the class's own arguments would land there
            own = {name for name, p in inspect.signature(made.__init__).parameters.items()
                   if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)}
            if own & given:
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: {sorted(own & given)} is also an argument "
                                f"of {made.__name__}(): make its own arguments positional-only (/)")
    assert not problems, "\n".join(problems)


def test_a_refusal_is_english_for_the_cli_and_keeps_its_template_for_the_window():
    from tokodesk.services.fulfilment import Refused

    exc = Refused(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} is cancelled: do not pack it."),
                  package_id="PKG-1")
    assert str(exc) == "Package PKG-1 is cancelled: do not pack it."
    words = str(exc)  # an outcome keeps str(exc): the template must survive it
    assert isinstance(words, Said) and words.template == "Package {package_id} is cancelled: do not pack it."
    assert words.say(lambda ctx, text: {"Package {package_id} is cancelled: do not pack it.":
                                        "Paket {package_id} dibatalkan: jangan dikemas."}[text]) == \
        "Paket PKG-1 dibatalkan: jangan dikemas."
    assert is_refusal(exc) and is_refusal(UserError("bad input")) and is_refusal(ValueError(said("x")))
    assert not is_refusal(ValueError("a bug")) and not is_refusal(KeyError("k"))


def test_values_that_are_words_are_said_in_the_window_s_language_too():
    inner = said(QT_TRANSLATE_NOOP("Refusals", "someone"))
    outer = said(QT_TRANSLATE_NOOP("Refusals", "Already packed (by {packed_by}); print its label or ship it."),
                 packed_by=inner)
    table = {"someone": "seseorang", "Already packed (by {packed_by}); print its label or ship it.":
             "Sudah dikemas (oleh {packed_by}); cetak labelnya atau kirim."}
    assert outer.say(lambda _c, text: table[text]) == "Sudah dikemas (oleh seseorang); cetak labelnya atau kirim."
    state = said(QT_TRANSLATE_NOOP("Refusals", "Only new orders can be accepted; this one is {state}."),
                 state=term("OrderState", "packed"))
    assert str(state) == "Only new orders can be accepted; this one is packed."
    assert state.say(lambda _c, text: text, {"OrderState": {"packed": "Dikemas"}.get}) == \
        "Only new orders can be accepted; this one is Dikemas."


def test_a_translation_with_a_broken_placeholder_shows_the_english_not_a_crash():
    words = said(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} is cancelled: do not pack it."), package_id="P")
    assert words.say(lambda _c, _t: "Paket {paket} dibatalkan") == "Package P is cancelled: do not pack it."


def test_grouped_digits_are_written_by_the_window_s_numbers_and_the_cli_keeps_python_s():
    inner = said(QT_TRANSLATE_NOOP("Refusals", "at most {limit:,}"), limit=1234567)
    outer = said(QT_TRANSLATE_NOOP("Refusals", "{what}: {value} is too large ({why})"), what="stok", value=2000000,
                 why=inner)
    assert str(outer) == "stok: 2000000 is too large (at most 1,234,567)"  # the CLI, the log

    def dots(value, spec):
        return format(value, spec).translate({ord(","): ".", ord("."): ","})

    assert outer.say(lambda _c, text: text, None, dots) == "stok: 2000000 is too large (at most 1.234.567)"
    share = said(QT_TRANSLATE_NOOP("Refusals", "{share:,.1f} of {flag!r}"), share=12345.25, flag=True)
    assert share.say(lambda _c, text: text, None, dots) == "12.345,2 of True"

def test_a_refusal_survives_the_trip_between_threads_and_processes():
    words = said(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} is cancelled: do not pack it."),
                 package_id="P", )
    back = pickle.loads(pickle.dumps(words))
    assert back == words and back.template == words.template and back.context == REFUSALS


@pytest.mark.parametrize("cls", [UserError, SaidError])
def test_an_unmarked_message_stays_as_it_was(cls):
    exc = cls("plain words")
    assert str(exc) == "plain words" and words_of(exc) is None


def test_the_cli_prints_a_refusal_in_english_whatever_the_window_s_language(database, monkeypatch, capsys):
    """The command line speaks English, as it did: the Indonesian is the window's (TOKODESK_LANG is the window's)."""
    from tokodesk.cli import main
    from tokodesk.store import models as m

    monkeypatch.setenv("TOKODESK_LANG", "id")
    m.StockItem.create(seller_sku="KAOS-M")
    assert main(["payouts", "cost", "KAOS-M", "abc"]) == 2
    err = capsys.readouterr().err
    assert "cost price 'abc' is not a price: give whole rupiah, e.g. 15000 or 15.000" in err, err
    assert "harga modal" not in err
