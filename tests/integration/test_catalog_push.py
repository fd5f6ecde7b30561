"""Catalogue edits kept locally and pushed on purpose, against the sandbox over loopback (issue 23), both dialects.

What a seller notices: nothing leaves before the push; the summary counts prices (lowest/highest change in %) and
listings; a large change waits for a second confirmation; a promoted product fails with its promotion named;
undo sends the old values back; a push killed or with lost answers sends each row once and ends with the local
copy equal to the marketplace.
"""

from __future__ import annotations

import pytest

from tests.integration.test_inventory_sandbox import client_for
from tests.integration.tiktokshop_setup import channel, client, sb  # noqa: F401 - fixtures
from tokodesk.errors import UserError
from tokodesk.sandbox import Sandbox
from tokodesk.services import catalog, catalog_drafts, catalog_push, catalog_rules, catalog_undo
from tokodesk.store import models as m


def tokopedia_channel(box) -> m.Channel:
    cr = box.credentials
    return m.Channel.create(name="sandbox", marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
                            shop_id=str(cr["shop_id"]), api_base=box.url, auth_url=box.url)


@pytest.fixture
def toko(database):
    with Sandbox(seed=21, orders=3, products=140, freeze_clock=True) as box:
        adapter = client_for(box)
        ch = tokopedia_channel(box)
        assert catalog.pull_skus(ch, adapter).status == "ok"
        yield box, adapter, m.Channel.get_by_id(ch.id)


def mapped(ch: m.Channel, n: int, *, stocked: bool = True) -> list[tuple[m.SkuMapping, m.Product]]:
    out = []
    for mapping in m.SkuMapping.select().where((m.SkuMapping.channel == ch.id) & m.SkuMapping.seller_sku.is_null(False)
                                               ).order_by(m.SkuMapping.id):
        product = m.Product.get((m.Product.channel == ch.id) & (m.Product.product_id == mapping.product_id))
        if product.price > 0 and (not stocked or (product.stock or 0) > 0) and product.status in ("active", "ACTIVATE"):
            out.append((mapping, product))
        if len(out) == n:
            break
    assert len(out) == n, f"the sandbox shop has {len(out)} fitting SKUs, the test needs {n}"
    return out


def shop_product(box, product_id: str):
    return box.shop.products[int(product_id)]


