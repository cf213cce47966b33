"""Chat room, presence and statistics representations."""

import marshmallow as ma

from watchparty.chat.schemas import ChatMessageSchema, ChatSettingsSchema
from watchparty.common.schemas import UTCDateTimeField


class ChatRoomSchema(ma.Schema):
    """Joining or leaving a chat room: a confirmation (join adds recent messages, settings)."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    party_id = ma.fields.String()
    messages = ma.fields.List(ma.fields.Nested(ChatMessageSchema))
    settings = ma.fields.Nested(ChatSettingsSchema)
    allow_chat = ma.fields.Boolean()


class ChatActiveUserSchema(ma.Schema):
    """A member connected to the party."""

    id = ma.fields.String()
    username = ma.fields.String()
    display_name = ma.fields.String(allow_none=True)
    avatar = ma.fields.String(allow_none=True)
    last_seen = UTCDateTimeField()


class ChatActiveUsersSchema(ma.Schema):
    """Who is connected to the party right now."""

    active_users = ma.fields.List(ma.fields.Nested(ChatActiveUserSchema))
    total_active = ma.fields.Integer()


class ChatStatsSchema(ma.Schema):
    """Chat activity of a party."""

    total_messages = ma.fields.Integer()
    active_participants = ma.fields.Integer(
        metadata={"description": "distinct senders over the last 10 minutes"}
    )
    message_rate = ma.fields.Float(metadata={"description": "messages per minute, last 10 min"})
    popular_emojis = ma.fields.List(ma.fields.String())
    total_senders = ma.fields.Integer()
