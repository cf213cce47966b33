"""Seed 003's admin paths for telling people: /api/admin/broadcast/ and
/api/admin/notifications/send/ (the same fan-out as /api/notifications/push/broadcast/)."""

from watchparty.common.auth import admin_required
from watchparty.common.blueprint import Blueprint
from watchparty.notifications import broadcast
from watchparty.notifications.admin_schemas import BroadcastResultSchema, BroadcastSchema

blp = Blueprint("notification_staff", __name__, description="Admin: broadcasts")


@blp.post("/broadcast/")
@admin_required
@blp.arguments(BroadcastSchema)
@blp.response(202, BroadcastResultSchema)
def broadcast_message(body):
    """Tell everyone (or listed people) something, fanned out by workers."""
    return broadcast.announce(body)


@blp.post("/notifications/send/")
@admin_required
@blp.arguments(BroadcastSchema)
@blp.response(202, BroadcastResultSchema)
def send(body):
    """Send a notification to `recipients` (fanned out by workers)."""
    return broadcast.announce(body)
