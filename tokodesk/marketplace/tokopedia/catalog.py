"""Prices and listing on/off on Tokopedia (research §"Other product endpoints", §2 bulk weighting).

Price update takes ≤100 rows `[{product_id, new_price}]`, active / inactive ≤25 ids `{product_id: [...]}`; each row
counts as one request against the rate limit and a row over it fails alone ("ERR_TOO_MANY_REQUEST") in a 200: such
rows are sent again once the quota is back. Calls are sent as non-idempotent: a lost answer is reported per row as
`unknown`, and the caller reads the products back before anything is sent again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import error_words
from tokodesk.marketplace.base import (
    AuthError,
    CancelCheck,
    CatalogRow,
    CatalogRowResult,
    MarketplaceError,
    OutcomeUnknown,
)
from tokodesk.marketplace.tokopedia import parsing
from tokodesk.marketplace.tokopedia.transport import Transport

log = logging.getLogger(__name__)

PRICE_BATCH = 100
LISTING_BATCH = 25
STALL_ROUNDS = 5
E_PRICE = "POST /inventory/v1/fs/{fs_id}/price/update"
E_ACTIVE = "POST /v1/products/fs/{fs_id}/active"
E_INACTIVE = "POST /v1/products/fs/{fs_id}/inactive"


def _failed_by_id(failed: list) -> tuple[dict[str, str], int]:
    """failed_rows_data by product id: objects (price) or "<id>: reason" strings (active/inactive)."""
    messages: dict[str, str] = {}
    unplaced = 0
    for entry in failed or []:
        if isinstance(entry, str):
            head, _, reason = entry.partition(":")
            pid, message = (head.strip(), reason.strip()) if reason and head.strip().isdigit() else ("", entry)
        else:
            pid = parsing.ident(parsing.get(entry, "product_id"))
            message = parsing.text(parsing.get(entry, "message"))
        if pid:
            messages[pid] = message or ""
        else:
            unplaced += 1
    return messages, unplaced


def _send(
    http: Transport,
    rows: Sequence[CatalogRow],
    endpoint: str,
    batch_max: int,
    request: Callable[[list[CatalogRow]], tuple[str, object]],
    action: str,
    shop_id: str,
    cancel: CancelCheck | None,
) -> list[CatalogRowResult]:
    results: dict[int, CatalogRowResult] = {}
    queue: list[tuple[int, CatalogRow]] = []
    for index, row in enumerate(rows):
        if parsing.ident(row.product_id).isdigit():
            queue.append((index, row))
        else:
            results[index] = CatalogRowResult(row.product_id, False, said(QT_TRANSLATE_NOOP(
                "Marketplace", "no Tokopedia product id: pull the products again")))
    size, stalls = batch_max, 0
    while queue:
        if cancel is not None and cancel():
            for index, row in queue:
                results[index] = CatalogRowResult(row.product_id, False, said(QT_TRANSLATE_NOOP(
                    "Marketplace", "not sent: the push was cancelled")))
            break
        limits = http.limits.get(endpoint)
        burst = limits.rate_and_burst()[1] if limits else None
        take = min(size, burst) if burst else size
        batch, queue = queue[:take], queue[take:]
        http.wait_for_room(endpoint, len(batch))
        path, body = request([row for _, row in batch])
        try:
            data = http.call("POST", path, endpoint=endpoint, action=action, params={"shop_id": shop_id},
                             json_body=body, idempotent=False)
        except AuthError:
            raise
        except OutcomeUnknown as err:
            for index, row in batch:
                results[index] = CatalogRowResult(row.product_id, False, str(err), unknown=True)
            continue
        except MarketplaceError as err:
            for index, row in batch:
                results[index] = CatalogRowResult(row.product_id, False, str(err))
            continue
        messages, unplaced = _failed_by_id(parsing.get(data, "failed_rows_data") or [])
        throttled = []
        for index, row in batch:
            message = messages.get(parsing.ident(row.product_id))
            if message is None and unplaced:
                results[index] = CatalogRowResult(
                    row.product_id, False, said(QT_TRANSLATE_NOOP(
                        "Marketplace", "Tokopedia reported {rows} failed row(s) without naming them"), rows=unplaced),
                    unknown=True)
            elif message is None:
                results[index] = CatalogRowResult(row.product_id, True)
            elif "TOO_MANY_REQUEST" in message.upper():
                throttled.append((index, row))
            else:
                results[index] = CatalogRowResult(row.product_id, False, error_words.row_message(message))
        if not throttled:
            stalls, size = 0, batch_max
            continue
        stalls = 0 if len(throttled) < len(batch) else stalls + 1
        if stalls >= STALL_ROUNDS:
            for index, row in throttled + queue:
                results[index] = CatalogRowResult(row.product_id, False, said(QT_TRANSLATE_NOOP(
                    "Marketplace", "Tokopedia's rate limit kept refusing this row; push again later")))
            break
        queue[0:0] = throttled
        size = max(1, len(batch) - len(throttled)) if len(throttled) < len(batch) else size
        http.wait_for_full_quota(endpoint)
    return [results[i] for i in range(len(rows))]


def update_prices(http: Transport, fs_id: str, shop_id: str, rows: Sequence[CatalogRow],
                  cancel: CancelCheck | None = None) -> list[CatalogRowResult]:
    path = f"/inventory/v1/fs/{fs_id}/price/update"

    def request(batch: list[CatalogRow]) -> tuple[str, object]:
        return path, [{"product_id": int(parsing.ident(r.product_id)), "new_price": int(r.price or 0)} for r in batch]

    return _send(http, rows, E_PRICE, PRICE_BATCH, request,
                 said(QT_TRANSLATE_NOOP("Marketplace", "update prices")), shop_id, cancel)


def set_listings(http: Transport, fs_id: str, shop_id: str, rows: Sequence[CatalogRow],
                 cancel: CancelCheck | None = None) -> list[CatalogRowResult]:
    results: dict[int, CatalogRowResult] = {}
    for active, endpoint, word in ((True, E_ACTIVE, "active"), (False, E_INACTIVE, "inactive")):
        picked = [(i, r) for i, r in enumerate(rows) if r.active is active]
        if not picked:
            continue
        path = f"/v1/products/fs/{fs_id}/{word}"

        def request(batch: list[CatalogRow], path: str = path) -> tuple[str, object]:
            return path, {"product_id": [int(parsing.ident(r.product_id)) for r in batch]}

        action = said(QT_TRANSLATE_NOOP("Marketplace", "set products active")) if active else \
            said(QT_TRANSLATE_NOOP("Marketplace", "set products inactive"))
        answers = _send(http, [r for _, r in picked], endpoint, LISTING_BATCH, request, action, shop_id, cancel)
        for (index, _), answer in zip(picked, answers, strict=True):
            results[index] = answer
    return [results.get(i) or CatalogRowResult(r.product_id, False, said(QT_TRANSLATE_NOOP(
        "Marketplace", "neither on nor off was asked")))
            for i, r in enumerate(rows)]
