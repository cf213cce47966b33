"""The public maintenance status the client polls (answered even during maintenance)."""

from watchparty.common.blueprint import Blueprint
from watchparty.site import maintenance
from watchparty.site.fields import MaintenanceStatusSchema

blp = Blueprint("maintenance", __name__, description="Service endpoints")


@blp.get("/maintenance/")
@blp.response(200, MaintenanceStatusSchema)
def maintenance_status():
    """Whether the site is in maintenance, with the message and the expected end."""
    return maintenance.status()
