"""The seller's stock: on hand, reserved, and what each marketplace SKU may show (DESIGN.md §1 row 7).

The arithmetic, and the decisions behind it:

* **on hand** is `StockItem.on_hand`, the seller's own count (`tokodesk stock set|import`). It drops when an order
  leaves the shelf (`take_stock_for_shipped_orders`) and rises only when a seller says a return came back
  (`receive_return`). It may go below zero when more was shipped than was counted: that is shown, not hidden.
* **reserved** = the quantities on order lines whose order is in `RESERVING_STATES` (new, acknowledged, packed,
  ready to ship, on hold), plus the lines of orders already in `SHIPPED_STATES` whose stock has not been taken
  off on hand yet. The second part closes the window between "the marketplace says shipped" and the moment on
  hand is reduced: the quantity stays held until it is taken, so no push in between can offer it twice. Orders of
  every channel count: the stock is one shelf.
* **one pool per seller SKU**: pool = max(0, on hand − reserved). When a seller SKU is mapped to several
  marketplace SKUs (a variant listed twice, a second channel), the pool is **split** between the mappings, not
  offered in full to each: mapping k of n (ordered by mapping id, all channels) gets pool // n, and the first
  pool % n mappings one more. The shares add up to the pool, so two listings can never sell the same unit
  (the never-oversell reading; a listing may show 0 while its twin shows the last unit).
* **available** (the number pushed) = max(0, share − buffer of that mapping), and 0 when it is below the
  channel's `push_zero_below` threshold (the "about to sell out" rule of the anchors).
* **never counted** is a state of its own: a mapped seller SKU with no StockItem, or one whose `on_hand` is None
  (the SKU pull creates them so), is not managed by TokoDesk yet. It is skipped by the push and the reconciliation
  (pushing 0 to every listing before the seller counted anything would close the shop) until someone counts it
  (`stock set|import`) or adopts the marketplace's figure (`services.stock_adopt`, `tokodesk stock adopt`).
  Orders do not move an uncounted SKU: taking a shipped order off "unknown" leaves it unknown (a negative count
  made up from sales alone would then be pushed as 0), and a return puts nothing back on it.

Everything is computed in a single aggregate query, whatever the number of SKUs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import peewee as pw

from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, listed, said, stored_words, term
from tokodesk.marketplace.base import RESERVING_STATES, SHIPPED_STATES, OrderState
from tokodesk.store import bulk
from tokodesk.store import models as m
from tokodesk.store.tx import write_transaction

log = logging.getLogger(__name__)

MAX_QUANTITY = 999_999_999  # fits every marketplace's stock field and a 32-bit column
_CHUNK = 500  # ids per IN (...) clause: well under SQLite's variable limit

RESERVING = tuple(str(s) for s in RESERVING_STATES)
SHIPPED = tuple(str(s) for s in SHIPPED_STATES)
# A cancel after the parcel left, or a return: the goods come back only when a person receives them.
RETURN_STATES = (str(OrderState.CANCELLED), str(OrderState.RETURNED))


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _mapping_values(column: pw.Field, seller_skus: Sequence[str]) -> set:
    """Distinct values of a SkuMapping column over the mappings of these seller SKUs (chunked for SQLite's limit)."""
    values: set = set()
    for chunk in _chunks(list(seller_skus)):
        query = m.SkuMapping.select(column).where(m.SkuMapping.seller_sku.in_(list(chunk))).distinct()
        values.update(v for (v,) in query.tuples())
    return values


# ---------------------------------------------------------------------------------------------------------------
# Quantities typed by a person


def parse_quantity(text: str | int, *, what: str = QT_TRANSLATE_NOOP("Refusals", "quantity")) -> int:
    """A stock count from a person: a whole number from 0 up. Raises UserError naming what is wrong."""
    if isinstance(text, bool):
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what}: {text!r} is not a number of units"),
                        what=what, text=text)
    if isinstance(text, int):
        value = text
    else:
        raw = str(text).strip()
        if not raw:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what} is empty: write a whole number of units, e.g. 12"),
                            what=what)
        try:
            value = int(raw)
        except ValueError:
            try:
                as_float = float(raw.replace(",", "."))
            except ValueError:
                raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what}: {raw!r} is not a number; write a whole number "
                                                              "of units, e.g. 12"), what=what, raw=raw) from None
            if as_float < 0:
                raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what}: {raw} is negative; stock cannot be below 0"),
                                what=what, raw=raw) from None
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what}: {raw!r} is not a whole number; stock is counted "
                                                          "in whole units (write it without decimals or thousands "
                                                          "separators, e.g. 1250)"), what=what, raw=raw) from None
    if value < 0:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what}: {value} is negative; stock cannot be below 0 (use 0 "
                                                      "for sold out)"), what=what, value=value)
    if value > MAX_QUANTITY:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{what}: {value} is too large (at most {max_quantity:,})"),
                        what=what, value=value, max_quantity=MAX_QUANTITY)
    return value


