"""`@name` in a party chat: the members named (by display name, any case) who are away from the
party, not watching it on /party with the page shown, hear of it through a notification."""

import re
import uuid

from sqlalchemy import select

from watchparty.chat.models import ChatMessage
from watchparty.common.notify import notify
from watchparty.extensions import db
from watchparty.live import online
from watchparty.parties.models import ACTIVE, Party, PartyParticipant
from watchparty.users.models import User

PREVIEW = 140  # characters of the message the notification quotes


def _lit(text: str) -> str:
    """User text inside a `collapsed` template, which is filled in with str.format."""
    return text.replace("{", "{{").replace("}", "}}")


def _names(user: User) -> list[str]:
    """What others may write after `@` for this user: the display name, else the full name."""
    return [name.casefold() for name in (user.display_name, user.full_name) if name]


def named(text: str, user: User) -> bool:
    """Whether `text` mentions the user: `@` and their name, not followed by a letter or digit."""
    folded = text.casefold()
    return any(re.search(rf"(?<![\w@])@{re.escape(n)}(?!\w)", folded) for n in _names(user))


def away(user_id: uuid.UUID, party_id: uuid.UUID) -> bool:
    """Whether the user is not watching the party with the page shown, on any process."""
    state = online.state(user_id)
    return state["status"] != online.ONLINE or str(party_id) not in state["party_ids"]


def _mentioned(party: Party, message: ChatMessage) -> list[User]:
    """The party's active members (not the author) the message names."""
    members = db.session.scalars(
        select(User)
        .join(PartyParticipant, PartyParticipant.user_id == User.id)
        .where(
            PartyParticipant.party_id == party.id,
            PartyParticipant.status == ACTIVE,
            User.id != message.user_id,
        )
    ).all()
    return [user for user in members if named(message.text, user)]


def notify_mentions(party: Party, message: ChatMessage) -> None:
    """After the message's commit: tell each member it names who is away; one notification per
    party while unread (the sink drops it for whoever blocked the author, the actor)."""
    if "@" not in message.text or message.user_id is None:
        return
    author = db.session.get(User, message.user_id)
    preview = message.text if len(message.text) <= PREVIEW else message.text[: PREVIEW - 1] + "…"
    for user in _mentioned(party, message):
        if not away(user.id, party.id):
            continue
        notify(
            user.id,
            "mention",
            "New mention",
            f"{author.full_name} mentioned you in “{party.title}”: {preview}",
            data={
                "party_id": str(party.id),
                "message_id": str(message.id),
                "sender_id": str(author.id),
            },
            actor_id=author.id,
            collapse_key=f"mention:{party.id}",
            collapsed=f"{{count}} mentions in “{_lit(party.title)}”",
        )
