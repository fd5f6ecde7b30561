"""Marketplace text made safe to store, print and show, at the adapter boundary (issue 15 §1).

A marketplace sends what its buyers and sellers typed, and sometimes less: an emoji cut in half arrives as a lone
surrogate (JSON `"\\ud83d"`), which no UTF-8 database can hold (SQLite's driver raises UnicodeEncodeError), and a
NUL in a name makes PostgreSQL refuse the row. Either stopped the whole order intake. So every text field of the
dataclasses an adapter hands out (`base.Order`, `Product`, `StockLevel`, ...) goes through `scrub()`:

- lone surrogates and control characters become U+FFFD (a visible "something was here"); a single-line field turns
  tabs and line breaks into spaces, a multi-line one (an address, a note) keeps them;
- text longer than its column is cut (CharField: 255 characters, the PostgreSQL varchar; a multi-line TEXT field:
  `TEXT_MAX`), marked with "…";
- an identifier is never altered: TokoDesk sends ids back to the marketplace, and an altered id would address
  something else or nothing. An id that would need cleaning makes the record unreadable (`UnsafeId`), which the
  parsers report per record.

Each kind of cleaning is logged once per field per run (`new_run()`), not once per order.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import reprlib
import threading
from datetime import date, datetime
from typing import Any, TypeVar

log = logging.getLogger(__name__)

REPLACEMENT = "\ufffd"
CHAR_MAX = 255  # peewee CharField = varchar(255) on PostgreSQL
TEXT_MAX = 4000  # multi-line TEXT columns: generous for an address or a note, bounded for a label or a log
MESSAGE_MAX = 1000  # a marketplace's error message, as stored in a run's errors or an action

# Fields that hold several lines; every other text field is one line.
MULTILINE = frozenset({"address", "buyer_note", "reason_text", "description", "message", "reason"})
# Identifiers: sent back to the marketplace, so never altered (see the module docstring).
IDS = frozenset({
    "order_id", "product_id", "sku_id", "parent_id", "package_id", "warehouse_id", "shop_id", "cancel_id",
    "line_ids", "warehouse_ids", "line_item_ids", "order_ids", "cipher", "return_id", "line_id", "order_line_id",
})  # fmt: skip
# Records read to be stored and acted on: their ids are checked. Elsewhere (an unreadable order's id shown in an
# error, the answer to a shipment that has happened) an id is only shown, and is cleaned as text, never refused.
_IDS_CHECKED = frozenset({
    "Order", "OrderLine", "PackageRef", "Product", "StockLevel", "SkuStock", "Shop", "Warehouse", "AuthorizedShop",
    "CancellationRequest", "ReturnInfo", "ReturnLineInfo",
})  # fmt: skip

_BAD_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_BAD_MULTI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL_MULTI = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_ONE_LINE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_SPACE_LIKE = re.compile("[\t\n\x0b\x0c\r]+")

T = TypeVar("T")


class UnsafeId(ValueError):
    """An identifier the marketplace sent that cannot be stored or sent back as it is."""


# --- the once-per-run log --------------------------------------------------------------------------------------

_seen: set[tuple[str, str]] = set()
_seen_lock = threading.Lock()


def new_run() -> None:
    """Start a new run of the log: each kind of cleaning of each field is logged once again."""
    with _seen_lock:
        _seen.clear()


def _note(what: str, problem: str) -> None:
    # No sample of the text: it is a buyer's name or address, which the log has no need of.
    key = (what, problem)
    with _seen_lock:
        if key in _seen:
            return
        _seen.add(key)
    log.warning("%s from the marketplace %s; stored cleaned. Further ones this run are not logged.", what, problem)


def short(value: Any, limit: int = 80) -> str:
    """A bounded repr for messages: a 10 MB or deeply nested value never makes a 10 MB message."""
    r = reprlib.Repr()
    r.maxstring = r.maxother = r.maxlong = limit
    r.maxlevel = 3
    text = r.repr(value)
    return text if len(text) <= limit + 10 else text[:limit] + "…"


# --- text -------------------------------------------------------------------------------------------------------


def _mend_surrogates(text: str) -> str:
    # A pair that arrived split into two code points becomes its character again; a lone half becomes U+FFFD.
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def clean_text(value: str, *, multiline: bool = False, limit: int = CHAR_MAX, what: str = "text") -> str:
    """`value` safe to store: see the module docstring. Cheap when there is nothing to clean."""
    bad = _BAD_MULTI if multiline else _BAD_ONE_LINE
    if bad.search(value) is not None:
        original = value
        if _SURROGATE.search(value):
            value = _mend_surrogates(value)
            if value.count(REPLACEMENT) > original.count(REPLACEMENT):
                _note(what, "had broken characters (half of an emoji)")
        if multiline:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
            control = _CONTROL_MULTI
        else:
            control = _CONTROL_ONE_LINE
        if control.search(value):
            _note(what, "had control characters")
            value = control.sub(REPLACEMENT, value)
        if not multiline:
            value = _SPACE_LIKE.sub(" ", value)
    if len(value) > limit:
        _note(what, f"was longer than {limit} characters")
        value = value[: limit - 1] + "…"
    return value


def clean_message(value: Any) -> str:
    """A marketplace's error text, safe to store and show."""
    return clean_text(str(value), multiline=True, limit=MESSAGE_MAX, what="an error message")


