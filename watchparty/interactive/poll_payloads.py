"""Poll payloads: a poll with its live counts (and one user's vote), for acks and broadcasts."""

import uuid

from sqlalchemy import func, select

from watchparty.common.types import iso
from watchparty.extensions import db
from watchparty.interactive.models import Poll, PollVote
from watchparty.users.schemas import dump_brief


def _counts(poll_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    rows = db.session.execute(
        select(PollVote.option_id, func.count())
        .where(PollVote.poll_id.in_(poll_ids))
        .group_by(PollVote.option_id)
    ).all()
    return {option_id: count for option_id, count in rows}


def _my_votes(poll_ids: list[uuid.UUID], user_id: uuid.UUID) -> dict[uuid.UUID, uuid.UUID]:
    rows = db.session.execute(
        select(PollVote.poll_id, PollVote.option_id).where(
            PollVote.poll_id.in_(poll_ids), PollVote.user_id == user_id
        )
    ).all()
    return {poll_id: option_id for poll_id, option_id in rows}


def _dump(poll: Poll, counts: dict, my_vote=False) -> dict:
    options = [{"id": o.id, "text": o.text, "votes": counts.get(o.id, 0)} for o in poll.options]
    body = {
        "id": str(poll.id),
        "party_id": str(poll.party_id),
        "question": poll.question,
        "options": [{**o, "id": str(o["id"])} for o in options],
        "total_votes": sum(o["votes"] for o in options),
        "closed": poll.is_closed(),
        "duration": poll.duration,
        "ends_at": iso(poll.ends_at),
        "closed_at": iso(poll.closed_at or (poll.ends_at if poll.is_closed() else None)),
        "created_at": iso(poll.created_at),
        "creator": dump_brief(poll.creator) if poll.creator else None,
    }
    if my_vote is not False:
        body["my_vote"] = str(my_vote) if my_vote else None
    return body


def dump_polls(polls: list[Poll], user_id: uuid.UUID | None = None) -> list[dict]:
    """Polls with counts (and the user's own vote when `user_id` is given)."""
    ids = [p.id for p in polls]
    counts = _counts(ids) if ids else {}
    mine = _my_votes(ids, user_id) if ids and user_id else {}
    return [_dump(p, counts, mine.get(p.id) if user_id else False) for p in polls]


def poll_payload(poll: Poll, user_id: uuid.UUID | None = None) -> dict:
    """One poll with counts: the `poll` broadcast (with `my_vote` for one user's answer)."""
    return dump_polls([poll], user_id)[0]
