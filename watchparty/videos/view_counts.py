"""Views: one per viewer per window, counted race-free, with the time each viewer watched."""

import hashlib
import hmac
import time
import uuid

from flask import current_app
from sqlalchemy import case, select, update

from watchparty.common.hooks import Hook
from watchparty.common.inserts import insert_once
from watchparty.common.pagination import paginate
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.videos.access import owned_video, visible_video
from watchparty.videos.engagement_models import VideoView
from watchparty.videos.models import Video

# fn(user or None, video, seconds): a player reported time watched (the library keeps history).
watched = Hook("videos.watched")


def bump(model, row_id: uuid.UUID, column: str, delta: int) -> None:
    """Add `delta` to a counter in SQL (never below zero), leaving updated_at alone."""
    current = getattr(model, column)
    value = current + delta if delta > 0 else case((current + delta < 0, 0), else_=current + delta)
    # updated_at is set to itself: a counter moving is not an edit of the row.
    db.session.execute(
        update(model)
        .where(model.id == row_id)
        .values({column: value, "updated_at": model.updated_at})
        .execution_options(synchronize_session=False)
    )


def counter(model, row_id: uuid.UUID, column: str) -> int:
    """A counter's committed value, read fresh from the database."""
    return db.session.scalar(select(getattr(model, column)).where(model.id == row_id)) or 0


def viewer_key(user, remote_addr: str | None) -> str:
    """The user's id, or a keyed hash of an anonymous viewer's address (the IP is never kept)."""
    if user is not None:
        return str(user.id)
    secret = str(current_app.config["SECRET_KEY"]).encode()
    return hmac.new(secret, (remote_addr or "").encode(), hashlib.sha256).hexdigest()


def current_window() -> int:
    """The index of the current counting window: epoch minutes // VIEW_WINDOW_MINUTES."""
    minutes = max(1, int(current_app.config["VIEW_WINDOW_MINUTES"]))
    return int(time.time() // 60) // minutes


def _count(video: Video, user, key: str, window: int) -> bool:
    """Insert this window's view row; only a new row bumps videos.views_count. No commit."""
    new = insert_once(
        VideoView,
        id=uuid.uuid4(),
        video_id=video.id,
        user_id=user.id if user is not None else None,
        viewer_key=key,
        window=window,
        watch_time=0.0,
        created_at=utcnow(),
    )
    if new:
        bump(Video, video.id, "views_count", 1)
    return new


def record_view(video: Video, user, remote_addr: str | None) -> bool:
    """Count one view per viewer per window; whether this one counted. Commits."""
    counted = _count(video, user, viewer_key(user, remote_addr), current_window())
    db.session.commit()
    return counted


def report_view(user, video_id: uuid.UUID, remote_addr: str | None, watch_time: float) -> dict:
    """A player's view report: count the view once per window, add the time watched. Commits."""
    video = visible_video(user, video_id)
    key, window = viewer_key(user, remote_addr), current_window()
    counted = _count(video, user, key, window)
    if watch_time:
        db.session.execute(
            update(VideoView)
            .where(
                VideoView.video_id == video.id,
                VideoView.viewer_key == key,
                VideoView.window == window,
            )
            .values(watch_time=VideoView.watch_time + watch_time)
            .execution_options(synchronize_session=False)
        )
        watched.run(user, video, watch_time)
    db.session.commit()
    return {
        "success": True,
        "counted": counted,
        "views_count": counter(Video, video.id, "views_count"),
    }


def list_views(user, video_id: uuid.UUID, page: int, page_size: int) -> dict:
    """The owner's page of a video's views (VideoView rows), newest first."""
    video = owned_video(user, video_id)
    stmt = (
        select(VideoView)
        .where(VideoView.video_id == video.id)
        .order_by(VideoView.created_at.desc(), VideoView.id.desc())
    )
    return paginate(stmt, page, page_size)
