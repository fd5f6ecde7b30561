"""The services and the CLI on a Tokopedia & Shop channel, end to end against the sandbox's TikTok Shop dialect:
channel add + authorize, SKU pull and mapping, order pull, statuses, a token expiring mid-run, the scheduler.
Fulfilment, stock and reconciliation are in test_tiktokshop_fulfilment.py."""

from __future__ import annotations

import json
from collections import Counter

from tests.integration.tiktokshop_setup import (  # noqa: F401 - fixtures
    NAME,
    add_and_authorize,
    channel,
    client,
    fresh,
    sb,
    shop_now,
    shop_order,
)
from tokodesk import credentials
from tokodesk.cli import main
from tokodesk.sandbox import Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services import catalog, scheduler, statuses
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m


def test_channel_add_and_authorize_keep_secrets_in_the_keyring(sb, channel, capsys, memory_keyring):  # noqa: F811
    cr = sb.credentials
    assert (channel.marketplace, channel.shop_cipher, channel.shop_id) == ("tiktokshop", cr["shop_cipher"],
                                                                           cr["shop_id"])
    assert channel.shop_name == sb.shop.shop_name
    token = credentials.load_token(NAME)
    assert token.access_token and token.refresh_token
    stored = {key for _, key in memory_keyring.store}
    assert f"{NAME}:app_secret" in stored
    assert main(["channel", "test", NAME]) == 0
    assert f"OK: connected to '{sb.shop.shop_name}'" in capsys.readouterr().out
    assert main(["channel", "show", NAME, "--json"]) == 0
    shown = capsys.readouterr().out
    assert json.loads(shown)["marketplace"] == "tiktokshop"
    for secret in (cr["app_secret"], token.access_token, token.refresh_token):
        assert secret not in shown
    # The code of the consent page works once: pasting it again says so and changes nothing.
    code = sb.dialect.issue_auth_code()
    assert main(["channel", "authorize", NAME, "--code", code]) == 0
    capsys.readouterr()
    assert main(["channel", "authorize", NAME, "--code", code]) == 1
    assert "works once" in capsys.readouterr().err
    assert fresh(channel).shop_cipher == cr["shop_cipher"]


def test_a_wrong_app_secret_is_named_at_test_time(sb, monkeypatch, capsys):  # noqa: F811
    add_and_authorize(sb, monkeypatch, capsys)
    credentials.set_secret(NAME, "app_secret", "not-the-secret")
    assert main(["channel", "test", NAME]) == 1
    err = capsys.readouterr().err
    assert "Credentials problem" in err and "secret" in err.lower() and "not-the-secret" not in err


def test_sku_pull_maps_every_variant_by_its_seller_sku(sb, channel, client):  # noqa: F811
    summary = catalog.pull_skus(channel, client)
    sellable = [p for p in sb.shop.products.values() if not p.is_parent]
    assert summary.status == "ok" and summary.fetched == len(sellable)  # variants come as SKUs, no parent rows
    mapped = {r.sku_id: r.seller_sku for r in m.SkuMapping.select()}
    assert mapped == {tj.sku_id(p): (p.sku or None) for p in sellable}
    assert {s.seller_sku for s in m.StockItem.select()} == {p.sku for p in sellable if p.sku}
    assert len(summary.details["empty_sku"]) == len([p for p in sellable if not p.sku]) > 0
    for row in m.Product.select():  # the TikTok product id is the parent of each SKU row
        assert row.parent_id == tj.tts_product_id(sb.shop.products[tj.decode(row.sku_id, tj.SKU_BASE)])
    again = catalog.pull_skus(fresh(channel), client)
    assert (again.created, again.updated) == (0, 0)


