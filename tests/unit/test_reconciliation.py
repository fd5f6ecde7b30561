"""Reconciliation: each kind of mismatch found with its likely cause, auto-fix, and the CSV/PDF export."""

from __future__ import annotations

import csv
from datetime import timedelta

from tests.unit.test_inventory_fakes import FakeMarket, channel, mapping, order, stock
from tokodesk.marketplace import base
from tokodesk.services import recon_export, reconciliation, stock_push
from tokodesk.store import models as m


def planted_shop():
    """Seven products pushed once, then each disturbed in its own way."""
    ch = channel(last_order_pull_to=m.utcnow())
    for pid, sku, qty in [("OK", "S-OK", 5), ("FAIL", "S-FAIL", 5), ("SOLD", "S-SOLD", 5), ("EDIT", "S-EDIT", 5),
                          ("MOVED", "S-MOVED", 5), ("GONE", "S-GONE", 5)]:
        mapping(ch, pid, sku)
        stock(sku, qty)
    mapping(ch, "QUEUE", None)  # in the unmapped queue
    m.Product.create(channel=ch, product_id="NEVER", sku="LOOSE-1")  # pulled, never mapped
    m.Product.create(channel=ch, product_id="EMPTY", sku="LOOSE-2")  # unmapped but no stock: not a line
    market = FakeMarket({p: 0 for p in ["OK", "FAIL", "SOLD", "EDIT", "MOVED", "GONE"]})
    assert stock_push.push_stock(ch, market).accepted == 6

    market.fail["FAIL"] = "product is being moderated"
    m.StockItem.update(on_hand=9).where(m.StockItem.seller_sku == "S-FAIL").execute()
    stock_push.push_stock(ch, market)  # FAIL: 9 refused, marketplace still 5
    del market.fail["FAIL"]
    market.stock["SOLD"] = 3  # two sold on the marketplace, orders not pulled for an hour
    market.stock["EDIT"] = 40  # typed in Seller Center
    m.StockItem.update(on_hand=2).where(m.StockItem.seller_sku == "S-MOVED").execute()  # not pushed yet
    del market.stock["GONE"]  # deleted on the marketplace
    market.stock.update({"QUEUE": 4, "NEVER": 7, "EMPTY": 0})
    return ch, market


def test_each_kind_of_mismatch_gets_its_cause(database):
    ch, market = planted_shop()
    m.Channel.update(last_order_pull_to=m.utcnow() - timedelta(hours=1)).execute()
    ch = m.Channel.get_by_id(ch.id)
    out = reconciliation.reconcile(ch, market, fix=False)
    got = {x.product_id: (x.cause, x.marketplace_qty, x.expected_qty, x.difference) for x in out.lines}
    assert got == {
        "FAIL": ("push_failed", 5, 9, -4),
        "SOLD": ("sale_not_pulled", 3, 5, -2),
        "EDIT": ("edited_on_marketplace", 40, 5, 35),
        "MOVED": ("not_pushed_yet", 5, 2, 3),
        "GONE": ("not_found", None, 5, -5),
        "QUEUE": ("unmapped", 4, None, 4),
        "NEVER": ("unmapped", 7, None, 7),
    }
    report = m.ReconReport.get()
    assert (report.checked, report.mismatches, report.fixed, report.status) == (9, 7, 0, "mismatches")
    assert m.ReconLine.select().count() == 7
    assert m.SkuMapping.get(m.SkuMapping.product_id == "EDIT").marketplace_stock == 40
    assert market.stock["EDIT"] == 40  # reading never writes


def test_a_lower_marketplace_with_fresh_orders_is_an_edit(database):
    ch, market = planted_shop()  # orders pulled just now
    out = reconciliation.reconcile(ch, market, fix=False)
    assert {x.product_id: x.cause for x in out.lines}["SOLD"] == "edited_on_marketplace"


def test_autofix_pushes_expected_values_and_says_what_was_fixed(database):
    ch, market = planted_shop()
    m.Channel.update(recon_autofix=True).execute()
    ch = m.Channel.get_by_id(ch.id)
    order(ch, "new", [("S-EDIT", 1)])  # stock moved between the push and the fix
    out = reconciliation.reconcile(ch, market)
    fixed = {x.product_id for x in out.lines if x.fixed}
    assert fixed == {"FAIL", "SOLD", "EDIT", "MOVED"}
    assert market.stock["FAIL"] == 9 and market.stock["SOLD"] == 5 and market.stock["EDIT"] == 4
    assert market.stock["MOVED"] == 2
    assert "GONE" not in market.stock and market.stock["NEVER"] == 7  # unmapped and missing are not touched
    report = m.ReconReport.get()
    assert report.fixed == 4
    assert m.ReconLine.get(m.ReconLine.product_id == "EDIT").expected_qty == 4

    again = reconciliation.reconcile(ch, market, fix=False)
    assert {x.product_id for x in again.lines} == {"GONE", "QUEUE", "NEVER"}


def test_a_clean_shop_reports_ok(database):
    ch = channel()
    mapping(ch, "P1", "A")
    stock("A", 3)
    market = FakeMarket({"P1": 0})
    stock_push.push_stock(ch, market)
    out = reconciliation.reconcile(ch, market)
    assert out.lines == [] and out.report.status == "ok" and out.report.checked == 1


def test_reads_in_chunks_and_an_unreadable_chunk_is_reported_not_guessed(database):
    ch = channel()
    m.SkuMapping.insert_many([{"channel": ch.id, "product_id": f"P{i}", "seller_sku": f"S{i}"} for i in range(120)])\
        .execute()
    m.StockItem.insert_many([{"seller_sku": f"S{i}", "on_hand": 2} for i in range(120)]).execute()

    class Flaky(FakeMarket):
        def read_stock(self, product_ids):
            if "P60" in product_ids:
                self.reads.append(list(product_ids))
                raise base.NotReachable("timeout reading product info")
            return super().read_stock(product_ids)

    market = Flaky({f"P{i}": 2 for i in range(120)})
    out = reconciliation.reconcile(ch, market, fix=False)
    assert [len(r) for r in market.reads] == [50, 50, 20]
    assert out.report.status == "partial" and out.report.checked == 70 and out.lines == []
    assert "timeout" in out.report.error


def test_sync_recon_records_a_run(database):
    ch, market = planted_shop()
    summary = reconciliation.sync_recon(ch, market, fix=False)
    assert summary.kind == "recon" and summary.fetched == 9 and summary.created == 7
    assert summary.details["causes"]["unmapped"] == 2
    assert m.SyncRun.get().kind == "recon"


def test_export_csv_and_pdf(database, tmp_path):
    ch, market = planted_shop()
    m.SkuMapping.update(marketplace_sku="KAOS-Ü").where(m.SkuMapping.product_id == "EDIT").execute()
    market.stock["EDIT"] = 40
    out = reconciliation.reconcile(ch, market, fix=False)
    path = recon_export.export_csv(out.report, tmp_path / "r.csv")
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 7
    edit = next(r for r in rows if r["product_id"] == "EDIT")
    assert edit == {"product_id": "EDIT", "marketplace_sku": "KAOS-Ü", "seller_sku": "S-EDIT",
                    "marketplace_qty": "40", "expected_qty": "5", "difference": "35",
                    "cause": "edited_on_marketplace", "fixed": "no"}
    assert next(r for r in rows if r["product_id"] == "GONE")["marketplace_qty"] == ""

    pdf = recon_export.export_pdf(out.report, tmp_path / "r.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/MediaBox [ 0 0 595.2756 841.8898 ]" in pdf
