"""Who may come in: the one admission rule behind REST join by id, room codes, invite codes,
invitations and the socket `join`.

The host always may. Banned users never may. Anyone else needs, for a private party, a
grant (a live invite code or an invitation addressed to them); a kicked member needs a grant
issued after the kick. A grant from the host or a moderator skips the approval queue.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from watchparty.common.hooks import Hook
from watchparty.errors import Conflict, Forbidden, NotFound
from watchparty.extensions import db
from watchparty.parties.access import member
from watchparty.parties.invite_models import INVITE_PENDING, PartyInvitation
from watchparty.parties.models import ACTIVE, BANNED, ENDED, HOST, KICKED, MODERATOR, Party

# fn(party, user_id) -> None, raising to refuse (e.g. the host blocked the user); no grant
# overrides it.
join_refusals = Hook("parties.join_refusals")


@dataclass(frozen=True)
class Grant:
    """What lets a user past the party's link: when it was issued, and whether its issuer
    (host or moderator) may skip the approval queue."""

    issued_at: datetime
    trusted: bool


def trusted_issuer(party: Party, user_id: uuid.UUID) -> bool:
    """Whether `user_id` is the party's active host or moderator."""
    row = member(party.id, user_id)
    return row is not None and row.status == ACTIVE and row.role in (HOST, MODERATOR)


def invitation_grant(row: PartyInvitation, party: Party) -> Grant:
    """A personal invitation as a grant (re-sending it re-issues it)."""
    issued = max(row.created_at, row.updated_at or row.created_at)
    return Grant(issued_at=issued, trusted=trusted_issuer(party, row.inviter_id))


def pending_invitation(party: Party, user_id: uuid.UUID) -> PartyInvitation | None:
    """The user's unanswered invitation to the party, if any."""
    return db.session.scalar(
        select(PartyInvitation).where(
            PartyInvitation.party_id == party.id,
            PartyInvitation.invitee_id == user_id,
            PartyInvitation.status == INVITE_PENDING,
        )
    )


def check(party: Party, user_id: uuid.UUID, grant: Grant | None = None) -> bool:
    """Refuse a user who may not join (404, 403 or 409); True when they must await approval."""
    row = member(party.id, user_id)
    if row is not None and row.status == BANNED:
        raise Forbidden("You are banned from this party.", code="banned")
    if party.status == ENDED:
        raise Conflict("This party has ended.", code="party_ended")
    if party.host_id == user_id:
        return False
    join_refusals.run(party, user_id)
    if grant is None and (invitation := pending_invitation(party, user_id)) is not None:
        grant = invitation_grant(invitation, party)
    if not party.is_public and grant is None:
        raise NotFound("Party not found.", code="party_not_found")
    if (
        row is not None
        and row.status == KICKED
        and (grant is None or grant.issued_at <= row.left_at)
    ):
        raise Forbidden("You were removed from this party: ask for a new invite.", code="kicked")
    return party.require_approval and not (grant is not None and grant.trusted)
