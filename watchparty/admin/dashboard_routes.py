"""The admin dashboard view (seed 004's GET /api/admin/dashboard/)."""

from watchparty.admin import dashboard_admin
from watchparty.admin.dashboard_schemas import AdminDashboardSchema, DashboardQuerySchema
from watchparty.common.auth import admin_required
from watchparty.common.blueprint import Blueprint

blp = Blueprint("admin_dashboard", __name__, description="Admin: dashboard")


@blp.get("/dashboard/")
@admin_required
@blp.arguments(DashboardQuerySchema, location="query")
@blp.response(200, AdminDashboardSchema)
def admin_dashboard(query: dict):
    """Signups, active users, live parties, uploads, revenue and open reports over `days`."""
    return dashboard_admin.dashboard(query["days"])
