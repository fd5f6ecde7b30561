"""The sandbox HTTP server and the dialect contract.

One `Shop` (tokodesk/sandbox/shop.py: products, stock, orders, lifecycle, clock; no API vocabulary) can be served
in any API *dialect*. A dialect turns HTTP requests into shop calls and shop state into that API's JSON.

Adding a dialect (e.g. the TikTok Shop Partner API in tokodesk/sandbox/tiktokshop.py) takes one class and one
line in `DIALECTS` below::

    class TikTokShopDialect(Dialect):
        name = "tiktokshop"

        def endpoint(self, method, path):            # -> Endpoint(name, mutation) | None (unknown route)
            ...
        def handle(self, method, path, query, headers, body):   # -> Response
            ...
        def server_error(self, endpoint):            # -> Response: this API's 5xx, used by fault injection
            ...
        def credentials(self):                       # -> dict of the sandbox app's credentials for this API
            ...
        def expire_tokens(self):                     # make every issued token invalid (tests)
            ...

    DIALECTS["tiktokshop"] = "tokodesk.sandbox.tiktokshop:TikTokShopDialect"

`handle()` arguments: `method` ("GET", "POST", ...), `path` (no query string), `query` (dict: first value of each
parameter, blank values kept), `headers` (case-insensitive `.get()`), `body` (raw bytes). A dialect is built
once per server as `Dialect(context)`; `context` (`DialectContext`) holds the shop, the clock, the shared
`RateLimiter` (per-endpoint token buckets: call `context.limiter.take(endpoint, n)` and put
`context.limiter.headers(quota)` on every response in the API's own style), the token lifetime and the seed.
Take `context.shop.lock` for anything that must be atomic; shop methods lock themselves.

The server itself owns what all dialects share: threads, keep-alive, the request log and fault injection
(`FaultPlan`): for an endpoint the plan picks, "error" answers `dialect.server_error()` without calling
`handle()`, "slow" sleeps then handles, "lost" handles (the change is applied) and then closes the connection
without answering. Several servers of different dialects may share one shop: pass `shop=` to `Sandbox`.

A network (`Latency`) delays every answer, faults included, by `latency_ms` ± `jitter_ms`, as a marketplace across
a real network does. The wait happens in the handler thread (one per connection), so concurrent clients wait in
parallel and a client's own keep-alive connection waits once per request, as over HTTP/1.1.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import random
import socket
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar
from urllib.parse import parse_qs, urlsplit

from tokodesk.sandbox.clock import Clock
from tokodesk.sandbox.faults import FaultPlan, RateLimiter
from tokodesk.sandbox.shop import Shop

log = logging.getLogger(__name__)

# dialect name -> "module:Class", imported when first used
DIALECTS: dict[str, str] = {
    "tokopedia": "tokodesk.sandbox.tokopedia:TokopediaDialect",
    "tiktokshop": "tokodesk.sandbox.tiktokshop:TikTokShopDialect",
}


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, status: int, payload: Any, headers: Mapping[str, str] | None = None) -> Response:
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
        try:
            body = text.encode()
        except UnicodeEncodeError:
            # Half an emoji (a lone surrogate) goes out as its "\ud83d" escape, as a marketplace's JSON writer sends it.
            body = json.dumps(payload, ensure_ascii=True, separators=(",", ":")).encode()
        return cls(status, body, "application/json", dict(headers or {}))


@dataclass(frozen=True)
class Endpoint:
    name: str
    mutation: bool


@dataclass
class DialectContext:
    shop: Shop
    clock: Clock
    limiter: RateLimiter
    token_lifetime: float
    seed: int


class Dialect:
    """Base class of an API dialect (see the module docstring)."""

    name: ClassVar[str] = ""

    def __init__(self, context: DialectContext) -> None:
        self.ctx = context

    def endpoint(self, method: str, path: str) -> Endpoint | None:
        raise NotImplementedError

    def handle(self, method: str, path: str, query: dict[str, str], headers: Any, body: bytes) -> Response:
        raise NotImplementedError

    def server_error(self, endpoint: Endpoint) -> Response:
        return Response.json(500, {"error": "internal server error"})

    def credentials(self) -> dict[str, Any]:
        return {}

    def expire_tokens(self) -> None:
        """Make every token issued so far invalid."""


def load_dialect(name: str) -> type[Dialect]:
    try:
        target = DIALECTS[name]
    except KeyError:
        raise ValueError(f"unknown sandbox dialect {name!r}; known: {', '.join(sorted(DIALECTS))}") from None
    module_name, class_name = target.split(":")
    return getattr(importlib.import_module(module_name), class_name)


@dataclass(frozen=True)
class RequestRecord:
    method: str
    path: str
    endpoint: str
    status: int  # 0 when the response was lost
    fault: str | None
    delay: float = 0.0  # seconds the network (Latency) held this answer
    at: float = 0.0  # time.monotonic() when the request reached the shop (after the network's delay)


MAX_LATENCY_MS = 60_000.0


class Latency:
    """The network between TokoDesk and the marketplace: every answer waits `ms` ± `jitter_ms` milliseconds (drawn
    uniformly per request from a seeded generator, never below 0). Change it while serving with `set()`."""

    def __init__(self, ms: float = 0.0, jitter_ms: float = 0.0, *, seed: int = 1,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self._random = random.Random(f"latency-{seed}")
        self._lock = threading.Lock()
        self.sleep = sleep  # tests may observe the waits; the server always waits through this
        self.ms = 0.0
        self.jitter_ms = 0.0
        self.set(ms, jitter_ms)

    def set(self, ms: float, jitter_ms: float = 0.0) -> None:
        for name, value in (("latency_ms", ms), ("jitter_ms", jitter_ms)):
            if not 0.0 <= float(value) <= MAX_LATENCY_MS:
                raise ValueError(f"{name} must be between 0 and {MAX_LATENCY_MS:g} ms, not {value!r}")
        with self._lock:
            self.ms, self.jitter_ms = float(ms), float(jitter_ms)

    def draw(self) -> float:
        """The next answer's delay in seconds."""
        with self._lock:
            ms, jitter = self.ms, self.jitter_ms
            offset = self._random.uniform(-jitter, jitter) if jitter else 0.0
        return max(0.0, ms + offset) / 1000.0

    def wait(self) -> float:
        delay = self.draw()
        if delay > 0:
            self.sleep(delay)
        return delay


class SandboxHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], dialect: Dialect, faults: FaultPlan,
                 latency: Latency | None = None) -> None:
        super().__init__(address, _Handler)
        self.dialect = dialect
        self.faults = faults
        self.latency = latency or Latency()
        self.calls: Counter[str] = Counter()
        self.request_log: deque[RequestRecord] = deque(maxlen=10_000)
        self._log_lock = threading.Lock()
        self._open: set[socket.socket] = set()

    def get_request(self) -> tuple[socket.socket, Any]:
        conn, address = super().get_request()
        with self._log_lock:
            self._open.add(conn)
        return conn, address

    def shutdown_request(self, request: Any) -> None:
        with self._log_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Hang up on keep-alive clients, so a stopped sandbox answers nobody (not even on pooled connections)."""
        with self._log_lock:
            open_now = list(self._open)
        for conn in open_now:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hung up (its own timeout, a test of slow answers) is not the sandbox's error.
        import sys

        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)

    def record(self, record: RequestRecord) -> None:
        with self._log_lock:
            self.calls[record.endpoint] += 1
            self.request_log.append(record)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a client pulling 10,000 orders reuses its connection
    disable_nagle_algorithm = True  # headers and body go out in two writes; Nagle would hold the body ~40 ms
    server: SandboxHTTPServer

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's signature
        log.debug("sandbox %s - " + format, self.address_string(), *args)

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's naming
        self._serve()

    def do_POST(self) -> None:  # noqa: N802
        self._serve()

    def do_PUT(self) -> None:  # noqa: N802
        self._serve()

    def do_DELETE(self) -> None:  # noqa: N802
        self._serve()

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query, keep_blank_values=True).items()}
        dialect = self.server.dialect
        endpoint = dialect.endpoint(self.command, parts.path) or Endpoint("unknown", False)
        fault = self.server.faults.draw(endpoint.name, endpoint.mutation) if endpoint.name != "unknown" else None
        delay = self.server.latency.wait()  # before the shop sees the request: the change lands when it arrives
        arrived = time.monotonic()
        if fault == "error":
            response = dialect.server_error(endpoint)
        else:
            if fault == "slow":
                time.sleep(self.server.faults.slow_seconds)
            try:
                response = dialect.handle(self.command, parts.path, query, self.headers, body)
            except Exception:
                log.exception("sandbox handler failed on %s %s", self.command, parts.path)
                response = dialect.server_error(endpoint)
        if fault == "lost":
            self.server.record(RequestRecord(self.command, parts.path, endpoint.name, 0, fault, delay, arrived))
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self.server.record(RequestRecord(self.command, parts.path, endpoint.name, response.status, fault, delay,
                                         arrived))
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)
