"""What every order sync and queue action does around its work: resume the outbox first, settle stock after."""

from __future__ import annotations

import pytest

from tests.integration.test_fulfilment_sandbox import new_orders, sb, shop  # noqa: F401 - fixtures
from tokodesk.services import fulfilment, inventory, scheduler
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.store import models as m


def _sku_of(order):
    return m.OrderLine.get(m.OrderLine.order == order.id).seller_sku


def test_shipping_takes_the_goods_off_the_shelf_once_and_schedules_a_push(sb, shop):  # noqa: F811
    channel, client = shop
    (order,) = new_orders(sb, 1)
    sku = _sku_of(order)
    qty = sum(line.quantity for line in order.lines if line.seller_sku == sku)
    inventory.set_stock([(sku, 50)])
    m.Channel.update(inventory_dirty_at=None).execute()
    service = Fulfilment(adapters=lambda c: client)
    assert all(r.ok for r in service.acknowledge([order]))
    assert all(r.ok for r in service.pack([order]))
    assert all(r.ok for r in service.ship([order]))
    assert m.StockItem.get(m.StockItem.seller_sku == sku).on_hand == 50 - qty
    assert m.Channel.get_by_id(channel.id).inventory_dirty_at is not None
    # A status sync afterwards sees the same shipment and does not take the stock a second time.
    summary = scheduler.runner("statuses")(channel, client)
    assert summary.status in ("ok", "partial")
    assert m.StockItem.get(m.StockItem.seller_sku == sku).on_hand == 50 - qty


def test_an_order_sync_resumes_open_actions_before_pulling(sb, shop, monkeypatch):  # noqa: F811
    channel, client = shop
    real = fulfilment.resume_pending
    monkeypatch.setattr(fulfilment, "resume_pending", lambda ch, ad=None: _EVENTS.append("resumed") or real(ch, ad))
    monkeypatch.setitem(scheduler.SYNC_KINDS, "orders", "tests.integration.test_sync_side_effects:_fake_pull")
    _EVENTS.clear()
    summary = scheduler.runner("orders")(channel, client)
    assert _EVENTS == ["resumed", "pulled"] and summary.kind == "orders"


_EVENTS: list[str] = []


def _fake_pull(channel, adapter=None, progress=None, cancel=None):
    from tokodesk.services.runs import RunSummary

    _EVENTS.append("pulled")
    return RunSummary(kind="orders", channel=channel.name, status="ok")


@pytest.mark.parametrize("kind", ["skus", "inventory", "recon"])
def test_other_kinds_run_without_the_order_hooks(kind):
    assert scheduler._with_side_effects(kind, _fake_pull) is _fake_pull
