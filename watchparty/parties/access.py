"""Who may see, join and control a party: the rules every REST view and socket handler share."""

import uuid

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import lazyload

from watchparty.common.hooks import Hook
from watchparty.errors import Forbidden, NotFound
from watchparty.extensions import db
from watchparty.parties.models import (
    ACTIVE,
    HOST,
    MODERATOR,
    PENDING,
    POLICY_EVERYONE,
    POLICY_MODERATORS,
    PUBLIC,
    Party,
    PartyParticipant,
)

# fn(user_id) -> SQL condition on Party: private parties the user may also see and find (groups:
# the parties hosted for a group they are in). Admission still needs a grant (an invitation).
also_visible = Hook("parties.also_visible")


def get_party(party_id) -> Party:
    """The party, or 404 (its host is loaded only if asked for: this runs on every event)."""
    party = (
        db.session.get(Party, party_id, options=[lazyload(Party.host)])
        if isinstance(party_id, uuid.UUID)
        else None
    )
    if party is None or party.deleted_at is not None:
        raise NotFound("Party not found.", code="party_not_found")
    return party


def member(party_id: uuid.UUID, user_id: uuid.UUID) -> PartyParticipant | None:
    """The user's membership row of the party (any status), or None."""
    return db.session.scalar(
        select(PartyParticipant)
        .options(lazyload(PartyParticipant.user))
        .where(PartyParticipant.party_id == party_id, PartyParticipant.user_id == user_id)
    )


def active_member(party: Party, user_id: uuid.UUID) -> PartyParticipant | None:
    """The membership if it is active (the user holds a seat), else None."""
    row = member(party.id, user_id)
    return row if row is not None and row.status == ACTIVE else None


def is_viewer(party: Party, user_id: uuid.UUID | None, row=None) -> bool:
    """Public parties are visible to all; private ones to their host and (pending) members."""
    if party.visibility == PUBLIC or party.host_id == user_id:
        return True
    row = row or (member(party.id, user_id) if user_id else None)
    if row is not None and row.status in (ACTIVE, PENDING):
        return True
    return user_id is not None and seen_through_others(party.id, user_id)


def seen_through_others(party_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    """Whether an `also_visible` contributor shows the party to the user."""
    conditions = [fn(user_id) for fn in also_visible]
    if not conditions:
        return False
    return bool(db.session.scalar(select(exists().where(Party.id == party_id, or_(*conditions)))))


def require_viewer(party: Party, user_id: uuid.UUID | None) -> None:
    """404 for those who may not see the party: a private party does not exist to strangers."""
    if not is_viewer(party, user_id):
        raise NotFound("Party not found.", code="party_not_found")


def require_member(party: Party, user_id: uuid.UUID) -> PartyParticipant:
    """The active membership, or 403 (404 to strangers of a private party)."""
    row = member(party.id, user_id)
    if row is None or row.status != ACTIVE:
        if not is_viewer(party, user_id, row):
            raise NotFound("Party not found.", code="party_not_found")
        raise Forbidden("Join the party first.", code="not_a_participant")
    return row


def require_moderator(party: Party, user_id: uuid.UUID) -> PartyParticipant:
    """An active host or moderator membership, or 403."""
    row = require_member(party, user_id)
    if row.role not in (HOST, MODERATOR):
        raise Forbidden("Only the host or a moderator can do this.", code="not_a_moderator")
    return row


def require_host(party: Party, user_id: uuid.UUID) -> PartyParticipant:
    """The host's membership, or 403."""
    row = require_member(party, user_id)
    if row.role != HOST:
        raise Forbidden("Only the host can do this.", code="not_the_host")
    return row


def allowed_by(policy: str, row: PartyParticipant | None) -> bool:
    """Whether this membership passes a host / moderators / everyone policy."""
    if row is None or row.status != ACTIVE:
        return False
    if row.role == HOST or policy == POLICY_EVERYONE:
        return True
    return policy == POLICY_MODERATORS and row.role == MODERATOR


def can_control(party: Party, row: PartyParticipant | None) -> bool:
    """Whether this membership may control playback under the party's control policy."""
    return allowed_by(party.control_policy, row)


def require_control(party: Party, user_id: uuid.UUID) -> PartyParticipant:
    """A membership allowed to control playback, or 403."""
    row = require_member(party, user_id)
    if not can_control(party, row):
        raise Forbidden("You cannot control playback in this party.", code="control_denied")
    return row


def require_queue_add(party: Party, user_id: uuid.UUID) -> PartyParticipant:
    """A membership allowed to add to the queue under the party's queue policy, or 403."""
    row = require_member(party, user_id)
    if not allowed_by(party.queue_policy, row):
        raise Forbidden("You cannot add to this party's queue.", code="queue_denied")
    return row
