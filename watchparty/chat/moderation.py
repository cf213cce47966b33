"""Chat moderation by the host and moderators: delete, mute, warn, ban, and the log."""

import uuid

from sqlalchemy import select

from watchparty.chat import sanctions, service
from watchparty.chat.models import BAN, MUTE, ChatModerationLog
from watchparty.common.pagination import paginate
from watchparty.common.types import iso
from watchparty.errors import Conflict, Forbidden, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.live import rooms
from watchparty.parties.access import get_party, member, require_moderator
from watchparty.parties.broadcast import CHAT_NS
from watchparty.parties.models import HOST, MODERATOR, Party, PartyParticipant
from watchparty.users.models import User
from watchparty.users.schemas import dump_brief

PAST = {"mute_user": "muted", "unmute_user": "unmuted", "warn_user": "warned"}
PAST |= {"ban_user": "banned", "unban_user": "unbanned"}


def _target(party: Party, actor: PartyParticipant, user_id: uuid.UUID) -> User:
    """The user a moderator acts on: a member, never the actor, the host or a peer moderator."""
    user = db.session.get(User, user_id)
    row = member(party.id, user_id) if user is not None else None
    if row is None:
        raise NotFound("This user is not in the party.", code="participant_not_found")
    if user_id == actor.user_id:
        raise ValidationError("You cannot moderate yourself.", code="cannot_target_self")
    if row.role == HOST or (row.role == MODERATOR and actor.role != HOST):
        raise Forbidden("Only the host can moderate a moderator.", code="cannot_moderate")
    return user


def _done(party: Party, actor, user: User, action: str, reason: str, until=None) -> dict:
    """Commit, tell the room, and describe what happened."""
    db.session.commit()
    note = {"party_id": str(party.id), "action": action, "user": dump_brief(user)}
    stamp = iso(until) if until else None  # a datetime would break the JSON broadcast
    service.broadcast("moderation", note | {"reason": reason, "until": stamp}, party.id)
    return {
        "success": True,
        "message": f"{user.full_name} was {PAST[action]}.",
        "action": action,
        "target_id": str(user.id),
        "user_id": str(user.id),
        "until": until,
    }


def _impose(party, actor, user_id, kind, action, duration, reason) -> dict:
    user = _target(party, actor, user_id)
    sanction = sanctions.impose(party.id, user.id, kind, actor.user_id, duration, reason)
    sanctions.log(party.id, actor.user_id, action, user.id, None, reason, duration)
    return _done(party, actor, user, action, reason, sanction.until)


def _lift(party, actor, user_id, kind, action, reason="") -> dict:
    user = _target(party, actor, user_id)
    if not sanctions.lift(party.id, user.id, kind):
        state = "muted" if kind == MUTE else "banned"
        raise Conflict(f"This user is not {state}.", code=f"not_{state}")
    sanctions.log(party.id, actor.user_id, action, user.id, None, reason)
    return _done(party, actor, user, action, reason)


def _delete(party, actor, message_id, reason) -> dict:
    message = service.delete_message(party.id, actor.user_id, message_id, reason)
    return {
        "success": True,
        "message": "The message was deleted.",
        "action": "delete_message",
        "target_id": str(message.id),
        "user_id": str(message.user_id),
        "until": None,
    }


def _warn(party, actor, user_id, reason) -> dict:
    user = _target(party, actor, user_id)
    sanctions.log(party.id, actor.user_id, "warn_user", user.id, None, reason)
    return _done(party, actor, user, "warn_user", reason)


def moderate(party_id: uuid.UUID, actor_id: uuid.UUID, body: dict) -> dict:
    """Apply one moderation action (host or moderator). Commits and broadcasts."""
    party = get_party(party_id)
    actor = require_moderator(party, actor_id)
    action, target, reason = body["action"], body["target_id"], body["reason"]
    if action == "delete_message":
        return _delete(party, actor, target, reason)
    if action == "mute_user":
        return _impose(party, actor, target, MUTE, action, body["duration"], reason)
    if action == "unmute_user":
        return _lift(party, actor, target, MUTE, action, reason)
    return _warn(party, actor, target, reason)


def ban(party_id: uuid.UUID, actor_id: uuid.UUID, body: dict) -> dict:
    """Ban a user from the chat, for `duration` seconds or until unbanned. Commits."""
    party = get_party(party_id)
    actor = require_moderator(party, actor_id)
    done = _impose(party, actor, body["user_id"], BAN, "ban_user", body["duration"], body["reason"])
    # Sockets already in the room would keep receiving the chat until they reconnect.
    until = iso(done["until"]) if done["until"] else None
    note = {"party_id": str(party.id), "reason": body["reason"], "until": until}
    rooms.cut_off(CHAT_NS, party.id, body["user_id"], "banned", note)
    return done


def unban(party_id: uuid.UUID, actor_id: uuid.UUID, body: dict) -> dict:
    """Lift a user's chat ban. Commits."""
    party = get_party(party_id)
    actor = require_moderator(party, actor_id)
    return _lift(party, actor, body["user_id"], BAN, "unban_user")


def log_page(party_id: uuid.UUID, actor_id: uuid.UUID, query: dict) -> dict:
    """The party's moderation log, newest first (host or moderator)."""
    party = get_party(party_id)
    require_moderator(party, actor_id)
    stmt = (
        select(ChatModerationLog)
        .where(ChatModerationLog.party_id == party.id)
        .order_by(ChatModerationLog.created_at.desc(), ChatModerationLog.id.desc())
    )
    return paginate(stmt, query["page"], query["page_size"])
