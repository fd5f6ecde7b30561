"""The "To print" chip lists the orders whose label the desk can print now and has not.

On Tokopedia & Shop the label (the marketplace's document, or TokoDesk's own with the tracking number) exists only once
the package is arranged: the chip listed every order to pack there, and a packer who selected them all and pressed
Print got a refusal for each, while an arranged parcel still waiting for its label was not listed at all. On the
legacy Tokopedia API the booking code comes at accepting, so the label is printed before shipping, as before.
Through the real widgets, against the sandbox of each dialect."""

from __future__ import annotations

from tests.integration.tiktokshop_setup import sb  # noqa: F401 - fixture
from tests.ui.test_cancel_requests import shop_channel  # noqa: F401 - fixture
from tokodesk.marketplace.base import OrderState as S
from tokodesk.services.fulfilment import label_rules
from tokodesk.store import models as m
from tokodesk.ui import queries as q


def _listed(tab) -> list[m.Order]:  # noqa: ANN001
    tab.set_chip("to_print")
    pks = [row[q.R_PK] for row in tab.model.shown_rows()]
    assert f"({len(pks)})" in tab.chips["to_print"].text()
    return list(m.Order.select().where(m.Order.id.in_(pks))) if pks else []


def test_on_tokopedia_and_shop_to_print_lists_arranged_parcels_not_orders_to_pack(
        qtbot, ctx, wait_idle, open_orders_tab, shop_channel):  # noqa: F811
    orders = list(m.Order.select().where(m.Order.channel == shop_channel.id))
    arranged = {o.id for o in orders if o.state == S.AWAITING_PICKUP.value and o.label_printed_at is None}
    to_pack = {o.id for o in orders if o.state == S.ACKNOWLEDGED.value}
    assert arranged and to_pack, "the sandbox shop has parcels waiting for the courier and orders to pack"
    m.Order.update(label_printed_at=m.utcnow()).where(m.Order.id == min(arranged)).execute()  # printed already
    arranged.discard(min(arranged))

    tab = open_orders_tab(shop_channel)
    listed = _listed(tab)

    assert {o.id for o in listed} == arranged
    for order in listed:  # Print on the whole chip prints each: none refused
        assert label_rules.refusal(order, shop_channel) == "", order.order_id


def test_on_the_legacy_api_to_print_lists_accepted_orders_not_printed(
        qtbot, ctx, wait_idle, open_orders_tab, sandbox_channel):
    orders = list(m.Order.select().where(m.Order.channel == sandbox_channel.id))
    printable = {S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value}
    expected = {o.id for o in orders if o.state in printable and o.label_printed_at is None}
    assert expected, "the sandbox shop has accepted orders"

    tab = open_orders_tab(sandbox_channel)

    assert {o.id for o in _listed(tab)} == expected
