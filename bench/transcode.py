"""The transcoding worker's wall time against the same ffmpeg ladder command run by hand.

Generates a clip (default 60 s of 1080p test pattern and tone), then alternates, for several
rounds: the ladder command alone (subprocess, output to a temp dir), and the worker's whole
job (`watchparty.videos.transcode.transcode`: probe with a packet scan, the same command with
progress tracking and throttled commits, the poster frame, the upload to storage, the swap
commit and the sweep) on an embedded app (SQLite, local storage). Prints the median of each,
the overhead in percent (target <= 5 %), and the command that reproduces the run:

    .venv/bin/python bench/transcode.py --seconds 60 --size 1920x1080 --rounds 3
"""

import argparse
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.videos.clips import make_clip  # noqa: E402
from watchparty import create_app  # noqa: E402
from watchparty.extensions import db  # noqa: E402
from watchparty.storage import storage  # noqa: E402
from watchparty.users.models import User  # noqa: E402
from watchparty.videos import keys, ladder  # noqa: E402
from watchparty.videos.ffmpeg import ffmpeg_binary  # noqa: E402
from watchparty.videos.models import PROCESSING, Video  # noqa: E402
from watchparty.videos.probe import probe  # noqa: E402
from watchparty.videos.transcode import transcode  # noqa: E402


def parse_args() -> argparse.Namespace:
    """Clip and run options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--size", default="1920x1080")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--preset", help="TRANSCODE_PRESET (default: the app's)")
    parser.add_argument("--threads", type=int, help="TRANSCODE_THREADS (default: the app's)")
    return parser.parse_args()


def make_app(folder: Path, args: argparse.Namespace):
    """An embedded app on a throwaway SQLite file and media folder."""
    config = {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}",
        "REDIS_URL": None,
        "RATELIMIT_STORAGE_URI": "memory://",
        "MEDIA_ROOT": str(folder / "media"),
        "INSTANCE_PATH": str(folder),
        "ASYNC_MODE": "threading",
        "SECRET_KEY": "bench-secret-key-that-is-long-enough-0123456789",
    }
    if args.preset:
        config["TRANSCODE_PRESET"] = args.preset
    if args.threads is not None:
        config["TRANSCODE_THREADS"] = args.threads
    app = create_app(config)
    with app.app_context():
        db.create_all()
    return app


def by_hand(app, clip: Path, folder: Path) -> tuple[float, list[str]]:
    """The ladder command the worker would run, alone; (seconds, command)."""
    config = app.config
    info = probe(clip, scan=False)
    rungs = ladder.rungs(
        info["width"], info["height"], ladder.parse_ladder(config["TRANSCODE_LADDER"])
    )
    with tempfile.TemporaryDirectory(dir=folder) as out:
        (Path(out) / "hls").mkdir()
        cmd = ladder.command(
            ffmpeg_binary(),
            clip,
            Path(out) / "hls",
            rungs,
            has_audio=info["has_audio"],
            segment_seconds=config["HLS_SEGMENT_SECONDS"],
            preset=config["TRANSCODE_PRESET"],
            threads=config["TRANSCODE_THREADS"],
        )
        started = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        return time.perf_counter() - started, cmd


def by_worker(video_id) -> float:
    """The worker's whole job for one video, from a fresh `processing` state."""
    video = db.session.get(Video, video_id)
    video.status, video.attempts, video.progress = PROCESSING, 0, 0
    db.session.commit()
    started = time.perf_counter()
    transcode(video_id)
    elapsed = time.perf_counter() - started
    db.session.expire_all()
    assert db.session.get(Video, video_id).status == "ready", "the worker did not finish"
    return elapsed


def main() -> None:
    """Run the rounds and print the comparison."""
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="wp-bench-") as tmp:
        folder = Path(tmp)
        print(f"making a {args.seconds:g} s {args.size} clip ...", flush=True)
        clip = make_clip(folder / "clip.mp4", seconds=args.seconds, size=args.size)
        app = make_app(folder, args)
        with app.app_context():
            owner = User(email="bench@example.com", password_hash=None, first_name="Bench")
            db.session.add(owner)
            db.session.flush()
            video = Video(owner_id=owner.id, title="Bench", status=PROCESSING)
            db.session.add(video)
            db.session.flush()
            video.source_key = keys.source_key(video.id)
            storage().save_path(video.source_key, clip)
            db.session.commit()
            hand, worker, cmd = [], [], []
            for round_ in range(1, args.rounds + 1):
                seconds, cmd = by_hand(app, clip, folder)
                hand.append(seconds)
                worker.append(by_worker(video.id))
                print(f"round {round_}: by hand {hand[-1]:.2f} s, worker {worker[-1]:.2f} s")
    report(args, hand, worker, cmd)


def report(args, hand: list[float], worker: list[float], cmd: list[str]) -> None:
    """Medians, overhead and how to reproduce."""
    h, w = statistics.median(hand), statistics.median(worker)
    print(f"\nclip: {args.seconds:g} s {args.size}, {args.rounds} rounds (medians)")
    print(f"ffmpeg ladder by hand: {h:.2f} s")
    print(f"worker job:            {w:.2f} s")
    print(f"overhead:              {100 * (w - h) / h:+.1f} % (target <= 5 %)")
    print("\nthe ladder command (paths from the last round):")
    print("  " + shlex.join(cmd))
    print("reproduce:")
    print(
        f"  .venv/bin/python bench/transcode.py --seconds {args.seconds:g} --size {args.size}"
        f" --rounds {args.rounds}"
    )


if __name__ == "__main__":
    main()
