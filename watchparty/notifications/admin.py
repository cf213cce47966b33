"""What admins see and do across everyone's notifications: the channels and whether each is
configured, counts by kind and state, delivery outcomes per channel, and cleanup."""

from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, func, select

from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.notifications import delivery
from watchparty.notifications.kinds import EMAIL, IN_APP, KINDS, MOBILE_PUSH, WEB_PUSH
from watchparty.notifications.models import Delivery, Notification, PushDevice


def channels() -> list[dict]:
    """Each channel, whether this server can use it, and how many devices it reaches."""
    config = current_app.config
    devices = dict(
        db.session.execute(
            select(PushDevice.device_type, func.count()).group_by(PushDevice.device_type)
        ).all()
    )
    mobile = devices.get("android", 0) + devices.get("ios", 0)
    return [
        {"name": IN_APP, "label": "In the app", "enabled": True, "devices": None},
        {"name": EMAIL, "label": "Email", "enabled": True, "devices": None},
        {
            "name": WEB_PUSH,
            "label": "Browser push",
            "devices": devices.get("web", 0),
            "enabled": bool(config.get("VAPID_PRIVATE_KEY") and config.get("VAPID_PUBLIC_KEY")),
        },
        {
            "name": MOBILE_PUSH,
            "label": "Phone push (FCM)",
            "devices": mobile,
            "enabled": bool(config.get("FCM_PROJECT_ID")),
        },
    ]


def stats() -> dict:
    """Notifications in all: total, unread, by kind, and created in the last day and week."""
    count = select(func.count()).select_from(Notification)
    now = utcnow()
    by_type = dict(
        db.session.execute(
            select(Notification.type, func.count()).group_by(Notification.type)
        ).all()
    )
    return {
        "total": db.session.scalar(count) or 0,
        "unread": db.session.scalar(count.where(Notification.read_at.is_(None))) or 0,
        "last_24_hours": db.session.scalar(
            count.where(Notification.created_at >= now - timedelta(days=1))
        )
        or 0,
        "last_7_days": db.session.scalar(
            count.where(Notification.created_at >= now - timedelta(days=7))
        )
        or 0,
        "by_type": {name: by_type.get(name, 0) for name in KINDS},
    }


def delivery_stats() -> list[dict]:
    """Per channel: queued, sent, failed, opened (read after it was sent)."""
    rows = db.session.execute(
        select(Delivery.channel, Delivery.status, func.count()).group_by(
            Delivery.channel, Delivery.status
        )
    ).all()
    opened = dict(
        db.session.execute(
            select(Delivery.channel, func.count())
            .where(Delivery.opened_at.is_not(None))
            .group_by(Delivery.channel)
        ).all()
    )
    found = {}
    for channel, status, n in rows:
        found.setdefault(channel, {})[status] = n
    return [
        {
            "channel": channel,
            "queued": found.get(channel, {}).get("queued", 0),
            "sent": found.get(channel, {}).get("sent", 0),
            "failed": found.get(channel, {}).get("failed", 0),
            "opened": opened.get(channel, 0),
        }
        for channel in (EMAIL, WEB_PUSH, MOBILE_PUSH)
    ]


def cleanup(older_than_days: int) -> dict:
    """Delete read notifications older than that many days (unread ones stay)."""
    old = select(Notification.id).where(
        Notification.read_at.is_not(None),
        Notification.updated_at < utcnow() - timedelta(days=older_than_days),
    )
    ids = list(db.session.scalars(old))
    if ids:
        delivery.forget(ids)
        db.session.execute(delete(Notification).where(Notification.id.in_(ids)))
    db.session.commit()
    return {"success": True, "message": f"{len(ids)} deleted.", "deleted": len(ids)}