def test_tokopedia_summary_push_then_undo(toko):
    box, adapter, ch = toko
    (ma, pa), (mb, pb), (mc, pc) = mapped(ch, 3)
    catalog_drafts.set_edit(ma.seller_sku, price=pa.price * 11 // 10)
    catalog_drafts.set_edit(mb.seller_sku, price=pb.price * 8 // 10)
    catalog_drafts.set_edit(mc.seller_sku, active=False)
    summary = catalog_push.summarize(ch)
    assert (summary.prices, summary.listings_off, summary.listings_on) == (2, 1, 0)
    assert round(summary.lowest_pct) == -20 and round(summary.highest_pct) == 10
    assert not summary.large
    assert box.calls.get("price_update", 0) == 0 and box.calls.get("set_inactive", 0) == 0  # kept, not sent

    out = catalog_push.push(ch, adapter, edit_ids=summary.edit_ids)
    assert [r.status for r in out.rows] == ["accepted"] * 3, [r.words for r in out.rows]
    assert all(r.words.endswith("Accepted") for r in out.rows)
    assert shop_product(box, pa.product_id).price == pa.price * 11 // 10
    assert shop_product(box, pb.product_id).price == pb.price * 8 // 10
    assert shop_product(box, pc.product_id).status == 3
    assert m.Product.get_by_id(pa.id).price == pa.price * 11 // 10  # local = marketplace
    assert catalog_push.summarize(ch).empty

    undone, skipped = catalog_undo.undo_last(ch, adapter)
    assert not skipped and undone.count("accepted") == 3
    assert shop_product(box, pa.product_id).price == pa.price
    assert shop_product(box, pb.product_id).price == pb.price
    assert shop_product(box, pc.product_id).status == 1


def test_a_large_change_or_a_price_below_the_floor_waits_for_a_second_confirmation(toko):
    box, adapter, ch = toko
    (ma, pa), (mb, _pb) = mapped(ch, 2)
    kept = catalog_drafts.set_edit(ma.seller_sku, price=pa.price * 2)  # +100 %
    assert kept.large and "+100%" in kept.large[0]
    catalog_drafts.set_edit(mb.seller_sku, price=500)  # below the floor of Rp1.000
    summary = catalog_push.summarize(ch)
    assert len(summary.large) == 2 and any("floor" in line for line in summary.large)
    with pytest.raises(catalog_rules.NeedsConfirmation):
        catalog_push.push(ch, adapter, edit_ids=summary.edit_ids)
    assert box.calls.get("price_update", 0) == 0
    assert len(catalog_drafts.drafts(ch)) == 2  # still kept, to check and confirm
    m.Channel.update(price_change_confirm_pct=150, price_floor=100).where(m.Channel.id == ch.id).execute()
    out = catalog_push.push(ch, adapter)  # within the configured rails now: no second confirmation
    assert out.count("accepted") == 2
    assert shop_product(box, pa.product_id).price == pa.price * 2


def test_rupiah_are_whole_numbers():
    assert catalog_rules.parse_price("15.000") == 15_000
    assert catalog_rules.parse_price("Rp 1.250.000") == 1_250_000
    assert catalog_rules.parse_price("15000") == 15_000
    for bad in ("15000,50", "15.5", "-100", "0", "abc", "1.5e3", "15.00"):
        with pytest.raises(UserError):
            catalog_rules.parse_price(bad)


def test_a_product_in_a_promotion_fails_with_the_promotion_named(toko):
    box, adapter, ch = toko
    (ma, pa), (mb, pb) = mapped(ch, 2)
    box.shop.promotions[int(pb.product_id)] = "Gajian 25.12"
    catalog_drafts.set_edit(ma.seller_sku, price=pa.price + 1000)
    catalog_drafts.set_edit(mb.seller_sku, price=pb.price + 1000)
    out = catalog_push.push(ch, adapter)
    by_sku = {r.seller_sku: r for r in out.rows}
    assert by_sku[ma.seller_sku].status == "accepted"
    assert by_sku[mb.seller_sku].status == "failed" and "Gajian 25.12" in by_sku[mb.seller_sku].words
    assert m.Product.get_by_id(pb.id).price == pb.price  # local copy keeps what the marketplace holds


def test_undo_leaves_a_value_changed_on_the_marketplace_since_alone(toko):
    box, adapter, ch = toko
    (ma, pa), (mb, pb) = mapped(ch, 2)
    catalog_drafts.set_edit(ma.seller_sku, price=pa.price + 500)
    catalog_drafts.set_edit(mb.seller_sku, price=pb.price + 500)
    catalog_push.push(ch, adapter)
    box.shop.set_price(int(pb.product_id), 77_000)  # the seller changed it in Seller Center
    out, skipped = catalog_undo.undo_last(ch, adapter)
    assert out.count("accepted") == 1 and len(skipped) == 1 and "77.000" in skipped[0]
    assert shop_product(box, pa.product_id).price == pa.price
    assert shop_product(box, pb.product_id).price == 77_000


class Killed(BaseException):
    """The process dies between sending a batch and writing its answers."""


def test_200_prices_killed_mid_push_and_lost_answers_are_each_sent_once(toko):
    box, adapter, ch = toko
    rows = mapped(ch, 200, stocked=False)
    wanted = {}
    for i, (mapping, product) in enumerate(rows):
        wanted[product.product_id] = product.price + 100 * (i % 7 + 1)
        catalog_drafts.set_edit(mapping.seller_sku, price=wanted[product.product_id], channel=ch)
    box.faults.force("price_update", "lost", 1)  # the first batch's answer is lost (its change applied)
    real = adapter.update_prices
    calls = []

    def dies_after_two_batches(batch, cancel=None):  # noqa: ANN001, ANN202
        from tokodesk.marketplace.tokopedia import catalog as tc

        calls.append(len(batch))
        tc.update_prices(adapter.http, adapter.fs_id, adapter.shop_id, batch[:150], cancel)  # 2 batches go out
        raise Killed

    adapter.update_prices = dies_after_two_batches
    with pytest.raises(Killed):
        catalog_push.push(ch, adapter)
    assert m.CatalogEdit.select().where(m.CatalogEdit.status == "sent").count() == 200  # answers never written
    adapter.update_prices = real
    out = catalog_push.push(ch, adapter)  # nothing new kept: it settles and finishes the killed push
    assert out.resolved == 200
    statuses = {e.status for e in m.CatalogEdit.select()}
    assert statuses == {"accepted"}
    for _mapping, product in rows:
        assert box.shop.counters[f"price:{product.product_id}"] == 1, product.product_id  # each row sent once
        assert shop_product(box, product.product_id).price == wanted[product.product_id]
        assert m.Product.get_by_id(product.id).price == wanted[product.product_id]  # local = marketplace


def test_seller_sku_codes_are_refused_with_the_reason(toko):
    _box, _adapter, ch = toko
    ((ma, _pa),) = mapped(ch, 1)
    with pytest.raises(UserError, match="Seller Center"):
        catalog_drafts.set_edit(ma.seller_sku, new_seller_sku="NEW-CODE")
    assert m.CatalogEdit.select().count() == 0


# ---- Tokopedia & Shop --------------------------------------------------------------------------------------------


def test_tiktokshop_push_promotion_and_undo(sb, channel, client):  # noqa: F811
    assert catalog.pull_skus(channel, client).status == "ok"
    singles = [(mp, p) for mp, p in mapped(channel, 30, stocked=False)
               if m.Product.select().where(m.Product.parent_id == p.parent_id).count() == 1][:3]
    (ma, pa), (mb, pb), (mc, pc) = singles
    from tokodesk.sandbox import tiktokshop_json as tj

    number = {p.product_id: tj.decode(p.product_id, tj.SKU_BASE) for p in (pa, pb, pc)}
    sb.shop.promotions[number[pb.product_id]] = "Flash Sale 12.12"
    catalog_drafts.set_edit(ma.seller_sku, price=pa.price + 2000)
    catalog_drafts.set_edit(mb.seller_sku, price=pb.price + 2000)
    catalog_drafts.set_edit(mc.seller_sku, active=False)
    out = catalog_push.push(channel, client)
    by_sku = {r.seller_sku: r for r in out.rows}
    assert by_sku[ma.seller_sku].status == "accepted"
    assert by_sku[mb.seller_sku].status == "failed" and "Flash Sale 12.12" in by_sku[mb.seller_sku].message
    assert by_sku[mc.seller_sku].status == "accepted"
    assert sb.shop.products[number[pa.product_id]].price == pa.price + 2000
    assert sb.shop.products[number[pc.product_id]].status == 3
    undone, _ = catalog_undo.undo_last(channel, client)
    assert undone.count("accepted") == 2
    assert sb.shop.products[number[pa.product_id]].price == pa.price
    assert sb.shop.products[number[pc.product_id]].status == 1


def test_tiktokshop_listing_of_a_product_with_several_skus_names_them_and_needs_whole_product(sb, channel, client):  # noqa: F811, E501
    assert catalog.pull_skus(channel, client).status == "ok"
    multi = next(p for p in m.Product.select().where((m.Product.channel == channel.id) & (m.Product.is_parent == False)  # noqa: E712
                 & (m.Product.status == "ACTIVATE"))
                 if m.Product.select().where(m.Product.parent_id == p.parent_id).count() > 1
                 and m.SkuMapping.get(m.SkuMapping.product_id == p.product_id).seller_sku)
    siblings = list(m.Product.select().where((m.Product.parent_id == multi.parent_id) & (m.Product.id != multi.id)))
    seller_sku = m.SkuMapping.get(m.SkuMapping.product_id == multi.product_id).seller_sku
    with pytest.raises(catalog_drafts.WholeProduct) as refused:
        catalog_drafts.set_edit(seller_sku, active=False)
    assert len(refused.value.others) == len(siblings)
    for other in siblings:  # each SKU that would go off with it is named
        assert (other.sku or other.product_id) in str(refused.value)
    assert "--whole-product" in str(refused.value) and m.CatalogEdit.select().count() == 0
    catalog_drafts.set_edit(seller_sku, price=multi.price + 100)  # a price is per SKU: fine

    kept = catalog_drafts.set_edit(seller_sku, active=False, whole_product=True)
    assert len(kept.with_product) == len(siblings)
    out = catalog_push.push(channel, client)
    assert {r.status for r in out.rows} == {"accepted"}
    from tokodesk.sandbox import tiktokshop_json as tj

    for p in [multi, *siblings]:  # the whole product went off, here and on the marketplace
        assert sb.shop.products[tj.decode(p.product_id, tj.SKU_BASE)].status == 3
        assert m.Product.get_by_id(p.id).status == "SELLER_DEACTIVATED"


def test_reconciliation_lists_a_price_changed_on_the_marketplace_take_or_push_mine(toko, capsys):
    from tokodesk.services import catalog_recon, reconciliation

    box, adapter, ch = toko
    (ma, pa), (mb, pb), (mc, pc) = mapped(ch, 3)
    for mapping, product in ((ma, pa), (mb, pb), (mc, pc)):
        catalog_drafts.set_edit(mapping.seller_sku, price=product.price + 300)
    catalog_push.push(ch, adapter)
    assert not [x for x in reconciliation.reconcile(ch, adapter, fix=True).lines if x.cause == "price_differs"]

    box.shop.set_price(int(pa.product_id), 99_000)  # changed in Seller Center
    box.shop.set_price(int(pb.product_id), 88_000)
    pushes_before = box.calls.get("price_update", 0)
    outcome = reconciliation.reconcile(ch, adapter, fix=True)
    prices = {x.seller_sku: x for x in outcome.lines if x.cause == "price_differs"}
    assert set(prices) == {ma.seller_sku, mb.seller_sku}
    assert (prices[ma.seller_sku].marketplace_qty, prices[ma.seller_sku].expected_qty) == (99_000, pa.price + 300)
    assert not any(x.fixed for x in prices.values()) and box.calls.get("price_update", 0) == pushes_before
    assert outcome.report.mismatches >= 2

    catalog_recon.take_marketplace(ch, ma.seller_sku)
    catalog_recon.push_mine(ch, mb.seller_sku)
    assert box.shop.products[int(pb.product_id)].price == 88_000  # kept, not sent
    out = catalog_push.push(ch, adapter)
    assert out.count("accepted") == 1
    assert box.shop.products[int(pa.product_id)].price == 99_000
    assert box.shop.products[int(pb.product_id)].price == pb.price + 300
    assert not [x for x in reconciliation.reconcile(ch, adapter).lines if x.cause == "price_differs"]


def test_a_new_value_waits_until_the_unsettled_push_of_that_field_is_settled(toko):
    box, adapter, ch = toko
    ((ma, pa),) = mapped(ch, 1)
    catalog_drafts.set_edit(ma.seller_sku, price=pa.price + 100)
    box.faults.force("price_update", "lost", 1)
    box.faults.force("product_info", "error", 20)  # the read-back fails too: the row stays unknown
    out = catalog_push.push(ch, adapter)
    assert [r.status for r in out.rows] == ["unknown"]
    with pytest.raises(UserError, match="not settled yet"):
        catalog_drafts.set_edit(ma.seller_sku, price=pa.price + 200)
    box.faults.clear()
