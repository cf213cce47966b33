"""Schemas of the staff log view: the audit log and recent server errors, filtered."""

from datetime import UTC, datetime, time, timedelta

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import UTCDateTimeField

SOURCES = ("audit", "errors")
LEVELS = ("error", "critical")


class DayOrTime(UTCDateTimeField):
    """An ISO 8601 time, or a day (YYYY-MM-DD): its start, or its end when `end` is set."""

    def __init__(self, *args, end: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.end = end

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and len(value) == 10:
            try:
                day = datetime.strptime(value, "%Y-%m-%d").date()
            except ValueError:
                raise ma.ValidationError("Not a valid date or datetime.") from None
            start = datetime.combine(day, time(), tzinfo=UTC)
            return start + timedelta(days=1, microseconds=-1) if self.end else start
        moment = super()._deserialize(value, attr, data, **kwargs)
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class LogQuerySchema(PageQuerySchema):
    """`source` (audit, the default, or errors), `level` (errors), `date_from`, `date_to`, and
    per source: `action`, `actor_id`, `target_type`, `target_id`; `logger`, `search`."""

    source = ma.fields.String(load_default="audit", validate=ma.validate.OneOf(SOURCES))
    level = ma.fields.String(validate=ma.validate.OneOf((*LEVELS, *(x.upper() for x in LEVELS))))
    date_from = DayOrTime()
    date_to = DayOrTime(end=True)
    action = ma.fields.String(validate=ma.validate.Length(max=64))
    actor_id = ma.fields.UUID()
    target_type = ma.fields.String(validate=ma.validate.Length(max=32))
    target_id = ma.fields.String(validate=ma.validate.Length(max=64))
    logger = ma.fields.String(validate=ma.validate.Length(max=200))
    search = ma.fields.String(validate=ma.validate.Length(max=200))


class LogEntrySchema(ma.Schema):
    """One line of either log; `source` says which, and which fields it carries."""

    source = ma.fields.String(metadata={"description": "audit or errors"})
    id = ma.fields.UUID()
    created_at = UTCDateTimeField()
    # audit
    actor_id = ma.fields.UUID(allow_none=True)
    actor_name = ma.fields.String(allow_none=True)
    action = ma.fields.String()
    target_type = ma.fields.String()
    target_id = ma.fields.String()
    reason = ma.fields.String()
    data = ma.fields.Dict()
    # errors
    level = ma.fields.String()
    logger = ma.fields.String()
    message = ma.fields.String()
    traceback = ma.fields.String()
    method = ma.fields.String()
    path = ma.fields.String()
    request_id = ma.fields.String()
