"""Seller authorization for the TikTok Shop Partner API: consent link, auth code, access + refresh tokens.

Flow (research file §1): the seller opens the consent link (built from the app's service id), accepts, and is sent to
the app's fixed redirect URL with `?code=...`. The code lives 30 minutes and works once. It is exchanged at the auth
host for an access token and a refresh token, each with an ABSOLUTE Unix expiry. A refresh returns a new refresh
token too: both are kept in the keyring in one write (`credentials.save_token`), so a crash between two writes can
never leave a used-up refresh token behind.

The token calls carry the app secret in their query string. Their URLs therefore never reach an exception message
or a log: network errors are re-raised with `from None` and words of our own.

A refresh token works once. Several processes (the window, `tokodesk sync`, `channel test`) and several stations
share one channel, so a refresh is done under one lock they all share (`TokenShare.lock`, a lease in the database),
and only after reading the tokens again from every store (this process's copy, the keyring, and the shared database
for the other stations): a process that finds the access already renewed by another uses the new one. A refresh
that fails (its answer lost, the refresh token refused) is tried again with whatever the stores hold by then before
the seller is told to authorize again; an access token that is still valid keeps being used meanwhile. Tokens
renewed but not written to the keyring (it refused) are kept in memory, said so, and written again at the next use.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import threading
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import Protocol
from urllib.parse import parse_qs, urlencode, urlsplit

import requests

from tokodesk import credentials
from tokodesk.credentials import Token
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import AuthError, MarketplaceError, NotReachable
from tokodesk.marketplace.tiktokshop.errors import INTERNAL, NAME, RATE_LIMITED, error_for

log = logging.getLogger(__name__)

CONSENT_BASE = "https://services.tiktokshop.com/open/authorize"
TOKEN_GET_PATH = "/api/v2/token/get"
TOKEN_REFRESH_PATH = "/api/v2/token/refresh"
# Refresh this long before the access token's expiry, so a call never leaves with a token about to die.
REFRESH_MARGIN_S = 10 * 60
# An access token this close to its expiry is not used any more when its renewal failed.
STILL_VALID_S = 60


class TokenShare(Protocol):
    """What every process and station of a channel shares about its tokens (services/token_share.py)."""

    def lock(self) -> AbstractContextManager[None]:
        """Held around a refresh: one refresh at a time across processes and stations."""

    def load(self) -> Token | None:
        """The tokens another station stored last, or None."""

    def save(self, token: Token) -> None:
        """Make these tokens the ones every station uses."""


def consent_url(service_id: str, state: str | None = None, base: str = CONSENT_BASE) -> str:
    """The link the seller opens to authorize the app (Partner Center's service-id link)."""
    if not service_id:
        raise AuthError(said(QT_TRANSLATE_NOOP("Marketplace", "The channel has no service id. Copy the Service ID "
                                               "from the app's page in Partner Center.")))
    return f"{base}?{urlencode({'service_id': service_id, 'state': state or secrets.token_urlsafe(12)})}"


def parse_auth_code(text: str) -> str:
    """The auth code from a pasted redirect URL (`...?code=..&state=..`) or a bare code."""
    value = (text or "").strip()
    if not value:
        raise AuthError(said(QT_TRANSLATE_NOOP("Marketplace", "Paste the address the browser showed after you "
                                               "accepted, or the code from it.")))
    if "://" in value or value.startswith("?") or "code=" in value or "error=" in value:
        query = parse_qs(urlsplit(value).query if "://" in value else value.lstrip("?"))
        if query.get("error"):
            raise AuthError(said(QT_TRANSLATE_NOOP(
                "Marketplace", "The authorization was refused on the Tokopedia & Shop page ({error}). Open the link "
                "again and accept to link the shop."), error=query["error"][0]))
        code = (query.get("code") or [""])[0].strip()
        if not code or code == "null":
            raise AuthError(said(QT_TRANSLATE_NOOP(
                "Marketplace", "The pasted address has no authorization code. Paste the whole address the browser "
                "showed after you accepted (it contains 'code=').")))
        return code
    if any(ch.isspace() for ch in value) or len(value) < 8:
        raise AuthError(said(QT_TRANSLATE_NOOP("Marketplace", "That does not look like an authorization code. Paste "
                                               "the whole redirect address instead.")))
    return value


def _utc(ts: object) -> datetime | None:
    try:
        seconds = int(ts)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return datetime.fromtimestamp(seconds, tz=timezone.utc) if seconds > 0 else None


def token_from_data(data: dict) -> Token:
    """A `credentials.Token` from a token/get or token/refresh `data` (expiries are absolute Unix seconds)."""
    access = data.get("access_token") or ""
    expires = _utc(data.get("access_token_expire_in"))
    if not access or expires is None:
        raise AuthError(said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop answered the token request without "
                                               "a usable access token. Authorize again.")))
    extra = {
        k: data[k]
        for k in ("open_id", "seller_name", "seller_base_region", "user_type", "granted_scopes")
        if data.get(k) is not None
    }
    return Token(
        access_token=access,
        expires_at=expires,
        refresh_token=data.get("refresh_token") or "",
        refresh_expires_at=_utc(data.get("refresh_token_expire_in")),
        extra=extra,
    )


