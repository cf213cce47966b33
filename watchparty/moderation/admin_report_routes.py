"""Seed 003's admin panel names for content moderation: GET /api/admin/reports/ and
POST /api/admin/reports/<id>/resolve/ (the same services as /api/moderation/)."""

import uuid

from watchparty.common.auth import current_user, moderator_required
from watchparty.common.blueprint import Blueprint
from watchparty.moderation import decisions, queue
from watchparty.moderation.decision_schemas import ReportResolveSchema
from watchparty.moderation.report_schemas import (
    ContentReportPage,
    ContentReportQuerySchema,
    ContentReportSchema,
)

blp = Blueprint("admin_reports", __name__, description="Admin: content reports")


@blp.get("/reports/")
@moderator_required
@blp.arguments(ContentReportQuerySchema, location="query")
@blp.response(200, ContentReportPage)
def admin_reports(query):
    """The moderation queue (pending reports unless `status` says otherwise)."""
    return queue.queue(query)


@blp.post("/reports/<uuid:report_id>/resolve/")
@moderator_required
@blp.arguments(ReportResolveSchema)
@blp.response(200, ContentReportSchema)
def admin_resolve(body, report_id: uuid.UUID):
    """Decide a report with an action (`approve` is no action) and a reason."""
    return decisions.resolve(
        current_user, report_id, body["action"], body["reason"], body["duration"]
    )
