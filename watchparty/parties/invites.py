"""Getting people in: room codes, expiring invite codes, personal invitations, reports."""

import uuid
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select, update

from watchparty.common.hooks import Hook
from watchparty.common.pagination import paginate
from watchparty.common.realtime import PEOPLE_NS, user_room
from watchparty.common.types import utcnow
from watchparty.errors import AppError, Conflict, Forbidden, NotFound, ValidationError
from watchparty.extensions import db, socketio
from watchparty.parties import admission, notices
from watchparty.parties.access import get_party, member, require_member, require_moderator
from watchparty.parties.admission import Grant
from watchparty.parties.invite_models import (
    INVITE_ACCEPTED,
    INVITE_DECLINED,
    INVITE_PENDING,
    PartyInvitation,
    PartyInviteCode,
)
from watchparty.parties.models import ACTIVE, ENDED, Party
from watchparty.parties.schemas import InvitationSchema
from watchparty.parties.service import admit, random_code

INVITE_CODE_LENGTH = 10
# fn(inviter_id, invitee_id) -> bool: whether that person may not be invited by the inviter
# (friends: a block either way). Such ids are skipped like members, telling nobody why.
invite_refusals = Hook("parties.invite_refusals")


def join_by_room_code(user, code: str, message: str | None = None) -> dict:
    """Join the party with this room code (any case) under the admission rule: a private
    party's code opens it only to those invited, and to others it does not exist."""
    party = db.session.scalar(
        select(Party).where(
            func.upper(Party.room_code) == code.strip().upper(), Party.deleted_at.is_(None)
        )
    )
    try:
        if party is None:
            raise NotFound()
        return admit(party, user.id, message)
    except NotFound:
        raise NotFound("No party has this room code.", code="room_code_not_found") from None


def generate_invite(user, party_id: uuid.UUID, expires_in: int, max_uses: int | None) -> dict:
    """A shareable code and URL that admit their holder until they expire (host/moderators)."""
    party = get_party(party_id)
    require_moderator(party, user.id)
    if party.status == ENDED:
        raise Conflict("This party has ended.", code="party_ended")
    invite = PartyInviteCode(
        party_id=party.id,
        code=random_code(INVITE_CODE_LENGTH),
        created_by_id=user.id,
        expires_at=utcnow() + timedelta(seconds=expires_in),
        max_uses=max_uses,
    )
    db.session.add(invite)
    db.session.commit()
    return {
        "invite_code": invite.code,
        "invite_url": f"{current_app.config['FRONTEND_URL']}/join/{invite.code}",
        "expires_at": invite.expires_at,
        "max_uses": max_uses,
    }


