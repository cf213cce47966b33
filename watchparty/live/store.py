"""Live state (party playback, seq counters, presence, rate limits): Redis, or in-process.

Both stores offer the same small set of atomic operations, so services never ask which one
they run on. With REDIS_URL set every web process shares one store and any of them can
serve any party; without it the in-process store serves the single embedded process.
"""

import threading
import time
from collections.abc import Callable

from redis import BlockingConnectionPool, Redis, WatchError

Updater = Callable[[str | None], str | None]


class RedisStore:
    """Live state in Redis, shared by every web process and worker."""

    def __init__(self, url: str, max_connections: int = 200) -> None:
        # A blocking pool: in a reconnect storm green threads queue for a connection for a
        # moment instead of failing with "Too many connections".
        pool = BlockingConnectionPool.from_url(
            url, max_connections=max_connections, timeout=10, decode_responses=True
        )
        self.redis = Redis(connection_pool=pool)

    def get(self, key: str) -> str | None:
        """The value at `key`, or None."""
        return self.redis.get(key)

    def set(self, key: str, value: str, ttl: float | None = None, nx: bool = False) -> bool:
        """Store `value`; with `nx` only when absent (returns whether it was stored)."""
        px = int(ttl * 1000) if ttl else None
        return bool(self.redis.set(key, value, px=px, nx=nx))

    def delete(self, *keys: str) -> None:
        """Remove keys."""
        if keys:
            self.redis.delete(*keys)

    def incr(self, key: str) -> int:
        """Atomically add one and return the new value."""
        return int(self.redis.incr(key))

    def hset(self, key: str, field: str, value: str) -> None:
        """Set one field of a hash."""
        self.redis.hset(key, field, value)

    def hget(self, key: str, field: str) -> str | None:
        """One field of a hash."""
        return self.redis.hget(key, field)

    def hdel(self, key: str, *fields: str) -> None:
        """Remove fields of a hash."""
        if fields:
            self.redis.hdel(key, *fields)

    def hgetall(self, key: str) -> dict[str, str]:
        """Every field of a hash."""
        return self.redis.hgetall(key)

    def update(self, key: str, fn: Updater) -> str | None:
        """Atomic read-modify-write: `fn(old) -> new` (None leaves it); returns what is stored."""
        with self.redis.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    old = pipe.get(key)
                    new = fn(old)
                    if new is None:
                        pipe.unwatch()
                        return old
                    pipe.multi()
                    pipe.set(key, new)
                    pipe.execute()
                    return new
                except WatchError:
                    continue

    def take(self, key: str, rate: float, burst: int) -> bool:
        """Token bucket: take one token (refilled at `rate`/s up to `burst`); False if empty."""
        return bool(self.redis.eval(_TAKE, 1, key, rate, burst, _now_ms()))

    def ping(self) -> bool:
        """Whether the store answers."""
        return bool(self.redis.ping())


# A token bucket kept as "tokens:stamp"; atomic because Redis runs a script alone.
_TAKE = """
local rate, burst, now = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local tokens, stamp = burst, now
local raw = redis.call('GET', KEYS[1])
if raw then
  local sep = string.find(raw, ':')
  tokens = tonumber(string.sub(raw, 1, sep - 1))
  stamp = tonumber(string.sub(raw, sep + 1))
end
tokens = math.min(burst, tokens + (now - stamp) * rate / 1000)
local ok = 0
if tokens >= 1 then tokens = tokens - 1; ok = 1 end
redis.call('SET', KEYS[1], tokens .. ':' .. now, 'PX', math.ceil(burst / rate * 1000) + 1000)
return ok
"""


class MemoryStore:
    """The same operations on a dict, for the single embedded process."""

    def __init__(self) -> None:
        self._data: dict[str, object] = {}
        self._expires: dict[str, float] = {}
        self._lock = threading.RLock()

    def _live(self, key: str):
        deadline = self._expires.get(key)
        if deadline is not None and deadline <= time.monotonic():
            self._data.pop(key, None)
            self._expires.pop(key, None)
        return self._data.get(key)

    def get(self, key: str) -> str | None:
        """The value at `key`, or None."""
        with self._lock:
            return self._live(key)

    def set(self, key: str, value: str, ttl: float | None = None, nx: bool = False) -> bool:
        """Store `value`; with `nx` only when absent (returns whether it was stored)."""
        with self._lock:
            if nx and self._live(key) is not None:
                return False
            self._data[key] = value
            self._expires.pop(key, None)
            if ttl:
                self._expires[key] = time.monotonic() + ttl
            return True

    def delete(self, *keys: str) -> None:
        """Remove keys."""
        with self._lock:
            for key in keys:
                self._data.pop(key, None)
                self._expires.pop(key, None)

    def incr(self, key: str) -> int:
        """Atomically add one and return the new value."""
        with self._lock:
            value = int(self._live(key) or 0) + 1
            self._data[key] = str(value)
            return value

    def hset(self, key: str, field: str, value: str) -> None:
        """Set one field of a hash."""
        with self._lock:
            self._data.setdefault(key, {})[field] = value

    def hget(self, key: str, field: str) -> str | None:
        """One field of a hash."""
        with self._lock:
            return (self._data.get(key) or {}).get(field)

    def hdel(self, key: str, *fields: str) -> None:
        """Remove fields of a hash."""
        with self._lock:
            table = self._data.get(key) or {}
            for field in fields:
                table.pop(field, None)

    def hgetall(self, key: str) -> dict[str, str]:
        """Every field of a hash."""
        with self._lock:
            return dict(self._data.get(key) or {})

    def update(self, key: str, fn: Updater) -> str | None:
        """Atomic read-modify-write: `fn(old) -> new` (None leaves it); returns what is stored."""
        with self._lock:
            old = self._live(key)
            new = fn(old)
            if new is None:
                return old
            self._data[key] = new
            return new

    def take(self, key: str, rate: float, burst: int) -> bool:
        """Token bucket: take one token (refilled at `rate`/s up to `burst`); False if empty."""
        with self._lock:
            now = _now_ms()
            tokens, stamp = self._data.get(key) or (burst, now)
            tokens = min(burst, tokens + (now - stamp) * rate / 1000)
            ok = tokens >= 1
            self._data[key] = (tokens - 1 if ok else tokens, now)
            return ok

    def ping(self) -> bool:
        """Whether the store answers."""
        return True


def _now_ms() -> int:
    return int(time.time() * 1000)
