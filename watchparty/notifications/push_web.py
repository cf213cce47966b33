"""The browser push channel: Web Push (RFC 8030) with VAPID (RFC 8292), the payload encrypted
as aes128gcm (RFC 8291) for the subscription's keys, by pywebpush."""

import functools
import json

import requests
from flask import current_app
from py_vapid import Vapid02
from pywebpush import WebPushException, webpush

from watchparty.notifications import links, push_fcm
from watchparty.notifications.errors import Gone, Retryable

# What a person wants to hear about at once wakes a phone's browser; the rest may wait.
URGENCY = {"party_starting": "high", "party_invitation": "high", "mention": "high"}
URGENCY |= {"new_message": "high", "marketing": "low", "broadcast": "low"}


class NotConfigured(RuntimeError):
    """VAPID keys are not set: browser push cannot be sent."""


def configured(config) -> bool:
    """Whether browser push can be sent (and subscribed to) with these settings."""
    return bool(config.get("VAPID_PUBLIC_KEY") and config.get("VAPID_PRIVATE_KEY"))


@functools.lru_cache(maxsize=4)
def _vapid(private_key: str) -> Vapid02:
    return Vapid02.from_string(private_key)


def payload(notification) -> dict:
    """What the service worker receives (static/sw.js shows it)."""
    return {
        "id": str(notification.id),
        "type": notification.type,
        "title": notification.title,
        "message": notification.message,
        "url": links.path_of(notification.data or {}),
        "count": notification.count,
    }


def subscription_of(device) -> dict:
    """A stored device as the browser's PushSubscription JSON."""
    return {"endpoint": device.token, "keys": {"p256dh": device.p256dh, "auth": device.auth}}


def send(delivery, notification, device) -> None:
    """Push the notification to one browser now (the caller is a job)."""
    if device.p256dh is None:  # a browser registered by its FCM token (platform web)
        return push_fcm.send(delivery, notification, device)
    config = current_app.config
    if not configured(config):
        raise NotConfigured("VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY are not set")
    try:
        webpush(
            subscription_of(device),
            data=json.dumps(payload(notification), separators=(",", ":")),
            vapid_private_key=_vapid(config["VAPID_PRIVATE_KEY"]),
            vapid_claims={"sub": config["VAPID_SUBJECT"]},
            ttl=config["PUSH_TTL"],
            timeout=config["PUSH_TIMEOUT"],
            headers={"Urgency": URGENCY.get(notification.type, "normal")},
        )
    except WebPushException as error:
        status = error.status_code
        if status in (404, 410):
            raise Gone(f"web push: {status}, the subscription has expired") from error
        if status is not None and (status == 429 or status >= 500):
            raise Retryable(f"web push: {status}") from error
        raise RuntimeError(f"web push refused: {status} {_text(error)}") from error
    except (requests.Timeout, requests.ConnectionError) as error:
        raise Retryable(f"web push: {type(error).__name__}") from error


def _text(error: WebPushException) -> str:
    return (getattr(error.response, "text", "") or "")[:200]
