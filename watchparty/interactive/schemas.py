"""Input, query and output schemas of reactions and polls (REST and socket payloads)."""

import marshmallow as ma
from flask import current_app

from watchparty.common.pagination import PageQuerySchema
from watchparty.interactive.emoji import is_single_emoji

MAX_VIDEO_TS = 10_000_000.0  # seconds (~115 days): beyond any video, within every float
MAX_DURATION = 86_400
POLL_STATUSES = ("open", "closed", "all")


def _one_emoji(value: str) -> None:
    if not is_single_emoji(value):
        raise ma.ValidationError("Send exactly one emoji.")


class ReactionCreateSchema(ma.Schema):
    """`{emoji, timestamp}` (seed 003) or `{emoji, video_ts}`: seconds into the video."""

    class Meta:
        unknown = ma.EXCLUDE

    emoji = ma.fields.String(required=True, validate=_one_emoji)
    video_ts = ma.fields.Float(
        allow_nan=False, validate=ma.validate.Range(min=0, max=MAX_VIDEO_TS), load_default=None
    )
    timestamp = ma.fields.Float(
        allow_nan=False, validate=ma.validate.Range(min=0, max=MAX_VIDEO_TS), load_default=None
    )

    @ma.post_load
    def one_time(self, data, **kwargs):
        ts = data.pop("timestamp", None)
        data["video_ts"] = data["video_ts"] if data.get("video_ts") is not None else ts or 0.0
        return data


class SocketReactionSchema(ReactionCreateSchema):
    """`react {party_id, emoji, video_ts}`."""

    party_id = ma.fields.UUID(required=True)


class PartyRefSchema(ma.Schema):
    """`{party_id}` of a socket event."""

    class Meta:
        unknown = ma.EXCLUDE

    party_id = ma.fields.UUID(required=True)


def _brief():
    # Services hand out payloads already shaped for sockets; REST passes them through.
    return ma.fields.Raw(
        dump_only=True,
        allow_none=True,
        metadata={"description": "UserBrief: id, name, display_name, avatar"},
    )


class ReactionSchema(ma.Schema):
    """A stored reaction, as broadcast in `reaction` and listed over REST."""

    id = ma.fields.String(dump_only=True)
    party_id = ma.fields.String(dump_only=True)
    user = _brief()
    emoji = ma.fields.String(dump_only=True)
    video_ts = ma.fields.Float(dump_only=True)
    timestamp = ma.fields.Float(dump_only=True, metadata={"description": "alias of video_ts"})
    created_at = ma.fields.String(dump_only=True, metadata={"description": "ISO 8601 UTC"})


class ReactionQuerySchema(PageQuerySchema):
    """Newest first; `since` keeps only reactions created after that time."""

    since = ma.fields.AwareDateTime(default_timezone=None, load_default=None)


class HeatmapQuerySchema(ma.Schema):
    """`bucket_seconds` (alias `bucket`): width of one heatmap bucket, 1..3600 s."""

    class Meta:
        unknown = ma.EXCLUDE

    bucket_seconds = ma.fields.Integer(validate=ma.validate.Range(min=1, max=3600))
    bucket = ma.fields.Integer(validate=ma.validate.Range(min=1, max=3600))

    @ma.post_load
    def resolve(self, data, **kwargs):
        return {"bucket_seconds": data.get("bucket_seconds") or data.get("bucket") or 10}


class HeatmapBucketSchema(ma.Schema):
    """Reactions whose video time falls in [start, end)."""

    start = ma.fields.Float()
    end = ma.fields.Float()
    count = ma.fields.Integer()
    top_emoji = ma.fields.String(allow_none=True)


class HeatmapSchema(ma.Schema):
    """Non-empty buckets over the video timeline, ordered by start."""

    party_id = ma.fields.String()
    bucket_seconds = ma.fields.Integer()
    total = ma.fields.Integer()
    buckets = ma.fields.List(ma.fields.Nested(HeatmapBucketSchema))


def _option_texts(options: list[str]) -> None:
    texts = [text.strip().casefold() for text in options]
    if not all(texts):
        raise ma.ValidationError("Options cannot be blank.")
    if len(set(texts)) != len(texts):
        raise ma.ValidationError("Options must differ from each other.")


class PollCreateSchema(ma.Schema):
    """`{question, options: [2..10 texts], duration: seconds}`."""

    class Meta:
        unknown = ma.EXCLUDE

    question = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=500))
    options = ma.fields.List(
        ma.fields.String(validate=ma.validate.Length(min=1, max=200)),
        required=True,
        validate=[ma.validate.Length(min=2, max=10), _option_texts],
    )
    duration = ma.fields.Integer(load_default=300, validate=ma.validate.Range(max=MAX_DURATION))

    @ma.validates("question")
    def not_blank(self, value, **kwargs):
        if not value.strip():
            raise ma.ValidationError("The question cannot be blank.")

    @ma.validates("duration")
    def long_enough(self, value, **kwargs):
        # Tests shorten the floor through config to watch a poll close by itself.
        low = current_app.config["POLL_MIN_DURATION"]
        if value < low:
            raise ma.ValidationError(f"A poll lasts at least {low} seconds.")

    @ma.post_load
    def tidy(self, data, **kwargs):
        data["question"] = data["question"].strip()
        data["options"] = [text.strip() for text in data["options"]]
        return data


class SocketPollCreateSchema(PollCreateSchema):
    """`poll_create {party_id, question, options, duration}`."""

    party_id = ma.fields.UUID(required=True)


class VoteSchema(ma.Schema):
    """`{option_id}`."""

    class Meta:
        unknown = ma.EXCLUDE

    option_id = ma.fields.UUID(required=True)


class SocketVoteSchema(VoteSchema):
    """`vote {poll_id, option_id}`."""

    poll_id = ma.fields.UUID(required=True)


class PollRefSchema(ma.Schema):
    """`poll_close {poll_id}`."""

    class Meta:
        unknown = ma.EXCLUDE

    poll_id = ma.fields.UUID(required=True)


class PollQuerySchema(PageQuerySchema):
    """`status`: open, closed or all (default), newest first."""

    status = ma.fields.String(load_default="all", validate=ma.validate.OneOf(POLL_STATUSES))


class PollOptionSchema(ma.Schema):
    """An option with its vote count."""

    id = ma.fields.String()
    text = ma.fields.String()
    votes = ma.fields.Integer()


class PollSchema(ma.Schema):
    """A poll with current counts; `my_vote` is the caller's option id (or null)."""

    id = ma.fields.String()
    party_id = ma.fields.String()
    question = ma.fields.String()
    options = ma.fields.List(ma.fields.Nested(PollOptionSchema))
    total_votes = ma.fields.Integer()
    closed = ma.fields.Boolean()
    duration = ma.fields.Integer()
    ends_at = ma.fields.String()
    closed_at = ma.fields.String(allow_none=True)
    created_at = ma.fields.String()
    creator = _brief()
    my_vote = ma.fields.String(allow_none=True)
