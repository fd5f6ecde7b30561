"""The wizard's advanced database page against the real PostgreSQL test server (`pg_url`)."""

from __future__ import annotations

import socket
from urllib.parse import urlparse

import keyring
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tokodesk import config, station


@pytest.fixture
def wizard(qtbot, ctx, monkeypatch):
    from tokodesk.ui.wizard import ChannelWizard

    monkeypatch.delenv("TOKODESK_DB", raising=False)
    wiz = ChannelWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.marketplace_page.choose_database.setChecked(True)
    wiz.next()
    assert wiz.currentPage() is wiz.database_page
    return wiz


def _fill(page, url: str, *, password: str = "", database: str | None = None, port: int | None = None) -> None:
    parsed = urlparse(url)
    page.shared.setChecked(True)
    page.host.setText(parsed.hostname)
    page.port.setValue(port or parsed.port or 5432)
    page.database.setText(database or parsed.path.lstrip("/"))
    page.user.setText(parsed.username)
    page.password.setText(password)


def _test(qtbot, page) -> str:
    page.result.clear()
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.result.text() not in ("", page.tr("Testing…")), timeout=15000)
    return page.result.text()


def test_this_pc_only_is_the_default_and_needs_nothing(wizard):
    page = wizard.database_page
    assert page.local.isChecked() and not page.server.isEnabled() and not page.test_button.isEnabled()
    assert "This PC only (SQLite)" in page.note.text() and "starts again" in page.note.text()
    assert page.isComplete()  # nothing changed: Next goes on to the credentials
    wizard.next()
    assert wizard.currentPage() is wizard.credentials_page


def test_good_server_tests_then_saves_and_the_wizard_ends_for_a_restart(qtbot, wizard, pg_url, tokodesk_home):
    page = wizard.database_page
    password = "rahasia-gudang-77"
    _fill(page, pg_url, password=password)
    assert not page.save_button.isEnabled(), "a shared server is used only after a successful test"
    assert not page.isComplete()

    text = _test(qtbot, page)
    assert "Connected to PostgreSQL" in text and "creates its tables at the next start" in text
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.saved, timeout=10000)
    assert "start it again" in page.result.text()
    assert page.isComplete() and page.nextId() == -1
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()

    saved = station.load()
    assert (saved.kind, saved.host, saved.database) == ("postgresql", urlparse(pg_url).hostname,
                                                        urlparse(pg_url).path.lstrip("/"))
    assert password not in (tokodesk_home / "station.json").read_text()
    assert keyring.get_password(config.KEYRING_SERVICE, "@station:db_password") == password
    # the next start opens (and migrates) the shared database
    from tokodesk.store.connection import close_database, open_database
    from tokodesk.store.migrations import LATEST, current_version

    database = open_database()
    try:
        assert not database.__class__.__name__.startswith("Sqlite")
        assert current_version(database) == LATEST
    finally:
        close_database()


def test_an_edit_after_a_test_needs_a_new_test(qtbot, wizard, pg_url):
    page = wizard.database_page
    _fill(page, pg_url)
    assert "Connected" in _test(qtbot, page)
    page.database.setText("another")
    assert not page.save_button.isEnabled()
    assert "test again" in page.result.text()


def test_missing_database_and_unreachable_server_are_said_in_words(qtbot, wizard, pg_url):
    page = wizard.database_page
    _fill(page, pg_url, database="tokodesk_no_such_db")
    text = _test(qtbot, page)
    assert text.startswith("No such database.") and "createdb tokodesk_no_such_db" in text

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    _fill(page, pg_url, port=free)
    text = _test(qtbot, page)
    assert text.startswith("The server cannot be reached.") and f"127.0.0.1:{free}" in text
    assert not page.save_button.isEnabled()


def test_a_user_without_rights_and_a_newer_schema_are_refused(qtbot, wizard, pg_url):
    import psycopg

    from tokodesk.store.connection import close_database, open_database
    from tokodesk.store.migrations import LATEST

    page = wizard.database_page
    role = "tokodesk_t_norights"
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute(f'DROP ROLE IF EXISTS "{role}"')
        admin.execute(f'CREATE ROLE "{role}" LOGIN')
    try:
        _fill(page, pg_url.replace(f"//{urlparse(pg_url).username}@", f"//{role}@"))
        text = _test(qtbot, page)
        assert text.startswith("The user lacks rights.") and "GRANT CREATE ON SCHEMA public" in text
    finally:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(f'DROP ROLE IF EXISTS "{role}"')

    open_database(pg_url)  # another station, on a newer TokoDesk, got there first
    close_database()
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("INSERT INTO schema_version (version, applied_at) VALUES (%s, now())", (LATEST + 1,))
    _fill(page, pg_url)
    text = _test(qtbot, page)
    assert text.startswith("The database is newer than this TokoDesk.") and "Update TokoDesk" in text


def test_choosing_this_pc_again_forgets_the_shared_server(qtbot, wizard, tokodesk_home):
    station.save(station.DatabaseSetting(kind="postgresql", host="gudang-pc", database="toko", user="kasir"), "pw")
    page = wizard.database_page
    page.load()
    assert page.shared.isChecked() and page.host.text() == "gudang-pc" and page.password.text() == ""
    assert "keyring" in page.password.placeholderText()
    page.local.setChecked(True)
    assert page.save_button.isEnabled()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.saved, timeout=10000)
    assert station.load().kind == "sqlite" and station.stored_password() is None


@pytest.fixture(scope="module")
def password_server():
    """A private PostgreSQL that checks passwords (scram-sha-256): the shared test server trusts every local login,
    so a wrong password could not fail there."""
    import glob
    import os
    import shutil
    import subprocess

    from tests.conftest import need_real_part

    bindirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    need_real_part(bool(bindirs) and bool(os.environ.get("TOKODESK_TEST_PG")), "PostgreSQL server binaries (initdb)")
    bindir = bindirs[-1]
    import tempfile
    from pathlib import Path

    # not under pytest's tmp folder: that is private to root, and the server runs as postgres when we are root
    root = Path(tempfile.mkdtemp(prefix="tokodesk-pg-scram-", dir="/var/tmp"))
    data, password = root / "data", "Benar-77@gudang"
    (root / "pw").write_text(password)
    runas: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        runas = ["runuser", "-u", "postgres", "--"]
        shutil.chown(root, "postgres")
        shutil.chown(root / "pw", "postgres")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subprocess.run([*runas, f"{bindir}/initdb", "-D", str(data), "-A", "scram-sha-256", "-U", "postgres",
                    f"--pwfile={root / 'pw'}"], check=True, capture_output=True)
    subprocess.run([*runas, f"{bindir}/pg_ctl", "-D", str(data), "-l", str(root / "log"), "-w", "-o",
                    f"-p {port} -k {root} -c listen_addresses=127.0.0.1", "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres", password
    finally:
        subprocess.run([*runas, f"{bindir}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def test_a_wrong_password_is_named_and_never_shown(qtbot, wizard, password_server, caplog):
    url, password = password_server
    page = wizard.database_page
    _fill(page, url, password="salah-" + password)
    text = _test(qtbot, page)
    assert text.startswith("Wrong password.") and "user postgres" in text
    assert "salah-" not in text and "salah-" not in caplog.text
    assert not page.save_button.isEnabled()

    _fill(page, url)  # no password typed and none stored
    assert _test(qtbot, page).startswith("The server needs a password.")

    _fill(page, url, password=password)
    assert "Connected to PostgreSQL" in _test(qtbot, page)
    assert page.save_button.isEnabled()
