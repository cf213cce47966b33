"""Notifications as JSON, their list's query, preferences in and out, and socket payloads."""

import marshmallow as ma

from watchparty.common.pagination import PageQuerySchema, page_of
from watchparty.common.schemas import UTCDateTimeField
from watchparty.notifications.kinds import KINDS
from watchparty.users.settings import (
    ChannelSwitchesSchema,
    NotificationSettingsSchema,
    StrictBoolean,
)


class NotificationSchema(ma.Schema):
    """One notification: seed 003's fields, with `count` for collapsed events."""

    id = ma.fields.UUID(dump_only=True)
    type = ma.fields.String(dump_only=True)
    title = ma.fields.String(dump_only=True)
    message = ma.fields.String(dump_only=True)
    read = ma.fields.Boolean(dump_only=True)
    data = ma.fields.Dict(dump_only=True)
    count = ma.fields.Integer(dump_only=True)
    created_at = UTCDateTimeField(dump_only=True)
    updated_at = UTCDateTimeField(dump_only=True)
    read_at = UTCDateTimeField(dump_only=True, allow_none=True)


class NotificationPageSchema(page_of(NotificationSchema, "NotificationPageBase")):
    """A page of notifications (`results`, also as seed 003's `notifications`) and the unread
    count."""

    notifications = ma.fields.List(ma.fields.Nested(NotificationSchema))
    unread_count = ma.fields.Integer()


class NotificationQuerySchema(PageQuerySchema):
    """`read` (or seed 004's `unread`) and `type` filters."""

    read = ma.fields.Boolean(load_default=None)
    unread = ma.fields.Boolean(load_default=None)
    type = ma.fields.String(validate=ma.validate.OneOf(sorted(KINDS)))

    @ma.post_load
    def one_read_filter(self, data, **kwargs):
        """`unread=true` is `read=false`."""
        unread = data.pop("unread", None)
        if unread is not None and data.get("read") is None:
            data["read"] = not unread
        return data


class ResultSchema(ma.Schema):
    """`{success, message}` with the unread count after the change."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    unread_count = ma.fields.Integer()


class UnreadCountSchema(ma.Schema):
    """How many notifications are unread."""

    unread_count = ma.fields.Integer()


class NotificationPreferencesUpdateSchema(NotificationSettingsSchema):
    """Some switches (seed 003's `party_invitations` and `marketing` too), `channels` per kind,
    quiet hours."""

    class Meta:
        unknown = ma.RAISE

    party_invitations = StrictBoolean()
    marketing = StrictBoolean()


class NotificationPreferencesSchema(NotificationPreferencesUpdateSchema):
    """Every switch, the channel matrix of every kind, quiet hours; in-app is always on."""

    in_app = ma.fields.Boolean()
    channels = ma.fields.Dict(
        keys=ma.fields.String(), values=ma.fields.Nested(ChannelSwitchesSchema)
    )


class SocketReadSchema(ma.Schema):
    """`mark_read` {id?}: one notification, or all without an id."""

    id = ma.fields.UUID(load_default=None)


class UnsubscribeSchema(ma.Schema):
    """The signed token of an email's unsubscribe link."""

    token = ma.fields.String(required=True, validate=ma.validate.Length(min=1, max=500))
