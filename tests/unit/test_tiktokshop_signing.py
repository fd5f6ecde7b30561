"""Request signing of the TikTok Shop API: the official test vector, a body-carrying POST, webhooks."""

from __future__ import annotations

import hashlib
import hmac

import pytest
import responses

from tests.unit.test_tiktokshop_support import (
    API,
    NOW,
    SECRET,
    assert_signed,
    body_of,
    make_client,
    mock_http,
    ok,
    query_of,
    utc,
)
from tokodesk.marketplace.tiktokshop.signing import (
    encode_body,
    query_value,
    sign_request,
    verify_webhook,
    webhook_signature,
)


@pytest.fixture
def rsps():
    yield from mock_http()


def test_official_test_vector():
    sign = sign_request("e59af819cc", "/authorization/202309/shops", {"app_key": "29a39d", "timestamp": "1623812664"})
    assert sign == "b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8"


def test_sign_and_access_token_are_left_out_and_keys_sorted():
    base = {"timestamp": "1623812664", "app_key": "29a39d"}
    with_extras = {**base, "sign": "whatever", "access_token": "tok"}
    assert sign_request("e59af819cc", "/authorization/202309/shops", with_extras) == sign_request(
        "e59af819cc", "/authorization/202309/shops", base
    )


def test_post_body_is_signed_exactly_as_sent():
    body = encode_body({"order_status": "AWAITING_SHIPMENT", "update_time_ge": 1700000000})
    query = {"app_key": "k", "timestamp": "1700000000", "shop_cipher": "c", "page_size": "50"}
    expected_text = (
        "s3cr3t" + "/order/202309/orders/search" + "app_keykpage_size50shop_cipherctimestamp1700000000"
        + body.decode() + "s3cr3t"
    )
    expected = hmac.new(b"s3cr3t", expected_text.encode(), hashlib.sha256).hexdigest()
    assert sign_request("s3cr3t", "/order/202309/orders/search", query, body) == expected
    # a different body gives a different signature; multipart bodies are not signed
    assert sign_request("s3cr3t", "/order/202309/orders/search", query, body + b" ") != expected
    assert sign_request("s3cr3t", "/x", query, b"data", multipart=True) == sign_request("s3cr3t", "/x", query)


def test_list_values_travel_comma_joined():
    assert query_value(["1", "2", "3"]) == "1,2,3"
    assert query_value(True) == "true"


def test_a_signed_post_goes_out_with_the_bytes_it_signed(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, f"{API}/order/202309/orders/search", json=ok({"orders": []}))
    list(client.list_orders(utc(NOW - 3600), utc(NOW)))
    call = rsps.calls[0]
    assert_signed(call)
    assert body_of(call)["update_time_lt"] == int(NOW)
    assert query_of(call)["page_size"] == "100"  # the most Search Orders takes (OAS: [1-100])


def test_webhook_signature():
    raw = b'{"type":1,"data":{"order_id":"5"}}'
    header = webhook_signature("appk", "sec", raw)
    assert header == hmac.new(b"sec", b"appk" + raw, hashlib.sha256).hexdigest()
    assert verify_webhook("appk", "sec", raw, header.upper())
    assert not verify_webhook("appk", "sec", raw + b" ", header)
    assert not verify_webhook("appk", "other", raw, header)


def test_the_secret_is_never_sent(rsps):
    client, _ = make_client()
    rsps.add(responses.GET, f"{API}/authorization/202309/shops", json=ok({"shops": []}))
    client.authorized_shops()
    call = rsps.calls[0]
    assert SECRET not in call.request.url
    assert SECRET not in str(call.request.headers)
    assert_signed(call, shop=False)
