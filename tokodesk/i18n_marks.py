"""Marks a string for the translators without translating it (no Qt here: services, config and the adapters).

`QT_TRANSLATE_NOOP(context, text)` returns `text` unchanged; pyside6-lupdate reads the call and puts (context, text)
in resources/translations/tokodesk_id.ts. Use it for words held in tables and shown later by the window, which then
says them with `tokodesk.ui.i18n.translate(context, value)` under the same context.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    return text
