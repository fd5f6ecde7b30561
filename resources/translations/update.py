"""The Indonesian catalogue, the Qt way: tokodesk_id.ts (edited with Qt Linguist or set.py) is the only source of
translations; pyside6-lupdate fills it from the code, pyside6-lrelease compiles it to tokodesk_id.qm.

    python resources/translations/update.py            # lupdate → .ts, lrelease → .qm, list what needs a translation
    python resources/translations/update.py --check    # change nothing; exit 1 when a string lacks a translation
    python resources/translations/update.py --release  # only compile the .qm (scripts/test and scripts/build do)

Exit code 1 when a string shown by the window has no finished translation. See README.md in this folder.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PACKAGE = ROOT / "tokodesk"
TS = HERE / "tokodesk_id.ts"
QM = HERE / "tokodesk_id.qm"
MARK = "QT_TRANSLATE_NOOP("


class Entry(NamedTuple):
    context: str
    source: str
    comment: str
    state: str  # "" (finished), "unfinished", "vanished" or "obsolete"
    translation: str


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python (the venv), else on PATH."""
    here = Path(sys.executable).with_name(name)
    found = str(here) if here.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 into this Python's environment (pip install -e .)")
    return found


def sources() -> list[Path]:
    """Every file the window's words come from: tokodesk/ui/, and the few modules outside it that mark table words
    with QT_TRANSLATE_NOOP (tokodesk/i18n_marks.py). Other modules (documents/, services') have their own `tr`."""
    files = sorted((PACKAGE / "ui").rglob("*.py"))
    files += sorted(p for p in PACKAGE.rglob("*.py")
                    if "ui" not in p.relative_to(PACKAGE).parts and p.name != "i18n_marks.py"
                    and MARK in p.read_text(encoding="utf-8"))
    return files


def lupdate(ts: Path, *, drop_obsolete: bool) -> None:
    args = [tool("pyside6-lupdate"), *map(str, sources()), "-locations", "none", "-target-language", "id_ID",
            "-silent", "-ts", str(ts)]
    if drop_obsolete:
        args.insert(-2, "-no-obsolete")
    subprocess.run(args, check=True, cwd=ROOT)


def lrelease(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)


def entries(ts: Path = TS) -> list[Entry]:
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            state = translation.get("type", "") if translation is not None else "unfinished"
            text = (translation.text or "") if translation is not None else ""
            if not text and not state:
                state = "unfinished"
            found.append(Entry(name, message.findtext("source") or "", message.findtext("comment") or "", state, text))
    return found


def hidden_from_lupdate() -> list[str]:
    """tr()/translate() calls lupdate cannot see: inside an f-string's braces, or a bare tr(context, text)."""
    problems = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
                    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
                    if name in ("tr", "translate"):
                        problems.append(f"{path.relative_to(ROOT)}:{call.lineno}: {ast.get_source_segment(text, call)}"
                                        " is inside an f-string: lupdate cannot read it; put it in a variable first")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr" \
                    and len(node.args) == 2:
                problems.append(f"{path.relative_to(ROOT)}:{node.lineno}: tr(context, text): lupdate reads it as "
                                "(text, comment); write translate(context, text)")
    return problems


def check() -> list[str]:
    """What stands between the code and a complete catalogue, without changing any file ([] when all is well)."""
    problems = hidden_from_lupdate()
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / TS.name
        shutil.copy(TS, copy)
        lupdate(copy, drop_obsolete=False)
        for e in entries(copy):
            where = f"[{e.context}] {e.source!r}" + (f" (comment {e.comment!r})" if e.comment else "")
            if e.state == "unfinished":
                problems.append(f"no finished translation: {where}")
            elif e.state in ("vanished", "obsolete"):
                problems.append(f"in the .ts but no longer in the code: {where}")
        qm = Path(tmp) / QM.name
        lrelease(TS, qm)
        if not QM.exists() or QM.read_bytes() != qm.read_bytes():
            problems.append(f"{QM.name} is not compiled from the current {TS.name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when something is missing")
    parser.add_argument("--release", action="store_true", help="only compile the .qm from the .ts")
    args = parser.parse_args(argv)
    if args.release:
        lrelease()
        return 0
    if args.check:
        problems = check()
        for line in problems:
            print(line, file=sys.stderr)
        if problems:
            print("fix: python resources/translations/update.py, then translate (README.md in that folder)",
                  file=sys.stderr)
        return 1 if problems else 0
    lupdate(TS, drop_obsolete=True)
    lrelease()
    found = entries()
    todo = [e for e in found if e.state]
    for e in todo:
        where = f" --context {e.context!r}" if e.context else ""
        print(f"needs a translation:{where} {e.source!r}" + (f"  (comment: {e.comment})" if e.comment else ""))
    for line in hidden_from_lupdate():
        print(line, file=sys.stderr)
    print(f"{len(found)} strings in {TS.relative_to(ROOT)}, {len(todo)} without a finished translation")
    return 1 if todo else 0


if __name__ == "__main__":
    sys.exit(main())
