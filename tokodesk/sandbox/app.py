"""`Sandbox`: a generated shop served over loopback, in-process, for tests, the demo and the benchmarks.

    with Sandbox(seed=7, orders=500) as sb:
        client = TokopediaClient(api_base=sb.url, auth_url=sb.url, **sb.credentials)
        ...
        sb.shop.advance(3 * 3600)              # let the couriers move
        assert sb.order(oid).acks == 1         # the shop state, for assertions

    Sandbox(latency_ms=40, jitter_ms=10)       # a marketplace 40 ± 10 ms away (benchmarks); sb.set_latency(...) later
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any

from tokodesk.sandbox.clock import Clock
from tokodesk.sandbox.faults import FaultPlan, RateLimiter
from tokodesk.sandbox.generator import build_shop
from tokodesk.sandbox.server import Dialect, DialectContext, Latency, SandboxHTTPServer, load_dialect
from tokodesk.sandbox.shop import Order, Shop, Status, Timing

TWO_WEEKS = 14 * 86400


class Sandbox:
    """A running sandbox shop. Starts on `start()` or `with`; the port is free-picked unless given."""

    def __init__(
        self,
        *,
        seed: int = 1,
        products: int = 30,
        orders: int = 200,
        days: float = 7.0,
        dialect: str = "tokopedia",
        host: str = "127.0.0.1",
        port: int = 0,
        rate_limit: float | dict[str, float] | None = None,
        rate_burst: int | None = None,
        fault_rate: float = 0.0,
        slow_rate: float = 0.0,
        slow_seconds: float = 2.0,
        lost_response_rate: float = 0.0,
        fault_targets: str | Iterable[str] = "all",
        token_lifetime: float = TWO_WEEKS,
        new_orders_per_hour: float = 0.0,
        buyer_cancels_per_hour: float = 0.0,
        time_scale: float = 1.0,
        accept_window: float = 2 * 86400,
        start_time: float | None = None,
        freeze_clock: bool = False,
        shop: Shop | None = None,
        latency_ms: float = 0.0,
        jitter_ms: float = 0.0,
    ) -> None:
        if shop is None:
            clock = Clock(start=start_time, frozen=freeze_clock)
            timing = Timing(accept_window=accept_window, time_scale=time_scale)
            shop = build_shop(
                seed=seed, products=products, orders=orders, days=days, clock=clock, timing=timing,
                new_orders_per_hour=new_orders_per_hour, buyer_cancels_per_hour=buyer_cancels_per_hour,
            )
        self.shop = shop
        self.clock = shop.clock
        self.seed = seed
        self.host = host
        self.limiter = RateLimiter(rate_limit, self.clock.monotonic, burst=rate_burst)
        self.faults = FaultPlan(
            seed=seed, error_rate=fault_rate, slow_rate=slow_rate, slow_seconds=slow_seconds,
            lost_rate=lost_response_rate, targets=fault_targets,
        )
        self.latency = Latency(latency_ms, jitter_ms, seed=seed)
        context = DialectContext(shop=shop, clock=self.clock, limiter=self.limiter,
                                 token_lifetime=token_lifetime, seed=seed)
        self.dialect: Dialect = load_dialect(dialect)(context)
        self._requested_port = port
        self._server: SandboxHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._port: int | None = None

    # ---- life ------------------------------------------------------------------------------------------
    def start(self) -> Sandbox:
        if self._server is None:
            self._server = SandboxHTTPServer((self.host, self._requested_port), self.dialect, self.faults,
                                             self.latency)
            self._port = self._server.server_address[1]
            self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="tokodesk-sandbox",
                                            daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.close_connections()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join(timeout=5)
            self._server = None
            self._thread = None

    def set_latency(self, ms: float, jitter_ms: float = 0.0) -> None:
        """Delay every answer from now on by `ms` ± `jitter_ms` milliseconds (0 = loopback speed)."""
        self.latency.set(ms, jitter_ms)

    def __enter__(self) -> Sandbox:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- where and who ---------------------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("the sandbox has not been started")
        return self._port  # still known after stop(), so tests can check that nobody answers there

    @property
    def url(self) -> str:
        """Base URL for both the API and the token endpoint (no trailing slash)."""
        return f"http://{self.host}:{self.port}"

    @property
    def credentials(self) -> dict[str, Any]:
        """The sandbox app's credentials for the dialect (Tokopedia: fs_id, client_id, client_secret, shop_id,
        warehouse_id). Sandbox-only values, derived from the seed."""
        return self.dialect.credentials()

    # ---- observing and steering ------------------------------------------------------------------------
    @property
    def calls(self) -> dict[str, int]:
        """Requests served so far, by endpoint name (including 4xx, 429 and injected faults)."""
        return dict(self._server.calls) if self._server else {}

    @property
    def request_log(self) -> list:
        return list(self._server.request_log) if self._server else []

    def order(self, order_id: int) -> Order:
        return self.shop.get_order(int(order_id))

    def orders_in_status(self, *statuses: int) -> list[Order]:
        return self.shop.orders_in_status(*statuses)

    def stock_by_sku(self) -> dict[str, int]:
        return self.shop.stock_by_sku()

    def advance(self, seconds: float) -> None:
        """Move the shop clock forward; due transitions, arrivals and deadlines happen now."""
        self.shop.advance(seconds)

    def force_status(self, order_id: int, status: Status | int) -> Order:
        return self.shop.force_status(int(order_id), status)

    def drop_off(self, order_id: int) -> Order:
        """The courier's counter scans the booking code of a dropped-off parcel: the order ships (500)."""
        return self.shop.drop_off(int(order_id))

    def expire_tokens(self) -> None:
        self.dialect.expire_tokens()
