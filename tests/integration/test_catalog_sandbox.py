"""Prices and listing on/off through both adapters against the sandbox over loopback (issue 23).

The Tokopedia & Shop requests are checked against the vendored OAS operations (tests/oas) by the conftest hook.
"""

from __future__ import annotations

import pytest

from tests.integration.test_inventory_sandbox import client_for
from tests.integration.tiktokshop_setup import channel, client, sb  # noqa: F401 - fixtures
from tokodesk.marketplace.base import CatalogRow
from tokodesk.sandbox import Sandbox
from tokodesk.sandbox import tiktokshop_json as tj


@pytest.fixture
def tokopedia(database):
    with Sandbox(seed=11, orders=3, products=30, freeze_clock=True) as box:
        yield box, client_for(box)


def _sellable(box, n: int):
    return [p for p in box.shop.products.values() if not p.is_parent and p.stock > 0][:n]


def test_tokopedia_prices_apply_and_a_promoted_product_is_refused_by_name(tokopedia):
    box, adapter = tokopedia
    a, b, c = _sellable(box, 3)
    box.shop.promotions[b.product_id] = "Payday 25.12"
    rows = [CatalogRow(str(p.product_id), p.sku, price=price) for p, price in ((a, 15_000), (b, 9_000), (c, 27_500))]
    results = adapter.update_prices(rows)
    assert [r.ok for r in results] == [True, False, True]
    assert "Payday 25.12" in results[1].message
    assert (box.shop.products[a.product_id].price, box.shop.products[c.product_id].price) == (15_000, 27_500)
    assert box.shop.products[b.product_id].price != 9_000
    read = {p.product_id: p.price for p in adapter.read_catalog(rows)}
    assert read[str(a.product_id)] == 15_000 and read[str(c.product_id)] == 27_500


def test_tokopedia_listing_off_and_on_in_batches_of_25(tokopedia):
    box, adapter = tokopedia
    products = _sellable(box, 27)
    off = adapter.set_listings([CatalogRow(str(p.product_id), active=False) for p in products])
    assert all(r.ok for r in off), [r.message for r in off if not r.ok]
    assert {box.shop.products[p.product_id].status for p in products} == {3}
    assert [r.status for r in box.request_log if r.endpoint == "set_inactive"] == [200, 200]  # 25 + 2
    states = {p.product_id: p.status for p in adapter.read_catalog([CatalogRow(str(p.product_id)) for p in products])}
    assert set(states.values()) == {"inactive"}
    on = adapter.set_listings([CatalogRow(str(products[0].product_id), active=True)])
    assert on[0].ok and box.shop.products[products[0].product_id].status == 1


def test_tokopedia_lost_answer_is_reported_unknown_and_the_change_was_made(tokopedia):
    box, adapter = tokopedia
    (a,) = _sellable(box, 1)
    box.faults.force("price_update", "lost", 1)
    results = adapter.update_prices([CatalogRow(str(a.product_id), a.sku, price=12_345)])
    assert results[0].unknown and not results[0].ok
    assert box.shop.products[a.product_id].price == 12_345  # applied: the read-back decides, not a resend
    assert box.shop.counters[f"price:{a.product_id}"] == 1


def _tts_rows(sb, n: int, **values):  # noqa: F811
    products = [p for p in sb.shop.products.values() if not p.is_parent and p.parent_id is None][:n]
    return products, [CatalogRow(tj.sku_id(p), p.sku, parent_id=tj.tts_product_id(p), **values) for p in products]


def test_tiktokshop_prices_and_a_promotion_named(sb, client):  # noqa: F811
    products, rows = _tts_rows(sb, 3)
    for row, price in zip(rows, (11_000, 22_000, 33_000), strict=True):
        row.price = price
    sb.shop.promotions[products[1].product_id] = "Flash Sale 12.12"
    results = client.update_prices(rows)
    assert [r.ok for r in results] == [True, False, True]
    assert "Flash Sale 12.12" in results[1].message
    assert sb.shop.products[products[0].product_id].price == 11_000
    read = {p.product_id: p.price for p in client.read_catalog(rows)}
    assert read[rows[0].product_id] == 11_000 and read[rows[2].product_id] == 33_000


def test_tiktokshop_deactivate_and_activate_whole_products(sb, client):  # noqa: F811
    products, rows = _tts_rows(sb, 2, active=False)
    assert all(r.ok for r in client.set_listings(rows))
    assert {sb.shop.products[p.product_id].status for p in products} == {3}
    assert {p.status for p in client.read_catalog(rows)} == {"SELLER_DEACTIVATED"}
    for row in rows:
        row.active = True
    assert all(r.ok for r in client.set_listings(rows))
    assert {sb.shop.products[p.product_id].status for p in products} == {1}


def test_tiktokshop_lost_price_answer_is_unknown(sb, client):  # noqa: F811
    products, rows = _tts_rows(sb, 1, price=45_000)
    sb.faults.force("prices_update", "lost", 1)
    results = client.update_prices(rows)
    assert results[0].unknown
    assert sb.shop.counters[f"price:{products[0].product_id}"] == 1


def test_tokopedia_250_prices_under_a_low_rate_limit_lose_nothing_and_stay_within_100_a_request(database):
    with Sandbox(seed=5, orders=3, products=120, freeze_clock=True, rate_limit={"price_update": 20},
                 rate_burst=20) as box:
        adapter = client_for(box)
        products = [p for p in box.shop.products.values() if not p.is_parent][:250]
        assert len(products) == 250
        rows = [CatalogRow(str(p.product_id), p.sku, price=1_000 + p.product_id % 5_000) for p in products]
        results = adapter.update_prices(rows)
        assert all(r.ok for r in results), [r.message for r in results if not r.ok][:3]
        sent = [r for r in box.request_log if r.endpoint == "price_update"]
        assert len(sent) >= 13 and all(r.status == 200 for r in sent)  # 20 rows a second's quota, never a 400
        assert all(box.shop.products[p.product_id].price == 1_000 + p.product_id % 5_000 for p in products)
        assert all(box.shop.counters[f"price:{p.product_id}"] == 1 for p in products)
