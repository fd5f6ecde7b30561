"""Buyer cancellation requests on a Tokopedia & Shop channel, through the service and the CLI against the sandbox's
TikTok Shop dialect: list, approve, reject with an offered reason, wrong or missing reasons, lost answers resolved
by reading, and the legacy Tokopedia channel that has no such API."""

from __future__ import annotations

import json

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import (  # noqa: F401 - fixtures
    channel,
    client,
    fresh,
    sb,
    shop_now,
    shop_order,
    to_ship,
)
from tokodesk import credentials
from tokodesk.cli import main
from tokodesk.marketplace.base import MarketplaceError, OutcomeUnknown
from tokodesk.sandbox import Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services.cancellations import BuyerRequests
from tokodesk.services.fulfilment import Fulfilment, resume_pending
from tokodesk.store import models as m

PACKED = "seller_reject_apply_product_has_been_packed"


def with_requests(sb, channel, client, n: int) -> list[m.Order]:  # noqa: ANN001, F811
    pulled(sb, channel, client)
    orders = to_ship(sb, n)
    with sb.shop.lock:
        for order in orders:
            shop_order(sb, order).cancel_request = {"reason": "Berubah pikiran", "time": sb.clock.now()}
    return orders


class Wrapped:
    """The real client with some calls replaced (a lost answer, a failing read)."""

    def __init__(self, inner, **replaced):  # noqa: ANN001, ANN003
        self.inner = inner
        self.__dict__.update(replaced)

    def __getattr__(self, name):  # noqa: ANN001, ANN204
        return getattr(self.inner, name)