def normalise_sku(text: str) -> str:
    sku = str(text).strip()
    if not sku:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "a seller SKU is empty"))
    if len(sku) > 255:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "seller SKU {sku!r}… is longer than 255 characters"),
                        sku=sku[:30])
    return sku


# ---------------------------------------------------------------------------------------------------------------
# Changing on hand


@dataclass
class SetResult:
    created: list[str] = field(default_factory=list)  # seller SKUs that did not exist and now do
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)  # set here but mapped to no marketplace SKU: nothing to push
    settled_orders: int = 0  # shipped orders whose stock was taken before the new count applied

    @property
    def changed(self) -> int:
        return len(self.created) + len(self.updated)


def set_stock(counts: Sequence[tuple[str, int]]) -> SetResult:
    """Set on hand to the counted values, in one transaction. Unknown seller SKUs are created.

    A count is what is on the shelf now. Orders already handed to the courier but not yet taken off on hand are
    settled first, so the new count is not reduced a second time by them later.
    """
    result = SetResult()
    if not counts:
        return result
    seen: dict[str, int] = {}
    for sku, qty in counts:
        sku = normalise_sku(sku)
        qty = parse_quantity(qty, what=said(QT_TRANSLATE_NOOP("Refusals", "quantity of {sku}"), sku=sku))
        if sku in seen and seen[sku] != qty:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "seller SKU {sku} is given twice ({seen} and {qty}); give "
                                                          "each SKU once"), sku=sku, seen=seen[sku], qty=qty)
        seen[sku] = qty
    now = m.utcnow()
    with write_transaction(m.StockItem):  # what is read here decides what is written
        shown_before = _on_hand_of(list(seen))  # what the seller saw: "unchanged" is judged against it
        result.settled_orders = take_stock_for_shipped_orders(None)
        existing = _on_hand_of(list(seen)) if result.settled_orders else shown_before
        new_rows = [{"seller_sku": s, "on_hand": q, "updated_at": now} for s, q in seen.items() if s not in existing]
        for chunk in _chunks(new_rows, 200):
            m.StockItem.insert_many(chunk).execute()
        result.created = [row["seller_sku"] for row in new_rows]
        for sku, qty in seen.items():
            if sku not in existing:
                continue
            if existing[sku] != qty:
                m.StockItem.update(on_hand=qty, updated_at=now).where(m.StockItem.seller_sku == sku).execute()
            (result.unchanged if shown_before[sku] == qty else result.updated).append(sku)
        mapped = _mapping_values(m.SkuMapping.seller_sku, list(seen))
        result.unmapped = [s for s in seen if s not in mapped]
        if result.changed:
            mark_inventory_dirty_for_skus([s for s in seen if s not in result.unchanged])
    log.info(
        "stock set: %d created, %d updated, %d unchanged", len(result.created), len(result.updated),
        len(result.unchanged),
    )
    return result


