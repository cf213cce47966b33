"""Roles and removals: promote, demote, kick, ban, unban, approve, reject, hand over host."""

import uuid

from sqlalchemy import select

from watchparty.common.pagination import paginate
from watchparty.common.types import utcnow
from watchparty.errors import Conflict, Forbidden, NotFound
from watchparty.extensions import db
from watchparty.live import presence
from watchparty.parties import broadcast, membership
from watchparty.parties.access import (
    get_party,
    member,
    require_host,
    require_moderator,
    require_viewer,
)
from watchparty.parties.models import (
    ACTIVE,
    BANNED,
    HOST,
    KICKED,
    LEFT,
    MODERATOR,
    PARTICIPANT,
    PENDING,
    Party,
    PartyParticipant,
)
from watchparty.parties.schemas import member_view, member_views
from watchparty.parties.service import accrue_watch_time, announce_members


def _target(party: Party, user_id: uuid.UUID, *statuses: str) -> PartyParticipant:
    """The target's membership in one of `statuses`, or 404."""
    row = member(party.id, user_id)
    if row is None or (statuses and row.status not in statuses):
        raise NotFound("No such member in this party.", code="participant_not_found")
    return row


def _not_host(row: PartyParticipant) -> None:
    if row.role == HOST:
        raise Conflict("The host's role cannot be changed this way.", code="target_is_host")


def _result(party: Party, row: PartyParticipant, text: str) -> dict:
    announce_members(party)
    return {"success": True, "message": text, "participant": member_view(row)}


def set_role(actor, party_id: uuid.UUID, user_id: uuid.UUID, role: str) -> dict:
    """Promote to moderator or demote to participant (host only). Commits."""
    party = get_party(party_id)
    require_host(party, actor.id)
    row = _target(party, user_id, ACTIVE)
    _not_host(row)
    row.role = role
    db.session.commit()
    text = "Promoted to moderator." if role == MODERATOR else "Demoted to participant."
    return _result(party, row, text)


def _removable(party: Party, actor_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """Host or moderator may remove; moderators only remove plain participants."""
    actor = require_moderator(party, actor_id)
    if user_id == actor_id:
        raise Conflict("You cannot remove yourself; leave instead.", code="cannot_remove_self")
    row = member(party.id, user_id)
    if row is not None:
        _not_host(row)
        if row.role == MODERATOR and actor.role != HOST:
            raise Forbidden("Only the host can remove a moderator.", code="not_the_host")


def _eject(party: Party, user_id: uuid.UUID, event: str, reason: str) -> None:
    """Tell the removed user, close their connections, then update the room."""
    payload = {"party_id": str(party.id), "reason": reason, "action": event}
    broadcast.emit_to_user("kicked", payload, party.id, user_id)
    broadcast.disconnect_user(party.id, user_id)
    announce_members(party)


def kick(actor, party_id: uuid.UUID, user_id: uuid.UUID, reason: str = "") -> dict:
    """Remove a member; their seat is freed and they may rejoin. Commits."""
    party = get_party(party_id)
    _removable(party, actor.id, user_id)
    row = _target(party, user_id, ACTIVE, PENDING)
    accrue_watch_time(party, row, utcnow())
    membership.remove(party, row, KICKED)
    _eject(party, user_id, "kick", reason)
    return {"success": True, "message": "Removed from the party."}


def ban(actor, party_id: uuid.UUID, user_id: uuid.UUID, reason: str = "") -> dict:
    """Remove a user (member or not) for good: they cannot rejoin until unbanned. Commits."""
    party = get_party(party_id)
    _removable(party, actor.id, user_id)
    from watchparty.users.models import User

    if db.session.get(User, user_id) is None:
        raise NotFound("No such user.", code="user_not_found")
    row = member(party.id, user_id)
    if row is None:
        row = PartyParticipant(party_id=party.id, user_id=user_id, role=PARTICIPANT)
        row.status = LEFT
        db.session.add(row)
        db.session.flush()
    if row.status == BANNED:
        raise Conflict("This user is already banned.", code="already_banned")
    accrue_watch_time(party, row, utcnow())
    membership.remove(party, row, BANNED)
    _eject(party, user_id, "ban", reason)
    return {"success": True, "message": "Banned from the party."}


def unban(actor, party_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """Lift a ban; the user may join again. Commits."""
    party = get_party(party_id)
    require_moderator(party, actor.id)
    row = _target(party, user_id, BANNED)
    row.status, row.role = LEFT, PARTICIPANT
    db.session.commit()
    return {"success": True, "message": "The ban was lifted."}


def approve(actor, party_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """Admit a pending joiner (takes a seat; 409 when full). Commits."""
    party = get_party(party_id)
    require_moderator(party, actor.id)
    row = membership.approve(party, _target(party, user_id, PENDING))
    return _result(party, row, "Request approved.")


def reject(actor, party_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """Turn a pending joiner away (they may ask again). Commits."""
    party = get_party(party_id)
    require_moderator(party, actor.id)
    row = _target(party, user_id, PENDING)
    membership.remove(party, row, LEFT)
    return {"success": True, "message": "Request rejected."}


def transfer_host(actor, party_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """Hand the host role to an active member; the old host becomes a moderator. Commits."""
    party = get_party(party_id)
    old = require_host(party, actor.id)
    if user_id == actor.id:
        raise Conflict("You are already the host.", code="already_host")
    row = _target(party, user_id, ACTIVE)
    old.role, row.role, party.host_id = MODERATOR, HOST, user_id
    db.session.commit()
    return _result(party, row, "The host role was handed over.")


def participants_page(user, party_id: uuid.UUID, query: dict) -> dict:
    """Members of a party (pending ones for moderators only), with `online_count`."""
    party = get_party(party_id)
    if query["status"] == PENDING:
        require_moderator(party, user.id)
    else:
        require_viewer(party, user.id)
    stmt = (
        select(PartyParticipant)
        .where(PartyParticipant.party_id == party.id, PartyParticipant.status == query["status"])
        .order_by(PartyParticipant.joined_at, PartyParticipant.id)
    )
    online = presence.online_users(party.id)
    page = paginate(
        stmt, query["page"], query["page_size"], lambda rows: member_views(rows, party.id, online)
    )
    return page | {"online_count": len(online)}
