"""Maintenance mode: while it is on the API answers 503 (with `Retry-After` and the staff's
message) to everyone but staff, and sockets refuse new connections and joins.

The state is the `maintenance` site setting, so every process reads it from the same cache as
the other settings (a change reaches the others within `settings.CACHE_SECONDS`).
"""

import uuid
from datetime import datetime

import marshmallow as ma
from flask import Flask, request
from flask_jwt_extended import get_current_user, verify_jwt_in_request

from watchparty.common.types import utcnow
from watchparty.errors import Unavailable, ValidationError
from watchparty.extensions import db
from watchparty.site import settings

KEY = "maintenance"
DEFAULT_MESSAGE = "The site is down for maintenance. Please come back soon."
DEFAULT_RETRY_AFTER = 300  # seconds, when staff gave no end time (or it has passed)
# What still answers during maintenance (besides staff and everything outside /api/): health
# checks, signing in (so staff can), and the status the client polls.
OPEN_PATHS = (
    "/api/health",
    "/api/admin/health/",
    "/api/maintenance/",
    "/api/auth/login/",
    "/api/auth/refresh/",
    "/api/auth/logout/",
    "/api/auth/2fa/verify/",
    "/api/auth/social/",
)
# Staff-only paths are left to their own role checks: staff pass maintenance anyway, and anyone
# else gets the 401 or 403 those paths always answer (the contract: refused, not "come back").
STAFF_PATHS = ("/api/admin/", "/api/moderation/admin/", "/api/billing/admin/")


class MaintenanceMode(Unavailable):
    """The 503 of maintenance mode: the one error shape plus `until`."""

    code = "maintenance"

    def __init__(self, current: dict) -> None:
        self.until = current.get("until")
        super().__init__(
            current.get("message") or DEFAULT_MESSAGE,
            retry_after=retry_after(current),
            code="maintenance",
        )

    def to_dict(self) -> dict:
        """The error shape with the expected end of maintenance (ISO 8601 or null)."""
        return super().to_dict() | {"until": self.until}


def state() -> dict:
    """The current state: {enabled, message, until (ISO 8601 or None)}."""
    return dict(settings.get(KEY))


def status() -> dict:
    """What anyone may know: the state plus the seconds until it should end."""
    current = state()
    shown = current["message"] or DEFAULT_MESSAGE
    return {
        **current,
        "message": shown if current["enabled"] else current["message"],
        "retry_after": retry_after(current) if current["enabled"] else None,
    }


def retry_after(current: dict) -> int:
    """Seconds to the announced end, or the default when there is none (or it has passed)."""
    if current.get("until"):
        left = datetime.fromisoformat(current["until"].replace("Z", "+00:00")) - utcnow()
        if left.total_seconds() >= 1:
            return int(left.total_seconds())
    return DEFAULT_RETRY_AFTER


def switch(actor_id: uuid.UUID, new: dict, reason: str = "") -> dict:
    """Turn maintenance on or off (with its message and end), audited in the same commit."""
    try:
        clean = settings.DECLARED[KEY].field.deserialize(new)
    except ma.ValidationError as error:
        raise ValidationError("Invalid maintenance state.", errors=error.messages) from error
    action = "maintenance.enable" if clean["enabled"] else "maintenance.disable"
    settings.store(actor_id, KEY, clean, reason, action)
    return status()


def _current_or_none() -> dict | None:
    """The state if maintenance is on; None when off or unreadable (the request then fails or
    succeeds on its own: a database outage is not maintenance)."""
    try:
        current = state()
    except Exception:  # noqa: BLE001 - e.g. the database is down
        db.session.rollback()
        return None
    return current if current.get("enabled") else None


def is_staff(user) -> bool:
    """Staff pass through maintenance: moderators, admins and superusers."""
    return bool(user is not None and getattr(user, "can_moderate", False))


def guard() -> None:
    """before_request: while maintenance is on, 503 for API calls but open and staff paths and
    staff; a token that fails verification gets its usual 401 so the client refreshes it."""
    path = request.path
    if request.method == "OPTIONS" or not path.startswith("/api/"):
        return
    if path.startswith(OPEN_PATHS + STAFF_PATHS):
        return
    current = _current_or_none()
    if current is None:
        return
    verify_jwt_in_request(optional=True)
    if not is_staff(get_current_user()):
        raise MaintenanceMode(current)


def check_socket(load_user) -> None:
    """Refuse a socket connection or join while maintenance is on, unless `load_user()` is
    staff (called only then)."""
    current = _current_or_none()
    if current is not None and not is_staff(load_user()):
        raise MaintenanceMode(current)


def install(app: Flask) -> None:
    """Run the maintenance guard before every request of `app`."""
    app.before_request(guard)
