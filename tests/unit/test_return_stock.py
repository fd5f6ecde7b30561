"""Stock comes back only with the goods, on both databases: a resaleable return to on hand, damaged units to the
damaged count, one recorded movement each; an uncounted SKU stays uncounted; a refund only moves nothing; a damaged
count naming a SKU the return lacks, or more than came back, is refused with nothing written."""

from __future__ import annotations

import pytest

from tokodesk.errors import UserError
from tokodesk.services import returns as rs
from tokodesk.store import models as m


def _return(kind: str = "RETURN_AND_REFUND", lines=(("KAOS-M", "mp-kaos", 2), ("TOPI", "mp-topi", 1))) -> m.Return:
    ch = m.Channel.create(name=f"c{m.Channel.select().count()}")
    ret = m.Return.create(channel=ch, return_id=f"r{m.Return.select().count()}", return_type=kind,
                          state="to_inspect")
    for seller_sku, sku, qty in lines:
        m.ReturnLine.create(ret=ret, sku=sku, seller_sku=seller_sku, quantity=qty)
    return ret


def test_resaleable_damaged_and_uncounted(any_database):
    m.StockItem.create(seller_sku="KAOS-M", on_hand=5)
    m.StockItem.create(seller_sku="TOPI", on_hand=None)  # never counted
    ret = _return()
    with m.db.atomic():
        moves = rs.check_in(ret, rs.plan_check_in(ret, rs.parse_damaged(["mp-kaos=1"])), "desk")
    kaos, topi = (m.StockItem.get(m.StockItem.seller_sku == s) for s in ("KAOS-M", "TOPI"))
    assert (kaos.on_hand, kaos.damaged) == (6, 1)
    assert (topi.on_hand, topi.damaged) == (None, 0)
    assert sorted((mv.seller_sku, mv.kind, mv.quantity, mv.on_hand_after) for mv in moves) == [
        ("KAOS-M", "return_damaged", 1, 6), ("KAOS-M", "return_resaleable", 1, 6),
        ("TOPI", "return_resaleable", 1, None)]
    assert m.StockMovement.select().count() == 3 and "uncounted" in m.StockMovement.get(
        m.StockMovement.seller_sku == "TOPI").note


def test_refund_only_and_bad_damaged_counts_change_nothing(any_database):
    m.StockItem.create(seller_sku="KAOS-M", on_hand=5)
    with pytest.raises(UserError, match="nothing to receive"):
        rs.plan_check_in(_return("REFUND"), {})
    ret = _return()
    with pytest.raises(UserError, match="only 2 came back"):
        rs.plan_check_in(ret, {"KAOS-M": 3})
    with pytest.raises(UserError, match="no such SKU"):
        rs.plan_check_in(ret, {"SEPATU": 1})
    with pytest.raises(UserError, match="SKU=QTY"):
        rs.parse_damaged(["KAOS-M"])
    assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-M").on_hand == 5 and not m.StockMovement.select().exists()


def test_a_parcel_the_buyer_never_took_is_received_by_scanning_its_awb(tokodesk_home, capsys):
    """Status 550 (COD refused, return to seller): `returns receive AWB` puts its goods back on hand once, recorded."""
    import json

    from tokodesk.cli import main
    from tokodesk.store.connection import close_database, open_database

    open_database()
    ch = m.Channel.create(name="legacy", marketplace="tokopedia")
    order = m.Order.create(channel=ch, order_id="55", invoice="INV/55", state="returned", marketplace_status="550",
                           awb="JNE0055001", stock_taken=True, created_at=m.utcnow())
    m.OrderLine.create(order=order, sku="mp-kaos", seller_sku="KAOS-M", quantity=2)
    m.StockItem.create(seller_sku="KAOS-M", on_hand=3)
    close_database()
    assert main(["returns", "receive", "JNE0055001", "--json"]) == 0
    [result] = json.loads(capsys.readouterr().out)
    assert result["ok"] and result["stock"] == {"KAOS-M": 2}
    open_database()
    assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-M").on_hand == 5
    [move] = m.StockMovement.select()
    assert (move.kind, move.quantity, move.on_hand_after) == ("failed_delivery", 2, 5) and "JNE0055001" in move.note
    close_database()
    assert main(["returns", "receive", "JNE0055001"]) == 2  # once: its stock was already put back
    err = capsys.readouterr().err
    assert "KAOS-M came back already" in err and "scanned at the desk" in err and "Nothing was changed" in err
    assert main(["returns", "receive", "NOSUCHAWB"]) == 2
    assert "no return 'NOSUCHAWB'" in capsys.readouterr().err


def _shipped_order_with_a_return(status: str = "returned") -> tuple[m.Order, m.Return]:
    ch = m.Channel.create(name="shop", marketplace="tiktokshop")
    order = m.Order.create(channel=ch, order_id="5770", invoice="5770", state=status, marketplace_status="X",
                           stock_taken=True, created_at=m.utcnow())
    m.OrderLine.create(order=order, sku="mp-kaos", seller_sku="KAOS-M", quantity=2)
    ret = m.Return.create(channel=ch, return_id="R-5770", order_id="5770", order=order,
                          return_type="RETURN_AND_REFUND", state="to_inspect",
                          status="RETURN_OR_REFUND_REQUEST_COMPLETE")
    m.ReturnLine.create(ret=ret, sku="mp-kaos", seller_sku="KAOS-M", quantity=2)
    m.StockItem.create(seller_sku="KAOS-M", on_hand=3)
    return order, ret


