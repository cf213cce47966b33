"""Schemas of the admin dashboard."""

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField

_f = ma.fields


class DashboardQuerySchema(ma.Schema):
    """`days`: the window of the series, 7 to 90 (default 30)."""

    days = _f.Integer(load_default=30, validate=ma.validate.Range(min=7, max=90))


class PointSchema(ma.Schema):
    date = _f.String(metadata={"description": "UTC day, YYYY-MM-DD"})
    value = _f.Integer()


class FigureSchema(ma.Schema):
    """A figure: `total` (all time, or now), `period` (within the window), `series` per day."""

    total = _f.Integer(allow_none=True)
    period = _f.Integer(allow_none=True)
    series = _f.List(_f.Nested(PointSchema))
    currency = _f.String()


class AdminDashboardSchema(ma.Schema):
    """Seed 004's AdminDashboard: signups, active users, live parties (and parties started),
    uploads, revenue (minor units of the billing currency, refunds deducted), open reports."""

    signups = _f.Nested(FigureSchema)
    active_users = _f.Nested(FigureSchema)
    live_parties = _f.Nested(FigureSchema)
    uploads = _f.Nested(FigureSchema)
    revenue = _f.Nested(FigureSchema)
    open_reports = _f.Nested(FigureSchema)
    days = _f.Integer()
    since = UTCDateTimeField()
    timestamp = UTCDateTimeField()
