"""The outbox's guards: one claimant per action, orphans recognised, results stored only by the claimant."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from tokodesk.services import outbox
from tokodesk.store import models as m


@pytest.fixture
def order(any_database):
    channel = m.Channel.create(name="toko", marketplace="tokopedia")
    return m.Order.create(channel=channel, order_id="1", state="new", created_at=datetime(2026, 11, 20))


def test_two_stations_claiming_the_same_action_only_one_wins(order):
    with m.db.atomic():
        action = outbox.enqueue(order, "ack", {}, "a@desk1")
    copy_a = m.Action.get_by_id(action.id)
    copy_b = m.Action.get_by_id(action.id)
    assert outbox.claim(copy_a, "a@desk1") is True
    assert outbox.claim(copy_b, "b@desk2") is False
    row = m.Action.get_by_id(action.id)
    assert row.status == "sent" and row.station == "a@desk1" and row.attempts == 1


def test_only_the_claimant_can_store_the_result(order):
    action = outbox.enqueue(order, "ack", {}, "a@desk1")
    stale = m.Action.get_by_id(action.id)
    assert outbox.claim(action, "a@desk1")
    assert outbox.settle(stale, "done") is False  # never claimed this version
    assert outbox.settle(action, "done") is True
    assert m.Action.get_by_id(action.id).status == "done"
    assert outbox.settle(action, "failed") is False  # already settled


def test_active_for_finds_the_action_in_flight(order):
    assert outbox.active_for(order.id) is None
    action = outbox.enqueue(order, "ack", {}, "a@desk1")
    assert outbox.active_for(order.id).id == action.id
    outbox.claim(action, "a@desk1")
    outbox.settle(action, "done")
    assert outbox.active_for(order.id) is None


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_sent_action_of_a_dead_process_is_an_orphan_and_resumable(order):
    action = outbox.enqueue(order, "ack", {}, "a@desk1")
    here = {"station": outbox.installation_id(), "host": socket.gethostname(), "pid": _dead_pid()}
    m.Action.update(status="sent", payload={"_claim": here}).where(m.Action.id == action.id).execute()
    row = m.Action.get_by_id(action.id)
    assert outbox.is_orphan(row)
    assert [a.id for a in outbox.resumable(order.channel_id, ["ack"])] == [action.id]
    assert outbox.resumable(order.channel_id, ["ship"]) == []


def test_a_sent_action_of_a_live_process_waits_for_its_lease(order):
    action = outbox.enqueue(order, "ack", {}, "a@desk1")
    live = {"station": outbox.installation_id(), "host": socket.gethostname(), "pid": os.getppid()}
    m.Action.update(status="sent", payload={"_claim": live}).where(m.Action.id == action.id).execute()
    row = m.Action.get_by_id(action.id)
    assert not outbox.is_orphan(row)
    assert outbox.resumable(order.channel_id, ["ack"]) == []
    assert outbox.is_orphan(row, now=row.updated_at + outbox.lease() + timedelta(seconds=1))


def test_a_sent_action_from_another_pc_is_an_orphan_only_after_the_lease(order):
    action = outbox.enqueue(order, "ack", {}, "b@desk2")
    m.Action.update(status="sent", payload={"_claim": {"host": "other-pc", "pid": 1}}).where(
        m.Action.id == action.id
    ).execute()
    row = m.Action.get_by_id(action.id)
    assert not outbox.is_orphan(row)
    assert outbox.is_orphan(row, now=row.updated_at + outbox.lease() + timedelta(seconds=1))


def test_a_pc_with_the_same_hostname_is_another_station(order):
    """Cloned PCs share a hostname: a process id that is dead here says nothing about the other PC's sender."""
    action = outbox.enqueue(order, "ack", {}, "a@desk1")
    clone = {"station": "0" * 32, "host": socket.gethostname(), "pid": _dead_pid()}
    m.Action.update(status="sent", payload={"_claim": clone}, updated_at=m.utcnow() - timedelta(seconds=120)).where(
        m.Action.id == action.id).execute()
    row = m.Action.get_by_id(action.id)
    assert not outbox.is_orphan(row)  # 2 minutes of rate-limit waits and retries is a live sender, not a dead one
    assert outbox.resumable(order.channel_id, ["ack"]) == []
    assert outbox.is_orphan(row, now=row.updated_at + outbox.lease() + timedelta(seconds=1))


def test_the_lease_outlasts_the_longest_marketplace_call():
    from tokodesk.marketplace.tiktokshop import transport as tts
    from tokodesk.marketplace.tokopedia import transport as tp

    assert outbox.lease().total_seconds() > max(tp.longest_call_s(), tts.longest_call_s())
    assert tts.longest_call_s() > tts.MAX_THROTTLED * tts.DEFAULT_TIMEOUT_S


def test_a_sender_renews_its_lease_while_its_request_is_in_flight(order):
    action = outbox.enqueue(order, "ack", {}, "a@desk1")
    assert outbox.claim(action, "a@desk1")
    m.Action.update(updated_at=m.utcnow() - outbox.lease() - timedelta(seconds=5)).where(
        m.Action.id == action.id).execute()
    action = m.Action.get_by_id(action.id)
    other = "f" * 32  # another PC judging
    assert outbox.is_orphan(action, me=other)  # what it would look like without renewals
    with outbox.keep_alive(action, every=timedelta(seconds=0.05)):
        for _ in range(200):
            if not outbox.is_orphan(m.Action.get_by_id(action.id), me=other):
                break
            __import__("time").sleep(0.05)
        assert not outbox.is_orphan(m.Action.get_by_id(action.id), me=other)
    assert outbox.settle(action, "done")  # renewing kept the claim: the sender still settles it


def test_counts_by_status(order):
    a = outbox.enqueue(order, "ack", {}, "a@desk1")
    outbox.enqueue(order, "nack", {}, "a@desk1")
    outbox.claim(a, "a@desk1")
    outbox.settle(a, "unknown", "lost")
    assert outbox.counts() == {"pending": 1, "unknown": 1}
