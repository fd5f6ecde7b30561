"""The public command line of DESIGN.md §6, driven as a seller's technician drives it, against the sandbox over
loopback, for both marketplaces: the legacy Tokopedia FS dialect and Tokopedia & Shop (the TikTok Shop dialect).

Each test checks what a user sees: the exit code (0 done, 1 failed, 2 bad usage or input), one JSON document on
stdout with `--json`, a message naming what is wrong and the fix on stderr, and no secret anywhere.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import timedelta

import pytest
import requests

from tests.integration.tiktokshop_setup import add_and_authorize, shop_now
from tokodesk.cli import main
from tokodesk.sandbox import Sandbox
from tokodesk.store import models as m
from tokodesk.store.connection import close_database

DIALECTS = ("tokopedia", "tiktokshop")
NAME = "Toko"
SYNC_KEYS = {"kind": str, "fetched": int, "created": int, "updated": int, "failed": int, "errors": list}
ACTION_KEYS = {"order_id", "ok", "state", "error"}
LIST_KEYS = {"order_id", "invoice", "state", "marketplace_status", "courier", "booking_code", "awb", "lines"}


def _add_tokopedia(sb: Sandbox, monkeypatch, capsys, secret: str | None = None) -> None:
    cr = sb.credentials
    monkeypatch.setattr(sys, "stdin", io.StringIO((secret or cr["client_secret"]) + "\n"))
    assert main(["channel", "add", NAME, "--fs-id", str(cr["fs_id"]), "--client-id", cr["client_id"],
                 "--shop-id", str(cr["shop_id"]), "--client-secret-stdin", "--api-base", sb.url,
                 "--auth-url", sb.url]) == 0
    capsys.readouterr()


@pytest.fixture(params=DIALECTS)
def sb(request):
    with Sandbox(seed=5, products=8, orders=60, dialect=request.param, freeze_clock=True) as box:
        yield box


@pytest.fixture
def shop(sb, monkeypatch, capsys):
    """A channel added through the CLI with products and orders pulled; yields the sandbox."""
    if _dialect(sb) == "tokopedia":
        _add_tokopedia(sb, monkeypatch, capsys)
    else:
        add_and_authorize(sb, monkeypatch, capsys, NAME)
    # Only the last three days are served on Tokopedia; TikTok Shop serves the whole generated week.
    back = timedelta(days=3) - timedelta(minutes=5) if _dialect(sb) == "tokopedia" else timedelta(days=8)
    m.Channel.update(order_sync_from=shop_now(sb) - back).execute()
    assert main(["sync", "skus"]) == 0 and main(["sync", "orders"]) == 0
    capsys.readouterr()
    yield sb
    close_database()


def _dialect(sb: Sandbox) -> str:
    return "tiktokshop" if "app_key" in sb.credentials else "tokopedia"


def _json(capsys) -> object:
    captured = capsys.readouterr()
    return json.loads(captured.out)


def _listed(capsys, *extra: str) -> list[dict]:
    assert main(["orders", "list", "--json", *extra]) == 0
    return _json(capsys)


# ---- before any channel exists ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "argv",
    [["orders", "cancel-requests"], ["orders", "cancel-requests", "--json"], ["sync", "orders", "--json"],
     ["channel", "test", "Toko"], ["stock", "push"]],
)
def test_a_command_before_any_channel_exits_2_and_says_to_add_one(capsys, argv):
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == "", "no JSON document or partial result when nothing could be done"
    assert "channel add" in captured.err or "channel list" in captured.err


# ---- wrong secret ------------------------------------------------------------------------------------------
def test_wrong_client_secret_is_named_with_the_way_to_enter_it_again(monkeypatch, capsys):
    with Sandbox(seed=5, products=4, orders=5, freeze_clock=True) as box:
        _add_tokopedia(box, monkeypatch, capsys, secret="not-the-secret-42")
        assert main(["channel", "test", NAME]) == 1
        err = capsys.readouterr().err
        close_database()
    assert "client secret" in err and f"tokodesk channel remove {NAME} --yes" in err and "channel add" in err
    assert "not-the-secret-42" not in err


def test_wrong_app_secret_fails_authorize_naming_the_secret_not_printing_it(monkeypatch, capsys):
    with Sandbox(seed=5, products=4, orders=5, dialect="tiktokshop", freeze_clock=True) as box:
        cr = box.credentials
        monkeypatch.setattr(sys, "stdin", io.StringIO("not-the-app-secret-42\n"))
        assert main(["channel", "add", NAME, "--marketplace", "tiktokshop", "--app-key", cr["app_key"],
                     "--app-secret-stdin", "--service-id", cr["service_id"], "--api-base", box.url,
                     "--auth-url", box.url]) == 0
        assert main(["channel", "authorize", NAME]) == 0
        link = capsys.readouterr().out.split()[-1]
        landed = requests.get(link, allow_redirects=False, timeout=10).headers["Location"]
        assert main(["channel", "authorize", NAME, "--redirect-url", landed]) == 1
        captured = capsys.readouterr()
        unlinked = m.Channel.get(m.Channel.name == NAME).shop_cipher
        close_database()
    assert "app key or app secret" in captured.err and "Partner Center" in captured.err
    assert f"tokodesk channel remove {NAME} --yes" in captured.err
    assert "not-the-app-secret-42" not in captured.err + captured.out
    assert unlinked == "", "a refused authorization links no shop"


# ---- orders list -------------------------------------------------------------------------------------------
def test_orders_list_json_has_the_documented_shape_per_marketplace(shop, capsys):
    orders = _listed(capsys)
    assert orders
    tokopedia = _dialect(shop) == "tokopedia"
    for o in orders:
        assert set(o) >= LIST_KEYS
        if tokopedia:
            assert isinstance(o["order_id"], int) and isinstance(o["marketplace_status"], int)
        else:  # 18-19 digits: text on purpose, a JSON number would lose the last digits in most readers
            assert isinstance(o["order_id"], str) and len(o["order_id"]) in (18, 19) and o["order_id"].isdigit()
            assert isinstance(o["marketplace_status"], str)
        for line in o["lines"]:
            assert set(line) >= {"sku", "seller_sku", "quantity"} and isinstance(line["quantity"], int)
    new = _listed(capsys, "--state", "acknowledged")
    assert new and {o["state"] for o in new} == {"acknowledged"}


def test_orders_list_names_a_line_that_has_no_sku(shop, capsys):
    orders = _listed(capsys)
    anonymous = [(o, ln) for o in orders for ln in o["lines"] if not ln["sku"]]
    assert anonymous, "the seed-5 shop sells a product without a SKU"
    order, line = anonymous[0]
    assert line["product_id"] and line["name"]
    assert main(["orders", "list"]) == 0
    text = capsys.readouterr().out
    row = next(r for r in text.splitlines() if r.startswith(str(order["key"])))
    assert f"{line['name']} ({line['product_id']}, no SKU)" in row and "UNMAPPED" in row


def test_orders_list_bad_state_exits_2_naming_the_states(shop, capsys):
    assert main(["orders", "list", "--state", "sent", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "'sent' is not a state" in captured.err and "awaiting_pickup" in captured.err


# ---- sync --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", ["skus", "orders", "statuses", "inventory", "recon"])
def test_sync_json_has_the_documented_shape(shop, capsys, kind):
    assert main(["sync", kind, "--json"]) == 0
    doc = _json(capsys)
    for key, kind_of in SYNC_KEYS.items():
        assert isinstance(doc[key], kind_of), key
    assert doc["kind"] == kind and all(isinstance(e, str) for e in doc["errors"])


def test_sync_unknown_channel_exits_2_naming_the_channels(shop, capsys):
    assert main(["sync", "orders", "--channel", "Tokko", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "'Tokko'" in captured.err and NAME in captured.err


# ---- orders ack|pack|ship|cancel ---------------------------------------------------------------------------
def _mapped(capsys, state: str) -> list[dict]:
    return [o for o in _listed(capsys, "--state", state) if not o["has_unmapped"]]


def test_pack_then_ship_json_per_order_and_exit_codes(shop, capsys):
    first, second = _mapped(capsys, "acknowledged")[:2]
    assert main(["orders", "pack", str(first["order_id"]), str(second["order_id"]), "--json"]) == 0
    packed = _json(capsys)
    assert {r["order_id"] for r in packed} == {first["order_id"], second["order_id"]}
    assert all(set(r) >= ACTION_KEYS and r["ok"] and r["error"] is None for r in packed)
    assert main(["orders", "ship", str(first["order_id"]), "--json"]) == 0
    [shipped] = _json(capsys)
    assert shipped["ok"] and shipped["state"] == "awaiting_pickup" and shipped["order_id"] == first["order_id"]
    # Shipping it again is refused by TokoDesk: exit 2, nothing sent, the state named.
    assert main(["orders", "ship", str(first["order_id"]), "--json"]) == 2
    [again] = _json(capsys)
    assert not again["ok"] and "awaiting_pickup" in again["error"]


def test_unknown_order_id_exits_2_and_says_how_to_find_it(shop, capsys):
    assert main(["orders", "pack", "4242", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "No order 4242" in captured.err and "sync orders" in captured.err


def test_cancel_without_a_usable_reason_is_refused_listing_the_reasons(shop, capsys):
    order = _mapped(capsys, "acknowledged")[0]
    oid = str(order["order_id"])
    assert main(["orders", "cancel", oid, "--reason-code", "abc", "--reason", "habis", "--json"]) == 2
    [refused] = _json(capsys)
    assert not refused["ok"] and "'abc'" in refused["error"] and "choose one of" in refused["error"]
    assert m.Order.get(m.Order.order_id == oid).state == "acknowledged", "a refused cancel changes nothing"


def test_cancel_reason_is_taken_in_any_case(shop, capsys):
    order = _mapped(capsys, "acknowledged")[0]
    oid = str(order["order_id"])
    # The refusal lists the reasons the marketplace offers; type the first one in upper case.
    assert main(["orders", "cancel", oid, "--json"]) == 2
    error = _json(capsys)[0]["error"]
    code = error.split(": ", 1)[1].split(" = ", 1)[0].strip()
    assert main(["orders", "cancel", oid, "--reason-code", code.upper(), "--reason", "Stok habis", "--json"]) == 0
    [done] = _json(capsys)
    assert done["ok"] and done["state"] == "cancelled" and done["order_id"] == order["order_id"]


# ---- buyer cancellation requests --------------------------------------------------------------------------
def test_cancel_requests_per_marketplace(shop, capsys):
    code = main(["orders", "cancel-requests", "--json"])
    captured = capsys.readouterr()
    if _dialect(shop) == "tokopedia":
        # The legacy API has no buyer requests: say so instead of an empty list that looks like "none waiting".
        assert code == 2 and captured.out == "" and "Tokopedia & Shop" in captured.err
    else:
        assert code == 0 and isinstance(json.loads(captured.out), list)


# ---- stock and mapping bad input --------------------------------------------------------------------------
def test_negative_stock_and_malformed_csv_rows_exit_2_leaving_nothing_half_written(shop, capsys, tmp_path):
    assert main(["stock", "set", "KAOS-M", "4", "KAOS-L", "-2"]) == 2
    assert "-2 is negative" in capsys.readouterr().err
    assert not m.StockItem.select().where(m.StockItem.seller_sku == "KAOS-M").exists(), "one bad count: nothing set"
    csv = tmp_path / "stock.csv"
    csv.write_text("seller_sku,on_hand\nKAOS-M,4\nKAOS-L,lima\n", encoding="utf-8")
    assert main(["stock", "import", str(csv), "--strict", "--json"]) == 2
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["applied"] is False and doc["bad_rows"][0]["line"] == 3
    assert f"{csv}:3:" in captured.err and "'lima' is not a number" in captured.err
    assert not m.StockItem.select().where(m.StockItem.seller_sku == "KAOS-M").exists()


# ---- labels ------------------------------------------------------------------------------------------------
def test_labels_pdf_says_when_a_label_has_no_code_for_the_courier(shop, capsys, tmp_path):
    from tests.unit.test_documents_support import decode, text

    first, second = _mapped(capsys, "acknowledged")[:2]
    oid, other = str(first["order_id"]), str(second["order_id"])
    assert main(["orders", "pack", oid, other]) == 0
    capsys.readouterr()
    pdf = tmp_path / "labels.pdf"
    if _dialect(shop) == "tokopedia":  # the booking code exists from acceptance on
        assert main(["labels", oid, "--pdf", str(pdf), "--size", "100x100", "--json"]) == 0
        captured = capsys.readouterr()
        doc = json.loads(captured.out)
        assert doc["orders"] == [first["order_id"]] and doc["output"] == [str(pdf)]
        assert doc["without_code"] == [] and "no label" not in captured.err
        booking = m.Order.get(m.Order.order_id == oid).booking_code
        assert booking and ("Code128", booking) in decode(pdf.read_bytes())
        return
    # Tokopedia & Shop: the tracking number comes with shipping. No label (and no "printed" mark) before it: the
    # order is refused, named, with the reason, and the other order of the batch still prints once it has a code.
    assert main(["labels", oid, "--pdf", str(pdf), "--mark-printed", "--json"]) == 1
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["labels"] == 0 and doc["without_code"] == [first["order_id"]] and not pdf.exists()
    assert f"no label for {oid}" in captured.err and "tracking number only when the order is shipped" in captured.err
    assert m.Order.get(m.Order.order_id == oid).label_printed_at is None
    assert main(["orders", "ship", other]) == 0
    capsys.readouterr()
    assert main(["labels", oid, other, "--pdf", str(pdf), "--mark-printed", "--json"]) == 1
    captured = capsys.readouterr()
    doc = json.loads(captured.out)
    assert doc["orders"] == [second["order_id"]] and doc["without_code"] == [first["order_id"]]
    shipped = m.Order.get(m.Order.order_id == other)
    assert shipped.awb and ("Code128", shipped.awb) in decode(pdf.read_bytes()) and shipped.invoice in text(
        pdf.read_bytes())
    assert shipped.label_printed_at is not None and m.Order.get(m.Order.order_id == oid).label_printed_at is None


def test_ship_awb_is_checked_before_anything_is_sent(shop, capsys):
    order = _mapped(capsys, "acknowledged")[0]
    oid = str(order["order_id"])
    assert main(["orders", "pack", oid]) == 0
    capsys.readouterr()
    before = m.Action.select().count()
    state = m.Order.get(m.Order.order_id == oid).state
    for awb, words in (("JP\u201312345678", "U+2013 EN DASH"), ("JP12", "has 4 characters"),
                       ("X" * 31, "at most 30"), ("JP 12345678", "Remove the space")):
        assert main(["orders", "ship", oid, "--awb", awb, "--json"]) == 2, awb
        captured = capsys.readouterr()
        assert captured.out == "" and "--awb" in captured.err and words in captured.err, captured.err
    assert m.Action.select().count() == before  # nothing written, nothing sent
    assert m.Order.get(m.Order.order_id == oid).state == state and state in ("packed", "ready_to_ship")


@pytest.mark.parametrize(("option", "pasted", "fragment"), [
    ("--code", "abc", "does not look like an authorization code"),
    ("--redirect-url", "http://127.0.0.1/callback?state=x", "has no authorization code"),
    ("--redirect-url", "http://127.0.0.1/callback?error=access_denied", "refused"),
])
def test_authorize_with_a_mistyped_paste_exits_2_before_asking_the_marketplace(monkeypatch, capsys, option, pasted,
                                                                                 fragment):
    monkeypatch.setattr(sys, "stdin", io.StringIO("app-secret-xyz\n"))
    # Nothing listens on port 9: the paste must be judged before any request is made.
    assert main(["channel", "add", NAME, "--marketplace", "tiktokshop", "--app-key", "k", "--app-secret-stdin",
                 "--service-id", "1", "--api-base", "http://127.0.0.1:9", "--auth-url", "http://127.0.0.1:9"]) == 0
    capsys.readouterr()
    assert main(["channel", "authorize", NAME, option, pasted]) == 2
    err = capsys.readouterr().err
    close_database()
    assert option in err and fragment in err and "app-secret-xyz" not in err
