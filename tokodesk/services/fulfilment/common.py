"""Shared pieces of the fulfilment actions: the per-order outcome, finding orders, the audit trail."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

import peewee as pw

from tokodesk.errors import SaidError, UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, stored_words, term
from tokodesk.marketplace import base
from tokodesk.store import models as m

AdapterFactory = Callable[[m.Channel], base.Marketplace]


class Refused(SaidError):
    """An action cannot be done on this order; the text says why and what to do. Nothing was changed.

    Raise it with marked words and named values (tokodesk/i18n_marks.py) so the window can say it in Indonesian."""


@dataclass
class ActionOutcome:
    """What happened to one order of a batch. `refused`: TokoDesk said no before anything changed."""

    order_id: str
    invoice: str
    ok: bool
    state: str
    error: str | None = None
    refused: bool = False
    pending: bool = False  # the marketplace's answer is still unknown; resolved on the next start or sync

    def as_json(self) -> dict:
        return {
            "order_id": self.order_id,
            "invoice": self.invoice,
            "ok": self.ok,
            "state": self.state,
            "error": self.error,
            "refused": self.refused,
            "pending": self.pending,
        }


def outcome(order: m.Order, ok: bool, error: str | None = None, **flags: bool) -> ActionOutcome:
    return ActionOutcome(order.order_id, order.invoice, ok, order.state, error, **flags)


def record_event(order: m.Order | int, kind: str, who: str, detail: str, ok: bool = True) -> m.OrderEvent:
    order_pk = order if isinstance(order, int) else order.id
    return m.OrderEvent.create(order=order_pk, kind=kind, who=who, detail=detail, words=stored_words(detail), ok=ok)


def packed_now(state: str) -> str:
    """The pack event's words: the state packing moved the order to."""
    return said(QT_TRANSLATE_NOOP("History", "packed; now {state}"), state=term("OrderState", state))


def reload(order: m.Order) -> m.Order:
    return m.Order.get_by_id(order.id)


def find_orders(keys: Sequence[str], channel: m.Channel | None = None) -> list[m.Order]:
    """Orders by marketplace order id, or by invoice number; raises UserError naming every key not found.

    A key matching orders in two channels is ambiguous: the message asks for --channel.
    """
    keys = [key.strip() for key in keys]
    by_id = _orders_where(m.Order.order_id, keys, channel)  # a 1,000-order selection: a few queries, not 1,000
    rest = [key for key in keys if key not in by_id]
    by_invoice = _orders_where(m.Order.invoice, rest, channel) if rest else {}
    found: list[m.Order] = []
    seen: set[int] = set()
    missing: list[str] = []
    for key in keys:
        rows = by_id.get(key) or by_invoice.get(key)
        if not rows:
            missing.append(key)
            continue
        if len(rows) > 1:
            names = ", ".join(sorted({r.channel.name for r in rows}))
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "Order {key} exists in several channels ({names}); choose "
                                                          "one with --channel NAME."), key=key, names=names)
        if rows[0].id not in seen:
            seen.add(rows[0].id)
            found.append(rows[0])
    if missing:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "No order {missing} in the local store. Check the order id or "
                                                      "invoice number, or pull orders first (tokodesk sync orders)."),
                        missing=', '.join(missing))
    return found


def _orders_where(field: pw.Field, keys: Sequence[str], channel: m.Channel | None) -> dict[str, list[m.Order]]:
    rows: dict[str, list[m.Order]] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), 500):
        query = m.Order.select().where(field.in_(unique[start:start + 500]))
        if channel is not None:
            query = query.where(m.Order.channel == channel.id)
        for row in query.order_by(m.Order.id):
            rows.setdefault(getattr(row, field.name), []).append(row)
    return rows


def lines_of(order: m.Order) -> list[m.OrderLine]:
    return list(m.OrderLine.select().where(m.OrderLine.order == order.id).order_by(m.OrderLine.line_no, m.OrderLine.id))


def unmapped_lines(order: m.Order) -> list[m.OrderLine]:
    return [line for line in lines_of(order) if not line.seller_sku]


def to_marketplace_order(order: m.Order, lines: Sequence[m.OrderLine] | None = None) -> base.Order:
    """The store row as the adapter's `Order` (what reject/ship/shipping_label take). `lines`: the order's lines when
    the caller read them already (`lines_of_orders`)."""
    return base.Order(
        order_id=order.order_id,
        invoice=order.invoice,
        marketplace_status=order.marketplace_status,
        state=base.OrderState(order.state),
        created_at=order.created_at,
        updated_at=order.updated_at,
        buyer_name=order.buyer_name,
        recipient=base.Recipient(
            name=order.recipient_name,
            phone=order.recipient_phone,
            address=order.recipient_address,
            district=order.recipient_district,
            city=order.recipient_city,
            province=order.recipient_province,
            postal_code=order.recipient_postal_code,
        ),
        courier=order.courier,
        service=order.service,
        booking_code=order.booking_code,
        awb=order.awb,
        package_id=order.package_id,
        warehouse_id=order.warehouse_id,
        accept_deadline=order.accept_deadline,
        ship_deadline=order.ship_deadline,
        total_amount=order.total_amount,
        shipping_fee=order.shipping_fee,
        cod_amount=order.cod_amount,
        commerce_platform=order.commerce_platform,
        buyer_note=order.buyer_note,
        seller_ships=bool(order.seller_ships),
        lines=[
            base.OrderLine(
                product_id=line.product_id,
                sku=line.sku,
                name=line.name,
                quantity=line.quantity,
                price=line.price,
                sku_id=line.sku_id,
            )
            for line in (lines_of(order) if lines is None else lines)
        ],
    )


def lines_of_orders(order_ids: Sequence[int]) -> dict[int, list[m.OrderLine]]:
    """The lines of many orders, a query per 500 orders (a batch of 1,000 is not 1,000 queries)."""
    found: dict[int, list[m.OrderLine]] = {order_id: [] for order_id in order_ids}
    ids = list(found)
    for start in range(0, len(ids), 500):
        query = (m.OrderLine.select().where(m.OrderLine.order.in_(ids[start:start + 500]))
                 .order_by(m.OrderLine.order, m.OrderLine.line_no, m.OrderLine.id))
        for line in query:
            found[line.order_id].append(line)
    return found


def fresh_orders(orders: Sequence[m.Order]) -> dict[int, m.Order]:
    """These orders as stored now (what `reload` does one by one), a query per 500."""
    ids = list(dict.fromkeys(o.id for o in orders))
    found: dict[int, m.Order] = {}
    for start in range(0, len(ids), 500):
        found.update((o.id, o) for o in m.Order.select().where(m.Order.id.in_(ids[start:start + 500])))
    return found


def deadline_first(orders: Iterable[m.Order], attr: str = "accept_deadline") -> list[m.Order]:
    """Nearest deadline first; orders without one last, oldest first among equals."""
    far = datetime.max

    def key(order: m.Order) -> tuple:
        return (getattr(order, attr) or far, order.created_at or far, order.id)

    return sorted(orders, key=key)


def bump_version(order: m.Order, **changes: object) -> bool:
    """Change the order only if nobody else did since it was read (another station, a sync).

    The conditional UPDATE on `version` is what makes two stations safe: the loser changes nothing.
    """
    now = m.utcnow()
    rows = (
        m.Order.update(version=m.Order.version + 1, local_updated_at=now, **changes)
        .where((m.Order.id == order.id) & (m.Order.version == order.version))
        .execute()
    )
    if rows != 1:
        return False
    order.version += 1
    order.local_updated_at = now
    for name, value in changes.items():
        setattr(order, name, value)
    return True
