"""The local side of a seller SKU code change (issue 23) on both databases: a code already used is found, and once
the marketplace accepted a code, TokoDesk's seller SKU follows everywhere it is used — and nowhere before."""

from __future__ import annotations

from tokodesk.services import catalog_codes
from tokodesk.store import migrations
from tokodesk.store import models as m


def shop(any_database) -> m.Channel:  # noqa: ANN001
    channel = m.Channel.create(name="Toko", marketplace="tiktokshop")
    m.StockItem.create(seller_sku="KAOS-M", on_hand=7)
    for pid, code in (("s1", "KAOS-M"), ("s2", "KAOS-L")):
        m.Product.create(channel=channel.id, product_id=pid, parent_id="p1", sku=code, name=f"Kaos {code}")
        m.SkuMapping.create(channel=channel.id, product_id=pid, marketplace_sku=code, seller_sku=code)
    order = m.Order.create(channel=channel.id, order_id="576001", state="acknowledged", created_at=m.utcnow())
    m.OrderLine.create(order=order.id, product_id="s1", sku="KAOS-M", seller_sku="KAOS-M", quantity=2)
    for status in ("draft", "accepted"):
        m.CatalogEdit.create(channel=channel.id, product_id="s1", seller_sku="KAOS-M", field="price", new_value=1,
                             status=status)
    return channel


def test_a_code_in_use_is_named_and_the_seller_sku_follows_only_when_told(any_database):
    channel = shop(any_database)
    assert "already a seller SKU in TokoDesk" in catalog_codes.code_in_use("KAOS-M")
    assert "already a seller SKU mapped" in catalog_codes.code_in_use("KAOS-L")
    m.Product.create(channel=channel.id, product_id="s9", parent_id="p9", sku="TOPI", name="Topi")  # not mapped
    assert "already the code of another listing (s9 Topi)" in catalog_codes.code_in_use("TOPI")
    assert catalog_codes.code_in_use("KAOS-M", owner="KAOS-M") == ""  # its own listings do not count
    assert catalog_codes.code_in_use("KAOS-NAVY") == ""
    assert catalog_codes.code_problem("KAOS NAVY") and catalog_codes.code_problem("=1+1")
    assert catalog_codes.code_problem("K" * 51) and not catalog_codes.code_problem("KAOS-NAVY")

    with m.db.atomic():
        catalog_codes.follow_code(channel.id, "s1", "KAOS-M", "KAOS-NAVY")
    assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-NAVY").on_hand == 7
    assert not m.StockItem.select().where(m.StockItem.seller_sku == "KAOS-M").exists()
    mapping = m.SkuMapping.get(m.SkuMapping.product_id == "s1")
    assert (mapping.seller_sku, mapping.marketplace_sku) == ("KAOS-NAVY", "KAOS-NAVY")
    assert m.SkuMapping.get(m.SkuMapping.product_id == "s2").seller_sku == "KAOS-L"  # the other SKU untouched
    assert m.Product.get(m.Product.product_id == "s1").sku == "KAOS-NAVY"
    assert m.OrderLine.get().seller_sku == "KAOS-NAVY"  # the open order still reserves the same goods
    kept = {e.status: e.seller_sku for e in m.CatalogEdit.select()}
    assert kept == {"draft": "KAOS-NAVY", "accepted": "KAOS-M"}  # history keeps the code it was pushed under


def test_guard_rails_set_app_wide_before_carry_over_to_every_channel(any_database):
    m.Channel.create(name="A", marketplace="tiktokshop")
    m.Channel.create(name="B", marketplace="tokopedia")
    m.AppSetting.write("price_change_confirm_pct", 30)
    migrations._m20_channel_price_rails(any_database)
    assert [c.price_change_confirm_pct for c in m.Channel.select().order_by(m.Channel.id)] == [30, 30]
    assert [c.price_floor for c in m.Channel.select()] == [1000, 1000]  # never set: the default
    assert m.AppSetting.get_or_none(m.AppSetting.key == "price_change_confirm_pct") is None
