"""Finishing the return decisions a crash, a kill or lost answers left open, a chunk at a time (issue 19).

One decision resumed alone reads its return (a Search Returns call), then sends what is still needed: at 40 ms,
1,000 of them wait 40 s for their reads alone. Here, READ_CHUNK decisions at a time:

- they are claimed in one transaction (each only as it was read: status and version), and their leases renewed while
  they wait;
- their returns are read READ_IDS ids a Search Returns call (its page size's maximum, so about a page a call);
- each is judged from what its return shows exactly as `ReturnDesk._check` judges one (`return_desk.judge`): moved on
  as the decision leads is done, moved on otherwise is failed, still waiting is sent again (once, with its own
  idempotency key);
- those still needed are sent side by side, SENDERS at a time, each through `ReturnDesk.decide` (a lost answer read
  back before anything is sent again), paced by the transport's rate gate; only this thread writes the store.

Not through `fulfilment/pool.py`: the pool claims, keys and settles by order, and a return decision belongs to a
return (its action has no order). A rejection with photos still to upload is sent on this thread after the others:
each upload's id is kept with the decision as soon as it is known, a store write a sender thread must not make.

A stop (`cancel`) is heeded between chunks and before each send; a decision claimed but not sent gets its status
back (pending, or unknown), to be resumed, reading first, next time.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import base
from tokodesk.services import outbox
from tokodesk.services import return_desk as rd
from tokodesk.services.fulfilment.pool import SENDERS
from tokodesk.store import models as m

log = logging.getLogger(__name__)

READ_CHUNK = 200  # decisions claimed and read per round: 4 Search Returns calls
READ_IDS = 50  # return ids a Search Returns call names (page_size's maximum in the reference: [10-50])
STOPPED = "not done: stopped before this return"


@dataclass
class _Open:
    action: m.Action
    ret: m.Return
    before: str  # its status before this run claimed it: it gets that back if never sent
    read_first: bool = False  # its return was not read here: its sender reads it first


def resume_all(
    desk: rd.ReturnDesk, actions: Sequence[m.Action], *, cancel: base.CancelCheck | None = None
) -> list[rd.ReturnOutcome]:
    """Resolve these open decisions of `desk`'s channel; one outcome per decision handled, in the outbox's order
    (none for those a stop left untouched)."""
    if not actions:
        return []
    results: dict[int, rd.ReturnOutcome] = {}
    with outbox.Leases() as leases:
        to_send: list[_Open] = []
        for start in range(0, len(actions), READ_CHUNK):
            if cancel is not None and cancel():
                break
            mine = _claim(desk, actions[start:start + READ_CHUNK], results)
            leases.add(item.action for item in mine)
            for item, decided in _read_and_judge(desk, mine, to_send):
                results[item.action.id] = desk.settle(item.action, item.ret, decided)
                leases.drop([item.action])
        alone = [item for item in to_send if _uploads_left(item.action)]
        results.update(_send_side_by_side(desk, [item for item in to_send if item not in alone], leases, cancel))
        for item in alone:
            if cancel is not None and cancel():
                results[item.action.id] = _give_back(item)
            else:
                results[item.action.id] = desk.settle(item.action, item.ret,
                                                      desk.decide(item.action, read_first=item.read_first))
            leases.drop([item.action])
    return [results[action.id] for action in actions if action.id in results]


def _claim(desk: rd.ReturnDesk, chunk: Sequence[m.Action], results: dict[int, rd.ReturnOutcome]) -> list[_Open]:
    ids = [(action.payload or {})["ret"] for action in chunk]
    rets = {r.id: r for r in m.Return.select().where(m.Return.id.in_(ids))}
    mine: list[_Open] = []
    with m.db.atomic():
        for action in chunk:
            ret = rets[(action.payload or {})["ret"]]
            before = action.status if action.status != outbox.SENT else outbox.UNKNOWN  # an orphan's send: unknown
            if outbox.claim(action, desk.who, from_statuses=(action.status,)):
                mine.append(_Open(action, ret, before))
            else:
                results[action.id] = rd._outcome(ret, False, said(rd._ELSEWHERE_RESOLVING), pending=True)
    return mine


def _read_and_judge(desk: rd.ReturnDesk, mine: list[_Open], to_send: list[_Open]) -> list[tuple[_Open, rd.Decided]]:
    """Read the returns of these claimed decisions READ_IDS a call and judge each: those decided (to store now);
    those still needed are added to `to_send`."""
    if not mine:
        return []
    return_ids = list(dict.fromkeys((item.action.payload or {})["return_id"] for item in mine))
    infos: dict[str, base.ReturnInfo] = {}
    try:
        for start in range(0, len(return_ids), READ_IDS):
            for page in desk.api.returns(return_ids=return_ids[start:start + READ_IDS]):
                infos.update((info.return_id, info) for info in page)
    except (base.AuthError, base.NotReachable) as exc:
        log.warning("reading %d returns to resolve their open decisions failed: %s", len(mine), exc)
        why = said(QT_TRANSLATE_NOOP("Refusals", "it could not be checked; reading failed: {error}"), error=str(exc))
        return [(item, rd.Decided(outbox.UNKNOWN, why)) for item in mine]
    except base.MarketplaceError as exc:  # refused as a whole: each is read alone by its sender
        log.warning("reading %d returns at once failed (%s); reading each on its own", len(mine), exc)
        for item in mine:
            item.read_first = True
        to_send += mine
        return []
    decided: list[tuple[_Open, rd.Decided]] = []
    for item in mine:
        info = infos.get((item.action.payload or {})["return_id"])
        verdict, why = rd.judge(item.action, info)
        if verdict == "applied":
            decided.append((item, rd.Decided(outbox.DONE, rd.CONFIRMED, info)))
        elif verdict == "impossible":
            decided.append((item, rd.Decided(outbox.FAILED, why, info)))
        else:
            to_send.append(item)
    return decided


def _uploads_left(action: m.Action) -> bool:
    return any(not image.get("image_id") for image in (action.payload or {}).get("images") or [])


def _send_side_by_side(
    desk: rd.ReturnDesk, items: list[_Open], leases: outbox.Leases, cancel: base.CancelCheck | None
) -> dict[int, rd.ReturnOutcome]:
    """Each item's decision sent by one sender thread (`ReturnDesk.decide`), SENDERS at once; each answer settled
    here as it comes, those the marketplace took once their returns are read back READ_IDS a call (as one decision
    reads its return right after it). One not sent because of a stop gets its status back."""
    results: dict[int, rd.ReturnOutcome] = {}
    if not items:
        return results
    queue = list(reversed(items))
    futures: dict[Future, _Open] = {}
    taken: list[tuple[_Open, rd.Decided]] = []
    with ThreadPoolExecutor(SENDERS, thread_name_prefix="tokodesk-return") as senders:
        while queue or futures:
            while queue and len(futures) < SENDERS:
                item = queue.pop()
                futures[senders.submit(_decide, desk, item, cancel)] = item
            done, _pending = wait(list(futures), return_when=FIRST_COMPLETED)
            for future in done:
                item = futures.pop(future)
                decided = _answer(future, item)
                if decided is not None and decided.status == outbox.DONE and decided.info is None:
                    taken.append((item, decided))
                    continue
                results[item.action.id] = _give_back(item) if decided is None else \
                    desk.settle(item.action, item.ret, decided)
                leases.drop([item.action])
    infos = _read_back(desk, [item for item, _decided in taken])
    for item, decided in taken:
        decided.info = infos.get((item.action.payload or {})["return_id"])
        results[item.action.id] = desk.settle(item.action, item.ret, decided)
        leases.drop([item.action])
    return results


def _read_back(desk: rd.ReturnDesk, items: list[_Open]) -> dict[str, base.ReturnInfo]:
    """The returns just decided, as the marketplace has them now (nothing when they cannot be read: the next sync
    of returns stores them)."""
    return_ids = list(dict.fromkeys((item.action.payload or {})["return_id"] for item in items))
    infos: dict[str, base.ReturnInfo] = {}
    for start in range(0, len(return_ids), READ_IDS):
        try:
            for page in desk.api.returns(return_ids=return_ids[start:start + READ_IDS]):
                infos.update((info.return_id, info) for info in page)
        except base.MarketplaceError as exc:
            log.warning("%d returns after their decisions: not read (%s)", len(return_ids[start:start + READ_IDS]),
                        exc)
    return infos


def _decide(desk: rd.ReturnDesk, item: _Open, cancel: base.CancelCheck | None) -> rd.Decided | None:
    """A sender thread's part: None when the resume was stopped before this request went out."""
    if cancel is not None and cancel():
        return None
    return desk.decide(item.action, read_first=item.read_first, read_after=False)


def _answer(future: Future, item: _Open) -> rd.Decided | None:
    try:
        return future.result()
    except Exception as exc:  # not a marketplace answer (a bug, a transport surprise): the request may have gone out
        log.exception("decision %s on return %s: the sender failed", item.action.kind, item.ret.return_id)
        return rd.Decided(outbox.UNKNOWN, said(QT_TRANSLATE_NOOP(
            "Refusals", "the request may or may not have reached the marketplace ({error})"), error=str(exc)))


def _give_back(item: _Open) -> rd.ReturnOutcome:
    outbox.release(item.action, item.before)
    return rd._outcome(rd._reload(item.ret), False, STOPPED, pending=True)
