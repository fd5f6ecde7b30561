"""Request and webhook signatures of the TikTok Shop Partner API (202309+), research file §2 and §8.

The signature covers the path, every query parameter except `sign` and `access_token` (sorted, `{key}{value}`
with no separators, decoded values), and the raw body exactly as sent (except for multipart uploads), wrapped in
the app secret on both sides and HMAC-SHA256'd with the app secret as key.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

_UNSIGNED = frozenset({"sign", "access_token"})


def query_value(value: Any) -> str:
    """How a query value travels: lists comma-joined (the research's 'safe reading'), bools lower-case."""
    if isinstance(value, (list, tuple)):
        return ",".join(query_value(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def sign_request(
    app_secret: str,
    path: str,
    query: Mapping[str, Any],
    body: bytes | str = b"",
    *,
    multipart: bool = False,
) -> str:
    """Lower-case hex HMAC-SHA256 of `secret + path + sorted(k+v) + body + secret`."""
    if not app_secret:
        raise ValueError("an app secret is needed to sign a request")
    parts = [path]
    for key in sorted(k for k in query if k not in _UNSIGNED):
        parts.append(f"{key}{query_value(query[key])}")
    text = "".join(parts)
    if not multipart and body:
        text += body.decode("utf-8") if isinstance(body, bytes) else body
    wrapped = f"{app_secret}{text}{app_secret}"
    return hmac.new(app_secret.encode("utf-8"), wrapped.encode("utf-8"), hashlib.sha256).hexdigest()


def encode_body(body: Any) -> bytes:
    """Serialise once: the bytes signed are the bytes sent."""
    if body is None:
        return b""
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def webhook_signature(app_key: str, app_secret: str, raw_body: bytes) -> str:
    """The `Authorization` header of a webhook push: HMAC-SHA256(key=app_secret, app_key + raw body)."""
    message = app_key.encode("utf-8") + raw_body
    return hmac.new(app_secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def verify_webhook(app_key: str, app_secret: str, raw_body: bytes, header: str) -> bool:
    return hmac.compare_digest(webhook_signature(app_key, app_secret, raw_body), (header or "").strip().lower())
