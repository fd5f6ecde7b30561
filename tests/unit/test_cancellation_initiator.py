"""Who cancelled an order (issue 18.4): Tokopedia & Shop's `cancellation_initiator` and the legacy cancel codes are
read, stored (an older database gains the column), and decide the seller-fault cancellation rate."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.unit.test_tiktokshop_support import raw_order
from tests.unit.test_tokopedia_support import list_order
from tokodesk.marketplace.tiktokshop.orders import parse_or_invalid, parse_order
from tokodesk.marketplace.tokopedia import parsing
from tokodesk.services import health
from tokodesk.services.order_store import store_orders
from tokodesk.store import migrations
from tokodesk.store import models as m
from tokodesk.store.connection import close_database, open_database

NOW = datetime(2026, 12, 7, 5, 0)  # Monday 12:00 WIB; the window starts 1 Dec 00:00 WIB
PLACED = datetime(2026, 12, 2, 3, 0)


@pytest.mark.parametrize("sent,stored", [("SELLER", "SELLER"), ("buyer", "BUYER"), ("SYSTEM", "SYSTEM"),
                                         (None, ""), ("", ""), ("OPERATOR", "OPERATOR")])
def test_tiktokshop_cancellation_initiator_is_read(sent, stored):
    raw = raw_order(status="CANCELLED", cancel_reason="Out of stock")
    if sent is not None:
        raw["cancellation_initiator"] = sent
    assert parse_order(raw).cancellation_initiator == stored


def test_a_non_text_initiator_makes_the_order_invalid_not_a_guess():
    raw = raw_order(status="CANCELLED", cancellation_initiator=3)
    assert "cancellation_initiator" in parse_or_invalid(raw).reason


@pytest.mark.parametrize("code,who", [(10, "SELLER"), (3, "SELLER"), (6, "SELLER"), (15, "BUYER"), (0, "SYSTEM"),
                                      (5, "SYSTEM"), (699, "SYSTEM"), (11, ""), (400, ""), (500, "")])
def test_the_legacy_cancel_code_says_who(code, who):
    assert parsing.order_from_list(list_order(order_status=code)).cancellation_initiator == who


def test_stored_and_kept_when_a_later_view_lacks_it(any_database):
    channel = m.Channel.create(name="Toko")
    order = parse_order(raw_order(status="CANCELLED", cancellation_initiator="BUYER"))
    store_orders(channel, [order])
    assert m.Order.get().cancellation_initiator == "BUYER"
    order.cancellation_initiator = ""  # a view without the field: not an erasure
    store_orders(channel, [order])
    assert m.Order.get().cancellation_initiator == "BUYER"


def test_an_older_database_gains_the_column(tmp_path):
    path = tmp_path / "old.db"
    database = open_database(f"sqlite:///{path}")
    channel = m.Channel.create(name="Toko")
    m.Order.create(channel=channel, order_id="1", state="cancelled", created_at=PLACED)
    database.execute_sql('ALTER TABLE "order" DROP COLUMN "cancellation_initiator"')
    number = next(n for n, _what, step in migrations.MIGRATIONS if step.__name__.endswith("cancellation_initiator"))
    m.SchemaVersion.delete().where(m.SchemaVersion.version >= number).execute()
    close_database()
    database = open_database(f"sqlite:///{path}")
    assert migrations.current_version(database) == migrations.LATEST
    assert m.Order.get().cancellation_initiator == ""
    close_database()


def _cancelled(channel, oid, who, at, *, before="acknowledged", **kw):  # noqa: ANN001, ANN202
    order = m.Order.create(channel=channel, order_id=oid, invoice=f"INV/{oid}", state="cancelled", created_at=PLACED,
                           cancellation_initiator=who, **kw)
    if before:
        m.OrderEvent.create(order=order, at=at, kind="status_changed", who="sync",
                            detail=f"status X → CANCELLED ({before} → cancelled)")
    else:
        m.Order.update(updated_at=at).where(m.Order.id == order.id).execute()
    return order


def test_the_seller_fault_rate_follows_the_marketplace_initiator(any_database):
    channel = m.Channel.create(name="Toko")
    ship_by = datetime(2026, 12, 4, 10)
    # Cancelled in Seller Center by the seller: the seller's, though TokoDesk did not send it.
    _cancelled(channel, "S", "SELLER", datetime(2026, 12, 3), tts_sla_time=ship_by)
    # The buyer's: not the seller's, even after the ship-by.
    _cancelled(channel, "B", "BUYER", datetime(2026, 12, 5), tts_sla_time=ship_by)
    # The platform, unshipped after the ship-by: its auto-cancel, the seller's fault.
    _cancelled(channel, "A", "SYSTEM", datetime(2026, 12, 5), tts_sla_time=ship_by)
    # The platform, before any deadline of the seller's (payment never came, a risk check): not the seller's.
    _cancelled(channel, "Y", "SYSTEM", datetime(2026, 12, 2, 4), before="awaiting_payment")
    # The platform after the ready-to-ship deadline, before the collection deadline: the arrange step ran out.
    _cancelled(channel, "R", "SYSTEM", datetime(2026, 12, 4, 8), rts_sla_time=datetime(2026, 12, 4, 6),
               tts_sla_time=ship_by)
    # Nobody named (pulled before TokoDesk read the field): unknown, in the upper figure only.
    _cancelled(channel, "U", "", datetime(2026, 12, 3), tts_sla_time=ship_by)
    for oid in ("P1", "P2", "P3", "P4"):
        m.Order.create(channel=channel, order_id=oid, invoice=f"INV/{oid}", state="shipped", created_at=PLACED)
    report = health.shop_health(channel, NOW)
    causes = {j.order_id: j.cause for j in report.cancelled}
    assert causes == {"S": "seller", "B": "buyer", "A": "auto", "Y": "system", "R": "auto", "U": "unknown"}
    sfcr = report.seller_cancel
    assert (sfcr.count, sfcr.of, sfcr.upper_count) == (3, 10, 4)
    assert "cancellation_initiator" in report.method and "cancel status code" not in report.method


def test_the_legacy_rate_reads_the_cancel_code_and_the_deadline_it_ran_out_on(any_database):
    channel = m.Channel.create(name="Lama", marketplace="tokopedia")
    accept_by, ship_by = datetime(2026, 12, 3), datetime(2026, 12, 5)
    # Code 10 (rejected by the seller in Seller Center).
    _cancelled(channel, "R", "SELLER", datetime(2026, 12, 2, 5), accept_deadline=accept_by, ship_deadline=ship_by)
    # Code 15 (the buyer cancelled at once).
    _cancelled(channel, "B", "BUYER", datetime(2026, 12, 2, 5), before="new", accept_deadline=accept_by)
    # Code 0 on a new order at its accept deadline: not accepted in time, the seller's.
    _cancelled(channel, "N", "SYSTEM", accept_by, before="new", accept_deadline=accept_by, ship_deadline=ship_by)
    # Code 0 on an accepted order before its ship deadline: a buyer's request that ran out, not the seller's.
    _cancelled(channel, "Q", "SYSTEM", datetime(2026, 12, 4), accept_deadline=accept_by, ship_deadline=ship_by)
    # Code 0 pulled already cancelled after the accept deadline: TokoDesk cannot tell which: unknown.
    _cancelled(channel, "X", "SYSTEM", datetime(2026, 12, 4), before="", accept_deadline=accept_by,
               ship_deadline=ship_by)
    report = health.shop_health(channel, NOW)
    causes = {j.order_id: j.cause for j in report.cancelled}
    assert causes == {"R": "seller", "B": "buyer", "N": "auto", "Q": "system", "X": "unknown"}
    sfcr = report.seller_cancel
    assert (sfcr.count, sfcr.of, sfcr.upper_count) == (2, 5, 3)
    assert "cancel status code" in report.method


def test_tokodesks_own_record_still_wins(any_database):
    channel = m.Channel.create(name="Toko")
    order = _cancelled(channel, "T", "BUYER", datetime(2026, 12, 3), tts_sla_time=datetime(2026, 12, 4))
    m.OrderEvent.create(order=order, at=datetime(2026, 12, 3), kind="nack", who="t", detail="cancelled")
    assert {j.order_id: j.cause for j in health.shop_health(channel, NOW).cancelled} == {"T": "seller"}
