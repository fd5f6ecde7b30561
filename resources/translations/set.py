"""Set one translation in tokodesk_id.ts from the command line (for whoever has no Qt Linguist at hand).

    python resources/translations/set.py "English text" "Teks Indonesia"
    python resources/translations/set.py "English text" "Teks Indonesia" --context OrdersTab

The English text is matched exactly as in the code (placeholders like {0} included). Without --context every
context holding that text gets the translation. The .ts is then refreshed and the .qm compiled (update.py).
"""

from __future__ import annotations

import argparse
import difflib
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import update  # noqa: E402


def set_translation(source: str, translation: str, context: str | None = None) -> list[str]:
    """Set it; returns the contexts changed. Raises ValueError (naming near texts) when nothing matches."""
    if not translation.strip():
        raise ValueError("the translation is empty: give the Indonesian text")
    tree = ET.parse(update.TS)
    changed = []
    for ctx in tree.getroot().iter("context"):
        name = ctx.findtext("name") or ""
        if context is not None and name != context:
            continue
        for message in ctx.iter("message"):
            if message.findtext("source") != source:
                continue
            element = message.find("translation")
            if element is None:
                element = ET.SubElement(message, "translation")
            element.text = translation
            element.attrib.pop("type", None)
            changed.append(name)
    if not changed:
        known = {e.source for e in update.entries() if context is None or e.context == context}
        near = difflib.get_close_matches(source, sorted(known), n=3, cutoff=0.6)
        where = f" in context {context!r}" if context is not None else ""
        hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else \
            " (run update.py first if you just added it to the code)"
        raise ValueError(f"no string {source!r}{where} in {update.TS.name}{hint}")
    tree.write(update.TS, encoding="utf-8", xml_declaration=True)
    update.lupdate(update.TS, drop_obsolete=True)  # back in lupdate's own layout
    update.lrelease()
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="the English text, exactly as in the code")
    parser.add_argument("translation", help="the Indonesian text")
    parser.add_argument("--context", help="only in this context (the class name, or the first translate() argument)")
    args = parser.parse_args(argv)
    try:
        contexts = set_translation(args.source, args.translation, args.context)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"translated in {', '.join(c or '(no context)' for c in contexts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