def _on_hand_of(seller_skus: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(list(seller_skus)):
        query = m.StockItem.select(m.StockItem.seller_sku, m.StockItem.on_hand).where(
            m.StockItem.seller_sku.in_(list(chunk))
        )
        found.update(dict(query.tuples()))
    return found


def take_stock_for_shipped_orders(channel: m.Channel | int | None = None) -> int:
    """Take the quantities of newly shipped orders off on hand, exactly once per order. Returns how many orders.

    Call after anything that can move an order into `SHIPPED_STATES` (an order pull, a status refresh, a ship).
    `Order.stock_taken` is the guard: each order is claimed by a conditional UPDATE, so two stations running this
    at once never take the same order twice. An order first seen already shipped is taken too: if the seller's
    count came after it left, the next `stock set` corrects on hand (the safe direction: it shows less, never
    more). Lines without a seller SKU, or whose seller SKU has no StockItem, take nothing.
    """
    query = m.Order.select(m.Order.id).where(m.Order.state.in_(SHIPPED) & (m.Order.stock_taken == False))  # noqa: E712
    if channel is not None:
        query = query.where(m.Order.channel == (channel.id if isinstance(channel, m.Channel) else channel))
    candidates = [order_id for (order_id,) in query.tuples()]
    if not candidates:
        return 0
    database = m.Order._meta.database
    taken: list[int] = []
    with database.atomic():
        for start in range(0, len(candidates), 500):
            chunk = candidates[start:start + 500]
            if _take_all(chunk):
                taken += chunk
                continue
            for order_id in chunk:  # another station took some of them meanwhile: one by one, to know which
                claimed = (
                    m.Order.update(stock_taken=True)
                    .where((m.Order.id == order_id) & (m.Order.stock_taken == False))  # noqa: E712
                    .execute()
                )
                if claimed:
                    taken.append(order_id)
        _apply_lines(taken, sign=-1)
    if taken:
        _dirty_for_orders(taken)
        log.info("stock taken off on hand for %d shipped orders", len(taken))
    return len(taken)


def settle_shipped_before_count(channel: m.Channel | int) -> int:
    """Mark the channel's orders shipped so far as taken off on hand without taking them: a count made now (the
    wizard's starting stock) already shows the shelf after they left. Returns how many orders."""
    channel_id = channel.id if isinstance(channel, m.Channel) else channel
    return (m.Order.update(stock_taken=True)
            .where((m.Order.channel == channel_id) & m.Order.state.in_(SHIPPED)
                   & (m.Order.stock_taken == False))  # noqa: E712
            .execute())


def receive_return(order: m.Order | int, *, who: str = "", kind: str = "", note: str = "") -> dict[str, int]:
    """Put a returned (or cancelled-after-shipping) order's goods back on hand. Returns {seller_sku: quantity} of
    the counted SKUs that went up.

    A cancel after the parcel left is a return on its way: on hand comes back only when a person receives the
    parcel and says so here (it may come back damaged, or not at all). Refused for an order whose stock was never
    taken (its reservation was simply released), for one that is still on its way to the buyer, and for one whose
    goods came back already by another path (`returns receive`): `stock_back.put_back` records each movement.
    """
    from tokodesk import config
    from tokodesk.services import stock_back

    # Read it afresh: the caller's copy may predate a status refresh.
    order = m.Order.get_or_none(m.Order.id == (order.id if isinstance(order, m.Order) else order))
    if order is None:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "no such order"))
    if order.state not in RETURN_STATES:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "order {invoice} is {state}: only a cancelled or returned "
                                                      "order's goods can be received back"),
                        invoice=order.invoice or order.order_id, state=term("OrderState", order.state))
    who = who or config.station_id()
    plan: dict[str, tuple[int, int]] = {}
    for line in m.OrderLine.select().where((m.OrderLine.order == order.id) & m.OrderLine.seller_sku.is_null(False)):
        good, _bad = plan.get(line.seller_sku, (0, 0))
        plan[line.seller_sku] = (good + line.quantity, 0)
    with m.db.atomic():
        claimed = (
            m.Order.update(stock_taken=False)
            .where((m.Order.id == order.id) & (m.Order.stock_taken == True))  # noqa: E712
            .execute()
        )
        if not claimed:
            if stock_back.came_back(order.id):
                stock_back.put_back(plan, who=who, order=order)  # refuses, naming what came back and how
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "order {invoice}: its stock was never taken off on hand "
                                                          "(it was cancelled before it shipped, so the reservation "
                                                          "was released); nothing to put back"),
                            invoice=order.invoice or order.order_id)
        moves = stock_back.put_back(plan, who=who, order=order, good_kind=kind or stock_back.STOCK_RETURN, note=note)
        back = {mv.seller_sku: mv.quantity for mv in moves if mv.on_hand_after is not None}
        detail = listed([said(QT_TRANSLATE_NOOP("History", "{sku} +{quantity}"), sku=sku, quantity=qty)
                         for sku, qty in sorted(back.items())]) or \
            said(QT_TRANSLATE_NOOP("History", "no stocked lines"))
        m.OrderEvent.create(order=order.id, who=who, kind="return_received", detail=detail, words=stored_words(detail))
    _dirty_for_orders([order.id])
    return back


