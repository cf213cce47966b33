"""Schemas of maintenance mode: the switch staff flip and the status everyone may read."""

import marshmallow as ma

from watchparty.common.schemas import UTCDateTimeField
from watchparty.site.fields import MESSAGE_MAX, MaintenanceStateSchema, MaintenanceStatusSchema


class MaintenanceSwitchSchema(ma.Schema):
    """`{enabled, message, until?}`, or seed 003's `{action: enable|disable, message}`."""

    class Meta:
        unknown = ma.EXCLUDE

    enabled = ma.fields.Boolean()
    action = ma.fields.String(validate=ma.validate.OneOf(("enable", "disable")))
    message = ma.fields.String(load_default="", validate=ma.validate.Length(max=MESSAGE_MAX))
    until = UTCDateTimeField(load_default=None, allow_none=True)
    reason = ma.fields.String(load_default="", validate=ma.validate.Length(max=500))

    @ma.validates("until")
    def future(self, value, **kwargs):
        """An end time, when given, lies ahead."""
        MaintenanceStateSchema().future(value)

    @ma.validates_schema
    def one_switch(self, data, **kwargs):
        """`enabled` or `action` says what to do; both must agree when both are sent."""
        if "enabled" not in data and "action" not in data:
            raise ma.ValidationError("Send `enabled` (true or false).", "enabled")
        both = "enabled" in data and "action" in data
        if both and data["enabled"] != (data["action"] == "enable"):
            raise ma.ValidationError("`enabled` and `action` disagree.", "action")

    @ma.post_load
    def resolve(self, data, **kwargs):
        enabled = data.pop("enabled", None)
        action = data.pop("action", None)
        data["enabled"] = enabled if enabled is not None else action == "enable"
        return data


class MaintenanceSwitchedSchema(ma.Schema):
    """`{success, message, maintenance}` after switching."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    maintenance = ma.fields.Nested(MaintenanceStatusSchema)
