"""The HTTP session of a marketplace client: the environment's proxy and CA settings read once per host.

`requests` reads them on every call (`merge_environment_settings`: every variable of the environment scanned twice
for *_proxy, NO_PROXY matched against the host, REQUESTS_CA_BUNDLE looked up), about a quarter of the CPU of a
small API call; a batch of 1,000 accepts paid it 1,000 times for the same two hosts. Here it is read the first time
a host is called and kept for the life of the client, with requests' own functions, so a seller behind a proxy
gets exactly what requests gives: HTTP_PROXY / HTTPS_PROXY / ALL_PROXY (and the system's proxy where Python reads
one, e.g. Windows' Internet Options), NO_PROXY, REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE. A change of those variables
reaches the next client (the next command, the next sync), not one already talking.

`trust_env` is off, which also stops requests reading ~/.netrc on every call: a netrc entry for the marketplace's
host would have replaced the client's own Authorization header with the netrc password.

A plain call (no cookies kept or given, no auth object, no files, no hooks: every call both clients make) is
prepared and sent by `request` below with requests' own pieces, minus the generic work that changes nothing for
it: merging empty cookie jars and building a Cookie header from none, requests' Mapping checks of the settings,
the cookie extraction from an answer that sets none (issue 19: about 40% of the client's CPU per call, 2,000 calls
in a batch of accept + ship). A call with any of those, an answer that sets a cookie and a redirect take requests'
full path, so the session behaves as a stock one.
"""

from __future__ import annotations

import contextlib
import os
import threading
from datetime import timedelta
from time import perf_counter
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests.cookies import RequestsCookieJar, extract_cookies_to_jar
from requests.models import PreparedRequest
from requests.structures import CaseInsensitiveDict
from requests.utils import get_environ_proxies

# Connections kept open per host. requests keeps 10; a batch sends 16 requests of a channel at once
# (services/fulfilment/pool.py SENDERS) and reads up to 16 orders side by side, so with 10 every answer past the
# tenth closed its connection and the next request paid a new TCP and TLS handshake (urllib3: "Connection pool is
# full, discarding connection"), on a real network a round trip or two each.
CONNECTIONS_PER_HOST = 32


