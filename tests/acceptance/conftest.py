"""A sandbox shop in each dialect with a channel added the way a seller adds it (through the CLI), for the
acceptance tests of research/field-anchors.md §4 and §5. See README.md here for the complaint → test map."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from tests.integration.tiktokshop_setup import add_and_authorize
from tokodesk.cli import main
from tokodesk.sandbox import Sandbox
from tokodesk.store import models as m
from tokodesk.store.connection import close_database

NAME = "Toko"
DIALECTS = ("tokopedia", "tiktokshop")


@dataclass
class Shop:
    """The sandbox, the channel's name, and a way to run `tokodesk …` as a seller types it."""

    sb: Sandbox
    dialect: str
    capsys: Any

    @property
    def channel(self) -> m.Channel:
        return m.Channel.get(m.Channel.name == NAME)

    def now(self) -> datetime:
        return datetime.fromtimestamp(self.sb.clock.now(), timezone.utc).replace(tzinfo=None)

    def cli(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(list(args))
        captured = self.capsys.readouterr()
        return code, captured.out, captured.err

    def cli_json(self, *args: str, code: int = 0) -> Any:
        got, out, err = self.cli(*args, "--json")
        assert got == code, (args, out, err)
        return json.loads(out)


def add_tokopedia(sb: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    cr = sb.credentials
    monkeypatch.setattr(sys, "stdin", io.StringIO(cr["client_secret"] + "\n"))
    assert main(["channel", "add", NAME, "--fs-id", str(cr["fs_id"]), "--client-id", cr["client_id"],
                 "--shop-id", str(cr["shop_id"]), "--client-secret-stdin", "--api-base", sb.url,
                 "--auth-url", sb.url]) == 0


def make_shop(dialect: str, monkeypatch: pytest.MonkeyPatch, capsys: Any, **sandbox: Any) -> Any:
    options = {"seed": 21, "products": 10, "orders": 30, "days": 2.0, "freeze_clock": True, **sandbox}
    sb = Sandbox(dialect=dialect, **options).start()
    if dialect == "tokopedia":
        add_tokopedia(sb, monkeypatch)
    else:
        add_and_authorize(sb, monkeypatch, capsys, NAME)
    capsys.readouterr()
    return Shop(sb, dialect, capsys)


@pytest.fixture(params=DIALECTS)
def shop(request, monkeypatch, capsys):
    """A fresh sandbox shop in `request.param`'s dialect with its channel added (nothing pulled yet)."""
    made = make_shop(request.param, monkeypatch, capsys)
    yield made
    made.sb.stop()
    close_database()


@pytest.fixture
def pulled(shop):
    """The shop with its SKUs pulled (a seller SKU made and mapped for each) and its orders pulled."""
    assert shop.cli_json("sync", "skus")["status"] == "ok"
    assert shop.cli_json("sync", "orders")["status"] == "ok"
    return shop


def ago(shop: Shop, **delta: float) -> datetime:
    return shop.now() - timedelta(**delta)
