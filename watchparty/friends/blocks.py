"""Blocking: a blocked user cannot ask you to be friends, see your profile or join the parties
you host; blocking ends a friendship and any pending request between you (and, through
`ended_by_block`, what higher domains keep between you, such as follows)."""

import uuid

from sqlalchemy import delete, exists, or_, select
from sqlalchemy.exc import IntegrityError

from watchparty.common.hooks import Hook
from watchparty.errors import NotFound, ValidationError
from watchparty.extensions import db
from watchparty.friends.models import Block, FriendLink
from watchparty.users.models import User

# fn(blocker_id, blocked_id): what a block ends in a higher domain (follows), in its transaction.
ended_by_block = Hook("friends.ended_by_block")


def blocked_by(blocker_id: uuid.UUID, blocked_id: uuid.UUID) -> bool:
    """Whether `blocker_id` blocked `blocked_id`."""
    query = exists().where(Block.blocker_id == blocker_id, Block.blocked_id == blocked_id)
    return bool(db.session.scalar(select(query)))


def blockers_of(user_id: uuid.UUID):
    """A subquery of the ids of everyone who blocked the user."""
    return select(Block.blocker_id).where(Block.blocked_id == user_id)


def between(a: uuid.UUID, b: uuid.UUID) -> bool:
    """Whether either of the two blocked the other."""
    query = exists().where(
        or_(
            (Block.blocker_id == a) & (Block.blocked_id == b),
            (Block.blocker_id == b) & (Block.blocked_id == a),
        )
    )
    return bool(db.session.scalar(select(query)))


def block(user: User, target: User) -> Block:
    """Block `target` (again is fine); their friendship or pending request ends. Commits."""
    if target.id == user.id:
        raise ValidationError("You cannot block yourself.", code="self_block")
    mine = select(Block).where(Block.blocker_id == user.id, Block.blocked_id == target.id)
    row = db.session.scalar(mine)
    if row is None:
        row = Block(blocker_id=user.id, blocked_id=target.id)
        db.session.add(row)
    low, high = sorted((user.id, target.id))
    db.session.execute(
        delete(FriendLink).where(FriendLink.low_id == low, FriendLink.high_id == high)
    )
    ended_by_block.run(user.id, target.id)
    try:
        db.session.commit()
    except IntegrityError:  # the same block, made a moment ago by another request: keep it
        db.session.rollback()
        return block(user, target)
    return row


def unblock(user: User, target: User) -> None:
    """Lift a block (404 `not_blocked` when there is none). Commits."""
    row = db.session.scalar(
        select(Block).where(Block.blocker_id == user.id, Block.blocked_id == target.id)
    )
    if row is None:
        raise NotFound("You have not blocked this person.", code="not_blocked")
    db.session.delete(row)
    db.session.commit()


def blocked_list(user: User) -> list[Block]:
    """The people the user blocked, the latest first."""
    return db.session.scalars(
        select(Block).where(Block.blocker_id == user.id).order_by(Block.created_at.desc())
    ).all()
