"""Stock push and reconciliation against the sandbox over loopback (Tokopedia dialect).

The sandbox clock is frozen and only the client's waits move it, so a low rate limit costs no real time.
The sandbox refuses a stock request of more than 100 rows outright (400 PRD_DLV_018, like Tokopedia), so a push
whose every row is accepted and whose log has no 400 sent at most 100 rows a request.
"""

from __future__ import annotations

import pytest

from tokodesk.marketplace import error_words
from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.services import inventory, reconciliation, stock_push
from tokodesk.store import models as m

sandbox_mod = pytest.importorskip("tokodesk.sandbox")
Sandbox = sandbox_mod.Sandbox


def client_for(sb) -> TokopediaClient:
    cr = sb.credentials
    return TokopediaClient("sandbox", cr["fs_id"], cr["client_id"], cr["shop_id"], sb.url, sb.url,
                           client_secret=cr["client_secret"], timeout=10, sleep=sb.clock.advance,
                           clock=sb.clock.monotonic)


def setup_channel(sb, client, count: int):
    """A channel whose first `count` sellable products are mapped to seller SKUs with a stock count each."""
    cr = sb.credentials
    ch = m.Channel.create(name="sandbox", marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
                          shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url, last_order_pull_to=m.utcnow())
    products = list(client.list_products())
    for p in products:
        m.Product.create(channel=ch, product_id=p.product_id, parent_id=p.parent_id, is_parent=p.is_parent,
                         sku=p.sku, stock=p.stock)
    sellable = [p for p in products if p.sellable]
    mapped = sellable[:count]
    m.SkuMapping.insert_many([{"channel": ch.id, "product_id": p.product_id, "marketplace_sku": p.sku,
                               "seller_sku": f"SELLER-{i}"} for i, p in enumerate(mapped)]).execute()
    inventory.set_stock([(f"SELLER-{i}", (i * 7) % 53) for i in range(len(mapped))])
    return m.Channel.get_by_id(ch.id), mapped, sellable[count:], [p for p in products if p.is_parent]


def stock_requests(sb) -> list:
    return [r for r in sb.request_log if r.endpoint == "stock_update"]


def test_250_rows_under_a_low_rate_limit_lose_nothing(database):
    with Sandbox(seed=5, orders=10, products=120, freeze_clock=True, rate_limit={"stock_update": 20},
                 rate_burst=20) as sb:
        client = client_for(sb)
        ch, mapped, _, _ = setup_channel(sb, client, 250)
        assert len(mapped) == 250
        out = stock_push.push_stock(ch, client)
        assert (out.sent, out.accepted, out.failed) == (250, 250, 0), [r.message for r in out.rows if not r.ok][:3]
        requests = stock_requests(sb)
        assert len(requests) == out.requests == sb.calls["stock_update"] >= 3
        assert all(r.status == 200 for r in requests)  # no 400 "Max allowed products per-update are 100"
        assert {int(p.product_id): sb.shop.products[int(p.product_id)].stock for p in mapped} == {
            int(p.product_id): (i * 7) % 53 for i, p in enumerate(mapped)
        }
        assert m.StockPush.select().where(m.StockPush.status == "accepted").count() == 250
        assert m.SkuMapping.select().where(m.SkuMapping.last_pushed_qty.is_null()).count() == 0

        # Nothing changed: the delta push sends nothing; one order pulled: one row.
        assert stock_push.push_stock(ch, client).sent == 0
        order = m.Order.create(channel=ch, order_id="1", invoice="INV/1", state="new", created_at=m.utcnow())
        m.OrderLine.create(order=order, seller_sku="SELLER-1", quantity=2)
        before = len(stock_requests(sb))
        again = stock_push.push_stock(ch, client)
        assert [(r.product_id, r.quantity) for r in again.rows] == [(mapped[1].product_id, 5)]
        assert len(stock_requests(sb)) == before + 1
        assert sb.shop.products[int(mapped[1].product_id)].stock == 5


def test_rows_the_marketplace_refuses_fail_alone_and_keep_its_message(database):
    with Sandbox(seed=8, orders=5, products=20, freeze_clock=True) as sb:
        client = client_for(sb)
        ch, mapped, _, parents = setup_channel(sb, client, 10)
        m.SkuMapping.create(channel=ch, product_id="4242424242", marketplace_sku="", seller_sku="SELLER-1")
        m.SkuMapping.create(channel=ch, product_id=parents[0].product_id, marketplace_sku="", seller_sku="SELLER-2")
        out = stock_push.push_stock(ch, client)
        failed = {r.product_id: r.message for r in out.rows if not r.ok}
        unknown = error_words.LEGACY_ROWS["invalid product id"].sentence("en")  # "Invalid Product ID." in words
        assert failed == {"4242424242": unknown, parents[0].product_id: unknown}
        assert out.accepted == 10
        log = m.StockPush.get(m.StockPush.product_id == "4242424242")
        assert (log.status, log.message) == ("failed", unknown)


