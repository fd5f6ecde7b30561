"""Orders into the store: the one writer of marketplace orders (`store_orders`, `apply_remote_order`).

A page of orders is stored in one transaction with a fixed number of queries whatever its size: one to find which
of its orders exist, one for their lines, bulk inserts for the new ones, and one UPDATE per order that really
changed. Re-pulling an unchanged page writes nothing.

State rules:
- the internal state comes from the adapter (`base.Order.state`), except the local states packed / ready_to_ship,
  which the marketplace does not know: a remote new/acknowledged never moves such an order back;
- every status change is an `OrderEvent`; a change TokoDesk did not cause and that the seller must notice (a
  buyer cancellation, an order accepted or shipped from Seller Center, a return, a hold on a packed order) also sets
  `changed_outside`, which stays until someone clears it.
"""

from __future__ import annotations

import logging
import operator
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

import peewee as pw

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, stored_words, term
from tokodesk.marketplace import base, clean
from tokodesk.marketplace.base import OrderState as S
from tokodesk.services.mapping import MappingIndex, add_unknown_products, refresh_unmapped_flags
from tokodesk.store import bulk
from tokodesk.store import models as m

log = logging.getLogger(__name__)

LOCAL_STATES = frozenset({S.PACKED.value, S.READY_TO_SHIP.value})
_BEFORE_HANDOVER = frozenset(
    {S.NEW.value, S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value, S.ON_HOLD.value}
)
_HANDED_OVER = frozenset({S.AWAITING_PICKUP.value, S.SHIPPED.value, S.DELIVERED.value, S.COMPLETED.value})
# Which TokoDesk action explains which new state (then the change is ours, not "outside").
_CAUSED_BY = {
    "ack": frozenset({S.ACKNOWLEDGED.value}),
    "nack": frozenset({S.CANCELLED.value}),
    "cancel": frozenset({S.CANCELLED.value}),
    "ship": _HANDED_OVER,
}

# Order columns written from a base.Order, in insert order.
_ORDER_COLUMNS = (
    "invoice", "marketplace_status", "state", "buyer_name", "recipient_name", "recipient_phone", "recipient_address",
    "recipient_district", "recipient_city", "recipient_province", "recipient_postal_code", "courier", "service",
    "booking_code", "awb", "package_id", "warehouse_id", "total_amount", "shipping_fee", "cod_amount",
    "commerce_platform", "buyer_note", "created_at", "updated_at", "accept_deadline", "ship_deadline",
    "seller_ships",
    "tts_sla_time", "rts_sla_time", "pick_up_cut_off_time", "priority_level", "hold_until",
    "cancellation_initiator",
)  # fmt: skip
_ORDER_VALUES = operator.itemgetter(*_ORDER_COLUMNS)  # a column-values dict -> its values in that order
_LINE_CONTENT = ("product_id", "sku", "sku_id", "name", "quantity", "price")


class MalformedOrder(ValueError):
    """An order from the marketplace that cannot be stored; the message says which field and why."""


@dataclass
class StoreResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (order id, reason)
    status_changes: list[tuple[str, str, str, bool]] = field(default_factory=list)  # (order id, old, new, outside)
    ids: dict[str, int] = field(default_factory=dict)  # marketplace order id -> Order.id of every stored order
    changed_ids: set[str] = field(default_factory=set)


def _utc(moment: object, what: str, *, required: bool = False) -> datetime | None:
    if moment is None:
        if required:
            raise MalformedOrder(f"{what} is missing")
        return None
    if not isinstance(moment, datetime):
        raise MalformedOrder(f"{what} is not a time ({type(moment).__name__})")
    zone = moment.tzinfo
    if zone is not None and zone is not timezone.utc:  # the adapters' times are UTC already: one replace() then
        moment = moment.astimezone(timezone.utc)
    # Whole seconds: the list and the detail view of one order disagree on fractions, which is no change.
    return moment.replace(tzinfo=None, microsecond=0)


