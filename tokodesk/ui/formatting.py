"""How money, numbers, times and deadlines look on screen: `Rp 1.250.000`, 1.234 in Indonesian, times in WIB."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QLocale

from tokodesk.config import WIB
from tokodesk.ui.i18n import current


def rupiah(amount: int | float | None) -> str:
    """Indonesian grouping with dots, no decimals: 1250000 -> 'Rp 1.250.000'."""
    if amount is None:
        return ""
    value = int(round(amount))
    sign = "-" if value < 0 else ""
    return f"{sign}Rp {abs(value):,}".replace(",", ".")


def window_locale() -> QLocale:
    """The QLocale of the window's language: Indonesian writes 1.234,5; English 1,234.5 (not en_ID's dots)."""
    if current() == "id":
        return QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def grouped(value: int | float, spec: str = ",") -> str:
    """A number as the window's language writes it, `spec` as in Python's format ("," or ",.1f"): 1.234 in the
    Indonesian window where `f"{n:,}"` wrote 1,234. The CLI keeps Python's English."""
    locale = window_locale()
    text = format(value, spec)
    return text.translate({ord(","): locale.groupSeparator(), ord("."): locale.decimalPoint(),
                           ord("_"): locale.groupSeparator()})


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
