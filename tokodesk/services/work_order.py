"""The order of work: which order a packer takes next, by the platform's rule.

Since 30 Sep 2025 Tokopedia & Shop asks apps in Indonesia to sort the orders to process by `tts_sla_time` (the
latest collection time, what lateness is judged by), then by `fulfillment_priority_level` (100 Instant first ...
800 Cargo last). Orders without those fields (the legacy Tokopedia FS dialect, seller-shipped packages) sort by
their own deadline: the accept deadline of a new order, the ship deadline of an accepted one.

The queue sorts up to 100,000 rows on every filter change, so the key is one flat string per row, computed once
when the row is read (in the worker), and compared with `str`'s fast path.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from datetime import datetime, timezone

from tokodesk.marketplace import base

log = logging.getLogger(__name__)

S = base.OrderState

# fulfillment_priority_level (Get Order Detail 202309, SEA only).
PRIORITY_NAMES = {100: "Instant", 200: "Same-day 8 h", 300: "Same-day", 400: "Next day", 500: "Express",
                  600: "Standard", 700: "Economy", 800: "Cargo"}
INSTANT = 100
SAME_DAY = frozenset({200, 300})

# A partly shipped order still has packages to ship: it is processed like a packed one.
TO_PROCESS = frozenset({S.NEW.value, S.ACKNOWLEDGED.value, S.PACKED.value, S.READY_TO_SHIP.value,
                        S.PARTLY_SHIPPED.value})
WAITING = frozenset({S.AWAITING_PAYMENT.value, S.ON_HOLD.value})
_NO_LEVEL = 999
_FAR = 9_999_999_999  # epoch seconds past any deadline: orders without one sort last in their group
_EPOCH = datetime(1970, 1, 1)


def urgency(level: int | None) -> str:
    """"instant", "same_day" or "" — the orders the queue marks because their collection comes within hours."""
    if level == INSTANT:
        return "instant"
    if level in SAME_DAY:
        return "same_day"
    return ""


def _seconds(value: object) -> int | None:
    """SQLite hands times back as ISO text, PostgreSQL as naive UTC datetimes; both become epoch seconds."""
    if value is None or value == "":
        return None
    if not isinstance(value, datetime):
        try:
            value = datetime.fromisoformat(str(value))
        except ValueError:
            return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return int((value - _EPOCH).total_seconds())


def due(state: str, accept_by: object, ship_by: object, tts_sla: object) -> int | None:
    """The deadline the order is judged by, in epoch seconds: the platform's collection deadline where given."""
    found = _seconds(tts_sla)
    if found is None:
        found = _seconds(accept_by if state == S.NEW.value else ship_by)
    return found


def work_key(state: str, created: object, accept_by: object, ship_by: object, tts_sla: object,
             level: int | None, hold_until: object = None, pk: int = 0) -> str:
    """The queue's default sort key (ascending):

    0. to process (new, to pack, packed, ready): nearest `tts_sla_time` (else own deadline), then priority level;
    1. handed over, awaiting the courier: nearest collection deadline;
    2. waiting for payment or for the buyer's window to close: the one that becomes workable first;
    3. everything else: newest first.

    Ends with the order's row id, latest first (`pk`, the order the queue reads them in), so no two orders tie:
    the order of work is the same whatever the queue was sorted by before, and the queue can keep it beside another
    column's order instead of sorting 100,000 rows again on a click of the Deadline header (ui/orders_model.py).
    """
    created_s = _seconds(created) or 0
    last = _FAR - pk
    if state in TO_PROCESS or state == S.AWAITING_PICKUP.value:
        group = "0" if state in TO_PROCESS else "1"
        when = due(state, accept_by, ship_by, tts_sla)
        return f"{group}{_FAR if when is None else when:010d}{level or _NO_LEVEL:03d}{created_s:010d}{last:010d}"
    if state in WAITING:
        when = _seconds(hold_until)
        return f"2{_FAR if when is None else when:010d}{created_s:010d}{last:010d}"
    return f"3{_FAR - created_s:010d}{last:010d}"


def work_key_sql(postgres: bool, table: str = "o") -> str:
    """`work_key` as an SQL expression over the order table's columns (alias `table`), giving the same text.

    The queue computes it in the database as it reads 100,000 orders: the same rule in C instead of 100,000 Python
    calls (about a sixth of the queue's first load). tests/integration/test_queue_rows.py holds the two equal.
    """
    t = table

    def sec(column: str) -> str:  # naive UTC in both: SQLite's ISO text, PostgreSQL's timestamp without time zone
        if postgres:
            return f"CAST(FLOOR(EXTRACT(EPOCH FROM {column})) AS BIGINT)"
        # Without the microseconds peewee writes ('.ffffff' after the seconds): SQLite reads them to the nearest
        # millisecond, so '…:59.9996' became the next second where Python truncates.
        whole = f"CASE WHEN substr({column}, 20, 1) = '.' THEN substr({column}, 1, 19) || substr({column}, 27) " \
                f"ELSE {column} END"
        return f"CAST(strftime('%s', {whole}) AS INTEGER)"

    def pad(value: str, width: int) -> str:  # f"{value:0{width}d}" for the non-negative values it gets here
        return f"lpad(CAST({value} AS TEXT), {width}, '0')" if postgres else f"printf('%0{width}d', {value})"

    def among(states: Iterable[str]) -> str:
        return ", ".join(f"'{s}'" for s in sorted(states))

    created = f"COALESCE({sec(f'{t}.created_at')}, 0)"
    own = f"CASE WHEN {t}.state = '{S.NEW.value}' THEN {t}.accept_deadline ELSE {t}.ship_deadline END"
    due_s = f"COALESCE({sec(f'{t}.tts_sla_time')}, {sec(own)}, {_FAR})"
    level = f"COALESCE(NULLIF({t}.priority_level, 0), {_NO_LEVEL})"
    hold = f"COALESCE({sec(f'{t}.hold_until')}, {_FAR})"
    return (
        f"(CASE WHEN {t}.state IN ({among(TO_PROCESS | {S.AWAITING_PICKUP.value})}) THEN "
        f"CASE WHEN {t}.state IN ({among(TO_PROCESS)}) THEN '0' ELSE '1' END "
        f"|| {pad(due_s, 10)} || {pad(level, 3)} || {pad(created, 10)} "
        f"WHEN {t}.state IN ({among(WAITING)}) THEN "
        f"'2' || {pad(hold, 10)} || {pad(created, 10)} "
        f"ELSE '3' || {pad(f'{_FAR} - {created}', 10)} END) || {pad(f'{_FAR} - {t}.id', 10)}"
    )


@functools.cache
def capabilities_of(marketplace: str) -> base.Capabilities | None:
    """A marketplace's declared capabilities, without building a client (no keyring, no network)."""
    from tokodesk.services.channels import adapter_factory

    try:
        factory = adapter_factory(marketplace)
    except Exception:  # an unknown or missing adapter: nothing is assumed of it
        log.debug("no adapter for %s", marketplace, exc_info=True)
        return None
    owner = getattr(factory, "__self__", None)
    caps = getattr(owner, "capabilities", None) or getattr(owner, "CAPABILITIES", None)
    return caps if isinstance(caps, base.Capabilities) else None


def in_buyer_window(state: str, marketplace: str) -> bool:
    """An ON_HOLD order that is only the buyer's cancellation window (waiting), not a hold needing the seller."""
    if state != S.ON_HOLD.value:
        return False
    caps = capabilities_of(marketplace or "")
    return bool(caps and caps.on_hold_is_buyer_window)
