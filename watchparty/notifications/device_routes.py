"""Push devices under /api/notifications/push/: FCM tokens (seeds 003 and 004), a browser's
Web Push subscription, the VAPID public key it subscribes with, and a test push."""

from flask import current_app

from watchparty.common.auth import auth_required, me
from watchparty.common.blueprint import Blueprint
from watchparty.notifications import devices, push_web
from watchparty.notifications.device_schemas import (
    DeviceListSchema,
    DeviceResultSchema,
    PushTestSchema,
    TokenRemoveSchema,
    TokenUpdateSchema,
    VapidKeySchema,
    WebSubscribeSchema,
    WebUnsubscribeSchema,
)

blp = Blueprint("notification_devices", __name__, description="Notifications: push devices")


def registered(device) -> dict:
    """What a client is told after registering a device."""
    return {"success": True, "message": "Push token registered.", "device": device}


def removed(found: bool) -> dict:
    """What a client is told after a removal (nothing to remove is fine too)."""
    message = "Push token removed." if found else "No such push token."
    return {"success": True, "message": message, "removed": found, "device": None}


@blp.post("/push/token/update/")
@auth_required
@blp.arguments(TokenUpdateSchema)
@blp.response(200, DeviceResultSchema)
def update_token(body):
    """Register (or refresh) a phone's FCM token: `{device_token, device_type, app_version}`
    or `{token, platform}` (android, ios or web)."""
    return registered(devices.register_token(me(), **body))


@blp.delete("/push/token/remove/")
@auth_required
@blp.arguments(TokenRemoveSchema)
@blp.response(200, DeviceResultSchema)
def remove_token(body):
    """Forget one of your FCM tokens: `{device_token}`."""
    return removed(devices.remove(me(), body["token"]))


@blp.post("/push/web/subscribe/")
@auth_required
@blp.arguments(WebSubscribeSchema)
@blp.response(200, DeviceResultSchema)
def web_subscribe(subscription):
    """Register this browser's PushSubscription JSON `{endpoint, keys: {p256dh, auth}}`."""
    return registered(devices.subscribe_web(me(), subscription))


@blp.post("/push/web/unsubscribe/")
@auth_required
@blp.arguments(WebUnsubscribeSchema)
@blp.response(200, DeviceResultSchema)
def web_unsubscribe(body):
    """Forget a browser's subscription: `{endpoint}`."""
    return removed(devices.remove(me(), body["endpoint"]))


@blp.get("/push/vapid-public-key/")
@blp.response(200, VapidKeySchema)
def vapid_public_key():
    """The applicationServerKey to subscribe with (no sign-in needed; null: push is off)."""
    enabled = push_web.configured(current_app.config)
    return {
        "public_key": current_app.config["VAPID_PUBLIC_KEY"] if enabled else None,
        "enabled": enabled,
    }


@blp.get("/push/devices/")
@auth_required
@blp.response(200, DeviceListSchema)
def my_devices():
    """Your registered push devices."""
    return {"devices": devices.mine(me())}


@blp.post("/push/test/")
@auth_required
@blp.response(200, PushTestSchema)
def push_test():
    """Send yourself a test notification (in the app, and pushed to your devices)."""
    return devices.test(me())
