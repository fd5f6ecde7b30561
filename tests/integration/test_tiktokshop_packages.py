"""Orders have packages, and packages have orders (issue 16 §2, §5), on the sandbox's TikTok Shop dialect.

The sandbox learnt the documented package model first (tokodesk/sandbox/tiktokshop_packages.py): an order split into
several packages, a combined package serving several orders of one buyer, PARTIALLY_SHIPPING while some packages
wait, 21011040 for a package shipped twice, combine / uncombine giving new package ids. Seller Center's own moves are
the dialect's control hooks (`split_order`, `combine_orders`, `uncombine_package`). Every test counts the ship
requests the sandbox received per package: each package ships exactly once.
"""

from __future__ import annotations

import json

import pytest

from tests.integration.test_tiktokshop_fulfilment import pulled
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
from tokodesk.marketplace.base import MarketplaceError
from tokodesk.sandbox import Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services import statuses
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.services.orders import pull_orders
from tokodesk.services.packages import packages_of
from tokodesk.store import models as m


def multi_line(sb, n: int = 1) -> list:  # noqa: ANN001, F811
    """Shop orders waiting to be shipped that have two lines or more (so they can be split by SKU)."""
    found = [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)
             if len(o.lines) >= 2 and not o.courier.own and o.cancel_request is None
             and sb.dialect.order_status(o) == "AWAITING_SHIPMENT"]
    assert len(found) >= n, f"the generated shop has {len(found)} multi-line orders to ship, the test needs {n}"
    return found[:n]


def same_buyer(sb, n: int = 2) -> list:  # noqa: ANN001, F811
    """`n` waiting single-package orders made to belong to one buyer at one address, on one courier service."""
    found = [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)
             if not o.courier.own and o.cancel_request is None
             and sb.dialect.order_status(o) == "AWAITING_SHIPMENT"]
    first = found[0]
    group = [first] + [o for o in found[1:] if o.courier == first.courier][: n - 1]
    assert len(group) == n
    for o in group[1:]:
        o.buyer, o.recipient = first.buyer, first.recipient
    return group


def in_seller_center(sb, hook, *args):  # noqa: ANN001, ANN202, F811
    """A move the seller makes in Seller Center; a second later TokoDesk looks (an update at the very second a pull
    ends is seen by the next pull, as on the marketplace)."""
    result = hook(*args)
    sb.advance(1)
    return result


def stored(o) -> m.Order:  # noqa: ANN001
    return m.Order.get(m.Order.order_id == tj.order_id(o))


def requests_per_package(sb) -> dict[str, int]:  # noqa: ANN001, F811
    return dict(sb.dialect.book.ship_requests)


def test_a_split_order_ships_every_package_once_and_stores_what_it_read_back(sb, channel, client):  # noqa: F811
    [o] = multi_line(sb)
    a, b = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    pulled(sb, channel, client)
    order = stored(o)
    assert [p.package_id for p in packages_of(order)] == sorted([a, b])
    service = Fulfilment(adapters=lambda c: client)
    service.pack([order])
    [result] = service.ship([order])
    assert result.ok and result.state == "awaiting_pickup", result.error
    assert requests_per_package(sb) == {a: 1, b: 1}
    row = fresh(order)
    # 16.5: what the marketplace says right after the ship is stored at once, not at the next pull.
    assert row.marketplace_status == "AWAITING_COLLECTION"
    kept = {p.package_id: p for p in packages_of(row)}
    assert {p.status for p in kept.values()} == {"PROCESSING"}
    numbers = {p.tracking_number for p in kept.values()}
    assert len(numbers) == 2 and None not in numbers  # each package its own tracking number
    assert shop_order(sb, order).status == Status.AWAITING_PICKUP


