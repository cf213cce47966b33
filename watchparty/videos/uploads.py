"""Multipart uploads: the body capped while it streams, the file sniffed, then stored."""

import io
import uuid

from PIL import Image, ImageOps
from redis.exceptions import RedisError
from sqlalchemy import delete
from werkzeug.datastructures import FileStorage

from watchparty.errors import TooLarge, UnsupportedMedia, ValidationError
from watchparty.extensions import db
from watchparty.storage import storage
from watchparty.storage.images import IMAGE_ERRORS
from watchparty.videos import keys, pipeline
from watchparty.videos.containers import HEAD_BYTES, sniff
from watchparty.videos.models import COMPLETED, FORM, Video, VideoUpload
from watchparty.videos.upload_limits import (
    check_upload,
    max_thumbnail_bytes,
    max_video_bytes,
    queue_unavailable,
    too_large,
    unsupported,
)

THUMBNAIL_SIDE = 1280


def checked_video(file: FileStorage | None, field: str = "video_file") -> tuple[int, str]:
    """The spooled upload's size and container; 400 missing/empty, 413 too big, 415 not video."""
    missing = ValidationError(
        f"Send the video as multipart field `{field}`.",
        errors={field: ["No file was submitted."]},
    )
    if file is None:
        raise missing
    stream = file.stream
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    stream.seek(0)
    if size == 0:
        if not file.filename:  # an empty file input: the browser sent no file
            raise missing
        raise ValidationError("The submitted file is empty.", errors={field: ["Empty file."]})
    if size > max_video_bytes():
        raise too_large(field)
    container = sniff(stream.read(HEAD_BYTES))
    stream.seek(0)
    if container is None:
        raise unsupported(field)
    return size, container


def thumbnail_jpeg(file: FileStorage) -> bytes:
    """A custom thumbnail verified and redrawn as JPEG (at most 1280 px a side, no metadata)."""
    limit = max_thumbnail_bytes()
    data = file.stream.read(limit + 1)
    if len(data) > limit:
        text = f"The thumbnail must be at most {limit // 1024} KiB."
        raise TooLarge(text, errors={"thumbnail": [text]})
    refused = UnsupportedMedia(
        "The thumbnail must be a JPEG, PNG, GIF or WebP image.",
        errors={"thumbnail": ["Not a supported image."]},
    )
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in {"JPEG", "PNG", "GIF", "WEBP"}:
                raise refused
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:  # verify() spent the first one
            image = ImageOps.exif_transpose(image)
            image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
            out = io.BytesIO()
            image.convert("RGB").save(out, "JPEG", quality=88)
            return out.getvalue()
    except IMAGE_ERRORS as error:
        raise refused from error


def discard_video(video_id: uuid.UUID) -> None:
    """Undo a failed upload: its rows (committed or not) and every object under its prefix."""
    db.session.rollback()
    db.session.execute(delete(VideoUpload).where(VideoUpload.video_id == video_id))
    db.session.execute(delete(Video).where(Video.id == video_id))
    db.session.commit()
    storage().delete_prefix(keys.video_prefix(video_id))


def upload_video(
    user, fields: dict, file: FileStorage | None, thumbnail: FileStorage | None
) -> tuple[Video, VideoUpload]:
    """Store a multipart upload as a new video and start processing it; nothing is left
    behind when any step fails."""
    size, container = checked_video(file)
    check_upload(user, size)
    poster = thumbnail_jpeg(thumbnail) if thumbnail and thumbnail.filename else None
    video_id = uuid.uuid4()
    source = keys.source_key(video_id)
    try:
        # A copy in chunks from Werkzeug's spooled temp file: never whole in memory.
        storage().save_file(source, file.stream, file.mimetype or None)
        video = Video(
            id=video_id,
            owner_id=user.id,
            **fields,
            source_key=source,
            file_size=size,
            format=container,
            original_filename=(file.filename or "")[:255],
        )
        if poster is not None:
            video.thumbnail_key = keys.thumbnail_key(video_id, "custom")
            storage().save(video.thumbnail_key, poster, "image/jpeg")
        db.session.add(video)
        db.session.flush()  # the video row exists before the upload row points at it
        upload = VideoUpload(
            user_id=user.id,
            video_id=video_id,
            method=FORM,
            status=COMPLETED,
            storage_key=source,
            filename=video.original_filename,
            content_type=(file.mimetype or "")[:100],
            declared_size=size,
        )
        db.session.add(upload)
        db.session.commit()
        pipeline.start_processing(video_id)
    except Exception as error:
        discard_video(video_id)
        if isinstance(error, RedisError):
            raise queue_unavailable() from error
        raise
    return video, upload


def as_result(video: Video, upload: VideoUpload) -> dict:
    """An upload that became a video, for UploadResultSchema: the ids, its status, the video."""
    return {
        "success": True,
        "upload_id": upload.id,
        "video_id": video.id,
        "status": video.status,
        "video": video,
    }
