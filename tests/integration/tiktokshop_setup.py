"""Shared set-up of the Tokopedia & Shop end-to-end tests: a sandbox speaking the TikTok Shop dialect, and a channel
added and authorized through the real CLI exactly as a seller does it (DESIGN.md §6)."""

from __future__ import annotations

import io
import re
import sys
from datetime import datetime, timedelta, timezone

import pytest
import requests

from tokodesk.cli import main
from tokodesk.marketplace.tiktokshop import TikTokShopClient
from tokodesk.sandbox import Sandbox, Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.store import models as m
from tokodesk.store.connection import close_database

NAME = "Toko"


@pytest.fixture
def sb():
    with Sandbox(seed=5, products=16, orders=80, dialect="tiktokshop", freeze_clock=True) as box:
        yield box


def add_and_authorize(sb: Sandbox, monkeypatch, capsys, name: str = NAME) -> m.Channel:
    cr = sb.credentials
    monkeypatch.setattr(sys, "stdin", io.StringIO(cr["app_secret"] + "\n"))
    assert main(["channel", "add", name, "--marketplace", "tiktokshop", "--app-key", cr["app_key"],
                 "--app-secret-stdin", "--service-id", cr["service_id"], "--api-base", sb.url,
                 "--auth-url", sb.url]) == 0
    added = capsys.readouterr().out
    assert "Tokopedia & Shop" in added and f"channel authorize {name}" in added
    # Without a code the command prints the consent link; the seller opens it and pastes where it landed.
    assert main(["channel", "authorize", name]) == 0
    link = re.search(r"http://\S+", capsys.readouterr().out).group(0)
    landed = requests.get(link, allow_redirects=False, timeout=10).headers["Location"]
    assert main(["channel", "authorize", name, "--redirect-url", landed]) == 0
    assert "Linked" in capsys.readouterr().out
    # These tests model a seller who turned TokoDesk's own labels back on (a new Tokopedia & Shop channel starts
    # with the marketplace's label); the tests of the marketplace label turn it on themselves.
    m.Channel.update(use_marketplace_label=False).where(m.Channel.name == name).execute()
    return m.Channel.get(m.Channel.name == name)


@pytest.fixture
def channel(sb, monkeypatch, capsys):
    ch = add_and_authorize(sb, monkeypatch, capsys)
    # The sandbox shop has a week of orders; pull all of it.
    m.Channel.update(order_sync_from=shop_now(sb) - timedelta(days=8)).where(m.Channel.id == ch.id).execute()
    yield m.Channel.get_by_id(ch.id)
    close_database()


@pytest.fixture
def client(sb, channel):
    # The channel's own adapter, waiting on the shop clock (frozen: a back-off costs no real time).
    c = TikTokShopClient.from_channel(channel, timeout=10, sleep=sb.clock.advance)
    yield c
    c.close()


def shop_now(sb: Sandbox) -> datetime:
    return datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None)


def fresh(row):  # noqa: ANN001, ANN201
    return type(row).get_by_id(row.id)


def shop_order(sb: Sandbox, order: m.Order):  # noqa: ANN201
    return sb.order(tj.decode(order.order_id, tj.ORDER_BASE))


def to_ship(sb: Sandbox, n: int, placed_since: datetime | None = None) -> list[m.Order]:
    """`n` stored orders the marketplace has in AWAITING_SHIPMENT, on a platform courier, with no buyer request
    (placed at or after `placed_since`, naive UTC, when given)."""
    ids = [tj.order_id(o) for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)
           if not o.courier.own and o.cancel_request is None and sb.dialect.order_status(o) == "AWAITING_SHIPMENT"]
    orders = [m.Order.get(m.Order.order_id == i) for i in ids]
    if placed_since is not None:
        orders = [o for o in orders if o.created_at >= placed_since]
    assert len(orders) >= n, f"the generated shop has {len(orders)} orders to ship, the test needs {n}"
    return orders[:n]
