"""`tokodesk payouts …` end to end on a Tokopedia & Shop channel served by the sandbox: sync, list (all, unexpected,
unsettled, JSON), the exports read back (CSV, XLSX through openpyxl, PDF through pypdf), cost prices set one by one and
imported with a per-line report, formula-looking text kept as text, and the legacy channel that has no payouts."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pypdf import PdfReader

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import channel, client, sb, shop_now  # noqa: F401 - fixtures
from tokodesk.cli import main
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services import payout_sync
from tokodesk.store import models as m

DAY = 86400


@pytest.fixture
def synced(sb, channel, client, capsys):  # noqa: F811
    sb.dialect.returns_book.rate = 0.0
    sb.dialect.finance.late_rate = 0.3
    ch = pulled(sb, channel, client)
    sb.advance(4 * DAY)
    # The shop clock is frozen in the past of this PC's: the sync's own clock must be the shop's.
    summary = payout_sync.sync_payouts(ch, client, now=shop_now(sb))
    assert summary.status == "ok", summary.errors
    capsys.readouterr()
    return ch


def test_sync_from_the_cli_reads_and_reports(sb, channel, client, capsys, monkeypatch):  # noqa: F811
    pulled(sb, channel, client)
    sb.advance(12 * DAY)
    monkeypatch.setattr(payout_sync.m, "utcnow", lambda: shop_now(sb))
    assert main(["payouts", "sync", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["kind"] == "payouts" and doc["created"] > 0 and doc["details"]["read"]["statements"] > 0
    assert main(["payouts", "sync"]) == 0
    out = capsys.readouterr().out
    assert "payouts (Toko): ok" in out and "statements" in out and "created 0" in out


def test_list_shows_each_order_and_the_unexpected_ones(synced, capsys):
    assert main(["payouts", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    settled = [r for r in rows if r["status"] == "settled"]
    assert settled and all(isinstance(r["net"], int) for r in settled)
    assert main(["payouts", "list", "--unexpected", "--json"]) == 0
    odd = json.loads(capsys.readouterr().out)
    assert odd and all(r["unexpected"] and r["causes"] for r in odd)
    assert {c["kind"] for r in odd for c in r["causes"]} & {"fee_not_in_rules", "adjustment"}
    assert main(["payouts", "list", "--unexpected"]) == 0
    text = capsys.readouterr().out
    assert odd[0]["order_id"] in text and "Rp" in text and odd[0]["causes"][0]["text"] in text


def test_unsettled_lists_orders_delivered_long_ago(synced, capsys, monkeypatch, sb):  # noqa: F811
    from tokodesk.services import payout_book

    monkeypatch.setattr(payout_book.m, "utcnow", lambda: shop_now(sb))  # "days ago" on the shop's clock
    assert main(["payouts", "list", "--unsettled", "--days", "0", "--json"]) == 0
    late = json.loads(capsys.readouterr().out)
    assert late and all(r["status"] != "settled" and r["delivered_at"] for r in late)
    assert main(["payouts", "list", "--unsettled", "--days", "400", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["payouts", "list", "--unsettled", "--days", "-1"]) == 2
    assert "argument --days" in capsys.readouterr().err


def test_the_exports_read_back(synced, tmp_path, capsys):
    from openpyxl import load_workbook

    assert main(["payouts", "list", "--json"]) == 0
    rows = {r["order_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert main(["payouts", "export", "--csv", str(tmp_path / "p.csv")]) == 0
    table = list(csv.DictReader(io.StringIO((tmp_path / "p.csv").read_text(encoding="utf-8-sig"))))
    assert {r["order_id"] for r in table} == set(rows)
    one = next(r for r in table if r["status"] == "settled")
    assert int(one["net"]) == rows[one["order_id"]]["net"]
    assert "platform_commission_amount" in one and int(one["platform_commission_amount"]) < 0

    assert main(["payouts", "export", "--xlsx", str(tmp_path / "p.xlsx")]) == 0
    wb = load_workbook(tmp_path / "p.xlsx")
    assert wb.sheetnames == ["Orders", "Weeks", "Fees", "SKU margins", "Statements", "Withdrawals"]
    sheet = wb["Orders"]
    header = [c.value for c in sheet[1]]
    got = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert got[one["order_id"]]["net"] == rows[one["order_id"]]["net"]
    assert sum(r[2] for r in wb["Weeks"].iter_rows(min_row=2, values_only=True)) == sum(
        s.settlement_amount for s in m.Statement.select())

    assert main(["payouts", "export", "--pdf", str(tmp_path / "p.pdf"), "--unexpected"]) == 0
    text = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "p.pdf").pages)
    assert "Payouts" in text and "Totals by week" in text  # the tests run in English (TOKODESK_LANG)
    odd = [r for r in rows.values() if r["unexpected"]]
    assert odd[0]["order_id"] in text.replace("\n", "")


def test_the_pdf_speaks_indonesian_for_the_seller(synced):
    from tokodesk.services import payout_book, payout_export

    pdf = payout_export.pdf_bytes(payout_book.load(), "id")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Penghasilan" in text and "Total per minggu" in text and "Biaya per jenis" in text


def test_text_that_looks_like_a_formula_stays_text(synced, tmp_path):
    from openpyxl import load_workbook

    m.Order.update(invoice="=HYPERLINK(\"http://x\")").where(m.Order.id == m.Order.select().first().id).execute()
    assert main(["payouts", "export", "--csv", str(tmp_path / "p.csv")]) == 0
    assert "'=HYPERLINK" in (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    assert main(["payouts", "export", "--xlsx", str(tmp_path / "p.xlsx")]) == 0
    cells = [c for row in load_workbook(tmp_path / "p.xlsx")["Orders"].iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert cells and all(c.data_type == "s" for c in cells)


def test_cost_prices_give_margins(synced, tmp_path, capsys):
    line = m.OrderLine.select().join(m.Order).where(m.Order.state.in_(("delivered", "completed"))).first()
    sku = line.seller_sku
    assert main(["payouts", "cost", sku, "Rp12.500"]) == 0
    assert "Rp 12.500" in capsys.readouterr().out
    assert m.StockItem.get(m.StockItem.seller_sku == sku).cost_price == 12_500
    assert main(["payouts", "cost", "NO-SUCH-SKU", "1000"]) == 2
    assert "not known to TokoDesk" in capsys.readouterr().err
    assert main(["payouts", "cost", sku, "12500,50"]) == 2
    assert "whole numbers" in capsys.readouterr().err
    costs = tmp_path / "costs.csv"
    every = sorted({s.seller_sku for s in m.StockItem.select()})
    body = "seller_sku;harga modal\n" + "".join(f"{s};10.000\n" for s in every)
    costs.write_text(body + "NO-SUCH;5000\n=cmd|x;100\n" + f"{every[0]};abc\n", encoding="utf-8")
    assert main(["payouts", "cost-import", str(costs)]) == 2
    captured = capsys.readouterr()
    assert f"cost prices: {len(every)} seller SKUs set" in captured.out
    lines = captured.err.splitlines()
    n = len(every) + 2
    assert any(f"costs.csv:{n}:" in x and "NO-SUCH" in x for x in lines)
    assert any(f"costs.csv:{n + 1}:" in x and "formula" in x for x in lines)
    assert any(f"costs.csv:{n + 2}:" in x and "is not a price" in x for x in lines)
    assert main(["payouts", "list", "--json"]) == 0
    rows = [r for r in json.loads(capsys.readouterr().out) if r["net"] is not None and r["known"]]
    assert rows and all(r["margin"] == r["net"] - r["cost"] for r in rows)
    assert main(["payouts", "cost", sku, "none"]) == 0
    assert m.StockItem.get(m.StockItem.seller_sku == sku).cost_price is None


def test_a_legacy_channel_is_told_it_has_no_payouts(tokodesk_home, capsys):
    from tokodesk.store.connection import close_database, open_database

    open_database()
    m.Channel.create(name="Lama", marketplace="tokopedia")
    close_database()
    assert main(["payouts", "list"]) == 2
    assert "only Tokopedia & Shop channels" in capsys.readouterr().err
    assert main(["payouts", "sync", "--channel", "Lama"]) == 2
    err = capsys.readouterr().err
    assert "no finance reads" in err and "Seller Center" in err


def test_an_order_id_in_the_json_is_the_marketplaces(synced, capsys, sb):  # noqa: F811
    assert main(["payouts", "list", "--json"]) == 0
    ids = {r["order_id"] for r in json.loads(capsys.readouterr().out)}
    assert all(tj.decode(i, tj.ORDER_BASE) for i in ids)


def test_the_sellers_own_rates_change_what_is_expected(synced, capsys):
    assert main(["payouts", "rates"]) == 0
    shown = capsys.readouterr().out
    assert "platform_commission_amount   6,97% per line" in shown and "5411650459305729" in shown
    assert "assumed: set yours" in shown
    assert main(["payouts", "list", "--unexpected", "--json"]) == 0
    before = len(json.loads(capsys.readouterr().out))
    assert main(["payouts", "rates", "--commission", "8"]) == 0
    assert "8,00% per line" in capsys.readouterr().out
    assert main(["payouts", "list", "--unexpected", "--json"]) == 0
    after = json.loads(capsys.readouterr().out)
    # The shop charges 6,97 %: with 8 % typed, every settled order now shows the commission as a fee change.
    assert len(after) > before
    assert any(c["kind"] == "fee_change" and "platform_commission_amount" in c["text"]
               for r in after for c in r["causes"])
    assert main(["payouts", "rates", "--reset"]) == 0
    assert "6,97% per line" in capsys.readouterr().out
    assert main(["payouts", "rates", "--commission", "6,975"]) == 2
    assert "at most two decimals" in capsys.readouterr().err