def test_partly_shipped_is_its_own_state_and_shipping_it_ships_the_rest_only(sb, channel, client, capsys):  # noqa: F811
    [o] = multi_line(sb)
    a, b = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    pulled(sb, channel, client)
    order = stored(o)
    Fulfilment(adapters=lambda c: client).pack([order])
    # Package A is shipped in Seller Center; B waits.
    sb.dialect.book.ship(sb.dialect.book.get(a), sb.clock.now())
    assert sb.dialect.order_status(o) == "PARTIALLY_SHIPPING"
    statuses.refresh_statuses(fresh(channel), client, now=shop_now(sb))
    row = fresh(order)
    assert row.state == "partly_shipped" and row.marketplace_status == "PARTIALLY_SHIPPING"
    assert main(["orders", "list", "--state", "partly_shipped", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [r["order_id"] for r in listed] == [order.order_id]
    assert main(["orders", "ship", order.order_id, "--json"]) == 0
    [out] = json.loads(capsys.readouterr().out)
    assert out["ok"] and out["state"] == "awaiting_pickup"
    assert requests_per_package(sb) == {b: 1}  # A was never sent again (it would answer 21011040)


def test_a_package_shipped_twice_is_refused_by_the_sandbox(sb, channel, client):  # noqa: F811
    [o] = multi_line(sb)
    a, _b = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    client.api.call("POST", f"/fulfillment/202309/packages/{a}/ship", body={}, idempotent=False)
    assert client.get_order(tj.order_id(o)).marketplace_status == "PARTIALLY_SHIPPING"
    with pytest.raises(MarketplaceError) as err:
        client.api.call("POST", f"/fulfillment/202309/packages/{a}/ship", body={}, idempotent=False)
    assert err.value.error_code == "21011040"


def test_a_split_done_in_seller_center_after_the_pull_is_shipped_by_its_new_ids(sb, channel, client):  # noqa: F811
    [o] = multi_line(sb)
    pulled(sb, channel, client)
    order = stored(o)
    [old] = [p.package_id for p in packages_of(order)]
    service = Fulfilment(adapters=lambda c: client)
    service.pack([order])
    a, b = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))  # between the pull and the ship
    [result] = service.ship([order])
    assert result.ok and result.state == "awaiting_pickup", result.error
    assert requests_per_package(sb) == {a: 1, b: 1} and old not in requests_per_package(sb)
    assert sorted(p.package_id for p in packages_of(fresh(order))) == sorted([a, b])


