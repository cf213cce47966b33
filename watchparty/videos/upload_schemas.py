"""What clients send to the upload endpoints (multipart, JSON, presign, complete) and get back."""

import re
from collections.abc import Mapping

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField
from watchparty.videos.models import PRIVATE, PUBLIC, VISIBILITIES
from watchparty.videos.schemas import VideoSchema

MAX_TAGS, MAX_TAG_LENGTH = 20, 50
CONTENT_TYPE = re.compile(r"^[\w.+-]+/[\w.+-]+$")
DURATION_MESSAGE = "Duration must be greater than 0."


class TagsField(ma.fields.Field):
    """Tags as a list, a comma-separated string, or repeated multipart fields."""

    is_multiple = True  # webargs: read every repeated multipart value, not just the first

    def _deserialize(self, value, attr, data, **kwargs) -> list[str]:
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list | tuple) or not all(isinstance(i, str) for i in items):
            raise ma.ValidationError("Give tags as a list of strings or a comma-separated string.")
        tags: list[str] = []
        for part in (piece.strip() for item in items for piece in item.split(",")):
            if part and part not in tags:
                tags.append(part)
        if len(tags) > MAX_TAGS:
            raise ma.ValidationError(f"At most {MAX_TAGS} tags.")
        if any(len(tag) > MAX_TAG_LENGTH for tag in tags):
            raise ma.ValidationError(f"Each tag may have at most {MAX_TAG_LENGTH} characters.")
        return tags


class VideoFieldsSchema(ma.Schema):
    """A video's metadata as the uploader gives it (seeds 001, 003 and 004 names)."""

    title = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=200))
    description = ma.fields.String(validate=ma.validate.Length(max=5000))
    category = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=50))
    visibility = ma.fields.String(validate=ma.validate.OneOf(VISIBILITIES))
    is_public = ma.fields.Boolean()
    tags = TagsField(metadata={"type": "array", "items": {"type": "string"}})
    allow_download = ma.fields.Boolean()
    require_premium = ma.fields.Boolean()
    duration = ma.fields.Float(
        allow_nan=False,
        validate=ma.validate.Range(min=0, min_inclusive=False, error=DURATION_MESSAGE),
        metadata={"description": "seconds; the probe's figure replaces it"},
    )

    @ma.pre_load
    def trim_title(self, data, **kwargs):
        """A title of spaces is no title."""
        if isinstance(data, Mapping) and isinstance(data.get("title"), str):
            data = {**data, "title": data["title"].strip()}
        return data

    @ma.post_load
    def resolve_is_public(self, data, **kwargs):
        """Seed 003's `is_public` is `visibility` public or private; both must agree."""
        if "is_public" in data:
            wanted = PUBLIC if data.pop("is_public") else PRIVATE
            if data.get("visibility", wanted) != wanted:
                raise ma.ValidationError({"is_public": ["Conflicts with `visibility`."]})
            data["visibility"] = wanted
        return data


class UploadFormSchema(VideoFieldsSchema):
    """Multipart fields beside the file; seed 001's extras (file_size, format...) are ignored:
    probing the file finds them."""

    class Meta:
        unknown = ma.EXCLUDE


class UploadFilesSchema(ma.Schema):
    """Multipart files: the video in `video_file` (or `file`), an optional `thumbnail` image."""

    class Meta:
        unknown = ma.EXCLUDE

    video_file = ma.fields.Raw(metadata={"type": "string", "format": "binary"})
    file = ma.fields.Raw(metadata={"type": "string", "format": "binary"})
    thumbnail = ma.fields.Raw(metadata={"type": "string", "format": "binary"})


class FileDeclarationSchema(ma.Schema):
    """The file a client is about to upload directly to storage."""

    filename = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=255))
    file_size = ma.fields.Integer(required=True, strict=True, validate=ma.validate.Range(min=1))
    content_type = ma.fields.String(
        validate=[ma.validate.Length(max=100), ma.validate.Regexp(CONTENT_TYPE)]
    )


class VideoCreateSchema(VideoFieldsSchema):
    """JSON POST /api/videos/: the video first, its bytes by direct upload (file optional)."""

    filename = ma.fields.String(validate=ma.validate.Length(min=1, max=255))
    file_size = ma.fields.Integer(strict=True, validate=ma.validate.Range(min=1))
    content_type = ma.fields.String(
        validate=[ma.validate.Length(max=100), ma.validate.Regexp(CONTENT_TYPE)]
    )


class UploadCompleteSchema(VideoFieldsSchema):
    """Finishing a direct upload; `title` is required unless the video already exists."""

    title = ma.fields.String(validate=ma.validate.Length(min=1, max=200))


class UploadGrantSchema(ma.Schema):
    """Where and how to PUT the bytes."""

    upload_id = ma.fields.UUID()
    upload_url = ma.fields.String()
    file_key = ma.fields.String()
    method = ma.fields.String()
    headers = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.String())
    expires_at = UTCDateTimeField()


class VideoWithUploadSchema(VideoSchema):
    """A video created before its bytes, with the grant to upload them."""

    upload = ma.fields.Nested(UploadGrantSchema)


class UploadResultSchema(ma.Schema):
    """An upload that became a video (now processing)."""

    success = ma.fields.Boolean()
    upload_id = ma.fields.UUID()
    video_id = ma.fields.UUID()
    status = ma.fields.String()
    video = ma.fields.Nested(VideoSchema)


class UploadStatusSchema(ma.Schema):
    """Where an upload stands: uploading, then the video's processing status."""

    upload_id = ma.fields.UUID()
    video_id = ma.fields.UUID(allow_none=True)
    status = ma.fields.String()
    progress = ma.fields.Integer()
    estimated_completion = UTCDateTimeField(allow_none=True)
    failure_reason = ma.fields.String(allow_none=True)
    processing_steps = ma.fields.Dict()


class StoredUploadSchema(ma.Schema):
    """A file relayed to storage by this server, waiting for its complete call."""

    success = ma.fields.Boolean()
    upload_id = ma.fields.UUID()
    file_key = ma.fields.String()
    size = ma.fields.Integer()
    expires_at = UTCDateTimeField()
