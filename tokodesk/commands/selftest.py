"""`tokodesk self-test`: is this installation usable? Each check prints one line; exit 0 when all pass."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("self-test", help="check Qt, the keyring, the database, printers and fonts")
    parser.add_argument("--window", action="store_true", help="also open the main window offscreen and close it")
    parser.add_argument("--sandbox", action="store_true", help="also start the built-in sandbox shop and call it")
    parser.set_defaults(func=run)


def _check_keyring() -> tuple[bool, str]:
    from tokodesk.credentials import backend_info

    info = backend_info()
    if not info.usable:
        return False, info.problem
    if not info.is_real:
        return False, f"{info.name} is not an OS keyring; TokoDesk keeps secrets only in an OS keyring"
    return True, info.name


def _check_database() -> tuple[bool, str]:
    from tokodesk.store.connection import database_path, open_database
    from tokodesk.store.migrations import current_version

    database = open_database()
    return True, f"{database_path(database)}, schema version {current_version(database)}"


def _check_fonts() -> tuple[bool, str]:
    try:
        from tokodesk.documents import fonts
    except ImportError:
        return False, "the documents package is missing"
    names = fonts.register_fonts() if hasattr(fonts, "register_fonts") else None
    return True, f"label fonts registered: {names}"


def _check_label() -> tuple[bool, str]:
    from tokodesk.documents import selfcheck

    size = len(selfcheck.sample_label_pdf())
    return True, f"sample label PDF rendered ({size} bytes)"


def _check_sandbox() -> tuple[bool, str]:
    from tokodesk.sandbox.selfcheck import roundtrip

    return True, roundtrip()


def run(args: argparse.Namespace) -> int:
    checks: list[tuple[str, Callable[[], tuple[bool, str]]]] = [
        ("database", _check_database),
        ("keyring", _check_keyring),
        ("fonts", _check_fonts),
    ]
    try:
        import tokodesk.documents.selfcheck  # noqa: F401

        checks.append(("label", _check_label))
    except ImportError:
        pass
    if args.sandbox:
        checks.append(("sandbox", _check_sandbox))

    def qt() -> tuple[bool, str]:
        from tokodesk.ui.selftest import check_qt

        return check_qt(open_window=args.window)

    checks.insert(0, ("qt", qt))
    failed = 0
    for name, check in checks:
        try:
            ok, detail = check()
        except Exception as exc:  # a self-test reports every failure, whatever its kind
            ok, detail = False, f"{type(exc).__name__}: {exc}"
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}")
        failed += not ok
    if failed:
        print(f"{failed} check(s) failed: TokoDesk is not usable until they are fixed.", file=sys.stderr)
        return 1
    print("TokoDesk is usable.")
    return 0
