"""Signed calls to the TikTok Shop Partner API, with the envelope, retries, and the token lifecycle.

- Every call carries `app_key`, a 10-digit `timestamp`, `shop_cipher` (shop-scoped calls only) and `sign`; the body
  is serialised once and the same bytes are signed and sent.
- `{code, message, request_id, data}`: code 0 returns `data`; anything else raises the typed error of `errors.py`.
- 429 / 36009002 are backed off with jitter and retried (a throttled request was not executed, so this is safe for
  every call). 5xx, 36009003/36009007 and lost answers are retried for idempotent calls only; a non-idempotent call
  whose outcome is unknown raises `OutcomeUnknown` and is never repeated here.
- 105002 (or a refused access-token header) refreshes the token once and repeats the call.
- 36009004 is told apart by its message; a stale timestamp with a server `Date` header corrects the clock once.
- Requests are paced per API to the documented default of 50 a second (`marketplace/pacing.py`), so a batch or a
  pull sending several at once is not refused for the limit: the API announces no quota to learn from.
"""

from __future__ import annotations

import email.utils
import logging
import random
import re
import threading
import time
from collections.abc import Callable
from typing import Any

import requests

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace import answers, pacing
from tokodesk.marketplace.base import MarketplaceError, NotReachable, OutcomeUnknown
from tokodesk.marketplace.tiktokshop import errors
from tokodesk.marketplace.tiktokshop.auth import TokenKeeper
from tokodesk.marketplace.tiktokshop.signing import encode_body, query_value, sign_request

log = logging.getLogger(__name__)

MAX_THROTTLED = 6  # attempts when rate-limited
MAX_TRANSIENT = 3  # attempts of an idempotent call on 5xx / internal error / lost answer
BACKOFF_BASE_S = 1.0
BACKOFF_CAP_S = 30.0
DEFAULT_TIMEOUT_S = 30.0
# research/tiktokshop-api.md §2: "default 50 QPS per API", per app and shop. A bucket of 45/s holding 5 never lets
# more than 50 through in any one second, however the requests bunch up on the way.
DOCUMENTED_QPS = 50
PACED = (DOCUMENTED_QPS * 0.9, 5)
_ID_SEGMENT = re.compile(r"/[0-9]{6,}(?=/|$)")
_FILE = QT_TRANSLATE_NOOP("Marketplace", "file")  # a download's name in its errors, when the caller names none


def longest_call_s(timeout: float = DEFAULT_TIMEOUT_S) -> float:
    """The longest one `call` can take before it returns or raises: every attempt it may make (throttled, transient,
    a token refresh and a clock fix) waiting its longest for a slot of the rate gate, timing out, and followed by the
    longest backoff. The outbox must not judge an
    action abandoned before this (services/outbox.py)."""
    attempts = MAX_THROTTLED + MAX_TRANSIENT + 2
    return attempts * (timeout + BACKOFF_CAP_S + pacing.MAX_WAIT_S) + timeout  # + the token refresh call itself


