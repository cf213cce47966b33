"""REST views of /api/moderation/admin/ that read: the queue, a report's history, stats and the
dashboard (moderators, staff and superusers)."""

import uuid

from watchparty.common.auth import current_user, moderator_required
from watchparty.common.blueprint import Blueprint
from watchparty.moderation import listing, queue
from watchparty.moderation.decision_schemas import ModerationDashboardSchema, ModerationStatsSchema
from watchparty.moderation.report_schemas import (
    ContentReportPage,
    ContentReportQuerySchema,
    ReportActionSchema,
)

blp = Blueprint("moderation_queue", __name__, description="Moderation: the staff queue")


@blp.get("/queue/")
@moderator_required
@blp.arguments(ContentReportQuerySchema, location="query")
@blp.response(200, ContentReportPage)
def moderation_queue(query):
    """Pending reports: the most severe first, then the most reported, then the oldest."""
    return queue.queue(query)


@blp.get("/reports/<uuid:report_id>/actions/")
@moderator_required
@blp.response(200, ReportActionSchema(many=True))
def report_actions(report_id: uuid.UUID):
    """A report's history: filed, hidden, assigned, resolved or dismissed."""
    return listing.actions(report_id)


@blp.get("/stats/")
@moderator_required
@blp.response(200, ModerationStatsSchema)
def moderation_stats():
    """Reports by status, pending by content type and reason, decisions taken."""
    return queue.stats()


@blp.get("/dashboard/")
@moderator_required
@blp.response(200, ModerationDashboardSchema)
def moderation_dashboard():
    """What waits, what is the caller's, and the latest actions."""
    return queue.dashboard(current_user)
