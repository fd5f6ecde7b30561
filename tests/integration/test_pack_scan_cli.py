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
