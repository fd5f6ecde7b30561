"""Splitting an order-list range into the windows `/v2/order/list` accepts (research §4)."""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

# "Date Range must be less than 3 days" (ORD_DLV_013). Whether exactly 259200 s passes is UNCONFIRMED: stay below.
MAX_SPAN_S = 3 * 24 * 3600 - 1
MAX_WINDOW = timedelta(seconds=MAX_SPAN_S)


def to_unix(moment: datetime, *, up: bool) -> int:
    """UNIX seconds of an instant (naive means UTC); `up` rounds a fraction up so a range only ever grows."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    seconds = moment.timestamp()
    return math.ceil(seconds) if up else math.floor(seconds)


def split_range(start: int, end: int, max_span: int = MAX_SPAN_S) -> list[tuple[int, int]]:
    """Consecutive [from, to) windows covering [start, end) exactly, each `to - from <= max_span`."""
    if max_span < 1:
        raise ValueError("max_span must be at least one second")
    windows = []
    cursor = start
    while cursor < end:
        stop = min(cursor + max_span, end)
        windows.append((cursor, stop))
        cursor = stop
    return windows


def windows_for(start: datetime, end: datetime, max_span: int = MAX_SPAN_S) -> list[tuple[int, int]]:
    return split_range(to_unix(start, up=False), to_unix(end, up=True), max_span)
