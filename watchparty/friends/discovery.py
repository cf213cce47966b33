"""Mutual friends and suggestions: friends of friends and people you watched parties with,
ranked (a mutual friend counts twice a shared party) and explained ("3 mutual friends",
"watched 2 parties with you"). Nobody you are linked to or blocked either way is suggested."""

import uuid
from collections import Counter

from sqlalchemy import and_, select
from sqlalchemy.orm import aliased

from watchparty.common.shown import Shown
from watchparty.extensions import db
from watchparty.friends.models import Block, FriendLink
from watchparty.friends.service import friend_ids
from watchparty.parties.models import PartyParticipant
from watchparty.users.models import ACTIVE, User

ATTENDED = ("active", "left")
MUTUAL_WEIGHT, PARTY_WEIGHT = 2, 1


def mutual(user: User, other: User) -> list[User]:
    """The friends the two have in common."""
    shared = friend_ids(user.id) & friend_ids(other.id)
    return _people(shared)


def _people(ids) -> list[User]:
    if not ids:
        return []
    return db.session.scalars(
        select(User).where(User.id.in_(ids), User.status == ACTIVE).order_by(User.first_name)
    ).all()


def _excluded(user_id: uuid.UUID) -> set[uuid.UUID]:
    """Self, anyone with a link (friend or pending) and anyone blocked either way."""
    linked = db.session.execute(
        select(FriendLink.low_id, FriendLink.high_id).where(
            (FriendLink.low_id == user_id) | (FriendLink.high_id == user_id)
        )
    ).all()
    blocked = db.session.execute(
        select(Block.blocker_id, Block.blocked_id).where(
            (Block.blocker_id == user_id) | (Block.blocked_id == user_id)
        )
    ).all()
    return {user_id} | {i for row in linked + blocked for i in row}


def _co_watchers(user_id: uuid.UUID) -> Counter:
    mine, theirs = aliased(PartyParticipant), aliased(PartyParticipant)
    rows = db.session.execute(
        select(theirs.user_id, mine.party_id)
        .join(theirs, and_(theirs.party_id == mine.party_id, theirs.user_id != user_id))
        .where(mine.user_id == user_id, mine.status.in_(ATTENDED), theirs.status.in_(ATTENDED))
        .distinct()
    ).all()
    return Counter(other for other, _ in rows)


def suggestions(user: User, limit: int = 20) -> list[Shown]:
    """People the user may know, best first, each with its `reasons`."""
    excluded = _excluded(user.id)
    mutuals = Counter(f for friend in friend_ids(user.id) for f in friend_ids(friend))
    parties = _co_watchers(user.id)
    candidates = (set(mutuals) | set(parties)) - excluded
    score = {c: mutuals[c] * MUTUAL_WEIGHT + parties[c] * PARTY_WEIGHT for c in candidates}
    ranked = sorted(candidates, key=lambda c: (-score[c], str(c)))[:limit]
    people = {p.id: p for p in _people(ranked)}
    return [
        Shown(people[c], reasons=_reasons(mutuals[c], parties[c]), score=score[c])
        for c in ranked
        if c in people
    ]


def _reasons(mutual_count: int, party_count: int) -> list[str]:
    reasons = []
    if mutual_count:
        reasons.append(f"{mutual_count} mutual friend{'s' if mutual_count != 1 else ''}")
    if party_count:
        reasons.append(f"watched {party_count} part{'ies' if party_count != 1 else 'y'} with you")
    return reasons
