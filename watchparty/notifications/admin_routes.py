"""Admins' notification views under /api/notifications/ (seed 003 "Templates & Channels",
"Statistics", "Bulk Operations", push broadcast)."""

import uuid

from watchparty.common.auth import admin_required
from watchparty.common.blueprint import Blueprint
from watchparty.notifications import admin, broadcast, templates
from watchparty.notifications.admin_schemas import (
    BroadcastResultSchema,
    BroadcastSchema,
    BulkSendSchema,
    ChannelSchema,
    CleanupResultSchema,
    CleanupSchema,
    DeliveryStatSchema,
    StatsSchema,
    TemplateSchema,
    TemplateUpdateSchema,
)

blp = Blueprint("notification_admin", __name__, description="Notifications: admin")


@blp.get("/templates/")
@admin_required
@blp.response(200, TemplateSchema(many=True))
def list_templates():
    """Every template."""
    return templates.listing()


@blp.post("/templates/")
@admin_required
@blp.arguments(TemplateSchema)
@blp.response(201, TemplateSchema)
def create_template(fields):
    """Add a template."""
    return templates.create(fields)


@blp.get("/templates/<uuid:template_id>/")
@admin_required
@blp.response(200, TemplateSchema)
def template(template_id: uuid.UUID):
    """One template."""
    return templates.get(template_id)


@blp.route("/templates/<uuid:template_id>/", methods=["PUT", "PATCH"])
@admin_required
@blp.arguments(TemplateUpdateSchema(partial=True))
@blp.response(200, TemplateSchema)
def change_template(fields, template_id: uuid.UUID):
    """Change some of a template's fields."""
    return templates.change(template_id, fields)


@blp.delete("/templates/<uuid:template_id>/")
@admin_required
@blp.response(204)
def delete_template(template_id: uuid.UUID):
    """Delete a template."""
    templates.remove(template_id)


@blp.get("/channels/")
@admin_required
@blp.response(200, ChannelSchema(many=True))
def channels():
    """The channels and whether this server is configured for each."""
    return admin.channels()


@blp.get("/stats/")
@admin_required
@blp.response(200, StatsSchema)
def stats():
    """Counts across everyone's notifications."""
    return admin.stats()


@blp.get("/delivery-stats/")
@admin_required
@blp.response(200, DeliveryStatSchema(many=True))
def delivery_stats():
    """Deliveries per channel: queued, sent, failed, opened."""
    return admin.delivery_stats()


@blp.post("/bulk/send/")
@admin_required
@blp.arguments(BulkSendSchema)
@blp.response(202, BroadcastResultSchema)
def bulk_send(body):
    """Send a template to listed people (fanned out by workers)."""
    return broadcast.bulk_send(body["template_id"], body["target_users"], body["data"])


@blp.post("/push/broadcast/")
@admin_required
@blp.arguments(BroadcastSchema)
@blp.response(202, BroadcastResultSchema)
def push_broadcast(body):
    """Tell everyone (or listed people): in the app, live and by push (fanned out by workers)."""
    return broadcast.announce(body)


@blp.post("/cleanup/")
@admin_required
@blp.arguments(CleanupSchema)
@blp.response(200, CleanupResultSchema)
def cleanup(body):
    """Delete read notifications older than `older_than_days`."""
    return admin.cleanup(body["older_than_days"])
