"""REST views of maintenance mode for staff (the public status is meta/maintenance_routes)."""

from watchparty.admin.maintenance_schemas import MaintenanceSwitchedSchema, MaintenanceSwitchSchema
from watchparty.common.auth import admin_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.common.schemas import message
from watchparty.site import maintenance
from watchparty.site.fields import MaintenanceStatusSchema

blp = Blueprint("admin_maintenance", __name__, description="Admin: maintenance mode")


@blp.get("/maintenance/")
@admin_required
@blp.response(200, MaintenanceStatusSchema)
def maintenance_status():
    """Whether maintenance mode is on, its message and end."""
    return maintenance.status()


@blp.post("/maintenance/")
@admin_required
@blp.arguments(MaintenanceSwitchSchema)
@blp.response(200, MaintenanceSwitchedSchema)
def switch_maintenance(body: dict):
    """Turn maintenance mode on (message, optional end) or off. Audited."""
    reason = body.pop("reason")
    shown = maintenance.switch(current_user.id, body, reason)
    text = "Maintenance mode is on." if shown["enabled"] else "Maintenance mode is off."
    return message(text, maintenance=shown)
