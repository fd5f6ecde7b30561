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
    capsys.readouterr()
    assert main(["orders", "list", "--state", "acknowledged"]) == 0
    [line] = [ln for ln in capsys.readouterr().out.splitlines() if ln.startswith(order.invoice or order.order_id)]
    assert line.endswith("1 of 2 parcels packed"), line
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


# ---- shipping: every parcel or none ------------------------------------------------------------------------------
# Ship Package answers per package, and the marketplace may refuse one parcel (overweight, too big: "you may cancel
# the order without penalty") while it accepts another. A split order half shipped can no longer be cancelled
# (Cancel Order: 25001045), so its other half is stuck. TokoDesk stops at the first refusal: the rest is not sent.

def _shop_status(sb, order: m.Order) -> str:  # noqa: ANN001, F811
    return sb.dialect.order_status(sb.order(tj.decode(order.order_id, tj.ORDER_BASE)))


def test_a_parcel_the_marketplace_refuses_leaves_the_whole_order_unshipped(sb, shop, capsys):  # noqa: F811
    order, (first, second) = split_order(sb, shop)
    assert cli(capsys, "orders", "pack", order.invoice)[0]["ok"]
    sb.dialect.refuse_shipping(first)  # overweight

    [result] = cli(capsys, "orders", "ship", order.order_id)
    assert not result["ok"] and "overweight" in result["error"], result
    assert requests_per_package(sb) == {first: 1}, "the other parcel was never sent"
    assert _shop_status(sb, order) == "AWAITING_SHIPMENT"
    row = m.Order.get_by_id(order.id)
    assert row.state in PACKED and row.action_failed and "overweight" in row.problem
    # Nothing of it left the shop: the seller can still cancel it, as the marketplace's message offers.
    [cancelled] = cli(capsys, "orders", "cancel", order.order_id, "--reason-code",
                      "seller_cancel_reason_out_of_stock", "--reason", "Stok habis")
    assert cancelled["ok"] and cancelled["state"] == "cancelled", cancelled


def test_a_split_order_shipped_with_others_in_one_batch_is_never_half_shipped(sb, shop, capsys):  # noqa: F811
    order, (first, second) = split_order(sb, shop)
    other = next(o for o in m.Order.select().where((m.Order.state == "acknowledged") & (m.Order.id != order.id)
                                                   & ~m.Order.seller_ships)
                 if len(packages_of(o)) == 1 and _shop_status(sb, o) == "AWAITING_SHIPMENT")
    [other_package] = [p.package_id for p in packages_of(other)]
    assert all(r["ok"] for r in cli(capsys, "orders", "pack", order.order_id, other.order_id))
    sb.dialect.refuse_shipping(first)

    results = {r["order_id"]: r for r in cli(capsys, "orders", "ship", order.order_id, other.order_id)}
    assert not results[order.order_id]["ok"] and results[other.order_id]["ok"], results
    assert requests_per_package(sb) == {first: 1, other_package: 1}
    assert _shop_status(sb, order) == "AWAITING_SHIPMENT"
    assert m.Order.get_by_id(order.id).state in PACKED


