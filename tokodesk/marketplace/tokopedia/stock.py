"""Overwrite stock on Tokopedia: ≤100 rows a request, every row answered (research §2 bulk weighting, §7).

Tokopedia answers HTTP 200 even when rows fail, and counts each row as one request against the rate limit:
rows over the limit fail alone with "ERR_TOO_MANY_REQUEST". Those are sent again after the quota is back, as long as
each round gets some rows through; anything else is reported per row with Tokopedia's message.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import error_words
from tokodesk.marketplace.base import (
    AuthError,
    CancelCheck,
    MarketplaceError,
    NotReachable,
    StockResult,
    StockRow,
    StockRowResult,
)
from tokodesk.marketplace.clean import REPLACEMENT, scrub
from tokodesk.marketplace.tokopedia import parsing
from tokodesk.marketplace.tokopedia.transport import Transport

log = logging.getLogger(__name__)

BATCH_MAX = 100
SKU_MAX = 50
STALL_ROUNDS = 5  # consecutive rounds in which every row was throttled before giving up until the next sync
E_STOCK = "POST /inventory/v1/fs/{fs_id}/stock/update"


@dataclass
class _Pending:
    index: int
    row: StockRow
    item: dict

    @property
    def key(self) -> tuple[str, str]:
        return ("p", str(self.item["product_id"])) if "product_id" in self.item else ("s", self.item["sku"])


def _is_throttled(message: str) -> bool:
    return "TOO_MANY_REQUEST" in message.upper()


def _request_item(row: StockRow) -> dict | str:
    """The JSON row for Tokopedia, or why it cannot be sent.

    The product id is sent when known (it is what was pulled, and unambiguous); the SKU only when it is not,
    because Tokopedia gives a SKU priority over a product id in the same row.
    """
    quantity = max(0, int(row.quantity))  # a marketplace cannot hold negative stock; "available" may compute below 0
    pid = parsing.ident(row.product_id)
    if pid.isdigit():
        return {"product_id": int(pid), "new_stock": quantity}
    sku = (row.sku or "").strip()
    if not sku:
        return said(QT_TRANSLATE_NOOP("Marketplace", "no Tokopedia product ID or SKU to address this row"))
    if REPLACEMENT in sku:
        # Never send a SKU other than the one on the marketplace: ours was cleaned when it arrived.
        return said(QT_TRANSLATE_NOOP("Marketplace", "the SKU holds characters that arrived garbled from Tokopedia; "
                                      "fix it in Seller Center and pull again"))
    if len(sku) > SKU_MAX:
        return said(QT_TRANSLATE_NOOP("Marketplace", "the SKU is {length} characters; Tokopedia accepts at most "
                                      "{most}"), length=len(sku), most=SKU_MAX)
    return {"sku": sku, "new_stock": quantity}


_UPDATE_STOCK = said(QT_TRANSLATE_NOOP("Marketplace", "update stock"))  # the call's name in its errors


def _next_batch(queue: list[_Pending], size: int) -> list[_Pending]:
    """Up to `size` rows, never two for the same product (so a failed row can be told apart)."""
    batch: list[_Pending] = []
    keys: set[tuple[str, str]] = set()
    for pending in list(queue):
        if len(batch) >= size:
            break
        if pending.key in keys:
            continue
        keys.add(pending.key)
        batch.append(pending)
        queue.remove(pending)
    return batch


def _attribute(batch: list[_Pending], failed: list) -> tuple[dict[int, str], int]:
    """Map Tokopedia's failed_rows_data to our rows; returns {index: message} and how many could not be placed."""
    by_pid = {parsing.ident(p.row.product_id): p for p in batch if parsing.ident(p.row.product_id)}
    by_sku = {p.row.sku.strip(): p for p in batch if p.row.sku and p.row.sku.strip()}
    messages: dict[int, str] = {}
    unplaced = 0
    for entry in failed:
        if isinstance(entry, str):  # the active/inactive endpoints list bare strings
            entry = {"message": entry}
        pid = parsing.ident(parsing.get(entry, "product_id"))
        sku = parsing.text(parsing.get(entry, "sku"))
        match = by_pid.get(pid) if pid else None
        if match is None and sku:
            match = by_sku.get(sku)
        message = parsing.text(parsing.get(entry, "message"))
        if match is None:
            unplaced += 1
            log.warning("Tokopedia reported a failed stock row it did not name: %s", message)
        else:
            messages[match.index] = message
    return messages, unplaced


