"""Input of a party report; parties as staff see them."""

import marshmallow as ma

from watchparty.common.pagination import page_of
from watchparty.moderation.models import REPORT_REASONS
from watchparty.parties.schemas import PartySchema


class ReportSchema(ma.Schema):
    party_id = ma.fields.UUID(required=True)
    reason = ma.fields.String(required=True, validate=ma.validate.OneOf(REPORT_REASONS))
    description = ma.fields.String(load_default="", validate=ma.validate.Length(max=2000))


class StaffPartySchema(PartySchema):
    """A party as staff see it: also how many reports were filed against it."""

    report_count = ma.fields.Integer()


StaffPartyPage = page_of(StaffPartySchema, "StaffPartyPage")
