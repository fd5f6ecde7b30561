"""Resuming in bulk the other kinds a crash or a kill leaves open (issue 19): buyer-request answers, seller cancels,
combined packages and return decisions. For each kind, leftover actions of which some reached the marketplace before
the kill (their answers lost) and some did not: the state is read in bulk, each action decided as the single path
decides it, what is still needed sent once from the batch pool, a refusal for one not stopping the others. Both
databases, against the sandbox over loopback; the sandbox counts the requests per endpoint."""

from __future__ import annotations

import math
from collections import Counter
from datetime import timedelta

import pytest

from tests.integration.network_checks import InFlight
from tests.integration.test_resume_bulk import _tokopedia, as_if_killed, dead_pid, store  # noqa: F401 - fixture
from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import add_and_authorize, fresh, shop_now, shop_order, to_ship
from tokodesk.marketplace.tiktokshop import TikTokShopClient
from tokodesk.sandbox import Sandbox, Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.sandbox import tiktokshop_returns as sr
from tokodesk.services import cancellations, outbox
from tokodesk.services import return_desk as rd
from tokodesk.services import returns as rs
from tokodesk.services.fulfilment import CancelChoice, Fulfilment, find_orders, resume_pending
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.packages import packages_of
from tokodesk.services.return_desk import resume_pending as rs_resume
from tokodesk.station import installation_id
from tokodesk.store import models as m

PACKED = "seller_reject_apply_product_has_been_packed"
PRODUCT_AS_DESCRIBED = "reverse_reject_request_reason_product_as_described"


@pytest.fixture
def tts(store, monkeypatch, capsys):  # noqa: F811
    with Sandbox(seed=5, products=16, orders=420, days=4, dialect="tiktokshop", freeze_clock=True,
                 latency_ms=3) as sb:
        channel = add_and_authorize(sb, monkeypatch, capsys)
        m.Channel.update(order_sync_from=shop_now(sb) - timedelta(days=5)).where(m.Channel.id == channel.id).execute()
        client = TikTokShopClient.from_channel(fresh(channel), timeout=10, sleep=sb.clock.advance)
        pulled(sb, fresh(channel), client)
        yield sb, fresh(channel), client
        client.close()


def left_open(orders: list[m.Order], kind: str, payloads: list[dict]) -> list[m.Action]:
    """These orders' actions, claimed by a process that was killed before it stored any answer."""
    with m.db.atomic():
        m.Order.update(version=m.Order.version + 1).where(m.Order.id.in_([o.id for o in orders])).execute()
        actions = outbox.enqueue_claimed(orders, kind, payloads, "tester@desk1")
    as_if_killed(actions)
    return actions


