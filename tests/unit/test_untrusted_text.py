"""One bad character never stops the order intake (issue 15 §1).

A lone surrogate (an emoji cut in half: JSON "\\ud83d") made `sync orders` die with UnicodeEncodeError on SQLite, and a
NUL in a buyer name made PostgreSQL refuse the page: 0 of 86 orders stored. Text is cleaned where the marketplace's
JSON becomes TokoDesk's dataclasses, and the order store stores the rest of a page when one order still fails.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta, timezone

import pytest
import responses

from tests.unit import test_tiktokshop_support as tts
from tests.unit import test_tokopedia_support as tkp
from tests.unit.test_tokopedia_support import fixture_clock, fixture_rsps  # noqa: F401 - fixtures
from tokodesk.marketplace import base, clean
from tokodesk.marketplace.tiktokshop.orders import parse_or_invalid as tts_parse
from tokodesk.services import orders as order_service
from tokodesk.store import models as m

CUT_EMOJI = "\\ud83d"  # as JSON text: json.loads gives a lone surrogate
NUL = "\\u0000"


def test_clean_text_replaces_what_a_database_cannot_hold():
    raw = json.loads(f'"Budi {CUT_EMOJI}x{NUL}y\\u0007\\ttab\\r\\nline \\ud83d\\ude00"')
    assert clean.clean_text(raw) == "Budi \ufffdx\ufffdy\ufffd tab line 😀"
    assert clean.clean_text(raw, multiline=True, limit=100) == "Budi \ufffdx\ufffdy\ufffd\ttab\nline 😀"
    assert clean.clean_text("\ud83d\ude00 split") == "😀 split"  # a pair split in two code points is mended
    long = clean.clean_text("x" * 5000)
    assert len(long) == 255 and long.endswith("…")
    assert clean.clean_text("Kaos Polos – Hitam 🙂") == "Kaos Polos – Hitam 🙂"


def test_an_id_is_never_altered_the_record_is_refused():
    raw = tts.raw_order(order_id="5760" + json.loads(f'"{NUL}"') + "1")
    bad = tts_parse(raw)
    assert isinstance(bad, base.InvalidOrder) and "cannot be stored" in bad.reason
    assert bad.order_id == "5760\ufffd1"  # shown cleaned in the run's errors, never sent back


def test_cleaning_is_logged_once_per_field_kind_not_once_per_order(caplog):
    clean.new_run()
    with caplog.at_level(logging.WARNING, logger="tokodesk.marketplace.clean"):
        for n in range(50):
            tts_parse(tts.raw_order(order_id=str(1000 + n), buyer_message="a\x00b",
                                    recipient_address={"name": "Budi \ud83d", "full_address": "x"}))
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 3, lines  # the name is the buyer's and the recipient's: two fields
    assert any("Order.buyer_note" in t and "control characters" in t for t in lines)
    assert any("Recipient.name" in t and "half of an emoji" in t for t in lines)
    assert any("Order.buyer_name" in t and "half of an emoji" in t for t in lines)
    assert not any("Budi" in t for t in lines)  # no buyer data in the log
    clean.new_run()
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="tokodesk.marketplace.clean"):
        tts_parse(tts.raw_order(buyer_message="a\x00b"))
    assert len(caplog.records) == 1  # a new run logs again


@pytest.fixture
def channel(any_database):
    return m.Channel.create(name="toko", marketplace="tokopedia", order_sync_from=datetime(2024, 5, 1))


def _raw_page(orders: list[dict], dirty: dict[int, str]) -> str:
    """A JSON page whose order `i` carries `dirty[i]` (JSON text, escapes included) as the buyer's name."""
    text = json.dumps(orders)
    for i, value in dirty.items():
        text = text.replace(f'"BUYER-{i}"', f'"{value}"')
    return text


def test_tokopedia_pull_stores_every_order_of_a_page_with_broken_text(channel, clock, rsps):
    tkp.add_token(rsps)
    orders = [tkp.list_order(100 + i, buyer={"Name": f"BUYER-{i}"}) for i in range(86)]
    orders[3]["recipient"]["address"]["address_full"] = "Jl. Melati\u0000 5\nRT 2"
    page = _raw_page(orders, {0: f"Budi {CUT_EMOJI}", 1: f"Siti{NUL}Aminah", 2: "x" * 400})
    body = '{"header": {"messages": "ok"}, "data": ' + page + "}"
    served = []

    def orders_page(request):
        served.append(request)
        return (200, {}, body if len(served) == 1 else json.dumps(tkp.envelope([])))

    rsps.add_callback(responses.GET, f"{tkp.API}/v2/order/list", callback=orders_page)
    client = tkp.make_client(clock)
    summary = order_service.pull_orders(channel, client, now=datetime(2024, 5, 1, 12))
    assert (summary.status, summary.created, summary.failed) == ("ok", 86, 0), summary.errors
    by_id = {o.order_id: o for o in m.Order.select()}
    assert by_id["100"].buyer_name == "Budi \ufffd"
    assert by_id["101"].buyer_name == "Siti\ufffdAminah"
    assert len(by_id["102"].buyer_name) == 255
    assert by_id["103"].recipient_address == "Jl. Melati\ufffd 5\nRT 2"  # multi-line: the line break stays
    # The next pull reads the same page again without dying either.
    served.clear()
    again = order_service.pull_orders(m.Channel.get_by_id(channel.id), client, now=datetime(2024, 5, 1, 13))
    assert again.status == "ok" and again.failed == 0


