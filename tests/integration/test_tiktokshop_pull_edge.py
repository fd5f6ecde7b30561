"""A Tokopedia & Shop order pull reaches up to the moment it runs, the last fraction of a second included.

Seen in CI: an order the seller had just shipped (its update_time in the same whole second as the pull) was left
out of that pull, so its stock came off the counts only on the next one. The search's update_time is whole seconds
and update_time_lt excludes its second."""

from __future__ import annotations

import math
import time

import pytest

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import channel, client, fresh, shop_now  # noqa: F401 - fixtures
from tokodesk.sandbox import Sandbox, Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services import inventory
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m


@pytest.fixture
def sb():
    # The shop's frozen clock stands 0.6 s into a second: the pull below runs at that very instant.
    with Sandbox(seed=5, products=16, orders=80, dialect="tiktokshop", freeze_clock=True,
                 start_time=math.floor(time.time()) + 0.6) as box:
        yield box


def test_an_order_shipped_in_the_pulls_own_second_is_in_that_pull(sb, channel, client):  # noqa: F811
    pulled(sb, fresh(channel), client)
    inventory.set_stock([(s, 50) for (s,) in m.SkuMapping.select(m.SkuMapping.seller_sku).tuples() if s])
    inventory.take_stock_for_shipped_orders(channel)
    with sb.shop.lock:
        waiting = next(o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED) if not o.courier.own
                       and sb.dialect.order_status(o) == "AWAITING_SHIPMENT" and o.cancel_request is None)
    assert sb.force_status(waiting.order_id, Status.SHIPPED).update_time % 1 > 0.5

    pull_orders(fresh(channel), client, now=shop_now(sb))

    [row] = [o for o in m.Order.select() if tj.decode(o.order_id, tj.ORDER_BASE) == waiting.order_id]
    assert row.state == "shipped", "the order shipped in the pull's own second is still shown as waiting to ship"
    assert inventory.take_stock_for_shipped_orders(channel) == 1
