"""Seller authorization for the TikTok Shop Partner API: consent link, auth code, access + refresh tokens.

Flow (research file §1): the seller opens the consent link (built from the app's service id), accepts, and is sent to
the app's fixed redirect URL with `?code=...`. The code lives 30 minutes and works once. It is exchanged at the auth
host for an access token and a refresh token, each with an ABSOLUTE Unix expiry. A refresh returns a new refresh
token too: both are kept in the keyring in one write (`credentials.save_token`), so a crash between two writes can
never leave a used-up refresh token behind.

The token calls carry the app secret in their query string. Their URLs therefore never reach an exception message
or a log: network errors are re-raised with `from None` and words of our own.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlencode, urlsplit

import requests

from tokodesk import credentials
from tokodesk.credentials import Token
from tokodesk.marketplace.base import AuthError, MarketplaceError, NotReachable
from tokodesk.marketplace.tiktokshop.errors import NAME, error_for

log = logging.getLogger(__name__)

CONSENT_BASE = "https://services.tiktokshop.com/open/authorize"
TOKEN_GET_PATH = "/api/v2/token/get"
TOKEN_REFRESH_PATH = "/api/v2/token/refresh"
# Refresh this long before the access token's expiry, so a call never leaves with a token about to die.
REFRESH_MARGIN_S = 10 * 60


def consent_url(service_id: str, state: str | None = None, base: str = CONSENT_BASE) -> str:
    """The link the seller opens to authorize the app (Partner Center's service-id link)."""
    if not service_id:
        raise AuthError("The channel has no service id. Copy the Service ID from the app's page in Partner Center.")
    return f"{base}?{urlencode({'service_id': service_id, 'state': state or secrets.token_urlsafe(12)})}"


def parse_auth_code(text: str) -> str:
    """The auth code from a pasted redirect URL (`...?code=..&state=..`) or a bare code."""
    value = (text or "").strip()
    if not value:
        raise AuthError("Paste the address the browser showed after you accepted, or the code from it.")
    if "://" in value or value.startswith("?") or "code=" in value or "error=" in value:
        query = parse_qs(urlsplit(value).query if "://" in value else value.lstrip("?"))
        if query.get("error"):
            raise AuthError(
                f"The authorization was refused on the {NAME} page ({query['error'][0]}). Open the link again and "
                "accept to link the shop."
            )
        code = (query.get("code") or [""])[0].strip()
        if not code or code == "null":
            raise AuthError(
                "The pasted address has no authorization code. Paste the whole address the browser showed after you "
                "accepted (it contains 'code=')."
            )
        return code
    if any(ch.isspace() for ch in value) or len(value) < 8:
        raise AuthError("That does not look like an authorization code. Paste the whole redirect address instead.")
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
        raise AuthError(f"{NAME} answered the token request without a usable access token. Authorize again.")
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
        self._lock = threading.Lock()

    # -- the auth host ------------------------------------------------------------------------------------------
    def _token_call(self, path: str, params: dict[str, str]) -> Token:
        query = {"app_key": self.app_key, "app_secret": self._app_secret(), **params}
        try:
            resp = self.session.get(f"{self.auth_url}{path}", params=query, timeout=self.timeout)
        except requests.RequestException as exc:
            # The URL holds the app secret: keep requests' own text (and the cause) out of the error.
            raise NotReachable(
                f"The {NAME} authorization server could not be reached ({type(exc).__name__}). Check the internet "
                "connection and try again."
            ) from None
        try:
            body = resp.json()
        except ValueError:
            body = None
        if not isinstance(body, dict):
            raise MarketplaceError(
                f"The {NAME} authorization server answered HTTP {resp.status_code} without a readable body. "
                "Try again later.",
                http_status=resp.status_code,
                retryable=resp.status_code >= 500,
            )
        code = str(body.get("code", ""))
        if code != "0":
            err = error_for(code, str(body.get("message") or ""), resp.status_code, str(body.get("request_id") or ""))
            if not isinstance(err, AuthError) and path == TOKEN_REFRESH_PATH:
                # A refused refresh means the seller's authorization ended or was revoked.
                err = AuthError(
                    f"{NAME} refused to renew the access ({body.get('message') or code}). Authorize the shop again.",
                    code,
                    resp.status_code,
                )
            raise err
        data = body.get("data")
        if not isinstance(data, dict):
            raise AuthError(f"{NAME} answered the token request without data. Authorize again.", code)
        return token_from_data(data)

    def exchange_code(self, code_or_url: str) -> Token:
        """Trade an auth code (or the pasted redirect URL) for tokens and store them."""
        code = parse_auth_code(code_or_url)
        token = self._token_call(TOKEN_GET_PATH, {"auth_code": code, "grant_type": "authorized_code"})
        with self._lock:
            self._store(token)
        log.info("channel %s: %s authorized (access until %s)", self.channel_name, NAME, token.expires_at.isoformat())
        return token

    def refresh(self, stale: str | None = None) -> Token:
        """Renew the access token. With `stale`, skip when another thread already replaced that token."""
        with self._lock:
            current = self._load()
            if current is None or not current.refresh_token:
                raise AuthError(f"The channel '{self.channel_name}' is not authorized yet. Authorize the shop first.")
            if stale is not None and current.access_token != stale and self._fresh(current):
                return current
            if current.refresh_expires_at and current.refresh_expires_at.timestamp() <= self.clock():
                raise AuthError(
                    f"The shop's authorization for '{self.channel_name}' has ended. Authorize the shop again."
                )
            token = self._token_call(
                TOKEN_REFRESH_PATH, {"refresh_token": current.refresh_token, "grant_type": "refresh_token"}
            )
            extra = dict(current.extra or {})
            extra.update(token.extra or {})
            token.extra = extra
            if not token.refresh_token:  # keep the old one rather than lose the ability to refresh
                token.refresh_token = current.refresh_token
                token.refresh_expires_at = token.refresh_expires_at or current.refresh_expires_at
            self._store(token)
            log.info("channel %s: access renewed until %s", self.channel_name, token.expires_at.isoformat())
            return token

    # -- the token store -----------------------------------------------------------------------------------------
    def _load(self) -> Token | None:
        if self._token is None:
            self._token = credentials.load_token(self.channel_name)
        return self._token

    def _store(self, token: Token) -> None:
        credentials.save_token(self.channel_name, token)  # access + refresh in one keyring write
        self._token = token

    def _fresh(self, token: Token) -> bool:
        return token.expires_at.timestamp() - self.clock() > REFRESH_MARGIN_S

    def token(self) -> Token | None:
        with self._lock:
            return self._load()

    def access_token(self) -> str:
        """A usable access token, refreshed first when it is close to its expiry."""
        with self._lock:
            current = self._load()
        if current is None:
            raise AuthError(
                f"The channel '{self.channel_name}' is not authorized yet. Run `tokodesk channel authorize "
                f"{self.channel_name}` and follow the link."
            )
        if self._fresh(current):
            return current.access_token
        if not current.refresh_token:
            raise AuthError(f"The {NAME} access has expired. Authorize the shop again.")
        return self.refresh(stale=current.access_token).access_token

    def forget_cached(self) -> None:
        """Drop the in-memory copy so the next call re-reads the keyring (another process may have refreshed)."""
        with self._lock:
            self._token = None
