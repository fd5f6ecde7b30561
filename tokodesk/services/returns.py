"""Returns and refunds: the sync (`tokodesk sync returns`, on the scheduler), the queue, and checking goods back in.

The sync reads the returns updated since the last good run (less an overlap: a return can show up late in a list),
from the channel's *return sync from* date on the first run, and stores each one by (channel, return id): running
it twice changes nothing. Decisions (approve, reject, received) go through the outbox: `return_desk.py`.

A return's local `state` is the marketplace's, with one exception that costs the seller stock, not money: a return
and refund the platform closed (approved, or approved for the seller when the deadline ran out) whose parcel was
sent back but not yet checked in at the desk stays `to_inspect` until someone receives it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import peewee as pw

from tokodesk import config
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import base
from tokodesk.services.runs import RunSummary, last_run, sync_run
from tokodesk.store import models as m

log = logging.getLogger(__name__)

OVERLAP = timedelta(minutes=30)
FIRST_SYNC_BACK = timedelta(days=30)  # no "return sync from" set: a month back covers every open return
EVERY = timedelta(minutes=15)
RS = base.ReturnState
STATES = tuple(s.value for s in RS)
# The states whose deadline costs the seller money when it runs out (the platform decides for the seller).
URGENT = (RS.NEEDS_ANSWER.value, RS.TO_INSPECT.value)
FAILED_DELIVERY = "failed_delivery"  # a stock movement's kind (not an order event)


def capabilities_of(channel: m.Channel) -> base.Capabilities | None:
    """The channel's marketplace capabilities, without making an adapter (no keyring, no network)."""
    from tokodesk.services.channels import adapter_factory

    try:
        return getattr(getattr(adapter_factory(channel.marketplace), "__self__", None), "capabilities", None)
    except UserError:
        return None


def not_supported(channel: m.Channel, caps: base.Capabilities,
                  what: str = QT_TRANSLATE_NOOP("Refusals", "returns")) -> UserError:
    return UserError(QT_TRANSLATE_NOOP("Refusals", "Channel {name} uses {display_name} ({marketplace}), whose API "
                                                   "offers no {what}: handle returns in Seller Center."),
                     name=channel.name, display_name=caps.display_name, marketplace=channel.marketplace, what=what)


def next_due(channel: m.Channel, now: datetime) -> tuple[datetime | None, str]:
    """The scheduler's policy for returns: every 15 minutes where TokoDesk can answer them (their deadlines cost
    money); where the marketplace only lists them (Tokopedia's tickets), once the channel has a return sync date."""
    caps = capabilities_of(channel)
    if caps is None or not caps.returns_read:
        return None, "the marketplace has no returns API"
    if not caps.returns_decide and channel.return_sync_from is None:
        return None, "read-only returns: sync them on demand, or set the channel's return sync date"
    last = last_run(channel, "returns")
    if last is None:
        return now, QT_TRANSLATE_NOOP("ChannelTab", "never run")
    return last.started_at + EVERY, "every 15 min"


def sync_start(channel: m.Channel, now: datetime, overlap: timedelta = OVERLAP) -> datetime:
    """max(end of the last good run − overlap, the channel's "return sync from")."""
    floor = channel.return_sync_from or (now - FIRST_SYNC_BACK)
    last = last_run(channel, "returns", statuses=("ok",))
    if last is None or last.window_to is None:
        return floor
    return max(last.window_to - overlap, floor)


def sync_returns(
    channel: m.Channel,
    adapter: base.Marketplace | None = None,
    progress: base.Progress | None = None,
    cancel: base.CancelCheck | None = None,
    *,
    now: datetime | None = None,
) -> RunSummary:
    """`tokodesk sync returns`: store every return updated since the last good run; resume open decisions first."""
    from tokodesk.services.channels import channel_adapter

    caps = capabilities_of(channel) if adapter is None else adapter.capabilities
    if caps is not None and not caps.returns_read:
        return RunSummary(kind="returns", channel=channel.name, status="skipped",
                          errors=[str(not_supported(channel, caps))])
    now = now or m.utcnow()
    start = sync_start(channel, now)
    with channel_adapter(channel, adapter) as live:
        from tokodesk.services import return_desk

        try:
            return_desk.resume_pending(channel, live)
        except base.MarketplaceError as exc:  # the run below reports the marketplace being unreachable
            log.warning("could not resume open return decisions of %s: %s", channel.name, exc)
        with sync_run(channel, "returns", window_from=start, window_to=now) as run:
            summary = run.summary
            try:
                # No upper bound: a return updated while the run reads is read now and again next time (overlap),
                # and a marketplace clock ahead of this PC's loses nothing.
                for page in live.returns(start.replace(tzinfo=timezone.utc)):
                    for info in page:
                        try:
                            with m.db.atomic():
                                created = store_return(channel, info)
                        except (ValueError, pw.IntegrityError) as exc:
                            summary.add_error(said(QT_TRANSLATE_NOOP("Refusals", "return {return_id}: {error}"),
                                                   return_id=info.return_id, error=str(exc)))
                            continue
                        summary.fetched += 1
                        summary.created += created
                        summary.updated += not created
                    run.heartbeat()
                    if progress:
                        progress(summary.fetched, None, said(
                            QT_TRANSLATE_NOOP("Progress", "{fetched} returns read, {created} new"),
                                                          fetched=summary.fetched, created=summary.created))
                    if cancel and cancel():
                        summary.status = "cancelled"
                        break
                _read_evidence(channel, live, summary)
            except base.MarketplaceError as exc:
                summary.status = "failed"
                summary.errors.append(said(QT_TRANSLATE_NOOP(
                        "Refusals", "the return sync stopped: {error}"), error=str(exc)))
    return summary


