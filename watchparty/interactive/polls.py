"""Polls: hosts and moderators ask, members vote once (the database says so), and a poll
closes when told to or when its time runs out (a timer, and a read-time check)."""

import uuid
from datetime import timedelta

from flask import current_app
from sqlalchemy import select, update

from watchparty.common.inserts import commit_unique
from watchparty.common.pagination import paginate
from watchparty.common.realtime import INTERACTIVE_NS
from watchparty.common.types import utcnow
from watchparty.errors import Conflict, NotFound
from watchparty.extensions import db, socketio
from watchparty.interactive.models import Poll, PollOption, PollVote
from watchparty.interactive.poll_payloads import dump_polls, poll_payload
from watchparty.parties import broadcast
from watchparty.parties.access import get_party, require_member, require_moderator
from watchparty.parties.models import ENDED


def get_poll(poll_id, party_id: uuid.UUID | None = None) -> Poll:
    """The poll (of `party_id` when given), or 404."""
    poll = db.session.get(Poll, poll_id) if isinstance(poll_id, uuid.UUID) else None
    if poll is None or (party_id is not None and poll.party_id != party_id):
        raise NotFound("Poll not found.", code="poll_not_found")
    return poll


def _announce(poll: Poll) -> None:
    broadcast.emit("poll", poll_payload(poll), poll.party_id, namespace=INTERACTIVE_NS)


def create_poll(
    party_id: uuid.UUID, user_id: uuid.UUID, question: str, options: list[str], duration: int
) -> dict:
    """Open a poll (host/moderators), announce it and arm its closing timer."""
    party = get_party(party_id)
    require_moderator(party, user_id)
    if party.status == ENDED:
        raise Conflict("This party has ended.", code="party_ended")
    now = utcnow()
    poll = Poll(
        party_id=party.id,
        creator_id=user_id,
        question=question,
        duration=duration,
        created_at=now,
        ends_at=now + timedelta(seconds=duration),
    )
    poll.options = [PollOption(text=text, position=i) for i, text in enumerate(options)]
    db.session.add(poll)
    db.session.commit()
    _arm_timer(poll.id, duration)
    _announce(poll)
    return poll_payload(poll, user_id)


def _arm_timer(poll_id: uuid.UUID, delay: float) -> None:
    app = current_app._get_current_object()

    def close_when_due():
        socketio.sleep(delay)
        with app.app_context():
            try:
                finish(poll_id)
            finally:
                db.session.remove()

    socketio.start_background_task(close_when_due)


def finish(poll_id: uuid.UUID) -> bool:
    """Close the poll if it is still open (whoever asks first wins) and announce it once."""
    closed = db.session.execute(
        update(Poll)
        .where(Poll.id == poll_id, Poll.closed_at.is_(None))
        .values(closed_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if closed.rowcount != 1:
        return False
    poll = db.session.get(Poll, poll_id)
    db.session.refresh(poll)
    _announce(poll)
    return True


def close_overdue(party_id: uuid.UUID) -> None:
    """Close the party's polls whose time ran out but whose timer died with its process."""
    overdue = db.session.scalars(
        select(Poll.id).where(
            Poll.party_id == party_id, Poll.closed_at.is_(None), Poll.ends_at <= utcnow()
        )
    ).all()
    for poll_id in overdue:
        finish(poll_id)


def close_poll(poll_id: uuid.UUID, user_id: uuid.UUID, party_id: uuid.UUID | None = None) -> dict:
    """Close a poll now (host/moderators); closing a closed poll just returns it."""
    poll = get_poll(poll_id, party_id)
    require_moderator(get_party(poll.party_id), user_id)
    finish(poll.id)
    db.session.refresh(poll)
    return poll_payload(poll, user_id)


def vote(
    poll_id: uuid.UUID, user_id: uuid.UUID, option_id: uuid.UUID, party_id: uuid.UUID | None = None
) -> dict:
    """Cast a member's one vote; 409 when already voted or the poll is closed."""
    poll = get_poll(poll_id, party_id)
    require_member(get_party(poll.party_id), user_id)
    if poll.is_closed():
        if poll.closed_at is None:  # its timer died with its process: close and tell everyone
            finish(poll.id)
        raise Conflict("This poll is closed.", code="poll_closed")
    if option_id not in {o.id for o in poll.options}:
        raise NotFound("Option not found in this poll.", code="option_not_found")
    db.session.add(PollVote(poll_id=poll.id, option_id=option_id, user_id=user_id))
    commit_unique(Conflict("You already voted in this poll.", code="already_voted"))
    _announce(poll)
    return poll_payload(poll, user_id)


def get_poll_for(party_id: uuid.UUID, poll_id: uuid.UUID, user_id: uuid.UUID) -> dict:
    """One poll of the party with counts and the member's vote."""
    require_member(get_party(party_id), user_id)
    return poll_payload(get_poll(poll_id, party_id), user_id)


def open_polls(party_id: uuid.UUID, user_id: uuid.UUID) -> list[dict]:
    """The party's open polls with counts, oldest first (a joining client's catch-up)."""
    close_overdue(party_id)
    polls = db.session.scalars(
        select(Poll)
        .where(Poll.party_id == party_id, Poll.closed_at.is_(None), Poll.ends_at > utcnow())
        .order_by(Poll.created_at)
    ).all()
    return dump_polls(list(polls), user_id)


def list_polls(
    party_id: uuid.UUID, user_id: uuid.UUID, status: str, page: int, page_size: int
) -> dict:
    """A member's page of the party's polls (open, closed or all), newest first."""
    require_member(get_party(party_id), user_id)
    close_overdue(party_id)
    stmt = select(Poll).where(Poll.party_id == party_id)
    if status == "open":
        stmt = stmt.where(Poll.closed_at.is_(None), Poll.ends_at > utcnow())
    elif status == "closed":
        stmt = stmt.where((Poll.closed_at.is_not(None)) | (Poll.ends_at <= utcnow()))
    stmt = stmt.order_by(Poll.created_at.desc(), Poll.id)
    return paginate(stmt, page, page_size, lambda rows: dump_polls(list(rows), user_id))
