"""HTTP for the Tokopedia FS API: token, envelope, rate limits, retries (research §1, §2; DESIGN.md §3).

One `Transport` per channel, used from one worker lane at a time (the order pull's page reader sends from a
small pool of threads: the token, the limits and the pacing are thread-safe). Reads are retried (jittered backoff
on 5xx and lost connections, the reset time on 429); a mutation whose answer was lost raises `OutcomeUnknown`
and is never repeated here, because Tokopedia may already have done it.
"""

from __future__ import annotations

import logging
import random
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3.exceptions

from tokodesk import credentials
from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.logsetup import register_secret
from tokodesk.marketplace import answers, http, pacing
from tokodesk.marketplace.base import AuthError, MarketplaceError, NotReachable, OutcomeUnknown
from tokodesk.marketplace.endpoints import check_endpoint
from tokodesk.marketplace.pacing import GATE_MARGIN  # noqa: F401 - named here by the tests of the gate
from tokodesk.marketplace.tokopedia.parsing import get

log = logging.getLogger(__name__)

READ_RETRIES = 3  # after the first try: 4 attempts in all
RATE_LIMIT_RETRIES = 5
BACKOFF_BASE_S = 0.5
BACKOFF_CAP_S = 8.0
MAX_WAIT_S = 60.0  # a header asking for longer is not trusted beyond this
DEFAULT_429_WAIT_S = 1.0
DEFAULT_TIMEOUT_S = 20.0


def longest_call_s(timeout: float = DEFAULT_TIMEOUT_S) -> float:
    """The longest one `call` can take before it returns or raises: every attempt it may make (retries, rate-limit
    waits, one token renewal) timing out, with the longest wait before each. The outbox must not judge an action
    abandoned before this (services/outbox.py)."""
    attempts = READ_RETRIES + 1 + RATE_LIMIT_RETRIES + 1
    return attempts * (timeout + MAX_WAIT_S) + timeout  # + the token request itself
# Tokopedia's docs say 30 days, its news 2 weeks; without expires_in assume the shorter (a 401 refreshes anyway).
DEFAULT_TOKEN_LIFETIME = timedelta(days=14)

NOT_LINKED = {"RBAC_MDLW_001", "ORD_USC_015", "ORD_USC_024", "PRD_USC_001"}
NOT_GRANTED = {"RBAC_MDLW_002", "RBAC_USC_012"}

_HTTP_WORDS = {
    400: QT_TRANSLATE_NOOP("Marketplace", "Tokopedia refused the request as malformed"),
    403: QT_TRANSLATE_NOOP("Marketplace", "Tokopedia refused access"),
    404: QT_TRANSLATE_NOOP("Marketplace", "Tokopedia does not know this address (check the channel's API address)"),
    429: QT_TRANSLATE_NOOP("Marketplace", "Tokopedia is limiting requests; try again in a minute"),
    500: QT_TRANSLATE_NOOP("Marketplace", "Tokopedia's server had an error; try again later"),
    502: "Tokopedia is unavailable right now; try again later",
    503: "Tokopedia is unavailable right now; try again later",
    504: "Tokopedia did not answer in time; try again later",
}


@dataclass
class Limits:
    """The X-Ratelimit-* headers of the last answer from one endpoint."""

    limit: str = ""
    remaining: int | None = None
    reset_after: float | None = None  # seconds until one request is regained
    full_reset_after: float | None = None  # seconds until the whole quota is back
    seen_at: float = 0.0  # the client's clock when these headers arrived

    def rate_and_burst(self) -> tuple[float | None, int | None]:
        """(requests per second, burst) from "5 req/s (burst 5)"; None where the header does not say."""
        rate = re.search(r"([0-9.]+)\s*req\s*/\s*s", self.limit or "")
        burst = re.search(r"burst\s*([0-9]+)", self.limit or "")
        return (float(rate.group(1)) if rate else None, int(burst.group(1)) if burst else None)


def _float(value: str | None) -> float | None:
    try:
        return abs(float(value)) if value not in (None, "") else None  # "-0.000000" while requests remain
    except ValueError:
        return None


