"""Content reports: what a reporter sends and sees back, and what staff see."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.reportables import CONTENT_TYPES
from watchparty.common.schemas import UTCDateTimeField
from watchparty.moderation.models import REPORT_REASONS, STATUSES
from watchparty.users.schemas import UserBriefSchema

_one_of = ma.validate.OneOf


class ContentReportCreateSchema(ma.Schema):
    """POST /api/moderation/reports/: what is reported, why, and the details."""

    content_type = ma.fields.String(required=True, validate=_one_of(CONTENT_TYPES))
    content_id = ma.fields.UUID(required=True)
    reason = ma.fields.String(required=True, validate=_one_of(REPORT_REASONS))
    description = ma.fields.String(load_default="", validate=ma.validate.Length(max=2000))


class FiledReportSchema(ma.Schema):
    """A report as its reporter sees it (never who else reported the same thing)."""

    id = ma.fields.UUID()
    content_type = ma.fields.String()
    content_id = ma.fields.UUID()
    reason = ma.fields.String()
    description = ma.fields.String()
    status = ma.fields.String()
    created_at = UTCDateTimeField()


class ContentReportSchema(FiledReportSchema):
    """A report as staff see it."""

    owner_id = ma.fields.UUID(allow_none=True)
    reporter = ma.fields.Nested(UserBriefSchema)
    assignee = ma.fields.Nested(UserBriefSchema, allow_none=True)
    severity = ma.fields.Integer(metadata={"description": "1 (low) to 4 (critical)"})
    severity_label = ma.fields.String()
    content_hidden = ma.fields.Boolean()
    resolution_action = ma.fields.String(allow_none=True)
    resolution_reason = ma.fields.String()
    resolved_by = ma.fields.UUID(allow_none=True)
    resolved_at = UTCDateTimeField(allow_none=True)
    updated_at = UTCDateTimeField()
    reporter_count = ma.fields.Integer(
        metadata={"description": "distinct people with a pending report of the same content"}
    )


class ContentReportDetailSchema(ContentReportSchema):
    """One report for staff, with the reported content as text."""

    content_label = ma.fields.String()
    content_text = ma.fields.String()
    content_exists = ma.fields.Boolean()


ContentReportPage = page_of(ContentReportSchema, "ContentReportPage")


class ContentReportQuerySchema(PageQuerySchema):
    """Filters of the staff lists (the queue is pending reports unless `status` says)."""

    content_type = ma.fields.String(validate=_one_of(CONTENT_TYPES))
    content_id = ma.fields.UUID()
    status = ma.fields.String(validate=_one_of(STATUSES))
    reason = ma.fields.String(validate=_one_of(REPORT_REASONS))
    assignee_id = ma.fields.UUID()
    unassigned = ma.fields.Boolean()
    reporter_id = ma.fields.UUID()


class ReportChoiceSchema(ma.Schema):
    """One accepted value: the value, a label, and (for reasons) its severity."""

    value = ma.fields.String()
    label = ma.fields.String()
    severity = ma.fields.Integer()
    severity_label = ma.fields.String()


class ReportActionSchema(ma.Schema):
    """One step in a report's history."""

    id = ma.fields.UUID()
    report_id = ma.fields.UUID()
    actor = ma.fields.Nested(UserBriefSchema, allow_none=True)
    action = ma.fields.String()
    reason = ma.fields.String()
    data = ma.fields.Dict()
    at = UTCDateTimeField()
