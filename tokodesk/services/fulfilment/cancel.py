"""Cancel (reject) orders with a reason the marketplace offers for each, as the seller chose it.

Here belong the seller's `CancelChoice`, the reasons offered for one order or common to a selection, and checking
the choice (reason, explanation, shop-closed date and note) before the cancel action is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone

from tokodesk import config
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, term
from tokodesk.marketplace import base
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.fulfilment.common import ActionOutcome, Refused, reload, to_marketplace_order
from tokodesk.services.fulfilment.core import FulfilmentCore, stock_moved
from tokodesk.store import models as m

S = base.OrderState


@dataclass
class CancelChoice:
    """What the user chose when cancelling: a reason code (or TikTok Shop reason name), text, shop-closed data."""

    reason_code: str
    text: str = ""
    close_until: date | None = None
    close_note: str = ""


class CancelActions(FulfilmentCore):
    """Cancel a selection of orders."""

    def cancel_reasons(self, order: m.Order) -> list[base.CancelReason]:
        channel = m.Channel.get_by_id(order.channel_id)
        return self.adapter(channel).cancel_reasons(to_marketplace_order(order))

    def common_cancel_reasons(self, orders: Sequence[m.Order]) -> list[base.CancelReason]:
        """The reasons every one of `orders` can be cancelled with, in the first order's order.

        A selection can mix statuses whose reasons have different names for the same meaning (TikTok Shop:
        `seller_cancel_unpaid_reason_out_of_stock` and `seller_cancel_reason_out_of_stock`): such a reason is
        offered once, by its label, and each order is then cancelled with its own status's name for it.
        Empty when one order cannot be cancelled at all or the orders share no reason.
        """
        common: list[base.CancelReason] | None = None
        for order in orders:
            order = reload(order)
            channel = m.Channel.get_by_id(order.channel_id)
            if S(order.state) not in self.adapter(channel).capabilities.seller_cancel_states:
                return []
            mine = self.cancel_reasons(order)
            if common is None:
                common = mine
                continue
            by_label = {r.label.casefold(): r for r in mine}
            kept = []
            for reason in common:
                other = by_label.get(reason.label.casefold())
                if other is None:
                    continue
                kept.append(reason if other.code == reason.code else dataclasses.replace(reason, code=reason.label))
            common = kept
        return common or []

    def cancel_orders(self, orders: Sequence[m.Order], choice: CancelChoice) -> list[ActionOutcome]:
        """Reject (NACK) orders with a reason the marketplace offers for each. Earlier cancels a crash or lost
        answers left open on these orders are finished in bulk first (`resume.resolve_open`); the new ones go out
        side by side from the batch pool, each claimed before it is sent."""
        ordered = list(orders)
        outcomes, intents = self._checked(
            ordered, ex.NACK, lambda order, channel, active: self._cancel_check(order, channel, active, choice))
        done = self._send_pooled(ordered, outcomes, intents, QT_TRANSLATE_NOOP("Progress", "Cancelling"))
        stock_moved(orders)
        return done

    def _cancel_check(
        self, order: m.Order, channel: m.Channel, active: m.Action | None, choice: CancelChoice
    ) -> dict | ActionOutcome:
        """The payload of this order's cancel (raises Refused), or the outcome of its earlier cancel finished."""
        resumed = self._inflight(order, ex.NACK, active)
        if resumed is not None:
            return resumed
        caps = self.adapter(channel).capabilities
        if S(order.state) not in caps.seller_cancel_states:
            states = ", ".join(s.value for s in S if s in caps.seller_cancel_states)
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "An order that is {state} cannot be cancelled from TokoDesk; "
                                                        "{display_name} lets a seller cancel orders that are: "
                                                        "{states}."),
                          state=term("OrderState", order.state), display_name=caps.display_name, states=states)
        reasons = self.adapter(channel).cancel_reasons(to_marketplace_order(order))
        if not reasons:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "The marketplace does not allow cancelling this order now; "
                                                        "use Seller Center if needed."))
        reason = _pick_reason(reasons, choice.reason_code)
        return _validate_cancel(reason, choice)


def _pick_reason(reasons: list[base.CancelReason], wanted: str) -> base.CancelReason:
    wanted = (wanted or "").strip()
    if not wanted:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Choose a cancel reason: {reason_list}."),
                      reason_list=_reason_list(reasons))
    for reason in reasons:
        # Codes compared without case: TikTok Shop lists its reason names in lower case, sellers type them either way.
        if reason.code.casefold() == wanted.casefold() or reason.label.casefold() == wanted.casefold():
            return reason
    raise Refused(QT_TRANSLATE_NOOP("Refusals", "Reason {wanted!r} is not allowed for this order; choose one of: "
                                                "{reason_list}."), wanted=wanted, reason_list=_reason_list(reasons))


def _reason_list(reasons: list[base.CancelReason]) -> str:
    return "; ".join(f"{r.code} = {r.label}" for r in reasons)


CLOSE_NOTE_MAX = 100


def _validate_cancel(reason: base.CancelReason, choice: CancelChoice) -> dict:
    text = (choice.text or "").strip()
    if reason.needs_text and not text:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "Write a short explanation for the buyer (--reason TEXT) for "
                                                    "'{label}'."), label=reason.label)
    if len(text) > reason.max_text:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "The explanation is {n_text} characters; the marketplace accepts "
                                                    "at most {max_text}. Shorten it."),
                      n_text=len(text), max_text=reason.max_text)
    payload: dict = {
        "reason_code": reason.code,
        "reason_label": reason.label,
        "needs_close_date": reason.needs_close_date,
        "needs_text": reason.needs_text,
        "max_text": reason.max_text,
        "text": text,
    }
    if reason.needs_close_date:
        if choice.close_until is None:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "'{label}' needs the date the shop opens again "
                                                        "(--close-until DD/MM/YYYY)."), label=reason.label)
        today = datetime.now(timezone.utc).astimezone(config.WIB).date()
        if choice.close_until < today:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "The shop-closed-until date {close_until:%d/%m/%Y} is in the "
                                                        "past; pick a later day."), close_until=choice.close_until)
        note = (choice.close_note or "").strip()
        if not note:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "'{label}' needs a note for buyers (--close-note TEXT)."),
                          label=reason.label)
        if len(note) > CLOSE_NOTE_MAX:
            raise Refused(QT_TRANSLATE_NOOP("Refusals", "The shop-closed note is {n_note} characters; at most "
                                                        "{close_note_max}. Shorten it."),
                          n_note=len(note), close_note_max=CLOSE_NOTE_MAX)
        payload["close_until"] = choice.close_until.isoformat()
        payload["close_note"] = note
    return payload
