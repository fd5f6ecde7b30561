"""Opening a database that TokoDesk must not use: made by a newer TokoDesk, not a database, cut short.

Each is refused in words, everywhere the database is opened (the CLI, the window's start, the self-test), and the
file is left exactly as it was.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tokodesk.cli import main
from tokodesk.store import migrations
from tokodesk.store import models as m
from tokodesk.store.connection import DatabaseError, close_database, open_database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def newer(tmp_path, monkeypatch):
    """A database a newer TokoDesk (two schema versions ahead) has migrated; TOKODESK_DB points at it."""
    path = tmp_path / "shared.db"
    url = f"sqlite:///{path}"
    open_database(url)
    m.Channel.create(name="Toko")
    m.SchemaVersion.create(version=migrations.LATEST + 1)
    m.SchemaVersion.create(version=migrations.LATEST + 2)
    close_database()
    monkeypatch.setenv("TOKODESK_DB", url)
    return path


def test_a_database_newer_than_this_tokodesk_is_refused_naming_both_versions(newer):
    before = _digest(newer)
    with pytest.raises(DatabaseError) as caught:
        open_database()
    text = str(caught.value)
    assert f"schema version {migrations.LATEST + 2}" in text and f"schema version {migrations.LATEST})" in text
    assert "Update TokoDesk" in text
    assert _digest(newer) == before


@pytest.mark.system
def test_a_postgresql_database_newer_than_this_tokodesk_is_refused_and_left_alone(pg_url):
    open_database(pg_url)
    m.SchemaVersion.create(version=migrations.LATEST + 1)
    close_database()
    with pytest.raises(DatabaseError, match=f"schema version {migrations.LATEST + 1}, newer than this TokoDesk"):
        open_database(pg_url)
    close_database()
    import psycopg

    with psycopg.connect(pg_url) as conn:
        versions = [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [*range(1, migrations.LATEST + 1), migrations.LATEST + 1]


def test_the_cli_refuses_a_newer_database_with_exit_1_and_writes_nothing(newer, capsys):
    before = _digest(newer)
    assert main(["orders", "list"]) == 1
    err = capsys.readouterr().err
    assert f"schema version {migrations.LATEST + 2}" in err and "Traceback" not in err
    assert _digest(newer) == before


def test_self_test_reports_a_newer_database_as_a_failed_check(newer, capsys):
    assert main(["self-test"]) == 1
    out = capsys.readouterr().out
    line = next(row for row in out.splitlines() if "database" in row.lower())
    assert line.startswith("FAIL") and f"schema version {migrations.LATEST + 2}" in line


def test_the_window_start_refuses_a_newer_database(newer):
    pytest.importorskip("PySide6")
    from tokodesk.ui.app import _open_database

    with pytest.raises(DatabaseError, match=f"schema version {migrations.LATEST + 2}"):
        _open_database(None)


def test_a_file_that_is_not_a_database_is_refused_in_words(tmp_path, monkeypatch, capsys):
    path = tmp_path / "notes.db"
    path.write_bytes(b"Daftar belanja: kopi, gula, teh.\n" * 200)
    before = _digest(path)
    monkeypatch.setenv("TOKODESK_DB", f"sqlite:///{path}")
    assert main(["orders", "list"]) == 1
    err = capsys.readouterr().err
    assert "is not a TokoDesk database" in err and str(path) in err and "Traceback" not in err
    assert _digest(path) == before


def test_a_truncated_database_is_refused_in_words(tmp_path, monkeypatch, capsys):
    path = tmp_path / "cut.db"
    open_database(f"sqlite:///{path}")
    for n in range(3000):  # enough rows that half the file loses pages the tables need
        m.Channel.create(name=f"Toko {n}")
    close_database()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    monkeypatch.setenv("TOKODESK_DB", f"sqlite:///{path}")
    assert main(["channel", "list"]) == 1
    err = capsys.readouterr().err
    assert "is damaged" in err and str(path) in err and "Traceback" not in err

