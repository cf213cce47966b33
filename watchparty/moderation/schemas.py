"""Input of a party report."""

import marshmallow as ma

from watchparty.moderation.models import REPORT_REASONS


class ReportSchema(ma.Schema):
    party_id = ma.fields.UUID(required=True)
    reason = ma.fields.String(required=True, validate=ma.validate.OneOf(REPORT_REASONS))
    description = ma.fields.String(load_default="", validate=ma.validate.Length(max=2000))