def _generation(token: Token | None) -> int:
    """How many renewals (and authorizations) came before these tokens; 0 when not known."""
    try:
        return int((token.extra or {}).get("generation") or 0) if token is not None else 0
    except (TypeError, ValueError):
        return 0


class TokenKeeper:
    """Holds a channel's tokens: exchanges the auth code, refreshes before expiry, persists each change in one write."""

    def __init__(
        self,
        channel_name: str,
        app_key: str,
        app_secret: Callable[[], str],
        auth_url: str,
        session: requests.Session,
        *,
        timeout: float = 30,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.channel_name = channel_name
        self.app_key = app_key
        self._app_secret = app_secret
        self.auth_url = auth_url.rstrip("/")
        self.session = session
        self.timeout = timeout
        self.clock = clock
        self._token: Token | None = None
        self._lock = threading.RLock()
        self.shared: TokenShare | None = None
        # Why the tokens in memory are not in the keyring (it refused the write), or "" when they are.
        self.unsaved = ""
        self._lost_with = ""  # the refresh token whose renewal went unanswered (it may be used up)

    # -- the auth host ------------------------------------------------------------------------------------------
    def _token_call(self, path: str, params: dict[str, str]) -> Token:
        query = {"app_key": self.app_key, "app_secret": self._app_secret(), **params}
        try:
            resp = self.session.get(f"{self.auth_url}{path}", params=query, timeout=self.timeout)
        except requests.RequestException as exc:
            # The URL holds the app secret: keep requests' own text (and the cause) out of the error.
            raise NotReachable(said(QT_TRANSLATE_NOOP(
                "Marketplace", "The Tokopedia & Shop authorization server could not be reached ({cause}). Check the "
                "internet connection and try again."), cause=type(exc).__name__)) from None
        try:
            body = resp.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise MarketplaceError(
                said(QT_TRANSLATE_NOOP("Marketplace", "The Tokopedia & Shop authorization server answered HTTP "
                                       "{status} without a readable body. Try again later."),
                     status=resp.status_code),
                http_status=resp.status_code,
                retryable=resp.status_code >= 500,
            )
        code = str(body.get("code", ""))
        if code != "0":
            err = error_for(code, str(body.get("message") or ""), resp.status_code, str(body.get("request_id") or ""))
            if code in INTERNAL or code == RATE_LIMITED or resp.status_code >= 500:
                # The server failed or was busy: nothing was refused, the same request may be sent again.
                err.retryable = True
            elif not isinstance(err, AuthError) and path == TOKEN_REFRESH_PATH:
                # A refused refresh means the seller's authorization ended or was revoked.
                err = AuthError(
                    said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop refused to renew the access ({message}). "
                                           "Authorize the shop again."), message=body.get("message") or code),
                    code,
                    resp.status_code,
                )
            raise err
        data = body.get("data")
        if not isinstance(data, dict):
            raise AuthError(said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop answered the token request "
                                                   "without data. Authorize again.")), code)
        return token_from_data(data)

    def exchange_code(self, code_or_url: str) -> Token:
        """Trade an auth code (or the pasted redirect URL) for tokens and store them."""
        code = parse_auth_code(code_or_url)
        token = self._token_call(TOKEN_GET_PATH, {"auth_code": code, "grant_type": "authorized_code"})
        with self._lock:
            self._store(token, after=self._reread())
        log.info("channel %s: %s authorized (access until %s)", self.channel_name, NAME, token.expires_at.isoformat())
        return token

    def refresh(self, stale: str | None = None) -> Token:
        """Renew the access token. With `stale`, skip when another thread, process or station already replaced
        that token (the stores are read again first, under the lock every process and station shares)."""
        with self._lock, self._shared_lock():
            current = self._reread()
            if current is None or not current.refresh_token:
                raise AuthError(said(QT_TRANSLATE_NOOP("Marketplace", "The channel '{channel}' is not authorized yet. "
                                                       "Authorize the shop first."), channel=self.channel_name))
            if stale is not None and current.access_token != stale and self._fresh(current):
                return current
            if current.refresh_expires_at and current.refresh_expires_at.timestamp() <= self.clock():
                raise AuthError(said(QT_TRANSLATE_NOOP(
                    "Marketplace", "The shop's authorization for '{channel}' has ended. Authorize the shop again."),
                    channel=self.channel_name))
            return self._renew(current)

    def _renew(self, current: Token) -> Token:
        used = current
        tried: set[str] = set()
        lost = False
        while True:
            tried.add(used.refresh_token)
            try:
                token = self._token_call(
                    TOKEN_REFRESH_PATH, {"refresh_token": used.refresh_token, "grant_type": "refresh_token"}
                )
                break
            except MarketplaceError as exc:
                retryable = not isinstance(exc, AuthError) and (isinstance(exc, NotReachable) or exc.retryable)
                # Another process or station may have renewed meanwhile (or got the answer we lost): use theirs.
                again = self._reread()
                if again is not None and again.refresh_token and again.refresh_token not in tried:
                    if again.access_token != current.access_token and self._fresh(again):
                        return again
                    log.info("channel %s: renewing with the refresh token the stores hold now", self.channel_name)
                    used = again
                    continue
                if retryable and not lost:
                    # The answer was lost or the server failed: if the request never arrived, the token still works.
                    lost = True
                    self._lost_with = used.refresh_token
                    log.warning("channel %s: the answer to renewing the access was lost (%s); trying once more",
                                self.channel_name, exc)
                    continue
                if isinstance(exc, AuthError) and used.refresh_token == self._lost_with:
                    raise AuthError(
                        said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop did not answer when TokoDesk renewed "
                                               "the access of '{channel}', and now refuses the refresh token it had "
                                               "(it was used up by that unanswered request). Authorize the shop "
                                               "again."),
                             channel=self.channel_name), exc.error_code, exc.http_status,
                    ) from None
                raise
        extra = dict(used.extra or {})
        extra.update(token.extra or {})
        token.extra = extra
        if not token.refresh_token:  # keep the old one rather than lose the ability to refresh
            token.refresh_token = used.refresh_token
            token.refresh_expires_at = token.refresh_expires_at or used.refresh_expires_at
        self._store(token, after=max((current, used), key=_generation))
        log.info("channel %s: access renewed until %s", self.channel_name, token.expires_at.isoformat())
        return token

    # -- the token store -----------------------------------------------------------------------------------------
    def _shared_lock(self) -> AbstractContextManager[None]:
        return self.shared.lock() if self.shared is not None else contextlib.nullcontext()

    def _load(self) -> Token | None:
        if self._token is None:
            self._token = self._reread()
        return self._token

    def _reread(self) -> Token | None:
        """The newest tokens any store holds: this process's copy, the keyring, the shared database. The keyring
        is brought up to date when another store was newer."""
        kept = None
        with contextlib.suppress(credentials.CredentialError):
            kept = credentials.load_token(self.channel_name)
        shared = None
        if self.shared is not None:
            try:
                shared = self.shared.load()
            except Exception as exc:  # noqa: BLE001 - a database hiccup must not stop a refresh the keyring can do
                log.warning("channel %s: the shared tokens could not be read: %s", self.channel_name, exc)
        found = [t for t in (self._token, kept, shared) if t is not None]
        if not found:
            return None
        newest = max(found, key=lambda t: (t.expires_at, _generation(t), (t.extra or {}).get("renewed_at", 0)))
        self._token = newest
        if kept is None or kept.access_token != newest.access_token:
            self._save_keyring(newest)
        return newest

    def _store(self, token: Token, *, after: Token | None) -> None:
        # Two renewals within one second carry the same expiry. Which came last is told by counting, not by the
        # clock: each renewal is made under the lock every station shares, from the newest tokens then (`after`),
        # and a station whose clock is minutes ahead would otherwise take its own used-up token for the newest.
        # renewed_at only orders tokens stored before the count existed.
        token.extra = {**(token.extra or {}), "generation": _generation(after) + 1, "renewed_at": time.time()}
        self._token = token  # first: whatever fails below, the renewed tokens are not lost
        shared_ok = False
        if self.shared is not None:
            try:
                self.shared.save(token)
                shared_ok = True
            except Exception as exc:  # noqa: BLE001 - the keyring still keeps them for this station
                log.warning("channel %s: the renewed tokens could not be shared with other stations: %s",
                            self.channel_name, exc)
        self._save_keyring(token, shared_ok=shared_ok)

    def _save_keyring(self, token: Token, *, shared_ok: bool = False) -> None:
        try:
            credentials.save_token(self.channel_name, token)  # access + refresh in one keyring write
        except credentials.CredentialError as exc:
            also = " and in the shared database" if shared_ok else ""
            self.unsaved = (
                f"The renewed access of '{self.channel_name}' could not be written to the keyring ({exc}). TokoDesk "
                f"keeps it in memory{also} and writes it again at the next call; do not close TokoDesk before "
                "the keyring works again, or the shop may need to be authorized again."
            )
            log.warning("%s", self.unsaved)
            return
        if self.unsaved:
            log.info("channel %s: the renewed access is now in the keyring", self.channel_name)
        self.unsaved = ""

    def _fresh(self, token: Token) -> bool:
        return token.expires_at.timestamp() - self.clock() > REFRESH_MARGIN_S

    def token(self) -> Token | None:
        with self._lock:
            return self._load()

    def access_token(self) -> str:
        """A usable access token, refreshed first when it is close to its expiry."""
        with self._lock:
            current = self._load()
            if self.unsaved and current is not None:
                self._save_keyring(current)  # the keyring refused the last write: try again
        if current is None:
            raise AuthError(said(QT_TRANSLATE_NOOP(
                "Marketplace", "The channel '{channel}' is not authorized yet. Run `tokodesk channel authorize "
                "{channel}` and follow the link."), channel=self.channel_name))
        if self._fresh(current):
            return current.access_token
        if not current.refresh_token:
            raise AuthError(said(QT_TRANSLATE_NOOP("Marketplace", "The Tokopedia & Shop access has expired. Authorize "
                                                   "the shop again.")))
        try:
            return self.refresh(stale=current.access_token).access_token
        except MarketplaceError as exc:
            latest = self._token or current
            if latest.expires_at.timestamp() - self.clock() > STILL_VALID_S:
                # Renewal is tried ahead of time: the access still works, so work goes on and the next call retries.
                log.warning("channel %s: renewing the access failed (%s); the current one is valid until %s",
                            self.channel_name, exc, latest.expires_at.isoformat())
                return latest.access_token
            raise

    def flush(self) -> None:
        """Write tokens the keyring refused before; says so in the log when it still refuses."""
        with self._lock:
            if self.unsaved and self._token is not None:
                self._save_keyring(self._token)

    def forget_cached(self) -> None:
        """Drop the in-memory copy so the next call re-reads the keyring (another process may have refreshed)."""
        with self._lock:
            self._token = None