def test_a_combined_package_of_two_orders_ships_once_for_both(sb, channel, client, capsys):  # noqa: F811
    first, second = same_buyer(sb)
    package = in_seller_center(sb, sb.dialect.combine_orders, [tj.order_id(first), tj.order_id(second)])
    pulled(sb, channel, client)
    one, two = stored(first), stored(second)
    for order in (one, two):
        [p] = packages_of(order)
        assert p.package_id == package and sorted(p.order_ids) == sorted([one.order_id, two.order_id])
    assert m.Package.select().where(m.Package.package_id == package).count() == 1
    assert main(["orders", "pack", one.order_id, two.order_id, "--json"]) == 0
    capsys.readouterr()
    assert main(["orders", "ship", one.order_id, two.order_id, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(r["ok"], r["state"]) for r in out] == [(True, "awaiting_pickup")] * 2
    assert requests_per_package(sb) == {package: 1}


def test_shipping_one_order_of_a_combined_package_settles_the_other(sb, channel, client):  # noqa: F811
    first, second = same_buyer(sb)
    package = in_seller_center(sb, sb.dialect.combine_orders, [tj.order_id(first), tj.order_id(second)])
    pulled(sb, channel, client)
    one, two = stored(first), stored(second)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([one, two])
    [result] = service.ship([one])
    assert result.ok and result.state == "awaiting_pickup"
    # The other order travels in the same parcel: read back and stored at once, not shipped again.
    assert fresh(two).state == "awaiting_pickup" and fresh(two).marketplace_status == "AWAITING_COLLECTION"
    [again] = service.ship([two])
    assert again.refused and requests_per_package(sb) == {package: 1}


def test_combined_in_seller_center_between_pull_and_ship(sb, channel, client):  # noqa: F811
    first, second = same_buyer(sb)
    pulled(sb, channel, client)
    one, two = stored(first), stored(second)
    old = {p.package_id for order in (one, two) for p in packages_of(order)}
    service = Fulfilment(adapters=lambda c: client)
    service.pack([one, two])
    package = in_seller_center(sb, sb.dialect.combine_orders, [one.order_id, two.order_id])
    results = service.ship([one, two])
    assert all(r.ok and r.state == "awaiting_pickup" for r in results), [r.error for r in results]
    assert requests_per_package(sb) == {package: 1}
    assert not old & set(requests_per_package(sb))


def test_uncombined_in_seller_center_between_pull_and_ship(sb, channel, client):  # noqa: F811
    first, second = same_buyer(sb)
    package = in_seller_center(sb, sb.dialect.combine_orders, [tj.order_id(first), tj.order_id(second)])
    pulled(sb, channel, client)
    one, two = stored(first), stored(second)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([one, two])
    new = in_seller_center(sb, sb.dialect.uncombine_package, package)
    [mine] = sb.dialect.packages_of(one.order_id)
    [result] = service.ship([one])
    assert result.ok and result.state == "awaiting_pickup", result.error
    # Only the first order's own new package went: the second order's parcel waits for its own ship.
    assert requests_per_package(sb) == {mine: 1}
    assert sb.dialect.order_status(shop_order(sb, two)) == "AWAITING_SHIPMENT" and fresh(two).state == "ready_to_ship"
    [later] = service.ship([two])
    assert later.ok, later.error
    assert requests_per_package(sb) == dict.fromkeys(new, 1) and package not in requests_per_package(sb)


def test_a_lost_ship_answer_of_a_split_order_sends_no_package_twice(sb, channel, client):  # noqa: F811
    [o] = multi_line(sb)
    a, b = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    pulled(sb, channel, client)
    order = stored(o)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([order])
    sb.faults.force("ship", "lost", 1)  # the first package ships, its answer never comes
    [result] = service.ship([order])
    assert result.ok and result.state == "awaiting_pickup", result.error
    assert requests_per_package(sb) == {a: 1, b: 1}
    assert {a_.status for a_ in m.Action.select()} == {"done"}


def test_pull_after_pull_keeps_one_package_row_per_package(sb, channel, client):  # noqa: F811
    [o] = multi_line(sb)
    in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    ch = pulled(sb, channel, client)
    before = m.Package.select().count(), m.PackageOrder.select().count()
    pull_orders(ch, client, now=shop_now(sb))
    statuses.refresh_statuses(fresh(ch), client, now=shop_now(sb))
    assert (m.Package.select().count(), m.PackageOrder.select().count()) == before
    assert before[0] == m.Order.select().count() + 1  # one package an order, two for the split one


def test_combine_and_uncombine_from_the_cli_through_the_outbox(sb, channel, client, capsys):  # noqa: F811
    first, second = same_buyer(sb)
    pulled(sb, channel, client)
    one, two = stored(first), stored(second)
    assert main(["orders", "combinable", "--json"]) == 0
    offered = json.loads(capsys.readouterr().out)
    assert [sorted(g["order_ids"]) for g in offered] == [sorted([one.order_id, two.order_id])]
    assert main(["orders", "combine", one.order_id, two.order_id, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert all(r["ok"] for r in out), out
    [package] = sb.dialect.packages_of(one.order_id)
    assert sb.dialect.packages_of(two.order_id) == [package] and sb.dialect.combine_requests == 1
    # Stored at once: both orders now have the one new package.
    for order in (one, two):
        assert [p.package_id for p in packages_of(fresh(order))] == [package]
    assert [a.kind for a in m.Action.select()] == ["combine"] and m.Action.get().status == "done"
    assert main(["orders", "list", "--json"]) == 0
    listed = {r["order_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed[one.order_id]["packages"][0]["order_ids"] == sorted([one.order_id, two.order_id])

    assert main(["orders", "uncombine", package, "--json"]) == 0
    assert all(r["ok"] for r in json.loads(capsys.readouterr().out))
    mine, theirs = sb.dialect.packages_of(one.order_id), sb.dialect.packages_of(two.order_id)
    assert len(mine) == len(theirs) == 1 and package not in mine + theirs and mine != theirs
    assert [p.package_id for p in packages_of(fresh(one))] == mine
    assert not m.Package.select().where(m.Package.package_id == package).exists()


def test_combine_refuses_orders_the_marketplace_does_not_offer(sb, channel, client, capsys):  # noqa: F811
    pulled(sb, channel, client)
    a, b = to_ship(sb, 2)
    assert shop_order(sb, a).buyer != shop_order(sb, b).buyer
    assert main(["orders", "combine", a.order_id, b.order_id, "--json"]) == 2
    [out, _] = json.loads(capsys.readouterr().out)
    assert out["refused"] and "does not offer to combine" in out["error"]
    assert not m.Action.select().exists() and sb.dialect.combine_requests == 0


def test_a_lost_combine_answer_is_settled_by_reading_the_orders(sb, channel, client):  # noqa: F811
    first, second = same_buyer(sb)
    pulled(sb, channel, client)
    one, two = stored(first), stored(second)
    sb.faults.force("combine", "lost", 1)
    results = Fulfilment(adapters=lambda c: client).combine([one, two])
    assert all(r.ok for r in results), [r.error for r in results]
    assert sb.dialect.combine_requests == 1
    [package] = sb.dialect.packages_of(one.order_id)
    assert [p.package_id for p in packages_of(fresh(two))] == [package]


def test_the_manifest_lists_shipped_packages_with_their_tracking_numbers(sb, channel, client, tmp_path, capsys):  # noqa: F811
    [o] = multi_line(sb)
    a, b = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    pulled(sb, channel, client)
    split = stored(o)
    courier = split.courier
    others = [x for x in to_ship(sb, 12) if x.courier == courier and x.id != split.id]
    assert len(others) >= 2, "the test needs two more orders of the split order's courier"
    shipped_too, packed_only = others[:2]
    service = Fulfilment(adapters=lambda c: client)
    service.pack([split, shipped_too, packed_only])
    assert all(r.ok for r in service.ship([split, shipped_too]))
    out = tmp_path / "manifest.pdf"
    assert main(["manifest", courier, "--pdf", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    awaiting = {o.order_id for o in m.Order.select().where(
        (m.Order.courier == courier) & m.Order.state.in_(["awaiting_pickup", "partly_shipped"]))}
    assert {split.order_id, shipped_too.order_id} <= awaiting  # and those the shop had awaiting collection already
    assert sorted(summary["orders"]) == sorted(awaiting)
    mine = [p for p in summary["parcels"] if split.order_id in p["orders"]]
    assert sorted(p["package_id"] for p in mine) == sorted([a, b])  # the split order is two parcels
    assert len(summary["parcels"]) == len(awaiting) + 1
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() for page in PdfReader(str(out)).pages)
    numbers = [p.tracking_number for p in packages_of(fresh(split))] + [fresh(shipped_too).awb]
    assert len(set(numbers)) == 3 and all(numbers)
    assert all(n in text for n in numbers), text  # one row per package, each with its tracking number
    assert "—" not in text and packed_only.invoice not in text  # packed but not shipped: not handed over


def test_each_package_of_a_split_order_has_its_label_kept_at_ship(sb, channel, client, capsys, tmp_path):  # noqa: F811
    [o] = multi_line(sb)
    a, b = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    ch = pulled(sb, channel, client)
    m.Channel.update(use_marketplace_label=True).where(m.Channel.id == ch.id).execute()
    order = stored(o)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([order])
    assert all(r.ok for r in service.ship([order]))
    assert sorted(sb.dialect.document_calls) == sorted([a, b])  # each package's own shipping document
    kept = {p.package_id: p for p in m.Package.select().where(m.Package.package_id.in_([a, b]))}
    assert all(p.document_kept_at is not None for p in kept.values()), [
        (p.status, p.document_kept_at, fresh(order).problem) for p in kept.values()]
    from pypdf import PdfReader

    from tokodesk.services.fulfilment.kept_labels import label_path

    reader = PdfReader(str(label_path(fresh(order))))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) == 2 and all(kept[p].tracking_number in text for p in (a, b))


def test_the_label_of_a_combined_package_prints_once_for_its_orders(sb, channel, client, capsys, tmp_path):  # noqa: F811
    first, second = same_buyer(sb)
    package = in_seller_center(sb, sb.dialect.combine_orders, [tj.order_id(first), tj.order_id(second)])
    ch = pulled(sb, channel, client)
    m.Channel.update(use_marketplace_label=True).where(m.Channel.id == ch.id).execute()
    one, two = stored(first), stored(second)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([one, two])
    assert all(r.ok for r in service.ship([one, two]))
    out = tmp_path / "labels.pdf"
    assert main(["labels", one.order_id, two.order_id, "--pdf", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert sorted(summary["orders"]) == sorted([one.order_id, two.order_id]) and summary["skipped"] == []
    from pypdf import PdfReader

    reader = PdfReader(str(out))
    assert len(reader.pages) == 1  # one parcel, one label
    [kept] = m.Package.select().where(m.Package.package_id == package)
    assert kept.tracking_number in reader.pages[0].extract_text()


def test_the_demo_shop_has_a_split_order_and_two_combinable_orders(sb, channel, client):  # noqa: F811
    seeded = sb.dialect.seed_package_examples()
    sb.advance(1)
    [split_id], pair = seeded["split"], seeded["combinable"]
    assert len(sb.dialect.packages_of(split_id)) >= 2 and len(pair) == 2
    assert sorted(pair) in [sorted(g.order_ids) for g in client.combinable_packages()] or \
        sb.dialect.order_status(sb.order(tj.decode(pair[0], tj.ORDER_BASE))) == "ON_HOLD"


def test_a_combined_package_another_station_is_shipping_is_not_sent_again(sb, channel, client):  # noqa: F811
    from tokodesk.services import outbox
    from tokodesk.services.fulfilment import resume_pending

    first, second = same_buyer(sb)
    package = in_seller_center(sb, sb.dialect.combine_orders, [tj.order_id(first), tj.order_id(second)])
    pulled(sb, channel, client)
    one, two = stored(first), stored(second)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([one, two])
    # Another station claimed the ship of the second order and is sending it right now.
    with m.db.atomic():
        theirs = outbox.enqueue(fresh(two), "ship", {"method": "pickup", "expected": "awaiting_pickup"}, "pc-2")
    assert outbox.claim(theirs, "pc-2")
    [result] = service.ship([one])
    assert result.pending and "same parcel" in result.error
    assert requests_per_package(sb) == {}  # nothing sent: the other station's ship sends the parcel
    # The other station's request goes through; the next sync settles this order by reading it, sending nothing.
    client.api.call("POST", f"/fulfillment/202309/packages/{package}/ship", body={}, idempotent=False)
    outbox.settle(theirs, outbox.DONE, "")
    assert all(r.ok for r in resume_pending(fresh(channel), client))
    assert fresh(one).state == "awaiting_pickup" and requests_per_package(sb) == {package: 1}


def _own_label_codes(path) -> list[tuple[str, str]]:  # noqa: ANN001
    """(barcode, page text) per page of TokoDesk's own labels."""
    from pypdf import PdfReader

    from tests.unit.test_documents_support import decode

    pdf = path.read_bytes()
    pages = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        codes = [text for kind, text in decode(pdf, number) if kind == "Code128"]
        pages.append((codes[0] if codes else "", page.extract_text()))
    return pages


def test_own_labels_give_each_package_of_a_split_order_its_own_label(sb, channel, client, capsys, tmp_path):  # noqa: F811
    """With TokoDesk's own labels, the second parcel of a split order had no label (both carried the first
    package's tracking number, or one label for the order)."""
    [o] = multi_line(sb)
    a, b = in_seller_center(sb, sb.dialect.split_order, tj.order_id(o))
    ch = pulled(sb, channel, client)
    assert not m.Channel.get_by_id(ch.id).use_marketplace_label
    order = stored(o)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([order])
    assert all(r.ok for r in service.ship([order]))
    numbers = {p.package_id: p.tracking_number for p in packages_of(fresh(order))}
    out = tmp_path / "labels.pdf"
    assert main(["labels", order.order_id, "--pdf", str(out), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["orders"] == [order.order_id] and summary["skipped"] == []
    pages = _own_label_codes(out)
    assert sorted(code for code, _ in pages) == sorted([numbers[a], numbers[b]])
    assert all("1/2" in text or "2/2" in text for _, text in pages)


def test_own_label_of_a_combined_package_prints_once(sb, channel, client, capsys, tmp_path):  # noqa: F811
    first, second = same_buyer(sb)
    package = in_seller_center(sb, sb.dialect.combine_orders, [tj.order_id(first), tj.order_id(second)])
    pulled(sb, channel, client)
    one, two = stored(first), stored(second)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([one, two])
    assert all(r.ok for r in service.ship([one, two]))
    out = tmp_path / "labels.pdf"
    assert main(["labels", one.order_id, two.order_id, "--pdf", str(out), "--json"]) == 0
    capsys.readouterr()
    [kept] = m.Package.select().where(m.Package.package_id == package)
    assert [code for code, _ in _own_label_codes(out)] == [kept.tracking_number]
