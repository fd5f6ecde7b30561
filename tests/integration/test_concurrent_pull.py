"""The order pull reads pages concurrently (issue 19): the same orders as one page at a time, stored once each, on
both databases, and never faster than the marketplace's rate limit allows."""

from __future__ import annotations

import socket
from datetime import datetime, timedelta, timezone

import pytest

from tests.integration.network_checks import InFlight
from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.marketplace.tokopedia import client as client_module
from tokodesk.sandbox import Sandbox
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _now(sb):
    return datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None)


def _channel(sb, name):
    cr = sb.credentials
    return m.Channel.create(
        name=name, marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
        shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url,
        order_sync_from=_now(sb) - timedelta(days=3) + timedelta(minutes=5),
    )  # fmt: skip


def _client(sb, channel):
    return TokopediaClient.from_channel(channel, client_secret=sb.credentials["client_secret"], timeout=10)


def _snapshot(channel):
    orders = m.Order.select().where(m.Order.channel == channel.id)
    return sorted(
        (o.order_id, o.invoice, o.state, o.total_amount, sorted((ln.line_no, ln.sku, ln.quantity) for ln in o.lines))
        for o in orders
    )




def test_a_concurrent_pull_stores_exactly_the_orders_of_a_serial_one(any_database, monkeypatch):
    # A frozen shop: nothing moves between the two pulls, so both must store the very same rows.
    with Sandbox(seed=4, orders=1500, products=30, days=2.5, latency_ms=15, freeze_clock=True) as sb:
        in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)
        serial, concurrent = _channel(sb, "serial"), _channel(sb, "concurrent")

        monkeypatch.setattr(client_module, "PAGE_READERS", 1)
        client = _client(sb, serial)
        one = pull_orders(serial, client, now=_now(sb))
        client.close()
        assert in_flight.most == 1

        monkeypatch.setattr(client_module, "PAGE_READERS", 4)
        client = _client(sb, concurrent)
        many = pull_orders(concurrent, client, now=_now(sb))
        client.close()
        assert in_flight.most > 1  # pages really were read side by side
        since = sb.clock.now() - 3 * 86400 + 300
        expected = {str(o.order_id) for o in sb.shop.orders.values() if o.create_time >= since}

    assert one.status == many.status == "ok"
    assert many.created == one.created == len(expected) > 1000
    rows = m.Order.select(m.Order.order_id).where(m.Order.channel == concurrent.id)
    ids = [r.order_id for r in rows]
    assert len(ids) == len(set(ids)) and set(ids) == expected  # each once, none missing
    assert _snapshot(concurrent) == _snapshot(serial)


@pytest.mark.parametrize("rate", [6.0])
def test_a_concurrent_pull_keeps_to_the_rate_limit(database, rate):
    with Sandbox(seed=4, orders=1500, products=30, days=2.5, latency_ms=10, rate_limit=rate) as sb:
        channel = _channel(sb, "limited")
        client = _client(sb, channel)
        summary = pull_orders(channel, client, now=_now(sb))
        client.close()
        refused = [r for r in sb.request_log if r.status == 429]
        pages = sb.calls.get("order_list", 0)

    assert summary.status == "ok" and summary.created > 1000
    print(f"{pages} order-list requests at {rate:g} req/s, {len(refused)} refused for the limit")
    assert refused == []


def test_a_concurrent_pull_cut_off_mid_window_keeps_whole_pages_and_resumes(database):
    with Sandbox(seed=4, orders=3000, products=30, days=2.5, latency_ms=5, freeze_clock=True,
                 port=_free_port()) as sb:  # restarted below on the same address
        channel = _channel(sb, "cut")
        client = _client(sb, channel)
        stored_pages = []

        def cut_after_first_page(done, total, message):
            stored_pages.append(done)
            if len(stored_pages) == 1:
                sb.stop()  # the network is gone while later pages are in flight

        broken = pull_orders(channel, client, cut_after_first_page, now=_now(sb))
        assert broken.status == "failed" and "stopped" in broken.errors[-1]
        partial = m.Order.select().count()
        assert 0 < partial == broken.fetched < 2500
        assert m.Channel.get_by_id(channel.id).last_order_pull_to is None  # the window was not finished
        for order in m.Order.select():  # whatever was stored is whole
            assert order.lines.count() > 0

        sb.start()
        resumed = pull_orders(m.Channel.get_by_id(channel.id), client, now=_now(sb))
        client.close()
        since = sb.clock.now() - 3 * 86400 + 300
        expected = {str(o.order_id) for o in sb.shop.orders.values() if o.create_time >= since}

    assert resumed.status == "ok", resumed.errors
    assert resumed.created == len(expected) - partial
    ids = [r.order_id for r in m.Order.select(m.Order.order_id)]
    assert len(ids) == len(set(ids)) and set(ids) == expected


def test_windows_are_read_side_by_side_and_stored_as_by_a_serial_pull(database, monkeypatch):
    import dataclasses

    monkeypatch.setattr(client_module, "PAGE_READERS", 1)  # only the windows can overlap here
    with Sandbox(seed=4, orders=1500, products=30, days=2.5, latency_ms=10, freeze_clock=True) as sb:
        in_flight = sb.latency.sleep = InFlight(sb.latency.sleep)
        pulls = {}
        for name, concurrent in (("serial", False), ("windows", True)):
            channel = _channel(sb, name)
            client = _client(sb, channel)
            # 6-hour windows: a dozen independent windows in the three days Tokopedia serves
            client.capabilities = dataclasses.replace(client.capabilities, order_window_max=timedelta(hours=6))
            client.concurrent_reads = concurrent
            in_flight.most = 0
            pulls[name] = (pull_orders(channel, client, now=_now(sb)), in_flight.most, channel)
            client.close()

    (one, one_most, serial), (many, many_most, windows) = pulls["serial"], pulls["windows"]
    assert one_most == 1 and many_most > 1
    assert one.status == many.status == "ok"
    assert many.created == one.created > 1000
    assert _snapshot(windows) == _snapshot(serial)
    assert m.Channel.get_by_id(windows.id).last_order_pull_to == m.Channel.get_by_id(serial.id).last_order_pull_to
