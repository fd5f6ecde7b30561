"""The OpenAPI check runs on the adapter's real requests (issue 16.7): a pull, a ship, a label and a cancel are all
held to the vendored description, and a request the adapter built wrong is caught, naming what is wrong."""

from __future__ import annotations

import pytest

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import channel, client, sb, to_ship  # noqa: F401 - fixtures
from tokodesk.marketplace.base import MarketplaceError
from tokodesk.marketplace.tiktokshop import client as tts_client
from tokodesk.services.fulfilment import CancelChoice, Fulfilment


def test_the_adapters_requests_follow_the_description(sb, channel, client, oas_violations):  # noqa: F811
    pulled(sb, channel, client)
    one, two = to_ship(sb, 2)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([one])
    assert service.ship([one])[0].ok
    client.shipping_label(client.get_order(one.order_id))
    assert service.cancel_orders([two], CancelChoice("seller_cancel_reason_out_of_stock"))[0].ok
    client.cancellation_requests()
    assert oas_violations.checked > 10
    assert oas_violations.found == []


def test_a_request_built_wrong_is_caught(sb, channel, client, monkeypatch, oas_violations):  # noqa: F811
    monkeypatch.setattr(tts_client, "ORDER_PAGE_SIZE", 500)  # the description allows 1-100
    with pytest.raises(MarketplaceError):
        next(client.list_orders(*_window(sb)), None)
    # One the sandbox lets through (it reads the sort order in any case): the description lists ASC and DESC.
    monkeypatch.setattr(tts_client, "ORDER_PAGE_SIZE", 50)
    original = client._search_page

    def lower_case_sort(body, page_token):  # noqa: ANN001, ANN202
        call = client.api.call
        monkeypatch.setattr(client.api, "call", lambda *a, **kw: call(
            *a, **{**kw, "query": {**kw["query"], "sort_order": "asc"}}))
        try:
            return original(body, page_token)
        finally:
            monkeypatch.setattr(client.api, "call", call)

    monkeypatch.setattr(client, "_search_page", lower_case_sort)
    next(client.list_orders(*_window(sb)), None)
    found = "\n".join(oas_violations.found)
    assert "POST /order/202309/orders/search: query page_size=500 is outside [1, 100]" in found
    assert "POST /order/202309/orders/search: query sort_order='asc' is not one of ['ASC', 'DESC']" in found


def _window(box):  # noqa: ANN001, ANN202
    from datetime import timedelta

    from tests.integration.tiktokshop_setup import shop_now

    end = shop_now(box)
    return end - timedelta(days=2), end