def _use(invite: PartyInviteCode) -> bool:
    """Count one use if the code still has one (atomic in the database)."""
    stmt = update(PartyInviteCode).where(PartyInviteCode.id == invite.id)
    if invite.max_uses is not None:
        stmt = stmt.where(PartyInviteCode.uses < PartyInviteCode.max_uses)
    result = db.session.execute(
        stmt.values(uses=PartyInviteCode.uses + 1).execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def join_by_invite(user, code: str) -> dict:
    """Join with an invite code: no approval needed; expired or used-up codes are refused."""
    invite = db.session.scalar(
        select(PartyInviteCode).where(func.upper(PartyInviteCode.code) == code.strip().upper())
    )
    if invite is None:
        raise NotFound("This invite code does not exist.", code="invite_not_found")
    if invite.expires_at <= utcnow():
        raise AppError("This invite code has expired.", code="invite_expired", status=410)
    party = get_party(invite.party_id)
    grant = Grant(issued_at=invite.created_at, trusted=True)
    row = member(party.id, user.id)
    if row is None or row.status != ACTIVE:
        admission.check(party, user.id, grant)  # refuse before a use is spent
        if not _use(invite):
            db.session.rollback()
            raise AppError("This invite code is used up.", code="invite_used_up", status=410)
        db.session.commit()
    return admit(party, user.id, grant=grant)


def invite_users(user, party_id: uuid.UUID, user_ids: list, message: str) -> dict:
    """Invite users to the party (any active member may). Commits."""
    from watchparty.users.models import User

    party = get_party(party_id)
    require_member(party, user.id)
    wanted = list(dict.fromkeys(user_ids))
    found = set(db.session.scalars(select(User.id).where(User.id.in_(wanted))))
    missing = [str(uid) for uid in wanted if uid not in found]
    if missing:
        raise ValidationError(
            "Some users do not exist.", errors={"user_ids": [f"Unknown user {m}." for m in missing]}
        )
    invited, skipped = [], []
    for uid in wanted:
        row = member(party.id, uid)
        if uid == user.id or (row is not None and row.status == ACTIVE):
            skipped.append(str(uid))
            continue
        if invite_refusals.any(user.id, uid):
            skipped.append(str(uid))
            continue
        invited.append(_upsert_invitation(party, user.id, uid, message))
    db.session.commit()
    _deliver(invited)
    notices.invited(party, user.id, invited)
    return {
        "success": True,
        "message": f"{len(invited)} invitation(s) sent.",
        "invitations": invited,
        "skipped": skipped,
    }


def _deliver(invitations: list[PartyInvitation]) -> None:
    """Each invitee's open pages hear of their invitation at once (on /people)."""
    schema = InvitationSchema()
    for row in invitations:
        body = schema.dump(row)
        socketio.emit("invitation", body, namespace=PEOPLE_NS, to=user_room(row.invitee_id))


def _upsert_invitation(party: Party, inviter_id, invitee_id, message: str) -> PartyInvitation:
    row = db.session.scalar(
        select(PartyInvitation).where(
            PartyInvitation.party_id == party.id, PartyInvitation.invitee_id == invitee_id
        )
    )
    if row is None:
        row = PartyInvitation(party_id=party.id, invitee_id=invitee_id)
        db.session.add(row)
    row.inviter_id, row.message = inviter_id, message
    row.status, row.responded_at = INVITE_PENDING, None
    return row


def my_invitations(user, query: dict) -> dict:
    """The invitations the user received, newest first, optionally by status."""
    stmt = select(PartyInvitation).where(PartyInvitation.invitee_id == user.id)
    if query.get("status"):
        stmt = stmt.where(PartyInvitation.status == query["status"])
    stmt = stmt.order_by(PartyInvitation.created_at.desc(), PartyInvitation.id)
    return paginate(stmt, query["page"], query["page_size"])


def get_invitation(user, invitation_id: uuid.UUID) -> PartyInvitation:
    """An invitation its invitee or inviter may read (404 unknown, 403 someone else's)."""
    row = db.session.get(PartyInvitation, invitation_id)
    if row is None:
        raise NotFound("Invitation not found.", code="invitation_not_found")
    if user.id not in (row.invitee_id, row.inviter_id):
        raise Forbidden("This invitation is not yours.", code="not_your_invitation")
    return row


def _pending_for(user, invitation_id: uuid.UUID) -> PartyInvitation:
    row = get_invitation(user, invitation_id)
    if row.invitee_id != user.id:
        raise Forbidden("Only the invited user can answer.", code="not_your_invitation")
    if row.status != INVITE_PENDING:
        raise Conflict(f"This invitation was already {row.status}.", code="invitation_answered")
    return row


def accept_invitation(user, invitation_id: uuid.UUID) -> dict:
    """Accept: join the party (an invitation from the host or a moderator skips approval)."""
    row = _pending_for(user, invitation_id)
    party = get_party(row.party_id)
    result = admit(party, user.id, grant=admission.invitation_grant(row, party))
    row.status, row.responded_at = INVITE_ACCEPTED, utcnow()
    db.session.commit()
    return result


def decline_invitation(user, invitation_id: uuid.UUID) -> PartyInvitation:
    """Decline an invitation. Commits."""
    row = _pending_for(user, invitation_id)
    row.status, row.responded_at = INVITE_DECLINED, utcnow()
    db.session.commit()
    return row
