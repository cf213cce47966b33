"""The signed-in user's dashboard: headline numbers and the activity feed."""

from sqlalchemy import select

from watchparty.common.pagination import paginate
from watchparty.common.types import utcnow
from watchparty.users import stats
from watchparty.users.models import Activity, User


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


def activities(user: User, page: int, page_size: int, type_: str | None = None) -> dict:
    """The user's activity log, newest first, as a page (also keyed `activities`/`total`)."""
    stmt = select(Activity).where(Activity.user_id == user.id)
    if type_:
        stmt = stmt.where(Activity.type == type_)
    stmt = stmt.order_by(Activity.created_at.desc(), Activity.id.desc())
    # party / video stay null until those domains exist and resolve ids found in `data`.
    page_body = paginate(stmt, page, page_size)
    return page_body | {"activities": page_body["results"], "total": page_body["count"]}