def push_stock(
    http: Transport, path: str, shop_id: str, rows: Sequence[StockRow], cancel: CancelCheck | None = None
) -> StockResult:
    results: dict[int, StockRowResult] = {}
    queue: list[_Pending] = []

    def answer(p: _Pending | int, ok: bool, message: str = "", retryable: bool = False) -> None:
        index = p.index if isinstance(p, _Pending) else p
        row = rows[index]
        results[index] = StockRowResult(row.product_id, row.sku, max(0, int(row.quantity)), ok, message, retryable)

    for index, row in enumerate(rows):
        item = _request_item(row)
        if isinstance(item, str):
            answer(index, False, item)
        else:
            queue.append(_Pending(index, row, item))

    sent_before = http.requests_sent
    size = BATCH_MAX
    stalls = 0
    while queue:
        if cancel is not None and cancel():
            for p in queue:
                answer(p, False, said(QT_TRANSLATE_NOOP("Marketplace", "cancelled before it was sent")),
                       retryable=True)
            break
        limits = http.limits.get(E_STOCK)
        burst = limits.rate_and_burst()[1] if limits else None
        batch = _next_batch(queue, min(size, burst) if burst else size)
        http.wait_for_room(E_STOCK, len(batch))
        params = {"shop_id": shop_id}
        try:
            data = http.call("POST", path, endpoint=E_STOCK, action=_UPDATE_STOCK, params=params,
                             json_body=[p.item for p in batch])
        except AuthError:
            raise
        except NotReachable as err:
            for p in batch + queue:
                answer(p, False, str(err), retryable=True)
            break
        except MarketplaceError as err:
            for p in batch:
                answer(p, False, str(err), retryable=err.retryable)
            continue
        failed = parsing.get(data, "failed_rows_data") or []
        messages, unplaced = _attribute(batch, failed)
        throttled = [p for p in batch if p.index in messages and _is_throttled(messages[p.index])]
        for p in batch:
            if p.index not in messages:
                if unplaced:
                    answer(p, False, said(QT_TRANSLATE_NOOP(
                        "Marketplace", "Tokopedia reported {rows} failed row(s) without naming them; read the stock "
                        "back to check this one"), rows=unplaced), retryable=True)
                else:
                    answer(p, True)
            elif p not in throttled:
                answer(p, False, error_words.row_message(messages[p.index]))  # in words, never Tokopedia's bare text
        if not throttled:
            stalls = 0
            size = min(BATCH_MAX, size * 2)
            continue
        accepted = len(batch) - len(throttled)
        stalls = 0 if accepted else stalls + 1
        if stalls >= STALL_ROUNDS:
            for p in throttled + queue:
                answer(p, False, said(QT_TRANSLATE_NOOP(
                    "Marketplace", "Tokopedia's rate limit kept refusing this row; it is sent again at the next "
                    "sync")), retryable=True)
            queue.clear()
            break
        queue[0:0] = throttled
        # Send about as many rows as the quota let through last time, so fewer rows are refused for nothing.
        size = max(1, min(BATCH_MAX, accepted or size))
        waited = http.wait_for_full_quota(E_STOCK)
        log.info("%d stock rows over Tokopedia's rate limit; sending them again after %.2fs", len(throttled), waited)
    # Tokopedia's per-row messages are stored with each push row: make them storable.
    return scrub(StockResult(rows=[results[i] for i in range(len(rows))], requests=http.requests_sent - sent_before))
