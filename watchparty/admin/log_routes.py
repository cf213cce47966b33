"""REST view of the logs staff read: the audit log and recent server errors."""

from watchparty.admin import logs
from watchparty.admin.log_schemas import LogEntrySchema, LogQuerySchema
from watchparty.common.auth import admin_required
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import page_of

blp = Blueprint("admin_logs", __name__, description="Admin: logs")


@blp.get("/logs/")
@admin_required
@blp.arguments(LogQuerySchema, location="query")
@blp.response(200, page_of(LogEntrySchema, "LogEntryPage"))
def list_logs(query: dict):
    """The audit log (`source=audit`) or recent server errors (`source=errors`), filtered."""
    return logs.logs(query)
