"""GET /api/admin/dashboard/: the site's headline figures over the last `days` days."""

from datetime import UTC, datetime, time, timedelta

from watchparty.admin import dashboard_figures as figures
from watchparty.common.types import utcnow

FIGURES = {
    "signups": figures.signups,
    "active_users": figures.active_users,
    "live_parties": figures.parties,
    "uploads": figures.uploads,
    "revenue": figures.revenue,
    "open_reports": figures.open_reports,
}


def dashboard(days: int) -> dict:
    """Each figure's total and its series per UTC day, from `days - 1` days ago to today."""
    now = utcnow()
    first_day = (now - timedelta(days=days - 1)).date()
    since = datetime.combine(first_day, time.min, tzinfo=UTC)
    body = {name: figure(since, days) for name, figure in FIGURES.items()}
    return body | {"days": days, "since": since, "timestamp": now}