def test_order_pull_folds_units_keeps_platform_and_string_ids(sb, channel, client):  # noqa: F811
    catalog.pull_skus(channel, client)
    summary = pull_orders(channel, client, now=shop_now(sb))
    assert summary.status == "ok" and summary.errors == []
    assert summary.created == m.Order.select().count() == len(sb.shop.orders)
    platforms = Counter()
    for order in m.Order.select():
        assert isinstance(order.order_id, str) and len(order.order_id) >= 18
        shop = shop_order(sb, order)
        assert order.invoice == order.order_id  # TikTok Shop has no separate invoice number
        assert order.total_amount == shop.total
        assert {ln.sku_id: ln.quantity for ln in order.lines} == {
            str(tj.SKU_BASE + ln.product_id): ln.quantity for ln in shop.lines}
        for line in order.lines:
            assert line.seller_sku == (line.sku or None)  # mapped through the SKU id
        platforms[order.commerce_platform] += 1
    assert set(platforms) == {"TOKOPEDIA", "TIKTOK_SHOP"}
    many = next(o for o in m.Order.select() if any(ln.quantity > 1 for ln in o.lines))
    assert m.OrderLine.select().where(m.OrderLine.order == many.id).count() == len(shop_order(sb, many).lines)
    marketplace = {tj.order_id(o): sb.dialect.order_status(o) for o in sb.shop.orders.values()}
    assert {o.order_id: o.marketplace_status for o in m.Order.select()} == marketplace
    states = Counter(o.state for o in m.Order.select())
    assert "new" not in states and states["acknowledged"] > 0 and states["on_hold"] > 0  # no accept step here

    later = pull_orders(fresh(channel), client, now=shop_now(sb))  # the overlap re-reads; nothing is new
    assert (later.created, later.updated) == (0, 0)
    assert m.Order.select().count() == len(sb.shop.orders)


