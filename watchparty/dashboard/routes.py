"""REST views of the dashboard domain."""

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.dashboard import service
from watchparty.dashboard.schemas import DashboardStatsSchema
from watchparty.users import activity
from watchparty.users.activity_schemas import ActivityPageSchema, ActivityQuerySchema

blp = Blueprint("dashboard", __name__, description="Dashboard")


@blp.get("/stats/")
@auth_required
@blp.response(200, DashboardStatsSchema)
def stats():
    """Who is signed in and their headline numbers."""
    return service.dashboard_stats(current_user)


@blp.get("/activities/")
@auth_required
@blp.arguments(ActivityQuerySchema, location="query")
@blp.response(200, ActivityPageSchema)
def activities(query):
    """The activity log (sign-ins, password changes, party events), newest first."""
    return activity.page(current_user, query["page"], query["page_size"], query.get("type"))
