"""Chat moderation inputs and the moderation log."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import UTCDateTimeField
from watchparty.users.schemas import UserBriefSchema

ACTIONS = ("delete_message", "mute_user", "unmute_user", "warn_user")
MAX_DURATION = 365 * 24 * 3600
_duration = {"strict": True, "validate": ma.validate.Range(min=1, max=MAX_DURATION)}


class ChatModerateSchema(ma.Schema):
    """A moderation action: `target_id` is a message id (delete) or a user id (the rest)."""

    action = ma.fields.String(required=True, validate=ma.validate.OneOf(ACTIONS))
    target_id = ma.fields.UUID(required=True)
    reason = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))
    duration = ma.fields.Integer(
        load_default=None, allow_none=True, metadata={"description": "mute seconds"}, **_duration
    )


class ChatBanSchema(ma.Schema):
    """Ban a user from the chat for `duration` seconds (omitted: until unbanned)."""

    user_id = ma.fields.UUID(required=True)
    duration = ma.fields.Integer(load_default=None, allow_none=True, **_duration)
    reason = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))


class ChatUnbanSchema(ma.Schema):
    """Lift a user's chat ban."""

    user_id = ma.fields.UUID(required=True)


class ChatModerationResultSchema(ma.Schema):
    """What a moderation action did."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    action = ma.fields.String()
    target_id = ma.fields.String()
    user_id = ma.fields.String(allow_none=True)
    until = UTCDateTimeField(allow_none=True)


class ChatModerationEntrySchema(ma.Schema):
    """One entry of the moderation log."""

    id = ma.fields.UUID()
    action = ma.fields.String()
    moderator = ma.fields.Nested(UserBriefSchema, allow_none=True)
    target_user_id = ma.fields.UUID(allow_none=True)
    target_message_id = ma.fields.UUID(allow_none=True)
    reason = ma.fields.String()
    duration = ma.fields.Integer(allow_none=True)
    created_at = UTCDateTimeField()
    timestamp = UTCDateTimeField(attribute="created_at", dump_only=True)


class ChatLogQuerySchema(PageQuerySchema):
    """Paging of the moderation log."""
