"""Joining and leaving: seats are taken with one conditional UPDATE, so capacity holds
however many joins arrive at once (200 racing for 50 seats admit exactly 50)."""

import uuid

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from watchparty.common.types import utcnow
from watchparty.errors import Conflict
from watchparty.extensions import db
from watchparty.parties import admission
from watchparty.parties.access import member
from watchparty.parties.admission import Grant
from watchparty.parties.models import (
    ACTIVE,
    HOST,
    LEFT,
    PARTICIPANT,
    PENDING,
    Party,
    PartyParticipant,
)


def take_seat(party_id: uuid.UUID) -> bool:
    """Claim one seat if any is free (atomic in the database)."""
    result = db.session.execute(
        update(Party)
        .where(Party.id == party_id, Party.seats_taken < Party.max_participants)
        .values(seats_taken=Party.seats_taken + 1)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


def free_seat(party_id: uuid.UUID) -> None:
    """Give one seat back."""
    db.session.execute(
        update(Party)
        .where(Party.id == party_id, Party.seats_taken > 0)
        .values(seats_taken=Party.seats_taken - 1)
        .execution_options(synchronize_session=False)
    )


def join(
    party: Party, user_id: uuid.UUID, message: str | None = None, grant: Grant | None = None
) -> PartyParticipant:
    """Join (or ask to join) the party under the admission rule; idempotent for members.

    Commits. `grant` is the invite code or invitation the user came with, if any.
    """
    row = member(party.id, user_id)
    if row is not None and row.status in (ACTIVE, PENDING):
        return row
    pending = admission.check(party, user_id, grant)
    if not pending and not take_seat(party.id):
        db.session.rollback()
        raise Conflict("This party is full.", code="party_full")
    row = row or PartyParticipant(party_id=party.id, user_id=user_id, role=PARTICIPANT)
    row.status, row.joined_at, row.left_at = (PENDING if pending else ACTIVE), utcnow(), None
    row.role = HOST if party.host_id == user_id else row.role
    row.request_message = message
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:  # the same user joined twice at once: keep the first
        db.session.rollback()
        return member(party.id, user_id)
    return row


def approve(party: Party, row: PartyParticipant) -> PartyParticipant:
    """Admit a pending member if a seat is free. Commits."""
    if row.status != PENDING:
        raise Conflict("This request is not pending.", code="not_pending")
    if not take_seat(party.id):
        db.session.rollback()
        raise Conflict("This party is full.", code="party_full")
    row.status, row.joined_at = ACTIVE, utcnow()
    db.session.commit()
    return row


def remove(party: Party, row: PartyParticipant, status: str = LEFT) -> None:
    """End a membership (left, kicked or banned), giving its seat back. Commits."""
    if row.status == ACTIVE:
        free_seat(party.id)
    row.status, row.left_at = status, utcnow()
    db.session.commit()