def _apply_lines(order_ids: Sequence[int], *, sign: int) -> None:
    """Add sign × the quantities of these orders' lines to on hand: one statement for every seller SKU together
    (a batch of 1,000 shipped orders touches ~140 SKUs: as many statements, round trips on PostgreSQL, before)."""
    totals: dict[str, int] = {}
    for chunk in _chunks(list(order_ids)):
        rows = (
            m.OrderLine.select(m.OrderLine.seller_sku, pw.fn.SUM(m.OrderLine.quantity))
            .where(m.OrderLine.order.in_(list(chunk)) & m.OrderLine.seller_sku.is_null(False))
            .group_by(m.OrderLine.seller_sku)
            .tuples()
        )
        for sku, qty in rows:
            totals[sku] = totals.get(sku, 0) + int(qty or 0)
    # An uncounted SKU stays uncounted: "unknown minus 2" is still unknown. Turning it into −2 would make it look
    # counted, and the next push would send 0 to every listing of it. The order is still marked taken, so a count
    # typed or adopted later (which sees the shelf after this order left) is not reduced again.
    bulk.add_to_known(m.StockItem.seller_sku, m.StockItem.on_hand, m.StockItem.updated_at,
                      [(sku, sign * qty) for sku, qty in totals.items() if qty], m.utcnow())


# ---------------------------------------------------------------------------------------------------------------
# The "a push is due" flag


class _SomeTaken(Exception):
    pass


def _take_all(order_ids: list[int]) -> bool:
    """Claim the stock of all these orders in one statement (a savepoint): True, or False with nothing claimed when
    another station already took one of them (or its statement met ours: a PostgreSQL deadlock, rolled back)."""
    try:
        with m.Order._meta.database.atomic():
            claimed = (m.Order.update(stock_taken=True)
                       .where(m.Order.id.in_(order_ids) & (m.Order.stock_taken == False)).execute())  # noqa: E712
            if claimed != len(order_ids):
                raise _SomeTaken
    except (_SomeTaken, pw.OperationalError, pw.InternalError):
        return False
    return True


def mark_inventory_dirty(channel: m.Channel | int | None = None) -> int:
    """Note that stock changed, so the scheduler pushes soon. None: every channel with inventory sync on.

    Call after anything that changes on hand or reserved: a stock set/import, an order pulled, shipped, cancelled.
    Always stamps now (never keeps an older stamp), so a change made while a push runs is not cleared by it.
    """
    query = m.Channel.update(inventory_dirty_at=m.utcnow()).where(m.Channel.inventory_sync == True)  # noqa: E712
    if channel is not None:
        query = query.where(m.Channel.id == (channel.id if isinstance(channel, m.Channel) else channel))
    return query.execute()


def mark_inventory_dirty_for_skus(seller_skus: Sequence[str]) -> int:
    """Mark dirty the channels that list any of these seller SKUs."""
    channel_ids = _mapping_values(m.SkuMapping.channel, seller_skus)
    return sum(mark_inventory_dirty(c) for c in sorted(channel_ids))


def _dirty_for_orders(order_ids: Sequence[int]) -> None:
    skus: set[str] = set()
    for chunk in _chunks(list(order_ids)):
        skus.update(
            s
            for (s,) in m.OrderLine.select(m.OrderLine.seller_sku)
            .where(m.OrderLine.order.in_(list(chunk)) & m.OrderLine.seller_sku.is_null(False))
            .distinct()
            .tuples()
        )
    if skus:
        mark_inventory_dirty_for_skus(sorted(skus))


def clear_inventory_dirty(channel: m.Channel, *, if_before: object) -> None:
    """Clear the flag only if nothing changed since `if_before` (the push's start)."""
    m.Channel.update(inventory_dirty_at=None).where(
        (m.Channel.id == channel.id) & (m.Channel.inventory_dirty_at <= if_before)
    ).execute()


# ---------------------------------------------------------------------------------------------------------------
# Reserved and available


