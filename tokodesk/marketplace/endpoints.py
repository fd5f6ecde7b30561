"""Which API and sign-in addresses a channel may use: https, or plain http only to this PC (issue 15 §6).

Every request carries a secret (Tokopedia's client secret at sign-in, an access token, TikTok Shop's signed calls
and refresh token). Over plain http to another machine they travel readable by anyone on the way (the shop's
Wi-Fi, the ISP). Plain http stays allowed to loopback, where the built-in sandbox and the tests listen.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from tokodesk.i18n_marks import QT_TRANSLATE_NOOP, said
from tokodesk.marketplace.base import MarketplaceError


class InsecureEndpoint(MarketplaceError):
    """A channel's API or sign-in address that would send secrets in clear (or is not a web address at all)."""

    def __init__(self, words: str) -> None:
        super().__init__(words)
        self.args = (words,)  # TokoDesk's own words (a Said), not the marketplace's: the window says them again

    def __str__(self) -> str:
        return self.args[0]


# The addresses the adapters check, as the start of a sentence (the window translates them).
_WHAT = {"the API address": QT_TRANSLATE_NOOP("Refusals", "The API address"),
         "the sign-in (auth) address": QT_TRANSLATE_NOOP("Refusals", "The sign-in (auth) address")}


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


NOT_WEB = "not_web"
PLAIN_HTTP = "plain_http"


def endpoint_kind(url: str) -> tuple[str, str] | None:
    """(NOT_WEB or PLAIN_HTTP, host) when `url` cannot be used, None when it can (empty: the production host)."""
    url = (url or "").strip()
    if not url:
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        return NOT_WEB, ""
    if parts.scheme.lower() not in ("http", "https") or not host:
        return NOT_WEB, host
    if parts.scheme.lower() == "http" and not is_loopback(host):
        return PLAIN_HTTP, host
    return None


def endpoint_problem(url: str, what: str = "the API address") -> str | None:
    """Why `url` cannot be used for `what`, or None when it can."""
    kind = endpoint_kind(url)
    if kind is None:
        return None
    if kind[0] == NOT_WEB:
        return said(QT_TRANSLATE_NOOP("Refusals", "{what} {url!r} is not a web address: give one like "
                                                  "https://api.example.com"), what=what, url=url)
    return said(QT_TRANSLATE_NOOP("Refusals", "{what} {url!r} uses plain http to {host}: the channel's secret and "
                                              "access tokens would travel unencrypted. Use https://, or plain http "
                                              "only to this PC (127.0.0.1, ::1, localhost), such as the built-in "
                                              "sandbox"), what=what, url=url, host=kind[1])


def check_endpoint(url: str, what: str = "the API address") -> str:
    """`url` when it may be used; InsecureEndpoint otherwise (nothing has been sent)."""
    problem = endpoint_problem(url, _WHAT.get(what, what[:1].upper() + what[1:]))
    if problem:
        raise InsecureEndpoint(said(QT_TRANSLATE_NOOP("Refusals", "{problem}."), problem=problem))
    return url
