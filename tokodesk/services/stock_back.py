"""Goods that come back onto the shelf: the one place every path puts them back.

Three paths bring goods back: `tokodesk stock return ORDER` (a cancelled-after-shipping or returned parcel),
`tokodesk returns receive RETURN` (a return request's parcel, inspected) and `tokodesk returns receive AWB` (a parcel
the buyer never took, scanned at the desk). Each used to count on its own guard (the order's `stock_taken`, the
return's `stock_returned`), so one parcel taken through two of them went back on the shelf twice. `put_back` is
the only writer now: one `StockMovement` per SKU and kind, tied to the order, and a refusal, in words and with
nothing written, when more of an order would come back than it had (what came back already is named).
"""

from __future__ import annotations

from collections.abc import Mapping

import peewee as pw

from tokodesk import config
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP
from tokodesk.store import models as m
from tokodesk.store.tx import write_transaction

RESALEABLE, DAMAGED = "return_resaleable", "return_damaged"
FAILED_DELIVERY = "failed_delivery"  # a parcel the buyer never took (COD refused, status 550)
STOCK_RETURN = "stock_return"  # `tokodesk stock return`: the whole order back on hand
GOOD_KINDS = (RESALEABLE, FAILED_DELIVERY, STOCK_RETURN)
KINDS = (*GOOD_KINDS, DAMAGED)


def came_back(order_id: int) -> dict[str, int]:
    """{seller_sku: units} already put back (on hand or damaged) for this order, by any path."""
    rows = (m.StockMovement.select(m.StockMovement.seller_sku, pw.fn.SUM(m.StockMovement.quantity))
            .where((m.StockMovement.order == order_id) & m.StockMovement.kind.in_(KINDS))
            .group_by(m.StockMovement.seller_sku).tuples())
    return {sku: int(qty or 0) for sku, qty in rows}


def _earlier(order_id: int) -> str:
    moves = m.StockMovement.select().where((m.StockMovement.order == order_id)
                                           & m.StockMovement.kind.in_(KINDS)).order_by(m.StockMovement.at)
    how = {STOCK_RETURN: "tokodesk stock return", FAILED_DELIVERY: "scanned at the desk",
           RESALEABLE: "return received", DAMAGED: "return received, damaged"}
    parts = []
    for mv in moves:
        ret = m.Return.get_or_none(m.Return.id == mv.__data__.get("ret")) if mv.__data__.get("ret") else None
        parts.append(f"{mv.seller_sku} ×{mv.quantity} ({how.get(mv.kind, mv.kind)}{f' {ret.return_id}' if ret else ''}"
                     f", {config.wib(mv.at)}{f', {mv.who}' if mv.who else ''})")
    return "; ".join(parts)


def put_back(plan: Mapping[str, tuple[int, int]], *, who: str, order: m.Order | None = None,
             ret: m.Return | None = None, good_kind: str = RESALEABLE, note: str = "") -> list[m.StockMovement]:
    """Put `plan` ({seller_sku: (resaleable, damaged)}) back: resaleable units to on hand, damaged ones to the
    damaged count, one recorded movement each. Refused (UserError, nothing written) when, with what this order
    already got back, more of a SKU would come back than the order had. An uncounted SKU (on hand NULL) stays
    uncounted: "unknown plus 1" is still unknown, and turning it into 1 would push 1 to every listing."""
    if good_kind not in GOOD_KINDS:
        raise ValueError(f"not a kind of goods coming back: {good_kind}")
    moves: list[m.StockMovement] = []
    with write_transaction(m.StockMovement, m.StockItem):
        if order is not None:
            ordered: dict[str, int] = {}
            for line in m.OrderLine.select().where(m.OrderLine.order == order.id):
                if line.seller_sku:
                    ordered[line.seller_sku] = ordered.get(line.seller_sku, 0) + line.quantity
            before = came_back(order.id)
            for sku, (good, bad) in sorted(plan.items()):
                # A SKU the order does not list (a return mapped another way) is checked against nothing here.
                if sku in ordered and before.get(sku, 0) + good + bad > ordered[sku]:
                    raise UserError(QT_TRANSLATE_NOOP("Refusals", "order {invoice}: {sku} came back already "
                                                                  "({earlier}); it had {ordered}, so {good} more "
                                                                  "cannot come back. Nothing was changed: a parcel "
                                                                  "goes back on the shelf once, whichever way it is "
                                                                  "checked in"),
                                    invoice=order.invoice or order.order_id, sku=sku, earlier=_earlier(order.id),
                                    ordered=ordered[sku], good=good + bad)
        now = m.utcnow()
        for sku, (good, bad) in sorted(plan.items()):
            item = m.StockItem.get_or_none(m.StockItem.seller_sku == sku)
            if item is None:
                item = m.StockItem.create(seller_sku=sku, on_hand=None)
            if good:
                m.StockItem.update(on_hand=m.StockItem.on_hand + good, updated_at=now).where(
                    (m.StockItem.id == item.id) & m.StockItem.on_hand.is_null(False)).execute()
            if bad:
                m.StockItem.update(damaged=m.StockItem.damaged + bad, updated_at=now).where(
                    m.StockItem.id == item.id).execute()
            item = m.StockItem.get_by_id(item.id)
            for kind, qty in ((good_kind, good), (DAMAGED, bad)):
                if qty:
                    uncounted = item.on_hand is None and kind != DAMAGED
                    text = "; ".join(x for x in (note, "SKU not counted: stays uncounted" if uncounted else "") if x)
                    moves.append(m.StockMovement.create(
                        seller_sku=sku, kind=kind, quantity=qty, on_hand_after=item.on_hand,
                        damaged_after=item.damaged, ret=ret.id if ret else None, order=order.id if order else None,
                        who=who, note=text))
    return moves
