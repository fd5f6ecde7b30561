"""A split order (one order shipped as several packages on Tokopedia & Shop) as the seller handles it, on both
databases, through the sandbox's TikTok Shop dialect.

Packing: the order's Pack and the pack station's per-parcel Pack must agree. Packing the order as a whole packs every
parcel still to pack (a parcel packed earlier keeps who packed it and when); packing its last parcel packs the order.
Either way the order says packed exactly when every one of its parcels does.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.test_tiktokshop_packages import in_seller_center, multi_line, requests_per_package, stored
from tests.integration.tiktokshop_setup import add_and_authorize, sb, shop_now  # noqa: F401 - fixtures
from tokodesk.cli import main
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services.packages import packages_of
from tokodesk.store import models as m
from tokodesk.store.connection import close_database

PACKED = ("packed", "ready_to_ship")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.system)])
def shop(request, sb, monkeypatch, capsys):  # noqa: ANN001, ANN201, F811
    """The seller's channel on each database TokoDesk supports, and its adapter."""
    from tokodesk.marketplace.tiktokshop import TikTokShopClient

    if request.param == "postgresql":
        monkeypatch.setenv("TOKODESK_DB", request.getfixturevalue("pg_url"))
    channel = add_and_authorize(sb, monkeypatch, capsys)
    assert ("postgres" in type(m.db.obj).__name__.lower()) == (request.param == "postgresql")
    m.Channel.update(order_sync_from=shop_now(sb) - timedelta(days=8)).where(m.Channel.id == channel.id).execute()
    client = TikTokShopClient.from_channel(m.Channel.get_by_id(channel.id), timeout=10, sleep=sb.clock.advance)
    yield m.Channel.get_by_id(channel.id), client
    client.close()
    close_database()


def split_order(sb, shop) -> tuple[m.Order, list[str]]:  # noqa: ANN001, F811
    """A waiting order the seller split in Seller Center (one package per line), pulled into TokoDesk."""
    channel, client = shop
    [o] = multi_line(sb)
    ids = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    pulled(sb, channel, client)
    order = stored(o)
    assert sorted(p.package_id for p in packages_of(order)) == sorted(ids)
    return order, sorted(ids)


def parcels(order: m.Order) -> dict[str, tuple[bool, str]]:
    """Each package of the order: (packed, by whom)."""
    return {p.package_id: (p.packed_at is not None, p.packed_by) for p in packages_of(order)}


def agrees(order: m.Order) -> bool:
    """The order says packed exactly when every one of its parcels does."""
    order = m.Order.get_by_id(order.id)
    return (order.state in PACKED) == all(packed for packed, _ in parcels(order).values())


def cli(capsys, *args: str) -> list[dict]:  # noqa: ANN001
    capsys.readouterr()
    main([*args, "--json"])
    return json.loads(capsys.readouterr().out)


def test_packing_a_split_order_as_a_whole_packs_every_parcel(sb, shop, capsys):  # noqa: F811
    order, (first, second) = split_order(sb, shop)
    assert agrees(order)

    [result] = cli(capsys, "orders", "pack", order.invoice)
    assert result["ok"] and result["state"] in PACKED, result
    row = m.Order.get_by_id(order.id)
    assert parcels(order) == {first: (True, row.packed_by), second: (True, row.packed_by)}
    assert agrees(order)

    # The pack station then scans one of its parcels: packed already, nothing changes.
    [again] = cli(capsys, "orders", "pack", second)
    assert not again["ok"] and "already packed" in again["error"]
    assert m.Order.get_by_id(order.id).version == row.version
    # The command line shows each parcel as packed.
    listed = {o["order_id"]: o for o in cli(capsys, "orders", "list")}
    assert [p["packed"] for p in listed[order.order_id]["packages"]] == [True, True]


def test_whole_order_pack_after_one_parcel_packs_the_rest_and_keeps_the_first(sb, shop, capsys, monkeypatch):  # noqa: F811
    order, (first, second) = split_order(sb, shop)
    monkeypatch.setenv("TOKODESK_STATION", "meja-1")
    [one] = cli(capsys, "orders", "pack", second)
    assert one["ok"] and one["state"] == "acknowledged"
    packed_first = m.Package.get(m.Package.package_id == second).packed_at
    assert parcels(order)[second][0] and not parcels(order)[first][0]
    assert agrees(order)

    monkeypatch.setenv("TOKODESK_STATION", "meja-2")
    [whole] = cli(capsys, "orders", "pack", order.order_id)
    assert whole["ok"] and whole["state"] in PACKED, whole
    kept = m.Package.get(m.Package.package_id == second)
    assert (kept.packed_at, kept.packed_by) == (packed_first, parcels(order)[second][1])
    assert parcels(order)[first] == (True, m.Order.get_by_id(order.id).packed_by)
    assert parcels(order)[first][1] != parcels(order)[second][1], "each parcel says who packed it"
    assert agrees(order)
    # And it ships as one: every parcel once.
    [shipped] = cli(capsys, "orders", "ship", order.order_id)
    assert shipped["ok"] and shipped["state"] == "awaiting_pickup", shipped
    assert requests_per_package(sb) == {first: 1, second: 1}


def test_packing_the_last_parcel_packs_the_order(sb, shop, capsys):  # noqa: F811
    order, (first, second) = split_order(sb, shop)
    [one] = cli(capsys, "orders", "pack", first)
    assert one["ok"] and one["state"] == "acknowledged" and agrees(order)
    [last] = cli(capsys, "orders", "pack", second)
    assert last["ok"] and last["state"] in PACKED and agrees(order)
    # The whole order's Pack then has nothing left to do.
    [whole] = cli(capsys, "orders", "pack", order.invoice)
    assert not whole["ok"] and "Already packed" in whole["error"]
