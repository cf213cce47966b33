"""Messages of a conversation: one `send` for sockets and REST alike, history, typing."""

import uuid
from datetime import datetime

from sqlalchemy import Select, or_, select, update
from sqlalchemy.exc import IntegrityError

from watchparty.common.pagination import history_bound, paginate
from watchparty.common.types import utcnow
from watchparty.errors import Forbidden, NotFound
from watchparty.extensions import db
from watchparty.messaging import access, notices, rules
from watchparty.messaging.models import (
    PARTY_INVITE,
    TEXT,
    VIDEO_SHARE,
    Conversation,
    ConversationMember,
    DirectMessage,
)
from watchparty.messaging.schemas import dump_message
from watchparty.parties.access import get_party, require_viewer
from watchparty.users.models import User
from watchparty.users.schemas import dump_brief
from watchparty.videos.access import visible_video


def visible(conversation: Conversation, hidden: set) -> Select:
    """The conversation's messages; in a group, none by people blocked either way. A pair's
    history stays whole after a block (a record of what was said), only new messages stop."""
    stmt = select(DirectMessage).where(
        DirectMessage.conversation_id == conversation.id, DirectMessage.hidden.is_(False)
    )
    if hidden and conversation.is_group:
        stmt = stmt.where(
            or_(DirectMessage.sender_id.is_(None), DirectMessage.sender_id.not_in(hidden))
        )
    return stmt


def message_of(conversation_id: uuid.UUID, message_id: uuid.UUID) -> DirectMessage:
    """A message of the conversation, or 404."""
    message = db.session.get(DirectMessage, message_id)
    if message is None or message.conversation_id != conversation_id or message.hidden:
        raise NotFound("Message not found.", code="message_not_found")
    return message


def _by_client_id(conversation_id, user_id, client_id) -> DirectMessage | None:
    return db.session.scalar(
        select(DirectMessage).where(
            DirectMessage.conversation_id == conversation_id,
            DirectMessage.sender_id == user_id,
            DirectMessage.client_id == client_id,
        )
    )


def _check_recipients(conversation: Conversation, user_id: uuid.UUID, hidden: set) -> None:
    """A pair's conversation needs the other still there and no block between the two."""
    if conversation.is_group:
        return
    others = [i for i in access.member_ids(conversation) if i != user_id]
    if not others:
        raise Forbidden("The other person has left.", code="recipient_gone")
    if others[0] in hidden:
        raise Forbidden("You cannot message this person.", code="blocked")


def _check_link(user_id: uuid.UUID, message_type: str, party_id, video_id) -> None:
    """A linked party or video must be one the sender may see (404 otherwise)."""
    if message_type == PARTY_INVITE:
        require_viewer(get_party(party_id), user_id)
    elif message_type == VIDEO_SHARE:
        visible_video(db.session.get(User, user_id), video_id)


def _store(message: DirectMessage) -> None:
    """Insert the message and move the conversation's last message and the sender's read mark
    to it, then commit (a concurrent later message keeps its place as the last)."""
    db.session.add(message)
    db.session.flush()
    at = message.created_at
    db.session.execute(
        update(Conversation)
        .where(
            Conversation.id == message.conversation_id,
            or_(Conversation.last_message_at.is_(None), Conversation.last_message_at <= at),
        )
        .values(last_message_id=message.id, last_message_at=at)
    )
    db.session.execute(
        update(ConversationMember)
        .where(
            ConversationMember.conversation_id == message.conversation_id,
            ConversationMember.user_id == message.sender_id,
            or_(ConversationMember.last_read_at.is_(None), ConversationMember.last_read_at < at),
        )
        .values(last_read_at=at)
    )
    db.session.commit()


def send(
    conversation_id: uuid.UUID,
    user_id: uuid.UUID,
    text: str,
    message_type: str = TEXT,
    party_id: uuid.UUID | None = None,
    video_id: uuid.UUID | None = None,
    client_id: str | None = None,
    flood_checked: bool = False,
) -> DirectMessage:
    """Store a member's message, commit, then deliver it live; a repeated client_id returns
    the stored message and delivers nothing."""
    conversation = access.conversation(conversation_id, user_id)
    if client_id and (known := _by_client_id(conversation.id, user_id, client_id)) is not None:
        return known
    hidden = access.blocked_either_way(user_id)
    _check_recipients(conversation, user_id, hidden)
    _check_link(user_id, message_type, party_id, video_id)
    if not flood_checked:
        rules.check_flood(user_id)
    message = DirectMessage(
        conversation_id=conversation.id,
        sender_id=user_id,
        text=text,
        message_type=message_type,
        party_id=party_id,
        video_id=video_id,
        client_id=client_id,
        created_at=utcnow(),
    )
    try:
        _store(message)
    except IntegrityError:  # the same client_id raced in on another connection: keep the first
        db.session.rollback()
        known = _by_client_id(conversation.id, user_id, client_id) if client_id else None
        if known is None:
            raise
        return known
    recipients = [i for i in access.member_ids(conversation) if i not in hidden]
    access.emit_to(recipients, "message", dump_message(message))
    notices.new_message(conversation, message, db.session.get(User, user_id), recipients)
    return message


def _moment(conversation_id, value: str, field: str) -> datetime:
    """A history bound: a message id of this conversation (its time) or an ISO 8601 time."""
    return history_bound(
        value, field, lambda message_id: message_of(conversation_id, message_id).created_at
    )


def history(conversation_id: uuid.UUID, user_id: uuid.UUID, query: dict) -> dict:
    """A page of the conversation's messages, newest first, optionally before/after a time or
    a message."""
    conversation = access.conversation(conversation_id, user_id)
    stmt = visible(conversation, access.blocked_either_way(user_id))
    if query.get("before"):
        moment = _moment(conversation.id, query["before"], "before")
        stmt = stmt.where(DirectMessage.created_at < moment)
    if query.get("after"):
        moment = _moment(conversation.id, query["after"], "after")
        stmt = stmt.where(DirectMessage.created_at > moment)
    stmt = stmt.order_by(DirectMessage.created_at.desc(), DirectMessage.id.desc())
    return paginate(stmt, query["page"], query["page_size"])


def typing(conversation_id: uuid.UUID, user_id: uuid.UUID, is_typing: bool) -> dict:
    """Tell the other members (not those blocked either way) that the user types or stopped."""
    conversation = access.conversation(conversation_id, user_id)
    rules.check_typing(user_id)
    hidden = access.blocked_either_way(user_id)
    others = [i for i in access.member_ids(conversation) if i != user_id and i not in hidden]
    payload = {
        "conversation_id": str(conversation.id),
        "user": dump_brief(db.session.get(User, user_id)),
        "typing": is_typing,
    }
    access.emit_to(others, "typing", payload)
    return {"conversation_id": str(conversation.id), "typing": is_typing}
