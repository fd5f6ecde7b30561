"""The sandbox's rate limits, bulk row weighting and injected faults (5xx, slow, lost responses)."""

from __future__ import annotations

import pytest
import requests

from tests.integration.test_sandbox_api import START, Api, error_code
from tokodesk.sandbox import Sandbox, Status

ACK = "/v1/order/{oid}/fs/{{fs}}/ack"
STOCK = "/inventory/v1/fs/{fs}/stock/update"
SHOP_INFO = "/v1/shop/fs/{fs}/shop-info"
RATE_HEADERS = ("X-Ratelimit-Limit", "X-Ratelimit-Remaining", "X-Ratelimit-Reset-After",
                "X-Ratelimit-Full-Reset-After")


def sandbox(**options) -> Sandbox:
    return Sandbox(seed=31, products=12, orders=60, start_time=START, freeze_clock=True, **options)


def test_every_answer_carries_rate_limit_headers_and_the_limit_is_per_endpoint():
    with sandbox(rate_limit=2) as sb:
        api = Api(sb)
        first = api.get(SHOP_INFO)
        assert first.headers["X-Ratelimit-Limit"] == "2 req/s (burst 2)"
        assert first.headers["X-Ratelimit-Remaining"] == "1"
        assert first.headers["X-Ratelimit-Reset-After"] == "-0.000000"
        second = api.get(SHOP_INFO)
        assert second.status_code == 200 and second.headers["X-Ratelimit-Remaining"] == "0"
        third = api.get(SHOP_INFO)
        assert third.status_code == 429
        assert float(third.headers["X-Ratelimit-Reset-After"]) > 0
        assert float(third.headers["X-Ratelimit-Full-Reset-After"]) > 0

        other = api.get("/v2/fs/{fs}/order", order_id=1)  # another endpoint has its own budget; errors carry headers
        assert other.status_code == 400 and all(h in other.headers for h in RATE_HEADERS)

        sb.advance(1.0)  # the shop clock refills the bucket: no waiting in tests
        assert api.get(SHOP_INFO).status_code == 200
        assert sb.calls["shop_info"] == 4


def test_rate_limit_off_still_reports_headers():
    with sandbox(rate_limit=None) as sb:
        api = Api(sb)
        for _ in range(30):
            r = api.get(SHOP_INFO)
            assert r.status_code == 200 and all(h in r.headers for h in RATE_HEADERS)


def test_bulk_stock_rows_count_one_each_and_rows_over_the_limit_fail_inside_a_200():
    with sandbox(rate_limit={"stock_update": 5}) as sb:
        api = Api(sb)
        skus = [p.sku for p in sb.shop.products.values() if p.sku and not p.is_parent][:8]
        rows = [{"sku": sku, "new_stock": 50 + n} for n, sku in enumerate(skus)]
        r = api.post(STOCK, rows, shop_id=api.c["shop_id"])
        assert r.status_code == 200
        data = r.json()["data"]
        assert data["succeed_rows"] == 5 and data["failed_rows"] == 3
        assert {f["message"] for f in data["failed_rows_data"]} == {"ERR_TOO_MANY_REQUEST"}
        stock = sb.stock_by_sku()
        assert [stock[s] for s in skus[:5]] == [50, 51, 52, 53, 54]
        assert [stock[s] for s in skus[5:]] != [55, 56, 57]
        assert r.headers["X-Ratelimit-Remaining"] == "0"
        over = api.post(STOCK, rows[:1], shop_id=api.c["shop_id"])
        assert over.status_code == 429
        sb.advance(1.0)
        assert api.post(STOCK, rows[5:], shop_id=api.c["shop_id"]).json()["data"]["succeed_rows"] == 3


def test_lost_response_applies_the_change_then_drops_the_connection():
    with sandbox() as sb:
        api = Api(sb)
        order = sb.orders_in_status(Status.PAID)[0]
        sb.faults.force("ack", "lost")
        with pytest.raises(requests.ConnectionError):
            api.post(ACK.format(oid=order.order_id))
        assert sb.order(order.order_id).status == Status.ACCEPTED and sb.order(order.order_id).acks == 1
        reread = api.get("/v2/fs/{fs}/order", order_id=order.order_id)
        assert reread.json()["data"]["order_status"] == 400
        repeat = api.post(ACK.format(oid=order.order_id))
        assert error_code(repeat) == "ORD_USC_001"


def test_lost_responses_can_target_mutations_only():
    with sandbox(lost_response_rate=1.0, fault_targets="mutations") as sb:
        api = Api(sb)
        sku = next(p.sku for p in sb.shop.products.values() if p.sku and not p.is_parent)
        assert api.get(SHOP_INFO).status_code == 200
        with pytest.raises(requests.ConnectionError):
            api.post(STOCK, [{"sku": sku, "new_stock": 77}], shop_id=api.c["shop_id"])
        assert sb.stock_by_sku()[sku] == 77
        assert ("stock_update", "lost") in sb.faults.log


def test_injected_server_errors_change_nothing():
    with sandbox(fault_rate=1.0, fault_targets=["ack"]) as sb:
        api = Api(sb)
        order = sb.orders_in_status(Status.PAID)[0]
        r = api.post(ACK.format(oid=order.order_id))
        assert r.status_code >= 500
        assert sb.order(order.order_id).status == Status.PAID and sb.order(order.order_id).acks == 0
        assert api.get(SHOP_INFO).status_code == 200
        sb.faults.error_rate = 0.0
        assert api.post(ACK.format(oid=order.order_id)).status_code == 200


def test_a_share_of_requests_fail_when_a_fault_rate_is_set():
    with sandbox(fault_rate=0.3) as sb:
        api = Api(sb)
        codes = [api.get(SHOP_INFO).status_code for _ in range(60)]
        assert 0 < codes.count(200) < 60
        assert all(code == 200 or code >= 500 for code in codes)


def test_slow_responses_outlast_a_short_client_timeout():
    with sandbox(slow_seconds=1.0) as sb:
        api = Api(sb)
        sb.faults.force("shop_info", "slow")
        with pytest.raises(requests.Timeout):
            api.http.get(f"{sb.url}/v1/shop/fs/{api.c['fs_id']}/shop-info", timeout=0.2)
        assert api.get(SHOP_INFO).status_code == 200


def test_a_stopped_sandbox_answers_nobody_not_even_on_a_kept_alive_connection():
    sb = sandbox().start()
    api = Api(sb)
    assert api.get(SHOP_INFO).status_code == 200  # the session now holds a kept-alive connection
    sb.stop()
    with pytest.raises(requests.ConnectionError):
        api.get(SHOP_INFO)
