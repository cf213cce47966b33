"""Delivering a stored notification beyond the app: one row per channel and device, each sent
by a job at most once, retried with backoff while the service is down, and a device the push
service no longer knows is forgotten."""

import logging
import uuid

from flask import current_app
from sqlalchemy import delete, select, update

from watchparty.common import metrics
from watchparty.common.types import utcnow
from watchparty.extensions import db
from watchparty.jobs import job
from watchparty.notifications import email, preferences, push_fcm, push_web
from watchparty.notifications.errors import Gone, Retryable
from watchparty.notifications.kinds import EMAIL, MOBILE_PUSH, WEB_PUSH
from watchparty.notifications.models import (
    FAILED,
    QUEUED,
    SENT,
    WEB,
    Delivery,
    Notification,
    PushDevice,
)
from watchparty.users.models import ACTIVE, User

log = logging.getLogger(__name__)
SENDERS = {EMAIL: email.send, WEB_PUSH: push_web.send, MOBILE_PUSH: push_fcm.send}
BACKOFF = [5, 30, 120, 600]  # seconds between the attempts after a 5xx, a 429 or a timeout


def channel_of(device: PushDevice) -> str:
    """A browser's subscription takes Web Push; a phone's token FCM."""
    return WEB_PUSH if device.device_type == WEB else MOBILE_PUSH


def can_reach(device: PushDevice) -> bool:
    """Whether this server is configured for the push service the device needs (a browser
    subscription needs VAPID keys; a phone's or a browser's FCM token needs FCM)."""
    config = current_app.config
    return push_web.configured(config) if device.p256dh else push_fcm.configured(config)


def targets(notification: Notification, user: User) -> list[tuple[str, str]]:
    """(channel, target) pairs the user's preferences and the server's setup allow."""
    found = []
    if user.is_verified and preferences.wants(user, notification.type, EMAIL):
        found.append((EMAIL, ""))
    devices = db.session.scalars(select(PushDevice).where(PushDevice.user_id == user.id)).all()
    for device in devices:
        if can_reach(device) and preferences.wants(user, notification.type, channel_of(device)):
            found.append((channel_of(device), str(device.id)))
    return found


def dispatch(notification: Notification, user: User) -> list[uuid.UUID]:
    """Queue a delivery for every allowed channel and device; the ids of the deliveries."""
    rows = [
        Delivery(notification_id=notification.id, channel=channel, target=target)
        for channel, target in targets(notification, user)
    ]
    db.session.add_all(rows)
    db.session.commit()
    for row in rows:
        send_one.enqueue(str(row.id))
    return [row.id for row in rows]


def _device(delivery: Delivery) -> PushDevice | None:
    return db.session.get(PushDevice, uuid.UUID(delivery.target)) if delivery.target else None


@job("notify", retries=len(BACKOFF), backoff=BACKOFF)
def send_one(delivery_id: str) -> None:
    """Send one delivery unless it went already; a Retryable error is retried by the queue."""
    row = db.session.get(Delivery, uuid.UUID(delivery_id), with_for_update=True)
    if row is None or row.status != QUEUED:
        return  # sent before (a repeated job), failed for good, or the notification is gone
    notification = db.session.get(Notification, row.notification_id)
    user = db.session.get(User, notification.user_id)
    device = _device(row)
    row.attempts += 1
    try:
        if user.status != ACTIVE or (row.target and device is None):
            raise Gone("the account or the device is gone")
        if device is not None and device.user_id != user.id:
            # its token moved to another account since this was queued: kept for its new owner
            _finish(row, FAILED, "the device now belongs to another account")
            return
        SENDERS[row.channel](row, notification, device if row.target else user)
    except Gone as error:
        if device is not None:
            db.session.delete(device)
        _finish(row, FAILED, str(error))
        return
    except Retryable as error:
        last = row.attempts > len(BACKOFF)
        _finish(row, FAILED if last else QUEUED, str(error))
        if not last:
            raise
        return
    except Exception as error:  # a bad payload, a bug: this delivery will not succeed later
        log.exception("delivery %s failed", delivery_id)
        _finish(row, FAILED, f"{type(error).__name__}: {error}")
        return
    if device is not None:
        device.last_used_at = utcnow()
    _finish(row, SENT, None)


def _finish(row: Delivery, status: str, error: str | None) -> None:
    row.status, row.error = status, (error or None) and error[:300]
    if status == SENT:
        row.sent_at = utcnow()
    db.session.commit()
    metrics.delivery_finished(row.channel, "retrying" if status == QUEUED else status)


def opened(notification_id: uuid.UUID) -> None:
    """The user read it: its sent deliveries count as opened (the caller commits)."""
    db.session.execute(
        update(Delivery)
        .where(Delivery.notification_id == notification_id, Delivery.status == SENT)
        .values(opened_at=utcnow())
    )


def forget(notification_ids: list[uuid.UUID]) -> None:
    """Before deleting notifications: their deliveries go (SQLite keeps no cascade)."""
    if notification_ids:
        db.session.execute(delete(Delivery).where(Delivery.notification_id.in_(notification_ids)))
