"""A real `python -m workers` killed with SIGKILL mid-transcode: another worker finishes the job."""

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from rq import Worker
from rq.registry import FailedJobRegistry

from tests.conftest import DATABASE_URL, REDIS_URL
from tests.videos.test_transcode import check_ladder, hls_keys, make_video, transcode_settings
from tests.workers.kit import spawn_worker
from watchparty.extensions import db
from watchparty.jobs import jobs
from watchparty.videos import pipeline
from watchparty.videos.models import PROCESSING, READY, Video

__all__ = ["transcode_settings"]  # the autouse fixture applies here too

pytestmark = pytest.mark.skipif(
    not (REDIS_URL and DATABASE_URL),
    reason="worker processes share jobs only through Redis and a server database: "
    "set TEST_REDIS_URL and TEST_DATABASE_URL",
)


def start_worker(app, name: str, tmp_path: Path) -> subprocess.Popen:
    """`python -m workers transcode` in its own process group, with a fast lease and sweep."""
    return spawn_worker(
        app,
        ["transcode", "--heartbeat", "0.5", "--sweep", "1"],
        tmp_path / f"{name}.log",
        TRANSCODE_PRESET="veryfast",
        HLS_SEGMENT_SECONDS="1",
        TRANSCODE_RETRIES=str(app.config["TRANSCODE_RETRIES"]),
    )


def until(predicate, timeout: float, what: str, logs: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        db.session.expire_all()
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    dumped = "\n".join(f"--- {p.name}\n{p.read_text()[-3000:]}" for p in logs.glob("*.log"))
    pytest.fail(f"timed out waiting for {what}\n{dumped}")


def descendants(pid: int) -> list[int]:
    """Every process below `pid`, from /proc."""
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found += [child, *descendants(child)]
    return found


def ffmpeg_pids(pid: int) -> list[int]:
    pids = []
    for child in descendants(pid):
        try:
            if b"-master_pl_name" in Path(f"/proc/{child}/cmdline").read_bytes():
                pids.append(child)
        except OSError:
            continue
    return pids


def gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


def stop_group(process: subprocess.Popen) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(10)


def test_a_worker_killed_mid_transcode_is_retried_by_an_idle_one(app, users, clips, tmp_path):
    # An abandoned job is retried at once here; a scheduled retry would wait for the killed
    # worker's scheduler lock to expire (about a minute) before another worker schedules it.
    app.config["TRANSCODE_BACKOFF"] = "0"
    video = make_video(users.create(), clips("10s.mp4", seconds=10))
    pipeline.start_processing(video.id)
    (job_id,) = jobs.queue("transcode").job_ids
    victim = start_worker(app, "victim", tmp_path)
    survivor = None
    try:
        until(lambda: db.session.get(Video, video.id).progress > 0, 90, "encoding", tmp_path)
        # The survivor waits idle: only its periodic sweep can notice the victim's death.
        survivor = start_worker(app, "survivor", tmp_path)
        until(lambda: len(Worker.all(connection=jobs.redis)) == 2, 30, "the survivor", tmp_path)
        encoders = until(lambda: ffmpeg_pids(victim.pid), 10, "the ffmpeg child", tmp_path)
        assert db.session.get(Video, video.id).progress < 99, "the clip encoded too fast"
        os.kill(victim.pid, signal.SIGKILL)  # kill -9: no handler, no cleanup, no goodbye
        victim.wait(10)
        # ffmpeg dies with its worker instead of encoding on for nobody.
        until(lambda: all(gone(pid) for pid in encoders), 10, "ffmpeg to die", tmp_path)
        stop_group(victim)  # anything of the killed worker's group still running
        half_done = db.session.get(Video, video.id)
        assert half_done.status == PROCESSING and half_done.hls_prefix is None

        done = until(
            lambda: (v := db.session.get(Video, video.id)).status != PROCESSING and v,
            120,
            "the retried job to finish",
            tmp_path,
        )
        assert done.status == READY, done.failure_reason
        assert done.attempts == 2 and done.progress == 100
        assert all(key.startswith(done.hls_prefix) for key in hls_keys(done))
        check_ladder(done)
        assert job_id not in FailedJobRegistry("transcode", connection=jobs.redis).get_job_ids()
        assert "transcode_video" in (tmp_path / "survivor.log").read_text()
    finally:
        stop_group(victim)
        if survivor is not None:
            stop_group(survivor)
