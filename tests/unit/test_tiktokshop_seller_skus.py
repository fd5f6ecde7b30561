"""Seller SKU codes on Tokopedia & Shop (issue 23), with `responses`: the Partial Edit request carries every SKU of
the product exactly as Get Product returned it (images, identifier codes, external ids, every warehouse), only the
code replaced, and holds to the OAS; what cannot be carried unchanged is refused before anything is sent."""

from __future__ import annotations

import copy

import pytest
import requests
import responses

from tests.oas_check import check
from tests.unit.test_tiktokshop_support import API, body_of, fail, make_client, mock_http, ok
from tokodesk.marketplace.base import CatalogRow

PRODUCT = f"{API}/product/202309/products/p1"
EDIT = f"{API}/product/202309/products/p1/partial_edit"
SEARCH = f"{API}/product/202502/products/search"


@pytest.fixture
def rsps():
    yield from mock_http()


def rich_sku(sid: str, code: str, colour: str) -> dict:
    return {
        "id": sid, "seller_sku": code, "external_sku_id": f"ext-{sid}",
        "price": {"currency": "IDR", "sale_price": "45000", "tax_exclusive_price": "45000"},
        "inventory": [{"warehouse_id": "wh-1", "quantity": 12}, {"warehouse_id": "wh-2", "quantity": 3}],
        "sales_attributes": [{"id": "100000", "name": "Warna", "value_id": f"v-{colour}", "value_name": colour,
                              "sku_img": {"uri": f"tos/{colour}", "urls": ["https://img/1"], "height": 600,
                                          "width": 600, "thumb_urls": ["https://img/t"]}}],
        "identifier_code": {"code": "12345678901234", "type": "GTIN"},
        "status_info": {"status": "NORMAL"},
    }


def product(**extra) -> dict:
    skus = [rich_sku("s1", "KAOS-MERAH", "Merah"), rich_sku("s2", "KAOS-BIRU", "Biru"),
            rich_sku("s3", "KAOS-HIJAU", "Hijau")]
    return {"id": "p1", "title": "Kaos", "status": "ACTIVATE", "has_draft": False, "audit": {"status": "APPROVED"},
            "skus": skus, **extra}


def row(**extra) -> CatalogRow:
    values = {"product_id": "s2", "parent_id": "p1", "seller_sku": "KAOS-NAVY", "old_seller_sku": "KAOS-BIRU",
              "siblings": ("s1", "s2", "s3")}
    values.update(extra)
    return CatalogRow(**values)


def test_the_edit_sends_every_sku_as_read_with_only_the_code_replaced_and_follows_the_oas(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, SEARCH, json=ok({"products": []}))
    rsps.add(responses.GET, PRODUCT, json=ok(product()))
    rsps.add(responses.GET, PRODUCT, json=ok(product()))
    rsps.add(responses.POST, EDIT, json=ok({"product_id": "p1", "audit": {"status": "APPROVED"}}))
    (result,) = client.set_seller_skus([row()])
    assert result.ok, result.message
    edit = rsps.calls[-1]
    body = body_of(edit)
    assert [s["id"] for s in body["skus"]] == ["s1", "s2", "s3"]  # none left out: omitted SKUs are deleted
    assert [s["seller_sku"] for s in body["skus"]] == ["KAOS-MERAH", "KAOS-NAVY", "KAOS-HIJAU"]
    first = body["skus"][0]
    assert first["price"] == {"amount": "45000", "currency": "IDR"}
    assert first["inventory"] == [{"warehouse_id": "wh-1", "quantity": 12}, {"warehouse_id": "wh-2", "quantity": 3}]
    assert first["sales_attributes"] == [{"id": "100000", "name": "Warna", "value_id": "v-Merah",
                                          "value_name": "Merah", "sku_img": {"uri": "tos/Merah"}}]
    assert first["identifier_code"] == {"code": "12345678901234", "type": "GTIN"}
    assert first["external_sku_id"] == "ext-s1"
    request = edit.request
    path = request.path_url.split("?")[0]
    query = dict(p.split("=", 1) for p in request.path_url.split("?")[1].split("&"))
    assert check("POST", path, query, request.headers, request.body) == []


