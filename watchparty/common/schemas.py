"""Base schemas shared by every domain."""

import marshmallow as ma

from watchparty.common.types import iso


class UTCDateTimeField(ma.fields.DateTime):
    """ISO 8601 UTC with a trailing Z on output; any ISO 8601 accepted on input."""

    def _serialize(self, value, attr, obj, **kwargs):
        return iso(value)


class ErrorSchema(ma.Schema):
    """The one error shape of every 4xx/5xx (documented as every operation's error response)."""

    success = ma.fields.Boolean(dump_default=False)
    error = ma.fields.String(
        metadata={"description": "machine-readable code, e.g. validation_error"}
    )
    message = ma.fields.String(metadata={"description": "what went wrong, for people"})
    detail = ma.fields.String()
    errors = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.List(ma.fields.String()),
        metadata={"description": "field name → messages"},
    )
    timestamp = ma.fields.String(metadata={"description": "ISO 8601 UTC"})
    until = ma.fields.String(
        allow_none=True,
        metadata={"description": "maintenance (503): when it should end, ISO 8601, or null"},
    )


class MessageSchema(ma.Schema):
    """`{success, message}`: the answer of an action with nothing else to return."""

    success = ma.fields.Boolean(dump_default=True)
    message = ma.fields.String()


def message(text: str, **extra) -> dict:
    """A successful action's body."""
    return {"success": True, "message": text, **extra}