def _read_evidence(channel: m.Channel, adapter: base.Marketplace, summary: RunSummary) -> None:
    """The buyer's photos of returns that wait for the seller's answer (read once: the records call per return)."""
    waiting = m.Return.select().where((m.Return.channel == channel.id) & m.Return.evidence.is_null(True)
                                      & (m.Return.state == RS.NEEDS_ANSWER.value))
    for ret in waiting:
        try:
            links = adapter.return_evidence(ret.return_id)  # type: ignore[attr-defined]
        except base.MarketplaceError as exc:
            summary.add_error(said(QT_TRANSLATE_NOOP("Refusals", "return {return_id}: the buyer's photos were not read "
                                                                 "({error})"), return_id=ret.return_id, error=str(exc)),
                              failed=False)
            continue
        m.Return.update(evidence=links).where(m.Return.id == ret.id).execute()


def _naive(dt: datetime | None) -> datetime | None:
    return dt.astimezone(timezone.utc).replace(tzinfo=None) if dt is not None and dt.tzinfo else dt


def local_state(info_state: str, return_type: str, tracking: str | None, stock_returned: bool) -> str:
    if (info_state == RS.CLOSED.value and return_type in ("RETURN_AND_REFUND", "REPLACEMENT") and tracking
            and not stock_returned):
        return RS.TO_INSPECT.value  # closed for the money; the goods still need checking in
    return info_state


def _seller_sku(channel: m.Channel, order: m.Order | None, line: base.ReturnLineInfo) -> str | None:
    if order is not None:
        for ol in order.lines:
            same = ((line.sku_id and ol.sku_id == line.sku_id) or (line.sku and ol.sku == line.sku)
                    or (line.product_id and ol.product_id == line.product_id))
            if same and ol.seller_sku:
                return ol.seller_sku
    if line.sku_id:
        match = m.SkuMapping.sku_id == line.sku_id
    elif line.product_id:
        match = m.SkuMapping.product_id == line.product_id
    else:
        match = m.SkuMapping.marketplace_sku == line.sku
    mapping = m.SkuMapping.select().where(
        (m.SkuMapping.channel == channel.id) & m.SkuMapping.seller_sku.is_null(False) & match).first()
    return mapping.seller_sku if mapping else None


def store_return(channel: m.Channel, info: base.ReturnInfo) -> bool:
    """Insert or update one return with its lines (call inside a transaction). True when it is new."""
    if not info.return_id:
        raise ValueError("the marketplace sent a return without a return id")
    if info.order_id:
        order = m.Order.get_or_none((m.Order.channel == channel.id) & (m.Order.order_id == info.order_id))
    else:  # named by its invoice only (Tokopedia's tickets)
        order = m.Order.select().where((m.Order.channel == channel.id) & (m.Order.invoice == info.invoice)
                                       & (m.Order.invoice != "")).first()
        info.order_id = order.order_id if order else ""
    row = m.Return.get_or_none((m.Return.channel == channel.id) & (m.Return.return_id == info.return_id))
    fields = dict(
        order_id=info.order_id, order=order.id if order else None, return_type=info.return_type,
        status=info.status, next_action=info.next_action, next_deadline=_naive(info.next_deadline),
        reason=info.reason, reason_text=info.reason_text, refund_total=info.refund_total,
        return_tracking_number=info.tracking_number, return_courier=info.courier, return_method=info.return_method,
        created_at=_naive(info.created_at), updated_at=_naive(info.updated_at), local_updated_at=m.utcnow(),
    )
    if info.evidence is not None:
        fields["evidence"] = info.evidence
    stock_returned = bool(row and row.stock_returned)
    fields["state"] = local_state(info.state.value, info.return_type, info.tracking_number, stock_returned)
    if row is None:
        row = m.Return.create(channel=channel.id, return_id=info.return_id, **fields)
        created = True
    else:
        m.Return.update(version=m.Return.version + 1, **fields).where(m.Return.id == row.id).execute()
        created = False
    if not stock_returned:  # once checked in, the lines are what was received: keep them
        m.ReturnLine.delete().where(m.ReturnLine.ret == row.id).execute()
        for line in info.lines:
            m.ReturnLine.create(ret=row.id, line_id=line.line_id, order_line_id=line.order_line_id, sku=line.sku,
                                sku_id=line.sku_id, name=line.name, quantity=line.quantity,
                                seller_sku=_seller_sku(channel, order, line))
    return created