class Session(requests.Session):
    """A `requests.Session` that resolves the environment's settings once per scheme, host and port."""

    def __init__(self) -> None:
        super().__init__()
        self.trust_env = False  # the environment is read here, once per host, not by requests on every call
        for prefix in ("https://", "http://"):
            self.mount(prefix, HTTPAdapter(pool_connections=4, pool_maxsize=CONNECTIONS_PER_HOST))
        self._hosts: dict[str, tuple[dict[str, str], str | None]] = {}
        self._lock = threading.Lock()  # a batch's senders share the session

    def request(  # noqa: PLR0913 - requests' own signature
        self, method: str | bytes, url: str | bytes, params: Any = None, data: Any = None, headers: Any = None,
        cookies: Any = None, files: Any = None, auth: Any = None, timeout: Any = None, allow_redirects: bool = True,
        proxies: Any = None, hooks: Any = None, stream: Any = None, verify: Any = None, cert: Any = None,
        json: Any = None,
    ) -> requests.Response:
        if (cookies or files or auth or hooks or self.auth or self.params or self.trust_env or len(self.cookies)
                or self.hooks.get("response") or not isinstance(url, str) or not isinstance(method, str)
                or not isinstance(headers, (dict, type(None))) or not isinstance(params, (dict, type(None)))):
            return super().request(method, url, params=params, data=data, headers=headers, cookies=cookies,
                                   files=files, auth=auth, timeout=timeout, allow_redirects=allow_redirects,
                                   proxies=proxies, hooks=hooks, stream=stream, verify=verify, cert=cert, json=json)
        # Session.prepare_request's steps for a call without cookies, auth or hooks (there are none to merge).
        merged = CaseInsensitiveDict(self.headers)
        merged.update(headers or {})
        prep = PreparedRequest()
        prep.prepare_method(method.upper())
        prep.prepare_url(url, params or {})
        prep.prepare_headers({name: value for name, value in merged.items() if value is not None})
        prep._cookies = RequestsCookieJar()  # what prepare_cookies keeps for none; an empty jar adds no header
        prep.prepare_body(data or {}, None, json)
        prep.prepare_auth(None, url)  # user:password in the URL still becomes Basic auth
        prep.prepare_hooks(None)
        settings = self.merge_environment_settings(prep.url, proxies or {}, stream, verify, cert)
        # Session.send's steps: the response hooks are empty, and an answer setting no cookie leaves the jar as it is.
        adapter = self.get_adapter(url=prep.url)
        start = perf_counter()
        resp = adapter.send(prep, timeout=timeout, **settings)
        resp.elapsed = timedelta(seconds=perf_counter() - start)
        if resp.is_redirect or "set-cookie" in resp.headers or "set-cookie2" in resp.headers:
            return self._finish(resp, prep, allow_redirects, timeout, settings)
        if not settings["stream"]:
            resp.content  # noqa: B018 - reads the body, as requests does unless streaming
        return resp

    def _finish(
        self, resp: requests.Response, prep: PreparedRequest, allow_redirects: bool, timeout: Any, settings: dict
    ) -> requests.Response:
        """The rest of requests' Session.send (without hooks), for an answer that sets a cookie or redirects."""
        kwargs = {"timeout": timeout, **settings}
        extract_cookies_to_jar(self.cookies, prep, resp.raw)
        if allow_redirects:
            history = list(self.resolve_redirects(resp, prep, **kwargs))  # each sent by Session.send, cookies kept
            if history:
                history.insert(0, resp)
                resp = history.pop()
                resp.history = history
        else:
            with contextlib.suppress(StopIteration):
                resp._next = next(self.resolve_redirects(resp, prep, yield_requests=True, **kwargs))
        if not kwargs["stream"]:
            resp.content  # noqa: B018 - reads the body, as requests does unless streaming
        return resp

    def environment_for(self, url: str) -> tuple[dict[str, str], str | None]:
        """(the proxies requests would take from the environment for `url`, the CA bundle it would verify with)."""
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}".lower()
        with self._lock:
            found = self._hosts.get(key)
        if found is None:
            bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or None
            found = (get_environ_proxies(url), bundle)
            with self._lock:
                self._hosts.setdefault(key, found)
        return found

    def merge_environment_settings(
        self, url: str, proxies: Any, stream: Any, verify: Any, cert: Any
    ) -> dict[str, Any]:
        # requests' own merge with trust_env on, the environment's part from the cache.
        if proxies and proxies.get("no_proxy") is not None:  # a call naming its own exceptions: nothing to reuse
            env_proxies = get_environ_proxies(url, no_proxy=proxies["no_proxy"])
            bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or None
        else:
            env_proxies, bundle = self.environment_for(url)
        proxies = dict(proxies or {})
        for scheme, proxy in env_proxies.items():
            proxies.setdefault(scheme, proxy)
        if (verify is True or verify is None) and bundle:
            verify = bundle
        # requests' merge_setting, written out: its generic Mapping checks cost as much again as the rest here.
        merged = {**self.proxies, **proxies}
        return {
            "proxies": {scheme: proxy for scheme, proxy in merged.items() if proxy is not None},
            "stream": self.stream if stream is None else stream,
            "verify": self.verify if verify is None else verify,
            "cert": self.cert if cert is None else cert,
        }

    def rebuild_proxies(self, prepared_request: Any, proxies: Any) -> dict[str, str]:
        # A redirect to another host: that host's environment (NO_PROXY may name it), as requests would.
        env_proxies, _bundle = self.environment_for(prepared_request.url)
        proxies = dict(proxies or {})
        scheme = urlsplit(prepared_request.url).scheme
        proxy = env_proxies.get(scheme, env_proxies.get("all"))
        if proxy:
            proxies.setdefault(scheme, proxy)
        return super().rebuild_proxies(prepared_request, proxies)
