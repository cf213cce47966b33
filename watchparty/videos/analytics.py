"""Owner analytics of a video (views, watch time, engagement, retention) and of a
channel (all of a user's videos)."""

import uuid
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import case, cast, func, select
from sqlalchemy.types import Date

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.videos.access import owned_video
from watchparty.videos.engagement_models import VideoView
from watchparty.videos.models import Video

DAYS = 30
RETENTION_STEPS = tuple(range(10, 101, 10))
TOP_VIDEOS = 5


def _view_totals(video_id: uuid.UUID) -> tuple[int, float]:
    """Distinct viewers and total seconds watched."""
    unique, watched = db.session.execute(
        select(
            func.count(func.distinct(VideoView.viewer_key)), func.sum(VideoView.watch_time)
        ).where(VideoView.video_id == video_id)
    ).one()
    return unique or 0, float(watched or 0.0)


def summary(user, video_id: uuid.UUID) -> dict:
    """Views, unique viewers, watch time and engagement of one video (owner only)."""
    video = owned_video(user, video_id)
    unique, watched = _view_totals(video.id)
    views = video.views_count
    reactions = video.likes_count + video.comments_count + video.shares_count
    return {
        "video_id": str(video.id),
        "total_views": views,
        "unique_viewers": unique,
        "watch_time": round(watched, 3),
        "average_watch_time": round(watched / views, 3) if views else 0.0,
        "engagement_rate": round(reactions / views, 4) if views else 0.0,
        "likes": video.likes_count,
        "comments": video.comments_count,
        "shares": video.shares_count,
    }


def _day_of_view():
    """The UTC calendar day of a view, the same on PostgreSQL and SQLite."""
    if db.session.get_bind().dialect.name == "postgresql":
        return cast(func.timezone("UTC", VideoView.created_at), Date)
    return func.date(VideoView.created_at)


def views_by_day(video_id: uuid.UUID, days: int = DAYS) -> list[dict]:
    """Views per UTC day for the last `days` days, oldest first, empty days included."""
    today = utcnow().date()
    first = today - timedelta(days=days - 1)
    day = _day_of_view().label("day")
    rows = db.session.execute(
        select(day, func.count())
        .where(
            VideoView.video_id == video_id,
            VideoView.created_at >= datetime.combine(first, time.min, UTC),
        )
        .group_by(day)
    ).all()
    counts = {str(value)[:10]: n for value, n in rows}
    dates = [first + timedelta(days=i) for i in range(days)]
    return [{"date": d.isoformat(), "views": counts.get(d.isoformat(), 0)} for d in dates]


def detailed(user, video_id: uuid.UUID) -> dict:
    """The summary plus views per day over the last 30 days (owner only)."""
    data = summary(user, video_id)
    data["views_by_day"] = views_by_day(uuid.UUID(data["video_id"]))
    return data


def retention(user, video_id: uuid.UUID) -> dict:
    """The share of views that watched at least 10%, 20%, ... 100% of the video."""
    video = owned_video(user, video_id)
    duration = video.duration or 0.0
    if duration <= 0:
        return {"video_id": str(video.id), "duration": video.duration, "views": 0, "points": []}
    reached = [
        func.sum(case((VideoView.watch_time >= duration * step / 100, 1), else_=0))
        for step in RETENTION_STEPS
    ]
    row = db.session.execute(
        select(func.count(), *reached).where(VideoView.video_id == video.id)
    ).one()
    views = row[0] or 0
    points = [
        {
            "percent": step,
            "viewers": int(count or 0),
            "retention": round((count or 0) / views, 4) if views else 0.0,
        }
        for step, count in zip(RETENTION_STEPS, row[1:], strict=True)
    ]
    return {"video_id": str(video.id), "duration": duration, "views": views, "points": points}


def channel(user) -> dict:
    """The caller's totals across all their videos, and their most viewed ones (Video rows)."""
    mine = Video.owner_id == user.id
    videos, views, likes, comments, shares = db.session.execute(
        select(
            func.count(Video.id),
            func.sum(Video.views_count),
            func.sum(Video.likes_count),
            func.sum(Video.comments_count),
            func.sum(Video.shares_count),
        ).where(mine)
    ).one()
    watched = db.session.scalar(
        select(func.sum(VideoView.watch_time))
        .join(Video, Video.id == VideoView.video_id)
        .where(mine)
    )
    top = db.session.scalars(
        select(Video)
        .where(mine)
        .order_by(Video.views_count.desc(), Video.created_at.desc())
        .limit(TOP_VIDEOS)
    ).all()
    return {
        "videos": videos or 0,
        "views": int(views or 0),
        "likes": int(likes or 0),
        "comments": int(comments or 0),
        "shares": int(shares or 0),
        "watch_time": round(float(watched or 0.0), 3),
        "top_videos": list(top),
    }
