"""The platform's order of work on the sandbox's Tokopedia & Shop dialect (issue 16.4): the SLA fields as the API
gives them, stored by a pull, and the order the queue's rows then sort in."""

from __future__ import annotations

from collections import Counter

from tests.integration.tiktokshop_setup import channel, client, sb, shop_now  # noqa: F401 - fixtures
from tokodesk.sandbox import Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m
from tokodesk.ui import queries as q


def test_the_sandbox_gives_the_sla_fields_realistically(sb, client):  # noqa: F811
    raws = client.order_details([tj.order_id(o) for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)][:50])
    levels = Counter(r.get("fulfillment_priority_level") for r in raws)
    assert levels[100] and (levels[200] + levels[300]), levels  # Instant and Same-day orders among them
    for raw in raws:
        if raw["status"] == "UNPAID":
            assert "tts_sla_time" not in raw and "paid_time" not in raw
            continue
        if raw.get("shipping_type") == "SELLER":
            assert "fulfillment_priority_level" not in raw
            continue
        assert raw["fulfillment_priority_level"] in (100, 200, 300, 400, 500, 600, 700, 800)
        assert raw["paid_time"] <= raw["rts_sla_time"] <= raw["tts_sla_time"] == raw["pick_up_cut_off_time"]
        if raw["fulfillment_priority_level"] == 100:
            assert raw["tts_sla_time"] - raw["paid_time"] <= 3 * 3600 and raw["delivery_option_name"] == "Instant"


def test_a_pull_stores_them_and_the_queue_rows_follow_the_platforms_rule(sb, channel, client):  # noqa: F811
    pull_orders(channel, client, now=shop_now(sb))
    to_ship = list(m.Order.select().where(m.Order.marketplace_status == "AWAITING_SHIPMENT",
                                          m.Order.priority_level.is_null(False)))
    assert to_ship and all(o.tts_sla_time is not None and o.ship_deadline == o.tts_sla_time for o in to_ship)
    assert any(o.priority_level == 100 for o in m.Order.select())

    rows = sorted(q.order_rows(channel.id), key=lambda r: r[q.R_WORK])
    work = [r for r in rows if r[q.R_STATE] in ("acknowledged", "packed", "ready_to_ship")]
    keys = [(q.as_datetime(r[q.R_TTS_SLA]), r[q.R_PRIORITY] or 999) for r in work if r[q.R_TTS_SLA]]
    assert len(keys) > 5 and keys == sorted(keys)
    assert rows[: len(work)] == work, "the orders to process come first"
    # ON_HOLD is the buyer's window here: waiting, never a problem.
    held = [r for r in rows if r[q.R_STATE] == "on_hold"]
    assert all(r[q.R_WAITING] for r in held)


def test_orders_list_json_gives_the_ship_by_and_priority(sb, channel, client, capsys):  # noqa: F811
    import json

    from tokodesk.cli import main

    pull_orders(channel, client, now=shop_now(sb))
    capsys.readouterr()
    assert main(["orders", "list", "--json"]) == 0
    listed = {o["order_id"]: o for o in json.loads(capsys.readouterr().out)}
    instant = m.Order.get(m.Order.priority_level == 100)
    assert listed[instant.order_id]["priority_level"] == 100
    assert listed[instant.order_id]["ship_by"] == instant.tts_sla_time.isoformat() + "Z"
