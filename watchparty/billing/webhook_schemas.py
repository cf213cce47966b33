"""Schemas of the Stripe webhook answer and the admin views of events and reconciliation runs."""

import marshmallow as ma

from watchparty.billing.event_models import FAILED, PROCESSED, RECEIVED
from watchparty.common.pagination import PageQuerySchema
from watchparty.common.schemas import UTCDateTimeField


class WebhookReceiptSchema(ma.Schema):
    """What Stripe is told: received, and whether this event id was seen before."""

    received = ma.fields.Boolean()
    duplicate = ma.fields.Boolean()


class WebhookEventQuerySchema(PageQuerySchema):
    """Filters of the admin event list."""

    status = ma.fields.String(validate=ma.validate.OneOf((RECEIVED, PROCESSED, FAILED)))
    type = ma.fields.String(validate=ma.validate.Length(min=1, max=100))


class WebhookEventSchema(ma.Schema):
    """A stored Stripe event: its processing state, and a note or the last error."""

    id = ma.fields.String(dump_only=True)
    type = ma.fields.String(dump_only=True)
    object_id = ma.fields.Method("data_object_id", dump_only=True, allow_none=True)
    created = ma.fields.Integer(dump_only=True, metadata={"description": "Stripe's timestamp"})
    status = ma.fields.String(dump_only=True)
    attempts = ma.fields.Integer(dump_only=True)
    note = ma.fields.Method("the_note", dump_only=True, allow_none=True)
    error = ma.fields.Method("the_error", dump_only=True, allow_none=True)
    received_at = UTCDateTimeField(dump_only=True)
    processed_at = UTCDateTimeField(dump_only=True, allow_none=True)

    def data_object_id(self, event) -> str | None:
        """The id of the Stripe object the event is about."""
        obj = (event.payload or {}).get("data", {}).get("object", {})
        return obj.get("id") if isinstance(obj, dict) else None

    def the_note(self, event) -> str | None:
        """Why a processed event changed nothing (an ignored type)."""
        return event.error if event.status == PROCESSED else None

    def the_error(self, event) -> str | None:
        """The last failure of an event that is not processed."""
        return event.error if event.status != PROCESSED else None


class WebhookEventDetailSchema(WebhookEventSchema):
    """An event with the payload Stripe sent."""

    payload = ma.fields.Dict(dump_only=True)


class ReconciliationChangeSchema(ma.Schema):
    """One repaired field."""

    object = ma.fields.String()
    id = ma.fields.String()
    field = ma.fields.String()
    from_ = ma.fields.Raw(data_key="from", attribute="from", allow_none=True)
    to = ma.fields.Raw(allow_none=True)


class ReconciliationRunSchema(ma.Schema):
    """One reconciliation run with every change it made."""

    id = ma.fields.UUID(dump_only=True)
    status = ma.fields.String(dump_only=True, metadata={"description": "running, done or failed"})
    started_at = UTCDateTimeField(dump_only=True)
    finished_at = UTCDateTimeField(dump_only=True, allow_none=True)
    checked = ma.fields.Integer(dump_only=True)
    changes = ma.fields.List(ma.fields.Nested(ReconciliationChangeSchema), dump_only=True)
    error = ma.fields.String(dump_only=True, allow_none=True)


class ReconcileQueuedSchema(ma.Schema):
    """A reconciliation run was queued."""

    success = ma.fields.Boolean()
    message = ma.fields.String()
    job_id = ma.fields.String()