def test_one_parcel_through_stock_return_then_returns_receive_goes_back_once(any_database):
    """`tokodesk stock return` and `tokodesk returns receive` of the same parcel: the second is refused in words."""
    from tokodesk.services import inventory

    order, ret = _shipped_order_with_a_return()
    assert inventory.receive_return(order, who="desk") == {"KAOS-M": 2}
    [move] = m.StockMovement.select()
    assert (move.kind, move.quantity, move.on_hand_after, move.order_id) == ("stock_return", 2, 5, order.id)
    refusal = "KAOS-M came back already .*tokodesk stock return"
    with pytest.raises(UserError, match=refusal) as refused, m.db.atomic():
        rs.check_in(ret, rs.plan_check_in(ret, {}), "desk")
    assert "Nothing was changed" in str(refused.value)
    assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-M").on_hand == 5 and m.StockMovement.select().count() == 1


def test_one_parcel_through_returns_receive_then_stock_return_goes_back_once(any_database):
    from tokodesk.services import inventory

    order, ret = _shipped_order_with_a_return()
    with m.db.atomic():
        rs.check_in(ret, rs.plan_check_in(ret, {"KAOS-M": 1}), "desk")
    kaos = m.StockItem.get(m.StockItem.seller_sku == "KAOS-M")
    assert (kaos.on_hand, kaos.damaged) == (4, 1)
    with pytest.raises(UserError, match=r"came back already \(KAOS-M ×1 \(return received R-5770"):
        inventory.receive_return(order, who="desk")
    kaos = m.StockItem.get(m.StockItem.seller_sku == "KAOS-M")
    assert (kaos.on_hand, kaos.damaged) == (4, 1) and m.StockMovement.select().count() == 2
    assert m.Order.get_by_id(order.id).stock_taken  # the refused stock return left the order as it was


def test_two_returns_of_one_order_each_bring_back_their_own_units(any_database):
    """A partial return, then another for the rest of the order: both fit in what the order had."""
    order, first = _shipped_order_with_a_return("completed")
    m.ReturnLine.update(quantity=1).where(m.ReturnLine.ret == first.id).execute()
    second = m.Return.create(channel=first.channel, return_id="R-5771", order_id="5770", order=order,
                             return_type="RETURN_AND_REFUND", state="to_inspect")
    m.ReturnLine.create(ret=second, sku="mp-kaos", seller_sku="KAOS-M", quantity=1)
    third = m.Return.create(channel=first.channel, return_id="R-5772", order_id="5770", order=order,
                            return_type="RETURN_AND_REFUND", state="to_inspect")
    m.ReturnLine.create(ret=third, sku="mp-kaos", seller_sku="KAOS-M", quantity=1)
    for ret in (first, second):
        with m.db.atomic():
            rs.check_in(ret, rs.plan_check_in(ret, {}), "desk")
    assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-M").on_hand == 5
    with pytest.raises(UserError, match="it had 2, so 1 more cannot come back"), m.db.atomic():
        rs.check_in(third, rs.plan_check_in(third, {}), "desk")
    assert m.StockItem.get(m.StockItem.seller_sku == "KAOS-M").on_hand == 5


def test_a_failed_delivery_on_tokopedia_and_shop_is_scanned_in_by_its_package_tracking_number(any_database):
    """Tokopedia & Shop cancels an order whose delivery failed after it shipped: scanning its package's tracking
    number puts the goods back once; an order cancelled before it shipped is no parcel at all."""
    ch = m.Channel.create(name="shop", marketplace="tiktokshop")
    order = m.Order.create(channel=ch, order_id="5801", invoice="5801", state="cancelled", marketplace_status="X",
                           stock_taken=True, created_at=m.utcnow())
    m.OrderLine.create(order=order, sku="mp-topi", seller_sku="TOPI", quantity=1)
    package = m.Package.create(channel=ch, package_id="P1", tracking_number="JX123456789")
    m.PackageOrder.create(package=package, order=order)
    never_left = m.Order.create(channel=ch, order_id="5802", invoice="5802", state="cancelled", awb="JX000",
                                marketplace_status="X", stock_taken=False, created_at=m.utcnow())
    m.OrderLine.create(order=never_left, sku="mp-topi", seller_sku="TOPI", quantity=1)
    m.StockItem.create(seller_sku="TOPI", on_hand=7)
    came = rs.receive_failed_delivery("JX123456789", "desk")
    assert came is not None and came[0].id == order.id and came[1] == {"TOPI": 1}
    assert m.StockItem.get(m.StockItem.seller_sku == "TOPI").on_hand == 8
    with pytest.raises(UserError, match="TOPI came back already"):
        rs.receive_failed_delivery("JX123456789", "desk")
    assert rs.receive_failed_delivery("JX000", "desk") is None
    assert m.StockItem.get(m.StockItem.seller_sku == "TOPI").on_hand == 8
