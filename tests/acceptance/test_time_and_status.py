"""Complaints 6, 8 and 14 (field-anchors §4): orders missed or dated wrong by timezone math, silent background
jobs, and orders handled in Seller Center. Both sandbox dialects, through the CLI."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.acceptance.conftest import NAME
from tokodesk import credentials
from tokodesk.config import WIB
from tokodesk.documents import fmt
from tokodesk.sandbox import Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.store import models as m


def stored_id(shop, order) -> str:  # noqa: ANN001
    return str(order.order_id) if shop.dialect == "tokopedia" else tj.order_id(order)


def last_utc(shop, hour: int, minute: int) -> datetime:  # noqa: ANN001
    """The latest hh:mm UTC before the shop's now."""
    now = datetime.fromtimestamp(shop.sb.clock.now(), timezone.utc)
    moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return moment if moment < now - timedelta(minutes=5) else moment - timedelta(days=1)


@pytest.mark.parametrize(("utc", "wib"), [((16, 30), "23:30"), ((17, 30), "00:30")])
def test_an_order_placed_late_evening_in_jakarta_is_pulled_and_shown_in_wib_on_its_own_date(shop, utc, wib):
    order = next(o for o in shop.sb.shop.orders.values() if o.status == Status.PAID)
    placed = last_utc(shop, *utc)
    order.create_time = order.update_time = placed.timestamp()
    out = shop.cli_json("sync", "orders")
    assert out["created"] == len(shop.sb.shop.orders)
    row = m.Order.get(m.Order.order_id == stored_id(shop, order))
    assert row.created_at == placed.replace(tzinfo=None)  # stored in UTC
    listed = {o["order_id"]: o for o in shop.cli_json("orders", "list")}
    key = int(row.order_id) if shop.dialect == "tokopedia" else row.order_id
    assert listed[key]["created_at"] == placed.replace(tzinfo=None).isoformat() + "Z"
    local = placed.astimezone(WIB)
    assert local.strftime("%H:%M") == wib
    # What the queue, the label and the packing list print for it (documents.fmt.wib is their one formatter).
    assert fmt.wib(row.created_at) == f"{local:%d/%m/%Y} {wib} WIB"
    assert fmt.wib(row.created_at, with_time=False) == f"{local:%d/%m/%Y}"


def test_every_background_sync_leaves_a_log_row_with_its_errors(shop):
    out = json.loads(shop.cli("sync", "due", "--json")[1])
    kinds = [r["kind"] for r in out]
    assert {"orders", "statuses"} <= set(kinds)
    for summary in out:
        run = m.SyncRun.get_by_id(summary["run_id"])
        assert run.kind == summary["kind"] and run.status == summary["status"] and run.finished_at is not None
    # The secret was changed in the partner console: the next background run fails, and says so in its log row.
    credentials.set_secret(NAME, "client_secret" if shop.dialect == "tokopedia" else "app_secret", "wrong-secret")
    shop.sb.expire_tokens()
    # Everything due again, the daily reconciliation too whatever the hour (its slot is a time of day: two hours back
    # made it due again only in the two hours after 06:00 WIB, and then its failure had no log row).
    m.SyncRun.update(started_at=m.utcnow() - timedelta(days=2)).execute()
    code, text, _ = shop.cli("sync", "due", "--json")
    failed = [r for r in json.loads(text) if r["status"] == "failed"]
    assert code == 1 and {"orders", "statuses", "recon"} <= {r["kind"] for r in failed}
    for summary in failed:
        run = m.SyncRun.get_by_id(summary["run_id"])
        assert run.status == "failed" and run.errors and run.finished_at is not None
        assert "wrong-secret" not in json.dumps(run.errors)


def test_orders_handled_in_seller_center_are_pulled_back_and_flagged(pulled):
    sb = pulled.sb
    to_cancel, to_ship = [o for o in sb.shop.orders.values() if o.status in (Status.PAID, Status.ACCEPTED)
                          and not o.courier.own][:2]
    sb.force_status(to_cancel.order_id, Status.REJECTED)
    sb.force_status(to_ship.order_id, Status.SHIPPED)
    out = pulled.cli_json("sync", "statuses")
    assert out["status"] == "ok"
    listed = {str(o["order_id"]): o for o in pulled.cli_json("orders", "list")}
    cancelled, shipped = listed[stored_id(pulled, to_cancel)], listed[stored_id(pulled, to_ship)]
    assert cancelled["state"] == "cancelled" and cancelled["changed_outside"]
    assert shipped["state"] == "shipped" and shipped["changed_outside"]
    code, text, _ = pulled.cli("sync", "statuses")
    assert code == 0
