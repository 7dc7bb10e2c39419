"""Requests per address and minute: a token bucket per client address.

In memory and per process: a restart forgets, and two uvicorn workers would
each allow the full rate (the service runs one). Behind a reverse proxy the
address is the one uvicorn takes from X-Forwarded-For (`--forwarded-allow-ips`).
"""

from __future__ import annotations

import time
from typing import Callable

MAX_ADDRESSES = 100_000  # beyond this, buckets that have refilled are forgotten


class RateLimit:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self._refill = per_minute / 60.0  # tokens per second
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}  # address → (tokens, when)

    def allow(self, address: str, cost: int = 1) -> float:
        """0 if `cost` comments from `address` may go on now (they are counted),
        else the seconds to wait (the caller refuses a `cost` above per_minute)."""
        now = self._clock()
        tokens, when = self._buckets.get(address, (float(self.per_minute), now))
        tokens = min(float(self.per_minute), tokens + (now - when) * self._refill)
        if tokens < cost:
            self._buckets[address] = (tokens, now)
            return (cost - tokens) / self._refill
        self._buckets[address] = (tokens - cost, now)
        if len(self._buckets) > MAX_ADDRESSES:
            self._forget_full(now)
            if len(self._buckets) > MAX_ADDRESSES // 2:  # a flood of addresses: start afresh, memory stays bounded
                self._buckets.clear()
        return 0.0

    def _forget_full(self, now: float) -> None:
        full = [a for a, (t, w) in self._buckets.items() if t + (now - w) * self._refill >= self.per_minute]
        for address in full:
            del self._buckets[address]
