"""What viewers see of posts: the feed, a creator's posts, one post. A post the viewer does
not see the body of is locked: its title and tiers only, no text, no media."""

import uuid

from sqlalchemy import func, or_, select

from watchparty.billing.models import ENTITLED
from watchparty.common.pagination import paginate
from watchparty.common.shown import Shown
from watchparty.creators.models import CreatorProfile, CreatorSubscription
from watchparty.extensions import db
from watchparty.feed import access, media
from watchparty.feed.follows import followed_ids
from watchparty.feed.models import Post, PostComment, PostLike
from watchparty.friends.blocks import blockers_of
from watchparty.users.models import ACTIVE, User


def _counts(model, post_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    rows = db.session.execute(
        select(model.post_id, func.count())
        .where(model.post_id.in_(post_ids))
        .group_by(model.post_id)
    )
    return dict(rows.all())


def present(posts: list[Post], viewer: User | None) -> list[Shown]:
    """The posts as this viewer sees them, with like and comment counts (a few queries a page)."""
    viewer_id = viewer.id if viewer else None
    tier_ids = access.entitled_tier_ids(viewer_id)
    ids = [post.id for post in posts]
    likes, comments = _counts(PostLike, ids), _counts(PostComment, ids)
    liked = set()
    if viewer_id and ids:
        liked = set(
            db.session.scalars(
                select(PostLike.post_id).where(
                    PostLike.post_id.in_(ids), PostLike.user_id == viewer_id
                )
            )
        )
    shown = []
    for post in posts:
        open_ = access.sees_body(post, viewer_id, tier_ids)
        shown.append(
            Shown(
                post,
                locked=not open_,
                text=post.text if open_ else None,
                image_url=media.image_url(post, viewer_id) if open_ else None,
                video=media.video_info(post, viewer_id) if open_ else None,
                like_count=likes.get(post.id, 0),
                comment_count=comments.get(post.id, 0),
                liked=post.id in liked,
            )
        )
    return shown


def _newest(stmt):
    active = select(User.id).where(User.status == ACTIVE)
    stmt = stmt.where(Post.creator_id.in_(active), Post.hidden.is_(False))
    return stmt.order_by(Post.created_at.desc(), Post.id.desc())


def feed(viewer: User, page: int, page_size: int) -> dict:
    """Posts of the creators the caller follows or subscribes to (not of those who blocked the
    caller), newest first."""
    subscribed = select(CreatorSubscription.creator_id).where(
        CreatorSubscription.subscriber_id == viewer.id, CreatorSubscription.status.in_(ENTITLED)
    )
    stmt = _newest(
        select(Post).where(
            or_(Post.creator_id.in_(followed_ids(viewer.id)), Post.creator_id.in_(subscribed)),
            Post.creator_id.not_in(blockers_of(viewer.id)),
        )
    )
    return paginate(stmt, page, page_size, dump=lambda rows: present(rows, viewer))


def creator_posts(viewer: User | None, creator_id: uuid.UUID, page: int, page_size: int) -> dict:
    """A creator's posts, newest first, locked where the caller does not see them."""
    profile: CreatorProfile = access.creator(creator_id, viewer)
    stmt = _newest(select(Post).where(Post.creator_id == profile.user_id))
    return paginate(stmt, page, page_size, dump=lambda rows: present(rows, viewer))


def one(viewer: User | None, post_id: uuid.UUID) -> Shown:
    """One post as the caller sees it (locked or not)."""
    return present([access.post(post_id, viewer)], viewer)[0]
