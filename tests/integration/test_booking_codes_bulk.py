"""Booking codes in bulk (issue 19 §2): orders accepted in Seller Center get their codes from the status refresh, and
a label run lacking some fetches them a page at a time, never one request per order."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.sandbox import Sandbox
from tokodesk.services import statuses
from tokodesk.services.fulfilment.documents import Documents
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m

E_BOOKING = "fulfillment_order"  # the sandbox's endpoint name


@pytest.fixture
def sb():
    with Sandbox(seed=11, orders=400, freeze_clock=True) as box:
        yield box


@pytest.fixture
def shop(sb, any_database):
    cr = sb.credentials
    channel = m.Channel.create(
        name="sandbox", marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
        shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url, business_model="pickup",
        shop_name="Toko Sandbox",
    )
    client = TokopediaClient.from_channel(channel, client_secret=cr["client_secret"], timeout=10,
                                          sleep=sb.clock.advance, clock=sb.clock.monotonic)
    pull_orders(channel, client, now=_now(sb))
    yield channel, client
    client.close()


def _now(sb):
    return datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None)


def accept_in_seller_center(sb, n):
    """The seller accepts `n` paid orders of platform couriers in Seller Center, not in TokoDesk."""
    ids = [o.order_id for o in sb.orders_in_status(220) if not o.courier.own][:n]
    assert len(ids) == n
    for order_id in ids:
        sb.shop.ack(order_id)
    return [str(i) for i in ids]


def test_status_refresh_stores_the_codes_of_orders_accepted_in_seller_center_in_bulk(sb, shop):
    channel, client = shop
    ids = accept_in_seller_center(sb, 40)
    assert m.Order.select().where(m.Order.order_id.in_(ids) & m.Order.booking_code.is_null()).count() == 40
    before = sb.calls.get(E_BOOKING, 0)

    summary = statuses.refresh_statuses(m.Channel.get_by_id(channel.id), client, now=_now(sb))

    assert summary.status == "ok", summary.errors
    for order_id in ids:
        order = m.Order.get(m.Order.order_id == order_id)
        assert order.state == "acknowledged"
        assert order.booking_code and order.booking_code == sb.order(int(order_id)).booking_code
    requests = sb.calls.get(E_BOOKING, 0) - before
    print(f"booking codes of {len(ids)} orders: {requests} request(s)")
    assert 1 <= requests <= 2  # a page or two of the shop's list, not one request per order
    assert summary.details["booking_codes"] >= 40  # and those the generated shop had accepted before the pull
    lacking = m.Order.select().where(m.Order.booking_code.is_null() & (m.Order.state == "acknowledged"))
    still = [o.order_id for o in lacking if sb.order(int(o.order_id)).booking_code]
    assert still == []


def test_a_label_run_lacking_codes_fetches_them_in_bulk_before_it_renders(sb, shop):
    channel, client = shop
    ids = accept_in_seller_center(sb, 30)
    m.Order.update(state="acknowledged").where(m.Order.order_id.in_(ids)).execute()  # seen, codes not read yet
    orders = list(m.Order.select().where(m.Order.order_id.in_(ids)))
    before = sb.calls.get(E_BOOKING, 0)

    batch = Documents(adapters=lambda c: client, who="test").labels(orders)

    assert batch.count == 30, batch.skipped
    assert not batch.without_code
    for order in batch.orders:
        assert order.booking_code == sb.order(int(order.order_id)).booking_code
    assert 1 <= sb.calls.get(E_BOOKING, 0) - before <= 2


def test_the_bulk_walk_follows_the_cursor_across_small_pages(sb, shop, monkeypatch):
    from tokodesk.marketplace.tokopedia import client as client_module

    channel, client = shop
    ids = accept_in_seller_center(sb, 25)
    monkeypatch.setattr(client_module, "BOOKING_PAGE", 7)  # the marketplace may serve fewer a page than asked
    before = sb.calls.get(E_BOOKING, 0)

    codes = client.booking_codes(ids)

    assert codes == {i: sb.order(int(i)).booking_code for i in ids}
    newest = max(sb.shop.order_ids.index(int(i)) for i in ids)
    assert sb.calls.get(E_BOOKING, 0) - before == newest // 7 + 1  # page after page up to the newest wanted


def test_without_the_shop_list_each_code_is_read_on_its_own_several_at_a_time(sb, shop):
    from tests.integration.test_concurrent_pull import InFlight

    channel, _client = shop
    ids = accept_in_seller_center(sb, 12)
    cr = sb.credentials
    # No shop id on the channel: the shop-level list cannot be asked, only the per-order call.
    client = TokopediaClient(channel.name, cr["fs_id"], cr["client_id"], "", sb.url, sb.url,
                             client_secret=cr["client_secret"], timeout=10)
    sb.set_latency(10)
    in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)
    before = sb.calls.get(E_BOOKING, 0)

    codes = client.booking_codes(ids)
    client.close()

    assert codes == {i: sb.order(int(i)).booking_code for i in ids}
    assert sb.calls.get(E_BOOKING, 0) - before == 12  # one each, nothing asked twice
    assert in_flight.most > 1


def test_with_nothing_stored_before_them_the_walk_starts_at_the_oldest_wanted_order(sb, shop, monkeypatch):
    from tokodesk.marketplace.tokopedia import client as client_module
    from tokodesk.services.booking_codes import fill_booking_codes, lacking_codes

    channel, client = shop
    ids = accept_in_seller_center(sb, 10)
    m.Order.update(state="acknowledged").where(m.Order.order_id.in_(ids)).execute()
    wanted = [o for o in lacking_codes(channel) if o.order_id in ids]
    oldest = min(wanted, key=lambda o: o.created_at)
    # Right after a first pull: nothing older than the oldest wanted order is in the store.
    m.OrderLine.delete().where(m.OrderLine.order.in_(
        m.Order.select(m.Order.id).where(m.Order.created_at < oldest.created_at))).execute()
    m.Order.delete().where(m.Order.created_at < oldest.created_at).execute()
    monkeypatch.setattr(client_module, "BOOKING_PAGE", 7)
    before = sb.calls.get(E_BOOKING, 0)

    assert fill_booking_codes(channel, client, wanted) == 10

    first = sb.shop.order_ids.index(int(oldest.order_id))
    last = max(sb.shop.order_ids.index(int(o.order_id)) for o in wanted)
    # pages after the oldest one up to the newest, plus the oldest read on its own: never the shop's whole history
    assert sb.calls.get(E_BOOKING, 0) - before == (last - first - 1) // 7 + 1 + 1
