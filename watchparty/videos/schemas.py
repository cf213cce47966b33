"""Video representations: the client's `Video` (seeds 001/003/004 field names, both kept)."""

import marshmallow as ma
from flask import current_app

from watchparty.common.schemas import UTCDateTimeField
from watchparty.users.schemas import UserBriefSchema


def format_size(size: int | None) -> str | None:
    """`15.2 MB`, as seed 001 shows sizes."""
    if size is None:
        return None
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return None


def format_duration(seconds: float | None) -> str | None:
    """`HH:MM:SS`."""
    if seconds is None:
        return None
    whole = int(round(seconds))
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def thumbnail_url(video) -> str | None:
    """The thumbnail's API URL (it redirects to a signed storage URL), once there is one."""
    if not video.thumbnail_key:
        return None
    return f"{current_app.config['FRONTEND_URL']}/api/videos/{video.id}/thumbnail/"


class VideoSchema(ma.Schema):
    """A video as every client parses it."""

    id = ma.fields.UUID(dump_only=True)
    title = ma.fields.String()
    description = ma.fields.String()
    category = ma.fields.String(allow_none=True)
    tags = ma.fields.List(ma.fields.String())
    visibility = ma.fields.String()
    is_public = ma.fields.Function(lambda v: v.visibility == "public")
    allow_download = ma.fields.Boolean()
    require_premium = ma.fields.Boolean()
    status = ma.fields.String()
    failure_reason = ma.fields.String(allow_none=True)
    progress = ma.fields.Integer()
    uploaded_by = ma.fields.Nested(UserBriefSchema, attribute="owner")
    uploader = ma.fields.Nested(UserBriefSchema, attribute="owner")
    thumbnail_url = ma.fields.Function(thumbnail_url, allow_none=True)
    thumbnail = ma.fields.Function(thumbnail_url, allow_none=True)
    duration = ma.fields.Float(allow_none=True)
    duration_formatted = ma.fields.Function(lambda v: format_duration(v.duration))
    file_size = ma.fields.Integer(allow_none=True)
    file_size_formatted = ma.fields.Function(lambda v: format_size(v.file_size))
    format = ma.fields.String(allow_none=True)
    resolution = ma.fields.Function(lambda v: f"{v.width}x{v.height}" if v.width else None)
    width = ma.fields.Integer(allow_none=True)
    height = ma.fields.Integer(allow_none=True)
    video_codec = ma.fields.String(allow_none=True)
    audio_codec = ma.fields.String(allow_none=True)
    quality_variants = ma.fields.Function(lambda v: [item["quality"] for item in v.variants])
    views_count = ma.fields.Integer()
    view_count = ma.fields.Integer(attribute="views_count")
    likes_count = ma.fields.Integer()
    like_count = ma.fields.Integer(attribute="likes_count")
    comments_count = ma.fields.Integer()
    shares_count = ma.fields.Integer()
    uploaded_at = UTCDateTimeField(attribute="created_at")
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()


def dump_video(video) -> dict:
    """One video as the API shows it."""
    return VideoSchema().dump(video)
