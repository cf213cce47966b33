"""Following creators: follow (idempotent, one row per pair even when raced), unfollow, the
follower count, a creator's followers and the creators a user follows."""

import uuid

from sqlalchemy import delete, func, select

from watchparty.common.inserts import insert_once
from watchparty.common.pagination import paginate
from watchparty.errors import ValidationError
from watchparty.extensions import db
from watchparty.feed import access
from watchparty.feed.models import Follow
from watchparty.users.models import ACTIVE, User


def follower_count(creator_id: uuid.UUID) -> int:
    """How many active users follow the creator."""
    stmt = (
        select(func.count())
        .select_from(Follow)
        .join(User, User.id == Follow.follower_id)
        .where(Follow.creator_id == creator_id, User.status == ACTIVE)
    )
    return db.session.scalar(stmt) or 0


def follows(user_id: uuid.UUID | None, creator_id: uuid.UUID) -> bool:
    """Whether the user follows the creator."""
    return user_id is not None and db.session.get(Follow, (user_id, creator_id)) is not None


def status(user: User | None, creator_id: uuid.UUID) -> dict:
    """Whether the caller follows the creator, and the creator's follower count."""
    profile = access.creator(creator_id, user)
    return {
        "creator_id": profile.user_id,
        "following": follows(user.id if user else None, profile.user_id),
        "followers_count": follower_count(profile.user_id),
    }


def follow(user: User, creator_id: uuid.UUID) -> dict:
    """Follow a creator; following again changes nothing. 400 `self_follow` for oneself; 404
    for a creator who blocked the caller."""
    profile = access.creator(creator_id, user)
    if profile.user_id == user.id:
        raise ValidationError("You cannot follow yourself.", code="self_follow")
    # ON CONFLICT DO NOTHING on the pair's primary key: concurrent follows make one row.
    insert_once(Follow, missing="No such creator.", follower_id=user.id, creator_id=creator_id)
    db.session.commit()
    return status(user, creator_id)


def end_between(blocker_id: uuid.UUID, blocked_id: uuid.UUID) -> None:
    """A block ends follows both ways (the friends hook; the block's commit stores it)."""
    pair = [blocker_id, blocked_id]
    db.session.execute(
        delete(Follow).where(Follow.follower_id.in_(pair), Follow.creator_id.in_(pair))
    )


def unfollow(user: User, creator_id: uuid.UUID) -> dict:
    """Stop following a creator; unfollowing someone not followed changes nothing."""
    access.creator(creator_id)
    db.session.execute(
        delete(Follow).where(Follow.follower_id == user.id, Follow.creator_id == creator_id)
    )
    db.session.commit()
    return status(user, creator_id)


def followers(creator_id: uuid.UUID, page: int, page_size: int) -> dict:
    """The creator's active followers, newest first."""
    profile = access.creator(creator_id)
    stmt = (
        select(Follow)
        .join(User, User.id == Follow.follower_id)
        .where(Follow.creator_id == profile.user_id, User.status == ACTIVE)
        .order_by(Follow.created_at.desc(), Follow.follower_id)
    )
    return paginate(stmt, page, page_size)


def following(user: User, page: int, page_size: int) -> dict:
    """The active creators the caller follows, most recently followed first."""
    stmt = (
        select(Follow)
        .join(User, User.id == Follow.creator_id)
        .where(Follow.follower_id == user.id, User.status == ACTIVE)
        .order_by(Follow.created_at.desc(), Follow.creator_id)
    )
    return paginate(stmt, page, page_size)


def followed_ids(user_id: uuid.UUID):
    """A subquery of the creators the user follows."""
    return select(Follow.creator_id).where(Follow.follower_id == user_id)
