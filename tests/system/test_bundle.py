"""The frozen desktop bundle: build it (cached by a hash of its inputs) and run it as a seller would.

The build takes about half a minute here; it is reused while tokodesk/, resources/, the spec and pyproject.toml
are unchanged, so the suite stays well inside CI's time.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.conftest import need_real_part

pytestmark = [pytest.mark.system, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
CACHE = Path(os.environ.get("TOKODESK_BUNDLE_CACHE", "/var/tmp/tokodesk-bundle-cache"))
EXE = ".exe" if os.name == "nt" else ""


def _inputs_hash() -> str:
    digest = hashlib.sha256()
    files = [ROOT / "pyproject.toml", ROOT / "build" / "pyinstaller.spec", ROOT / "build" / "entry.py",
             *sorted((ROOT / "build" / "hooks").glob("*.py"))]
    for folder, pattern in (("tokodesk", "*.py"), ("resources", "*")):
        files += sorted(p for p in (ROOT / folder).rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module")
def bundle() -> Path:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        need_real_part(False, "PyInstaller (pip install -e '.[build]')")
    key = _inputs_hash()
    dist = CACHE / key
    app = dist / "tokodesk"
    if not (app / f"tokodesk-cli{EXE}").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        for old in CACHE.iterdir():  # keep one build: the cache must not grow without bound
            if old.name != key:
                shutil.rmtree(old, ignore_errors=True)
        result = subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(dist),
             "--workpath", str(CACHE / key / "work"), str(ROOT / "build" / "pyinstaller.spec")],
            capture_output=True, text=True, timeout=1500,
        )
        assert result.returncode == 0, result.stderr[-4000:]
    return app


def _run(app: Path, *args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    full = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([str(app / f"tokodesk-cli{EXE}"), *args], capture_output=True, text=True, env=full,
                          input=stdin, timeout=300)


def test_frozen_version(bundle):
    from tokodesk import __version__

    result = _run(bundle, "--version")
    assert result.returncode == 0 and result.stdout.strip() == f"TokoDesk {__version__}"


def test_frozen_self_test(bundle, tokodesk_home):
    need_real_part(bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS")), "a D-Bus session with gnome-keyring")
    result = _run(bundle, "self-test", "--window", "--sandbox")
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "ok   keyring: keyring.backends.SecretService" in out  # a real OS store inside the bundle
    assert "ok   label: sample label PDF rendered with embedded fonts" in out
    assert "main window opened" in out
    assert "ok   sandbox" in out and "schema version" in out
    assert "ok   modules: all " in out  # every feature's module imports in the bundle (QtCharts, cryptography…)
    # the compiled Indonesian catalogue travels in the bundle and is the one loaded
    assert "ok   translations: Indonesian loaded from " + str(bundle) in out
    assert "TokoDesk sedang membuka database" in out


def test_bundle_is_lean_but_complete(bundle):
    """What the seller downloads: no GTK or virtual keyboard, no Qt catalogues of other languages; but the
    PostgreSQL driver (several stations), the Secret Service stack, Qt's printing and PDF parts, Qt Multimedia with
    its FFmpeg (the packing camera), fonts and icons."""
    files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file() or p.is_symlink()}
    names = {name.rsplit("/", 1)[-1] for name in files}

    def has(fragment: str) -> bool:
        return any(fragment in name for name in files)

    # libQt6Quick and libQt6Qml stay: Qt's FFmpeg media plugin (the packing camera, issue 21) links them.
    for unwanted in ("libgtk-3", "libgdk-3", "libpango", "libQt6VirtualKeyboard",
                     "platformthemes/libqgtk3", "Qt/translations/qt", "_avif", "_webp",
                     "resources/translations/update.py", "resources/translations/set.py"):
        assert not has(unwanted), unwanted
    # The .ts too: ui/i18n.py reads from it which text an open window shows for which source (a language switch).
    for needed in ("psycopg_binary/", "resources/translations/tokodesk_id.qm", "resources/translations/tokodesk_id.ts",
                   "resources/fonts/DejaVuSans.ttf", "resources/icons/tokodesk.png", "plugins/printsupport/",
                   "plugins/platforms/", "QtPdf", "QtCharts", "cryptography/", "plugins/multimedia/",
                   "QtMultimediaWidgets", "libavcodec"):
        assert has(needed), needed
    if sys.platform.startswith("linux"):
        assert {"libqxcb.so", "libqoffscreen.so"} <= names
    size = sum((bundle / name).stat().st_size for name in files if not (bundle / name).is_symlink())
    print(f"bundle: {size / 1e6:.0f} MB in {len(files)} files")


def test_frozen_cli_round_trip_against_the_sandbox(bundle, tokodesk_home):
    need_real_part(bool(os.environ.get("DBUS_SESSION_BUS_ADDRESS")), "a D-Bus session with gnome-keyring")
    from tokodesk.sandbox.app import Sandbox

    with Sandbox(seed=3, products=8, orders=40) as sandbox:
        creds = sandbox.credentials
        since = (datetime.now(timezone.utc) - timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%S+00:00")
        added = _run(bundle, "channel", "add", "Bundle", "--fs-id", str(creds["fs_id"]),
                     "--client-id", creds["client_id"], "--shop-id", str(creds["shop_id"]),
                     "--client-secret-stdin", "--api-base", sandbox.url, "--auth-url", sandbox.url,
                     "--order-sync-from", since, stdin=creds["client_secret"] + "\n")
        assert added.returncode == 0, added.stderr
        try:
            synced = _run(bundle, "sync", "orders", "--json")
            assert synced.returncode == 0, synced.stderr
            summary = json.loads(synced.stdout)
            assert summary["kind"] == "orders" and summary["fetched"] > 0
            listed = _run(bundle, "orders", "list", "--json")
            assert listed.returncode == 0, listed.stderr
            orders = json.loads(listed.stdout)
            assert len(orders) == summary["created"]
            assert {o["order_id"] for o in orders} <= {o.order_id for o in sandbox.shop.orders.values()}
        finally:
            _run(bundle, "channel", "remove", "Bundle", "--yes")
    # the client secret never reached the data folder
    for path in tokodesk_home.rglob("*"):
        if path.is_file():
            assert creds["client_secret"].encode() not in path.read_bytes(), path
