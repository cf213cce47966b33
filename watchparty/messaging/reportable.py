"""Direct messages as reportable content (common/reportables.py): only the conversation's
members can report one; hidden or removed, it leaves the history and every open thread, live;
shown again, it comes back to every open thread (`restored`)."""

import uuid

from sqlalchemy import select

from watchparty.common import reportables
from watchparty.extensions import db
from watchparty.messaging import access
from watchparty.messaging.models import Conversation, ConversationMember, DirectMessage
from watchparty.messaging.schemas import dump_message


def _message(message_id: uuid.UUID) -> DirectMessage | None:
    return db.session.get(DirectMessage, message_id)


def _owner(message_id: uuid.UUID):
    message = _message(message_id)
    return message.sender_id if message is not None else None


def _visible_to(user, message_id: uuid.UUID) -> bool:
    message = _message(message_id)
    if message is None or message.hidden:
        return False
    member = select(ConversationMember.id).where(
        ConversationMember.conversation_id == message.conversation_id,
        ConversationMember.user_id == user.id,
    )
    return db.session.scalar(member) is not None


def _text(message_id: uuid.UUID) -> str:
    message = _message(message_id)
    return message.text if message is not None else ""


def _take_down(message_id: uuid.UUID, actor_id: uuid.UUID | None = None):
    """Hide the message; after the commit every member's open thread drops it (`deleted`)."""
    message = _message(message_id)
    if message is None:
        return None
    message.hidden = True
    members = list(
        db.session.scalars(
            select(ConversationMember.user_id).where(
                ConversationMember.conversation_id == message.conversation_id
            )
        )
    )
    payload = {"conversation_id": str(message.conversation_id), "message_id": str(message.id)}
    return lambda: access.emit_to(members, "deleted", payload)


def _readers(message: DirectMessage) -> list[uuid.UUID]:
    """Who sees the message in the history: every member; in a group, none blocked either way
    with its sender (as `messages.visible` reads it)."""
    conversation = db.session.get(Conversation, message.conversation_id)
    members = access.member_ids(conversation)
    if not conversation.is_group or message.sender_id is None:
        return members
    blocked = access.blocked_either_way(message.sender_id)
    return [i for i in members if i not in blocked]


def _unhide(message_id: uuid.UUID):
    """Show a held-back message again; after the commit its readers' open threads get it back
    (`restored`, the message as `message` delivers it)."""
    message = _message(message_id)
    if message is None or not message.hidden:
        return None
    message.hidden = False
    readers, payload = _readers(message), dump_message(message)
    return lambda: access.emit_to(readers, "restored", payload)


REPORTABLE = reportables.Reportable(
    name=reportables.DIRECT_MESSAGE,
    label="Direct message",
    owner=_owner,
    visible_to=_visible_to,
    text=_text,
    hide=_take_down,
    unhide=_unhide,
    remove=_take_down,
)
