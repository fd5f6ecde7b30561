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
"""

from __future__ import annotations

import os
import threading
from typing import Any
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
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
