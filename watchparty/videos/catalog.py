"""Finding videos: the list, search with facets, and trending. Filters run in SQL."""

import uuid
from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, case, func, literal, or_, select

from watchparty.common.pagination import page_dict, paginate
from watchparty.common.search import any_contains
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.videos.augmented import Augmented
from watchparty.videos.engagement_models import VideoLike, VideoView
from watchparty.videos.models import PUBLIC, READY, Video

# Rungs the facet reports on (the ladder never goes beyond these).
QUALITIES = ("240p", "360p", "480p", "720p", "1080p", "1440p", "2160p")
COLUMNS = {
    "uploaded_at": Video.created_at,
    "created_at": Video.created_at,
    "views_count": Video.views_count,
    "likes_count": Video.likes_count,
    "title": Video.title,
    "duration": Video.duration,
}
# Trending: score = recent views + LIKE_WEIGHT x recent likes, over the last window.
LIKE_WEIGHT = 3
TRENDING_FORMULA = "score = views in the window + 3 x likes in the window"


def visible_to(user_id: uuid.UUID | None):
    """SQL: videos `user_id` may find in lists: public ready ones, and all of their own."""
    listed = and_(Video.visibility == PUBLIC, Video.status == READY, Video.hidden.is_(False))
    return or_(listed, Video.owner_id == user_id) if user_id else listed


def order_by(ordering: str) -> list:
    """ORDER BY for `ordering` (`-` for descending), with the id as a stable tie-break."""
    column = COLUMNS[ordering.lstrip("-")]
    if column is Video.title:
        column = func.lower(Video.title)
    direction = column.desc() if ordering.startswith("-") else column.asc()
    return [direction.nulls_last(), Video.id]


def filters(query: dict) -> list:
    """SQL conditions for every filter present in `query` (list, search and advanced alike)."""
    conditions = []
    text = (query.get("search") or query.get("q") or "").strip()
    if text:
        conditions.append(any_contains((Video.title, Video.description), text))
    if query.get("category"):
        conditions.append(func.lower(Video.category) == query["category"].lower())
    uploader = query.get("uploaded_by") or query.get("uploader")
    if uploader:
        conditions.append(Video.owner_id == uploader)
    for name in ("visibility", "status"):
        if query.get(name):
            conditions.append(getattr(Video, name) == query[name])
    if query.get("format"):
        conditions.append(func.lower(Video.format) == query["format"].lower())
    return conditions + _ranges(query)


def _ranges(query: dict) -> list:
    """Duration and upload-date ranges, and the quality rung."""
    conditions = []
    if query.get("duration_min") is not None:
        conditions.append(Video.duration >= query["duration_min"])
    if query.get("duration_max") is not None:
        conditions.append(Video.duration <= query["duration_max"])
    if query.get("quality"):
        conditions.append(Video.qualities.contains(f",{query['quality'].lower()},"))
    if query.get("uploaded_after"):
        conditions.append(Video.created_at >= query["uploaded_after"])
    if query.get("uploaded_before"):
        conditions.append(Video.created_at <= query["uploaded_before"])
    return conditions


def list_videos(user_id: uuid.UUID | None, query: dict) -> dict:
    """A page of the videos the caller may see, filtered and ordered (Video rows)."""
    stmt = select(Video).where(visible_to(user_id), *filters(query))
    stmt = stmt.order_by(*order_by(query["ordering"]))
    return paginate(stmt, query["page"], query["page_size"])


def search(user_id: uuid.UUID | None, query: dict) -> dict:
    """A page of matching videos plus category and quality counts over every match."""
    where = [visible_to(user_id), *filters(query)]
    stmt = select(Video).where(*where).order_by(*order_by(query["ordering"]))
    page = paginate(stmt, query["page"], query["page_size"])
    return page | {"facets": facets(where), "query": query.get("q", "")}


def facets(where: list) -> dict:
    """Two aggregate queries: GROUP BY category, and one SUM(CASE) per quality rung."""
    rows = db.session.execute(
        select(Video.category, func.count())
        .where(*where, Video.category.is_not(None))
        .group_by(Video.category)
        .order_by(func.count().desc(), Video.category)
    ).all()
    sums = [
        func.coalesce(func.sum(case((Video.qualities.contains(f",{q},"), 1), else_=0)), 0)
        for q in QUALITIES
    ]
    counts = db.session.execute(select(*sums).where(*where)).one()
    return {
        "categories": [{"name": name, "count": count} for name, count in rows],
        "qualities": [
            {"name": q, "count": int(n)} for q, n in zip(QUALITIES, counts, strict=True) if n
        ],
    }


def window_hours() -> int:
    """The trending window in hours (TRENDING_WINDOW_HOURS, default 48)."""
    return current_app.config["TRENDING_WINDOW_HOURS"]


def trending(query: dict) -> dict:
    """Public ready videos ranked by the trending score, then all-time views, then newest."""
    since = utcnow() - timedelta(hours=window_hours())
    views = (
        select(VideoView.video_id, func.count().label("n"))
        .where(VideoView.created_at >= since)
        .group_by(VideoView.video_id)
        .subquery()
    )
    likes = (
        select(VideoLike.video_id, func.count().label("n"))
        .where(VideoLike.created_at >= since)
        .group_by(VideoLike.video_id)
        .subquery()
    )
    recent_views = func.coalesce(views.c.n, literal(0))
    recent_likes = func.coalesce(likes.c.n, literal(0))
    score = recent_views + LIKE_WEIGHT * recent_likes
    stmt = (
        select(Video, score, recent_views, recent_likes)
        .outerjoin(views, views.c.video_id == Video.id)
        .outerjoin(likes, likes.c.video_id == Video.id)
        .where(Video.visibility == PUBLIC, Video.status == READY, Video.hidden.is_(False))
        .where(*filters(query))
        .order_by(score.desc(), Video.views_count.desc(), Video.created_at.desc(), Video.id)
    )
    page = paginate_rows(stmt, query["page"], query["page_size"])
    return page | {"window_hours": window_hours(), "formula": TRENDING_FORMULA}


def paginate_rows(stmt, page: int, size: int) -> dict:
    """paginate() for rows of (video, score, views, likes): videos with their numbers."""
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    rows = db.session.execute(stmt.limit(size).offset((page - 1) * size)).all()
    results = [
        Augmented(video, trending_score=s, recent_views=v, recent_likes=n)
        for video, s, v, n in rows
    ]
    return page_dict(results, total or 0, page, size)
