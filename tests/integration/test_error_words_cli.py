"""The command line names a marketplace error in words, and keeps an unknown one's own text with its code."""

from __future__ import annotations

import io
import sys

import pytest

from tokodesk.cli import main
from tokodesk.sandbox.app import Sandbox
from tokodesk.sandbox.server import Response


@pytest.fixture
def sandbox():
    with Sandbox(seed=12, products=4, orders=5) as sb:
        yield sb


def _channel(sandbox, monkeypatch, name):
    creds = sandbox.credentials
    monkeypatch.setattr(sys, "stdin", io.StringIO(creds["client_secret"] + "\n"))
    assert main(["channel", "add", name, "--fs-id", str(creds["fs_id"]), "--client-id", creds["client_id"],
                 "--shop-id", str(creds["shop_id"]), "--client-secret-stdin",
                 "--api-base", sandbox.url, "--auth-url", sandbox.url]) == 0


def _refuse(sandbox, status, code, reason):
    original = sandbox.dialect.handle

    def refuse(method, path, query, headers, body):
        if "shop-info" in path:
            return Response.json(status, {"header": {"process_time": 0, "messages": "fail", "reason": reason,
                                                     "error_code": code}, "data": None})
        return original(method, path, query, headers, body)

    sandbox.dialect.handle = refuse


def test_known_code_in_words(sandbox, monkeypatch, capsys, memory_keyring):
    _channel(sandbox, monkeypatch, "Toko")
    _refuse(sandbox, 400, "ORD_API_006", "Our server encounters an error")
    assert main(["channel", "test", "Toko"]) == 1
    err = capsys.readouterr().err
    assert "Tokopedia's own service had an error. Try again in a few minutes." in err
    assert "ORD_API_006" not in err


def test_unknown_code_keeps_its_text_and_code(sandbox, monkeypatch, capsys, memory_keyring):
    _channel(sandbox, monkeypatch, "Toko")
    _refuse(sandbox, 400, "SHP_USC_777", "Shop is under maintenance")
    assert main(["channel", "test", "Toko"]) == 1
    err = capsys.readouterr().err
    assert "The marketplace refused the request. Its own words: Shop is under maintenance (code SHP_USC_777)" in err
