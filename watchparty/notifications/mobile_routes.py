"""Seed 003's mobile endpoint for push tokens: /api/mobile/push-token/."""

from watchparty.common.auth import auth_required, current_user
from watchparty.common.blueprint import Blueprint
from watchparty.notifications import devices
from watchparty.notifications.device_routes import registered
from watchparty.notifications.device_schemas import DeviceResultSchema, TokenUpdateSchema

blp = Blueprint("mobile_push", __name__, description="Mobile: push tokens")


@blp.post("/push-token/")
@auth_required
@blp.arguments(TokenUpdateSchema)
@blp.response(200, DeviceResultSchema)
def push_token(body):
    """Register a phone's FCM token: `{device_token, device_type}` (as push/token/update/)."""
    return registered(devices.register_token(current_user._get_current_object(), **body))
