"""Likes (idempotent, one per person and post) and comments, for those who see a post's body."""

import uuid

from sqlalchemy import delete, func, select

from watchparty.common.inserts import insert_once
from watchparty.common.pagination import paginate
from watchparty.errors import Forbidden, NotFound
from watchparty.extensions import db
from watchparty.feed import access
from watchparty.feed.models import PostComment, PostLike
from watchparty.users.models import ACTIVE, User
from watchparty.users.service import hidden_from


def _likes(post_id: uuid.UUID, user: User) -> dict:
    count = db.session.scalar(select(func.count()).where(PostLike.post_id == post_id)) or 0
    liked = db.session.get(PostLike, (post_id, user.id)) is not None
    return {"post_id": post_id, "liked": liked, "like_count": count}


def like(user: User, post_id: uuid.UUID) -> dict:
    """Like a post the caller sees; liking again changes nothing."""
    post = access.readable_post(user, post_id)
    insert_once(PostLike, missing="No such post.", post_id=post.id, user_id=user.id)
    db.session.commit()
    return _likes(post.id, user)


def unlike(user: User, post_id: uuid.UUID) -> dict:
    """Take back a like; nothing changes when there was none."""
    post = access.post(post_id)
    db.session.execute(
        delete(PostLike).where(PostLike.post_id == post.id, PostLike.user_id == user.id)
    )
    db.session.commit()
    return _likes(post.id, user)


def comments(user: User | None, post_id: uuid.UUID, page: int, page_size: int) -> dict:
    """A readable post's comments by active users (not those the caller blocked), oldest
    first."""
    post = access.readable_post(user, post_id)
    hidden = list(hidden_from(user.id)) if user else []
    stmt = (
        select(PostComment)
        .join(User, User.id == PostComment.author_id)
        .where(PostComment.post_id == post.id, User.status == ACTIVE)
        .where(PostComment.author_id.not_in(hidden))
        .order_by(PostComment.created_at, PostComment.id)
    )
    return paginate(stmt, page, page_size)


def comment(user: User, post_id: uuid.UUID, text: str) -> PostComment:
    """Comment on a post the caller sees."""
    post = access.readable_post(user, post_id)
    row = PostComment(post_id=post.id, author_id=user.id, text=text)
    db.session.add(row)
    db.session.commit()
    return row


def delete_comment(user: User, post_id: uuid.UUID, comment_id: uuid.UUID) -> None:
    """Delete a comment: its author or the post's creator."""
    post = access.post(post_id)
    row = db.session.get(PostComment, comment_id)
    if row is None or row.post_id != post.id:
        raise NotFound("No such comment.", code="comment_not_found")
    if user.id not in (row.author_id, post.creator_id):
        raise Forbidden("Only its author or the post's creator can delete a comment.")
    db.session.delete(row)
    db.session.commit()
