"""A short command loads what it uses: `tokodesk orders ack` on SQLite for a Tokopedia channel, the real CLI in its
own process against the sandbox, accepts the orders without loading the PostgreSQL driver, the label renderer, the
other marketplace's client, Qt, nor the modules and parsers of the other commands (each is a tenth of a second or
more of every start; a batch runs three such processes). `tokodesk orders pack`, local only, does not even load the
marketplace's client (nor requests) when no earlier request is left open to resume, nor keyring (it reads no
secret), nor the marketplace's records (it makes none). `tokodesk --help` and `--version` load neither keyring, the
store's models nor the records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from tests.doubles import env_keyring
from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.sandbox import Sandbox
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database

ROOT = Path(__file__).resolve().parents[2]
# The other commands' modules and what only they import (the channel settings, the returns' states).
OTHER_COMMANDS = ("tokodesk.commands.channel", "tokodesk.commands.returns", "tokodesk.commands.catalog",
                  "tokodesk.commands.sync", "tokodesk.commands.payouts", "tokodesk.services.channel_settings")
# cryptography seals only Tokopedia & Shop's shared tokens (services/token_share.py).
NOT_NEEDED = ("psycopg", "reportlab", "PySide6", "tokodesk.marketplace.tiktokshop", "tokodesk.documents",
              "cryptography", *OTHER_COMMANDS)

# The `tokodesk` entry point, with the sandbox's secret in an in-memory keyring (never the desktop's) that keyring
# makes when the process first reads a secret (tests/doubles.py EnvKeyring), then the names of every module the
# process loaded, on stderr's last line.
CHILD = """
import json, sys
from tokodesk.__main__ import main
code = main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
sys.exit(code)
"""


def test_orders_ack_on_sqlite_loads_only_what_it_uses(tmp_path):
    db_url = f"sqlite:///{tmp_path / 'shop.db'}"
    with Sandbox(seed=3, orders=60, products=20, days=1.0, freeze_clock=True) as sb:
        cr = sb.credentials
        open_database(db_url)
        try:
            channel = m.Channel.create(name="shop", marketplace="tokopedia", fs_id=str(cr["fs_id"]),
                                       client_id=str(cr["client_id"]), shop_id=str(cr["shop_id"]), api_base=sb.url,
                                       auth_url=sb.url)
            client = TokopediaClient("shop", cr["fs_id"], cr["client_id"], cr["shop_id"], sb.url, sb.url,
                                     client_secret=cr["client_secret"], timeout=10)
            pull_orders(channel, client, now=datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None))
            client.close()
            m.OrderLine.update(seller_sku=m.OrderLine.sku).where(m.OrderLine.sku != "").execute()
            m.OrderLine.update(seller_sku=m.OrderLine.product_id).where(m.OrderLine.sku == "").execute()
        finally:
            close_database()
        ids = [str(o.order_id) for o in sb.orders_in_status(220)][:3]
        env = dict(os.environ, TOKODESK_DB=db_url, PYTHONPATH=str(ROOT),
                   **env_keyring({"shop:client_secret": cr["client_secret"]}))
        done = subprocess.run([sys.executable, "-c", CHILD, "orders", "ack", *ids, "--json"], env=env, cwd=str(ROOT),
                              capture_output=True, text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        assert [r["ok"] for r in json.loads(done.stdout)] == [True] * 3
        assert all(sb.order(int(i)).status == 400 for i in ids)
        calls = len(sb.request_log)
        packed = subprocess.run([sys.executable, "-c", CHILD, "orders", "pack", *ids, "--json"], env=env,
                                cwd=str(ROOT), capture_output=True, text=True, timeout=120, check=False)
        assert packed.returncode == 0, packed.stderr[-2000:]
        assert [r["ok"] for r in json.loads(packed.stdout)] == [True] * 3
        assert len(sb.request_log) == calls  # packing is local
    loaded = json.loads(done.stderr.strip().splitlines()[-1])
    assert {"requests", "peewee", "keyring"} <= set(loaded)  # it did talk to the marketplace and the store
    assert [name for name in loaded if name.split(".")[0] in NOT_NEEDED or name.startswith(NOT_NEEDED)] == []
    loaded = json.loads(packed.stderr.strip().splitlines()[-1])
    local = (*NOT_NEEDED, "requests", "urllib3", "tokodesk.marketplace.tokopedia", "keyring", "jaraco",
             "importlib_metadata", "tokodesk.marketplace.records")
    assert "peewee" in loaded
    assert [name for name in loaded if name.split(".")[0] in local or name.startswith(local)] == []


def test_help_and_version_load_neither_keyring_nor_the_store(tmp_path):
    env = dict(os.environ, TOKODESK_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    for argv in (["--help"], ["--version"], ["orders", "--help"], ["labels", "--help"]):
        done = subprocess.run([sys.executable, "-c", CHILD, *argv], env=env, cwd=str(ROOT), capture_output=True,
                              text=True, timeout=120, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        assert "tokodesk" in done.stdout.lower()
        loaded = json.loads(done.stderr.strip().splitlines()[-1])
        heavy = ("keyring", "requests", "psycopg", "PySide6", "tokodesk.store.models", "tokodesk.credentials",
                 "tokodesk.marketplace.records")
        assert [name for name in loaded if name.split(".")[0] in heavy or name.startswith(heavy)] == [], argv
