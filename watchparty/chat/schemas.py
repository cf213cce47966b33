"""Chat representations: messages (both seeds' field names), inputs and socket payloads."""

import marshmallow as ma

from watchparty.chat.models import EMOJI, MAX_MESSAGE_LENGTH, TEXT
from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import UTCDateTimeField
from watchparty.users.schemas import UserBriefSchema

_validate = ma.validate


class ChatUserSchema(UserBriefSchema):
    """The author of a message: UserBrief plus seed 003's `username`."""

    username = ma.fields.Function(lambda user: user.display_name or user.full_name, dump_only=True)


class ChatMessageSchema(ma.Schema):
    """A chat message: the issue's socket fields plus seed 003's `message`/`timestamp`."""

    id = ma.fields.UUID(dump_only=True)
    party_id = ma.fields.UUID(dump_only=True)
    user = ma.fields.Nested(ChatUserSchema, dump_only=True)
    text = ma.fields.String(dump_only=True)
    message = ma.fields.String(attribute="text", dump_only=True)
    message_type = ma.fields.String(dump_only=True)
    reply_to = ma.fields.UUID(attribute="reply_to_id", dump_only=True, allow_none=True)
    client_id = ma.fields.String(dump_only=True, allow_none=True)
    created_at = UTCDateTimeField(dump_only=True)
    timestamp = UTCDateTimeField(attribute="created_at", dump_only=True)
    edited = ma.fields.Boolean(dump_only=True)


class ChatSentMessageSchema(ChatMessageSchema):
    """The answer to a send: the message and `status: "sent"`."""

    status = ma.fields.Constant("sent", dump_only=True)


class DumpedNested(ma.fields.Nested):
    """Nested, for values a service already dumped: dicts pass through; documented as the schema."""

    def _serialize(self, nested_obj, attr, obj, **kwargs):
        """Return an already-dumped dict as it is; dump anything else with the schema."""
        if isinstance(nested_obj, dict):
            return nested_obj
        return super()._serialize(nested_obj, attr, obj, **kwargs)


_message_schema = ChatMessageSchema()


def dump_message(message) -> dict:
    """One message as JSON (REST bodies and socket payloads alike)."""
    return _message_schema.dump(message)


def dump_messages(messages) -> list[dict]:
    """Many messages as JSON."""
    return _message_schema.dump(messages, many=True)


class ChatSendSchema(ma.Schema):
    """A new message: `text` (or seed 003's `message`), type, optional reply and client id."""

    text = ma.fields.String()
    message = ma.fields.String()
    message_type = ma.fields.String(load_default=TEXT, validate=_validate.OneOf([TEXT, EMOJI]))
    reply_to = ma.fields.UUID(load_default=None, allow_none=True)
    client_id = ma.fields.String(
        load_default=None, allow_none=True, validate=_validate.Length(min=1, max=64)
    )

    @ma.validates_schema
    def has_text(self, data, **kwargs):
        """One of `text` and `message` is required."""
        if data.get("text") is None and data.get("message") is None:
            raise ma.ValidationError("Send the message in `text` (or `message`).", "text")

    @ma.post_load
    def one_text(self, data, **kwargs):
        """Keep `text` only."""
        message = data.pop("message", None)
        data["text"] = data.get("text") if data.get("text") is not None else message
        return data


class ChatHistoryQuerySchema(PageQuerySchema):
    """Paging plus `before`/`after` (ISO 8601 time or message id) and seed 003's alias."""

    before = ma.fields.String(validate=_validate.Length(max=64))
    after = ma.fields.String(validate=_validate.Length(max=64))
    before_timestamp = ma.fields.String(validate=_validate.Length(max=64))


class ChatSettingsSchema(ma.Schema):
    """A party's chat settings."""

    slow_mode = ma.fields.Boolean()
    slow_mode_interval = ma.fields.Integer(
        strict=True, validate=_validate.Range(min=1, max=3600), metadata={"description": "seconds"}
    )
    max_message_length = ma.fields.Integer(
        strict=True, validate=_validate.Range(min=1, max=MAX_MESSAGE_LENGTH)
    )
    allow_links = ma.fields.Boolean()
    allow_emojis = ma.fields.Boolean()
    blocked_words = ma.fields.List(
        ma.fields.String(validate=_validate.Length(min=1, max=64)),
        validate=_validate.Length(max=200),
        metadata={"description": "words no message may contain (whole words, any case)"},
    )


class ChatJoinSchema(ma.Schema):
    """Entering a chat room: a confirmation, recent messages (dumped once, by the service)."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    party_id = ma.fields.String()
    messages = ma.fields.List(DumpedNested(ChatMessageSchema))
    settings = ma.fields.Nested(ChatSettingsSchema)
    allow_chat = ma.fields.Boolean()
    hidden_user_ids = ma.fields.List(
        ma.fields.String(),
        metadata={"description": "people you blocked: their messages are not shown"},
    )


class ChatPartyRefSchema(ma.Schema):
    """Socket payload naming a party."""

    party_id = ma.fields.UUID(required=True)


class ChatSocketSendSchema(ChatSendSchema):
    """Socket `send`: a party and a new message."""

    party_id = ma.fields.UUID(required=True)


class ChatSocketDeleteSchema(ChatPartyRefSchema):
    """Socket `delete`: a party and one of its messages."""

    message_id = ma.fields.UUID(required=True)