def test_cli_sync_and_orders_list_json(sb, channel, capsys):  # noqa: F811
    assert main(["sync", "skus", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] > 0
    assert main(["sync", "orders", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["kind"], out["created"], out["failed"], out["errors"]) == ("orders", len(sb.shop.orders), 0, [])
    assert main(["orders", "list", "--state", "acknowledged", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed and all(o["state"] == "acknowledged" for o in listed)
    first = listed[0]
    # 19-digit ids do not survive a JSON number in most readers: TikTok Shop ids stay text
    assert isinstance(first["order_id"], str) and first["order_id"] == first["invoice"]
    assert first["marketplace_status"] == "AWAITING_SHIPMENT"
    shop = sb.order(tj.decode(first["order_id"], tj.ORDER_BASE))
    assert sorted((ln["sku"], ln["quantity"]) for ln in first["lines"]) == sorted(
        (ln.sku, ln.quantity) for ln in shop.lines)
    assert main(["sync", "statuses", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "statuses"


def test_status_refresh_follows_the_marketplace(sb, channel, client):  # noqa: F811
    pull_orders(channel, client, now=shop_now(sb))
    waiting = [o for o in sb.orders_in_status(Status.ACCEPTED) if not o.courier.own][:3]
    sb.shop.force_status(waiting[0].order_id, Status.SHIPPED, actor="seller center")
    sb.shop.force_status(waiting[1].order_id, Status.BUYER_CANCELLED, actor="buyer")
    summary = statuses.refresh_statuses(fresh(channel), client, now=shop_now(sb))
    assert summary.status == "ok", summary.errors
    changes = {c["order_id"]: c for c in summary.details["changes"]}
    shipped, cancelled = tj.order_id(waiting[0]), tj.order_id(waiting[1])
    assert changes[shipped] == {"order_id": shipped, "from": "acknowledged", "to": "shipped", "outside": True}
    assert changes[cancelled]["to"] == "cancelled" and changes[cancelled]["outside"]
    assert set(changes) == {shipped, cancelled}
    row = m.Order.get(m.Order.order_id == shipped)
    assert row.changed_outside and row.awb == waiting[0].awb and row.marketplace_status == "IN_TRANSIT"
    assert m.Order.get(m.Order.order_id == tj.order_id(waiting[2])).state == "acknowledged"
    # Open orders are re-read 50 a call, not one call each.
    assert 0 < sb.calls.get("order_detail", 0) <= summary.fetched // 50 + 1


def test_token_expiring_mid_pull_is_refreshed_once_and_the_run_goes_on(sb, channel, client):  # noqa: F811
    before = credentials.load_token(NAME)
    pages = []

    def expire_after_first_page(done, total, message):  # noqa: ANN001
        pages.append(done)
        if len(pages) == 1:
            sb.expire_tokens()

    summary = pull_orders(channel, client, expire_after_first_page, now=shop_now(sb))
    assert summary.status == "ok" and len(pages) > 1
    assert m.Order.select().count() == len(sb.shop.orders)
    assert sb.calls["token_refresh"] == 1
    after = credentials.load_token(NAME)
    assert (after.access_token, after.refresh_token) != (before.access_token, before.refresh_token)
    assert after.refresh_token != before.refresh_token  # the rotated refresh token was stored with the access token
    # A later run by a fresh adapter (the next CLI command) reads the new tokens from the keyring.
    sb.expire_tokens()
    again = statuses.refresh_statuses(fresh(channel), now=shop_now(sb))
    assert again.status == "ok" and sb.calls["token_refresh"] == 2


def test_the_scheduler_runs_every_kind_on_this_channel(sb, channel, client):  # noqa: F811
    from tokodesk.services import inventory

    results = {}
    for kind in ("skus", "orders", "statuses", "inventory", "recon"):
        if kind == "statuses":  # the seller counts the shelves: an uncounted SKU is never pushed (issue 14.1)
            skus = sorted({s for (s,) in m.SkuMapping.select(m.SkuMapping.seller_sku).where(
                m.SkuMapping.seller_sku.is_null(False)).tuples()})
            inventory.set_stock([(sku, 20 + n) for n, sku in enumerate(skus)])
        results[kind] = scheduler.runner(kind)(fresh(channel), client)
    assert {k: s.status for k, s in results.items()} == dict.fromkeys(results, "ok"), {
        k: s.errors for k, s in results.items()}
    assert results["orders"].created == len(sb.shop.orders)
    assert results["inventory"].details["accepted"] == results["inventory"].details["sent"] > 0
    for mapping in m.SkuMapping.select().where(m.SkuMapping.seller_sku.is_null(False)):
        assert sb.shop.products[tj.decode(mapping.sku_id, tj.SKU_BASE)].stock == mapping.last_pushed_qty
    assert results["recon"].details["mismatches"] == 0 or {
        line["cause"] for line in results["recon"].details["lines"]} == {"unmapped"}
    kinds = [r.kind for r in m.SyncRun.select().where(m.SyncRun.channel == channel.id)]
    assert sorted(kinds) == sorted(results)


def test_cli_sync_due_runs_the_schedule_once(sb, channel, capsys):  # noqa: F811
    assert main(["sync", "due", "--json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert [r["kind"] for r in done] == ["orders", "statuses", "inventory", "recon", "returns", "payouts"]
    assert all(r["status"] == "ok" for r in done), done
    assert m.Order.select().count() == len(sb.shop.orders)
    assert main(["sync", "due", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_the_first_pull_brings_every_open_order_even_one_older_than_its_window(sb, channel, client):  # noqa: F811
    """A shop connected with the wizard's default window (the last 3 days) had an order paid a week ago and still to
    ship (a pre-order, a late one): the first pull read orders updated in the window only, so the queue never showed
    it and the starting stock did not count its units as held. The first pull also reads the open orders by status."""
    from datetime import timedelta, timezone

    start = shop_now(sb) - timedelta(days=1)
    before = start.replace(tzinfo=timezone.utc).timestamp()
    m.Channel.update(order_sync_from=start).where(m.Channel.id == channel.id).execute()
    with sb.shop.lock:
        old = [tj.order_id(o) for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)
               if o.update_time < before and sb.dialect.order_status(o) in ("AWAITING_SHIPMENT", "AWAITING_COLLECTION")]
        closed = [tj.order_id(o) for o in sb.orders_in_status(Status.DELIVERED, Status.CANCELLED)
                  if o.update_time < before]
    assert old and closed, "the generated shop has open and closed orders from before the window"

    summary = pull_orders(m.Channel.get_by_id(channel.id), client, now=shop_now(sb))
    assert summary.status == "ok", summary.errors
    stored = dict(m.Order.select(m.Order.order_id, m.Order.state).tuples())
    assert set(old) <= set(stored), "every open order is in the queue"
    assert {stored[i] for i in old} <= {"acknowledged", "awaiting_pickup"}
    assert not set(closed) & set(stored), "closed orders before the window are not read"

    # The next pull reads the window only: the open orders by status once, on the first pull.
    searches = sb.calls["order_search"]
    pull_orders(m.Channel.get_by_id(channel.id), client, now=shop_now(sb))
    assert sb.calls["order_search"] - searches <= 2