def reserved_expression() -> pw.Select:
    """seller_sku → reserved quantity, as a subquery (one GROUP BY over the open order lines)."""
    reserving = m.Order.state.in_(RESERVING) | (
        m.Order.state.in_(SHIPPED) & (m.Order.stock_taken == False)  # noqa: E712
    )
    return (
        m.OrderLine.select(m.OrderLine.seller_sku, pw.fn.SUM(m.OrderLine.quantity).alias("reserved"))
        .join(m.Order, on=(m.OrderLine.order == m.Order.id))
        .where(reserving & m.OrderLine.seller_sku.is_null(False))
        .group_by(m.OrderLine.seller_sku)
    )


def reserved_by_sku(seller_skus: Sequence[str] | None = None) -> dict[str, int]:
    query = reserved_expression()
    if seller_skus is not None:
        result: dict[str, int] = {}
        for chunk in _chunks(list(seller_skus)):
            q = query.where(m.OrderLine.seller_sku.in_(list(chunk)))
            result.update({sku: int(qty or 0) for sku, qty in q.tuples()})
        return result
    return {sku: int(qty or 0) for sku, qty in query.tuples()}


@dataclass
class Availability:
    """One mapped marketplace SKU and the number TokoDesk would push for it now."""

    mapping_id: int
    channel_id: int
    product_id: str
    marketplace_sku: str
    sku_id: str
    seller_sku: str
    on_hand: int | None  # None: never counted (only with include_uncounted)
    reserved: int
    buffer: int
    listings: int  # how many mappings share this seller SKU's pool
    share: int  # this mapping's part of the pool, before its buffer
    available: int | None  # what is pushed: max(0, share - buffer), or 0 below the channel threshold; None: uncounted
    last_pushed_qty: int | None
    last_pushed_at: object | None
    last_push_status: str
    marketplace_stock: int | None
    name: str = ""  # the product's name on the marketplace, as last pulled

    @property
    def counted(self) -> bool:
        return self.on_hand is not None

    @property
    def pool(self) -> int:
        return max(0, self.on_hand - self.reserved) if self.on_hand is not None else 0

    @property
    def needs_push(self) -> bool:
        return self.counted and self.last_pushed_qty != self.available


def split_pool(pool: int, listings: int, rank: int) -> int:
    """This listing's share of the pool (rank counts from 1): the shares of all listings add up to the pool."""
    if listings <= 0 or pool <= 0:
        return 0
    base, extra = divmod(pool, listings)
    return base + (1 if rank <= extra else 0)


def compute_availability(
    channel: m.Channel | int | None = None,
    product_ids: Sequence[str] | None = None,
    *,
    include_uncounted: bool = False,
) -> list[Availability]:
    """Every mapped, counted marketplace SKU with its available quantity, in one aggregate query.

    The pool split ranks mappings across all channels, so a channel is filtered after the window is computed.
    `include_uncounted` adds the mapped SKUs nobody counted yet (on_hand and available None) for display: the push
    and the reconciliation never ask for them.
    """
    reserved = reserved_expression().alias("r")
    partition = [m.SkuMapping.seller_sku]
    query = (
        m.SkuMapping.select(
            m.SkuMapping.id,
            m.SkuMapping.channel,
            m.SkuMapping.product_id,
            m.SkuMapping.marketplace_sku,
            m.SkuMapping.sku_id,
            m.SkuMapping.seller_sku,
            m.SkuMapping.buffer,
            m.SkuMapping.last_pushed_qty,
            m.SkuMapping.last_pushed_at,
            m.SkuMapping.last_push_status,
            m.SkuMapping.marketplace_stock,
            m.StockItem.on_hand,
            pw.fn.COALESCE(reserved.c.reserved, 0),
            pw.fn.COUNT(m.SkuMapping.id).over(partition_by=partition),
            pw.fn.ROW_NUMBER().over(partition_by=partition, order_by=[m.SkuMapping.id]),
            m.Channel.push_zero_below,
            m.Product.name,
        )
        .join(m.StockItem, on=(m.StockItem.seller_sku == m.SkuMapping.seller_sku))
        .switch(m.SkuMapping)
        .join(m.Channel, on=(m.Channel.id == m.SkuMapping.channel))
        .switch(m.SkuMapping)
        .join(reserved, pw.JOIN.LEFT_OUTER, on=(reserved.c.seller_sku == m.SkuMapping.seller_sku))
        .switch(m.SkuMapping)
        .join(m.Product, pw.JOIN.LEFT_OUTER,
              on=((m.Product.channel == m.SkuMapping.channel) & (m.Product.product_id == m.SkuMapping.product_id)))
        .order_by(m.SkuMapping.id)
    )
    if not include_uncounted:
        query = query.where(m.StockItem.on_hand.is_null(False))
    channel_id = channel.id if isinstance(channel, m.Channel) else channel
    wanted = set(product_ids) if product_ids is not None else None
    rows: list[Availability] = []
    for (
        mapping_id, ch_id, product_id, msku, sku_id, seller_sku, buffer, last_qty, last_at, last_status, mstock,
        on_hand, reserved_qty, listings, rank, zero_below, name,
    ) in query.tuples():
        if channel_id is not None and ch_id != channel_id:
            continue
        if wanted is not None and product_id not in wanted:
            continue
        reserved_qty = int(reserved_qty or 0)
        available: int | None = None
        share = 0
        if on_hand is not None:
            share = split_pool(max(0, on_hand - reserved_qty), int(listings), int(rank))
            available = max(0, share - max(0, buffer or 0))
            if zero_below and available < zero_below:
                available = 0
        rows.append(
            Availability(
                mapping_id=mapping_id,
                channel_id=ch_id,
                product_id=product_id,
                marketplace_sku=msku,
                sku_id=sku_id,
                seller_sku=seller_sku,
                on_hand=on_hand,
                reserved=reserved_qty,
                buffer=buffer or 0,
                listings=int(listings),
                share=share,
                available=available,
                last_pushed_qty=last_qty,
                last_pushed_at=last_at,
                last_push_status=last_status,
                marketplace_stock=mstock,
                name=name or "",
            )
        )
    return rows


