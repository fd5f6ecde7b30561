"""SKU pull, order pull, status refresh and their commands against the sandbox over loopback (the real Tokopedia
client, the real store)."""

from __future__ import annotations

import json
import socket
from datetime import datetime, timedelta, timezone

import pytest

from tokodesk import credentials
from tokodesk.marketplace.tokopedia import TokopediaClient
from tokodesk.sandbox import Sandbox
from tokodesk.services import catalog, statuses
from tokodesk.services.orders import pull_orders
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def sb():
    with Sandbox(seed=11, orders=700, products=25, days=2.5, freeze_clock=True, port=_free_port()) as box:
        yield box


@pytest.fixture
def channel(sb, tokodesk_home):
    open_database()
    cr = sb.credentials
    ch = m.Channel.create(
        name="sandbox", marketplace="tokopedia", fs_id=str(cr["fs_id"]), client_id=cr["client_id"],
        shop_id=str(cr["shop_id"]), api_base=sb.url, auth_url=sb.url,
        order_sync_from=_now(sb) - timedelta(days=3) + timedelta(minutes=5),
    )  # fmt: skip
    credentials.set_client_secret(ch.name, cr["client_secret"])
    yield ch
    close_database()


@pytest.fixture
def client(sb, channel):
    c = TokopediaClient.from_channel(channel, timeout=5, sleep=sb.clock.advance, clock=sb.clock.monotonic)
    yield c
    c.close()


def _now(sb) -> datetime:
    return datetime.fromtimestamp(sb.clock.now(), timezone.utc).replace(tzinfo=None)


def _fresh(channel):
    return m.Channel.get_by_id(channel.id)


def test_sku_pull_maps_every_sellable_sku_and_reports_the_rest(sb, channel, client):
    summary = catalog.pull_skus(channel, client)
    shop_products = list(sb.shop.products.values())
    assert summary.status == "ok" and summary.fetched == len(shop_products)
    sellable = [p for p in shop_products if not p.is_parent]
    with_sku = {p.sku for p in sellable if p.sku}
    assert {s.seller_sku for s in m.StockItem.select()} == with_sku
    assert m.SkuMapping.select().where(m.SkuMapping.seller_sku.is_null(False)).count() == len(
        [p for p in sellable if p.sku]
    )
    assert len(summary.details["empty_sku"]) == len([p for p in sellable if not p.sku])
    assert summary.details["parents"] == len([p for p in shop_products if p.is_parent])


def test_order_pull_then_overlapping_repull_never_duplicates(sb, channel, client):
    catalog.pull_skus(channel, client)
    first = pull_orders(_fresh(channel), client, now=_now(sb))
    stored = m.Order.select().count()
    lines = m.OrderLine.select().count()
    assert first.status == "ok" and first.created == stored == first.fetched > 100
    assert stored == len([o for o in sb.shop.orders.values() if o.create_time >= sb.clock.now() - 3 * 86400 + 300])
    # a forced full re-pull and a normal overlapping one: nothing new, nothing changed
    m.Channel.update(last_order_pull_to=None).execute()
    again = pull_orders(_fresh(channel), client, now=_now(sb))
    later = pull_orders(_fresh(channel), client, now=_now(sb) + timedelta(minutes=10))
    assert (again.created, again.updated, later.created) == (0, 0, 0)
    assert m.Order.select().count() == stored and m.OrderLine.select().count() == lines
    assert m.Order.select().where(m.Order.has_unmapped).count() == len(
        {o.id for o in m.Order.select().join(m.OrderLine).where(m.OrderLine.seller_sku.is_null())}
    )


