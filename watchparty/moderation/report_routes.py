"""REST views of /api/moderation/: file a report, what may be reported, and the staff's read of
reports (the queue and decisions are in queue_routes and decision_routes)."""

import uuid

from watchparty.common.auth import auth_required, current_user, moderator_required, optional_auth
from watchparty.common.blueprint import Blueprint
from watchparty.moderation import choices, listing, reports
from watchparty.moderation.report_schemas import (
    ContentReportCreateSchema,
    ContentReportDetailSchema,
    ContentReportPage,
    ContentReportQuerySchema,
    FiledReportSchema,
    ReportChoiceSchema,
)

blp = Blueprint("moderation", __name__, description="Moderation: content reports")


@blp.post("/reports/")
@auth_required
@blp.arguments(ContentReportCreateSchema)
@blp.response(201, FiledReportSchema)
def file_report(body):
    """Report a user, video, party, chat message, comment, post or direct message."""
    return reports.file(
        current_user, body["content_type"], body["content_id"], body["reason"], body["description"]
    )


@blp.get("/reports/")
@moderator_required
@blp.arguments(ContentReportQuerySchema, location="query")
@blp.response(200, ContentReportPage)
def list_reports(query):
    """Every report, newest first; filters by content, status, reason, assignee, reporter."""
    return listing.staff_list(query)


@blp.get("/reports/<uuid:report_id>/")
@moderator_required
@blp.response(200, ContentReportDetailSchema)
def report_detail(report_id: uuid.UUID):
    """One report with the reported content as text."""
    return listing.detail(report_id)


@blp.get("/report-types/")
@optional_auth
@blp.response(200, ReportChoiceSchema(many=True))
def report_types():
    """The reasons a report may give, with their severity."""
    return choices.reasons()


@blp.get("/content-types/")
@optional_auth
@blp.response(200, ReportChoiceSchema(many=True))
def content_types():
    """The kinds of content that may be reported."""
    return choices.content_types()
