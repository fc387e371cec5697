"""How often the unauthenticated install page may be opened, per worker process: token buckets
per client address and one for everyone, in memory.

Each visit of /slack/install writes an OAuth state to the database; people open it a few times
at most. Behind a platform router every client may share the router's address, so the budget
per address is generous enough for a team installing at once, and the one for everyone bounds
what a crowd of addresses can write.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

__all__ = ["RequestLimiter", "TokenBucket"]

_ADDRESSES: Final = 4096
"""Client addresses remembered at most; the least recently seen are forgotten first."""


@dataclass
class TokenBucket:
    """``capacity`` requests at once, refilled at ``per_second``. Not thread-safe by itself."""

    capacity: float
    per_second: float
    tokens: float
    at: float

    @classmethod
    def full(cls, *, capacity: float, per_second: float, now: float) -> TokenBucket:
        return cls(capacity=capacity, per_second=per_second, tokens=capacity, at=now)

    def refill(self, now: float) -> None:
        self.tokens = min(self.capacity, self.tokens + max(0.0, now - self.at) * self.per_second)
        self.at = now

    def wait(self) -> float:
        """Seconds until a token is there, after :meth:`refill` (0 when one is there now)."""
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.per_second


class RequestLimiter:
    """A bucket per client address and one shared by all; a request takes a token from both."""

    def __init__(
        self,
        *,
        per_address: tuple[float, float] = (30, 1.0),
        everyone: tuple[float, float] = (120, 4.0),
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``per_address`` and ``everyone`` are (burst, requests per second)."""
        self._per_address = per_address
        self._clock = clock
        capacity, rate = everyone
        self._everyone = TokenBucket.full(capacity=capacity, per_second=rate, now=clock())
        self._addresses: OrderedDict[str, TokenBucket] = OrderedDict()
        self._lock = threading.Lock()

    def admit(self, address: str) -> int:
        """0 when a request from ``address`` may go ahead now (its tokens are taken), else the
        whole seconds to wait before asking again (a Retry-After)."""
        now = self._clock()
        with self._lock:
            bucket = self._addresses.pop(address, None)
            if bucket is None:
                capacity, rate = self._per_address
                bucket = TokenBucket.full(capacity=capacity, per_second=rate, now=now)
            self._addresses[address] = bucket
            while len(self._addresses) > _ADDRESSES:
                self._addresses.popitem(last=False)
            bucket.refill(now)
            self._everyone.refill(now)
            wait = max(bucket.wait(), self._everyone.wait())
            if wait > 0:
                return max(1, math.ceil(wait))
            bucket.tokens -= 1
            self._everyone.tokens -= 1
            return 0
