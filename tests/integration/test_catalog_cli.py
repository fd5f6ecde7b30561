"""`tokodesk catalog import|set|push|undo` as a seller runs them (issue 23): the CSV's per-line report, the summary
and its confirmations on a Tokopedia & Shop channel added through the CLI."""

from __future__ import annotations

import json

import pytest

from tests.integration.test_catalog_push import mapped, toko  # noqa: F401 - fixtures
from tests.integration.tiktokshop_setup import channel, client, sb  # noqa: F401 - fixtures
from tokodesk.cli import main
from tokodesk.errors import UserError
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services import catalog, catalog_csv, catalog_drafts
from tokodesk.store import models as m


def write(tmp_path, text: str, name: str = "harga.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_edge_cases_are_reported_by_line_and_good_rows_kept(toko, tmp_path):  # noqa: F811
    _box, _adapter, ch = toko
    (ma, pa), (mb, pb), (mc, _pc) = mapped(ch, 3)
    text = ("\ufeffSKU;Harga;Aktif\n"
            f"{ma.seller_sku};Rp{pa.price + 1000:,};\n".replace(",", ".")
            + "\n"
            + f"{mb.seller_sku};15000,50;\n"  # sen
            + "=HYPERLINK(\"x\");15000;\n"  # formula injection
            + f"{mc.seller_sku};;tidak\n"  # listing only
            + f"{ma.seller_sku};20000;\n"  # twice
            + "NOT-MAPPED;20000;\n"
            + f"{mb.seller_sku};-5000;\n"
            + f"{mb.seller_sku};;maybe\n")
    result = catalog_csv.import_catalog(write(tmp_path, text))
    bad = {b.line: b.reason for b in result.parsed.bad}
    assert set(bad) == {4, 5, 7, 8, 9, 10}, bad
    assert "whole numbers" in bad[4] and "formula" in bad[5] and "already given on line 2" in bad[7]
    assert "no marketplace SKU is mapped" in bad[8] and "say yes or no" in bad[10]
    assert result.applied and result.kept == 2
    kept = {(e.seller_sku, e.field): e.new_value for e in catalog_drafts.drafts(ch)}
    assert kept == {(ma.seller_sku, "price"): pa.price + 1000, (mc.seller_sku, "active"): 0}
    assert pb.price == m.Product.get_by_id(pb.id).price


def test_csv_strict_keeps_nothing_and_a_file_without_header_reads_columns_in_order(toko, tmp_path):  # noqa: F811
    _box, _adapter, ch = toko
    (ma, pa), (mb, pb) = mapped(ch, 2)
    strict = catalog_csv.import_catalog(write(tmp_path, f"{ma.seller_sku},{pa.price + 10}\nNOPE,100\n"), strict=True)
    assert not strict.applied and [b.line for b in strict.parsed.bad] == [2]
    assert catalog_drafts.drafts(ch) == []
    plain = catalog_csv.import_catalog(write(tmp_path, f"{ma.seller_sku},{pa.price + 10},yes\n{mb.seller_sku},"
                                                        f"{pb.price + 20}\n", "b.csv"))
    assert plain.applied and not plain.parsed.bad and plain.kept == 2  # pa is active already: only its price
    with pytest.raises(UserError, match="not UTF-8"):
        catalog_csv.import_catalog(write(tmp_path, "KAOS,15000\n", "c.csv", encoding="utf-16"))
    with pytest.raises(UserError, match="no rows"):
        catalog_csv.import_catalog(write(tmp_path, "\n\n", "d.csv"))


def test_cli_push_asks_and_large_changes_need_confirm_large(sb, channel, client, capsys, tmp_path):  # noqa: F811
    assert catalog.pull_skus(channel, client).status == "ok"
    (ma, pa), (mb, pb) = mapped(channel, 2, stocked=False)
    assert main(["catalog", "set", ma.seller_sku, "--price", str(pa.price + 1000)]) == 0
    assert "nothing is sent yet" in capsys.readouterr().out
    assert main(["catalog", "set", mb.seller_sku, "--price", str(pb.price * 3)]) == 0
    assert "large change" in capsys.readouterr().out
    assert main(["catalog", "set", mb.seller_sku, "--price", "12000,5"]) == 2
    assert "whole numbers" in capsys.readouterr().err
    assert main(["catalog", "set", ma.seller_sku, "--seller-sku", "KODE BARU"]) == 2
    assert "no spaces" in capsys.readouterr().err

    # Not a terminal and no --yes: the summary is shown and nothing is sent.
    assert main(["catalog", "push"]) == 2
    captured = capsys.readouterr()
    assert "2 prices (change from" in captured.out and "+200%" in captured.out
    assert "nothing was sent" in captured.err
    # --yes is not enough for a large change.
    assert main(["catalog", "push", "--yes"]) == 3
    assert "--confirm-large" in capsys.readouterr().err
    number = {p.product_id: tj.decode(p.product_id, tj.SKU_BASE) for p in (pa, pb)}
    assert sb.shop.products[number[pa.product_id]].price == pa.price
    assert main(["catalog", "push", "--yes", "--confirm-large", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["accepted"], doc["failed"], doc["summary"]["prices"]) == (2, 0, 2)
    assert sb.shop.products[number[pb.product_id]].price == pb.price * 3

    assert main(["catalog", "undo"]) == 2  # asks first
    assert "2 values to send back" in capsys.readouterr().out
    assert main(["catalog", "undo", "--yes", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["accepted"] == 2
    assert sb.shop.products[number[pb.product_id]].price == pb.price


def test_cli_drafts_discard_whole_product_and_a_seller_sku_code(sb, channel, client, capsys):  # noqa: F811
    from tests.integration.test_catalog_codes import multi_sku_listing

    assert catalog.pull_skus(channel, client).status == "ok"
    mapping, product, others = multi_sku_listing(channel)
    (ma, pa), = [(mp, p) for mp, p in mapped(channel, 30, stocked=False) if p.parent_id != product.parent_id][:1]
    assert main(["catalog", "drafts"]) == 0
    assert "no catalogue changes waiting" in capsys.readouterr().out

    # Off for one SKU of a product with several: refused, naming the SKUs that would go off with it.
    assert main(["catalog", "set", mapping.seller_sku, "--active", "no"]) == 2
    err = capsys.readouterr().err
    assert all((o.sku or o.product_id) in err for o in others) and "--whole-product" in err
    assert main(["catalog", "set", mapping.seller_sku, "--active", "no", "--whole-product"]) == 0
    out = capsys.readouterr().out
    assert out.count("switches with it (same product)") == len(others)
    assert main(["catalog", "set", ma.seller_sku, "--price", str(pa.price + 500)]) == 0
    assert main(["catalog", "set", mapping.seller_sku, "--seller-sku", "KODE-CLI-1"]) == 0
    assert f"seller_sku code {product.sku} → code KODE-CLI-1" in capsys.readouterr().out

    assert main(["catalog", "drafts", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {(d["seller_sku"], d["field"], d["new"]) for d in listed} == {
        (mapping.seller_sku, "active", 0), (ma.seller_sku, "price", pa.price + 500),
        (mapping.seller_sku, "seller_sku", "KODE-CLI-1")}
    assert main(["catalog", "drafts"]) == 0
    assert "3 changes waiting" in capsys.readouterr().out

    assert main(["catalog", "discard", "NOPE"]) == 2
    assert "no draft to discard for seller SKU NOPE" in capsys.readouterr().err
    assert main(["catalog", "discard", ma.seller_sku]) == 0
    assert "discarded 1 changes" in capsys.readouterr().out
    assert main(["catalog", "push", "--yes", "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert (doc["accepted"], doc["summary"]["listings_off"], doc["summary"]["seller_sku_codes"]) == (2, 1, 1)
    assert sb.shop.products[tj.decode(pa.product_id, tj.SKU_BASE)].price == pa.price  # discarded: never sent
    assert sb.shop.products[tj.decode(product.product_id, tj.SKU_BASE)].sku == "KODE-CLI-1"
    assert all(sb.shop.products[tj.decode(o.product_id, tj.SKU_BASE)].status == 3 for o in others)
    assert main(["catalog", "discard", "--all", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"discarded": 0}


def test_csv_listing_rows_of_a_product_with_several_skus_name_them_unless_whole_product(sb, channel, client,  # noqa: F811
                                                                                        capsys, tmp_path):
    from tests.integration.test_catalog_codes import multi_sku_listing

    assert catalog.pull_skus(channel, client).status == "ok"
    mapping, _product, others = multi_sku_listing(channel)
    path = write(tmp_path, f"seller_sku,price,active\n{mapping.seller_sku},,no\n")
    assert main(["catalog", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert "harga.csv:2:" in err and all((o.sku or o.product_id) in err for o in others)
    assert catalog_drafts.drafts(channel) == []
    assert main(["catalog", "import", str(path), "--whole-product"]) == 0
    assert [(e.field, e.new_value) for e in catalog_drafts.drafts(channel)] == [("active", 0)]
