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
