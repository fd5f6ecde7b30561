"""Resuming what a killed batch left open, in bulk (issue 19): the orders of the open actions are read in as few
requests as the API allows, each action is decided from what its order shows, what is still needed goes out the way
a batch sends it, and every order is still acted on exactly once on the marketplace. Both dialects, both databases,
against the sandbox over loopback; a lost answer and a 429 meet the resume on the way."""

from __future__ import annotations

import math
import subprocess
import time
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from tests.integration.network_checks import InFlight, busiest_second
from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import add_and_authorize, fresh, shop_now, shop_order, to_ship
from tokodesk.marketplace.tiktokshop import TikTokShopClient
from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.sandbox import Sandbox, Status
from tokodesk.services import outbox
from tokodesk.services.fulfilment import Fulfilment, find_orders, resume_pending
from tokodesk.services.fulfilment import resume as bulk
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database


class Killed(BaseException):
    """The process died here (SIGKILL): nothing after this line of the batch ran."""


def dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def as_if_killed(actions) -> None:  # noqa: ANN001
    """Their holder is a process that ended: what a SIGKILL leaves in the outbox."""
    pid = dead_pid()
    for action in actions:
        action = m.Action.get_by_id(action.id)
        payload = dict(action.payload)
        payload[outbox.CLAIM_KEY] = {**payload[outbox.CLAIM_KEY], "pid": pid}
        m.Action.update(payload=payload).where(m.Action.id == action.id).execute()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tokodesk_home, monkeypatch):
    """The store the CLI and the services open: SQLite in the data folder, or a fresh PostgreSQL database."""
    if request.param == "postgresql":
        monkeypatch.setenv("TOKODESK_DB", request.getfixturevalue("pg_url"))
    yield request.param
    close_database()


# ---- Tokopedia & Shop: a batch ship killed between two batch calls ---------------------------------------------------
class DiesMidBatch:
    """The channel's client, in a process killed right after its `dies_at`-th batch ship call reached the shop."""

    def __init__(self, client: TikTokShopClient, dies_at: int) -> None:
        self.client, self.dies_at, self.batches = client, dies_at, 0

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self.client, name)

    def ship_many(self, orders, method, awbs=None):  # noqa: ANN001, ANN201
        self.batches += 1
        answers = self.client.ship_many(orders, method, awbs)
        if self.batches == self.dies_at:
            raise Killed
        return answers


@pytest.fixture
def tts(store, monkeypatch, capsys):
    # Four days of a busy shop: well over 130 orders waiting to be shipped. Get Order Detail is limited to the
    # documented 50 requests a second (the shop clock moves only when the client waits: each 429 costs a back-off).
    with Sandbox(seed=5, products=16, orders=420, days=4, dialect="tiktokshop", freeze_clock=True,
                 rate_limit={"order_detail": 50}, rate_burst=5) as sb:
        channel = add_and_authorize(sb, monkeypatch, capsys)
        m.Channel.update(order_sync_from=shop_now(sb) - timedelta(days=5)).where(m.Channel.id == channel.id).execute()
        client = TikTokShopClient.from_channel(fresh(channel), timeout=10, sleep=sb.clock.advance)
        yield sb, fresh(channel), client
        client.close()


def test_a_killed_batch_ship_is_resumed_with_a_detail_read_per_50_orders(tts):
    sb, channel, client = tts
    pulled(sb, channel, client)
    orders = to_ship(sb, 130)
    assert all(r.ok for r in Fulfilment(adapters=lambda c: client).pack(orders))
    # The batch writes every order's ship action, then ships 50 a call: killed once the second call was answered.
    with pytest.raises(Killed):
        Fulfilment(adapters=lambda c: DiesMidBatch(client, dies_at=2)).ship(find_orders([o.order_id for o in orders]))
    # The 50 sent ones are held by a process still running (this one): nobody else may touch them yet.
    assert {a.status for a in outbox.resumable(channel.id, ["ship"])} == {"pending"}
    as_if_killed(m.Action.select().where(m.Action.status == outbox.SENT))
    left = outbox.resumable(channel.id, ["ship"])
    counts = Counter(a.status for a in left)
    assert counts == {"sent": 50, "pending": 30}  # 50 shipped on the marketplace, their answer never stored

    before, started = Counter(sb.calls), time.monotonic()
    sb.faults.force("ship_batch", "lost")  # the resume's own batch call: applied, its answer lost
    sb.limiter.drain("order_detail")  # another app used the quota: the resume's first read meets a 429
    results = resume_pending(channel, client)
    calls = Counter(sb.calls) - before
    detail = [r.status for r in sb.request_log if r.endpoint == "order_detail" and r.at >= started]

    assert len(results) == 80 and all(r.ok for r in results), [r.error for r in results if not r.ok][:3]
    assert detail.count(429) >= 1  # paced (backed off and sent again), not failed
    for order in orders:  # each order's packages handed over exactly once on the marketplace
        remote = shop_order(sb, order)
        assert remote.status == Status.AWAITING_PICKUP and remote.pickups == 1, order.order_id
        assert fresh(order).state == "awaiting_pickup" and fresh(order).awb == remote.awb
    assert {a.status for a in m.Action.select()} == {"done"}  # every action settled
    # Reading 80 orders costs 2 detail reads, not 80; the 30 still to ship cost a batch call and its reads around it
    # (and the lost answer, one read back). Before, one read per open action and one ship call per order.
    reads = len(detail) - detail.count(429)
    assert reads <= 2 * math.ceil(80 / 50) + 3, (reads, calls)
    assert calls["ship_batch"] == 1 and "ship" not in calls, calls
    print(f"\nresume of 80 open ship actions: {dict(calls)}")