def _int(value: object, what: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        raise MalformedOrder(f"{what} is not a whole number ({value!r})")
    return value


def _level(value: object) -> int | None:
    return None if value in (None, 0) else _int(value, "priority_level")


def _text(value: object, what: str, *, null: bool = False) -> str | None:
    if value.__class__ is str:  # the common case first: this runs ~25 times an order
        return value
    if value is None:
        return None if null else ""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return str(value)
    raise MalformedOrder(f"{what} is not text ({type(value).__name__})")


def _order_values(remote: base.Order) -> tuple[str, dict, list[tuple]]:
    """(order id, column values, line contents) of a remote order, or MalformedOrder."""
    order_id = _text(getattr(remote, "order_id", None), "order_id")
    if not order_id:
        raise MalformedOrder("order_id is missing")
    try:
        state = S(remote.state).value
    except ValueError:
        raise MalformedOrder(f"state {remote.state!r} is not a TokoDesk state") from None
    r = remote.recipient or base.Recipient()
    values = {
        "invoice": _text(remote.invoice, "invoice"),
        "marketplace_status": _text(remote.marketplace_status, "marketplace_status"),
        "state": state,
        "buyer_name": _text(remote.buyer_name, "buyer_name"),
        "recipient_name": _text(r.name, "recipient name"),
        "recipient_phone": _text(r.phone, "recipient phone"),
        "recipient_address": _text(r.address, "recipient address"),
        "recipient_district": _text(r.district, "recipient district"),
        "recipient_city": _text(r.city, "recipient city"),
        "recipient_province": _text(r.province, "recipient province"),
        "recipient_postal_code": _text(r.postal_code, "recipient postal code"),
        "courier": _text(remote.courier, "courier"),
        "service": _text(remote.service, "service"),
        "booking_code": _text(remote.booking_code, "booking_code", null=True) or None,
        "awb": _text(remote.awb, "awb", null=True) or None,
        "package_id": _text(remote.package_id, "package_id", null=True) or None,
        "warehouse_id": _text(remote.warehouse_id, "warehouse_id", null=True) or None,
        "total_amount": _int(remote.total_amount, "total_amount"),
        "shipping_fee": _int(remote.shipping_fee, "shipping_fee"),
        "cod_amount": _int(remote.cod_amount, "cod_amount"),
        "commerce_platform": _text(remote.commerce_platform, "commerce_platform"),
        "buyer_note": _text(remote.buyer_note, "buyer_note"),
        "created_at": _utc(remote.created_at, "created_at", required=True),
        "updated_at": _utc(remote.updated_at, "updated_at"),
        "accept_deadline": _utc(remote.accept_deadline, "accept_deadline"),
        "ship_deadline": _utc(remote.ship_deadline, "ship_deadline"),
        "seller_ships": bool(getattr(remote, "seller_ships", False)),
        "tts_sla_time": _utc(getattr(remote, "tts_sla_time", None), "tts_sla_time"),
        "rts_sla_time": _utc(getattr(remote, "rts_sla_time", None), "rts_sla_time"),
        "pick_up_cut_off_time": _utc(getattr(remote, "pick_up_cut_off_time", None), "pick_up_cut_off_time"),
        "priority_level": _level(getattr(remote, "priority_level", None)),
        "hold_until": _utc(getattr(remote, "hold_until", None), "hold_until"),
        "cancellation_initiator": _text(getattr(remote, "cancellation_initiator", ""), "cancellation_initiator"),
    }
    lines = []
    if not isinstance(remote.lines, list):
        raise MalformedOrder("lines is not a list")
    for n, line in enumerate(remote.lines, 1):
        quantity = _int(getattr(line, "quantity", None), f"line {n} quantity")
        if quantity < 1:
            raise MalformedOrder(f"line {n} quantity is {quantity}")
        lines.append(
            (
                _text(line.product_id, f"line {n} product_id"),
                (_text(line.sku, f"line {n} sku") or "").strip(),
                _text(line.sku_id, f"line {n} sku_id"),
                _text(line.name, f"line {n} name"),
                quantity,
                _int(line.price, f"line {n} price"),
            )
        )
    return order_id, values, lines


def _merged_state(local: str, remote: str) -> str:
    if local in LOCAL_STATES and remote in (S.NEW.value, S.ACKNOWLEDGED.value):
        return local
    return remote


def _is_outside(old: str, new: str) -> bool:
    """Would the seller want to know that the marketplace moved an order from `old` to `new` by itself?"""
    if new in (S.CANCELLED.value, S.RETURNED.value):
        return True
    if new == S.ACKNOWLEDGED.value and old == S.NEW.value:
        return True  # accepted in Seller Center
    if new in _HANDED_OVER and old in _BEFORE_HANDOVER:
        return True  # shipped from Seller Center (or by another tool)
    return new == S.ON_HOLD.value and old in (S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value)


def store_orders(
    channel: m.Channel,
    remotes: Sequence[base.Order | base.InvalidOrder],
    *,
    who: str = "marketplace",
    index: MappingIndex | None = None,
) -> StoreResult:
    """Upsert a page of marketplace orders on (channel, order id). Call it inside a transaction."""
    result = StoreResult()
    index = index or MappingIndex(channel)
    parsed: dict[str, tuple[dict, list[tuple]]] = {}
    packages: dict[str, list[base.PackageRef]] = {}
    for remote in remotes:
        if isinstance(remote, base.InvalidOrder):
            result.failed.append((str(remote.order_id or "?"), remote.reason))
            continue
        try:
            order_id, values, lines = _order_values(remote)
        except MalformedOrder as exc:
            result.failed.append((str(getattr(remote, "order_id", "") or "?"), str(exc)))
            continue
        except (AttributeError, TypeError) as exc:  # not even shaped like an Order
            result.failed.append((str(getattr(remote, "order_id", "") or "?"), f"unreadable ({exc})"))
            continue
        parsed[order_id] = (values, lines)  # a page listing an order twice: the later copy wins
        if getattr(remote, "packages", None):
            packages[order_id] = list(remote.packages)
    if not parsed:
        return result
    database = m.Order._meta.database
    try:
        with database.atomic():  # a savepoint: a page that cannot be stored leaves nothing half-written
            attempt = StoreResult()
            _store_parsed(channel, parsed, packages, who, index, attempt)
    except Exception as exc:  # noqa: BLE001 - sorted below: only a bad value is this page's own problem
        if not _is_bad_value(exc):
            raise
        # One order the database refuses (a value it cannot hold) must not stop the page: store them one by one.
        log.warning("a page of %d orders could not be stored at once (%s); storing them one by one",
                    len(parsed), type(exc).__name__)
        index.reload()  # the failed attempt may have taught it mappings that were rolled back
        for order_id, content in parsed.items():
            try:
                with database.atomic():
                    attempt = StoreResult()
                    one = {order_id: packages[order_id]} if order_id in packages else {}
                    _store_parsed(channel, {order_id: content}, one, who, index, attempt)
            except Exception as exc:  # noqa: BLE001 - as above
                if not _is_bad_value(exc):
                    raise
                index.reload()
                result.failed.append((order_id, f"could not be stored: {clean.clean_message(exc)}"))
                continue
            _merge(result, attempt)
        return result
    _merge(result, attempt)
    return result


def _is_bad_value(exc: BaseException) -> bool:
    """A value the database refuses (encoding, NUL, too long, out of range, a constraint), as opposed to the
    database being unavailable or locked, which is no order's fault and ends the run."""
    # OverflowError: SQLite's driver refuses a whole number past 64 bits (PostgreSQL says out of range: DataError).
    if isinstance(exc, (UnicodeError, ValueError, OverflowError, pw.DataError, pw.IntegrityError)):
        return True
    # The raw bulk statements bypass peewee's error wrapping: the driver's own DB-API classes arrive here.
    return any(c.__name__ in ("DataError", "IntegrityError") for c in type(exc).__mro__)


def _merge(result: StoreResult, part: StoreResult) -> None:
    result.created += part.created
    result.updated += part.updated
    result.unchanged += part.unchanged
    result.failed.extend(part.failed)
    result.status_changes.extend(part.status_changes)
    result.ids.update(part.ids)
    result.changed_ids.update(part.changed_ids)


def _store_parsed(
    channel: m.Channel, parsed: dict[str, tuple[dict, list[tuple]]], packages: dict[str, list[base.PackageRef]],
    who: str, index: MappingIndex, result: StoreResult,
) -> None:
    unknown = {
        (ln[0], ln[1], ln[2], ln[3]) for _, lines in parsed.values() for ln in lines if not index.known(ln[0], ln[2])
    }
    if unknown:
        add_unknown_products(channel, sorted(unknown), index)

    existing = _existing_orders(channel, list(parsed))
    old_lines = _old_lines([row["id"] for row in existing.values()]) if existing else {}

    as_stored = bulk.stored_form(m.Order._meta.database)
    now = m.utcnow()
    new_ids = [oid for oid in parsed if oid not in existing]
    if new_ids:
        _insert_new(channel, new_ids, parsed, index, who, now, result)
    changed_states: list[tuple[str, dict, dict]] = []
    remapped: list[int] = []
    for oid, row in existing.items():
        values, lines = parsed[oid]
        result.ids[oid] = row["id"]
        updates = _changes(row, values, as_stored)
        line_rows = old_lines.get(row["id"], [])
        new_lines = None
        if [tuple(r[1:7]) for r in line_rows] != lines:
            new_lines = lines
            updates["has_unmapped"] = None  # decided below from the new lines
        elif any(r[7] is None for r in line_rows):
            # Same lines; map the ones a mapping now covers (a mapped line keeps its seller SKU: stock may be taken).
            for r in line_rows:
                if r[7] is None:
                    seller_sku = index.seller_sku(r[1], r[2], r[3])
                    if seller_sku:
                        m.OrderLine.update(seller_sku=seller_sku).where(m.OrderLine.id == r[0]).execute()
                        remapped.append(row["id"])
        if not updates and new_lines is None:
            result.unchanged += 1
            continue
        if new_lines is not None:
            m.OrderLine.delete().where(m.OrderLine.order == row["id"]).execute()
            mapped = _line_rows(row["id"], new_lines, index)
            m.OrderLine.insert_many(mapped, fields=_LINE_FIELDS).execute()
            updates["has_unmapped"] = any(r[-1] is None for r in mapped)
        if "state" in updates:
            changed_states.append((oid, row, updates))
        else:
            _write_update(row, updates, now, who, result, outside=False)
    if remapped:
        refresh_unmapped_flags(sorted(set(remapped)))
    if packages:
        _store_packages(channel, packages, existing, result, now, who)
    if changed_states:
        explained = _explained_by_actions([row["id"] for _, row, _ in changed_states])
        for oid, row, updates in changed_states:
            new_state = updates["state"]
            caused = who != "marketplace" or new_state in explained.get(row["id"], ())
            outside = not caused and _is_outside(row["state"], new_state)
            if outside:
                updates["changed_outside"] = True
            result.status_changes.append((oid, row["state"], new_state, outside))
            _write_update(row, updates, now, who, result, outside=outside)


def _store_packages(
    channel: m.Channel, packages: dict[str, list[base.PackageRef]], existing: dict[str, dict], result: StoreResult,
    now: datetime, who: str,
) -> None:
    from tokodesk.services.packages import store_packages

    by_pk = {result.ids[oid]: refs for oid, refs in packages.items() if oid in result.ids}
    new_pks = {result.ids[oid] for oid in packages if oid in result.ids and oid not in existing}
    moved = store_packages(channel, by_pk, now, new_orders=new_pks)
    repack = _packed_into_other_parcels(sorted(moved))
    for pk in sorted(moved):
        ids = ", ".join(ref.package_id for ref in by_pk[pk])
        detail = said(QT_TRANSLATE_NOOP("History", "packages now {ids} (split or combined on the marketplace)"),
                      ids=ids)
        if pk in repack:
            detail = said(QT_TRANSLATE_NOOP("History", "{detail}; it was packed into other parcels: back to pack, "
                                                       "pack each parcel again"), detail=detail)
        m.OrderEvent.create(order=pk, at=now, who=who, kind="packages", detail=detail, words=stored_words(detail))
    if repack:
        # Packed into the parcels it had before: the new packages (each its own label) are not packed, so neither is
        # the order. A parcel packed as one while the marketplace now wants two would leave with one label only.
        back = {"state": S.ACKNOWLEDGED.value, "packed_at": None, "packed_by": "", "label_printed_at": None}
        if who == "marketplace":  # split or combined in Seller Center: the seller is told (⚑), not only the log
            back["changed_outside"] = True
        m.Order.update(**back).where(m.Order.id.in_(repack)).execute()
    if moved:
        # The queue learns of it through the change cursor, like any other change.
        m.Order.update(version=m.Order.version + 1, local_updated_at=now).where(m.Order.id.in_(sorted(moved))).execute()
        result.changed_ids.update(oid for oid in packages if result.ids.get(oid) in moved)


def _packed_into_other_parcels(order_pks: list[int]) -> list[int]:
    """Of orders whose packages just changed: those packed (or ready to ship) with a package now waiting that is not
    packed, i.e. packed into the parcels they had before the split or combine."""
    if not order_pks:
        return []
    packed = (S.PACKED.value, S.READY_TO_SHIP.value)
    unpacked = (m.PackageOrder.select(m.PackageOrder.order).join(m.Package)
                .where(m.PackageOrder.order.in_(order_pks) & m.Package.packed_at.is_null()
                       & m.Package.status.in_(("", "TO_FULFILL"))))
    return [pk for (pk,) in m.Order.select(m.Order.id).where(
        m.Order.id.in_(order_pks) & m.Order.state.in_(packed) & m.Order.id.in_(unpacked)).tuples()]


_LINE_FIELDS = [
    m.OrderLine.order, m.OrderLine.line_no, m.OrderLine.product_id, m.OrderLine.sku, m.OrderLine.sku_id,
    m.OrderLine.name, m.OrderLine.quantity, m.OrderLine.price, m.OrderLine.seller_sku,
]  # fmt: skip
_ORDER_FIELDS = [m.Order.channel, m.Order.order_id, *(getattr(m.Order, c) for c in _ORDER_COLUMNS)]
_ORDER_FIELDS += [m.Order.has_unmapped, m.Order.local_updated_at]


_EXISTING_COLUMNS = ("id", "order_id", "version", *_ORDER_COLUMNS)


def _existing_orders(channel: m.Channel, order_ids: list[str]) -> dict[str, dict]:
    """The stored orders among `order_ids`, as {order id: {column: value as stored}} (raw: no per-value parsing)."""
    database = m.Order._meta.database
    columns = ", ".join(f'"{m.Order._meta.fields[c].column_name}"' for c in _EXISTING_COLUMNS)
    existing = {}
    for chunk in bulk.chunks(order_ids):
        among, params = bulk.is_in(database, '"order_id"', chunk)
        sql = f'SELECT {columns} FROM "{m.Order._meta.table_name}" WHERE "channel_id" = {database.param} AND {among}'
        for values in bulk.select(database, sql, [channel.id, *params]):
            row = dict(zip(_EXISTING_COLUMNS, values, strict=True))
            existing[row["order_id"]] = row
    return existing


_OLD_LINE_COLUMNS = ("order_id", "id", "product_id", "sku", "sku_id", "name", "quantity", "price", "seller_sku")


def _old_lines(order_pks: list[int]) -> dict[int, list[tuple]]:
    """{order pk: [(line id, product_id, sku, sku_id, name, quantity, price, seller_sku), ...] in line order}."""
    database = m.OrderLine._meta.database
    lines: dict[int, list[tuple]] = defaultdict(list)
    columns = ", ".join(f'"{c}"' for c in _OLD_LINE_COLUMNS)
    for chunk in bulk.chunks(order_pks):
        among, params = bulk.is_in(database, '"order_id"', chunk)
        sql = f'SELECT {columns} FROM "{m.OrderLine._meta.table_name}" WHERE {among} ORDER BY "order_id", "line_no"'
        for row in bulk.select(database, sql, params):
            lines[row[0]].append(row[1:])
    return lines


def _line_rows(order_pk: int, lines: list[tuple], index: MappingIndex) -> list[tuple]:
    return [
        (order_pk, n, pid, sku, sku_id, name, qty, price, index.seller_sku(pid, sku, sku_id))
        for n, (pid, sku, sku_id, name, qty, price) in enumerate(lines, 1)
    ]


def _insert_new(
    channel: m.Channel,
    new_ids: list[str],
    parsed: dict[str, tuple[dict, list[tuple]]],
    index: MappingIndex,
    who: str,
    now: datetime,
    result: StoreResult,
) -> None:
    rows = []
    mapped_lines: dict[str, list[tuple]] = {}
    for oid in new_ids:
        values, lines = parsed[oid]
        mapped = _line_rows(0, lines, index)
        mapped_lines[oid] = mapped
        rows.append((channel.id, oid, *_ORDER_VALUES(values), any(r[-1] is None for r in mapped), now))
    pks: dict[str, int] = bulk.insert_ids(m.Order, _ORDER_FIELDS, rows, m.Order.order_id,
                                          (m.Order.channel, channel.id))
    line_rows = [(pks[oid], *r[1:]) for oid in new_ids for r in mapped_lines[oid]]
    bulk.insert(m.OrderLine, _LINE_FIELDS, line_rows)
    events = []
    for oid in new_ids:
        detail = said(QT_TRANSLATE_NOOP("History", "status {code} ({state})"),
                      code=parsed[oid][0]["marketplace_status"], state=term("OrderState", parsed[oid][0]["state"]))
        events.append((pks[oid], now, who, "pulled", detail, stored_words(detail)))
    bulk.insert(m.OrderEvent, [m.OrderEvent.order, m.OrderEvent.at, m.OrderEvent.who, m.OrderEvent.kind,
                                m.OrderEvent.detail, m.OrderEvent.words], events)  # fmt: skip
    result.created += len(new_ids)
    result.ids.update(pks)
    result.changed_ids.update(new_ids)


# Fields one view of an order has and another lacks (the list has no update time, the AWB comes late): an empty
# value there means "not in this view", never "erased".
_KEEP_WHEN_EMPTY = frozenset(
    {"booking_code", "awb", "package_id", "warehouse_id", "updated_at", "accept_deadline", "ship_deadline",
     "tts_sla_time", "rts_sla_time", "pick_up_cut_off_time", "priority_level", "cancellation_initiator"}
)
_ADDRESS_PARTS = ("recipient_address", "recipient_district", "recipient_city", "recipient_province",
                  "recipient_postal_code")  # fmt: skip


def _address_words(values: dict) -> set[str]:
    text = " ".join(values[c] or "" for c in _ADDRESS_PARTS).lower()
    return set("".join(ch if ch.isalnum() else " " for ch in text).split())


def _changes(row: dict, values: dict, as_stored) -> dict:  # noqa: ANN001
    updates = {}
    for column in _ORDER_COLUMNS:
        new = values[column]
        if column == "state":
            new = _merged_state(row["state"], new)
        elif column in _KEEP_WHEN_EMPTY and not new and row[column]:
            continue
        if row[column] != as_stored(new):
            updates[column] = new
    if "recipient_address" in updates and _address_words(row) == _address_words(values):
        # Tokopedia's list has the whole address in one line, its detail view splits it: the same address.
        del updates["recipient_address"]
    return updates


def _explained_by_actions(order_pks: list[int]) -> dict[int, set[str]]:
    """States each order may have reached because of TokoDesk's own outbox actions."""
    explained: dict[int, set[str]] = defaultdict(set)
    query = m.Action.select(m.Action.order, m.Action.kind).where(
        m.Action.order.in_(order_pks) & (m.Action.status != "failed")
    )
    for order_pk, kind in query.tuples():
        explained[order_pk] |= _CAUSED_BY.get(kind, frozenset())
    return explained


def _write_update(row: dict, updates: dict, now: datetime, who: str, result: StoreResult, *, outside: bool) -> None:
    updates["version"] = row["version"] + 1
    updates["local_updated_at"] = now
    m.Order.update(**updates).where(m.Order.id == row["id"]).execute()
    result.updated += 1
    result.changed_ids.add(row["order_id"])
    if "state" in updates or "marketplace_status" in updates:
        new_state = updates.get("state", row["state"])
        new_code = updates.get("marketplace_status", row["marketplace_status"])
        if new_state != row["state"]:  # after our own action the local state moved first: only the code changes
            detail = said(QT_TRANSLATE_NOOP("History", "status {code_from} → {code_to} ({state_from} → {state_to})"),
                          code_from=row["marketplace_status"], code_to=new_code,
                          state_from=term("OrderState", row["state"]), state_to=term("OrderState", new_state))
        else:  # the window says what the codes mean
            detail = said(QT_TRANSLATE_NOOP("History", "status {code_from} → {code_to}"),
                          code_from=term("MarketplaceStatus", row["marketplace_status"]),
                          code_to=term("MarketplaceStatus", new_code))
        if outside:
            detail = said(QT_TRANSLATE_NOOP("History", "{detail}; changed outside TokoDesk"), detail=detail)
        kind = "status_changed"
    else:
        what = sorted(k for k in updates if k not in ("version", "local_updated_at", "has_unmapped"))
        # The fields by their names in the database (for support), as the English says them.
        detail = said(QT_TRANSLATE_NOOP("History", "changed: {fields}"), fields=", ".join(what or ["lines"]))
        kind = "updated"
    m.OrderEvent.create(order=row["id"], at=now, who=who, kind=kind, detail=detail, words=stored_words(detail))


def apply_remote_order(
    channel: m.Channel, remote: base.Order, *, who: str = "marketplace"
) -> tuple[m.Order, bool, bool]:
    """Write one marketplace order into the store: (the Order row, created, changed).

    The fulfilment service calls this after re-reading an order; `who` other than "marketplace" means TokoDesk
    caused the change, so it is not flagged as changed outside. Raises MalformedOrder for an unreadable order.
    """
    database = m.Order._meta.database
    with database.atomic():
        result = store_orders(channel, [remote], who=who)
    if result.failed:
        raise MalformedOrder(f"order {result.failed[0][0]}: {result.failed[0][1]}")
    order_id = next(iter(result.ids))
    row = m.Order.get_by_id(result.ids[order_id])
    return row, bool(result.created), order_id in result.changed_ids
