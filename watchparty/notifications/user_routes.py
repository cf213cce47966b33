"""Seed 003's /api/users/notifications/ paths: the same list and read marks."""

import uuid

from watchparty.common.auth import auth_required, me
from watchparty.common.blueprint import Blueprint
from watchparty.notifications import service
from watchparty.notifications.schemas import (
    NotificationPageSchema,
    NotificationQuerySchema,
    ResultSchema,
)

blp = Blueprint("user_notifications", __name__, description="Users: notifications (aliases)")


@blp.get("/notifications/")
@auth_required
@blp.arguments(NotificationQuerySchema, location="query")
@blp.response(200, NotificationPageSchema)
def listing(query):
    """Your notifications with the unread count (as /api/notifications/)."""
    return service.listing(me(), query)


@blp.post("/notifications/<uuid:notification_id>/read/")
@auth_required
@blp.response(200, ResultSchema)
def mark_read(notification_id: uuid.UUID):
    """Mark one notification read."""
    return service.mark_read(me(), notification_id)


@blp.post("/notifications/mark-all-read/")
@auth_required
@blp.response(200, ResultSchema)
def mark_all_read():
    """Mark all your notifications read."""
    return service.mark_all_read(me())
