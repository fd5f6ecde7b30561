"""Write tokodesk_id.ts from the sources and id_strings.py, then compile tokodesk_id.qm with pyside6-lrelease.

    .venv/bin/python resources/translations/build.py        # exit 1 when a string has no translation
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

from extract import extract  # noqa: E402
from id_strings import ID  # noqa: E402


def lrelease() -> str:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    return str(exe) if exe.exists() else shutil.which("pyside6-lrelease") or "pyside6-lrelease"


def main() -> int:
    strings = extract()
    missing = sorted({source for _ctx, source in strings if source not in ID})
    contexts: dict[str, list[str]] = {}
    for ctx, source in sorted(strings):
        contexts.setdefault(ctx, []).append(source)
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", '<TS version="2.1" language="id_ID">']
    for ctx, sources in contexts.items():
        out.append(f"<context>\n    <name>{escape(ctx)}</name>")
        for source in sources:
            translation = ID.get(source)
            attr = "" if translation else ' type="unfinished"'
            out.append(f"    <message>\n        <source>{escape(source)}</source>\n"
                       f"        <translation{attr}>{escape(translation or '')}</translation>\n    </message>")
        out.append("</context>")
    out.append("</TS>\n")
    ts = HERE / "tokodesk_id.ts"
    ts.write_text("\n".join(out), encoding="utf-8")
    subprocess.run([lrelease(), str(ts), "-qm", str(HERE / "tokodesk_id.qm")], check=True)
    for source in missing:
        print("untranslated:", repr(source), file=sys.stderr)
    print(f"{len(strings)} messages in {len(contexts)} contexts; {len(missing)} untranslated")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
