"""The tokens of a Tokopedia & Shop channel, shared by every process and station (marketplace/tiktokshop/auth.py).

A refresh token works once: when one station renews the access, every other station's copy is used up. So:
- the refresh is done under one lock for the channel, a `SyncLease` row of kind "token" (the same lease the syncs
  use: a process that died holding it frees it at once on its own station, elsewhere when it expires);
- the renewed tokens are put in the database too, for the other stations, sealed with a key derived from the app
  secret, which every station of the channel keeps in its OS keyring and the database never holds. Whoever reads the
  database without the app secret gets nothing usable: the seal is AES-256-GCM (the `cryptography` package, not
  hand-made cryptography) under a key derived from the app secret with HKDF-SHA256.

`cryptography` is imported by the seal itself: every process that talks to a marketplace makes its adapter through
`share_tokens`, and only a Tokopedia & Shop channel's refresh ever seals or opens anything (a tenth of the imports
of a `tokodesk orders ack` on a Tokopedia channel, otherwise).
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from tokodesk.credentials import Token
from tokodesk.services import runs
from tokodesk.store import models as m

log = logging.getLogger(__name__)

LOCK_KIND = "token"
LOCK_TTL = timedelta(minutes=5)  # a refresh is a few calls of at most 30 s each
LOCK_WAIT_S = 180.0
KEY_PREFIX = "token-share:"
_VERSION = b"TS2"


class SealError(ValueError):
    """The sealed tokens were made with another app secret, or were changed."""


def _key(app_secret: str) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"tokodesk token share").derive(
        app_secret.encode())


def seal(app_secret: str, plain: bytes) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    return base64.b64encode(_VERSION + nonce + AESGCM(_key(app_secret)).encrypt(nonce, plain, _VERSION)).decode()


def unseal(app_secret: str, sealed: str) -> bytes:
    try:
        raw = base64.b64decode(sealed.encode(), validate=True)
    except ValueError as exc:
        raise SealError("not a sealed value") from exc
    if len(raw) < len(_VERSION) + 12 + 16 or not raw.startswith(_VERSION):
        raise SealError("not a sealed value")
    nonce, cipher = raw[len(_VERSION):len(_VERSION) + 12], raw[len(_VERSION) + 12:]
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(_key(app_secret)).decrypt(nonce, cipher, _VERSION)
    except InvalidTag as exc:
        raise SealError("sealed with another app secret, or changed") from exc


def _token_json(token: Token) -> bytes:
    return json.dumps({
        "access_token": token.access_token, "expires_at": token.expires_at.isoformat(),
        "refresh_token": token.refresh_token,
        "refresh_expires_at": token.refresh_expires_at.isoformat() if token.refresh_expires_at else None,
        "extra": token.extra or {},
    }).encode()


def _token_from(raw: bytes) -> Token:
    data = json.loads(raw)
    return Token(
        access_token=data["access_token"], expires_at=datetime.fromisoformat(data["expires_at"]),
        refresh_token=data.get("refresh_token") or "",
        refresh_expires_at=datetime.fromisoformat(data["refresh_expires_at"]) if data.get("refresh_expires_at")
        else None,
        extra=data.get("extra") or {},
    )


class DatabaseTokenShare:
    """`TokenShare` over the open database, for the channel called `channel_name`."""

    def __init__(self, channel_name: str, app_secret: Callable[[], str], *, wait_s: float = LOCK_WAIT_S) -> None:
        self.channel_name = channel_name
        self._app_secret = app_secret
        self.wait_s = wait_s

    def _channel(self) -> m.Channel | None:
        return m.Channel.get_or_none(m.Channel.name == self.channel_name)

    @contextmanager
    def lock(self) -> Iterator[None]:
        channel = self._channel()
        if channel is None:  # not stored yet (the wizard's test before the channel is saved): nobody else uses it
            yield
            return
        deadline = time.monotonic() + self.wait_s
        while True:
            try:
                holder = runs.acquire_lease(channel, LOCK_KIND, ttl=LOCK_TTL)
                break
            except runs.LeaseHeld as held:
                if time.monotonic() >= deadline:
                    raise runs.LeaseHeld(channel.name, "token renewal", held.holder, held.since,
                                         held.expires_at) from None
                time.sleep(0.1 + secrets.randbelow(100) / 1000)
        try:
            yield
        finally:
            runs.release_lease(channel, LOCK_KIND, holder)

    def load(self) -> Token | None:
        row = m.AppSetting.get_or_none(m.AppSetting.key == KEY_PREFIX + self.channel_name)
        if row is None or not isinstance(row.value, dict) or not row.value.get("sealed"):
            return None
        try:
            return _token_from(unseal(self._app_secret(), row.value["sealed"]))
        except (SealError, ValueError, KeyError, TypeError) as exc:
            log.warning("channel %s: the shared tokens cannot be used here (%s); this station's keyring is used",
                        self.channel_name, exc)
            return None

    def save(self, token: Token) -> None:
        value = {"sealed": seal(self._app_secret(), _token_json(token)), "saved_at": m.utcnow().isoformat(),
                 "note": "Sealed with the channel's app secret; only a station holding it can read this."}
        key = KEY_PREFIX + self.channel_name
        m.AppSetting.write(key, value)

    def forget(self) -> None:
        m.AppSetting.delete().where(m.AppSetting.key == KEY_PREFIX + self.channel_name).execute()


def share_tokens(adapter: object) -> None:
    """Give an adapter whose tokens can be shared (Tokopedia & Shop) the database as its shared store. The tokens
    belong to the channel they were authorized for (`Channel.token_channel`), which names the lock and the row."""
    tokens = getattr(adapter, "tokens", None)
    secret = getattr(adapter, "_app_secret", None)
    if tokens is not None and hasattr(tokens, "shared") and callable(secret):
        tokens.shared = DatabaseTokenShare(tokens.channel_name, secret)
