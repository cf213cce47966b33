"""Chat messages as reportable content (common/reportables.py): members report what they see;
hiding or removing one takes it out of the history and out of every open chat, live; showing a
held-back one again puts it back in every open chat (`restored`)."""

import uuid

from watchparty.chat.models import ChatMessage
from watchparty.chat.schemas import dump_message
from watchparty.common import reportables
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.parties.access import active_member
from watchparty.parties.models import Party


def _message(message_id: uuid.UUID) -> ChatMessage | None:
    return db.session.get(ChatMessage, message_id)


def _owner(message_id: uuid.UUID):
    message = _message(message_id)
    return message.user_id if message is not None else None


def _visible_to(user, message_id: uuid.UUID) -> bool:
    message = _message(message_id)
    if message is None or message.deleted_at is not None:
        return False
    party = db.session.get(Party, message.party_id)
    return party is not None and active_member(party, user.id) is not None


def _text(message_id: uuid.UUID) -> str:
    message = _message(message_id)
    return message.text if message is not None else ""


def _gone(message: ChatMessage):
    """After the commit: every open chat of the party drops the message (chat's `deleted`)."""
    from watchparty.chat.service import broadcast

    payload = {"party_id": str(message.party_id), "message_id": str(message.id)}
    return lambda: broadcast("deleted", payload, message.party_id)


def _hide(message_id: uuid.UUID):
    message = _message(message_id)
    if message is None or message.deleted_at is not None:
        return None
    message.deleted_at, message.hidden = utcnow(), True
    return _gone(message)


def _unhide(message_id: uuid.UUID):
    """Show a held-back message again; after the commit every open chat gets it (`restored`)."""
    from watchparty.chat.service import broadcast

    message = _message(message_id)
    if message is None or not message.hidden:
        return None
    message.deleted_at, message.hidden = None, False
    payload = dump_message(message)  # exactly as a new message is broadcast (`message`)
    return lambda: broadcast("restored", payload, message.party_id)


def _remove(message_id: uuid.UUID, actor_id: uuid.UUID):
    message = _message(message_id)
    if message is None:
        return None
    message.hidden = False
    if message.deleted_by is None:
        message.deleted_at, message.deleted_by = message.deleted_at or utcnow(), actor_id
    return _gone(message)


REPORTABLE = reportables.Reportable(
    name=reportables.CHAT_MESSAGE,
    label="Chat message",
    owner=_owner,
    visible_to=_visible_to,
    text=_text,
    hide=_hide,
    unhide=_unhide,
    remove=_remove,
)
