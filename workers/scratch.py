"""Scratch folders of transcodes: one parent, each folder named `<pid>-<kind>-…` by its maker.

A worker killed with SIGKILL cannot clean up after itself, so every worker removes, at start
and at each sweep, the folders whose owning process is gone. The parent must be local to the
machine (pids mean nothing across hosts): TRANSCODE_SCRATCH_DIR, <tempdir>/watchparty-scratch.
"""

import logging
import os
import re
import shutil
from pathlib import Path

log = logging.getLogger(__name__)
NAME = re.compile(r"(\d+)-[a-z]+-")


def owner(folder: Path) -> int | None:
    """The pid a scratch folder belongs to, from its name (None: not a scratch folder)."""
    match = NAME.match(folder.name)
    return int(match.group(1)) if match else None


def alive(pid: int) -> bool:
    """Whether process `pid` exists (a process of another user counts as alive)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(root: Path) -> list[Path]:
    """Remove the scratch folders under `root` whose owner is dead; returns those removed."""
    removed = []
    try:
        folders = [p for p in root.iterdir() if p.is_dir() and not p.is_symlink()]
    except OSError:  # not made yet, or unreadable: nothing to sweep this time
        return removed
    for folder in folders:
        pid = owner(folder)
        if pid is None or alive(pid):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            log.info("removed the scratch folder %s of dead process %d", folder, pid)
            removed.append(folder)
    return removed
