"""The sandbox over loopback with plain `requests`: token, auth, shop info, products, order list and single order.

These tests hold the sandbox to research/tokopedia-api.md (paths, envelopes, error codes), not to the client.
"""

from __future__ import annotations

import json
import time

import pytest
import requests

from tokodesk.sandbox import Sandbox, Status

START = 1_760_000_000.0  # a fixed shop clock: the same seed then gives the same shop


class Api:
    """A bare Tokopedia FS caller for tests: a token, then GET/POST with `{fs}` filled into paths."""

    def __init__(self, sb: Sandbox) -> None:
        self.sb = sb
        self.c = sb.credentials
        self.http = requests.Session()
        self.http.headers["Authorization"] = f"Bearer {self.token()}"

    def token(self) -> str:
        r = requests.post(f"{self.sb.url}/token", params={"grant_type": "client_credentials"},
                          auth=(self.c["client_id"], self.c["client_secret"]), timeout=10)
        assert r.status_code == 200, r.text
        return r.json()["access_token"]

    def get(self, path: str, **params) -> requests.Response:
        return self.http.get(self.sb.url + path.format(fs=self.c["fs_id"]), params=params, timeout=10)

    def post(self, path: str, body=None, **params) -> requests.Response:
        return self.http.post(self.sb.url + path.format(fs=self.c["fs_id"]), json=body, params=params, timeout=10)

    def orders(self, from_date: int, to_date: int, per_page: int = 100, **params) -> requests.Response:
        return self.get("/v2/order/list", fs_id=self.c["fs_id"], from_date=from_date, to_date=to_date, page=1,
                        per_page=per_page, **params)


def error_code(r: requests.Response) -> str | None:
    return r.json()["header"].get("error_code")


@pytest.fixture
def sb():
    with Sandbox(seed=11, products=24, orders=300, start_time=START, freeze_clock=True) as sandbox:
        yield sandbox


@pytest.fixture
def api(sb):
    return Api(sb)


# ---- token and authorization -------------------------------------------------------------------------------
def test_token_is_issued_for_the_right_secret_and_reused_until_it_expires(sb):
    c = sb.credentials
    url = f"{sb.url}/token"
    first = requests.post(url, params={"grant_type": "client_credentials"}, auth=(c["client_id"], c["client_secret"]))
    assert first.status_code == 200
    body = first.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 14 * 86400 and body["access_token"]
    sb.advance(3600)
    again = requests.post(url, params={"grant_type": "client_credentials"}, auth=(c["client_id"], c["client_secret"]))
    assert again.json()["access_token"] == body["access_token"]
    assert again.json()["expires_in"] == 14 * 86400 - 3600

    wrong = requests.post(url, params={"grant_type": "client_credentials"}, auth=(c["client_id"], "not-the-secret"))
    assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
    assert c["client_secret"] not in wrong.text
    no_grant = requests.post(url, auth=(c["client_id"], c["client_secret"]))
    assert no_grant.status_code == 400 and no_grant.json()["error"] == "unsupported_grant_type"
    form_grant = requests.post(url, data={"grant_type": "client_credentials"},
                               auth=(c["client_id"], c["client_secret"]))
    assert form_grant.status_code == 200


def test_bad_and_expired_tokens_get_401_and_a_new_token_works():
    with Sandbox(seed=2, orders=5, token_lifetime=600, start_time=START, freeze_clock=True) as sb:
        api = Api(sb)
        assert api.get("/v1/shop/fs/{fs}/shop-info").status_code == 200
        bad = requests.get(f"{sb.url}/v1/shop/fs/{api.c['fs_id']}/shop-info", headers={"Authorization": "Bearer x"})
        assert bad.status_code == 401 and bad.json()["data"] is None
        none = requests.get(f"{sb.url}/v1/shop/fs/{api.c['fs_id']}/shop-info")
        assert none.status_code == 401
        sb.advance(601)
        assert api.get("/v1/shop/fs/{fs}/shop-info").status_code == 401
        api.http.headers["Authorization"] = f"Bearer {api.token()}"
        assert api.get("/v1/shop/fs/{fs}/shop-info").status_code == 200
        sb.expire_tokens()
        assert api.get("/v1/shop/fs/{fs}/shop-info").status_code == 401


