"""Likes of videos: idempotent, race-free, and a counter that always equals the rows."""

import uuid

from sqlalchemy import delete, exists, select

from watchparty.common.inserts import insert_once
from watchparty.common.pagination import paginate
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.videos.access import visible_video
from watchparty.videos.augmented import Augmented
from watchparty.videos.engagement_models import VideoLike
from watchparty.videos.models import Video
from watchparty.videos.view_counts import bump, counter


def _like(video_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """Insert the like; only a new row bumps the counter (same transaction). No commit."""
    if insert_once(VideoLike, video_id=video_id, user_id=user_id, created_at=utcnow()):
        bump(Video, video_id, "likes_count", 1)


def _unlike(video_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """Delete the like; only a deleted row lowers the counter. No commit."""
    gone = db.session.execute(
        delete(VideoLike)
        .where(VideoLike.video_id == video_id, VideoLike.user_id == user_id)
        .execution_options(synchronize_session=False)
    ).rowcount
    if gone:
        bump(Video, video_id, "likes_count", -1)


def has_liked(video_id: uuid.UUID, user_id: uuid.UUID) -> bool:
    """Whether the user likes the video."""
    query = select(exists().where(VideoLike.video_id == video_id, VideoLike.user_id == user_id))
    return bool(db.session.scalar(query))


def seen_by(user, video_id: uuid.UUID) -> Augmented:
    """The video if the caller may see it (404 otherwise), with their `is_liked`."""
    video = visible_video(user, video_id)
    return Augmented(video, is_liked=user is not None and has_liked(video.id, user.id))


def set_like(user, video_id: uuid.UUID, is_like: bool | None) -> dict:
    """Like (True), unlike (False) or toggle (None) a video; the result. Commits."""
    video = visible_video(user, video_id)
    if is_like is None:
        is_like = not has_liked(video.id, user.id)
    if is_like:
        _like(video.id, user.id)
    else:
        _unlike(video.id, user.id)
    db.session.commit()
    return {
        "success": True,
        "is_liked": is_like,
        "status": "liked" if is_like else "unliked",
        "like_count": counter(Video, video.id, "likes_count"),
    }


def list_likes(user, video_id: uuid.UUID, page: int, page_size: int) -> dict:
    """A page of the video's likes (VideoLike rows: who and when), newest first."""
    video = visible_video(user, video_id)
    stmt = (
        select(VideoLike)
        .where(VideoLike.video_id == video.id)
        .order_by(VideoLike.created_at.desc(), VideoLike.user_id)
    )
    return paginate(stmt, page, page_size)
