"""Complaints 4, 5, 8 and 10 (field-anchors §4): one bad order or an expired token blocking a pull, duplicate
orders from overlapping pulls, silent background jobs, and re-sync. Both sandbox dialects, through the CLI and the
services the GUI's workers call."""

from __future__ import annotations

import threading

from tokodesk.services.channels import adapter_for
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m


def shop_orders(shop) -> int:  # noqa: ANN001
    return len(shop.sb.shop.orders)


def test_one_bad_order_fails_alone_is_logged_and_is_pulled_once_the_marketplace_serves_it_whole(shop):
    bad = list(shop.sb.shop.orders.values())[3]
    good_quantity = bad.lines[0].quantity
    bad.lines[0].quantity = 0  # the marketplace serves one order the parser must refuse
    out = shop.cli_json("sync", "orders", code=1)
    assert (out["status"], out["failed"], out["created"]) == ("partial", 1, shop_orders(shop) - 1)
    assert len(out["errors"]) == 1 and "order " in out["errors"][0]
    run = m.SyncRun.get_by_id(out["run_id"])
    assert run.status == "partial" and run.errors == out["errors"]

    bad.lines[0].quantity = good_quantity  # fixed on the marketplace side (or by a TokoDesk update)
    again = shop.cli_json("sync", "orders")
    assert again["created"] == 1, "the order refused once was never pulled again"
    assert m.Order.select().count() == shop_orders(shop)


def test_an_expired_token_is_renewed_and_the_pull_goes_on(shop):
    assert shop.cli_json("sync", "skus")["status"] == "ok"
    shop.sb.expire_tokens()  # every token issued so far is now refused
    out = shop.cli_json("sync", "orders")
    assert (out["status"], out["created"], out["errors"]) == ("ok", shop_orders(shop), [])


def test_two_overlapping_pulls_at_once_store_each_order_once(shop):
    channel = shop.channel
    start = threading.Barrier(2)
    results: list = []

    def pull() -> None:
        adapter = adapter_for(m.Channel.get_by_id(channel.id))
        try:
            start.wait()
            results.append(pull_orders(m.Channel.get_by_id(channel.id), adapter))
        except Exception as exc:  # noqa: BLE001 - a refusal is an acceptable answer; a crash is reported below
            results.append(exc)
        finally:
            adapter.close()

    threads = [threading.Thread(target=pull) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(results) == 2
    for r in results:
        assert not isinstance(r, Exception) or "already running" in str(r), repr(r)
    summaries = [r for r in results if not isinstance(r, Exception)]
    assert summaries and all(s.status == "ok" for s in summaries), [s.errors for s in summaries]
    stored = [o.order_id for o in m.Order.select()]
    assert len(stored) == len(set(stored)) == shop_orders(shop)
    assert sum(s.created for s in summaries) == shop_orders(shop)
    lines = m.OrderLine.select().count()
    assert shop.cli_json("sync", "orders")["created"] == 0 and m.OrderLine.select().count() == lines
