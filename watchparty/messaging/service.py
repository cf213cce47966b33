"""Conversations: start one (a pair's is unique), list yours with the last message and unread
count, read one, mark it read (a read receipt for the others) and leave a group."""

import uuid

from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased

from watchparty.common.pagination import paginate
from watchparty.common.shown import Shown
from watchparty.common.types import iso, utcnow
from watchparty.errors import Conflict, Forbidden, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.messaging import access, messages, rules
from watchparty.messaging.models import (
    Conversation,
    ConversationMember,
    DirectMessage,
    pair_key,
)
from watchparty.users.models import ACTIVE, User


def _others(user: User, participant_ids: list[uuid.UUID]) -> list[uuid.UUID]:
    """The other participants, once each: 400 when only you, 404 unknown, 403 blocked."""
    ids = list(dict.fromkeys(i for i in participant_ids if i != user.id))
    if not ids:
        raise ValidationError(
            "A conversation needs someone besides you.",
            code="self_conversation",
            errors={"participant_ids": ["Name at least one other person."]},
        )
    found = set(db.session.scalars(select(User.id).where(User.id.in_(ids), User.status == ACTIVE)))
    if missing := [str(i) for i in ids if i not in found]:
        raise NotFound("No such user.", code="user_not_found", detail=", ".join(missing))
    if access.blocked_either_way(user.id) & found:
        raise Forbidden("You cannot message this person.", code="blocked")
    return ids


def _create(user: User, others: list[uuid.UUID], key: str | None) -> Conversation:
    conversation = Conversation(is_group=key is None, pair_key=key, created_by=user.id)
    db.session.add(conversation)
    db.session.flush()
    for user_id in [user.id, *others]:
        db.session.add(ConversationMember(conversation_id=conversation.id, user_id=user_id))
    db.session.commit()
    access.emit_to(others, "conversation", {"conversation_id": str(conversation.id)})
    return conversation


def _direct(user: User, other: uuid.UUID) -> Conversation:
    """The pair's one conversation: found, or created; a simultaneous creator's row wins."""
    key = pair_key(user.id, other)
    find = select(Conversation).where(Conversation.pair_key == key)
    if (existing := db.session.scalar(find)) is not None:
        return existing
    try:
        return _create(user, [other], key)
    except IntegrityError:  # the other started it at the same moment: theirs is the one
        db.session.rollback()
        return db.session.scalar(find)


def start(
    user: User,
    participant_ids: list[uuid.UUID],
    initial_message: str | None = None,
    client_id: str | None = None,
) -> Shown:
    """Start a conversation (two people: their existing one), optionally with a first message."""
    others = _others(user, participant_ids)
    if initial_message is not None:
        initial_message = initial_message.strip()
        if not initial_message:
            raise ValidationError(errors={"initial_message": ["A message cannot be empty."]})
        rules.check_flood(user.id)  # before anything is written
    one = len(others) == 1
    conversation = _direct(user, others[0]) if one else _create(user, others, None)
    if initial_message:
        messages.send(
            conversation.id, user.id, initial_message, client_id=client_id, flood_checked=True
        )
    return detail(user, conversation.id)


def _unread(user_id: uuid.UUID, ids: list[uuid.UUID], hidden: set) -> dict:
    """Messages by others after the user's read mark, per conversation (one query); in
    groups, none by people blocked either way (as `messages.visible`)."""
    me = aliased(ConversationMember)
    shown_sender = or_(
        DirectMessage.sender_id.is_(None),
        DirectMessage.sender_id.not_in(hidden | {user_id}),
        and_(Conversation.is_group.is_(False), DirectMessage.sender_id != user_id),
    )
    stmt = (
        select(DirectMessage.conversation_id, func.count())
        .join(Conversation, Conversation.id == DirectMessage.conversation_id)
        .join(me, and_(me.conversation_id == DirectMessage.conversation_id, me.user_id == user_id))
        .where(
            DirectMessage.conversation_id.in_(ids),
            shown_sender,
            or_(me.last_read_at.is_(None), DirectMessage.created_at > me.last_read_at),
        )
        .group_by(DirectMessage.conversation_id)
    )
    return dict(db.session.execute(stmt).all())


