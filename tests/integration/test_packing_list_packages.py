"""The packing list of a split order gives the packer something to scan for each parcel (issue 21 per package), on
the sandbox's Tokopedia & Shop dialect: a block per package with its id as a Code 128 barcode and the items in it,
in English and Indonesian; the decoded barcode, scanned at the pack station, finds that package. Where the
marketplace has not said what a package holds, the list says so and lists the order's items once. An order of one
package prints exactly as an order without packages."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.test_tiktokshop_packages import in_seller_center, multi_line, stored
from tests.integration.tiktokshop_setup import channel, client, sb  # noqa: F401 - fixtures
from tests.unit.test_documents_support import decode, needs_poppler
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.services.pack_check import load_check
from tokodesk.services.pack_scan import find_scan
from tokodesk.store import models as m


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).split())


def _packing_list(adapter, order: m.Order, monkeypatch, lang: str) -> bytes:  # noqa: ANN001
    monkeypatch.setenv("TOKODESK_LANG", lang)
    return Fulfilment(adapters=lambda _c: adapter).documents().packing_lists([order])


@pytest.fixture
def split(sb, channel, client):  # noqa: F811
    """A two-line order split in Seller Center (one package per line), pulled: the marketplace said what each holds."""
    [o] = multi_line(sb)
    packages = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    pulled(sb, channel, client)
    return stored(o), packages


@needs_poppler
def test_each_package_of_a_split_order_has_its_barcode_and_its_items(split, channel, client, monkeypatch):  # noqa: F811
    order, packages = split
    assert len(packages) >= 2
    items = {p: [(ln.sku, ln.quantity) for ln in load_check(order.id, p).lines] for p in packages}
    assert all(load_check(order.id, p).package_lines_known for p in packages)
    for lang, words in (("en", ("This order ships in", "Package 1/", "SKU")),
                        ("id", ("Pesanan ini dikirim dalam", "Paket 1/", "Jml"))):
        pdf = _packing_list(client, order, monkeypatch, lang)
        text = _text(pdf)
        assert all(word in text for word in words), text
        if lang == "id":
            assert "This order ships" not in text and "not known yet" not in text
        starts = [text.index(p) for p in packages]
        assert starts == sorted(starts), "the packages in their order"
        for i, package in enumerate(packages):
            block = text[starts[i]:starts[i + 1] if i + 1 < len(packages) else len(text)]
            for sku, _quantity in items[package]:
                assert sku in block, f"{sku} under {package}: {block}"
            others = {sku for p in packages if p != package for sku, _q in items[p]} - {s for s, _q in items[package]}
            assert not any(sku in block for sku in others), f"another parcel's item under {package}: {block}"
        found = decode(pdf)
        assert sorted(value for fmt, value in found if fmt == "Code128") == sorted(packages)
        for _fmt, value in found:
            hit = find_scan(channel.id, value)
            assert hit is not None and (hit.order_pk, hit.package_id, hit.by_package) == (order.id, value, True)


def test_packages_whose_items_are_not_known_say_so_and_the_order_is_listed_once(split, client, monkeypatch):  # noqa: F811
    order, packages = split
    m.PackageOrder.update(units=None).execute()  # read before the marketplace's units were stored
    skus = [line.seller_sku for line in order.lines]
    for lang, unknown, heading in (
        ("en", "Which items travel in this package is not known yet", "Items of the order"),
        ("id", "Isi paket ini belum diketahui", "Barang dalam pesanan"),
    ):
        text = _text(_packing_list(client, order, monkeypatch, lang))
        assert text.count(unknown) == len(packages), text
        assert text.count(heading) == 1 and all(text.count(sku) == 1 for sku in skus), text
        assert text.index(heading) > text.index(packages[-1]), "the order's items once, after its parcels"


def test_an_order_of_one_package_prints_as_before(sb, channel, client, monkeypatch):  # noqa: F811
    pulled(sb, channel, client)
    order = next(o for o in m.Order.select().where(m.Order.state == "acknowledged")
                 if o.package_links.count() == 1 and o.lines.count() >= 2)
    [package_id] = [link.package.package_id for link in order.package_links]
    texts = {lang: _text(_packing_list(client, order, monkeypatch, lang)) for lang in ("en", "id")}
    for text in texts.values():
        assert package_id not in text and "1/1" not in text
        assert all(line.seller_sku in text for line in order.lines)
    m.PackageOrder.delete().where(m.PackageOrder.order == order.id).execute()  # as an order without packages
    assert {lang: _text(_packing_list(client, order, monkeypatch, lang)) for lang in ("en", "id")} == texts
