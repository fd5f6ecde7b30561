"""Marketplace labels kept in the data folder: fetched right after a ship on Tokopedia & Shop (the label exists only
until the courier collects the parcel), reprinted from the kept copy afterwards, a failed fetch left as a problem on
the order, a second station; and the legacy Tokopedia HTML label, which is never kept, unchanged."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader

from tests.integration.test_tiktokshop_fulfilment import pulled
from tests.integration.tiktokshop_setup import (  # noqa: F401 - fixtures
    channel,
    client,
    fresh,
    sb,
    shop_order,
    to_ship,
)
from tokodesk import config, credentials
from tokodesk.cli import main
from tokodesk.marketplace.base import MarketplaceError
from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.sandbox import Sandbox, Status
from tokodesk.sandbox import tiktokshop_json as tj
from tokodesk.services.fulfilment import Fulfilment
from tokodesk.services.fulfilment.kept_labels import label_path
from tokodesk.services.orders import pull_orders
from tokodesk.store import migrations
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database


def text_of(path) -> str:  # noqa: ANN001
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def shipped_with_labels(sb, channel, client, n: int, who: str = "packer@pc-1") -> list[m.Order]:  # noqa: F811
    ch = pulled(sb, channel, client)
    m.Channel.update(use_marketplace_label=True).where(m.Channel.id == ch.id).execute()
    orders = to_ship(sb, n)
    service = Fulfilment(adapters=lambda c: client, who=who)
    service.pack(orders)
    results = service.ship(orders)
    assert all(r.ok and r.state == "awaiting_pickup" for r in results), [r.error for r in results]
    return orders


def test_labels_are_kept_at_ship_and_reprinted_after_the_courier_collected(sb, channel, client, tmp_path, capsys):  # noqa: F811
    orders = shipped_with_labels(sb, channel, client, 3)
    assert sb.calls.get("documents") == 3  # fetched in the same run as the ship
    for order in orders:
        path = label_path(order)
        assert path == config.data_dir() / "labels" / str(order.channel_id) / f"{order.order_id}.pdf"
        assert path.read_bytes().startswith(b"%PDF") and shop_order(sb, order).awb in text_of(path)
        [kept] = m.KeptLabel.select().where(m.KeptLabel.order == order.id)
        assert kept.station == "packer@pc-1" and kept.size == path.stat().st_size
        assert fresh(order).problem == ""
    assert not list(label_path(orders[0]).parent.glob("*.tmp"))  # written through a temporary file, renamed

    for order in orders:  # the courier collects the parcels: the marketplace refuses the label from now on
        sb.force_status(shop_order(sb, order).order_id, Status.SHIPPED)
    with pytest.raises(MarketplaceError):
        client.shipping_label(client.get_order(orders[0].order_id))
    documents_before = sb.calls["documents"]
    pdf = tmp_path / "reprint.pdf"
    assert main(["labels", *[o.order_id for o in orders], "--pdf", str(pdf), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["labels"] == 3 and summary["skipped"] == []
    text = text_of(pdf)
    assert all(shop_order(sb, o).awb in text for o in orders)
    assert sb.calls["documents"] == documents_before  # the reprint asked the marketplace nothing


def test_a_failed_fetch_after_ship_is_a_problem_to_retry_never_a_failed_ship(sb, channel, client, tmp_path, capsys):  # noqa: F811
    ch = pulled(sb, channel, client)
    m.Channel.update(use_marketplace_label=True).where(m.Channel.id == ch.id).execute()
    order, = to_ship(sb, 1)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([order])
    sb.faults.force("documents", "error", 50)  # the document service is down
    [shipped] = service.ship([order])
    assert shipped.ok and shipped.state == "awaiting_pickup", shipped.error
    assert shop_order(sb, order).status == Status.AWAITING_PICKUP and shop_order(sb, order).pickups == 1
    row = fresh(order)
    assert row.problem.startswith("Marketplace label not kept") and not row.action_failed
    assert m.OrderEvent.get((m.OrderEvent.order == order.id) & (m.OrderEvent.kind == "label_kept")).ok is False
    assert {a.status for a in m.Action.select()} == {"done"}
    assert not label_path(order).exists()

    sb.faults.clear()  # printing while the marketplace still serves it fetches, keeps, and clears the problem
    assert main(["labels", order.order_id, "--pdf", str(tmp_path / "l.pdf")]) == 0
    capsys.readouterr()
    assert label_path(order).read_bytes().startswith(b"%PDF") and fresh(order).problem == ""


def test_a_second_station_downloads_again_or_names_the_station_with_the_copy(sb, channel, client, tmp_path,  # noqa: F811
                                                                            monkeypatch):
    order, = shipped_with_labels(sb, channel, client, 1, who="packer@pc-1")
    # The second PC shares the database but has its own data folder.
    monkeypatch.setenv("TOKODESK_HOME", str(tmp_path / "pc2"))
    second = Fulfilment(adapters=lambda c: client, who="packer@pc-2").documents()
    batch = second.labels([order])
    assert batch.count == 1 and label_path(order).is_file() and str(tmp_path / "pc2") in str(label_path(order))
    assert sorted(k.station for k in m.KeptLabel.select()) == ["packer@pc-1", "packer@pc-2"]

    sb.force_status(shop_order(sb, order).order_id, Status.SHIPPED)
    monkeypatch.setenv("TOKODESK_HOME", str(tmp_path / "pc3"))
    third = Fulfilment(adapters=lambda c: client, who="packer@pc-3").documents().labels([order])
    [(skipped, why)] = third.skipped
    assert third.count == 0 and "packer@pc-1, packer@pc-2" in why and "print it from there" in why


def test_own_labels_channel_does_not_fetch_the_marketplace_label_at_ship(sb, channel, client):  # noqa: F811
    pulled(sb, channel, client)
    orders = to_ship(sb, 2)
    service = Fulfilment(adapters=lambda c: client)
    service.pack(orders)
    assert all(r.ok for r in service.ship(orders))
    assert "documents" not in sb.calls and not m.KeptLabel.select().exists()


def test_tokopedia_html_labels_are_not_kept_and_still_fetched_each_time(tokodesk_home):
    with Sandbox(seed=5, orders=60, freeze_clock=True) as box:
        open_database()
        cr = box.credentials
        ch = m.Channel.create(
            name="legacy", marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
            shop_id=str(cr["shop_id"]), api_base=box.url, auth_url=box.url, business_model="pickup",
            use_marketplace_label=True,
        )
        credentials.set_client_secret(ch.name, cr["client_secret"])
        tp = TokopediaClient.from_channel(ch, timeout=10, sleep=box.clock.advance, clock=box.clock.monotonic)
        from datetime import datetime, timezone

        pull_orders(ch, tp, now=datetime.fromtimestamp(box.clock.now(), timezone.utc).replace(tzinfo=None))
        m.OrderLine.update(seller_sku=m.OrderLine.sku).execute()
        ids = [str(o.order_id) for o in box.orders_in_status(220) if not o.courier.own][:2]
        orders = [m.Order.get(m.Order.order_id == i) for i in ids]
        service = Fulfilment(adapters=lambda c: tp)
        assert all(r.ok for r in service.acknowledge(orders))
        service.pack(orders)
        assert all(r.ok and r.state == "awaiting_pickup" for r in service.ship(orders))
        assert box.calls.get("shipping_label", 0) == 0  # Tokopedia serves its label any time: no fetch at ship
        for _ in range(2):
            batch = service.documents().labels(orders)
            assert batch.count == 2 and not batch.skipped
        assert box.calls["shipping_label"] == 4 and box.calls.get("pickup") == 2  # one pick-up each, not batched
        assert not (config.data_dir() / "labels").exists() and not m.KeptLabel.select().exists()
        tp.close()
        close_database()


def test_a_schema_3_database_gets_the_kept_label_table(any_database):
    any_database.execute_sql('DROP TABLE "kept_label"')
    m.SchemaVersion.delete().where(m.SchemaVersion.version > 3).execute()
    assert migrations.migrate(any_database) == migrations.LATEST >= 4
    columns = {c.name for c in any_database.get_columns("kept_label")}
    assert {"order_id", "station", "path", "size", "sha256", "kept_at"} <= columns


def test_a_parcel_the_sellers_own_courier_carries_gets_tokodesks_label_not_a_skip(sb, channel, client):  # noqa: F811
    """The channel prints the marketplace's labels, but an order the seller's own courier delivers has none (the
    marketplace refuses it and says to print TokoDesk's own): its label is TokoDesk's, with the seller's AWB, and
    the marketplace is not asked for it; a platform parcel of the same batch still gets the marketplace's."""
    from tokodesk.sandbox.generator import COURIERS

    waiting = [o for o in sb.orders_in_status(Status.PAID, Status.ACCEPTED)
               if not o.courier.own and o.cancel_request is None and sb.dialect.order_status(o) == "AWAITING_SHIPMENT"]
    waiting[0].courier = next(c for c in COURIERS if c.own)  # the seller's own courier carries this one
    ch = pulled(sb, channel, client)
    m.Channel.update(use_marketplace_label=True).where(m.Channel.id == ch.id).execute()
    own = m.Order.get(m.Order.order_id == tj.order_id(waiting[0]))
    assert own.seller_ships
    platform, = to_ship(sb, 1)
    service = Fulfilment(adapters=lambda c: client)
    service.pack([own, platform])
    results = service.ship([own, platform], {own.order_id: "KURIR0001234"})
    assert all(r.ok for r in results), [r.error for r in results]
    documents_before = sb.calls.get("documents", 0)

    batch = service.documents().labels([fresh(own), fresh(platform)])
    assert batch.skipped == [], [why for _o, why in batch.skipped]
    assert {o.id for o in batch.orders} == {own.id, platform.id}
    text = "\n".join(page.extract_text() for part in batch.parts for page in PdfReader(io.BytesIO(part)).pages)
    assert "KURIR0001234" in text
    assert sb.calls.get("documents", 0) - documents_before <= 1  # at most the platform parcel's, never the own one's