def test_a_pull_cut_off_by_a_lost_server_resumes_on_the_next_run(sb, channel, client, monkeypatch):
    from tokodesk.marketplace.tokopedia import client as client_module

    # One page in flight: with several read ahead, this small shop's pages would all be in before the cut.
    monkeypatch.setattr(client_module, "PAGE_READERS", 1)
    pages = []

    def stop_after_first_page(done, total, message):
        pages.append(done)
        if len(pages) == 1:
            sb.stop()  # the network is gone mid-run

    broken = pull_orders(_fresh(channel), client, stop_after_first_page, now=_now(sb))
    assert broken.status == "failed" and "stopped" in broken.errors[-1]
    assert 0 < m.Order.select().count() == broken.fetched < 600
    partial = m.Order.select().count()
    assert _fresh(channel).last_order_pull_to is None  # the window was not finished
    assert m.SyncLease.select().count() == 0
    for o in m.Order.select():  # whatever was stored is whole: every order has its lines
        assert o.lines.count() > 0

    sb.start()
    resumed = pull_orders(_fresh(channel), client, now=_now(sb))
    assert resumed.status == "ok"
    assert resumed.created == m.Order.select().count() - partial > 0
    assert m.Order.select().count() == len(
        [o for o in sb.shop.orders.values() if o.create_time >= sb.clock.now() - 3 * 86400 + 300]
    )


def test_status_refresh_follows_buyer_cancellation_and_outside_shipping(sb, channel, client):
    pull_orders(_fresh(channel), client, now=_now(sb))
    new = [o.order_id for o in sb.orders_in_status(220)][:2]
    accepted = [o.order_id for o in sb.orders_in_status(400)][:1]
    sb.shop.force_status(new[0], 15, actor="buyer")
    sb.shop.force_status(accepted[0], 500, actor="seller center")
    requests_before = dict(sb.calls)
    summary = statuses.refresh_statuses(_fresh(channel), client, now=_now(sb))
    assert summary.status == "ok"
    changes = {c["order_id"]: c for c in summary.details["changes"]}
    assert changes[str(new[0])] == {"order_id": str(new[0]), "from": "new", "to": "cancelled", "outside": True}
    assert changes[str(accepted[0])]["to"] == "shipped" and changes[str(accepted[0])]["outside"]
    shipped = m.Order.get(m.Order.order_id == str(accepted[0]))
    assert shipped.awb and shipped.changed_outside
    assert m.Order.get(m.Order.order_id == str(new[1])).state == "new"
    # the open orders were re-read by listing, not one request per order
    reads = sb.calls.get("order_detail", 0) - requests_before.get("order_detail", 0)
    lists = sb.calls.get("order_list", 0) - requests_before.get("order_list", 0)
    assert reads == 0 and 0 < lists < summary.fetched / 10