def test_recon_finds_every_planted_mismatch_and_fixes_what_it_can(database):
    with Sandbox(seed=9, orders=5, products=40, freeze_clock=True) as sb:
        client = client_for(sb)
        ch, mapped, unmapped, parents = setup_channel(sb, client, 30)
        parent = parents[0]
        m.SkuMapping.create(channel=ch, product_id=parent.product_id, marketplace_sku="", seller_sku="SELLER-3")
        m.SkuMapping.create(channel=ch, product_id="4242424242", marketplace_sku="GONE", seller_sku="SELLER-4")
        out = stock_push.push_stock(ch, client)
        assert out.failed == 2  # the parent and the deleted product

        sold, edited = mapped[10], mapped[11]
        pushed_sold = sb.shop.products[int(sold.product_id)].stock
        assert pushed_sold > 0
        sb.shop.set_stock(int(sold.product_id), pushed_sold - 1)  # a sale TokoDesk has not pulled
        sb.shop.set_stock(int(edited.product_id), 500)  # typed in Seller Center
        moved = mapped[12]
        m.StockItem.update(on_hand=m.StockItem.on_hand + 3).where(m.StockItem.seller_sku == "SELLER-12").execute()
        loose = next(p for p in unmapped if sb.shop.products[int(p.product_id)].stock > 0)
        m.Channel.update(last_order_pull_to=m.utcnow() - reconciliation.SALE_WINDOW * 2).execute()
        ch = m.Channel.get_by_id(ch.id)

        report = reconciliation.reconcile(ch, client, fix=False)
        causes = {x.product_id: x.cause for x in report.lines}
        assert causes[sold.product_id] == "sale_not_pulled"
        assert causes[edited.product_id] == "edited_on_marketplace"
        assert causes[moved.product_id] == "not_pushed_yet"
        assert causes[parent.product_id] == "push_failed"
        assert causes["4242424242"] == "not_found"
        assert causes[loose.product_id] == "unmapped"
        untouched = {p.product_id for p in mapped} - {sold.product_id, edited.product_id, moved.product_id}
        assert not untouched & set(causes)
        edited_line = next(x for x in report.lines if x.product_id == edited.product_id)
        assert edited_line.marketplace_qty == 500 and edited_line.difference == 500 - edited_line.expected_qty

        fixed = reconciliation.reconcile(ch, client, fix=True)
        assert {x.product_id for x in fixed.lines if x.fixed} == {sold.product_id, edited.product_id,
                                                                  moved.product_id}
        assert fixed.report.fixed == 3
        levels = {lv.product_id: lv.available for lv in inventory.compute_availability(ch)}
        for p in (sold, edited, moved):
            assert sb.shop.products[int(p.product_id)].stock == levels[p.product_id]

        after = reconciliation.reconcile(ch, client, fix=False)
        assert {x.cause for x in after.lines} == {"push_failed", "not_found", "unmapped"}


def test_stock_and_recon_commands_end_to_end(monkeypatch, capsys, tmp_path):
    import io
    import json
    import sys

    from tokodesk import cli
    from tokodesk.cli import main
    from tokodesk.store.connection import close_database

    if "recon" not in cli.COMMAND_MODULES:  # until the lead lists the module in cli.py
        monkeypatch.setattr(cli, "COMMAND_MODULES", [*cli.COMMAND_MODULES, "recon"])

    with Sandbox(seed=12, orders=5, products=8) as sb:
        cr = sb.credentials
        monkeypatch.setattr(sys, "stdin", io.StringIO(cr["client_secret"] + "\n"))
        assert main(["channel", "add", "Toko", "--fs-id", str(cr["fs_id"]), "--client-id", cr["client_id"],
                     "--shop-id", str(cr["shop_id"]), "--client-secret-stdin", "--api-base", sb.url,
                     "--auth-url", sb.url]) == 0
        ch = m.Channel.get(m.Channel.name == "Toko")
        sellable = [p for p in sb.shop.products.values() if not p.is_parent][:3]
        for i, p in enumerate(sellable):
            m.SkuMapping.create(channel=ch, product_id=str(p.product_id), marketplace_sku=p.sku, seller_sku=f"K{i}")
        capsys.readouterr()
        assert main(["stock", "set", "K0", "4", "K1", "0", "K2", "9"]) == 0
        assert "3 created" in capsys.readouterr().out
        assert m.Channel.get_by_id(ch.id).inventory_dirty_at is not None

        assert main(["stock", "push", "--json"]) == 0
        pushed = json.loads(capsys.readouterr().out)
        assert pushed["kind"] == "inventory" and pushed["details"]["accepted"] == 3 and pushed["failed"] == 0
        assert [sb.shop.products[p.product_id].stock for p in sellable] == [4, 0, 9]
        assert m.Channel.get_by_id(ch.id).inventory_dirty_at is None

        sb.shop.set_stock(sellable[2].product_id, 30)
        csv_path, pdf_path = tmp_path / "recon.csv", tmp_path / "recon.pdf"
        assert main(["recon", "run", "--json", "--csv", str(csv_path), "--pdf", str(pdf_path)]) == 0
        doc = json.loads(capsys.readouterr().out)
        assert doc["details"]["mismatches"] == 1 and doc["details"]["lines"][0]["marketplace_qty"] == 30
        assert "edited_on_marketplace" in csv_path.read_text(encoding="utf-8-sig")
        assert pdf_path.read_bytes().startswith(b"%PDF")

        assert main(["recon", "run", "--fix"]) == 0
        out = capsys.readouterr().out
        assert "1 fixed" in out and "fixed" in out.splitlines()[-1]
        assert sb.shop.products[sellable[2].product_id].stock == 9

        assert main(["recon", "export"]) == 2
        assert "--csv FILE" in capsys.readouterr().err
        assert main(["recon", "show", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["fixed"] == 1

        m.Channel.update(inventory_sync=False).execute()
        assert main(["stock", "push"]) == 0
        assert "inventory sync is off" in capsys.readouterr().out
    close_database()