def test_tiktokshop_pull_stores_every_order_with_broken_text(channel):
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        client, _ = tts.make_client()
        orders = [tts.raw_order(order_id=str(5000 + i)) for i in range(5)]
        orders[0]["recipient_address"]["name"] = "BUYER-0"
        orders[1]["line_items"][0]["product_name"] = "BUYER-1"
        orders[2]["buyer_message"] = "BUYER-2"
        page = _raw_page(orders, {0: f"Budi {CUT_EMOJI}", 1: "Kaos" + NUL * 3, 2: f"note {CUT_EMOJI}\\nline 2"})
        body = '{"code": 0, "message": "Success", "request_id": "r", "data": {"orders": ' + page + "}}"
        rsps.add(responses.POST, f"{tts.API}/order/202309/orders/search", body=body,
                 content_type="application/json")
        m.Channel.update(marketplace="tiktokshop").execute()
        now = tts.utc(tts.NOW).replace(tzinfo=None)
        summary = order_service.pull_orders(m.Channel.get_by_id(channel.id), client, now=now,
                                            since=now - timedelta(hours=2))
    assert (summary.created, summary.failed) == (5, 0), summary.errors
    first = m.Order.get(m.Order.order_id == "5000")
    assert first.buyer_name == first.recipient_name == "Budi \ufffd"
    assert m.OrderLine.get(m.OrderLine.name.startswith("Kaos\ufffd")).name == "Kaos\ufffd\ufffd\ufffd - M"
    assert m.Order.get(m.Order.order_id == "5002").buyer_note == "note \ufffd\nline 2"


def test_the_store_records_an_order_it_cannot_store_and_stores_the_rest(channel):
    """Defence behind the cleaning: an order that reaches the store uncleaned fails alone."""
    created = datetime(2024, 5, 1, 10, tzinfo=timezone.utc)

    def order(order_id: str, buyer: str) -> base.Order:
        return base.Order(order_id=order_id, invoice=f"INV/{order_id}", marketplace_status="220",
                          state=base.OrderState.NEW, created_at=created, buyer_name=buyer,
                          lines=[base.OrderLine(product_id=f"p{order_id}", sku="S", name="n", quantity=1)])

    page = [order("1", "Budi"), order("2", "bad \ud83d and \x00"), order("3", "Siti")]
    with m.db.atomic():
        result = order_service.store_orders(channel, page)
    assert result.created == 2
    assert [oid for oid, _ in result.failed] == ["2"]
    assert "could not be stored" in result.failed[0][1]
    assert sorted(o.order_id for o in m.Order.select()) == ["1", "3"]
    # Products first seen on the failed order were rolled back with it; the others' were kept.
    assert sorted(p for (p,) in m.SkuMapping.select(m.SkuMapping.product_id).tuples()) == ["p1", "p3"]
    json.dumps(result.failed[0][1])  # storable in a run's errors
    result.failed[0][1].encode("utf-8")


def test_returns_are_cleaned_and_one_with_a_broken_id_is_left_out():
    from tokodesk.marketplace.tiktokshop import returns

    def raw_return(return_id: str, reason: str, name: str) -> dict:
        return {"return_id": return_id, "order_id": "576000000000000001", "return_status": "BUYER_SHIPPED_ITEM",
                "return_reason_text": reason, "return_line_items": [
                    {"return_line_item_id": "r1", "sku_id": "sku-1", "seller_sku": "K", "product_name": name}]}

    page = json.loads(json.dumps({"return_orders": [
        raw_return("R1", "rusak \ud83d", "Kaos\x00"), raw_return("R\x002", "x", "y"), raw_return("R3", "ok", "ok")]}))

    class Api:
        def call(self, *args, **kwargs):
            return page

    [found] = list(returns.search(Api()))
    assert [r.return_id for r in found] == ["R1", "R3"]
    assert found[0].reason_text == "rusak \ufffd" and found[0].lines[0].name == "Kaos\ufffd"
