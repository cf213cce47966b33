"""Creators' posts: write (title, text, public or for chosen tiers, maybe one of their own
videos), edit and delete. A gated post's video must be private, a public post's must not:
otherwise the video would play for people the post hides it from, or not for its readers."""

import uuid

from sqlalchemy import select

from watchparty.creators.models import CreatorTier
from watchparty.errors import Conflict, ValidationError
from watchparty.extensions import db
from watchparty.feed import access, tasks
from watchparty.feed.models import PUBLIC, TIERS, Post, PostTier
from watchparty.storage import storage
from watchparty.users.models import User
from watchparty.videos.access import owned_video
from watchparty.videos.models import PRIVATE, READY


def _tiers(creator_id: uuid.UUID, tier_ids: list[uuid.UUID]) -> list[uuid.UUID]:
    """The given tiers, each an active tier of the creator; 400 `unknown_tier` otherwise."""
    wanted = list(dict.fromkeys(tier_ids))
    found = set(
        db.session.scalars(
            select(CreatorTier.id).where(
                CreatorTier.id.in_(wanted),
                CreatorTier.creator_id == creator_id,
                CreatorTier.is_active.is_(True),
            )
        )
    )
    if missing := [str(t) for t in wanted if t not in found]:
        raise ValidationError(
            "These are not tiers of yours.", code="unknown_tier", errors={"tier_ids": missing}
        )
    return wanted


def _check_visibility(visibility: str, tier_ids: list[uuid.UUID]) -> None:
    """A gated post names at least one tier; a public post names none."""
    if visibility == TIERS and not tier_ids:
        raise ValidationError(
            "Choose the tiers that see this post.",
            code="tiers_required",
            errors={"tier_ids": ["At least one tier is required."]},
        )
    if visibility == PUBLIC and tier_ids:
        raise ValidationError(
            "A public post has no tiers.",
            code="tiers_not_allowed",
            errors={"tier_ids": ["Only for visibility `tiers`."]},
        )


def _check_video(user: User, video_id: uuid.UUID | None, visibility: str) -> None:
    """The video is the caller's, ready, and private exactly when the post is gated."""
    if video_id is None:
        return
    video = owned_video(user, video_id)
    if video.status != READY:
        raise Conflict("The video is not ready yet.", code="video_not_ready")
    if (video.visibility == PRIVATE) != (visibility == TIERS):
        need = "private" if visibility == TIERS else "public or unlisted"
        raise ValidationError(
            f"The video of a {visibility} post must be {need}.",
            code="video_visibility",
            errors={"video_id": [f"Make the video {need}."]},
        )


def create(user: User, body: dict) -> Post:
    """Publish a post as the caller (a creator)."""
    profile = access.own_profile(user)
    tier_ids = _tiers(profile.user_id, body["tier_ids"])
    _check_visibility(body["visibility"], tier_ids)
    _check_video(user, body["video_id"], body["visibility"])
    post = Post(
        creator_id=profile.user_id,
        title=body["title"],
        text=body["text"],
        visibility=body["visibility"],
        video_id=body["video_id"],
    )
    post.post_tiers = [PostTier(tier_id=tier_id) for tier_id in tier_ids]
    db.session.add(post)
    db.session.commit()
    tasks.announce_post.enqueue(str(post.id))  # followers are told off the request
    return post


def update(user: User, post_id: uuid.UUID, changes: dict) -> Post:
    """Edit the caller's post; absent fields stay, and the result must still be consistent."""
    post = access.owned_post(user, post_id)
    visibility = changes.get("visibility", post.visibility)
    if "tier_ids" in changes:
        tier_ids = _tiers(post.creator_id, changes["tier_ids"])
    elif visibility == PUBLIC:
        tier_ids = []  # making a post public drops its tiers
    else:
        tier_ids = [link.tier_id for link in post.post_tiers]
    _check_visibility(visibility, tier_ids)
    video_id = changes.get("video_id", post.video_id)
    _check_video(user, video_id, visibility)
    for field in ("title", "text"):
        if field in changes:
            setattr(post, field, changes[field])
    post.visibility, post.video_id = visibility, video_id
    kept = {link.tier_id: link for link in post.post_tiers}
    post.post_tiers = [kept.get(t) or PostTier(tier_id=t) for t in tier_ids]
    db.session.commit()
    return post


def delete(user: User, post_id: uuid.UUID) -> None:
    """Delete the caller's post with its likes, comments and image."""
    post = access.owned_post(user, post_id)
    image = post.image_key
    db.session.delete(post)
    db.session.commit()
    if image:
        storage().delete(image)
