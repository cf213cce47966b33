"""Child processes that die with their parent (Linux PR_SET_PDEATHSIG; elsewhere a no-op).

A worker killed with SIGKILL must not leave its ffmpeg or its RQ scheduler running for nobody.
"""

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1
_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def supported() -> bool:
    """Whether the kernel can tie a child's life to its parent here."""
    return _libc is not None


def die_with_parent(parent: int | None = None) -> None:
    """Have the kernel SIGKILL this process when its parent dies; with `parent` given, also
    die now if that parent is already gone (it died before the request took effect)."""
    if _libc is None:
        return
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os.kill(os.getpid(), signal.SIGKILL)