def test_cli_sync_and_orders_list_json(sb, channel, capsys):
    from tokodesk.cli import main

    assert main(["sync", "skus", "--json"]) == 0
    skus = json.loads(capsys.readouterr().out)
    assert skus["kind"] == "skus" and skus["created"] > 0

    assert main(["sync", "orders", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    for key in ("kind", "fetched", "created", "updated", "failed"):
        assert isinstance(out[key], int) or key == "kind"
    assert out["kind"] == "orders" and out["created"] == m.Order.select().count() and out["errors"] == []

    assert main(["orders", "list", "--state", "new", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed and all(o["state"] == "new" for o in listed)
    first = listed[0]
    assert isinstance(first["order_id"], int) and isinstance(first["marketplace_status"], int)
    assert first["marketplace_status"] == 220 and first["invoice"].startswith("INV/")
    documented = {"order_id", "invoice", "state", "marketplace_status", "courier", "booking_code", "awb", "lines"}
    assert set(first) >= documented
    assert first["lines"] and set(first["lines"][0]) >= {"sku", "seller_sku", "quantity"}

    assert main(["sync", "statuses", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["kind"] == "statuses"


def test_cli_refuses_a_second_run_and_bad_input(sb, channel, capsys):
    from tokodesk.cli import main

    m.SyncLease.create(channel=channel, kind="orders", holder="kasir@desk2 pid 77",
                       expires_at=m.utcnow() + timedelta(minutes=5))  # fmt: skip
    assert main(["sync", "orders"]) == 1
    err = capsys.readouterr().err
    assert "already running" in err and "kasir@desk2" in err
    assert main(["sync", "everything"]) == 2
    assert "unknown kind 'everything'" in capsys.readouterr().err
    assert main(["orders", "list", "--state", "sent"]) == 2
    assert "--state 'sent' is not a state" in capsys.readouterr().err


def test_cli_mapping_export_and_import_with_a_bad_row(sb, channel, tmp_path, capsys):
    from tokodesk.cli import main

    assert main(["sync", "skus"]) == 0
    out = tmp_path / "map.csv"
    assert main(["mapping", "export", str(out)]) == 0
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    header, first = rows[0], rows[1].split(",")
    assert header.startswith("channel,product_id,marketplace_sku,seller_sku")
    m.StockItem.create(seller_sku="OWN-1")
    edited = tmp_path / "edit.csv"
    edited.write_text(f"{header}\nsandbox,{first[1]},,OWN-1,2,\nsandbox,424242,,OWN-1,,\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["mapping", "import", str(edited)]) == 2  # one bad row: exit 2, the good row is applied
    err = capsys.readouterr().err
    assert "line 3" in err and "424242" in err
    mapped = m.SkuMapping.get(m.SkuMapping.product_id == first[1])
    assert (mapped.seller_sku, mapped.buffer) == ("OWN-1", 2)


def test_cli_sync_due_runs_the_schedule_once(sb, channel, capsys):
    from tokodesk.cli import main

    channel.inventory_sync = False
    channel.save()
    code = main(["sync", "due", "--json"])
    runs_done = json.loads(capsys.readouterr().out)
    assert [r["kind"] for r in runs_done] == ["orders", "statuses", "recon"]
    assert code == 0 and all(r["status"] == "ok" for r in runs_done)
    assert m.Order.select().count() > 0
    assert main(["sync", "due", "--json"]) == 0  # right after: nothing is due
    assert json.loads(capsys.readouterr().out) == []


def test_cli_fetch_again_since_a_date_brings_back_orders_the_regular_pull_missed(sb, channel, capsys):
    """The anchors' "Sinkronisasi lagi": orders missed during an outage are fetched again with --since, and the
    regular schedule's cursor stays where it was."""
    from tokodesk.cli import main

    assert main(["sync", "orders", "--json"]) == 0
    capsys.readouterr()
    cursor = _fresh(channel).last_order_pull_to
    day = m.Order.created_at.between(_now(sb) - timedelta(hours=20), _now(sb) - timedelta(hours=6))
    missed = [o.id for o in m.Order.select().where(day).limit(5)]
    assert len(missed) == 5
    ids = {o.order_id for o in m.Order.select().where(m.Order.id.in_(missed))}
    for model in (m.OrderLine, m.OrderEvent):  # as if the pulls of that day had never seen them
        model.delete().where(model.order.in_(missed)).execute()
    m.Order.delete().where(m.Order.id.in_(missed)).execute()

    assert main(["sync", "orders", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == 0  # the regular pull reads only since its cursor

    since = (_now(sb) - timedelta(days=1)).replace(tzinfo=timezone.utc).astimezone(
        timezone(timedelta(hours=7))).strftime("%Y-%m-%d %H:%M")  # typed by the seller in WIB
    assert main(["sync", "orders", "--since", since, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {o.order_id for o in m.Order.select().where(m.Order.order_id.in_(list(ids)))} == ids
    assert out["created"] == 5 and out["failed"] == 0 and out["errors"] == []
    assert all(m.Order.get(m.Order.order_id == o).lines.count() > 0 for o in ids)
    assert _fresh(channel).last_order_pull_to >= cursor  # never moved back

    # a date further back than the marketplace serves: fetched from the earliest it serves, and said so
    assert main(["sync", "orders", "--since", "2026-01-01", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["created"] == 0 and out["failed"] == 0
    assert any("older than Tokopedia serves" in e and "WIB" in e for e in out["errors"])


def test_cli_since_refuses_bad_dates_and_other_kinds(sb, channel, capsys):
    from tokodesk.cli import main

    assert main(["sync", "orders", "--since", "kemarin"]) == 2
    assert "--since: 'kemarin' is not a date" in capsys.readouterr().err
    assert main(["sync", "orders", "--since", "2099-01-01"]) == 2
    assert "in the future" in capsys.readouterr().err
    assert main(["sync", "statuses", "--since", "2026-11-01"]) == 2
    assert "goes with 'sync orders' only" in capsys.readouterr().err
    assert m.SyncRun.select().count() == 0  # nothing half-started
