"""The station setting: which database this PC opens (station.json + the password in the keyring)."""

from __future__ import annotations

import json

import keyring
import pytest

from tokodesk import config, station
from tokodesk.station import DatabaseSetting, StationError

SHARED = DatabaseSetting(kind="postgresql", host="gudang-pc", port=5433, database="toko", user="kasir")
PASSWORD = "p@ss:w/rd 9%"  # every character a URL gives a meaning to


def test_no_file_means_this_pc_only(tokodesk_home, monkeypatch):
    monkeypatch.delenv("TOKODESK_DB", raising=False)
    assert station.load() == DatabaseSetting()
    assert station.configured_url() is None
    assert config.database_url() == f"sqlite:///{tokodesk_home / 'tokodesk.db'}"
    assert station.in_use() == (f"This PC only (SQLite) {tokodesk_home / 'tokodesk.db'}", "the default")


def test_shared_server_url_takes_the_password_from_the_keyring(tokodesk_home, monkeypatch):
    monkeypatch.delenv("TOKODESK_DB", raising=False)
    written = station.save(SHARED, PASSWORD)

    assert written == tokodesk_home / "station.json"
    assert PASSWORD not in written.read_text() and "p@ss" not in written.read_text()
    assert json.loads(written.read_text())["database"]["host"] == "gudang-pc"
    assert keyring.get_password(config.KEYRING_SERVICE, "@station:db_password") == PASSWORD
    url = config.database_url()
    assert url == "postgresql://kasir:p%40ss%3Aw%2Frd%209%25@gudang-pc:5433/toko"

    from tokodesk.store.connection import make_database

    database = make_database(url)  # the driver gets the password back exactly
    assert database.connect_params["password"] == PASSWORD
    assert (database.database, database.connect_params["host"], database.connect_params["port"]) == \
        ("toko", "gudang-pc", 5433)
    assert station.in_use() == ("Shared PostgreSQL server kasir@gudang-pc:5433/toko", str(written))


def test_tokodesk_db_still_wins(tokodesk_home, monkeypatch):
    station.save(SHARED, PASSWORD)
    monkeypatch.setenv("TOKODESK_DB", "postgresql://other:secret@db/elsewhere")
    assert config.database_url() == "postgresql://other:secret@db/elsewhere"
    shown, source = station.in_use()
    assert shown == "postgresql://other@db/elsewhere" and "TOKODESK_DB" in source


def test_saving_without_a_password_keeps_the_stored_one_and_sqlite_forgets_it(tokodesk_home, monkeypatch):
    monkeypatch.delenv("TOKODESK_DB", raising=False)
    station.save(SHARED, PASSWORD)
    station.save(DatabaseSetting(kind="postgresql", host="gudang-pc", port=5433, database="toko2", user="kasir"))
    assert station.configured_url().endswith("@gudang-pc:5433/toko2")
    assert station.stored_password() == PASSWORD

    station.save(DatabaseSetting())
    assert station.stored_password() is None
    assert station.load().kind == "sqlite"
    assert config.database_url().startswith("sqlite:///")


def test_incomplete_or_broken_settings_say_what_to_fix(tokodesk_home):
    with pytest.raises(StationError, match="Fill in: Host, User"):
        station.save(DatabaseSetting(kind="postgresql", host=" ", database="toko"), "x")
    assert not (tokodesk_home / "station.json").exists()  # nothing half-written
    tokodesk_home.mkdir(parents=True, exist_ok=True)

    (tokodesk_home / "station.json").write_text("{not json")
    with pytest.raises(StationError, match="station.json is not a valid station setting"):
        station.load()
    (tokodesk_home / "station.json").write_text(json.dumps({"database": {"kind": "mysql"}}))
    with pytest.raises(StationError, match="unknown database kind 'mysql'"):
        config.database_url()


def test_an_ipv6_host_is_bracketed():
    setting = DatabaseSetting(kind="postgresql", host="fd00::5", database="toko", user="kasir")
    assert station.compose_url(setting, None) == "postgresql://kasir@[fd00::5]:5432/toko"


@pytest.mark.parametrize(("server_says", "cause"), [
    ('connection failed: FATAL:  password authentication failed for user "kasir"', "refused the password"),
    ("fe_sendauth: no password supplied", "asks for a password"),
    ('FATAL:  role "kasir" does not exist', "has no user kasir"),
    ('FATAL:  database "toko" does not exist', "has no database toko"),
    ("FATAL:  permission denied for database \"toko\"", "may not connect"),
    ("connection failed: Connection refused", "Cannot reach a PostgreSQL server at gudang-pc:5433"),
    ("could not translate host name \"gudang-pc\" to address", "Cannot reach"),
])
def test_connect_errors_in_words(server_says, cause):
    assert cause in station.explain_connect_error(SHARED, server_says)


def test_redact_drops_only_the_password():
    assert station.redact("postgresql://u:p@w@h:1/d") == "postgresql://u@h:1/d"
    assert station.redact("postgresql://u@h/d") == "postgresql://u@h/d"
    assert station.redact("sqlite:///C:/x@y/tokodesk.db") == "sqlite:///C:/x@y/tokodesk.db"


def test_an_installation_keeps_one_random_id_and_a_copied_folder_on_another_pc_gets_its_own(tokodesk_home, monkeypatch):
    import json
    import threading

    from tokodesk import station as st

    monkeypatch.setattr(st, "_machine_node", lambda: 0x0A1B2C3D4E5F)
    ids: list[str] = []
    threads = [threading.Thread(target=lambda: ids.append(st._load_or_make_id())) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(ids)) == 1 and len(ids[0]) == 32  # processes starting at once agree on one id
    assert st.installation_id() == ids[0] == st._load_or_make_id()
    saved = json.loads((tokodesk_home / st.ID_FILE_NAME).read_text())
    assert saved["id"] == ids[0]
    # The same folder on a PC with another network card (a cloned disk image): a new id there, kept from then on.
    monkeypatch.setattr(st, "_machine_node", lambda: 0x0A1B2C3D4E60)
    other = st._load_or_make_id()
    assert other != ids[0] and st._load_or_make_id() == other
