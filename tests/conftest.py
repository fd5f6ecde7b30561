"""Shared fixtures. Every test gets its own data folder and database; unit tests get an in-memory keyring.

Tests marked `system` use the real parts the machine has (the Secret Service keyring in the D-Bus session that
./scripts/test starts, CUPS, PostgreSQL). Under CI=true a missing real part fails the test instead of skipping it.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TOKODESK_LANG", "en")

import keyring  # noqa: E402
import keyring.backend  # noqa: E402
import pytest  # noqa: E402

from tests.doubles import MemoryKeyring  # noqa: E402

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def need_real_part(available: bool, what: str) -> None:
    """Skip a system test when the part is missing on a developer's machine; fail under CI=true."""
    if available:
        return
    if IN_CI:
        pytest.fail(f"{what} is not available, and CI=true requires it (./scripts/test installs and starts it)")
    pytest.skip(f"{what} is not available here")


@pytest.fixture(autouse=True)
def tokodesk_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("TOKODESK_HOME", str(home))
    monkeypatch.delenv("TOKODESK_DB", raising=False)
    monkeypatch.setenv("TOKODESK_STATION", "tester@desk1")
    return home


@pytest.fixture(autouse=True)
def memory_keyring(request):
    """Unit tests never touch the desktop's keyring; system tests (marked `system`) use the real one."""
    if request.node.get_closest_marker("system") or request.node.get_closest_marker("real_keyring"):
        yield None
        return
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


class _OasRecord:
    def __init__(self) -> None:
        self.found: list[str] = []
        self.checked = 0  # requests held to the description in this test
        self.expected = False


@pytest.fixture(autouse=True)
def _tts_requests_follow_the_oas(monkeypatch):
    """Every request any test sends to the sandbox's TikTok Shop dialect is held to the official OpenAPI
    description (tests/oas_check.py); a violation fails the test that sent it, naming each one."""
    from tests.oas_check import check
    from tokodesk.sandbox.tiktokshop import TikTokShopDialect

    record = _OasRecord()

    def observe(method, path, query, headers, body) -> None:  # noqa: ANN001
        record.checked += 1
        record.found.extend(check(method, path, query, headers, body))

    monkeypatch.setattr(TikTokShopDialect, "request_observers", [observe])
    yield record
    if record.found and not record.expected:
        pytest.fail("requests that leave the TikTok Shop OpenAPI description:\n" + "\n".join(
            dict.fromkeys(record.found)))


@pytest.fixture
def oas_violations(_tts_requests_follow_the_oas):
    """For a test that sends a malformed request on purpose (to see the sandbox refuse it): the record of what
    was checked (`checked`) and found (`found`), for the test to assert on, instead of failing it."""
    _tts_requests_follow_the_oas.expected = True
    return _tts_requests_follow_the_oas


@pytest.fixture
def database(tmp_path):
    """A fresh, migrated SQLite database bound to the models."""
    from tokodesk.store.connection import close_database, open_database

    db = open_database(f"sqlite:///{tmp_path / 'test.db'}")
    yield db
    close_database()


PG_URL = os.environ.get("TOKODESK_TEST_PG", "")


@pytest.fixture
def pg_url():
    """A fresh, empty PostgreSQL database (dropped afterwards) on the server ./scripts/test starts."""
    import uuid

    need_real_part(bool(PG_URL), "PostgreSQL (TOKODESK_TEST_PG)")
    import psycopg

    name = f"tokodesk_t_{uuid.uuid4().hex[:10]}"
    base, _, _ = PG_URL.rpartition("/")
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{base}/{name}"
    from tokodesk.store.connection import close_database

    close_database()
    with psycopg.connect(PG_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.system)])
def any_database(request, tmp_path):
    """The store on each backend TokoDesk supports: SQLite (one PC) and PostgreSQL (several stations)."""
    from tokodesk.store.connection import close_database, open_database

    url = request.getfixturevalue("pg_url") if request.param == "postgresql" else f"sqlite:///{tmp_path / 'any.db'}"
    db = open_database(url)
    yield db
    close_database()
