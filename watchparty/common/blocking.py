"""Run CPU-heavy C calls (password hashing, image decoding) off the event loop.

Under eventlet or gevent a green thread that hashes a password holds the whole hub: every other
connection waits (measured: ~800 ms for unrelated requests during sign-ins). wsgi.py installs a
runner that hands such calls to real OS threads; the C code releases the GIL, so the loop runs on.
With plain threads (tests, workers) the call simply runs where it is.
"""

from collections.abc import Callable
from typing import Any

Runner = Callable[..., Any]
_runner: Runner | None = None


def install(runner: Runner | None) -> None:
    """Use `runner(fn, *args)` for blocking calls from now on (None: call directly)."""
    global _runner
    _runner = runner


def run(fn: Callable[..., Any], *args: Any) -> Any:
    """`fn(*args)`, on an OS thread when the server runs on an event loop."""
    return _runner(fn, *args) if _runner else fn(*args)
