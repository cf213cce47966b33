"""A creator's new post, told to every follower through notifications: in batches of followers,
each batch one job that queues the next, so a creator with 100,000 followers never holds a
request (or one long job) while they are told. A block ends follows both ways, so no follower
is blocked either way."""

import uuid

from sqlalchemy import select

from watchparty.common.notify import notify_many
from watchparty.extensions import db
from watchparty.feed.models import PUBLIC, Follow, Post
from watchparty.users.models import ACTIVE, User

BATCH = 500


def _lit(text: str) -> str:
    """User text inside a `collapsed` template, which is filled in with str.format."""
    return text.replace("{", "{{").replace("}", "}}")


def followers_after(creator_id: uuid.UUID, after: uuid.UUID | None, limit: int) -> list:
    """Up to `limit` ids of the creator's active followers above `after`, in id order."""
    stmt = (
        select(Follow.follower_id)
        .join(User, User.id == Follow.follower_id)
        .where(Follow.creator_id == creator_id, User.status == ACTIVE)
        .order_by(Follow.follower_id)
        .limit(limit)
    )
    if after is not None:
        stmt = stmt.where(Follow.follower_id > after)
    return list(db.session.scalars(stmt))


def tell_followers(post_id: uuid.UUID, after: uuid.UUID | None = None) -> uuid.UUID | None:
    """Notify one batch of the post's creator's followers; the last id told when more may
    follow (the next batch starts after it), else None."""
    post = db.session.get(Post, post_id)
    if post is None:
        return None  # deleted before everyone heard: the rest need not
    creator = post.creator.user
    batch = followers_after(post.creator_id, after, BATCH)
    gated = "" if post.visibility == PUBLIC else " for subscribers"
    notify_many(
        batch,
        "creator_posted",
        f"New post by {creator.full_name}",
        f"{creator.full_name} posted “{post.title}”{gated}",
        data={"post_id": str(post.id), "creator_id": str(post.creator_id)},
        actor_id=post.creator_id,
        collapse_key=f"creator_posted:{post.creator_id}",
        collapsed=f"{{count}} new posts by {_lit(creator.full_name)}",
    )
    return batch[-1] if len(batch) == BATCH else None