# ---- buyer cancellation requests: approve and reject answers ---------------------------------------------------------
def test_answers_a_kill_left_open_are_read_in_bulk_and_each_sent_once(tts):
    sb, channel, client = tts
    orders = to_ship(sb, 64)
    with sb.shop.lock:
        for order in orders:
            shop_order(sb, order).cancel_request = {"reason": "Berubah pikiran", "time": sb.clock.now()}
    approve, reject = orders[:32], orders[32:]
    key = {o.id: f"key-{o.order_id}" for o in orders}
    cancel_id = {o.id: tj.cancel_id(shop_order(sb, o)) for o in orders}
    left_open(approve, cancellations.APPROVE,
              [{"cancel_id": cancel_id[o.id], "idempotency_key": key[o.id]} for o in approve])
    reasons = [PACKED] * len(reject)
    reasons[-1] = "not_a_reason_the_marketplace_offers"  # refused when sent: the others go on
    left_open(reject, cancellations.REJECT,
              [{"cancel_id": cancel_id[o.id], "idempotency_key": key[o.id], "reason": reason, "reason_label": "",
                "comment": ""} for o, reason in zip(reject, reasons, strict=True)])
    # Before the kill, 10 of each reached the shop (their answers never stored) ...
    with sb.shop.lock:
        for order in approve[:10]:
            sb.shop.nack(shop_order(sb, order).order_id, 8, "Berubah pikiran", buyer_request=True)
        for order in reject[:10]:
            sb.shop.reject_cancel_request(shop_order(sb, order).order_id)
        # ... and one buyer withdrew their request meanwhile: approving it is no longer possible.
        withdrawn = approve[-1]
        shop_order(sb, withdrawn).cancel_request = None
    sb.faults.force("cancel_approve", "lost")  # the resume's first approval: applied, its answer lost
    in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)

    before = Counter(sb.calls)
    results = resume_pending(channel, client)
    calls = Counter(sb.calls) - before

    by_id = {r.order_id: r for r in results}
    assert len(results) == 64
    refused, gone = reject[-1].order_id, withdrawn.order_id
    assert all(r.ok for oid, r in by_id.items() if oid not in (refused, gone)), \
        [r.error for r in results if not r.ok][:3]
    assert not by_id[refused].ok and not by_id[refused].pending
    assert not by_id[gone].ok and "no longer waiting" in by_id[gone].error
    for order in approve[:-1]:  # cancelled on the marketplace exactly once
        assert shop_order(sb, order).nacks == 1, order.order_id
        assert shop_order(sb, order).status in (Status.CANCELLED, Status.REJECTED)
        assert fresh(order).state == "cancelled"
    assert shop_order(sb, withdrawn).nacks == 0 and fresh(withdrawn).state != "cancelled"
    for order in reject[:-1]:
        assert shop_order(sb, order).cancel_request is None and shop_order(sb, order).nacks == 0
        assert fresh(order).state == "acknowledged" and fresh(order).problem == ""
    assert shop_order(sb, reject[-1]).cancel_request is not None and fresh(reject[-1]).action_failed
    # Sent only for those the shop had not got: 21 approvals and 21 rejections (the refused one checked against the
    # offered reasons and not sent). The approval whose answer was lost went again with its idempotency key (the
    # transport repeats a keyed call like a read): the shop answered without cancelling twice (nacks above).
    assert calls["cancel_approve"] == 21 + 1 and calls["cancel_reject"] == 21, calls
    statuses = Counter(a.status for a in m.Action.select())
    assert statuses == {"done": 62, "failed": 2}, statuses
    confirmed = m.Action.select().where(m.Action.error == "confirmed by reading the marketplace").count()
    assert confirmed == 20  # the 20 answered before the kill, found answered by reading
    # Read in bulk: the requests 50 orders a search, the orders no longer waiting 50 a detail read; before, one
    # search and one detail read per open answer.
    assert calls["cancel_search"] <= math.ceil(64 / 50) + 2, calls
    # The orders approved now are read back together (one detail read of 50), not one read after each approval.
    assert calls["order_detail"] <= 2 * math.ceil(64 / 50) + 2, calls
    assert in_flight.most > 1  # the answers went out side by side
    assert fresh(channel).inventory_dirty_at is not None  # the freed stock is pushed next


# ---- seller cancels: a killed cancel batch, and the same selection cancelled again -----------------------------------
def nack_payload(code: str = "1", text: str = "Stok habis") -> dict:
    return {"reason_code": code, "reason_label": "", "needs_close_date": False, "needs_text": True, "max_text": 490,
            "text": text}


def test_a_cancel_batch_over_cancels_a_kill_left_open_finishes_them_in_bulk_and_sends_the_rest_side_by_side(store):  # noqa: F811
    with Sandbox(seed=21, orders=400, products=30, days=1.0, latency_ms=5) as sb:
        channel, client, ids = _tokopedia(sb)
        left, new = ids[:40], ids[40:70]
        payloads = [nack_payload() for _ in left]
        payloads[-1] = nack_payload("8", "Pembeli minta batal")  # the shop refuses it when sent: no buyer request
        left_open(sorted(find_orders(left), key=lambda o: left.index(o.order_id)), ex.NACK, payloads)
        with sb.shop.lock:
            for oid in left[:15]:  # reached the shop before the kill, their answers never stored
                sb.shop.nack(int(oid), 1, "Stok habis")
        sb.force_status(int(left[15]), 500)  # shipped from Seller Center meanwhile: no longer possible
        in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)

        # The seller selects the same orders and more, and cancels them.
        before = Counter(sb.calls)
        results = Fulfilment(adapters=lambda c: client).cancel_orders(find_orders(left + new),
                                                                      CancelChoice("1", "Stok habis"))
        calls = Counter(sb.calls) - before
        client.close()
        shop = {oid: sb.order(int(oid)) for oid in ids[:70]}

    by_id = {r.order_id: r for r in results}
    assert len(results) == 70
    shipped, refused = left[15], left[-1]
    assert all(by_id[oid].ok and by_id[oid].state == "cancelled" for oid in left + new if oid not in (shipped,
                                                                                                       refused))
    assert not by_id[shipped].ok and "cannot be cancelled" in by_id[shipped].error and shop[shipped].nacks == 0
    assert not by_id[refused].ok and not by_id[refused].pending and shop[refused].nacks == 0
    assert all(shop[oid].nacks == 1 for oid in left + new if oid not in (shipped, refused))  # exactly once
    # 15 confirmed by reading; 23 of the 40 sent (one refused), and the 30 new ones: none sent twice.
    assert calls["nack"] == 24 + 30, calls
    assert m.Action.select().where(m.Action.error == "confirmed by reading the order").count() == 15
    assert Counter(a.status for a in m.Action.select()) == {"done": 68, "failed": 2}
    assert in_flight.most > 1  # the reads of the open ones and the cancels went side by side


