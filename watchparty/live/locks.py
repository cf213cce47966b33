"""A short lock in the live store (Redis, or in-process when embedded) for one action at a time."""

from collections.abc import Iterator
from contextlib import contextmanager

from watchparty.errors import Conflict
from watchparty.live.state import store


@contextmanager
def one_at_a_time(name: str, message: str, ttl: float = 120) -> Iterator[None]:
    """Run the block only if no other request holds `name`; 409 `in_progress` otherwise. The TTL
    frees the lock if its holder dies."""
    key = f"lock:{name}"
    if not store().set(key, "1", ttl=ttl, nx=True):
        raise Conflict(message, code="in_progress")
    try:
        yield
    finally:
        store().delete(key)
