"""REST views of /api/moderation/admin/ that decide: assign, resolve, dismiss, bulk."""

import uuid

from watchparty.common.auth import current_user, moderator_required
from watchparty.common.blueprint import Blueprint
from watchparty.moderation import bulk, decisions
from watchparty.moderation.decision_schemas import (
    ReportAssignSchema,
    ReportBulkActionSchema,
    ReportBulkResultSchema,
    ReportDismissSchema,
    ReportResolveSchema,
)
from watchparty.moderation.report_schemas import ContentReportSchema

blp = Blueprint("moderation_decisions", __name__, description="Moderation: decisions")


@blp.post("/reports/<uuid:report_id>/assign/")
@moderator_required
@blp.arguments(ReportAssignSchema)
@blp.response(200, ContentReportSchema)
def assign(body, report_id: uuid.UUID):
    """Give a pending report to a moderator."""
    return decisions.assign(current_user, report_id, body["moderator_id"])


@blp.post("/reports/<uuid:report_id>/resolve/")
@moderator_required
@blp.arguments(ReportResolveSchema)
@blp.response(200, ContentReportSchema)
def resolve(body, report_id: uuid.UUID):
    """Decide a report (and the others of the same content) with an action and a reason."""
    return decisions.resolve(
        current_user, report_id, body["action"], body["reason"], body["duration"]
    )


@blp.post("/reports/<uuid:report_id>/dismiss/")
@moderator_required
@blp.arguments(ReportDismissSchema)
@blp.response(200, ContentReportSchema)
def dismiss(body, report_id: uuid.UUID):
    """Dismiss a report (and the others of the same content)."""
    return decisions.dismiss(current_user, report_id, body["reason"])


@blp.post("/reports/bulk-action/")
@moderator_required
@blp.arguments(ReportBulkActionSchema)
@blp.response(200, ReportBulkResultSchema)
def bulk_action(body):
    """Resolve, dismiss or assign several reports at once."""
    return bulk.bulk_action(current_user, body)