def test_shop_info_lists_the_linked_shop_and_a_foreign_shop_is_403(api):
    r = api.get("/v1/shop/fs/{fs}/shop-info")
    assert r.status_code == 200
    shop = r.json()["data"][0]
    assert shop["shop_id"] == api.c["shop_id"]
    assert shop["warehouses"][0]["warehouse_id"] == api.c["warehouse_id"]
    foreign = api.orders(int(START) - 86400, int(START), shop_id=api.c["shop_id"] + 1)
    assert foreign.status_code == 403 and error_code(foreign) == "RBAC_MDLW_001"
    wrong_fs = api.get(f"/v1/shop/fs/{api.c['fs_id'] + 1}/shop-info")
    assert wrong_fs.status_code == 403 and error_code(wrong_fs) == "RBAC_MDLW_001"


# ---- products ----------------------------------------------------------------------------------------------
def all_products(api: Api, per_page: int = 50) -> list[dict]:
    out, page = [], 1
    while True:
        r = api.get("/inventory/v1/fs/{fs}/product/info", shop_id=api.c["shop_id"], page=page, per_page=per_page)
        assert r.status_code == 200, r.text
        data = r.json()["data"]
        if not data:
            return out
        out.extend(data)
        page += 1


def test_products_page_through_the_whole_catalogue_with_variants_and_skus(api, sb):
    products = all_products(api, per_page=7)
    ids = [p["basic"]["productID"] for p in products]
    assert len(ids) == len(set(ids)) == len(sb.shop.products)
    by_id = {p["basic"]["productID"]: p for p in products}
    parents = [p for p in products if p["variant"]["isParent"]]
    assert parents, "the generated shop has variant products"
    for parent in parents:
        children = [by_id[c] for c in parent["variant"]["childrenID"]]
        assert all(ch["variant"]["isVariant"] and ch["other"]["sku"] for ch in children)
        assert parent["stock"]["value"] == sum(ch["stock"]["value"] for ch in children)
    assert any(p["other"]["sku"] == "" and not p["variant"]["isParent"] for p in products), "some lack a SKU"
    assert all("Name" in p["basic"] and p["price"]["currency"] == 1 for p in products)
    assert any(pid > 2**31 for pid in ids), "ids are int64"

    child = by_id[parents[0]["variant"]["childrenID"][0]]
    by_sku = api.get("/inventory/v1/fs/{fs}/product/info", sku=child["other"]["sku"]).json()["data"]
    assert [p["basic"]["productID"] for p in by_sku] == [child["basic"]["productID"]]
    two = api.get("/inventory/v1/fs/{fs}/product/info", product_id=f"{ids[0]},{ids[1]}").json()["data"]
    assert {p["basic"]["productID"] for p in two} == {ids[0], ids[1]}


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"page": 1, "per_page": 51}, "PRD_DLV_012"),
        ({"page": 0, "per_page": 10}, "PRD_DLV_006"),
        ({"per_page": 10}, "PRD_DLV_005"),
        ({"page": 1}, "PRD_DLV_009"),
        ({"page": 1, "per_page": 10, "sort": 11}, "PRD_DLV_008"),
    ],
)
def test_product_paging_limits(api, params, code):
    r = api.get("/inventory/v1/fs/{fs}/product/info", shop_id=api.c["shop_id"], **params)
    assert r.status_code == 400 and error_code(r) == code
    assert r.json()["data"] is None


def test_product_info_needs_a_selector(api):
    r = api.get("/inventory/v1/fs/{fs}/product/info")
    assert r.status_code == 400 and error_code(r) == "PRD_DLV_004"