# ---- Tokopedia (legacy): accept actions a killed pool left open ------------------------------------------------------
def _tokopedia(sb: Sandbox) -> tuple[m.Channel, TokopediaClient, list[str]]:
    open_database()
    cr = sb.credentials
    channel = m.Channel.create(
        name="legacy", marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
        shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url, business_model="pickup",
        ready_to_ship_at="pack",
    )  # fmt: skip
    client = TokopediaClient.from_channel(channel, client_secret=cr["client_secret"], timeout=10)
    pull_orders(channel, client, now=datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None))
    ids = [str(o.order_id) for o in sb.orders_in_status(220) if not o.courier.own][:150]
    assert len(ids) == 150
    return channel, client, ids


def _left_by_a_kill(sb: Sandbox, ids: list[str], sent: int) -> None:
    """The pool had claimed every order's accept (`sent` of them reached the shop) when the process was killed."""
    orders = sorted(find_orders(ids), key=lambda o: ids.index(o.order_id))  # actions in the order of `ids`
    with m.db.atomic():
        m.Order.update(version=m.Order.version + 1).where(m.Order.order_id.in_(ids)).execute()
        actions = outbox.enqueue_claimed(orders, "ack", [{}] * len(orders), "tester@desk1")
    for oid in ids[:sent]:
        sb.shop.ack(int(oid))
    as_if_killed(actions)


def test_accepts_a_kill_left_open_are_read_side_by_side_and_each_sent_once(store):
    with Sandbox(seed=21, orders=400, products=30, days=1.0, latency_ms=5, rate_limit=60, rate_burst=10) as sb:
        channel, client, ids = _tokopedia(sb)
        _left_by_a_kill(sb, ids, sent=90)
        in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)
        lost = []

        def meanwhile(done, total, message):
            if message.startswith("Checking earlier requests: ") and done and not lost:
                lost.append(done)  # one order's accept, once the senders run: applied, its answer lost
                sb.faults.force("ack", "lost")

        before = Counter(sb.calls)
        results = Fulfilment(adapters=lambda c: client, progress=meanwhile).resume_pending(channel)
        calls = Counter(sb.calls) - before
        client.close()
        shop = {oid: sb.order(int(oid)) for oid in ids}
        log = sb.request_log

    assert len(results) == 150 and all(r.ok and r.state == "acknowledged" for r in results), \
        [r.error for r in results if not r.ok][:3]
    assert all(order.acks == 1 and order.status == 400 for order in shop.values())  # exactly once, none lost
    assert {a.status for a in m.Action.select()} == {"done"}
    assert lost and [r.endpoint for r in log if r.fault == "lost"] == ["ack"]
    confirmed = m.Action.select().where(m.Action.error == "confirmed by reading the order").count()
    assert confirmed == 91  # the 90 sent before the kill, and the one whose answer was lost
    assert in_flight.most > 1  # the reads (one order a call on this API) and the accepts went side by side
    refused = Counter(r.endpoint for r in log if r.status == 429)
    # one read per open action and one more for the lost answer; 60 accepts, none sent again
    assert calls["order_detail"] - refused["order_detail"] == 151, calls
    assert calls["ack"] - refused["ack"] == 60, calls
    # The reads are paced to the announced quota (a thread the loaded machine holds back can still make two arrive
    # together, refused and sent again after the wait the answer names: not a failure).
    assert busiest_second(log, "order_detail") <= 60 + 10


def test_a_stop_leaves_what_was_not_read_open_and_gives_back_what_was_not_sent(store, monkeypatch):
    monkeypatch.setattr(bulk, "READ_CHUNK", 40)
    with Sandbox(seed=21, orders=400, products=30, days=1.0) as sb:
        channel, client, ids = _tokopedia(sb)
        _left_by_a_kill(sb, ids, sent=20)
        checked = []

        def stop_after_the_first_chunk() -> bool:
            checked.append(1)
            return len(checked) > 1  # the first chunk is read; its sends and everything after are stopped

        service = Fulfilment(adapters=lambda c: client, cancel=stop_after_the_first_chunk)
        results = service.resume_pending(channel)
        shop = {oid: sb.order(int(oid)) for oid in ids}
        client.close()

    assert sum(order.acks for order in shop.values()) == 20  # nothing sent after the stop
    done = [r for r in results if r.ok]
    assert len(done) == 20 and len(results) == 40  # the first chunk: 20 confirmed by reading, 20 stopped
    assert all(r.pending and "stopped" in r.error for r in results if not r.ok)
    statuses = Counter(a.status for a in m.Action.select())
    assert statuses == {"done": 20, "unknown": 20, "sent": 110}, statuses  # given back / never touched
    assert len(outbox.resumable(channel.id, ["ack"])) == 130  # still open, to be resumed reading first


