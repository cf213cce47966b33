"""Who may see a conversation and whom a block keeps apart: asked by every view and handler."""

import uuid

from sqlalchemy import select

from watchparty.common.realtime import MESSAGING_NS, user_room
from watchparty.errors import NotFound
from watchparty.extensions import db, socketio
from watchparty.friends.models import Block
from watchparty.messaging.models import Conversation, ConversationMember


def membership(conversation_id: uuid.UUID, user_id: uuid.UUID) -> ConversationMember:
    """The caller's membership of the conversation; 404 to anyone else (it does not exist)."""
    row = db.session.scalar(
        select(ConversationMember).where(
            ConversationMember.conversation_id == conversation_id,
            ConversationMember.user_id == user_id,
        )
    )
    if row is None:
        raise NotFound("Conversation not found.", code="conversation_not_found")
    return row


def conversation(conversation_id: uuid.UUID, user_id: uuid.UUID) -> Conversation:
    """The conversation, if the user is in it (404 otherwise)."""
    membership(conversation_id, user_id)
    return db.session.get(Conversation, conversation_id)


def blocked_either_way(user_id: uuid.UUID) -> set[uuid.UUID]:
    """Everyone the user blocked or was blocked by: no messages pass between them."""
    rows = db.session.execute(
        select(Block.blocker_id, Block.blocked_id).where(
            (Block.blocker_id == user_id) | (Block.blocked_id == user_id)
        )
    ).all()
    return {i for row in rows for i in row} - {user_id}


def member_ids(conversation: Conversation) -> list[uuid.UUID]:
    """The ids of the conversation's members, in joining order."""
    return [m.user_id for m in conversation.members]


def emit_to(user_ids, event: str, payload: dict) -> None:
    """Send `event` to every connection of each user on /messaging, on every process."""
    for user_id in user_ids:
        socketio.emit(event, payload, namespace=MESSAGING_NS, to=user_room(user_id))
