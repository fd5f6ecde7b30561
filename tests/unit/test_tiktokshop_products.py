"""Products and stock of a Tokopedia & Shop channel: search, inventory read-back, per-product stock update."""

from __future__ import annotations

import pytest
import responses

from tests.unit.test_tiktokshop_support import API, assert_signed, body_of, fail, make_client, mock_http, ok, query_of
from tokodesk.marketplace.base import StockRow

SEARCH = f"{API}/product/202502/products/search"
INV_SEARCH = f"{API}/product/202309/inventory/search"


def update_url(product_id: str) -> str:
    return f"{API}/product/202309/products/{product_id}/inventory/update"


@pytest.fixture
def rsps():
    yield from mock_http()


def product(pid, skus, status="ACTIVATE", **extra):
    return {"id": pid, "title": f"Produk {pid}", "status": status, "skus": skus, **extra}


def sku(sid, seller_sku, qty_by_wh, price="25000", attrs=()):
    return {"id": sid, "seller_sku": seller_sku, "price": {"currency": "IDR", "sale_price": price},
            "inventory": [{"warehouse_id": w, "quantity": q} for w, q in qty_by_wh.items()],
            "sales_attributes": [{"name": "Ukuran", "value_name": a} for a in attrs]}


def inventory(entries):
    """entries: product_id -> [(sku_id, seller_sku, {wh: available})]"""
    return ok({"inventory": [
        {"product_id": pid, "skus": [
            {"id": sid, "seller_sku": ss, "total_available_quantity": sum(whs.values()),
             "warehouse_inventory": [{"warehouse_id": w, "available_quantity": q, "committed_quantity": 0}
                                     for w, q in whs.items()]}
            for sid, ss, whs in skus]}
        for pid, skus in entries.items()]})


def test_products_search_pages_and_yields_one_product_per_sku(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, SEARCH, json=ok({"total_count": 2, "next_page_token": "tok/2+", "products": [
        product("p1", [sku("s1", "KAOS-M", {"wh-1": 5, "wh-2": 2}, attrs=("M",)),
                       sku("s2", "KAOS-L", {"wh-1": 0}, price="27500.00", attrs=("L",))])]}))
    rsps.add(responses.POST, SEARCH, json=ok({"total_count": 2, "products": [
        {"id": "p2", "title": "Topi", "skus": [sku("s3", "TOPI", {"wh-1": 9})],
         "integrated_platform_statuses": [{"platform": "TOKOPEDIA", "status": "LIVE"}]}]}))
    progress = []
    found = list(client.list_products(progress=lambda d, t, m: progress.append((d, t))))
    assert [(p.product_id, p.sku_id, p.parent_id, p.sku, p.stock, p.price) for p in found] == [
        ("s1", "s1", "p1", "KAOS-M", 7, 25000),
        ("s2", "s2", "p1", "KAOS-L", 0, 27500),
        ("s3", "s3", "p2", "TOPI", 9, 25000),
    ]
    assert found[0].name == "Produk p1 - M" and found[2].name == "Topi"
    assert found[0].warehouse_ids == ["wh-1", "wh-2"]
    assert found[0].status == "ACTIVATE" and found[2].status == "LIVE"  # Tokopedia-only listing: per-platform status
    assert all(p.sellable for p in found)
    assert query_of(rsps.calls[0])["page_size"] == "100"
    assert query_of(rsps.calls[1])["page_token"] == "tok/2+"
    assert_signed(rsps.calls[0])
    assert progress == [(1, 2), (2, 2)]


def test_read_stock_reads_inventory_by_sku(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, INV_SEARCH, json=inventory({"p1": [("s1", "KAOS-M", {"wh-1": 5, "wh-2": 2})]}))
    levels = client.read_stock(["s1"])
    assert [(lv.product_id, lv.sku, lv.quantity, lv.sku_id) for lv in levels] == [("s1", "KAOS-M", 7, "s1")]
    assert body_of(rsps.calls[0]) == {"sku_ids": ["s1"]}


def test_read_stock_with_several_warehouses_says_which_figure_a_push_writes(rsps):
    client, _ = make_client(preferred_warehouse="wh-2")
    rsps.add(responses.POST, INV_SEARCH, json=inventory({"p1": [("s1", "KAOS-M", {"wh-1": 5, "wh-2": 2}),
                                                                ("s2", "KAOS-L", {"wh-1": 4})]}))
    levels = {lv.product_id: lv for lv in client.read_stock(["s1", "s2"])}
    # The push writes wh-2 (the channel's) and keeps wh-1's 5: what it would leave unchanged is wh-2's 2.
    assert (levels["s1"].quantity, levels["s1"].warehouses, levels["s1"].managed) == (7, {"wh-1": 5, "wh-2": 2}, 2)
    assert (levels["s2"].quantity, levels["s2"].managed) == (4, 4)


def test_read_stock_falls_back_to_product_ids(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, INV_SEARCH, json=ok({"inventory": []}))
    rsps.add(responses.POST, INV_SEARCH, json=inventory({"p9": [("s9", "X", {"wh-1": 3})]}))
    levels = client.read_stock(["p9"])
    assert [(lv.product_id, lv.sku_id, lv.quantity) for lv in levels] == [("p9", "s9", 3)]
    assert body_of(rsps.calls[1]) == {"product_ids": ["p9"]}


