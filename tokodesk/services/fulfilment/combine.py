"""Combine one buyer's orders into one package, and undo a combined package, through the outbox (issue 16 §2).

Only what the marketplace offers is combined (Search Combinable Packages, read right before): the seller's chosen
orders must all be in one offered group. Both moves give the packages new ids, so the orders are read back and
stored at once. Like every mutation they are written as a pending `Action` first; a lost answer is settled by
reading the orders (combined = the chosen orders share one package; uncombined = none of them is in the old package
any more). An action left open by a crash is settled the same way and never sent again blindly: when the read shows
it did not happen, it is marked failed and the seller combines again if still wanted. Why not send it then: the
package id is the one the marketplace offered when the seller chose (Search Combinable Packages, read right before),
and after a crash the offer may have changed (another order of that buyer, a split or an uncombine in Seller Center);
sending it later would combine what the seller did not see. The resume of many reads all their orders at once
(`Combiner.resume_all`) and judges each move as one is judged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said, term
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.fulfilment.common import (
    ActionOutcome,
    Refused,
    bump_version,
    outcome,
    record_event,
    reload,
)
from tokodesk.services.order_store import store_orders
from tokodesk.services.packages import packages_of_orders
from tokodesk.store import models as m
from tokodesk.store.tx import write_transaction

log = logging.getLogger(__name__)

COMBINE, UNCOMBINE = "combine", "uncombine"
KINDS = (COMBINE, UNCOMBINE)
S = base.OrderState
WAITING = (S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value)
READ_CHUNK = 100  # open moves claimed and read per round (2 to 3 orders each: a handful of detail reads)


@dataclass
class Combinable:
    """Orders the marketplace offers to ship as one package (stored order rows)."""

    package_id: str
    orders: list[m.Order]


def _moves(adapter: base.Marketplace) -> base.PackageMoves:
    if not adapter.capabilities.packages or not hasattr(adapter, "combine_packages"):
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "{display_name} has no packages to combine: each order is one "
                                                    "parcel."), display_name=adapter.capabilities.display_name)
    return adapter  # type: ignore[return-value]


def combinable(channel: m.Channel, adapter: base.Marketplace) -> list[Combinable]:
    """The groups the marketplace offers now, as stored orders (orders not pulled yet are left out)."""
    groups = _moves(adapter).combinable_packages()
    wanted = {oid for g in groups for oid in g.order_ids}
    rows = {o.order_id: o for o in m.Order.select().where(
        (m.Order.channel == channel.id) & m.Order.order_id.in_(sorted(wanted)))} if wanted else {}
    out = []
    for group in groups:
        orders = [rows[i] for i in group.order_ids if i in rows]
        if len(orders) > 1:
            out.append(Combinable(group.package_id, orders))
    return out


class Combiner(ex.Settles):
    """Combine and uncombine for one channel, claimed in the outbox before anything is sent."""

    def __init__(self, channel: m.Channel, adapter: base.Marketplace, who: str) -> None:
        self.channel = channel
        self.adapter = adapter
        self.who = who
        self.follow_remote = ex.default_follow_remote

    # ---- combine -----------------------------------------------------------------------------------------
    def combine(self, orders: Sequence[m.Order]) -> list[ActionOutcome]:
        orders = [reload(o) for o in orders]
        if len({o.id for o in orders}) < 2:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Choose at least two orders of one buyer to combine into one "
                                                        "package."))
        if any(o.channel_id != self.channel.id for o in orders):
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Only orders of one channel can be combined."))
        for order in orders:
            self._check_free(order)
            if order.state not in WAITING:
                raise Refused(QT_TRANSLATE_NOOP("Refusals", "Order {order_id} is {state}: only orders not shipped "
                                                            "yet can be combined."),
                              order_id=order.order_id, state=term("OrderState", order.state))
        chosen = {o.order_id for o in orders}
        offered = [g for g in _moves(self.adapter).combinable_packages() if chosen <= set(g.order_ids)]
        if not offered:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "{display_name} does not offer to combine orders {chosen}: "
                                                        "only waiting orders of one buyer to one address can travel "
                                                        "as one package. Refresh the orders and check them."),
                          display_name=self.adapter.capabilities.display_name, chosen=', '.join(sorted(chosen)))
        payload = {"package_id": offered[0].package_id, "order_ids": sorted(chosen)}
        action = self._claim(orders, COMBINE, payload)
        return self._run(action, orders, read_first=False)

    # ---- uncombine ---------------------------------------------------------------------------------------
    def uncombine(self, package_id: str) -> list[ActionOutcome]:
        package = m.Package.get_or_none((m.Package.channel == self.channel.id) & (m.Package.package_id == package_id))
        if package is None:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "No package {package_id} in the local store: pull the orders "
                                                        "first (tokodesk sync orders)."), package_id=package_id)
        orders = [link.order for link in m.PackageOrder.select().where(m.PackageOrder.package == package.id)]
        if len(orders) < 2:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} serves one order only: there is "
                                                        "nothing to uncombine."), package_id=package_id)
        if package.status not in ("", "TO_FULFILL"):
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Package {package_id} is shipped already; it cannot be "
                                                        "uncombined."), package_id=package_id)
        for order in orders:
            self._check_free(order)
        payload = {"package_id": package_id, "order_ids": sorted(o.order_id for o in orders)}
        action = self._claim(orders, UNCOMBINE, payload)
        return self._run(action, orders, read_first=False)

    # ---- outbox ------------------------------------------------------------------------------------------
    @staticmethod
    def _check_free(order: m.Order) -> None:
        action = outbox.active_for(order.id)
        if action is not None:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "Order {order_id} still waits for the marketplace's answer "
                                                        "to {what}; try again after the next sync."),
                          order_id=order.order_id, what=ex.WHAT.get(action.kind, action.kind))

    def _claim(self, orders: list[m.Order], kind: str, payload: dict) -> m.Action:
        with m.db.atomic():
            for order in orders:
                if not bump_version(order, action_failed=False, problem=""):
                    raise Refused(QT_TRANSLATE_NOOP("Refusals", "An order was changed by another station or a sync "
                                                                "just now; refresh and try again."))
            return outbox.enqueue(orders[0], kind, payload, self.who)

    def resume(self, action: m.Action) -> ActionOutcome:
        orders = list(m.Order.select().where((m.Order.channel == self.channel.id)
                                             & m.Order.order_id.in_((action.payload or {}).get("order_ids") or [])))
        if not outbox.claim(action, self.who, from_statuses=(action.status,)):
            return outcome(m.Order.get_by_id(action.order_id), False, "another station is already resolving this",
                           pending=True)
        with outbox.keep_alive(action):
            return self._drive_all(action, orders, read_first=True)[0]

    def _run(self, action: m.Action, orders: list[m.Order], *, read_first: bool) -> list[ActionOutcome]:
        if not outbox.claim(action, self.who, from_statuses=(outbox.PENDING,)):
            return [outcome(reload(o), False, "another station is already doing this", pending=True) for o in orders]
        with outbox.keep_alive(action):  # its lease outlives any wait on the marketplace
            return self._drive_all(action, orders, read_first=read_first)

    def _applied(self, action: m.Action, orders: list[m.Order]) -> bool | None:
        """Read the orders: has the move happened? None when they cannot be read."""
        try:
            remotes = self.adapter.get_orders([o.order_id for o in orders])
        except base.MarketplaceError:
            return None
        with m.db.atomic():
            for remote in remotes:
                self.follow_remote(self.channel, remote, self.who)
        return judge(action, orders, remotes)

    # ---- resume, in bulk ----------------------------------------------------------------------------------
    def resume_all(self, actions: Sequence[m.Action], cancel: base.CancelCheck | None = None) -> list[ActionOutcome]:
        """Settle open moves a READ_CHUNK at a time: each chunk claimed in one transaction, the orders of all its
        moves read in as few requests as the API allows (`get_orders`: 50 ids a call) and stored with the pull's
        writer, then each move judged exactly as `resume` judges one. Nothing is sent: a move the read shows did not
        happen fails, as it does alone (see the module's docstring). A stop is heeded between chunks."""
        results: list[ActionOutcome] = []
        for start in range(0, len(actions), READ_CHUNK):
            if cancel is not None and cancel():
                break
            results += self._resume_chunk(actions[start:start + READ_CHUNK])
        return results

    def _resume_chunk(self, chunk: Sequence[m.Action]) -> list[ActionOutcome]:
        wanted = {a.id: list((a.payload or {}).get("order_ids") or []) for a in chunk}
        ids = sorted({oid for oids in wanted.values() for oid in oids})
        stored: dict[str, m.Order] = {}
        for start in range(0, len(ids), 500):
            stored.update((o.order_id, o) for o in m.Order.select().where(
                (m.Order.channel == self.channel.id) & m.Order.order_id.in_(ids[start:start + 500])))
        claimed: list[m.Action] = []
        results: dict[int, ActionOutcome] = {}
        with m.db.atomic():
            for action in chunk:
                if outbox.claim(action, self.who, from_statuses=(action.status,)):
                    claimed.append(action)
                else:
                    results[action.id] = outcome(m.Order.get_by_id(action.order_id), False,
                                                 "another station is already resolving this", pending=True)
        if claimed:
            with outbox.Leases() as leases:
                leases.add(claimed)
                results.update(self._judge_claimed(claimed, wanted, stored))
        return [results[a.id] for a in chunk]

    def _judge_claimed(
        self, claimed: list[m.Action], wanted: dict[int, list[str]], stored: dict[str, m.Order]
    ) -> dict[int, ActionOutcome]:
        orders_of = {a.id: [stored[oid] for oid in wanted[a.id] if oid in stored] for a in claimed}
        for action in claimed:
            if not orders_of[action.id]:  # none of its orders is stored any more: settled on the action's own order
                orders_of[action.id] = [m.Order.get_by_id(action.order_id)]
        read = sorted({o.order_id for orders in orders_of.values() for o in orders})
        try:
            remotes = {r.order_id: r for r in self.adapter.get_orders(read)}
        except base.MarketplaceError as exc:
            log.warning("reading the %d orders of %d open package moves failed: %s", len(read), len(claimed), exc)
            remotes = None
        if remotes:
            # Stored as the pull stores them (one writer, a transaction): the new package ids, whatever is decided.
            with write_transaction():
                store_orders(self.channel, list(remotes.values()), who=self.who)
        results: dict[int, ActionOutcome] = {}
        for action in claimed:
            orders = orders_of[action.id]
            applied = None if remotes is None else judge(action, orders, [remotes[o.order_id] for o in orders
                                                                           if o.order_id in remotes])
            if applied:
                results[action.id] = self._settled(action, orders, "confirmed by reading the orders")[0]
            elif applied is None:
                results[action.id] = self._unknown(action, orders[0], "the orders could not be read")
            else:
                results[action.id] = self._failed(action, orders[0], "it did not happen on the marketplace (its "
                                                  "answer was lost); do it again if it is still wanted", None)
        return results

    def _drive_all(self, action: m.Action, orders: list[m.Order], *, read_first: bool) -> list[ActionOutcome]:
        if read_first:
            applied = self._applied(action, orders)
            if applied:
                return self._settled(action, orders, ex.CONFIRMED_BY_READING_ALL)
            if applied is None:
                return [self._unknown(action, orders[0], said(QT_TRANSLATE_NOOP("Refusals", "the orders could not "
                                                                                            "be read")))]
            return [self._failed(action, orders[0], said(QT_TRANSLATE_NOOP("Refusals", "it did not happen on the "
                                                                                       "marketplace (its answer was "
                                                                                       "lost); do it again if it is "
                                                                                       "still wanted")), None)]
        payload = action.payload or {}
        moves = _moves(self.adapter)
        try:
            if action.kind == COMBINE:
                moves.combine_packages(base.CombinableGroup(payload["package_id"], list(payload["order_ids"])))
            else:
                moves.uncombine_package(payload["package_id"])
        except base.OutcomeUnknown as exc:
            applied = self._applied(action, orders)
            if applied:
                return self._settled(action, orders, ex.CONFIRMED_BY_READING_ALL)
            return [self._unknown(action, orders[0], said(QT_TRANSLATE_NOOP("Refusals", "the marketplace's answer "
                                                                                        "was lost ({lost})"),
                                                          lost=str(exc)))]
        except base.MarketplaceError as exc:
            return [self._failed(action, orders[0], str(exc), None)]
        self._applied(action, orders)  # the new package ids, stored at once
        return self._settled(action, orders, "")

    def _settled(self, action: m.Action, orders: list[m.Order], note: str) -> list[ActionOutcome]:
        payload = action.payload or {}
        with m.db.atomic():
            if not outbox.settle(action, outbox.DONE, note):
                return [outcome(reload(o), False, "another station finished this meanwhile", pending=True)
                        for o in orders]
            now_in = packages_of_orders([o.id for o in orders])
            for order in orders:
                ids = ", ".join(p.package_id for p in now_in.get(order.id, [])) or "?"
                if action.kind == COMBINE:
                    what = said(QT_TRANSLATE_NOOP("History", "combined with {orders}"),
                                orders=", ".join(i for i in payload["order_ids"] if i != order.order_id))
                else:
                    what = said(QT_TRANSLATE_NOOP("History", "package {package_id} uncombined"),
                                package_id=payload["package_id"])
                detail = said(QT_TRANSLATE_NOOP("History", "{what}; package now {ids}"), what=what, ids=ids)
                record_event(order, action.kind, self.who, ex.with_note(detail, note))
        return [outcome(reload(o), True) for o in orders]


def judge(action: m.Action, orders: list[m.Order], remotes: list[base.Order]) -> bool | None:
    """Has the move happened, judging by its orders as read? None when one of them was not read."""
    if len(remotes) < len(orders):
        return None
    ids = [{p.package_id for p in r.packages} for r in remotes]
    if action.kind == COMBINE:
        return bool(ids) and all(len(s) == 1 for s in ids) and len(set.union(*ids)) == 1
    return all((action.payload or {}).get("package_id") not in s for s in ids)


def resume_pending(
    channel: m.Channel, adapter: base.Marketplace, who: str, cancel: base.CancelCheck | None = None
) -> list[ActionOutcome]:
    """Settle the channel's open package moves by reading their orders, in bulk (`Combiner.resume_all`)."""
    return Combiner(channel, adapter, who).resume_all(outbox.resumable(channel.id, KINDS), cancel)