def read_limits(headers: Any) -> Limits | None:
    if not any(k.lower().startswith("x-ratelimit") for k in headers):
        return None
    remaining = _float(headers.get("X-Ratelimit-Remaining"))
    return Limits(
        limit=headers.get("X-Ratelimit-Limit", ""),
        remaining=None if remaining is None else int(remaining),
        reset_after=_float(headers.get("X-Ratelimit-Reset-After")),
        full_reset_after=_float(headers.get("X-Ratelimit-Full-Reset-After")),
    )


def _http_words(status: int) -> str:
    if status in _HTTP_WORDS:
        return said(_HTTP_WORDS[status])
    if status >= 500:
        return said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia's server had an error (HTTP {status}); try again "
                                      "later"), status=status)
    return said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia answered HTTP {status}"), status=status)


def _status_number(value: Any) -> int | None:
    """The leading number of the `{status: "400 Bad Request"}` envelope variant."""
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value[:3].isdigit():
        return int(value[:3])
    return None


def parse_envelope(resp: requests.Response, what: str = "a call") -> Any:
    """`data` of any envelope variant of research §2, or a MarketplaceError carrying reason, code and HTTP status.

    Which non-zero numeric `error_code` on a 200 means failure is UNCONFIRMED: the tolerant reading treats a code
    as an error only when the answer is not 2xx or carries no data.
    """
    status = resp.status_code
    try:
        body = answers.json_of(resp, what)  # BadAnswer (too deeply nested) is this call's error, in words
    except ValueError:
        body = None
    ok_http = 200 <= status < 300
    if not isinstance(body, dict):
        if ok_http and body is not None:
            return body
        if ok_http:
            raise MarketplaceError(said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia answered with something that is "
                                                          "not JSON")), "", status)
        raise MarketplaceError(_http_words(status), "", status, retryable=status >= 500 or status == 429)
    header = get(body, "header") or {}
    has_data = any(isinstance(k, str) and k.lower() == "data" for k in body)
    data = get(body, "data")
    code = get(header, "error_code")
    if code is None:
        code = get(body, "error_code")
    code_text = "" if code in (None, "", 0, "0") else str(code)
    errors = get(body, "error_message")
    if isinstance(errors, str):
        errors = [errors]
    errors = [str(e) for e in errors or [] if e]
    env_status = _status_number(get(body, "status"))
    failed = not ok_http or (env_status is not None and env_status >= 400)
    failed = failed or (data is None and (bool(code_text) or bool(errors)))
    if not failed:
        if not has_data and not header:
            return body  # a bare object; tolerated rather than guessed at
        return data
    reason = (
        str(get(header, "reason") or "").strip()
        or "; ".join(errors)
        or str(get(header, "messages") or "").strip()
        or _http_words(status)
    )
    http_status = status if not ok_http else (env_status or status)
    raise MarketplaceError(reason, code_text, http_status, retryable=http_status >= 500 or http_status == 429)


def _never_sent(exc: requests.RequestException) -> bool:
    """True when the request certainly did not reach Tokopedia (no connection was made)."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    if isinstance(exc, requests.exceptions.ConnectionError) and exc.args:
        cause = getattr(exc.args[0], "reason", exc.args[0])
        return isinstance(cause, urllib3.exceptions.NewConnectionError)
    return False


def _cause_words(exc: requests.RequestException) -> str:
    if isinstance(exc, requests.exceptions.Timeout):
        return QT_TRANSLATE_NOOP("Marketplace", "no answer in time")
    if _never_sent(exc):
        cause = getattr(exc.args[0], "reason", None) if exc.args else None
        if "resolution" in type(cause).__name__.lower() or "Name or service" in str(cause):
            return QT_TRANSLATE_NOOP("Marketplace", "the host name could not be found")
        return QT_TRANSLATE_NOOP("Marketplace", "the connection was refused")
    return QT_TRANSLATE_NOOP("Marketplace", "the connection was dropped")


def _unread(exc: answers.BadAnswer, action: str) -> str:
    """A mutation's answer that was not read (too large, too deep): what happened, and that it may have been done."""
    return said(QT_TRANSLATE_NOOP("Marketplace", "{error} Whether '{action}' was done is unknown: the order is read "
                                  "again before anything is repeated."), error=str(exc), action=action)


class RateGate(pacing.RateGate):
    """The shared gate (marketplace/pacing.py), taught by the X-Ratelimit-* headers of each answer."""

    def learn(self, endpoint: str, limits: Limits) -> None:
        rate, burst = limits.rate_and_burst()
        self.learn_quota(endpoint, rate, burst, limits.remaining)


