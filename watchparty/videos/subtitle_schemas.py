"""Subtitle tracks: the upload form and how a track is shown."""

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField

# BCP 47 as players use it: a 2-3 letter language, optional script/region parts (en, pt-BR).
LANGUAGE = ma.validate.Regexp(
    r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$", error="A language tag, e.g. en or pt-BR."
)


class SubtitleUploadSchema(ma.Schema):
    """Multipart fields beside `file` (a .vtt or .srt): the track's language and label."""

    language = ma.fields.String(required=True, validate=[ma.validate.Length(max=35), LANGUAGE])
    label = ma.fields.String(load_default=None, validate=ma.validate.Length(min=1, max=100))


class SubtitleFileSchema(ma.Schema):
    """The multipart file: `file`, a WebVTT or SRT file (SRT is converted to WebVTT)."""

    class Meta:
        unknown = ma.EXCLUDE

    file = ma.fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class SubtitleSchema(ma.Schema):
    """A track; `url` serves its WebVTT (with the caller's playback token where one applies)."""

    id = ma.fields.UUID()
    language = ma.fields.String()
    label = ma.fields.String()
    url = ma.fields.String()
    cue_count = ma.fields.Integer()
    created_at = UTCDateTimeField()


class SubtitleTrackSchema(ma.Schema):
    """A track as /stream/ lists it: its WebVTT URL carries the playback token."""

    id = ma.fields.UUID()
    language = ma.fields.String()
    label = ma.fields.String()
    url = ma.fields.String()
