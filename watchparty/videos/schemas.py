"""Video representations: the client's `Video` (seeds 001/003/004 field names, both kept)."""

import marshmallow as ma
from flask import current_app

from watchparty.common.schemas import MessageSchema, UTCDateTimeField
from watchparty.users.schemas import UserBriefSchema
from watchparty.videos.subtitle_schemas import SubtitleTrackSchema


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
    """The thumbnail's API URL (it redirects to a signed storage URL), once there is one.

    A private video's URL carries a poster-only token, so an <img> (which sends no
    Authorization header) can load it for whoever was shown this JSON."""
    if not video.thumbnail_key:
        return None
    url = f"{current_app.config['FRONTEND_URL']}/api/videos/{video.id}/thumbnail/"
    if video.visibility == "private":
        from watchparty.videos import playback_tokens

        url += f"?token={playback_tokens.issue(video.id, None, playback_tokens.THUMBNAIL)}"
    return url


# OpenAPI types of the computed (Function) fields below.
BOOLEAN = {"type": "boolean"}
TEXT = {"type": "string"}
TEXTS = {"type": "array", "items": {"type": "string"}}


class VideoSchema(ma.Schema):
    """A video as every client parses it."""

    id = ma.fields.UUID(dump_only=True)
    title = ma.fields.String()
    description = ma.fields.String()
    category = ma.fields.String(allow_none=True)
    tags = ma.fields.List(ma.fields.String())
    visibility = ma.fields.String()
    is_public = ma.fields.Function(lambda v: v.visibility == "public", metadata=BOOLEAN)
    allow_download = ma.fields.Boolean()
    require_premium = ma.fields.Boolean()
    status = ma.fields.String()
    failure_reason = ma.fields.String(allow_none=True)
    progress = ma.fields.Integer()
    uploaded_by = ma.fields.Nested(UserBriefSchema, attribute="owner", dump_only=True)
    uploader = ma.fields.Nested(UserBriefSchema, attribute="owner", dump_only=True)
    # Lambdas: inside the class body the name `thumbnail_url` is the field, not the function.
    thumbnail_url = ma.fields.Function(lambda v: thumbnail_url(v), allow_none=True, metadata=TEXT)
    thumbnail = ma.fields.Function(lambda v: thumbnail_url(v), allow_none=True, metadata=TEXT)
    duration = ma.fields.Float(allow_none=True)
    duration_formatted = ma.fields.Function(
        lambda v: format_duration(v.duration), allow_none=True, metadata=TEXT
    )
    file_size = ma.fields.Integer(allow_none=True)
    file_size_formatted = ma.fields.Function(
        lambda v: format_size(v.file_size), allow_none=True, metadata=TEXT
    )
    format = ma.fields.String(allow_none=True)
    resolution = ma.fields.Function(
        lambda v: f"{v.width}x{v.height}" if v.width else None, allow_none=True, metadata=TEXT
    )
    width = ma.fields.Integer(allow_none=True)
    height = ma.fields.Integer(allow_none=True)
    video_codec = ma.fields.String(allow_none=True)
    audio_codec = ma.fields.String(allow_none=True)
    quality_variants = ma.fields.Function(
        lambda v: [item["quality"] for item in v.variants], metadata=TEXTS
    )
    views_count = ma.fields.Integer()
    view_count = ma.fields.Integer(attribute="views_count", dump_only=True)
    likes_count = ma.fields.Integer()
    like_count = ma.fields.Integer(attribute="likes_count", dump_only=True)
    comments_count = ma.fields.Integer()
    shares_count = ma.fields.Integer()
    uploaded_at = UTCDateTimeField(attribute="created_at", dump_only=True)
    created_at = UTCDateTimeField()
    updated_at = UTCDateTimeField()


class VideoDetailSchema(VideoSchema):
    """One video as the caller sees it: with whether they like it."""

    is_liked = ma.fields.Boolean(metadata={"description": "whether the caller likes it"})


def dump_video(video) -> dict:
    """One video as the API shows it."""
    return VideoSchema().dump(video)


class ThumbnailRequestedSchema(MessageSchema):
    """A new poster frame is being taken at `timestamp` seconds."""

    timestamp = ma.fields.Float()


class VariantSchema(ma.Schema):
    """One rung of the HLS ladder; `url` is its playlist through the API."""

    quality = ma.fields.String()
    url = ma.fields.String()
    bitrate = ma.fields.Integer(allow_none=True, metadata={"description": "kbit/s"})
    width = ma.fields.Integer(allow_none=True)
    height = ma.fields.Integer(allow_none=True)


class QualityVariantsSchema(ma.Schema):
    variants = ma.fields.List(ma.fields.Nested(VariantSchema))


class StreamInfoSchema(ma.Schema):
    """Where a player fetches the video (URLs expire at `expires_at`)."""

    video_id = ma.fields.String()
    streaming_url = ma.fields.String(metadata={"description": "the HLS master playlist"})
    quality_variants = ma.fields.List(ma.fields.String())
    variants = ma.fields.List(ma.fields.Nested(VariantSchema))
    duration = ma.fields.Float(allow_none=True)
    thumbnail_url = ma.fields.String(allow_none=True)
    expires_at = ma.fields.String()
    mime_type = ma.fields.String()
    subtitles = ma.fields.List(ma.fields.Nested(SubtitleTrackSchema))


class ProcessingStatusSchema(ma.Schema):
    """Where a video's processing stands (owner only)."""

    video_id = ma.fields.UUID()
    status = ma.fields.String()
    progress = ma.fields.Integer()
    processing_steps = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())
    estimated_completion = UTCDateTimeField(allow_none=True)
    failure_reason = ma.fields.String(allow_none=True)
    attempts = ma.fields.Integer()