# ---- the queue --------------------------------------------------------------------------------------------------


@dataclass
class ReturnRow:
    ret: m.Return
    channel: str
    invoice: str

    def seconds_left(self, now: datetime | None = None) -> int | None:
        if self.ret.next_deadline is None or self.ret.state not in URGENT:
            return None
        return int((self.ret.next_deadline - (now or m.utcnow())).total_seconds())

    def as_json(self, now: datetime | None = None) -> dict:
        r = self.ret

        def wib(dt: datetime | None) -> str | None:
            return dt.replace(tzinfo=timezone.utc).astimezone(config.WIB).isoformat() if dt else None

        return {
            "return_id": r.return_id, "channel": self.channel, "order_id": r.order_id, "invoice": self.invoice,
            "type": r.return_type, "status": r.status, "state": r.state, "next_action": r.next_action,
            "deadline": wib(r.next_deadline) if r.state in URGENT else None, "seconds_left": self.seconds_left(now),
            "reason": r.reason_text or r.reason, "evidence": r.evidence or [], "refund_total": r.refund_total,
            "tracking_number": r.return_tracking_number, "courier": r.return_courier,
            "decision": r.decision, "decided_by": r.decided_by, "problem": r.problem,
            "stock_returned": r.stock_returned, "created_at": wib(r.created_at),
            "lines": [{"sku": ln.sku, "seller_sku": ln.seller_sku, "name": ln.name, "quantity": ln.quantity}
                      for ln in r.lines],
        }


def list_returns(state: str | None = None, channel: m.Channel | None = None) -> list[ReturnRow]:
    """The queue: returns whose deadline costs money first (soonest deadline first), then the rest, newest first."""
    if state is not None and state not in STATES:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "--state {state!r}: use one of {states}"),
                        state=state, states=', '.join(STATES))
    query = m.Return.select()
    if state is not None:
        query = query.where(m.Return.state == state)
    if channel is not None:
        query = query.where(m.Return.channel == channel.id)
    found = list(query)
    names = {c.id: c.name for c in m.Channel.select(m.Channel.id, m.Channel.name)}
    linked = [r.local_order_id for r in found if r.local_order_id]
    invoices = {o.id: o.invoice for o in m.Order.select(m.Order.id, m.Order.invoice).where(
        m.Order.id.in_(linked or [0]))}
    rows = [ReturnRow(r, names.get(r.channel_id, ""), invoices.get(r.local_order_id, "")) for r in found]
    far = datetime.max

    def key(row: ReturnRow) -> tuple:
        r = row.ret
        urgent = r.state in URGENT and r.next_deadline is not None
        created = r.created_at or datetime.min
        return (0 if urgent else 1 if r.state in URGENT else 2 if r.state != RS.CLOSED.value else 3,
                r.next_deadline if urgent else far, -created.timestamp() if created != datetime.min else 0)

    return sorted(rows, key=key)


def find_return(key: str, channel: m.Channel | None = None) -> m.Return:
    """A return by its return id, or by its order's id or invoice; a clear message when none or several match."""
    key = key.strip()
    query = m.Return.select().join(m.Order, pw.JOIN.LEFT_OUTER, on=(m.Return.order == m.Order.id)).where(
        (m.Return.return_id == key) | (m.Return.order_id == key) | (m.Order.invoice == key))
    if channel is not None:
        query = query.where(m.Return.channel == channel.id)
    found = list(query)
    if not found:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "no return {key!r}: give a return id (or its order's id or "
                                                      "invoice) from 'tokodesk returns list'; run 'tokodesk sync "
                                                      "returns' to fetch new ones"), key=key)
    if len(found) > 1:
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "{key!r} matches {n_found} returns ({return_ids}): give "
                                                      "the return id"),
                        key=key, n_found=len(found), return_ids=', '.join(r.return_id for r in found))
    return found[0]


# ---- stock comes back with the goods -------------------------------------------------------------------------------