def _last_visible(conversation: Conversation, hidden: set) -> DirectMessage | None:
    last = conversation.last_message
    if last is None or (
        not last.hidden and (not conversation.is_group or last.sender_id not in hidden)
    ):
        return last
    return db.session.scalar(
        messages.visible(conversation, hidden)
        .order_by(DirectMessage.created_at.desc(), DirectMessage.id.desc())
        .limit(1)
    )


def _shown(rows: list[Conversation], user_id: uuid.UUID) -> list[Shown]:
    hidden = access.blocked_either_way(user_id)
    unread = _unread(user_id, [c.id for c in rows], hidden) if rows else {}
    return [
        Shown(
            c,
            participants=[Shown(m.user, last_read_at=m.last_read_at) for m in c.members],
            last_message=_last_visible(c, hidden),
            unread_count=unread.get(c.id, 0),
        )
        for c in rows
    ]


def conversations(user: User, page: int, page_size: int) -> dict:
    """A page of the user's conversations, the latest message first."""
    stmt = (
        select(Conversation)
        .join(ConversationMember, ConversationMember.conversation_id == Conversation.id)
        .where(ConversationMember.user_id == user.id)
        .order_by(
            func.coalesce(Conversation.last_message_at, Conversation.created_at).desc(),
            Conversation.id,
        )
    )
    return paginate(stmt, page, page_size, lambda rows: _shown(rows, user.id))


def detail(user: User, conversation_id: uuid.UUID) -> Shown:
    """One of the user's conversations (404 to anyone not in it)."""
    return _shown([access.conversation(conversation_id, user.id)], user.id)[0]


def mark_read(user_id: uuid.UUID, conversation_id: uuid.UUID, message_id=None) -> dict:
    """Move the user's read mark up to a message (default: the latest); it never goes back.
    Commits, then tells the other members (a read receipt)."""
    row = access.membership(conversation_id, user_id)
    conversation = db.session.get(Conversation, conversation_id)
    if message_id is not None:
        moment = messages.message_of(conversation_id, message_id).created_at
    else:
        moment = conversation.last_message_at or utcnow()
    db.session.execute(
        update(ConversationMember)
        .where(
            ConversationMember.id == row.id,
            or_(
                ConversationMember.last_read_at.is_(None),
                ConversationMember.last_read_at < moment,
            ),
        )
        .values(last_read_at=moment)
    )
    db.session.commit()
    db.session.refresh(row)
    hidden = access.blocked_either_way(user_id)
    receipt = {
        "conversation_id": str(conversation_id),
        "user_id": str(user_id),
        "last_read_at": row.last_read_at,
    }
    others = [i for i in access.member_ids(conversation) if i != user_id and i not in hidden]
    access.emit_to(others, "read", {**receipt, "last_read_at": iso(row.last_read_at)})
    unread = _unread(user_id, [conversation_id], hidden).get(conversation_id, 0)
    return {**receipt, "unread_count": unread}


def leave(user: User, conversation_id: uuid.UUID) -> None:
    """Leave a group conversation (a pair's cannot be left); the last one out deletes it."""
    conversation = access.conversation(conversation_id, user.id)
    if not conversation.is_group:
        raise Conflict("A conversation between two people cannot be left.", code="not_a_group")
    mine = access.membership(conversation_id, user.id)
    db.session.execute(delete(ConversationMember).where(ConversationMember.id == mine.id))
    remaining = [i for i in access.member_ids(conversation) if i != user.id]
    if not remaining:  # its messages go with it (ON DELETE CASCADE)
        db.session.execute(delete(Conversation).where(Conversation.id == conversation_id))
    db.session.commit()
    payload = {"conversation_id": str(conversation_id), "user_id": str(user.id)}
    access.emit_to(remaining, "left", payload)
