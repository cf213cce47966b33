"""Friend requests and friendships: send (by id, email or display name), accept, decline,
cancel, remove, and the lists. One row per pair (`FriendLink`), so requests are idempotent and
two people asking each other at once become friends once."""

import uuid

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError

from watchparty.common.pagination import paginate
from watchparty.common.shown import Shown
from watchparty.common.types import utcnow
from watchparty.errors import Conflict, Forbidden, NotFound, ValidationError
from watchparty.extensions import db
from watchparty.friends import blocks, notices
from watchparty.friends.models import ACCEPTED, PENDING, FriendLink
from watchparty.users import settings
from watchparty.users.models import ACTIVE, User


def person(user_id: uuid.UUID) -> User:
    """An active user, or 404 `user_not_found`."""
    user = db.session.get(User, user_id)
    if user is None or user.status != ACTIVE:
        raise NotFound("No such user.", code="user_not_found")
    return user


def resolve(handle: str) -> User:
    """A user named by id, email or display name (any case), or 404."""
    handle = handle.strip()
    try:
        return person(uuid.UUID(handle))
    except ValueError:
        pass
    column = User.email if "@" in handle else User.display_name
    found = db.session.scalars(
        select(User).where(db.func.lower(column) == handle.lower(), User.status == ACTIVE).limit(2)
    ).all()
    if len(found) != 1:
        raise NotFound("No such user.", code="user_not_found")
    return found[0]


def link_between(a: uuid.UUID, b: uuid.UUID) -> FriendLink | None:
    """The pair's row, if any."""
    low, high = sorted((a, b))
    return db.session.scalar(
        select(FriendLink).where(FriendLink.low_id == low, FriendLink.high_id == high)
    )


def are_friends(a: uuid.UUID, b: uuid.UUID) -> bool:
    """Whether the two are friends."""
    link = link_between(a, b)
    return link is not None and link.status == ACCEPTED


def friendship(user: User, other_id: uuid.UUID) -> dict:
    """Where the caller stands with another user: none, friends, request_sent, request_received
    or blocked (by the caller); someone who blocked the caller does not exist for them (404)."""
    other = person(other_id)
    if other.id == user.id:
        raise ValidationError("That is you.", code="self_friend")
    if blocks.blocked_by(other.id, user.id):
        raise NotFound("No such user.", code="user_not_found")
    if blocks.blocked_by(user.id, other.id):
        return {"status": "blocked", "request_id": None}
    link = link_between(user.id, other.id)
    if link is None:
        return {"status": "none", "request_id": None}
    if link.status == ACCEPTED:
        return {"status": "friends", "request_id": None}
    sent = link.requester_id == user.id
    return {"status": "request_sent" if sent else "request_received", "request_id": link.id}


def request(user: User, target: User) -> FriendLink:
    """Ask `target` to be friends: a pending request, or, when they asked first, a friendship.
    409 when already friends or already asked. Commits."""
    if target.id == user.id:
        raise ValidationError("You cannot send yourself a friend request.", code="self_friend")
    if blocks.between(user.id, target.id):
        raise Forbidden("You cannot send this person a friend request.", code="blocked")
    if not settings.current(target, "privacy")["allow_friend_requests"]:
        raise Forbidden("This person does not accept friend requests.", code="requests_closed")
    if (existing := link_between(user.id, target.id)) is not None:
        return _again(user, existing)
    low, high = sorted((user.id, target.id))
    db.session.add(FriendLink(low_id=low, high_id=high, requester_id=user.id))
    try:
        db.session.commit()
    except IntegrityError:  # they asked at the same moment: their row won, answer it
        db.session.rollback()
        return _again(user, link_between(user.id, target.id))
    link = link_between(user.id, target.id)
    notices.requested(user, target, link)
    return link


def _again(user: User, link: FriendLink) -> FriendLink:
    if link.status == ACCEPTED:
        raise Conflict("You are already friends.", code="already_friends")
    if link.requester_id == user.id:
        raise Conflict(
            "Your friend request is still pending.", code="request_pending", detail=str(link.id)
        )
    return _accept(link)  # they asked you: asking back accepts


def _accept(link: FriendLink) -> FriendLink:
    moved = db.session.execute(
        update(FriendLink)
        .where(FriendLink.id == link.id, FriendLink.status == PENDING)
        .values(status=ACCEPTED, accepted_at=utcnow())
    ).rowcount
    db.session.commit()
    db.session.refresh(link)
    if moved:  # only the acceptance that made the friendship tells the requester
        notices.accepted(link)
    return link


def _incoming(user: User, link_id: uuid.UUID) -> FriendLink:
    link = db.session.get(FriendLink, link_id)
    if link is None or link.status != PENDING or link.recipient_id != user.id:
        raise NotFound("No such friend request.", code="request_not_found")
    return link


def accept(user: User, link_id: uuid.UUID) -> FriendLink:
    """Accept a request sent to you. Commits."""
    return _accept(_incoming(user, link_id))


def decline(user: User, link_id: uuid.UUID) -> None:
    """Decline a request sent to you (they may ask again later). Commits."""
    db.session.delete(_incoming(user, link_id))
    db.session.commit()


def cancel(user: User, link_id: uuid.UUID) -> None:
    """Withdraw a request you sent. Commits."""
    link = db.session.get(FriendLink, link_id)
    if link is None or link.status != PENDING or link.requester_id != user.id:
        raise NotFound("No such friend request.", code="request_not_found")
    db.session.delete(link)
    db.session.commit()


def remove(user: User, other: User) -> None:
    """End a friendship (404 `not_friends` when there is none). Commits."""
    link = link_between(user.id, other.id)
    if link is None or link.status != ACCEPTED:
        raise NotFound("You are not friends.", code="not_friends")
    db.session.delete(link)
    db.session.commit()


def _mine(user_id: uuid.UUID):
    return or_(FriendLink.low_id == user_id, FriendLink.high_id == user_id)


def friends(user: User, page: int, page_size: int) -> dict:
    """A page of the user's friends, the newest friendship first."""
    stmt = (
        select(FriendLink)
        .where(_mine(user.id), FriendLink.status == ACCEPTED)
        .order_by(FriendLink.accepted_at.desc(), FriendLink.id)
    )
    return paginate(stmt, page, page_size, lambda rows: [_friend(user, link) for link in rows])


def _friend(user: User, link: FriendLink) -> Shown:
    return Shown(
        db.session.get(User, link.other(user.id)), friendship_id=link.id, since=link.accepted_at
    )


def requests(user: User) -> dict:
    """Pending requests: those sent to the user and those they sent, newest first."""
    rows = db.session.scalars(
        select(FriendLink)
        .where(_mine(user.id), FriendLink.status == PENDING)
        .order_by(FriendLink.created_at.desc())
    ).all()
    return {
        "incoming": [r for r in rows if r.requester_id != user.id],
        "outgoing": [r for r in rows if r.requester_id == user.id],
    }


def friend_ids(user_id: uuid.UUID) -> set[uuid.UUID]:
    """The ids of the user's friends."""
    rows = db.session.scalars(
        select(FriendLink).where(_mine(user_id), FriendLink.status == ACCEPTED)
    )
    return {link.other(user_id) for link in rows}
