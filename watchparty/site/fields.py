"""Setting types beyond marshmallow's own: the maintenance state (a small typed object), and
the status shown of it."""

from datetime import UTC

import marshmallow as ma
from marshmallow import validate

from watchparty.common.schemas import UTCDateTimeField
from watchparty.common.types import iso, utcnow

MESSAGE_MAX = 500


class MaintenanceStateSchema(ma.Schema):
    """What maintenance mode is: on or off, the message people see, when it should end."""

    class Meta:
        unknown = ma.RAISE

    enabled = ma.fields.Boolean(required=True)
    message = ma.fields.String(load_default="", validate=validate.Length(max=MESSAGE_MAX))
    until = UTCDateTimeField(load_default=None, allow_none=True)

    @ma.validates("until")
    def future(self, value, **_kwargs):
        """An end time, when given, lies ahead."""
        if value is not None and _aware(value) <= utcnow():
            raise ma.ValidationError("The end of maintenance must be in the future.")


def _aware(value):
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Maintenance(ma.fields.Field):
    """The maintenance state as stored (JSON): {enabled, message, until as ISO 8601 or null}."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, dict):
            raise ma.ValidationError("An object {enabled, message, until} is required.")
        loaded = MaintenanceStateSchema().load(value)
        until = loaded["until"]
        return {
            "enabled": loaded["enabled"],
            "message": loaded["message"].strip(),
            "until": iso(_aware(until)) if until else None,
        }

    def _serialize(self, value, attr, obj, **kwargs):
        return value


class MaintenanceStatusSchema(ma.Schema):
    """Whether maintenance is on, what people are told, and when it should end."""

    enabled = ma.fields.Boolean()
    message = ma.fields.String()
    until = ma.fields.String(allow_none=True, metadata={"description": "ISO 8601 UTC"})
    retry_after = ma.fields.Integer(
        allow_none=True, metadata={"description": "seconds, while it is on"}
    )