UNCOUNTED_REASON = "never counted: count it (stock set/import) or adopt the marketplace's stock (stock adopt)"


def uncounted_mappings_query(channel: m.Channel | int | None = None) -> pw.Select:
    """Mapped marketplace SKUs whose seller SKU nobody counted yet (no StockItem, or on_hand None)."""
    query = (
        m.SkuMapping.select()
        .join(m.StockItem, pw.JOIN.LEFT_OUTER, on=(m.StockItem.seller_sku == m.SkuMapping.seller_sku))
        .where(m.SkuMapping.seller_sku.is_null(False) & m.StockItem.on_hand.is_null(True))
    )
    if channel is not None:
        query = query.where(m.SkuMapping.channel == (channel.id if isinstance(channel, m.Channel) else channel))
    return query


def untracked_mappings(channel: m.Channel | int) -> int:
    """Mapped marketplace SKUs whose seller SKU has no stock count yet (not pushed, not reconciled)."""
    return uncounted_mappings_query(channel).count()


@dataclass
class StockLine:
    """One seller SKU as the Inventory tab and `tokodesk stock list` show it."""

    seller_sku: str
    name: str
    on_hand: int | None  # None: never counted
    reserved: int
    available: int | None  # on hand − reserved, never below 0 (before buffers and the split); None: uncounted
    listings: int

    @property
    def counted(self) -> bool:
        return self.on_hand is not None


def stock_overview(seller_skus: Sequence[str] | None = None) -> list[StockLine]:
    reserved = reserved_expression().alias("r")
    listings = (
        m.SkuMapping.select(m.SkuMapping.seller_sku, pw.fn.COUNT(m.SkuMapping.id).alias("n"))
        .where(m.SkuMapping.seller_sku.is_null(False))
        .group_by(m.SkuMapping.seller_sku)
        .alias("l")
    )
    query = (
        m.StockItem.select(
            m.StockItem.seller_sku,
            m.StockItem.name,
            m.StockItem.on_hand,
            pw.fn.COALESCE(reserved.c.reserved, 0),
            pw.fn.COALESCE(listings.c.n, 0),
        )
        .join(reserved, pw.JOIN.LEFT_OUTER, on=(reserved.c.seller_sku == m.StockItem.seller_sku))
        .switch(m.StockItem)
        .join(listings, pw.JOIN.LEFT_OUTER, on=(listings.c.seller_sku == m.StockItem.seller_sku))
        .order_by(m.StockItem.seller_sku)
    )
    if seller_skus is not None:
        query = query.where(m.StockItem.seller_sku.in_(list(seller_skus)))
    return [
        StockLine(sku, name, on_hand, int(res or 0), None if on_hand is None else max(0, on_hand - int(res or 0)),
                  int(n or 0))
        for sku, name, on_hand, res, n in query.tuples()
    ]
