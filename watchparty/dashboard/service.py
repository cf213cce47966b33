"""The signed-in user's dashboard: headline numbers (the feed is users/activity.py)."""

from watchparty.common.types import utcnow
from watchparty.users import stats
from watchparty.users.models import User


def dashboard_stats(user: User) -> dict:
    """`/api/dashboard/stats/`: who, their numbers (last seven days as `recent_*`), when."""
    facts = stats.facts(user.id)
    return {
        "user": {"id": user.id, "name": user.full_name, "email": user.email},
        "stats": {
            "total_parties": int(facts["parties_hosted"] + facts["parties_joined"]),
            "recent_parties": int(facts["parties_this_week"]),
            "total_videos": int(facts["videos_uploaded"]),
            "recent_videos": int(facts["videos_this_week"]),
            "watch_time_minutes": int(facts["watch_time_minutes"]),
        },
        "timestamp": utcnow(),
    }
