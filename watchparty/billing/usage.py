"""What a user has used this month (and in all): storage, uploads, parties hosted."""

import uuid
from datetime import datetime

from sqlalchemy import func, select

from watchparty.billing import catalog
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.parties.models import Party
from watchparty.videos.models import Video

UNITS = ("B", "KB", "MB", "GB", "TB")


def month_start(now: datetime | None = None) -> datetime:
    """Midnight UTC on the 1st of the current month: monthly limits reset then."""
    now = now or utcnow()
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def storage_used(user_id: uuid.UUID) -> int:
    """Bytes of the user's uploaded videos."""
    query = select(func.coalesce(func.sum(Video.file_size), 0)).where(Video.owner_id == user_id)
    return int(db.session.scalar(query) or 0)


def videos_this_month(user_id: uuid.UUID) -> int:
    """Videos the user created since the 1st of the month (UTC)."""
    query = select(func.count(Video.id)).where(
        Video.owner_id == user_id, Video.created_at >= month_start()
    )
    return int(db.session.scalar(query) or 0)


def parties_this_month(user_id: uuid.UUID) -> int:
    """Parties the user created since the 1st of the month (UTC), deleted ones included."""
    query = select(func.count(Party.id)).where(
        Party.host_id == user_id, Party.created_at >= month_start()
    )
    return int(db.session.scalar(query) or 0)


def human_bytes(size: int | None) -> str:
    """1288490188 as "1.2 GB" (binary units, as storage is usually shown); None: "Unlimited"."""
    if size is None:
        return "Unlimited"
    value, unit = float(size), UNITS[0]
    for unit in UNITS:
        if value < 1024 or unit == UNITS[-1]:
            break
        value /= 1024
    text = f"{value:.1f}".removesuffix(".0")
    return f"{text} {unit}"


def usage(user_id: uuid.UUID, limits: dict) -> dict:
    """The usage block of GET /api/billing/subscription/ (seed 004) with the plan's limits."""
    used = storage_used(user_id)
    limit = limits.get(catalog.STORAGE)
    return {
        "storage_used": human_bytes(used),
        "storage_limit": human_bytes(limit),
        "storage_used_bytes": used,
        "storage_limit_bytes": limit,
        "parties_hosted_this_month": parties_this_month(user_id),
        "videos_uploaded_this_month": videos_this_month(user_id),
        "videos_per_month": limits.get(catalog.VIDEOS),
        "parties_per_month": limits.get(catalog.PARTIES),
        "max_participants": limits.get(catalog.SEATS),
    }
