"""Base schemas shared by every domain."""

import marshmallow as ma

from watchparty.common.types import iso


class UTCDateTimeField(ma.fields.DateTime):
    """ISO 8601 UTC with a trailing Z on output; any ISO 8601 accepted on input."""

    def _serialize(self, value, attr, obj, **kwargs):
        return iso(value)


class MessageSchema(ma.Schema):
    """`{success, message}`: the answer of an action with nothing else to return."""

    success = ma.fields.Boolean(dump_default=True)
    message = ma.fields.String()


def message(text: str, **extra) -> dict:
    """A successful action's body."""
    return {"success": True, "message": text, **extra}
