"""Shared pieces of the Tokopedia & Shop (TikTok Shop API) unit tests: a client on fake time, envelopes, orders."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qsl, urlsplit

import responses

from tokodesk import credentials
from tokodesk.credentials import Token
from tokodesk.marketplace.tiktokshop import TikTokShopClient
from tokodesk.marketplace.tiktokshop.signing import sign_request

API = "https://api.tts.test"
AUTH = "https://auth.tts.test"
NOW = 1_760_000_000.0  # fixed Unix time of the tests
SECRET = "app-secret-xyz"
APP_KEY = "6abc123"
CIPHER = "GCP_cipher_1"


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def ok(data: dict | None = None) -> dict:
    return {"code": 0, "message": "Success", "request_id": "req-1", "data": data if data is not None else {}}


def fail(code: int, message: str = "failed") -> dict:
    return {"code": code, "message": message, "request_id": "req-err", "data": None}


def store_token(channel: str = "toko", *, access: str = "TTP_access_1", refresh: str = "TTP_refresh_1",
                expires_in: float = 3 * 86400) -> Token:
    token = Token(
        access_token=access,
        expires_at=datetime.fromtimestamp(NOW + expires_in, tz=timezone.utc),
        refresh_token=refresh,
        refresh_expires_at=datetime.fromtimestamp(NOW + 300 * 86400, tz=timezone.utc),
        extra={"open_id": "open-1"},
    )
    credentials.save_token(channel, token)
    return token


def make_client(*, token: bool = True, cipher: str = CIPHER, **kwargs) -> tuple[TikTokShopClient, Sleeps]:
    if token:
        store_token()
    sleeps = Sleeps()
    client = TikTokShopClient(
        "toko", APP_KEY, "svc-77", cipher, API, AUTH, app_secret=SECRET, sleep=sleeps, clock=lambda: NOW, **kwargs
    )
    return client, sleeps


def query_of(call: responses.Call) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(call.request.url).query, keep_blank_values=True))


def body_of(call: responses.Call) -> dict:
    raw = call.request.body
    return json.loads(raw) if raw else {}


def assert_signed(call: responses.Call, *, shop: bool = True) -> None:
    """The request carries a signature that a server holding the secret would accept."""
    query = query_of(call)
    path = urlsplit(call.request.url).path
    body = call.request.body or b""
    assert query["app_key"] == APP_KEY
    assert query["timestamp"] == str(int(NOW))
    assert ("shop_cipher" in query) is shop
    assert query["sign"] == sign_request(SECRET, path, query, body)
    assert call.request.headers["x-tts-access-token"]


def line_item(n: int, sku_id: str = "sku-1", seller_sku: str = "KAOS-M", price: str = "50000") -> dict:
    return {"id": f"li-{n}", "sku_id": sku_id, "seller_sku": seller_sku, "product_id": "prod-1",
            "product_name": "Kaos Polos", "sku_name": "M", "sale_price": price, "original_price": price}


def raw_order(order_id: str = "576000000000000001", status: str = "AWAITING_SHIPMENT", **extra) -> dict:
    order = {
        "id": order_id,
        "status": status,
        "create_time": int(NOW) - 3600,
        "update_time": int(NOW) - 600,
        "shipping_provider": "J&T Express",
        "shipping_provider_id": "prov-9",
        "delivery_option_name": "Reguler",
        "shipping_type": "TIKTOK",
        "warehouse_id": "wh-1",
        "packages": [{"id": f"pkg-{order_id}"}],
        "payment": {"currency": "IDR", "total_amount": "109000", "shipping_fee": "9000", "sub_total": "100000"},
        "recipient_address": {
            "name": "Budi S***", "phone_number": "(+62)812****89", "full_address": "Jl. Melati 5, Bandung",
            "postal_code": "40111",
            "district_info": [
                {"address_level": "L0", "address_name": "Indonesia"},
                {"address_level": "L1", "address_name": "Jawa Barat"},
                {"address_level": "L2", "address_name": "Kota Bandung"},
                {"address_level": "L3", "address_name": "Coblong"},
            ],
        },
        "line_items": [line_item(1), line_item(2), line_item(3, "sku-2", "KAOS-L", "59000")],
        "commerce_platform": "TOKOPEDIA",
        "buyer_message": "tolong bungkus rapi",
        "rts_sla_time": int(NOW) + 86400,
        "is_cod": False,
    }
    order.update(extra)
    return order


def mock_http():
    """Body of each test file's `rsps` fixture: every request must match a registered response."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


HOUR = timedelta(hours=1)
