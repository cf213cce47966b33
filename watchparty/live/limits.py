"""Rate limits on live actions (chat, reactions), shared by every process via the live store."""

import math

from watchparty.errors import RateLimited
from watchparty.live.state import store


def take(key: str, rate: float, burst: int, message: str) -> None:
    """Take one token from the bucket at `key` (refilled at `rate`/s up to `burst`), or 429."""
    if not store().take(key, rate, burst):
        raise RateLimited(message, limit=burst, retry_after=max(1, math.ceil(1 / rate)))


def once_per(key: str, seconds: int, message: str, code: str = "rate_limited") -> None:
    """Allow one action per `seconds` for `key` (e.g. chat slow mode), or 429."""
    if not store().set(key, "1", ttl=seconds, nx=True):
        raise RateLimited(message, limit=1, retry_after=seconds, code=code)
