"""Chat messages: one `send` for sockets and REST alike, history, deletion, counts."""

import uuid
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from watchparty.chat import mentions, rules, sanctions
from watchparty.chat.models import TEXT, ChatMessage
from watchparty.chat.schemas import dump_message, dump_messages
from watchparty.chat.settings import settings_of
from watchparty.common.pagination import history_bound, paginate
from watchparty.common.realtime import CHAT_NS
from watchparty.common.types import utcnow
from watchparty.errors import Forbidden, NotFound
from watchparty.extensions import db
from watchparty.parties import broadcast as party_broadcast
from watchparty.parties.access import get_party, require_member
from watchparty.parties.models import HOST, MODERATOR
from watchparty.users import service as users

RECENT = 50


def broadcast(event: str, payload: dict, party_id) -> None:
    """Emit `event` to the party's /chat room, on every process."""
    party_broadcast.emit(event, payload, party_id, namespace=CHAT_NS)


def _by_client_id(party_id, user_id, client_id) -> ChatMessage | None:
    return db.session.scalar(
        select(ChatMessage).where(
            ChatMessage.party_id == party_id,
            ChatMessage.user_id == user_id,
            ChatMessage.client_id == client_id,
        )
    )


def _visible(party_id, message_id) -> ChatMessage:
    message = db.session.get(ChatMessage, message_id)
    if message is None or message.party_id != party_id or message.deleted_at is not None:
        raise NotFound("Message not found.", code="message_not_found")
    return message


def send(
    party_id: uuid.UUID,
    user_id: uuid.UUID,
    text: str,
    reply_to: uuid.UUID | None = None,
    client_id: str | None = None,
    message_type: str = TEXT,
) -> ChatMessage:
    """Store a member's message, commit, then broadcast it; a repeated client_id is a no-op."""
    party = get_party(party_id)
    row = require_member(party, user_id)
    if not party.allow_chat:
        raise Forbidden("Chat is turned off in this party.", code="chat_disabled")
    if client_id and (known := _by_client_id(party.id, user_id, client_id)) is not None:
        return known
    sanctions.require_can_speak(party.id, user_id)
    settings = settings_of(party.id)
    text = rules.check_text(text, message_type, settings)
    if reply_to is not None:
        _visible(party.id, reply_to)
    rules.check_flood(user_id)
    if row.role not in (HOST, MODERATOR):
        rules.check_slow_mode(party.id, user_id, settings)
    message = ChatMessage(
        party_id=party.id,
        user_id=user_id,
        text=text,
        message_type=message_type,
        reply_to_id=reply_to,
        client_id=client_id,
        created_at=utcnow(),
    )
    db.session.add(message)
    try:
        db.session.commit()
    except IntegrityError:  # the same client_id raced in on another connection: keep the first
        db.session.rollback()
        known = _by_client_id(party.id, user_id, client_id) if client_id else None
        if known is None:
            raise
        return known
    broadcast("message", dump_message(message), party.id)
    mentions.notify_mentions(party, message)
    return message


def _moment(party_id, value: str, field: str) -> datetime:
    """A history bound: a message id of this party (its time) or an ISO 8601 time."""
    return history_bound(value, field, lambda message_id: _visible(party_id, message_id).created_at)


def history(party_id: uuid.UUID, user_id: uuid.UUID, query: dict) -> dict:
    """A page of the party's messages, newest first, optionally before/after a time or message."""
    party = get_party(party_id)
    require_member(party, user_id)
    stmt = select(ChatMessage).where(
        ChatMessage.party_id == party.id,
        ChatMessage.deleted_at.is_(None),
        ChatMessage.user_id.not_in(users.hidden_from(user_id)),
    )
    for field in ("before", "before_timestamp"):
        if query.get(field):
            stmt = stmt.where(ChatMessage.created_at < _moment(party.id, query[field], field))
    if query.get("after"):
        stmt = stmt.where(ChatMessage.created_at > _moment(party.id, query["after"], "after"))
    stmt = stmt.order_by(ChatMessage.created_at.desc(), ChatMessage.id.desc())
    return paginate(stmt, query["page"], query["page_size"])


def recent(party_id: uuid.UUID, limit: int = RECENT, hidden=()) -> list[dict]:
    """The last `limit` messages of the party (none by `hidden` authors), oldest first."""
    rows = db.session.scalars(
        select(ChatMessage)
        .where(ChatMessage.party_id == party_id, ChatMessage.deleted_at.is_(None))
        .where(ChatMessage.user_id.not_in(hidden))
        .order_by(ChatMessage.created_at.desc(), ChatMessage.id.desc())
        .limit(limit)
    ).all()
    return dump_messages(list(reversed(rows)))


def enter(party_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """What a member entering the chat needs: recent messages and the settings."""
    party = get_party(party_id)
    require_member(party, user_id)
    sanctions.require_not_banned(party.id, user_id)
    hidden = users.hidden_from(user_id)
    return {
        "party_id": str(party.id),
        "messages": recent(party.id, hidden=hidden),
        # Live messages reach the whole room: the client leaves these authors' out too.
        "hidden_user_ids": sorted(str(i) for i in hidden),
        "settings": settings_of(party.id),
        "allow_chat": party.allow_chat,
    }


def leave(party_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """Confirm leaving the party's chat (nothing is stored: rooms are per connection)."""
    party = get_party(party_id)
    return {"success": True, "message": "Left the chat.", "party_id": str(party.id)}


def delete_message(
    party_id: uuid.UUID, user_id: uuid.UUID, message_id: uuid.UUID, reason: str = ""
) -> ChatMessage:
    """Delete a message (its author, the host or a moderator). Commits, then broadcasts."""
    party = get_party(party_id)
    row = require_member(party, user_id)
    message = _visible(party.id, message_id)
    is_moderator = row.role in (HOST, MODERATOR)
    if message.user_id != user_id and not is_moderator:
        raise Forbidden("Only the host or a moderator can delete this.", code="not_a_moderator")
    message.deleted_at, message.deleted_by = utcnow(), user_id
    if message.user_id != user_id:
        sanctions.log(party.id, user_id, "delete_message", message.user_id, message.id, reason)
    db.session.commit()
    broadcast("deleted", {"party_id": str(party.id), "message_id": str(message.id)}, party.id)
    return message


def message_count(party_id: uuid.UUID) -> int:
    """How many (undeleted) messages the party's chat holds."""
    return db.session.scalar(
        select(func.count())
        .select_from(ChatMessage)
        .where(ChatMessage.party_id == party_id, ChatMessage.deleted_at.is_(None))
    )
