"""Which database this PC uses: the station setting in `<data folder>/station.json`.

The database cannot hold its own address, so the choice between "this PC only" (SQLite in the data folder) and a
shared PostgreSQL server lives in a small file beside it. The file holds host, port, database and user; the password
goes to the OS keyring (entry `@station:db_password`), never into the file. `TOKODESK_DB` still wins when set.
A change takes effect when TokoDesk next starts: the open database is never switched under a running window.

This installation's identity is a random id made once, kept in `<data folder>/station-id.json` (`installation_id`).
Hostnames do not tell PCs apart (cloned Windows images share one), so whatever must know "was this my own process?"
(the outbox's takeover of an action whose sender died, the sync lease) asks this id, never the hostname.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
import threading
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote

from tokodesk import config, credentials
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, fields, listed, said

FILE_NAME = "station.json"
ID_FILE_NAME = "station-id.json"
_KEYRING_OWNER, _KEYRING_KIND = "@station", "db_password"  # "@" cannot start a channel name a user would type
SQLITE, POSTGRESQL = "sqlite", "postgresql"


class StationError(UserError):
    """The station setting is unreadable, incomplete, or its database does not answer; says what to do."""

    exit_code = 1

    def __init__(self, message: str, cause: str = "setting", /, **params: object) -> None:
        super().__init__(message, **params)
        self.cause = cause  # one of CAUSES: the window shows it as a translated headline above the details


# The causes a test can report, with the headline the window shows (translated there).
CAUSES = {
    "setting": "The database setting is incomplete",
    "unreachable": "The server cannot be reached",
    "wrong password": "Wrong password",
    "password needed": "The server needs a password",
    "unknown user": "Unknown user",
    "no such database": "No such database",
    "no rights": "The user lacks rights",
    "schema too new": "The database is newer than this TokoDesk",
    "other": "The server refused",
}


@dataclass(frozen=True)
class DatabaseSetting:
    kind: str = SQLITE
    host: str = ""
    port: int = 5432
    database: str = "tokodesk"
    user: str = ""

    def problems(self) -> list[str]:
        """The fields a PostgreSQL setting still lacks, by their labels; empty when usable."""
        if self.kind == SQLITE:
            return []
        # The form's labels (the window shows them in its language, the same words as on the Database page).
        missing = [label for label, value in ((QT_TRANSLATE_NOOP("DatabasePage", "Host"), self.host),
                                              (QT_TRANSLATE_NOOP("DatabasePage", "Database"), self.database),
                                              (QT_TRANSLATE_NOOP("DatabasePage", "User"), self.user))
                   if not value.strip()]
        if not 0 < self.port < 65536:
            missing.append(QT_TRANSLATE_NOOP("DatabasePage", "Port"))
        return missing

    def describe(self) -> str:
        if self.kind == SQLITE:
            return "This PC only (SQLite)"
        return f"Shared PostgreSQL server {self.user}@{self.host}:{self.port}/{self.database}"


def path() -> Path:
    return config.data_dir() / FILE_NAME


def load() -> DatabaseSetting:
    """The saved setting; SQLite when the file does not exist."""
    file = path()
    if not file.exists():
        return DatabaseSetting()
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        database = data.get("database") or {}
        setting = DatabaseSetting(
            kind=str(database.get("kind", SQLITE)), host=str(database.get("host", "")),
            port=int(database.get("port", 5432)), database=str(database.get("database", "tokodesk")),
            user=str(database.get("user", "")),
        )
    except (ValueError, TypeError, AttributeError) as exc:
        raise StationError(QT_TRANSLATE_NOOP(
            "Refusals", "{file} is not a valid station setting ({error}). Choose the database "
                        "again in the setup wizard's Database page, or delete the file to "
                        "use this PC only."), file=str(file), error=str(exc)) from exc
    if setting.kind not in (SQLITE, POSTGRESQL):
        raise StationError(QT_TRANSLATE_NOOP("Refusals", "{file}: unknown database kind {kind!r}; use {sqlite!r} or "
                                                         "{postgresql!r}."),
                           file=str(file), kind=setting.kind, sqlite=SQLITE, postgresql=POSTGRESQL)
    return setting


def save(setting: DatabaseSetting, password: str | None = None) -> Path:
    """Write the setting (atomically, private to the user) and the password to the keyring.

    `password=None` keeps the stored one (the form shows no password it read back); choosing SQLite forgets it.
    The keyring is written first, so a file never points at a server whose password was not kept.
    """
    missing = setting.problems()
    if missing:
        raise StationError(QT_TRANSLATE_NOOP("Refusals", "Fill in: {fields}"), fields=listed(missing))
    if setting.kind == POSTGRESQL and password:
        credentials.set_secret(_KEYRING_OWNER, _KEYRING_KIND, password)
    elif setting.kind == SQLITE:
        credentials.delete_secret(_KEYRING_OWNER, _KEYRING_KIND)
    folder = config.ensure_data_dir()
    target = folder / FILE_NAME
    payload = {"database": asdict(setting),
               "note": "Read when TokoDesk starts. The password is in the OS keyring, not here."}
    handle, tmp = tempfile.mkstemp(prefix=".station-", suffix=".json", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(payload, out, indent=2)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def stored_password() -> str | None:
    """May block on a keyring unlock prompt: never on the GUI thread."""
    return credentials.get_secret(_KEYRING_OWNER, _KEYRING_KIND)


def compose_url(setting: DatabaseSetting, password: str | None) -> str:
    """The peewee/psycopg URL for a setting; user and password are percent-encoded (an @ or / in them is fine)."""
    if setting.kind == SQLITE:
        return f"sqlite:///{config.data_dir() / 'tokodesk.db'}"
    auth = quote(setting.user, safe="")
    if password:
        auth += ":" + quote(password, safe="")
    host = f"[{setting.host}]" if ":" in setting.host else setting.host
    return f"postgresql://{auth}@{host}:{setting.port}/{quote(setting.database, safe='')}"


def configured_url() -> str | None:
    """The URL of the saved PostgreSQL setting (password from the keyring), or None for this PC's SQLite."""
    setting = load()
    if setting.kind == SQLITE:
        return None
    missing = setting.problems()
    if missing:
        raise StationError(QT_TRANSLATE_NOOP(
            "Refusals", "{file} lacks {fields}: choose the database again in the setup wizard."),
                           file=str(path()), fields=listed(missing))
    return compose_url(setting, stored_password())


