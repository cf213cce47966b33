"""Admins' notification payloads: templates, channels, statistics, broadcasts, cleanup."""

import uuid

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField
from watchparty.notifications.kinds import BROADCAST_TYPES, KINDS

_v = ma.validate
MAX_TARGETS = 100_000


class TemplateSchema(ma.Schema):
    """A template: its kind, title and body with {{ variables }}, optional email HTML."""

    id = ma.fields.UUID(dump_only=True)
    name = ma.fields.String(required=True, validate=_v.Length(min=1, max=100))
    type = ma.fields.String(load_default="broadcast", validate=_v.OneOf(sorted(KINDS)))
    title = ma.fields.String(required=True, validate=_v.Length(min=1, max=200))
    body = ma.fields.String(required=True, validate=_v.Length(min=1, max=5000))
    html = ma.fields.String(allow_none=True, validate=_v.Length(max=20000))
    created_at = UTCDateTimeField(dump_only=True)
    updated_at = UTCDateTimeField(dump_only=True)


class TemplateUpdateSchema(TemplateSchema):
    """Some of a template's fields (sent with partial=True)."""


class ChannelSchema(ma.Schema):
    """A delivery channel and whether this server is configured for it."""

    name = ma.fields.String()
    label = ma.fields.String()
    enabled = ma.fields.Boolean()
    devices = ma.fields.Integer(allow_none=True)


class StatsSchema(ma.Schema):
    """Counts across everyone's notifications."""

    total = ma.fields.Integer()
    unread = ma.fields.Integer()
    last_24_hours = ma.fields.Integer()
    last_7_days = ma.fields.Integer()
    by_type = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Integer())


class DeliveryStatSchema(ma.Schema):
    """One channel's deliveries by outcome."""

    channel = ma.fields.String()
    queued = ma.fields.Integer()
    sent = ma.fields.Integer()
    failed = ma.fields.Integer()
    opened = ma.fields.Integer()


class Targets(ma.fields.Field):
    """`"all"`, `["all"]` or a list of user ids (None means everyone)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if value == "all" or value == ["all"]:
            return None
        if not isinstance(value, list) or not 1 <= len(value) <= MAX_TARGETS:
            raise ma.ValidationError(f'Use "all" or a list of 1 to {MAX_TARGETS} user ids.')
        try:
            return [uuid.UUID(str(v)) for v in value]
        except ValueError:
            raise ma.ValidationError("Every target must be a user id.") from None


class BroadcastSchema(ma.Schema):
    """Seed 003's three shapes: {title, message, target_users}, {message, type, target_users},
    {title, message, recipients}."""

    title = ma.fields.String(load_default="Announcement", validate=_v.Length(min=1, max=200))
    message = ma.fields.String(required=True, validate=_v.Length(min=1, max=1000))
    type = ma.fields.String(load_default="announcement", validate=_v.OneOf(sorted(BROADCAST_TYPES)))
    target_users = Targets()
    recipients = Targets()

    @ma.validates_schema
    def one_target(self, data, **kwargs):
        """Exactly one of `target_users` and `recipients`."""
        if ("target_users" in data) == ("recipients" in data):
            raise ma.ValidationError("Give target_users or recipients.", "target_users")


class BulkSendSchema(ma.Schema):
    """A template to send to listed people, with the values of its variables."""

    template_id = ma.fields.UUID(required=True)
    target_users = Targets(required=True)
    data = ma.fields.Dict(keys=ma.fields.String(validate=_v.Length(max=64)), load_default=dict)


class BroadcastResultSchema(ma.Schema):
    """What was queued."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    broadcast_id = ma.fields.String()
    job_id = ma.fields.String()
    target_count = ma.fields.Integer()


class CleanupSchema(ma.Schema):
    """How old (in days) a read notification must be to go."""

    older_than_days = ma.fields.Integer(load_default=30, validate=_v.Range(min=1, max=3650))


class CleanupResultSchema(ma.Schema):
    """How many went."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    deleted = ma.fields.Integer()
