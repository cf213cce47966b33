"""Seed 003's party chat paths: GET/POST /api/parties/<party_id>/chat/."""

import uuid

from watchparty.chat import service
from watchparty.chat.schemas import (
    ChatHistoryQuerySchema,
    ChatMessageSchema,
    ChatSendSchema,
    ChatSentMessageSchema,
)
from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import page_of

blp = Blueprint("party_chat", __name__, description="Party chat under /api/parties/")


@blp.get("/<uuid:party_id>/chat/")
@auth_required
@blp.arguments(ChatHistoryQuerySchema, location="query")
@blp.response(200, page_of(ChatMessageSchema, name="PartyChatPage"))
def history(query, party_id: uuid.UUID):
    """The party's chat history, newest first (`page`, `before_timestamp`)."""
    return service.history(party_id, current_user.id, query)


@blp.post("/<uuid:party_id>/chat/")
@auth_required
@blp.arguments(ChatSendSchema)
@blp.response(201, ChatSentMessageSchema)
def send(body, party_id: uuid.UUID):
    """Send a chat message to the party (same rules and broadcast as the socket `send`)."""
    return service.send(party_id, current_user.id, **body)
