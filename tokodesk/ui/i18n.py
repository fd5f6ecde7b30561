"""Which language the window speaks, loading the compiled Indonesian catalogue, and switching it while TokoDesk runs.

Order of precedence at start: TOKODESK_LANG (tests, support), the `language` app setting, the system locale. A choice
made in the Settings menu takes effect at once (`install`): Qt then sends every window a LanguageChange event.
Qt ships no Indonesian catalogue of its own, so the few Qt-owned strings we show (wizard and dialog buttons)
are translated in our own .ts under their Qt contexts.

How the open window follows a switch: `_messages` knows, from the translation source, which (context, source)
shows each text in each language. On LanguageChange, `_Retranslator` walks each window once and puts every fixed text
it recognises (labels, buttons, tabs, menus, tool tips, combo items, placeholders, header items) back through the
new catalogue; table models are asked to repaint (their headers and cells call tr() when painted). Texts built
from live data (counts, a selection's summary) are redone by the widget's own changeEvent, which reruns the method
that wrote them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from xml.etree import ElementTree

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
    QWizardPage,
)

from tokodesk.assets import asset

log = logging.getLogger(__name__)

SUPPORTED = ("en", "id")
_installed: list[QTranslator] = []
_language = "en"
# language -> shown text -> {(context, source)}: what each catalogue printed, to turn a shown text back into its source.
_shown: dict[str, dict[str, set[tuple[str, str]]]] = {}
_switch: dict[str, object] = {"from": "en", "to": "en", "generation": 0}


def _messages(language: str) -> dict[str, set[tuple[str, str]]]:
    """Shown text -> the (context, source) pairs that show it in `language`, read from the translation source.

    Read from the .ts rather than remembered as Qt asks for translations: a translator written in Python made every
    translate call, from any thread and from inside Qt's own code, run Python. Qt Multimedia translating while it
    loaded a library (holding the dynamic loader's lock) then waited for the GIL, which a worker importing an
    extension module held while it waited for that lock: the window hung at start about one time in three."""
    path = asset("translations", "tokodesk_id.ts")
    out: dict[str, set[tuple[str, str]]] = {}
    try:
        root = ElementTree.parse(path).getroot()
    except (OSError, ElementTree.ParseError) as exc:
        log.warning("cannot read %s (%s): an open window will not follow a language switch", path, exc)
        return out
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if not source or kind in ("vanished", "obsolete"):
                continue
            shown = source
            if language != "en" and translation is not None and kind != "unfinished" and translation.text:
                shown = translation.text
            out.setdefault(shown, set()).add((name, source))
    return out


def system_language() -> str:
    return "id" if QLocale.system().language() == QLocale.Language.Indonesian else "en"


def resolve_language(setting: str | None = None) -> str:
    env = (os.environ.get("TOKODESK_LANG") or "").strip().lower()
    if env in SUPPORTED:
        return env
    if setting in SUPPORTED:
        return setting  # type: ignore[return-value]
    return system_language()


def chosen_language(setting: str) -> str:
    """What a choice in the Settings menu means now: a language, or ("system") the one the start would pick."""
    return setting if setting in SUPPORTED else resolve_language(None)


def catalogue_path(language: str) -> str:
    return str(asset("translations", f"tokodesk_{language}.qm"))


def install(language: str) -> bool:
    """Replace the app's translator; returns False (and stays in the current language) when the catalogue is
    missing. Every open window is retranslated (LanguageChange)."""
    global _language
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a translator")
    inner = None
    if language != "en":
        inner = QTranslator(app)
        if not inner.load(catalogue_path(language)):
            log.warning("no catalogue for %s at %s; the window stays as it is", language, catalogue_path(language))
            return False
    _watch(app)
    _switch.update({"from": _language, "to": language, "generation": int(_switch["generation"]) + 1})  # type: ignore[call-overload]
    if language not in _shown:
        _shown[language] = _messages(language)
    if _language not in _shown:
        _shown[_language] = _messages(_language)
    # A plain QTranslator (C++ only, see _messages); the new one first: the window never falls back to English
    # between the two events. English has none: removing the other sends the LanguageChange.
    if inner is not None:
        app.installTranslator(inner)
    for old in _installed:
        app.removeTranslator(old)
        old.deleteLater()
    _installed[:] = [inner] if inner is not None else []
    _language = language
    country = QLocale.Country.Indonesia
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English, country))
    return True


def current() -> str:
    return _language


def translate(context: str, text: str) -> str:
    """For strings outside a QObject (models, helpers): the same catalogue, an explicit context. pyside6-lupdate
    reads `translate("Context", "literal")`; a value from a table is marked where the table is written
    (QT_TRANSLATE_NOOP, tokodesk/i18n_marks.py) under the context used here."""
    return QCoreApplication.translate(context, text)


tr = translate  # older code; new code says translate(): pyside6-lupdate misreads a bare tr(context, text)


def is_language_change(event: QEvent, widget: QObject | None = None) -> bool:
    """For a widget's changeEvent: rerun the methods that write its live texts when this is True. With `widget`,
    True once per switch (Qt sends LanguageChange when a translator is installed and again when one is removed)."""
    if event.type() != QEvent.Type.LanguageChange:
        return False
    if widget is None:
        return True
    generation = _switch["generation"]
    if widget.property("tokodeskLiveTextsGeneration") == generation:
        return False
    widget.setProperty("tokodeskLiveTextsGeneration", generation)
    return True


# ------------------------------------------------------------------ retranslating open windows
class _Retranslator(QObject):
    """Application event filter: the first LanguageChange a window gets after a switch retranslates it."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange and isinstance(obj, QWidget) and obj.isWindow():
            generation = _switch["generation"]
            if obj.property("tokodeskLanguageGeneration") != generation:
                obj.setProperty("tokodeskLanguageGeneration", generation)
                retranslate_window(obj, str(_switch["from"]), str(_switch["to"]))
        return False


_filter: list[_Retranslator] = []


def _watch(app: QCoreApplication) -> None:
    if not _filter:
        _filter.append(_Retranslator(app))
        app.installEventFilter(_filter[0])


def _ancestry(widget: QObject | None) -> set[str]:
    names: set[str] = set()
    while widget is not None:
        names.update(cls.__name__ for cls in type(widget).__mro__)
        widget = widget.parent()
    return names


def _retranslated(text: str, old: str, new: str, near: QObject | None) -> str | None:
    """`text` (shown in `old`) said in `new`, or None when it is not a fixed text of ours (or not surely one)."""
    if not text or old == new:
        return None
    stripped = text.strip()
    candidates = set(_shown.get(old, {}).get(stripped, ()))
    if old == "en":  # English is the source itself: also the contexts of the classes around the widget
        candidates |= {(name, stripped) for name in _ancestry(near)}
    if not candidates:
        return None
    names = _ancestry(near)
    answer = _answer(candidates, new, names)
    if answer is None:
        return None
    return text.replace(stripped, answer, 1) if stripped != text else answer


def _answer(candidates: set[tuple[str, str]], new: str, names: set[str]) -> str | None:
    def said(pairs: set[tuple[str, str]]) -> set[str]:
        if new == "en":
            return {source for _ctx, source in pairs}
        found = {QCoreApplication.translate(ctx, source) for ctx, source in pairs}
        translated = found - {source for _ctx, source in pairs}
        return translated or found  # a context holding a translation beats one where the lookup missed

    answers = said(candidates)
    if len(answers) > 1:  # the same words for two sources: the one written by a class around this widget
        answers = said({(ctx, source) for ctx, source in candidates if ctx in names}) or answers
    return answers.pop() if len(answers) == 1 else None


def _setters(widget: QWidget) -> Iterator[tuple[Callable[[], str], Callable[[str], None]]]:
    yield widget.toolTip, widget.setToolTip
    yield widget.statusTip, widget.setStatusTip
    if widget.isWindow():
        yield widget.windowTitle, widget.setWindowTitle
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield widget.text, widget.setText
    elif isinstance(widget, QGroupBox):
        yield widget.title, widget.setTitle
    elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        yield widget.placeholderText, widget.setPlaceholderText
    elif isinstance(widget, QWizardPage):
        yield widget.title, widget.setTitle
        yield widget.subTitle, widget.setSubTitle
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield (lambda i=i: widget.itemText(i)), (lambda s, i=i: widget.setItemText(i, s))
    elif isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield (lambda i=i: widget.tabText(i)), (lambda s, i=i: widget.setTabText(i, s))
            yield (lambda i=i: widget.tabToolTip(i)), (lambda s, i=i: widget.setTabToolTip(i, s))
    elif isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        for c in range(widget.columnCount()):
            yield (lambda c=c: header.text(c)), (lambda s, c=c: header.setText(c, s))
    elif isinstance(widget, QTableWidget):
        for c in range(widget.columnCount()):
            item = widget.horizontalHeaderItem(c)
            if item is not None:
                yield item.text, item.setText
    elif isinstance(widget, QListWidget):
        for i in range(min(widget.count(), 500)):
            item = widget.item(i)
            yield item.text, item.setText


def _repaint_view(view: QAbstractItemView) -> None:
    # Views ask the model for headers and cells when they paint: repainting the visible part is enough. (A
    # dataChanged over every row would make a sorting proxy sort 100,000 rows again.)
    view.viewport().update()
    for header in (getattr(view, "horizontalHeader", None), getattr(view, "header", None)):
        if header is not None:
            header().viewport().update()


def retranslate_window(window: QWidget, old: str, new: str) -> None:
    """Every fixed text of `window` and its children, from `old` into `new` (see the module's docstring)."""
    widgets = [window, *window.findChildren(QWidget)]
    for widget in widgets:
        if widget.isWindow():  # a dialog parented to the window is done now, not again at its own event
            widget.setProperty("tokodeskLanguageGeneration", _switch["generation"])
        for get, put in _setters(widget):
            answer = _retranslated(get(), old, new, widget)
            if answer is not None:
                put(answer)
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, (QTreeWidget, QTableWidget, QListWidget)):
            _repaint_view(widget)
    for action in window.findChildren(QAction):
        for get, put in ((action.text, action.setText), (action.toolTip, action.setToolTip)):
            answer = _retranslated(get(), old, new, action.parent())
            if answer is not None:
                put(answer)


def switch_now(setting: str) -> str:
    """The Settings menu's choice, at once; returns the language now shown (unchanged when its catalogue is missing)."""
    language = chosen_language(setting)
    if language != _language:
        install(language)
    return _language