def in_use() -> tuple[str, str]:
    """(what, from where) for the database this process opens: the CLI and the Channel tab show it."""
    env = os.environ.get("TOKODESK_DB")
    if env:
        return redact(env), "the TOKODESK_DB environment variable"
    setting = load()
    if setting.kind == SQLITE:
        where = "the default" if not path().exists() else str(path())
        return f"This PC only (SQLite) {config.data_dir() / 'tokodesk.db'}", where
    return setting.describe(), str(path())


def redact(url: str) -> str:
    """A URL without its password, for showing and logging."""
    scheme, sep, rest = url.partition("://")
    netloc, slash, tail = rest.partition("/")
    if not sep or "@" not in netloc:
        return url
    auth, _, host = netloc.rpartition("@")
    return f"{scheme}://{auth.split(':', 1)[0]}@{host}{slash}{tail}"


# What a PostgreSQL error text means, in the words the wizard shows (first match wins).
_CONNECT_CAUSES = (
    (("password authentication failed",), "wrong password",
     QT_TRANSLATE_NOOP(
         "Refusals", "The server refused the password for user {user}. Check the password (and the user name).")),
    (("no password supplied",), "password needed",
     QT_TRANSLATE_NOOP("Refusals", "The server asks for a password for user {user}: type it in the Password field.")),
    (('role "',), "unknown user",
     QT_TRANSLATE_NOOP("Refusals", "The server has no user {user}. Check the name, or ask who set the server up.")),
    (("does not exist",), "no such database",
     QT_TRANSLATE_NOOP(
         "Refusals", "The server has no database {database}. Create it first (createdb {database}) or fix its name.")),
    (("permission denied", "not permitted to log in", "no pg_hba.conf entry"), "no rights",
     QT_TRANSLATE_NOOP(
         "Refusals", "User {user} may not connect to {database} from this PC. Ask the server's owner to grant "
                     "CONNECT (and allow this PC in pg_hba.conf).")),
    (("connection refused", "could not translate host name", "timeout expired", "timed out", "no route to host",
      "network is unreachable", "name or service not known", "could not connect", "connection to server"),
     "unreachable",
     QT_TRANSLATE_NOOP(
         "Refusals", "Cannot reach a PostgreSQL server at {host}:{port}. Is the server running, is the address "
                     "right, and does the firewall let this PC in?")),
)


