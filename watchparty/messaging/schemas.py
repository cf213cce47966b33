"""Direct messages' bodies, queries, representations and socket payloads."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.messaging.models import (
    MAX_MESSAGE_LENGTH,
    MAX_PARTICIPANTS,
    MESSAGE_TYPES,
    PARTY_INVITE,
    TEXT,
    VIDEO_SHARE,
)
from watchparty.users.schemas import UserBriefSchema
from watchparty.users.settings import StrictBoolean

_validate = ma.validate
_text = _validate.Length(max=MAX_MESSAGE_LENGTH)


class LinkedSchema(ma.Schema):
    """A party or video a message links: its id and title."""

    id = ma.fields.UUID(dump_only=True)
    title = ma.fields.String(dump_only=True)


def _party(message):
    party = message.party
    return None if party is None or party.deleted_at is not None else party


class DirectMessageSchema(ma.Schema):
    """A message: seed 003's `message`, also as `text`; the linked party or video's title."""

    id = ma.fields.UUID(dump_only=True)
    conversation_id = ma.fields.UUID(dump_only=True)
    sender = ma.fields.Nested(UserBriefSchema, dump_only=True, allow_none=True)
    message = ma.fields.String(attribute="text", dump_only=True)
    text = ma.fields.String(dump_only=True)
    message_type = ma.fields.String(dump_only=True)
    party = ma.fields.Function(
        lambda m: _linked.dump(_party(m)) if _party(m) else None,
        dump_only=True,
        allow_none=True,
        metadata={"type": "object", "description": "party_invite: the party's id and title"},
    )
    video = ma.fields.Nested(
        LinkedSchema,
        dump_only=True,
        allow_none=True,
        metadata={"description": "video_share: the video's id and title"},
    )
    client_id = ma.fields.String(dump_only=True, allow_none=True)
    created_at = UTCDateTimeField(dump_only=True)
    timestamp = UTCDateTimeField(attribute="created_at", dump_only=True)


_linked = LinkedSchema()
_message_schema = DirectMessageSchema()


def dump_message(message) -> dict:
    """One message as JSON (REST bodies and socket payloads alike)."""
    return _message_schema.dump(message)


class ConversationParticipantSchema(UserBriefSchema):
    """A member of a conversation and up to when they read it (read receipts)."""

    last_read_at = UTCDateTimeField(dump_only=True, allow_none=True)


class ConversationSchema(ma.Schema):
    """A conversation with its members, its last message and the caller's unread count."""

    id = ma.fields.UUID(dump_only=True)
    is_group = ma.fields.Boolean(dump_only=True)
    participants = ma.fields.List(ma.fields.Nested(ConversationParticipantSchema), dump_only=True)
    last_message = ma.fields.Nested(DirectMessageSchema, dump_only=True, allow_none=True)
    unread_count = ma.fields.Integer(dump_only=True)
    created_at = UTCDateTimeField(dump_only=True)
    last_message_at = UTCDateTimeField(dump_only=True, allow_none=True)


ConversationPageSchema = page_of(ConversationSchema, "ConversationPage")
DirectMessagePageSchema = page_of(DirectMessageSchema, "DirectMessagePage")


class ConversationCreateSchema(ma.Schema):
    """Seed 003's `{participant_ids, initial_message?}`: the others (you may be listed too)."""

    participant_ids = ma.fields.List(
        ma.fields.UUID(),
        required=True,
        validate=_validate.Length(min=1, max=MAX_PARTICIPANTS),
    )
    initial_message = ma.fields.String(validate=_validate.Length(min=1, max=MAX_MESSAGE_LENGTH))
    client_id = ma.fields.String(validate=_validate.Length(min=1, max=64))


class MessageSendSchema(ma.Schema):
    """Seed 003's `{message, message_type}` (or `text`); a party or video for the link types."""

    message = ma.fields.String(validate=_text)
    text = ma.fields.String(validate=_text)
    message_type = ma.fields.String(load_default=TEXT, validate=_validate.OneOf(MESSAGE_TYPES))
    party_id = ma.fields.UUID(load_default=None)
    video_id = ma.fields.UUID(load_default=None)
    client_id = ma.fields.String(load_default=None, validate=_validate.Length(min=1, max=64))

    @ma.validates_schema
    def fits_its_type(self, data, **kwargs):
        """Text needs words; an invite needs a party; a share needs a video; nothing else."""
        text = (data.get("text") or data.get("message") or "").strip()
        kind = data.get("message_type", TEXT)
        if kind == TEXT and not text:
            raise ma.ValidationError("A message cannot be empty.", "message")
        for field, wanted in (("party_id", PARTY_INVITE), ("video_id", VIDEO_SHARE)):
            if kind == wanted and data.get(field) is None:
                raise ma.ValidationError(f"A {wanted} message needs a {field}.", field)
            if kind != wanted and data.get(field) is not None:
                raise ma.ValidationError(f"Only a {wanted} message takes a {field}.", field)

    @ma.post_load
    def one_text(self, data, **kwargs):
        """Keep the stripped text under `text` only."""
        message = data.pop("message", None)
        data["text"] = (data.get("text") or message or "").strip()
        return data


class MessageQuerySchema(PageQuerySchema):
    """Paging plus `before`/`after`: an ISO 8601 time or a message id of the conversation."""

    before = ma.fields.String(validate=_validate.Length(max=64))
    after = ma.fields.String(validate=_validate.Length(max=64))


class ReadSchema(ma.Schema):
    """Mark read up to a message (default: everything so far)."""

    message_id = ma.fields.UUID(load_default=None)


class ReadReceiptSchema(ma.Schema):
    """Who read a conversation, up to when (the `read` event carries the same)."""

    conversation_id = ma.fields.UUID()
    user_id = ma.fields.UUID()
    last_read_at = UTCDateTimeField(allow_none=True)
    unread_count = ma.fields.Integer()


class ConversationRefSchema(ma.Schema):
    """Socket payload naming a conversation."""

    conversation_id = ma.fields.UUID(required=True)


class SocketSendSchema(MessageSendSchema):
    """Socket `send`: a conversation and a new message."""

    conversation_id = ma.fields.UUID(required=True)


class SocketReadSchema(ReadSchema):
    """Socket `read`: a conversation, and optionally the last message read."""

    conversation_id = ma.fields.UUID(required=True)


class SocketTypingSchema(ma.Schema):
    """Socket `typing`: a conversation and whether the user is typing now."""

    conversation_id = ma.fields.UUID(required=True)
    typing = StrictBoolean(load_default=True)
