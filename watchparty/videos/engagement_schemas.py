"""Bodies and answers of views, likes, shares and validate-url."""

import marshmallow as ma

from watchparty.common.pagination import page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.users.schemas import UserBriefSchema
from watchparty.videos.comment_schemas import clean_text, plain_text
from watchparty.videos.shares import PLATFORMS

MAX_REPORTED_WATCH = 24 * 3600  # one report never adds more than a day of watching


class ViewReportSchema(ma.Schema):
    """A player's report: seconds watched since its last report, and where it is."""

    class Meta:
        unknown = ma.EXCLUDE  # players send extra telemetry; it is ignored

    watch_time = ma.fields.Float(
        load_default=0.0, validate=ma.validate.Range(min=0, max=MAX_REPORTED_WATCH)
    )
    position = ma.fields.Float(allow_none=True, validate=ma.validate.Range(min=0))


class ViewResultSchema(ma.Schema):
    """Whether this report counted as a new view, and the video's view count."""

    success = ma.fields.Boolean()
    counted = ma.fields.Boolean()
    views_count = ma.fields.Integer()


class RoundedFloat(ma.fields.Float):
    """A float rounded to `places` decimals on output (None and missing count as 0)."""

    def __init__(self, places: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.places = places

    def _serialize(self, value, attr, obj, **kwargs):
        return round(float(value or 0.0), self.places)


class ViewSchema(ma.Schema):
    """One view as the owner sees it: who (null when anonymous), when, how long; no address."""

    id = ma.fields.UUID()
    viewer = ma.fields.Nested(UserBriefSchema, attribute="user", allow_none=True)
    viewed_at = UTCDateTimeField(attribute="created_at")
    watch_time = RoundedFloat(3, metadata={"description": "seconds"})


ViewPageSchema = page_of(ViewSchema, "VideoViewPage")


class LikeSchema(ma.Schema):
    """`is_like`: true likes, false unlikes; absent (or null) toggles."""

    class Meta:
        unknown = ma.EXCLUDE  # seed 001's toggle body carries the video_id again

    is_like = ma.fields.Boolean(allow_none=True, load_default=None)


class LikeResultSchema(ma.Schema):
    """The caller's like after the change, and the like count."""

    success = ma.fields.Boolean()
    is_liked = ma.fields.Boolean()
    status = ma.fields.String(metadata={"description": "liked | unliked (seed 001)"})
    like_count = ma.fields.Integer()


class LikerSchema(ma.Schema):
    """Someone who likes the video, and since when."""

    user = ma.fields.Nested(UserBriefSchema)
    created_at = UTCDateTimeField()


LikerPageSchema = page_of(LikerSchema, "VideoLikerPage")


class ShareCreateSchema(ma.Schema):
    """Where the video is shared, and an optional message to go with it."""

    platform = ma.fields.String(required=True, validate=ma.validate.OneOf(PLATFORMS))
    message = ma.fields.String(load_default="", validate=[ma.validate.Length(max=500), plain_text])

    @ma.post_load
    def trim(self, data, **kwargs):
        """The message without surrounding blanks."""
        return data | {"message": clean_text(data["message"])}


class ShareResultSchema(ma.Schema):
    """The tracked link, and the platform's share URL with it."""

    success = ma.fields.Boolean()
    share_id = ma.fields.UUID()
    share_url = ma.fields.String()
    platform = ma.fields.String()
    platform_url = ma.fields.String()
    message = ma.fields.String()
    shares_count = ma.fields.Integer()


class ValidateUrlSchema(ma.Schema):
    """A remote media URL to check (http or https)."""

    url = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=2000))


class ValidateUrlResultSchema(ma.Schema):
    """What probing the URL found; `reason` says why it is not valid."""

    valid = ma.fields.Boolean()
    content_type = ma.fields.String(allow_none=True)
    file_size = ma.fields.Integer(allow_none=True)
    duration = ma.fields.Float(allow_none=True)
    format = ma.fields.String(allow_none=True)
    reason = ma.fields.String()
