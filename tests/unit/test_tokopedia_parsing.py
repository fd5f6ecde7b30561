"""Parsing Tokopedia JSON and splitting order windows (research §3, §4, §9)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tokodesk.marketplace.base import InvalidOrder, OrderState
from tokodesk.marketplace.tokopedia import parsing
from tokodesk.marketplace.tokopedia.windows import MAX_SPAN_S, split_range, windows_for

from .test_tokopedia_support import LIST_ORDER, SINGLE_ORDER, list_order, product

UTC = timezone.utc


def test_list_order_fills_the_order():
    order = parsing.order_from_list(LIST_ORDER)
    assert order.order_id == "12345678"
    assert order.invoice == "INV/20200110/XX/I/502"
    assert order.marketplace_status == "220" and order.state is OrderState.NEW
    assert order.created_at == datetime(2020, 1, 10, 7, 6, 40, tzinfo=UTC)
    assert order.buyer_name == "Budi Santoso"
    r = order.recipient
    assert (r.name, r.phone, r.address, r.district, r.city, r.province, r.postal_code) == (
        "Siti Aminah", "6281234567890", "Jl. Melati No. 5", "Tebet", "Jakarta Selatan", "DKI Jakarta", "12810")
    assert (order.courier, order.service) == ("JNE", "Reguler")
    assert (order.total_amount, order.shipping_fee) == (124000, 9000)
    assert order.accept_deadline == datetime(2020, 1, 11, 7, 6, 40, tzinfo=UTC)
    assert order.ship_deadline == datetime(2020, 1, 13, 7, 6, 40, tzinfo=UTC)
    assert order.awb is None and order.booking_code is None
    assert order.warehouse_id == "1234"
    assert order.buyer_note == "size L please"
    assert [(ln.product_id, ln.sku, ln.name, ln.quantity, ln.price) for ln in order.lines] == [
        ("2150347", "KP-HITAM-L", "Kaos Polos Hitam", 2, 45000), ("2150348", "TOPI-1", "Topi", 1, 25000)]


def test_lower_case_keys_of_the_old_fixture_read_the_same():
    raw = list_order()
    raw["buyer"] = {"name": "Budi Santoso"}
    raw["recipient"] = {"name": "Siti Aminah", "PHONE": "62812", "Address": {"Address_Full": "Jl. Melati"}}
    raw["products"] = [{"ID": 5, "name": "Kaos", "Quantity": 1, "price": 1000, "SKU": "K1"}]
    order = parsing.order_from_list(raw)
    assert order.buyer_name == "Budi Santoso" and order.recipient.name == "Siti Aminah"
    assert order.recipient.phone == "62812" and order.recipient.address == "Jl. Melati"
    assert [(ln.product_id, ln.name, ln.sku, ln.quantity) for ln in order.lines] == [("5", "Kaos", "K1", 1)]


def test_awb_and_bundle_items():
    raw = list_order(custom_fields={"awb": "JNE123"}, products=[])
    raw["bundle_detail"] = {
        "bundle": [{"bundle_id": 1, "order_detail": [{"product_id": 9, "product_name": "Paket", "quantity": 2,
                                                     "product_price": 5000, "sku": "PK"}]}],
        "non_bundle": [{"product_id": 10, "product_name": "Lain", "quantity": 1, "product_price": 700, "sku": "L"}]}
    order = parsing.order_from_list(raw)
    assert order.awb == "JNE123"
    assert [(ln.product_id, ln.quantity, ln.price) for ln in order.lines] == [("9", 2, 5000), ("10", 1, 700)]


def test_single_order_shape_with_iso_times():
    order = parsing.order_from_single(SINGLE_ORDER)
    assert order.order_id == "12345678" and order.invoice == "INV/20170720/XVII/VII/12472252"
    assert order.state is OrderState.ACKNOWLEDGED
    assert order.created_at == datetime(2017, 7, 20, 17, 50, 58, 61156, tzinfo=UTC)
    assert order.updated_at == datetime(2017, 7, 20, 18, 0, tzinfo=UTC)
    assert (order.courier, order.service, order.awb) == ("SiCepat", "REG", "SCP000111222")
    assert order.recipient.name == "Siti Aminah" and order.recipient.postal_code == "12810"
    assert order.buyer_name == "Budi Santoso" and order.buyer_note == "tolong dibungkus rapi"
    assert (order.total_amount, order.shipping_fee, order.warehouse_id) == (124000, 9000, "1234")
    assert order.accept_deadline == datetime(2017, 7, 21, 17, 50, 58, tzinfo=UTC)
    assert [(ln.product_id, ln.sku, ln.quantity, ln.price) for ln in order.lines] == [
        ("2150347", "KP-HITAM-L", 2, 45000)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1578640000, datetime(2020, 1, 10, 7, 6, 40, tzinfo=UTC)),
        ("1578640000", datetime(2020, 1, 10, 7, 6, 40, tzinfo=UTC)),
        (1578640000.5, datetime(2020, 1, 10, 7, 6, 40, 500000, tzinfo=UTC)),
        ("2017-07-20T17:50:58.061156Z", datetime(2017, 7, 20, 17, 50, 58, 61156, tzinfo=UTC)),
        ("2017-07-20T17:50:58.0611567Z", datetime(2017, 7, 20, 17, 50, 58, 61156, tzinfo=UTC)),
        ("2017-07-20T17:50:58+07:00", datetime(2017, 7, 20, 10, 50, 58, tzinfo=UTC)),
        ("2017-07-20 17:50:58", datetime(2017, 7, 20, 10, 50, 58, tzinfo=UTC)),  # zone-less: WIB
        (None, None), ("", None), (0, None), ("0001-01-01T00:00:00Z", None),
    ],
)
def test_both_timestamp_forms_become_aware_utc(value, expected):
    assert parsing.to_time(value) == expected


def test_fs_id_string_or_int_and_money_rounding():
    assert parsing.ident("13004") == parsing.ident(13004) == parsing.ident(13004.0) == "13004"
    assert parsing.to_int("12500.50") == 12501 and parsing.to_int(99.4) == 99
    with pytest.raises(parsing.BadData):
        parsing.to_int("dua ribu")


@pytest.mark.parametrize(
    ("change", "why"),
    [({"order_id": None}, "order_id"), ({"order_status": None}, "order_status"),
     ({"create_time": "kemarin"}, "not a time"), ({"products": [{"id": 1, "quantity": "dua"}]}, "not a number")],
)
def test_malformed_order_becomes_invalid_order(change, why):
    item = parsing.parse_or_invalid(list_order(**change))
    assert isinstance(item, InvalidOrder)
    assert why in item.reason
    assert item.raw is not None


def test_product_parsing():
    p = parsing.product(product(7, "Kaos Merah", "KM-1", stock=3, price=45000))
    assert (p.product_id, p.name, p.sku, p.stock, p.price, p.status, p.is_parent) == (
        "7", "Kaos Merah", "KM-1", 3, 45000, "active", False)
    old = parsing.product(product(8, "Lama", name_key="name"))
    assert old.name == "Lama"
    raw = product(9, "Multi")
    raw["warehouses"] = [{"warehouseID": 1, "stock": {"value": 2}}, {"warehouseID": 2, "stock": {"value": 5}}]
    multi = parsing.product(raw)
    assert multi.stock == 7 and multi.warehouse_ids == ["1", "2"]


# -- order windows ---------------------------------------------------------------------------------------------

@given(st.integers(min_value=0, max_value=2_000_000_000), st.integers(min_value=0, max_value=60 * 86400))
def test_windows_cover_any_range_exactly(start, length):
    end = start + length
    windows = split_range(start, end)
    if length == 0:
        assert windows == []
        return
    assert windows[0][0] == start and windows[-1][1] == end
    for (_, b), (c, _) in zip(windows, windows[1:], strict=False):
        assert b == c  # no gap, no overlap
    for a, b in windows:
        assert 0 < b - a < 259200


@given(st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2030, 1, 1)),
       st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40)))
def test_datetime_windows_include_the_whole_range(start, length):
    start = start.replace(tzinfo=UTC)
    end = start + length
    windows = windows_for(start, end)
    if windows:
        assert windows[0][0] <= start.timestamp() and windows[-1][1] >= end.timestamp()
        assert all(b - a <= MAX_SPAN_S for a, b in windows)
    else:
        assert start == end


def test_exactly_three_days_needs_two_windows():
    assert split_range(0, 259200) == [(0, 259199), (259199, 259200)]
    assert split_range(0, 259199) == [(0, 259199)]
