"""Push devices in and out: an FCM token (seed 003's and seed 004's names), a browser's
PushSubscription JSON, removals, and what a client is told back."""

import base64
import binascii
import ipaddress
from urllib.parse import urlsplit

import marshmallow as ma
from flask import current_app

from watchparty.common.schemas import UTCDateTimeField
from watchparty.notifications.models import DEVICE_TYPES

TOKEN = {"validate": ma.validate.Length(min=1, max=1024)}
VERSION = {"validate": ma.validate.Length(max=40), "load_default": None}


def _both(data: dict, first: str, second: str, *, required: bool = True) -> str | None:
    """One value under either name (seed 003's or seed 004's); the two must agree."""
    a, b = data.pop(first, None), data.pop(second, None)
    if a is not None and b is not None and a != b:
        raise ma.ValidationError(f"`{first}` and `{second}` differ.", first)
    if required and (a or b) is None:
        raise ma.ValidationError(f"`{first}` (or `{second}`) is required.", first)
    return a or b


class TokenUpdateSchema(ma.Schema):
    """`{device_token, device_type, app_version?}` (seed 003) or `{token, platform}` (004)."""

    device_token = ma.fields.String(**TOKEN)
    token = ma.fields.String(**TOKEN)
    device_type = ma.fields.String(validate=ma.validate.OneOf(DEVICE_TYPES))
    platform = ma.fields.String(validate=ma.validate.OneOf(DEVICE_TYPES))
    app_version = ma.fields.String(**VERSION)

    @ma.post_load
    def one_name_each(self, data, **kwargs):
        """`token` and `device_type`, whichever names were sent."""
        token = _both(data, "device_token", "token")
        device_type = _both(data, "device_type", "platform")
        return {"token": token, "device_type": device_type, "app_version": data["app_version"]}


class TokenRemoveSchema(ma.Schema):
    """`{device_token}` (or `token`); other fields of the registration body are ignored."""

    class Meta:
        unknown = ma.EXCLUDE

    device_token = ma.fields.String(**TOKEN)
    token = ma.fields.String(**TOKEN)

    @ma.post_load
    def one_name(self, data, **kwargs):
        """`token`, whichever name was sent."""
        return {"token": _both(data, "device_token", "token")}


def _base64url(size: int, prefix: bytes = b""):
    def check(value: str) -> None:
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        except (binascii.Error, ValueError):
            raise ma.ValidationError("Not base64url.") from None
        if len(raw) != size or not raw.startswith(prefix):
            raise ma.ValidationError(f"Must be {size} bytes, base64url.")

    return check


def _endpoint(value: str) -> None:
    """An https URL of a public host (http and private hosts only where allowed: tests)."""
    parts = urlsplit(value)
    if current_app.config.get("PUSH_ALLOW_PRIVATE"):
        if parts.scheme in ("http", "https") and parts.hostname:
            return
        raise ma.ValidationError("Use an http(s) URL.")
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
        raise ma.ValidationError("A push endpoint is an https URL.")
    try:
        public = ipaddress.ip_address(parts.hostname).is_global
    except ValueError:
        public = parts.hostname != "localhost" and "." in parts.hostname
    if not public:
        raise ma.ValidationError("A push endpoint is on the public internet.")


class SubscriptionKeysSchema(ma.Schema):
    """The browser's P-256 public key (65 bytes, uncompressed) and its 16-byte auth secret."""

    p256dh = ma.fields.String(required=True, validate=_base64url(65, b"\x04"))
    auth = ma.fields.String(required=True, validate=_base64url(16))


class WebSubscribeSchema(ma.Schema):
    """A browser's `PushSubscription.toJSON()`: {endpoint, expirationTime, keys}."""

    class Meta:
        unknown = ma.EXCLUDE  # browsers may add fields to the subscription's JSON

    endpoint = ma.fields.String(required=True, validate=[ma.validate.Length(max=1024), _endpoint])
    keys = ma.fields.Nested(SubscriptionKeysSchema, required=True)
    expirationTime = ma.fields.Raw(allow_none=True, load_default=None)  # noqa: N815 - the browser's name
    app_version = ma.fields.String(**VERSION)


class WebUnsubscribeSchema(ma.Schema):
    """`{endpoint}` of the subscription to forget."""

    endpoint = ma.fields.String(required=True, **TOKEN)


class DeviceSchema(ma.Schema):
    """One of your push devices (its token or endpoint is not echoed)."""

    id = ma.fields.UUID()
    device_type = ma.fields.String()
    web_push = ma.fields.Function(lambda device: device.p256dh is not None)
    app_version = ma.fields.String(allow_none=True)
    created_at = UTCDateTimeField()
    last_used_at = UTCDateTimeField(allow_none=True)


class DeviceResultSchema(ma.Schema):
    """`{success, message}` and the device registered (none after a removal)."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    removed = ma.fields.Boolean()
    device = ma.fields.Nested(DeviceSchema, allow_none=True)


class DeviceListSchema(ma.Schema):
    """Your push devices."""

    devices = ma.fields.List(ma.fields.Nested(DeviceSchema))


class PushTestSchema(ma.Schema):
    """`{success, message}` and how many devices the test goes to."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    devices = ma.fields.Integer()


class VapidKeySchema(ma.Schema):
    """The application server key a browser subscribes with (null: browser push is off)."""

    public_key = ma.fields.String(allow_none=True)
    enabled = ma.fields.Boolean()
