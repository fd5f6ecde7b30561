"""Arrange shipment and print through the services against the sandbox, on both dialects: the selection ships
through the outbox, what shipped with a code comes back ready to print, and its label's barcode is that code."""

from __future__ import annotations

from tests.integration.test_cli_contract import _dialect, _mapped, sb, shop  # noqa: F401 - fixtures
from tests.unit.test_documents_support import decode
from tokodesk.cli import main
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.services.fulfilment.arrange import arrange
from tokodesk.store import models as m


def test_arrange_ships_the_packed_orders_and_returns_the_labels_that_can_print(shop, capsys):  # noqa: F811
    ready, other, unpacked = (str(o["order_id"]) for o in _mapped(capsys, "acknowledged")[:3])
    assert main(["orders", "pack", ready, other]) == 0
    capsys.readouterr()
    orders = [m.Order.get(m.Order.order_id == key) for key in (ready, other, unpacked)]
    with Fulfilment() as service:
        now = [0.0]
        result = arrange(service, orders, sleep=lambda s: now.__setitem__(0, now[0] + s), clock=lambda: now[0])
        assert result.shipped == 2, [o.error for o in result.outcomes]
        assert sorted(result.ready) == sorted(o.id for o in orders[:2])
        [skipped] = result.not_printed
        assert skipped.order_id == unpacked and skipped.refused and not skipped.shipped
        batch = service.documents().labels([m.Order.get_by_id(pk) for pk in result.ready], order_by=None)
    assert not batch.skipped and batch.count == 2
    shipped = [m.Order.get_by_id(o.id) for o in orders[:2]]
    assert {o.state for o in shipped} == {"awaiting_pickup"}
    # Tokopedia's label carries the booking code from acceptance on; Tokopedia & Shop's the tracking number.
    codes = {(o.awb if _dialect(shop) == "tiktokshop" else o.awb or o.booking_code) for o in shipped}
    assert None not in codes
    pdf = batch.parts[0]
    assert {value for page in (1, 2) for kind, value in decode(pdf, page) if kind == "Code128"} == codes
    assert m.Order.get(m.Order.order_id == unpacked).state == "acknowledged"
