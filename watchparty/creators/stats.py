"""A creator's numbers: views and likes of their videos, subscribers, revenue this month."""

import uuid
from datetime import datetime

from sqlalchemy import func, select

from watchparty.billing.money import to_major
from watchparty.common.types import utcnow
from watchparty.creators.models import CreatorProfile, CreatorSubscription, Tip
from watchparty.extensions import db
from watchparty.videos.models import Video

SUCCEEDED = "succeeded"


def video_totals(user_id: uuid.UUID) -> dict:
    """Total views and likes of the user's videos (the videos' own counters)."""
    views, likes = db.session.execute(
        select(
            func.coalesce(func.sum(Video.views_count), 0),
            func.coalesce(func.sum(Video.likes_count), 0),
        ).where(Video.owner_id == user_id)
    ).one()
    return {"total_views": int(views), "total_likes": int(likes)}


def month_start(now: datetime | None = None) -> datetime:
    """The first instant of the current UTC month."""
    now = now or utcnow()
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def tips_received(creator_id: uuid.UUID, since: datetime | None = None) -> tuple[int, int]:
    """(count, total minor units) of the creator's succeeded tips, maybe since a time."""
    stmt = select(func.count(), func.coalesce(func.sum(Tip.amount), 0)).where(
        Tip.creator_id == creator_id, Tip.status == SUCCEEDED
    )
    if since is not None:
        stmt = stmt.where(Tip.created_at >= since)
    count, total = db.session.execute(stmt).one()
    return int(count), int(total)


def subscription_revenue(creator_id: uuid.UUID, since: datetime) -> int:
    """Minor units of creator-subscription payments to this creator since a time."""
    from watchparty.billing.models import CREATOR_SUBSCRIPTION, Payment

    total = db.session.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0)).where(
            Payment.counterparty_id == creator_id,
            Payment.kind == CREATOR_SUBSCRIPTION,
            Payment.status == SUCCEEDED,
            Payment.created_at >= since,
        )
    )
    return int(total or 0)


def summary(profile: CreatorProfile) -> dict:
    """The stats shown on GET /me/: views, likes, subscribers and tips received."""
    tip_count, tip_total = tips_received(profile.user_id)
    return video_totals(profile.user_id) | {
        "subscribers": profile.subscriber_count,
        "tips_received": tip_count,
        "tips_total": to_major(tip_total, profile.currency),
        "currency": profile.currency,
    }


def monthly(profile: CreatorProfile) -> dict:
    """The creator's dashboard: views, likes, subscribers, this month's revenue by source."""
    since = month_start()
    _, tips = tips_received(profile.user_id, since)
    subs = subscription_revenue(profile.user_id, since)
    active = db.session.scalar(
        select(func.count())
        .select_from(CreatorSubscription)
        .where(
            CreatorSubscription.creator_id == profile.user_id,
            CreatorSubscription.created_at >= since,
        )
    )
    cur = profile.currency
    return video_totals(profile.user_id) | {
        "subscribers": profile.subscriber_count,
        "new_subscriptions_this_month": int(active or 0),
        "revenue_this_month": {
            "tips": to_major(tips, cur),
            "subscriptions": to_major(subs, cur),
            "total": to_major(tips + subs, cur),
            "currency": cur,
        },
        "period_start": since,
    }
