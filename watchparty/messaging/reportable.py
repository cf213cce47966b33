"""Direct messages as reportable content (common/reportables.py): only the conversation's
members can report one; hidden or removed, it leaves the history and every open thread, live."""

import uuid

from sqlalchemy import select

from watchparty.common import reportables
from watchparty.extensions import db
from watchparty.messaging import access
from watchparty.messaging.models import ConversationMember, DirectMessage


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


def _unhide(message_id: uuid.UUID):
    message = _message(message_id)
    if message is not None:
        message.hidden = False


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