def check_id(value: str, what: str = "id") -> str:
    """An identifier as sent, or UnsafeId when it could not be stored or sent back unchanged."""
    if _BAD_ONE_LINE.search(value) is not None:
        raise UnsafeId(f"{what} {short(value, 40)} holds characters that cannot be stored")
    if len(value) > CHAR_MAX:
        raise UnsafeId(f"{what} is {len(value)} characters long (at most {CHAR_MAX} are stored)")
    return value


# --- dataclasses ------------------------------------------------------------------------------------------------

_PLAIN = frozenset({datetime, date, bytes})
_AS_IS = frozenset({int, float, bool, type(None), *_PLAIN})

# Per dataclass: (field name, is a checked id, multi-line, the search for what needs cleaning) for each field,
# worked out once.
_POLICY: dict[type, tuple[tuple[str, bool, bool, Any], ...]] = {}


def _policy(cls: type) -> tuple[tuple[str, bool, bool, Any], ...]:
    policy = _POLICY.get(cls)
    if policy is None:
        ids_apply = cls.__name__ in _IDS_CHECKED
        policy = _POLICY[cls] = tuple(
            (f.name, ids_apply and f.name in IDS, f.name in MULTILINE,
             (_BAD_MULTI if f.name in MULTILINE else _BAD_ONE_LINE).search)
            for f in dataclasses.fields(cls)
        )
    return policy


def _one(value: Any, owner: str, name: str, as_id: bool, multiline: bool) -> Any:
    if isinstance(value, str):
        what = f"{owner}.{name}"
        if as_id:
            return check_id(value, what)
        return clean_text(value, multiline=multiline, limit=TEXT_MAX if multiline else CHAR_MAX, what=what)
    if hasattr(type(value), "__dataclass_fields__"):  # an instance (a dataclass's class is not one)
        return scrub(value)
    if isinstance(value, list):
        return [_one(v, owner, name, as_id, multiline) for v in value]
    if isinstance(value, tuple):
        return tuple(_one(v, owner, name, as_id, multiline) for v in value)
    return value  # numbers, times, enums, bytes (a label's PDF) and raw dicts stay as they are


def _all_clean(items: list | tuple, needs_cleaning: Any) -> bool:
    """True when every item is text that needs no cleaning, a number or a time (nested lists and tuples too): the
    list is left as it is. A dataclass inside is not judged here (it is scrubbed in place)."""
    for item in items:
        kind = item.__class__
        if kind is str:
            if len(item) > CHAR_MAX or needs_cleaning(item) is not None:
                return False
        elif kind is list or kind is tuple:
            if not _all_clean(item, needs_cleaning):
                return False
        elif kind not in _AS_IS:
            return False
    return True


def scrub(obj: T) -> T:
    """Clean every text field of a dataclass instance in place (nested ones and lists too) and return it.

    Raises UnsafeId when an identifier would need cleaning (callers turn that into "this record is unreadable").
    """
    cls = type(obj)
    for name, as_id, multiline, needs_cleaning in _policy(cls):
        value = getattr(obj, name)
        kind = value.__class__
        # The common case, kept cheap (this runs ~40 times an order): clean text of a column's length.
        if kind is str:
            if len(value) <= CHAR_MAX and needs_cleaning(value) is None:
                continue
        elif kind in _AS_IS or ((kind is list or kind is tuple) and _all_clean(value, needs_cleaning)):
            continue
        new = _one(value, cls.__name__, name, as_id, multiline)
        if new is not value and new != value:
            object.__setattr__(obj, name, new)  # frozen dataclasses too: the object was just made by a parser
    return obj
