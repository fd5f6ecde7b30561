"""peewee imported without psycopg (store/driver.py) ends up with exactly what its own import sets once a PostgreSQL
database is made: compared with a plain `import peewee` in a fresh interpreter, so a peewee upgrade that reads
psycopg somewhere new fails here rather than at a shop on PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys

SUMMARY = """
import json, sys, peewee
def shown(value):
    return repr(value) if value is not None else None
def from_psycopg(value):
    names = (type(value).__module__, getattr(value, "__module__", None), getattr(value, "__name__", None))
    return any(isinstance(n, str) and n.startswith("psycopg") for n in names)
out = {
    "psycopg_loaded_before": PSYCOPG_BEFORE,
    "globals": {k: shown(v) for k, v in sorted(vars(peewee).items())
                if v is None or from_psycopg(v)},
    "adapter": {k: shown(v) for k, v in sorted(vars(peewee.Psycopg3Adapter).items()) if not callable(v)
                and not k.startswith("__")},
}
print(json.dumps(out))
"""


def _summary(setup: str) -> dict:
    code = setup + SUMMARY
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    return json.loads(done.stdout)


def test_peewee_gets_psycopg_as_its_own_import_gives_it():
    plain = _summary("import peewee\nPSYCOPG_BEFORE = None\n")
    deferred = _summary(
        "import sys, tokodesk\n"
        "import tokodesk.store.models\n"
        "PSYCOPG_BEFORE = 'psycopg' in sys.modules\n"
        "from tokodesk.store.connection import make_database\n"
        "make_database('postgresql://nobody@127.0.0.1:1/none')\n"  # made, not connected
    )
    assert deferred.pop("psycopg_loaded_before") is False  # SQLite processes never load it
    plain.pop("psycopg_loaded_before")
    assert deferred == plain
    assert plain["globals"]["psycopg"] is not None  # the comparison is about something


def test_a_postgresql_database_made_without_psycopg_loaded_uses_psycopg_3():
    code = ("import tokodesk\nfrom tokodesk.store.connection import make_database\n"
            "db = make_database('postgresql://nobody@127.0.0.1:1/none')\n"
            "print(type(db._adapter).__name__, db._adapter.json_type.__module__)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split() == ["Psycopg3Adapter", "psycopg.types.json"]