def test_cancels_a_kill_left_open_are_resumed_in_bulk(store):  # noqa: F811
    with Sandbox(seed=21, orders=400, products=30, days=1.0, latency_ms=5) as sb:
        channel, client, ids = _tokopedia(sb)
        ids = ids[:60]
        left_open(sorted(find_orders(ids), key=lambda o: ids.index(o.order_id)), ex.NACK,
                  [nack_payload() for _ in ids])
        with sb.shop.lock:
            for oid in ids[:25]:
                sb.shop.nack(int(oid), 1, "Stok habis")
        in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)
        before = Counter(sb.calls)
        results = resume_pending(channel, client)
        calls = Counter(sb.calls) - before
        client.close()
        shop = {oid: sb.order(int(oid)) for oid in ids}

    assert len(results) == 60 and all(r.ok and r.state == "cancelled" for r in results)
    assert all(order.nacks == 1 for order in shop.values())
    assert calls["nack"] == 35 and calls["order_detail"] == 60, calls  # one read each, side by side; 35 sent
    assert in_flight.most > 1


# ---- combined packages: combines a kill left open ----------------------------------------------------------------
def buyer_pairs(sb: Sandbox, n: int) -> list[list[str]]:
    """`n` pairs of waiting orders made to belong to one buyer each, on one courier service: each pair combinable."""
    waiting = [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)
               if not o.courier.own and o.cancel_request is None and sb.dialect.order_status(o) == "AWAITING_SHIPMENT"]
    pairs: list[list[str]] = []
    used: set[int] = set()
    with sb.shop.lock:
        for i, a in enumerate(waiting):
            if len(pairs) == n:
                break
            if a.order_id in used:
                continue
            b = next((o for o in waiting[i + 1:] if o.order_id not in used and o.courier == a.courier), None)
            if b is None:
                continue
            b.buyer, b.recipient = a.buyer, a.recipient
            used |= {a.order_id, b.order_id}
            pairs.append(sorted([tj.order_id(a), tj.order_id(b)]))
    assert len(pairs) == n
    return pairs


