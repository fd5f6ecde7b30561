"""Complaints 1-3 (field-anchors §4): stock pushes that skip old items, the oversell window, variants failing the
batch. End to end against the sandbox in both dialects, through the CLI and the services the GUI calls."""

from __future__ import annotations

from collections import defaultdict

from tokodesk.marketplace.base import RESERVING_STATES, SHIPPED_STATES
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services import stock_push
from tokodesk.store import models as m


def mapped_rows() -> list[m.SkuMapping]:
    return list(m.SkuMapping.select().where(m.SkuMapping.seller_sku.is_null(False)).order_by(m.SkuMapping.id))


def shop_number(shop, mapping: m.SkuMapping) -> int:  # noqa: ANN001
    """The sandbox's own product (variant) number behind a mapping."""
    if shop.dialect == "tokopedia":
        return int(mapping.product_id)
    return tj.decode(mapping.sku_id, tj.SKU_BASE)


def marketplace_stock(shop, mapping: m.SkuMapping) -> int:  # noqa: ANN001
    return shop.sb.shop.products[shop_number(shop, mapping)].stock


def break_listing(shop, mapping: m.SkuMapping) -> None:  # noqa: ANN001
    """The seller deleted (Tokopedia) or deactivated (Tokopedia & Shop) this listing in Seller Center; TokoDesk
    still has its old mapping, so the marketplace refuses its stock row."""
    number = shop_number(shop, mapping)
    if shop.dialect == "tokopedia":
        product = shop.sb.shop.products.pop(number)
        shop.sb.shop.sku_index.pop(product.sku, None)
    else:
        product = shop.sb.shop.products[number]
        shop.sb.shop.products[product.parent_id or number].status = 0


def standalone(shop, rows: list[m.SkuMapping]) -> m.SkuMapping:  # noqa: ANN001
    return next(r for r in rows if shop.sb.shop.products[shop_number(shop, r)].parent_id is None)


def set_all(shop, counts: dict[str, int]) -> None:  # noqa: ANN001
    pairs = [str(x) for sku, qty in counts.items() for x in (sku, qty)]
    assert shop.cli("stock", "set", *pairs)[0] == 0


def test_every_mapped_sku_old_or_new_has_a_push_status_and_a_failure_shows_on_its_own_sku(pulled):
    ch = pulled.channel
    rows = mapped_rows()
    assert len(rows) >= 5
    nothing = pulled.cli_json("stock", "push", "--full")  # nobody counted yet: nothing may be pushed
    assert nothing["details"]["sent"] == 0 and nothing["details"]["uncounted"] == len(rows)
    set_all(pulled, {r.seller_sku: 40 + n for n, r in enumerate(rows)})
    first = pulled.cli_json("stock", "push", "--full")
    assert first["status"] == "ok" and first["details"]["accepted"] == len(rows)

    # Weeks later: every SKU's count changes, the old ones as much as the new; one listing was deleted meanwhile.
    set_all(pulled, {r.seller_sku: 60 + n for n, r in enumerate(rows)})
    gone = standalone(pulled, rows)
    break_listing(pulled, gone)
    code, out, _ = pulled.cli("stock", "push")
    assert code == 1  # a failed row is not "ok": the seller is told
    assert f"! {gone.marketplace_sku}" in out  # the failure is printed on the listing it belongs to

    by_pid = {r.product_id: r for r in mapped_rows()}
    for pid, row in by_pid.items():
        log = stock_push.last_push(ch, pid)
        assert log is not None, f"{pid} has no push status"
        if pid == gone.product_id:
            assert log.status == "failed" and log.message and row.last_push_status.startswith("failed")
            assert row.last_pushed_qty != log.quantity  # the next delta push sends it again
        else:
            assert (log.status, row.last_push_status) == ("accepted", "accepted"), (pid, log.message)
            assert marketplace_stock(pulled, row) == log.quantity == row.last_pushed_qty
    run = m.SyncRun.select().where(m.SyncRun.kind == "inventory").order_by(m.SyncRun.id.desc()).get()
    assert run.failed == 1 and any(gone.marketplace_sku in e for e in run.errors)


def _reserved_from_orders() -> dict[str, int]:
    open_states = {str(s) for s in (*RESERVING_STATES, *SHIPPED_STATES)}
    out: dict[str, int] = defaultdict(int)
    for line in m.OrderLine.select().join(m.Order):
        if line.order.state in open_states and line.seller_sku:
            out[line.seller_sku] += line.quantity
    return out


def test_the_quantity_pushed_right_after_an_order_import_is_on_hand_minus_reserved_minus_buffer(shop):
    assert shop.cli_json("sync", "skus")["status"] == "ok"
    rows = mapped_rows()
    assert len({r.seller_sku for r in rows}) == len(rows)  # one listing per seller SKU: no pool to split
    set_all(shop, {r.seller_sku: 50 for r in rows})
    buffered = rows[0]
    assert shop.cli("mapping", "set", buffered.product_id, buffered.seller_sku, "--buffer", "3")[0] == 0
    assert shop.cli_json("stock", "push", "--full")["status"] == "ok"
    assert marketplace_stock(shop, buffered) == 47

    assert shop.cli_json("sync", "orders")["created"] > 0
    assert not m.Order.select().where(m.Order.state.in_(["packed", "ready_to_ship"])).exists()  # nothing packed
    reserved = _reserved_from_orders()
    assert any(reserved.get(r.seller_sku) for r in rows), "the generated orders reserve nothing"
    listed = {x["seller_sku"]: x for x in shop.cli_json("stock", "list")}
    pushed = shop.cli_json("sync", "inventory")
    assert pushed["status"] == "ok" and pushed["details"]["sent"] >= 1
    for r in rows:
        buffer = 3 if r.id == buffered.id else 0
        expected = max(0, 50 - reserved.get(r.seller_sku, 0) - buffer)
        assert marketplace_stock(shop, r) == expected, (r.seller_sku, reserved.get(r.seller_sku))
        assert listed[r.seller_sku]["available"] == max(0, 50 - reserved.get(r.seller_sku, 0))


