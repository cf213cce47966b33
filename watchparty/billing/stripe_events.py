"""Process one stored Stripe event: re-read the object from Stripe and apply it locally."""

import logging
from collections.abc import Callable

import stripe

from watchparty.billing import notices, product_lines
from watchparty.billing.event_models import FAILED, PROCESSED, WebhookEvent
from watchparty.billing.stripe_api import client
from watchparty.common.types import utcnow
from watchparty.extensions import db

log = logging.getLogger(__name__)

SUBSCRIPTION_EVENTS = frozenset(
    f"customer.subscription.{name}"
    for name in ("created", "updated", "deleted", "paused", "resumed")
)
INVOICE_EVENTS = frozenset(
    f"invoice.{name}"
    for name in (
        "created",
        "finalized",
        "paid",
        "payment_failed",
        "payment_succeeded",
        "updated",
        "voided",
        "marked_uncollectible",
    )
)
PAYMENT_INTENT_EVENTS = frozenset({"payment_intent.succeeded", "payment_intent.payment_failed"})
REFUND_EVENTS = frozenset({"charge.refunded"})
IGNORED = "ignored: no handler for this event type"


def kind_of(obj) -> str | None:
    """`metadata.kind` of a Stripe object ("creator", "tip", or None for the platform's)."""
    data = obj.to_dict() if hasattr(obj, "to_dict") else dict(obj)
    return (data.get("metadata") or {}).get("kind")


def snapshot_of(payload: dict) -> stripe.StripeObject:
    """The event's `data.object` as the typed StripeObject the SDK would have returned."""
    return stripe.Event.construct_from(payload, None).data.object


def fresh(retrieve: Callable, snapshot: stripe.StripeObject, created: int) -> tuple:
    """(object, as_of): Stripe's current object and None (fresh wins), or, when Stripe no
    longer has it, the event's snapshot dated by the event (older news never wins)."""
    try:
        return retrieve(snapshot.id), None
    except stripe.InvalidRequestError as error:
        if error.http_status != 404:
            raise
        return snapshot, created


def apply_subscription(sub, as_of: int | None) -> None:
    """Upsert a Stripe subscription where it belongs: a product line's, or the platform's."""
    line = product_lines.line_of(sub)
    if line is not None:
        line.upsert_subscription(sub, as_of)
        return
    from watchparty.billing.stripe_sync import upsert_subscription

    upsert_subscription(sub, as_of=as_of)


def _subscription(event_type: str, snapshot, created: int) -> None:
    """A platform or creator subscription changed: upsert Stripe's current version."""
    sub, as_of = fresh(client().v1.subscriptions.retrieve, snapshot, created)
    if as_of is not None and event_type == "customer.subscription.deleted":
        sub["status"] = "canceled"  # a deleted subscription Stripe forgot is still over
    apply_subscription(sub, as_of)


def _invoice(event_type: str, snapshot, created: int) -> None:
    """An invoice changed: upsert Stripe's current version."""
    from watchparty.billing.invoice_sync import upsert_invoice

    invoice, as_of = fresh(client().v1.invoices.retrieve, snapshot, created)
    upsert_invoice(invoice, as_of=as_of)


def _payment_intent(event_type: str, snapshot, created: int) -> None:
    """A one-time payment (e.g. a tip) succeeded or failed: record Stripe's current state."""
    intent, as_of = fresh(client().v1.payment_intents.retrieve, snapshot, created)
    product_lines.record_payment_intent(intent, as_of)


def _refund(event_type: str, snapshot, created: int) -> None:
    """A charge was refunded: record the refund (the snapshot carries the refunded amount)."""
    from watchparty.billing.invoice_sync import record_refund

    record_refund(snapshot, as_of=created)


def handler_for(event_type: str) -> Callable | None:
    """The function that applies one event type, or None when the type is ignored."""
    for types, handler in (
        (SUBSCRIPTION_EVENTS, _subscription),
        (INVOICE_EVENTS, _invoice),
        (PAYMENT_INTENT_EVENTS, _payment_intent),
        (REFUND_EVENTS, _refund),
    ):
        if event_type in types:
            return handler
    return None


def process(event_id: str) -> WebhookEvent | None:
    """Apply one stored event once; a processed event is left alone. Raises (after marking the
    event failed with the error) so the queue retries it."""
    event = db.session.get(WebhookEvent, event_id)
    if event is None:
        log.warning("Stripe event %s is not stored; nothing to process", event_id)
        return None
    if event.status == PROCESSED:
        return event
    event.attempts += 1
    db.session.commit()
    handler = handler_for(event.type)
    try:
        if handler is not None:
            handler(event.type, snapshot_of(event.payload), event.created)
    except Exception as error:
        db.session.rollback()
        event = db.session.get(WebhookEvent, event_id)
        event.status, event.error = FAILED, f"{type(error).__name__}: {error}"[:2000]
        db.session.commit()
        raise
    event.status, event.processed_at = PROCESSED, utcnow()
    event.error = None if handler else IGNORED
    db.session.commit()
    if handler is not None:
        notices.after_event(event)  # once: a processed event is never applied again
    return event