class Transport:
    def __init__(
        self,
        channel_name: str,
        client_id: str,
        client_secret: str | None,
        api_base: str,
        auth_url: str,
        *,
        timeout: float,
        session: requests.Session | None,
        sleep: Callable[[float], None],
        clock: Callable[[], float],
        rng: random.Random | None = None,
    ) -> None:
        self.channel_name = channel_name
        self.client_id = client_id
        self._secret = client_secret
        if client_secret:
            register_secret(client_secret)
        # Nothing is sent, not even the sign-in, to an address that would carry the secret in clear.
        self.api_base = check_endpoint(api_base, "the API address").rstrip("/")
        self.auth_url = check_endpoint(auth_url, "the sign-in (auth) address").rstrip("/")
        self.timeout = timeout
        self._own_session = session is None
        self.session = session or http.Session()
        self.sleep = sleep
        self.clock = clock
        self.rng = rng or random.Random()
        self._token: credentials.Token | None = None
        self._token_lock = threading.Lock()
        self._not_before: dict[str, float] = {}
        self.limits: dict[str, Limits] = {}
        self.requests_sent = 0  # API calls answered (token requests not included)
        self.gate = RateGate(clock, sleep)  # pacing for requests sent concurrently (see RateGate)

    # -- token -----------------------------------------------------------------------------------------------

    def access_token(self) -> str:
        with self._token_lock:
            if self._token is not None and self._token.valid():
                return self._token.access_token
            cached = None
            try:
                cached = credentials.load_token(self.channel_name)
            except credentials.CredentialError as exc:
                log.warning("cannot read the cached token of %s: %s", self.channel_name, exc)
            if cached is not None and cached.valid():
                self._token = cached
                return cached.access_token
            self._token = self._fetch_token()
            try:
                credentials.save_token(self.channel_name, self._token)
            except credentials.CredentialError as exc:  # the token still works from memory for this session
                log.warning("cannot cache the token of %s in the keyring: %s", self.channel_name, exc)
            return self._token.access_token

    def drop_token(self) -> None:
        with self._token_lock:
            self._token = None
            try:
                credentials.delete_secret(self.channel_name, "token")
            except credentials.CredentialError as exc:
                log.warning("cannot forget the cached token of %s: %s", self.channel_name, exc)

    def _client_secret(self) -> str:
        if not self._secret:
            self._secret = credentials.get_client_secret(self.channel_name)
        if not self._secret:
            raise AuthError(said(QT_TRANSLATE_NOOP(
                "Marketplace", "No client secret is stored for channel '{channel}'. Enter it again in the channel "
                "settings (Tokopedia Developer Console, App: client secret)."), channel=self.channel_name))
        return self._secret

    def _fetch_token(self) -> credentials.Token:
        secret = self._client_secret()
        url = f"{self.auth_url}/token"
        for attempt in range(READ_RETRIES + 1):
            try:
                resp = self.session.post(
                    url,
                    params={"grant_type": "client_credentials"},
                    auth=(self.client_id, secret),
                    data=b"",
                    timeout=self.timeout,
                )
            except requests.exceptions.InvalidURL as exc:
                raise NotReachable(said(QT_TRANSLATE_NOOP(
                    "Marketplace", "The sign-in address '{address}' is not a valid URL: fix the channel's auth URL."),
                    address=self.auth_url)) from exc
            except requests.RequestException as exc:
                if attempt < READ_RETRIES:
                    self._backoff(attempt)
                    continue
                raise self._unreachable(self.auth_url, exc) from exc
            if resp.status_code in (400, 401):
                raise AuthError(
                    said(QT_TRANSLATE_NOOP(
                        "Marketplace", "Tokopedia did not accept the client ID or client secret (wrong client ID or "
                        "secret). Copy both again from the Tokopedia Developer Console.")),
                    "",
                    resp.status_code,
                )
            if resp.status_code == 429 or resp.status_code >= 500:
                if attempt < READ_RETRIES:
                    self._backoff(attempt)
                    continue
                raise MarketplaceError(said(QT_TRANSLATE_NOOP(
                    "Marketplace", "Tokopedia's sign-in service is unavailable; try again later")), "",
                    resp.status_code, retryable=True)
            try:
                body = resp.json()
            except ValueError:
                body = None
            token = get(body, "access_token") if isinstance(body, dict) else None
            if resp.status_code != 200 or not token:
                raise MarketplaceError(said(QT_TRANSLATE_NOOP(
                    "Marketplace", "Tokopedia's sign-in service gave no access token")), "", resp.status_code)
            register_secret(str(token))
            expires_in = get(body, "expires_in")
            try:
                lifetime = timedelta(seconds=float(expires_in)) if expires_in else DEFAULT_TOKEN_LIFETIME
            except (TypeError, ValueError):
                lifetime = DEFAULT_TOKEN_LIFETIME
            log.info("fetched a new Tokopedia token for %s (valid %s)", self.channel_name, lifetime)
            return credentials.Token(access_token=str(token), expires_at=datetime.now(timezone.utc) + lifetime)
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns or raises

    # -- pacing ----------------------------------------------------------------------------------------------

    def _pace(self, endpoint: str) -> None:
        wait = self._not_before.get(endpoint, 0.0) - self.clock()
        if wait > 0:
            self.sleep(wait)

    def _note_limits(self, endpoint: str, resp: requests.Response) -> None:
        limits = read_limits(resp.headers)
        if limits is None:
            return
        limits.seen_at = self.clock()
        self.limits[endpoint] = limits
        self.gate.learn(endpoint, limits)
        if limits.remaining is not None and limits.remaining <= 0:
            wait = limits.reset_after or limits.full_reset_after or 0.0
            if wait > 0:
                self._not_before[endpoint] = self.clock() + min(wait, MAX_WAIT_S)

    def wait_for_room(self, endpoint: str, units: int) -> float:
        """Before a bulk call weighing `units` requests: sleep until the quota covers all of them.

        Sending 100 rows into a quota with 40 left gets 60 rows refused and a second request for them; waiting the
        fraction of a second the quota needs keeps a full push at the fewest requests (rows / 100).
        """
        limits = self.limits.get(endpoint)
        if limits is None or limits.remaining is None or limits.remaining >= units:
            return 0.0
        rate, _burst = limits.rate_and_burst()
        elapsed = self.clock() - limits.seen_at
        if rate:
            wait = (units - limits.remaining) / rate - elapsed
        else:
            wait = (limits.full_reset_after or limits.reset_after or 0.0) - elapsed
        wait = min(max(wait, 0.0), MAX_WAIT_S)
        if wait > 0:
            self.sleep(wait)
        return wait

    def wait_for_full_quota(self, endpoint: str) -> float:
        """Sleep until the endpoint's whole quota is back (bulk calls weigh one request per row)."""
        limits = self.limits.get(endpoint)
        wait = DEFAULT_429_WAIT_S
        if limits is not None:
            wait = limits.full_reset_after or limits.reset_after or DEFAULT_429_WAIT_S
        wait = min(wait, MAX_WAIT_S)
        self.sleep(wait)
        self._not_before.pop(endpoint, None)
        return wait

    def _backoff(self, attempt: int) -> None:
        delay = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2**attempt)
        self.sleep(delay * self.rng.uniform(0.5, 1.0))

    def _unreachable(self, base: str, exc: requests.RequestException) -> NotReachable:
        host = urlsplit(base).netloc or base
        return NotReachable(
            said(QT_TRANSLATE_NOOP("Marketplace", "Cannot reach Tokopedia at {host}: {cause}. Check the internet "
                                   "connection (or the channel's API address) and try again."),
                 host=host, cause=_cause_words(exc)),
            retryable=True,
        )

    # -- calls -----------------------------------------------------------------------------------------------

    def call(
        self,
        method: str,
        path: str,
        *,
        endpoint: str,
        action: str,
        params: dict | None = None,
        json_body: Any = None,
        idempotent: bool = True,
        html: bool = False,
    ) -> Any:
        """Send one API call and return its `data` (or the HTML bytes when `html`); raises MarketplaceError."""
        url = f"{self.api_base}{path}"
        attempt = rate_waits = 0
        refreshed = False
        while True:
            self._pace(endpoint)
            self.gate.take(endpoint)
            headers = {"Authorization": f"Bearer {self.access_token()}", "Accept": "application/json"}
            try:
                resp = self.session.request(method, url, params=params, json=json_body, headers=headers,
                                            timeout=self.timeout, stream=True)
                answers.read_capped(resp, action)
            except answers.BadAnswer as exc:
                if not idempotent:  # it was sent: whether it was done is in the answer we refused to read
                    raise OutcomeUnknown(_unread(exc, action), "", None) from None
                raise
            except requests.exceptions.InvalidURL as exc:
                raise NotReachable(said(QT_TRANSLATE_NOOP(
                    "Marketplace", "The API address '{address}' is not a valid URL: fix the channel's API address."),
                    address=self.api_base)) from exc
            except requests.RequestException as exc:
                if not idempotent and not _never_sent(exc):
                    raise OutcomeUnknown(
                        said(QT_TRANSLATE_NOOP(
                            "Marketplace", "The answer to '{action}' was lost ({cause}). Tokopedia may or may not "
                            "have done it: the order is read again before anything is repeated."),
                            action=action, cause=_cause_words(exc)),
                        "",
                        None,
                    ) from exc
                if attempt < READ_RETRIES:
                    self._backoff(attempt)
                    attempt += 1
                    continue
                raise self._unreachable(self.api_base, exc) from exc
            self.requests_sent += 1
            self._note_limits(endpoint, resp)
            if resp.status_code == 429:
                # A throttled call was not carried out, so even a mutation may be sent again.
                if rate_waits < RATE_LIMIT_RETRIES:
                    rate_waits += 1
                    limits = self.limits.get(endpoint)
                    wait = (limits and (limits.reset_after or limits.full_reset_after)) or DEFAULT_429_WAIT_S
                    log.info("rate limited on %s; waiting %.2fs", endpoint, wait)
                    self.sleep(min(wait, MAX_WAIT_S))
                    self._not_before.pop(endpoint, None)
                    continue
                raise MarketplaceError(said(_HTTP_WORDS[429]), "", 429, retryable=True)
            if resp.status_code == 401:
                if not refreshed:
                    refreshed = True
                    self.drop_token()
                    continue
                raise AuthError(
                    said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia: credentials rejected, even with a fresh token. "
                                           "Check the client ID and client secret of this channel.")),
                    "",
                    401,
                )
            if html and 200 <= resp.status_code < 300:
                kind = resp.headers.get("Content-Type", "")
                if "json" not in kind and not resp.content.lstrip().startswith(b"{"):
                    return resp.content
            try:
                data = parse_envelope(resp, action)
            except answers.BadAnswer as err:
                if not idempotent:
                    raise OutcomeUnknown(_unread(err, action), "", None) from None
                raise
            except MarketplaceError as err:
                self._raise_mapped(err, idempotent, action)
                if attempt < READ_RETRIES:  # a retryable read: _raise_mapped returned
                    self._backoff(attempt)
                    attempt += 1
                    continue
                raise
            if html and isinstance(data, str) and "<" in data:
                return data.encode("utf-8")
            return data

    def _raise_mapped(self, err: MarketplaceError, idempotent: bool, action: str) -> None:
        """Raise the typed error for a failed answer; return only when a read may be retried."""
        if err.error_code in NOT_LINKED or (err.http_status == 403 and err.error_code.startswith("RBAC_MDLW_001")):
            raise AuthError(
                said(QT_TRANSLATE_NOOP("Marketplace", "This shop is not linked to your FS ID / app: check the shop "
                                       "ID and FS ID of the channel, or ask Tokopedia to link the shop to your app.")),
                err.error_code,
                err.http_status,
            ) from err
        if err.error_code in NOT_GRANTED:
            raise AuthError(
                said(QT_TRANSLATE_NOOP("Marketplace", "The shop owner has not granted this app permission: ask the "
                                       "owner to approve the app in Tokopedia Seller, then try again.")),
                err.error_code,
                err.http_status,
            ) from err
        if err.http_status == 403:
            raise AuthError(said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia refused access: {reason}"),
                                 reason=err.reason), err.error_code, 403) from err
        status = err.http_status or 0
        if status >= 500:
            if not idempotent:
                raise OutcomeUnknown(
                    said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia failed while doing '{action}' ({reason}). It may "
                                           "or may not have been done: the order is read again before anything is "
                                           "repeated."), action=action, reason=err.reason),
                    err.error_code,
                    status,
                ) from err
            return
        raise err

    def close(self) -> None:
        if self._own_session:
            self.session.close()
