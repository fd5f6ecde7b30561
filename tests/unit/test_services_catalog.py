"""SKU pull: products into the store, create / map-only modes, strip rules, unmapped queue, empty SKUs."""

from __future__ import annotations

import pytest

from tests.unit.fake_marketplace import FakeMarketplace
from tokodesk.services import catalog
from tokodesk.services import mapping as mapping_service
from tokodesk.store import models as m


@pytest.fixture
def channel(any_database):
    return m.Channel.create(name="toko", marketplace="tokopedia")


@pytest.fixture
def shop():
    fake = FakeMarketplace()
    fake.add_product("10", "", "Kaos polos (induk)", is_parent=True)
    fake.add_product("11", "TKP-KAOS-M", "Kaos polos M", parent_id="10", price=50000)
    fake.add_product("12", "TKP-KAOS-L", "Kaos polos L", parent_id="10", price=50000)
    fake.add_product("20", "MUG-01", "Mug")
    fake.add_product("30", "", "Stiker tanpa SKU")
    return fake


def seller_sku_of(product_id: str) -> str | None:
    return m.SkuMapping.get(m.SkuMapping.product_id == product_id).seller_sku


def test_create_mode_creates_and_maps_a_seller_sku_for_every_sellable_sku(channel, shop):
    summary = catalog.pull_skus(channel, shop)
    assert summary.status == "ok"
    assert (summary.fetched, summary.created) == (5, 5)
    assert m.Product.select().count() == 5
    assert {s.seller_sku for s in m.StockItem.select()} == {"TKP-KAOS-M", "TKP-KAOS-L", "MUG-01"}
    assert seller_sku_of("11") == "TKP-KAOS-M" and seller_sku_of("20") == "MUG-01"
    # the parent has no mapping: it cannot be sold
    assert m.SkuMapping.get_or_none(m.SkuMapping.product_id == "10") is None
    assert summary.details["parents"] == 1


def test_a_product_without_sku_is_reported_and_waits_in_the_queue(channel, shop):
    summary = catalog.pull_skus(channel, shop)
    assert summary.details["empty_sku"] == [{"product_id": "30", "name": "Stiker tanpa SKU"}]
    assert any("30" in e and "has no SKU" in e for e in summary.errors)
    assert summary.failed == 0  # reported, not a failure of the run
    assert [q.product_id for q in mapping_service.unmapped_queue(channel)] == ["30"]


def test_map_only_maps_existing_seller_skus_and_queues_the_rest(channel, shop):
    channel.sku_pull_mode = "map_only"
    channel.save()
    m.StockItem.create(seller_sku="MUG-01")
    summary = catalog.pull_skus(channel, shop)
    assert seller_sku_of("20") == "MUG-01"
    assert seller_sku_of("11") is None and seller_sku_of("12") is None
    assert m.StockItem.select().count() == 1  # map-only never invents seller SKUs
    assert sorted(u["sku"] for u in summary.details["unmapped"]) == ["", "TKP-KAOS-L", "TKP-KAOS-M"]


def test_map_only_with_prefix_and_suffix_rules(channel, shop):
    shop.add_product("40", "TOPED-SEPATU-42", "Sepatu 42")
    shop.add_product("41", "TKP-TAS-01", "Tas")
    channel.sku_pull_mode = "map_only"
    channel.map_strip_prefix = "TKP-"
    channel.map_strip_suffix = "-42"
    channel.save()
    for code in ("KAOS-M", "KAOS-L", "TOPED-SEPATU", "TAS"):
        m.StockItem.create(seller_sku=code)
    catalog.pull_skus(channel, shop)
    assert seller_sku_of("11") == "KAOS-M"  # prefix stripped
    assert seller_sku_of("40") == "TOPED-SEPATU"  # suffix stripped
    assert seller_sku_of("41") is None  # "TAS-01" is not a seller SKU: queued, not guessed


def test_a_repull_keeps_the_sellers_mapping_and_picks_up_new_products(channel, shop):
    catalog.pull_skus(channel, shop)
    m.StockItem.create(seller_sku="KAOS-MEDIUM")
    mapping_service.set_mapping(channel, "11", "KAOS-MEDIUM")
    shop.products[1].name = "Kaos polos M (baru)"
    shop.add_product("50", "TOPI-01", "Topi")
    summary = catalog.pull_skus(channel, shop)
    assert (summary.created, summary.updated) == (1, 1)
    assert seller_sku_of("11") == "KAOS-MEDIUM"
    assert seller_sku_of("50") == "TOPI-01"
    assert m.Product.get(m.Product.product_id == "11").name == "Kaos polos M (baru)"


def test_pulling_skus_maps_waiting_order_lines(channel, shop):
    from datetime import datetime

    from tokodesk.services import orders

    shop.add_order("900", datetime(2026, 11, 24, 8), [("20", "MUG-01", 2)])
    channel.sku_pull_mode = "map_only"
    channel.save()
    orders.apply_remote_order(channel, shop.get_order("900"))
    assert m.Order.get().has_unmapped
    channel.sku_pull_mode = "create"
    channel.save()
    m.SkuMapping.delete().execute()  # as if the order arrived before any SKU pull
    catalog.pull_skus(channel, shop)
    order = m.Order.get()
    assert not order.has_unmapped
    assert [ln.seller_sku for ln in order.lines] == ["MUG-01"]


def test_a_price_draft_writes_rupiah_as_the_rest_of_the_app():
    """The drafts dialog and the CLI's `catalog drafts` list a price as every other screen writes rupiah: "Rp 46.600"
    (they wrote "Rp46.600", beside "Rp 46.600" in the push's summary)."""
    from tokodesk.services.catalog_drafts import draft_words

    edit = m.CatalogEdit(seller_sku="KAOS-01", marketplace_sku="TK-KAOS-01", field="price", old_value=46600,
                         new_value=1250000)
    assert draft_words(edit) == "KAOS-01 (TK-KAOS-01) price Rp 46.600 → Rp 1.250.000"
