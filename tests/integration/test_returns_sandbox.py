"""Returns and refunds on a Tokopedia & Shop channel against the sandbox's TikTok Shop dialect: buyers' requests
synced (idempotent, from the cursor), deadlines that run out into the platform's approval, returned parcels with a
return tracking number, decisions through the outbox (lost answers resolved by reading, each decided exactly once),
stock that comes back only with the goods, the CLI, and the legacy Tokopedia channel that has no returns API."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import (  # noqa: F401 - fixtures
    channel,
    client,
    fresh,
    sb,
    shop_now,
)
from tokodesk.cli import main
from tokodesk.sandbox import Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.sandbox import tiktokshop_returns as sr
from tokodesk.services import returns as rs
from tokodesk.services.return_desk import ReturnDesk
from tokodesk.store import models as m

DAY = 86400


def delivered(sb, n: int) -> list:  # noqa: ANN001, F811
    """`n` sandbox orders delivered to the buyer (forced there), as the shop keeps them."""
    picked, seen = [], set()
    for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED):
        skus = {line.sku for line in o.lines}
        if not o.courier.own and not skus & seen and len(picked) < n:  # no SKU in two of them: stock tells apart
            picked.append(o)
            seen |= skus
    assert len(picked) == n
    for o in picked:
        sb.force_status(o.order_id, Status.DELIVERED)
        with sb.shop.lock:
            o.delivered_time = sb.clock.now()
    return picked


def ask(sb, orders, kind=sr.RETURN_AND_REFUND):  # noqa: ANN001, ANN201, F811
    with sb.shop.lock:
        return [sb.dialect.returns_book.request(o, kind) for o in orders]


@pytest.fixture
def setup(sb, channel, client):  # noqa: F811
    sb.dialect.returns_book.rate = 0.0  # only the returns a test asks for
    ch = pulled(sb, channel, client)
    return ch, delivered(sb, 4)


def row(sandbox_return) -> m.Return:  # noqa: ANN001
    return m.Return.get(m.Return.return_id == sandbox_return.return_id)


def test_sync_stores_requests_once_and_follows_them_until_the_parcel_is_back(sb, setup, client, capsys):  # noqa: F811
    ch, orders = setup
    refund, back = ask(sb, orders[:1], sr.REFUND) + ask(sb, orders[1:2])
    assert main(["sync", "returns", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert (first["kind"], first["fetched"], first["created"], first["status"]) == ("returns", 2, 2, "ok")

    r = row(back)
    assert (r.state, r.return_type, r.status) == ("needs_answer", "RETURN_AND_REFUND", sr.PENDING)
    assert r.next_action == "SELLER_RESPOND_RETURN" and r.next_deadline is not None
    assert r.order_id == tj.order_id(orders[1]) and r.local_order_id is not None
    assert r.evidence and all(link.endswith(".jpg") for link in r.evidence)
    assert r.reason_text == "Produk rusak"
    assert [(ln.sku, ln.quantity) for ln in r.lines] == [(line.sku, line.quantity) for line in orders[1].lines]
    assert all(ln.seller_sku for ln in r.lines)
    assert row(refund).return_type == "REFUND"

    # Idempotent: the same returns again change nothing.
    assert main(["sync", "returns", "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    lines = len(orders[0].lines) + len(orders[1].lines)
    assert again["created"] == 0 and m.Return.select().count() == 2 and m.ReturnLine.select().count() == lines

    # Nobody answered: past the 2-day deadline the platform approves; the buyer then sends the parcel back.
    sb.advance(3 * DAY)
    with sb.shop.lock:
        sb.dialect.returns_book.tick()
    assert main(["sync", "returns", "--json"]) == 0
    capsys.readouterr()
    assert (row(refund).state, row(refund).status) == ("closed", sr.SUCCESS)
    r = row(back)
    assert (r.state, r.status) == ("to_inspect", sr.SHIPPED)
    assert r.return_tracking_number == f"RTN{back.number:09d}" and r.return_courier == "J&T Express"
    assert r.next_action == "SELLER_RESPOND_RECEIVE_PACKAGE"


def test_buyers_ask_over_time_for_delivered_orders(sb, channel, client):  # noqa: F811
    book = sb.dialect.returns_book
    book.rate = 1.0
    with sb.shop.lock:
        book.tick()  # the week of history the shop was generated with has its returns already
    fresh_orders = delivered(sb, 3)
    with sb.shop.lock:
        book.tick()
        assert not set(book.by_order) & {o.order_id for o in fresh_orders}  # an hour at least after delivery
    sb.advance(DAY + 3600)
    with sb.shop.lock:
        book.tick()
    assert {o.order_id for o in fresh_orders} <= set(book.by_order)
    assert {r.order.status for r in book.returns.values()} <= {Status.DELIVERED, Status.COMPLETED}
    assert {r.return_type for r in book.returns.values()} == {sr.REFUND, sr.RETURN_AND_REFUND}
    rs.sync_returns(channel, client)
    assert m.Return.select().count() == len(book.returns)


def test_approve_and_reject_from_the_cli(sb, setup, client, capsys):  # noqa: F811
    ch, orders = setup
    approve, reject = ask(sb, orders[:2])
    rs.sync_returns(ch, client)

    assert main(["returns", "list", "--state", "needs_answer", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [x["return_id"] for x in listed] == [approve.return_id, reject.return_id]  # soonest deadline first
    assert listed[0]["seconds_left"] > 0 and listed[0]["deadline"].endswith("+07:00")

    assert main(["returns", "approve", approve.return_id, "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["ok"] and result["state"] == "on_its_way"
    assert approve.status == sr.AWAITING_SHIP and row(approve).decision == "approve"

    # A reason the marketplace does not offer is refused before anything is sent, naming the ones it offers.
    assert main(["returns", "reject", reject.return_id, "--reason", "I do not like it"]) == 2
    err = capsys.readouterr().err
    assert "reverse_reject_request_reason_no_evidence" in err and reject.status == sr.PENDING
    assert sb.dialect.returns_book.decision_requests[reject.return_id] == 0

    assert main(["returns", "reject", reject.return_id, "--reason", "Bukti dari pembeli tidak cukup",
                 "--comment", "Foto tidak menunjukkan kerusakan"]) == 0
    assert reject.status == sr.REJECTED
    assert reject.records[-1]["note"] == "Foto tidak menunjukkan kerusakan"
    r = row(reject)
    assert (r.state, r.decision) == ("closed", "reject") and "Bukti dari pembeli" in r.decision_detail
    assert dict(sb.dialect.returns_book.decisions) == {approve.return_id: 1, reject.return_id: 1}


def test_offer_a_partial_refund_typed_by_the_seller(sb, setup, client, capsys):  # noqa: F811
    ch, orders = setup
    [ret] = ask(sb, orders[:1])
    rs.sync_returns(ch, client)
    full = row(ret).refund_total
    assert full > 2
    # Above the full refund (or nothing at all) is refused before anything is sent.
    assert main(["returns", "offer", ret.return_id, "--amount", str(full)]) == 2
    assert "below the full refund" in capsys.readouterr().err
    assert main(["returns", "offer", ret.return_id, "--amount", "lima ribu"]) == 2
    capsys.readouterr()
    assert sb.dialect.returns_book.decision_requests[ret.return_id] == 0

    half = full // 2
    assert main(["returns", "offer", ret.return_id, "--amount", f"{half:,}".replace(",", "."), "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["ok"] and ret.status == sr.AWAITING_BUYER and ret.partial_amount == half
    r = row(ret)
    assert (r.decision, r.return_type, r.state) == ("offer", "PARTIAL_REFUND", "on_its_way")
    sb.advance(DAY)  # the buyer accepts: they keep the goods, nothing comes back
    rs.sync_returns(ch, client)
    assert (row(ret).state, row(ret).status) == ("closed", sr.SUCCESS)


def test_lost_answers_over_a_batch_each_decided_exactly_once(sb, setup, client):  # noqa: F811
    ch, orders = setup
    asked = ask(sb, orders)
    rs.sync_returns(ch, client)
    sb.faults.force("return_approve", "lost", 2)
    sb.faults.force("return_reject", "lost", 1)
    desk = ReturnDesk(ch, client)
    results = [desk.approve(row(r)) for r in asked[:3]] + [desk.reject(row(asked[3]), PACKAGE_OR_REQUEST)]
    assert all(o.ok for o in results), [o.error for o in results]
    book = sb.dialect.returns_book
    # The lost answers were resolved by reading the return, never by sending again.
    assert {r.return_id: book.decision_requests[r.return_id] for r in asked} == {r.return_id: 1 for r in asked}
    assert {r.return_id: book.decisions[r.return_id] for r in asked} == {r.return_id: 1 for r in asked}
    assert m.Action.select().where(m.Action.kind.startswith("return_")).count() == 4
    assert not m.Action.select().where(m.Action.status != "done").exists()


PACKAGE_OR_REQUEST = "reverse_reject_request_reason_product_as_described"


def test_a_decision_killed_before_its_answer_is_resolved_by_reading(sb, setup, client):  # noqa: F811
    """A process that died after sending (the action left `sent` by a dead pid) and one whose answer was lost and
    never checked (`unknown`): the next sync reads each return first and sends only what did not arrive."""
    ch, orders = setup
    arrived, never_sent, unknown = ask(sb, orders[:3])
    rs.sync_returns(ch, client)
    dead = {"station": __import__("tokodesk.station", fromlist=["x"]).installation_id(), "host": "x", "pid": 2**22 + 7}
    for r, status in ((arrived, "sent"), (never_sent, "sent"), (unknown, "unknown")):
        m.Action.create(channel=ch.id, kind="return_approve", status=status, station="other",
                        payload={"return_id": r.return_id, "ret": row(r).id, "from_status": sr.PENDING,
                                 "decision": "APPROVE_RETURN", "idempotency_key": f"k-{r.number}", "_claim": dead})
    with sb.shop.lock:  # the first and the third did reach the marketplace before their answers were lost
        sb.dialect.returns_book.approve(arrived.return_id, "APPROVE_RETURN")
        sb.dialect.returns_book.approve(unknown.return_id, "APPROVE_RETURN")
    summary = rs.sync_returns(ch, client)
    assert summary.status == "ok"
    book = sb.dialect.returns_book
    assert {r.return_id: book.decisions[r.return_id] for r in (arrived, never_sent, unknown)} == {
        arrived.return_id: 1, never_sent.return_id: 1, unknown.return_id: 1}
    assert book.decision_requests[never_sent.return_id] == 1
    assert book.decision_requests[arrived.return_id] == 1 and book.decision_requests[unknown.return_id] == 1
    assert not m.Action.select().where(m.Action.status != "done").exists()
    assert all(row(r).state == "on_its_way" for r in (arrived, never_sent, unknown))


def _stock(sku: str) -> m.StockItem:
    return m.StockItem.get(m.StockItem.seller_sku == sku)


def test_stock_comes_back_only_with_the_goods(sb, setup, client, capsys):  # noqa: F811
    ch, orders = setup
    good, damaged, refund_only, uncounted = (ask(sb, orders[:1]) + ask(sb, orders[1:2]) +
                                             ask(sb, orders[2:3], sr.REFUND) + ask(sb, orders[3:4]))
    rs.sync_returns(ch, client)
    skus = {r.return_id: [ln.seller_sku for ln in row(r).lines] for r in (good, damaged, refund_only, uncounted)}
    for r in (good, damaged, refund_only):
        for sku in skus[r.return_id]:
            m.StockItem.update(on_hand=10, damaged=0).where(m.StockItem.seller_sku == sku).execute()
    for sku in skus[uncounted.return_id]:
        m.StockItem.update(on_hand=None).where(m.StockItem.seller_sku == sku).execute()
    desk = ReturnDesk(ch, client)
    for r in (good, damaged, refund_only, uncounted):
        assert desk.approve(row(r)).ok
    sb.advance(DAY)  # the buyers send the parcels back
    rs.sync_returns(ch, client)
    assert row(refund_only).state == "closed" and row(good).state == "to_inspect"

    # Refund only: nothing comes back, nothing moves.
    assert main(["returns", "receive", refund_only.return_id]) == 2
    assert "nothing to receive" in capsys.readouterr().err
    assert all(_stock(s).on_hand == 10 for s in skus[refund_only.return_id])

    # Resaleable: back on hand, one recorded movement per SKU; the received package approved on the marketplace.
    assert main(["returns", "receive", good.return_id, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["ok"]
    line = orders[0].lines[0]
    first = skus[good.return_id][0]
    assert _stock(first).on_hand == 10 + line.quantity and _stock(first).damaged == 0
    moves = list(m.StockMovement.select().where(m.StockMovement.seller_sku == first))
    assert [(mv.kind, mv.quantity, mv.on_hand_after) for mv in moves] == [
        ("return_resaleable", line.quantity, 10 + line.quantity)]
    assert good.status == sr.SUCCESS and row(good).state == "closed" and row(good).stock_returned
    # Received once: a second receive is refused and moves nothing.
    assert main(["returns", "receive", good.return_id]) == 2
    assert "already received" in capsys.readouterr().err
    assert _stock(first).on_hand == 10 + line.quantity

    # Damaged: to the damaged count, not on hand.
    d_line = orders[1].lines[0]
    d_sku = skus[damaged.return_id][0]
    assert main(["returns", "receive", damaged.return_id, "--damaged", f"{d_sku}={d_line.quantity}"]) == 0
    assert (_stock(d_sku).on_hand, _stock(d_sku).damaged) == (10, d_line.quantity)
    assert m.StockMovement.get(m.StockMovement.seller_sku == d_sku).kind == "return_damaged"

    # An uncounted SKU stays uncounted (and the movement says so).
    u_sku = skus[uncounted.return_id][0]
    assert main(["returns", "receive", uncounted.return_id]) == 0
    assert _stock(u_sku).on_hand is None
    mv = m.StockMovement.get(m.StockMovement.seller_sku == u_sku)
    assert mv.on_hand_after is None and "uncounted" in mv.note


def test_a_legacy_tokopedia_channel_reads_its_tickets_and_answers_nothing(tokodesk_home, capsys):
    """The legacy API lists resolution tickets (read-only): the sync stores them with the seller's deadline, linked
    to the order by invoice and to the seller's SKUs by product; a decision is refused before anything is sent."""
    from tokodesk import credentials
    from tokodesk.marketplace.tokopedia import TokopediaClient
    from tokodesk.sandbox import Sandbox
    from tokodesk.services import catalog, scheduler
    from tokodesk.services.orders import pull_orders
    from tokodesk.store.connection import close_database, open_database

    with Sandbox(seed=3, orders=30, products=6, freeze_clock=True) as box:
        box.dialect.returns_book.rate = 0.0
        open_database()
        cr = box.credentials
        ch = m.Channel.create(name="legacy", marketplace="tokopedia", fs_id=str(cr["fs_id"]),
                              client_id=cr["client_id"], shop_id=str(cr["shop_id"]), api_base=box.url,
                              auth_url=box.url, order_sync_from=shop_now(box) - timedelta(days=2))
        credentials.set_client_secret(ch.name, cr["client_secret"])
        client = TokopediaClient.from_channel(ch, timeout=5, sleep=box.clock.advance, clock=box.clock.monotonic)
        catalog.pull_skus(ch, client)
        pull_orders(m.Channel.get_by_id(ch.id), client, now=shop_now(box))
        stored = {o.invoice for o in m.Order.select()}
        order = next(o for o in box.orders_in_status(Status.ACCEPTED, Status.PAID) if o.invoice in stored)
        box.force_status(order.order_id, Status.DELIVERED)
        [ticket] = ask(box, [order], sr.REFUND)
        assert "returns" not in {d.kind for d in scheduler.due_runs()}  # read-only: on demand, or from a date
        m.Channel.update(return_sync_from=shop_now(box) - timedelta(days=1)).where(m.Channel.id == ch.id).execute()
        assert "returns" in {d.kind for d in scheduler.due_runs()}
        client.close()
        close_database()
        assert main(["sync", "returns", "--channel", "legacy", "--json"]) == 0
        summary = json.loads(capsys.readouterr().out)
        assert (summary["status"], summary["created"]) == ("ok", 1)
        assert main(["returns", "list", "--json"]) == 0
        [listed] = json.loads(capsys.readouterr().out)
        assert listed["return_id"] == str(ticket.number) and listed["invoice"] == order.invoice
        assert listed["state"] == "needs_answer" and listed["seconds_left"] > 0 and listed["type"] == "REFUND"
        assert [ln["seller_sku"] for ln in listed["lines"]] and all(ln["seller_sku"] for ln in listed["lines"])
        assert main(["returns", "approve", str(ticket.number)]) == 2
        assert "no decisions on returns" in capsys.readouterr().err
        assert ticket.status == sr.PENDING and not box.dialect.returns_book.decision_requests