class Transport:
    def __init__(
        self,
        *,
        app_key: str,
        app_secret: Callable[[], str],
        api_base: str,
        shop_cipher: str,
        tokens: TokenKeeper,
        session: requests.Session,
        timeout: float = 30,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self.app_key = app_key
        self._app_secret = app_secret
        self.api_base = api_base.rstrip("/")
        self.shop_cipher = shop_cipher
        self.tokens = tokens
        self.session = session
        self.timeout = timeout
        self.sleep = sleep
        self.clock = clock
        self.rng = rng or random.Random()
        self.skew_s = 0.0  # server time minus our clock, learnt from a refused timestamp
        self.requests = 0
        self._count_lock = threading.Lock()  # several threads send at once (a pull's windows, a batch's senders)
        # Requests sent side by side are paced in real time, whatever clock signs them (a test's fixed one).
        self.gate = pacing.RateGate(time.monotonic, time.sleep, default=PACED, margin=1.0)

    # -- helpers ------------------------------------------------------------------------------------------------
    def backoff(self, attempt: int, retry_after: float | None = None) -> None:
        """Random exponential backoff (the API asks for it), or the server's Retry-After when it gives one."""
        if retry_after is not None:
            delay = min(retry_after, BACKOFF_CAP_S)
        else:
            delay = min(BACKOFF_CAP_S, BACKOFF_BASE_S * (2**attempt)) * self.rng.uniform(0.5, 1.0)
        self.sleep(delay)

    def signed_query(self, path: str, query: dict[str, Any] | None, body: bytes, *, shop: bool) -> dict[str, str]:
        params = {k: query_value(v) for k, v in (query or {}).items() if v is not None}
        params["app_key"] = self.app_key
        params["timestamp"] = str(int(self.clock() + self.skew_s))
        if shop:
            if not self.shop_cipher:
                raise MarketplaceError(said(QT_TRANSLATE_NOOP(
                    "Marketplace", "No shop is chosen for this channel yet. Authorize the channel and pick the shop.")),
                    "106013")
            params["shop_cipher"] = self.shop_cipher
        params["sign"] = sign_request(self._app_secret(), path, params, body)
        return params

    @staticmethod
    def _retry_after(resp: requests.Response) -> float | None:
        value = resp.headers.get("Retry-After")
        if not value:
            return None
        try:
            return max(0.0, float(value))
        except ValueError:
            return None

    def _learn_skew(self, resp: requests.Response) -> bool:
        date = resp.headers.get("Date")
        if not date:
            return False
        try:
            server = email.utils.parsedate_to_datetime(date).timestamp()
        except (TypeError, ValueError):
            return False
        skew = server - self.clock()
        if abs(skew - self.skew_s) < 2:
            return False
        self.skew_s = skew
        log.warning("the computer clock differs from the marketplace's by %.0f s; correcting requests", skew)
        return True

    # -- the call -----------------------------------------------------------------------------------------------
    def call(
        self,
        method: str,
        path: str,
        *,
        query: dict[str, Any] | None = None,
        body: Any = None,
        shop: bool = True,
        idempotent: bool = True,
        what: str = "",
        form: dict[str, Any] | None = None,
    ) -> dict:
        """One API call; returns `data` (a dict, possibly empty). See the module docstring for the retry rules.

        `form`: a multipart/form-data upload instead of a JSON body ({name: text, or (filename, bytes, mime type)}):
        its body is not signed (the signing guide), so the signature covers the path and the query only."""
        raw = encode_body(body) if body is not None and form is None else b""
        fields = {k: v for k, v in (form or {}).items() if not isinstance(v, tuple)}
        files = {k: v for k, v in (form or {}).items() if isinstance(v, tuple)}
        label = what or path
        refreshed = False
        clock_fixed = False
        throttled = 0
        transient = 0
        endpoint = f"{method} {_ID_SEGMENT.sub('/{id}', path)}"  # the limit is per API, not per package id
        while True:
            self.gate.take(endpoint)
            token = self.tokens.access_token()
            params = self.signed_query(path, query, raw, shop=shop)
            headers = {"x-tts-access-token": token}
            if form is None:  # requests writes the multipart content type with its boundary itself
                headers["content-type"] = "application/json"
            with self._count_lock:
                self.requests += 1
            try:
                resp = self.session.request(
                    method, f"{self.api_base}{path}", params=params, data=(fields if form is not None else raw or None),
                    files=files or None, headers=headers, timeout=self.timeout, stream=True,
                )
                answers.read_capped(resp, label)
                envelope = self._envelope(resp, label)
            except answers.BadAnswer as exc:
                if not idempotent:  # it was sent: whether it took effect is in the answer we refused to read
                    raise OutcomeUnknown(said(QT_TRANSLATE_NOOP(
                        "Marketplace", "{error} Whether '{action}' took effect is unknown: the order is re-read before "
                        "anything is repeated."), error=str(exc), action=label)) from None
                raise
            except requests.RequestException as exc:
                never_sent = isinstance(exc, requests.ConnectTimeout) or (
                    isinstance(exc, requests.ConnectionError) and "NewConnectionError" in repr(exc)
                )
                if not idempotent and not never_sent:
                    raise OutcomeUnknown(said(QT_TRANSLATE_NOOP(
                        "Marketplace", "The answer of Tokopedia & Shop to '{action}' was lost ({cause}). Whether it "
                        "took effect is unknown: the order is re-read before anything is repeated."),
                        action=label, cause=type(exc).__name__)) from None
                transient += 1
                if transient >= MAX_TRANSIENT:
                    raise NotReachable(
                        said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop could not be reached for '{action}' "
                                               "({cause}). Check the internet connection and try again."),
                             action=label, cause=type(exc).__name__),
                        retryable=True,
                    ) from None
                self.backoff(transient)
                continue

            code = str(envelope.get("code", "")) if envelope is not None else ""
            if resp.status_code == 429 or code == errors.RATE_LIMITED:
                throttled += 1
                if throttled >= MAX_THROTTLED:
                    raise errors.error_for(errors.RATE_LIMITED, "", resp.status_code)
                self.backoff(throttled, self._retry_after(resp))
                continue
            if envelope is None and 400 <= resp.status_code < 500:
                raise MarketplaceError(
                    said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop refused '{action}' with HTTP {status} and "
                                           "no readable answer."), action=label, status=resp.status_code),
                    http_status=resp.status_code,
                )
            if envelope is None or resp.status_code >= 500 or code in errors.INTERNAL:
                if not idempotent:
                    raise OutcomeUnknown(
                        said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop answered '{action}' with HTTP {status} "
                                               "(internal error); whether it took effect is unknown: the order is "
                                               "re-read before anything is repeated.") if code else
                             QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop answered '{action}' with HTTP {status} "
                                               "without a readable answer; whether it took effect is unknown: the "
                                               "order is re-read before anything is repeated."),
                             action=label, status=resp.status_code),
                        code,
                        resp.status_code,
                    )
                transient += 1
                if transient >= MAX_TRANSIENT:
                    if code:
                        raise errors.error_for(code, str(envelope.get("message") or ""), resp.status_code)
                    raise MarketplaceError(
                        said(QT_TRANSLATE_NOOP("Marketplace", "Tokopedia & Shop answered '{action}' with HTTP {status} "
                                               "and no readable answer. Try again later."),
                             action=label, status=resp.status_code),
                        http_status=resp.status_code,
                        retryable=True,
                    )
                self.backoff(transient)
                continue
            if code == "0":
                data = envelope.get("data")
                return data if isinstance(data, dict) else {}

            message = str(envelope.get("message") or "")
            request_id = str(envelope.get("request_id") or "")
            kind = errors.overloaded_kind(message) if code == errors.OVERLOADED else ""
            if (code == errors.TOKEN_EXPIRED or kind == "access_token") and not refreshed:
                refreshed = True
                self.tokens.refresh(stale=token)
                continue
            if kind == "timestamp" and not clock_fixed and self._learn_skew(resp):
                clock_fixed = True
                continue
            log.info("%s: %s answered %s (request %s)", label, errors.NAME, code, request_id)
            raise errors.error_for(code, message, resp.status_code, request_id)

    @staticmethod
    def _envelope(resp: requests.Response, what: str = "") -> dict | None:
        try:
            body = answers.json_of(resp, what or "a call")
        except ValueError:
            return None
        return body if isinstance(body, dict) and "code" in body else None

    def download(self, url: str, *, what: str = _FILE) -> requests.Response:
        """GET a document URL the API handed out (already authorised by its own signature; no API signing)."""
        transient = 0
        while True:
            try:
                resp = self.session.get(url, timeout=self.timeout, stream=True)
                answers.read_capped(resp, what)
            except requests.RequestException as exc:
                transient += 1
                if transient >= MAX_TRANSIENT:
                    raise NotReachable(
                        said(QT_TRANSLATE_NOOP("Marketplace", "The {what} could not be downloaded ({cause}). Try "
                                               "again."), what=what, cause=type(exc).__name__), retryable=True
                    ) from None
                self.backoff(transient)
                continue
            if resp.status_code >= 500 or resp.status_code == 429:
                transient += 1
                if transient >= MAX_TRANSIENT:
                    raise MarketplaceError(
                        said(QT_TRANSLATE_NOOP("Marketplace", "The {what} could not be downloaded (HTTP {status}). "
                                               "Try again."), what=what, status=resp.status_code),
                        http_status=resp.status_code,
                        retryable=True,
                    )
                self.backoff(transient, self._retry_after(resp))
                continue
            if resp.status_code >= 400:
                raise MarketplaceError(
                    said(QT_TRANSLATE_NOOP("Marketplace", "The {what} link was refused (HTTP {status}); it may have "
                                           "expired. Fetch it again."), what=what, status=resp.status_code),
                    http_status=resp.status_code,
                )
            return resp