def test_update_stock_groups_per_product_with_every_warehouse_of_the_sku(rsps):
    client, _ = make_client(preferred_warehouse="wh-2")
    rsps.add(responses.POST, INV_SEARCH, json=inventory({
        "p1": [("s1", "KAOS-M", {"wh-1": 5, "wh-2": 2}), ("s2", "KAOS-L", {"wh-2": 1})],
        "p2": [("s3", "TOPI", {"wh-1": 4})],
    }))
    rsps.add(responses.POST, update_url("p1"), json=ok({}))
    rsps.add(responses.POST, update_url("p2"), json=ok({}))
    rows = [StockRow("s1", "KAOS-M", 10, sku_id="s1"), StockRow("s2", "KAOS-L", 0, sku_id="s2"),
            StockRow("s3", "TOPI", 8, sku_id="s3")]
    result = client.update_stock(rows)
    assert [r.ok for r in result.rows] == [True, True, True]
    assert result.requests == 3  # one inventory read + one update per product
    p1 = body_of(rsps.calls[1])
    assert p1 == {"skus": [
        # the channel's warehouse gets the quantity; the SKU's other warehouse keeps its own
        {"id": "s1", "inventory": [{"warehouse_id": "wh-1", "quantity": 5}, {"warehouse_id": "wh-2", "quantity": 10}]},
        {"id": "s2", "inventory": [{"warehouse_id": "wh-2", "quantity": 0}]},
    ]}
    assert body_of(rsps.calls[2]) == {"skus": [{"id": "s3", "inventory": [{"warehouse_id": "wh-1", "quantity": 8}]}]}
    assert_signed(rsps.calls[1])


def test_per_sku_errors_with_code_zero_fail_only_their_rows(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, INV_SEARCH, json=inventory({"p1": [("s1", "A", {"wh-1": 1}), ("s2", "B", {"wh-1": 1})]}))
    rsps.add(responses.POST, update_url("p1"), json=ok({"errors": [
        {"code": 12052393, "message": "promotion lock", "detail": {"sku_id": "s2", "extra_errors": [
            {"warehouse_id": "wh-1", "code": 12052055, "message": "out of limits"}]}}]}))
    result = client.update_stock([StockRow("s1", "A", 3, sku_id="s1"), StockRow("s2", "B", 4, sku_id="s2")])
    assert [r.ok for r in result.rows] == [True, False]
    bad = result.rows[1]
    assert "promotion" in bad.message and "12052393" in bad.message and "warehouse wh-1" in bad.message
    assert result.accepted[0].sku == "A" and result.failed[0].sku == "B"


def test_an_error_naming_no_sku_fails_the_whole_call(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, INV_SEARCH, json=inventory({"p1": [("s1", "A", {"wh-1": 1})]}))
    rsps.add(responses.POST, update_url("p1"), json=ok({"errors": [{"code": 12052901, "message": "status"}]}))
    result = client.update_stock([StockRow("s1", "A", 3, sku_id="s1")])
    assert not result.rows[0].ok and "status" in result.rows[0].message


def test_a_product_level_error_fails_its_rows_and_spares_the_others(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, INV_SEARCH, json=inventory({"p1": [("s1", "A", {"wh-1": 1})],
                                                         "p2": [("s2", "B", {"wh-1": 1})]}))
    rsps.add(responses.POST, update_url("p1"), json=fail(12052901, "product status not allowed"))
    rsps.add(responses.POST, update_url("p2"), json=ok({}))
    result = client.update_stock([StockRow("s1", "A", 3, sku_id="s1"), StockRow("s2", "B", 4, sku_id="s2")])
    assert [r.ok for r in result.rows] == [False, True]
    assert "must be live" in result.rows[0].message


def test_unknown_sku_is_reported_not_sent(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, INV_SEARCH, json=ok({"inventory": []}))
    result = client.update_stock([StockRow("s404", "GONE", 3, sku_id="s404")])
    assert not result.rows[0].ok and "Pull the products again" in result.rows[0].message
    assert len(rsps.calls) == 1


def test_sku_learnt_from_the_pull_is_sent_with_the_rows_warehouses(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, SEARCH, json=ok({"products": [product("p1", [sku("s1", "A", {"wh-1": 1})])]}))
    list(client.list_products())
    rsps.add(responses.POST, INV_SEARCH, json=ok({"inventory": []}))
    rsps.add(responses.POST, update_url("p1"), json=ok({}))
    result = client.update_stock([StockRow("s1", "A", 6, sku_id="s1", warehouse_ids=["wh-1"])])
    assert result.rows[0].ok
    assert body_of(rsps.calls[-1]) == {"skus": [{"id": "s1", "inventory": [{"warehouse_id": "wh-1", "quantity": 6}]}]}


def test_rate_limited_stock_rows_come_back_retryable(rsps):
    client, sleeps = make_client()
    rsps.add(responses.POST, INV_SEARCH, status=429, json=fail(36009002, "Too many requests"))
    result = client.update_stock([StockRow("s1", "A", 3, sku_id="s1")])
    assert not result.rows[0].ok and result.rows[0].retryable
    assert len(sleeps) == 5
