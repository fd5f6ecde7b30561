"""Seller SKU codes pushed from TokoDesk (issue 23), against the sandbox over loopback.

Tokopedia & Shop's Partial Edit Product deletes every SKU a request leaves out, and the sandbox really does: these
tests prove an edit of one code on a product with several SKUs keeps every other SKU as it was (code, price, stock),
that a product changed between the read and the write, or holding a SKU the read did not return, is refused with
nothing sent, that a lost answer is settled by reading back, and that TokoDesk's own seller SKU follows only once
the marketplace accepted the code. The legacy Tokopedia API cannot change a code: refused in words.
"""

from __future__ import annotations

import pytest

from tests.integration.test_catalog_push import mapped, toko  # noqa: F401 - fixtures
from tests.integration.tiktokshop_setup import channel, client, sb  # noqa: F401 - fixtures
from tokodesk.errors import UserError
from tokodesk.marketplace.tiktokshop import seller_skus
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services import catalog, catalog_drafts, catalog_push
from tokodesk.store import models as m


def multi_sku_listing(ch: m.Channel) -> tuple[m.SkuMapping, m.Product, list[m.Product]]:
    """A mapped SKU of an active product with several SKUs, and the product's other SKUs."""
    for product in m.Product.select().where((m.Product.channel == ch.id) & (m.Product.is_parent == False)  # noqa: E712
                                            & (m.Product.status == "ACTIVATE")).order_by(m.Product.id):
        others = list(m.Product.select().where((m.Product.parent_id == product.parent_id)
                                               & (m.Product.id != product.id)))
        mapping = m.SkuMapping.get(m.SkuMapping.product_id == product.product_id)
        if len(others) >= 2 and mapping.seller_sku:
            return mapping, product, others
    raise AssertionError("the sandbox shop has no active product with 3 SKUs")


def shop_sku(box, product_id: str):  # noqa: ANN001, ANN201
    return box.shop.products[tj.decode(product_id, tj.SKU_BASE)]


def snapshot(box, products: list[m.Product]) -> dict:  # noqa: ANN001
    return {p.product_id: (shop_sku(box, p.product_id).sku, shop_sku(box, p.product_id).price,
                           shop_sku(box, p.product_id).stock) for p in products}


def test_a_code_edit_keeps_every_other_sku_of_the_product_and_the_seller_sku_follows(sb, channel, client):  # noqa: F811
    assert catalog.pull_skus(channel, client).status == "ok"
    mapping, product, others = multi_sku_listing(channel)
    old = mapping.seller_sku
    parent = tj.decode(product.parent_id, tj.PRODUCT_BASE)
    before = snapshot(sb, others)
    children_before = list(sb.shop.products[parent].children)
    m.StockItem.update(on_hand=7).where(m.StockItem.seller_sku == old).execute()

    result = catalog_drafts.set_edit(old, new_seller_sku="KAOS-BARU-01")
    assert [e.new_text for e in result.kept] == ["KAOS-BARU-01"]
    assert shop_sku(sb, product.product_id).sku == product.sku  # nothing sent yet
    assert m.StockItem.get_or_none(m.StockItem.seller_sku == old) is not None  # nor followed locally
    summary = catalog_push.summarize(channel)
    assert summary.codes == 1 and "1 seller SKU codes" in "\n".join(summary.lines())

    out = catalog_push.push(channel, client)
    assert [r.status for r in out.rows] == ["accepted"], out.rows[0].words
    assert shop_sku(sb, product.product_id).sku == "KAOS-BARU-01"
    assert sb.shop.products[parent].children == children_before  # no SKU deleted
    assert sb.shop.counters[f"deleted_skus:{parent}"] == 0
    assert snapshot(sb, others) == before  # every other SKU kept its code, price and stock
    assert sb.shop.counters[f"partial_edit:{parent}"] == 1

    # Accepted: TokoDesk's seller SKU follows the new code, its count and mapping with it.
    assert m.StockItem.get_or_none(m.StockItem.seller_sku == old) is None
    assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-BARU-01").on_hand == 7
    fresh_mapping = m.SkuMapping.get_by_id(mapping.id)
    assert (fresh_mapping.seller_sku, fresh_mapping.marketplace_sku) == ("KAOS-BARU-01", "KAOS-BARU-01")
    assert m.Product.get_by_id(product.id).sku == "KAOS-BARU-01"
    # A later pull agrees: nothing to remap.
    assert catalog.pull_skus(channel, client).status == "ok"
    assert m.SkuMapping.get_by_id(mapping.id).seller_sku == "KAOS-BARU-01"


def test_the_sandbox_deletes_a_sku_an_edit_leaves_out(sb, channel, client):  # noqa: F811
    """The sandbox is as unforgiving as the reference: the test above would catch an omitted SKU."""
    assert catalog.pull_skus(channel, client).status == "ok"
    _mapping, product, others = multi_sku_listing(channel)
    raw = client.api.call("GET", seller_skus.GET_PRODUCT.format(product_id=product.parent_id))
    body = {"skus": [seller_skus.carry(s) for s in raw["skus"] if s["id"] != others[0].product_id]}
    client.api.call("POST", seller_skus.PARTIAL_EDIT.format(product_id=product.parent_id), body=body,
                    idempotent=False)
    parent = tj.decode(product.parent_id, tj.PRODUCT_BASE)
    assert tj.decode(others[0].product_id, tj.SKU_BASE) not in sb.shop.products[parent].children
    assert sb.shop.counters[f"deleted_skus:{parent}"] == 1