def test_a_parcel_approval_that_did_not_go_through_is_sent_again_without_moving_stock_twice(sb, setup, client):  # noqa: F811
    ch, orders = setup
    [ret] = ask(sb, orders[:1])
    rs.sync_returns(ch, client)
    desk = ReturnDesk(ch, client)
    assert desk.approve(row(ret)).ok
    sb.advance(DAY)
    rs.sync_returns(ch, client)
    sku = row(ret).lines[0].seller_sku
    m.StockItem.update(on_hand=7).where(m.StockItem.seller_sku == sku).execute()
    sb.faults.force("return_approve", "error", 100)  # the marketplace fails every try of the parcel's approval
    first = desk.receive(row(ret))
    assert not first.ok and ret.status == sr.SHIPPED
    on_hand = m.StockItem.get(m.StockItem.seller_sku == sku).on_hand
    assert on_hand == 7 + orders[0].lines[0].quantity  # the goods are on the desk whatever the marketplace said
    assert row(ret).problem
    rs.sync_returns(ch, client)  # a sync in between (its resume meets the same failure) keeps the parcel to inspect
    assert row(ret).state == "to_inspect" and row(ret).stock_returned
    sb.faults.clear()
    again = desk.receive(row(ret))
    assert again.ok, again.error
    assert ret.status == sr.SUCCESS and sb.dialect.returns_book.decisions[ret.return_id] == 2  # approve + parcel
    assert m.StockItem.get(m.StockItem.seller_sku == sku).on_hand == on_hand  # not moved twice
    assert m.StockMovement.select().where(m.StockMovement.seller_sku == sku).count() == 1
    assert row(ret).state == "closed" and not row(ret).problem


