"""The queue's payloads: REST bodies, /party events, and how the queue is shown."""

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField
from watchparty.playback import item_subtitles
from watchparty.users.schemas import UserBriefSchema

_url = {"schemes": {"http", "https"}, "require_tld": False}


class QueueAddSchema(ma.Schema):
    """An item to add: an uploaded `video_id` or a `media_url` (probed first), maybe a title
    and a WebVTT `subtitle_url`."""

    video_id = ma.fields.UUID(load_default=None, allow_none=True)
    media_url = ma.fields.URL(
        load_default=None, allow_none=True, validate=ma.validate.Length(max=2000), **_url
    )
    subtitle_url = ma.fields.URL(
        load_default=None, allow_none=True, validate=ma.validate.Length(max=2000), **_url
    )
    title = ma.fields.String(
        load_default=None, allow_none=True, validate=ma.validate.Length(max=200)
    )

    @ma.validates_schema
    def one_source(self, data, **kwargs):
        """Exactly one of video_id and media_url; a subtitle_url only with a media_url (an
        uploaded video carries its own tracks)."""
        if bool(data.get("video_id")) == bool(data.get("media_url")):
            raise ma.ValidationError("Give a video_id or a media_url.", "media_url")
        if data.get("subtitle_url") and not data.get("media_url"):
            raise ma.ValidationError("Only a media_url item takes a subtitle_url.", "subtitle_url")


class QueueMoveSchema(ma.Schema):
    """Where an item goes: its new 0-based index among the items waiting."""

    index = ma.fields.Integer(required=True, validate=ma.validate.Range(0, 10_000))


class QueueRefSchema(ma.Schema):
    """`{party_id}` of a queue event."""

    party_id = ma.fields.UUID(required=True)


class QueueAddEventSchema(QueueAddSchema, QueueRefSchema):
    """`queue_add {party_id, video_id | media_url, title?, subtitle_url?}`."""


class QueueItemRefSchema(QueueRefSchema):
    """`{party_id, item_id}`: remove or play one item."""

    item_id = ma.fields.UUID(required=True)


class QueueMoveEventSchema(QueueItemRefSchema, QueueMoveSchema):
    """`queue_move {party_id, item_id, index}`."""


class QueueItemSchema(ma.Schema):
    """One item of the queue."""

    id = ma.fields.UUID()
    status = ma.fields.String(metadata={"description": "queued, playing or played"})
    video_id = ma.fields.UUID(allow_none=True)
    media_url = ma.fields.String(allow_none=True)
    subtitle_url = ma.fields.String(allow_none=True, metadata={"description": "as given"})
    subtitle_track = ma.fields.Function(
        lambda item: item_subtitles.track_path(item),
        allow_none=True,
        metadata={"type": "string", "description": "GET it (WebVTT) with your session"},
    )
    title = ma.fields.String()
    duration = ma.fields.Float(allow_none=True)
    thumbnail_url = ma.fields.String(allow_none=True)
    added_by = ma.fields.Nested(UserBriefSchema, allow_none=True)
    created_at = UTCDateTimeField()


class SkipCountSchema(ma.Schema):
    votes = ma.fields.Integer()
    needed = ma.fields.Integer(metadata={"description": "skip_ratio of the members online"})


class QueueSchema(ma.Schema):
    """The `queue` event and GET /queue/: the items waiting and the one playing."""

    party_id = ma.fields.UUID()
    version = ma.fields.Integer(metadata={"description": "grows with every change"})
    items = ma.fields.List(ma.fields.Nested(QueueItemSchema))
    current = ma.fields.Nested(QueueItemSchema, allow_none=True)
    skip = ma.fields.Nested(SkipCountSchema)


class SkipResultSchema(SkipCountSchema):
    """A vote to skip: counted, and whether it skipped."""

    skipped = ma.fields.Boolean()