def test_a_product_changed_between_read_and_write_is_refused_and_nothing_sent(sb, channel, client):  # noqa: F811
    assert catalog.pull_skus(channel, client).status == "ok"
    mapping, product, others = multi_sku_listing(channel)
    parent = tj.decode(product.parent_id, tj.PRODUCT_BASE)
    catalog_drafts.set_edit(mapping.seller_sku, new_seller_sku="KODE-2")
    real_call = client.api.call
    reads = []

    def a_sale_lands_after_the_first_read(method, path, **kw):  # noqa: ANN001, ANN003, ANN202
        answer = real_call(method, path, **kw)
        if method == "GET" and path.endswith(product.parent_id):
            reads.append(path)
            if len(reads) == 1:  # between TokoDesk's read and its write, another SKU is restocked in Seller Center
                shop_sku(sb, others[0].product_id).stock += 3
        return answer

    client.api.call = a_sale_lands_after_the_first_read
    out = catalog_push.push(channel, client)
    assert [r.status for r in out.rows] == ["failed"]
    assert "changed on the marketplace while TokoDesk read it" in out.rows[0].message
    assert sb.shop.counters[f"partial_edit:{parent}"] == 0  # nothing sent
    assert shop_sku(sb, product.product_id).sku == product.sku
    assert m.StockItem.get_or_none(m.StockItem.seller_sku == mapping.seller_sku) is not None  # not followed


def test_a_sku_the_read_did_not_return_is_refused(sb, channel, client):  # noqa: F811
    assert catalog.pull_skus(channel, client).status == "ok"
    mapping, product, _others = multi_sku_listing(channel)
    parent = tj.decode(product.parent_id, tj.PRODUCT_BASE)
    # TokoDesk knows a SKU of this product that the marketplace's answer leaves out (an answer cut short, or a SKU
    # removed in Seller Center since the last pull): an edit without it could delete it.
    m.Product.create(channel=channel.id, product_id=str(tj.SKU_BASE + 987_654), parent_id=product.parent_id,
                     sku="HIDDEN-1", name="hidden", price=1000, status="ACTIVATE")
    catalog_drafts.set_edit(mapping.seller_sku, new_seller_sku="KODE-3")
    out = catalog_push.push(channel, client)
    assert [r.status for r in out.rows] == ["failed"]
    assert "did not return 1 SKU(s)" in out.rows[0].message and "nothing was sent" in out.rows[0].message
    assert sb.shop.counters[f"partial_edit:{parent}"] == 0


def test_a_lost_answer_is_settled_by_reading_back_and_sent_once(sb, channel, client):  # noqa: F811
    assert catalog.pull_skus(channel, client).status == "ok"
    mapping, product, others = multi_sku_listing(channel)
    parent = tj.decode(product.parent_id, tj.PRODUCT_BASE)
    before = snapshot(sb, others)
    catalog_drafts.set_edit(mapping.seller_sku, new_seller_sku="KODE-4")
    sb.faults.force("partial_edit", "lost", 1)  # applied, answer lost
    out = catalog_push.push(channel, client)
    assert [r.status for r in out.rows] == ["accepted"]
    assert "reading the product back" in out.rows[0].message
    assert sb.shop.counters[f"partial_edit:{parent}"] == 1  # sent once
    assert shop_sku(sb, product.product_id).sku == "KODE-4" and snapshot(sb, others) == before
    assert m.SkuMapping.get_by_id(mapping.id).seller_sku == "KODE-4"


def test_a_code_already_used_is_refused_before_anything_is_kept_or_sent(sb, channel, client):  # noqa: F811
    assert catalog.pull_skus(channel, client).status == "ok"
    mapping, product, others = multi_sku_listing(channel)
    other_seller_sku = m.SkuMapping.get(m.SkuMapping.product_id == others[0].product_id).seller_sku
    with pytest.raises(UserError, match="already a seller SKU"):
        catalog_drafts.set_edit(mapping.seller_sku, new_seller_sku=other_seller_sku)
    with pytest.raises(UserError, match="no spaces"):
        catalog_drafts.set_edit(mapping.seller_sku, new_seller_sku="KODE BARU")
    with pytest.raises(UserError, match="1 to 50"):
        catalog_drafts.set_edit(mapping.seller_sku, new_seller_sku="K" * 51)
    assert m.CatalogEdit.select().count() == 0
    # Taken after it was kept (another SKU got the code since): refused at the push, nothing sent.
    catalog_drafts.set_edit(mapping.seller_sku, new_seller_sku="KODE-5")
    m.StockItem.create(seller_sku="KODE-5")
    out = catalog_push.push(channel, client)
    assert [r.status for r in out.rows] == ["failed"] and "not sent" in out.rows[0].message
    assert sb.shop.counters[f"partial_edit:{tj.decode(product.parent_id, tj.PRODUCT_BASE)}"] == 0


def test_legacy_tokopedia_cannot_change_a_code_and_says_so(toko):  # noqa: F811
    _box, _adapter, ch = toko
    ((ma, _pa),) = mapped(ch, 1)
    with pytest.raises(UserError, match="full product edit.*Seller Center"):
        catalog_drafts.set_edit(ma.seller_sku, new_seller_sku="NEW-CODE")
    assert m.CatalogEdit.select().count() == 0
