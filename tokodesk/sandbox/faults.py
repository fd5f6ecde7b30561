"""Rate limiting (token buckets per endpoint) and fault injection, shared by every dialect.

Faults are drawn per request from a seeded generator, so a run with the same seed and the same request order
meets the same faults. `FaultPlan.force(endpoint, kind, count)` queues exact faults for tests.

Fault kinds:
- "error": the dialect's 5xx answer; nothing is changed.
- "slow": the answer comes after `slow_seconds`.
- "lost": the change is applied, then the connection is closed without an answer.
"""

from __future__ import annotations

import math
import random
import threading
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass
class Bucket:
    rate: float  # requests regained per second
    burst: int
    tokens: float
    stamp: float

    def refill(self, now: float) -> None:
        self.tokens = min(float(self.burst), self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now


@dataclass(frozen=True)
class Quota:
    """What one call got from its bucket, and what the X-Ratelimit-* headers report."""

    granted: int
    limit: str
    remaining: int
    reset_after: float
    full_reset_after: float


class RateLimiter:
    """Token buckets keyed by endpoint name. `rate` None or 0 turns limiting off (headers still report)."""

    def __init__(self, rate: float | dict[str, float] | None, clock: Callable[[], float], burst: int | None = None):
        self._rates = rate
        self._burst = burst
        self._clock = clock
        self._buckets: dict[str, Bucket] = {}
        self._refusals: dict[str, int] = {}  # endpoint -> requests still to be refused (`drain`)
        self._lock = threading.Lock()

    def rate_for(self, endpoint: str) -> float:
        if isinstance(self._rates, dict):
            return float(self._rates.get(endpoint, self._rates.get("*", 0)) or 0)
        return float(self._rates or 0)

    def take(self, endpoint: str, wanted: int = 1) -> Quota:
        """Take up to `wanted` requests' worth; `granted` may be fewer (0 means: answer 429)."""
        rate = self.rate_for(endpoint)
        if rate <= 0:
            return Quota(wanted, "unlimited", 1_000_000, -0.0, 0.0)
        burst = self._burst or max(1, int(math.ceil(rate)))
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(endpoint)
            if bucket is None:
                bucket = self._buckets[endpoint] = Bucket(rate, burst, float(burst), now)
            bucket.refill(now)
            if wanted > 0 and self._refusals.get(endpoint):
                self._refusals[endpoint] -= 1
                bucket.tokens = 0.0  # the other app took what came back meanwhile
            granted = min(wanted, int(bucket.tokens + 1e-9))
            bucket.tokens -= granted
            remaining = int(bucket.tokens + 1e-9)
            reset_after = -0.0 if remaining >= 1 else (1.0 - bucket.tokens) / rate
            full = (burst - bucket.tokens) / rate
            rate_text = f"{rate:g} req/s (burst {burst})"
            return Quota(granted, rate_text, remaining, reset_after, full)

    def drain(self, endpoint: str, refusals: int = 1) -> None:
        """Use up the endpoint's quota now, as another app sharing it would, and go on taking what comes back until
        the next `refusals` requests were refused (429), however long they take to come."""
        rate = self.rate_for(endpoint)
        if rate <= 0:
            return
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(endpoint)
            if bucket is None:
                burst = self._burst or max(1, int(math.ceil(rate)))
                bucket = self._buckets[endpoint] = Bucket(rate, burst, 0.0, now)
            bucket.refill(now)
            bucket.tokens = 0.0
            self._refusals[endpoint] = self._refusals.get(endpoint, 0) + refusals

    def headers(self, quota: Quota) -> dict[str, str]:
        return {
            "X-Ratelimit-Limit": quota.limit,
            "X-Ratelimit-Remaining": str(quota.remaining),
            "X-Ratelimit-Reset-After": f"{quota.reset_after:f}" if quota.reset_after else "-0.000000",
            "X-Ratelimit-Full-Reset-After": f"{quota.full_reset_after:f}",
        }


class FaultPlan:
    """Which requests go wrong. `targets`: "all", "mutations", "reads", or an iterable of endpoint names."""

    def __init__(
        self,
        *,
        seed: int = 1,
        error_rate: float = 0.0,
        slow_rate: float = 0.0,
        slow_seconds: float = 2.0,
        lost_rate: float = 0.0,
        targets: str | Iterable[str] = "all",
    ) -> None:
        self.error_rate = error_rate
        self.slow_rate = slow_rate
        self.slow_seconds = slow_seconds
        self.lost_rate = lost_rate
        self.targets = targets if isinstance(targets, str) else frozenset(targets)
        self._rng = random.Random(seed * 104_729 + 3)
        self._forced: dict[str, deque[str]] = defaultdict(deque)
        self._lock = threading.Lock()
        self.log: list[tuple[str, str]] = []  # (endpoint, fault) as they happened

    def force(self, endpoint: str, kind: str, count: int = 1) -> None:
        """The next `count` requests to `endpoint` ("*" = any) meet fault `kind` ("error", "slow", "lost")."""
        if kind not in ("error", "slow", "lost"):
            raise ValueError(f"unknown fault kind {kind!r}")
        with self._lock:
            self._forced[endpoint].extend([kind] * count)

    def clear(self) -> None:
        with self._lock:
            self._forced.clear()

    def _targeted(self, endpoint: str, mutation: bool) -> bool:
        if self.targets == "all":
            return True
        if self.targets == "mutations":
            return mutation
        if self.targets == "reads":
            return not mutation
        return endpoint in self.targets

    def draw(self, endpoint: str, mutation: bool) -> str | None:
        with self._lock:
            for key in (endpoint, "*"):
                if self._forced.get(key):
                    kind = self._forced[key].popleft()
                    self.log.append((endpoint, kind))
                    return kind
            if not self._targeted(endpoint, mutation):
                return None
            roll = self._rng.random()
            kind = None
            if roll < self.error_rate:
                kind = "error"
            elif roll < self.error_rate + self.lost_rate:
                kind = "lost"
            elif roll < self.error_rate + self.lost_rate + self.slow_rate:
                kind = "slow"
            if kind:
                self.log.append((endpoint, kind))
            return kind
