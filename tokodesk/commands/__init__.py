"""The sub-commands of `tokodesk`; each module has `register(sub)` and `run(args)` (see tokodesk/cli.py)."""

from __future__ import annotations

from datetime import datetime, timezone

from tokodesk.errors import UserError


def parse_wib(text: str, option: str) -> datetime:
    """A date (or date and time) typed by a seller, read in WIB, as aware UTC; bad input names the option."""
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise UserError(
            f"{option}: {text!r} is not a date; write it as YYYY-MM-DD or 'YYYY-MM-DD HH:MM' in WIB (e.g. 2026-11-24)"
        ) from exc
    if when.tzinfo is None:
        from tokodesk.config import WIB

        when = when.replace(tzinfo=WIB)
    return when.astimezone(timezone.utc)
