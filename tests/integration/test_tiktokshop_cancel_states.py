"""Seller cancellation on Tokopedia & Shop in every status the documentation allows it (issue 16.3).

The cancel reasons page (ID market, "Seller Initiates Cancel Reason") lists UNPAID → seller_cancel_unpaid_reason_*,
ON_HOLD and AWAITING_SHIPMENT → seller_cancel_reason_out_of_stock / _wrong_price (address_not_deliver was removed
for ID on 31 Aug 2025); any other reason for the status is refused with 25001021.
"""

from __future__ import annotations

import json

import pytest

from tests.integration.tiktokshop_setup import (  # noqa: F401 - fixtures
    channel,
    client,
    fresh,
    sb,
    shop_now,
    shop_order,
)
from tokodesk.cli import main
from tokodesk.marketplace.base import MarketplaceError
from tokodesk.sandbox import Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services.fulfilment import CancelChoice, Fulfilment
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m

UNPAID_REASONS = ["seller_cancel_unpaid_reason_out_of_stock", "seller_cancel_unpaid_reason_wrong_price",
                  "seller_cancel_unpaid_reason_buyer_hasnt_paid_within_time_allowed"]
PAID_REASONS = ["seller_cancel_reason_out_of_stock", "seller_cancel_reason_wrong_price"]


def waiting(sb, channel, client):  # noqa: ANN001, F811
    """Long payment and remorse windows, so the shop has orders in both; then the pull."""
    sb.dialect.unpaid_seconds = 3 * 86400
    sb.dialect.on_hold_seconds = 10 * 86400
    pull_orders(channel, client, now=shop_now(sb))
    unpaid = list(m.Order.select().where(m.Order.marketplace_status == "UNPAID"))
    held = list(m.Order.select().where(m.Order.marketplace_status == "ON_HOLD"))
    assert len(unpaid) >= 2 and len(held) >= 2, (len(unpaid), len(held))
    assert {o.state for o in unpaid} == {"awaiting_payment"} and {o.state for o in held} == {"on_hold"}
    return unpaid, held


def test_unpaid_and_on_hold_orders_offer_exactly_the_documented_reasons_and_cancel(sb, channel, client):  # noqa: F811
    unpaid, held = waiting(sb, channel, client)
    service = Fulfilment(adapters=lambda c: client)
    assert [r.code for r in service.cancel_reasons(unpaid[0])] == UNPAID_REASONS
    assert [r.code for r in service.cancel_reasons(held[0])] == PAID_REASONS

    [ok] = service.cancel_orders([unpaid[0]], CancelChoice(UNPAID_REASONS[2]))
    assert ok.ok and ok.state == "cancelled", ok.error
    [ok] = service.cancel_orders([held[0]], CancelChoice("seller_cancel_reason_out_of_stock"))
    assert ok.ok and ok.state == "cancelled", ok.error
    for order, reason in ((unpaid[0], UNPAID_REASONS[2]), (held[0], PAID_REASONS[0])):
        assert shop_order(sb, order).status == Status.REJECTED and shop_order(sb, order).nacks == 1
        assert sb.dialect.seller_cancels[tj.cancel_id(shop_order(sb, order))]["cancel_reason"] == reason

    # A reason of the other status is refused by TokoDesk before anything is sent.
    [refused] = service.cancel_orders([unpaid[1]], CancelChoice("seller_cancel_reason_out_of_stock"))
    assert refused.refused and "seller_cancel_unpaid_reason_out_of_stock" in refused.error
    assert shop_order(sb, unpaid[1]).requests["nack"] == 0


def test_cancel_from_the_cli_on_unpaid_and_on_hold(sb, channel, client, capsys):  # noqa: F811
    unpaid, held = waiting(sb, channel, client)
    capsys.readouterr()
    code = main(["orders", "cancel", unpaid[0].order_id, "--reason-code", "seller_cancel_unpaid_reason_wrong_price",
                 "--json"])
    [result] = json.loads(capsys.readouterr().out)
    assert code == 0 and result["ok"] and result["state"] == "cancelled", result
    # The label names the reason too (the words the window shows).
    code = main(["orders", "cancel", held[0].order_id, "--reason-code", "Harga salah / Wrong price", "--json"])
    [result] = json.loads(capsys.readouterr().out)
    assert code == 0 and result["ok"], result
    assert sb.dialect.seller_cancels[tj.cancel_id(shop_order(sb, held[0]))]["cancel_reason"] == PAID_REASONS[1]
    # Without a reason the CLI lists exactly the reasons of that order's status.
    assert main(["orders", "cancel", unpaid[1].order_id, "--json"]) == 2
    [result] = json.loads(capsys.readouterr().out)
    for reason in UNPAID_REASONS:
        assert reason in result["error"]
    assert "seller_cancel_reason_out_of_stock" not in result["error"]


@pytest.mark.parametrize(("status", "reason"), [
    ("UNPAID", "seller_cancel_reason_out_of_stock"),
    ("ON_HOLD", "seller_cancel_unpaid_reason_out_of_stock"),
    ("ON_HOLD", "seller_cancel_paid_reason_address_not_deliver"),  # removed for ID on 31 Aug 2025
    ("AWAITING_SHIPMENT", "seller_cancel_paid_reason_address_not_deliver"),
])
def test_the_sandbox_refuses_a_reason_the_status_does_not_allow(sb, channel, client, status, reason):  # noqa: F811
    sb.dialect.unpaid_seconds = 3 * 86400
    sb.dialect.on_hold_seconds = 86400 if status != "AWAITING_SHIPMENT" else 0
    order = next(o for o in sb.orders_in_status(Status.PAID) if sb.dialect.order_status(o) == status)
    with pytest.raises(MarketplaceError) as err:
        client.api.call("POST", "/return_refund/202309/cancellations",
                        body={"order_id": tj.order_id(order), "cancel_reason": reason}, what="cancel")
    assert err.value.error_code == "25001021"
    assert order.status == Status.PAID


def test_the_legacy_dialect_keeps_its_own_rules(any_database):
    """Tokopedia FS: no cancel while awaiting payment or on hold (capabilities, not a marketplace check)."""
    from tokodesk.marketplace.base import OrderState as S
    from tokodesk.marketplace.tiktokshop.client import CAPABILITIES as TTS
    from tokodesk.marketplace.tokopedia.client import CAPABILITIES as FS

    assert S.AWAITING_PAYMENT not in FS.seller_cancel_states and S.ON_HOLD not in FS.seller_cancel_states
    assert {S.AWAITING_PAYMENT, S.ON_HOLD, S.ACKNOWLEDGED} <= TTS.seller_cancel_states
    assert S.SHIPPED not in TTS.seller_cancel_states
