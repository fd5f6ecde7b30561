"""`tokodesk orders pack PACKAGE` packs that one parcel of a split order, as the pack station's scan does (issue 21
per package), on the sandbox's Tokopedia & Shop dialect: the other package stays unpacked, the order is packed with
its last parcel, and then ships each package once."""

from __future__ import annotations

import json

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.test_tiktokshop_packages import in_seller_center, multi_line, requests_per_package, stored
from tests.integration.tiktokshop_setup import channel, client, sb  # noqa: F401 - fixtures
from tokodesk.cli import main
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.store import models as m


def _packed() -> dict[str, bool]:
    return {p.package_id: p.packed_at is not None for p in m.Package.select()}


def test_orders_pack_by_package_packs_that_parcel_only(sb, channel, client, capsys):  # noqa: F811
    [o] = multi_line(sb)
    first, second = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    pulled(sb, channel, client)
    order = stored(o)
    capsys.readouterr()

    assert main(["orders", "pack", second, "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["ok"] and result["state"] == "acknowledged" and result["order_id"] == order.order_id
    assert _packed()[second] and not _packed()[first]

    assert main(["orders", "pack", second, "--json"]) == 2, "a parcel is packed once"
    [again] = json.loads(capsys.readouterr().out)
    assert again["refused"] and "already packed" in again["error"]

    assert main(["orders", "pack", first, "--json"]) == 0
    [last] = json.loads(capsys.readouterr().out)
    assert last["ok"] and last["state"] in ("packed", "ready_to_ship")

    assert main(["orders", "ship", order.order_id, "--json"]) == 0
    assert requests_per_package(sb) == {first: 1, second: 1}


def test_an_order_key_still_packs_the_whole_order(sb, channel, client, capsys):  # noqa: F811
    [o] = multi_line(sb)
    first, second = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    pulled(sb, channel, client)
    order = stored(o)
    assert main(["orders", "pack", order.invoice, "--json"]) == 0, "the order named is the seller's choice"
    assert m.Order.get_by_id(order.id).state in ("packed", "ready_to_ship")
    assert main(["orders", "pack", "NO-SUCH-PARCEL"]) == 2
    assert "NO-SUCH-PARCEL" in capsys.readouterr().err


def test_the_item_check_of_a_package_lists_that_packages_items_only(sb, channel, client):  # noqa: F811
    from tokodesk.services.pack_check import load_check

    [o] = multi_line(sb)
    # Seller Center's default split: one package per line; the marketplace says which units each package holds.
    first, second = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))[:2]
    pulled(sb, channel, client)
    order = stored(o)
    lines = list(order.lines.order_by(m.OrderLine.line_no))
    whole = load_check(order.id)
    assert [(ln.sku, ln.quantity) for ln in whole.lines] == [(ln.seller_sku, ln.quantity) for ln in lines]
    by_package = {}
    for package_id in (first, second):
        check = load_check(order.id, package_id)
        assert check.package_lines_known and check.package_id == package_id
        by_package[package_id] = [(ln.sku, ln.quantity) for ln in check.lines]
    assert sorted(by_package[first] + by_package[second]) == sorted((ln.seller_sku, ln.quantity) for ln in lines)
    assert by_package[first] and by_package[second], "each parcel holds only its own part of the order"
    # Read again, as after the upgrade that added them (units not stored yet): filled in, one row per package and order.
    m.PackageOrder.update(units=None).execute()
    assert not load_check(order.id, second).package_lines_known
    pulled(sb, channel, client)
    assert load_check(order.id, second).package_lines_known
    assert load_check(order.id, second).lines[0].sku == by_package[second][0][0]
    assert m.PackageOrder.select().where(m.PackageOrder.order == order.id).count() == 2
