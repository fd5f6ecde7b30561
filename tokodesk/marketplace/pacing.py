"""Pacing requests sent side by side to a marketplace's rate limit (thread-safe), shared by both transports.

Waiting for a "no requests left" answer works for one request at a time; several in flight would all pass on a
stale count and be refused together. So each endpoint gets a local token bucket of the marketplace's rate, and
every request reserves its slot before it goes out:

- Tokopedia announces its limit on every answer (`X-Ratelimit-Limit: "N req/s (burst B)"`, `-Remaining`): the
  bucket is learnt from those headers (`learn_quota`), started from the `remaining` last reported and never above it;
  until an endpoint's headers are known nothing is paced (the transport's 429 handling still is).
- TikTok Shop announces nothing, and documents a default of 50 requests a second per API, per app and shop
  (research/tiktokshop-api.md §2): its transport gives that rate up front (`default`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

GATE_MARGIN = 0.95  # of the announced rate: answers delayed unevenly on the way must not arrive as a burst
MAX_WAIT_S = 60.0  # no one request waits longer than this for its slot


class RateGate:
    """Per-endpoint token buckets; `take(endpoint)` reserves the next slot and sleeps until it comes."""

    def __init__(
        self,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
        *,
        default: tuple[float, int] | None = None,
        margin: float = GATE_MARGIN,
    ) -> None:
        """`default`: (requests per second, burst) of an endpoint nothing was learnt about; None: not paced."""
        self._clock = clock
        self._sleep = sleep
        self._margin = margin
        self._default = default
        self._lock = threading.Lock()
        self._buckets: dict[str, list[float]] = {}  # endpoint -> [rate, burst, tokens, stamp]

    def learn_quota(self, endpoint: str, rate: float | None, burst: int | None, remaining: int | None) -> None:
        """What the marketplace said about the endpoint's quota on its last answer."""
        if not rate or remaining is None:
            return
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(endpoint)
            rate *= self._margin
            if bucket is None:
                self._buckets[endpoint] = [rate, float(burst or max(1, rate)), float(remaining), now]
                return
            self._refill(bucket, now)
            bucket[0], bucket[1] = rate, float(burst or bucket[1])
            bucket[2] = min(bucket[2], float(remaining))  # another station may share the quota

    def knows(self, endpoint: str) -> bool:
        """Whether `endpoint` is paced already: its quota was learnt from an answer (or given as the default)."""
        with self._lock:
            return endpoint in self._buckets or self._default is not None

    @staticmethod
    def _refill(bucket: list[float], now: float) -> None:
        rate, burst, tokens, stamp = bucket
        bucket[2] = min(burst, tokens + max(0.0, now - stamp) * rate)
        bucket[3] = now

    def take(self, endpoint: str) -> float:
        """Reserve the next slot of `endpoint`'s bucket (if it has one) and wait until it comes; returns the seconds
        waited. A reservation, not a wait-and-retry loop: each caller sleeps once for its own slot (concurrent callers
        queue up in order), and a clock that a test moves only by this very sleep cannot keep it waiting forever."""
        with self._lock:
            bucket = self._buckets.get(endpoint)
            if bucket is None:
                if self._default is None:
                    return 0.0
                rate, burst = self._default
                bucket = self._buckets[endpoint] = [rate * self._margin, float(burst), float(burst), self._clock()]
            self._refill(bucket, self._clock())
            bucket[2] -= 1.0
            wait = 0.0 if bucket[2] >= 0.0 else -bucket[2] / bucket[0]
        wait = min(wait, MAX_WAIT_S)
        if wait > 0.0:
            self._sleep(wait)
        return wait


def read_side_by_side(
    read: Callable[[T], R], items: Sequence[T], readers: int, *, first_alone: bool = False,
    thread_name: str = "tokodesk-reads",
) -> list[R]:
    """`read(item)` for every item, up to `readers` at once (each request paced by its transport's gate); the results in
    the order of `items`. `first_alone`: the first is read before the others go, so its answer can teach the gate a
    quota it does not know yet. A read that raises ends the whole call with its error (the first in `items`' order
    when several do), as when they were read one after another: the reads still waiting for a reader then are never
    sent, those already out are waited for, and what the others read is dropped."""
    out: list[R] = []
    if not items:
        return out
    start = 0
    if first_alone or readers <= 1 or len(items) == 1:
        out.append(read(items[0]))
        start = 1
    if readers <= 1:
        return out + [read(item) for item in items[1:]]
    rest = range(start, len(items))
    if not rest:
        return out
    got: dict[int, R] = {}
    failed: dict[int, BaseException] = {}
    with ThreadPoolExecutor(min(readers, len(rest)), thread_name_prefix=thread_name) as pool:
        futures: dict[Future, int] = {pool.submit(read, items[i]): i for i in rest}
        try:
            for future in as_completed(futures):
                if future.cancelled():
                    continue
                exc = future.exception()
                if exc is None:
                    got[futures[future]] = future.result()
                    continue
                failed[futures[future]] = exc
                for other in futures:
                    other.cancel()
        except BaseException:
            for other in futures:
                other.cancel()
            raise
    if failed:
        raise failed[min(failed)]
    return out + [got[i] for i in rest]
