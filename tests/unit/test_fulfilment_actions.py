"""Acknowledge, pack, ship and cancel against a marketplace double: results, refusals, lost answers."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tests.unit.fulfilment_fake import FakeMarketplace, remote_order, store_order
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services.fulfilment import CancelChoice, Fulfilment
from tokodesk.store import models as m

S = base.OrderState


@pytest.fixture
def channel(any_database):
    return m.Channel.create(name="toko", marketplace="tokopedia", business_model="pickup", ready_to_ship_at="pack")


def setup(channel, specs, marketplace="tokopedia"):
    """specs: (order_id, state, extra); the marketplace and the store start equal."""
    remotes = [remote_order(oid, state, **extra) for oid, state, extra in specs]
    fake = FakeMarketplace(remotes, marketplace)
    # The store gets its own copies: the fake's orders change when the marketplace applies a call.
    rows = [store_order(channel, remote_order(oid, state, **extra)) for oid, state, extra in specs]
    return fake, rows


def service(fake):
    return Fulfilment(adapters=lambda channel: fake)


def snapshot(order):
    row = m.Order.get_by_id(order.id)
    return (row.state, row.version, row.awb, row.packed_at, row.problem,
            m.Action.select().count(), m.OrderEvent.select().count())


# ---- acknowledge ----------------------------------------------------------------------------------------
def test_ack_accepts_each_order_once_deadline_first_and_records_who(channel):
    soon, later = datetime(2026, 11, 21, 1), datetime(2026, 11, 22, 1)
    fake, rows = setup(channel, [("1", S.NEW, {"accept_deadline": later}), ("2", S.NEW, {"accept_deadline": soon}),
                                 ("3", S.NEW, {})])
    results = service(fake).acknowledge(rows)

    assert [r.order_id for r in results] == ["2", "1", "3"]
    assert [c for c in fake.calls if c[0] == "ack"] == [("ack", "2"), ("ack", "1"), ("ack", "3")]
    assert all(r.ok and r.state == "acknowledged" for r in results)
    assert all(fake.applied[("ack", o)] == 1 for o in "123")
    assert {a.status for a in m.Action.select()} == {"done"}
    events = list(m.OrderEvent.select().where(m.OrderEvent.kind == "ack"))
    assert len(events) == 3 and all(e.ok and e.who == "tester@desk1" for e in events)


def test_ack_refuses_an_order_that_is_not_new_and_changes_nothing(channel):
    fake, rows = setup(channel, [("1", S.ACKNOWLEDGED, {})])
    before = snapshot(rows[0])
    [result] = service(fake).acknowledge(rows)
    assert not result.ok and result.refused and "Only new orders" in result.error
    assert snapshot(rows[0]) == before
    assert fake.calls == []


def test_ack_on_a_marketplace_without_accept_step_says_so(channel):
    fake, rows = setup(channel, [("1", S.NEW, {})], marketplace="tiktokshop")
    before = snapshot(rows[0])
    [result] = service(fake).acknowledge(rows)
    assert result.refused and "has no accept step" in result.error
    assert snapshot(rows[0]) == before


def test_ack_whose_answer_is_lost_is_confirmed_by_reading_not_resent(channel):
    fake, rows = setup(channel, [("1", S.NEW, {})])
    fake.fault("ack", "lose")
    [result] = service(fake).acknowledge(rows)
    assert result.ok and result.state == "acknowledged"
    assert fake.applied[("ack", "1")] == 1
    assert [c[0] for c in fake.calls] == ["ack", "get_order"]
    action = m.Action.get()
    assert action.status == "done" and "confirmed by reading" in action.error
    assert not m.Order.get_by_id(rows[0].id).changed_outside  # our own accept, not Seller Center's


def test_ack_lost_before_it_arrived_is_sent_again_after_reading(channel):
    fake, rows = setup(channel, [("1", S.NEW, {})])
    fake.fault("ack", "drop")
    [result] = service(fake).acknowledge(rows)
    assert result.ok
    assert [c[0] for c in fake.calls] == ["ack", "get_order", "ack"]
    assert fake.applied[("ack", "1")] == 1


def test_ack_lost_and_unreadable_stays_unknown_until_resumed(channel):
    fake, rows = setup(channel, [("1", S.NEW, {})])
    fake.fault("ack", "lose")
    fake.read_failures = 1
    [result] = service(fake).acknowledge(rows)
    assert not result.ok and result.pending and "TokoDesk checks again" in result.error
    assert m.Action.get().status == "unknown"
    assert m.Order.get_by_id(rows[0].id).state == "new"

    resumed = service(fake).resume_pending(channel)
    assert [r.ok for r in resumed] == [True]
    assert m.Action.get().status == "done"
    assert m.Order.get_by_id(rows[0].id).state == "acknowledged"
    assert fake.applied[("ack", "1")] == 1


def test_ack_refused_by_the_marketplace_reports_its_reason_and_marks_the_order(channel):
    fake, rows = setup(channel, [("1", S.NEW, {})])
    fake.fault("ack", "error:ORD_USC_007:upstream service failed")
    [result] = service(fake).acknowledge(rows)
    assert not result.ok and not result.refused
    assert "its own service failed" in result.error
    row = m.Order.get_by_id(rows[0].id)
    assert row.action_failed and "its own service failed" in row.problem and row.state == "new"
    assert m.Action.get().status == "failed"
    assert not m.OrderEvent.get(m.OrderEvent.kind == "ack").ok


def test_ack_already_done_in_seller_center_counts_as_done(channel):
    fake, rows = setup(channel, [("1", S.NEW, {})])
    fake.orders["1"].state = S.ACKNOWLEDGED  # accepted in Seller Center since the last pull
    [result] = service(fake).acknowledge(rows)
    assert result.ok and result.state == "acknowledged"
    assert fake.applied[("ack", "1")] == 0


def test_ack_of_an_order_cancelled_meanwhile_fails_and_follows_the_marketplace(channel):
    fake, rows = setup(channel, [("1", S.NEW, {})])
    fake.orders["1"].state = S.CANCELLED
    [result] = service(fake).acknowledge(rows)
    assert not result.ok and result.state == "cancelled"
    assert m.Order.get_by_id(rows[0].id).changed_outside  # the packer must notice


# ---- pack ---------------------------------------------------------------------------------------------
def test_pack_records_who_and_when_and_is_ready_to_ship_at_pack(channel):
    fake, rows = setup(channel, [("1", S.ACKNOWLEDGED, {})])
    [result] = service(fake).pack(rows)
    row = m.Order.get_by_id(rows[0].id)
    assert result.ok and row.state == "ready_to_ship"
    assert row.packed_by == "tester@desk1" and row.packed_at is not None
    assert m.OrderEvent.get().kind == "pack"
    assert fake.calls == [] and m.Action.select().count() == 0


def test_pack_waits_for_the_manifest_when_the_channel_says_so(channel):
    channel.ready_to_ship_at = "manifest"
    channel.save()
    fake, rows = setup(channel, [("1", S.ACKNOWLEDGED, {})])
    [result] = service(fake).pack(rows)
    assert result.ok and result.state == "packed"


def test_pack_refuses_unmapped_lines_and_wrong_states_changing_nothing(channel):
    remote = remote_order("9", S.ACKNOWLEDGED)
    fake = FakeMarketplace([remote])
    unmapped = store_order(channel, remote, mapped=False)
    fake2, (new_order,) = setup(channel, [("8", S.NEW, {})])
    before = [snapshot(unmapped), snapshot(new_order)]
    results = service(fake).pack([unmapped, new_order])
    by_id = {r.order_id: r for r in results}
    assert by_id["9"].refused and "unmapped: SKU-A" in by_id["9"].error
    assert by_id["8"].refused and "Accept the order before packing" in by_id["8"].error
    assert [snapshot(unmapped), snapshot(new_order)] == before


# ---- ship ---------------------------------------------------------------------------------------------
def packed(channel, fake_specs, state=S.READY_TO_SHIP):
    fake, rows = setup(channel, fake_specs)
    for row in rows:
        m.Order.update(state=state.value).where(m.Order.id == row.id).execute()
    return fake, [m.Order.get_by_id(r.id) for r in rows]


def test_ship_pickup_requests_pickup_and_awaits_the_courier(channel):
    fake, rows = packed(channel, [("1", S.ACKNOWLEDGED, {})])
    [result] = service(fake).ship(rows)
    assert result.ok and result.state == "awaiting_pickup"
    assert fake.applied[("ship:pickup", "1")] == 1
    assert "pick-up requested" in m.OrderEvent.get(m.OrderEvent.kind == "ship").detail


def test_a_ship_settles_from_the_order_as_stored_when_its_answer_came(channel):
    """While the pick-up requests are out, the status refresh stores one order's booking code (it bumps no version)
    and a sync stores another as cancelled by the buyer: the batch's settling reads both as they are now, so the
    event names the code and the cancelled order stays cancelled."""
    fake, rows = packed(channel, [("1", S.ACKNOWLEDGED, {}), ("2", S.ACKNOWLEDGED, {})])
    real_ship = fake.ship

    def ship_while_others_write(order, method, awb=None):
        result = real_ship(order, method, awb)
        if order.order_id == "1":
            m.Order.update(booking_code="TKP-NOW").where(m.Order.order_id == "1").execute()
        else:
            m.Order.update(state=S.CANCELLED.value, version=m.Order.version + 1).where(
                m.Order.order_id == "2").execute()
        return result

    fake.ship = ship_while_others_write
    first, second = service(fake).ship(rows)
    assert first.ok and first.state == "awaiting_pickup"
    event = m.OrderEvent.get((m.OrderEvent.kind == "ship") & (m.OrderEvent.order == rows[0].id))
    assert "code TKP-NOW" in event.detail
    assert second.state == "cancelled" and m.Order.get_by_id(rows[1].id).state == "cancelled"


def test_ship_dropoff_records_the_handover_and_keeps_following_the_status(channel):
    channel.business_model = "dropoff"
    channel.save()
    fake, rows = packed(channel, [("1", S.ACKNOWLEDGED, {"booking_code": "TKP1"})])
    [result] = service(fake).ship(rows)
    row = m.Order.get_by_id(rows[0].id)
    assert result.ok and row.state == "ready_to_ship" and row.handed_over_at is not None
    assert "TKP1" in m.OrderEvent.get(m.OrderEvent.kind == "ship").detail


def test_ship_own_courier_needs_the_awb_then_confirms_with_it(channel):
    channel.business_model = "own_courier"
    channel.save()
    fake, rows = packed(channel, [("1", S.ACKNOWLEDGED, {})])
    before = snapshot(rows[0])
    [refused] = service(fake).ship(rows)
    assert refused.refused and "needs the AWB" in refused.error
    assert snapshot(rows[0]) == before

    [result] = service(fake).ship(rows, awbs={"1": " JP1234567890 "})
    row = m.Order.get_by_id(rows[0].id)
    assert result.ok and row.state == "shipped" and row.awb == "JP1234567890"
    assert fake.orders["1"].awb == "JP1234567890"


def test_ship_refuses_unpacked_and_on_hold_orders(channel):
    fake, rows = packed(channel, [("1", S.ACKNOWLEDGED, {})], state=S.ACKNOWLEDGED)
    fake2, held = packed(channel, [("2", S.ACKNOWLEDGED, {})], state=S.ON_HOLD)
    results = service(fake).ship(rows + held)
    errors = {r.order_id: r.error for r in results}
    assert "Pack the order before shipping" in errors["1"]
    assert "on hold" in errors["2"]
    assert m.Action.select().count() == 0 and fake.calls == []


def test_pickup_lost_twice_is_applied_once(channel):
    fake, rows = packed(channel, [("1", S.ACKNOWLEDGED, {})])
    fake.fault("ship:pickup", "drop", "lose")
    [result] = service(fake).ship(rows)
    assert result.ok and result.state == "awaiting_pickup"
    assert fake.applied[("ship:pickup", "1")] == 1


# ---- cancel -------------------------------------------------------------------------------------------
def test_cancel_with_a_reason_rejects_on_the_marketplace(channel):
    fake, rows = setup(channel, [("1", S.NEW, {})])
    [result] = service(fake).cancel_orders(rows, CancelChoice("1", "Stok habis"))
    assert result.ok and result.state == "cancelled"
    assert fake.orders["1"].state is S.CANCELLED
    assert "reason 1" in m.OrderEvent.get(m.OrderEvent.kind == "nack").detail


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        (CancelChoice(""), "Choose a cancel reason: 1 = Product out of stock"),
        (CancelChoice("6", "x"), "Reason '6' is not allowed"),
        (CancelChoice("1", ""), "Write a short explanation"),
        (CancelChoice("4", "tutup"), "needs the date the shop opens again"),
        (CancelChoice("4", "tutup", close_until=date(2020, 1, 1), close_note="libur"), "is in the past"),
        (CancelChoice("4", "tutup", close_until=date.today() + timedelta(days=5)), "needs a note for buyers"),
        (CancelChoice("7", "x" * 491), "at most 490"),
    ],
)
def test_cancel_refusals_change_nothing(channel, choice, message):
    fake, rows = setup(channel, [("1", S.NEW, {})])
    before = snapshot(rows[0])
    [result] = service(fake).cancel_orders(rows, choice)
    assert result.refused and message in result.error
    assert snapshot(rows[0]) == before
    assert fake.applied == {}


def test_cancel_shop_closed_sends_date_and_note(channel):
    fake, rows = setup(channel, [("1", S.NEW, {})])
    until = date.today() + timedelta(days=7)
    [result] = service(fake).cancel_orders(rows, CancelChoice("4", "Toko tutup", until, "Libur lebaran"))
    assert result.ok
    assert m.Action.get().payload["close_until"] == until.isoformat()


def test_cancel_is_refused_once_the_parcel_left(channel):
    fake, rows = packed(channel, [("1", S.ACKNOWLEDGED, {})], state=S.SHIPPED)
    [result] = service(fake).cancel_orders(rows, CancelChoice("1", "x"))
    assert result.refused and "cannot be cancelled" in result.error


# ---- batches and stations -----------------------------------------------------------------------------
def test_a_stopped_batch_reports_the_rest_as_not_done(channel):
    fake, rows = setup(channel, [(str(i), S.NEW, {}) for i in range(1, 5)])
    done = []
    f = Fulfilment(adapters=lambda c: fake,
                   progress=lambda n, total, msg: done.append(n), cancel=lambda: len(done) >= 1)
    results = f.acknowledge(rows)
    assert [r.ok for r in results] == [True, False, False, False]  # stopped once the first answer was in
    assert all(r.refused and "stopped" in r.error for r in results[1:])
    assert sum(fake.applied.values()) == 1
    assert [o.state for o in m.Order.select().order_by(m.Order.id)] == ["acknowledged", "new", "new", "new"]
    assert outbox.counts() == {"done": 1}  # nothing left claimed or pending for the orders never sent


def test_a_stop_while_requests_are_in_flight_sends_none_of_the_waiting_ones(channel, monkeypatch):
    from tokodesk.services.fulfilment import pool

    monkeypatch.setattr(pool, "SENDERS", 2)
    fake, rows = setup(channel, [(str(i), S.NEW, {}) for i in range(1, 31)])
    stop = []
    real = fake.acknowledge

    def ack_then_stop(order_id):
        real(order_id)
        if len(fake.calls) >= 5:
            stop.append(True)  # the seller clicks Stop while the senders are busy

    fake.acknowledge = ack_then_stop
    results = Fulfilment(adapters=lambda c: fake, cancel=lambda: bool(stop)).acknowledge(rows)
    sent = {order_id for (_kind, order_id) in fake.calls}
    assert 5 <= len(sent) < 30
    for row, result in zip(sorted(rows, key=lambda r: r.id), results, strict=True):
        if row.order_id in sent:
            assert result.ok and fake.applied[("ack", row.order_id)] == 1
        else:
            assert result.refused and "stopped" in result.error and m.Order.get_by_id(row.id).state == "new"
    assert outbox.counts() == {"done": len(sent)}


def test_an_order_changed_by_another_station_is_refused(channel, monkeypatch):
    fake, rows = setup(channel, [("1", S.NEW, {})])
    from tokodesk.services.fulfilment import pool

    real = pool._claim_all

    def other_station_first(chunk, who):
        m.Order.update(version=m.Order.version + 1).where(m.Order.id == chunk[0].order.id).execute()
        return real(chunk, who)

    monkeypatch.setattr(pool, "_claim_all", other_station_first)
    [result] = service(fake).acknowledge(rows)
    assert result.refused and "another station" in result.error
    assert m.Action.select().count() == 0 and fake.calls == []


def test_in_a_batch_only_the_order_another_station_changed_is_refused(channel, monkeypatch):
    fake, rows = setup(channel, [(str(i), S.NEW, {}) for i in range(1, 41)])
    from tokodesk.services.fulfilment import pool

    real = pool._claim_all
    changed = rows[20]

    def other_station_first(chunk, who):
        if len(chunk) > 1:  # while the batch claims its chunk, another station changes one of its orders
            m.Order.update(version=m.Order.version + 1).where(m.Order.id == changed.id).execute()
        return real(chunk, who)

    monkeypatch.setattr(pool, "_claim_all", other_station_first)
    results = service(fake).acknowledge(rows)
    by_id = {r.order_id: r for r in results}
    assert by_id[changed.order_id].refused and "another station" in by_id[changed.order_id].error
    assert all(r.ok for r in results if r.order_id != changed.order_id)
    assert sum(fake.applied.values()) == 39 and ("ack", changed.order_id) not in fake.applied
    assert m.Action.select().where(m.Action.order == changed.id).count() == 0


def test_pending_action_left_by_a_crash_is_sent_once_on_resume(channel):
    fake, rows = setup(channel, [("1", S.NEW, {}), ("2", S.NEW, {})])
    # A crash right after the intent was written: one pending, one claimed by a process that is gone.
    outbox.enqueue(rows[0], "ack", {}, "tester@desk1")
    sent = outbox.enqueue(rows[1], "ack", {}, "tester@desk1")
    fake.acknowledge("2")  # that dead process's request did arrive
    here = {"station": outbox.installation_id(), "host": __import__("socket").gethostname(), "pid": 2**22 + 7}
    m.Action.update(status="sent", payload={"_claim": here}).where(m.Action.id == sent.id).execute()

    results = service(fake).resume_pending(channel)
    assert [r.ok for r in results] == [True, True]
    assert fake.applied[("ack", "1")] == 1 and fake.applied[("ack", "2")] == 1
    assert [m.Order.get_by_id(r.id).state for r in rows] == ["acknowledged", "acknowledged"]
    assert service(fake).resume_pending(channel) == []


def test_running_ack_again_finishes_an_unknown_one_instead_of_sending_twice(channel):
    fake, rows = setup(channel, [("1", S.NEW, {})])
    fake.fault("ack", "lose")
    fake.read_failures = 1
    service(fake).acknowledge(rows)
    [again] = service(fake).acknowledge(rows)
    assert again.ok and fake.applied[("ack", "1")] == 1
    assert m.Action.select().count() == 1


# ---- a write failing in the middle of a batch (issue 19: claims and settlements a chunk at a time) -------------
def _state_of_each(rows):
    """Per order: (its action's status, its state, its accept events), as stored."""
    found = []
    for row in rows:
        actions = [a.status for a in m.Action.select().where(m.Action.order == row.id)]
        events = m.OrderEvent.select().where((m.OrderEvent.order == row.id) & (m.OrderEvent.kind == "ack")).count()
        found.append((tuple(actions), m.Order.get_by_id(row.id).state, events))
    return found


def test_a_claim_failing_mid_batch_claims_that_chunk_order_by_order(channel, monkeypatch):
    from tokodesk.store import bulk

    fake, rows = setup(channel, [(str(i), S.NEW, {}) for i in range(1, 151)])
    calls = {"claims": 0}

    def failing_second_claim(real):
        def insert(model, fields, values, *rest):
            if model is m.Action:
                calls["claims"] += 1
                if calls["claims"] == 2:  # a chunk of 64, after the first order went alone
                    real(model, fields, values, *rest)  # the rows are written, then the statement "fails"
                    raise bulk.pw.OperationalError("database is locked")
            return real(model, fields, values, *rest)
        return insert

    monkeypatch.setattr(bulk, "insert", failing_second_claim(bulk.insert))
    monkeypatch.setattr(bulk, "insert_returning", failing_second_claim(bulk.insert_returning))
    results = service(fake).acknowledge(rows)
    assert all(r.ok for r in results) and len(results) == 150
    assert all(fake.applied[("ack", str(i))] == 1 for i in range(1, 151))
    assert _state_of_each(rows) == [(("done",), "acknowledged", 1)] * 150  # nothing of the failed chunk remained


def test_a_settle_failing_mid_batch_leaves_each_order_done_or_claimed_and_the_next_run_reads_them(channel,
                                                                                                 monkeypatch):
    """The answers are settled a group at a time (the actions, the orders, the events in one transaction). A write
    failing in the middle of one group stops the batch with that group rolled back whole: each order is settled
    whole (action done, acknowledged, one event), still claimed (action sent, order new, no event) or not claimed
    at all, never in between; once the process is gone, the next run finishes the claimed ones by reading them,
    sending none twice, and the rest are accepted as new."""
    from tokodesk.store import bulk

    fake, rows = setup(channel, [(str(i), S.NEW, {}) for i in range(1, 151)])
    real = bulk.insert
    calls = {"events": 0}

    def insert(model, fields, values):
        if model is m.OrderEvent:
            calls["events"] += 1
            if calls["events"] == 3:
                real(model, fields, values)
                raise bulk.pw.OperationalError("disk I/O error")
        return real(model, fields, values)

    monkeypatch.setattr(bulk, "insert", insert)
    with pytest.raises(bulk.pw.OperationalError):
        service(fake).acknowledge(rows)
    seen = _state_of_each(rows)
    done, claimed, untouched = (("done",), "acknowledged", 1), (("sent",), "new", 0), ((), "new", 0)
    assert set(seen) <= {done, claimed, untouched} and done in seen and claimed in seen
    monkeypatch.setattr(bulk, "insert", real)
    # The process that claimed them ended: its claims are orphans, resolved by reading each order.
    for action in m.Action.select().where(m.Action.status == outbox.SENT):
        action.payload = {**action.payload, outbox.CLAIM_KEY: {**action.payload[outbox.CLAIM_KEY], "pid": 2**22 + 7}}
        action.save()
    service(fake).resume_pending(channel)
    assert _state_of_each(rows) == [done if s == claimed else s for s in seen]
    assert all(r.ok for r in service(fake).acknowledge([r for r, s in zip(rows, seen, strict=True) if s == untouched]))
    assert _state_of_each(rows) == [done] * 150
    assert all(fake.applied[("ack", str(i))] == 1 for i in range(1, 151))
