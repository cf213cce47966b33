"""What clients send to the parties API: bodies and query strings (seeds 003 and 004 alike)."""

from datetime import UTC
from urllib.parse import urlsplit

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema
from watchparty.parties.models import (
    CONTROL_POLICIES,
    PRIVATE,
    PUBLIC,
    QUEUE_POLICIES,
    STATUSES,
)
from watchparty.videos.subtitle_schemas import LANGUAGE

MEDIA_SUFFIXES = (".m3u8", ".mp4", ".m4v")
# Seed 003 / seed 004 spellings of the same field.
ALIASES = {"video": "video_id", "scheduled_for": "scheduled_start"}


def _check_media_url(value: str) -> None:
    path = urlsplit(value).path.lower()
    if not path.endswith(MEDIA_SUFFIXES):
        raise ma.ValidationError("Must be a direct HLS (.m3u8) or MP4 (.mp4) URL.")


def _resolve_aliases(data: dict) -> dict:
    """Map alias names onto ours; the same field given twice with different values is an error."""
    data = dict(data)
    for alias, name in ALIASES.items():
        if alias in data:
            value = data.pop(alias)
            if name in data and data[name] != value:
                raise ma.ValidationError({alias: [f"Conflicts with `{name}`."]})
            data[name] = value
    if "is_public" in data:
        flag = data.pop("is_public")
        if not isinstance(flag, bool):
            raise ma.ValidationError({"is_public": ["Not a valid boolean."]})
        wanted = PUBLIC if flag else PRIVATE
        if data.get("visibility", wanted) != wanted:
            raise ma.ValidationError({"is_public": ["Conflicts with `visibility`."]})
        data["visibility"] = wanted
    return data


class PartyCreateSchema(ma.Schema):
    """A new party; it may be created before its media is chosen."""

    title = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=200))
    description = ma.fields.String(load_default="", validate=ma.validate.Length(max=5000))
    video_id = ma.fields.UUID(allow_none=True)
    media_url = ma.fields.URL(
        allow_none=True,
        schemes={"http", "https"},
        require_tld=False,
        validate=[ma.validate.Length(max=2000), _check_media_url],
    )
    visibility = ma.fields.String(validate=ma.validate.OneOf((PUBLIC, PRIVATE)))
    category = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=50))
    max_participants = ma.fields.Integer(validate=ma.validate.Range(min=2, max=10000))
    scheduled_start = ma.fields.AwareDateTime(allow_none=True, default_timezone=UTC)
    require_approval = ma.fields.Boolean()
    allow_chat = ma.fields.Boolean()
    allow_reactions = ma.fields.Boolean()
    control_policy = ma.fields.String(validate=ma.validate.OneOf(CONTROL_POLICIES))
    wait_for_ready = ma.fields.Boolean()
    queue_policy = ma.fields.String(
        validate=ma.validate.OneOf(QUEUE_POLICIES), metadata={"description": "who may add"}
    )
    subtitle_language = ma.fields.String(
        allow_none=True,
        validate=LANGUAGE,
        metadata={"description": "the track viewers start with, e.g. en (null: none)"},
    )
    skip_ratio = ma.fields.Float(
        validate=ma.validate.Range(0.05, 1.0),
        allow_nan=False,
        metadata={"description": "share of online members whose votes skip an item"},
    )

    @ma.pre_load
    def aliases(self, data, **kwargs):
        """Accept seed 003's `video`, `is_public` and `scheduled_for`; trim the title."""
        if not isinstance(data, dict):
            return data
        data = _resolve_aliases(data)
        if isinstance(data.get("title"), str):
            data["title"] = data["title"].strip()
        return data

    @ma.validates_schema
    def one_media(self, data, **kwargs):
        """A party plays an uploaded video or a URL, not both."""
        if data.get("video_id") and data.get("media_url"):
            raise ma.ValidationError("Give `video_id` or `media_url`, not both.", "media_url")


class PartyUpdateSchema(PartyCreateSchema):
    """Partial changes (PUT and PATCH alike)."""

    title = ma.fields.String(validate=ma.validate.Length(min=1, max=200))
    description = ma.fields.String(validate=ma.validate.Length(max=5000))


class PartyListQuerySchema(PageQuerySchema):
    """Filters of GET /api/parties/."""

    status = ma.fields.String(validate=ma.validate.OneOf(STATUSES))
    visibility = ma.fields.String(validate=ma.validate.OneOf((PUBLIC, PRIVATE)))
    is_public = ma.fields.Boolean()
    search = ma.fields.String(validate=ma.validate.Length(max=100))
    host = ma.fields.UUID()
    category = ma.fields.String(validate=ma.validate.Length(max=50))


class PublicQuerySchema(PageQuerySchema):
    """Filters of the public party listings."""

    search = ma.fields.String(validate=ma.validate.Length(max=100))
    category = ma.fields.String(validate=ma.validate.Length(max=50))


class SearchQuerySchema(PageQuerySchema):
    """GET /api/parties/search/: `q`, `is_public`, `category`."""

    q = ma.fields.String(load_default="", validate=ma.validate.Length(max=100))
    is_public = ma.fields.Boolean()
    category = ma.fields.String(validate=ma.validate.Length(max=50))


class JoinSchema(ma.Schema):
    """Optional note to the host of an approval-required party."""

    message = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=500))


class JoinByCodeSchema(ma.Schema):
    """`code` (seed 003) or `room_code` (seed 004), any case."""

    code = ma.fields.String(validate=ma.validate.Length(min=1, max=20))
    room_code = ma.fields.String(validate=ma.validate.Length(min=1, max=20))
    message = ma.fields.String(allow_none=True, validate=ma.validate.Length(max=500))

    @ma.validates_schema
    def one_code(self, data, **kwargs):
        """At least one of the two names must carry the code."""
        if not (data.get("code") or data.get("room_code")):
            raise ma.ValidationError("Give the room code as `code` or `room_code`.", "code")


class JoinByInviteSchema(ma.Schema):
    invite_code = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=20))


class GenerateInviteSchema(ma.Schema):
    """Lifetime in seconds (default one day, at most 30 days) and an optional use limit."""

    expires_in = ma.fields.Integer(
        load_default=86400, validate=ma.validate.Range(min=60, max=30 * 86400)
    )
    max_uses = ma.fields.Integer(allow_none=True, validate=ma.validate.Range(min=1, max=100000))


class InviteUsersSchema(ma.Schema):
    user_ids = ma.fields.List(
        ma.fields.UUID(), required=True, validate=ma.validate.Length(min=1, max=100)
    )
    message = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))


class InvitationQuerySchema(PageQuerySchema):
    status = ma.fields.String(validate=ma.validate.OneOf(("pending", "accepted", "declined")))


class ParticipantQuerySchema(PageQuerySchema):
    """`status`: active (default) or pending (host and moderators only)."""

    status = ma.fields.String(
        load_default="active", validate=ma.validate.OneOf(("active", "pending"))
    )


class TransferHostSchema(ma.Schema):
    user_id = ma.fields.UUID(required=True)


class ReasonSchema(ma.Schema):
    """Optional reason shown to a kicked or banned user."""

    reason = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))


class AdminPartyQuerySchema(PageQuerySchema):
    search = ma.fields.String(validate=ma.validate.Length(max=100))
    status = ma.fields.String(validate=ma.validate.OneOf(STATUSES))