def test_the_marketplace_proposes_the_partial_refund_for_the_units_chosen(sb, setup, client, capsys):  # noqa: F811
    """`returns offer --units SKU=QTY` asks Calculate Refund and prints the figure; nothing is offered until the
    seller gives --amount (the figure they saw, or another)."""
    ch, orders = setup
    [ret] = ask(sb, orders[:1])
    rs.sync_returns(ch, client)
    line = row(ret).lines[0]
    units, price = 1, orders[0].lines[0].price
    assert main(["returns", "offer", ret.return_id, "--units", f"{line.seller_sku}={units}", "--json"]) == 0
    proposal = json.loads(capsys.readouterr().out)
    assert proposal["proposed"] == price * units and proposal["refund_total"] == row(ret).refund_total
    assert ret.status == sr.PENDING and sb.dialect.returns_book.decision_requests[ret.return_id] == 0
    # More units than the buyer asked about, or a SKU the return lacks: refused before anything is asked.
    assert main(["returns", "offer", ret.return_id, "--units", f"{line.seller_sku}={line.quantity + 1}"]) == 2
    assert f"the buyer asked about {line.quantity}" in capsys.readouterr().err
    assert main(["returns", "offer", ret.return_id, "--units", "SEPATU-42=1"]) == 2
    assert "has no such SKU" in capsys.readouterr().err
