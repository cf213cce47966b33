"""Finishing a direct upload, reporting an upload's status, and signed URLs to uploaded files."""

import uuid
from datetime import timedelta

from flask import current_app
from redis.exceptions import RedisError
from sqlalchemy import select, update

from watchparty.common.types import utcnow
from watchparty.errors import AppError, Conflict, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.videos import pipeline
from watchparty.videos.containers import HEAD_BYTES, sniff
from watchparty.videos.models import COMPLETED, PENDING, UPLOADING, Video, VideoUpload
from watchparty.videos.upload_limits import (
    check_upload,
    max_video_bytes,
    queue_unavailable,
    too_large,
    unsupported,
)


def _own_upload(user, upload_id: uuid.UUID) -> VideoUpload:
    """The caller's upload session; anyone else's is a 404, like a missing one."""
    upload = db.session.get(VideoUpload, upload_id)
    if upload is None or upload.user_id != user.id:
        raise NotFound("Upload not found")
    return upload


def _expired(upload: VideoUpload) -> bool:
    """Past the URL's expiry plus a grace (UPLOAD_COMPLETE_GRACE, default UPLOAD_URL_TTL) in
    which a PUT that started in time may still finish and be completed."""
    if upload.expires_at is None:
        return False
    grace = current_app.config["UPLOAD_COMPLETE_GRACE"]
    return utcnow() > upload.expires_at + timedelta(seconds=grace)


def _checked_object(upload: VideoUpload) -> tuple[int, str]:
    """The uploaded object's real size and container; refused objects are deleted."""
    key = upload.storage_key
    size = storage().size(key)
    if size is None:
        raise ValidationError(
            "The file has not been uploaded yet.",
            errors={"video_file": ["Not uploaded yet: PUT the file to upload_url first."]},
        )
    if size > max_video_bytes():
        storage().delete(key)
        raise too_large()
    container = sniff(storage().read_head(key, HEAD_BYTES)) if size else None
    if container is None:
        storage().delete(key)
        raise unsupported()
    return size, container


def complete(user, upload_id: uuid.UUID, fields: dict) -> tuple[Video, VideoUpload]:
    """Turn the caller's uploaded object into a video (new, or the one created for it) and
    start processing it; a second complete is a 409."""
    upload = _own_upload(user, upload_id)
    if upload.status != PENDING:
        raise Conflict("This upload was already completed.")
    if _expired(upload):
        storage().delete(upload.storage_key)
        raise AppError("This upload has expired; start a new one.", code="gone", status=410)
    video = db.session.get(Video, upload.video_id) if upload.video_id else None
    if video is None and not fields.get("title"):
        raise ValidationError(
            "Invalid input: check the fields in `errors`.",
            errors={"title": ["Missing data for required field."]},
        )
    size, container = _checked_object(upload)
    check_upload(user, size, new_video=video is None)
    # Claim the session with a conditional UPDATE: of two racing completes, one wins.
    claim = update(VideoUpload).where(VideoUpload.id == upload.id, VideoUpload.status == PENDING)
    if db.session.execute(claim.values(status=COMPLETED)).rowcount != 1:
        db.session.rollback()
        raise Conflict("This upload was already completed.")
    created = video is None
    if created:
        video = Video(id=uuid.uuid4(), owner_id=user.id)
        db.session.add(video)
    for name, value in fields.items():
        setattr(video, name, value)
    video.source_key = upload.storage_key
    video.file_size = size
    video.format = container
    video.original_filename = upload.filename or video.original_filename
    db.session.flush()  # the video row exists before the upload points at it
    upload.video_id = video.id
    db.session.commit()
    try:
        pipeline.start_processing(video.id)
    except Exception as error:
        _reopen(upload.id, video.id, created)
        if isinstance(error, RedisError):
            raise queue_unavailable() from error
        raise
    return video, upload


def _reopen(upload_id: uuid.UUID, video_id: uuid.UUID, created: bool) -> None:
    """Undo a completion whose processing could not start; the object stays for a retry."""
    db.session.rollback()
    upload = db.session.get(VideoUpload, upload_id)
    upload.status = PENDING
    if created:
        upload.video_id = None
        db.session.flush()
        db.session.delete(db.session.get(Video, video_id))
    else:
        db.session.get(Video, video_id).status = UPLOADING
    db.session.commit()


def upload_status(user, upload_id: uuid.UUID) -> dict:
    """Where the caller's upload stands: `uploading` until completed, then its video's
    processing status and progress."""
    upload = _own_upload(user, upload_id)
    video = db.session.get(Video, upload.video_id) if upload.video_id else None
    status = {"upload_id": upload.id, "video_id": upload.video_id}
    if video is None or upload.status == PENDING:
        return status | {
            "status": UPLOADING,
            "progress": 0,
            "estimated_completion": None,
            "failure_reason": None,
            "processing_steps": {},
        }
    return status | {
        "status": video.status,
        "progress": video.progress,
        "estimated_completion": video.estimated_completion,
        "failure_reason": video.failure_reason,
        "processing_steps": video.processing_steps or {},
    }


def streaming_url(user, file_key: str) -> dict:
    """A signed, expiring URL to a file the caller uploaded; 404 for anything else."""
    owned = select(VideoUpload.id).where(
        VideoUpload.storage_key == file_key, VideoUpload.user_id == user.id
    )
    if db.session.scalar(owned.limit(1)) is None or not storage().exists(file_key):
        raise NotFound("File not found")
    ttl = current_app.config["PLAYBACK_URL_TTL"]
    return {
        "streaming_url": storage().signed_url(file_key, ttl),
        "file_key": file_key,
        "expires_at": utcnow() + timedelta(seconds=ttl),
    }
