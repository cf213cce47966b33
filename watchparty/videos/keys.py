"""Where a video's objects live in storage: one private prefix per video."""

import uuid

from watchparty.storage import PRIVATE


def video_prefix(video_id: uuid.UUID) -> str:
    """Everything of one video sits under this prefix (deleted together)."""
    return f"{PRIVATE}videos/{video_id}/"


def source_key(video_id: uuid.UUID) -> str:
    """The uploaded original."""
    return f"{video_prefix(video_id)}source"


def upload_key(upload_id: uuid.UUID) -> str:
    """Where a direct (presigned) upload lands before it becomes a video."""
    return f"{PRIVATE}uploads/{upload_id}/source"


def hls_prefix(video_id: uuid.UUID, version: str) -> str:
    """One transcode's output; published by pointing the video at it."""
    return f"{video_prefix(video_id)}hls/{version}/"


def thumbnail_key(video_id: uuid.UUID, version: str) -> str:
    """One generated poster image."""
    return f"{video_prefix(video_id)}thumbs/{version}.jpg"


def subtitle_key(video_id: uuid.UUID, track_id: uuid.UUID) -> str:
    """A subtitle track's WebVTT, beside the video's HLS output (deleted with the video)."""
    return f"{video_prefix(video_id)}subtitles/{track_id}.vtt"
