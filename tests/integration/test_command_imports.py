"""A short command loads what it uses: `tokodesk orders ack` on SQLite for a Tokopedia channel, the real CLI in its
own process against the sandbox, accepts the orders without loading the PostgreSQL driver, the label renderer, the
other marketplace's client or Qt (each is a tenth of a second or more of every start; a batch runs three such
processes). `tokodesk orders pack`, local only, does not even load the marketplace's client (nor requests) when no
earlier request is left open to resume."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.sandbox import Sandbox
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database

ROOT = Path(__file__).resolve().parents[2]
NOT_NEEDED = ("psycopg", "reportlab", "PySide6", "tokodesk.marketplace.tiktokshop", "tokodesk.documents")

# The `tokodesk` entry point with the sandbox's secret in an in-memory keyring (never the desktop's), then the
# names of every module the process loaded, on stderr's last line.
CHILD = """
import json, os, sys
from tests.doubles import use_memory_keyring
use_memory_keyring()
from tokodesk import credentials
credentials.set_client_secret("shop", os.environ.pop("SANDBOX_SECRET"))
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
        env = dict(os.environ, TOKODESK_DB=db_url, SANDBOX_SECRET=cr["client_secret"], PYTHONPATH=str(ROOT))
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
    assert "requests" in loaded and "peewee" in loaded  # it did talk to the marketplace and the store
    assert [name for name in loaded if name.split(".")[0] in NOT_NEEDED or name.startswith(NOT_NEEDED)] == []
    loaded = json.loads(packed.stderr.strip().splitlines()[-1])
    local = (*NOT_NEEDED, "requests", "urllib3", "tokodesk.marketplace.tokopedia")
    assert "peewee" in loaded
    assert [name for name in loaded if name.split(".")[0] in local or name.startswith(local)] == []
