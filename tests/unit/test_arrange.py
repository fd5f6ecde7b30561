"""Arrange shipment and print (services/fulfilment/arrange.py): ship, wait for the tracking numbers, then only the
orders with a code print; the rest are listed with the reason."""

from __future__ import annotations

import copy

import pytest

from tests.unit.fulfilment_fake import FakeMarketplace, remote_order, store_order
from tokodesk.marketplace import base
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.services.fulfilment.arrange import arrange
from tokodesk.store import models as m

S = base.OrderState


class LateTracking(FakeMarketplace):
    """Tokopedia & Shop as it behaves on a busy day: the tracking number shows up a few reads after the ship."""

    def __init__(self, orders, reads_until_tracking: dict[str, int]) -> None:  # noqa: ANN001
        super().__init__(orders, marketplace="tiktokshop")
        self.capabilities = base.Capabilities(**{**self.capabilities.__dict__, "tracking_at_ship": True})
        self.reads_until_tracking = dict(reads_until_tracking)
        self.reads = 0

    def get_orders(self, order_ids):  # noqa: ANN001, ANN201
        self.reads += 1
        found = []
        for order_id in order_ids:
            remote = self.orders[order_id]
            left = self.reads_until_tracking.get(order_id)
            if left is not None and remote.state is S.AWAITING_PICKUP:
                if left <= 1:
                    remote.awb = f"JX{order_id:0>10}"
                self.reads_until_tracking[order_id] = left - 1
            found.append(copy.deepcopy(remote))
        return found


@pytest.fixture
def channel(database):
    return m.Channel.create(name="toko", marketplace="tiktokshop", shop_name="Toko Maju")


def setup(channel, specs, reads):  # noqa: ANN001, ANN201
    remotes = [remote_order(oid, state) for oid, state in specs]
    fake = LateTracking([copy.deepcopy(r) for r in remotes], reads)
    return fake, [store_order(channel, r) for r in remotes]


def packed(rows):  # noqa: ANN001, ANN201
    for row in rows:
        m.Order.update(state=S.PACKED.value).where(m.Order.id == row.id).execute()
    return [m.Order.get_by_id(r.id) for r in rows]


def test_waits_for_the_tracking_numbers_then_hands_back_the_orders_that_can_print(channel):
    fake, rows = setup(channel, [("1", S.ACKNOWLEDGED), ("2", S.ACKNOWLEDGED), ("3", S.ACKNOWLEDGED)],
                       {"1": 2, "2": 99})
    one, two = packed(rows[:2])
    three = rows[2]  # still To pack: skipped, nothing sent
    slept = []
    now = [0.0]

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    with Fulfilment(adapters=lambda c: fake) as service:
        result = arrange(service, [one, two, three], wait_s=30, poll_s=3, sleep=sleep, clock=lambda: now[0])
    assert result.shipped == 2 and result.ready == [one.id]
    assert m.Order.get_by_id(one.id).awb == "JX0000000001"
    by_id = {n.order_id: n for n in result.not_printed}
    assert by_id["2"].shipped and "has not given its tracking number yet" in by_id["2"].reason
    assert not by_id["3"].shipped and by_id["3"].refused and "Pack" in by_id["3"].reason
    assert ("ship:pickup", "3") not in fake.calls
    assert sum(slept) >= 30 and fake.reads == len(slept)  # it waited the whole time for order 2, and no longer


def test_stop_while_waiting_keeps_what_shipped_and_prints_what_has_a_code(channel):
    fake, rows = setup(channel, [("1", S.ACKNOWLEDGED), ("2", S.ACKNOWLEDGED)], {"2": 99})
    fake.orders["1"].awb = None
    one, two = packed(rows)
    fake_ship = fake.ship

    def ship_with_tracking(order, method, awb=None):  # noqa: ANN001, ANN202
        info = fake_ship(order, method, awb)
        if order.order_id == "1":
            fake.orders["1"].awb = info.awb = "JX0000000001"
        return info

    fake.ship = ship_with_tracking
    stop = {"now": False}

    def sleep(_seconds: float) -> None:
        stop["now"] = True  # the packer clicks Stop during the first wait

    with Fulfilment(adapters=lambda c: fake, cancel=lambda: stop["now"]) as service:
        result = arrange(service, [one, two], sleep=sleep, clock=lambda: 0.0)
    assert result.stopped and result.shipped == 2 and result.ready == [one.id]
    [late] = result.not_printed
    assert late.order_id == "2" and late.shipped and "stopped while waiting" in late.reason
    assert m.Order.get_by_id(two.id).state == S.AWAITING_PICKUP.value  # shipped stays shipped


def test_a_marketplace_refusal_is_listed_and_the_others_still_print(channel):
    fake, rows = setup(channel, [("1", S.ACKNOWLEDGED), ("2", S.ACKNOWLEDGED)], {"1": 1, "2": 1})
    one, two = packed(rows)
    fake.fault("ship:pickup", "error:21011001:Order is on hold; it cannot be shipped yet")
    with Fulfilment(adapters=lambda c: fake) as service:
        result = arrange(service, [one, two], sleep=lambda _s: None, clock=lambda: 0.0)
    assert result.shipped == 1 and len(result.ready) == 1
    [refused] = result.not_printed
    assert not refused.shipped and not refused.refused and "on hold" in refused.reason
    printed = m.Order.get_by_id(result.ready[0])
    assert printed.awb and printed.order_id != refused.order_id
