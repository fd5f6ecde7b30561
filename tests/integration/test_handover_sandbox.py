"""The handover scan end to end on the sandbox's Tokopedia & Shop dialect (issue 18.3): orders pulled and shipped
through TokoDesk, then each parcel scanned by the tracking number the marketplace gave its package — a split order is
two parcels, each expected and scanned on its own; what is left unscanned is listed before the courier leaves."""

from __future__ import annotations

import json

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.test_tiktokshop_packages import in_seller_center, multi_line, stored
from tests.integration.tiktokshop_setup import channel, client, fresh, sb, to_ship  # noqa: F401 - fixtures
from tokodesk.cli import main
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.services.packages import packages_of
from tokodesk.store import models as m


def test_each_package_is_scanned_by_its_tracking_number(sb, channel, client, capsys):  # noqa: F811
    [o] = multi_line(sb)
    first, second = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    pulled(sb, channel, client)
    split = stored(o)
    courier = split.courier
    [other] = [x for x in to_ship(sb, 12) if x.courier == courier and x.id != split.id][:1]
    service = Fulfilment(adapters=lambda c: client)
    service.pack([split, other])
    assert all(r.ok for r in service.ship([split, other]))
    tracking = {p.package_id: p.tracking_number for p in packages_of(fresh(split))}
    assert set(tracking) == {first, second} and all(tracking.values())
    other_code = fresh(other).awb
    assert other_code

    assert main(["handover", "scan", tracking[first].lower(), other_code, "--courier", courier, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [s["outcome"] for s in out["scans"]] == ["ok", "ok"]
    assert out["scans"][0]["invoices"] == [split.invoice]
    missing = {p["code"]: p for p in out["missing"]}
    assert tracking[second] in missing and tracking[first] not in missing and other_code not in missing
    assert missing[tracking[second]]["package_id"] == second

    # The same parcel again: already handed over, at once; another courier's name: not this courier's parcel.
    assert main(["handover", "scan", tracking[first], "--courier", courier]) == 1
    assert "already handed over" in capsys.readouterr().out
    assert main(["handover", "scan", tracking[second], "--courier", "Kurir Lain"]) == 1
    assert f"it goes with {courier}" in capsys.readouterr().out
    assert m.HandoverScan.select().where(m.HandoverScan.outcome == "ok").count() == 2
    assert {e.kind for e in fresh(split).events} >= {"handover_scan"}
