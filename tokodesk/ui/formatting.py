"""How money, times and deadlines look on screen: `Rp 1.250.000`, times in WIB."""

from __future__ import annotations

from datetime import datetime, timezone

from tokodesk.config import WIB


def rupiah(amount: int | float | None) -> str:
    """Indonesian grouping with dots, no decimals: 1250000 -> 'Rp 1.250.000'."""
    if amount is None:
        return ""
    value = int(round(amount))
    sign = "-" if value < 0 else ""
    return f"{sign}Rp {abs(value):,}".replace(",", ".")


def to_wib(value: datetime | None) -> datetime | None:
    """Naive datetimes from the database are UTC; show them in Asia/Jakarta."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(WIB)


def wib_text(value: datetime | None, *, seconds: bool = False) -> str:
    local = to_wib(value)
    if local is None:
        return ""
    return local.strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M") + " WIB"


def utc_naive(value: datetime) -> datetime:
    """Any datetime -> the naive UTC form the database holds."""
    if value.tzinfo is None:
        return value
    return value.astimezone(timezone.utc).replace(tzinfo=None)


def minutes_left(deadline: datetime | None, now: datetime | None = None) -> int | None:
    if deadline is None:
        return None
    now = now or datetime.now(timezone.utc).replace(tzinfo=None)
    return int((utc_naive(deadline) - now).total_seconds() // 60)