def test_a_refusal_after_a_parcel_shipped_says_so_and_the_rest_ships_when_allowed(sb, shop, capsys):  # noqa: F811
    order, (first, second) = split_order(sb, shop)
    assert cli(capsys, "orders", "pack", order.invoice)[0]["ok"]
    sb.dialect.refuse_shipping(second, 21008044)  # an item of the second parcel has an after-sale request
    [result] = cli(capsys, "orders", "ship", order.order_id)
    assert not result["ok"] and "after-sale" in result["error"]
    row = m.Order.get_by_id(order.id)
    # The first parcel went before the marketplace refused the second: the order says it is half shipped.
    assert row.state == "partly_shipped" and _shop_status(sb, order) == "PARTIALLY_SHIPPING"
    assert "after-sale" in row.problem
    [refused] = cli(capsys, "orders", "cancel", order.order_id, "--reason-code",
                    "seller_cancel_reason_out_of_stock", "--reason", "Stok habis")
    assert not refused["ok"], "a half shipped order cannot be cancelled"
    from tokodesk.marketplace.base import MarketplaceError

    with pytest.raises(MarketplaceError) as err:
        shop[1].api.call("POST", "/return_refund/202309/cancellations", idempotent=False,
                         body={"order_id": order.order_id, "cancel_reason": "seller_cancel_reason_out_of_stock"})
    assert err.value.error_code == "25001045"
    # Once the buyer's request is settled, Ship sends only the parcel still waiting.
    sb.dialect.book.refusals.clear()
    [rest] = cli(capsys, "orders", "ship", order.order_id)
    assert rest["ok"] and rest["state"] == "awaiting_pickup", rest
    assert requests_per_package(sb) == {first: 1, second: 2}


def test_a_combined_parcel_is_not_shipped_while_another_of_its_orders_is_unpacked(sb, shop, capsys):  # noqa: F811
    from tests.integration.test_tiktokshop_packages import same_buyer

    channel, client = shop
    first, second = same_buyer(sb)
    package = in_seller_center(sb, sb.dialect.combine_orders, [tj.order_id(first), tj.order_id(second)])
    pulled(sb, channel, client)
    one, two = stored(first), stored(second)
    assert cli(capsys, "orders", "pack", one.order_id)[0]["ok"]
    # Shipping one ships the parcel, and the parcel carries the other order too: not before it is packed.
    [refused] = cli(capsys, "orders", "ship", one.order_id)
    assert not refused["ok"] and two.invoice in refused["error"] and "not packed" in refused["error"], refused
    assert requests_per_package(sb) == {}
    assert cli(capsys, "orders", "pack", two.order_id)[0]["ok"]
    [shipped] = cli(capsys, "orders", "ship", one.order_id)
    assert shipped["ok"] and requests_per_package(sb) == {package: 1}
    assert m.Order.get_by_id(two.id).state == "awaiting_pickup"


def test_ship_of_a_half_packed_split_order_says_which_parcel_is_left(sb, shop, capsys):  # noqa: F811
    order, (first, second) = split_order(sb, shop)
    assert cli(capsys, "orders", "pack", second)[0]["ok"]
    [refused] = cli(capsys, "orders", "ship", order.order_id)
    assert not refused["ok"] and "1 of 2 parcels" in refused["error"] and first in refused["error"], refused
    assert requests_per_package(sb) == {}


def test_split_in_seller_center_after_packing_puts_the_order_back_to_pack(sb, shop, capsys):  # noqa: F811
    from tokodesk.services import statuses

    channel, client = shop
    [o] = multi_line(sb)
    pulled(sb, channel, client)
    order = stored(o)
    assert cli(capsys, "orders", "pack", order.order_id)[0]["ok"]
    assert agrees(order)
    # The seller splits it in Seller Center: the one parcel packed is now two packages, two labels.
    first, second = sorted(in_seller_center(sb, sb.dialect.split_order, tj.order_id(o)))
    statuses.refresh_statuses(m.Channel.get_by_id(channel.id), client, now=shop_now(sb))
    row = m.Order.get_by_id(order.id)
    assert sorted(parcels(order)) == [first, second]
    assert row.state == "acknowledged" and row.packed_at is None, "its parcels are not the ones packed"
    assert row.changed_outside and agrees(order)
    events = [e.detail for e in m.OrderEvent.select().where(m.OrderEvent.order == order.id)]
    assert any("pack each parcel again" in e for e in events), events
    # Packed again, it ships both parcels.
    assert cli(capsys, "orders", "pack", order.order_id)[0]["ok"] and agrees(order)
    [shipped] = cli(capsys, "orders", "ship", order.order_id)
    assert shipped["ok"] and requests_per_package(sb) == {first: 1, second: 1}
