"""Shared pieces for the Tokopedia client tests: a fake clock, a client factory, doc-shaped bodies (research file).

No tests here; the other test_tokopedia_* modules import it, fixtures as `fixture_*` (named without the prefix).
"""

from __future__ import annotations

import copy
import json

import pytest
import responses

from tokodesk.marketplace.tokopedia import TokopediaClient

API = "https://fs.test.invalid"
AUTH = "https://accounts.test.invalid"
FS_ID = "13004"
SHOP_ID = "479573"
TOKEN = "tok-AbCdEf0123456789"
OK_MSG = "Your request has been processed successfully"
BAD_MSG = "We could not process your request due to malformed request, please check again"


class FakeClock:
    """`clock` and `sleep` for the client: sleeping moves time on, and every wait is recorded."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now
        self.waits: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


@pytest.fixture(name="rsps")
def fixture_rsps():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


@pytest.fixture(name="clock")
def fixture_clock():
    return FakeClock()


def make_client(clock: FakeClock, **kwargs) -> TokopediaClient:
    kwargs.setdefault("client_secret", "s3cret-value-xyz")
    return TokopediaClient("toko1", FS_ID, "client-123", SHOP_ID, API, AUTH, sleep=clock.sleep, clock=clock.clock,
                           **kwargs)


@pytest.fixture(name="client")
def fixture_client(clock, rsps):
    add_token(rsps)
    c = make_client(clock)
    yield c
    c.close()


def add_token(rsps, token: str = TOKEN, expires_in: int = 2592000) -> None:
    rsps.add(responses.POST, f"{AUTH}/token", json={"access_token": token, "expires_in": expires_in,
                                                    "token_type": "Bearer"})


def envelope(data, **header) -> dict:
    return {"header": {"process_time": 0.0123, "messages": OK_MSG, **header}, "data": data}


def error_envelope(reason: str, code: str) -> dict:
    return {"header": {"process_time": 0.01, "messages": BAD_MSG, "reason": reason, "error_code": code},
            "data": None}


def api_calls(rsps) -> list:
    """Calls to the API host (not the token endpoint)."""
    return [c for c in rsps.calls if c.request.url.startswith(API)]


def body_of(call) -> object:
    return json.loads(call.request.body)


LIST_ORDER = {
    "fs_id": "13004",
    "order_id": 12345678,
    "invoice_ref_num": "INV/20200110/XX/I/502",
    "is_cod_mitra": False,
    "accept_partial": False,
    "products": [
        {"id": 2150347, "Name": "Kaos Polos Hitam", "quantity": 2, "notes": "size L please", "weight": 0.2,
         "total_weight": 0.4, "price": 45000, "total_price": 90000, "currency": "Rp", "sku": "KP-HITAM-L",
         "is_wholesale": False},
        {"id": 2150348, "Name": "Topi", "quantity": 1, "notes": "", "weight": 0.1, "total_weight": 0.1,
         "price": 25000.0, "total_price": 25000, "currency": "Rp", "sku": "TOPI-1", "is_wholesale": False},
    ],
    "buyer": {"id": 1, "Name": "Budi Santoso", "phone": "08*******12", "email": "b***@mail.com"},
    "shop_id": 479573,
    "payment_id": 11223,
    "warehouse_id": 1234,
    "fulfill_by": 0,
    "recipient": {"Name": "Siti Aminah", "phone": "6281234567890",
                  "address": {"address_full": "Jl. Melati No. 5", "district": "Tebet", "city": "Jakarta Selatan",
                              "province": "DKI Jakarta", "country": "Indonesia", "postal_code": "12810",
                              "district_id": 2274, "city_id": 176, "province_id": 13, "geo": "-6.2,106.8"}},
    "logistics": {"shipping_id": 1, "district_id": 0, "city_id": 0, "province_id": 0, "geo": "",
                  "shipping_agency": "JNE", "service_type": "Reguler"},
    "amt": {"ttl_product_price": 115000, "shipping_cost": 9000, "insurance_cost": 0, "ttl_amount": 124000,
            "voucher_amount": 0, "toppoints_amount": 0},
    "dropshipper_info": {},
    "voucher_info": {"voucher_code": "", "voucher_type": 0},
    "order_status": 220,
    "create_time": 1578640000,
    "custom_fields": {"awb": ""},
    "shipment_fulfillment": {"accept_deadline": "2020-01-11T07:06:40Z",
                             "confirm_shipping_deadline": "2020-01-13T07:06:40Z"},
}


def list_order(order_id: int = 12345678, **changes) -> dict:
    order = copy.deepcopy(LIST_ORDER)
    order["order_id"] = order_id
    order.update(changes)
    return order


SINGLE_ORDER = {
    "order_id": 12345678, "buyer_id": 1, "seller_id": 479573, "payment_id": 11223,
    "is_affiliate": False, "is_fulfillment": False,
    "order_warehouse": {"warehouse_id": 1234, "fulfill_by": 0, "meta_data": {"warehouse_name": "Gudang Utama"}},
    "order_status": 400,
    "invoice_number": "INV/20170720/XVII/VII/12472252",
    "invoice_pdf": "", "invoice_url": "",
    "open_amt": 124000, "lp_amt": 0, "cashback_amt": 0, "info": "", "comment": "tolong dibungkus rapi",
    "item_price": 115000,
    "buyer_info": {"buyer_id": 1, "buyer_fullname": "Budi Santoso", "buyer_email": "", "buyer_phone": ""},
    "shipment_fulfillment": {"id": 1, "order_id": 12345678, "accept_deadline": "2017-07-21T17:50:58Z",
                             "confirm_shipping_deadline": "2017-07-23T17:50:58Z"},
    "order_info": {
        "order_detail": [
            {"order_detail_id": 1, "product_id": 2150347, "product_name": "Kaos Polos Hitam", "product_price": 45000,
             "subtotal_price": 90000, "weight": 0.2, "total_weight": 0.4, "quantity": 2, "quantity_deliver": 2,
             "quantity_reject": 0, "sku": "KP-HITAM-L"},
        ],
        "order_history": [],
        "shipping_info": {"sp_id": 1, "shipping_id": 1, "logistic_name": "SiCepat", "logistic_service": "REG",
                          "shipping_price": 9000, "awb": "", "autoresi_awb": "SCP000111222", "isCashless": True},
        "destination": {"receiver_name": "Siti Aminah", "receiver_phone": "6281234567890",
                        "address_street": "Jl. Melati No. 5", "address_district": "Tebet",
                        "address_city": "Jakarta Selatan", "address_province": "DKI Jakarta",
                        "address_postal": "12810"},
    },
    "create_time": "2017-07-20T17:50:58.061156Z",
    "update_time": "2017-07-20T18:00:00Z",
}


def product(pid: int, name: str = "Kaos", sku: str = "", *, stock: int = 10, price: int = 45000,
            parent: bool = False, children: list | None = None, variant_child: bool = False,
            name_key: str = "Name") -> dict:
    return {
        "basic": {"productID": pid, "shopID": 479573, "status": 1, name_key: name, "condition": 1,
                  "childCategoryID": 1},
        "price": {"value": price, "currency": 1, "LastUpdateUnix": 1578640000, "idr": price},
        "weight": {"value": 200, "unit": 1},
        "stock": {"useStock": True, "value": stock, "stockWording": ""},
        "main_stock": stock, "reserve_stock": 0,
        "variant": {"isParent": parent, "isVariant": parent or variant_child, "childrenID": children or []},
        "other": {"sku": sku, "url": f"https://www.tokopedia.com/x/{pid}", "mobileURL": ""},
    }
