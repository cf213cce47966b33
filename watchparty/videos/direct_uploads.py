"""Direct uploads: a presigned PUT straight to storage (or a relay through this server),
finished later by the complete call."""

import mimetypes
import uuid
from datetime import timedelta

from flask import current_app
from werkzeug.datastructures import FileStorage

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.videos import keys
from watchparty.videos.augmented import Augmented
from watchparty.videos.containers import ALLOWED
from watchparty.videos.models import DIRECT, PENDING, UPLOADING, Video, VideoUpload
from watchparty.videos.upload_limits import (
    check_upload,
    max_video_bytes,
    too_large,
    unsupported,
)
from watchparty.videos.uploads import checked_video

DEFAULT_TYPE = "application/octet-stream"


def _check_declared(filename: str | None, file_size: int | None) -> None:
    """Refuse what is visibly wrong before any byte moves: the size and the extension."""
    if file_size is not None and file_size > max_video_bytes():
        raise too_large("file_size")
    if filename is None:
        return
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in ALLOWED:
        raise unsupported("filename")


def _grant(upload: VideoUpload) -> dict:
    """The presigned PUT for an upload session, as clients receive it."""
    ttl = current_app.config["UPLOAD_URL_TTL"]
    put = storage().presigned_put(upload.storage_key, upload.content_type, ttl)
    return {
        "upload_id": upload.id,
        "upload_url": put["url"],
        "file_key": upload.storage_key,
        "method": put["method"],
        "headers": put["headers"],
        "expires_at": upload.expires_at,
    }


def _session(user, video_id, filename: str, size: int | None, content_type: str | None):
    """A new pending direct-upload row whose object key derives from its own id."""
    upload_id = uuid.uuid4()
    ttl = current_app.config["UPLOAD_URL_TTL"]
    guessed = mimetypes.guess_type(filename)[0] if filename else None
    upload = VideoUpload(
        id=upload_id,
        user_id=user.id,
        video_id=video_id,
        method=DIRECT,
        status=PENDING,
        storage_key=keys.upload_key(upload_id),
        filename=filename,
        content_type=content_type or guessed or DEFAULT_TYPE,
        declared_size=size,
        expires_at=utcnow() + timedelta(seconds=ttl),
    )
    db.session.add(upload)
    return upload


def presign(user, filename: str, file_size: int, content_type: str | None = None) -> dict:
    """Open a direct-upload session and grant a presigned PUT for it."""
    _check_declared(filename, file_size)
    upload = _session(user, None, filename, file_size, content_type)
    db.session.commit()
    return _grant(upload)


def create_video_for_upload(user, fields: dict) -> Augmented:
    """Create a video in `uploading`; it comes with the presigned PUT (`upload`) its bytes go to."""
    filename = fields.pop("filename", "")
    size = fields.pop("file_size", None)
    content_type = fields.pop("content_type", None)
    _check_declared(filename or None, size)
    check_upload(user, size)
    video = Video(id=uuid.uuid4(), owner_id=user.id, status=UPLOADING, **fields)
    video.original_filename = filename
    db.session.add(video)
    db.session.flush()  # the video row exists before the upload row points at it
    upload = _session(user, video.id, filename, size, content_type)
    db.session.commit()
    return Augmented(video, upload=_grant(upload))


def relay_upload(user, file: FileStorage | None) -> dict:
    """Store a multipart file where a direct upload would land; complete turns it into a video."""
    size, _container = checked_video(file, "file")
    upload = _session(user, None, (file.filename or "")[:255], size, file.mimetype)
    try:
        storage().save_file(upload.storage_key, file.stream, upload.content_type)
        db.session.commit()
    except Exception:
        db.session.rollback()
        storage().delete(upload.storage_key)
        raise
    return {
        "success": True,
        "upload_id": upload.id,
        "file_key": upload.storage_key,
        "size": size,
        "expires_at": upload.expires_at,
    }
