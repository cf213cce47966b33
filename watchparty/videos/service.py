"""Changing and removing videos: owner-only update and delete, processing status, thumbnails."""

import logging
import uuid
from collections.abc import Callable

from sqlalchemy import delete, select

from watchparty.common.hooks import Hook
from watchparty.errors import Conflict, ValidationError
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.videos import keys, pipeline
from watchparty.videos.access import owned_video
from watchparty.videos.engagement_models import (
    CommentLike,
    VideoComment,
    VideoLike,
    VideoShare,
    VideoView,
)
from watchparty.videos.models import READY, Video, VideoUpload

log = logging.getLogger(__name__)


def update_video(user, video_id: uuid.UUID, changes: dict) -> Video:
    """Apply validated partial changes (owner only). Commits."""
    video = owned_video(user, video_id)
    for key, value in changes.items():
        setattr(video, key, value)
    db.session.commit()
    return video


# Domains that point at videos (parties play them) let go of the ids here, without a commit.
detaching = Hook("videos.detaching")


def _detach(video_ids) -> list[str]:
    """Remove every row hanging off the videos, without committing; the upload keys to purge.

    The foreign keys cascade on PostgreSQL; doing it here as well keeps SQLite (whose foreign
    keys are off by default) from keeping orphans or parties pointing at a missing video."""

    upload_keys = db.session.scalars(
        select(VideoUpload.storage_key).where(VideoUpload.video_id.in_(video_ids))
    ).all()
    comments = select(VideoComment.id).where(VideoComment.video_id.in_(video_ids))
    db.session.execute(delete(CommentLike).where(CommentLike.comment_id.in_(comments)))
    for model in (VideoComment, VideoLike, VideoView, VideoShare, VideoUpload):
        db.session.execute(delete(model).where(model.video_id.in_(video_ids)))
    detaching.run(video_ids)
    db.session.execute(delete(Video).where(Video.id.in_(video_ids)))
    return list(upload_keys)


def purge_objects(video_ids, upload_keys) -> None:
    """Delete the videos' storage objects (call after the commit: a rollback keeps them)."""
    store = storage()
    for video_id in video_ids:
        try:
            store.delete_prefix(keys.video_prefix(video_id))
        except Exception:  # the row is gone either way: log the orphans, do not fail
            log.exception("could not delete the storage objects of video %s", video_id)
    for key in upload_keys:
        try:
            store.delete(key)
        except Exception:
            log.exception("could not delete upload object %s", key)


def delete_video(user, video_id: uuid.UUID) -> None:
    """Delete a video (owner only): the row and its dependants, then its storage objects."""
    video = owned_video(user, video_id)
    upload_keys = _detach([video.id])
    db.session.commit()
    purge_objects([video_id], upload_keys)


def remove_any(video_id: uuid.UUID) -> list[str]:
    """Staff removal of any video (the caller checked the role and commits): its rows go,
    it leaves its parties; returns the upload keys to purge with `tasks.purge_video`."""
    return _detach([video_id])


def remove_owned_by(user) -> Callable[[], None] | None:
    """Account deletion: drop the user's videos in its transaction; objects after the commit."""
    video_ids = db.session.scalars(select(Video.id).where(Video.owner_id == user.id)).all()
    if not video_ids:
        return None
    upload_keys = _detach(video_ids)
    return lambda: purge_objects(video_ids, upload_keys)


def processing_status(user, video_id: uuid.UUID) -> dict:
    """Where the video's processing stands (owner only)."""
    video = owned_video(user, video_id)
    return {
        "video_id": video.id,
        "status": video.status,
        "progress": video.progress,
        "processing_steps": video.processing_steps or {},
        "estimated_completion": video.estimated_completion,
        "failure_reason": video.failure_reason,
        "attempts": video.attempts,
    }


def request_thumbnail(user, video_id: uuid.UUID, timestamp: float) -> None:
    """Queue a new poster frame at `timestamp` (owner; ready; within the video)."""
    video = owned_video(user, video_id)
    if video.status != READY:
        raise Conflict(f"The video is not ready (status: {video.status}).", code="video_not_ready")
    if timestamp < 0 or (video.duration is not None and timestamp > video.duration):
        bound = f"{video.duration:g}" if video.duration is not None else "the duration"
        message = f"Must be between 0 and {bound} seconds."
        raise ValidationError(message, errors={"timestamp": [message]})
    pipeline.regenerate_thumbnail(video.id, timestamp)
