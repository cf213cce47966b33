"""Dashboard shapes (seed 003 "Dashboard Endpoints")."""

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField


class DashboardUserSchema(ma.Schema):
    id = ma.fields.UUID()
    name = ma.fields.String()
    email = ma.fields.String()


class DashboardNumbersSchema(ma.Schema):
    total_parties = ma.fields.Integer()
    recent_parties = ma.fields.Integer()
    total_videos = ma.fields.Integer()
    recent_videos = ma.fields.Integer()
    watch_time_minutes = ma.fields.Integer()


class DashboardStatsSchema(ma.Schema):
    user = ma.fields.Nested(DashboardUserSchema)
    stats = ma.fields.Nested(DashboardNumbersSchema)
    timestamp = UTCDateTimeField()