@pytest.mark.parametrize(("change", "words"), [
    (lambda p: p.update(has_draft=True), "unfinished draft"),
    (lambda p: p.update(audit={"status": "AUDITING"}), "being reviewed"),
    (lambda p: p.update(status="FREEZE"), "FREEZE"),
    (lambda p: p["skus"][0]["inventory"][0].update(backorder_quantity=5), "backorder"),
    (lambda p: p["skus"][0].update(combined_skus=[{"sku_id": "x"}]), "virtual bundle"),
    (lambda p: p["skus"][0].update(new_thing={"a": 1}), "fields TokoDesk cannot send back unchanged (new_thing)"),
    (lambda p: p["skus"].pop(2), "did not return 1 SKU(s)"),
    (lambda p: p["skus"][1].update(seller_sku="KAOS-BIRU-2"), "its code on the marketplace is now 'KAOS-BIRU-2'"),
    (lambda p: p["skus"][0].update(seller_sku="KAOS-NAVY"), "already has the code 'KAOS-NAVY'"),
])
def test_what_cannot_be_carried_unchanged_is_refused_and_nothing_sent(rsps, change, words):
    client, _ = make_client()
    raw = product()
    change(raw)
    rsps.add(responses.POST, SEARCH, json=ok({"products": []}))
    rsps.add(responses.GET, PRODUCT, json=ok(raw))
    rsps.add(responses.GET, PRODUCT, json=ok(raw))
    (result,) = client.set_seller_skus([row()])
    assert not result.ok and not result.unknown
    assert words in result.message and "nothing was sent" in result.message
    assert not [c for c in rsps.calls if c.request.url.startswith(EDIT)]


def test_a_product_changed_between_the_read_and_the_write_is_refused(rsps):
    client, _ = make_client()
    later = product()
    later["skus"][2]["inventory"][0]["quantity"] = 11  # a sale landed
    rsps.add(responses.POST, SEARCH, json=ok({"products": []}))
    rsps.add(responses.GET, PRODUCT, json=ok(product()))
    rsps.add(responses.GET, PRODUCT, json=ok(later))
    (result,) = client.set_seller_skus([row()])
    assert not result.ok and "changed on the marketplace while TokoDesk read it" in result.message
    assert not [c for c in rsps.calls if c.request.url.startswith(EDIT)]


def test_a_code_another_sku_of_the_shop_has_is_refused(rsps):
    client, _ = make_client()
    rsps.add(responses.POST, SEARCH, json=ok({"products": [
        {"id": "p9", "title": "Celana", "skus": [{"id": "s9", "seller_sku": "KAOS-NAVY"}]}]}))
    (result,) = client.set_seller_skus([row()])
    assert not result.ok and "already used on the marketplace by SKU s9 of product p9" in result.message
    assert len(rsps.calls) == 1


def test_a_refusal_from_the_marketplace_is_said_and_a_lost_answer_is_unknown(rsps):
    client, _ = make_client()
    for answer in (fail(12052011, "seller_sku is invalid"), requests.ReadTimeout("read timed out")):
        rsps.add(responses.POST, SEARCH, json=ok({"products": []}))
        rsps.add(responses.GET, PRODUCT, json=ok(copy.deepcopy(product())))
        rsps.add(responses.GET, PRODUCT, json=ok(copy.deepcopy(product())))
        if isinstance(answer, Exception):
            rsps.add(responses.POST, EDIT, body=answer)
        else:
            rsps.add(responses.POST, EDIT, json=answer)
    refused, lost = client.set_seller_skus([row(), row()])
    assert not refused.ok and not refused.unknown and refused.message
    assert not lost.ok and lost.unknown
    assert len([c for c in rsps.calls if c.request.url.startswith(EDIT)]) == 2  # the lost one was not repeated
