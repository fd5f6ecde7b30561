"""A full disk at the packing desk: `sync orders` and `orders ship` say "the disk is full" and where, exit 1, print
no traceback (seen: "cannot rollback - no transaction is active"), and damage nothing: once there is room again the
same commands finish, and no order was shipped twice on the marketplace.

The disk fills two ways: for real, a tiny tmpfs holding the data folder filled to its last block (needs root to
mount; ./scripts/test runs as root), and everywhere, SQLite's own page limit (PRAGMA max_page_count), which fails a
growing write mid-transaction with the very same SQLITE_FULL error and the same rollback chain.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest

from tests.conftest import need_real_part
from tests.integration.tiktokshop_setup import add_and_authorize, shop_now
from tokodesk import config
from tokodesk.cli import main
from tokodesk.sandbox import Sandbox
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.store import connection
from tokodesk.store import models as m
from tokodesk.store.connection import close_database

NAME = "Toko"


class PageLimit:
    """SQLite refuses to grow the database past the pages it has now."""

    def __init__(self, monkeypatch) -> None:
        self.monkeypatch = monkeypatch

    def fill(self) -> None:
        self.monkeypatch.setitem(connection.SQLITE_PRAGMAS, "max_page_count", 1)  # = the current page count

    def free(self) -> None:
        self.monkeypatch.delitem(connection.SQLITE_PRAGMAS, "max_page_count")


class TinyDisk:
    """A tmpfs mounted for the test: the data folder lives on it; fill() leaves no block free (with a few KB left,
    whether a small write fits depends on how much of the WAL file SQLite can reuse)."""

    def __init__(self, mountpoint: Path) -> None:
        self.filler = mountpoint / "filler"

    def fill(self) -> None:
        st = os.statvfs(self.filler.parent)
        with open(self.filler, "wb") as out:
            out.write(b"\0" * (st.f_bavail * st.f_frsize))

    def free(self) -> None:
        self.filler.unlink()


@pytest.fixture(params=["page-limit", pytest.param("tmpfs", marks=pytest.mark.system)])
def disk(request, tmp_path, monkeypatch):
    if request.param == "page-limit":
        yield PageLimit(monkeypatch)
        return
    yield request.getfixturevalue("tiny_disk")


@pytest.fixture
def tiny_disk(tmp_path, monkeypatch):
    mountpoint = tmp_path / "disk"
    mountpoint.mkdir()
    mounted = sys.platform.startswith("linux") and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(mountpoint)], capture_output=True).returncode == 0
    need_real_part(mounted, "a tiny tmpfs to fill (mount needs root)")
    monkeypatch.setenv("TOKODESK_HOME", str(mountpoint / "home"))
    try:
        yield TinyDisk(mountpoint)
    finally:
        close_database()
        subprocess.run(["umount", "-l", str(mountpoint)], capture_output=True)


@pytest.fixture(params=["tokopedia", "tiktokshop"])
def sb(request):
    # The shop's clock starts 3 hours back, so the orders that arrive while it is moved on are in the past for the
    # pull (which asks up to this PC's time); `sync orders --since` fetches them.
    with Sandbox(seed=5, products=8, orders=60, dialect=request.param, freeze_clock=True, new_orders_per_hour=400,
                 start_time=time.time() - 3 * 3600) as box:
        yield box


def _setup_shop(sb: Sandbox, monkeypatch, capsys) -> None:
    if sb.dialect.name == "tokopedia":
        cr = sb.credentials
        monkeypatch.setattr(sys, "stdin", io.StringIO(cr["client_secret"] + "\n"))
        assert main(["channel", "add", NAME, "--fs-id", str(cr["fs_id"]), "--client-id", cr["client_id"],
                     "--shop-id", str(cr["shop_id"]), "--client-secret-stdin", "--api-base", sb.url,
                     "--auth-url", sb.url]) == 0
        back = timedelta(days=3) - timedelta(minutes=5)
    else:
        add_and_authorize(sb, monkeypatch, capsys, NAME)
        back = timedelta(days=8)
    m.Channel.update(order_sync_from=shop_now(sb) - back).execute()
    close_database()
    assert main(["sync", "skus"]) == 0 and main(["sync", "orders"]) == 0
    close_database()
    capsys.readouterr()


def _packed(capsys, count: int) -> list[str]:
    assert main(["orders", "list", "--json", "--state", "acknowledged"]) == 0
    ids = [str(o["order_id"]) for o in json.loads(capsys.readouterr().out) if not o["has_unmapped"]][:count]
    assert len(ids) == count
    assert main(["orders", "pack", *ids]) == 0
    close_database()
    capsys.readouterr()
    return ids


def _says_disk_full(capsys, where: Path) -> None:
    err = capsys.readouterr().err
    assert "The disk is full" in err, err
    assert "Traceback" not in err and "cannot rollback" not in err
    assert str(where) in err, "the message says which disk"


def test_sync_on_a_full_disk_says_so_exits_1_and_damages_nothing(sb, disk, monkeypatch, capsys):
    _setup_shop(sb, monkeypatch, capsys)
    sb.advance(2 * 3600)  # new orders arrive: the next pull has rows to store
    since = ["--since", (shop_now(sb) - timedelta(hours=6) + timedelta(hours=7)).strftime("%Y-%m-%d %H:%M")]  # WIB
    folder = config.data_dir()  # the message names the disk by the data folder on it

    disk.fill()
    assert main(["sync", "orders", *since]) == 1
    close_database()
    _says_disk_full(capsys, folder)

    disk.free()
    with sqlite3.connect(folder / "tokodesk.db") as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert main(["sync", "orders", *since, "--json"]) == 0
    close_database()
    assert json.loads(capsys.readouterr().out)["failed"] == 0


@pytest.mark.system
def test_ship_on_a_full_disk_says_so_exits_1_and_ships_each_order_once_afterwards(sb, tiny_disk, monkeypatch,
                                                                                   capsys):
    """Only on a real full disk: SQLite's page limit leaves room in pages already there, where a ship's few rows
    fit."""
    disk = tiny_disk
    _setup_shop(sb, monkeypatch, capsys)
    ids = _packed(capsys, 3)
    folder = config.data_dir()

    disk.fill()
    assert main(["orders", "ship", *ids]) == 1
    close_database()
    _says_disk_full(capsys, folder)

    disk.free()
    with sqlite3.connect(folder / "tokodesk.db") as check:
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Again once there is room: what the full disk interrupted is resolved with the marketplace, nothing sent twice.
    assert main(["orders", "ship", *ids, "--json"]) in (0, 2)
    close_database()
    capsys.readouterr()
    assert main(["orders", "list", "--json"]) == 0
    close_database()
    states = {str(o["order_id"]): o["state"] for o in json.loads(capsys.readouterr().out)}
    assert all(states[oid] not in ("acknowledged", "packed") for oid in ids), states
    for oid in ids:
        shop_id = int(oid) if sb.dialect.name == "tokopedia" else tj.decode(oid, tj.ORDER_BASE)
        sent = sb.order(shop_id).requests
        assert sent and all(count == 1 for count in sent.values()), f"order {oid}: {dict(sent)}"
