"""The sandbox's clock: wall time plus an offset tests can move forward, or a frozen clock for exact tests."""

from __future__ import annotations

import threading
import time


class Clock:
    """Epoch seconds for the shop and monotonic seconds for rate limiting, both movable by `advance()`.

    A frozen clock only moves when told to, so rate-limit and lifecycle tests never depend on how fast the
    machine is.
    """

    def __init__(self, start: float | None = None, frozen: bool = False) -> None:
        self._lock = threading.Lock()
        self._start = time.time() if start is None else float(start)
        self._mono0 = time.monotonic()
        self._offset = 0.0
        self.frozen = frozen

    def _elapsed(self) -> float:
        return 0.0 if self.frozen else time.monotonic() - self._mono0

    def now(self) -> float:
        with self._lock:
            return self._start + self._elapsed() + self._offset

    def monotonic(self) -> float:
        with self._lock:
            return self._elapsed() + self._offset

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("the sandbox clock only moves forward")
        with self._lock:
            self._offset += seconds
