"""`tokodesk channel add|test|show|remove` against the sandbox shop over loopback."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime, timedelta, timezone

import pytest

from tokodesk.cli import main
from tokodesk.sandbox.app import Sandbox


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(seed=11, products=6, orders=20) as sb:
        yield sb


def add(sandbox, name="Toko", secret=None, shop_id=None, monkeypatch=None, extra=()):
    creds = sandbox.credentials
    monkeypatch.setattr(sys, "stdin", io.StringIO((secret or creds["client_secret"]) + "\n"))
    return main(["channel", "add", name, "--fs-id", str(creds["fs_id"]), "--client-id", creds["client_id"],
                 "--shop-id", str(shop_id or creds["shop_id"]), "--client-secret-stdin",
                 "--api-base", sandbox.url, "--auth-url", sandbox.url, *extra])


def test_add_then_test_shows_the_shop_name(sandbox, monkeypatch, capsys, memory_keyring):
    assert add(sandbox, monkeypatch=monkeypatch) == 0
    assert ("tokodesk", "Toko:client_secret") in memory_keyring.store
    assert main(["channel", "test", "Toko"]) == 0
    out = capsys.readouterr().out
    assert "OK: connected to" in out
    assert main(["channel", "show", "Toko", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["shop_name"] and shown["marketplace"] == "tokopedia"
    assert sandbox.credentials["client_secret"] not in json.dumps(shown)
    # the token fetched by `channel test`: its expiry is shown (Tokopedia: two weeks), the token itself never is
    expires = datetime.fromisoformat(shown["token_expires_at"])
    assert timedelta(days=13) < expires - datetime.now(timezone.utc) <= timedelta(days=14, minutes=1)
    token = memory_keyring.store[("tokodesk", "Toko:token")]
    assert json.loads(token)["access_token"] not in json.dumps(shown)
    assert main(["channel", "show", "Toko"]) == 0
    text = capsys.readouterr().out
    assert "Access token expires: " in text and " WIB" in text
    assert "Marketplace: tokopedia" in text and "\nmarketplace:" not in text


def test_wrong_secret_is_named(sandbox, monkeypatch, capsys):
    assert add(sandbox, name="Salah", secret="not-the-secret", monkeypatch=monkeypatch) == 0
    assert main(["channel", "test", "Salah"]) == 1
    err = capsys.readouterr().err.lower()
    assert "credentials problem" in err and ("secret" in err or "client id" in err)
    assert "not-the-secret" not in err


def test_shop_not_linked_is_named(sandbox, monkeypatch, capsys):
    assert add(sandbox, name="Lain", shop_id=999999, monkeypatch=monkeypatch) == 0
    assert main(["channel", "test", "Lain"]) == 1
    assert "not linked" in capsys.readouterr().err


def test_unreachable_host_is_named(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("secret-123\n"))
    assert main(["channel", "add", "Mati", "--fs-id", "1", "--client-id", "c", "--shop-id", "2",
                 "--client-secret-stdin", "--api-base", "http://127.0.0.1:9", "--auth-url", "http://127.0.0.1:9"]) == 0
    assert main(["channel", "test", "Mati"]) == 1
    assert "Cannot reach" in capsys.readouterr().err


def test_sync_from_older_than_the_api_serves_is_refused(sandbox, monkeypatch, capsys):
    old = (datetime.now(timezone.utc) - timedelta(days=10)).date().isoformat()
    assert add(sandbox, name="Lama", monkeypatch=monkeypatch, extra=["--order-sync-from", old]) == 2
    assert "3 days" in capsys.readouterr().err
    assert main(["channel", "list", "--json"]) == 0
    assert "Lama" not in capsys.readouterr().out  # nothing half-written


def test_duplicate_name_and_remove(sandbox, monkeypatch, capsys, memory_keyring):
    assert add(sandbox, name="Dua", monkeypatch=monkeypatch) == 0
    assert add(sandbox, name="Dua", monkeypatch=monkeypatch) == 2
    assert "exists already" in capsys.readouterr().err
    assert main(["channel", "remove", "Dua"]) == 2
    assert main(["channel", "remove", "Dua", "--yes"]) == 0
    assert ("tokodesk", "Dua:client_secret") not in memory_keyring.store
