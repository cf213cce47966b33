"""Poster frames: one JPEG grabbed from the source at a point in time."""

import os
import posixpath
import secrets
import subprocess
import tempfile
import uuid
from pathlib import Path

from flask import current_app

from watchparty.extensions import db
from watchparty.storage import content_type, storage
from watchparty.videos import keys
from watchparty.videos.encode import EncodeError
from watchparty.videos.ffmpeg import ffmpeg_binary
from watchparty.videos.models import Video

POSTER_AT = 0.1  # of the duration
POSTER_MAX_SECONDS = 30.0
# Automatic posters are named poster-*; a transcode may replace only those (or none at all).
# Frames the owner picked (frame-*) and uploaded images stay.
AUTOMATIC = "poster-"
SCALE = "scale='min(iw,1280)':'min(ih,1280)':force_original_aspect_ratio=decrease"


def poster_time(duration: float | None) -> float:
    """Where the automatic poster is taken: 10% in, at most 30 s."""
    return min((duration or 0.0) * POSTER_AT, POSTER_MAX_SECONDS)


def replaceable(key: str | None) -> bool:
    """Whether a transcode may put its automatic poster in place of thumbnail `key`."""
    return key is None or posixpath.basename(key).startswith(AUTOMATIC)


def scratch_dir(kind: str) -> tempfile.TemporaryDirectory:
    """A temp folder under TRANSCODE_SCRATCH_DIR named `<pid>-<kind>-…` (swept if pid dies)."""
    root = Path(current_app.config["TRANSCODE_SCRATCH_DIR"])
    root.mkdir(parents=True, exist_ok=True)
    return tempfile.TemporaryDirectory(prefix=f"{os.getpid()}-{kind}-", dir=root)


def grab(source: Path, at: float, out: Path, timeout: float = 120) -> None:
    """Write the frame at `at` s of `source` to `out` as a JPEG (the first, if past the end)."""
    for seek in (max(0.0, at), 0.0):
        cmd = [ffmpeg_binary(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error"]
        cmd += ["-ss", f"{seek:.3f}", "-i", str(source), "-frames:v", "1", "-vf", SCALE]
        cmd += ["-q:v", "3", str(out)]
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)  # noqa: S603
        if result.returncode == 0 and out.is_file() and out.stat().st_size > 0:
            return
    raise EncodeError("Could not take a thumbnail frame from the video.")


def store(video_id: uuid.UUID, path: Path, kind: str = "poster") -> str:
    """Upload a grabbed frame under a fresh key; returns the key."""
    key = keys.thumbnail_key(video_id, f"{kind}-{secrets.token_hex(6)}")
    storage().save_path(key, path, content_type(key))
    return key


def drop_others(video_id: uuid.UUID, keep: str | None) -> None:
    """Delete every stored thumbnail of the video except `keep`."""
    folder = posixpath.dirname(keys.thumbnail_key(video_id, "x")) + "/"
    store_ = storage()
    for key in store_.list_prefix(folder):
        if key != keep:
            store_.delete(key)


def regenerate(video_id: uuid.UUID, timestamp: float) -> str | None:
    """Take a new thumbnail at `timestamp` from the source, point the video at it, drop the old."""
    video = db.session.get(Video, video_id)
    if video is None or not video.source_key or not video.width:
        return None  # deleted meanwhile, or audio only: nothing to grab
    at = max(0.0, min(float(timestamp), max(0.0, (video.duration or 0.0) - 0.05)))
    with (
        storage().local_copy(video.source_key) as source,
        scratch_dir("thumb") as work,
    ):
        frame = Path(work) / "frame.jpg"
        grab(source, at, frame, timeout=current_app.config["TRANSCODE_TIMEOUT"])
        key = store(video.id, frame, "frame")
    video.thumbnail_key = key
    db.session.commit()
    drop_others(video.id, key)
    return key
