"""Migrations with several stations: three TokoDesk processes start at once on an empty database, a migration is
killed at every start, and a database made by a newer TokoDesk.

Each station is its own process (as in a shop with three PCs), released at the same instant so they race through
the same migrations. What a shop would notice if the lock were missing is asserted: a station that fails to start,
or a `schema_version` that holds a number twice (seen: 1,2,3,4,2,3,4,2,3,4 and UniqueViolation crashes).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tokodesk.store import migrations
from tokodesk.store.connection import close_database, open_database
from tokodesk.store.models import Channel, SchemaVersion

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 3
STATIONS = 3

# Waits for a shared instant, then opens (and migrates) the database: the three children race for real.
CHILD = """
import os, sys, time
from tokodesk.store.connection import open_database, close_database
time.sleep(max(0.0, float(os.environ["GO_AT"]) - time.time()))
open_database(os.environ["RACE_URL"])
close_database()
print("ok")
"""

# Starts a migration that is killed (SIGKILL, as by the task manager or a power cut) after the backup was taken.
KILLED = """
import os, signal
from tokodesk.store import migrations
from tokodesk.store.connection import open_database
migrations.MIGRATIONS.append((migrations.LATEST + 1, "killed", lambda db: os.kill(os.getpid(), signal.SIGKILL)))
migrations.LATEST += 1
open_database(os.environ["RACE_URL"])
"""


def _empty_url(backend: str, request, tmp_path: Path, round_no: int) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / f'race{round_no}.db'}"
    import uuid

    import psycopg

    base_url = request.getfixturevalue("pg_url")  # an empty database, dropped afterwards; one more per round
    if round_no == 0:
        return base_url
    base, _, _ = base_url.rpartition("/")
    name = f"tokodesk_r_{uuid.uuid4().hex[:10]}"
    admin_url = os.environ["TOKODESK_TEST_PG"]
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    request.addfinalizer(lambda: _drop(admin_url, name))
    return f"{base}/{name}"


def _drop(admin_url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(url: str, **extra: str) -> dict[str, str]:
    return {**os.environ, "RACE_URL": url, "PYTHONPATH": str(ROOT), **extra}


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.system)])
def test_three_stations_starting_at_once_on_an_empty_database_all_start(backend, request, tmp_path):
    for round_no in range(ROUNDS):
        url = _empty_url(backend, request, tmp_path, round_no)
        go_at = str(time.time() + 3.0)  # after every child has imported TokoDesk
        children = [
            subprocess.Popen([sys.executable, "-c", CHILD], env=_env(url, GO_AT=go_at), cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(STATIONS)
        ]
        results = [child.communicate(timeout=120) for child in children]
        for child, (out, err) in zip(children, results, strict=True):
            assert child.returncode == 0 and out.strip() == "ok", f"round {round_no}: a station failed:\n{err}"
        open_database(url)
        try:
            numbers = [row.version for row in SchemaVersion.select().order_by(SchemaVersion.version)]
        finally:
            close_database()
        assert numbers == [number for number, _t, _f in migrations.MIGRATIONS], f"round {round_no}"


@pytest.mark.slow
def test_a_migration_killed_at_every_start_leaves_one_backup(tmp_path):
    path = tmp_path / "shop.db"
    url = f"sqlite:///{path}"
    open_database(url)
    Channel.create(name="Toko Lama")
    close_database()
    for attempt in range(3):
        killed = subprocess.run([sys.executable, "-c", KILLED], env=_env(url), cwd=ROOT, capture_output=True,
                                text=True, timeout=120)
        assert killed.returncode == -9, killed.stderr
        if attempt < 2:
            time.sleep(1.1)  # the old backups were named by the second: three starts a second apart
    others = sorted(p.name for p in tmp_path.iterdir() if p.name != "shop.db" and not p.name.startswith("shop.db-"))
    assert others == [f"shop.v{migrations.LATEST}.bak.db"], others
    # Nothing of the killed attempts stuck: the database opens at this TokoDesk's schema with its data.
    open_database(url)
    try:
        assert migrations.current_version(Channel._meta.database) == migrations.LATEST
        assert [c.name for c in Channel.select()] == ["Toko Lama"]
    finally:
        close_database()
