"""REST views of direct messages under /api/messaging/ (seed 003 "Messaging Endpoints")."""

import uuid

from watchparty.common.auth import auth_required, current_user, me
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import MessageSchema, message
from watchparty.messaging import messages, service
from watchparty.messaging.schemas import (
    ConversationCreateSchema,
    ConversationPageSchema,
    ConversationSchema,
    DirectMessagePageSchema,
    DirectMessageSchema,
    MessageQuerySchema,
    MessageSendSchema,
    ReadReceiptSchema,
    ReadSchema,
)

blp = Blueprint("messaging", __name__, description="Direct messages between users")


@blp.get("/conversations/")
@auth_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, ConversationPageSchema)
def list_conversations(query):
    """Your conversations, the latest message first, each with your unread count."""
    return service.conversations(me(), query["page"], query["page_size"])


@blp.post("/conversations/")
@auth_required
@blp.arguments(ConversationCreateSchema)
@blp.response(201, ConversationSchema)
def start_conversation(body):
    """Start a conversation (with one person: your existing one), optionally saying hello."""
    return service.start(me(), **body)


@blp.get("/conversations/<uuid:conversation_id>/")
@auth_required
@blp.response(200, ConversationSchema)
def conversation(conversation_id: uuid.UUID):
    """One of your conversations: its members (with read marks) and last message."""
    return service.detail(me(), conversation_id)


@blp.get("/conversations/<uuid:conversation_id>/messages/")
@auth_required
@blp.arguments(MessageQuerySchema, location="query")
@blp.response(200, DirectMessagePageSchema)
def list_messages(query, conversation_id: uuid.UUID):
    """A page of the conversation, newest first (`before`/`after`: ISO time or message id)."""
    return messages.history(conversation_id, current_user.id, query)


@blp.post("/conversations/<uuid:conversation_id>/messages/")
@auth_required
@blp.arguments(MessageSendSchema)
@blp.response(201, DirectMessageSchema)
def send_message(body, conversation_id: uuid.UUID):
    """Send a message (text, a party invite or a video share); it arrives live too."""
    return messages.send(conversation_id, current_user.id, **body)


@blp.post("/conversations/<uuid:conversation_id>/read/")
@auth_required
@blp.arguments(ReadSchema)
@blp.response(200, ReadReceiptSchema)
def mark_read(body, conversation_id: uuid.UUID):
    """Mark the conversation read (up to `message_id`, default all); the others see it."""
    return service.mark_read(current_user.id, conversation_id, **body)


@blp.post("/conversations/<uuid:conversation_id>/leave/")
@auth_required
@blp.response(200, MessageSchema)
def leave(conversation_id: uuid.UUID):
    """Leave a group conversation."""
    service.leave(me(), conversation_id)
    return message("You left the conversation.")