def test_combines_a_kill_left_open_are_settled_by_one_read_of_all_their_orders(store, monkeypatch, capsys):  # noqa: F811
    with Sandbox(seed=5, products=16, orders=420, days=4, dialect="tiktokshop", freeze_clock=True) as sb:
        channel = add_and_authorize(sb, monkeypatch, capsys)
        m.Channel.update(order_sync_from=shop_now(sb) - timedelta(days=5)).where(m.Channel.id == channel.id).execute()
        client = TikTokShopClient.from_channel(fresh(channel), timeout=10, sleep=sb.clock.advance)
        pairs = buyer_pairs(sb, 12)
        sb.advance(1)
        channel = pulled(sb, fresh(channel), client)
        offered = {tuple(sorted(g.order_ids)): g.package_id for g in client.combinable_packages()}
        firsts = [find_orders([pair[0]])[0] for pair in pairs]
        left_open(firsts, "combine", [{"package_id": offered[tuple(pair)], "order_ids": pair} for pair in pairs])
        for pair in pairs[:6]:  # reached the shop before the kill, its answer never stored
            sb.dialect.combine_orders(pair)
        sb.advance(1)
        before = Counter(sb.calls)
        results = Fulfilment(adapters=lambda c: client).resume_pending(channel)
        calls = Counter(sb.calls) - before
        together = {tuple(pair): {p for oid in pair for p in sb.dialect.packages_of(oid)} for pair in pairs}
        client.close()

    assert len(results) == 12
    assert all(r.ok for r in results[:6]) and not any(r.ok for r in results[6:]), [r.error for r in results]
    assert all("did not happen" in r.error for r in results[6:])
    for pair in pairs[:6]:  # combined once, and stored at once: both orders have the shop's one package
        [package] = together[tuple(pair)]
        assert {p.package_id for oid in pair for p in packages_of(find_orders([oid])[0])} == {package}
    for pair in pairs[6:]:  # not combined, and not sent again blindly
        assert len(together[tuple(pair)]) == 2
    assert sb.dialect.combine_requests == 0 and "combine" not in calls
    assert Counter(a.status for a in m.Action.select()) == {"done": 6, "failed": 6}
    # The 24 orders of the 12 moves read in one detail read (50 ids a call); before, one read per move.
    assert calls["order_detail"] == 1, calls


# ---- return decisions: approvals and rejections a kill left open -----------------------------------------------------
def test_return_decisions_a_kill_left_open_are_read_in_bulk_and_each_sent_once(tts):
    sb, channel, client = tts
    book = sb.dialect.returns_book
    book.rate = 0.0  # only the returns this test asks for
    shipped = [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED) if not o.courier.own
               and o.cancel_request is None][:40]
    for o in shipped:
        sb.force_status(o.order_id, Status.DELIVERED)
    with sb.shop.lock:
        for o in shipped:
            o.delivered_time = sb.clock.now()
        asked = [book.request(o, sr.RETURN_AND_REFUND) for o in shipped]
    rs.sync_returns(channel, client)
    rows = [m.Return.get(m.Return.return_id == r.return_id) for r in asked]
    approve, reject = rows[:20], rows[20:]
    dead = {"station": installation_id(), "host": "x", "pid": dead_pid()}

    def left(ret: m.Return, kind: str, **payload: object) -> None:
        m.Action.create(channel=channel.id, kind=kind, status="sent", station="tester@desk1",
                        payload={"return_id": ret.return_id, "ret": ret.id, "from_status": ret.status,
                                 "idempotency_key": f"k-{ret.return_id}", "_claim": dead, **payload})

    for ret in approve[:-1]:
        left(ret, rd.APPROVE, decision="APPROVE_RETURN")
    left(approve[-1], rd.APPROVE, decision="APPROVE_REFUND")  # does not fit this return: refused when sent
    for ret in reject:
        left(ret, rd.REJECT, decision="REJECT_RETURN", reason=PRODUCT_AS_DESCRIBED, reason_label="", comment="")
    with sb.shop.lock:  # 8 of each reached the shop before the kill, their answers never stored
        for ret in approve[:8]:
            book.approve(ret.return_id, "APPROVE_RETURN")
        for ret in reject[:8]:
            book.reject(ret.return_id, "REJECT_RETURN", PRODUCT_AS_DESCRIBED, "")
    sb.faults.force("return_approve", "lost")  # the resume's first approval: applied, its answer lost
    in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)

    before = Counter(sb.calls)
    results = rs_resume(channel, client)
    calls = Counter(sb.calls) - before

    by_id = {r.return_id: r for r in results}
    refused = approve[-1].return_id
    assert len(results) == 40
    assert all(r.ok for rid, r in by_id.items() if rid != refused), [r.error for r in results if not r.ok][:3]
    assert not by_id[refused].ok and not by_id[refused].pending
    for ret in rows:  # each decided exactly once on the marketplace, none sent again after it was taken
        assert book.decision_requests[ret.return_id] == 1, ret.return_id
        assert book.decisions[ret.return_id] == (0 if ret.return_id == refused else 1)
    assert all(m.Return.get_by_id(r.id).state == "on_its_way" for r in approve[:-1])
    assert all(m.Return.get_by_id(r.id).state == "closed" for r in reject)
    assert m.Return.get_by_id(approve[-1].id).problem.startswith("Could not approve")
    assert Counter(a.status for a in m.Action.select()) == {"done": 39, "failed": 1}
    # 16 answered before the kill, and the one whose answer was lost, found decided by reading:
    assert m.Action.select().where(m.Action.error == "confirmed by reading the marketplace").count() == 17
    # The returns read 50 a search: once before deciding, once for those the shop took, once for the lost answer;
    # before, a search per open decision and another after each one sent.
    assert calls["return_search"] <= 4, calls
    assert calls["return_approve"] == 12 and calls["return_reject"] == 12, calls
    assert in_flight.most > 1  # the decisions went out side by side