def test_list_approve_and_reject_from_the_cli(sb, channel, client, capsys):  # noqa: F811
    approve, reject = with_requests(sb, channel, client, 2)
    assert main(["orders", "cancel-requests", "--json"]) == 0
    listed = {r["order_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(listed) == {approve.order_id, reject.order_id}
    row = listed[approve.order_id]
    assert row["channel"] == channel.name and row["state"] == "acknowledged" and row["reason"] == "Berubah pikiran"
    assert row["respond_by"] and row["cancel_id"] == tj.cancel_id(shop_order(sb, approve))

    assert main(["orders", "cancel-request", "approve", approve.order_id, "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["ok"] and result["state"] == "cancelled" and result["order_id"] == approve.order_id
    assert shop_order(sb, approve).status in (Status.CANCELLED, Status.REJECTED)
    event = m.OrderEvent.get((m.OrderEvent.order == approve.id) & (m.OrderEvent.kind == "cancel_request_approve"))
    assert event.ok and "approved" in event.detail
    assert fresh(channel).inventory_dirty_at is not None  # the freed stock is pushed next

    # A reason the marketplace does not offer: exit 2, the valid ones listed, nothing sent.
    assert main(["orders", "cancel-request", "reject", reject.order_id]) == 2
    out = capsys.readouterr()
    assert PACKED in out.out + out.err and "--reason" in out.out + out.err
    assert main(["orders", "cancel-request", "reject", reject.order_id, "--reason", "because", "--json"]) == 2
    [refused] = json.loads(capsys.readouterr().out)
    assert refused["refused"] and "not offered" in refused["error"] and PACKED in refused["error"]
    assert "cancel_reject" not in sb.calls and not m.Action.select().where(m.Action.order == reject.id).exists()

    assert main(["orders", "cancel-request", "reject", reject.order_id, "--reason", PACKED,
                 "--comment", "Sudah dikemas"]) == 0
    assert "ok" in capsys.readouterr().out
    assert shop_order(sb, reject).cancel_request is None and fresh(reject).state == "acknowledged"
    event = m.OrderEvent.get((m.OrderEvent.order == reject.id) & (m.OrderEvent.kind == "cancel_request_reject"))
    assert "Sudah dikemas" in event.detail
    assert main(["orders", "cancel-requests", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    # Nothing pending any more: answering again is refused in words.
    assert main(["orders", "cancel-request", "approve", reject.order_id]) == 2
    assert "no buyer cancellation request waiting" in capsys.readouterr().out
    service = Fulfilment(adapters=lambda c: client)
    service.pack([reject])
    [shipped] = service.ship([reject])
    assert shipped.ok, shipped.error


def test_a_lost_answer_is_settled_by_reading_never_sent_twice(sb, channel, client):  # noqa: F811
    order, = with_requests(sb, channel, client, 1)

    def approve_then_lose(cancel_id, idempotency_key=None):  # noqa: ANN001, ANN202
        client.approve_cancellation(cancel_id, idempotency_key)
        raise OutcomeUnknown("connection dropped")

    result = BuyerRequests(channel, Wrapped(client, approve_cancellation=approve_then_lose)).approve(order)
    assert result.ok and result.state == "cancelled", result.error
    assert sb.calls["cancel_approve"] == 1  # read, found done: not sent again
    [action] = m.Action.select()
    assert action.status == "done" and "confirmed by reading" in action.error


def test_an_unknown_answer_waits_and_the_next_sync_finishes_it_with_the_same_key(sb, channel, client):  # noqa: F811
    order, = with_requests(sb, channel, client, 1)

    def lost(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise OutcomeUnknown("connection dropped")

    reads = []

    def first_read_only(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        reads.append(args)
        if len(reads) > 1:
            raise MarketplaceError("the marketplace is not answering")
        return client.cancellation_requests(*args, **kwargs)

    # The request is found, the answer is lost, and the read that would settle it fails.
    broken = Wrapped(client, reject_cancellation=lost, cancellation_requests=first_read_only)
    first = BuyerRequests(channel, broken).reject(order, PACKED)
    assert first.pending and not first.ok and "Waiting for the marketplace" in fresh(order).problem
    [action] = m.Action.select()
    assert action.status == "unknown" and shop_order(sb, order).cancel_request is not None
    key = action.payload["idempotency_key"]

    # The next start or sync resumes it through the real client: still pending, so it is sent with the same key.
    [resumed] = resume_pending(fresh(channel), client)
    assert resumed.ok and fresh(order).problem == ""
    assert shop_order(sb, order).cancel_request is None and m.Action.get_by_id(action.id).status == "done"
    assert any(k.endswith(key) for k in sb.dialect.idempotent_answers)


def test_a_tokopedia_channel_says_plainly_it_has_no_such_api(tokodesk_home, capsys):
    from tokodesk.store.connection import close_database, open_database

    open_database()
    ch = m.Channel.create(name="legacy", marketplace="tokopedia", fs_id="1", client_id="c", shop_id="2",
                          api_base="http://127.0.0.1:9", auth_url="http://127.0.0.1:9")
    credentials.set_client_secret(ch.name, "s")
    m.Order.create(channel=ch, order_id="123", invoice="INV/1", state="acknowledged", created_at=m.utcnow())
    close_database()
    assert main(["orders", "cancel-requests", "--channel", "legacy"]) == 2
    err = capsys.readouterr().err
    assert "no buyer cancellation requests" in err and "Seller Center" in err
    assert main(["orders", "cancel-request", "approve", "123"]) == 2
    assert "no buyer cancellation requests" in capsys.readouterr().err
    assert main(["orders", "cancel-requests"]) == 2  # no channel here has them


def test_who_cancelled_is_stored_from_the_marketplace_and_counted(sb, channel, client):  # noqa: F811
    """Cancellations made in Seller Center or by the buyer reach TokoDesk only through a sync: the marketplace's
    `cancellation_initiator` tells the shop's health whose they were (issue 18.4)."""
    from tokodesk.services import health
    from tokodesk.services.statuses import refresh_statuses

    pulled(sb, channel, client)
    cancelled = list(m.Order.select().where(m.Order.state == "cancelled"))
    assert cancelled, "the generated week has cancellations"
    for order in cancelled:  # the week's: expired (SYSTEM), the buyer's, the seller's rejections
        there = shop_order(sb, order)
        assert order.cancellation_initiator == (there.cancelled_by or there.history[-1].actor).upper(), order.order_id
    assert {o.cancellation_initiator for o in cancelled} <= {"SELLER", "BUYER", "SYSTEM"}

    # Placed within the health window (7 calendar days, WIB): the generated week's oldest orders fall out of it
    # for the hours after 00:00 WIB.
    by_seller, granted = to_ship(sb, 2, placed_since=health.window_start(shop_now(sb)))
    sb.shop.nack(int(shop_order(sb, by_seller).order_id), 1, "Stok habis")  # in Seller Center, not in TokoDesk
    with sb.shop.lock:
        shop_order(sb, granted).cancel_request = {"reason": "Berubah pikiran", "time": sb.clock.now()}
    sb.shop.nack(int(shop_order(sb, granted).order_id), 8, "Berubah pikiran", buyer_request=True)
    refresh_statuses(fresh(channel), client, now=shop_now(sb))
    assert fresh(by_seller).state == "cancelled" and fresh(by_seller).cancellation_initiator == "SELLER"
    assert fresh(granted).state == "cancelled" and fresh(granted).cancellation_initiator == "BUYER"
    causes = {j.order_id: j.cause for j in health.shop_health(fresh(channel), shop_now(sb)).cancelled}
    assert causes[by_seller.order_id] == "seller" and causes[granted.order_id] == "buyer"


def test_a_request_on_an_open_order_older_than_the_first_pull_brings_that_order_in(sb, channel, client):  # noqa: F811
    """A shop connected with the default window (the last 3 days) before the first pull read the open orders by
    status has an order paid before it, still to ship: its buyer's request named an order "not in TokoDesk yet: pull
    the orders first", and no pull ever brought it (it is older than every window). Reading the requests reads such
    an order and stores it, so the seller can answer."""
    from datetime import timedelta, timezone

    from tokodesk.services.orders import pull_orders

    start = shop_now(sb) - timedelta(days=1)
    before = start.replace(tzinfo=timezone.utc).timestamp()
    m.Channel.update(order_sync_from=start, last_order_pull_to=start).where(m.Channel.id == channel.id).execute()
    pull_orders(fresh(channel), client, now=shop_now(sb))  # a later pull: its window only
    with sb.shop.lock:
        old = next(o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)
                   if not o.courier.own and o.cancel_request is None and o.update_time < before - 3600
                   and sb.dialect.order_status(o) == "AWAITING_SHIPMENT")
        old.cancel_request = {"reason": "Berubah pikiran", "time": sb.clock.now()}
    order_id = tj.order_id(old)
    assert not m.Order.select().where(m.Order.order_id == order_id).exists(), "the first pull missed it"

    [pending] = BuyerRequests(fresh(channel), client).pending()
    assert pending.order_id == order_id
    stored = m.Order.get(m.Order.order_id == order_id)
    assert stored.state == "acknowledged" and pending.state == "acknowledged" and pending.invoice == stored.invoice
    assert "cancel_approve" not in sb.calls and not m.Action.select().exists(), "only read: nothing sent"
    result = BuyerRequests(fresh(channel), client).reject(stored, PACKED, "Sudah dikemas")
    assert result.ok, result.error
