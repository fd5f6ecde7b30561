"""The seller's decisions on returns, through the outbox exactly like order actions (DESIGN.md §4):

    desk = ReturnDesk(channel)                    # the channel's adapter; who = this station
    desk.approve(ret)                             # a request: approve the refund / the return
    desk.reject(ret, "reason name", "comment")    # a request or a parcel sent back, with a reason the API offers
    desk.receive(ret, {"KAOS-M": 1})              # the parcel is here: stock back in, the received package approved

Each is a pending `Action` written in the same transaction as the local change (the return's version, and for
`receive` the stock movements: the goods are on the desk whatever the marketplace answers), then claimed and sent.
A decision is sent once; a lost answer is resolved by reading the return first: moved on as the decision leads means
done, still waiting means send again (same idempotency key), moved on otherwise (the deadline ran out into the
platform's approval, the buyer withdrew) means failed, with the reason.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from tokodesk import config
from tokodesk.errors import UserError
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, listed, said, stored_words, words_from_store
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services import returns as rs
from tokodesk.services.fulfilment import execute as ex
from tokodesk.services.fulfilment.common import Refused, record_event
from tokodesk.store import models as m

log = logging.getLogger(__name__)

APPROVE, REJECT, RECEIVE, OFFER = "return_approve", "return_reject", "return_receive", "return_offer"
KINDS = (APPROVE, REJECT, RECEIVE, OFFER)
# The verb of each decision, as a packer reads it in "Could not … the return".
RETURN_WHAT = {APPROVE: QT_TRANSLATE_NOOP("Refusals", "approve"), REJECT: QT_TRANSLATE_NOOP("Refusals", "reject"),
               RECEIVE: QT_TRANSLATE_NOOP("Refusals", "receive"), OFFER: QT_TRANSLATE_NOOP("Refusals", "offer")}
MAX_SENDS = 3
RS = base.ReturnState
REJECTED = ("REFUND_OR_RETURN_REQUEST_REJECT", "REJECT_RECEIVE_PACKAGE", "REPLACEMENT_REQUEST_REJECT")
WAITING_FOR_PACKAGE_ANSWER = "BUYER_SHIPPED_ITEM"
CONFIRMED = ex.CONFIRMED_ON_MARKETPLACE  # how a decision read back instead of answered is noted


@dataclass
class Decided:
    """How the marketplace decided one decision, before anything is stored; `info`: the return as read."""

    status: str  # outbox.DONE | outbox.FAILED | outbox.UNKNOWN
    reason: str = ""
    info: base.ReturnInfo | None = None


@dataclass
class ReturnOutcome:
    return_id: str
    ok: bool
    state: str
    error: str | None = None
    refused: bool = False
    pending: bool = False

    def as_json(self) -> dict:
        return {"return_id": self.return_id, "ok": self.ok, "state": self.state, "error": self.error,
                "pending": self.pending}


def _reload(ret: m.Return) -> m.Return:
    return m.Return.get_by_id(ret.id)


_ELSEWHERE_DOING = QT_TRANSLATE_NOOP("Refusals", "another station is already doing this")
_ELSEWHERE_RESOLVING = QT_TRANSLATE_NOOP("Refusals", "another station is already resolving this")
_ELSEWHERE_FINISHED = QT_TRANSLATE_NOOP("Refusals", "another station finished this meanwhile")


def _outcome(ret: m.Return, ok: bool, error: str | None = None, **flags: bool) -> ReturnOutcome:
    return ReturnOutcome(ret.return_id, ok, ret.state, error, **flags)


def _approve_decision(ret: m.Return) -> str:
    if ret.state == RS.TO_INSPECT.value:
        return "APPROVE_RECEIVED_PACKAGE"
    return {"REFUND": "APPROVE_REFUND", "REPLACEMENT": "APPROVE_REPLACEMENT"}.get(ret.return_type, "APPROVE_RETURN")


def _reject_decision(ret: m.Return) -> str:
    if ret.state == RS.TO_INSPECT.value:
        return "REJECT_RECEIVED_PACKAGE"
    return {"REFUND": "REJECT_REFUND", "REPLACEMENT": "REJECT_REPLACEMENT"}.get(ret.return_type, "REJECT_RETURN")


def _event(ret: m.Return, kind: str, who: str, detail: str, ok: bool = True) -> None:
    if ret.local_order_id:
        record_event(ret.local_order_id, kind, who, said(QT_TRANSLATE_NOOP("History", "return {return_id}: {detail}"),
                                                         return_id=ret.return_id, detail=detail), ok=ok)


class ReturnDesk:
    """Decisions on one channel's returns. Tests hand in the adapter."""

    def __init__(self, channel: m.Channel, adapter: base.Marketplace | None = None, who: str | None = None):
        self.channel = channel
        self._adapter = adapter
        self._owns_adapter = adapter is None
        self.who = who or config.station_id()

    @property
    def adapter(self) -> base.Marketplace:
        if self._adapter is None:
            from tokodesk.services.channels import adapter_for

            self._adapter = adapter_for(self.channel)
        return self._adapter

    @property
    def api(self) -> base.Returns:
        caps = self.adapter.capabilities
        if not caps.returns_decide:
            raise rs.not_supported(self.channel, caps, QT_TRANSLATE_NOOP("Refusals", "decisions on returns"))
        return self.adapter  # type: ignore[return-value]

    def close(self) -> None:
        if self._owns_adapter and self._adapter is not None:
            self._adapter.close()
        self._adapter = None

    def __enter__(self) -> ReturnDesk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- the seller's decisions ------------------------------------------------------------------------------
    def reject_reasons(self, ret: m.Return) -> list[base.CancelReason]:
        return self.api.return_reject_reasons(ret.return_id)

    def approve(self, ret: m.Return) -> ReturnOutcome:
        return self._decide(ret, APPROVE)

    def reject(self, ret: m.Return, reason: str, comment: str = "", photos: list | None = None) -> ReturnOutcome:
        """`photos`: `return_photos.Photo`s checked on this PC (`check_photos`); uploaded once, then named in the
        rejection, which is sent once (a lost answer is read first; the upload ids are kept with the decision)."""
        return self._decide(ret, REJECT, reason=reason, comment=comment, photos=photos or [])

    def offer_partial_refund(self, ret: m.Return, amount: int) -> ReturnOutcome:
        """Offer the buyer `amount` rupiah (typed by the seller) instead: if they accept, they keep the goods."""
        return self._decide(ret, OFFER, amount=amount)

    def proposed_refund(self, ret: m.Return, units: dict[str, int]) -> int:
        """What the marketplace would refund for these units of the return ({SKU: quantity}, seller's or the
        marketplace's SKU), asked through Calculate Refund: the amount a partial refund offer starts from. Nothing
        is offered here; the seller sees the figure and chooses."""
        api = self.api
        wanted = {k: v for k, v in units.items() if v}
        if not wanted:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "choose the units the partial refund is for (SKU=QTY), at "
                                                          "least one"))
        skus: list[tuple[str, int]] = []
        for line in ret.lines:
            qty = sum(wanted.pop(key, 0) for key in {line.seller_sku, line.sku} if key)
            if qty > line.quantity:
                raise UserError(QT_TRANSLATE_NOOP("Refusals", "{seller_sku}={qty}: the buyer asked about {quantity}"),
                                seller_sku=line.seller_sku or line.sku, qty=qty, quantity=line.quantity)
            if qty:
                if not line.sku_id:
                    raise UserError(QT_TRANSLATE_NOOP("Refusals", "{seller_sku}: the marketplace named no sku id for "
                                                                  "this line (sync returns again)"),
                                    seller_sku=line.seller_sku or line.sku)
                skus.append((line.sku_id, qty))
        if wanted:
            have = ", ".join(sorted({ln.seller_sku or ln.sku for ln in ret.lines}))
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "{wanted}: return {return_id} has no such SKU (it has "
                                                          "{have})"),
                            wanted=', '.join(sorted(wanted)), return_id=ret.return_id, have=have)
        return api.calculate_refund(ret.order_id, skus)

    def receive(self, ret: m.Return, damaged: dict[str, int] | None = None) -> ReturnOutcome:
        """The parcel is on the desk and inspected: its goods go back (damaged ones to the damaged count), and the
        received package is approved on the marketplace when it still waits for that."""
        return self._decide(ret, RECEIVE, damaged=damaged or {})

    def _decide(self, ret: m.Return, kind: str, *, reason: str | None = None, comment: str = "",
                damaged: dict[str, int] | None = None, amount: int | None = None,
                photos: list | None = None) -> ReturnOutcome:
        ret = _reload(ret)
        if ret.channel_id != self.channel.id:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "return {return_id} belongs to another channel"),
                            return_id=ret.return_id)
        api = self.api
        if photos and not self.adapter.capabilities.return_reject_photos:
            raise UserError(QT_TRANSLATE_NOOP("Refusals", "{display_name} takes no photos with a rejection: reject "
                                                          "without them, or in Seller Center"),
                            display_name=self.adapter.capabilities.display_name)
        try:
            active = active_for(ret)
            if active is not None:
                if active.status != outbox.SENT or outbox.is_orphan(active):
                    earlier = self.resume(active)
                    if active.kind == kind:  # the same decision again: finishing the earlier one is the answer
                        return earlier
                    ret = _reload(ret)
                else:
                    raise Refused(QT_TRANSLATE_NOOP("Refusals", "an earlier decision on this return ({kind}) is "
                                                                "still waiting for the marketplace's answer; try "
                                                                "again after the next sync"), kind=active.kind)
            payload: dict = {"return_id": ret.return_id, "ret": ret.id, "from_status": ret.status,
                             "idempotency_key": str(uuid.uuid4())}
            plan = None
            if kind == RECEIVE and ret.stock_returned:
                if ret.status != WAITING_FOR_PACKAGE_ANSWER:
                    raise Refused(QT_TRANSLATE_NOOP("Refusals", "return {return_id} was already received "
                                                                "({decision_detail})"),
                                  return_id=ret.return_id, decision_detail=ret.decision_detail)
                if damaged:
                    raise Refused(QT_TRANSLATE_NOOP("Refusals", "return {return_id}: its goods were already checked "
                                                                "in ({decision_detail}); only the marketplace's "
                                                                "approval is still to send"),
                                  return_id=ret.return_id, decision_detail=ret.decision_detail)
                # The goods are in; the approval of the parcel did not go through earlier: send only that.
                payload["decision"] = "APPROVE_RECEIVED_PACKAGE"
            elif kind == RECEIVE:
                rs.plan_check_in(ret, damaged or {})  # a refund only has nothing to receive: say that first
                if ret.state != RS.TO_INSPECT.value:
                    raise Refused(_not_now(ret, QT_TRANSLATE_NOOP("Refusals", "received yet: its parcel has not been "
                                                                                  "sent back")))
                plan = rs.plan_check_in(ret, damaged or {})
                if ret.status == WAITING_FOR_PACKAGE_ANSWER:
                    payload["decision"] = "APPROVE_RECEIVED_PACKAGE"
            elif ret.state == RS.NEEDS_ANSWER.value or (ret.state == RS.TO_INSPECT.value
                                                        and ret.status == WAITING_FOR_PACKAGE_ANSWER):
                if kind == OFFER:
                    if ret.state != RS.NEEDS_ANSWER.value:
                        raise Refused(_not_now(ret, QT_TRANSLATE_NOOP("Refusals", "offered a partial refund now")))
                    if amount is None or amount <= 0 or (ret.refund_total and amount >= ret.refund_total):
                        raise Refused(QT_TRANSLATE_NOOP("Refusals", "a partial refund must be above Rp0 and below "
                                                                    "the full refund (Rp{full})"),
                                      full=f"{ret.refund_total:,}".replace(",", "."))
                    payload.update(decision="OFFER_PARTIAL_REFUND", amount=int(amount))
                elif kind == APPROVE and ret.state == RS.TO_INSPECT.value:
                    raise Refused(QT_TRANSLATE_NOOP("Refusals", "return {return_id}: the parcel came back; check it "
                                                                "in with 'tokodesk returns receive {return_id}' "
                                                                "(that approves it), or reject it"),
                                  return_id=ret.return_id)
                if kind != OFFER:
                    payload["decision"] = _approve_decision(ret) if kind == APPROVE else _reject_decision(ret)
                if kind == REJECT:
                    chosen = _pick(api.return_reject_reasons(ret.return_id), reason)
                    payload.update(reason=chosen.code, reason_label=chosen.label, comment=(comment or "").strip())
                    if photos:
                        payload["images"] = [p.as_payload() for p in photos]
            else:
                raise Refused(_not_now(ret, QT_TRANSLATE_NOOP("Refusals", "approved or rejected now")))
            with m.db.atomic():
                bumped = m.Return.update(version=m.Return.version + 1, local_updated_at=m.utcnow(), problem="").where(
                    (m.Return.id == ret.id) & (m.Return.version == ret.version)).execute()
                if not bumped:
                    raise Refused(QT_TRANSLATE_NOOP("Refusals", "the return was changed by another station or a sync "
                                                                "just now; refresh and try again"))
                if plan is not None:
                    try:
                        moves = rs.check_in(ret, plan, self.who)
                    except UserError as exc:  # its goods came back already another way (stock return, AWB scan)
                        raise Refused(str(exc)) from None
                    detail = listed([said(QT_TRANSLATE_NOOP("History", "{sku} +{quantity}"), sku=mv.seller_sku,
                                          quantity=mv.quantity) if mv.kind == "return_resaleable" else
                                     said(QT_TRANSLATE_NOOP("History", "{sku} damaged +{quantity}"),
                                          sku=mv.seller_sku, quantity=mv.quantity) for mv in moves])
                    # Closed once the marketplace needs no answer; else when the approval of the parcel is done.
                    state = RS.CLOSED.value if "decision" not in payload else ret.state
                    m.Return.update(stock_returned=True, decision="received", decision_detail=detail,
                                    decision_words=stored_words(detail), decided_by=self.who, decided_at=m.utcnow(),
                                    state=state).where(
                        m.Return.id == ret.id).execute()
                    _event(ret, "return_received", self.who, detail)
                action = None
                if "decision" in payload:
                    action = m.Action.create(channel=self.channel.id, order=None, kind=kind, payload=payload,
                                             status=outbox.PENDING, station=self.who)
        except Refused as exc:
            return _outcome(_reload(ret), False, str(exc), refused=True)
        if plan is not None:
            from tokodesk.services import inventory

            inventory.mark_inventory_dirty_for_skus(sorted(plan))
        if action is None:
            return _outcome(_reload(ret), True)
        if not outbox.claim(action, self.who, from_statuses=(outbox.PENDING,)):
            return _outcome(_reload(ret), False, said(_ELSEWHERE_DOING), pending=True)
        with outbox.keep_alive(action):
            return self._drive(action, _reload(ret), read_first=False)

    # ---- open decisions ---------------------------------------------------------------------------------------
    def resume(self, action: m.Action) -> ReturnOutcome:
        ret = m.Return.get_by_id((action.payload or {})["ret"])
        if not outbox.claim(action, self.who, from_statuses=(action.status,)):
            return _outcome(ret, False, said(_ELSEWHERE_RESOLVING), pending=True)
        with outbox.keep_alive(action):
            return self._drive(action, ret, read_first=True)

    def resume_pending(self, cancel: base.CancelCheck | None = None) -> list[ReturnOutcome]:
        """Finish the decisions a crash or lost answers left open: their returns read in bulk, each decided as one
        is, the ones still needed sent side by side (`return_resume.py`)."""
        from tokodesk.services import return_resume

        return return_resume.resume_all(self, outbox.resumable(self.channel.id, KINDS), cancel=cancel)

    # ---- the loop: never send again before reading ------------------------------------------------------------
    def _drive(self, action: m.Action, ret: m.Return, *, read_first: bool) -> ReturnOutcome:
        return self.settle(action, ret, self.decide(action, read_first=read_first))

    def decide(self, action: m.Action, *, read_first: bool, read_after: bool = True) -> Decided:
        """Send the decision (reading the return first when an earlier answer may have been lost) until the
        marketplace has decided it. Network only, except a rejection's photo ids kept as they are uploaded (so the
        bulk resume sends those on its own thread). `read_after`: read the return once it was decided, to store
        it at once (the bulk resume reads those it sent together instead)."""
        lost = ""
        sends = 0
        while True:
            if read_first:
                try:
                    verdict, why, info = self._check(action)
                except base.MarketplaceError as exc:
                    return Decided(outbox.UNKNOWN, said(QT_TRANSLATE_NOOP("Refusals", "{why}; reading failed: "
                                                                                      "{error}"),
                                                        why=lost or said(QT_TRANSLATE_NOOP(
                                                            "Refusals", "it could not be checked")),
                                                        error=str(exc)))
                if verdict == "applied":
                    return Decided(outbox.DONE, CONFIRMED, info)
                if verdict == "impossible":
                    return Decided(outbox.FAILED, why, info)
            if sends >= MAX_SENDS:
                return Decided(outbox.UNKNOWN, said(QT_TRANSLATE_NOOP("Refusals", "no answer after {sends} tries "
                                                                                  "({lost})"),
                                                    sends=sends, lost=lost))
            sends += 1
            try:
                self._send(action)
            except base.OutcomeUnknown as exc:
                lost = said(QT_TRANSLATE_NOOP("Refusals", "the answer was lost ({error})"), error=str(exc))
                read_first = True
                continue
            except base.MarketplaceError as exc:
                try:
                    verdict, why, info = self._check(action)
                except base.MarketplaceError:
                    verdict, why, info = "needed", "", None
                if verdict == "applied":
                    return Decided(outbox.DONE, ex.ALREADY_DONE, info)
                if verdict == "needed" and exc.retryable:
                    lost, read_first = str(exc), False
                    continue
                return Decided(outbox.FAILED, str(exc), info)
            return Decided(outbox.DONE, "", self._read_after(action) if read_after else None)

    def settle(self, action: m.Action, ret: m.Return, decided: Decided) -> ReturnOutcome:
        """Store what `decide` found: the outbox row, the return and its event, in one transaction."""
        if decided.status == outbox.DONE:
            return self._done(action, ret, decided.info, decided.reason)
        if decided.status == outbox.FAILED:
            return self._failed(action, ret, decided.reason, decided.info)
        return self._unknown(action, ret, decided.reason)

    def _read_after(self, action: m.Action) -> base.ReturnInfo | None:
        """The return right after the decision, to store at once (the sender's thread reads it)."""
        return_id = (action.payload or {})["return_id"]
        try:
            return self._read(return_id)
        except base.MarketplaceError as exc:
            log.warning("return %s after the decision: not read (%s)", return_id, exc)
            return None

    def _send(self, action: m.Action) -> None:
        p = action.payload or {}
        if action.kind == REJECT:
            images = self._uploaded(action) if p.get("images") else []
            self.api.reject_return(p["return_id"], p["decision"], p["reason"], p.get("comment", ""),
                                   p["idempotency_key"], **({"images": images} if images else {}))
        elif action.kind == OFFER:
            self.api.approve_return(p["return_id"], p["decision"], p["idempotency_key"], partial_amount=p["amount"])
        else:
            self.api.approve_return(p["return_id"], p["decision"], p["idempotency_key"])

    def _uploaded(self, action: m.Action) -> list[dict]:
        """The rejection's photos, each uploaded once: an id is kept with the decision as soon as it is known, so a
        rejection sent again after a lost answer (or resumed after a crash) names the same uploads."""
        from tokodesk.services import return_photos

        payload = dict(action.payload or {})
        images = [dict(i) for i in payload["images"]]
        for image in images:
            if image.get("image_id"):
                continue
            try:
                data = return_photos.read_for_upload(image)
            except UserError as exc:  # the file moved or changed: fail the decision with that, nothing is sent
                raise base.MarketplaceError(str(exc)) from None
            image["image_id"] = self.api.upload_return_photo(data, image["name"], image["mime_type"])
            payload["images"] = images
            kept = m.Action.update(payload=payload).where(
                (m.Action.id == action.id) & (m.Action.version == action.version)
                & (m.Action.status == outbox.SENT)).execute()
            if kept != 1:
                raise base.MarketplaceError("another station took this rejection over; it sends it")
            action.payload = payload
        return images

    def _read(self, return_id: str) -> base.ReturnInfo | None:
        for page in self.api.returns(return_ids=[return_id]):
            for info in page:
                if info.return_id == return_id:
                    return info
        return None

    def _check(self, action: m.Action) -> tuple[str, str, base.ReturnInfo | None]:
        """("applied" | "needed" | "impossible", why, the return as read)."""
        info = self._read((action.payload or {})["return_id"])
        return (*judge(action, info), info)

    # ---- results --------------------------------------------------------------------------------------------
    def _done(self, action: m.Action, ret: m.Return, info: base.ReturnInfo | None, note: str) -> ReturnOutcome:
        p = action.payload or {}
        with m.db.atomic():
            if not outbox.settle(action, outbox.DONE, note):
                return _outcome(_reload(ret), False, said(_ELSEWHERE_FINISHED), pending=True)
            if info is not None:
                rs.store_return(self.channel, info)
            if action.kind == REJECT:
                why = p.get("reason_label") or p.get("reason")
                detail = said(QT_TRANSLATE_NOOP("History", "rejected ({reason}): {comment}"), reason=why,
                              comment=p["comment"]) if p.get("comment") else \
                    said(QT_TRANSLATE_NOOP("History", "rejected ({reason})"), reason=why)
            elif action.kind == APPROVE:
                detail = said(QT_TRANSLATE_NOOP("History", "approved ({decision})"), decision=p["decision"])
            elif action.kind == OFFER:
                detail = said(QT_TRANSLATE_NOOP("History", "partial refund of Rp{amount} offered"),
                              amount=f"{p['amount']:,}".replace(",", "."))
            else:
                checked_in = _reload(ret)
                detail = said(QT_TRANSLATE_NOOP("History", "received package approved; {detail}"),
                              detail=words_from_store(checked_in.decision_detail, checked_in.decision_words)
                              or checked_in.decision_detail)
            changes: dict = {"problem": "", "version": m.Return.version + 1, "local_updated_at": m.utcnow()}
            if action.kind != RECEIVE:
                changes.update(decision=action.kind.removeprefix("return_"), decision_detail=detail,
                               decision_words=stored_words(detail), decided_by=self.who, decided_at=m.utcnow())
            m.Return.update(**changes).where(m.Return.id == ret.id).execute()
            _event(ret, action.kind, self.who, ex.with_note(detail, note))
        return _outcome(_reload(ret), True)

    def _failed(self, action: m.Action, ret: m.Return, reason: str, info: base.ReturnInfo | None) -> ReturnOutcome:
        with m.db.atomic():
            if not outbox.settle(action, outbox.FAILED, reason):
                return _outcome(_reload(ret), False, said(_ELSEWHERE_FINISHED), pending=True)
            if info is not None:
                rs.store_return(self.channel, info)
            problem = said(QT_TRANSLATE_NOOP("Refusals", "Could not {what} the return: {reason}"),
                           what=RETURN_WHAT.get(action.kind, action.kind.removeprefix("return_")), reason=reason)
            m.Return.update(problem=problem, problem_words=stored_words(problem), version=m.Return.version + 1).where(
                m.Return.id == ret.id).execute()
            _event(ret, action.kind, self.who, problem, ok=False)
        return _outcome(_reload(ret), False, reason)

    def _unknown(self, action: m.Action, ret: m.Return, reason: str) -> ReturnOutcome:
        with m.db.atomic():
            if not outbox.settle(action, outbox.UNKNOWN, reason):
                return _outcome(_reload(ret), False, said(_ELSEWHERE_FINISHED), pending=True)
            problem = said(QT_TRANSLATE_NOOP("Refusals", "Waiting for the marketplace: {reason}. TokoDesk checks "
                                                         "again on the next sync."), reason=reason)
            m.Return.update(problem=problem, problem_words=stored_words(problem), version=m.Return.version + 1).where(
                m.Return.id == ret.id).execute()
            _event(ret, action.kind, self.who, problem, ok=False)
        return _outcome(_reload(ret), False, problem, pending=True)