def connect_cause(text: str) -> str:
    lowered = text.lower()
    return next((cause for needles, cause, _m in _CONNECT_CAUSES if any(n in lowered for n in needles)), "other")


def explain_connect_error(setting: DatabaseSetting, text: str) -> str:
    lowered = text.lower()
    for needles, _cause, message in _CONNECT_CAUSES:
        if any(needle in lowered for needle in needles):
            values = {"user": setting.user, "database": setting.database, "host": setting.host, "port": setting.port}
            return said(message, **{k: v for k, v in values.items() if k in fields(message)})
    return said(QT_TRANSLATE_NOOP("Refusals", "PostgreSQL at {host}:{port} answered: {text}"), host=setting.host,
                port=setting.port, text=text)


def check_database(setting: DatabaseSetting, password: str | None, timeout_s: int = 5) -> str:
    """Connect to the setting's database and say whether TokoDesk can use it; raises StationError saying why not.

    Touches the network (and, when `password` is None, the keyring): run it in a worker. Nothing is created or
    changed on the server: TokoDesk migrates it at the next start.
    """
    import peewee as pw

    from tokodesk.store import models as m
    from tokodesk.store.connection import make_database
    from tokodesk.store.migrations import LATEST, current_version

    if setting.kind == SQLITE:
        return said(QT_TRANSLATE_NOOP("Refusals", "This PC only: {file}"), file=str(config.data_dir() / "tokodesk.db"))
    missing = setting.problems()
    if missing:
        raise StationError(QT_TRANSLATE_NOOP("Refusals", "Fill in: {fields}"), fields=listed(missing))
    if password is None:
        password = stored_password()
    database = make_database(f"{compose_url(setting, password)}?connect_timeout={int(timeout_s)}")
    try:
        try:
            database.connect()
        except (pw.OperationalError, pw.InterfaceError) as exc:
            text = str(exc).strip() or type(exc).__name__
            if password:
                text = text.replace(password, "***")
            raise StationError(explain_connect_error(setting, text), connect_cause(text)) from None
        server = database.execute_sql("SHOW server_version").fetchone()[0]
        with database.bind_ctx([m.SchemaVersion]):
            version = current_version(database)
        if version > LATEST:
            raise StationError(
                QT_TRANSLATE_NOOP("Refusals", "The database {database} has TokoDesk schema {version}, newer than this "
                                  "TokoDesk knows ({latest}): another station runs a newer TokoDesk. Update "
                                              "TokoDesk on this PC first."),
                "schema too new", database=setting.database, version=version, latest=LATEST)
        user, can_create = database.execute_sql(
            "SELECT current_user, has_schema_privilege('public', 'CREATE')").fetchone()
        if version < LATEST and not can_create:
            words = QT_TRANSLATE_NOOP(
                "Refusals", "User {user} may not create tables in {database} (schema public), and "
                            "TokoDesk needs to create its tables there. Ask the server's owner: GRANT "
                            "CREATE ON SCHEMA public TO {user}; or use the database owner.") \
                if version == 0 else \
                QT_TRANSLATE_NOOP("Refusals", "User {user} may not create tables in {database} (schema public), and "
                                  "TokoDesk needs to update its tables there. Ask the server's owner: GRANT CREATE "
                                              "ON SCHEMA public TO {user}; or use the database owner.")
            raise StationError(words, "no rights", user=user, database=setting.database)
        for model in m.ALL_MODELS:
            table = model._meta.table_name
            if version and database.table_exists(table):
                for privilege in ("SELECT", "INSERT", "UPDATE", "DELETE"):
                    allowed = database.execute_sql("SELECT has_table_privilege(%s, %s)",
                                                   (f'"{table}"', privilege)).fetchone()[0]
                    if not allowed:
                        raise StationError(
                            QT_TRANSLATE_NOOP("Refusals", "User {user} may not {privilege} the table {table} in "
                                              "{database}. Ask the server's owner: GRANT ALL ON ALL TABLES IN "
                                                          "SCHEMA public TO {user};"),
                            "no rights", user=user, privilege=privilege, table=table, database=setting.database)
    finally:
        if not database.is_closed():
            database.close()
    if version == 0:
        state = said(QT_TRANSLATE_NOOP("Refusals", "empty: TokoDesk creates its tables at the next start"))
    elif version < LATEST:
        state = said(QT_TRANSLATE_NOOP(
            "Refusals", "TokoDesk schema {version} (updated at the next start)"), version=version)
    else:
        state = said(QT_TRANSLATE_NOOP("Refusals", "TokoDesk schema {version}"), version=version)
    return said(QT_TRANSLATE_NOOP(
        "Refusals", "Connected to PostgreSQL {server} as {user}; database {database} is {state}."),
                server=server, user=user, database=setting.database, state=state)