def parse_damaged(items: Sequence[str], option: str = "--damaged") -> dict[str, int]:
    """["SKU=QTY", ...] -> {SKU: QTY}; a clear message for a malformed item."""
    out: dict[str, int] = {}
    for item in items:
        sku, sep, qty = item.partition("=")
        if not sep or not sku.strip() or not qty.strip().isdigit() or int(qty) <= 0:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "{option} {item!r}: write SKU=QTY with a whole number "
                                                          "above 0, e.g. {option} KAOS-M=1"),
                            option=option, item=item)
        out[sku.strip()] = out.get(sku.strip(), 0) + int(qty)
    return out


def plan_check_in(ret: m.Return, damaged: dict[str, int]) -> dict[str, tuple[int, int]]:
    """{seller_sku: (resaleable, damaged)} for the return's lines; refused (nothing changed) when a line has no
    seller SKU, or `damaged` names a SKU the return does not have or more than came back."""
    if ret.return_type not in ("RETURN_AND_REFUND", "REPLACEMENT"):
        raise UserError(QT_TRANSLATE_NOOP("Refusals", "return {return_id} is a {return_type} without goods coming "
                                                      "back: there is nothing to receive, and no stock moves"),
                        return_id=ret.return_id, return_type=ret.return_type or 'refund')
    totals: dict[str, int] = {}
    aliases: dict[str, str] = {}
    for line in ret.lines:
        if not line.seller_sku:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "return {return_id}: the line {sku} ({name}) is not mapped "
                                                          "to one of your SKUs; map it first (tokodesk mapping "
                                                          "import), then receive the parcel"),
                            return_id=ret.return_id, sku=line.sku or line.sku_id, name=line.name)
        totals[line.seller_sku] = totals.get(line.seller_sku, 0) + line.quantity
        aliases[line.seller_sku] = line.seller_sku
        if line.sku:
            aliases.setdefault(line.sku, line.seller_sku)
    bad: dict[str, int] = {}
    for sku, qty in damaged.items():
        own = aliases.get(sku)
        if own is None:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "--damaged {sku}: return {return_id} has no such SKU (it "
                                                          "has {totals})"),
                            sku=sku, return_id=ret.return_id, totals=', '.join(sorted(totals)))
        bad[own] = bad.get(own, 0) + qty
        if bad[own] > totals[own]:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "--damaged {sku}={bad}: only {totals} came back in return "
                                                          "{return_id}"),
                            sku=sku, bad=bad[own], totals=totals[own], return_id=ret.return_id)
    return {sku: (qty - bad.get(sku, 0), bad.get(sku, 0)) for sku, qty in totals.items()}


def check_in(ret: m.Return, plan: dict[str, tuple[int, int]], who: str) -> list[m.StockMovement]:
    """Put the goods back (`stock_back.put_back`: resaleable to on hand, damaged to the damaged count, one movement
    each; refused when the order's goods already came back another way). Call inside the transaction that marks the
    return received."""
    from tokodesk.services import stock_back

    order = m.Order.get_or_none(m.Order.id == ret.local_order_id) if ret.local_order_id else None
    return stock_back.put_back(plan, who=who, order=order, ret=ret)


def buyer_photo(url: str) -> bytes | None:
    """One of the buyer's photos (a link the marketplace gave), for a thumbnail; None when it cannot be had."""
    from tokodesk.marketplace.images import download

    return download(url)


def receive_failed_delivery(awb: str, who: str) -> tuple[m.Order, dict[str, int]] | None:
    """A parcel the buyer never took scanned at the desk by its AWB: its goods go back on hand, one recorded movement
    per SKU. Tokopedia says so with status 550 "return to seller" (COD refused); Tokopedia & Shop cancels an order
    whose delivery failed after it shipped, so a cancelled order whose stock left the shelf counts too. None when no
    such order has this AWB (or its package's tracking number)."""
    from tokodesk.services import inventory

    key = awb.strip()
    if not key:
        return None
    by_package = m.PackageOrder.select(m.PackageOrder.order).join(m.Package).where(m.Package.tracking_number == key)
    left_shelf = (m.Order.stock_taken == True) | m.Order.id.in_(  # noqa: E712 - or it came back once already
        m.StockMovement.select(m.StockMovement.order).where(m.StockMovement.order.is_null(False)))
    came_back = (m.Order.state == str(base.OrderState.RETURNED)) | (
        (m.Order.state == str(base.OrderState.CANCELLED)) & left_shelf)
    found = list(m.Order.select().where(((m.Order.awb == key) | m.Order.id.in_(by_package)) & came_back))
    if len(found) != 1:
        return None
    order = found[0]
    back = inventory.receive_return(order, who=who, kind=FAILED_DELIVERY,
                                    note=f"order {order.invoice or order.order_id} came back (AWB {key})")
    return order, back