# ---- a stop: what was read is settled, what was not sent is given back ----------------------------------------------
class StopAfter:
    """A cancel flag that turns on after `n` checks."""

    def __init__(self, n: int) -> None:
        self.n, self.checks = n, 0

    def __call__(self) -> bool:
        self.checks += 1
        return self.checks > self.n


def test_a_stop_gives_back_the_answers_not_sent_and_the_next_resume_sends_each_once(tts):
    sb, channel, client = tts
    orders = to_ship(sb, 30)
    with sb.shop.lock:
        for order in orders:
            shop_order(sb, order).cancel_request = {"reason": "Berubah pikiran", "time": sb.clock.now()}
    left_open(orders, cancellations.APPROVE, [{"cancel_id": tj.cancel_id(shop_order(sb, o)),
                                               "idempotency_key": f"key-{o.order_id}"} for o in orders])
    with sb.shop.lock:
        for order in orders[:10]:
            sb.shop.nack(shop_order(sb, order).order_id, 8, "Berubah pikiran", buyer_request=True)

    # Stopped once the requests were read: the 10 found answered are settled, the 20 others never sent.
    stopped = cancellations.BuyerRequests(channel, client).resume_pending(cancel=StopAfter(1))
    assert len(stopped) == 30 and sum(r.ok for r in stopped) == 10
    assert all(r.pending and "stopped" in r.error for r in stopped if not r.ok)
    assert "cancel_approve" not in sb.calls
    assert Counter(a.status for a in m.Action.select()) == {"done": 10, "unknown": 20}

    results = resume_pending(channel, client)
    assert len(results) == 20 and all(r.ok for r in results)
    assert sb.calls["cancel_approve"] == 20 and all(shop_order(sb, o).nacks == 1 for o in orders)


def test_a_stop_gives_back_the_return_decisions_not_sent(tts):
    sb, channel, client = tts
    book = sb.dialect.returns_book
    book.rate = 0.0
    shipped = [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED) if not o.courier.own
               and o.cancel_request is None][:12]
    for o in shipped:
        sb.force_status(o.order_id, Status.DELIVERED)
    with sb.shop.lock:
        asked = [book.request(o, sr.RETURN_AND_REFUND) for o in shipped]
    rs.sync_returns(channel, client)
    dead = {"station": installation_id(), "host": "x", "pid": dead_pid()}
    for r in asked:
        ret = m.Return.get(m.Return.return_id == r.return_id)
        m.Action.create(channel=channel.id, kind=rd.APPROVE, status="sent", station="tester@desk1",
                        payload={"return_id": ret.return_id, "ret": ret.id, "from_status": ret.status,
                                 "decision": "APPROVE_RETURN", "idempotency_key": f"k-{ret.return_id}",
                                 "_claim": dead})
    with sb.shop.lock:
        for r in asked[:4]:
            book.approve(r.return_id, "APPROVE_RETURN")

    stopped = rd.ReturnDesk(channel, client).resume_pending(cancel=StopAfter(1))
    assert len(stopped) == 12 and sum(r.ok for r in stopped) == 4
    assert all(r.pending and "stopped" in r.error for r in stopped if not r.ok)
    assert sum(book.decision_requests.values()) == 4  # the 4 before the kill; nothing sent after the stop
    assert Counter(a.status for a in m.Action.select()) == {"done": 4, "unknown": 8}

    results = rs_resume(channel, client)
    assert len(results) == 8 and all(r.ok for r in results)
    assert all(book.decision_requests[r.return_id] == 1 and book.decisions[r.return_id] == 1 for r in asked)