def judge(action: m.Action, info: base.ReturnInfo | None) -> tuple[str, str]:
    """Has this decision taken effect, judging by its return as read (None: not listed)? ("applied" | "needed" |
    "impossible", why)."""
    p = action.payload or {}
    if info is None:
        return "impossible", "the marketplace no longer lists this return"
    if info.status == p.get("from_status"):
        return "needed", ""
    rejected = info.status in REJECTED
    if action.kind == REJECT:
        if rejected:
            return "applied", ""
        return "impossible", f"the return moved on meanwhile ({info.status}): it was no longer waiting for " \
            "a decision (the deadline ran out, the buyer withdrew, or it was answered in Seller Center)"
    if not rejected and "CANCEL" not in info.status:
        return "applied", ""
    return "impossible", f"the return moved on meanwhile ({info.status})"


def active_for(ret: m.Return) -> m.Action | None:
    """The decision still in flight for this return (pending, sent or unknown), if any."""
    for action in m.Action.select().where((m.Action.channel == ret.channel_id) & m.Action.kind.in_(KINDS)
                                          & m.Action.status.in_(outbox.ACTIVE_STATUSES)).order_by(m.Action.id):
        if (action.payload or {}).get("ret") == ret.id:
            return action
    return None


def _not_now(ret: m.Return, what: str) -> str:
    waits = {RS.ON_ITS_WAY.value: said(QT_TRANSLATE_NOOP("Refusals", "it waits for the buyer to send the goods back")),
             RS.CLOSED.value: said(QT_TRANSLATE_NOOP("Refusals", "it is closed ({status})"), status=ret.status),
             RS.TO_INSPECT.value: said(QT_TRANSLATE_NOOP("Refusals", "its parcel was sent back: receive it (tokodesk "
                                                                     "returns receive) or reject it")),
             RS.NEEDS_ANSWER.value: said(QT_TRANSLATE_NOOP("Refusals", "it waits for your answer: approve or reject "
                                                                       "it"))}
    return said(QT_TRANSLATE_NOOP("Refusals", "return {return_id} cannot be {what}: {why}"),
                return_id=ret.return_id, what=what, why=waits.get(ret.state, ret.state))


def _pick(offered: list[base.CancelReason], wanted: str | None) -> base.CancelReason:
    listed = "; ".join(f"{r.code} = {r.label}" for r in offered) or \
        said(QT_TRANSLATE_NOOP("Refusals", "(the marketplace offers none now)"))
    wanted = (wanted or "").strip()
    if not wanted:
        raise Refused(QT_TRANSLATE_NOOP("Refusals", "choose a reason to reject the return (--reason NAME): {listed}"),
                      listed=listed)
    for reason in offered:
        if reason.code == wanted or reason.label.casefold() == wanted.casefold():
            return reason
    raise Refused(QT_TRANSLATE_NOOP("Refusals", "reason {wanted!r} is not offered for this return; choose one of: "
                                                "{listed}"), wanted=wanted, listed=listed)


def resume_pending(channel: m.Channel, adapter: base.Marketplace) -> list[ReturnOutcome]:
    """Resolve open decisions of the channel (each sync of returns starts with this)."""
    if not outbox.resumable(channel.id, KINDS) or not adapter.capabilities.returns_decide:
        return []
    return ReturnDesk(channel, adapter).resume_pending()
