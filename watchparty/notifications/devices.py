"""Your push devices: a phone's FCM token or a browser's Web Push subscription, one row per
token (registering it again updates it; a token another account had moves to you)."""

from flask import current_app
from sqlalchemy import select

from watchparty.common.inserts import insert_once
from watchparty.common.notify import notify
from watchparty.common.types import new_id, utcnow
from watchparty.errors import Unavailable
from watchparty.extensions import db
from watchparty.notifications import push_web
from watchparty.notifications.models import WEB, PushDevice
from watchparty.users.models import User


def _upsert(user: User, token: str, device_type: str, **fields) -> PushDevice:
    """The device with `token`, now the user's, with these fields (race-safe on the token)."""
    insert_once(
        PushDevice,
        missing="No such user.",
        id=new_id(),
        user_id=user.id,
        token=token,
        device_type=device_type,
        created_at=utcnow(),
        **fields,
    )
    device = db.session.scalar(
        select(PushDevice).where(PushDevice.token == token).with_for_update()
    )
    device.user_id, device.device_type = user.id, device_type
    for name, value in fields.items():
        setattr(device, name, value)
    db.session.commit()
    return device


def register_token(user: User, token: str, device_type: str, app_version=None) -> PushDevice:
    """A phone's (or a browser's) FCM registration token."""
    return _upsert(user, token, device_type, p256dh=None, auth=None, app_version=app_version)


def subscribe_web(user: User, subscription: dict) -> PushDevice:
    """A browser's PushSubscription: its endpoint and keys (503 when VAPID keys are unset)."""
    if not push_web.configured(current_app.config):
        raise Unavailable("Browser push is not configured.", code="push_not_configured")
    keys = subscription["keys"]
    return _upsert(
        user,
        subscription["endpoint"],
        WEB,
        p256dh=keys["p256dh"],
        auth=keys["auth"],
        app_version=subscription.get("app_version"),
    )


def remove(user: User, token: str) -> bool:
    """Forget one of the user's devices by its token or endpoint; whether there was one."""
    device = db.session.scalar(
        select(PushDevice).where(PushDevice.token == token, PushDevice.user_id == user.id)
    )
    if device is None:
        return False
    db.session.delete(device)
    db.session.commit()
    return True


def mine(user: User) -> list[PushDevice]:
    """The user's devices, the newest first."""
    stmt = select(PushDevice).where(PushDevice.user_id == user.id)
    return list(db.session.scalars(stmt.order_by(PushDevice.created_at.desc())))


def test(user: User) -> dict:
    """A test notification to every device the user's preferences let push reach."""
    count = len(mine(user))
    notify(user.id, "test", "Test notification", "Push notifications are working.")
    return {"success": True, "message": f"Test sent to {count} device(s).", "devices": count}
