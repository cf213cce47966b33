"""Hooks: how a lower domain calls code of the domains built on top of it without importing them.

The lower domain declares a `Hook` ("ask every party-like domain whether this user may see
the video"); each higher domain registers its function in its own `hooks.py` `register()`,
which the blueprint table calls once at start-up (see docs/architecture.md).
"""

from collections.abc import Callable, Iterator


class Hook:
    """An ordered set of functions contributed by other domains."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._fns: list[Callable] = []

    def register(self, fn: Callable) -> Callable:
        """Add `fn` once (registering again, as every new app does, changes nothing)."""
        if fn not in self._fns:
            self._fns.append(fn)
        return fn

    def __iter__(self) -> Iterator[Callable]:
        return iter(tuple(self._fns))

    def any(self, *args, **kwargs) -> bool:
        """Whether some contributor answers yes."""
        return any(fn(*args, **kwargs) for fn in self)

    def run(self, *args, **kwargs) -> list:
        """Call every contributor; their results in registration order."""
        return [fn(*args, **kwargs) for fn in self]

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._fns)} contributors>"
