"""The activity log as the dashboard and /api/users/activity/ show it."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema, PaginatedSchema
from watchparty.common.schemas import UTCDateTimeField


class ActivityRefSchema(ma.Schema):
    id = ma.fields.String()
    title = ma.fields.String()


class ActivitySchema(ma.Schema):
    """One activity-log entry."""

    id = ma.fields.UUID()
    type = ma.fields.String()
    timestamp = UTCDateTimeField(attribute="created_at")
    data = ma.fields.Dict()
    party = ma.fields.Nested(ActivityRefSchema, allow_none=True, dump_default=None)
    video = ma.fields.Nested(ActivityRefSchema, allow_none=True, dump_default=None)


class ActivityPageSchema(PaginatedSchema):
    """PaginatedResponse, plus `activities` and `total` as seed 003 names them."""

    results = ma.fields.List(ma.fields.Nested(ActivitySchema))
    activities = ma.fields.List(ma.fields.Nested(ActivitySchema))
    total = ma.fields.Integer()


class ActivityQuerySchema(PageQuerySchema):
    """Paging plus an optional activity `type` filter."""

    type = ma.fields.String(validate=ma.validate.Length(min=1, max=50))
