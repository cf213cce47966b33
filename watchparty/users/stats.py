"""A user's numbers (parties, videos, watch time, friends), summed from pluggable contributors.

Parties, videos and friends arrive in later domains. Each of them registers a contributor
here (`register_contributor`) rather than this module importing them, so the users domain
never depends on the domains built on top of it. Until they exist every figure is 0.
"""

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from watchparty.common.types import utcnow

# Every fact a contributor may report; anything else it returns is ignored.
FACTS = (
    "parties_hosted",
    "parties_joined",
    "parties_this_week",
    "videos_uploaded",
    "videos_this_week",
    "watch_time_minutes",
    "watch_time_minutes_this_week",
    "friends_count",
)

Contributor = Callable[[uuid.UUID, datetime], dict[str, float]]
_contributors: list[Contributor] = []


def register_contributor(fn: Contributor) -> Contributor:
    """Add `fn(user_id, week_start) -> {fact: number}` to every stats computation."""
    if fn not in _contributors:
        _contributors.append(fn)
    return fn


def facts(user_id: uuid.UUID) -> dict[str, float]:
    """Every fact about `user_id`, summed over the registered contributors."""
    week_start = utcnow() - timedelta(days=7)
    totals = dict.fromkeys(FACTS, 0)
    for contributor in _contributors:
        for key, value in (contributor(user_id, week_start) or {}).items():
            if key in totals:
                totals[key] += value
    return totals


def user_stats(user_id: uuid.UUID) -> dict:
    """`/api/users/stats/` (seed 003): totals, watch time in minutes."""
    f = facts(user_id)
    return {
        "total_parties": int(f["parties_hosted"] + f["parties_joined"]),
        "total_watch_time": int(f["watch_time_minutes"]),
        "videos_uploaded": int(f["videos_uploaded"]),
        "friends_count": int(f["friends_count"]),
    }


def dashboard_stats(user_id: uuid.UUID) -> dict:
    """`/api/users/dashboard/stats/` (seed 004): totals plus the last seven days."""
    f = facts(user_id)
    return {
        "total_parties": int(f["parties_hosted"] + f["parties_joined"]),
        "parties_hosted": int(f["parties_hosted"]),
        "parties_joined": int(f["parties_joined"]),
        "total_videos": int(f["videos_uploaded"]),
        "watch_time_hours": round(f["watch_time_minutes"] / 60, 1),
        "friends_count": int(f["friends_count"]),
        "recent_activity": {
            "parties_this_week": int(f["parties_this_week"]),
            "videos_uploaded_this_week": int(f["videos_this_week"]),
            "watch_time_this_week": int(f["watch_time_minutes_this_week"]),
        },
    }
