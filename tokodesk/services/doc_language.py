"""Which language the printed documents speak: the seller's (Indonesian) unless the app is set to English.

The documents go to couriers, pickers and buyers in Indonesia, so "system" (the default) prints Indonesian even on a
PC whose system language is English; `TOKODESK_LANG` (tests, support) and the `language` app setting choose English.
"""

from __future__ import annotations

import os

from peewee import PeeweeException

from tokodesk import config
from tokodesk.documents.fmt import Translate, translator
from tokodesk.store import models as m

LANGUAGES = ("id", "en")


def document_language() -> str:
    env = (os.environ.get("TOKODESK_LANG") or "").strip().lower()
    if env in LANGUAGES:
        return env
    try:
        setting = config.APP_SETTINGS["language"].coerce(m.AppSetting.read("language"))
    except (PeeweeException, ValueError):  # no database yet (a self-test): the documents still print, in Indonesian
        setting = "system"
    return setting if setting in LANGUAGES else "id"


def document_translator() -> Translate:
    return translator(document_language())
