"""Which language the window speaks, and loading the compiled Indonesian catalogue.

Order of precedence: TOKODESK_LANG (tests, support), the `language` app setting, the system locale.
Qt ships no Indonesian catalogue of its own, so the few Qt-owned strings we show (wizard and dialog buttons)
are translated in our own .ts under their Qt contexts.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from tokodesk.assets import asset

log = logging.getLogger(__name__)

SUPPORTED = ("en", "id")
_installed: list[QTranslator] = []


def system_language() -> str:
    return "id" if QLocale.system().language() == QLocale.Language.Indonesian else "en"


def resolve_language(setting: str | None = None) -> str:
    env = (os.environ.get("TOKODESK_LANG") or "").strip().lower()
    if env in SUPPORTED:
        return env
    if setting in SUPPORTED:
        return setting  # type: ignore[return-value]
    return system_language()


def catalogue_path(language: str) -> str:
    return str(asset("translations", f"tokodesk_{language}.qm"))


def install(language: str) -> bool:
    """Replace the app's translator; returns False (and stays English) when the catalogue is missing."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a translator")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Indonesia))
        return True
    translator = QTranslator(app)
    if not translator.load(catalogue_path(language)):
        log.warning("no catalogue for %s at %s; the window stays in English", language, catalogue_path(language))
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    return True


def current() -> str:
    return "id" if _installed else "en"


def tr(context: str, text: str) -> str:
    """For strings outside a QObject (models, helpers): the same catalogue, an explicit context."""
    return QCoreApplication.translate(context, text)
