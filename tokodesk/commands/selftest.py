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
    from tokodesk.station import in_use
    from tokodesk.store.connection import database_path, open_database
    from tokodesk.store.migrations import current_version

    database = open_database()
    shown, source = in_use()
    return True, f"{database_path(database)}, schema version {current_version(database)} ({shown}, from {source})"


def _check_fonts() -> tuple[bool, str]:
    from tokodesk.documents import fonts

    names = fonts.register_fonts()
    return True, f"label fonts registered: {', '.join(names)} from {fonts.font_path('DejaVuSans.ttf').parent}"


def _check_label() -> tuple[bool, str]:
    from tokodesk.documents.labels import render_labels
    from tokodesk.documents.model import LabelData, Line, Party

    label = LabelData(
        marketplace="Tokopedia & Shop", courier="JNE", service="REG", invoice="INV/20261126/MPL/1",
        order_id="1", recipient=Party(name="Siti Rahayu", phone="0812-0000-0000", address_lines=["Jl. Melati 1"],
                                      city="Bandung", province="Jawa Barat", postal_code="40111"),
        sender=Party(name="Self-test"), booking_code="TKD0000000001", lines=[Line("SKU-1", "Kaos", 1)],
    )
    pdf = render_labels([label], size="100x150")
    if not pdf.startswith(b"%PDF") or b"/FontFile2" not in pdf:
        return False, "the label PDF was rendered without the bundled fonts"
    return True, f"sample label PDF rendered with embedded fonts ({len(pdf)} bytes)"


def _check_sandbox() -> tuple[bool, str]:
    from datetime import datetime, timedelta, timezone

    from tokodesk.marketplace.tokopedia.client import TokopediaClient
    from tokodesk.sandbox.app import Sandbox

    with Sandbox(seed=1, products=5, orders=20) as sandbox:
        creds = sandbox.credentials
        client = TokopediaClient(
            "self-test", str(creds["fs_id"]), creds["client_id"], str(creds["shop_id"]), sandbox.url, sandbox.url,
            client_secret=creds["client_secret"],
        )
        try:
            shop = client.shop_info()
            end = datetime.now(timezone.utc)
            count = sum(len(page) for page in client.list_orders(end - timedelta(days=2), end))
            url = sandbox.url
        finally:
            client.close()
            _forget_quietly("self-test")
    return True, f"sandbox shop {shop.name!r} answered at {url} ({count} orders in the last 2 days)"


def _forget_quietly(channel: str) -> None:
    import contextlib

    from tokodesk.credentials import CredentialError, forget_channel

    with contextlib.suppress(CredentialError):  # the keyring check reports that problem on its own line
        forget_channel(channel)


def _check_modules() -> tuple[bool, str]:
    """Import every TokoDesk module: a part the bundle left out (a Qt module, a library a feature imports only when
    it is first used) fails here, not in front of the seller when the feature is opened."""
    import importlib
    import pkgutil

    import tokodesk

    names = sorted(info.name for info in pkgutil.walk_packages(tokodesk.__path__, "tokodesk.")
                   if not info.name.endswith("__main__"))
    broken = []
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # report every module that does not import, whatever the cause
            broken.append(f"{name} ({type(exc).__name__}: {exc})")
    if broken:
        return False, f"{len(broken)} of {len(names)} modules do not import: " + "; ".join(broken[:5])
    return True, f"all {len(names)} modules import"


def run(args: argparse.Namespace) -> int:
    checks: list[tuple[str, Callable[[], tuple[bool, str]]]] = [
        ("database", _check_database),
        ("keyring", _check_keyring),
        ("fonts", _check_fonts),
        ("label", _check_label),
    ]
    if args.sandbox:
        checks.append(("sandbox", _check_sandbox))

    def qt() -> tuple[bool, str]:
        from tokodesk.ui.selftest import check_qt

        return check_qt(open_window=args.window)

    def translations() -> tuple[bool, str]:
        from tokodesk.ui.selftest import check_translations

        return check_translations()

    checks.append(("qt", qt))  # after the database: the main window reads the database the first check opened
    checks.append(("modules", _check_modules))  # after qt: the window's modules import PySide6
    checks.append(("translations", translations))
    failed = 0
    for name, check in checks:
        try:
            ok, detail = check()
        except Exception as exc:  # a self-test reports every failure, whatever its kind
            ok, detail = False, f"{type(exc).__name__}: {exc}"
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}", flush=True)
        failed += not ok
    if failed:
        print(f"{failed} check(s) failed: TokoDesk is not usable until they are fixed.", file=sys.stderr)
        return 1
    print("TokoDesk is usable.")
    return 0
