"""The sandbox's order lifecycle and stock over loopback: ack, nack, pick-up, confirm shipping, labels, stock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.integration.test_sandbox_api import START, Api, error_code
from tokodesk.sandbox import Sandbox, Status

ACK = "/v1/order/{oid}/fs/{{fs}}/ack"
NACK = "/v1/order/{oid}/fs/{{fs}}/nack"
STATUS = "/v1/order/{oid}/fs/{{fs}}/status"
LABEL = "/v1/order/{oid}/fs/{{fs}}/shipping-label"
PICKUP = "/inventory/v1/fs/{fs}/pick-up"
STOCK = "/inventory/v1/fs/{fs}/stock/update"


@pytest.fixture
def sb():
    with Sandbox(seed=21, products=20, orders=250, start_time=START, freeze_clock=True) as sandbox:
        yield sandbox


@pytest.fixture
def api(sb):
    return Api(sb)


def new_order(sb: Sandbox, own: bool):
    return next(o for o in sb.orders_in_status(Status.PAID) if o.courier.own == own)


def status_of(api: Api, order_id: int) -> dict:
    r = api.get("/v2/fs/{fs}/order", order_id=order_id)
    assert r.status_code == 200, r.text
    return r.json()["data"]


def booking(api: Api, order_id: int) -> dict:
    r = api.get("/v1/fs/{fs}/fulfillment_order", order_id=order_id)
    assert r.status_code == 200, r.text
    return r.json()["data"]["order_data"][0]["booking_data"]


def test_platform_courier_lifecycle_ack_pickup_then_the_courier_moves_it(api, sb):
    order = new_order(sb, own=False)
    assert booking(api, order.order_id)["booking_code"] == ""
    r = api.post(ACK.format(oid=order.order_id))
    assert r.status_code == 200 and r.json()["data"] == "success"
    assert status_of(api, order.order_id)["order_status"] == 400
    code = booking(api, order.order_id)
    assert code["booking_code"] and code["booking_status"] == 200

    again = api.post(ACK.format(oid=order.order_id))
    assert again.status_code == 400 and error_code(again) == "ORD_USC_001"
    assert sb.order(order.order_id).acks == 1

    pickup = api.post(PICKUP, {"order_id": order.order_id, "shop_id": api.c["shop_id"]})
    assert pickup.status_code == 200, pickup.text
    assert pickup.json()["data"]["result"] == "Terima kasih telah melakukan pengiriman."
    assert status_of(api, order.order_id)["order_status"] == 450

    sb.advance(sb.shop.timing.pickup_to_shipped + 1)
    shipped = status_of(api, order.order_id)
    assert shipped["order_status"] == 500 and shipped["order_info"]["shipping_info"]["awb"]
    listed = api.orders(int(order.create_time), int(order.create_time), status=500).json()["data"]
    assert listed[0]["custom_fields"]["awb"] == shipped["order_info"]["shipping_info"]["awb"]
    sb.advance(sb.shop.timing.shipped_to_delivered + 1)
    assert status_of(api, order.order_id)["order_status"] == 600
    sb.advance(sb.shop.timing.delivered_to_completed + 1)
    assert status_of(api, order.order_id)["order_status"] == 700


def test_own_courier_ships_with_an_awb_and_cannot_request_pickup(api, sb):
    order = new_order(sb, own=True)
    assert api.post(ACK.format(oid=order.order_id)).status_code == 200
    assert booking(api, order.order_id)["booking_code"] == ""
    pickup = api.post(PICKUP, {"order_id": order.order_id, "shop_id": api.c["shop_id"]})
    assert pickup.status_code == 400 and error_code(pickup) == "LGS_USC_012"

    empty = api.post(STATUS.format(oid=order.order_id), {"order_status": 500, "shipping_ref_num": " "})
    assert empty.status_code == 400 and error_code(empty) == "ORD_DLV_021"
    other = api.post(STATUS.format(oid=order.order_id), {"order_status": 600, "shipping_ref_num": "KT1"})
    assert error_code(other) == "ORD_DLV_023"
    ok = api.post(STATUS.format(oid=order.order_id), {"order_status": 500, "shipping_ref_num": "KT-0001"})
    assert ok.status_code == 200 and ok.json()["data"] == "Success"
    data = status_of(api, order.order_id)
    assert data["order_status"] == 500 and data["order_info"]["shipping_info"]["awb"] == "KT-0001"
    twice = api.post(STATUS.format(oid=order.order_id), {"order_status": 500, "shipping_ref_num": "KT-0001"})
    assert twice.status_code == 400 and error_code(twice) == "LGS_USC_006"
    assert sb.order(order.order_id).confirms == 1


def test_ack_and_actions_on_an_unknown_order(api):
    for r in (api.post(ACK.format(oid=123)), api.post(NACK.format(oid=123), {"reason_code": 1, "reason": "x"}),
              api.post(PICKUP, {"order_id": 123}), api.get(LABEL.format(oid=123))):
        assert r.status_code == 400 and error_code(r) == "ORD_API_008"
    assert error_code(api.post(ACK.format(oid="abc"))) == "ORD_DLV_005"
    assert error_code(api.post(PICKUP, {})) == "LGS_DLV_004"


def test_nack_rejects_with_a_reason_and_puts_the_stock_back(api, sb):
    order = new_order(sb, own=False)
    line = order.lines[0]
    before = sb.shop.products[line.product_id].stock
    missing = api.post(NACK.format(oid=order.order_id), {"reason_code": 1, "reason": ""})
    assert missing.status_code == 400 and error_code(missing) == "ORD_USC_009"
    closed = api.post(NACK.format(oid=order.order_id), {"reason_code": 4, "reason": "Toko tutup"})
    assert error_code(closed) == "ORD_USC_012"
    bad_date = {"reason_code": 4, "reason": "Toko tutup", "shop_close_end_date": "2099-01-31",
                "shop_close_note": "Libur Lebaran"}
    assert error_code(api.post(NACK.format(oid=order.order_id), bad_date)) == "ORD_USC_013"
    buyer = api.post(NACK.format(oid=order.order_id), {"reason_code": 8, "reason": "Pembeli minta batal"})
    assert error_code(buyer) == "ORD_USC_019"
    assert sb.order(order.order_id).status == Status.PAID, "failed rejections change nothing"

    day = (datetime.fromtimestamp(START, timezone(timedelta(hours=7))) + timedelta(days=5)).strftime("%d/%m/%Y")
    ok = api.post(NACK.format(oid=order.order_id), {"reason_code": 4, "reason": "Toko tutup",
                                                    "shop_close_end_date": day, "shop_close_note": "Libur"})
    assert ok.status_code == 200 and ok.json()["data"] == "success"
    assert status_of(api, order.order_id)["order_status"] == 10
    assert sb.shop.products[line.product_id].stock == before + line.quantity

    shipped = sb.orders_in_status(Status.SHIPPED)[0]
    late = api.post(NACK.format(oid=shipped.order_id), {"reason_code": 1, "reason": "Stok habis"})
    assert late.status_code == 400 and error_code(late) == "ORD_USC_008"


def test_buyer_cancellation_request_then_nack_code_8_or_reject_cancel(api, sb):
    first, second = sb.orders_in_status(Status.PAID)[:2]
    for order in (first, second):
        api.post(ACK.format(oid=order.order_id))
        sb.shop.orders[order.order_id].cancel_request = {"reason": "Berubah pikiran", "time": START}
    assert status_of(api, first.order_id)["cancel_request_info"]["reason"] == "Berubah pikiran"
    r = api.post(NACK.format(oid=first.order_id), {"reason_code": 8, "reason": "Sesuai permintaan pembeli"})
    assert r.status_code == 200 and sb.order(first.order_id).status == Status.REJECTED
    keep = api.post(f"/v1/order/{second.order_id}/fs/{{fs}}/reject-cancel", shop_id=api.c["shop_id"])
    assert keep.status_code == 200 and keep.json()["data"] == {"success": True}
    assert status_of(api, second.order_id)["cancel_request_info"] is None


def test_unaccepted_orders_are_cancelled_after_the_accept_deadline(api, sb):
    waiting = [o.order_id for o in sb.orders_in_status(Status.PAID)]
    assert waiting
    sb.advance(sb.shop.timing.accept_window + 1)
    assert {status_of(api, oid)["order_status"] for oid in waiting[:5]} == {0}
    assert sb.orders_in_status(Status.PAID) == []


def test_shipping_label_is_html_with_the_booking_code_and_records_printing(api, sb):
    order = new_order(sb, own=False)
    early = api.get(LABEL.format(oid=order.order_id))
    assert early.status_code == 400 and error_code(early) == "ORD_API_008"
    api.post(ACK.format(oid=order.order_id))
    preview = api.get(LABEL.format(oid=order.order_id), printed=0)
    assert preview.status_code == 200 and preview.headers["Content-Type"].startswith("text/html")
    code = sb.order(order.order_id).booking_code
    assert code in preview.text and order.recipient.name in preview.text and order.courier.agency in preview.text
    assert order.lines[0].name in preview.text and "<svg" in preview.text
    assert sb.order(order.order_id).printed is False
    api.get(LABEL.format(oid=order.order_id))
    assert sb.order(order.order_id).printed is True and sb.order(order.order_id).label_prints == 2


def test_stock_update_overwrites_and_reads_back_with_failed_rows_inside_a_200(api, sb):
    children = [p for p in sb.shop.products.values() if p.parent_id and p.sku]
    plain = next(p for p in sb.shop.products.values() if not p.is_parent and not p.sku)
    rows = [{"sku": children[0].sku, "new_stock": 17}, {"product_id": plain.product_id, "new_stock": 4},
            {"sku": "NO-SUCH-SKU", "new_stock": 3}, {"product_id": 42, "new_stock": 1}]
    r = api.post(STOCK, rows, shop_id=api.c["shop_id"])
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert data["succeed_rows"] == 2 and data["failed_rows"] == 2
    assert [f["message"] for f in data["failed_rows_data"]] == ["Invalid SKU.", "Invalid Product ID."]
    assert sb.stock_by_sku()[children[0].sku] == 17

    read = api.get("/inventory/v1/fs/{fs}/product/info", product_id=f"{children[0].product_id},{plain.product_id}")
    stock = {p["basic"]["productID"]: p["stock"]["value"] for p in read.json()["data"]}
    assert stock == {children[0].product_id: 17, plain.product_id: 4}
    parent = api.get("/inventory/v1/fs/{fs}/product/info", product_id=children[0].parent_id).json()["data"][0]
    assert parent["stock"]["value"] == sum(sb.shop.products[c].stock for c in sb.shop.products[children[0].parent_id]
                                           .children)

    too_many = api.post(STOCK, [{"sku": children[0].sku, "new_stock": 1}] * 101, shop_id=api.c["shop_id"])
    assert too_many.status_code == 400 and error_code(too_many) == "PRD_DLV_018"
    foreign = api.post(STOCK, rows[:1], shop_id=api.c["shop_id"] + 1)
    assert foreign.status_code == 403 and error_code(foreign) == "RBAC_MDLW_001"
    assert error_code(api.post(STOCK, rows[:1])) == "PRD_DLV_016"
    assert sb.stock_by_sku()[children[0].sku] == 17


def test_new_orders_arrive_and_buyers_cancel_while_the_clock_runs():
    with Sandbox(seed=4, products=15, orders=20, new_orders_per_hour=30, buyer_cancels_per_hour=6,
                 start_time=START, freeze_clock=True) as sb:
        api = Api(sb)
        before = len(sb.shop.orders)
        sb.advance(2 * 3600)
        arrived = len(sb.shop.orders) - before
        assert arrived > 20
        newest = max(sb.shop.orders.values(), key=lambda o: o.create_time)
        assert newest.create_time > START and newest.status in (Status.PAID, Status.BUYER_CANCELLED)
        listed = api.orders(int(START), int(START) + 2 * 3600, status=220).json()["data"]
        assert listed and all(o["create_time"] > START for o in listed)
        assert sb.shop.counters["buyer_cancelled"] + sb.shop.counters["cancel_requested"] >= 1


def test_drop_off_ships_an_accepted_order_and_forced_statuses_keep_their_timers(api, sb):
    order = new_order(sb, own=False)
    api.post(ACK.format(oid=order.order_id))
    sb.drop_off(order.order_id)
    data = status_of(api, order.order_id)
    assert data["order_status"] == 500
    assert data["order_info"]["shipping_info"]["awb"].startswith(order.courier.awb_prefix)

    other = new_order(sb, own=False)
    sb.force_status(other.order_id, Status.AWAITING_PICKUP)
    assert booking(api, other.order_id)["booking_code"], "a forced pick-up has its booking code"
    sb.advance(sb.shop.timing.pickup_to_shipped + 1)
    assert status_of(api, other.order_id)["order_status"] == 500


def test_an_unanswered_buyer_cancellation_request_cancels_the_order(api, sb):
    order = new_order(sb, own=False)
    api.post(ACK.format(oid=order.order_id))
    no_request = api.post(f"/v1/order/{order.order_id}/fs/{{fs}}/reject-cancel", shop_id=api.c["shop_id"])
    assert no_request.status_code == 400 and error_code(no_request) == "ORD_USC_024"
    shop = sb.shop
    with shop.lock:
        live = shop.orders[order.order_id]
        live.cancel_request = {"reason": "Berubah pikiran", "time": START}
        shop.schedule(START + shop.timing.cancel_request_window, live, "cancel_timeout")
    sb.advance(shop.timing.cancel_request_window + 1)
    assert status_of(api, order.order_id)["order_status"] == 0


def test_sold_out_products_go_inactive_unless_the_status_change_is_bypassed(api, sb):
    first, second = [p for p in sb.shop.products.values() if p.sku and not p.is_parent][:2]
    api.post(STOCK, [{"sku": first.sku, "new_stock": 0}], shop_id=api.c["shop_id"])
    api.post(STOCK, [{"sku": second.sku, "new_stock": 0}], shop_id=api.c["shop_id"],
             bypass_update_product_status="true")
    read = api.get("/inventory/v1/fs/{fs}/product/info", product_id=f"{first.product_id},{second.product_id}")
    status = {p["basic"]["productID"]: p["basic"]["status"] for p in read.json()["data"]}
    assert status == {first.product_id: 3, second.product_id: 1}
    api.post(STOCK, [{"sku": first.sku, "new_stock": 5}], shop_id=api.c["shop_id"])
    assert sb.shop.products[first.product_id].status == 1