_installations: dict[str, str] = {}  # data folder -> id (TOKODESK_HOME may point elsewhere in tests)
_installation_lock = threading.Lock()


def _machine_node() -> int | None:
    """The network card's address, when the OS tells it (uuid falls back to a random number with the multicast bit
    set, which is no identity: ignore it)."""
    node = uuid.getnode()
    return None if (node >> 40) & 1 else node


def installation_id() -> str:
    """This installation's random id (32 hex digits), made the first time it is asked for and kept in the data folder.

    A data folder copied to another PC with it (a cloned disk image) is recognised by its network card's address,
    when the OS tells it, and gets an id of its own there.
    """
    folder = str(config.data_dir())
    with _installation_lock:
        if folder not in _installations:
            _installations[folder] = _load_or_make_id()
        return _installations[folder]


def _load_or_make_id() -> str:
    target = config.ensure_data_dir() / ID_FILE_NAME
    node = _machine_node()
    for _ in range(20):
        try:
            data = json.loads(target.read_text(encoding="utf-8"))
            found = str(data["id"])
            if len(found) == 32 and (node is None or data.get("node") in (None, node)):
                return found
            replace = True  # a copy of another PC's folder (or an unreadable id): this PC gets its own
        except FileNotFoundError:
            replace = False
        except (ValueError, KeyError, TypeError):
            replace = True
        made = secrets.token_hex(16)
        handle, tmp = tempfile.mkstemp(prefix=".station-id-", suffix=".json", dir=target.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"id": made, "node": node,
                           "note": "Made once by TokoDesk to tell this installation from other PCs. Do not copy."}, out)
            if replace:
                os.replace(tmp, target)
                return made
            try:
                os.link(tmp, target)  # fails when another process made it first: then use theirs
                return made
            except FileExistsError:
                continue
            except OSError:  # no hard links on this file system
                if not target.exists():
                    os.replace(tmp, target)
                    return made
                continue
        finally:
            Path(tmp).unlink(missing_ok=True)
    raise StationError(QT_TRANSLATE_NOOP(
        "Refusals", "{file} cannot be read or written: check that the data folder is writable."),
                       file=str(target))
