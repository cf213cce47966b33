"""REST views of your notifications under /api/notifications/ (seeds 003 and 004), with the
/api/users/notifications/ aliases in user_routes.py."""

import uuid

from watchparty.common.auth import auth_required, me
from watchparty.common.blueprint import Blueprint
from watchparty.notifications import preferences, service, unsubscribe
from watchparty.notifications.schemas import (
    NotificationPageSchema,
    NotificationPreferencesSchema,
    NotificationPreferencesUpdateSchema,
    NotificationQuerySchema,
    NotificationSchema,
    ResultSchema,
    UnreadCountSchema,
    UnsubscribeSchema,
)

blp = Blueprint("notifications", __name__, description="Notifications: your list and preferences")


@blp.get("/")
@auth_required
@blp.arguments(NotificationQuerySchema, location="query")
@blp.response(200, NotificationPageSchema)
def listing(query):
    """Your notifications, the latest first (`read`/`unread`, `type`), with the unread count."""
    return service.listing(me(), query)


@blp.get("/unread-count/")
@auth_required
@blp.response(200, UnreadCountSchema)
def unread_count():
    """How many of your notifications are unread."""
    return {"unread_count": service.unread_count(me().id)}


@blp.post("/mark-all-read/")
@auth_required
@blp.response(200, ResultSchema)
def mark_all_read():
    """Mark all your notifications read."""
    return service.mark_all_read(me())


@blp.delete("/clear-all/")
@auth_required
@blp.response(200, ResultSchema)
def clear_all():
    """Delete all your notifications."""
    return service.clear(me())


@blp.route("/preferences/", methods=["GET"])
@auth_required
@blp.response(200, NotificationPreferencesSchema)
def get_preferences():
    """Your switches per topic and channel, the channels of every kind, quiet hours."""
    return preferences.current(me())


@blp.route("/preferences/", methods=["PUT", "PATCH"], endpoint="update_preferences")
@blp.route("/preferences/update/", methods=["POST"], endpoint="update_preferences_seed")
@auth_required
@blp.arguments(NotificationPreferencesUpdateSchema)
@blp.response(200, NotificationPreferencesSchema)
def update_preferences(changes):
    """Change some preferences (the others stay)."""
    return preferences.update(me(), changes)


@blp.route("/unsubscribe/", methods=["GET", "POST"])
@blp.arguments(UnsubscribeSchema, location="query")
@blp.response(200, ResultSchema)
def unsubscribe_link(query):
    """An email's one-click link: no more email of that kind (no sign-in needed)."""
    return unsubscribe.apply(query["token"])


@blp.get("/<uuid:notification_id>/")
@auth_required
@blp.response(200, NotificationSchema)
def detail(notification_id: uuid.UUID):
    """One of your notifications."""
    return service.one(me(), notification_id)


@blp.post("/<uuid:notification_id>/mark-read/")
@auth_required
@blp.response(200, ResultSchema)
def mark_read(notification_id: uuid.UUID):
    """Mark one notification read."""
    return service.mark_read(me(), notification_id)


@blp.delete("/<uuid:notification_id>/")
@auth_required
@blp.response(200, ResultSchema)
def remove(notification_id: uuid.UUID):
    """Delete one notification."""
    return service.remove(me(), notification_id)
