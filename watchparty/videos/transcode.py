"""The transcoding service the `transcode` job runs: probe, encode aside, publish, clean up."""

import logging
import secrets
import uuid
from pathlib import Path

from flask import current_app
from sqlalchemy import update

from watchparty.errors import NotFound
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.videos import encode, keys, ladder, notices, progress, publish, thumbnails
from watchparty.videos.encode import EncodeError
from watchparty.videos.ffmpeg import ffmpeg_binary
from watchparty.videos.models import FAILED, PROCESSING, Video
from watchparty.videos.probe import ProbeError, probe

log = logging.getLogger(__name__)
MISSING_SOURCE = "The uploaded file is missing; upload the video again."
INTERNAL = "Processing stopped on an internal error."


class TranscodeFailed(Exception):
    """One attempt failed in a way another attempt may fix (RQ retries the job)."""


def transcode(video_id: uuid.UUID) -> None:
    """Turn the video's source into a published HLS ladder, or record why it cannot be."""
    attempt = _begin(video_id)
    if attempt is None:
        return  # deleted, or a newer attempt already finished it
    video = db.session.get(Video, video_id)
    if video is None:
        return
    try:
        _attempt(video, attempt)
    except ProbeError as exc:
        _reject(video, exc.reason)
    except NotFound:
        _reject(video, MISSING_SOURCE)
    except Exception as exc:
        db.session.rollback()
        reason = exc.reason if isinstance(exc, EncodeError) else INTERNAL
        log.warning("transcode of %s, attempt %d failed: %s", video_id, attempt, exc, exc_info=True)
        _attempt_failed(video, attempt, reason)
        raise TranscodeFailed(reason) from exc


def _begin(video_id: uuid.UUID) -> int | None:
    """Count the attempt (atomically: it is also this attempt's right to publish)."""
    attempt = db.session.execute(
        update(Video)
        .where(Video.id == video_id, Video.status == PROCESSING)
        .values(attempts=Video.attempts + 1)
        .returning(Video.attempts)
        .execution_options(synchronize_session=False)
    ).scalar()
    db.session.commit()
    return attempt


def _attempt(video: Video, attempt: int) -> None:
    """Probe, encode into a temp dir, grab a poster, then publish: nothing is visible before."""
    _steps(video, transcoding="in_progress")
    progress.emit(video, "probing")
    with (
        _source(video) as source,
        thumbnails.scratch_dir("transcode") as work,
    ):
        info = probe(source)
        _record(video, info, source)
        rungs = ladder.rungs(info["width"], info["height"], _ladder_setting())
        out = Path(work) / "hls"
        _encode(video, attempt, source, out, rungs, info)
        poster = _poster(video, source, Path(work) / "poster.jpg")
        _steps(video, transcoding="completed", quality_variants="completed")
        progress.emit(video, "publishing")
        _publish(video, attempt, out, rungs, poster)


def _source(video: Video):
    """A local path to the source for the block (S3 downloads it; NotFound when it is gone)."""
    if not video.source_key:
        raise ProbeError(MISSING_SOURCE)
    return storage().local_copy(video.source_key)


def _record(video: Video, info: dict, source: Path) -> None:
    """Store what the probe found; a source with no length is not playable."""
    if not info["duration"] or info["duration"] <= 0:
        raise ProbeError("The file has no playable duration.")
    for field in ("format", "duration", "width", "height", "video_codec", "audio_codec"):
        setattr(video, field, info[field])
    video.bitrate = info["bitrate"]
    video.file_size = source.stat().st_size
    db.session.commit()


def _encode(video, attempt, source, out: Path, rungs: list, info: dict) -> None:
    """Run the ladder command into `out`, tracking progress on the video."""
    config = current_app.config
    out.mkdir()
    cmd = ladder.command(
        ffmpeg_binary(),
        source,
        out,
        rungs,
        has_audio=info["has_audio"],
        segment_seconds=config["HLS_SEGMENT_SECONDS"],
        preset=config["TRANSCODE_PRESET"],
        threads=config["TRANSCODE_THREADS"],
    )
    _steps(video, quality_variants="in_progress")
    tracker = progress.Tracker(video, attempt, info["duration"])
    encode.run(cmd, tracker, timeout=config["TRANSCODE_TIMEOUT"])


def _poster(video: Video, source: Path, path: Path) -> Path | None:
    """Grab the automatic poster, unless there is no picture or the owner chose one."""
    if not video.width or not thumbnails.replaceable(video.thumbnail_key):
        return None
    _steps(video, thumbnail_generation="in_progress")
    progress.emit(video, "thumbnail_generation")
    thumbnails.grab(source, thumbnails.poster_time(video.duration), path)
    _steps(video, thumbnail_generation="completed")
    return path


def _publish(video: Video, attempt: int, out: Path, rungs: list, poster: Path | None) -> None:
    """Upload under a fresh version, swap the video onto it, sweep the rest."""
    version = secrets.token_hex(8)
    prefix = keys.hls_prefix(video.id, version)
    publish.upload(out, prefix)
    poster_key = thumbnails.store(video.id, poster) if poster else None
    fields = {
        "hls_prefix": prefix,
        "variants": [rung.variant() for rung in rungs],
        "qualities": ladder.qualities(rungs),
    }
    video_id = video.id
    if not publish.swap(video_id, attempt, fields, poster_key):
        # A newer attempt owns the video now: this output is an orphan.
        storage().delete_prefix(prefix)
        if poster_key:
            storage().delete(poster_key)
        return
    video = db.session.get(Video, video_id)
    db.session.refresh(video)
    publish.sweep(video.id, video.hls_prefix, video.thumbnail_key)
    progress.emit(video, "ready")
    notices.processed(video)


def _steps(video: Video, **changes: str) -> None:
    """Update some processing steps and commit."""
    video.processing_steps = {**(video.processing_steps or {}), **changes}
    db.session.commit()


def _reject(video: Video, reason: str) -> None:
    """Final: the file is not usable media. Record why, drop the source, publish nothing."""
    db.session.rollback()
    video.status = FAILED
    video.failure_reason = reason
    video.processing_steps = _failed_steps(video)
    source_key, video.source_key = video.source_key, None
    db.session.commit()
    if source_key:
        storage().delete(source_key)
    publish.sweep(video.id, video.hls_prefix, video.thumbnail_key)
    progress.emit(video, "failed")
    notices.processed(video)


def _attempt_failed(video: Video, attempt: int, reason: str) -> None:
    """Record a failed attempt: final (status failed) once the retries are used up."""
    video = db.session.get(Video, video.id)
    if video is None or video.attempts != attempt:
        return
    if attempt > current_app.config["TRANSCODE_RETRIES"]:
        video.status = FAILED
        video.failure_reason = f"Transcoding failed after {attempt} attempts: {reason}"[:500]
        video.processing_steps = _failed_steps(video)
        step = "failed"
    else:
        video.failure_reason = f"Attempt {attempt} failed, retrying: {reason}"[:500]
        step = "retrying"
    db.session.commit()
    if video.status == FAILED:
        publish.sweep(video.id, video.hls_prefix, video.thumbnail_key)
    progress.emit(video, step)
    if video.status == FAILED:
        notices.processed(video)


def _failed_steps(video: Video) -> dict:
    """Every step not completed becomes failed."""
    steps = dict(video.processing_steps or {})
    return {name: ("failed" if state != "completed" else state) for name, state in steps.items()}


def _ladder_setting() -> list[int]:
    """TRANSCODE_LADDER as a list of sizes."""
    return ladder.parse_ladder(current_app.config["TRANSCODE_LADDER"])
