"""Input of a party report; parties as staff see them."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.moderation.models import REPORT_REASONS, STATUSES
from watchparty.parties.schemas import PartySchema
from watchparty.users.schemas import UserBriefSchema


class ReportSchema(ma.Schema):
    party_id = ma.fields.UUID(required=True)
    reason = ma.fields.String(required=True, validate=ma.validate.OneOf(REPORT_REASONS))
    description = ma.fields.String(load_default="", validate=ma.validate.Length(max=2000))


class UserReportBodySchema(ma.Schema):
    """POST /api/users/report/ (seed 003): who, why, and the details."""

    reported_user_id = ma.fields.UUID(required=True)
    reason = ma.fields.String(required=True, validate=ma.validate.OneOf(REPORT_REASONS))
    description = ma.fields.String(load_default="", validate=ma.validate.Length(max=2000))


class UserReportSchema(ma.Schema):
    """A user report as staff see it."""

    id = ma.fields.UUID()
    reported = ma.fields.Nested(UserBriefSchema)
    reporter = ma.fields.Nested(UserBriefSchema)
    reason = ma.fields.String()
    description = ma.fields.String()
    status = ma.fields.String()
    created_at = UTCDateTimeField()


UserReportPage = page_of(UserReportSchema, "UserReportPage")


class UserReportQuerySchema(PageQuerySchema):
    status = ma.fields.String(validate=ma.validate.OneOf(STATUSES))


class StaffPartySchema(PartySchema):
    """A party as staff see it: also how many reports were filed against it."""

    report_count = ma.fields.Integer()


StaffPartyPage = page_of(StaffPartySchema, "StaffPartyPage")
