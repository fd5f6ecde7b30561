"""Reading a marketplace's answer within bounds: its size and its JSON nesting (issue 15 §1).

An answer is read as a stream and refused past `MAX_ANSWER_BYTES` (a runaway or hostile server cannot fill the
memory of the desk PC), and its JSON is refused when nested deeper than `MAX_DEPTH` (TikTok Shop and Tokopedia
answers are under 10 levels; a 100,000-level answer made json raise RecursionError, and a few hundred levels can
still make later code that walks the value recurse out). Either refusal is a `BadAnswer`, a MarketplaceError
naming the call, so the one request fails with words and the caller's batch goes on.
"""

from __future__ import annotations

import json
import re
from typing import Any

import requests

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import MarketplaceError

MAX_ANSWER_BYTES = 32 * 1024 * 1024  # a page of 100 orders is ~150 KB; a label PDF a few hundred KB
MAX_DEPTH = 64
_CHUNK = 256 * 1024


class BadAnswer(MarketplaceError):
    """The marketplace's answer could not be read within bounds (too large, nested too deeply)."""


def read_capped(resp: requests.Response, what: str, limit: int | None = None) -> requests.Response:
    """Read a streamed response's body, at most `limit` bytes; `resp.content` and `resp.json()` work after it."""
    limit = limit or MAX_ANSWER_BYTES
    declared = resp.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        resp.close()
        raise _too_large(what, limit)
    chunks = []
    size = 0
    for chunk in resp.iter_content(_CHUNK):
        size += len(chunk)
        if size > limit:
            resp.close()
            raise _too_large(what, limit)
        chunks.append(chunk)
    resp._content = b"".join(chunks)  # requests' own cache of the body: .content/.text/.json() read it
    resp._content_consumed = True
    return resp


def _too_large(what: str, limit: int) -> BadAnswer:
    return BadAnswer(said(QT_TRANSLATE_NOOP(
        "Marketplace", "The marketplace's answer to '{what}' is larger than {size}; TokoDesk did not read it. Try "
        "again later; if it keeps happening, the channel's API address may point at the wrong server."),
        what=what, size=_size(limit)))


def _size(count: int) -> str:
    return f"{count / 1048576:.0f} MB" if count >= 1048576 else f"{count / 1024:.0f} KB"


def json_of(resp: requests.Response, what: str) -> Any:
    """The JSON of an answer; ValueError when it is not JSON (as `resp.json()`), BadAnswer when nested too deeply."""
    raw = resp.content
    # Measured on the bytes before parsing: json.loads on a deep answer runs thousands of frames down, and a garbage
    # collection there ran finalizers that themselves hit the recursion limit (an "unraisable" RecursionError that
    # even pytest could not report, seen under load). Refused here, the parser never goes deep.
    if not nesting_within(raw, MAX_DEPTH):
        raise _too_deep(what)
    try:
        return json.loads(raw)
    except RecursionError:
        raise _too_deep(what) from None
    except (UnicodeDecodeError, TypeError) as exc:
        raise ValueError(str(exc)) from None


def _too_deep(what: str) -> BadAnswer:
    return BadAnswer(said(QT_TRANSLATE_NOOP(
        "Marketplace", "The marketplace's answer to '{what}' is nested more than {depth} levels deep, which no real "
        "answer is; TokoDesk did not read it. Try again later."), what=what, depth=MAX_DEPTH))


_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_NOT_QUOTE_OR_BRACKET = bytes(b for b in range(256) if b not in b'"[]{}')
# Both kinds of innermost pair in one scan: removing every "[]" and then every "{}" would also remove the "{}" that
# the first removal made, emptying `{[{[]}]}` (depth 4) in one pass and letting twice the limit through.
_INNERMOST = re.compile(rb"\[\]|\{\}")


def _brackets(raw: bytes) -> bytes:
    """The brackets of JSON text outside its strings, in order.

    Escapes go first: JSON pairs backslashes from the left, as `replace` does, so removing every escaped backslash
    and then every escaped quote leaves only the quotes that open and close strings (other escapes hold no quote).
    Then only quotes and brackets are kept, and every other piece between quotes is outside a string. Up to the
    first error in a text this reads it as a parser does; past it a parser reads nothing. (A regular expression
    over the strings did the same at three times the cost: a page of 100 orders is ~250 KB.)
    """
    if b'"' not in raw:
        return raw.translate(None, _NOT_BRACKET)
    if b"\\" in raw:
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    return b"".join(raw.translate(None, _NOT_QUOTE_OR_BRACKET).split(b'"')[::2])


def nesting_within(raw: bytes, limit: int) -> bool:
    """True when JSON text nests containers at most `limit` levels, judged without parsing it.

    Strings are cut out (a bracket inside one is text), leaving only the brackets; each pass removes the innermost
    pairs, so a well-formed text of depth d empties in d passes. What no pass can reduce is unbalanced (not JSON):
    a parser would go as deep as the passes made plus the openers left before it found out, so that bound decides.
    """
    brackets = _brackets(raw)
    for passes in range(limit):
        if not brackets:
            return True
        shorter = _INNERMOST.sub(b"", brackets)
        if len(shorter) == len(brackets):
            return passes + shorter.count(b"[") + shorter.count(b"{") <= limit
        brackets = shorter
    return not brackets


def depth_within(value: Any, limit: int) -> bool:
    """True when containers nest at most `limit` levels (iterative: the check itself cannot recurse out)."""
    stack = [(value, 1)]
    while stack:
        obj, depth = stack.pop()
        if depth > limit:
            return False
        children = obj.values() if isinstance(obj, dict) else obj if isinstance(obj, list) else ()
        for child in children:
            if isinstance(child, (dict, list)):
                stack.append((child, depth + 1))
    return True