def _variant_families(shop) -> list[list[m.SkuMapping]]:  # noqa: ANN001
    families: dict[int, list[m.SkuMapping]] = defaultdict(list)
    for r in mapped_rows():
        parent = shop.sb.shop.products[shop_number(shop, r)].parent_id
        if parent is not None:
            families[parent].append(r)
    return [rows for rows in families.values() if len(rows) >= 2]


def test_each_variant_has_its_own_stock_and_one_failing_variant_does_not_fail_the_batch(pulled):
    families = _variant_families(pulled)
    assert families, "the generated shop has no product with two variants"
    family = families[0]
    rows = mapped_rows()
    counts = {r.seller_sku: 100 * (n + 1) for n, r in enumerate(rows)}
    set_all(pulled, counts)
    assert pulled.cli_json("stock", "push", "--full")["details"]["failed"] == 0
    levels = {r.seller_sku: marketplace_stock(pulled, r) for r in family}
    assert len(set(levels.values())) == len(family)  # each variant its own count, not the parent's or a sum
    reserved = _reserved_from_orders()
    for r in family:
        assert levels[r.seller_sku] == max(0, counts[r.seller_sku] - reserved.get(r.seller_sku, 0))

    bad, siblings = family[0], family[1:]
    set_all(pulled, {r.seller_sku: counts[r.seller_sku] + 5 for r in rows})
    if pulled.dialect == "tiktokshop":
        set_all(pulled, {bad.seller_sku: 250_000})  # over the marketplace's limit for one variant
    else:
        break_listing(pulled, bad)  # one variant deleted in Seller Center
    summary = pulled.cli_json("stock", "push", code=1)
    assert summary["details"]["failed"] == 1 and summary["details"]["accepted"] == len(rows) - 1
    assert [row["product_id"] for row in summary["details"]["failed_rows"]] == [bad.product_id]
    for r in siblings:
        assert marketplace_stock(pulled, r) == max(0, counts[r.seller_sku] + 5 - reserved.get(r.seller_sku, 0))
    assert m.SkuMapping.get_by_id(bad.id).last_push_status.startswith("failed")


def _listing_stock(shop) -> dict[int, int]:  # noqa: ANN001
    return {p.product_id: p.stock for p in shop.sb.shop.products.values() if not p.is_parent}


def test_first_connection_through_the_cli_never_changes_the_shops_stock(shop):
    """Issue 14 item 1 through the CLI: channel add → authorize (the fixture) → sync skus → sync orders → stock adopt
    → sync inventory twice (and the other scheduled jobs): the marketplace's stock is what it was, on every listing."""
    import dataclasses

    for product in shop.sb.shop.products.values():
        if not product.is_parent and product.stock <= 0:
            product.stock = 4 + product.product_id % 5  # stock on every listing
    before = _listing_stock(shop)
    code, out, _ = shop.cli("sync", "skus")
    assert code == 0 and "not counted yet" in out and "stock adopt" in out
    assert shop.cli_json("stock", "push")["details"]["sent"] == 0, "nobody counted: nothing is pushed"
    assert shop.cli_json("sync", "orders")["status"] == "ok"
    adopted = shop.cli_json("stock", "adopt")
    assert adopted["adopted"] == len({r.seller_sku for r in mapped_rows()}) and adopted["skipped"] == []
    assert adopted["units_held_by_open_orders"] > 0, "open orders' units are added back"
    for _round in range(2):
        for kind in ("skus", "orders", "statuses", "inventory", "recon"):
            assert shop.cli_json("sync", kind)["status"] == "ok", kind
    assert _listing_stock(shop) == before
    assert sum(p.stock_updates for p in shop.sb.shop.products.values()) == 0
    listed = shop.cli_json("stock", "list")
    assert all(x["on_hand"] is not None for x in listed if x["listings"])

    # A SKU that appears later is not counted, is not pushed, and adopting takes only it.
    template = next(p for p in shop.sb.shop.products.values() if not p.is_parent and p.parent_id is None and p.sku)
    new_id = max(shop.sb.shop.products) + 1
    shop.sb.shop.add_product(dataclasses.replace(template, product_id=new_id, sku="BARU-1", stock=6, stock_updates=0,
                                                 children=[]))
    assert shop.cli_json("sync", "skus")["details"]["uncounted"] == 1
    assert shop.cli_json("sync", "inventory")["details"]["uncounted"] == 1
    again = shop.cli_json("stock", "adopt")
    assert (again["adopted"], again["skus"][0]["seller_sku"]) == (1, "BARU-1")
    assert again["already_counted"] == adopted["adopted"]
    shop.cli_json("sync", "inventory")
    assert shop.sb.shop.products[new_id].stock == 6 and shop.sb.shop.products[new_id].stock_updates == 0