# ---- order list and single order ---------------------------------------------------------------------------
def test_order_list_window_must_be_strictly_less_than_three_days(api):
    to = int(START)
    assert api.orders(to - 259199, to).status_code == 200
    r = api.orders(to - 259200, to)
    assert r.status_code == 400 and error_code(r) == "ORD_DLV_013"
    assert r.json()["header"]["reason"] == "Date Range must be less than 3 days"


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"per_page": 101}, "ORD_DLV_017"),
        ({"page": 0}, "ORD_DLV_015"),
        ({"page": ""}, "ORD_DLV_014"),
        ({"from_date": "yesterday"}, "ORD_DLV_010"),
        ({"status": "new"}, "ORD_DLV_018"),
        ({"shop_id": 1, "warehouse_id": 2}, "ORD_DLV_008"),
    ],
)
def test_order_list_validation(api, params, code):
    query = {"fs_id": api.c["fs_id"], "from_date": int(START) - 86400, "to_date": int(START), "page": 1,
             "per_page": 50} | params
    r = api.get("/v2/order/list", **query)
    assert r.status_code == 400 and error_code(r) == code


def test_order_list_pages_every_order_of_the_window_once(api, sb):
    frm, to = int(START) - 259199, int(START)
    seen, page = [], 1
    while True:
        r = api.get("/v2/order/list", fs_id=api.c["fs_id"], from_date=frm, to_date=to, page=page, per_page=40)
        data = r.json()["data"]
        if not data:
            break
        seen.extend(data)
        page += 1
    expected = [o.order_id for o in sb.shop.orders.values() if frm <= int(o.create_time) <= to]
    assert sorted(o["order_id"] for o in seen) == sorted(expected) and len(seen) == len(set(expected))
    first = seen[0]
    assert first["fs_id"] == str(api.c["fs_id"]) and isinstance(first["create_time"], int)
    assert first["invoice_ref_num"].startswith("INV/") and "/MPL/" in first["invoice_ref_num"]
    assert first["recipient"]["address"]["postal_code"] and first["logistics"]["shipping_agency"]
    assert {"Name", "sku", "quantity", "price"} <= set(first["products"][0])
    paid = api.orders(frm, to, status=220).json()["data"]
    assert paid and all(o["order_status"] == 220 for o in paid)


def test_single_order_by_id_or_invoice_with_iso_timestamps(api, sb):
    order = sb.orders_in_status(Status.SHIPPED)[0]
    by_id = api.get("/v2/fs/{fs}/order", order_id=order.order_id)
    assert by_id.status_code == 200
    data = by_id.json()["data"]
    assert data["invoice_number"] == order.invoice and data["order_status"] == 500
    assert data["create_time"].endswith("Z") and "T" in data["create_time"]
    assert data["order_info"]["shipping_info"]["awb"] == order.awb
    by_invoice = api.get("/v2/fs/{fs}/order", invoice_num=order.invoice)
    assert by_invoice.json()["data"]["order_id"] == order.order_id

    both = api.get("/v2/fs/{fs}/order", order_id=order.order_id, invoice_num=order.invoice)
    assert error_code(both) == "ORD_DLV_004"
    assert error_code(api.get("/v2/fs/{fs}/order")) == "ORD_DLV_003"
    unknown = api.get("/v2/fs/{fs}/order", order_id=1)
    assert unknown.status_code == 400 and error_code(unknown) == "ORD_API_008"
    assert error_code(api.get("/v2/fs/{fs}/order", invoice_num="INV/20200101/MPL/1")) == "ORD_API_008"


# ---- determinism ---------------------------------------------------------------------------------------------
def snapshot(seed: int) -> str:
    with Sandbox(seed=seed, products=20, orders=150, start_time=START, freeze_clock=True) as sb:
        api = Api(sb)
        products = all_products(api)
        orders = api.orders(int(START) - 259199, int(START)).json()["data"]
        return json.dumps({"c": sb.credentials, "p": products, "o": orders}, sort_keys=True)


def test_same_seed_same_shop_other_seed_other_shop():
    assert snapshot(5) == snapshot(5)
    assert snapshot(5) != snapshot(6)


def test_ten_thousand_orders_are_served_in_full():
    with Sandbox(seed=1, products=30, orders=10_000, days=2.9, start_time=START, freeze_clock=True) as sb:
        api = Api(sb)
        started = time.perf_counter()
        total, page = 0, 1
        while True:
            data = api.get("/v2/order/list", fs_id=api.c["fs_id"], from_date=int(START) - 259199,
                           to_date=int(START), page=page, per_page=100).json()["data"]
            if not data:
                break
            total += len(data)
            page += 1
        print(f"10,000 orders listed in {time.perf_counter() - started:.2f} s")
        assert total == 10_000
