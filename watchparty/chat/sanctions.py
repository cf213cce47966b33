"""Mutes and timed bans in a party's chat, and the moderation log they write."""

import uuid
from datetime import timedelta

from sqlalchemy import or_, select

from watchparty.chat.models import BAN, MUTE, ChatModerationLog, ChatSanction
from watchparty.common.types import iso, utcnow
from watchparty.errors import Forbidden
from watchparty.extensions import db


def active(party_id: uuid.UUID, user_id: uuid.UUID, *kinds: str) -> list[ChatSanction]:
    """The user's sanctions of these kinds in force now (not lifted, not expired)."""
    return list(
        db.session.scalars(
            select(ChatSanction).where(
                ChatSanction.party_id == party_id,
                ChatSanction.user_id == user_id,
                ChatSanction.kind.in_(kinds),
                ChatSanction.lifted_at.is_(None),
                or_(ChatSanction.until.is_(None), ChatSanction.until > utcnow()),
            )
        )
    )


def _until_text(sanctions: list[ChatSanction]) -> str:
    if any(s.until is None for s in sanctions):
        return "until lifted by a moderator"
    return f"until {iso(max(s.until for s in sanctions))}"


def _refuse(current: list[ChatSanction]) -> None:
    bans = [s for s in current if s.kind == BAN]
    if bans:
        raise Forbidden(f"You are banned from this chat {_until_text(bans)}.", code="chat_banned")
    if current:
        raise Forbidden(f"You are muted in this chat {_until_text(current)}.", code="muted")


def require_not_banned(party_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """403 `chat_banned` while the user is banned from the party's chat."""
    _refuse(active(party_id, user_id, BAN))


def require_can_speak(party_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """403 (`chat_banned` or `muted`) while the user may not post in the party's chat."""
    _refuse(active(party_id, user_id, BAN, MUTE))


def impose(
    party_id, user_id, kind: str, by: uuid.UUID, duration: int | None, reason: str
) -> ChatSanction:
    """Replace the user's active sanction of `kind` with a new one (not committed)."""
    now = utcnow()
    for old in active(party_id, user_id, kind):
        old.lifted_at = now
    sanction = ChatSanction(
        party_id=party_id,
        user_id=user_id,
        kind=kind,
        until=now + timedelta(seconds=duration) if duration else None,
        reason=reason,
        created_by=by,
        created_at=now,
    )
    db.session.add(sanction)
    return sanction


def lift(party_id, user_id, kind: str) -> int:
    """End the user's active sanctions of `kind` (not committed); how many there were."""
    current = active(party_id, user_id, kind)
    for sanction in current:
        sanction.lifted_at = utcnow()
    return len(current)


def log(
    party_id,
    moderator_id,
    action: str,
    target_user_id=None,
    target_message_id=None,
    reason: str = "",
    duration: int | None = None,
) -> None:
    """Add one entry to the party's moderation log (not committed)."""
    db.session.add(
        ChatModerationLog(
            party_id=party_id,
            moderator_id=moderator_id,
            action=action,
            target_user_id=target_user_id,
            target_message_id=target_message_id,
            reason=reason or "",
            duration=duration,
            created_at=utcnow(),
        )
    )
