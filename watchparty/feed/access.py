"""Who sees a post's body and media: everyone for a public post; for a gated one its creator
and the holders of an active subscription to one of its tiers. A creator who blocked someone,
and their posts, do not exist for that person. Decided here, once."""

import uuid

from sqlalchemy import exists, select

from watchparty.billing.models import ENTITLED
from watchparty.creators.models import CreatorProfile, CreatorSubscription
from watchparty.errors import Forbidden, NotFound
from watchparty.extensions import db
from watchparty.feed.models import PUBLIC, Post, PostTier
from watchparty.friends.blocks import blocked_by
from watchparty.users.models import ACTIVE, User


def _hidden(creator_id: uuid.UUID, viewer: User | None) -> bool:
    return viewer is not None and blocked_by(creator_id, viewer.id)


def creator(creator_id: uuid.UUID, viewer: User | None = None) -> CreatorProfile:
    """An active user's creator profile, or 404 `creator_not_found` (also to a blocked viewer)."""
    profile = db.session.get(CreatorProfile, creator_id)
    if profile is None or profile.user.status != ACTIVE or _hidden(creator_id, viewer):
        raise NotFound("No such creator.", code="creator_not_found")
    return profile


def own_profile(user: User) -> CreatorProfile:
    """The caller's creator profile; 403 `not_a_creator` when they have none."""
    profile = db.session.get(CreatorProfile, user.id)
    if profile is None:
        raise Forbidden("Only creators can post.", code="not_a_creator")
    return profile


def entitled_tier_ids(viewer_id: uuid.UUID | None) -> set[uuid.UUID]:
    """The tiers the viewer holds an active subscription to."""
    if viewer_id is None:
        return set()
    return set(
        db.session.scalars(
            select(CreatorSubscription.tier_id).where(
                CreatorSubscription.subscriber_id == viewer_id,
                CreatorSubscription.status.in_(ENTITLED),
                CreatorSubscription.tier_id.is_not(None),
            )
        )
    )


def sees_body(post: Post, viewer_id: uuid.UUID | None, tier_ids: set[uuid.UUID]) -> bool:
    """Whether the viewer (holding `tier_ids`) sees the post's body and media."""
    if post.visibility == PUBLIC or post.creator_id == viewer_id:
        return True
    return any(link.tier_id in tier_ids for link in post.post_tiers)


def can_see(post: Post, viewer_id: uuid.UUID | None) -> bool:
    """Whether the viewer sees the post's body and media (one post)."""
    return sees_body(post, viewer_id, entitled_tier_ids(viewer_id))


def post(post_id: uuid.UUID, viewer: User | None = None) -> Post:
    """A post of an active creator, or 404 `post_not_found` (also to a viewer they blocked)."""
    found = db.session.get(Post, post_id)
    if found is None or found.creator.user.status != ACTIVE or _hidden(found.creator_id, viewer):
        raise NotFound("No such post.", code="post_not_found")
    if found.hidden and (viewer is None or viewer.id != found.creator_id):
        raise NotFound("No such post.", code="post_not_found")
    return found


def readable_post(user: User | None, post_id: uuid.UUID) -> Post:
    """A post whose body the caller sees; 403 `post_locked` for a gated post they do not."""
    found = post(post_id, user)
    if not can_see(found, user.id if user else None):
        raise Forbidden("Subscribe to a tier of this post to see it.", code="post_locked")
    return found


def owned_post(user: User, post_id: uuid.UUID) -> Post:
    """The caller's own post; 404 when it is missing, 403 when it is someone else's."""
    found = post(post_id)
    if found.creator_id != user.id:
        raise Forbidden("Only the post's creator can change it.", code="not_your_post")
    return found


def grants_video(user_id: uuid.UUID, video_id: uuid.UUID) -> bool:
    """Whether a post with the video shows its body to the user (the videos hook)."""
    tiers = select(PostTier.post_id).where(PostTier.tier_id.in_(list(entitled_tier_ids(user_id))))
    return db.session.scalar(
        select(
            exists().where(
                Post.video_id == video_id,
                (Post.visibility == PUBLIC) | (Post.creator_id == user_id) | Post.id.in_(tiers),
            )
        )
    )
