"""Fulfilment, cancellations, stock push and reconciliation on a Tokopedia & Shop channel, through the real services
and the CLI against the sandbox's TikTok Shop dialect."""

from __future__ import annotations

import io
import json

from pypdf import PdfReader

from tests.integration.tiktokshop_setup import (  # noqa: F401 - fixtures
    channel,
    client,
    fresh,
    sb,
    shop_now,
    shop_order,
    to_ship,
)
from tokodesk.cli import main
from tokodesk.sandbox import Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services import catalog, inventory, mapping, reconciliation, statuses, stock_push
from tokodesk.services.fulfilment import CancelChoice, Fulfilment
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m


def pulled(sb, channel, client):  # noqa: ANN001, F811
    """Products pulled and mapped (the SKU-less ones by hand, as the seller does in the Mapping tab), orders pulled."""
    catalog.pull_skus(channel, client)
    for mp in m.SkuMapping.select().where(m.SkuMapping.seller_sku.is_null()):
        mapping.set_mapping(channel, mp.product_id, f"OWN-{mp.product_id[-4:]}", create_seller_sku=True)
    pull_orders(channel, client, now=shop_now(sb))
    assert not m.Order.select().where(m.Order.has_unmapped).exists()
    return fresh(channel)


def pdf_text(content: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(content))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_pack_and_ship_one_then_a_batch_from_the_cli(sb, channel, client, capsys):  # noqa: F811
    pulled(sb, channel, client)
    one, *batch = to_ship(sb, 4)
    service = Fulfilment(adapters=lambda c: client)
    [refused] = service.acknowledge([one])
    assert refused.refused and "no accept step" in refused.error
    assert all(r.ok and r.state == "ready_to_ship" for r in service.pack([one]))
    [shipped] = service.ship([one])
    assert shipped.ok and shipped.state == "awaiting_pickup", shipped.error
    row = fresh(one)
    assert row.awb == shop_order(sb, one).awb and row.handed_over_at is not None
    assert shop_order(sb, one).status == Status.AWAITING_PICKUP and shop_order(sb, one).pickups == 1

    keys = [o.order_id for o in batch]
    assert main(["orders", "ack", keys[0], "--json"]) == 2
    assert "no accept step" in json.loads(capsys.readouterr().out)[0]["error"]
    assert main(["orders", "pack", *keys, "--json"]) == 0
    capsys.readouterr()
    assert main(["orders", "ship", *keys, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert sorted((r["order_id"], r["ok"], r["state"]) for r in out) == sorted(
        (k, True, "awaiting_pickup") for k in keys)
    assert all(shop_order(sb, o).pickups == 1 for o in batch)
    # The status sync sees the same hand-over: nothing flagged as changed outside TokoDesk.
    summary = statuses.refresh_statuses(fresh(channel), client, now=shop_now(sb))
    assert not [c for c in summary.details["changes"] if c["outside"]]


def test_marketplace_label_is_a_real_pdf_and_says_tokopedia_and_shop(sb, channel, client, tmp_path, capsys):  # noqa: F811
    ch = pulled(sb, channel, client)
    orders = to_ship(sb, 2)
    service = Fulfilment(adapters=lambda c: client)
    service.pack(orders)
    assert all(r.ok for r in service.ship(orders))
    sb.dialect.label_generating_calls = 1  # each first request: "still generating"; the label comes on a retry

    m.Channel.update(use_marketplace_label=True).where(m.Channel.id == ch.id).execute()
    pdf = tmp_path / "labels.pdf"
    assert main(["labels", *[o.order_id for o in orders], "--pdf", str(pdf), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["labels"] == 2 and summary["skipped"] == []
    pages, text = pdf_text(pdf.read_bytes())  # one print job: the packages' PDFs merged
    assert pages == 2 and "Tokopedia & Shop" in text and "tiktok" not in text.lower()
    for order in orders:
        assert shop_order(sb, order).awb in text

    # TokoDesk's own label, the packing list and the manifest are what else a buyer or a courier sees.
    m.Channel.update(use_marketplace_label=False).where(m.Channel.id == ch.id).execute()
    own = tmp_path / "own.pdf"
    assert main(["labels", orders[0].order_id, "--pdf", str(own)]) == 0
    docs = Fulfilment(adapters=lambda c: client).documents()
    sheets = [own.read_bytes(), docs.packing_lists(orders), docs.manifest(orders[0].courier, ch)[0]]
    for content in sheets:
        _, text = pdf_text(content)
        assert "tiktok" not in text.lower()
    assert "Tokopedia & Shop" in pdf_text(sheets[0])[1]


def test_on_hold_orders_are_refused_with_a_clear_message(sb, channel, client, capsys):  # noqa: F811
    pulled(sb, channel, client)
    held = m.Order.select().where(m.Order.state == "on_hold").first()
    assert main(["orders", "ship", held.order_id, "--json"]) == 2
    [result] = json.loads(capsys.readouterr().out)
    assert not result["ok"] and "on hold" in result["error"]
    assert shop_order(sb, held).status == Status.PAID

    # Packed while it was shippable; the marketplace put it on hold since (the pull has not seen it yet).
    order = next(o for o in to_ship(sb, 16) if shop_order(sb, o).status == Status.PAID)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([order])
    sb.dialect.on_hold_seconds = 10**9
    [refused] = service.ship([order])
    assert not refused.ok and "on hold" in refused.error.lower()
    assert shop_order(sb, order).status == Status.PAID and shop_order(sb, order).pickups == 0
    assert fresh(order).state == "on_hold"  # the marketplace's state was followed


def test_seller_cancel_by_reason_name(sb, channel, client, capsys):  # noqa: F811
    pulled(sb, channel, client)
    first, second = to_ship(sb, 2)
    service = Fulfilment(adapters=lambda c: client)
    offered = [r.code for r in service.cancel_reasons(first)]
    assert offered == ["seller_cancel_reason_out_of_stock", "seller_cancel_reason_wrong_price"]
    [refused] = service.cancel_orders([first], CancelChoice("4"))  # a Tokopedia code means nothing here
    assert refused.refused and "seller_cancel_reason_out_of_stock" in refused.error
    [ok] = service.cancel_orders([first], CancelChoice("seller_cancel_reason_out_of_stock"))
    assert ok.ok and ok.state == "cancelled", ok.error
    assert shop_order(sb, first).status in (Status.REJECTED, Status.CANCELLED) and shop_order(sb, first).nacks == 1

    code = main(["orders", "cancel", second.order_id, "--reason-code", "Harga salah / Wrong price", "--json"])
    [result] = json.loads(capsys.readouterr().out)
    assert code == 0 and result["ok"] and result["state"] == "cancelled"
    assert sb.dialect.seller_cancels[tj.cancel_id(shop_order(sb, second))]["cancel_reason"] == \
        "seller_cancel_reason_wrong_price"


def test_buyer_cancellation_requests_approved_or_rejected(sb, channel, client):  # noqa: F811
    pulled(sb, channel, client)
    approve, reject = to_ship(sb, 2)
    with sb.shop.lock:
        for order in (approve, reject):
            shop_order(sb, order).cancel_request = {"reason": "Berubah pikiran", "time": sb.clock.now()}
    service = Fulfilment(adapters=lambda c: client)
    service.pack([reject])
    [blocked] = service.ship([reject])  # a pending buyer request blocks the hand-over
    assert not blocked.ok and "after-sales request" in blocked.error
    assert shop_order(sb, reject).pickups == 0

    pending = {r.order_id: r for r in client.cancellation_requests()}
    assert set(pending) == {approve.order_id, reject.order_id}
    client.approve_cancellation(pending[approve.order_id].cancel_id)
    client.reject_cancellation(pending[reject.order_id].cancel_id, "seller_reject_apply_product_has_been_packed")
    summary = statuses.refresh_statuses(fresh(channel), client, now=shop_now(sb))
    changes = {c["order_id"]: c for c in summary.details["changes"]}
    assert changes[approve.order_id]["to"] == "cancelled" and changes[approve.order_id]["outside"]
    [shipped] = service.ship([reject])  # the request is gone: the parcel can go now
    assert shipped.ok and shipped.state == "awaiting_pickup", shipped.error


def test_stock_push_per_product_with_errors_on_the_right_row(sb, channel, client):  # noqa: F811
    ch = pulled(sb, channel, client)
    mapped = list(m.SkuMapping.select().where(m.SkuMapping.seller_sku.is_null(False)).order_by(m.SkuMapping.id))
    inventory.set_stock([(mp.seller_sku, 7 + n) for n, mp in enumerate(mapped)])
    too_many = mapped[3]
    inventory.set_stock([(too_many.seller_sku, 250_000)])  # over the marketplace's 99,999
    outcome = stock_push.push_stock(ch, client, method="full")
    failed = {r.product_id: r.message for r in outcome.rows if not r.ok}
    assert set(failed) == {too_many.product_id} and "99999" in failed[too_many.product_id].replace(",", "")
    products = {tj.tts_product_id(sb.shop.products[tj.decode(mp.sku_id, tj.SKU_BASE)]) for mp in mapped}
    assert outcome.requests == len(products) + 1  # one update per TikTok product, plus the inventory read
    levels = {lv.product_id: lv.available for lv in inventory.compute_availability(ch)}
    for mp in mapped:
        product = sb.shop.products[tj.decode(mp.sku_id, tj.SKU_BASE)]
        if mp.id != too_many.id:
            assert product.stock == levels[mp.product_id]
    log = stock_push.last_push(ch, too_many.product_id)
    assert log.status == "failed" and log.message == failed[too_many.product_id]
    assert fresh(too_many).last_pushed_qty is None  # the next delta push sends it again


def test_reconciliation_report_then_fix_from_the_cli(sb, channel, client, capsys, tmp_path):  # noqa: F811
    ch = pulled(sb, channel, client)
    mapped = list(m.SkuMapping.select().where(m.SkuMapping.seller_sku.is_null(False)).order_by(m.SkuMapping.id))
    inventory.set_stock([(mp.seller_sku, 20) for mp in mapped])
    assert main(["stock", "push", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["failed"] == 0
    edited = mapped[2]
    sb.shop.set_stock(tj.decode(edited.sku_id, tj.SKU_BASE), 55)  # typed in Seller Center
    csv = tmp_path / "recon.csv"
    assert main(["recon", "run", "--json", "--csv", str(csv)]) == 0
    doc = json.loads(capsys.readouterr().out)
    wrong = [x for x in doc["details"]["lines"] if x["cause"] != "unmapped"]
    assert [(x["product_id"], x["marketplace_qty"], x["cause"]) for x in wrong] == [
        (edited.product_id, 55, "edited_on_marketplace")]
    assert "tiktok" not in csv.read_text(encoding="utf-8-sig").lower()
    assert main(["recon", "run", "--fix"]) == 0
    assert "1 fixed" in capsys.readouterr().out
    expected = {lv.product_id: lv.available for lv in inventory.compute_availability(ch)}[edited.product_id]
    assert sb.shop.products[tj.decode(edited.sku_id, tj.SKU_BASE)].stock == expected
    after = reconciliation.reconcile(fresh(ch), client, fix=False)
    assert {x.cause for x in after.lines} <= {"unmapped"}
