"""The everyday Tokopedia & Shop ship flow against the sandbox (issue 14 item 3, issue 15 item 6's AWB):
seller-shipping orders need their AWB whatever the channel's model, AWBs are checked before they are sent, and a
label prints only with a code the courier can scan."""

from __future__ import annotations

import json

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import (  # noqa: F401 - fixtures
    channel,
    client,
    fresh,
    sb,
    shop_order,
)
from tests.unit.test_documents_support import decode
from tokodesk.cli import main
from tokodesk.sandbox import Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.sandbox.generator import COURIERS
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.store import models as m


def make_seller_shipping(sb, n: int) -> list[str]:  # noqa: ANN001, F811
    """Turn `n` of the shop's orders awaiting shipment into orders its own courier delivers (TikTok Shop
    shipping_type SELLER), as a shop with its own courier in Seller Center has them; their marketplace ids."""
    own = next(c for c in COURIERS if c.own)
    chosen = [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)
              if not o.courier.own and o.cancel_request is None
              and sb.dialect.order_status(o) == "AWAITING_SHIPMENT"][:n]
    assert len(chosen) == n
    for order in chosen:
        order.courier = own
        order.booking_code = ""
    return [tj.order_id(o) for o in chosen]


def test_a_seller_shipping_order_on_a_pickup_channel_asks_for_its_awb_then_ships_with_it(sb, channel, client,  # noqa: F811
                                                                                        capsys, tmp_path):
    ids = make_seller_shipping(sb, 2)
    pulled(sb, channel, client)
    assert fresh(channel).business_model == "pickup"
    one, two = (m.Order.get(m.Order.order_id == i) for i in ids)
    assert one.seller_ships and two.seller_ships
    assert not m.Order.select().where(m.Order.seller_ships & (m.Order.courier != one.courier)).exists()
    keys = [one.order_id, two.order_id]
    assert main(["orders", "pack", *keys]) == 0
    capsys.readouterr()

    # An AWB for an order the marketplace's couriers take is refused before anything is sent.
    platform = next(o for o in m.Order.select().where((m.Order.state == "acknowledged") & ~m.Order.seller_ships
                                                      & ~m.Order.has_unmapped))
    assert main(["orders", "pack", platform.order_id]) == 0
    capsys.readouterr()
    assert main(["orders", "ship", platform.order_id, "--awb", "JP5555555555", "--json"]) == 2
    assert "ship it without an AWB" in json.loads(capsys.readouterr().out)[0]["error"]
    assert not m.Action.select().where(m.Action.order == platform.id).exists()

    # Without an AWB TokoDesk refuses (exit 2), naming what is missing, before anything is sent.
    assert main(["orders", "ship", one.order_id, "--json"]) == 2
    [refused] = json.loads(capsys.readouterr().out)
    assert refused["refused"] and "own courier" in refused["error"] and "AWB" in refused["error"]
    assert not m.Action.select().where(m.Action.order == one.id).exists()
    # Its label is refused too: nothing to scan yet.
    assert main(["labels", one.order_id, "--pdf", str(tmp_path / "none.pdf"), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["without_code"] == [one.order_id]

    # Two AWBs that are the same parcel number in one batch: both refused, nothing sent.
    service = Fulfilment(adapters=lambda c: client)
    results = service.ship([fresh(one), fresh(two)], {one.order_id: "JP1234567890", two.order_id: "jp1234567890"})
    assert all(r.refused and "also given for" in r.error for r in results), results
    assert shop_order(sb, one).status != Status.SHIPPED and shop_order(sb, two).status != Status.SHIPPED

    assert main(["orders", "ship", one.order_id, "--awb", " JP1234567890\n", "--json"]) == 0
    [done] = json.loads(capsys.readouterr().out)
    assert done["ok"], done
    assert fresh(one).awb == "JP1234567890" and shop_order(sb, one).awb == "JP1234567890"
    # The same AWB on another order is refused: one parcel, one AWB.
    assert main(["orders", "ship", two.order_id, "--awb", "JP1234567890", "--json"]) == 2
    assert "already the AWB of order" in json.loads(capsys.readouterr().out)[0]["error"]

    pdf = tmp_path / "label.pdf"
    assert main(["labels", one.order_id, "--pdf", str(pdf), "--mark-printed", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["orders"] == [one.order_id]
    assert ("Code128", "JP1234567890") in decode(pdf.read_bytes())
    assert fresh(one).label_printed_at is not None
