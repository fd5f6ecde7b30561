"""Resolution tickets of the legacy Tokopedia API, read-only: `GET /resolution/v1/fs/{fs_id}/ticket?shop_id&from_date
&to_date` (research/tokopedia-api.md §6; the answer's shape from the only public description, a Java SDK:
`shops[]{ticket[]{id, problem_type, status, open_date, sla_date, close_date, invoice_number, solution,
complaint_product[]{id, Name, qty}}}`). UNCONFIRMED and read tolerantly: the status and solution words, the date
forms. Tickets are answered in Seller Center: the adapter offers no decision (`returns_decide` is false).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from typing import Any

from tokodesk.marketplace.base import ReturnInfo, ReturnLineInfo, ReturnState

E_TICKETS = "GET /resolution/v1/fs/{fs_id}/ticket"
WIB = timezone(timedelta(hours=7))
# A ticket is listed by the day it was opened, not by its last change: reach back far enough to see every ticket
# that can still change (a complaint runs its course within a couple of weeks).
LOOKBACK = timedelta(days=14)
STATES = {"open": ReturnState.NEEDS_ANSWER, "on_process": ReturnState.ON_ITS_WAY}


def _time(value: Any) -> datetime | None:
    text = str(value or "").strip()
    if not text:
        return None
    for form in ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.strptime(text[:19], form).replace(tzinfo=WIB).astimezone(timezone.utc)
        except ValueError:
            continue
    return None


def parse_ticket(raw: dict) -> ReturnInfo:
    status = str(raw.get("status") or "").strip().lower()
    solution = str(raw.get("solution") or "").lower()
    invoice = str(raw.get("invoice_number") or "")
    lines = [ReturnLineInfo(line_id=str(p.get("id") or ""), product_id=str(p.get("id") or ""),
                            name=str(p.get("Name") or p.get("name") or ""), quantity=int(p.get("qty") or 1))
             for p in raw.get("complaint_product") or [] if isinstance(p, dict)]
    opened = _time(raw.get("open_date"))
    closed = _time(raw.get("close_date"))
    return ReturnInfo(
        return_id=str(raw.get("id") or ""), order_id="", invoice=invoice,
        return_type="RETURN_AND_REFUND" if "return" in solution or "retur" in solution else "REFUND",
        status=status, state=STATES.get(status, ReturnState.CLOSED),
        next_action="answer in Seller Center" if status == "open" else "",
        next_deadline=_time(raw.get("sla_date")) if status == "open" else None,
        reason=str(raw.get("problem_type") or ""), reason_text=str(raw.get("problem_type") or ""),
        refund_total=int(float(raw.get("total_issued_funds") or 0)), created_at=opened, updated_at=closed or opened,
        lines=lines, evidence=[],
    )


def tickets(call: Callable[..., Any], fs_id: str, shop_id: str,
            updated_from: datetime | None) -> Iterator[list[ReturnInfo]]:
    """One page: every ticket opened since `updated_from` less the look-back (the order is named by invoice)."""
    now = datetime.now(WIB)
    start = ((updated_from or now - LOOKBACK) - LOOKBACK).astimezone(WIB)
    params = {"shop_id": shop_id, "from_date": start.strftime("%Y-%m-%d"), "to_date": now.strftime("%Y-%m-%d")}
    data = call("GET", f"/resolution/v1/fs/{fs_id}/ticket", E_TICKETS, "read resolution tickets", params=params)
    raw = [t for shop in (data or {}).get("shops") or [] if isinstance(shop, dict)
           and (not shop_id or str(shop.get("shop_id")) == str(shop_id))
           for t in shop.get("ticket") or [] if isinstance(t, dict)]
    yield [parse_ticket(t) for t in raw]