def test_an_order_the_read_did_not_return_is_read_alone_and_stays_open_if_unknown(store):
    with Sandbox(seed=21, orders=400, products=30, days=1.0) as sb:
        channel, client, ids = _tokopedia(sb)
        ids = ids[:12]
        _left_by_a_kill(sb, ids, sent=6)
        gone = ids[3]
        m.Order.update(order_id="999999999").where(m.Order.order_id == gone).execute()  # the shop does not know it
        results = resume_pending(channel, client)
        client.close()
        shop = {oid: sb.order(int(oid)) for oid in ids}

    by_id = {r.order_id: r for r in results}
    assert not by_id["999999999"].ok and by_id["999999999"].pending
    assert "reading the order failed too" in by_id["999999999"].error
    assert all(by_id[oid].ok for oid in ids if oid != gone)
    assert all(shop[oid].acks == 1 for oid in ids if oid != gone)
    assert m.Action.select().where(m.Action.status == outbox.UNKNOWN).count() == 1


def test_a_marketplace_out_of_reach_leaves_every_action_open_with_the_reason(store):
    with Sandbox(seed=21, orders=400, products=30, days=1.0) as sb:
        channel, client, ids = _tokopedia(sb)
        _left_by_a_kill(sb, ids[:10], sent=5)
        client.close()
    # The sandbox is gone: nothing answers at its address.
    client = TokopediaClient.from_channel(channel, client_secret=sb.credentials["client_secret"], timeout=2)
    results = resume_pending(channel, client)
    client.close()
    assert len(results) == 10 and all(not r.ok and r.pending for r in results)
    assert all("could not be checked" in r.error for r in results)
    assert {a.status for a in m.Action.select()} == {outbox.UNKNOWN}


# ---- the status refresh: orders the legacy list can no longer serve, read one a call ---------------------------------
def test_the_status_refresh_reads_old_orders_side_by_side_and_stores_what_the_shop_says(store):
    from tokodesk.services.statuses import refresh_statuses

    with Sandbox(seed=21, orders=400, products=30, days=1.0, latency_ms=5, rate_limit=60, rate_burst=10) as sb:
        channel, client, ids = _tokopedia(sb)
        for oid in ids[:40]:
            sb.shop.ack(int(oid))  # accepted in Seller Center meanwhile
        open_ids = [o.order_id for o in m.Order.select().where(m.Order.state.not_in(["completed", "cancelled",
                                                                                     "returned"]))]
        in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)
        # Four days on, the list (3 days back at most) serves none of them: each is read on its own.
        later = datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None) + timedelta(days=4)
        before = Counter(sb.calls)
        summary = refresh_statuses(channel, client, now=later)
        client.close()
        calls = Counter(sb.calls) - before
        log = sb.request_log
        states = {oid: sb.order(int(oid)).status for oid in ids[:60]}

    assert summary.status == "ok" and summary.fetched == len(open_ids), summary
    assert in_flight.most > 1  # side by side, not one order after another
    refused = sum(1 for r in log if r.endpoint == "order_detail" and r.status == 429)  # waited for, sent again
    assert calls["order_detail"] - refused == len(open_ids) and "order_list" not in calls, calls  # one read an order
    local = {o.order_id: o.state for o in m.Order.select().where(m.Order.order_id.in_(ids[:60]))}
    assert all(local[oid] == "acknowledged" for oid, status in states.items() if status == 400)
    assert sum(1 for oid in ids[:40] if local[oid] == "acknowledged") == 40


def test_a_batch_over_orders_a_kill_left_open_finishes_them_in_bulk_first(store):
    # The window's Accept on the same selection after a crash, before any sync resumed it: the open actions are
    # read side by side and finished, not one read after another while the batch is checked.
    with Sandbox(seed=21, orders=400, products=30, days=1.0, latency_ms=5) as sb:
        channel, client, ids = _tokopedia(sb)
        ids = ids[:100]
        _left_by_a_kill(sb, ids, sent=50)
        in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)
        results = Fulfilment(adapters=lambda c: client).acknowledge(find_orders(ids))
        client.close()
        shop = {oid: sb.order(int(oid)) for oid in ids}

    assert len(results) == 100 and all(r.ok and r.state == "acknowledged" for r in results), \
        [r.error for r in results if not r.ok][:3]
    assert all(order.acks == 1 for order in shop.values())  # exactly once: the 50 sent before the kill not again
    assert in_flight.most > 1
    assert m.Action.select().where(m.Action.error == "confirmed by reading the order").count() == 50
    assert {a.status for a in m.Action.select()} == {"done"}
