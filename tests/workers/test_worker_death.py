"""A real `python -m workers` killed with SIGKILL: its scheduler dies too, its scratch is swept."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DATABASE_URL, REDIS_URL
from tests.videos.test_transcode_worker import descendants, gone, stop_group
from tests.workers.kit import spawn_worker
from watchparty.videos import thumbnails
from workers import scratch

pytestmark = pytest.mark.skipif(
    not (REDIS_URL and DATABASE_URL),
    reason="a real worker process needs Redis and a server database: "
    "set TEST_REDIS_URL and TEST_DATABASE_URL",
)


def start_worker(app, folder: Path, tmp_path: Path) -> subprocess.Popen:
    """`python -m workers email` in its own process group, scratch folders under `folder`."""
    args = ["email", "--sweep", "1"]
    return spawn_worker(app, args, tmp_path / "worker.log", TRANSCODE_SCRATCH_DIR=str(folder))


def until(predicate, timeout: float, what: str, tmp_path: Path):
    """The predicate's first truthy value within `timeout` s, else fail with the worker's log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}\n{(tmp_path / 'worker.log').read_text()[-3000:]}")


def dead_pid() -> int:
    """The pid of a process that has just exited (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


def test_the_scheduler_dies_with_a_worker_killed_with_sigkill(app, tmp_path):
    worker = start_worker(app, tmp_path / "scratch", tmp_path)
    try:
        (scheduler,) = until(lambda: descendants(worker.pid), 30, "the scheduler child", tmp_path)
        time.sleep(0.5)  # past the fork, into the scheduler's loop
        assert not gone(scheduler)
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait(10)
        until(lambda: gone(scheduler), 5, "the orphaned scheduler to die", tmp_path)
    finally:
        stop_group(worker)


def test_a_starting_worker_removes_scratch_folders_of_dead_processes_only(app, tmp_path):
    folder = tmp_path / "scratch"
    dead = folder / f"{dead_pid()}-transcode-abc123"
    (dead / "hls").mkdir(parents=True)
    (dead / "hls" / "segment0.ts").write_bytes(b"x" * 1024)
    alive = folder / f"{os.getpid()}-thumb-def456"
    alive.mkdir()
    unrelated = folder / "notes"
    unrelated.mkdir()
    worker = start_worker(app, folder, tmp_path)
    try:
        until(lambda: not dead.exists(), 30, "the dead worker's scratch to go", tmp_path)
        assert alive.is_dir() and unrelated.is_dir()
    finally:
        stop_group(worker)


def test_scratch_folders_are_made_under_the_setting_named_after_their_process(app, tmp_path):
    app.config["TRANSCODE_SCRATCH_DIR"] = str(tmp_path / "made-on-demand")
    with thumbnails.scratch_dir("transcode") as work:
        path = Path(work)
        assert path.parent == tmp_path / "made-on-demand"
        assert scratch.owner(path) == os.getpid()
        assert scratch.sweep(path.parent) == []  # its owner is alive
    assert not path.exists()
