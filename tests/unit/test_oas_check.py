"""The OpenAPI check itself (issue 16.7): it finds each kind of violation, and passes what the description allows."""

from __future__ import annotations

import json

import pytest

from tests.oas_check import check, find, operations

H = {"x-tts-access-token": "t", "content-type": "application/json"}
SIGNED = {"app_key": "k", "timestamp": "1", "sign": "s"}
SHOP = {**SIGNED, "shop_cipher": "ROW_x"}


def body(value) -> bytes:  # noqa: ANN001
    return json.dumps(value).encode()


def test_every_vendored_operation_is_found_and_literal_paths_win_over_ids():
    assert len(operations()) >= 18
    assert find("POST", "/fulfillment/202309/packages/ship") == "POST /fulfillment/202309/packages/ship"
    ship_one = "POST /fulfillment/202309/packages/{package_id}/ship"
    assert find("POST", "/fulfillment/202309/packages/115/ship") == ship_one
    assert find("GET", "/fulfillment/202309/packages/115") == "GET /fulfillment/202309/packages/{package_id}"
    assert find("DELETE", "/order/202309/orders") is None


def test_a_request_that_follows_the_description_passes():
    assert check("POST", "/order/202309/orders/search", {**SHOP, "page_size": "50", "sort_field": "update_time",
                                                         "sort_order": "ASC"}, H,
                 body({"update_time_ge": 1, "update_time_lt": 2})) == []
    assert check("GET", "/order/202309/orders", {**SHOP, "ids": "1,2,3"}, H, b"") == []
    assert check("GET", "/authorization/202309/shops", SIGNED, H, b"") == []


@pytest.mark.parametrize(("method", "path", "query", "payload", "expected"), [
    ("GET", "/order/202309/orderz", SHOP, None, "is not an operation"),
    ("POST", "/order/202309/orders/search", {**SHOP, "page_size": "500"}, {}, "page_size=500 is outside [1, 100]"),
    ("POST", "/order/202309/orders/search", {**SHOP, "page_size": "x"}, {}, "page_size='x' is not an integer"),
    ("POST", "/order/202309/orders/search", SHOP, {}, "required query parameter page_size is missing"),
    ("POST", "/order/202309/orders/search", {**SHOP, "page_size": "5", "pagesize": "5"}, {},
     "query parameter pagesize is not in the operation"),
    ("POST", "/order/202309/orders/search", {**SHOP, "page_size": "5", "sort_order": "UP"}, {},
     "sort_order='UP' is not one of"),
    ("POST", "/order/202309/orders/search", {**SHOP, "page_size": "5"}, {"update_time_ge": "yesterday"},
     "body update_time_ge: 'yesterday' is not of type 'integer'"),
    ("POST", "/order/202309/orders/search", {**SHOP, "page_size": "5"}, {"order_status": "PAID"},
     "body order_status: 'PAID' is not one of"),
    ("POST", "/order/202309/orders/search", {**SHOP, "page_size": "5"}, {"update_time_from": 1},
     "body field update_time_from is not in the operation"),
    ("POST", "/return_refund/202309/cancellations/search", SHOP, {"cancel_types": ["SELLER"]},
     "body cancel_types.0: 'SELLER' is not one of"),
    ("POST", "/fulfillment/202309/packages/ship", SHOP, {"packages": [{"id": 1}]},
     "body packages.0.id: 1 is not of type 'string'"),
    ("GET", "/order/202309/orders", SIGNED | {"ids": "1"}, None, "required query parameter shop_cipher is missing"),
    ("GET", "/logistics/202309/warehouses", SHOP, {"x": 1}, "takes no body"),
])
def test_each_kind_of_violation_is_named(method, path, query, payload, expected):
    found = check(method, path, query, H, body(payload) if payload is not None else b"")
    assert any(expected in f for f in found), found


def test_a_missing_token_header_is_named():
    found = check("GET", "/order/202309/orders", {**SHOP, "ids": "1"}, {"content-type": "application/json"}, b"")
    assert found == ["GET /order/202309/orders: required header x-tts-access-token is missing"]
