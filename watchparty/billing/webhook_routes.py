"""Stripe's webhook endpoint, and the admin views of stored events and reconciliation runs."""

from flask import request
from sqlalchemy import select

from watchparty.billing import (
    reconcile_cli,  # noqa: F401 - registers `flask billing reconcile`
    tasks,
    webhooks,
)
from watchparty.billing.event_models import ReconciliationRun, WebhookEvent
from watchparty.billing.stripe_api import require_configured
from watchparty.billing.webhook_schemas import (
    ReconcileQueuedSchema,
    ReconciliationRunSchema,
    WebhookEventDetailSchema,
    WebhookEventQuerySchema,
    WebhookEventSchema,
    WebhookReceiptSchema,
)
from watchparty.common.auth import admin_required
from watchparty.common.blueprint import Blueprint
from watchparty.common.pagination import PageQuerySchema, page_of, paginate
from watchparty.errors import NotFound, TooLarge
from watchparty.extensions import db

blp = Blueprint("billing_webhook_routes", __name__, description="Billing")


@blp.post("/webhooks/stripe/")
@blp.response(200, WebhookReceiptSchema)
def stripe_webhook():
    """Receive a signed Stripe event: stored once by id and processed on the billing queue."""
    if (request.content_length or 0) > webhooks.MAX_BYTES:
        raise TooLarge("A webhook body is at most 1 MiB.")
    # The signature covers the exact bytes Stripe sent: read them raw, never re-serialized.
    payload = request.get_data(cache=True)
    return webhooks.receive(payload, request.headers.get("Stripe-Signature"))


@blp.get("/admin/webhook-events/")
@admin_required
@blp.arguments(WebhookEventQuerySchema, location="query")
@blp.response(200, page_of(WebhookEventSchema, "WebhookEventPage"))
def list_webhook_events(query: dict):
    """Stored Stripe events, newest first, filtered by status and type."""
    stmt = select(WebhookEvent).order_by(WebhookEvent.received_at.desc(), WebhookEvent.id)
    if query.get("status"):
        stmt = stmt.where(WebhookEvent.status == query["status"])
    if query.get("type"):
        stmt = stmt.where(WebhookEvent.type == query["type"])
    return paginate(stmt, query["page"], query["page_size"])


@blp.get("/admin/webhook-events/<string:event_id>/")
@admin_required
@blp.response(200, WebhookEventDetailSchema)
def webhook_event(event_id: str):
    """One stored Stripe event with its payload."""
    event = db.session.get(WebhookEvent, event_id)
    if event is None:
        raise NotFound("No such webhook event.")
    return event


@blp.post("/admin/webhook-events/<string:event_id>/retry/")
@admin_required
@blp.response(202, WebhookEventSchema)
def retry_webhook_event(event_id: str):
    """Queue a stored event for processing again (a processed one stays unchanged)."""
    require_configured()
    return webhooks.requeue(event_id)


@blp.get("/admin/reconciliations/")
@admin_required
@blp.arguments(PageQuerySchema, location="query")
@blp.response(200, page_of(ReconciliationRunSchema, "ReconciliationRunPage"))
def list_reconciliations(query: dict):
    """Reconciliation runs, newest first, each with what it changed."""
    stmt = select(ReconciliationRun).order_by(
        ReconciliationRun.started_at.desc(), ReconciliationRun.id
    )
    return paginate(stmt, query["page"], query["page_size"])


@blp.post("/admin/reconcile/")
@admin_required
@blp.response(202, ReconcileQueuedSchema)
def reconcile_now():
    """Queue a reconciliation with Stripe now."""
    require_configured()
    job_id = tasks.reconcile_once.enqueue()
    return {"success": True, "message": "Reconciliation queued.", "job_id": job_id}
