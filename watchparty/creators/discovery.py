"""Finding creators: the paginated list with search, and the popular ranking.

Popularity is `subscribers * 10 + total views + total likes * 3` over the creator's videos: a
subscriber pays every month, so one counts for ten views; a like is a stronger signal than a
view. Ties go to the newer creator.
"""

from sqlalchemy import func, or_, select

from watchparty.common.pagination import page_dict, paginate
from watchparty.common.shown import Shown
from watchparty.creators.models import CreatorProfile
from watchparty.extensions import db
from watchparty.users.models import ACTIVE, User
from watchparty.videos.models import Video

SUBSCRIBER_WEIGHT, VIEW_WEIGHT, LIKE_WEIGHT = 10, 1, 3


def _listed():
    """Creators whose accounts are active."""
    return (
        select(CreatorProfile)
        .join(User, User.id == CreatorProfile.user_id)
        .where(User.status == ACTIVE)
    )


def search(text: str | None, page: int, page_size: int) -> dict:
    """Creators, verified and most-subscribed first; `text` matches name, display name or bio."""
    stmt = _listed()
    if text and text.strip():
        like = f"%{text.strip().lower()}%"
        stmt = stmt.where(
            or_(
                func.lower(User.first_name + " " + User.last_name).like(like),
                func.lower(func.coalesce(User.display_name, "")).like(like),
                func.lower(CreatorProfile.bio).like(like),
            )
        )
    stmt = stmt.order_by(
        CreatorProfile.is_verified.desc(),
        CreatorProfile.subscriber_count.desc(),
        CreatorProfile.created_at.desc(),
    )
    return paginate(stmt, page, page_size)


def popular(page: int, page_size: int) -> dict:
    """Creators by weighted score (see the module docstring), each with `weighted_score`."""
    totals = (
        select(
            Video.owner_id.label("owner_id"),
            func.coalesce(func.sum(Video.views_count), 0).label("views"),
            func.coalesce(func.sum(Video.likes_count), 0).label("likes"),
        )
        .group_by(Video.owner_id)
        .subquery()
    )
    score = (
        CreatorProfile.subscriber_count * SUBSCRIBER_WEIGHT
        + func.coalesce(totals.c.views, 0) * VIEW_WEIGHT
        + func.coalesce(totals.c.likes, 0) * LIKE_WEIGHT
    ).label("score")
    stmt = (
        _listed()
        .outerjoin(totals, totals.c.owner_id == CreatorProfile.user_id)
        .order_by(score.desc(), CreatorProfile.created_at.desc())
    )
    total = db.session.scalar(select(func.count()).select_from(_listed().subquery()))
    rows = db.session.execute(
        stmt.add_columns(score).limit(page_size).offset((page - 1) * page_size)
    ).all()
    results = [Shown(profile, weighted_score=int(value)) for profile, value in rows]
    return page_dict(results, total or 0, page, page_size)
