"""Friends' bodies and representations (seed 003 paths; seed 004's `Friend` is a UserBrief)."""

import marshmallow as ma

from watchparty.common.pagination import page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.extensions import db
from watchparty.users.models import User
from watchparty.users.schemas import UserBriefSchema
from watchparty.users.settings import StrictBoolean


class FriendRequestBodySchema(ma.Schema):
    """Who to ask: `username` (a display name or an email, as seed 003 sends it) or `user_id`."""

    username = ma.fields.String(validate=ma.validate.Length(min=1, max=254))
    user_id = ma.fields.UUID()

    @ma.validates_schema
    def someone(self, data, **kwargs):
        """One of the two."""
        if not data.get("username") and not data.get("user_id"):
            raise ma.ValidationError("Give a username or a user_id.", "username")


class UserRefSchema(ma.Schema):
    """`{user_id}` of block and unblock."""

    user_id = ma.fields.UUID(required=True)


class FriendSchema(UserBriefSchema):
    """A friend: their brief, the friendship's id and since when."""

    friendship_id = ma.fields.UUID()
    since = UTCDateTimeField(allow_none=True)


FriendPageSchema = page_of(FriendSchema, "FriendPage")


def _brief(user_id):
    return UserBriefSchema().dump(db.session.get(User, user_id))


class FriendRequestSchema(ma.Schema):
    """A pending request (or, once answered, the friendship): who asked whom, and its status."""

    id = ma.fields.UUID()
    status = ma.fields.String(metadata={"description": "pending or accepted"})
    from_user = ma.fields.Nested(UserBriefSchema, attribute="requester")
    to_user = ma.fields.Function(
        lambda link: _brief(link.recipient_id), metadata={"type": "object"}
    )
    created_at = UTCDateTimeField()
    accepted_at = UTCDateTimeField(allow_none=True)


class FriendRequestResultSchema(ma.Schema):
    """Seed 004's `{success, message}`, with the request."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    request = ma.fields.Nested(FriendRequestSchema)


class FriendRequestsSchema(ma.Schema):
    """Pending requests sent to you and by you."""

    incoming = ma.fields.List(ma.fields.Nested(FriendRequestSchema))
    outgoing = ma.fields.List(ma.fields.Nested(FriendRequestSchema))


class SuggestionSchema(UserBriefSchema):
    """Someone you may know, and why."""

    reasons = ma.fields.List(ma.fields.String())
    score = ma.fields.Integer()


class SuggestionQuerySchema(ma.Schema):
    limit = ma.fields.Integer(load_default=20, validate=ma.validate.Range(1, 50))


class BlockSchema(ma.Schema):
    """Someone you blocked."""

    user = ma.fields.Nested(UserBriefSchema, attribute="blocked")
    created_at = UTCDateTimeField()


class WatchingSchema(ma.Schema):
    """The party a friend is watching (public, or one you are in too)."""

    id = ma.fields.UUID()
    title = ma.fields.String()


class PresenceSchema(ma.Schema):
    """One friend's presence: online, away or offline, last seen, and what they watch."""

    user = ma.fields.Nested(UserBriefSchema)
    status = ma.fields.String(metadata={"description": "online, away or offline"})
    last_seen = UTCDateTimeField(allow_none=True)
    watching = ma.fields.Nested(WatchingSchema, allow_none=True)


class OnlineStatusSchema(ma.Schema):
    """Every friend's presence, online ones first."""

    friends = ma.fields.List(ma.fields.Nested(PresenceSchema))
    online_count = ma.fields.Integer()
    total = ma.fields.Integer()


class AwaySchema(ma.Schema):
    """`away`: whether this page is hidden (the user is away from it)."""

    away = StrictBoolean(required=True)


class ActivityThingSchema(ma.Schema):
    """The party or video an activity is about."""

    id = ma.fields.UUID()
    title = ma.fields.String()


class FriendActivitySchema(ma.Schema):
    """One thing a friend did: hosted_party, joined_party or uploaded_video."""

    kind = ma.fields.String(metadata={"description": "hosted_party, joined_party, uploaded_video"})
    user = ma.fields.Nested(UserBriefSchema)
    at = UTCDateTimeField()
    party = ma.fields.Nested(ActivityThingSchema, allow_none=True)
    video = ma.fields.Nested(ActivityThingSchema, allow_none=True)


FriendActivityPageSchema = page_of(FriendActivitySchema, "FriendActivityPage")


class FriendshipSchema(ma.Schema):
    """Where the caller stands with another user (the profile page's buttons)."""

    status = ma.fields.String(
        metadata={"description": "none, friends, request_sent, request_received or blocked"}
    )
    request_id = ma.fields.UUID(allow_none=True, metadata={"description": "the pending request"})
