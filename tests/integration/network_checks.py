"""What the integration tests read off the sandbox's simulated network: requests held at once, requests a second."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable


class InFlight:
    """Stands in for the sandbox's latency sleep and counts the answers it holds at once (proof of side by side)."""

    def __init__(self, sleep: Callable[[float], None]) -> None:
        self.sleep, self.now, self.most = sleep, 0, 0
        self.lock = threading.Lock()

    def __call__(self, seconds: float) -> None:
        with self.lock:
            self.now += 1
            self.most = max(self.most, self.now)
        try:
            self.sleep(seconds)
        finally:
            with self.lock:
                self.now -= 1


def busiest_second(records: Iterable, endpoint: str) -> int:
    """The most requests of `endpoint` the shop accepted within any one second."""
    times = sorted(r.at for r in records if r.endpoint == endpoint and r.status != 429)
    most, first = 0, 0
    for last, at in enumerate(times):
        while at - times[first] >= 1.0:
            first += 1
        most = max(most, last - first + 1)
    return most


class Slots:
    """The schedule a transport's rate gate (marketplace/pacing.py) hands out, by endpoint: each paced request's slot,
    read from the gate's own clock under its lock plus the wait it gave, so a loaded machine holding a sender between
    its slot and the wire changes nothing; and how many went unpaced (before the endpoint's quota was known)."""

    def __init__(self, gate) -> None:  # noqa: ANN001 - a pacing.RateGate
        self.paced: dict[str, list[float]] = {}
        self.unpaced: dict[str, int] = {}
        self._local = threading.local()
        self._lock = threading.Lock()
        clock, take = gate._clock, gate.take

        def reading() -> float:
            self._local.now = clock()
            return self._local.now

        def taking(endpoint: str) -> float:
            self._local.now = None
            wait = take(endpoint)
            with self._lock:
                if self._local.now is None:
                    self.unpaced[endpoint] = self.unpaced.get(endpoint, 0) + 1
                else:
                    self.paced.setdefault(endpoint, []).append(self._local.now + wait)
            return wait

        gate._clock, gate.take = reading, taking

    def most_within(self, endpoint: str, rate: float) -> float:
        """The most slots any span holds beyond what `rate` a second refills in it: a token bucket of that rate never
        hands out more than its burst so."""
        slots = sorted(self.paced.get(endpoint, []))
        most, first = 0.0, 0
        for last, at in enumerate(slots):
            for start in range(first, last + 1):
                most = max(most, last - start + 1 - rate * (at - slots[start]))
        return most
